/* Unit tests for src/core/locator.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "grading.h"
#include "locator.h"
#include "support.h"

/* Charts of 120 x 120 units, a 12 x 12 grid of 10-unit cells.
 *
 * alpha (Alpha): tp 0 at (20,20) front: essential E (0,0)-(40,40) [16
 *   cells], spillover S (40,0)-(60,40) [8 cells]. tp 1 at (20,100) front:
 *   a pattern of its own, (0,80)-(20,100).
 * beta (Beta): tp 0 at (50,50): essential over (0,0)-(100,100) [100
 *   cells]; tp 1 at (90,90): essential (80,80)-(100,100) [4 cells].
 * gamma (Gamma): zones on the back only.
 * delta (Delta): tp 0 at (100,20) front, the same pattern as alpha's tp 0,
 *   written from another start point and the other way round; tp 1 on the
 *   back view with that pattern on front too (not clickable on front).
 * alpha2 (Alpha): another module with alpha's display name (tie on name),
 *   essential E only (no spillover): a different pattern. */
static Vec2 E[] = {{0, 0}, {40, 0}, {40, 40}, {0, 40}};
static Vec2 E_ROT[] = {{40, 40}, {40, 0}, {0, 0}, {0, 40}}; /* E reversed from another start */
static Vec2 S[] = {{40, 0}, {60, 0}, {60, 40}, {40, 40}};
static Vec2 A1[] = {{0, 80}, {20, 80}, {20, 100}, {0, 100}};
static Vec2 BIG[] = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
static Vec2 CORNER[] = {{80, 80}, {100, 80}, {100, 100}, {80, 100}};

static TriggerPoint alpha_tps[2], beta_tps[2], gamma_tps[1], delta_tps[2], alpha2_tps[1];
static Zone alpha_z[3], beta_z[2], gamma_z[1], delta_z[4], alpha2_z[1];
static Module alpha, beta, gamma_m, delta, alpha2;

static TriggerPoint tp(const char *id, const char *view, double x, double y)
{
    return (TriggerPoint){.id = (char *)id, .view = (char *)view, .at = {x, y}, .radius = 5};
}

static Zone zone(const char *view, int t, ZoneKind kind, Vec2 *pts, int n)
{
    return (Zone){.id = "z", .view = (char *)view, .tp = t, .kind = kind, .poly = {pts, n}};
}

static int setup(void **state)
{
    (void)state;
    alpha_tps[0] = tp("a0", "front", 20, 20);
    alpha_tps[1] = tp("a1", "front", 20, 100);
    alpha_z[0] = zone("front", 0, ZONE_ESSENTIAL, E, 4);
    alpha_z[1] = zone("front", 0, ZONE_SPILLOVER, S, 4);
    alpha_z[2] = zone("front", 1, ZONE_ESSENTIAL, A1, 4);
    alpha = (Module){.id = "alpha", .name = "Alpha", .tps = alpha_tps, .n_tps = 2, .zones = alpha_z, .n_zones = 3};

    beta_tps[0] = tp("b0", "front", 50, 50);
    beta_tps[1] = tp("b1", "front", 90, 90);
    beta_z[0] = zone("front", 0, ZONE_ESSENTIAL, BIG, 4);
    beta_z[1] = zone("front", 1, ZONE_ESSENTIAL, CORNER, 4);
    beta = (Module){.id = "beta", .name = "Beta", .tps = beta_tps, .n_tps = 2, .zones = beta_z, .n_zones = 2};

    gamma_tps[0] = tp("g0", "back", 20, 20);
    gamma_z[0] = zone("back", 0, ZONE_ESSENTIAL, E, 4);
    gamma_m = (Module){.id = "gamma", .name = "Gamma", .tps = gamma_tps, .n_tps = 1, .zones = gamma_z, .n_zones = 1};

    delta_tps[0] = tp("d0", "front", 100, 20);
    delta_tps[1] = tp("d1", "back", 20, 20);
    /* Spillover listed first: the order of zones does not matter. */
    delta_z[0] = zone("front", 0, ZONE_SPILLOVER, S, 4);
    delta_z[1] = zone("front", 0, ZONE_ESSENTIAL, E_ROT, 4);
    delta_z[2] = zone("front", 1, ZONE_ESSENTIAL, E, 4);
    delta_z[3] = zone("front", 1, ZONE_SPILLOVER, S, 4);
    delta = (Module){.id = "delta", .name = "Delta", .tps = delta_tps, .n_tps = 2, .zones = delta_z, .n_zones = 4};

    alpha2_tps[0] = tp("x0", "front", 20, 20);
    alpha2_z[0] = zone("front", 0, ZONE_ESSENTIAL, E, 4);
    alpha2 = (Module){.id = "alpha2", .name = "Alpha", .tps = alpha2_tps, .n_tps = 1, .zones = alpha2_z, .n_zones = 1};
    return 0;
}

