/* Unit tests for src/core/settings.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings.h"
#include "support.h"

static int setup(void **state) { return tmp_state_setup(state, "tpquiz-test-settings", "settings"); }


static void test_missing_file_gives_defaults(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Settings s = {130, true, true};
    assert_int_equal(settings_load(t->file, &s, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(s.text_size, 100);
    assert_false(s.fullscreen);
    assert_false(s.reduce_motion);
    diag_free(d);
}

static void test_save_and_load_round_trip(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Settings want = {115, true, true}, got;
    assert_int_equal(settings_save(t->file, &want, d), 0);
    assert_int_equal(settings_load(t->file, &got, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(got.text_size, 115);
    assert_true(got.fullscreen);
    assert_true(got.reduce_motion);
    struct stat st;
    assert_int_equal(stat(t->file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    diag_free(d);
}

/* Every bad line is named and skipped; the good ones still count. */
static void test_bad_lines_keep_defaults(void **state)
{
    Tmp *t = *state;
    write_text(t->file, "# comment\n"
                        "text_size = 120\n"
                        "fullscreen = maybe\n"
                        "volume = 11\n"
                        "no equals sign here\n"
                        "reduce_motion = yes\n"
                        "text_size = 99999999999999999999\n"
                        "text_size =\n");
    Diag *d = diag_create();
    Settings s;
    assert_int_equal(settings_load(t->file, &s, d), 6);
    assert_diag_error(d, 0, t->file, 2, "text_size must be 90, 100, 115 or 130, not '120'");
    assert_diag_error(d, 1, t->file, 3, "fullscreen must be yes or no, not 'maybe'");
    assert_diag_error(d, 2, t->file, 4, "unknown setting 'volume' (known: text_size, fullscreen, reduce_motion)");
    assert_diag_error(d, 3, t->file, 5, "expected 'name = value'");
    assert_diag_error(d, 4, t->file, 7, "text_size must be 90, 100, 115 or 130, not '99999999999999999999'");
    assert_diag_error(d, 5, t->file, 8, "text_size must be 90, 100, 115 or 130, not ''");
    assert_int_equal(s.text_size, 100);
    assert_false(s.fullscreen);
    assert_true(s.reduce_motion);
    diag_free(d);
}

static void test_binary_and_long_lines(void **state)
{
    Tmp *t = *state;
    char buf[1200];
    memset(buf, 'x', sizeof buf);
    memcpy(buf, "text_size = 90\n", 15);
    buf[20] = '\0';
    buf[600] = '\n';
    buf[sizeof buf - 1] = '\n';
    write_bytes(t->file, buf, sizeof buf);
    Diag *d = diag_create();
    Settings s;
    assert_int_equal(settings_load(t->file, &s, d), 2);
    assert_diag_error(d, 0, t->file, 2, "the line holds a NUL byte");
    assert_diag_error(d, 1, t->file, 3, "the line is longer than 511 bytes");
    assert_int_equal(s.text_size, 90);
    diag_free(d);
}

/* A folder, a FIFO or a huge file where the settings belong: named, and
 * the defaults used. */
static void test_not_a_file(void **state)
{
    Tmp *t = *state;
    assert_int_equal(mkdir(t->file, 0700), 0);
    Diag *d = diag_create();
    Settings s = {130, true, true};
    assert_int_equal(settings_load(t->file, &s, d), 1);
    assert_int_equal(diag_error_count(d), 1);
    assert_non_null(strstr(diag_item(d, 0)->message, "directory"));
    assert_int_equal(s.text_size, 100);
    assert_false(s.fullscreen);
    rmdir(t->file);
    assert_int_equal(mkfifo(t->file, 0600), 0);
    Diag *d2 = diag_create();
    assert_int_equal(settings_load(t->file, &s, d2), 1);
    assert_non_null(strstr(diag_item(d2, 0)->message, "FIFO"));
    diag_free(d);
    diag_free(d2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_missing_file_gives_defaults, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_save_and_load_round_trip, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_bad_lines_keep_defaults, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_binary_and_long_lines, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_not_a_file, setup, tmp_state_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
