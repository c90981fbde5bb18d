/* session: a practice run over one module.
 *
 * Building a session (all from one Rng seeded with the session's seed, in
 * this order, so a recorded seed replays the same session):
 *  1. items in canonical order: a locate item per trigger point, a zone item
 *     per trigger point with an essential zone, then the authored questions;
 *     the options of each question are drawn and shuffled as it is built;
 *  2. the item order is shuffled (Fisher-Yates);
 *  3. the order is repaired so that a trigger point's locate item comes
 *     before its zone item, and, where the rest of the items allow it, not
 *     immediately before it.
 * Why 3: practice shows the right answer after each item. The feedback of a
 * zone item shows the trigger point on the chart, which would give away a
 * later locate item of the same point; and asking about one point twice in
 * a row tests short-term memory rather than knowledge.
 *
 * The repair is deterministic: swaps are taken in a fixed scan order and
 * only when they lower the number of violations, so it always ends. A
 * module whose only items are one point's locate and zone items keeps them
 * adjacent (nothing can go between). */
#include "session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rng.h"

/* At most this many wrong options go with a choice question's correct one. */
#define CHOICE_WRONG_OPTIONS 3

struct Session {
    SessionMode mode;
    uint64_t seed;
    const Module *module;
    Item *items;
    Answer *answers;
    int n;
    int current;
    bool shown;
    int64_t shown_ms;
};

static char *format_alloc(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format_alloc(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return s;
}

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
    char *s = format_alloc("%s", name);
    if (s && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = (char)(s[0] - 'A' + 'a');
    return s;
}

/* "the iliacus trigger point of iliopsoas", or "the piriformis trigger
 * point" when the label is just the muscle's name. */
static char *tp_phrase(const Module *m, const TriggerPoint *tp)
{
    const char *label = tp->label ? tp->label : or_empty(tp->id);
    char *l = in_sentence(label), *n = in_sentence(muscle_name(m));
    char *p = NULL;
    if (l && n)
        p = strcasecmp(label, muscle_name(m)) == 0 ? format_alloc("the %s trigger point", l)
                                                     : format_alloc("the %s trigger point of %s", l, n);
    free(l);
    free(n);
    return p;
}

static char *locate_prompt(const Module *m, const TriggerPoint *tp)
{
    char *phrase = tp_phrase(m, tp);
    if (!phrase)
        return NULL;
    /* Charts draw trigger points on the patient's right side only; saying so
     * saves a learner from hunting on the wrong half of the body. */
    char *p = format_alloc("Click %s (on the patient's right side).", phrase);
    free(phrase);
    return p;
}

static char *zone_prompt(const Module *m, const TriggerPoint *tp)
{
    char *phrase = tp_phrase(m, tp);
    if (!phrase)
        return NULL;
    char *p = format_alloc("Where does %s refer pain? Click inside its referral zone.", phrase);
    free(phrase);
    return p;
}

/* The first essential zone of tp, or -1. */
static int first_essential_zone(const Module *m, int tp)
{
    for (int i = 0; i < m->n_zones; i++)
        if (m->zones[i].tp == tp && m->zones[i].kind == ZONE_ESSENTIAL)
            return i;
    return -1;
}

/* Picks k distinct indices of 0..n-1 in random order into out (k <= n). */
static void pick(Rng *rng, int n, int k, int *out)
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
        pick(rng, q->n_correct, n_correct, ci);
    pick(rng, q->n_wrong, n_wrong, wi);

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

/* Order violations: a zone item before its locate item weighs more than
 * every adjacency together, so no swap can trade one for the other. */
static int violations(const Item *items, const int *order, int n, int *pos)
{
    for (int p = 0; p < n; p++)
        pos[order[p]] = p;
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (items[i].type != ITEM_ZONE_CLICK)
            continue;
        /* Locate items come first in canonical order: item tp is locate tp. */
        int loc = items[i].tp;
        if (pos[i] < pos[loc])
            v += n + 1;
        else if (pos[i] == pos[loc] + 1)
            v += 1;
    }
    return v;
}

static void swap_ints(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
}

