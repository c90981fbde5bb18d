/* Unit tests for src/core/grading.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "grading.h"
#include "record.h"
#include "support.h"

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

/* --- zone-paint ---------------------------------------------------------- */

/* A 10 x 10 grid of 10-unit cells over (0,0)-(100,100). Trigger point 0
 * (front): essential (0,0)-(40,40) = 16 cells, spillover (40,0)-(60,40) =
 * 8 cells (weight 0.5: 8 * 0.5 = 4 <= 16, no cap). Trigger point 1 has a
 * zone over the whole chart, and tp 0 one on the back; neither counts. */
static Vec2 PE[] = {{0, 0}, {40, 0}, {40, 40}, {0, 40}};
static Vec2 PS[] = {{40, 0}, {60, 0}, {60, 40}, {40, 40}};
static Vec2 PALL[] = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};

static Module *make_paint_module(void)
{
    static TriggerPoint tps[2];
    static Zone zones[4];
    static Module m;
    tps[0] = (TriggerPoint){.id = "a", .view = "front", .at = {20, 20}, .radius = 5};
    tps[1] = (TriggerPoint){.id = "b", .view = "front", .at = {80, 80}, .radius = 5};
    zones[0] = (Zone){.id = "e", .view = "front", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {PE, 4}};
    zones[1] = (Zone){.id = "s", .view = "front", .tp = 0, .kind = ZONE_SPILLOVER, .poly = {PS, 4}};
    zones[2] = (Zone){.id = "other", .view = "front", .tp = 1, .kind = ZONE_ESSENTIAL, .poly = {PALL, 4}};
    zones[3] = (Zone){.id = "back", .view = "back", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {PALL, 4}};
    m = (Module){.id = "p", .name = "P", .tps = tps, .n_tps = 2, .zones = zones, .n_zones = 4};
    return &m;
}

static const Grid G10 = {{0, 0}, 10, 10, 10};

/* Paints the cells of rectangle [c0,c1) x [r0,r1). */
static void paint(unsigned char *cells, const Grid *g, int c0, int r0, int c1, int r1)
{
    for (int r = r0; r < r1; r++)
        for (int c = c0; c < c1; c++)
            cells[r * g->cols + c] = 1;
}

static void test_paint_grid(void **state)
{
    (void)state;
    Grid g = grade_paint_grid((RectD){0, 0, 600, 1400}, 0);
    assert_near(g.cell, GRADE_PAINT_CELL, 0);
    assert_int_equal(g.cols, 150);
    assert_int_equal(g.rows, 350);
    g = grade_paint_grid((RectD){-5, 10, 10, 9}, 4); /* partial last cells */
    assert_int_equal(g.cols, 3);
    assert_int_equal(g.rows, 3);
    assert_near(g.origin.x, -5, 0);
    assert_near(g.origin.y, 10, 0);
    g = grade_paint_grid((RectD){0, 0, 0, 100}, 4);
    assert_int_equal(g.cols * g.rows, 0);
}

static void test_paint_perfect(void **state)
{
    (void)state;
    const Module *m = make_paint_module();
    unsigned char p[100] = {0};
    paint(p, &G10, 0, 0, 6, 4); /* essential + spillover exactly */
    ZonePaintResult r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_true(r.ok);
    assert_near(r.credit, 1.0, 1e-12);
    assert_int_equal(r.hit_essential, 16);
    assert_int_equal(r.hit_spillover, 8);
    assert_int_equal(r.missed_essential + r.missed_spillover + r.excess, 0);
    assert_int_equal(r.painted, 24);
    assert_int_equal(r.zone_cells, 24);
    assert_near(r.spillover_weight, GRADE_SPILLOVER_CREDIT, 0);
}

