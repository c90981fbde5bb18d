/* certify: a learner's standing in a course, from their score file.
 *
 * The rules:
 *  - Only attempt records count; the profile record never does. A record
 *    belongs to the course when its `course` is the course's id; a module
 *    quiz counts only for the course it was taken in (the pass mark it was
 *    graded against is that course's), even when another course lists the
 *    same muscle.
 *  - A module is passed when a good quiz record of the course for that
 *    module says passed = yes. The recorded verdict stands: it was judged
 *    against the pass mark in force at the time, and a later change of
 *    course.ini does not take a pass away (or give one).
 *  - The modules are the ones the course lists (module_ids), loaded or not:
 *    a module that failed to load on this station cannot be passed, so
 *    certification waits for the content to be fixed rather than silently
 *    skipping it.
 *  - Exam attempts are the course's exam records in file order. Every one
 *    counts, whatever its integrity status: an edited, reordered or
 *    truncated record is still an attempt the learner sat. Counting only
 *    good records would turn tampering into a way to win attempts back
 *    (edit a failed attempt and it would disappear from the count), which
 *    is exactly what tamper evidence is for. The cost is that a record
 *    damaged by accident also uses up an attempt; the instructor sees the
 *    damage in every report and can decide.
 *  - The wait between attempts runs from the latest `finished` time of
 *    those attempts plus the course's exam.wait_hours.
 *  - The exam is passed by a good exam record that says passed = yes and
 *    was sat within the attempt limit (its place among the attempts is at
 *    most exam.attempts; 0 = unlimited). A record that is not good never
 *    passes. The best passing exam is the one with the highest score, the
 *    earliest in the file on a tie.
 *  - An exam attempt counts from its signed start record (kind start,
 *    written before the first question is shown), so killing the program
 *    and deleting the journal does not give the attempt back: a start that
 *    no exam record names is an attempt too (abandoned, or still running),
 *    its start time standing in for the finish in the wait.
 *  - "Good" for passing means more than intact: certify_status re-grades
 *    every record (judge.h) against the course it is given and treats one
 *    that does not count as not good. certify_status_records takes the
 *    verdicts as they are (the caller has judged).
 *  - Certified = every module passed and the exam passed. */
#include "certify.h"

#include "judge.h"

#include <stdlib.h>
#include <string.h>

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

CertStatus certify_status_records(const Course *c, const Record *const *recs, const RecordStatus *st, int n,
                                  int64_t now_s)
{
    CertStatus cs;
    memset(&cs, 0, sizeof cs);
    cs.exam_attempts_left = -1;
    if (!c)
        return cs;
    int nm = c->n_modules > 0 ? c->n_modules : 0;
    cs.module_passed = calloc((size_t)(nm > 0 ? nm : 1), sizeof *cs.module_passed);
    cs.module_best = malloc(sizeof *cs.module_best * (size_t)(nm > 0 ? nm : 1));
    if (!cs.module_passed || !cs.module_best) {
        certify_status_free(&cs); /* certified stays false */
        cs.exam_attempts_left = 0;
        return cs;
    }
    cs.modules_total = nm;
    for (int k = 0; k < nm; k++)
        cs.module_best[k] = -1;

    int64_t last_finished = 0;
    bool any_attempt = false;
    for (int i = 0; i < n; i++) {
        const Record *r = recs ? recs[i] : NULL;
        if (r && r->kind == RECORD_START && same(r->course, c->id)) {
            /* An attempt of its own unless an exam record of this file
             * names it (then that record is the attempt). */
            bool finished = false;
            for (int k = 0; k < n && !finished; k++)
                finished = recs[k] && recs[k]->kind == RECORD_ATTEMPT && recs[k]->mode == ATTEMPT_EXAM &&
                           recs[k]->start_seq == r->seq && same(recs[k]->course, c->id);
            if (!finished) {
                cs.exam_attempts++;
                if (!any_attempt || r->started > last_finished)
                    last_finished = r->started;
                any_attempt = true;
            }
            continue;
        }
        if (!r || r->kind != RECORD_ATTEMPT || !same(r->course, c->id))
            continue;
        bool good = st && st[i] == RECORD_GOOD;
        if (r->mode == ATTEMPT_QUIZ) {
            if (!good)
                continue;
            for (int k = 0; k < nm; k++) {
                if (!same(r->module, c->module_ids[k]))
                    continue;
                if (r->score > cs.module_best[k])
                    cs.module_best[k] = r->score;
                if (r->passed)
                    cs.module_passed[k] = true;
            }
        } else if (r->mode == ATTEMPT_EXAM) {
            cs.exam_attempts++;
            if (!any_attempt || r->finished > last_finished)
                last_finished = r->finished;
            any_attempt = true;
            bool within = c->exam.attempts <= 0 || cs.exam_attempts <= c->exam.attempts;
            if (good && r->passed && within) {
                cs.exam_passed = true;
                if (!cs.best_exam || r->score > cs.best_exam->score)
                    cs.best_exam = r;
            }
        }
    }

    for (int k = 0; k < nm; k++)
        cs.modules_passed += cs.module_passed[k];
    if (c->exam.attempts > 0) {
        int left = c->exam.attempts - cs.exam_attempts;
        cs.exam_attempts_left = left > 0 ? left : 0;
    }
    if (any_attempt && c->exam.wait_hours > 0) {
        int64_t at = last_finished + (int64_t)c->exam.wait_hours * 3600;
        cs.next_exam_at = at > now_s ? at : 0;
    }
    cs.certified = cs.exam_passed && cs.modules_passed == cs.modules_total;
    return cs;
}

