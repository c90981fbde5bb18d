/* arena: many small allocations that all end together. A score file's
 * records (their strings, answers, paintings) come from one arena and go
 * with one arena_free, instead of a malloc and a free each: the report
 * loads ten thousand files of a few thousand values each.
 *
 * Memory is taken in blocks, each at least twice the last, so a file's
 * values cost a handful of mallocs. Allocations are aligned for any type. */
#ifndef TPQUIZ_ARENA_H
#define TPQUIZ_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct {
    ArenaBlock *head; /* the block being filled; it links to the older ones */
    size_t first;     /* the size of the first block (0: a default) */
} Arena;

/* An empty arena whose first block will hold about first bytes (0: a
 * default). Nothing is allocated until the first arena_alloc. */
void arena_init(Arena *a, size_t first);

/* n bytes (n 0 gives a valid, distinct pointer), NULL if out of memory. */
void *arena_alloc(Arena *a, size_t n);

/* A copy of s[0, n) with a NUL after it, NULL if out of memory. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* realloc for the arena: p (from arena_alloc of old_n bytes, or NULL) grown
 * to new_n bytes, its first old_n bytes kept. The last allocation grows in
 * place when its block has room; otherwise the bytes move and the old space
 * is not reused until arena_free. NULL if out of memory (p stays valid). */
void *arena_grow(Arena *a, void *p, size_t old_n, size_t new_n);

/* Room for one more element after the n used of array p (*cap allocated,
 * elem bytes each): p as it is while n < *cap, else grown to twice its
 * capacity (at least 8) and *cap updated, so that appending n elements one
 * by one copies O(n) bytes however the array's allocations interleave with
 * others. Returns the array (perhaps moved), NULL if out of memory (p and
 * *cap unchanged). */
void *arena_room(Arena *a, void *p, size_t elem, int n, int *cap);

/* Bytes the arena holds in its blocks (for tests and limits). */
size_t arena_bytes(const Arena *a);

/* Frees every block; the arena is empty again (and may be used again). */
void arena_free(Arena *a);

#endif
