/* Unit tests for src/core/overlay_style.c: the overlays' reds become the
 * muscle tone; deep muscles are hatched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "overlay_style.h"

static void set(unsigned char *p, int r, int g, int b, int a)
{
    p[0] = (unsigned char)r, p[1] = (unsigned char)g, p[2] = (unsigned char)b, p[3] = (unsigned char)a;
}

static void assert_rgb(const unsigned char *p, int rgb)
{
    assert_int_equal(p[0], (rgb >> 16) & 0xFF);
    assert_int_equal(p[1], (rgb >> 8) & 0xFF);
    assert_int_equal(p[2], rgb & 0xFF);
}

static void test_fill_edge_and_empty(void **state)
{
    (void)state;
    unsigned char px[3 * 4];
    set(px, 0xB8, 0x41, 0x3A, 87);     /* fill */
    set(px + 4, 0x8A, 0x2A, 0x25, 255); /* edge */
    set(px + 8, 0, 0, 0, 0);            /* nothing */
    overlay_restyle_rgba(px, 3, 1, 12, false, 7);
    assert_rgb(px, OVERLAY_MUSCLE_FILL);
    assert_true(px[3] > 87); /* a little more body */
    assert_rgb(px + 4, OVERLAY_MUSCLE_EDGE);
    assert_int_equal(px[7], 255);
    assert_int_equal(px[8], 0);
    assert_int_equal(px[11], 0);
}

/* A deep overlay's fill is striped: along a row, some pixels strong, most faint. */
static void test_deep_is_hatched(void **state)
{
    (void)state;
    enum { W = 14 };
    unsigned char px[W * 4];
    for (int x = 0; x < W; x++)
        set(px + 4 * x, 0xB8, 0x41, 0x3A, 87);
    overlay_restyle_rgba(px, W, 1, W * 4, true, 7);
    int strong = 0, faint = 0;
    for (int x = 0; x < W; x++) {
        assert_rgb(px + 4 * x, OVERLAY_MUSCLE_FILL);
        if (px[4 * x + 3] > 150)
            strong++;
        else if (px[4 * x + 3] < 30)
            faint++;
    }
    assert_int_equal(strong + faint, W);
    assert_int_equal(strong, 4); /* 2 of every 7 */
}

/* A shape the script drew deep (paler fill) is hatched even when the
 * overlay as a whole is not. */
static void test_deep_shape_in_a_plain_overlay(void **state)
{
    (void)state;
    enum { W = 7 };
    unsigned char px[W * 4];
    for (int x = 0; x < W; x++)
        set(px + 4 * x, 0xB8, 0x41, 0x3A, 52);
    overlay_restyle_rgba(px, W, 1, W * 4, false, 7);
    int strong = 0;
    for (int x = 0; x < W; x++)
        strong += px[4 * x + 3] > 150;
    assert_int_equal(strong, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill_edge_and_empty),
        cmocka_unit_test(test_deep_is_hatched),
        cmocka_unit_test(test_deep_shape_in_a_plain_overlay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
