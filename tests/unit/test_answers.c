/* Unit tests for src/core/answers.c: an attempt written to a score file
 * and read back gives the answers the session held (round trip). */
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

#include "answers.h"
#include "real_attempts.h"

#define T0 INT64_C(1772438400)
static const unsigned char KEY[STATION_KEY_BYTES] = {9, 8, 7, 6};
static Library *LIB;
static char DIR_[64], PATH[128];

static int setup(void **state)
{
    (void)state;
    Diag *d = diag_create();
    LIB = library_load(SOURCE_ROOT "/tests/data/report/courses", SOURCE_ROOT "/assets", d);
    diag_free(d);
    snprintf(DIR_, sizeof DIR_, "/tmp/tpquiz-answers-XXXXXX");
    if (!mkdtemp(DIR_))
        return -1;
    snprintf(PATH, sizeof PATH, "%s/eve.scores", DIR_);
    return LIB ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    unlink(PATH);
    rmdir(DIR_);
    library_free(LIB);
    return 0;
}

/* Writes the finished session s as a quiz record of module to a fresh
 * score file and reads it back. */
static ScoreFile *write_and_read(const Session *s, const char *module)
{
    const Course *c = library_find_course(LIB, "demo");
    assert_non_null(c);
    unlink(PATH);
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(PATH, "eve", "Eve", T0, KEY, d), 0);
    Record *r = attempt_build(s, ATTEMPT_QUIZ, c, module, T0, T0 + 60, c->module_pass_mark, false);
    assert_non_null(r);
    assert_int_equal(scorefile_append(PATH, r, KEY, d), 0);
    attempt_free(r);
    ScoreFile *f = scorefile_load(PATH, KEY, d);
    assert_non_null(f);
    assert_true(scorefile_intact(f));
    diag_free(d);
    return f;
}

static const Record *attempt_of(const ScoreFile *f)
{
    for (int i = 0; i < scorefile_count(f); i++)
        if (scorefile_record(f, i)->kind == RECORD_ATTEMPT)
            return scorefile_record(f, i);
    fail_msg("no attempt in the file");
    return NULL;
}

/* The item of s with key (the session's order need not be the record's). */
static int item_index(const Session *s, const char *key)
{
    for (int i = 0; i < session_item_count(s); i++)
        if (!strcmp(session_item(s, i)->key, key))
            return i;
    return -1;
}

static void compare(const Session *s, const RebuiltAttempt *rb, bool all_answered)
{
    assert_int_equal(rb->n_answers, session_item_count(s));
    assert_non_null(rb->items);
    int seen[16] = {0};
    for (int i = 0; i < rb->n_answers; i++) {
        const RebuiltAnswer *ra = &rb->answers[i];
        assert_non_null(ra->item);
        assert_string_equal(ra->note, "");
        int k = item_index(s, ra->item->key);
        assert_true(k >= 0);
        const Item *it = session_item(s, k);
        const Answer *want = session_answer(s, k), *got = &ra->an;
        assert_int_equal(ra->item->type, it->type);
        assert_true(fabs(got->credit - want->credit) < 1e-3);
        if (!all_answered) {
            assert_false(got->answered);
            continue;
        }
        seen[it->type]++;
        switch (it->type) {
        case ITEM_LOCATE_TP:
        case ITEM_ZONE_CLICK:
        case ITEM_REVERSE:
            assert_true(got->answered);
            assert_true(fabs(got->click.x - want->click.x) < 0.01);
            assert_true(fabs(got->click.y - want->click.y) < 0.01);
            /* The feedback's distance and zone, measured again. */
            assert_true(fabs(got->distance - want->distance) < 0.01);
            if (it->type == ITEM_ZONE_CLICK) {
                assert_int_equal(got->zone, want->zone);
                if (want->zone >= 0)
                    assert_int_equal(got->zone_kind, want->zone_kind);
            }
            if (it->type == ITEM_REVERSE) {
                assert_ptr_equal(got->reverse.module, want->reverse.module);
                assert_int_equal(got->reverse.tp, want->reverse.tp);
            }
            break;
        case ITEM_LOCATE_ALL:
            assert_true(got->answered);
            assert_int_equal(got->n_clicks, want->n_clicks);
            for (int m = 0; m < got->n_clicks; m++) {
                assert_true(fabs(got->clicks[m].x - want->clicks[m].x) < 0.01);
                assert_true(fabs(got->clicks[m].y - want->clicks[m].y) < 0.01);
            }
            for (int t = 0; t < it->n_targets; t++)
                assert_int_equal(got->match[t], want->match[t]);
            break;
        case ITEM_ZONE_PAINT: {
            assert_true(got->answered);
            assert_int_equal(got->grid.cols, want->grid.cols);
            assert_int_equal(got->grid.rows, want->grid.rows);
            size_t cells = (size_t)want->grid.cols * (size_t)want->grid.rows;
            assert_memory_equal(got->painted, want->painted, cells);
            assert_memory_equal(got->classes, want->classes, cells);
            assert_memory_equal(&got->paint, &want->paint, sizeof got->paint);
            break;
        }
        case ITEM_CHOICE:
        case ITEM_MULTI:
            /* The options chosen, found by their text. */
            assert_true(got->answered);
            for (int o = 0; o < it->n_options; o++) {
                int r = -1;
                for (int q = 0; q < ra->item->n_options; q++)
                    if (!strcmp(ra->item->options[q], it->options[o]))
                        r = q;
                assert_true(r >= 0);
                assert_int_equal(got->chosen[r], want->chosen[o]);
            }
            break;
        default:
            break;
        }
    }
    if (all_answered) {
        /* The module has every kind of chart item: each was compared. */
        assert_true(seen[ITEM_LOCATE_TP] > 0);
        assert_true(seen[ITEM_ZONE_CLICK] > 0);
        assert_true(seen[ITEM_ZONE_PAINT] > 0);
        assert_true(seen[ITEM_CHOICE] + seen[ITEM_MULTI] > 0);
    }
}

