/* Unit tests for src/core/attempt.c: a finished session of a real course
 * (tests/data/report/courses) as a score-file record, and that record
 * written to a real score file and read back. */
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

#include "fingerprint.h"
#include "real_attempts.h"

#define T0 INT64_C(1772438400)
static const unsigned char KEY[STATION_KEY_BYTES] = {9, 8, 7, 6};
static Library *LIB;
static char DIR_PATH[128];
static char PATH[192];

static int setup(void **state)
{
    (void)state;
    Diag *d = diag_create();
    LIB = library_load(SOURCE_ROOT "/tests/data/report/courses", SOURCE_ROOT "/assets", d);
    diag_free(d);
    snprintf(DIR_PATH, sizeof DIR_PATH, "/tmp/tpquiz-attempt-%d", (int)getpid());
    mkdir(DIR_PATH, 0700);
    snprintf(PATH, sizeof PATH, "%s/ada.scores", DIR_PATH);
    return LIB && library_find_course(LIB, "demo") ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    unlink(PATH);
    rmdir(DIR_PATH);
    library_free(LIB);
    return 0;
}

static const Course *demo(void)
{
    const Course *c = library_find_course(LIB, "demo");
    assert_non_null(c);
    return c;
}

/* A quiz of module demo_back with every item answered right, each after
 * 1 + i seconds on screen (the answers are given at time 0); flagging the
 * first does nothing (only exams have flags). */
static Session *quiz(void)
{
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 5);
    assert_non_null(s);
    for (int i = 0; i < session_item_count(s); i++) {
        session_show(s, -1000 * (1 + i));
        answer_item(LIB, s, i, false);
        if (i == 0)
            session_set_flag(s, 0, true);
        session_next(s);
    }
    return s;
}

static const char *expected_type(ItemType t)
{
    static const char *const names[] = {
        [ITEM_LOCATE_TP] = "locate", [ITEM_ZONE_CLICK] = "zone",        [ITEM_CHOICE] = "choice",
        [ITEM_MULTI] = "multi",      [ITEM_ZONE_PAINT] = "paint",       [ITEM_LOCATE_ALL] = "locate_all",
        [ITEM_REVERSE] = "reverse",
    };
    return names[t];
}

/* The record's header fields: course, module, fingerprint, times, seed,
 * score and the pass against the mark. */
static void test_header_fields(void **state)
{
    (void)state;
    Session *s = quiz();
    const Course *c = demo();
    Record *r = attempt_build(s, ATTEMPT_QUIZ, c, "demo_back", T0, T0 + 600, 80, false);
    assert_non_null(r);
    assert_int_equal(r->kind, RECORD_ATTEMPT);
    assert_int_equal(r->mode, ATTEMPT_QUIZ);
    assert_string_equal(r->course, "demo");
    assert_string_equal(r->module, "demo_back");
    char fp[FINGERPRINT_HEX + 1];
    course_fingerprint(LIB, c, fp);
    assert_string_equal(r->course_fp, fp);
    assert_true(r->started == T0 && r->finished == T0 + 600);
    assert_true(r->seed == 5);
    assert_true(r->score == session_score(s));
    assert_true(r->score >= 0.8);
    assert_int_equal(r->pass_mark, 80);
    assert_true(r->passed);
    assert_false(r->auto_submitted);
    assert_int_equal(r->n_answers, session_item_count(s));
    attempt_free(r);
    session_free(s);
}

/* Every item's answer: key, type, module, credit, time and flag as the
 * session has them, and the raw response of each kind of item. */
