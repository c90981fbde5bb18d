/* Unit tests for src/core/grading.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "grading.h"

/* cmocka 1.1.5's assert_float_equal compares floats; geometry needs doubles. */
#define assert_near(a, b, eps) near((a), (b), (eps), #a, __FILE__, __LINE__)
static void near(double a, double b, double eps, const char *expr, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        print_error("%s = %.17g, expected %.17g (within %g)\n", expr, a, b, eps);
        _fail(file, line);
    }
}

static Vec2 v(double x, double y)
{
    Vec2 p = {x, y};
    return p;
}

static void test_locate_full_credit_within_radius(void **state)
{
    (void)state;
    Vec2 t = {100, 200};
    double d = -1;
    assert_near(grade_locate_tp(t, t, 10, &d), 1.0, 0);
    assert_near(d, 0.0, 0);
    assert_near(grade_locate_tp(v(106, 208), t, 10, &d), 1.0, 0); /* d = 10 exactly */
    assert_near(d, 10.0, 1e-12);
    assert_near(grade_locate_tp(v(100, 190), t, 10, NULL), 1.0, 0);
}

static void test_locate_linear_to_zero_at_twice_radius(void **state)
{
    (void)state;
    Vec2 t = {0, 0};
    double d;
    assert_near(grade_locate_tp(v(15, 0), t, 10, &d), 0.5, 1e-12);
    assert_near(d, 15.0, 1e-12);
    assert_near(grade_locate_tp(v(0, -12), t, 10, NULL), 0.8, 1e-12);
    assert_near(grade_locate_tp(v(19.9, 0), t, 10, NULL), 0.01, 1e-9);
    assert_near(grade_locate_tp(v(12, 16), t, 10, &d), 0.0, 0); /* d = 20 = 2r */
    assert_near(d, 20.0, 1e-12);
    assert_near(grade_locate_tp(v(20.0001, 0), t, 10, NULL), 0.0, 0);
    assert_near(grade_locate_tp(v(500, 500), t, 10, NULL), 0.0, 0);
    /* Monotone: a closer click never earns less. */
    double prev = 1.0;
    for (double x = 0; x <= 25; x += 0.25) {
        double c = grade_locate_tp(v(x, 0), t, 10, NULL);
        assert_true(c <= prev && c >= 0 && c <= 1);
        prev = c;
    }
}

static void test_locate_zero_radius(void **state)
{
    (void)state;
    assert_near(grade_locate_tp(v(1, 1), v(1, 1), 0, NULL), 1.0, 0);
    assert_near(grade_locate_tp(v(1, 2), v(1, 1), 0, NULL), 0.0, 0);
}

/* A module with two trigger points:
 *  zone 0: tp 0, front, spillover, (0,0)-(30,30)   (listed before the essential)
 *  zone 1: tp 0, front, essential, (0,0)-(10,10)   (inside zone 0)
 *  zone 2: tp 0, back,  essential, (100,100)-(110,110)
 *  zone 3: tp 1, front, essential, (40,40)-(50,50)
 *  zone 4: tp 0, front, essential, (60,0)-(70,10)  (a second essential polygon) */
