/* Unit tests for src/core/arena.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static bool aligned(const void *p)
{
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

/* Many allocations of mixed sizes: each aligned, none overlapping (each
 * keeps the bytes written into it), across many blocks. */
static void test_alloc_keeps_every_value(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a, 64);
    enum { N = 3000 };
    unsigned char *p[N];
    size_t len[N];
    for (int i = 0; i < N; i++) {
        len[i] = (size_t)(i * 37 % 301);
        p[i] = arena_alloc(&a, len[i]);
        assert_non_null(p[i]);
        assert_true(aligned(p[i]));
        memset(p[i], i & 0xFF, len[i]);
    }
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < len[i]; k++)
            assert_int_equal(p[i][k], i & 0xFF);
    /* Zero bytes: still distinct pointers. */
    void *z1 = arena_alloc(&a, 0), *z2 = arena_alloc(&a, 0);
    assert_non_null(z1);
    assert_ptr_not_equal(z1, z2);
    arena_free(&a);
    assert_null(a.head);
}

/* A block bigger than any before it (bigger than the doubling gives). */
static void test_large_allocation(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a, 0);
    char *small = arena_strndup(&a, "abc", 3);
    char *big = arena_alloc(&a, 1 << 20);
    assert_non_null(big);
    memset(big, 'x', 1 << 20);
    assert_string_equal(small, "abc");
    assert_null(arena_alloc(&a, SIZE_MAX - 4)); /* refused, not wrapped round */
    arena_free(&a);
}

static void test_strndup(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a, 0);
    char *s = arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    char *e = arena_strndup(&a, "", 0);
    assert_string_equal(e, "");
    arena_free(&a);
}

/* Growing the last allocation keeps it in place while its block has room;
 * growing an older one moves it, its bytes kept, and leaves the others. */
static void test_grow(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a, 1024);
    int *v = NULL;
    size_t n = 0;
    for (int i = 0; i < 5000; i++) {
        if ((size_t)i == n) {
            size_t m = n ? 2 * n : 4;
            int *w = arena_grow(&a, v, n * sizeof *v, m * sizeof *v);
            assert_non_null(w);
            v = w;
            n = m;
        }
        v[i] = i * 3;
    }
    for (int i = 0; i < 5000; i++)
        assert_int_equal(v[i], i * 3);

    int *x = arena_alloc(&a, 4 * sizeof *x);
    for (int i = 0; i < 4; i++)
        x[i] = 100 + i;
    int *y = arena_grow(&a, x, 4 * sizeof *x, 8 * sizeof *x);
    assert_ptr_equal(x, y); /* the last one, room behind it: in place */
    char *after = arena_strndup(&a, "after", 5);
    int *z = arena_grow(&a, y, 8 * sizeof *y, 64 * sizeof *y);
    assert_ptr_not_equal(z, y); /* no longer the last: moved */
    for (int i = 0; i < 4; i++)
        assert_int_equal(z[i], 100 + i);
    assert_string_equal(after, "after");
    assert_ptr_equal(arena_grow(&a, z, 64 * sizeof *z, 8 * sizeof *z), z); /* shrinking: as it is */
    arena_free(&a);
}

/* arena_room: appending one by one, interleaved with other allocations
 * (as the parser appends a chosen option and copies its text), keeps every
 * element, doubles the capacity, and uses memory in proportion to the
 * elements (not their square, as growing by one each time would). */
static void test_room(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a, 0);
    char **v = NULL;
    int n = 0, cap = 0;
    enum { N = 200000 };
    for (int i = 0; i < N; i++) {
        char **w = arena_room(&a, v, sizeof *v, n, &cap);
        assert_non_null(w);
        v = w;
        v[n++] = arena_strndup(&a, i % 2 ? "odd" : "even", i % 2 ? 3 : 4);
    }
    assert_true(cap >= N && cap < 2 * N + 8);
    for (int i = 0; i < N; i++)
        assert_string_equal(v[i], i % 2 ? "odd" : "even");
    size_t used = arena_bytes(&a);
    assert_true(used < (size_t)N * 64); /* pointers, strings, the doubling's spare copies */
    int same_cap = cap;
    assert_ptr_equal(arena_room(&a, v, sizeof *v, 3, &same_cap), v); /* room already: as it is */
    assert_int_equal(same_cap, cap);
    arena_free(&a);
}

/* An arena freed can be used again. */
static void test_reuse(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a, 16);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 100; i++)
            assert_non_null(arena_strndup(&a, "some value", 10));
        arena_free(&a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_keeps_every_value),
        cmocka_unit_test(test_large_allocation),
        cmocka_unit_test(test_strndup),
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_room),
        cmocka_unit_test(test_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
