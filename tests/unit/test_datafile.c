/* Unit tests for src/core/datafile.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafile.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/tpquiz-datafile-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void touch(const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("x\n", f);
    fclose(f);
}

static bool exists(const char *name)
{
    char p[512];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return stat(p, &st) == 0;
}

static int write_text(FILE *f, const void *user)
{
    return fputs(user, f) < 0 ? -1 : 0;
}

static void test_write_atomic_replaces(void **state)
{
    (void)state;
    char p[512];
    snprintf(p, sizeof p, "%s/a.progress", dir);
    Diag *d = diag_create();
    assert_int_equal(datafile_write_atomic(p, write_text, "one\n", d), 0);
    assert_int_equal(datafile_write_atomic(p, write_text, "two\n", d), 0);
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
    snprintf(p, sizeof p, "%s/ann.scores", dir);
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
    snprintf(p, sizeof p, "%s/", dir);
    assert_int_equal(datafile_remove_temporaries(p), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_atomic_replaces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_remove_temporaries_only_own, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
