/* Unit tests for svgview: the root element and its viewBox, <text> and
 * <use> anywhere, and robustness against anything that is not SVG. */
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
        diag_free(d);
        free(copy);
    }
    unsigned seed = 7;
    static const char *pieces[] = {"<",    ">",   "<svg",  " viewBox='", "'",  "\"", "0 0 1 1",
                                   "<!--", "-->", "<text", "<use",       "/>", "\n", "<!",
                                   "[",    "]",   "<?",    "?>",         "=",  ","};
    for (int round = 0; round < 20000; round++) {
        char buf[400];
        size_t len = 0;
        int k = (int)(seed % 40);
        for (int i = 0; i < k; i++) {
            seed = seed * 1103515245u + 12345u;
            if (round % 3 == 0) {
                buf[len++] = (char)(seed >> 16);
            } else {
                const char *p = pieces[(seed >> 16) % 20];
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
        diag_free(d);
        free(copy);
    }
    assert_int_equal(svgview_inspect_buffer("n.svg", NULL, 10, &info, NULL), -1);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
