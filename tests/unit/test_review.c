/* Unit tests for src/core/review.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "review.h"
#include "support.h"

#define DAY ((int64_t)REVIEW_SECONDS_PER_DAY)
#define T0 ((int64_t)1772438400) /* any fixed time: nothing reads a clock */

/* Each test gets a fresh temporary folder (state, a Tmp), removed afterwards. */
static int setup(void **state)
{
    return tmp_state_setup(state, "tpquiz-test-review", "ana.review");
}

static void test_quality_from_credit(void **state)
{
    (void)state;
    assert_int_equal(review_quality(1.0), 5);
    assert_int_equal(review_quality(0.9), 5);
    assert_int_equal(review_quality(0.8), 4);
    assert_int_equal(review_quality(0.7), 4); /* a decimal half rounds up */
    assert_int_equal(review_quality(0.5), 3);
    assert_int_equal(review_quality(0.45), 2);
    assert_int_equal(review_quality(0.3), 2);
    assert_int_equal(review_quality(0.1), 1);
    assert_int_equal(review_quality(0.0), 0);
    assert_int_equal(review_quality(-1), 0);
    assert_int_equal(review_quality(NAN), 0);
    assert_int_equal(review_quality(7), 5);
}

static void test_intervals_grow_on_success(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    const char *k = "quadratus_lumborum/tp.superficial_upper/locate";
    const ReviewCard *c = review_record(deck, k, 1.0, T0);
    assert_non_null(c);
    assert_int_equal(c->reps, 1);
    assert_int_equal(c->interval_days, 1);
    assert_int_equal(c->due_s, T0 + DAY);
    assert_int_equal(c->ease, 260);
    int64_t t = c->due_s;
    c = review_record(deck, k, 1.0, t);
    assert_int_equal(c->reps, 2);
    assert_int_equal(c->interval_days, 6);
    assert_int_equal(c->ease, 270);
    t = c->due_s;
    c = review_record(deck, k, 1.0, t);
    assert_int_equal(c->interval_days, 16); /* 6 x 2.70 = 16.2 */
    assert_int_equal(c->ease, 280);
    t = c->due_s;
    c = review_record(deck, k, 0.8, t); /* quality 4: ease unchanged */
    assert_int_equal(c->interval_days, 45); /* 16 x 2.80 = 44.8 */
    assert_int_equal(c->ease, 280);
    assert_int_equal(c->due_s, t + 45 * DAY);
    t = c->due_s + 10 * DAY; /* late: still a success at the due interval */
    c = review_record(deck, k, 0.5, t); /* quality 3: ease - 0.14 */
    assert_int_equal(c->interval_days, 126); /* 45 x 2.80 */
    assert_int_equal(c->ease, 266);
    assert_int_equal(c->reviews, 5);
    assert_int_equal(c->lapses, 0);
    assert_int_equal(c->last_s, t);
    assert_near(c->last_credit, 0.5, 0);
    review_free(deck);
}

static void test_failure_resets(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    const char *k = "m/tp.a/zone";
    int64_t t = T0;
    const ReviewCard *c = NULL;
    for (int i = 0; i < 3; i++) {
        c = review_record(deck, k, 1.0, t);
        t = c->due_s;
    }
    assert_int_equal(c->reps, 3);
    int ease = c->ease;
    c = review_record(deck, k, 0.2, t);
    assert_int_equal(c->reps, 0);
    assert_int_equal(c->interval_days, 1);
    assert_int_equal(c->due_s, t + DAY);
    assert_int_equal(c->ease, ease); /* SM-2 keeps the E-Factor on failure */
    assert_int_equal(c->lapses, 1);
    /* Starts again: 1 day, then 6. */
    c = review_record(deck, k, 1.0, c->due_s);
    assert_int_equal(c->interval_days, 1);
    c = review_record(deck, k, 1.0, c->due_s);
    assert_int_equal(c->interval_days, 6);
    /* A failure counts as a lapse only when the card was being recalled. */
    c = review_record(deck, k, 0.0, c->due_s);
    c = review_record(deck, k, 0.0, c->due_s);
    assert_int_equal(c->lapses, 2);
    /* A new card answered wrong: due tomorrow, no lapse. */
    c = review_record(deck, "m/question.q1", 0.0, T0);
    assert_int_equal(c->reps, 0);
    assert_int_equal(c->due_s, T0 + DAY);
    assert_int_equal(c->lapses, 0);
    assert_int_equal(c->ease, REVIEW_EASE_START);
    review_free(deck);
}