static void test_answers_carry_raw_responses(void **state)
{
    (void)state;
    Session *s = quiz();
    Record *r = attempt_build(s, ATTEMPT_QUIZ, demo(), "demo_back", T0, T0 + 600, 80, false);
    assert_non_null(r);
    bool seen[ITEM_REVERSE + 1] = {0};
    for (int i = 0; i < r->n_answers; i++) {
        const Item *it = session_item(s, i);
        const Answer *an = session_answer(s, i);
        const RecordAnswer *ra = &r->answers[i];
        seen[it->type] = true;
        assert_string_equal(ra->key, it->key);
        assert_string_equal(ra->type, expected_type(it->type));
        assert_string_equal(ra->module, "demo_back");
        assert_true(ra->answered);
        assert_true(ra->credit == an->credit);
        assert_true(ra->time_ms == an->time_ms);
        assert_true(ra->time_ms == 1000 * (1 + i));
        assert_false(ra->flagged);
        if (it->view)
            assert_string_equal(ra->view, it->view);
        else
            assert_null(ra->view);
        switch (it->type) {
        case ITEM_LOCATE_TP:
        case ITEM_ZONE_CLICK:
            assert_true(ra->has_click);
            assert_true(ra->click.x == an->click.x && ra->click.y == an->click.y);
            assert_null(ra->matched);
            break;
        case ITEM_REVERSE: {
            assert_true(ra->has_click);
            char want[64];
            snprintf(want, sizeof want, "demo_back/%s", it->module->tps[it->tp].id);
            assert_non_null(ra->matched);
            assert_string_equal(ra->matched, want);
            break;
        }
        case ITEM_ZONE_PAINT: {
            assert_true(ra->has_paint);
            assert_int_equal(ra->grid.cols, an->grid.cols);
            assert_int_equal(ra->grid.rows, an->grid.rows);
            size_t n = (size_t)an->grid.cols * (size_t)an->grid.rows;
            unsigned char *cells = calloc(n, 1);
            assert_non_null(cells);
            assert_true(record_paint_decode(ra, cells));
            for (size_t k = 0; k < n; k++)
                assert_int_equal(cells[k] != 0, an->painted[k] != 0);
            free(cells);
            break;
        }
        case ITEM_LOCATE_ALL:
            assert_int_equal(ra->n_marks, it->n_targets);
            for (int t = 0; t < it->n_targets; t++) {
                int k = an->match[t];
                assert_true(k >= 0 && k < ra->n_marks);
                assert_string_equal(ra->mark_tp[k], it->module->tps[it->targets[t]].id);
                assert_true(ra->marks[k].x == an->clicks[k].x && ra->marks[k].y == an->clicks[k].y);
            }
            break;
        case ITEM_CHOICE:
        case ITEM_MULTI: {
            int n = 0;
            for (int k = 0; k < it->n_options; k++)
                if (it->option_correct[k]) {
                    assert_true(n < ra->n_chosen);
                    assert_string_equal(ra->chosen[n++], it->options[k]);
                }
            assert_int_equal(ra->n_chosen, n);
            break;
        }
        }
    }
    /* The fixture's module gives every kind but the multi question. */
    assert_true(seen[ITEM_LOCATE_TP] && seen[ITEM_ZONE_CLICK] && seen[ITEM_ZONE_PAINT] &&
                seen[ITEM_LOCATE_ALL] && seen[ITEM_REVERSE] && seen[ITEM_CHOICE]);
    attempt_free(r);
    session_free(s);
}

/* Unanswered items (an exam left alone, each item on screen 1 + i
 * seconds, the second flagged): no credit and no response, but the view and the time spent are
 * kept; the attempt does not pass. */
static void test_unanswered_items(void **state)
{
    (void)state;
    const Course *c = demo();
    Record start = exam_start_record(c, 4, T0);
    Session *s = exam_rebuild(c, &start);
    assert_non_null(s);
    int64_t now = 0;
    for (int i = 0; i < session_item_count(s); i++) {
        session_goto(s, i, now);
        now += 1000 * (1 + i);
    }
    session_set_flag(s, 1, true);
    session_submit(s, now);
    Record *r = attempt_build(s, ATTEMPT_EXAM, c, NULL, T0, T0 + 600, c->exam.pass_mark, false);
    assert_non_null(r);
    assert_true(r->score == 0);
    assert_false(r->passed);
    assert_int_equal(r->n_answers, c->exam.questions);
    for (int i = 0; i < r->n_answers; i++) {
        const RecordAnswer *ra = &r->answers[i];
        const Item *it = session_item(s, i);
        assert_false(ra->answered);
        assert_true(ra->credit == 0);
        assert_false(ra->has_click || ra->has_paint);
        assert_int_equal(ra->n_chosen, 0);
        assert_int_equal(ra->n_marks, 0);
        assert_null(ra->matched);
        assert_int_equal(ra->flagged, i == 1);
        assert_true(ra->time_ms == 1000 * (1 + i));
        if (it->view)
            assert_string_equal(ra->view, it->view);
        else
            assert_null(ra->view);
    }
    attempt_free(r);
    session_free(s);
}

/* Passed is the score in percent against the mark, as the screens show
 * it: a score passes a mark at its percent, not one a point above. */
