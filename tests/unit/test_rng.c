/* Unit tests for src/core/rng.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "rng.h"

/* splitmix64 from seed 0 has well-known outputs (Vigna's reference code);
 * rng_seed must put exactly these into the state. */
static void test_seed_is_splitmix64(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 0);
    assert_true(r.s[0] == 0xe220a8397b1dcdafULL);
    assert_true(r.s[1] == 0x6e789e6aa1b965f4ULL);
    assert_true(r.s[2] == 0x06c45d188009454fULL);
    assert_true(r.s[3] == 0xf88bb8a8724c81ecULL);
}

/* xoshiro256** outputs, computed with an independent Python transcription of
 * the reference algorithm. Records store seeds, so these must never change. */
static void test_known_sequence(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 0);
    assert_true(rng_next(&r) == 0x99ec5f36cb75f2b4ULL);
    assert_true(rng_next(&r) == 0xbf6e1f784956452aULL);
    assert_true(rng_next(&r) == 0x1a5f849d4933e6e0ULL);
    assert_true(rng_next(&r) == 0x6aa594f1262d2d2cULL);
    rng_seed(&r, 42);
    assert_true(rng_next(&r) == 0x15780b2e0c2ec716ULL);
    assert_true(rng_next(&r) == 0x6104d9866d113a7eULL);
    assert_true(rng_next(&r) == 0xae17533239e499a1ULL);
    assert_true(rng_next(&r) == 0xecb8ad4703b360a1ULL);
}

static void test_same_seed_same_stream_different_seed_differs(void **state)
{
    (void)state;
    Rng a, b, c;
    rng_seed(&a, 12345);
    rng_seed(&b, 12345);
    rng_seed(&c, 12346);
    int same_ac = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t x = rng_next(&a);
        assert_true(x == rng_next(&b));
        same_ac += x == rng_next(&c);
    }
    assert_int_equal(same_ac, 0);
}

static void test_below_range(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 7);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(rng_below(&r, 1), 0);
    const uint32_t ns[] = {2, 3, 7, 10, 1000, 0x80000001u, 0xffffffffu};
    for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++)
        for (int i = 0; i < 2000; i++)
            assert_true(rng_below(&r, ns[k]) < ns[k]);
    /* n = 0 breaks the contract; it must still not divide by zero. */
    assert_int_equal(rng_below(&r, 0), 0);
}

/* Counts of rng_below(n) over many draws stay within a generous chi-square
 * bound; a modulo-biased or broken generator fails it. Deterministic (fixed
 * seed), so it cannot flake. */
static void test_below_is_uniform(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 2024);
    enum { N = 6, DRAWS = 60000 };
    int hist[N] = {0};
    for (int i = 0; i < DRAWS; i++)
        hist[rng_below(&r, N)]++;
    double expect = (double)DRAWS / N, chi2 = 0;
    for (int i = 0; i < N; i++)
        chi2 += (hist[i] - expect) * (hist[i] - expect) / expect;
    assert_true(chi2 < 20.5); /* p = 0.001 for 5 degrees of freedom */

    /* Near 2^32, plain modulo would favour the low half heavily: values
     * below 2^31 would come up twice as often as the rest. */
    uint32_t n = 0xC0000000u; /* 3 * 2^30 */
    int low = 0;
    for (int i = 0; i < DRAWS; i++)
        low += rng_below(&r, n) < 0x40000000u;
    /* Unbiased: P(low) = 1/3; with modulo bias it would be 1/2. */
    assert_true(low > DRAWS * 0.31 && low < DRAWS * 0.36);
}

static void test_shuffle_is_a_permutation(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 99);
    int v[50];
    for (int i = 0; i < 50; i++)
        v[i] = i;
    rng_shuffle_ints(&r, v, 50);
    int seen[50] = {0}, moved = 0;
    for (int i = 0; i < 50; i++) {
        assert_true(v[i] >= 0 && v[i] < 50);
        seen[v[i]]++;
        moved += v[i] != i;
    }
    for (int i = 0; i < 50; i++)
        assert_int_equal(seen[i], 1);
    assert_true(moved > 25);
    /* Trivial lengths are left alone. */
    int one = 5;
    rng_shuffle_ints(&r, &one, 1);
    assert_int_equal(one, 5);
    rng_shuffle_ints(&r, NULL, 0);
}

static void test_shuffle_deterministic_per_seed(void **state)
{
    (void)state;
    int a[20], b[20], c[20];
    for (int i = 0; i < 20; i++)
        a[i] = b[i] = c[i] = i;
    Rng ra, rb, rc;
    rng_seed(&ra, 5);
    rng_seed(&rb, 5);
    rng_seed(&rc, 6);
    rng_shuffle_ints(&ra, a, 20);
    rng_shuffle_ints(&rb, b, 20);
    rng_shuffle_ints(&rc, c, 20);
    assert_memory_equal(a, b, sizeof a);
    assert_memory_not_equal(a, c, sizeof a);
}

/* Every permutation of 3 elements is about equally likely (Fisher-Yates
 * done wrong, e.g. swapping with any index, is visibly skewed). */
static void test_shuffle_is_uniform(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 31337);
    enum { DRAWS = 60000 };
    int hist[6] = {0};
    for (int i = 0; i < DRAWS; i++) {
        int v[3] = {0, 1, 2};
        rng_shuffle_ints(&r, v, 3);
        /* Lehmer code of the permutation: 0..5 */
        int code = v[0] * 2 + (v[1] > v[2]);
        hist[code]++;
    }
    double expect = DRAWS / 6.0, chi2 = 0;
    for (int i = 0; i < 6; i++)
        chi2 += (hist[i] - expect) * (hist[i] - expect) / expect;
    assert_true(chi2 < 20.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_is_splitmix64),
        cmocka_unit_test(test_known_sequence),
        cmocka_unit_test(test_same_seed_same_stream_different_seed_differs),
        cmocka_unit_test(test_below_range),
        cmocka_unit_test(test_below_is_uniform),
        cmocka_unit_test(test_shuffle_is_a_permutation),
        cmocka_unit_test(test_shuffle_deterministic_per_seed),
        cmocka_unit_test(test_shuffle_is_uniform),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
