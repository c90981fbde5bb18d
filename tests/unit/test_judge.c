/* Unit tests for src/core/judge.c and src/core/exam.c: records re-graded
 * against the instructor's copy of a course, and the attacks a learner
 * without the station key can make on what certifies (private course
 * copies, edited exam sizes, clocks set back, abandoned exams). */
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
#include "fingerprint.h"
#include "judge.h"
#include "real_attempts.h"
#include "support.h"

#define T0 INT64_C(1772438400)
static const unsigned char KEY[STATION_KEY_BYTES] = {7, 1, 2, 3};
static Library *LIB;
static char PATH[300];

static int setup(void **state)
{
    (void)state;
    LIB = report_fixture_library(NULL);
    /* A file is named for its learner: <dir>/eve.scores. */
    if (!tmp_create("tpquiz-judge"))
        return -1;
    snprintf(PATH, sizeof PATH, "%s/eve.scores", tmp_dir());
    return LIB ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    library_free(LIB);
    return tmp_remove();
}

static void fresh(void)
{
    unlink(PATH);
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(PATH, "eve", "Eve", T0, KEY, d), 0);
    diag_free(d);
}

static ScoreFile *load(void)
{
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(PATH, KEY, d);
    assert_non_null(f);
    assert_true(scorefile_intact(f)); /* every attack below is MAC-valid */
    diag_free(d);
    return f;
}

static const Course *demo(void)
{
    const Course *c = library_find_course(LIB, "demo");
    assert_non_null(c);
    return c;
}

/* Genuine quizzes and exams count; the learner is certified. */
static void test_genuine_records_count(void **state)
{
    (void)state;
    fresh();
    real_attempt(LIB, "demo", PATH, KEY, "demo_back", true, T0 + 3600);
    real_attempt(LIB, "demo", PATH, KEY, "demo_front", true, T0 + 7200);
    real_attempt(LIB, "demo", PATH, KEY, NULL, true, T0 + 86400);
    ScoreFile *f = load();
    for (int i = 1; i < scorefile_count(f); i++) {
        JudgeResult j = judge_record(demo(), f, i);
        if (scorefile_record(f, i)->kind == RECORD_ATTEMPT) {
            assert_true(j.counts);
            assert_false(j.old_format);
            assert_true(j.passed);
        } else {
            assert_int_equal(j.code, JUDGE_NOT_ATTEMPT);
        }
    }
    CertStatus cs = certify_status(demo(), f, T0 + 90000);
    assert_true(cs.certified);
    assert_int_equal(cs.exam_attempts, 1);
    certify_status_free(&cs);
    scorefile_free(f);
}

/* certify_status_at in two steps (what the screens cache) gives the same
 * standing, and the judged statuses say which records count. */
static void test_status_in_two_steps(void **state)
{
    (void)state;
    fresh();
    real_attempt(LIB, "demo", PATH, KEY, "demo_back", true, T0 + 3600);
    real_attempt(LIB, "demo", PATH, KEY, "demo_front", false, T0 + 7200);
    real_attempt(LIB, "demo", PATH, KEY, NULL, true, T0 + 86400);
    ScoreFile *f = load();
    RecordStatus *st = certify_judge_records(demo(), f, NULL);
    assert_non_null(st);
    for (int i = 0; i < scorefile_count(f); i++)
        assert_int_equal(st[i], scorefile_status(f, i));
    int64_t times[] = {T0 + 100, T0 + 90000, T0 + 10 * 86400};
    for (int k = 0; k < 3; k++) {
        CertStatus a = certify_status(demo(), f, times[k]);
        CertStatus b = certify_status_judged(demo(), f, st, times[k]);
        assert_int_equal(a.modules_passed, b.modules_passed);
        assert_int_equal(a.exam_attempts, b.exam_attempts);
        assert_int_equal(a.exam_attempts_left, b.exam_attempts_left);
        assert_int_equal(a.exam_passed, b.exam_passed);
        assert_int_equal(a.certified, b.certified);
        assert_int_equal(a.next_exam_at, b.next_exam_at);
        for (int m = 0; m < a.modules_total; m++)
            assert_int_equal(a.module_passed[m], b.module_passed[m]);
        certify_status_free(&a);
        certify_status_free(&b);
    }
    /* One record edited by judging (a forged verdict) is not good in st,
     * and no status grants anything without st. */
    st[1] = RECORD_EDITED;
    CertStatus e = certify_status_judged(demo(), f, st, T0 + 90000);
    assert_false(e.certified);
    certify_status_free(&e);
    CertStatus none = certify_status_judged(demo(), f, NULL, T0 + 90000);
    assert_int_equal(none.modules_passed, 0);
    assert_int_equal(none.exam_attempts_left, 0);
    certify_status_free(&none);
    free(st);
    scorefile_free(f);
}