static void test_paint_empty_and_all_excess(void **state)
{
    (void)state;
    const Module *m = make_paint_module();
    unsigned char p[100] = {0};
    ZonePaintResult r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_true(r.ok);
    assert_near(r.credit, 0.0, 0);
    assert_int_equal(r.painted, 0);
    assert_int_equal(r.missed_essential, 16);
    assert_int_equal(r.missed_spillover, 8);
    paint(p, &G10, 0, 6, 10, 10); /* the bottom 40 cells, far from the zones */
    r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r.credit, 0.0, 0);
    assert_int_equal(r.excess, 40);
    assert_int_equal(r.hit_essential + r.hit_spillover, 0);
    /* The whole chart: overlap 16 + 4, painted 16 + 4 + 76, zone 20. */
    memset(p, 1, sizeof p);
    r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r.credit, 40.0 / 116, 1e-12);
    assert_int_equal(r.excess, 76);
}

static void test_paint_partial(void **state)
{
    (void)state;
    const Module *m = make_paint_module();
    unsigned char p[100] = {0};
    /* Spillover only: 2 * 4 / (20 + 4). */
    paint(p, &G10, 4, 0, 6, 4);
    ZonePaintResult r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r.credit, 1.0 / 3, 1e-12);
    assert_int_equal(r.hit_spillover, 8);
    assert_int_equal(r.missed_essential, 16);
    /* Essential only: 2 * 16 / (20 + 16); beats spillover only. */
    memset(p, 0, sizeof p);
    paint(p, &G10, 0, 0, 4, 4);
    r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r.credit, 32.0 / 36, 1e-12);
    /* Plus 4 excess cells: 2 * 16 / (20 + 20). */
    paint(p, &G10, 0, 4, 4, 5);
    r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r.credit, 0.8, 1e-12);
    assert_int_equal(r.excess, 4);
    /* Half the essential zone: 2 * 8 / (20 + 8). */
    memset(p, 0, sizeof p);
    paint(p, &G10, 0, 0, 4, 2);
    r = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r.credit, 16.0 / 28, 1e-12);
}

static void test_paint_views_and_tps(void **state)
{
    (void)state;
    const Module *m = make_paint_module();
    unsigned char p[100] = {0};
    paint(p, &G10, 0, 0, 6, 4);
    /* tp 1's chart-wide zone: everything painted is a hit, 24 of 100. */
    ZonePaintResult r = grade_zone_paint(p, &G10, m, 1, "front");
    assert_near(r.credit, 48.0 / 124, 1e-12);
    /* tp 0 on the back: the whole chart is essential. */
    r = grade_zone_paint(p, &G10, m, 0, "back");
    assert_int_equal(r.zone_cells, 100);
    /* No zone on that view: nothing to paint, credit 0, still ok. */
    r = grade_zone_paint(p, &G10, m, 1, "side");
    assert_true(r.ok);
    assert_int_equal(r.zone_cells, 0);
    assert_near(r.credit, 0.0, 0);
    /* Bad arguments. */
    r = grade_zone_paint(NULL, &G10, m, 0, "front");
    assert_false(r.ok);
    Grid empty = {{0, 0}, 10, 0, 0};
    r = grade_zone_paint(p, &empty, m, 0, "front");
    assert_false(r.ok);
}

static void test_paint_classify_cells(void **state)
{
    (void)state;
    const Module *m = make_paint_module();
    unsigned char p[100] = {0}, cls[100];
    p[0] = 1;      /* (0,0) essential hit */
    p[4] = 1;      /* (4,0) spillover hit */
    p[99] = 1;     /* (9,9) excess */
    ZonePaintResult r = grade_zone_paint_classify(p, &G10, m, 0, "front", cls);
    assert_true(r.ok);
    assert_int_equal(cls[0], PAINT_CELL_HIT_ESSENTIAL);
    assert_int_equal(cls[4], PAINT_CELL_HIT_SPILLOVER);
    assert_int_equal(cls[99], PAINT_CELL_EXCESS);
    assert_int_equal(cls[1], PAINT_CELL_MISSED_ESSENTIAL);
    assert_int_equal(cls[5], PAINT_CELL_MISSED_SPILLOVER);
    assert_int_equal(cls[6], PAINT_CELL_NONE);
    int count[6] = {0};
    for (int i = 0; i < 100; i++)
        count[cls[i]]++;
    assert_int_equal(count[PAINT_CELL_HIT_ESSENTIAL], r.hit_essential);
    assert_int_equal(count[PAINT_CELL_MISSED_ESSENTIAL], r.missed_essential);
    assert_int_equal(count[PAINT_CELL_HIT_SPILLOVER], r.hit_spillover);
    assert_int_equal(count[PAINT_CELL_MISSED_SPILLOVER], r.missed_spillover);
    assert_int_equal(count[PAINT_CELL_EXCESS], r.excess);
    assert_int_equal(r.hit_essential + r.missed_essential, 16);
    /* The same numbers as grade_zone_paint. */
    ZonePaintResult r2 = grade_zone_paint(p, &G10, m, 0, "front");
    assert_near(r2.credit, r.credit, 0);
}

