/* Unit tests for src/core/progress.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "support.h"

/* Each test gets a fresh temporary folder (state, a Tmp), removed afterwards. */
static int setup(void **state)
{
    return tmp_state_setup(state, "tpquiz-test-progress", "progress.tsv");
}


static void test_missing_file_is_empty(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Progress *p = progress_load(t->file, d);
    assert_non_null(p);
    assert_int_equal(progress_count(p), 0);
    assert_null(progress_find(p, "iliopsoas"));
    assert_null(progress_entry(p, 0));
    assert_int_equal(diag_count(d), 0);
    progress_free(p);
    diag_free(d);
}

static void test_record(void **state)
{
    (void)state;
    Progress *p = progress_load("/nonexistent/progress.tsv", NULL);
    progress_record(p, "iliopsoas", 0.5, 100);
    progress_record(p, "piriformis", 0.9, 200);
    progress_record(p, "iliopsoas", 0.75, 300);
    progress_record(p, "iliopsoas", 0.25, 400);
    assert_int_equal(progress_count(p), 2);
    const ProgressEntry *e = progress_find(p, "iliopsoas");
    assert_non_null(e);
    assert_ptr_equal(e, progress_entry(p, 0));
    assert_string_equal(e->module_id, "iliopsoas");
    assert_int_equal(e->sessions, 3);
    assert_near(e->best, 0.75, 0);
    assert_near(e->last, 0.25, 0);
    assert_int_equal(e->last_time, 400);
    e = progress_find(p, "piriformis");
    assert_int_equal(e->sessions, 1);
    assert_near(e->best, 0.9, 0);
    assert_near(e->last, 0.9, 0);
    /* Scores are clamped to 0..1. */
    progress_record(p, "odd", 1.5, 1);
    assert_near(progress_find(p, "odd")->best, 1.0, 0);
    progress_record(p, "odd", -2, 2);
    assert_near(progress_find(p, "odd")->last, 0.0, 0);
    assert_near(progress_find(p, "odd")->best, 1.0, 0);
    progress_record(p, "odd", NAN, 3);
    assert_near(progress_find(p, "odd")->last, 0.0, 0);
    progress_free(p);
}