static const Grid G = {{0, 0}, 10, 12, 12};

static void paint(unsigned char *cells, int c0, int r0, int c1, int r1)
{
    for (int r = r0; r < r1; r++)
        for (int c = c0; c < c1; c++)
            cells[r * G.cols + c] = 1;
}

static void test_small_pain_inside_big_zone_ranks_high(void **state)
{
    (void)state;
    const Module *mods[] = {&beta, &gamma_m, &delta, &alpha};
    unsigned char pain[144] = {0};
    paint(pain, 1, 1, 2, 2); /* one cell, inside alpha's / delta's essential zone and beta's big one */
    LocatorMatch out[8];
    int n = locator_rank(pain, &G, "front", mods, 4, out, 8);
    assert_int_equal(n, 3); /* gamma has no front zone */
    /* All explain the pain fully; alpha and delta fit it better than beta's
     * chart-wide zone (2/21 against 2/101), and tie with each other: by name. */
    assert_ptr_equal(out[0].module, &alpha);
    assert_int_equal(out[0].tp, 0);
    assert_near(out[0].explained, 1.0, 0);
    assert_near(out[0].fit, 2.0 / 21, 1e-12);
    assert_near(out[0].score, 0.8 + 0.2 * 2 / 21, 1e-12);
    assert_ptr_equal(out[1].module, &delta);
    assert_int_equal(out[1].tp, 0); /* tp 1 ties; the first is kept */
    assert_ptr_equal(out[2].module, &beta);
    assert_int_equal(out[2].tp, 0);
    assert_near(out[2].explained, 1.0, 0);
    assert_near(out[2].fit, 2.0 / 101, 1e-12);
    assert_near(out[2].score, 0.8 + 0.2 * 2 / 101, 1e-12);
    /* Top N only. */
    n = locator_rank(pain, &G, "front", mods, 4, out, 2);
    assert_int_equal(n, 2);
    assert_ptr_equal(out[1].module, &delta);
}

static void test_spillover_and_partial_explanations(void **state)
{
    (void)state;
    const Module *mods[] = {&alpha, &beta};
    unsigned char pain[144] = {0};
    /* In alpha's spillover only (half explained) and in beta's big zone. */
    paint(pain, 4, 1, 6, 2);
    LocatorMatch out[4];
    int n = locator_rank(pain, &G, "front", mods, 2, out, 4);
    assert_int_equal(n, 2);
    assert_ptr_equal(out[0].module, &beta);
    assert_near(out[0].explained, 1.0, 0);
    assert_ptr_equal(out[1].module, &alpha);
    assert_near(out[1].explained, GRADE_SPILLOVER_CREDIT, 0);
    assert_near(out[1].fit, 2.0 / 21, 1e-12); /* overlap 2 x 0.5, zone 16 + 4, pain 1 */
    /* Half the pain outside every zone (column 11): both explain half. */
    memset(pain, 0, sizeof pain);
    paint(pain, 1, 1, 2, 2);
    paint(pain, 11, 1, 12, 2);
    n = locator_rank(pain, &G, "front", mods, 2, out, 4);
    assert_int_equal(n, 2);
    assert_near(out[0].explained, 0.5, 0);
    assert_near(out[1].explained, 0.5, 0);
    assert_ptr_equal(out[0].module, &alpha); /* better fit */
    assert_true(out[0].score > out[1].score);
}

static void test_explaining_all_beats_fitting_part(void **state)
{
    (void)state;
    /* Pain over (10,10)-(30,30), 4 cells. beta's chart-wide zone holds it
     * all (explained 1, fit 8/104: score 0.815). lshape's zone is 3 of the
     * 4 cells and nothing else (explained 0.75, fit 6/7: score 0.771): a
     * close fit does not beat a pattern that explains all of the pain. */
    static Vec2 L[] = {{10, 10}, {30, 10}, {30, 20}, {20, 20}, {20, 30}, {10, 30}};
    static TriggerPoint ltp[1];
    static Zone lz[1];
    static Module lshape;
    ltp[0] = tp("l0", "front", 15, 15);
    lz[0] = zone("front", 0, ZONE_ESSENTIAL, L, 6);
    lshape = (Module){.id = "lshape", .name = "Lshape", .tps = ltp, .n_tps = 1, .zones = lz, .n_zones = 1};
    const Module *mods[] = {&lshape, &beta};
    unsigned char pain[144] = {0};
    paint(pain, 1, 1, 3, 3);
    LocatorMatch out[4];
    assert_int_equal(locator_rank(pain, &G, "front", mods, 2, out, 4), 2);
    assert_ptr_equal(out[0].module, &beta);
    assert_near(out[0].score, 0.8 + 0.2 * 8 / 104, 1e-12);
    assert_ptr_equal(out[1].module, &lshape);
    assert_near(out[1].explained, 0.75, 0);
    assert_near(out[1].fit, 6.0 / 7, 1e-12);
    assert_near(out[1].score, 0.6 + 0.2 * 6 / 7, 1e-12);
}