static void test_paint_overlap_and_spillover_cap(void **state)
{
    (void)state;
    /* make_module's tp 0 on a 5-unit grid: essential Z1 (4 cells) and Z4
     * (4 cells) = 8; spillover Z0 (36 cells) minus the 4 under Z1 = 32.
     * 0.5 * 32 > 8, so a spillover cell weighs 8 / 32 = 0.25. */
    const Module *m = make_module();
    Grid g = {{0, 0}, 5, 20, 20};
    unsigned char p[400] = {0}, cls[400];
    ZonePaintResult r = grade_zone_paint_classify(p, &g, m, 0, "front", cls);
    assert_int_equal(r.missed_essential, 8);
    assert_int_equal(r.missed_spillover, 32);
    assert_near(r.spillover_weight, 0.25, 1e-15);
    /* Essential wins under the overlap, though the spillover is listed first. */
    assert_int_equal(cls[0], PAINT_CELL_MISSED_ESSENTIAL);
    assert_int_equal(cls[2], PAINT_CELL_MISSED_SPILLOVER);
    /* Essential only and spillover only both 2/3: the spillover never wins. */
    for (int i = 0; i < 400; i++)
        p[i] = cls[i] == PAINT_CELL_MISSED_ESSENTIAL;
    double ess_only = grade_zone_paint(p, &g, m, 0, "front").credit;
    for (int i = 0; i < 400; i++)
        p[i] = cls[i] == PAINT_CELL_MISSED_SPILLOVER;
    double spill_only = grade_zone_paint(p, &g, m, 0, "front").credit;
    assert_near(ess_only, 2.0 / 3, 1e-12);
    assert_near(spill_only, 2.0 / 3, 1e-12);
    for (int i = 0; i < 400; i++)
        p[i] = cls[i] != PAINT_CELL_NONE;
    assert_near(grade_zone_paint(p, &g, m, 0, "front").credit, 1.0, 1e-12);
}

static void test_paint_tiny_zone_keeps_a_cell(void **state)
{
    (void)state;
    /* A triangle inside cell (2,1) that covers no cell centre. */
    static Vec2 tri[] = {{21, 11}, {23, 11}, {21, 13}};
    static TriggerPoint tp = {.id = "t", .view = "front", .at = {22, 12}, .radius = 2};
    static Zone z = {.id = "z", .view = "front", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {tri, 3}};
    Module m = {.id = "tiny", .name = "Tiny", .tps = &tp, .n_tps = 1, .zones = &z, .n_zones = 1};
    unsigned char p[100] = {0}, cls[100];
    ZonePaintResult r = grade_zone_paint_classify(p, &G10, &m, 0, "front", cls);
    assert_int_equal(r.zone_cells, 1);
    assert_int_equal(cls[1 * 10 + 2], PAINT_CELL_MISSED_ESSENTIAL);
    p[12] = 1;
    assert_near(grade_zone_paint(p, &G10, &m, 0, "front").credit, 1.0, 0);
}

/* --- locate-all ---------------------------------------------------------- */

