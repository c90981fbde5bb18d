/* items: the items of a muscle module (step 1 of building a session, see
 * session.c): trigger point items with their prompts, locate-all items,
 * authored questions with their options drawn and shuffled. */
#include "session_internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* At most this many wrong options go with a choice question's correct one. */
#define CHOICE_WRONG_OPTIONS 3

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static const char *muscle_name(const Module *m)
{
    return m->name ? m->name : or_empty(m->id);
}

/* A name as it reads inside a sentence: "Iliacus" -> "iliacus", but
 * "QL" or "TFL" (an abbreviation) stays as it is. Caller frees. */
static char *in_sentence(const char *name)
{
    char *s = text_format("%s", name);
    if (s && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = (char)(s[0] - 'A' + 'a');
    return s;
}

/* True if a label names a place rather than a part ("Above the superior
 * angle", "Near the inferior angle"): it goes after the muscle's name. */
static bool label_is_place(const char *label)
{
    static const char *const words[] = {"above ", "below ", "under ", "near ", "between ", "over ", "at ",
                                         "in ", "on ", "behind ", "beside ", "along ", "just ", NULL};
    for (int i = 0; words[i]; i++)
        if (!strncasecmp(label, words[i], strlen(words[i])))
            return true;
    return false;
}

/* "the iliacus trigger point of iliopsoas", "the piriformis trigger
 * point" when the label is just the muscle's name, "the trigger point of
 * teres major near the inferior angle" when the label is a place. */
/* Length of a Travell & Simons number at s ("TP2", "TrP4"), 0 if none;
 * *number gets its digits. */
static size_t ts_number(const char *s, int *number)
{
    size_t k = !strncmp(s, "TP", 2) ? 2 : !strncmp(s, "TrP", 3) ? 3 : 0;
    if (!k || s[k] < '0' || s[k] > '9')
        return 0;
    *number = 0;
    while (s[k] >= '0' && s[k] <= '9')
        *number = *number * 10 + (s[k++] - '0');
    return k;
}

/* A chart label as it reads in a sentence: the chart's Travell & Simons
 * numbers ("TP1, lower", "Anterior (TP1)") are for the chart; the sentence
 * keeps the words ("lower", "anterior"). *number gets the number when the
 * label is nothing else ("TP1"), else 0. Caller frees. */
static char *label_words(const char *label, int *number)
{
    *number = 0;
    int n = 0;
    size_t k = ts_number(label, &n);
    if (k) {
        label += k;
        while (*label == ',' || *label == ' ')
            label++;
        if (!*label) {
            *number = n;
            return text_format("%s", "");
        }
    }
    char *w = text_format("%s", label);
    size_t len = w ? strlen(w) : 0;
    if (len > 3 && w[len - 1] == ')') { /* "Anterior (TP1)" */
        char *open = strrchr(w, '(');
        int dummy;
        if (open && open > w && open[-1] == ' ' && ts_number(open + 1, &dummy) == (size_t)(w + len - 1 - (open + 1)))
            open[-1] = 0;
    }
    return w;
}

static char *tp_phrase(const Module *m, const TriggerPoint *tp)
{
    int number;
    char *words = label_words(tp->label ? tp->label : or_empty(tp->id), &number);
    if (!words)
        return NULL;
    const char *label = words;
    char *l = in_sentence(label), *n = in_sentence(muscle_name(m));
    char *p = NULL;
    if (l && n)
        p = number ? text_format("trigger point %d of %s", number, n)
            : strcasecmp(label, muscle_name(m)) == 0 ? text_format("the %s trigger point", l)
            : label_is_place(label)                  ? text_format("the trigger point of %s %s", n, l)
                                                     : text_format("the %s trigger point of %s", l, n);
    free(words);
    free(l);
    free(n);
    return p;
}

char *session_tp_phrase(const Module *m, int tp)
{
    if (!m || tp < 0 || tp >= m->n_tps)
        return NULL;
    return tp_phrase(m, &m->tps[tp]);
}

static char *locate_prompt(const Module *m, const TriggerPoint *tp)
{
    char *phrase = tp_phrase(m, tp);
    if (!phrase)
        return NULL;
    /* Charts draw trigger points on the patient's right side only; saying so
     * saves a learner from hunting on the wrong half of the body. */
    char *p = text_format("Click %s (on the patient's right side).", phrase);
    free(phrase);
    return p;
}

static char *zone_prompt(const Module *m, const TriggerPoint *tp)
{
    char *phrase = tp_phrase(m, tp);
    if (!phrase)
        return NULL;
    char *p = text_format("Where does %s refer pain? Click inside its referral zone.", phrase);
    free(phrase);
    return p;
}

static char *paint_prompt(const Module *m, const TriggerPoint *tp)
{
    char *phrase = tp_phrase(m, tp);
    if (!phrase)
        return NULL;
    char *p = text_format("Paint the referral zone of %s.", phrase);
    free(phrase);
    return p;
}

static char *locate_all_prompt(const Module *m, int n_targets)
{
    char *n = in_sentence(muscle_name(m));
    if (!n)
        return NULL;
    char *p = n_targets == 2
                  ? text_format("Mark both trigger points of %s on this chart (on the patient's right side).", n)
                  : text_format("Mark all %d trigger points of %s on this chart (on the patient's right side).",
                                n_targets, n);
    free(n);
    return p;
}

/* Names no muscle: finding which one is the question. */
static char *reverse_prompt(void)
{
    return text_format("This pain pattern is shown on the chart. Click the trigger point responsible "
                        "(on the patient's right side).");
}

/* The first essential zone of tp, or -1. */
static int first_essential_zone(const Module *m, int tp)
{
    for (int i = 0; i < m->n_zones; i++)
        if (m->zones[i].tp == tp && m->zones[i].kind == ZONE_ESSENTIAL)
            return i;
    return -1;
}

/* True if tp has an essential zone on its own view: it gets a reverse item. */
static bool has_essential_zone_on_own_view(const Module *m, int tp)
{
    const char *view = m->tps[tp].view;
    for (int i = 0; view && i < m->n_zones; i++)
        if (m->zones[i].tp == tp && m->zones[i].kind == ZONE_ESSENTIAL && m->zones[i].view &&
            strcmp(m->zones[i].view, view) == 0)
            return true;
    return false;
}

/* True if trigger point t's view is named view. */
static bool tp_on_view(const Module *m, int t, const char *view)
{
    return m->tps[t].view && view && strcmp(m->tps[t].view, view) == 0;
}

/* Picks k distinct indices of 0..n-1 in random order into out (k <= n). */
void items_pick(Rng *rng, int n, int k, int *out)
{
    int *all = malloc(sizeof *all * (size_t)(n > 0 ? n : 1));
    if (!all) {
        for (int i = 0; i < k; i++)
            out[i] = i;
        return;
    }
    for (int i = 0; i < n; i++)
        all[i] = i;
    rng_shuffle_ints(rng, all, n);
    memcpy(out, all, sizeof *out * (size_t)k);
    free(all);
}

/* Fills the options of a question item: a choice question gets its (first)
 * correct option and up to CHOICE_WRONG_OPTIONS wrong ones; a multi question
 * all its correct options and as many wrong ones as fit, at least one wrong
 * one if it has any (so "tick everything" is never right by construction
 * unless the author meant it). Then the options are shuffled. */
static void fill_options(Item *it, const Question *q, Rng *rng)
{
    int n_correct, n_wrong;
    if (q->type == QUESTION_CHOICE) {
        n_correct = 1;
        n_wrong = q->n_wrong < CHOICE_WRONG_OPTIONS ? q->n_wrong : CHOICE_WRONG_OPTIONS;
    } else {
        n_correct = q->n_correct;
        int room_for_wrong = q->n_wrong > 0 ? 1 : 0;
        if (n_correct > SESSION_MAX_OPTIONS - room_for_wrong)
            n_correct = SESSION_MAX_OPTIONS - room_for_wrong;
        n_wrong = SESSION_MAX_OPTIONS - n_correct;
        if (n_wrong > q->n_wrong)
            n_wrong = q->n_wrong;
    }
    int ci[SESSION_MAX_OPTIONS], wi[SESSION_MAX_OPTIONS];
    if (q->type == QUESTION_CHOICE)
        ci[0] = 0;
    else
        items_pick(rng, q->n_correct, n_correct, ci);
    items_pick(rng, q->n_wrong, n_wrong, wi);

    const char *opt[SESSION_MAX_OPTIONS];
    bool ok[SESSION_MAX_OPTIONS];
    int n = 0;
    for (int i = 0; i < n_correct; i++, n++) {
        opt[n] = q->correct[ci[i]];
        ok[n] = true;
    }
    for (int i = 0; i < n_wrong; i++, n++) {
        opt[n] = q->wrong[wi[i]];
        ok[n] = false;
    }
    int order[SESSION_MAX_OPTIONS];
    for (int i = 0; i < n; i++)
        order[i] = i;
    rng_shuffle_ints(rng, order, n);
    it->n_options = n;
    for (int i = 0; i < n; i++) {
        it->options[i] = opt[order[i]];
        it->option_correct[i] = ok[order[i]];
    }
}

void items_free(Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        free(items[i].prompt);
        free(items[i].key);
        free(items[i].targets);
    }
    free(items);
}

