/* Unit tests for src/core/datafile.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafile.h"
#include "support.h"

static int setup(void **state)
{
    (void)state;
    return tmp_create("tpquiz-datafile") ? 0 : -1;
}

static void touch(const char *name)
{
    put(name, "x\n");
}

static bool exists(const char *name)
{
    char p[512];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", tmp_dir(), name);
    return stat(p, &st) == 0;
}

static int write_string(FILE *f, const void *user)
{
    return fputs(user, f) < 0 ? -1 : 0;
}

static void test_write_atomic_replaces(void **state)
{
    (void)state;
    char p[512];
    snprintf(p, sizeof p, "%s/a.progress", tmp_dir());
    Diag *d = diag_create();
    assert_int_equal(datafile_write_atomic(p, write_string, "one\n", d), 0);
    assert_int_equal(datafile_write_atomic(p, write_string, "two\n", d), 0);
    assert_int_equal(diag_count(d), 0);
    size_t len = 0;
    char *text = datafile_read_capped(p, DATAFILE_PROGRESS, &len, NULL);
    assert_non_null(text);
    assert_string_equal(text, "two\n");
    assert_int_equal(len, 4);
    free(text);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* Nothing else is left in the folder. */
    assert_int_equal(datafile_remove_temporaries(p), 0);
    diag_free(d);
}

static void test_remove_temporaries_only_own(void **state)
{
    (void)state;
    touch("ann.scores");
    touch("ann.scores.tmp-a1B2c3");
    touch("ann.scores.tmp-ZZZZZZ");
    touch("ann.scores.tmp-short");  /* not mkstemp's six characters */
    touch("ann.scores.tmp-toolong1");
    touch("ann.review.tmp-a1B2c3"); /* another file's */
    touch("bob.scores.tmp-a1B2c3"); /* another learner's */
    touch("xann.scores.tmp-a1B2c3");
    char p[512];
    snprintf(p, sizeof p, "%s/ann.scores", tmp_dir());
    assert_int_equal(datafile_remove_temporaries(p), 2);
    assert_true(exists("ann.scores"));
    assert_false(exists("ann.scores.tmp-a1B2c3"));
    assert_false(exists("ann.scores.tmp-ZZZZZZ"));
    assert_true(exists("ann.scores.tmp-short"));
    assert_true(exists("ann.scores.tmp-toolong1"));
    assert_true(exists("ann.review.tmp-a1B2c3"));
    assert_true(exists("bob.scores.tmp-a1B2c3"));
    assert_true(exists("xann.scores.tmp-a1B2c3"));
    assert_int_equal(datafile_remove_temporaries(p), 0);
    /* A folder that does not exist, or an empty name: nothing to do. */
    assert_int_equal(datafile_remove_temporaries("/nonexistent-tpquiz/ann.scores"), 0);
    snprintf(p, sizeof p, "%s/", tmp_dir());
    assert_int_equal(datafile_remove_temporaries(p), 0);
}

/* The one message of d, without the path; "" if none. */
static const char *message(Diag *d)
{
    return diag_count(d) == 1 ? diag_item(d, 0)->message : "";
}

/* A FIFO, a folder, a link loop, a device: refused at once with what they
 * are (a FIFO opened without O_NONBLOCK would block here for ever). */
static void test_refuses_what_is_not_a_file(void **state)
{
    (void)state;
    char p[512];
    struct {
        const char *name;
        int err;
        const char *msg;
    } cases[] = {
        {"fifo", EINVAL, "cannot read: it is a FIFO (named pipe), not a regular file"},
        {"dir", EISDIR, "cannot read: it is a directory, not a file"},
        {"loop", ELOOP, "cannot read: it is a loop of symbolic links"},
        {"zero", EINVAL, "cannot read: it is a character device, not a regular file"},
        {"missing", ENOENT, "cannot read: No such file or directory"},
    };
    snprintf(p, sizeof p, "%s/fifo", tmp_dir());
    assert_int_equal(mkfifo(p, 0600), 0);
    snprintf(p, sizeof p, "%s/dir", tmp_dir());
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/loop", tmp_dir());
    assert_int_equal(symlink("loop", p), 0);
    snprintf(p, sizeof p, "%s/zero", tmp_dir());
    assert_int_equal(symlink("/dev/zero", p), 0);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(p, sizeof p, "%s/%s", tmp_dir(), cases[i].name);
        Diag *d = diag_create();
        size_t len = 1;
        assert_null(datafile_read_capped(p, DATAFILE_CHART, &len, d));
        assert_int_equal(errno, cases[i].err);
        assert_int_equal(len, 0);
        assert_string_equal(message(d), cases[i].msg);
        assert_int_equal(datafile_open_regular(p, DATAFILE_JOURNAL, NULL, d), -1);
        diag_free(d);
        assert_non_null(datafile_problem(p));
    }
    /* A missing file may be quiet; the station key names itself. */
    Diag *d = diag_create();
    snprintf(p, sizeof p, "%s/missing", tmp_dir());
    assert_int_equal(datafile_open_regular(p, DATAFILE_REVIEW | DATAFILE_MISSING_OK, NULL, d), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(diag_count(d), 0);
    snprintf(p, sizeof p, "%s/fifo", tmp_dir());
    assert_int_equal(datafile_open_regular(p, DATAFILE_KEY | DATAFILE_MISSING_OK, NULL, d), -1);
    assert_string_equal(message(d),
                        "cannot read the station key: it is a FIFO (named pipe), not a regular file");
    diag_free(d);
    assert_string_equal(datafile_problem(p), "is a FIFO (named pipe), not a regular file");
    snprintf(p, sizeof p, "%s/missing", tmp_dir());
    assert_string_equal(datafile_problem(p), "does not exist");
}

static void test_caps(void **state)
{
    (void)state;
    char p[512];
    snprintf(p, sizeof p, "%s/big.svg", tmp_dir());
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    size_t cap = datafile_cap(DATAFILE_CHART);
    for (size_t i = 0; i < cap; i++)
        fputc('x', f);
    fclose(f);
    /* At the cap: read whole. */
    Diag *d = diag_create();
    size_t len = 0;
    char *text = datafile_read_capped(p, DATAFILE_CHART, &len, d);
    assert_non_null(text);
    assert_int_equal(len, cap);
    assert_int_equal(text[len], '\0');
    free(text);
    assert_int_equal(diag_count(d), 0);
    /* One byte over: refused from its size. */
    append_text(p, "x");
    assert_null(datafile_read_capped(p, DATAFILE_CHART, &len, d));
    assert_int_equal(errno, EFBIG);
    assert_string_equal(message(d),
                        "cannot read: it is 1048577 bytes, the limit for a chart is 1048576 bytes");
    diag_free(d);
    /* The same file is a small font. */
    text = datafile_read_capped(p, DATAFILE_FONT, &len, NULL);
    assert_non_null(text);
    assert_int_equal(len, cap + 1);
    free(text);
    assert_string_equal(datafile_kind_name(DATAFILE_SCORES), "a score file");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_atomic_replaces, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_remove_temporaries_only_own, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_refuses_what_is_not_a_file, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_caps, setup, tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