static void repair_order(const Item *items, int *order, int n)
{
    int *pos = malloc(sizeof *pos * (size_t)n);
    if (!pos)
        return;
    /* A zone item before its locate item: swapping the two fixes it and
     * moves nothing else. */
    violations(items, order, n, pos);
    for (int i = 0; i < n; i++) {
        if (items[i].type != ITEM_ZONE_CLICK)
            continue;
        int loc = items[i].tp;
        if (pos[i] < pos[loc]) {
            swap_ints(&order[pos[i]], &order[pos[loc]]);
            swap_ints(&pos[i], &pos[loc]);
        }
    }
    /* Adjacent pairs: try swapping either member with any other item, in a
     * fixed order, keeping the first swap that lowers the total. */
    int v = violations(items, order, n, pos);
    bool improved = true;
    while (v > 0 && improved) {
        improved = false;
        for (int p = 0; p + 1 < n && !improved; p++) {
            const Item *a = &items[order[p]], *b = &items[order[p + 1]];
            if (!(a->type == ITEM_LOCATE_TP && b->type == ITEM_ZONE_CLICK && a->tp == b->tp))
                continue;
            for (int side = 1; side >= 0 && !improved; side--) {
                for (int k = 1; k < n && !improved; k++) {
                    int q = (p + side + k) % n;
                    if (q == p || q == p + 1)
                        continue;
                    swap_ints(&order[p + side], &order[q]);
                    int nv = violations(items, order, n, pos);
                    if (nv < v) {
                        v = nv;
                        improved = true;
                    } else {
                        swap_ints(&order[p + side], &order[q]);
                    }
                }
            }
        }
    }
    free(pos);
}

static void free_items(Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        free(items[i].prompt);
        free(items[i].key);
    }
    free(items);
}

