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

/* Zoom 1 is the fit, whatever the centre asked for. */
static void test_zoom_one_is_fit(void **state)
{
    (void)state;
    PixelRect areas[] = {{10, 20, 800, 400}, {0, 0, 300, 900}, {5, 5, 51, 30}, {13, 7, 640, 480}};
    RectD vbs[] = {{0, 0, 100, 200}, {50, 50, 600, 200}, {0, 0, 1, 1}, {-20, 35, 300, 420}};
    for (int i = 0; i < 4; i++) {
        Layout f = layout_fit(areas[i], vbs[i]);
        Layout z = layout_zoomed(areas[i], vbs[i], (LayoutZoom){1.0, {1e6, -1e6}});
        assert_rect(z.image, f.image.x, f.image.y, f.image.w, f.image.h);
        assert_near(z.scale, f.scale, 1e-12);
        assert_near(z.viewbox.x, f.viewbox.x, 1e-9);
        assert_near(z.viewbox.y, f.viewbox.y, 1e-9);
        assert_near(z.viewbox.w, f.viewbox.w, 1e-9);
        assert_near(z.viewbox.h, f.viewbox.h, 1e-9);
    }
}

/* Zoomed and panned, a pixel and its image point convert both ways. */
static void test_zoom_round_trip(void **state)
{
    (void)state;
    PixelRect area = {40, 70, 1200, 800};
    RectD full = {0, 0, 600, 1400};
    double zooms[] = {1.0, 1.7, 3.0, 8.0};
    Vec2 centers[] = {{300, 700}, {120, 300}, {580, 1300}, {10, 20}};
    for (int zi = 0; zi < 4; zi++)
        for (int ci = 0; ci < 4; ci++) {
            Layout l = layout_zoomed(area, full, (LayoutZoom){zooms[zi], centers[ci]});
            for (int x = l.image.x; x < l.image.x + l.image.w; x += 97)
                for (int y = l.image.y; y < l.image.y + l.image.h; y += 89) {
                    Vec2 p = layout_to_image(&l, x, y);
                    Vec2 s = layout_to_screen(&l, p);
                    assert_near(s.x, x + 0.5, 1e-6);
                    assert_near(s.y, y + 0.5, 1e-6);
                    /* Every visible pixel shows a point of the view. */
                    assert_true(p.x >= full.x && p.x <= full.x + full.w);
                    assert_true(p.y >= full.y && p.y <= full.y + full.h);
                }
        }
}

/* Zooming about a point keeps that image point under the pointer. */
static void test_zoom_about_keeps_point(void **state)
{
    (void)state;
    PixelRect area = {0, 50, 1000, 800};
    RectD full = {0, 0, 600, 1400};
    /* From 3x both axes of the tall view overflow the area. */
    LayoutZoom z = {3.0, {300, 700}};
    double px = 380.0, py = 420.0;
    for (int step = 0; step < 4; step++) {
        Layout before = layout_zoomed(area, full, z);
        Vec2 p = {before.viewbox.x + (px - before.image.x) / before.scale,
                  before.viewbox.y + (py - before.image.y) / before.scale};
        z = layout_zoom_about(area, full, z, 1.25, px, py);
        Layout after = layout_zoomed(area, full, z);
        Vec2 s = layout_to_screen(&after, p);
        /* Within the rounding of the visible part to a whole pixel. */
        assert_near(s.x, px, 0.51);
        assert_near(s.y, py, 0.51);
        assert_true(after.scale > before.scale);
    }
    /* Zooming out again brings the same point back under the pointer too. */
    Layout before = layout_zoomed(area, full, z);
    Vec2 p = layout_to_image(&before, (int)px, (int)py);
    z = layout_zoom_about(area, full, z, 1 / 1.25, px + 0.5, py + 0.5);
    Layout after = layout_zoomed(area, full, z);
    Vec2 s = layout_to_screen(&after, p);
    assert_near(s.x, px + 0.5, 0.51);
    assert_near(s.y, py + 0.5, 0.51);
}

/* However far it is dragged, the chart covers the area on every zoomed axis
 * and stays centred on the others. */