static TriggerPoint tpat(double x, double y, double r)
{
    return (TriggerPoint){.id = "t", .view = "front", .at = {x, y}, .radius = r};
}

static void test_locate_all_swapped_order(void **state)
{
    (void)state;
    TriggerPoint t[3] = {tpat(0, 0, 10), tpat(100, 0, 10), tpat(0, 100, 10)};
    const TriggerPoint *tp[3] = {&t[0], &t[1], &t[2]};
    Vec2 clicks[3] = {{2, 98}, {1, 1}, {97, 3}};
    int match[3];
    assert_near(grade_locate_all(clicks, 3, tp, 3, match), 1.0, 1e-12);
    assert_int_equal(match[0], 1);
    assert_int_equal(match[1], 2);
    assert_int_equal(match[2], 0);
    /* Partial credit adds up: one click 15 off (0.5). */
    clicks[0] = v(0, 115);
    assert_near(grade_locate_all(clicks, 3, tp, 3, match), 2.5 / 3, 1e-9);
    assert_int_equal(match[2], 0);
}

static void test_locate_all_extra_and_missing_clicks(void **state)
{
    (void)state;
    TriggerPoint t[2] = {tpat(0, 0, 10), tpat(100, 0, 10)};
    const TriggerPoint *tp[2] = {&t[0], &t[1]};
    int match[2];
    /* Both found, two extra clicks far away: 2 / 4. */
    Vec2 four[4] = {{500, 500}, {0, 0}, {600, 0}, {100, 0}};
    assert_near(grade_locate_all(four, 4, tp, 2, match), 0.5, 1e-12);
    assert_int_equal(match[0], 1);
    assert_int_equal(match[1], 3);
    /* Two clicks on one point: one is matched, the other is extra. */
    Vec2 twice[2] = {{3, 0}, {1, 0}};
    assert_near(grade_locate_all(twice, 2, tp, 2, match), 0.5, 1e-12);
    assert_int_equal(match[0], 1); /* the nearer of the two */
    assert_int_equal(match[1], -1);
    Vec2 swapped[2] = {{1, 0}, {3, 0}};
    grade_locate_all(swapped, 2, tp, 2, match);
    assert_int_equal(match[0], 0);
    /* One click for two targets: 1 / 2. */
    assert_near(grade_locate_all(twice, 1, tp, 2, match), 0.5, 1e-12);
    /* Nothing, or nothing to find. */
    assert_near(grade_locate_all(NULL, 0, tp, 2, match), 0.0, 0);
    assert_int_equal(match[0], -1);
    assert_int_equal(match[1], -1);
    assert_near(grade_locate_all(twice, 2, NULL, 0, NULL), 0.0, 0);
    /* A click worth nothing to any target is never reported as a match. */
    Vec2 far[1] = {{50, 50}};
    assert_near(grade_locate_all(far, 1, tp, 2, match), 0.0, 0);
    assert_int_equal(match[0], -1);
    assert_int_equal(match[1], -1);
}

static void test_locate_all_optimal_not_greedy(void **state)
{
    (void)state;
    /* Greedy (best pair or nearest pair first) gives A the click at 8
     * (credit 1) and leaves B only the click at -15, 34 away: 1 / 2. The
     * optimum gives A the click at -15 (0.5) and B the click at 8 (11 from
     * B: 0.9): 1.4 / 2. */
    TriggerPoint t[2] = {tpat(0, 0, 10), tpat(19, 0, 10)};
    const TriggerPoint *tp[2] = {&t[0], &t[1]};
    Vec2 clicks[2] = {{8, 0}, {-15, 0}};
    int match[2];
    assert_near(grade_locate_all(clicks, 2, tp, 2, match), 0.7, 1e-9);
    assert_int_equal(match[0], 1);
    assert_int_equal(match[1], 0);
}