static void test_early_answers(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    const char *k = "m/tp.a/locate";
    const ReviewCard *c = review_record(deck, k, 1.0, T0);
    c = review_record(deck, k, 1.0, c->due_s); /* interval 6 */
    int64_t due = c->due_s;
    /* A success before the due time is noted, not rescheduled. */
    c = review_record(deck, k, 1.0, due - 3 * DAY);
    assert_int_equal(c->due_s, due);
    assert_int_equal(c->interval_days, 6);
    assert_int_equal(c->reps, 2);
    assert_int_equal(c->ease, 270);
    assert_int_equal(c->reviews, 3);
    assert_int_equal(c->last_s, due - 3 * DAY);
    /* A failure before the due time resets at once. */
    c = review_record(deck, k, 0.0, due - 2 * DAY);
    assert_int_equal(c->reps, 0);
    assert_int_equal(c->due_s, due - DAY);
    review_free(deck);
}

static void test_ease_floor(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    const ReviewCard *c = review_record(deck, "k", 0.5, T0);
    for (int i = 0; i < 20; i++)
        c = review_record(deck, "k", 0.5, c->due_s);
    assert_int_equal(c->ease, REVIEW_EASE_MIN);
    assert_true(c->interval_days > 6);
    review_free(deck);
}

static void test_due_counts_and_order(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    review_record(deck, "b", 1.0, T0);          /* due T0 + 1 day */
    review_record(deck, "a", 1.0, T0);          /* due T0 + 1 day */
    review_record(deck, "c", 0.0, T0 - DAY);    /* due T0 */
    const ReviewCard *d = review_record(deck, "d", 1.0, T0 - 2 * DAY);
    d = review_record(deck, "d", 1.0, d->due_s); /* due T0 - DAY + 6 days */
    assert_int_equal(review_count(deck), 4);
    assert_int_equal(review_due_count(deck, T0 - 1), 0);
    assert_int_equal(review_due_count(deck, T0), 1);
    assert_int_equal(review_due_count(deck, T0 + DAY - 1), 1);
    assert_int_equal(review_due_count(deck, T0 + DAY), 3);
    assert_int_equal(review_due_count(deck, T0 + 10 * DAY), 4);
    const char *keys[8];
    int n = review_due_keys(deck, T0 + 10 * DAY, keys, 8);
    assert_int_equal(n, 4);
    assert_string_equal(keys[0], "c"); /* most overdue */
    assert_string_equal(keys[1], "a"); /* same due time: by key */
    assert_string_equal(keys[2], "b");
    assert_string_equal(keys[3], "d");
    n = review_due_keys(deck, T0 + DAY, keys, 2);
    assert_int_equal(n, 2);
    assert_string_equal(keys[0], "c");
    assert_string_equal(keys[1], "a");
    assert_int_equal(review_due_keys(deck, T0 - 1, keys, 8), 0);
    assert_int_equal(review_due_keys(deck, T0 + DAY, keys, 0), 0);
    assert_null(review_find(deck, "e"));
    assert_non_null(review_find(deck, "d"));
    assert_null(review_card(deck, 4));
    review_free(deck);
}

