/* session: practice, module quiz and exam sessions.
 *
 * Building a practice or quiz session (all from one Rng seeded with the
 * session's seed, in this order, so a recorded seed replays the same
 * session; a quiz is built exactly like practice):
 *  1. items in canonical order: a locate item per trigger point; a zone item
 *     per trigger point with an essential zone; a paint item per such point;
 *     a locate-all item per view holding two or more of the module's points
 *     (views in the order of their first point); a reverse item per point
 *     with an essential zone on its own view; then the authored questions,
 *     the options of each drawn and shuffled as it is built;
 *  2. the item order is shuffled (Fisher-Yates);
 *  3. the order is repaired (item_order.c).
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
 *     (a rule between two items applies only if both were drawn).
 * In an exam the repair is not about feedback (there is none) but keeps the
 * natural order of asking "where is it" before "where does it refer" and
 * keeps the two apart.
 *
 * Building a review session (one Rng from the seed): for each key in the
 * order given, its module's items are built as in step 1 and the one with
 * that key is kept; the order is not shuffled (the most overdue item should
 * come first) but repaired as in step 3, for the feedback's sake. */
#include "session.h"
#include "session_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

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
    /* What reverse items are graded against: the one module (practice,
     * quiz) or the course's loaded modules, each once (exam). */
    const Module **modules;
    int n_modules;
};

/* Frees what an answer owns (painting, marks) and sets the pointers NULL. */
static void release_answer(Answer *a)
{
    free(a->painted);
    free(a->classes);
    free(a->clicks);
    free(a->match);
    a->painted = a->classes = NULL;
    a->clicks = NULL;
    a->match = NULL;
}

/* An answer's defaults besides zero: no zone hit, no point credited. */
static void answer_defaults(Answer *a)
{
    a->zone = -1;
    a->zone_kind = ZONE_ESSENTIAL;
    a->reverse.tp = -1;
}

/* Unanswered, owning nothing; the time spent stays. */
static void clear_answer(Answer *a)
{
    int64_t t = a->time_ms;
    release_answer(a);
    memset(a, 0, sizeof *a);
    answer_defaults(a);
    a->time_ms = t;
}

/* Shuffles items (n > 0, owned strings) with rng (unless rng is NULL: the
 * order given stands), repairs the order and makes a session of them
 * (writing their prompts unless prompts is false),
 * grading reverse items against mods (n_mods, copied). keep > 0 (and below
 * n) keeps only the first keep items of the repaired order; a prefix of a
 * repaired order keeps its rules (a point's locate item comes before its
 * other items, a locate-all item after its points' locate items). Takes the
 * items' strings in every case; frees the items array. NULL if out of
 * memory. */
