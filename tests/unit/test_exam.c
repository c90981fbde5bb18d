/* Unit tests for src/core/exam.c: an exam run over real files with a
 * virtual clock: start, answers journaled, the program killed (the run
 * dropped), resumed with the right time left, expired, voided when its
 * journal is tampered with, resumed without its journal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certify.h"
#include "exam.h"
#include "judge.h"
#include "support.h"

#define T0 INT64_C(1772438400000) /* ms */
#define MIN INT64_C(60000)
static const unsigned char KEY[STATION_KEY_BYTES] = {5, 4, 3};
static Library *LIB;
static char SCORES[300], JOURNAL[300];
static ExamFiles FILES;

static int setup(void **state)
{
    (void)state;
    LIB = report_fixture_library(NULL);
    if (!tmp_create("tpquiz-exam"))
        return -1;
    snprintf(SCORES, sizeof SCORES, "%s/ann.scores", tmp_dir());
    snprintf(JOURNAL, sizeof JOURNAL, "%s/ann.journal", tmp_dir());
    FILES = (ExamFiles){SCORES, JOURNAL, KEY};
    return LIB ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    library_free(LIB);
    return tmp_remove();
}

static const Course *demo(void)
{
    return library_find_course(LIB, "demo");
}

static void fresh(void)
{
    unlink(SCORES);
    unlink(JOURNAL);
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(SCORES, "ann", "Ann", T0 / 1000 - 100, KEY, d), 0);
    diag_free(d);
}

static ScoreFile *load(void)
{
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(SCORES, KEY, d);
    assert_non_null(f);
    diag_free(d);
    return f;
}

/* Starts an exam at T0, flags question 1 and answers the first choice
 * question right at T0 + 1 min, then the program is killed at T0 + 2 min
 * (the run dropped without submitting). */
static int start_and_kill(void)
{
    Diag *d = diag_create();
    Session *s = NULL;
    ExamRun *r = exam_run_start(&FILES, demo(), 7, T0, &s, d);
    assert_non_null(r);
    assert_non_null(s);
    assert_int_equal(diag_error_count(d), 0);
    assert_int_equal(session_item_count(s), demo()->exam.questions);
    exam_run_journal(r, (JournalEvent){.op = JOURNAL_FLAG, .item = 1, .flag = true}, T0 + MIN);
    int choice = -1;
    for (int i = 0; i < session_item_count(s) && choice < 0; i++)
        if (session_item(s, i)->type == ITEM_CHOICE)
            choice = i;
    if (choice >= 0) {
        unsigned bits = 0;
        for (int k = 0; k < session_item(s, choice)->n_options; k++)
            bits |= session_item(s, choice)->option_correct[k] ? 1u << k : 0;
        exam_run_journal(r, (JournalEvent){.op = JOURNAL_OPTIONS, .item = choice, .options = bits}, T0 + MIN);
    }
    assert_true(exam_run_tick(r, T0 + 2 * MIN) == 18 * MIN);
    assert_string_equal(exam_run_error(r), "");
    exam_run_free(r);
    session_free(s);
    diag_free(d);
    return choice;
}

static ExamRun *resume(int64_t now, ExamResume *res, Session **s)
{
    ScoreFile *f = load();
    Diag *d = diag_create();
    ExamRun *r = exam_run_resume(&FILES, LIB, f, now, s, res, d);
    diag_free(d);
    scorefile_free(f);
    return r;
}

/* Killed and resumed: every answer back, the time as the clock says; with
 * the clock set back a day, the limit less the time spent (journaled). */