/* Best summed credit over every one-to-one matching, by brute force. */
static double brute_best(const double *cr, int nt, int nc, int t, unsigned used)
{
    if (t == nt)
        return 0;
    double best = brute_best(cr, nt, nc, t + 1, used); /* t unmatched */
    for (int c = 0; c < nc; c++) {
        if (used & (1u << c))
            continue;
        double s = cr[t * nc + c] + brute_best(cr, nt, nc, t + 1, used | (1u << c));
        if (s > best)
            best = s;
    }
    return best;
}

/* xorshift64: a fixed sequence in [0, 1). */
static double next_unit(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return (double)(*x % 10000) / 10000;
}

static void test_locate_all_matches_brute_force(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252u;
#define NEXT() next_unit(&x)
    for (int round = 0; round < 400; round++) {
        int nt = 1 + (int)(NEXT() * 6), nc = 1 + (int)(NEXT() * 7);
        TriggerPoint t[6];
        const TriggerPoint *tp[6];
        Vec2 clicks[7];
        for (int i = 0; i < nt; i++) {
            t[i] = tpat(NEXT() * 60, NEXT() * 60, 3 + NEXT() * 10);
            tp[i] = &t[i];
        }
        for (int c = 0; c < nc; c++)
            clicks[c] = v(NEXT() * 60, NEXT() * 60);
        double cr[6 * 7];
        for (int i = 0; i < nt; i++)
            for (int c = 0; c < nc; c++)
                cr[i * nc + c] = grade_locate_tp(clicks[c], t[i].at, t[i].radius, NULL);
        int match[6];
        double got = grade_locate_all(clicks, nc, tp, nt, match);
        double want = brute_best(cr, nt, nc, 0, 0) / (nt > nc ? nt : nc);
        assert_near(got, want, 1e-6);
        /* match is one-to-one and adds up to the score. */
        double sum = 0;
        unsigned used = 0;
        for (int i = 0; i < nt; i++) {
            if (match[i] < 0)
                continue;
            assert_true(match[i] < nc);
            assert_false(used & (1u << match[i]));
            used |= 1u << match[i];
            assert_true(cr[i * nc + match[i]] > 0);
            sum += cr[i * nc + match[i]];
        }
        assert_near(sum / (nt > nc ? nt : nc), got, 1e-12);
    }
#undef NEXT
}

/* The classification eight cells at a time, with and without a zone
 * cache, against the plain rule cell by cell: an odd grid (rows not a
 * multiple of eight cells), irregular overlapping zones, paintings with
 * bytes other than 0/1 and of every density. */
static Vec2 WE[] = {{3.2, 2.1}, {21.7, 4.4}, {25.3, 17.9}, {9.1, 20.6}, {5.5, 11.0}};
static Vec2 WS[] = {{14.0, 0.5}, {36.5, 3.0}, {33.3, 22.4}, {18.8, 14.2}};

/* One point with the irregular essential zone WE and spillover zone WS. */
static const Module *make_word_module(void)
{
    static Zone zones[2];
    static TriggerPoint tp;
    static Module m;
    zones[0] = (Zone){.id = "e", .view = "front", .tp = 0, .kind = ZONE_ESSENTIAL, .poly = {WE, 5}};
    zones[1] = (Zone){.id = "s", .view = "front", .tp = 0, .kind = ZONE_SPILLOVER, .poly = {WS, 4}};
    tp = (TriggerPoint){.id = "a", .view = "front", .at = {10, 10}, .radius = 3};
    m = (Module){.id = "w", .name = "W", .tps = &tp, .n_tps = 1, .zones = zones, .n_zones = 2};
    return &m;
}

