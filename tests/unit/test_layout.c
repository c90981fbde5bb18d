/* Unit tests for src/core/layout.c: a click position to image units. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "layout.h"

#define assert_near(a, b, eps) near((a), (b), (eps), #a, __FILE__, __LINE__)
static void near(double a, double b, double eps, const char *expr, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        print_error("%s = %.17g, expected %.17g (within %g)\n", expr, a, b, eps);
        _fail(file, line);
    }
}

static void assert_rect(PixelRect r, int x, int y, int w, int h)
{
    assert_int_equal(r.x, x);
    assert_int_equal(r.y, y);
    assert_int_equal(r.w, w);
    assert_int_equal(r.h, h);
}

/* A tall view in a wide area: letterboxed left and right. */
static void test_fit_tall_view_in_wide_area(void **state)
{
    (void)state;
    Layout l = layout_fit((PixelRect){10, 20, 800, 400}, (RectD){0, 0, 100, 200});
    assert_near(l.scale, 2.0, 1e-12);
    assert_rect(l.area, 10, 20, 800, 400);
    assert_rect(l.image, 10 + 300, 20, 200, 400);
}

/* A wide view in a tall area: letterboxed above and below. */
static void test_fit_wide_view_in_tall_area(void **state)
{
    (void)state;
    Layout l = layout_fit((PixelRect){0, 0, 300, 900}, (RectD){50, 50, 600, 200});
    assert_near(l.scale, 0.5, 1e-12);
    assert_rect(l.image, 0, 400, 300, 100);
    assert_near(l.viewbox.x, 50, 0);
}

/* The image size is rounded to whole pixels; the offset splits what is
 * left (the odd pixel goes right or below). */
static void test_fit_rounds_and_centres(void **state)
{
    (void)state;
    Layout l = layout_fit((PixelRect){0, 0, 101, 50}, (RectD){0, 0, 3, 1});
    assert_near(l.scale, 101.0 / 3.0, 1e-12);
    assert_rect(l.image, 0, 8, 101, 34); /* 33.67 rounds to 34; (50 - 34) / 2 = 8 */
    l = layout_fit((PixelRect){5, 5, 51, 30}, (RectD){0, 0, 1, 1});
    assert_rect(l.image, 5 + 10, 5, 30, 30); /* (51 - 30) / 2 = 10: the odd pixel goes right */
}

static void test_fit_scale_is_the_smaller_axis(void **state)
{
    (void)state;
    Layout l = layout_fit((PixelRect){0, 0, 101, 50}, (RectD){0, 0, 3, 3});
    assert_near(l.scale, 50.0 / 3.0, 1e-12);
    assert_rect(l.image, 25, 0, 50, 50);
    l = layout_fit((PixelRect){0, 0, 7, 10}, (RectD){0, 0, 2, 1});
    assert_near(l.scale, 3.5, 1e-12);
    assert_rect(l.image, 0, 3, 7, 4); /* 3.5 rounds to 4; (10 - 4) / 2 = 3 */
}

/* The centre of a pixel maps to the image point that maps back to it. */
static void test_round_trip(void **state)
{
    (void)state;
    Layout l = layout_fit((PixelRect){13, 7, 640, 480}, (RectD){-20, 35, 300, 420});
    for (int y = l.image.y; y < l.image.y + l.image.h; y += 37)
        for (int x = l.image.x; x < l.image.x + l.image.w; x += 29) {
            Vec2 p = layout_to_image(&l, x, y);
            Vec2 s = layout_to_screen(&l, p);
            assert_near(s.x, x + 0.5, 1e-9);
            assert_near(s.y, y + 0.5, 1e-9);
        }
    /* image -> screen -> image */
    Vec2 p = {100.25, 200.75};
    Vec2 s = layout_to_screen(&l, p);
    Vec2 q = layout_to_image(&l, (int)floor(s.x), (int)floor(s.y));
    assert_near(q.x, p.x, 0.5 / l.scale + 1e-9);
    assert_near(q.y, p.y, 0.5 / l.scale + 1e-9);
}

/* The viewBox's corners land on the image's corners. */
static void test_corners(void **state)
{
    (void)state;
    RectD vb = {10, 20, 200, 100};
    Layout l = layout_fit((PixelRect){0, 0, 400, 400}, vb);
    Vec2 a = layout_to_screen(&l, (Vec2){vb.x, vb.y});
    Vec2 b = layout_to_screen(&l, (Vec2){vb.x + vb.w, vb.y + vb.h});
    assert_near(a.x, l.image.x, 1e-9);
    assert_near(a.y, l.image.y, 1e-9);
    assert_near(b.x, l.image.x + l.image.w, 1e-9);
    assert_near(b.y, l.image.y + l.image.h, 1e-9);
}

