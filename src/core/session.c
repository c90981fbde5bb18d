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
 *  3. the order is repaired (below).
 *
 * The repair. Some items must come before others: the items about one
 * trigger point in the order locate, zone, paint, reverse (each pair of
 * them), and a locate-all item after the locate item of each of its points.
 * Why: practice shows the right answer after each item. The feedback of a
 * zone or paint item shows the trigger point and its pattern, which would
 * give away a later locate item of the same point; a reverse item shows the
 * pattern in its question and the point in its feedback, so it comes last;
 * locate-all is the synthesis of a view's locate items. And asking about one
 * point twice in a row tests short-term memory rather than knowledge, so
 * two items of one such pair should not be adjacent either.
 *  a. Order: the items of each trigger point (locate, zone, paint, reverse)
 *     are put in that order into the positions they hold between them; then
 *     each locate-all item that comes before a locate item of one of its
 *     points swaps places with the last such locate item (moving a locate
 *     item earlier and a locate-all item later breaks no other rule).
 *  b. Adjacency: an out-of-order pair costs more than all adjacencies
 *     together can; each adjacent pair costs 1. In a fixed scan order, for
 *     the first adjacent pair, either member (the later one first) is
 *     swapped with each other item in turn, and the first swap that lowers
 *     the total is kept; this repeats until no swap helps. It always ends
 *     (the total falls each time) and is deterministic. Items whose only
 *     company is their own group stay adjacent (nothing can go between).
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

#include <math.h>
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
    /* What reverse items are graded against: the one module (practice,
     * quiz) or the course's loaded modules, each once (exam). */
    const Module **modules;
    int n_modules;
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

static char *paint_prompt(const Module *m, const TriggerPoint *tp)
{
    char *phrase = tp_phrase(m, tp);
    if (!phrase)
        return NULL;
    char *p = format_alloc("Paint the referral zone of %s.", phrase);
    free(phrase);
    return p;
}

static char *locate_all_prompt(const Module *m, int n_targets)
{
    char *n = in_sentence(muscle_name(m));
    if (!n)
        return NULL;
    char *p = format_alloc("Mark all %d trigger points of %s on this chart (on the patient's right side).",
                           n_targets, n);
    free(n);
    return p;
}