static void test_paint_words_match_cells_and_cache(void **state)
{
    (void)state;
    const Module *m = make_word_module();
    const Grid g = {{0, 0}, 1, 37, 23};
    enum { N = 37 * 23 };
    unsigned char ess[N] = {0}, spill[N] = {0};
    geom_rasterise_polygon(&g, WE, 5, ess);
    geom_rasterise_polygon(&g, WS, 4, spill);
    ZoneCache *zc = zone_cache_create(1 << 20), *none = zone_cache_create(0);
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 40; round++) {
        double density = round / 39.0;
        unsigned char p[N], want[N], got[N];
        int counts[6] = {0};
        for (int i = 0; i < N; i++) {
            double u = next_unit(&x);
            p[i] = u < density ? (round % 3 == 2 && u < density / 4 ? 2 + (unsigned char)round : 1) : 0;
            bool painted = p[i] != 0;
            want[i] = ess[i] ? (painted ? PAINT_CELL_HIT_ESSENTIAL : PAINT_CELL_MISSED_ESSENTIAL)
                      : spill[i] ? (painted ? PAINT_CELL_HIT_SPILLOVER : PAINT_CELL_MISSED_SPILLOVER)
                                 : (painted ? PAINT_CELL_EXCESS : PAINT_CELL_NONE);
            counts[want[i]]++;
        }
        /* Without a cache, with one (kept the first time, reused after),
         * and with one too small to keep anything. */
        for (int k = 0; k < 4; k++) {
            ZoneCache *use = k == 0 ? NULL : k == 3 ? none : zc;
            ZoneCache *before = zone_cache_use(use);
            memset(got, 0xAA, sizeof got);
            ZonePaintResult r = grade_zone_paint_classify(p, &g, m, 0, "front", got);
            zone_cache_use(before);
            assert_true(r.ok);
            assert_memory_equal(got, want, N);
            assert_int_equal(r.hit_essential, counts[PAINT_CELL_HIT_ESSENTIAL]);
            assert_int_equal(r.missed_essential, counts[PAINT_CELL_MISSED_ESSENTIAL]);
            assert_int_equal(r.hit_spillover, counts[PAINT_CELL_HIT_SPILLOVER]);
            assert_int_equal(r.missed_spillover, counts[PAINT_CELL_MISSED_SPILLOVER]);
            assert_int_equal(r.excess, counts[PAINT_CELL_EXCESS]);
        }
    }
    /* Another view or trigger point is another entry, not the cached one. */
    unsigned char p[N] = {0}, got[N];
    zone_cache_use(zc);
    ZonePaintResult r = grade_zone_paint_classify(p, &g, m, 0, "back", got);
    assert_int_equal(r.zone_cells, 0);
    r = grade_zone_paint_classify(p, &g, m, 1, "front", got);
    assert_int_equal(r.zone_cells, 0);
    zone_cache_free(zc); /* uninstalls it as well */
    assert_null(zone_cache_use(NULL));
    zone_cache_free(none);
}

/* ---- grading from runs against the cell by cell method ------------------ */

/* A painting of every kind on g: nothing, everything, noise of a density,
 * filled ellipses and rectangles (strokes over and around the zones of
 * bounds b, some across the grid's edges), and single cells. */
static void random_painting(uint64_t *x, const Grid *g, RectD b, int kind, unsigned char *p)
{
    size_t n = (size_t)g->cols * (size_t)g->rows;
    memset(p, 0, n);
    if (kind == 0)
        return;
    if (kind == 1) {
        memset(p, 1, n);
        return;
    }
    if (kind == 2) {
        double density = next_unit(x);
        for (size_t i = 0; i < n; i++)
            p[i] = next_unit(x) < density;
        return;
    }
    if (kind == 3) {
        for (int k = 0; k < 6; k++)
            p[(size_t)(next_unit(x) * (double)n)] = 1;
        return;
    }
    int blobs = 1 + (int)(next_unit(x) * 6);
    for (int k = 0; k < blobs; k++) {
        /* Centre within the zones' bounds widened by half their size. */
        double cx = b.x - b.w / 2 + next_unit(x) * 2 * b.w, cy = b.y - b.h / 2 + next_unit(x) * 2 * b.h;
        double rx = 1 + next_unit(x) * b.w / 1.5, ry = 1 + next_unit(x) * b.h / 1.5;
        bool ellipse = kind % 2 == 0;
        for (int r = 0; r < g->rows; r++)
            for (int c = 0; c < g->cols; c++) {
                double dx = (g->origin.x + (c + 0.5) * g->cell - cx) / rx;
                double dy = (g->origin.y + (r + 0.5) * g->cell - cy) / ry;
                if (ellipse ? dx * dx + dy * dy <= 1 : fabs(dx) <= 1 && fabs(dy) <= 1)
                    p[(size_t)r * (size_t)g->cols + (size_t)c] = 1;
            }
    }
}

