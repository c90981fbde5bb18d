/* Unit tests for src/core/text.c: numbers read and written without the
 * locale, path joining, the growing buffer, formatted strings and the
 * versioned tab-separated reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static void test_parse_int64(void **state)
{
    (void)state;
    int64_t v = -1;
    assert_true(text_parse_int64("0", 18, &v));
    assert_true(v == 0);
    assert_true(text_parse_int64("999999999999999999", 18, &v));
    assert_true(v == INT64_C(999999999999999999));
    assert_false(text_parse_int64("1000000000000000000", 18, &v)); /* 19 digits */
    assert_false(text_parse_int64("1234", 3, &v));
    assert_true(text_parse_int64("123", 3, &v));
    assert_true(v == 123);
    assert_false(text_parse_int64("", 18, &v));
    assert_false(text_parse_int64("-1", 18, &v));
    assert_false(text_parse_int64("+1", 18, &v));
    assert_false(text_parse_int64(" 1", 18, &v));
    assert_false(text_parse_int64("1 ", 18, &v));
    assert_false(text_parse_int64("1x", 18, &v));
    assert_true(v == 123); /* untouched on failure */
}

static void test_parse_uint64(void **state)
{
    (void)state;
    uint64_t v = 0;
    assert_true(text_parse_uint64("18446744073709551615", &v));
    assert_true(v == UINT64_MAX);
    assert_false(text_parse_uint64("18446744073709551616", &v));
    assert_false(text_parse_uint64("99999999999999999999", &v));
    assert_false(text_parse_uint64("", &v));
    assert_false(text_parse_uint64("1.0", &v));
    assert_true(text_parse_uint64("00042", &v));
    assert_true(v == 42);
}

static void test_parse_decimal(void **state)
{
    (void)state;
    double v = 0;
    assert_true(text_parse_decimal("-12.5", 9, 6, &v));
    assert_true(v == -12.5);
    assert_true(text_parse_decimal("0.1", 9, 6, &v));
    assert_true(v == 0.1); /* correctly rounded, as the compiler reads it */
    assert_true(text_parse_decimal("123456789.123456", 9, 6, &v));
    assert_true(v == 123456789.123456);
    assert_false(text_parse_decimal("1234567890", 9, 6, &v));
    assert_true(text_parse_decimal("123456789012", 12, 6, &v));
    assert_false(text_parse_decimal("1.1234567", 9, 6, &v));
    assert_false(text_parse_decimal("1.123", 9, 2, &v));
    assert_false(text_parse_decimal("1.", 9, 6, &v));
    assert_false(text_parse_decimal(".5", 9, 6, &v));
    assert_false(text_parse_decimal("1,5", 9, 6, &v));
    assert_false(text_parse_decimal("1e3", 9, 6, &v));
    assert_false(text_parse_decimal("-", 9, 6, &v));
    assert_false(text_parse_decimal("", 9, 6, &v));
}

static void test_format_fixed(void **state)
{
    (void)state;
    char s[32];
    text_format_fixed(s, sizeof s, 0.825, 4);
    assert_string_equal(s, "0.8250");
    text_format_fixed(s, sizeof s, -3.5, 3);
    assert_string_equal(s, "-3.500");
    text_format_fixed(s, sizeof s, -0.0000001, 3);
    assert_string_equal(s, "0.000");
    text_format_fixed(s, sizeof s, 123.4567896, 6);
    assert_string_equal(s, "123.456790");
    text_format_fixed(s, sizeof s, NAN, 2);
    assert_string_equal(s, "0.00");
    text_format_fixed(s, sizeof s, 1e300, 1);
    assert_string_equal(s, "1000000000000.0");
    text_format_fixed(s, sizeof s, 7.6, 0);
    assert_string_equal(s, "8");
    /* What is written reads back. */
    double v;
    text_format_fixed(s, sizeof s, -417.123456, 6);
    assert_true(text_parse_decimal(s, 9, 6, &v));
    assert_true(v == -417.123456);
}

/* A locale with a decimal comma changes neither reading nor writing. */
static void test_numbers_ignore_the_locale(void **state)
{
    (void)state;
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "C.UTF-8", NULL};
    for (int i = 0; names[i] && !setlocale(LC_ALL, names[i]); i++)
        ;
    char s[32];
    text_format_fixed(s, sizeof s, 2.25, 2);
    assert_string_equal(s, "2.25");
    double v;
    assert_true(text_parse_decimal("2.25", 9, 6, &v));
    assert_true(v == 2.25);
    setlocale(LC_ALL, "C");
}

static void test_concat(void **state)
{
    (void)state;
    char *s = text_concat((const char *[]){"upper_trapezius", "/tp.", "tp1", "/", "locate"}, 5);
    assert_string_equal(s, "upper_trapezius/tp.tp1/locate");
    free(s);
    s = text_concat((const char *[]){NULL, "/question.", ""}, 3); /* NULL reads as empty */
    assert_string_equal(s, "/question.");
    free(s);
    s = text_concat(NULL, 0);
    assert_string_equal(s, "");
    free(s);
    assert_null(text_concat((const char *[]){"a", "b", "c", "d", "e", "f", "g", "h", "i"}, 9));
}

