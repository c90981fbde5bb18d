/* session: practice, module quiz and exam sessions.
 *
 * Building a practice or quiz session (all from one Rng seeded with the
 * session's seed, in this order, so a recorded seed replays the same
 * session; a quiz is built exactly like practice):
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
 * adjacent (nothing can go between).
 *
 * Building an exam (one Rng from the seed, in this order):
 *  1. for each loaded module of the course, in course order (a module listed
 *     twice counts once), its items exactly as step 1 above builds them;
 *  2. shares: n = min(asked, items in the course). Each module gets
 *     min(its items, L) for the largest level L at which these add up to at
 *     most n; the r items still missing go one each to r modules that have
 *     more than L items, taken from the front of a shuffled list of those
 *     modules. So shares differ by at most one, except a module too small
 *     for its share, which gives everything it has;
 *  3. for each module in course order, its share of items is drawn without
 *     repeats (a shuffle of its item indices, first `share` taken);
 *  4. the chosen items are shuffled and repaired as in steps 2 and 3 above
 *     (a zone item is tied to its point's locate item only if that one was
 *     drawn too).
 * In an exam the repair is not about feedback (there is none) but keeps the
 * natural order of asking "where is it" before "where does it refer" and
 * keeps the two apart. */
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
    Item *items;
    Answer *answers;
    bool *flags;
    int n;
    int current;
    int shown;        /* the item whose visit (timer) is running, -1 if none */
    int64_t shown_ms; /* when that visit started (or was last accounted) */
    bool submitted;
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

/* partner[i]: for a zone item, the index of the same point's locate item
 * (same module, same trigger point) among items, or -1 if it is not there;
 * -1 for every other item. */
static void find_partners(const Item *items, int n, int *partner)
{
    for (int i = 0; i < n; i++) {
        partner[i] = -1;
        if (items[i].type != ITEM_ZONE_CLICK)
            continue;
        for (int j = 0; j < n; j++)
            if (items[j].type == ITEM_LOCATE_TP && items[j].module == items[i].module &&
                items[j].tp == items[i].tp) {
                partner[i] = j;
                break;
            }
    }
}

/* Order violations: a zone item before its locate item weighs more than
 * every adjacency together, so no swap can trade one for the other. */
