/* Unit tests for svgview: the root element and its viewBox, <text> and
 * <use> anywhere, the body outline, and robustness against anything that is
 * not SVG. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "svgview.h"

static SvgInfo info;

/* Inspects text; returns the return code, and in *log the diagnostics. */
static int inspect(const char *text, const char **log)
{
    static char out[4096];
    size_t n = 0;
    out[0] = '\0';
    Diag *d = diag_create();
    svgview_info_free(&info);
    int rc = svgview_inspect_buffer("c.svg", text, strlen(text), &info, d);
    for (int i = 0; i < diag_count(d); i++) {
        char line[512];
        n += (size_t)snprintf(out + n, sizeof out - n, "%s\n",
                              diag_format(diag_item(d, i), line, sizeof line));
    }
    diag_free(d);
    if (log)
        *log = out;
    return rc;
}

static void assert_viewbox(double x, double y, double w, double h)
{
    assert_true(info.viewbox.x == x);
    assert_true(info.viewbox.y == y);
    assert_true(info.viewbox.w == w);
    assert_true(info.viewbox.h == h);
}

static void test_scale(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<svg viewBox=\"0 0 600 1400\" data-cm-per-unit=\"0.13\"/>", &log), 0);
    assert_string_equal(log, "");
    assert_true(info.cm_per_unit > 0.1299 && info.cm_per_unit < 0.1301);

    assert_int_equal(inspect("<svg viewBox=\"0 0 600 1400\"/>", &log), 0);
    assert_true(info.cm_per_unit == 0);

    assert_int_equal(inspect("<svg viewBox=\"0 0 600 1400\"\n data-cm-per-unit=\"0\"/>", &log), 0);
    assert_string_equal(log, "c.svg:2: error: bad data-cm-per-unit \"0\": expected one number above 0 "
                             "(centimetres per unit)\n");
    assert_true(info.cm_per_unit == 0);
    inspect("<svg viewBox=\"0 0 600 1400\" data-cm-per-unit=\"1 2\"/>", &log);
    assert_non_null(strstr(log, "bad data-cm-per-unit \"1 2\""));
}

static void test_good(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<svg viewBox=\"0 0 600 1400\"/>", &log), 0);
    assert_string_equal(log, "");
    assert_viewbox(0, 0, 600, 1400);
    assert_int_equal(info.text_line, 0);
    assert_int_equal(info.use_line, 0);

    assert_int_equal(inspect("\xEF\xBB\xBF<?xml version='1.0'?>\n"
                             "<!-- a comment with <svg viewBox='1 1 1 1'> inside -->\n"
                             "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\" [\n"
                             "  <!ENTITY e \"<text>\">\n"
                             "]>\n"
                             "<svg:svg xmlns:svg='http://www.w3.org/2000/svg'\n"
                             "  width = '10' viewBox = '-10.5,20 , 3e2\t4.5' >\n"
                             "<svg:path d='M0 0'/></svg:svg>",
                             &log),
                     0);
    assert_string_equal(log, "");
    assert_viewbox(-10.5, 20, 300, 4.5);
}