/* Clicks on the letterbox margins or outside the area miss the chart and
 * map to points outside the viewBox. */
static void test_clicks_outside(void **state)
{
    (void)state;
    RectD vb = {0, 0, 100, 200};
    Layout l = layout_fit((PixelRect){0, 0, 800, 400}, vb);
    assert_true(layout_hit(&l, 300, 0));
    assert_true(layout_hit(&l, 499, 399));
    assert_false(layout_hit(&l, 299, 100)); /* left margin */
    assert_false(layout_hit(&l, 500, 100)); /* right margin */
    assert_false(layout_hit(&l, 400, 400)); /* below */
    assert_false(layout_hit(&l, 400, -1));  /* above */
    assert_false(layout_hit(&l, -5, -5));
    Vec2 p = layout_to_image(&l, 10, 100);
    assert_true(p.x < vb.x);
    p = layout_to_image(&l, 790, 100);
    assert_true(p.x > vb.x + vb.w);
}

/* A close-up grows to the area's shape around its focus. */
static void test_focus_grows_to_area(void **state)
{
    (void)state;
    RectD full = {0, 0, 1000, 2000};
    Layout l = layout_focus((PixelRect){0, 0, 400, 400}, full, (RectD){400, 900, 100, 200});
    assert_near(l.viewbox.w, 200, 1e-9);
    assert_near(l.viewbox.h, 200, 1e-9);
    assert_near(l.viewbox.x, 350, 1e-9);
    assert_near(l.viewbox.y, 900, 1e-9);
    assert_near(l.scale, 2.0, 1e-12);
    assert_rect(l.image, 0, 0, 400, 400);
}

/* A close-up near an edge is moved back inside the view. */
static void test_focus_kept_inside(void **state)
{
    (void)state;
    RectD full = {0, 0, 1000, 2000};
    Layout l = layout_focus((PixelRect){0, 0, 400, 400}, full, (RectD){-50, 1950, 100, 100});
    assert_near(l.viewbox.x, 0, 1e-9);
    assert_near(l.viewbox.y, 1900, 1e-9);
    assert_near(l.viewbox.w, 100, 1e-9);
    assert_near(l.viewbox.h, 100, 1e-9);
}

/* A focus grown wider than the view shows the whole width, centred, with
 * margins (letterboxed) rather than cutting the close-up. */
static void test_focus_wider_than_view(void **state)
{
    (void)state;
    RectD full = {0, 0, 100, 1000};
    Layout l = layout_focus((PixelRect){0, 0, 800, 200}, full, (RectD){20, 400, 50, 100});
    assert_near(l.viewbox.x, 0, 1e-9);
    assert_near(l.viewbox.w, 100, 1e-9);
    assert_near(l.viewbox.h, 100, 1e-9);
    assert_near(l.scale, 2.0, 1e-12);
    assert_rect(l.image, 300, 0, 200, 200);
}

static void test_module_region(void **state)
{
    (void)state;
    TriggerPoint tps[2];
    memset(tps, 0, sizeof tps);
    tps[0].view = (char *)"front";
    tps[0].at = (Vec2){100, 100};
    tps[0].radius = 10;
    tps[1].view = (char *)"back";
    tps[1].at = (Vec2){500, 500};
    tps[1].radius = 10;
    Module m;
    memset(&m, 0, sizeof m);
    m.tps = tps;
    m.n_tps = 2;
    RectD full = {0, 0, 1000, 2000};
    RectD r = layout_module_region(&m, "front", full, 0.0);
    /* 20 x 20 around (100, 100), margins 0.3 * 20 + 5% of 1000 and 0.3 * 20 + 3% of 2000 */
    assert_near(r.x, 90 - 56, 1e-9);
    assert_near(r.w, 20 + 112, 1e-9);
    assert_near(r.y, 90 - 66, 1e-9);
    assert_near(r.h, 20 + 132, 1e-9);
    r = layout_module_region(&m, "front", full, 0.5);
    assert_near(r.h, 1000, 1e-9);
    assert_near(r.y + r.h / 2, 100, 1e-9);
    r = layout_module_region(&m, "side", full, 0.5);
    assert_near(r.w, full.w, 0);
    assert_near(r.h, full.h, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_tall_view_in_wide_area),
        cmocka_unit_test(test_fit_wide_view_in_tall_area),
        cmocka_unit_test(test_fit_rounds_and_centres),
        cmocka_unit_test(test_fit_scale_is_the_smaller_axis),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_corners),
        cmocka_unit_test(test_clicks_outside),
        cmocka_unit_test(test_focus_grows_to_area),
        cmocka_unit_test(test_focus_kept_inside),
        cmocka_unit_test(test_focus_wider_than_view),
        cmocka_unit_test(test_module_region),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
