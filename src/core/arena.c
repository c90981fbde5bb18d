/* arena: see arena.h. */
#include "arena.h"

#include <limits.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_DEFAULT_FIRST 4096
#define ALIGN alignof(max_align_t)

struct ArenaBlock {
    ArenaBlock *older;
    size_t used, cap; /* bytes of data[] */
    size_t last;      /* offset of the last allocation (for arena_grow) */
    alignas(max_align_t) unsigned char data[];
};

static size_t round_up(size_t n)
{
    return (n + ALIGN - 1) / ALIGN * ALIGN;
}

void arena_init(Arena *a, size_t first)
{
    a->head = NULL;
    a->first = first;
}

/* A new head block with room for at least n bytes. */
static ArenaBlock *new_block(Arena *a, size_t n)
{
    size_t cap = a->head ? 2 * a->head->cap : a->first ? round_up(a->first) : ARENA_DEFAULT_FIRST;
    if (cap < n)
        cap = n;
    if (cap > SIZE_MAX - sizeof(ArenaBlock))
        return NULL;
    ArenaBlock *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->older = a->head;
    b->used = 0;
    b->cap = cap;
    b->last = 0;
    a->head = b;
    return b;
}

void *arena_alloc(Arena *a, size_t n)
{
    if (n > SIZE_MAX - ALIGN)
        return NULL;
    size_t need = round_up(n ? n : 1);
    ArenaBlock *b = a->head;
    if (!b || b->cap - b->used < need)
        b = new_block(a, need);
    if (!b)
        return NULL;
    b->last = b->used;
    b->used += need;
    return b->data + b->last;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *c = arena_alloc(a, n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

void *arena_grow(Arena *a, void *p, size_t old_n, size_t new_n)
{
    if (!p)
        return arena_alloc(a, new_n);
    if (new_n <= old_n)
        return p;
    ArenaBlock *b = a->head;
    if (b && (unsigned char *)p == b->data + b->last && new_n <= SIZE_MAX - ALIGN &&
        round_up(new_n) <= b->cap - b->last) {
        b->used = b->last + round_up(new_n); /* the last allocation: grown where it is */
        return p;
    }
    void *q = arena_alloc(a, new_n);
    if (q)
        memcpy(q, p, old_n);
    return q;
}

void *arena_room(Arena *a, void *p, size_t elem, int n, int *cap)
{
    if (p && n < *cap)
        return p;
    if (*cap > INT_MAX / 2)
        return NULL;
    int more = *cap >= 8 ? 2 * *cap : 8;
    if (elem && (size_t)more > SIZE_MAX / elem)
        return NULL;
    void *q = arena_grow(a, p, elem * (size_t)*cap, elem * (size_t)more);
    if (q)
        *cap = more;
    return q;
}

size_t arena_bytes(const Arena *a)
{
    size_t n = 0;
    for (const ArenaBlock *b = a->head; b; b = b->older)
        n += sizeof *b + b->cap;
    return n;
}

void arena_free(Arena *a)
{
    for (ArenaBlock *b = a->head; b;) {
        ArenaBlock *older = b->older;
        free(b);
        b = older;
    }
    a->head = NULL;
}