/* Names no muscle: finding which one is the question. */
static char *reverse_prompt(void)
{
    return format_alloc("This pain pattern is shown on the chart. Click the trigger point responsible "
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

/* Where an item stands among the items about one trigger point (rule a of
 * the repair): locate, zone, paint, reverse; -1 for the other kinds. */
static int chain_rank(ItemType t)
{
    switch (t) {
    case ITEM_LOCATE_TP:
        return 0;
    case ITEM_ZONE_CLICK:
        return 1;
    case ITEM_ZONE_PAINT:
        return 2;
    case ITEM_REVERSE:
        return 3;
    default:
        return -1;
    }
}

/* True if a locate-all item's targets include trigger point tp. */
static bool targets_tp(const Item *all, int tp)
{
    for (int k = 0; k < all->n_targets; k++)
        if (all->targets[k] == tp)
            return true;
    return false;
}

/* True if item a must come before item b (the rules of the repair). */
static bool must_precede(const Item *a, const Item *b)
{
    if (a->module != b->module)
        return false;
    int ra = chain_rank(a->type), rb = chain_rank(b->type);
    if (ra >= 0 && rb >= 0)
        return a->tp == b->tp && ra < rb;
    return a->type == ITEM_LOCATE_TP && b->type == ITEM_LOCATE_ALL && targets_tp(b, a->tp);
}

/* The rules between the items of one session, as pairs (before, after) of
 * item indices, with for each item the rules it is in (CSR: rule indices
 * at of[at[i]] .. of[at[i + 1] - 1]). */
typedef struct {
    int n; /* items */
    int n_rules;
    int *before, *after;
    int *at, *of;
} Rules;

static void rules_free(Rules *r)
{
    free(r->before);
    free(r->after);
    free(r->at);
    free(r->of);
}

static bool rules_build(const Item *items, int n, Rules *r)
{
    memset(r, 0, sizeof *r);
    r->n = n;
    int cap = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (i == j || !must_precede(&items[i], &items[j]))
                continue;
            if (r->n_rules == cap) {
                cap = cap ? 2 * cap : 16;
                int *b = realloc(r->before, sizeof *b * (size_t)cap);
                if (b)
                    r->before = b;
                int *a = realloc(r->after, sizeof *a * (size_t)cap);
                if (a)
                    r->after = a;
                if (!a || !b) {
                    rules_free(r);
                    return false;
                }
            }
            r->before[r->n_rules] = i;
            r->after[r->n_rules] = j;
            r->n_rules++;
        }
    r->at = calloc((size_t)n + 1, sizeof *r->at);
    r->of = malloc(sizeof *r->of * (size_t)(2 * r->n_rules + 1));
    if (!r->at || !r->of) {
        rules_free(r);
        return false;
    }
    for (int k = 0; k < r->n_rules; k++) {
        r->at[r->before[k] + 1]++;
        r->at[r->after[k] + 1]++;
    }
    for (int i = 0; i < n; i++)
        r->at[i + 1] += r->at[i];
    int *fill = malloc(sizeof *fill * (size_t)(n > 0 ? n : 1));
    if (!fill) {
        rules_free(r);
        return false;
    }
    memcpy(fill, r->at, sizeof *fill * (size_t)n);
    for (int k = 0; k < r->n_rules; k++) {
        r->of[fill[r->before[k]]++] = k;
        r->of[fill[r->after[k]]++] = k;
    }
    free(fill);
    return true;
}

/* The cost of one rule at the current positions: out of order weighs more
 * than every adjacency together (at most n - 1 of them), adjacent 1. */
static int rule_cost(const Rules *r, int k, const int *pos)
{
    int b = pos[r->before[k]], a = pos[r->after[k]];
    return a < b ? r->n + 1 : a == b + 1 ? 1 : 0;
}

/* The cost of the rules items u and v are in (a rule of both counted once). */
static int cost_of_two(const Rules *r, int u, int v, const int *pos)
{
    int c = 0;
    for (int x = r->at[u]; x < r->at[u + 1]; x++)
        c += rule_cost(r, r->of[x], pos);
    for (int x = r->at[v]; x < r->at[v + 1]; x++) {
        int k = r->of[x];
        if (r->before[k] != u && r->after[k] != u)
            c += rule_cost(r, k, pos);
    }
    return c;
}

/* True if a rule ties items u and v (either way). */
static bool tied(const Rules *r, int u, int v)
{
    for (int x = r->at[u]; x < r->at[u + 1]; x++) {
        int k = r->of[x];
        if ((r->before[k] == u && r->after[k] == v) || (r->before[k] == v && r->after[k] == u))
            return true;
    }
    return false;
}

static void swap_ints(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
}

/* Swaps the items at positions p and q of order, keeping pos in step. */
static void swap_at(int *order, int *pos, int p, int q)
{
    swap_ints(&order[p], &order[q]);
    pos[order[p]] = p;
    pos[order[q]] = q;
}

/* Rule a of the repair: the items of each trigger point in rank order
 * within the positions they hold; then locate-all items after their
 * points' locate items. */
static void repair_precedence(const Item *items, int *order, int *pos, int n)
{
    for (int i = 0; i < n; i++) {
        if (chain_rank(items[i].type) < 0)
            continue;
        /* i heads its group if no earlier item belongs to it. */
        bool head = true;
        for (int j = 0; j < i && head; j++)
            head = !(chain_rank(items[j].type) >= 0 && items[j].module == items[i].module &&
                     items[j].tp == items[i].tp);
        if (!head)
            continue;
        int member[4], slot[4], k = 0;
        for (int j = i; j < n && k < 4; j++)
            if (chain_rank(items[j].type) >= 0 && items[j].module == items[i].module &&
                items[j].tp == items[i].tp)
                member[k++] = j;
        for (int a = 0; a < k; a++)
            slot[a] = pos[member[a]];
        /* Both small sorts: members by rank, slots ascending. */
        for (int a = 1; a < k; a++)
            for (int b = a;
                 b > 0 && chain_rank(items[member[b]].type) < chain_rank(items[member[b - 1]].type); b--)
                swap_ints(&member[b], &member[b - 1]);
        for (int a = 1; a < k; a++)
            for (int b = a; b > 0 && slot[b] < slot[b - 1]; b--)
                swap_ints(&slot[b], &slot[b - 1]);
        for (int a = 0; a < k; a++) {
            order[slot[a]] = member[a];
            pos[member[a]] = slot[a];
        }
    }
    for (int i = 0; i < n; i++) {
        if (items[i].type != ITEM_LOCATE_ALL)
            continue;
        int last = -1;
        for (int j = 0; j < n; j++)
            if (items[j].type == ITEM_LOCATE_TP && must_precede(&items[j], &items[i]) && pos[j] > pos[i] &&
                (last < 0 || pos[j] > pos[last]))
                last = j;
        if (last >= 0)
            swap_at(order, pos, pos[i], pos[last]);
    }
}

/* Moves the item at position hi to lo, the items lo..hi-1 one place on. */
static void rotate_right(int *order, int *pos, int lo, int hi)
{
    int x = order[hi];
    memmove(order + lo + 1, order + lo, sizeof *order * (size_t)(hi - lo));
    order[lo] = x;
    for (int p = lo; p <= hi; p++)
        pos[order[p]] = p;
}

/* Moves the item at position lo to hi, the items lo+1..hi one place back. */
static void rotate_left(int *order, int *pos, int lo, int hi)
{
    int x = order[lo];
    memmove(order + lo, order + lo + 1, sizeof *order * (size_t)(hi - lo));
    order[hi] = x;
    for (int p = lo; p <= hi; p++)
        pos[order[p]] = p;
}

static int total_cost(const Rules *r, const int *pos)
{
    int v = 0;
    for (int k = 0; k < r->n_rules; k++)
        v += rule_cost(r, k, pos);
    return v;
}

/* Rule b for the tied pair at positions p, p + 1: the first move, in a
 * fixed order, that lowers the total *v: swapping the later member, then
 * the earlier one, with each other item in turn; then moving each other
 * item in between the two. Returns false (order unchanged) if none does. */
static bool separate_pair(const Rules *r, int *order, int *pos, int n, int p, int *v)
{
    for (int side = 1; side >= 0; side--)
        for (int k = 1; k < n; k++) {
            int q = (p + side + k) % n;
            if (q == p || q == p + 1)
                continue;
            int u = order[p + side], w = order[q];
            int before = cost_of_two(r, u, w, pos);
            swap_at(order, pos, p + side, q);
            int after = cost_of_two(r, u, w, pos);
            if (after < before) {
                *v += after - before;
                return true;
            }
            swap_at(order, pos, p + side, q);
        }
    /* A swap can only trade one adjacency for another where the pair's
     * group fills the positions around it; an item brought in between
     * (shifting the others) can end both. */
    for (int k = 2; k < n; k++) {
        int q = (p + k) % n;
        if (q > p + 1)
            rotate_right(order, pos, p + 1, q);
        else
            rotate_left(order, pos, q, p);
        int nv = total_cost(r, pos);
        if (nv < *v) {
            *v = nv;
            return true;
        }
        if (q > p + 1)
            rotate_left(order, pos, p + 1, q);
        else
            rotate_right(order, pos, q, p);
    }
    return false;
}

static void repair_order(const Item *items, int *order, int n)
{
    int *pos = malloc(sizeof *pos * (size_t)n);
    Rules r;
    if (!pos || !rules_build(items, n, &r)) {
        free(pos);
        return; /* out of memory: the shuffled order stands */
    }
    for (int p = 0; p < n; p++)
        pos[order[p]] = p;
    repair_precedence(items, order, pos, n);
    /* Rule b: adjacent pairs, the first one that can be separated each
     * time, until none can. */
    int v = total_cost(&r, pos);
    bool improved = true;
    while (v > 0 && improved) {
        improved = false;
        for (int p = 0; p + 1 < n && !improved; p++)
            improved = tied(&r, order[p], order[p + 1]) && separate_pair(&r, order, pos, n, p, &v);
    }
    rules_free(&r);
    free(pos);
}

static void free_items(Item *items, int n)
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
static int item_capacity(const Module *m)
{
    return 5 * m->n_tps + m->n_questions;
}

/* A new trigger point item (locate, zone, paint, reverse) of m's point tp,
 * answered on view; key is "<module>/tp.<id>/<suffix>". */
static void tp_item(Item *it, ItemType type, const Module *m, int tp, const char *view, char *prompt,
                    const char *suffix, bool *failed)
{
    it->type = type;
    it->module = m;
    it->tp = tp;
    it->question = -1;
    it->view = view;
    it->prompt = prompt;
    it->key = format_alloc("%s/tp.%s/%s", or_empty(m->id), or_empty(m->tps[tp].id), suffix);
    *failed |= !it->prompt || !it->key;
}

/* Step 1 of the file comment: m's items in canonical order into items
 * (room for item_capacity(m)). Returns how many; *failed is set if a
 * string could not be allocated (the items written so far still own
 * theirs). */
static int build_items(const Module *m, Rng *rng, Item *items, bool *failed)
{
    int n = 0;
    for (int i = 0; i < m->n_tps; i++, n++)
        tp_item(&items[n], ITEM_LOCATE_TP, m, i, m->tps[i].view, locate_prompt(m, &m->tps[i]), "locate",
                failed);
    for (int i = 0; i < m->n_tps; i++) {
        int z = first_essential_zone(m, i);
        if (z >= 0)
            tp_item(&items[n++], ITEM_ZONE_CLICK, m, i, m->zones[z].view, zone_prompt(m, &m->tps[i]), "zone",
                    failed);
    }
    for (int i = 0; i < m->n_tps; i++) {
        int z = first_essential_zone(m, i);
        if (z >= 0)
            tp_item(&items[n++], ITEM_ZONE_PAINT, m, i, m->zones[z].view, paint_prompt(m, &m->tps[i]),
                    "paint", failed);
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
        it->prompt = locate_all_prompt(m, count);
        it->key = format_alloc("%s/view.%s/locate_all", or_empty(m->id), view);
        it->targets = malloc(sizeof *it->targets * (size_t)count);
        *failed |= !it->prompt || !it->key || !it->targets;
        for (int j = 0; j < m->n_tps && it->targets; j++)
            if (tp_on_view(m, j, view))
                it->targets[it->n_targets++] = j;
    }
    for (int i = 0; i < m->n_tps; i++)
        if (has_essential_zone_on_own_view(m, i))
            tp_item(&items[n++], ITEM_REVERSE, m, i, m->tps[i].view, reverse_prompt(), "reverse", failed);
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
        it->key = format_alloc("%s/question.%s", or_empty(m->id), or_empty(q->id));
        *failed |= !it->prompt || !it->key;
        fill_options(it, q, rng);
    }
    return n;
}

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