/* Most items a module can give: the capacity build_items needs (locate,
 * zone, paint and reverse per point, at most one locate-all per point). */
int items_capacity(const Module *m)
{
    return 5 * m->n_tps + m->n_questions;
}

/* A new trigger point item (locate, zone, paint, reverse) of m's point tp,
 * answered on view; key is "<module>/tp.<id>/<suffix>". */
static void tp_item(Item *it, ItemType type, const Module *m, int tp, const char *view, const char *suffix,
                    bool *failed)
{
    it->type = type;
    it->module = m;
    it->tp = tp;
    it->question = -1;
    it->view = view;
    it->key = text_concat((const char *[]){m->id, "/tp.", m->tps[tp].id, "/", suffix}, 5);
    *failed |= !it->key;
}

/* The item a lesson's chart question asks: its muscle's own item of that
 * kind for the point (tp_item), on the question's view, keyed under the
 * lesson as "<lesson>/question.<id>". */
static void chart_item(Item *it, const Module *lesson, const Question *q, bool *failed)
{
    static const ItemType TYPES[] = {ITEM_LOCATE_TP, ITEM_ZONE_CLICK, ITEM_ZONE_PAINT, ITEM_REVERSE,
                                     ITEM_LOCATE_ALL};
    it->type = TYPES[q->ask];
    it->module = q->muscle;
    it->tp = q->tp;
    it->question = -1;
    it->view = q->view;
    it->owner = lesson;
    it->asked = q;
    it->key = text_concat((const char *[]){lesson->id, "/question.", q->id}, 3);
    *failed |= !it->key;
    if (q->ask != CHART_MARKS)
        return;
    /* Marks: every point of the muscle on the view, in module order, as
     * the muscle's locate-all item has them. */
    const Module *m = q->muscle;
    it->targets = malloc(sizeof *it->targets * (size_t)(m->n_tps > 0 ? m->n_tps : 1));
    *failed |= !it->targets;
    for (int j = 0; j < m->n_tps && it->targets; j++)
        if (tp_on_view(m, j, q->view))
            it->targets[it->n_targets++] = j;
}

