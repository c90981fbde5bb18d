/* session_internal: what session.c shares with items.c (a module's items)
 * and item_order.c (the order repair); not for other code, which uses
 * session.h. */
#ifndef TPQUIZ_SESSION_INTERNAL_H
#define TPQUIZ_SESSION_INTERNAL_H

#include "rng.h"
#include "session.h"

#include <stdbool.h>

/* ---- items.c ---- */

/* Most items a module can give: the capacity items_build needs (locate,
 * zone, paint and reverse per point, at most one locate-all per point). */
int items_capacity(const Module *m);
/* Step 1 of session.c's file comment: m's items in canonical order into
 * items (room for items_capacity(m)). Returns how many; *failed is set if a
 * string could not be allocated (the items written so far still own
 * theirs). The prompts are left NULL: an exam draws a few items of many,
 * and re-grading needs none (items_write_prompts). */
int items_build(const Module *m, Rng *rng, Item *items, bool *failed);
/* Writes the prompt of each of items[0, n) that has none. False if one
 * could not be allocated (those written stay, owned by their items). */
bool items_write_prompts(Item *items, int n);
/* Frees the strings of items[0, n) and items. */
void items_free(Item *items, int n);
/* k distinct numbers of 0..n-1 drawn with rng into out, in drawing order. */
void items_pick(Rng *rng, int n, int k, int *out);
/* Step 2 of session.c's exam procedure: share[k] of n items for each of
 * n_mods modules with count[k] items (n <= the sum of count[]). False if
 * memory runs out. */
bool items_stratify(const int *count, int n_mods, int n, Rng *rng, int *share);

/* ---- item_order.c ---- */

/* Repairs the order (item indices order[0, n)) of items by rules a and b
 * of item_order.c's file comment; out of memory leaves it as it was. */
void item_order_repair(const Item *items, int *order, int n);

#endif