static Session *session_make(SessionMode mode, uint64_t seed, Item *items, int n, Rng *rng,
                             const Module *const *mods, int n_mods, int keep, bool prompts)
{
    Session *s = NULL;
    int *order = NULL;
    if ((prompts && !items_write_prompts(items, n)) || !(order = malloc(sizeof *order * (size_t)n)) ||
        !(s = calloc(1, sizeof *s)) ||
        !(s->answers = calloc((size_t)n, sizeof *s->answers)) ||
        !(s->flags = calloc((size_t)n, sizeof *s->flags)) ||
        !(s->modules = malloc(sizeof *s->modules * (size_t)(n_mods > 0 ? n_mods : 1))) ||
        !(s->items = malloc(sizeof *s->items * (size_t)n))) {
        if (s) {
            free(s->answers);
            free(s->flags);
            free(s->modules);
        }
        free(s);
        free(order);
        items_free(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        order[i] = i;
    if (rng)
        rng_shuffle_ints(rng, order, n);
    item_order_repair(items, order, n);
    for (int i = 0; i < n; i++)
        s->items[i] = items[order[i]];
    free(items); /* the strings moved into s->items */
    free(order);
    if (keep > 0 && keep < n) {
        for (int i = keep; i < n; i++) {
            free(s->items[i].prompt);
            free(s->items[i].key);
            free(s->items[i].targets);
        }
        n = keep;
    }

    for (int i = 0; i < n; i++)
        answer_defaults(&s->answers[i]); /* calloc'd: the rest is zero already */
    for (int k = 0; k < n_mods; k++)
        s->modules[k] = mods[k];
    s->n_modules = n_mods;
    s->mode = mode;
    s->seed = seed;
    s->n = n;
    s->shown = -1;
    return s;
}

static Session *create_module_session(SessionMode mode, const Module *m, uint64_t seed, int max_items,
                                      bool prompts)
{
    if (!m)
        return NULL;
    int cap = items_capacity(m);
    if (cap <= 0)
        return NULL;
    Item *items = calloc((size_t)cap, sizeof *items);
    if (!items)
        return NULL;
    Rng rng;
    rng_seed(&rng, seed);
    bool failed = false;
    int n = items_build(m, &rng, items, &failed);
    if (failed || n == 0) {
        items_free(items, n);
        return NULL;
    }
    return session_make(mode, seed, items, n, &rng, &m, 1, max_items, prompts);
}

Session *session_create_practice(const Module *m, uint64_t seed)
{
    return create_module_session(SESSION_PRACTICE, m, seed, 0, true);
}

Session *session_create_practice_limit(const Module *m, uint64_t seed, int max_items)
{
    return create_module_session(SESSION_PRACTICE, m, seed, max_items, true);
}

Session *session_create_quiz(const Module *m, uint64_t seed)
{
    return create_module_session(SESSION_QUIZ, m, seed, 0, true);
}

Session *session_create_quiz_unprompted(const Module *m, uint64_t seed)
{
    return create_module_session(SESSION_QUIZ, m, seed, 0, false);
}

/* n_questions items drawn stratified from every item of modules[0..n_in)
 * (NULL entries and repeats skipped), as the exam draws them, in a session
 * of the given mode whose reverse items are graded against those modules. */
static Session *create_drawn(SessionMode mode, const Module *const *modules, int n_in, uint64_t seed,
                             int n_questions, bool prompts)
{
    if (n_questions < 1 || n_in <= 0 || !modules)
        return NULL;
    const Module **mods = malloc(sizeof *mods * (size_t)n_in);
    int *start = malloc(sizeof *start * (size_t)n_in);
    int *count = malloc(sizeof *count * (size_t)n_in);
    int *share = malloc(sizeof *share * (size_t)n_in);
    Item *all = NULL, *chosen = NULL;
    int n_mods = 0, total = 0, cap = 0, n = 0, n_chosen = 0;
    Session *s = NULL;
    bool failed = !mods || !start || !count || !share;
    for (int k = 0; !failed && k < n_in; k++) {
        const Module *m = modules[k];
        bool seen = !m;
        for (int j = 0; j < n_mods && !seen; j++)
            seen = mods[j] == m;
        if (!seen) {
            mods[n_mods++] = m;
            cap += items_capacity(m);
        }
    }
    if (failed || cap <= 0 || !(all = calloc((size_t)cap, sizeof *all)))
        goto done;

    Rng rng;
    rng_seed(&rng, seed);
    for (int k = 0; k < n_mods; k++) {
        start[k] = total;
        count[k] = items_build(mods[k], &rng, all + total, &failed);
        total += count[k];
    }
    if (failed || total == 0)
        goto done;
    n = n_questions < total ? n_questions : total;
    if (!items_stratify(count, n_mods, n, &rng, share) || !(chosen = malloc(sizeof *chosen * (size_t)n)))
        goto done;
    for (int k = 0; k < n_mods; k++) {
        int *idx = malloc(sizeof *idx * (size_t)(share[k] > 0 ? share[k] : 1));
        if (!idx)
            goto done;
        items_pick(&rng, count[k], share[k], idx);
        for (int i = 0; i < share[k]; i++) {
            Item *src = &all[start[k] + idx[i]];
            chosen[n_chosen++] = *src;
            src->prompt = NULL; /* moved */
            src->key = NULL;
            src->targets = NULL;
        }
        free(idx);
    }
    s = session_make(mode, seed, chosen, n, &rng, mods, n_mods, 0, prompts);
    chosen = NULL; /* session_make took it, even on failure */

done:
    if (all)
        items_free(all, total);
    if (chosen)
        items_free(chosen, n_chosen); /* a failure while drawing */
    free(mods);
    free(start);
    free(count);
    free(share);
    return s;
}

Session *session_create_exam(const Course *c, uint64_t seed, int n_questions)
{
    if (!c)
        return NULL;
    return create_drawn(SESSION_EXAM, c->modules, c->n_modules, seed, n_questions, true);
}

Session *session_create_exam_unprompted(const Course *c, uint64_t seed, int n_questions)
{
    if (!c)
        return NULL;
    return create_drawn(SESSION_EXAM, c->modules, c->n_modules, seed, n_questions, false);
}

Session *session_create_practice_set(const Module *const *modules, int n_modules, uint64_t seed, int n_items)
{
    return create_drawn(SESSION_PRACTICE, modules, n_modules, seed, n_items, true);
}

/* Moves the item of m whose key is key into *out (built as practice builds
 * it, options from rng). False if m has no such item or memory ran out
 * (*failed set then). */
static bool build_item_by_key(const Module *m, const char *key, Rng *rng, Item *out, bool *failed)
{
    int cap = items_capacity(m);
    if (cap <= 0)
        return false;
    Item *items = calloc((size_t)cap, sizeof *items);
    if (!items) {
        *failed = true;
        return false;
    }
    int n = items_build(m, rng, items, failed);
    bool found = false;
    for (int i = 0; i < n && !found && !*failed; i++) {
        if (items[i].key && strcmp(items[i].key, key) == 0) {
            *out = items[i];
            items[i].prompt = NULL; /* moved */
            items[i].key = NULL;
            items[i].targets = NULL;
            found = true;
        }
    }
    items_free(items, n);
    return found;
}

/* A session of the items keys name, in mode (review or practice): see
 * session_create_review. */
static Session *create_from_keys(SessionMode mode, const Library *lib, const char *const *keys, int n_keys,
                                 uint64_t seed, int *skipped)
{
    if (skipped)
        *skipped = 0;
    if (!lib || !keys || n_keys <= 0)
        return NULL;
    int n_mods = library_module_count(lib);
    Item *chosen = calloc((size_t)n_keys, sizeof *chosen);
    const Module **mods = malloc(sizeof *mods * (size_t)(n_mods > 0 ? n_mods : 1));
    if (!chosen || !mods) {
        free(chosen);
        free(mods);
        return NULL;
    }
    for (int k = 0; k < n_mods; k++)
        mods[k] = library_module(lib, k);
    Rng rng;
    rng_seed(&rng, seed);
    int n = 0;
    bool failed = false;
    for (int k = 0; k < n_keys && !failed; k++) {
        const char *key = keys[k];
        bool repeat = false;
        for (int j = 0; j < n && !repeat; j++)
            repeat = strcmp(chosen[j].key, key) == 0;
        if (repeat)
            continue;
        /* The module id is the key up to its first '/'. */
        const char *slash = key ? strchr(key, '/') : NULL;
        char id[128];
        const Module *m = NULL;
        if (slash && (size_t)(slash - key) < sizeof id) {
            memcpy(id, key, (size_t)(slash - key));
            id[slash - key] = 0;
            m = library_find_module(lib, id);
        }
        if (m && build_item_by_key(m, key, &rng, &chosen[n], &failed))
            n++;
        else if (skipped && !failed)
            (*skipped)++;
    }
    Session *s = NULL;
    if (failed || n == 0)
        items_free(chosen, n);
    else
        s = session_make(mode, seed, chosen, n, NULL, mods, n_mods, 0, true);
    free(mods);
    return s;
}

Session *session_create_review(const Library *lib, const char *const *keys, int n_keys, uint64_t seed,
                               int *skipped)
{
    return create_from_keys(SESSION_REVIEW, lib, keys, n_keys, seed, skipped);
}

Session *session_create_practice_keys(const Library *lib, const char *const *keys, int n_keys, uint64_t seed,
                                      int *skipped)
{
    return create_from_keys(SESSION_PRACTICE, lib, keys, n_keys, seed, skipped);
}

void session_free(Session *s)
{
    if (!s)
        return;
    items_free(s->items, s->n);
    for (int i = 0; i < s->n; i++)
        release_answer(&s->answers[i]);
    free(s->answers);
    free(s->flags);
    free(s->modules);
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

const Module *const *session_modules(const Session *s, int *n)
{
    if (n)
        *n = s->n_modules;
    return s->modules;
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

/* Grades a click on item i (a locate, zone or reverse item) into its
 * answer (replacing what was there). */
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
    } else if (it->type == ITEM_REVERSE) {
        a->reverse = grade_reverse(click, m, it->tp, it->view, s->modules, s->n_modules);
        a->credit = a->reverse.credit;
        a->distance = a->reverse.distance;
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

/* True if g is a grid a painting can be given on (see session_set_paint). */
static bool paint_grid_ok(const Grid *g)
{
    return g && g->cols > 0 && g->rows > 0 && g->cell >= SESSION_MIN_PAINT_CELL && g->cell < 1e9 &&
           fabs(g->origin.x) < 1e9 && fabs(g->origin.y) < 1e9 &&
           (size_t)g->cols * (size_t)g->rows <= (size_t)SESSION_MAX_PAINT_CELLS;
}

/* Grades a painting on item i into its answer. The answer is replaced only
 * once the new one is complete: NULL (the old answer stays) if memory runs
 * out. */
static const Answer *grade_paint_into(Session *s, int i, const unsigned char *cells, const Grid *g)
{
    const Item *it = &s->items[i];
    size_t n = (size_t)g->cols * (size_t)g->rows;
    unsigned char *painted = malloc(n), *classes = malloc(n);
    ZonePaintResult r = {0};
    if (painted && classes) {
        /* Cells copied as 0/1 (a recorded painting is 0/1 already), eight
         * at a time. */
        size_t k = 0;
        for (; k + 8 <= n; k += 8) {
            uint64_t w;
            memcpy(&w, cells + k, 8);
            if (w & ~UINT64_C(0x0101010101010101))
                for (size_t j = k; j < k + 8; j++)
                    painted[j] = (unsigned char)(cells[j] != 0);
            else
                memcpy(painted + k, &w, 8);
        }
        for (; k < n; k++)
            painted[k] = (unsigned char)(cells[k] != 0);
        r = grade_zone_paint_classify(painted, g, it->module, it->tp, it->view, classes);
    }
    if (!r.ok) {
        free(painted);
        free(classes);
        return NULL;
    }
    Answer *a = &s->answers[i];
    clear_answer(a);
    a->grid = *g;
    a->painted = painted;
    a->classes = classes;
    a->paint = r;
    a->credit = r.credit;
    a->answered = true;
    return a;
}

/* A painting given as runs (grade_zone_paint_runs) on item i into its
 * answer: the same counts and credit as grade_paint_into, no cells kept.
 * NULL (the old answer stays) if the runs do not fit the grid or memory
 * runs out. */
static const Answer *grade_paint_runs_into(Session *s, int i, const int *runs, int n_runs, const Grid *g)
{
    const Item *it = &s->items[i];
    ZonePaintResult r = grade_zone_paint_runs(runs, n_runs, g, it->module, it->tp, it->view);
    if (!r.ok)
        return NULL;
    Answer *a = &s->answers[i];
    clear_answer(a);
    a->grid = *g;
    a->paint = r;
    a->credit = r.credit;
    a->answered = true;
    return a;
}

/* Grades locate-all marks on item i into its answer; as grade_paint_into,
 * NULL with the old answer kept if memory runs out. */
static const Answer *grade_clicks_into(Session *s, int i, const Vec2 *clicks, int n)
{
    const Item *it = &s->items[i];
    const Module *m = it->module;
    Vec2 *copy = malloc(sizeof *copy * (size_t)(n > 0 ? n : 1));
    int *match = malloc(sizeof *match * (size_t)(it->n_targets > 0 ? it->n_targets : 1));
    const TriggerPoint **targets = malloc(sizeof *targets * (size_t)(it->n_targets > 0 ? it->n_targets : 1));
    if (!copy || !match || !targets) {
        free(copy);
        free(match);
        free(targets);
        return NULL;
    }
    for (int k = 0; k < n; k++)
        copy[k] = clicks[k];
    for (int t = 0; t < it->n_targets; t++)
        targets[t] = &m->tps[it->targets[t]];
    double credit = grade_locate_all(copy, n, targets, it->n_targets, match);
    free(targets);
    Answer *a = &s->answers[i];
    clear_answer(a);
    a->n_clicks = n;
    a->clicks = copy;
    a->match = match;
    a->credit = credit;
    a->answered = true;
    return a;
}

static bool is_click_item(const Item *it)
{
    return it->type == ITEM_LOCATE_TP || it->type == ITEM_ZONE_CLICK || it->type == ITEM_REVERSE;
}

static bool is_options_item(const Item *it)
{
    return it->type == ITEM_CHOICE || it->type == ITEM_MULTI;
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

/* Item i of an exam that can still change, or false. */
static bool exam_open(const Session *s, int i)
{
    return s->mode == SESSION_EXAM && !s->submitted && i >= 0 && i < s->n;
}

/* The four kinds of answer, for item i that may take one (open_current or
 * exam_open checked by the caller). */
static const Answer *answer_click(Session *s, int i, Vec2 click, int64_t now_ms)
{
    if (i < 0 || !is_click_item(&s->items[i]))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_click_into(s, i, click);
}

static const Answer *answer_options(Session *s, int i, const bool *chosen, int64_t now_ms)
{
    if (i < 0 || !chosen || !is_options_item(&s->items[i]))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_options_into(s, i, chosen);
}

static const Answer *answer_paint(Session *s, int i, const unsigned char *cells, const Grid *g,
                                  int64_t now_ms)
{
    if (i < 0 || s->items[i].type != ITEM_ZONE_PAINT || !cells || !paint_grid_ok(g))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_paint_into(s, i, cells, g);
}

static const Answer *answer_paint_runs(Session *s, int i, const int *runs, int n_runs, const Grid *g,
                                       int64_t now_ms)
{
    if (i < 0 || s->items[i].type != ITEM_ZONE_PAINT || !paint_grid_ok(g))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_paint_runs_into(s, i, runs, n_runs, g);
}

static const Answer *answer_clicks(Session *s, int i, const Vec2 *clicks, int n, int64_t now_ms)
{
    if (i < 0 || s->items[i].type != ITEM_LOCATE_ALL || n < 0 || n > SESSION_MAX_CLICKS || (n > 0 && !clicks))
        return NULL;
    time_answer(s, i, now_ms);
    return grade_clicks_into(s, i, clicks, n);
}

const Answer *session_answer_click(Session *s, Vec2 click, int64_t now_ms)
{
    return answer_click(s, open_current(s), click, now_ms);
}

const Answer *session_answer_options(Session *s, const bool *chosen, int64_t now_ms)
{
    return answer_options(s, open_current(s), chosen, now_ms);
}

const Answer *session_answer_paint(Session *s, const unsigned char *cells, const Grid *g, int64_t now_ms)
{
    return answer_paint(s, open_current(s), cells, g, now_ms);
}

const Answer *session_answer_paint_runs(Session *s, const int *runs, int n_runs, const Grid *g, int64_t now_ms)
{
    return answer_paint_runs(s, open_current(s), runs, n_runs, g, now_ms);
}

const Answer *session_answer_clicks(Session *s, const Vec2 *clicks, int n, int64_t now_ms)
{
    return answer_clicks(s, open_current(s), clicks, n, now_ms);
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

void session_goto(Session *s, int i, int64_t now_ms)
{
    if (!exam_open(s, i))
        return;
    s->current = i;
    session_show(s, now_ms);
}

const Answer *session_set_click(Session *s, int i, Vec2 click, int64_t now_ms)
{
    return answer_click(s, exam_open(s, i) ? i : -1, click, now_ms);
}

const Answer *session_set_options(Session *s, int i, const bool *chosen, int64_t now_ms)
{
    return answer_options(s, exam_open(s, i) ? i : -1, chosen, now_ms);
}

const Answer *session_set_paint(Session *s, int i, const unsigned char *cells, const Grid *g, int64_t now_ms)
{
    return answer_paint(s, exam_open(s, i) ? i : -1, cells, g, now_ms);
}

const Answer *session_set_paint_runs(Session *s, int i, const int *runs, int n_runs, const Grid *g,
                                     int64_t now_ms)
{
    return answer_paint_runs(s, exam_open(s, i) ? i : -1, runs, n_runs, g, now_ms);
}

const Answer *session_set_clicks(Session *s, int i, const Vec2 *clicks, int n, int64_t now_ms)
{
    return answer_clicks(s, exam_open(s, i) ? i : -1, clicks, n, now_ms);
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
        const char *id = item_owner(&s->items[i])->id;
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
