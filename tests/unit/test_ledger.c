/* Unit tests for src/core/ledger.c: the station's ledger of records
 * written, and what it shows about learner files rolled back. */
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

#include "ledger.h"
#include "score_samples.h"
#include "support.h"

static const unsigned char KEY[STATION_KEY_BYTES] = {9, 8, 7};
static char LEARNERS[300], LEDGER[300], FILE_[320], STATE[300];

static int setup(void **state)
{
    (void)state;
    if (!tmp_create("tpquiz-ledger"))
        return -1;
    snprintf(LEARNERS, sizeof LEARNERS, "%s/learners", tmp_dir());
    snprintf(LEDGER, sizeof LEDGER, "%s/ledger", tmp_dir());
    snprintf(FILE_, sizeof FILE_, "%s/anna.berg.scores", LEARNERS);
    snprintf(STATE, sizeof STATE, "%s/seen", tmp_dir());
    mkdir(LEARNERS, 0700);
    return 0;
}

static Ledger *load(int *errors)
{
    Diag *d = diag_create();
    Ledger *l = ledger_load(LEDGER, KEY, d);
    *errors = diag_error_count(d);
    diag_free(d);
    return l;
}

static int check(const Ledger *l)
{
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(FILE_, KEY, d);
    assert_non_null(f);
    diag_free(d);
    d = diag_create();
    int n = ledger_check_file(l, f, FILE_, d);
    assert_int_equal(diag_error_count(d), n);
    diag_free(d);
    scorefile_free(f);
    return n;
}

/* Records written in a learners folder go into the station's ledger; the
 * file matches it; cut back, or replaced by an older copy, it does not. */
static void test_rollback(void **state)
{
    (void)state;
    assert_int_equal(sample_file(FILE_, KEY, 1), 0);
    char old[4096];
    FILE *f = fopen(FILE_, "rb");
    size_t n_old = fread(old, 1, sizeof old, f);
    fclose(f);
    assert_true(n_old < sizeof old);
    Diag *d = diag_create();
    Record r = sample_attempt(1);
    assert_int_equal(scorefile_append(FILE_, &r, KEY, d), 0);
    r = sample_attempt(2);
    assert_int_equal(scorefile_append(FILE_, &r, KEY, d), 0);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);

    int errors;
    Ledger *l = load(&errors);
    assert_non_null(l);
    assert_int_equal(errors, 0);
    assert_true(ledger_intact(l));
    assert_int_equal(ledger_length(l), 5); /* header, profile, three attempts */
    assert_int_equal(ledger_learner_count(l), 1);
    assert_string_equal(ledger_learner(l, 0), "anna.berg");
    char id[STATION_KEY_ID_HEX + 1];
    station_key_id(KEY, id);
    assert_string_equal(ledger_key_id(l), id);
    assert_int_equal(check(l), 0);

    /* The older copy put back: its chain is whole, the ledger shows it. */
    write_bytes(FILE_, old, n_old);
    assert_int_equal(check(l), 1);

    /* The instructor's memory of the ledger: a longer one is fine, a
     * shorter one is a restored folder. */
    d = diag_create();
    assert_int_equal(ledger_state_update(STATE, l, LEDGER, d), 0);
    assert_int_equal(ledger_state_update(STATE, l, LEDGER, d), 0);
    assert_int_equal(diag_count(d), 0);
    ledger_free(l);
    f = fopen(LEDGER, "rb");
    char text[8192];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    char *third = strchr(strchr(strchr(text, '\n') + 1, '\n') + 1, '\n') + 1;
    write_bytes(LEDGER, text, (size_t)(third - text));
    l = load(&errors);
    assert_int_equal(ledger_length(l), 3);
    assert_int_equal(ledger_state_update(STATE, l, LEDGER, d), 1);
    assert_int_equal(diag_error_count(d), 1);
    diag_free(d);
    ledger_free(l);

    /* A line edited: the ledger is trusted up to the line before it. */
    text[n] = '\0';
    char *two = strstr(text, "anna.berg 2 ");
    assert_non_null(two);
    two[10] = '9';
    write_bytes(LEDGER, text, n);
    l = load(&errors);
    assert_int_equal(errors, 1);
    assert_false(ledger_intact(l));
    assert_int_equal(ledger_length(l), 2);
    ledger_free(l);
    /* Appending to a broken ledger is refused (the record stays saved). */
    d = diag_create();
    r = sample_attempt(0);
    assert_int_equal(scorefile_append(FILE_, &r, KEY, d), 0);
    assert_int_equal(diag_count(d), 1);
    assert_int_equal(diag_item(d, 0)->level, DIAG_WARNING);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_rollback)};
    return cmocka_run_group_tests(tests, setup, tmp_teardown);
}