static void test_good_file(void **state)
{
    (void)state;
    Diag *d = diag_create();
    assert_int_equal(svgview_inspect(TEST_DATA_DIR "/good/assets/anatomy/front.svg", &info, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_viewbox(0, 0, 600, 1400);
    assert_int_equal(info.n_outline, 1);
    svgview_info_free(&info);
    assert_int_equal(svgview_inspect(TEST_DATA_DIR "/good/no-such.svg", &info, d), -1);
    char line[512];
    assert_string_equal(diag_format(diag_item(d, 0), line, sizeof line),
                        TEST_DATA_DIR "/good/no-such.svg: error: cannot read: No such file or "
                                      "directory");
    diag_free(d);
}

static void test_no_viewbox(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<?xml version='1.0'?>\n<svg\n width='10'>\n</svg>", &log), -1);
    assert_string_equal(log, "c.svg:2: error: the <svg> element has no viewBox\n");
    /* The attribute name is case-sensitive in SVG. */
    assert_int_equal(inspect("<svg viewbox='0 0 1 1'/>", &log), -1);
    assert_string_equal(log, "c.svg:1: error: the <svg> element has no viewBox\n");
}

static void test_bad_viewbox(void **state)
{
    (void)state;
    const char *bad[] = {"0 0 600",  "0 0 600 1400 5", "a b c d",   "0 0 600 1e", "0,,0,1,1", ",0 0 1 1",
                         "0 0 1 1,", "0 0 inf 1",      "0 0 nan 1", "0 0 0x10 1", "",         "0 0 1 1e999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[128], want[256];
        const char *log;
        snprintf(text, sizeof text, "<svg\nviewBox=\"%s\"/>", bad[i]);
        assert_int_equal(inspect(text, &log), -1);
        snprintf(want, sizeof want,
                 "c.svg:2: error: bad viewBox \"%s\": expected 4 numbers (min-x min-y width "
                 "height)\n",
                 bad[i]);
        assert_string_equal(log, want);
    }
}

static void test_viewbox_size(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<svg viewBox='0 0 0 1400'/>", &log), -1);
    assert_string_equal(log, "c.svg:1: error: viewBox width and height must be above 0, not 0 and 1400\n");
    assert_int_equal(inspect("<svg viewBox='0 0 10 -5'/>", &log), -1);
    assert_string_equal(log, "c.svg:1: error: viewBox width and height must be above 0, not 10 and -5\n");
}

static void test_text_and_use(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<svg viewBox='0 0 10 10'>\n"
                             "<!-- <text>in a comment</text> -->\n"
                             "<style><![CDATA[ <use> ]]></style>\n"
                             "<textPath/><user/>\n"
                             "<g><text x='1'>A</text>\n"
                             "<svg:use href='#a'/>\n"
                             "<text\n>B</text></g>\n"
                             "<path d='M0 0' title='<use>'/>\n"
                             "</svg>",
                             &log),
                     0);
    assert_string_equal(log, "c.svg:5: error: <text> is not drawn by the chart renderer (nanosvg): "
                             "leave labels to the program\n"
                             "c.svg:6: error: <use> is not drawn by the chart renderer (nanosvg): "
                             "copy the shape in instead\n"
                             "c.svg:7: error: <text> is not drawn by the chart renderer (nanosvg): "
                             "leave labels to the program\n");
    assert_int_equal(info.text_line, 5);
    assert_int_equal(info.use_line, 6);
    assert_viewbox(0, 0, 10, 10);
}

static void test_not_svg(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("", &log), -1);
    assert_string_equal(log, "c.svg: error: not an SVG file: no <svg> element\n");
    assert_int_equal(inspect("just some text", &log), -1);
    assert_string_equal(log, "c.svg: error: not an SVG file: no <svg> element\n");
    assert_int_equal(inspect("<?xml version='1.0'?>\n<!-- only a comment", &log), -1);
    assert_string_equal(log, "c.svg: error: not an SVG file: no <svg> element\n");
    assert_int_equal(inspect("\n\n<html><svg viewBox='0 0 1 1'/></html>", &log), -1);
    assert_string_equal(log, "c.svg:3: error: not an SVG file: the first element is <html>, not <svg>\n");
    assert_int_equal(inspect("<svgx viewBox='0 0 1 1'/>", &log), -1);
    assert_string_equal(log, "c.svg:1: error: not an SVG file: the first element is <svgx>, not <svg>\n");
}