static Vec2 Z0[] = {{0, 0}, {30, 0}, {30, 30}, {0, 30}};
static Vec2 Z1[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
static Vec2 Z2[] = {{100, 100}, {110, 100}, {110, 110}, {100, 110}};
static Vec2 Z3[] = {{40, 40}, {50, 40}, {50, 50}, {40, 50}};
static Vec2 Z4[] = {{60, 0}, {70, 0}, {70, 10}, {60, 10}};

static Module *make_module(void)
{
    static TriggerPoint tps[2];
    static Zone zones[5];
    static Module m;
    memset(tps, 0, sizeof tps);
    memset(zones, 0, sizeof zones);
    memset(&m, 0, sizeof m);
    tps[0] = (TriggerPoint){.id = "a", .view = "front", .at = {5, 5}, .radius = 3, .label = "A"};
    tps[1] = (TriggerPoint){.id = "b", .view = "front", .at = {45, 45}, .radius = 3, .label = "B"};
    zones[0] = (Zone){
        .id = "a_spill", .view = "front", .tp_id = "a", .tp = 0, .kind = ZONE_SPILLOVER, .poly = {Z0, 4}};
    zones[1] = (Zone){
        .id = "a_ess", .view = "front", .tp_id = "a", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {Z1, 4}};
    zones[2] = (Zone){
        .id = "a_back", .view = "back", .tp_id = "a", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {Z2, 4}};
    zones[3] = (Zone){
        .id = "b_ess", .view = "front", .tp_id = "b", .tp = 1, .kind = ZONE_ESSENTIAL, .poly = {Z3, 4}};
    zones[4] = (Zone){
        .id = "a_ess2", .view = "front", .tp_id = "a", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {Z4, 4}};
    m.id = "test";
    m.name = "Test";
    m.tps = tps;
    m.n_tps = 2;
    m.zones = zones;
    m.n_zones = 5;
    return &m;
}

static void test_zone_essential_beats_spillover(void **state)
{
    (void)state;
    const Module *m = make_module();
    /* (5,5) is in both zone 0 (spillover, listed first) and zone 1. */
    ZoneClickResult r = grade_zone_click(v(5, 5), m, 0, "front");
    assert_near(r.credit, 1.0, 0);
    assert_int_equal(r.zone, 1);
    assert_int_equal(r.kind, ZONE_ESSENTIAL);
    assert_near(r.distance, 0.0, 0);
    /* On the essential zone's edge: still essential. */
    r = grade_zone_click(v(10, 5), m, 0, "front");
    assert_near(r.credit, 1.0, 0);
    assert_int_equal(r.zone, 1);
    /* The second essential polygon counts the same. */
    r = grade_zone_click(v(65, 5), m, 0, "front");
    assert_near(r.credit, 1.0, 0);
    assert_int_equal(r.zone, 4);
}

static void test_zone_spillover_partial(void **state)
{
    (void)state;
    const Module *m = make_module();
    ZoneClickResult r = grade_zone_click(v(20, 20), m, 0, "front");
    assert_near(r.credit, GRADE_SPILLOVER_CREDIT, 0);
    assert_true(GRADE_SPILLOVER_CREDIT > 0 && GRADE_SPILLOVER_CREDIT < 1);
    assert_int_equal(r.zone, 0);
    assert_int_equal(r.kind, ZONE_SPILLOVER);
    assert_near(r.distance, 0.0, 0);
    /* On the spillover's outer edge. */
    r = grade_zone_click(v(30, 30), m, 0, "front");
    assert_near(r.credit, GRADE_SPILLOVER_CREDIT, 0);
}

static void test_zone_outside_and_distance(void **state)
{
    (void)state;
    const Module *m = make_module();
    /* (45,45) is inside tp 1's zone, which does not count for tp 0. */
    ZoneClickResult r = grade_zone_click(v(45, 45), m, 0, "front");
    assert_near(r.credit, 0.0, 0);
    assert_int_equal(r.zone, -1);
    /* Nearest tp-0 front edge: zone 0's corner (30,30). */
    assert_near(r.distance, 15 * sqrt(2.0), 1e-9);
    /* Nearest is zone 4 here: (75,5) is 5 from its right edge. */
    r = grade_zone_click(v(75, 5), m, 0, "front");
    assert_near(r.credit, 0.0, 0);
    assert_near(r.distance, 5.0, 1e-12);
    /* The same click for tp 1 is a hit. */
    r = grade_zone_click(v(45, 45), m, 1, "front");
    assert_near(r.credit, 1.0, 0);
    assert_int_equal(r.zone, 3);
}

static void test_zone_only_that_view_counts(void **state)
{
    (void)state;
    const Module *m = make_module();
    ZoneClickResult r = grade_zone_click(v(105, 105), m, 0, "back");
    assert_near(r.credit, 1.0, 0);
    assert_int_equal(r.zone, 2);
    /* The same coordinates on the front chart are nowhere near a zone. */
    r = grade_zone_click(v(105, 105), m, 0, "front");
    assert_near(r.credit, 0.0, 0);
    assert_int_equal(r.zone, -1);
    /* A front click that is inside front zones does not count on back. */
    r = grade_zone_click(v(5, 5), m, 0, "back");
    assert_near(r.credit, 0.0, 0);
    /* No zone at all for this tp on this view. */
    r = grade_zone_click(v(5, 5), m, 1, "back");
    assert_near(r.credit, 0.0, 0);
    assert_int_equal(r.zone, -1);
    assert_near(r.distance, -1.0, 0);
    r = grade_zone_click(v(5, 5), m, 0, "side");
    assert_int_equal(r.zone, -1);
    assert_near(r.distance, -1.0, 0);
}

static void test_choice(void **state)
{
    (void)state;
    bool correct[4] = {false, true, false, false};
    bool pick_right[4] = {false, true, false, false};
    bool pick_wrong[4] = {true, false, false, false};
    bool pick_both[4] = {true, true, false, false};
    bool pick_none[4] = {false, false, false, false};
    assert_near(grade_options(false, correct, pick_right, 4), 1.0, 0);
    assert_near(grade_options(false, correct, pick_wrong, 4), 0.0, 0);
    assert_near(grade_options(false, correct, pick_both, 4), 0.0, 0);
    assert_near(grade_options(false, correct, pick_none, 4), 0.0, 0);
}

static void test_multi(void **state)
{
    (void)state;
    bool correct[5] = {true, false, true, true, false};
    bool all_right[5] = {true, false, true, true, false};
    bool two_right[5] = {true, false, true, false, false};
    bool all_plus_wrong[5] = {true, true, true, true, false};
    bool one_right_two_wrong[5] = {true, true, false, false, true};
    bool everything[5] = {true, true, true, true, true};
    bool nothing[5] = {false, false, false, false, false};
    bool only_wrong[5] = {false, true, false, false, true};
    assert_near(grade_options(true, correct, all_right, 5), 1.0, 1e-12);
    assert_near(grade_options(true, correct, two_right, 5), 2.0 / 3, 1e-12);
    assert_near(grade_options(true, correct, all_plus_wrong, 5), 2.0 / 3, 1e-12);
    assert_near(grade_options(true, correct, one_right_two_wrong, 5), 0.0, 0);
    assert_near(grade_options(true, correct, everything, 5), 1.0 / 3, 1e-12);
    assert_near(grade_options(true, correct, nothing, 5), 0.0, 0);
    assert_near(grade_options(true, correct, only_wrong, 5), 0.0, 0);
    /* Degenerate input does not divide by zero. */
    bool none_correct[2] = {false, false};
    assert_near(grade_options(true, none_correct, nothing, 2), 0.0, 0);
    assert_near(grade_options(true, correct, all_right, 0), 0.0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locate_full_credit_within_radius),
        cmocka_unit_test(test_locate_linear_to_zero_at_twice_radius),
        cmocka_unit_test(test_locate_zero_radius),
        cmocka_unit_test(test_zone_essential_beats_spillover),
        cmocka_unit_test(test_zone_spillover_partial),
        cmocka_unit_test(test_zone_outside_and_distance),
        cmocka_unit_test(test_zone_only_that_view_counts),
        cmocka_unit_test(test_choice),
        cmocka_unit_test(test_multi),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