static void test_pan_clamped(void **state)
{
    (void)state;
    PixelRect area = {10, 10, 1000, 600};
    RectD full = {0, 0, 600, 1400};
    LayoutZoom z = {5.0, {300, 700}}; /* both axes overflow from 3.9x */
    double drags[][2] = {{1e5, 0}, {-1e5, 0}, {0, 1e5}, {0, -1e5}, {1e5, 1e5}, {-1e5, -1e5}};
    for (int i = 0; i < 6; i++) {
        LayoutZoom p = layout_zoom_pan(area, full, z, drags[i][0], drags[i][1]);
        Layout l = layout_zoomed(area, full, p);
        assert_rect(l.image, area.x, area.y, area.w, area.h);
        assert_true(l.viewbox.x >= full.x - 1e-9);
        assert_true(l.viewbox.y >= full.y - 1e-9);
        assert_true(l.viewbox.x + l.viewbox.w <= full.x + full.w + 1e-9);
        assert_true(l.viewbox.y + l.viewbox.h <= full.y + full.h + 1e-9);
        /* The clamped centre is what is shown: panning back by the same
         * amount returns to the start (nothing is remembered beyond it). */
        LayoutZoom back = layout_zoom_pan(area, full, p, -drags[i][0], -drags[i][1]);
        assert_true(back.center.x >= full.x && back.center.x <= full.x + full.w);
    }
    /* A drag to the right shows what lay to the left. */
    Layout l0 = layout_zoomed(area, full, z);
    Layout l1 = layout_zoomed(area, full, layout_zoom_pan(area, full, z, 100, 50));
    assert_near(l1.viewbox.x, l0.viewbox.x - 100 / l0.scale, 1 / l0.scale);
    assert_near(l1.viewbox.y, l0.viewbox.y - 50 / l0.scale, 1 / l0.scale);
    /* At 1.2x the tall view is still narrower than the area: centred
     * across, and a sideways drag does not move it. */
    LayoutZoom w = {1.2, {0, 700}};
    Layout lw = layout_zoomed(area, full, layout_zoom_pan(area, full, w, 500, 0));
    assert_near(lw.viewbox.x, full.x, 0);
    assert_near(lw.viewbox.w, full.w, 0);
    assert_int_equal(lw.image.x, area.x + (area.w - lw.image.w) / 2);
    assert_int_equal(lw.image.y, area.y);
    assert_int_equal(lw.image.h, area.h);
}

/* The zoom stays between the fit and LAYOUT_ZOOM_MAX times it. */
static void test_zoom_limits(void **state)
{
    (void)state;
    PixelRect area = {0, 0, 800, 800};
    RectD full = {0, 0, 600, 1400};
    double fit = layout_fit(area, full).scale;
    assert_near(layout_zoomed(area, full, (LayoutZoom){100, {300, 700}}).scale, fit * LAYOUT_ZOOM_MAX, 1e-12);
    assert_near(layout_zoomed(area, full, (LayoutZoom){0.1, {300, 700}}).scale, fit, 1e-12);
    assert_near(layout_zoomed(area, full, (LayoutZoom){NAN, {300, 700}}).scale, fit, 1e-12);
    LayoutZoom z = {1, {300, 700}};
    for (int i = 0; i < 40; i++)
        z = layout_zoom_about(area, full, z, 1.25, 400, 400);
    assert_near(z.zoom, LAYOUT_ZOOM_MAX, 1e-12);
    for (int i = 0; i < 40; i++)
        z = layout_zoom_about(area, full, z, 0.8, 10, 790);
    assert_near(z.zoom, LAYOUT_ZOOM_MIN, 1e-12);
    /* Back at the fit, the whole view is on screen again. */
    Layout l = layout_zoomed(area, full, z);
    assert_near(l.viewbox.h, full.h, 1e-9);
    /* A degenerate area does not divide by zero. */
    Layout d = layout_zoomed((PixelRect){0, 0, 0, 0}, full, z);
    assert_int_equal(d.image.w, 0);
}

/* The zoom for a close-up shows what layout_focus shows. */
static void test_zoom_of_focus(void **state)
{
    (void)state;
    PixelRect area = {0, 0, 900, 700};
    RectD full = {0, 0, 600, 1400};
    RectD focus = {150, 250, 200, 250};
    Layout f = layout_focus(area, full, focus);
    Layout z = layout_zoomed(area, full, layout_zoom_of_focus(area, full, focus));
    assert_near(z.scale, f.scale, 1e-9);
    assert_near(z.viewbox.x, f.viewbox.x, 1 / f.scale);
    assert_near(z.viewbox.y, f.viewbox.y, 1 / f.scale);
    assert_near(z.viewbox.w, f.viewbox.w, 1 / f.scale);
    assert_near(z.viewbox.h, f.viewbox.h, 1 / f.scale);
    assert_near(f.full.h, full.h, 0);
}

/* View tabs wrap onto a new row where the next would not fit; a tab wider
 * than the row gets one of its own; captions from view names. */
static void test_wrap_row(void **state)
{
    (void)state;
    int w[4] = {100, 120, 90, 110}, x[4], row[4];
    assert_int_equal(layout_wrap_row(w, 4, 500, 8, x, row), 1);
    assert_int_equal(x[3], 100 + 120 + 90 + 3 * 8);
    assert_int_equal(layout_wrap_row(w, 4, 320, 8, x, row), 2);
    assert_int_equal(row[1], 0);
    assert_int_equal(row[2], 1);
    assert_int_equal(x[2], 0);
    assert_int_equal(x[3], 98);
    assert_int_equal(layout_wrap_row(w, 4, 50, 8, x, row), 4);
    assert_int_equal(x[0], 0);
    assert_int_equal(row[3], 3);
    assert_int_equal(layout_wrap_row(w, 0, 500, 8, NULL, NULL), 0);
    char buf[40];
    layout_view_tab_label("low_back", buf, sizeof buf);
    assert_string_equal(buf, "Low back view");
    layout_view_tab_label("thigh_side", buf, 6);
    assert_string_equal(buf, "Thigh");
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
        cmocka_unit_test(test_zoom_one_is_fit),
        cmocka_unit_test(test_zoom_round_trip),
        cmocka_unit_test(test_zoom_about_keeps_point),
        cmocka_unit_test(test_pan_clamped),
        cmocka_unit_test(test_zoom_limits),
        cmocka_unit_test(test_zoom_of_focus),
        cmocka_unit_test(test_wrap_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