/* The runs method gives exactly what the cells give (every count, the
 * weight and the credit), without a cache, with one, and with one too
 * small to keep anything. Returns how many paintings were compared. */
static int compare_runs_and_cells(const Module *m, int tp, const char *view, const Grid *g, RectD b, uint64_t *x,
                                  ZoneCache *zc, ZoneCache *none, int paintings)
{
    size_t n = (size_t)g->cols * (size_t)g->rows;
    unsigned char *p = malloc(n);
    assert_non_null(p);
    for (int k = 0; k < paintings; k++) {
        random_painting(x, g, b, k < 6 ? k : 4 + (int)(next_unit(x) * 2), p);
        ZonePaintResult want = grade_zone_paint(p, g, m, tp, view);
        assert_true(want.ok);
        int *runs = NULL;
        int n_runs = record_paint_encode(p, (int)n, &runs);
        assert_true(n_runs >= 0);
        for (int c = 0; c < 3; c++) {
            ZoneCache *before = zone_cache_use(c == 0 ? NULL : c == 1 ? zc : none);
            ZonePaintResult got = grade_zone_paint_runs(runs, n_runs, g, m, tp, view);
            zone_cache_use(before);
            assert_true(got.ok);
            assert_int_equal(got.hit_essential, want.hit_essential);
            assert_int_equal(got.hit_spillover, want.hit_spillover);
            assert_int_equal(got.missed_essential, want.missed_essential);
            assert_int_equal(got.missed_spillover, want.missed_spillover);
            assert_int_equal(got.excess, want.excess);
            assert_int_equal(got.painted, want.painted);
            assert_int_equal(got.zone_cells, want.zone_cells);
            assert_true(got.spillover_weight == want.spillover_weight);
            assert_true(got.credit == want.credit);
        }
        free(runs);
    }
    free(p);
    return paintings;
}

static void test_paint_runs_match_cells(void **state)
{
    (void)state;
    const Module *m = make_word_module();
    ZoneCache *zc = zone_cache_create(1 << 20), *none = zone_cache_create(0);
    uint64_t x = 0xD1B54A32D192ED03u;
    RectD b = {3.2, 0.5, 33.3, 22.4};
    /* Grids whose rows end inside a zone, cells of odd sizes, an origin off
     * the zones, and one cell a row. */
    const Grid grids[] = {{{0, 0}, 1, 37, 23}, {{-1.3, 0.7}, 0.7, 61, 40}, {{2, 2}, 3.3, 9, 8}, {{0, 0}, 1, 1, 30}};
    for (size_t k = 0; k < sizeof grids / sizeof grids[0]; k++)
        compare_runs_and_cells(m, 0, "front", &grids[k], b, &x, zc, none, 60);
    /* A trigger point or view with no zone: nothing to paint, all excess. */
    compare_runs_and_cells(m, 0, "back", &grids[0], b, &x, zc, none, 8);
    compare_runs_and_cells(m, 1, "front", &grids[0], b, &x, zc, none, 8);

    /* What cannot be a painting is refused, not read past its grid. */
    const Grid g = grids[0];
    int odd[] = {0, 3, 1};
    int past[] = {0, 37 * 23 + 1};
    int negative[] = {5, -2};
    int fits[] = {0, 37 * 23};
    assert_false(grade_zone_paint_runs(odd, 3, &g, m, 0, "front").ok);
    assert_false(grade_zone_paint_runs(past, 2, &g, m, 0, "front").ok);
    assert_false(grade_zone_paint_runs(negative, 2, &g, m, 0, "front").ok);
    assert_false(grade_zone_paint_runs(NULL, 2, &g, m, 0, "front").ok);
    assert_true(grade_zone_paint_runs(fits, 2, &g, m, 0, "front").ok);
    assert_true(grade_zone_paint_runs(NULL, 0, &g, m, 0, "front").ok);
    Grid empty = {{0, 0}, 1, 0, 5};
    assert_false(grade_zone_paint_runs(fits, 2, &empty, m, 0, "front").ok);
    zone_cache_free(zc);
    zone_cache_free(none);
}