Session *session_create_practice(const Module *m, uint64_t seed)
{
    if (!m)
        return NULL;
    int cap = 2 * m->n_tps + m->n_questions;
    if (cap <= 0)
        return NULL;
    Item *items = calloc((size_t)cap, sizeof *items);
    if (!items)
        return NULL;
    Rng rng;
    rng_seed(&rng, seed);
    const char *mid = or_empty(m->id);
    int n = 0;
    bool failed = false;

    for (int i = 0; i < m->n_tps; i++, n++) {
        Item *it = &items[n];
        it->type = ITEM_LOCATE_TP;
        it->module = m;
        it->tp = i;
        it->question = -1;
        it->view = m->tps[i].view;
        it->prompt = locate_prompt(m, &m->tps[i]);
        it->key = format_alloc("%s/tp.%s/locate", mid, or_empty(m->tps[i].id));
        failed |= !it->prompt || !it->key;
    }
    for (int i = 0; i < m->n_tps; i++) {
        int z = first_essential_zone(m, i);
        if (z < 0)
            continue;
        Item *it = &items[n++];
        it->type = ITEM_ZONE_CLICK;
        it->module = m;
        it->tp = i;
        it->question = -1;
        it->view = m->zones[z].view;
        it->prompt = zone_prompt(m, &m->tps[i]);
        it->key = format_alloc("%s/tp.%s/zone", mid, or_empty(m->tps[i].id));
        failed |= !it->prompt || !it->key;
    }
    for (int i = 0; i < m->n_questions; i++) {
        const Question *q = &m->questions[i];
        if (q->n_correct <= 0)
            continue; /* nothing could be right; the loader reports it */
        Item *it = &items[n++];
        it->type = q->type == QUESTION_MULTI ? ITEM_MULTI : ITEM_CHOICE;
        it->module = m;
        it->tp = -1;
        it->question = i;
        it->view = NULL;
        it->prompt = format_alloc("%s", or_empty(q->prompt));
        it->key = format_alloc("%s/question.%s", mid, or_empty(q->id));
        failed |= !it->prompt || !it->key;
        fill_options(it, q, &rng);
    }

    Session *s = NULL;
    int *order = NULL;
    if (failed || n == 0 || !(order = malloc(sizeof *order * (size_t)n)) || !(s = calloc(1, sizeof *s)) ||
        !(s->answers = calloc((size_t)n, sizeof *s->answers)) ||
        !(s->items = malloc(sizeof *s->items * (size_t)n))) {
        if (s)
            free(s->answers);
        free(s);
        free(order);
        free_items(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        order[i] = i;
    rng_shuffle_ints(&rng, order, n);
    repair_order(items, order, n);
    for (int i = 0; i < n; i++)
        s->items[i] = items[order[i]];
    free(items); /* the strings moved into s->items */
    free(order);

    for (int i = 0; i < n; i++) {
        s->answers[i].zone = -1;
        s->answers[i].zone_kind = ZONE_ESSENTIAL;
    }
    s->mode = SESSION_PRACTICE;
    s->seed = seed;
    s->module = m;
    s->n = n;
    return s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    free_items(s->items, s->n);
    free(s->answers);
    free(s);
}

SessionMode session_mode(const Session *s)
{
    return s->mode;
}
uint64_t session_seed(const Session *s)
{
    return s->seed;
}
int session_item_count(const Session *s)
{
    return s->n;
}

const Item *session_item(const Session *s, int i)
{
    return i >= 0 && i < s->n ? &s->items[i] : NULL;
}

const Answer *session_answer(const Session *s, int i)
{
    return i >= 0 && i < s->n ? &s->answers[i] : NULL;
}

int session_current(const Session *s)
{
    return s->current;
}
bool session_finished(const Session *s)
{
    return s->current >= s->n;
}

void session_show(Session *s, int64_t now_ms)
{
    if (session_finished(s))
        return;
    s->shown = true;
    s->shown_ms = now_ms;
}

/* The current item's answer slot if it can still be answered, else NULL. */
static Answer *open_answer(Session *s, int64_t now_ms)
{
    if (session_finished(s) || s->answers[s->current].answered)
        return NULL;
    Answer *a = &s->answers[s->current];
    /* An item answered without session_show() took no measurable time. */
    int64_t t = s->shown ? now_ms - s->shown_ms : 0;
    a->time_ms = t > 0 ? t : 0;
    return a;
}

const Answer *session_answer_click(Session *s, Vec2 click, int64_t now_ms)
{
    if (session_finished(s))
        return NULL;
    const Item *it = &s->items[s->current];
    if (it->type != ITEM_LOCATE_TP && it->type != ITEM_ZONE_CLICK)
        return NULL;
    Answer *a = open_answer(s, now_ms);
    if (!a)
        return NULL;
    a->click = click;
    if (it->type == ITEM_LOCATE_TP) {
        const TriggerPoint *tp = &s->module->tps[it->tp];
        a->credit = grade_locate_tp(click, tp->at, tp->radius, &a->distance);
    } else {
        ZoneClickResult r = grade_zone_click(click, s->module, it->tp, it->view);
        a->credit = r.credit;
        a->distance = r.distance;
        a->zone = r.zone;
        a->zone_kind = r.kind;
    }
    a->answered = true;
    return a;
}

const Answer *session_answer_options(Session *s, const bool *chosen, int64_t now_ms)
{
    if (session_finished(s) || !chosen)
        return NULL;
    const Item *it = &s->items[s->current];
    if (it->type != ITEM_CHOICE && it->type != ITEM_MULTI)
        return NULL;
    Answer *a = open_answer(s, now_ms);
    if (!a)
        return NULL;
    for (int i = 0; i < it->n_options; i++)
        a->chosen[i] = chosen[i];
    a->credit = grade_options(it->type == ITEM_MULTI, it->option_correct, a->chosen, it->n_options);
    a->answered = true;
    return a;
}

bool session_next(Session *s)
{
    if (s->current < s->n)
        s->current++;
    s->shown = false;
    return s->current < s->n;
}

double session_score(const Session *s)
{
    if (s->n == 0)
        return 0;
    double sum = 0;
    for (int i = 0; i < s->n; i++)
        if (s->answers[i].answered)
            sum += s->answers[i].credit;
    return sum / s->n;
}

int session_answered_count(const Session *s)
{
    int k = 0;
    for (int i = 0; i < s->n; i++)
        k += s->answers[i].answered;
    return k;
}