ExamGate certify_exam_gate_status(const CertStatus *s, int64_t now_s, int64_t *wait_until)
{
    if (s->exam_passed)
        return EXAM_ALREADY_PASSED;
    if (s->exam_attempts_left == 0)
        return EXAM_NO_ATTEMPTS_LEFT;
    if (s->next_exam_at > now_s) {
        if (wait_until)
            *wait_until = s->next_exam_at;
        return EXAM_TOO_SOON;
    }
    return EXAM_ALLOWED;
}

void certify_status_free(CertStatus *s)
{
    if (!s)
        return;
    free(s->module_passed);
    free(s->module_best);
    s->module_passed = NULL;
    s->module_best = NULL;
}

/* The only functions that read a ScoreFile (record.c). */
CertStatus certify_status(const Course *c, const ScoreFile *f, int64_t now_s)
{
    return certify_status_at(c, f, now_s, NULL);
}

RecordStatus *certify_judge_records(const Course *c, const ScoreFile *f, const JudgeStations *stations)
{
    int n = f ? scorefile_count(f) : 0;
    RecordStatus *st = malloc(sizeof *st * (size_t)(n > 0 ? n : 1));
    if (!st)
        return NULL;
    for (int i = 0; i < n; i++) {
        const Record *r = scorefile_record(f, i);
        st[i] = scorefile_status(f, i);
        if (st[i] == RECORD_GOOD && !scorefile_trusted(f))
            st[i] = RECORD_EDITED; /* misnamed or rolled back: nothing in it counts */
        else if (st[i] == RECORD_GOOD && r->kind == RECORD_ATTEMPT && same(r->course, c->id) &&
                 !judge_record_at(c, f, i, stations).counts)
            st[i] = RECORD_EDITED; /* genuine bytes, but not what the course grades it */
    }
    return st;
}

CertStatus certify_status_judged(const Course *c, const ScoreFile *f, const RecordStatus *st, int64_t now_s)
{
    int n = f ? scorefile_count(f) : 0;
    const Record **recs = malloc(sizeof *recs * (size_t)(n > 0 ? n : 1));
    if (!recs || !st) {
        /* Out of memory: nothing passed and no exam allowed, rather than an
         * empty history that would open the exam to anyone. */
        free(recs);
        CertStatus cs = certify_status_records(c, NULL, NULL, 0, now_s);
        cs.exam_attempts_left = 0;
        return cs;
    }
    for (int i = 0; i < n; i++)
        recs[i] = scorefile_record(f, i);
    CertStatus cs = certify_status_records(c, recs, st, n, now_s);
    free(recs);
    return cs;
}

CertStatus certify_status_at(const Course *c, const ScoreFile *f, int64_t now_s, const JudgeStations *stations)
{
    RecordStatus *st = certify_judge_records(c, f, stations);
    CertStatus cs = certify_status_judged(c, f, st, now_s);
    free(st);
    return cs;
}

ExamGate certify_exam_gate(const Course *c, const ScoreFile *f, int64_t now_s, int64_t *wait_until)
{
    CertStatus cs = certify_status(c, f, now_s);
    ExamGate g = certify_exam_gate_status(&cs, now_s, wait_until);
    certify_status_free(&cs);
    return g;
}
