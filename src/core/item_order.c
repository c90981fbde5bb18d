/* item_order: repairing the shuffled order of a session's items.
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
 *     company is their own group stay adjacent (nothing can go between). */
#include "session_internal.h"

#include <stdlib.h>
#include <string.h>

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

void item_order_repair(const Item *items, int *order, int n)
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