static int violations(const int *partner, const int *order, int n, int *pos)
{
    for (int p = 0; p < n; p++)
        pos[order[p]] = p;
    int v = 0;
    for (int i = 0; i < n; i++) {
        int loc = partner[i];
        if (loc < 0)
            continue;
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
    int *partner = calloc((size_t)n, sizeof *partner);
    if (!pos || !partner) {
        free(pos);
        free(partner);
        return;
    }
    find_partners(items, n, partner);
    /* A zone item before its locate item: swapping the two fixes it and
     * moves nothing else. */
    violations(partner, order, n, pos);
    for (int i = 0; i < n; i++) {
        int loc = partner[i];
        if (loc < 0)
            continue;
        if (pos[i] < pos[loc]) {
            swap_ints(&order[pos[i]], &order[pos[loc]]);
            swap_ints(&pos[i], &pos[loc]);
        }
    }
    /* Adjacent pairs: try swapping either member with any other item, in a
     * fixed order, keeping the first swap that lowers the total. */
    int v = violations(partner, order, n, pos);
    bool improved = true;
    while (v > 0 && improved) {
        improved = false;
        for (int p = 0; p + 1 < n && !improved; p++) {
            if (partner[order[p + 1]] != order[p])
                continue;
            for (int side = 1; side >= 0 && !improved; side--) {
                for (int k = 1; k < n && !improved; k++) {
                    int q = (p + side + k) % n;
                    if (q == p || q == p + 1)
                        continue;
                    swap_ints(&order[p + side], &order[q]);
                    int nv = violations(partner, order, n, pos);
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
    free(partner);
}

static void free_items(Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        free(items[i].prompt);
        free(items[i].key);
    }
    free(items);
}

/* Most items a module can give: the capacity build_items needs. */
static int item_capacity(const Module *m)
{
    return 2 * m->n_tps + m->n_questions;
}

/* Step 1 of the file comment: m's items in canonical order into items
 * (room for item_capacity(m)). Returns how many; *failed is set if a
 * string could not be allocated (the items written so far still own
 * theirs). */
static int build_items(const Module *m, Rng *rng, Item *items, bool *failed)
{
    const char *mid = or_empty(m->id);
    int n = 0;
    for (int i = 0; i < m->n_tps; i++, n++) {
        Item *it = &items[n];
        it->type = ITEM_LOCATE_TP;
        it->module = m;
        it->tp = i;
        it->question = -1;
        it->view = m->tps[i].view;
        it->prompt = locate_prompt(m, &m->tps[i]);
        it->key = format_alloc("%s/tp.%s/locate", mid, or_empty(m->tps[i].id));
        *failed |= !it->prompt || !it->key;
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
        *failed |= !it->prompt || !it->key;
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
        *failed |= !it->prompt || !it->key;
        fill_options(it, q, rng);
    }
    return n;
}

static void clear_answer(Answer *a)
{
    int64_t t = a->time_ms;
    memset(a, 0, sizeof *a);
    a->zone = -1;
    a->zone_kind = ZONE_ESSENTIAL;
    a->time_ms = t;
}

/* Shuffles items (n > 0, owned strings) with rng, repairs the order and
 * makes a session of them. Takes the items' strings in every case; frees
 * the items array. NULL if out of memory. */
static Session *session_make(SessionMode mode, uint64_t seed, Item *items, int n, Rng *rng)
{
    Session *s = NULL;
    int *order = NULL;
    if (!(order = malloc(sizeof *order * (size_t)n)) || !(s = calloc(1, sizeof *s)) ||
        !(s->answers = calloc((size_t)n, sizeof *s->answers)) ||
        !(s->flags = calloc((size_t)n, sizeof *s->flags)) ||
        !(s->items = malloc(sizeof *s->items * (size_t)n))) {
        if (s) {
            free(s->answers);
            free(s->flags);
        }
        free(s);
        free(order);
        free_items(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        order[i] = i;
    rng_shuffle_ints(rng, order, n);
    repair_order(items, order, n);
    for (int i = 0; i < n; i++)
        s->items[i] = items[order[i]];
    free(items); /* the strings moved into s->items */
    free(order);

    for (int i = 0; i < n; i++)
        clear_answer(&s->answers[i]);
    s->mode = mode;
    s->seed = seed;
    s->n = n;
    s->shown = -1;
    return s;
}

static Session *create_module_session(SessionMode mode, const Module *m, uint64_t seed)
{
    if (!m)
        return NULL;
    int cap = item_capacity(m);
    if (cap <= 0)
        return NULL;
    Item *items = calloc((size_t)cap, sizeof *items);
    if (!items)
        return NULL;
    Rng rng;
    rng_seed(&rng, seed);
    bool failed = false;
    int n = build_items(m, &rng, items, &failed);
    if (failed || n == 0) {
        free_items(items, n);
        return NULL;
    }
    return session_make(mode, seed, items, n, &rng);
}

Session *session_create_practice(const Module *m, uint64_t seed)
{
    return create_module_session(SESSION_PRACTICE, m, seed);
}

Session *session_create_quiz(const Module *m, uint64_t seed)
{
    return create_module_session(SESSION_QUIZ, m, seed);
}

/* Step 2 of the exam procedure: share[k] for modules with count[k] items,
 * n <= the sum of count[]. */
static bool stratify(const int *count, int n_mods, int n, Rng *rng, int *share)
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

Session *session_create_exam(const Course *c, uint64_t seed, int n_questions)
{
    if (!c || n_questions < 1 || c->n_modules <= 0 || !c->modules)
        return NULL;
    const Module **mods = malloc(sizeof *mods * (size_t)c->n_modules);
    int *start = malloc(sizeof *start * (size_t)c->n_modules);
    int *count = malloc(sizeof *count * (size_t)c->n_modules);
    int *share = malloc(sizeof *share * (size_t)c->n_modules);
    Item *all = NULL, *chosen = NULL;
    int n_mods = 0, total = 0, cap = 0, n = 0, n_chosen = 0;
    Session *s = NULL;
    bool failed = !mods || !start || !count || !share;
    for (int k = 0; !failed && k < c->n_modules; k++) {
        const Module *m = c->modules[k];
        bool seen = !m;
        for (int j = 0; j < n_mods && !seen; j++)
            seen = mods[j] == m;
        if (!seen) {
            mods[n_mods++] = m;
            cap += item_capacity(m);
        }
    }
    if (failed || cap <= 0 || !(all = calloc((size_t)cap, sizeof *all)))
        goto done;

    Rng rng;
    rng_seed(&rng, seed);
    for (int k = 0; k < n_mods; k++) {
        start[k] = total;
        count[k] = build_items(mods[k], &rng, all + total, &failed);
        total += count[k];
    }
    if (failed || total == 0)
        goto done;
    n = n_questions < total ? n_questions : total;
    if (!stratify(count, n_mods, n, &rng, share) || !(chosen = malloc(sizeof *chosen * (size_t)n)))
        goto done;
    for (int k = 0; k < n_mods; k++) {
        int *idx = malloc(sizeof *idx * (size_t)(share[k] > 0 ? share[k] : 1));
        if (!idx)
            goto done;
        pick(&rng, count[k], share[k], idx);
        for (int i = 0; i < share[k]; i++) {
            Item *src = &all[start[k] + idx[i]];
            chosen[n_chosen++] = *src;
            src->prompt = NULL; /* moved */
            src->key = NULL;
        }
        free(idx);
    }
    s = session_make(SESSION_EXAM, seed, chosen, n, &rng);
    chosen = NULL; /* session_make took it, even on failure */

done:
    if (all)
        free_items(all, total);
    if (chosen)
        free_items(chosen, n_chosen); /* a failure while drawing */
    free(mods);
    free(start);
    free(count);
    free(share);
    return s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    free_items(s->items, s->n);
    free(s->answers);
    free(s->flags);
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

/* Exam timing: adds the running visit's time up to now_ms to its item and
 * moves the visit's start to now_ms. Time going backwards adds nothing and
 * does not move the start back. */
static void account_visit(Session *s, int64_t now_ms)
{
    if (s->shown < 0)
        return;
    if (now_ms > s->shown_ms) {
        s->answers[s->shown].time_ms += now_ms - s->shown_ms;
        s->shown_ms = now_ms;
    }
}

void session_show(Session *s, int64_t now_ms)
{
    if (session_finished(s))
        return;
    if (s->mode == SESSION_EXAM)
        account_visit(s, now_ms);
    s->shown = s->current;
    s->shown_ms = now_ms;
}

void session_hide(Session *s, int64_t now_ms)
{
    if (s->mode == SESSION_EXAM)
        account_visit(s, now_ms);
    s->shown = -1;
}

void session_submit(Session *s, int64_t now_ms)
{
    session_hide(s, now_ms);
    s->submitted = true;
    s->current = s->n;
}

/* Grades a click on item i into its answer (replacing what was there). */
static const Answer *grade_click_into(Session *s, int i, Vec2 click)
{
    const Item *it = &s->items[i];
    const Module *m = it->module;
    Answer *a = &s->answers[i];
    clear_answer(a);
    a->click = click;
    if (it->type == ITEM_LOCATE_TP) {
        const TriggerPoint *tp = &m->tps[it->tp];
        a->credit = grade_locate_tp(click, tp->at, tp->radius, &a->distance);
    } else {
        ZoneClickResult r = grade_zone_click(click, m, it->tp, it->view);
        a->credit = r.credit;
        a->distance = r.distance;
        a->zone = r.zone;
        a->zone_kind = r.kind;
    }
    a->answered = true;
    return a;
}

static const Answer *grade_options_into(Session *s, int i, const bool *chosen)
{
    const Item *it = &s->items[i];
    Answer *a = &s->answers[i];
    clear_answer(a);
    for (int k = 0; k < it->n_options; k++)
        a->chosen[k] = chosen[k];
    a->credit = grade_options(it->type == ITEM_MULTI, it->option_correct, a->chosen, it->n_options);
    a->answered = true;
    return a;
}

static bool is_click_item(const Item *it)
{
    return it->type == ITEM_LOCATE_TP || it->type == ITEM_ZONE_CLICK;
}

/* Brings the answer time of item i up to now_ms before it is answered:
 * practice and quiz measure from the item being shown to now (0 if it was
 * not shown); an exam adds the running visit if i is on screen. */
static void time_answer(Session *s, int i, int64_t now_ms)
{
    if (s->mode == SESSION_EXAM) {
        if (s->shown == i)
            account_visit(s, now_ms);
        return;
    }
    int64_t t = s->shown == i ? now_ms - s->shown_ms : 0;
    s->answers[i].time_ms = t > 0 ? t : 0;
}

/* The current item if it can still be answered once, else -1. */
static int open_current(const Session *s)
{
    if (session_finished(s) || s->submitted || s->answers[s->current].answered)
        return -1;
    return s->current;
}

const Answer *session_answer_click(Session *s, Vec2 click, int64_t now_ms)
{
    int i = open_current(s);
    if (i < 0 || !is_click_item(&s->items[i]))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_click_into(s, i, click);
}

const Answer *session_answer_options(Session *s, const bool *chosen, int64_t now_ms)
{
    int i = open_current(s);
    if (i < 0 || !chosen || is_click_item(&s->items[i]))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_options_into(s, i, chosen);
}

bool session_next(Session *s)
{
    if (s->mode == SESSION_EXAM) {
        if (s->submitted || s->current + 1 >= s->n)
            return false;
        s->current++;
        return true;
    }
    if (s->current < s->n)
        s->current++;
    s->shown = -1;
    return s->current < s->n;
}

/* Item i of an exam that can still change, or false. */
static bool exam_open(const Session *s, int i)
{
    return s->mode == SESSION_EXAM && !s->submitted && i >= 0 && i < s->n;
}

void session_goto(Session *s, int i, int64_t now_ms)
{
    if (!exam_open(s, i))
        return;
    s->current = i;
    session_show(s, now_ms);
}

const Answer *session_set_click(Session *s, int i, Vec2 click, int64_t now_ms)
{
    if (!exam_open(s, i) || !is_click_item(&s->items[i]))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_click_into(s, i, click);
}

const Answer *session_set_options(Session *s, int i, const bool *chosen, int64_t now_ms)
{
    if (!exam_open(s, i) || !chosen || is_click_item(&s->items[i]))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_options_into(s, i, chosen);
}

void session_clear(Session *s, int i)
{
    if (exam_open(s, i))
        clear_answer(&s->answers[i]);
}

void session_set_flag(Session *s, int i, bool flag)
{
    if (exam_open(s, i))
        s->flags[i] = flag;
}

bool session_flagged(const Session *s, int i)
{
    return i >= 0 && i < s->n && s->flags[i];
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

double session_module_score(const Session *s, const char *module_id, int *n_items)
{
    int k = 0;
    double sum = 0;
    for (int i = 0; module_id && i < s->n; i++) {
        const char *id = s->items[i].module->id;
        if (!id || strcmp(id, module_id) != 0)
            continue;
        k++;
        if (s->answers[i].answered)
            sum += s->answers[i].credit;
    }
    if (n_items)
        *n_items = k;
    return k ? sum / k : 0;
}