static void test_pass_mark(void **state)
{
    (void)state;
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 5);
    assert_non_null(s);
    /* Only the first item right. */
    answer_item(LIB, s, 0, false);
    double score = session_score(s);
    assert_true(score > 0 && score < 1);
    int pct = (int)(score * 100); /* floor: score * 100 is at least this */
    Record *r = attempt_build(s, ATTEMPT_QUIZ, demo(), "demo_back", T0, T0 + 1, pct, false);
    assert_non_null(r);
    assert_true(r->passed);
    attempt_free(r);
    r = attempt_build(s, ATTEMPT_QUIZ, demo(), "demo_back", T0, T0 + 1, pct + 1, false);
    assert_non_null(r);
    assert_false(r->passed);
    attempt_free(r);
    session_free(s);
}

/* An exam: no module, its auto-submission kept; a NULL course leaves the
 * course empty and no fingerprint. */
static void test_exam_and_no_course(void **state)
{
    (void)state;
    const Course *c = demo();
    Record start = exam_start_record(c, 3, T0);
    Session *s = exam_rebuild(c, &start);
    assert_non_null(s);
    Record *r = attempt_build(s, ATTEMPT_EXAM, c, NULL, T0, T0 + 1200, c->exam.pass_mark, true);
    assert_non_null(r);
    assert_int_equal(r->mode, ATTEMPT_EXAM);
    assert_null(r->module);
    assert_true(r->auto_submitted);
    assert_true(r->seed == 3);
    assert_int_equal(r->n_answers, session_item_count(s));
    assert_false(r->passed);
    attempt_free(r);

    r = attempt_build(s, ATTEMPT_EXAM, NULL, NULL, T0, T0 + 1200, 75, false);
    assert_non_null(r);
    assert_string_equal(r->course, "");
    assert_null(r->course_fp);
    attempt_free(r);
    session_free(s);
    attempt_free(NULL);
}

/* The record as the program writes it to a score file and reads it back:
 * the responses survive the file. */
static void test_round_trip_through_a_score_file(void **state)
{
    (void)state;
    unlink(PATH);
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(PATH, "ada", "Ada", T0, KEY, d), 0);
    Session *s = quiz();
    Record *r = attempt_build(s, ATTEMPT_QUIZ, demo(), "demo_back", T0, T0 + 600, 80, false);
    assert_non_null(r);
    assert_int_equal(scorefile_append(PATH, r, KEY, d), 0);
    real_attempt(LIB, "demo", PATH, KEY, NULL, true, T0 + 7200);
    assert_int_equal(diag_count(d), 0);

    ScoreFile *f = scorefile_load(PATH, KEY, d);
    assert_non_null(f);
    assert_true(scorefile_intact(f));
    const Record *back = NULL;
    for (int i = 0; i < scorefile_count(f); i++) {
        const Record *x = scorefile_record(f, i);
        if (x->kind == RECORD_ATTEMPT && x->mode == ATTEMPT_QUIZ)
            back = x;
    }
    assert_non_null(back);
    assert_string_equal(back->module, "demo_back");
    assert_string_equal(back->course_fp, r->course_fp);
    assert_int_equal(back->n_answers, r->n_answers);
    for (int i = 0; i < r->n_answers; i++) {
        const RecordAnswer *a = &r->answers[i], *b = &back->answers[i];
        assert_string_equal(b->key, a->key);
        assert_string_equal(b->type, a->type);
        assert_int_equal(b->flagged, a->flagged);
        assert_int_equal(b->has_click, a->has_click);
        assert_int_equal(b->has_paint, a->has_paint);
        assert_int_equal(b->n_runs, a->n_runs);
        assert_int_equal(b->n_marks, a->n_marks);
        assert_int_equal(b->n_chosen, a->n_chosen);
        for (int k = 0; k < a->n_chosen; k++)
            assert_string_equal(b->chosen[k], a->chosen[k]);
        if (a->matched)
            assert_string_equal(b->matched, a->matched);
    }
    scorefile_free(f);
    attempt_free(r);
    session_free(s);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_fields),
        cmocka_unit_test(test_answers_carry_raw_responses),
        cmocka_unit_test(test_unanswered_items),
        cmocka_unit_test(test_pass_mark),
        cmocka_unit_test(test_exam_and_no_course),
        cmocka_unit_test(test_round_trip_through_a_score_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