/* Step 1 of session.c's file comment: m's items in canonical order into items
 * (room for items_capacity(m)). Returns how many; *failed is set if a
 * string could not be allocated (the items written so far still own
 * theirs). */
int items_build(const Module *m, Rng *rng, Item *items, bool *failed)
{
    int n = 0;
    for (int i = 0; i < m->n_tps; i++, n++)
        tp_item(&items[n], ITEM_LOCATE_TP, m, i, m->tps[i].view, "locate", failed);
    for (int i = 0; i < m->n_tps; i++) {
        int z = first_essential_zone(m, i);
        if (z >= 0)
            tp_item(&items[n++], ITEM_ZONE_CLICK, m, i, m->zones[z].view, "zone", failed);
    }
    for (int i = 0; i < m->n_tps; i++) {
        int z = first_essential_zone(m, i);
        if (z >= 0)
            tp_item(&items[n++], ITEM_ZONE_PAINT, m, i, m->zones[z].view, "paint", failed);
    }
    /* Locate-all: one per view, at the view's first trigger point. */
    for (int i = 0; i < m->n_tps; i++) {
        const char *view = m->tps[i].view;
        bool first = view != NULL;
        int count = 0;
        for (int j = 0; j < m->n_tps && first; j++) {
            if (j < i && tp_on_view(m, j, view))
                first = false;
            count += tp_on_view(m, j, view);
        }
        if (!first || count < 2)
            continue;
        Item *it = &items[n++];
        it->type = ITEM_LOCATE_ALL;
        it->module = m;
        it->tp = -1;
        it->question = -1;
        it->view = view;
        it->key = text_concat((const char *[]){m->id, "/view.", view, "/locate_all"}, 4);
        it->targets = malloc(sizeof *it->targets * (size_t)count);
        *failed |= !it->key || !it->targets;
        for (int j = 0; j < m->n_tps && it->targets; j++)
            if (tp_on_view(m, j, view))
                it->targets[it->n_targets++] = j;
    }
    for (int i = 0; i < m->n_tps; i++)
        if (has_essential_zone_on_own_view(m, i))
            tp_item(&items[n++], ITEM_REVERSE, m, i, m->tps[i].view, "reverse", failed);
    for (int i = 0; i < m->n_questions; i++) {
        const Question *q = &m->questions[i];
        if (q->type == QUESTION_CHART) {
            if (q->muscle && q->tp < q->muscle->n_tps && (q->tp >= 0 || q->ask == CHART_MARKS) && q->view)
                chart_item(&items[n++], m, q, failed);
            continue;
        }
        if (q->n_correct <= 0)
            continue; /* nothing could be right; the loader reports it */
        Item *it = &items[n++];
        it->type = q->type == QUESTION_MULTI ? ITEM_MULTI : ITEM_CHOICE;
        it->module = m;
        it->tp = -1;
        it->question = i;
        it->view = NULL;
        it->key = text_concat((const char *[]){m->id, "/question.", q->id}, 3);
        *failed |= !it->key;
        fill_options(it, q, rng);
    }
    return n;
}