static void test_kill_and_resume(void **state)
{
    (void)state;
    fresh();
    int choice = start_and_kill();
    ExamResume res;
    Session *s = NULL;
    ExamRun *r = resume(T0 + 5 * MIN, &res, &s);
    assert_non_null(r);
    assert_int_equal(res.kind, EXAM_RESUME_RUNNING);
    assert_true(res.had_journal);
    assert_true(session_flagged(s, 1));
    if (choice >= 0)
        assert_true(session_answer(s, choice)->answered);
    assert_true(exam_run_remaining(r, T0 + 5 * MIN) == 15 * MIN);
    exam_run_free(r);
    session_free(s);

    /* The clock set back a day: 20 min less the 2 journaled at the kill
     * (a tick is written every 30 s of exam time). */
    r = resume(T0 - 24 * 60 * MIN, &res, &s);
    assert_int_equal(res.kind, EXAM_RESUME_RUNNING);
    int64_t left = exam_run_remaining(r, T0 - 24 * 60 * MIN);
    assert_true(left <= 18 * MIN + EXAM_TICK_MS && left >= 18 * MIN);
    exam_run_free(r);
    session_free(s);

    /* Past the deadline: expired, submitted at the deadline, recorded. */
    r = resume(T0 + 25 * MIN, &res, &s);
    assert_int_equal(res.kind, EXAM_RESUME_EXPIRED);
    Diag *d = diag_create();
    assert_int_equal(exam_run_submit(r, T0 + 25 * MIN, true, d), 0);
    assert_true(exam_run_recorded(r));
    assert_int_equal(access(JOURNAL, F_OK), -1);
    exam_run_free(r);
    session_free(s);
    diag_free(d);
    ScoreFile *f = load();
    const Record *rec = scorefile_record(f, scorefile_count(f) - 1);
    assert_int_equal(rec->kind, RECORD_ATTEMPT);
    assert_true(rec->auto_submitted);
    assert_true(rec->finished == (T0 + 20 * MIN) / 1000);
    assert_int_equal(rec->start_seq, 2);
    assert_true(judge_record(demo(), f, scorefile_count(f) - 1).counts);
    CertStatus cs = certify_status(demo(), f, T0 / 1000 + 3600);
    assert_int_equal(cs.exam_attempts, 1);
    certify_status_free(&cs);
    assert_int_equal(exam_open_start(f, NULL), -1); /* nothing open now */
    scorefile_free(f);
}

/* A tampered journal voids the attempt; the attempt still counts. */
static void test_tampered_journal(void **state)
{
    (void)state;
    fresh();
    start_and_kill();
    append_text(JOURNAL, "flag 2 1772438460000 1\n"); /* a line with no seal */
    ExamResume res;
    Session *s = NULL;
    assert_null(resume(T0 + 3 * MIN, &res, &s));
    assert_null(s);
    assert_int_equal(res.kind, EXAM_RESUME_VOIDED);
    assert_non_null(strstr(res.why, "its journal failed its check (line"));
    ScoreFile *f = load();
    const Record *rec = scorefile_record(f, scorefile_count(f) - 1);
    assert_non_null(rec->void_reason);
    assert_int_equal(judge_record(demo(), f, scorefile_count(f) - 1).code, JUDGE_VOID);
    CertStatus cs = certify_status(demo(), f, T0 / 1000 + 3600 * 48);
    assert_int_equal(cs.exam_attempts, 1);
    assert_false(cs.exam_passed);
    certify_status_free(&cs);
    scorefile_free(f);
}

/* The journal deleted: resumed from the start record with no answers; a
 * journal that no start names is set aside. */
static void test_journal_deleted_or_foreign(void **state)
{
    (void)state;
    fresh();
    start_and_kill();
    unlink(JOURNAL);
    ExamResume res;
    Session *s = NULL;
    ExamRun *r = resume(T0 + 4 * MIN, &res, &s);
    assert_int_equal(res.kind, EXAM_RESUME_RUNNING);
    assert_false(res.had_journal);
    assert_int_equal(session_answered_count(s), 0);
    assert_true(exam_run_remaining(r, T0 + 4 * MIN) == 16 * MIN);
    assert_int_equal(access(JOURNAL, F_OK), 0); /* begun again */
    Diag *d = diag_create();
    assert_int_equal(exam_run_submit(r, T0 + 5 * MIN, false, d), 0);
    exam_run_free(r);
    session_free(s);
    diag_free(d);
    /* A journal left where no exam is open. */
    write_text(JOURNAL, "tpquiz-journal 1 demo 7 1000 61000 3\n");
    assert_null(resume(T0 + 6 * MIN, &res, &s));
    assert_int_equal(res.kind, EXAM_RESUME_SET_ASIDE);
    assert_int_equal(access(JOURNAL, F_OK), -1);
    assert_null(resume(T0 + 6 * MIN, &res, &s));
    assert_int_equal(res.kind, EXAM_RESUME_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_and_resume),
        cmocka_unit_test(test_tampered_journal),
        cmocka_unit_test(test_journal_deleted_or_foreign),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