/* Every item answered right: clicks, marks, the paint and its classes come
 * back as the session held them. */
static void test_round_trip_answered(void **state)
{
    (void)state;
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 1);
    assert_non_null(s);
    for (int i = 0; i < session_item_count(s); i++) {
        answer_item(LIB, s, i, false);
        session_next(s);
    }
    ScoreFile *f = write_and_read(s, "demo_back");
    RebuiltAttempt rb;
    assert_int_equal(answers_rebuild(LIB, attempt_of(f), &rb), 0);
    compare(s, &rb, true);
    answers_free(&rb);
    assert_null(rb.answers);
    assert_null(rb.items);
    scorefile_free(f);
    session_free(s);
}

/* Clicks off target: the rebuilt answers measure the same distances and
 * zones as grading did (the feedback's words depend on them). */
static void test_round_trip_missed_clicks(void **state)
{
    (void)state;
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 2);
    assert_non_null(s);
    int off = 0;
    for (int i = 0; i < session_item_count(s); i++) {
        const Item *it = session_item(s, i);
        if (it->type == ITEM_LOCATE_TP || it->type == ITEM_ZONE_CLICK || it->type == ITEM_REVERSE) {
            Vec2 at = it->module->tps[it->tp].at;
            session_answer_click(s, (Vec2){at.x + 9 + 7 * off, at.y + 31 * off}, 0);
            off++;
        } else {
            answer_item(LIB, s, i, false);
        }
        session_next(s);
    }
    assert_true(off >= 3);
    ScoreFile *f = write_and_read(s, "demo_back");
    RebuiltAttempt rb;
    assert_int_equal(answers_rebuild(LIB, attempt_of(f), &rb), 0);
    compare(s, &rb, true);
    answers_free(&rb);
    scorefile_free(f);
    session_free(s);
}

/* Nothing answered: every answer is there, unanswered, with no credit. */
static void test_round_trip_unanswered(void **state)
{
    (void)state;
    Session *s = session_create_quiz(library_find_module(LIB, "demo_front"), 3);
    assert_non_null(s);
    for (int i = 0; i < session_item_count(s); i++)
        session_next(s);
    ScoreFile *f = write_and_read(s, "demo_front");
    RebuiltAttempt rb;
    assert_int_equal(answers_rebuild(LIB, attempt_of(f), &rb), 0);
    compare(s, &rb, false);
    answers_free(&rb);
    scorefile_free(f);
    session_free(s);
}

/* An answer recorded on another chart than this station asks the item on,
 * or on another paint grid, is not drawn, and says why. */
static void test_other_chart_not_drawn(void **state)
{
    (void)state;
    Session *s = session_create_quiz(library_find_module(LIB, "demo_back"), 1);
    const Item *paint = NULL, *click = NULL;
    for (int i = 0; i < session_item_count(s); i++) {
        const Item *it = session_item(s, i);
        if (it->type == ITEM_ZONE_PAINT && !paint)
            paint = it;
        if (it->type == ITEM_LOCATE_TP && !click)
            click = it;
    }
    assert_non_null(paint);
    assert_non_null(click);
    RecordAnswer ra;
    memset(&ra, 0, sizeof ra);
    ra.answered = true;
    ra.has_click = true;
    ra.credit = 0.5;
    ra.view = (char *)"elsewhere";
    Answer an;
    char note[200];
    answers_rebuild_one(LIB, click, &ra, &an, note, sizeof note);
    assert_false(an.answered);
    assert_true(fabs(an.credit - 0.5) < 1e-12);
    assert_non_null(strstr(note, "Answered on the elsewhere chart"));
    ra.view = NULL;
    ra.has_paint = true;
    ra.grid.cols = 3;
    ra.grid.rows = 3;
    answers_rebuild_one(LIB, paint, &ra, &an, note, sizeof note);
    assert_false(an.answered);
    assert_non_null(strstr(note, "another grid"));
    answers_free_one(&an);
    session_free(s);
}

int main(void)
{
    (void)real_attempt; /* real_attempts.h: only answer_item is used here */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_answered),
        cmocka_unit_test(test_round_trip_missed_clicks),
        cmocka_unit_test(test_round_trip_unanswered),
        cmocka_unit_test(test_other_chart_not_drawn),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