static void test_path_join(void **state)
{
    (void)state;
    const char *cases[][3] = {
        {"courses", "demo", "courses/demo"}, {"courses/", "demo", "courses/demo"},
        {"courses//", "demo", "courses/demo"}, {"/", "etc", "/etc"},
        {"", "demo", "demo"},                 {"a/b", "c.ini", "a/b/c.ini"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *p = text_path_join(cases[i][0], cases[i][1]);
        assert_non_null(p);
        assert_string_equal(p, cases[i][2]);
        free(p);
    }
}

static void test_buf(void **state)
{
    (void)state;
    TextBuf b = {0};
    text_buf_str(&b, "");
    assert_non_null(b.s);
    assert_string_equal(b.s, "");
    for (int i = 0; i < 1000; i++)
        text_buf_add(&b, "abcdef", 3);
    assert_int_equal(b.n, 3000);
    assert_int_equal(strlen(b.s), 3000);
    assert_memory_equal(b.s + 2997, "abc", 4);
    assert_false(b.failed);
    text_buf_free(&b);
    assert_null(b.s);
    assert_int_equal(b.n, 0);
}

static void test_format(void **state)
{
    (void)state;
    char *s = text_format("%s/%d", "tp", 42);
    assert_string_equal(s, "tp/42");
    free(s);
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    s = text_format("<%s>", big);
    assert_int_equal(strlen(s), sizeof big + 1);
    free(s);
}

typedef struct {
    int n;
    char rows[8][64];
} Rows;

static void on_row(void *user, char **f, const char *path, int line, Diag *d)
{
    (void)path;
    (void)d;
    Rows *r = user;
    if (r->n < 8)
        snprintf(r->rows[r->n++], sizeof r->rows[0], "%d:%s|%s|%s", line, f[0], f[1], f[2]);
}

static Rows parse(const char *text, Diag *d)
{
    Rows r = {0};
    char *buf = strdup(text);
    assert_non_null(buf);
    text_tsv_parse(buf, strlen(text), "tpquiz-test 3", "test file", 3, on_row, &r, "t.tsv", d);
    free(buf);
    return r;
}

static void test_tsv(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Rows r = parse("tpquiz-test 3\r\na\tb\tc\r\n\n  \t \nd\te\n\tx\t\nNUL\n", d);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.rows[0], "2:a|b|c");
    assert_string_equal(r.rows[1], "6:|x|");
    assert_int_equal(diag_count(d), 2);
    assert_string_equal(diag_item(d, 0)->message, "expected 3 tab-separated fields, found 2");
    assert_int_equal(diag_item(d, 0)->line, 5);
    assert_int_equal(diag_item(d, 1)->line, 7);
    diag_free(d);

    /* Another version ends the reading; no header is reported and that
     * line is skipped. */
    d = diag_create();
    r = parse("tpquiz-test 4\na\tb\tc\n", d);
    assert_int_equal(r.n, 0);
    assert_int_equal(diag_count(d), 1);
    assert_string_equal(diag_item(d, 0)->message, "unsupported test file version '4' (this program reads 3)");
    diag_free(d);
    d = diag_create();
    r = parse("a\tb\tc\nd\te\tf", d);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.rows[0], "2:d|e|f");
    assert_string_equal(diag_item(d, 0)->message, "missing header 'tpquiz-test 3'");
    diag_free(d);

    /* A NUL byte inside a line. */
    d = diag_create();
    char text[] = "tpquiz-test 3\na\tb\0\tc\nx\ty\tz\n";
    Rows q = {0};
    text_tsv_parse(text, sizeof text - 1, "tpquiz-test 3", "test file", 3, on_row, &q, "t.tsv", d);
    assert_int_equal(q.n, 1);
    assert_string_equal(q.rows[0], "3:x|y|z");
    assert_string_equal(diag_item(d, 0)->message, "line contains a NUL byte");
    diag_free(d);
}

static void test_contains_ci(void **state)
{
    (void)state;
    assert_true(text_contains_ci("Upper trapezius", "TRAP"));
    assert_true(text_contains_ci("Upper trapezius", "upper t"));
    assert_true(text_contains_ci("Upper trapezius", ""));
    assert_true(text_contains_ci("", ""));
    assert_false(text_contains_ci("Upper trapezius", "trapezii"));
    assert_false(text_contains_ci("", "a"));
    assert_false(text_contains_ci(NULL, ""));
}

static void test_trim(void **state)
{
    (void)state;
    char a[] = " \t id: why \t", b[] = "", c[] = "   ", d[] = "x";
    assert_string_equal(text_trim(a), "id: why");
    assert_string_equal(text_trim(b), "");
    assert_string_equal(text_trim(c), "");
    assert_string_equal(text_trim(d), "x");
    char e[] = "a\nb ";
    assert_string_equal(text_trim(e), "a\nb"); /* only spaces and tabs */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_int64), cmocka_unit_test(test_contains_ci),  cmocka_unit_test(test_parse_uint64),
        cmocka_unit_test(test_parse_decimal), cmocka_unit_test(test_format_fixed),
        cmocka_unit_test(test_numbers_ignore_the_locale), cmocka_unit_test(test_path_join), cmocka_unit_test(test_concat),
        cmocka_unit_test(test_buf),          cmocka_unit_test(test_format),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_trim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