static void test_module_scores_as_its_best_tp(void **state)
{
    (void)state;
    const Module *mods[] = {&beta, &alpha};
    unsigned char pain[144] = {0};
    paint(pain, 8, 8, 10, 10); /* exactly beta's tp 1 corner */
    LocatorMatch out[4];
    int n = locator_rank(pain, &G, "front", mods, 2, out, 4);
    assert_int_equal(n, 1); /* alpha explains none of it */
    assert_ptr_equal(out[0].module, &beta);
    assert_int_equal(out[0].tp, 1); /* tp 0 also explains it all, but fits worse */
    assert_near(out[0].fit, 1.0, 0);
}

static void test_ties_by_name_then_id(void **state)
{
    (void)state;
    /* Pain over all of E: alpha2 and alpha (same name) both explain it
     * fully; the fit makes the difference: alpha2's pattern is exactly E
     * (1), alpha's adds a spillover (2 * 16 / (20 + 16)). */
    const Module *mods[] = {&alpha2, &alpha};
    unsigned char pain[144] = {0};
    paint(pain, 0, 0, 4, 4);
    LocatorMatch out[4];
    int n = locator_rank(pain, &G, "front", mods, 2, out, 4);
    assert_int_equal(n, 2);
    assert_ptr_equal(out[0].module, &alpha2);
    assert_ptr_equal(out[1].module, &alpha);
    /* Equal score, fit and name: by id ("alpha1" < "alpha2"). */
    static Module alpha_copy;
    alpha_copy = alpha2;
    alpha_copy.id = "alpha1";
    const Module *same[] = {&alpha2, &alpha_copy};
    n = locator_rank(pain, &G, "front", same, 2, out, 4);
    assert_int_equal(n, 2);
    assert_ptr_equal(out[0].module, &alpha_copy);
    assert_ptr_equal(out[1].module, &alpha2);
}

static void test_rank_edge_cases(void **state)
{
    (void)state;
    const Module *mods[] = {&alpha, NULL, &alpha, &beta};
    unsigned char pain[144] = {0};
    LocatorMatch out[4];
    /* Nothing painted. */
    assert_int_equal(locator_rank(pain, &G, "front", mods, 4, out, 4), 0);
    /* Pain where no zone is (column 11 is outside beta's big zone). */
    paint(pain, 11, 11, 12, 12);
    assert_int_equal(locator_rank(pain, &G, "front", mods, 4, out, 4), 0);
    /* NULL entries skipped, a module listed twice counted once. */
    paint(pain, 1, 1, 2, 2);
    assert_int_equal(locator_rank(pain, &G, "front", mods, 4, out, 4), 2);
    assert_int_equal(locator_rank(pain, &G, "side", mods, 4, out, 4), 0);
    assert_int_equal(locator_rank(pain, &G, "front", mods, 4, out, 0), 0);
    assert_int_equal(locator_rank(NULL, &G, "front", mods, 4, out, 4), -1);
    assert_int_equal(locator_rank(pain, NULL, "front", mods, 4, out, 4), -1);
}

static void test_same_pattern(void **state)
{
    (void)state;
    /* Same kinds and polygons, other order and start point. */
    assert_true(locator_same_pattern(&alpha, 0, &delta, 0, "front"));
    assert_true(locator_same_pattern(&delta, 0, &alpha, 0, "front"));
    assert_true(locator_same_pattern(&alpha, 0, &delta, 1, "front"));
    assert_true(locator_same_pattern(&alpha, 0, &alpha, 0, "front"));
    /* Missing the spillover: different. */
    assert_false(locator_same_pattern(&alpha, 0, &alpha2, 0, "front"));
    assert_false(locator_same_pattern(&alpha2, 0, &alpha, 0, "front"));
    /* Another polygon; another view; no zone at all. */
    assert_false(locator_same_pattern(&alpha, 0, &alpha, 1, "front"));
    assert_false(locator_same_pattern(&alpha, 0, &gamma_m, 0, "front"));
    assert_false(locator_same_pattern(&gamma_m, 0, &gamma_m, 0, "front"));
    assert_true(locator_same_pattern(&gamma_m, 0, &gamma_m, 0, "back"));
    /* The same polygon with another kind. */
    static Zone swapped[2];
    static Module m;
    swapped[0] = zone("front", 0, ZONE_SPILLOVER, E, 4);
    swapped[1] = zone("front", 0, ZONE_ESSENTIAL, S, 4);
    m = (Module){.id = "sw", .name = "Sw", .tps = alpha_tps, .n_tps = 1, .zones = swapped, .n_zones = 2};
    assert_false(locator_same_pattern(&alpha, 0, &m, 0, "front"));
    /* Duplicates count: E twice is not E once plus S. */
    static Zone twice[2];
    twice[0] = zone("front", 0, ZONE_ESSENTIAL, E, 4);
    twice[1] = zone("front", 0, ZONE_ESSENTIAL, E, 4);
    m.zones = twice;
    assert_false(locator_same_pattern(&alpha, 0, &m, 0, "front"));

    LocatorMatch out[8];
    const Module *mods[] = {&beta, &delta, &alpha, &delta};
    int n = locator_same_pattern_tps(&alpha, 0, "front", mods, 4, out, 8);
    assert_int_equal(n, 3);
    assert_ptr_equal(out[0].module, &alpha);
    assert_int_equal(out[0].tp, 0);
    assert_ptr_equal(out[1].module, &delta);
    assert_int_equal(out[1].tp, 0);
    assert_ptr_equal(out[2].module, &delta);
    assert_int_equal(out[2].tp, 1);
    assert_int_equal(locator_same_pattern_tps(&alpha, 0, "front", mods, 4, out, 1), 3);
    assert_int_equal(locator_same_pattern_tps(&gamma_m, 0, "front", mods, 4, out, 8), 0);
}

