/* Unit tests for inifile: line numbers, continuation lines, the traps of
 * Debian's inih (long lines, inline comments), BOM, CRLF, and the value
 * parsers. Each test parses a text and compares a log of every callback
 * and every diagnostic with the expected one. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "datafile.h"
#include "inifile.h"
#include "support.h"

typedef struct {
    char log[8192];
    size_t n;
    int stop_at_line; /* the entry handler asks to stop on this line */
} Log;

static void logf_(Log *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(Log *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(l->log + l->n, sizeof l->log - l->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        l->n += (size_t)k;
    if (l->n >= sizeof l->log)
        l->n = sizeof l->log - 1;
}

static int on_entry(void *user, const IniEntry *e, Diag *d)
{
    (void)d;
    Log *l = user;
    logf_(l, "%d%s [%s] %s=%s\n", e->line, e->continuation ? "+" : "", e->section, e->key, e->value);
    return e->line == l->stop_at_line;
}

static void on_section(void *user, const char *section, int line, Diag *d)
{
    (void)d;
    logf_(user, "%d [%s]\n", line, section);
}

/* Parses text (len bytes, or strlen if len is -1); returns the log of
 * entries followed by the diagnostics, one line each. */
static const char *parse_n(const char *text, long len, int stop_at_line, int *errors)
{
    static Log l;
    memset(&l, 0, sizeof l);
    l.stop_at_line = stop_at_line;
    Diag *d = diag_create();
    IniCallbacks cb = {.on_entry = on_entry, .on_section = on_section, .user = &l};
    size_t n = len < 0 ? strlen(text) : (size_t)len;
    int e = inifile_parse_buffer("t.ini", text, n, &cb, d);
    if (errors)
        *errors = e;
    assert_int_equal(e, diag_error_count(d));
    for (int i = 0; i < diag_count(d); i++) {
        char buf[512];
        logf_(&l, "%s\n", diag_format(diag_item(d, i), buf, sizeof buf));
    }
    diag_free(d);
    return l.log;
}

static const char *parse(const char *text)
{
    return parse_n(text, -1, 0, NULL);
}

static void test_basic(void **state)
{
    (void)state;
    assert_string_equal(parse("top = 1\n"
                              "[a]\n"
                              "x = 1\n"
                              "  \n"
                              "; comment\n"
                              "# comment\n"
                              "y=two words \n"
                              "z : colon\n"
                              "[b.c]\n"
                              "empty =\n"),
                        "1 [] top=1\n"
                        "2 [a]\n"
                        "3 [a] x=1\n"
                        "7 [a] y=two words\n"
                        "9 [b.c]\n"
                        "10 [b.c] empty=\n"
                        "t.ini:8: error: write 'key = value': ':' does not separate a key from its value\n");
}

static void test_empty_input(void **state)
{
    (void)state;
    int errors = -1;
    assert_string_equal(parse_n("", 0, 0, &errors), "");
    assert_int_equal(errors, 0);
    assert_string_equal(parse_n(NULL, 5, 0, &errors), "");
    assert_string_equal(parse("\n\n\n"), "");
    assert_string_equal(parse("; only a comment"), "");
}

static void test_continuation(void **state)
{
    (void)state;
    assert_string_equal(parse("[s]\n"
                              "text = first\n"
                              "  second\n"
                              "\n"
                              "\tthird after a blank line\n"
                              "; a comment\n"
                              "  fourth after a comment\n"
                              "  ; an indented comment\n"
                              "other = x\n"
                              "  [not a section] \n"),
                        "1 [s]\n"
                        "2 [s] text=first\n"
                        "3+ [s] text=second\n"
                        "5+ [s] text=third after a blank line\n"
                        "7+ [s] text=fourth after a comment\n"
                        "9 [s] other=x\n"
                        "10+ [s] other=[not a section]\n");
}

static void test_indented_line_without_key(void **state)
{
    (void)state;
    /* Right after a section header there is no value to continue. */
    assert_string_equal(parse("[s]\n"
                              "  orphan\n"
                              "  k = v\n"),
                        "1 [s]\n"
                        "3 [s] k=v\n"
                        "t.ini:2: error: expected 'key = value', a [section] or an indented "
                        "continuation line\n");
}

static void test_every_bad_line_reported(void **state)
{
    (void)state;
    int errors = 0;
    const char *log = parse_n("[s]\n"
                              "a = 1\n"
                              "no equals here\n"
                              "b = 2\n"
                              "neither here\n"
                              "  continues b\n",
                              -1, 0, &errors);
    assert_int_equal(errors, 2);
    assert_string_equal(log, "1 [s]\n"
                             "2 [s] a=1\n"
                             "4 [s] b=2\n"
                             "6+ [s] b=continues b\n"
                             "t.ini:3: error: expected 'key = value', a [section] or an indented "
                             "continuation line\n"
                             "t.ini:5: error: expected 'key = value', a [section] or an indented "
                             "continuation line\n");
}

static void test_unclosed_section(void **state)
{
    (void)state;
    /* Keys after a broken header are skipped, not filed under [a]. */
    assert_string_equal(parse("[a]\n"
                              "x = 1\n"
                              "[b\n"
                              "y = 2\n"
                              "  more\n"
                              "[c]\n"
                              "z = 3\n"),
                        "1 [a]\n"
                        "2 [a] x=1\n"
                        "6 [c]\n"
                        "7 [c] z=3\n"
                        "t.ini:3: error: section header has no closing ']'\n");
    assert_string_equal(parse("[a ;b]\nk = v\n"), "t.ini:1: error: section header has no closing ']'\n");
}

static void test_empty_key(void **state)
{
    (void)state;
    assert_string_equal(parse("[s]\n= value\n  not a continuation\n"),
                        "1 [s]\n"
                        "t.ini:2: error: no key name before '='\n"
                        "t.ini:3: error: expected 'key = value', a [section] or an indented "
                        "continuation line\n");
}

static char *repeat(char c, size_t n)
{
    char *s = malloc(n + 1);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

static void test_long_lines(void **state)
{
    (void)state;
    char text[2048];
    /* "k = " + 194 = 198 characters: fits. */
    char *v194 = repeat('v', 194), *v195 = repeat('v', 195), *v300 = repeat('v', 300);
    snprintf(text, sizeof text, "[s]\nk = %s\nnext = 1\n", v194);
    char want[2048];
    snprintf(want, sizeof want, "1 [s]\n2 [s] k=%s\n3 [s] next=1\n", v194);
    assert_string_equal(parse(text), want);

    /* 199 characters: an error, the line is skipped, numbering stays right. */
    snprintf(text, sizeof text, "[s]\nk = %s\nnext = 1\n", v195);
    assert_string_equal(parse(text), "1 [s]\n"
                                     "3 [s] next=1\n"
                                     "t.ini:2: error: line is 199 characters long; at most 198 fit "
                                     "(use continuation lines)\n");

    /* A long continuation line, then the value goes on. */
    snprintf(text, sizeof text, "[s]\nk = a\n  %s\n  b\nz = 2", v300);
    assert_string_equal(parse(text), "1 [s]\n"
                                     "2 [s] k=a\n"
                                     "4+ [s] k=b\n"
                                     "5 [s] z=2\n"
                                     "t.ini:3: error: line is 302 characters long; at most 198 fit "
                                     "(use continuation lines)\n");

    /* 198 characters with CRLF still fits: the CR is not counted. */
    snprintf(text, sizeof text, "[s]\r\nk = %s\r\nnext = 1\r\n", v194);
    snprintf(want, sizeof want, "1 [s]\n2 [s] k=%s\n3 [s] next=1\n", v194);
    assert_string_equal(parse(text), want);

    /* A long comment is an error too: inih would read its tail as a line. */
    snprintf(text, sizeof text, "; %s\n[s]\n", v300);
    assert_string_equal(parse(text), "2 [s]\n"
                                     "t.ini:1: error: line is 302 characters long; at most 198 fit "
                                     "(use continuation lines)\n");
    /* Non-ASCII text: the limit is in bytes, and the message says so. */
    char accents[512] = "[s]\nk = ";
    for (int i = 0; i < 100; i++)
        strcat(accents, "\xC3\xA9"); /* é */
    strcat(accents, "\n");
    assert_string_equal(parse(accents), "1 [s]\n"
                                        "t.ini:2: error: line is 204 bytes long (UTF-8); at most 198 "
                                        "fit (use continuation lines)\n");
    free(v194);
    free(v195);
    free(v300);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    assert_string_equal(parse("\xEF\xBB\xBF[s]\r\n"
                              "a = 1\r\n"
                              "  more\r\n"
                              "\r\n"
                              "b = 2"),
                        "1 [s]\n"
                        "2 [s] a=1\n"
                        "3+ [s] a=more\n"
                        "5 [s] b=2\n");
    /* A BOM alone, and a BOM before an indented line. */
    assert_string_equal(parse("\xEF\xBB\xBF"), "");
    assert_string_equal(parse("\xEF\xBB\xBFk = v\n"), "1 [] k=v\n");
}

static void test_inline_comments(void **state)
{
    (void)state;
    assert_string_equal(parse("[s]\n"
                              "a = pain; worse at night\n"
                              "b = pain ; worse at night\n"
                              "  kept ; in a continuation\n"
                              "c = x\t;tab\n"
                              "d =;x\n"),
                        "1 [s]\n"
                        "2 [s] a=pain; worse at night\n"
                        "3 [s] b=pain\n"
                        "4+ [s] b=kept ; in a continuation\n"
                        "5 [s] c=x\n"
                        "6 [s] d=;x\n"
                        "t.ini:3: warning: ';' after a space starts a comment: the rest of the "
                        "line is dropped (write ',' or '-' instead)\n"
                        "t.ini:5: warning: ';' after a space starts a comment: the rest of the "
                        "line is dropped (write ',' or '-' instead)\n");
}

static void test_nul_byte(void **state)
{
    (void)state;
    const char text[] = "[s]\na = x\0y\nb = 2\n";
    assert_string_equal(parse_n(text, (long)sizeof text - 1, 0, NULL),
                        "1 [s]\n"
                        "3 [s] b=2\n"
                        "t.ini:2: error: line holds a NUL byte\n");
}

static void test_not_nul_terminated(void **state)
{
    (void)state;
    /* Only the first len bytes count. */
    assert_string_equal(parse_n("[s]\nk = abcdef", 10, 0, NULL), "1 [s]\n2 [s] k=ab\n");
}

static void test_long_section_name(void **state)
{
    (void)state;
    /* inih keeps 49 characters of a section name; the entries get it whole. */
    char *name = repeat('n', 80);
    char text[256], want[512];
    snprintf(text, sizeof text, "[question.%s]\nk = v\n", name);
    snprintf(want, sizeof want, "1 [question.%s]\n2 [question.%s] k=v\n", name, name);
    assert_string_equal(parse(text), want);
    free(name);
}

static void test_handler_stops(void **state)
{
    (void)state;
    assert_string_equal(parse_n("[s]\na = 1\nb = 2\nc = 3\n", -1, 3, NULL), "1 [s]\n2 [s] a=1\n3 [s] b=2\n");
}

static void test_parse_file(void **state)
{
    (void)state;
    const char *dir = tmp_create("tpquiz-inifile");
    assert_non_null(dir);
    char path[256];
    snprintf(path, sizeof path, "%s/x.ini", dir);
    write_text(path, "[s]\nk = v\n");

    Log l = {.n = 0};
    IniCallbacks cb = {.on_entry = on_entry, .user = &l};
    Diag *d = diag_create();
    assert_int_equal(inifile_parse_file(path, &cb, d), 0);
    assert_string_equal(l.log, "2 [s] k=v\n");

    size_t len = 0;
    char *all = datafile_read_capped(path, DATAFILE_COURSE, &len, NULL);
    assert_int_equal(len, 10);
    assert_string_equal(all, "[s]\nk = v\n");
    free(all);

    assert_null(datafile_read_capped(dir, DATAFILE_COURSE, &len, NULL));
    assert_int_equal(errno, EISDIR);
    assert_int_equal(inifile_parse_file(dir, &cb, d), 1);

    char missing[256];
    snprintf(missing, sizeof missing, "%s/missing.ini", dir);
    assert_int_equal(inifile_parse_file(missing, &cb, d), 1);
    char buf[512], want[512];
    assert_int_equal(diag_count(d), 2);
    snprintf(want, sizeof want, "%s: error: cannot read: it is a directory, not a file", dir);
    assert_string_equal(diag_format(diag_item(d, 0), buf, sizeof buf), want);
    snprintf(want, sizeof want, "%s: error: cannot read: No such file or directory", missing);
    assert_string_equal(diag_format(diag_item(d, 1), buf, sizeof buf), want);
    diag_free(d);

    tmp_remove();
}

static void test_parse_long(void **state)
{
    (void)state;
    long v = 0;
    assert_true(inifile_parse_long("42", &v));
    assert_int_equal(v, 42);
    assert_true(inifile_parse_long("  -7  ", &v));
    assert_int_equal(v, -7);
    assert_true(inifile_parse_long("+3", &v));
    assert_int_equal(v, 3);
    v = 99;
    assert_false(inifile_parse_long("", &v));
    assert_false(inifile_parse_long("12px", &v));
    assert_false(inifile_parse_long("1.5", &v));
    assert_false(inifile_parse_long("0x10", &v));
    assert_false(inifile_parse_long("- 1", &v));
    assert_false(inifile_parse_long("99999999999999999999999", &v));
    assert_false(inifile_parse_long(NULL, &v));
    assert_int_equal(v, 99);
}

static void test_parse_double(void **state)
{
    (void)state;
    double v = 0;
    assert_true(inifile_parse_double("212.5", &v));
    assert_true(v == 212.5);
    assert_true(inifile_parse_double(" -.5 ", &v));
    assert_true(v == -0.5);
    assert_true(inifile_parse_double("3.", &v));
    assert_true(v == 3.0);
    assert_true(inifile_parse_double("1e3", &v));
    assert_true(v == 1000.0);
    v = 7;
    const char *bad[] = {"",    ".",  "-",     "abc", "1,5",   "0x1p3", "inf",
                         "nan", "1e", "1e400", "2 3", "1.2.3", "e5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(inifile_parse_double(bad[i], &v));
    assert_true(v == 7);
}

static void test_parse_bool(void **state)
{
    (void)state;
    bool v = false;
    const char *yes[] = {"yes", "YES", "true", "True", "1", " yes "};
    const char *no[] = {"no", "No", "false", "FALSE", "0"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        v = false;
        assert_true(inifile_parse_bool(yes[i], &v));
        assert_true(v);
    }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        v = true;
        assert_true(inifile_parse_bool(no[i], &v));
        assert_false(v);
    }
    assert_false(inifile_parse_bool("maybe", &v));
    assert_false(inifile_parse_bool("", &v));
    assert_false(inifile_parse_bool("yess", &v));
    assert_false(inifile_parse_bool("y", &v));
}

static void test_nearest(void **state)
{
    (void)state;
    const char *names[] = {"radius", "view", "at", "label", NULL};
    assert_string_equal(inifile_nearest("raduis", names, 2), "radius");
    assert_string_equal(inifile_nearest("veiw", names, 2), "view");
    assert_null(inifile_nearest("radius", names, 2)); /* equal is no hint */
    assert_null(inifile_nearest("completely_else", names, 2));
    assert_null(inifile_nearest(NULL, names, 2));
    assert_null(inifile_nearest("x", NULL, 2));
}

/* Random bytes and random mixes of INI pieces never crash and always
 * report line numbers inside the text. */
static int count_entry(void *user, const IniEntry *e, Diag *d)
{
    (void)d;
    int *max_line = user;
    assert_true(e->line >= 1 && e->line <= *max_line);
    assert_non_null(e->key);
    assert_non_null(e->value);
    assert_non_null(e->section);
    return 0;
}

static void test_garbage(void **state)
{
    (void)state;
    static const char *pieces[] = {
        "[",  "]",   "=",  ":",   ";", "#", " ", "\t", "\n", "\r\n", "key", "sec", "\xEF\xBB\xBF",
        "\0", "x y", "  ", "\n  "};
    static const size_t sizes[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 1, 3, 2, 3};
    unsigned seed = 12345;
    char buf[600];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        int k = (int)(seed % 60);
        for (int i = 0; i < k; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned p = (seed >> 16) % 17;
            if (round % 5 == 0) { /* raw bytes */
                buf[n++] = (char)(seed >> 8);
            } else if (n + sizes[p] < sizeof buf) {
                memcpy(buf + n, pieces[p], sizes[p]);
                n += sizes[p];
            }
            if (round % 7 == 0 && n + 250 < sizeof buf) { /* long runs */
                memset(buf + n, 'a', 230);
                n += 230;
            }
        }
        int lines = 1;
        for (size_t i = 0; i < n; i++)
            lines += buf[i] == '\n';
        Diag *d = diag_create();
        IniCallbacks cb = {.on_entry = count_entry, .user = &lines};
        inifile_parse_buffer("g.ini", buf, n, &cb, d);
        for (int i = 0; i < diag_count(d); i++)
            assert_true(diag_item(d, i)->line >= 0 && diag_item(d, i)->line <= lines);
        diag_free(d);
        seed = seed * 1103515245u + 12345u;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_continuation),
        cmocka_unit_test(test_indented_line_without_key),
        cmocka_unit_test(test_every_bad_line_reported),
        cmocka_unit_test(test_unclosed_section),
        cmocka_unit_test(test_empty_key),
        cmocka_unit_test(test_long_lines),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_inline_comments),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_not_nul_terminated),
        cmocka_unit_test(test_long_section_name),
        cmocka_unit_test(test_handler_stops),
        cmocka_unit_test(test_parse_file),
        cmocka_unit_test(test_parse_long),
        cmocka_unit_test(test_parse_double),
        cmocka_unit_test(test_parse_bool),
        cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
