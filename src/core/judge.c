/* judge: re-grading a record from its raw responses.
 *
 * The session is rebuilt exactly as the program that wrote the record
 * built it (session_create_quiz / session_create_exam from the record's
 * seed, against the course's modules), its items are compared key by key
 * with the record's answers, and each answer is given again through the
 * same session calls the screens use, so grading is the same code on both
 * sides (a painting through the session's runs calls, which grade its
 * runs without expanding them into cells: the same numbers, tested cell
 * for cell against the screens' grading in unit.test_grading). Credits are compared with a small tolerance: a click is written
 * with three decimals, which moves a locate credit by at most about 1e-4. */
#include "judge.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"

#define CREDIT_TOLERANCE 0.002
#define SCORE_TOLERANCE 0.001

const char *judge_code_name(JudgeCode c)
{
    switch (c) {
    case JUDGE_COUNTS:
        return "counts";
    case JUDGE_NOT_ATTEMPT:
        return "not an attempt";
    case JUDGE_NO_COURSE:
        return "course not available";
    case JUDGE_OTHER_VERSION:
        return "other course version";
    case JUDGE_RULES:
        return "rules differ";
    case JUDGE_ITEMS:
        return "questions differ";
    case JUDGE_SCORE:
        return "score differs";
    case JUDGE_TIME:
        return "time";
    case JUDGE_NO_START:
        return "no start record";
    case JUDGE_VOID:
        return "void";
    case JUDGE_UNPROCTORED:
        return "unproctored";
    }
    return "?";
}

static JudgeResult verdict(JudgeResult r, JudgeCode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static JudgeResult verdict(JudgeResult r, JudgeCode code, const char *fmt, ...)
{
    r.code = code;
    r.counts = code == JUDGE_COUNTS;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r.why, sizeof r.why, fmt, ap);
        va_end(ap);
    }
    return r;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Gives item i the record's answer a. Returns the recomputed answer, or
 * NULL if the response does not fit the item (an option text it does not
 * have, a painting that does not decode). */
static const Answer *replay(Session *s, int i, const RecordAnswer *a, bool exam)
{
    const Item *it = session_item(s, i);
    switch (it->type) {
    case ITEM_LOCATE_TP:
    case ITEM_ZONE_CLICK:
    case ITEM_REVERSE:
        if (!a->has_click)
            return NULL;
        return exam ? session_set_click(s, i, a->click, 0) : session_answer_click(s, a->click, 0);
    case ITEM_CHOICE:
    case ITEM_MULTI: {
        bool chosen[SESSION_MAX_OPTIONS] = {false};
        for (int k = 0; k < a->n_chosen; k++) {
            int hit = -1;
            for (int o = 0; o < it->n_options && hit < 0; o++)
                if (same(it->options[o], a->chosen[k]))
                    hit = o;
            if (hit < 0)
                return NULL;
            chosen[hit] = true;
        }
        return exam ? session_set_options(s, i, chosen, 0) : session_answer_options(s, chosen, 0);
    }
    case ITEM_ZONE_PAINT:
        /* Graded from its runs, as decoding them into cells would give
         * (record_paint_ok: what record_paint_decode accepts). */
        if (!record_paint_ok(a))
            return NULL;
        return exam ? session_set_paint_runs(s, i, a->runs, a->n_runs, &a->grid, 0)
                    : session_answer_paint_runs(s, a->runs, a->n_runs, &a->grid, 0);
    case ITEM_LOCATE_ALL:
        return exam ? session_set_clicks(s, i, a->marks, a->n_marks, 0)
                    : session_answer_clicks(s, a->marks, a->n_marks, 0);
    }
    return NULL;
}

/* The start record an exam names: a good one of the same learner's file. */
static const Record *find_start(const ScoreFile *f, int seq)
{
    for (int k = 0; k < scorefile_count(f); k++) {
        const Record *x = scorefile_record(f, k);
        if (x->kind == RECORD_START && x->seq == seq && scorefile_status(f, k) == RECORD_GOOD)
            return x;
    }
    return NULL;
}

JudgeResult judge_record(const Course *c, const ScoreFile *f, int i)
{
    return judge_record_at(c, f, i, NULL);
}