static void test_malformed_root(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<svg viewBox='0 0 1 1'", &log), -1);
    assert_string_equal(log, "c.svg:1: error: the <svg> start tag is not closed\n");
    assert_int_equal(inspect("<svg viewBox='0 0 1 1", &log), -1);
    assert_string_equal(log, "c.svg:1: error: the <svg> start tag is not closed\n");
    assert_int_equal(inspect("<svg\n viewBox=0 0 1 1>", &log), -1);
    assert_string_equal(log, "c.svg:2: error: malformed attribute in the <svg> start tag: value "
                             "not quoted\n");
    assert_int_equal(inspect("<svg\n\n disabled viewBox='0 0 1 1'>", &log), -1);
    assert_string_equal(log, "c.svg:3: error: malformed attribute in the <svg> start tag\n");
}

/* Every prefix of a good file, and random bytes, are handled without a
 * crash and without reading past the end (the buffer is not terminated). */
static void test_truncated_and_random(void **state)
{
    (void)state;
    const char *good = "\xEF\xBB\xBF<?xml version='1.0'?>\n<!DOCTYPE svg [ <!ENTITY a 'b'> ]>\n"
                       "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 1400'>\n"
                       "<!-- c --><![CDATA[ x ]]><text>t</text><use href='#x'/>\n</svg>\n";
    size_t n = strlen(good);
    for (size_t len = 0; len <= n; len++) {
        char *copy = malloc(len ? len : 1);
        memcpy(copy, good, len);
        Diag *d = diag_create();
        svgview_inspect_buffer("p.svg", copy, len, &info, d);
        svgview_info_free(&info);
        diag_free(d);
        free(copy);
    }
    unsigned seed = 7;
    static const char *pieces[] = {"<",    ">",   "<svg",  " viewBox='", "'",  "\"", "0 0 1 1",
                                   "<!--", "-->", "<text", "<use",       "/>", "\n", "<!",
                                   "[",    "]",   "<?",    "?>",         "=",  ",",
                                   "<path", " id='tpquiz-body'", " d='", "M", "L", "Z", "1,2 ",
                                   "-3e2", ".5", "C"};
    const int n_pieces = (int)(sizeof pieces / sizeof *pieces);
    for (int round = 0; round < 20000; round++) {
        char buf[400];
        size_t len = 0;
        int k = (int)(seed % 40);
        for (int i = 0; i < k; i++) {
            seed = seed * 1103515245u + 12345u;
            if (round % 3 == 0) {
                buf[len++] = (char)(seed >> 16);
            } else {
                const char *p = pieces[(seed >> 16) % (unsigned)n_pieces];
                size_t pl = strlen(p);
                if (len + pl < sizeof buf) {
                    memcpy(buf + len, p, pl);
                    len += pl;
                }
            }
        }
        seed = seed * 1103515245u + 12345u;
        char *copy = malloc(len ? len : 1);
        memcpy(copy, buf, len);
        Diag *d = diag_create();
        int rc = svgview_inspect_buffer("r.svg", copy, len, &info, d);
        if (rc == 0)
            assert_true(info.viewbox.w > 0 && info.viewbox.h > 0);
        else
            assert_true(diag_error_count(d) > 0);
        for (int i = 0; i < info.n_outline; i++)
            assert_true(info.outline[i].n >= 3);
        svgview_info_free(&info);
        diag_free(d);
        free(copy);
    }
    assert_int_equal(svgview_inspect_buffer("n.svg", NULL, 10, &info, NULL), -1);
}

/* Every prefix of a chart with a body outline: no crash, and an outline is
 * either read whole-polygon by polygon or reported. */
static void test_outline_truncated(void **state)
{
    (void)state;
    const char *good = "<svg viewBox='0 0 600 700'>\n<path d='M0 0'/>\n"
                       "<path id=\"tpquiz-body\" fill=\"none\" stroke=\"none\" "
                       "d=\"M300,22 L340.5,30 L377,60.25 L380,690 L220,690 Z M10,10 L20,10 L20,20 Z\"/>\n"
                       "</svg>\n";
    size_t n = strlen(good);
    for (size_t len = 0; len <= n; len++) {
        char *copy = malloc(len ? len : 1);
        memcpy(copy, good, len);
        Diag *d = diag_create();
        svgview_inspect_buffer("t.svg", copy, len, &info, d);
        assert_true(info.n_outline == 0 || diag_error_count(d) == 0);
        if (len == n)
            assert_int_equal(info.n_outline, 2);
        svgview_info_free(&info);
        assert_null(info.outline);
        diag_free(d);
        free(copy);
    }
}