static void test_round_trip_and_file_text(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Progress *p = progress_load(t->file, d);
    progress_record(p, "iliopsoas", 0.5, 1700000000);
    progress_record(p, "iliopsoas", 5.0 / 6, 1700000500);
    progress_record(p, "quadratus_lumborum", 1.0, 1700000100);
    progress_record(p, "scalenes", 0.0, 0);
    progress_record(p, "iliopsoas", 0.123456, INT64_C(4102444800));
    assert_int_equal(progress_save(p, t->file, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_string_equal(read_file(t->file, NULL), "tpquiz-progress 1\n"
                                                  "iliopsoas\t3\t83.33\t12.35\t4102444800\n"
                                                  "quadratus_lumborum\t1\t100.00\t100.00\t1700000100\n"
                                                  "scalenes\t1\t0.00\t0.00\t0\n");

    Progress *q = progress_load(t->file, d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(progress_count(q), progress_count(p));
    for (int i = 0; i < progress_count(p); i++) {
        const ProgressEntry *a = progress_entry(p, i), *b = progress_entry(q, i);
        assert_string_equal(a->module_id, b->module_id);
        assert_int_equal(a->sessions, b->sessions);
        assert_near(a->best, b->best, 0.00005);
        assert_near(a->last, b->last, 0.00005);
        assert_int_equal(a->last_time, b->last_time);
    }
    /* Loading and saving again changes nothing. */
    char first[4096];
    strcpy(first, read_file(t->file, NULL));
    assert_int_equal(progress_save(q, t->file, d), 0);
    assert_string_equal(read_file(t->file, NULL), first);
    progress_free(p);
    progress_free(q);
    diag_free(d);
}

static void test_save_is_atomic_and_leaves_no_temp_files(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    write_text(t->file, "tpquiz-progress 1\nold\t1\t10\t10\t5\n");
    Progress *p = progress_load(t->file, d);
    assert_int_equal(progress_count(p), 1);
    for (int i = 0; i < 5; i++) {
        progress_record(p, "iliopsoas", 0.1 * i, 10 + i);
        assert_int_equal(progress_save(p, t->file, d), 0);
        /* Only progress.tsv: no temporary file is left behind. */
        assert_int_equal(dir_entries(t->dir), 1);
    }
    assert_int_equal(diag_count(d), 0);
    Progress *q = progress_load(t->file, d);
    assert_int_equal(progress_count(q), 2);
    assert_int_equal(progress_find(q, "iliopsoas")->sessions, 5);
    assert_int_equal(progress_find(q, "old")->sessions, 1);
    progress_free(q);

    /* A relative path (no folder part) saves into the current folder. */
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(t->dir), 0);
    assert_int_equal(progress_save(p, "relative.tsv", d), 0);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(dir_entries(t->dir), 2);
    progress_free(p);
    diag_free(d);
}

static void test_save_failure_is_reported(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Progress *p = progress_load(t->file, d);
    progress_record(p, "iliopsoas", 0.5, 1);
    char bad[256];
    snprintf(bad, sizeof bad, "%s/no-such-folder/progress.tsv", t->dir);
    assert_int_equal(progress_save(p, bad, d), -1);
    assert_int_equal(diag_error_count(d), 1);
    const DiagItem *it = diag_item(d, 0);
    assert_string_equal(it->path, bad);
    assert_int_equal(it->line, 0);
    assert_non_null(strstr(it->message, "cannot save"));
    assert_int_equal(dir_entries(t->dir), 0);

    /* The target is a folder: rename fails, and the temp file is removed. */
    snprintf(bad, sizeof bad, "%s/taken", t->dir);
    assert_int_equal(mkdir(bad, 0700), 0);
    char inner[300];
    snprintf(inner, sizeof inner, "%s/x", bad);
    write_text(inner, "x"); /* a non-empty folder cannot be replaced */
    assert_int_equal(progress_save(p, bad, d), -1);
    assert_int_equal(diag_error_count(d), 2);
    assert_non_null(strstr(diag_item(d, 1)->message, "renaming"));
    assert_int_equal(dir_entries(t->dir), 1);
    remove(inner);
    progress_free(p);
    diag_free(d);
}

static void test_bad_lines_reported_and_skipped(void **state)
{
    Tmp *t = *state;
    write_text(t->file, "tpquiz-progress 1\n"                   /* 1 */
                        "iliopsoas\t3\t83.33\t50\t1700000000\n" /* 2 ok */
                        "too\tfew\tfields\n"                    /* 3 */
                        "Bad-Id\t1\t50\t50\t1\n"                /* 4 */
                        "scalenes\tx\t50\t50\t1\n"              /* 5 */
                        "scalenes\t1\t101\t50\t1\n"             /* 6 */
                        "scalenes\t1\t50\t5,5\t1\n"             /* 7 */
                        "scalenes\t1\t50\t50\t-1\n"             /* 8 */
                        "scalenes\t1\t40\t50\t1\n"              /* 9 */
                        "\n"                                    /* 10 blank: fine */
                        "iliopsoas\t1\t10\t10\t1\n"             /* 11 duplicate */
                        "scalenes\t2\t60.5\t.5\t12\n"           /* 12 */
                        "a\t1\t2\t3\t4\t5\n"                    /* 13 */
                        "piriformis\t1\t100\t100.0\t7\n");      /* 14 ok, no newline */
    Diag *d = diag_create();
    Progress *p = progress_load(t->file, d);
    assert_int_equal(progress_count(p), 2);
    const ProgressEntry *e = progress_find(p, "iliopsoas");
    assert_int_equal(e->sessions, 3);
    assert_near(e->best, 0.8333, 1e-12);
    assert_near(e->last, 0.5, 1e-12);
    assert_int_equal(e->last_time, 1700000000);
    e = progress_find(p, "piriformis");
    assert_non_null(e);
    assert_near(e->best, 1.0, 0);
    assert_null(progress_find(p, "scalenes"));

    const char *f = t->file;
    assert_int_equal(diag_count(d), 10);
    assert_int_equal(diag_error_count(d), 10);
    assert_diag_error(d, 0, f, 3, "expected 5 tab-separated fields, found 3");
    assert_diag_error(d, 1, f, 4, "bad module id 'Bad-Id' (expected [a-z0-9_])");
    assert_diag_error(d, 2, f, 5, "bad session count 'x'");
    assert_diag_error(d, 3, f, 6, "bad best percent '101' (expected a number 0..100)");
    assert_diag_error(d, 4, f, 7, "bad last percent '5,5' (expected a number 0..100)");
    assert_diag_error(d, 5, f, 8, "bad time '-1' (expected unix seconds)");
    assert_diag_error(d, 6, f, 9, "best percent 40 is below last percent 50");
    assert_diag_error(d, 7, f, 11, "module 'iliopsoas' appears twice; keeping the first");
    assert_diag_error(d, 8, f, 12, "bad last percent '.5' (expected a number 0..100)");
    assert_diag_error(d, 9, f, 13, "expected 5 tab-separated fields, found 6");
    char buf[512], want[512];
    diag_format(diag_item(d, 0), buf, sizeof buf);
    snprintf(want, sizeof want, "%s:3: error: expected 5 tab-separated fields, found 3", f);
    assert_string_equal(buf, want);
    progress_free(p);
    diag_free(d);
}

static void test_header_problems(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    /* Missing header: reported, and the line is skipped. */
    write_text(t->file, "iliopsoas\t1\t50\t50\t1\r\npiriformis\t2\t60\t40\t9\r\n");
    Progress *p = progress_load(t->file, d);
    assert_int_equal(diag_count(d), 1);
    assert_diag_error(d, 0, t->file, 1, "missing header 'tpquiz-progress 1'");
    assert_int_equal(progress_count(p), 1);
    /* CRLF line ends are accepted. */
    assert_int_equal(progress_find(p, "piriformis")->last_time, 9);
    progress_free(p);
    diag_free(d);

    /* A newer format is not guessed at. */
    d = diag_create();
    write_text(t->file, "tpquiz-progress 2\niliopsoas\t1\t50\t50\t1\n");
    p = progress_load(t->file, d);
    assert_int_equal(progress_count(p), 0);
    assert_int_equal(diag_count(d), 1);
    assert_diag_error(d, 0, t->file, 1, "unsupported progress file version '2' (this program reads 1)");
    progress_free(p);
    diag_free(d);

    /* An empty file is an empty history. */
    d = diag_create();
    write_text(t->file, "");
    p = progress_load(t->file, d);
    assert_int_equal(progress_count(p), 0);
    assert_int_equal(diag_count(d), 0);
    progress_free(p);
    diag_free(d);
}

static void test_nul_byte_line(void **state)
{
    Tmp *t = *state;
    static const char text[] = "tpquiz-progress 1\nili\0psoas\t1\t50\t50\t1\nok\t1\t1\t1\t1\n";
    write_bytes(t->file, text, sizeof text - 1);
    Diag *d = diag_create();
    Progress *p = progress_load(t->file, d);
    assert_int_equal(diag_count(d), 1);
    assert_diag_error(d, 0, t->file, 2, "line contains a NUL byte");
    assert_int_equal(progress_count(p), 1);
    assert_non_null(progress_find(p, "ok"));
    progress_free(p);
    diag_free(d);
}

static void test_unreadable_file(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    /* A folder where the file should be cannot be read, whoever we run as. */
    Progress *p = progress_load(t->dir, d);
    assert_non_null(p);
    assert_int_equal(progress_count(p), 0);
    assert_int_equal(diag_error_count(d), 1);
    const DiagItem *it = diag_item(d, 0);
    assert_string_equal(it->path, t->dir);
    assert_int_equal(it->line, 0);
    assert_non_null(strstr(it->message, "cannot read"));
    progress_free(p);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_missing_file_is_empty, setup, tmp_state_teardown),
        cmocka_unit_test(test_record),
        cmocka_unit_test_setup_teardown(test_round_trip_and_file_text, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_save_is_atomic_and_leaves_no_temp_files, setup,
                                        tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_save_failure_is_reported, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_bad_lines_reported_and_skipped, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_header_problems, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_nul_byte_line, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_file, setup, tmp_state_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
