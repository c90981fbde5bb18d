/* Unit tests for src/core/labels.c: trigger point labels placed without
 * collisions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>

#include "labels.h"

static const LabelStyle STYLE = {.bounds = {0, 0, 400, 300}, .mark = LABELS_MARK, .gap = LABELS_GAP};

/* No label overlaps another or any mark, all stay inside the bounds, no leader crosses a label. */
static void assert_clean(const LabelIn *in, int n, const Vec2 *marks, int n_marks, const LabelOut *out,
                         LabelStyle st)
{
    for (int i = 0; i < n; i++) {
        assert_true(labels_rect_inside(out[i].box, st.bounds));
        for (int j = 0; j < n_marks; j++)
            assert_false(labels_rects_overlap(out[i].box, labels_mark_rect(marks[j], st.mark)));
        for (int j = 0; j < n; j++) {
            if (j == i)
                continue;
            assert_false(labels_rects_overlap(out[i].box, out[j].box));
            if (out[i].leader)
                assert_false(labels_segment_hits(in[i].anchor, labels_leader_end(out[i].box, in[i].anchor),
                                                 out[j].box));
        }
    }
}

static void test_alone_sits_right_of_its_mark(void **state)
{
    (void)state;
    Vec2 p = {100, 100};
    LabelIn in = {p, 60, 16};
    LabelOut out;
    assert_int_equal(labels_place(&in, 1, &p, 1, NULL, 0, STYLE, &out), 1);
    assert_true(out.clear);
    assert_false(out.leader);
    assert_true(fabs(out.box.x - (100 + LABELS_GAP)) < 1e-9);
    assert_true(fabs(out.box.y - 92) < 1e-9);
}

static void test_at_the_right_edge_goes_left(void **state)
{
    (void)state;
    Vec2 p = {380, 100};
    LabelIn in = {p, 60, 16};
    LabelOut out;
    labels_place(&in, 1, &p, 1, NULL, 0, STYLE, &out);
    assert_true(out.clear);
    assert_false(out.leader);
    assert_true(out.box.x + out.box.w <= 380 - LABELS_GAP + 1e-9);
}

static void test_near_the_top_corner_stays_inside(void **state)
{
    (void)state;
    Vec2 p = {395, 3};
    LabelIn in = {p, 120, 16};
    LabelOut out;
    labels_place(&in, 1, &p, 1, NULL, 0, STYLE, &out);
    assert_true(out.clear);
    assert_true(labels_rect_inside(out.box, STYLE.bounds));
}

/* Five points within a few pixels (the heads of triceps at a small window):
 * every label finds a free place, with leader lines. */
static void test_a_cluster_fans_out(void **state)
{
    (void)state;
    Vec2 marks[5] = {{200, 150}, {206, 158}, {196, 163}, {210, 170}, {203, 176}};
    LabelIn in[5];
    for (int i = 0; i < 5; i++)
        in[i] = (LabelIn){marks[i], 140, 17};
    LabelOut out[5];
    assert_int_equal(labels_place(in, 5, marks, 5, NULL, 0, STYLE, out), 5);
    assert_clean(in, 5, marks, 5, out, STYLE);
    int leaders = 0;
    for (int i = 0; i < 5; i++)
        leaders += out[i].leader;
    assert_true(leaders >= 1);
}

/* Marks that have no label of their own are still kept clear. */
static void test_other_marks_and_avoided_rects(void **state)
{
    (void)state;
    Vec2 marks[2] = {{100, 100}, {125, 100}};
    RectD button = {60, 70, 150, 20};
    LabelIn in = {marks[0], 80, 16};
    LabelOut out;
    labels_place(&in, 1, marks, 2, &button, 1, STYLE, &out);
    assert_true(out.clear);
    assert_false(labels_rects_overlap(out.box, button));
    assert_false(labels_rects_overlap(out.box, labels_mark_rect(marks[1], LABELS_MARK)));
    assert_false(labels_rects_overlap(out.box, labels_mark_rect(marks[0], LABELS_MARK)));
}

/* No room at all: the label is still placed, and said not to be clear. */
static void test_no_room_is_reported(void **state)
{
    (void)state;
    LabelStyle tiny = {.bounds = {0, 0, 40, 20}, .mark = LABELS_MARK, .gap = LABELS_GAP};
    Vec2 p = {20, 10};
    LabelIn in = {p, 100, 16};
    LabelOut out;
    assert_int_equal(labels_place(&in, 1, &p, 1, NULL, 0, tiny, &out), 0);
    assert_false(out.clear);
}

/* A zone right of the point: the label goes left, level with its X. */
static void test_keeps_off_zones(void **state)
{
    (void)state;
    Vec2 zone_pts[4] = {{105, 60}, {300, 60}, {300, 140}, {105, 140}};
    Polygon zone = {zone_pts, 4};
    LabelStyle st = STYLE;
    st.soft = &zone;
    st.n_soft = 1;
    st.soft_cost = LABELS_ZONE_COST;
    Vec2 p = {100, 100};
    LabelIn in = {p, 60, 16};
    LabelOut out;
    labels_place(&in, 1, &p, 1, NULL, 0, st, &out);
    assert_true(out.clear);
    assert_false(out.leader);
    assert_true(out.box.x + out.box.w <= 100 - LABELS_GAP + 1e-9);
    /* Without the zone it would sit on the right. */
    labels_place(&in, 1, &p, 1, NULL, 0, STYLE, &out);
    assert_true(out.box.x > 100);
}

static void test_segment_hits(void **state)
{
    (void)state;
    RectD r = {10, 10, 10, 10};
    assert_true(labels_segment_hits((Vec2){0, 15}, (Vec2){30, 15}, r));
    assert_false(labels_segment_hits((Vec2){0, 5}, (Vec2){30, 5}, r));
    assert_false(labels_segment_hits((Vec2){0, 0}, (Vec2){10, 10}, r)); /* ends on the corner */
    assert_true(labels_segment_hits((Vec2){15, 15}, (Vec2){40, 40}, r));
    assert_false(labels_segment_hits((Vec2){0, 10}, (Vec2){30, 10}, r)); /* along an edge */
    Vec2 e = labels_leader_end(r, (Vec2){0, 0});
    assert_true(e.x == 10 && e.y == 10);
    e = labels_leader_end(r, (Vec2){15, 40});
    assert_true(e.x == 15 && e.y == 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alone_sits_right_of_its_mark),
        cmocka_unit_test(test_at_the_right_edge_goes_left),
        cmocka_unit_test(test_near_the_top_corner_stays_inside),
        cmocka_unit_test(test_a_cluster_fans_out),
        cmocka_unit_test(test_other_marks_and_avoided_rects),
        cmocka_unit_test(test_no_room_is_reported),
        cmocka_unit_test(test_keeps_off_zones),
        cmocka_unit_test(test_segment_hits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