static void test_bad_keys_refused(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    assert_null(review_record(deck, "", 1.0, T0));
    assert_null(review_record(deck, "has space", 1.0, T0));
    assert_null(review_record(deck, "tab\there", 1.0, T0));
    assert_null(review_record(deck, "new\nline", 1.0, T0));
    char longkey[REVIEW_MAX_KEY + 2];
    memset(longkey, 'k', sizeof longkey - 1);
    longkey[REVIEW_MAX_KEY + 1] = '\0';
    assert_null(review_record(deck, longkey, 1.0, T0));
    longkey[REVIEW_MAX_KEY] = '\0';
    assert_non_null(review_record(deck, longkey, 1.0, T0));
    assert_int_equal(review_count(deck), 1);
    review_free(deck);
}

static void test_round_trip(void **state)
{
    Tmp *t = *state;
    ReviewDeck *deck = review_create();
    const ReviewCard *c = review_record(deck, "iliopsoas/tp.psoas/locate", 1.0, T0);
    for (int i = 0; i < 4; i++)
        c = review_record(deck, "iliopsoas/tp.psoas/locate", i == 2 ? 0.5 : 1.0, c->due_s);
    review_record(deck, "iliopsoas/tp.psoas/zone", 0.3333, T0 + 5);
    c = review_record(deck, "deltoid/question.action", 2.0 / 3, T0);
    review_record(deck, "deltoid/question.action", 0.0, c->due_s);
    Diag *d = diag_create();
    assert_int_equal(review_save(deck, t->file, d), 0);
    assert_int_equal(diag_count(d), 0);

    ReviewDeck *back = review_load(t->file, d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(review_count(back), review_count(deck));
    for (int i = 0; i < review_count(deck); i++) {
        const ReviewCard *a = review_card(deck, i), *b = review_card(back, i);
        assert_string_equal(a->key, b->key);
        assert_int_equal(a->reps, b->reps);
        assert_int_equal(a->ease, b->ease);
        assert_int_equal(a->interval_days, b->interval_days);
        assert_int_equal(a->due_s, b->due_s);
        assert_int_equal(a->last_s, b->last_s);
        assert_int_equal(a->reviews, b->reviews);
        assert_int_equal(a->lapses, b->lapses);
        assert_near(a->last_credit, b->last_credit, 0.00005);
    }
    /* Saving what was loaded writes the same bytes. */
    char first[8192];
    strcpy(first, read_file(t->file, NULL));
    assert_int_equal(review_save(back, t->file, d), 0);
    assert_string_equal(read_file(t->file, NULL), first);
    assert_non_null(strstr(first, "tpquiz-review 1\n"));
    assert_non_null(strstr(first, "iliopsoas/tp.psoas/zone\t0\t2.50\t1\t1772524805\t1772438405\t1\t0\t33.33\n"));
    /* No temporary file is left behind. */
    DIR *dir = opendir(t->dir);
    int files = 0;
    for (struct dirent *e; (e = readdir(dir));)
        files += e->d_name[0] != '.';
    closedir(dir);
    assert_int_equal(files, 1);
    review_free(back);
    review_free(deck);
    diag_free(d);
}

static void test_missing_file_and_save_errors(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    ReviewDeck *deck = review_load(t->file, d);
    assert_non_null(deck);
    assert_int_equal(review_count(deck), 0);
    assert_int_equal(diag_count(d), 0);
    /* An empty deck saves as the header alone. */
    assert_int_equal(review_save(deck, t->file, d), 0);
    assert_string_equal(read_file(t->file, NULL), "tpquiz-review 1\n");
    char bad[256];
    snprintf(bad, sizeof bad, "%s/no/such/folder/x.review", t->dir);
    assert_int_equal(review_save(deck, bad, d), -1);
    assert_int_equal(diag_error_count(d), 1);
    assert_string_equal(diag_item(d, 0)->path, bad);
    review_free(deck);
    diag_free(d);
}

static void test_bad_lines_reported_and_skipped(void **state)
{
    Tmp *t = *state;
    write_text(t->file,
               "tpquiz-review 1\n"                                   /* 1 */
               "a/good\t1\t2.60\t1\t100\t50\t1\t0\t100.00\n"         /* 2 */
               "too\tfew\tfields\n"                                  /* 3 */
               "\n"                                                  /* 4: blank, fine */
               "has space\t1\t2.60\t1\t100\t50\t1\t0\t100\n"         /* 5 */
               "b\tx\t2.60\t1\t100\t50\t1\t0\t100\n"                 /* 6 */
               "b\t1\t1.20\t1\t100\t50\t1\t0\t100\n"                 /* 7: ease below 1.3 */
               "b\t1\t2,60\t1\t100\t50\t1\t0\t100\n"                 /* 8: decimal comma */
               "b\t1\t2.60\t0\t100\t50\t1\t0\t100\n"                 /* 9: interval 0 */
               "b\t1\t2.60\t1\t-100\t50\t1\t0\t100\n"                /* 10 */
               "b\t1\t2.60\t1\t100\t5x\t1\t0\t100\n"                 /* 11 */
               "b\t1\t2.60\t1\t100\t50\t0\t0\t100\n"                 /* 12: no reviews */
               "b\t1\t2.60\t1\t100\t50\t1\tz\t100\n"                 /* 13 */
               "b\t1\t2.60\t1\t100\t50\t1\t0\t100.5\n"               /* 14: over 100 */
               "b\t3\t2.60\t1\t100\t50\t2\t0\t100\n"                 /* 15: reps > reviews */
               "a/good\t2\t2.70\t6\t900\t100\t2\t0\t90\n"            /* 16: twice */
               "c/ok\t0\t1.3\t1\t200\t150\t4\t1\t0\r\n"              /* 17: CRLF, short decimals */
               "d/ok\t5\t3.10\t36500\t999999999999\t5\t9\t2\t12.5"); /* 18: no final newline */
    Diag *d = diag_create();
    ReviewDeck *deck = review_load(t->file, d);
    assert_int_equal(review_count(deck), 3);
    const ReviewCard *c = review_find(deck, "a/good");
    assert_non_null(c);
    assert_int_equal(c->interval_days, 1); /* the first line wins */
    c = review_find(deck, "c/ok");
    assert_non_null(c);
    assert_int_equal(c->ease, 130);
    assert_near(c->last_credit, 0.0, 0);
    c = review_find(deck, "d/ok");
    assert_non_null(c);
    assert_int_equal(c->due_s, 999999999999);
    assert_near(c->last_credit, 0.125, 1e-12);
    int lines[] = {3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    int n = (int)(sizeof lines / sizeof lines[0]);
    assert_int_equal(diag_count(d), n);
    for (int i = 0; i < n; i++) {
        const DiagItem *it = diag_item(d, i);
        assert_int_equal(it->level, DIAG_ERROR);
        assert_string_equal(it->path, t->file);
        assert_int_equal(it->line, lines[i]);
    }
    assert_non_null(strstr(diag_item(d, 0)->message, "expected 9 tab-separated fields, found 3"));
    assert_non_null(strstr(diag_item(d, 4)->message, "bad ease '2,60'"));
    assert_non_null(strstr(diag_item(d, 12)->message, "appears twice"));
    review_free(deck);
    diag_free(d);
}

static void test_headers(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    write_text(t->file, "tpquiz-review 2\na\t1\t2.60\t1\t100\t50\t1\t0\t100\n");
    ReviewDeck *deck = review_load(t->file, d);
    assert_int_equal(review_count(deck), 0);
    assert_int_equal(diag_count(d), 1);
    assert_non_null(strstr(diag_item(d, 0)->message, "unsupported review file version '2'"));
    review_free(deck);
    diag_free(d);

    d = diag_create();
    write_text(t->file, "something else\na\t1\t2.60\t1\t100\t50\t1\t0\t100\n");
    deck = review_load(t->file, d);
    assert_int_equal(review_count(deck), 1); /* the rest is still read */
    assert_int_equal(diag_count(d), 1);
    assert_int_equal(diag_item(d, 0)->line, 1);
    assert_non_null(strstr(diag_item(d, 0)->message, "missing header"));
    review_free(deck);
    diag_free(d);
}

/* Missed items go first: due before everything else due, in the order
 * given; the rest of each card stays. */
static void test_mark_due_puts_keys_first(void **state)
{
    (void)state;
    ReviewDeck *deck = review_create();
    review_record(deck, "old", 0.0, T0 - 5 * DAY); /* due T0 - 4 days: overdue */
    review_record(deck, "mid", 0.0, T0 - 2 * DAY); /* due T0 - 1 day */
    const ReviewCard *c = review_record(deck, "later", 1.0, T0);
    c = review_record(deck, "later", 1.0, c->due_s); /* due in 7 days, interval 6 */
    review_record(deck, "miss", 0.2, T0);            /* due T0 + 1 day */
    assert_int_equal(review_due_count(deck, T0), 2);
    const char *keys[] = {"miss", "later", "miss", "unknown", "has space"};
    assert_int_equal(review_mark_due(deck, keys, 5, T0), 2);
    assert_int_equal(review_count(deck), 4); /* no card made for an unknown key */
    assert_int_equal(review_due_count(deck, T0), 4);
    const char *due[8];
    assert_int_equal(review_due_keys(deck, T0, due, 8), 4);
    assert_string_equal(due[0], "miss");
    assert_string_equal(due[1], "later");
    assert_string_equal(due[2], "old");
    assert_string_equal(due[3], "mid");
    c = review_find(deck, "later");
    assert_true(c->due_s < T0 - 4 * DAY);
    assert_int_equal(c->interval_days, 6);
    assert_int_equal(c->reps, 2);
    assert_int_equal(c->reviews, 2);
    /* Answered right now that it is due: the schedule moves on as for any
     * due card (the third success in a row: 6 days x the E-Factor). */
    c = review_record(deck, "later", 1.0, T0);
    assert_int_equal(c->reps, 3);
    assert_true(c->due_s > T0 + 6 * DAY);

    /* Nothing else due: they become due now, in order. */
    ReviewDeck *d2 = review_create();
    review_record(d2, "x", 1.0, T0);
    review_record(d2, "y", 1.0, T0);
    const char *two[] = {"y", "x"};
    assert_int_equal(review_mark_due(d2, two, 2, T0 + 60), 2);
    assert_int_equal(review_find(d2, "y")->due_s, T0 + 58);
    assert_int_equal(review_find(d2, "x")->due_s, T0 + 59);
    assert_int_equal(review_due_keys(d2, T0 + 60, due, 8), 2);
    assert_string_equal(due[0], "y");
    /* Never below 0. */
    assert_int_equal(review_mark_due(d2, two, 2, 0), 2);
    assert_int_equal(review_find(d2, "y")->due_s, 0);
    assert_true(review_find(d2, "x")->due_s >= 0);
    assert_int_equal(review_mark_due(d2, NULL, 2, T0), 0);
    assert_int_equal(review_mark_due(NULL, two, 2, T0), 0);
    assert_int_equal(review_mark_due(d2, two, 0, T0), 0);
    review_free(d2);
    review_free(deck);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quality_from_credit),
        cmocka_unit_test(test_intervals_grow_on_success),
        cmocka_unit_test(test_failure_resets),
        cmocka_unit_test(test_early_answers),
        cmocka_unit_test(test_ease_floor),
        cmocka_unit_test(test_due_counts_and_order),
        cmocka_unit_test(test_bad_keys_refused),
        cmocka_unit_test(test_mark_due_puts_keys_first),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_and_save_errors, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_bad_lines_reported_and_skipped, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_headers, setup, tmp_state_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