/* The prompt of an item, from what it asks about. */
static char *item_prompt(const Item *it)
{
    const Module *m = it->module;
    if (it->asked && it->asked->prompt && it->asked->prompt[0])
        return text_format("%s", it->asked->prompt);
    switch (it->type) {
    case ITEM_LOCATE_TP:
        return locate_prompt(m, &m->tps[it->tp]);
    case ITEM_ZONE_CLICK:
        return zone_prompt(m, &m->tps[it->tp]);
    case ITEM_ZONE_PAINT:
        return paint_prompt(m, &m->tps[it->tp]);
    case ITEM_LOCATE_ALL:
        return locate_all_prompt(m, it->n_targets);
    case ITEM_REVERSE:
        return reverse_prompt();
    case ITEM_CHOICE:
    case ITEM_MULTI:
        return text_format("%s", or_empty(m->questions[it->question].prompt));
    }
    return NULL;
}

bool items_write_prompts(Item *items, int n)
{
    bool ok = true;
    for (int i = 0; i < n; i++)
        if (!items[i].prompt)
            ok &= (items[i].prompt = item_prompt(&items[i])) != NULL;
    return ok;
}

/* Step 2 of session.c's exam procedure. */
bool items_stratify(const int *count, int n_mods, int n, Rng *rng, int *share)
{
    int level = 0, given = 0;
    for (;;) {
        int next = 0;
        for (int k = 0; k < n_mods; k++)
            next += count[k] < level + 1 ? count[k] : level + 1;
        if (next > n || next == given)
            break; /* one more level would be too many, or nothing grows */
        level++;
        given = next;
    }
    int *bigger = malloc(sizeof *bigger * (size_t)n_mods);
    if (!bigger)
        return false;
    int n_bigger = 0;
    for (int k = 0; k < n_mods; k++) {
        share[k] = count[k] < level ? count[k] : level;
        if (count[k] > level)
            bigger[n_bigger++] = k;
    }
    rng_shuffle_ints(rng, bigger, n_bigger);
    /* Fewer are missing than there are bigger modules, else the level
     * would have been raised. */
    for (int i = 0; i < n - given && i < n_bigger; i++)
        share[bigger[i]]++;
    free(bigger);
    return true;
}