JudgeResult judge_record_at(const Course *c, const ScoreFile *f, int i, const JudgeStations *stations)
{
    JudgeResult res = {.code = JUDGE_NOT_ATTEMPT, .score = -1};
    const Record *r = scorefile_record(f, i);
    if (!r || r->kind != RECORD_ATTEMPT)
        return res;
    bool exam = r->mode == ATTEMPT_EXAM;
    res.old_format = r->course_fp == NULL;
    if (!c || !same(c->id, r->course))
        return verdict(res, JUDGE_NO_COURSE, "the course '%s' is not in the course folder it was judged against",
                       r->course ? r->course : "?");
    if (r->void_reason)
        return verdict(res, JUDGE_VOID, "void: %s", r->void_reason);
    if (exam && c->exam.issued_stations && stations) {
        bool issued = false;
        for (int k = 0; k < stations->n && !issued; k++)
            issued = same(r->key_id, stations->ids[k]);
        if (!issued)
            return verdict(res, JUDGE_UNPROCTORED,
                           "unproctored: sat at a station whose key was not given as issued (key %s)",
                           r->key_id ? r->key_id : "not named");
    }
    if (r->course_fp && strcmp(r->course_fp, c->fingerprint) != 0)
        return verdict(res, JUDGE_OTHER_VERSION,
                       "graded against another version of the course '%s' (its fingerprint differs)", c->id);
    int pass_mark = exam ? c->exam.pass_mark : c->module_pass_mark;
    if (r->pass_mark != pass_mark)
        return verdict(res, JUDGE_RULES, "its pass mark is %d%%, the course's is %d%%", r->pass_mark, pass_mark);
    if (r->finished < r->started)
        return verdict(res, JUDGE_TIME, "it finished before it started (the clock was set back)");
    if (exam) {
        int64_t limit = (int64_t)c->exam.time_limit_min * 60;
        if (r->finished - r->started > limit + JUDGE_GRACE_S)
            return verdict(res, JUDGE_TIME, "it took %lld min, the limit is %d min",
                           (long long)((r->finished - r->started + 59) / 60), c->exam.time_limit_min);
        if (r->start_seq > 0) {
            const Record *st = find_start(f, r->start_seq);
            if (!st)
                return verdict(res, JUDGE_NO_START, "its start record (record %d) is missing or not intact",
                               r->start_seq);
            if (!same(st->course, r->course) || st->seed != r->seed || !same(st->course_fp, r->course_fp))
                return verdict(res, JUDGE_NO_START, "it does not match its start record (record %d)",
                               r->start_seq);
            if (r->finished > st->deadline + JUDGE_GRACE_S || r->started < st->started ||
                st->deadline - st->started > limit + JUDGE_GRACE_S)
                return verdict(res, JUDGE_TIME, "it ran past the deadline of its start record (record %d)",
                               r->start_seq);
        } else if (!res.old_format) {
            return verdict(res, JUDGE_NO_START, "an exam without a start record");
        }
    }

    const Module *m = NULL;
    if (!exam) {
        for (int k = 0; k < c->n_modules && !m; k++)
            if (same(c->module_ids[k], r->module))
                m = c->modules[k];
        if (!m)
            return verdict(res, JUDGE_NO_COURSE, "the module '%s' is not part of the course '%s'",
                           r->module ? r->module : "?", c->id);
    }
    Session *s = exam ? session_create_exam_unprompted(c, r->seed, c->exam.questions)
                      : session_create_quiz_unprompted(m, r->seed);
    if (!s)
        return verdict(res, JUDGE_ITEMS, "its questions cannot be drawn from the course");
    int n = session_item_count(s);
    if (n != r->n_answers) {
        session_free(s);
        return verdict(res, exam ? JUDGE_RULES : JUDGE_ITEMS, "it has %d questions, the course draws %d",
                       r->n_answers, n);
    }
    for (int k = 0; k < n; k++) {
        if (!same(session_item(s, k)->key, r->answers[k].key)) {
            session_free(s);
            return verdict(res, JUDGE_ITEMS, "question %d is not the one its seed draws", k + 1);
        }
    }
    for (int k = 0; k < n; k++) {
        const RecordAnswer *a = &r->answers[k];
        const Answer *an = NULL;
        if (a->answered) {
            an = replay(s, k, a, exam);
            if (!an) {
                session_free(s);
                return verdict(res, JUDGE_ITEMS, "the answer to question %d does not fit the question", k + 1);
            }
        }
        double credit = an ? an->credit : 0;
        if (fabs(credit - (a->answered ? a->credit : 0)) > CREDIT_TOLERANCE) {
            session_free(s);
            return verdict(res, JUDGE_SCORE, "question %d: recorded credit %.0f%%, re-graded %.0f%%", k + 1,
                           a->credit * 100, credit * 100);
        }
        if (!exam)
            session_next(s);
    }
    res.score = session_score(s);
    session_free(s);
    res.passed = res.score * 100.0 + 1e-9 >= pass_mark;
    if (fabs(res.score - r->score) > SCORE_TOLERANCE || res.passed != r->passed)
        return verdict(res, JUDGE_SCORE, "it claims %.1f%% (%s), re-graded %.1f%% (%s)", r->score * 100,
                       r->passed ? "passed" : "failed", res.score * 100, res.passed ? "passed" : "failed");
    return verdict(res, JUDGE_COUNTS, NULL);
}