/* Every zone of the shipped courses: each trigger point's zones on each
 * view they are drawn on, on that view's painting grid and on a grid of odd
 * cells and origin, with paintings of every kind. */
static void test_paint_runs_match_cells_shipped(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_load(SOURCE_ROOT "/courses", SOURCE_ROOT "/assets", d);
    assert_int_equal(diag_error_count(d), 0);
    ZoneCache *zc = zone_cache_create(64u << 20), *none = zone_cache_create(0);
    uint64_t x = 0x2545F4914F6CDD1Du;
    int pairs = 0, compared = 0;
    for (int i = 0; i < library_module_count(lib); i++) {
        const Module *m = library_module(lib, i);
        for (int z = 0; z < m->n_zones; z++) {
            const Zone *zn = &m->zones[z];
            bool first = true; /* each (tp, view) once: its first zone */
            for (int k = 0; k < z && first; k++)
                first = !(m->zones[k].tp == zn->tp && strcmp(m->zones[k].view, zn->view) == 0);
            const View *view = library_find_view(lib, zn->view);
            if (!first || !view || !view->ok)
                continue;
            RectD b = geom_polygon_bounds(zn->poly.pts, zn->poly.n);
            for (int k = 0; k < m->n_zones; k++)
                if (m->zones[k].tp == zn->tp && strcmp(m->zones[k].view, zn->view) == 0) {
                    RectD o = geom_polygon_bounds(m->zones[k].poly.pts, m->zones[k].poly.n);
                    double x1 = fmax(b.x + b.w, o.x + o.w), y1 = fmax(b.y + b.h, o.y + o.h);
                    b.x = fmin(b.x, o.x);
                    b.y = fmin(b.y, o.y);
                    b.w = x1 - b.x;
                    b.h = y1 - b.y;
                }
            Grid g = grade_paint_grid(view->viewbox, 0);
            RectD shifted = {view->viewbox.x - 1.7, view->viewbox.y + 2.3, view->viewbox.w, view->viewbox.h};
            Grid odd = grade_paint_grid(shifted, 5.3);
            compared += compare_runs_and_cells(m, zn->tp, zn->view, &g, b, &x, zc, none, 8);
            compared += compare_runs_and_cells(m, zn->tp, zn->view, &odd, b, &x, zc, none, 3);
            pairs++;
        }
    }
    printf("%d trigger point views, %d paintings compared\n", pairs, compared);
    assert_true(pairs > 50);
    zone_cache_free(zc);
    zone_cache_free(none);
    library_free(lib);
    diag_free(d);
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
        cmocka_unit_test(test_paint_grid),
        cmocka_unit_test(test_paint_perfect),
        cmocka_unit_test(test_paint_empty_and_all_excess),
        cmocka_unit_test(test_paint_partial),
        cmocka_unit_test(test_paint_views_and_tps),
        cmocka_unit_test(test_paint_classify_cells),
        cmocka_unit_test(test_paint_overlap_and_spillover_cap),
        cmocka_unit_test(test_paint_tiny_zone_keeps_a_cell),
        cmocka_unit_test(test_paint_words_match_cells_and_cache),
        cmocka_unit_test(test_paint_runs_match_cells),
        cmocka_unit_test(test_paint_runs_match_cells_shipped),
        cmocka_unit_test(test_locate_all_swapped_order),
        cmocka_unit_test(test_locate_all_extra_and_missing_clicks),
        cmocka_unit_test(test_locate_all_optimal_not_greedy),
        cmocka_unit_test(test_locate_all_matches_brute_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