static void test_outline(void **state)
{
    (void)state;
    const char *log;
    assert_int_equal(inspect("<svg viewBox='0 0 100 100'>\n<g>\n<path fill='#fff' d='M1 1 C 2 2 3 3 4 4'/>\n"
                             "<path fill=\"none\" id=\"tpquiz-body\" stroke=\"none\"\n"
                             "  d=\"M10,10 L90,10 L90,90 L10,90 Z M 95 95 99 95, 99,99Z\"/></g></svg>",
                             &log),
                     0);
    assert_string_equal(log, "");
    assert_int_equal(info.outline_line, 4);
    assert_int_equal(info.n_outline, 2);
    assert_int_equal(info.outline[0].n, 4);
    assert_true(info.outline[0].pts[2].x == 90 && info.outline[0].pts[2].y == 90);
    assert_int_equal(info.outline[1].n, 3); /* an M's further pairs are line-tos */
    assert_true(info.outline[1].pts[1].x == 99 && info.outline[1].pts[1].y == 95);

    assert_non_null(info.outline_bands); /* the check's bands, made with the outline */
    for (int without = 0; without < 2; without++) {
        /* With the bands, and without (every edge tested): the same. */
        PolygonBands *bands = info.outline_bands;
        if (without)
            info.outline_bands = NULL;
        assert_true(svgview_on_outline(&info, (Vec2){50, 50}, 3));
        assert_true(svgview_on_outline(&info, (Vec2){98, 96}, 0));  /* the second piece */
        assert_true(svgview_on_outline(&info, (Vec2){50, 7.5}, 3)); /* near the edge */
        assert_false(svgview_on_outline(&info, (Vec2){50, 6.5}, 3));
        assert_false(svgview_on_outline(&info, (Vec2){3, 50}, 3));
        info.outline_bands = bands;
    }
    assert_false(svgview_on_outline(NULL, (Vec2){50, 50}, 3));

    /* Z may be left out; numbers with signs, fractions and exponents. */
    assert_int_equal(inspect("<svg viewBox='0 0 9 9'><path id='tpquiz-body' d='M-1.5,+2 L.5e1,2 L3E0 -4'/></svg>",
                             &log),
                     0);
    assert_string_equal(log, "");
    assert_int_equal(info.n_outline, 1);
    assert_true(info.outline[0].pts[0].x == -1.5 && info.outline[0].pts[1].x == 5);
    assert_true(info.outline[0].pts[2].y == -4);

    /* No outline at all. */
    assert_int_equal(inspect("<svg viewBox='0 0 9 9'><path id='body' d='M0,0 L1,0 L1,1 Z'/></svg>", &log), 0);
    assert_int_equal(info.outline_line, 0);
    assert_int_equal(info.n_outline, 0);
    assert_null(info.outline);
}

/* A malformed outline is reported on its line and left out; the chart is
 * still usable. */