/* Appends r (the learner writing with a private copy of the program's
 * rules, but no other power: the station key signs as it always does). */
static void append(Record *r)
{
    Diag *d = diag_create();
    assert_int_equal(scorefile_append(PATH, r, KEY, d), 0);
    diag_free(d);
}

/* A copy of the course with module_pass_mark 1: a quiz at 9% recorded as
 * passed. Its fingerprint is not the course's: it never counts. Without a
 * fingerprint (an old-format record) the pass mark gives it away. */
static void test_private_course_copy(void **state)
{
    (void)state;
    fresh();
    Course copy = *demo();
    copy.module_pass_mark = 1;
    course_fingerprint(LIB, &copy, copy.fingerprint);
    assert_string_not_equal(copy.fingerprint, demo()->fingerprint);
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 1);
    answer_item(LIB, s, 0, false); /* one right answer of many */
    Record *r = attempt_build(s, ATTEMPT_QUIZ, &copy, "demo_back", T0, T0 + 60, copy.module_pass_mark, false);
    assert_true(r->passed);
    append(r);
    free(r->course_fp);
    r->course_fp = NULL; /* as a version 1 program would write it */
    append(r);
    attempt_free(r);
    session_free(s);
    ScoreFile *f = load();
    JudgeResult j = judge_record(demo(), f, 1);
    assert_int_equal(j.code, JUDGE_OTHER_VERSION);
    j = judge_record(demo(), f, 2);
    assert_true(j.old_format);
    assert_int_equal(j.code, JUDGE_RULES);
    assert_non_null(strstr(j.why, "pass mark is 1%"));
    CertStatus cs = certify_status(demo(), f, T0 + 100);
    assert_int_equal(cs.modules_passed, 0);
    certify_status_free(&cs);
    scorefile_free(f);
}

/* An exam of one question (the journal's question count edited, or a copy
 * of the course with questions = 1), all right: 100%, never counts. */
static void test_short_exam(void **state)
{
    (void)state;
    fresh();
    Course copy = *demo();
    copy.exam.questions = 1;
    Record start = exam_start_record(demo(), 5, T0);
    Diag *d = diag_create();
    assert_int_equal(scorefile_append_seq(PATH, &start, KEY, &start.seq, d), 0);
    diag_free(d);
    Session *s = session_create_exam(&copy, 5, 1);
    answer_item(LIB, s, 0, true);
    Record *r = attempt_build(s, ATTEMPT_EXAM, demo(), NULL, T0, T0 + 60, demo()->exam.pass_mark, false);
    r->start_seq = start.seq;
    assert_true(r->passed);
    append(r);
    attempt_free(r);
    session_free(s);
    ScoreFile *f = load();
    JudgeResult j = judge_record(demo(), f, 2);
    assert_int_equal(j.code, JUDGE_RULES);
    assert_non_null(strstr(j.why, "it has 1 questions"));
    CertStatus cs = certify_status(demo(), f, T0 + 100);
    assert_false(cs.exam_passed);
    assert_int_equal(cs.exam_attempts, 1);
    certify_status_free(&cs);
    scorefile_free(f);
}

/* A record claiming more than its answers earn. */
static void test_claimed_score(void **state)
{
    (void)state;
    fresh();
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 1);
    Record *r = attempt_build(s, ATTEMPT_QUIZ, demo(), "demo_back", T0, T0 + 60, demo()->module_pass_mark, false);
    r->score = 0.95;
    r->passed = true;
    append(r);
    attempt_free(r);
    session_free(s);
    ScoreFile *f = load();
    JudgeResult j = judge_record(demo(), f, 1);
    assert_int_equal(j.code, JUDGE_SCORE);
    assert_true(j.score == 0);
    scorefile_free(f);
}

/* Clock games: finished before started; an exam that ran a day long; an
 * exam without its start record; a start record that was never finished
 * (journal deleted) still uses up an attempt. */