static void test_reverse_accepts_shared_patterns(void **state)
{
    (void)state;
    const Module *mods[] = {&beta, &delta, &gamma_m};
    /* On the responsible point. */
    ReverseResult r = grade_reverse((Vec2){20, 20}, &alpha, 0, "front", mods, 3);
    assert_near(r.credit, 1.0, 0);
    assert_ptr_equal(r.module, &alpha);
    assert_int_equal(r.tp, 0);
    assert_true(r.responsible);
    /* On delta's tp 0, which sends pain in the same pattern. */
    r = grade_reverse((Vec2){101, 22}, &alpha, 0, "front", mods, 3);
    assert_near(r.credit, 1.0, 0);
    assert_ptr_equal(r.module, &delta);
    assert_int_equal(r.tp, 0);
    assert_false(r.responsible);
    assert_near(r.distance, sqrt(5.0), 1e-12);
    /* Near delta's point, partial credit (7.5 off, radius 5). */
    r = grade_reverse((Vec2){107.5, 20}, &alpha, 0, "front", mods, 3);
    assert_near(r.credit, 0.5, 1e-12);
    assert_ptr_equal(r.module, &delta);
    /* delta's tp 1 shares the pattern but lies on the back chart: a front
     * click at its coordinates earns nothing from it. */
    delta_tps[1].at = (Vec2){60, 100};
    r = grade_reverse((Vec2){60, 100}, &alpha, 0, "front", mods, 3);
    assert_near(r.credit, 0.0, 0);
    assert_ptr_equal(r.module, &alpha); /* nothing earned: the responsible point */
    assert_true(r.responsible);
    assert_near(r.distance, sqrt(40.0 * 40 + 80.0 * 80), 1e-9);
    delta_tps[1].at = (Vec2){20, 20};
    /* beta's points have other patterns: a click on one earns nothing. */
    r = grade_reverse((Vec2){90, 90}, &alpha, 0, "front", mods, 3);
    assert_near(r.credit, 0.0, 0);
    /* Without the other modules only the responsible point counts. */
    r = grade_reverse((Vec2){101, 22}, &alpha, 0, "front", NULL, 0);
    assert_near(r.credit, 0.0, 0);
    /* The responsible point wins a tie. */
    static Module near_twin;
    static TriggerPoint twin_tp[1];
    twin_tp[0] = tp("t", "front", 22, 20);
    near_twin = delta;
    near_twin.id = "twin";
    near_twin.tps = twin_tp;
    near_twin.n_tps = 1;
    const Module *twins[] = {&near_twin};
    r = grade_reverse((Vec2){21, 20}, &alpha, 0, "front", twins, 1);
    assert_near(r.credit, 1.0, 0);
    assert_true(r.responsible);
    /* A clearly better shared point wins. */
    r = grade_reverse((Vec2){28, 20}, &alpha, 0, "front", twins, 1); /* 8 vs 6 off */
    assert_near(r.credit, 0.8, 1e-12);
    assert_ptr_equal(r.module, &near_twin);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_pain_inside_big_zone_ranks_high),
        cmocka_unit_test(test_spillover_and_partial_explanations),
        cmocka_unit_test(test_explaining_all_beats_fitting_part),
        cmocka_unit_test(test_module_scores_as_its_best_tp),
        cmocka_unit_test(test_ties_by_name_then_id),
        cmocka_unit_test(test_rank_edge_cases),
        cmocka_unit_test(test_same_pattern),
        cmocka_unit_test(test_reverse_accepts_shared_patterns),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