static void test_bad_outline(void **state)
{
    (void)state;
    static const struct {
        const char *d, *message;
    } cases[] = {
        {"M0,0 C1,1 2,2 3,3 Z", "command 'C' is not allowed: use absolute M, L and Z with x,y pairs"},
        {"m0,0 l1,0 l0,1 z", "command 'm' is not allowed: use absolute M, L and Z with x,y pairs"},
        {"M0,0 H5 V5 Z", "command 'H' is not allowed: use absolute M, L and Z with x,y pairs"},
        {"L0,0 L1,0 L1,1 Z", "L before the first M of a subpath"},
        {"0,0 L1,0 L1,1 Z", "coordinates before the first M: start every subpath with M"},
        {"M0,0 L1,0 L1,1 Z 5,5", "coordinates after Z: start every subpath with M"},
        {"M0,0 L1,0 L1 Z", "expected an x,y pair of numbers, found '1 Z'"},
        {"M0,0 L1,0 L1,x Z", "expected an x,y pair of numbers, found '1,x Z'"},
        {"M0,0 L1,0 L1,1e999 Z", "expected an x,y pair of numbers, found '1,1e999 Z'"},
        {"M0,0 L1,0 L1,1 L Z", "L needs an x,y pair"},
        {"M0,0 L1,0 L1,1 M", "M needs an x,y pair"},
        {"M0,0 L1,0 Z", "subpath 1 has 2 points; a closed outline needs at least 3"},
        {"M0,0 L1,0 L1,1 Z M5,5 Z", "subpath 2 has 1 point; a closed outline needs at least 3"},
        {"Z", "Z without a subpath to close"},
        {"", "no subpaths"},
        {" , ", "no subpaths"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[256], want[256];
        snprintf(text, sizeof text, "<svg viewBox='0 0 9 9'>\n\n<path id='tpquiz-body' d='%s'/></svg>", cases[i].d);
        snprintf(want, sizeof want, "c.svg:3: error: bad body outline (id=\"tpquiz-body\"): %s\n", cases[i].message);
        const char *log;
        assert_int_equal(inspect(text, &log), 0);
        assert_string_equal(log, want);
        assert_int_equal(info.n_outline, 0);
        assert_null(info.outline);
        assert_int_equal(info.outline_line, 3);
        assert_viewbox(0, 0, 9, 9);
    }

    const char *log;
    assert_int_equal(inspect("<svg viewBox='0 0 9 9'>\n<path id='tpquiz-body'/></svg>", &log), 0);
    assert_string_equal(log, "c.svg:2: error: the body outline (id=\"tpquiz-body\") has no d attribute\n");

    /* A second outline: a warning; the first is used. */
    assert_int_equal(inspect("<svg viewBox='0 0 9 9'>\n<path id='tpquiz-body' d='M0,0 L1,0 L1,1'/>\n"
                             "<path id='tpquiz-body' d='M0,0 L2,0 L2,2 L0,2'/></svg>",
                             &log),
                     0);
    assert_string_equal(log, "c.svg:3: warning: a second body outline (id=\"tpquiz-body\"): only the one "
                             "on line 2 is used\n");
    assert_int_equal(info.n_outline, 1);
    assert_int_equal(info.outline[0].n, 3);

    /* Too many points. */
    size_t size = (size_t)SVGVIEW_OUTLINE_MAX_POINTS * 4 + 200;
    char *big = malloc(size);
    size_t k = (size_t)snprintf(big, size, "<svg viewBox='0 0 9 9'><path id='tpquiz-body' d='M");
    for (int i = 0; i <= SVGVIEW_OUTLINE_MAX_POINTS; i++) {
        memcpy(big + k, "1,1 ", 4);
        k += 4;
    }
    memcpy(big + k, "'/></svg>", 10);
    assert_int_equal(inspect(big, &log), 0);
    assert_non_null(strstr(log, "error: bad body outline (id=\"tpquiz-body\"): more than 5000 points"));
    assert_int_equal(info.n_outline, 0);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_scale),
        cmocka_unit_test(test_good_file),
        cmocka_unit_test(test_no_viewbox),
        cmocka_unit_test(test_bad_viewbox),
        cmocka_unit_test(test_viewbox_size),
        cmocka_unit_test(test_text_and_use),
        cmocka_unit_test(test_not_svg),
        cmocka_unit_test(test_malformed_root),
        cmocka_unit_test(test_truncated_and_random),
        cmocka_unit_test(test_outline),
        cmocka_unit_test(test_bad_outline),
        cmocka_unit_test(test_outline_truncated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