static void test_time_and_starts(void **state)
{
    (void)state;
    fresh();
    real_attempt(LIB, "demo", PATH, KEY, "demo_back", true, T0 + 3600);
    ScoreFile *f = load();
    Record *r = (Record *)scorefile_record(f, 1);
    int64_t started = r->started, finished = r->finished;
    r->finished = started - 3600;
    assert_int_equal(judge_record(demo(), f, 1).code, JUDGE_TIME);
    r->finished = finished;
    assert_true(judge_record(demo(), f, 1).counts);
    scorefile_free(f);

    real_attempt(LIB, "demo", PATH, KEY, NULL, true, T0 + 7200);
    f = load();
    int exam = scorefile_count(f) - 1;
    r = (Record *)scorefile_record(f, exam);
    assert_true(judge_record(demo(), f, exam).counts);
    r->finished = r->started + 86400;
    assert_int_equal(judge_record(demo(), f, exam).code, JUDGE_TIME);
    r->finished = r->started + 60;
    int seq = r->start_seq;
    r->start_seq = 0;
    assert_int_equal(judge_record(demo(), f, exam).code, JUDGE_NO_START);
    r->start_seq = seq + 40;
    assert_int_equal(judge_record(demo(), f, exam).code, JUDGE_NO_START);
    r->start_seq = seq;
    scorefile_free(f);

    /* Two starts never finished: two more attempts, the wait runs from the
     * latest, and the latest is the exam still open. */
    Diag *d = diag_create();
    Record s1 = exam_start_record(demo(), 9, T0 + 100000);
    Record s2 = exam_start_record(demo(), 10, T0 + 200000);
    assert_int_equal(scorefile_append(PATH, &s1, KEY, d), 0);
    assert_int_equal(scorefile_append_seq(PATH, &s2, KEY, &s2.seq, d), 0);
    diag_free(d);
    f = load();
    CertStatus cs = certify_status(demo(), f, T0 + 200001);
    assert_int_equal(cs.exam_attempts, 3);
    assert_int_equal(exam_open_start(f, "demo"), scorefile_count(f) - 1);
    assert_int_equal(scorefile_record(f, exam_open_start(f, NULL))->seq, s2.seq);
    if (demo()->exam.wait_hours > 0)
        assert_true(cs.next_exam_at == T0 + 200000 + (int64_t)demo()->exam.wait_hours * 3600);
    certify_status_free(&cs);
    scorefile_free(f);
}

/* Time left never grows: a clock set back a day leaves the limit less
 * the time spent; a clock set forward runs the deadline down. */
static void test_remaining_time(void **state)
{
    (void)state;
    int64_t limit = 10 * 60000, start = T0 * 1000, deadline = start + limit;
    assert_true(exam_remaining_ms(deadline, limit, 0, start) == limit);
    assert_true(exam_remaining_ms(deadline, limit, 4 * 60000, start + 4 * 60000) == 6 * 60000);
    /* The clock set back an hour or a day after 4 minutes. */
    assert_true(exam_remaining_ms(deadline, limit, 4 * 60000, start - 3600000) == 6 * 60000);
    assert_true(exam_remaining_ms(deadline, limit, 4 * 60000, start - 86400000) == 6 * 60000);
    /* A deadline edited a day later changes nothing once time is spent. */
    assert_true(exam_remaining_ms(deadline + 86400000, limit, 9 * 60000, start) == 60000);
    assert_true(exam_remaining_ms(deadline + 86400000, limit, 0, start - 1000) == limit);
    assert_true(exam_remaining_ms(deadline, limit, 0, deadline + 5) == 0);
    assert_true(exam_remaining_ms(deadline, limit, limit * 2, start) == 0);
}

/* Replay: ticks give the time spent, the largest wins; events for
 * questions the exam does not have are skipped. */
static void test_replay(void **state)
{
    (void)state;
    Record start = exam_start_record(demo(), 3, T0);
    Session *s = exam_rebuild(demo(), &start);
    assert_non_null(s);
    assert_int_equal(session_item_count(s), demo()->exam.questions);
    JournalEvent ev[] = {{.op = JOURNAL_TICK, .spent_ms = 30000},
                         {.op = JOURNAL_FLAG, .item = 1, .flag = true},
                         {.op = JOURNAL_FLAG, .item = 100000, .flag = true},
                         {.op = JOURNAL_TICK, .spent_ms = 90000},
                         {.op = JOURNAL_TICK, .spent_ms = 60000}};
    assert_true(exam_replay(s, ev, 5) == 90000);
    assert_true(session_flagged(s, 1));
    session_free(s);
    Course other = *demo();
    other.id = "other";
    assert_null(exam_rebuild(&other, &start));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_genuine_records_count), cmocka_unit_test(test_status_in_two_steps), cmocka_unit_test(test_private_course_copy),
        cmocka_unit_test(test_short_exam),            cmocka_unit_test(test_claimed_score),
        cmocka_unit_test(test_time_and_starts),       cmocka_unit_test(test_remaining_time),
        cmocka_unit_test(test_replay),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