/* Unanswered, owning nothing; the time spent stays. */
static void clear_answer(Answer *a)
{
    int64_t t = a->time_ms;
    release_answer(a);
    memset(a, 0, sizeof *a);
    a->zone = -1;
    a->zone_kind = ZONE_ESSENTIAL;
    a->reverse.tp = -1;
    a->time_ms = t;
}

/* Shuffles items (n > 0, owned strings) with rng (unless rng is NULL: the
 * order given stands), repairs the order and makes a session of them,
 * grading reverse items against mods (n_mods, copied). Takes the items'
 * strings in every case; frees the items array. NULL if out of memory. */
static Session *session_make(SessionMode mode, uint64_t seed, Item *items, int n, Rng *rng,
                             const Module *const *mods, int n_mods)
{
    Session *s = NULL;
    int *order = NULL;
    if (!(order = malloc(sizeof *order * (size_t)n)) || !(s = calloc(1, sizeof *s)) ||
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
        free_items(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        order[i] = i;
    if (rng)
        rng_shuffle_ints(rng, order, n);
    repair_order(items, order, n);
    for (int i = 0; i < n; i++)
        s->items[i] = items[order[i]];
    free(items); /* the strings moved into s->items */
    free(order);

    for (int i = 0; i < n; i++)
        clear_answer(&s->answers[i]);
    for (int k = 0; k < n_mods; k++)
        s->modules[k] = mods[k];
    s->n_modules = n_mods;
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
    return session_make(mode, seed, items, n, &rng, &m, 1);
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
            src->targets = NULL;
        }
        free(idx);
    }
    s = session_make(SESSION_EXAM, seed, chosen, n, &rng, mods, n_mods);
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

/* Moves the item of m whose key is key into *out (built as practice builds
 * it, options from rng). False if m has no such item or memory ran out
 * (*failed set then). */
static bool build_item_by_key(const Module *m, const char *key, Rng *rng, Item *out, bool *failed)
{
    int cap = item_capacity(m);
    if (cap <= 0)
        return false;
    Item *items = calloc((size_t)cap, sizeof *items);
    if (!items) {
        *failed = true;
        return false;
    }
    int n = build_items(m, rng, items, failed);
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
    free_items(items, n);
    return found;
}

Session *session_create_review(const Library *lib, const char *const *keys, int n_keys, uint64_t seed,
                               int *skipped)
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
        free_items(chosen, n);
    else
        s = session_make(SESSION_REVIEW, seed, chosen, n, NULL, mods, n_mods);
    free(mods);
    return s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    free_items(s->items, s->n);
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
        for (size_t k = 0; k < n; k++)
            painted[k] = cells[k] != 0;
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
