/* Unit tests for diag: recording, counting, sorting, formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

static const char *fmt(const Diag *d, int i)
{
    static char buf[512];
    return diag_format(diag_item(d, i), buf, sizeof buf);
}

static void test_empty(void **state)
{
    (void)state;
    Diag *d = diag_create();
    assert_non_null(d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(diag_error_count(d), 0);
    assert_null(diag_item(d, 0));
    assert_null(diag_item(d, -1));
    diag_sort(d);
    diag_free(d);
    diag_free(NULL);
    assert_int_equal(diag_count(NULL), 0);
    assert_int_equal(diag_error_count(NULL), 0);
}

static void test_record_and_count(void **state)
{
    (void)state;
    Diag *d = diag_create();
    diag_error(d, "a.ini", 3, "bad %s %d", "value", 7);
    diag_warning(d, "a.ini", 4, "odd");
    diag_error(d, NULL, 0, "no path");
    assert_int_equal(diag_count(d), 3);
    assert_int_equal(diag_error_count(d), 2);
    const DiagItem *it = diag_item(d, 0);
    assert_int_equal(it->level, DIAG_ERROR);
    assert_string_equal(it->path, "a.ini");
    assert_int_equal(it->line, 3);
    assert_string_equal(it->message, "bad value 7");
    assert_string_equal(diag_item(d, 2)->path, "");
    diag_free(d);
}

static void test_format(void **state)
{
    (void)state;
    Diag *d = diag_create();
    diag_error(d, "x/y.ini", 12, "missing key 'radius' in [tp.a]");
    diag_warning(d, "x/y.ini", 0, "whole file");
    diag_error(d, "", 5, "no path but a line");
    diag_warning(d, "", 0, "nothing");
    diag_error(d, "p", -4, "negative line is 0");
    assert_string_equal(fmt(d, 0), "x/y.ini:12: error: missing key 'radius' in [tp.a]");
    assert_string_equal(fmt(d, 1), "x/y.ini: warning: whole file");
    assert_string_equal(fmt(d, 2), "error: no path but a line");
    assert_string_equal(fmt(d, 3), "warning: nothing");
    assert_string_equal(fmt(d, 4), "p: error: negative line is 0");

    char small[8];
    diag_format(diag_item(d, 0), small, sizeof small);
    assert_string_equal(small, "x/y.ini");
    diag_format(NULL, small, sizeof small);
    assert_string_equal(small, "");
    diag_free(d);
}

static void test_sort_is_stable(void **state)
{
    (void)state;
    Diag *d = diag_create();
    diag_error(d, "b.ini", 2, "b2");
    diag_error(d, "a.ini", 9, "a9 first");
    diag_warning(d, "a.ini", 0, "a0");
    diag_error(d, "a.ini", 9, "a9 second");
    diag_error(d, "a.ini", 10, "a10");
    diag_error(d, "b.ini", 1, "b1");
    diag_error(d, "a.ini", 9, "a9 third");
    diag_sort(d);
    const char *want[] = {"a0", "a9 first", "a9 second", "a9 third", "a10", "b1", "b2"};
    assert_int_equal(diag_count(d), 7);
    for (int i = 0; i < 7; i++)
        assert_string_equal(diag_item(d, i)->message, want[i]);
    diag_free(d);
}

static void test_sort_many(void **state)
{
    (void)state;
    Diag *d = diag_create();
    for (int i = 0; i < 1000; i++)
        diag_error(d, i % 2 ? "odd" : "even", (i * 37) % 101, "%d", i);
    diag_sort(d);
    for (int i = 1; i < diag_count(d); i++) {
        const DiagItem *a = diag_item(d, i - 1), *b = diag_item(d, i);
        int c = strcmp(a->path, b->path);
        assert_true(c < 0 || (c == 0 && a->line <= b->line));
        if (c == 0 && a->line == b->line)
            assert_true(atoi(a->message) < atoi(b->message));
    }
    diag_free(d);
}

static void test_append_moves(void **state)
{
    (void)state;
    Diag *a = diag_create(), *b = diag_create();
    diag_error(a, "a", 1, "one");
    diag_warning(b, "b", 2, "two");
    diag_error(b, "b", 3, "three");
    diag_append(a, b);
    assert_int_equal(diag_count(a), 3);
    assert_int_equal(diag_error_count(a), 2);
    assert_int_equal(diag_count(b), 0);
    assert_string_equal(diag_item(a, 2)->message, "three");
    diag_append(a, a); /* no effect */
    diag_append(a, NULL);
    assert_int_equal(diag_count(a), 3);
    diag_error(b, "b", 4, "four"); /* b is still usable */
    assert_int_equal(diag_count(b), 1);
    diag_free(a);
    diag_free(b);
}

static void test_print(void **state)
{
    (void)state;
    Diag *d = diag_create();
    diag_error(d, "c.ini", 7, "bad");
    diag_warning(d, "c.ini", 0, "hmm");
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    diag_print(d, f);
    fclose(f);
    assert_string_equal(text, "c.ini:7: error: bad\nc.ini: warning: hmm\n");
    free(text);
    diag_free(d);
}

static void test_long_message(void **state)
{
    (void)state;
    Diag *d = diag_create();
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    diag_error(d, "p", 1, "%s", big);
    assert_int_equal((int)strlen(diag_item(d, 0)->message), 4999);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),     cmocka_unit_test(test_record_and_count),
        cmocka_unit_test(test_format),    cmocka_unit_test(test_sort_is_stable),
        cmocka_unit_test(test_sort_many), cmocka_unit_test(test_append_moves),
        cmocka_unit_test(test_print),     cmocka_unit_test(test_long_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
