/* exam: start records, resuming, the time left and the exam run (see exam.h). */
#include "exam.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attempt.h"
#include "datafile.h"

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

int exam_open_start(const ScoreFile *f, const char *course)
{
    int n = f ? scorefile_count(f) : 0;
    for (int i = n - 1; i >= 0; i--) {
        const Record *r = scorefile_record(f, i);
        if (r->kind != RECORD_START || scorefile_status(f, i) != RECORD_GOOD || (course && !same(r->course, course)))
            continue;
        bool closed = false;
        for (int k = 0; k < n && !closed; k++) {
            const Record *x = scorefile_record(f, k);
            closed = x->kind == RECORD_ATTEMPT && x->mode == ATTEMPT_EXAM && x->start_seq == r->seq;
        }
        return closed ? -1 : i; /* only the latest start can still be open */
    }
    return -1;
}

Record exam_start_record(const Course *c, uint64_t seed, int64_t started_s)
{
    Record r;
    memset(&r, 0, sizeof r);
    r.kind = RECORD_START;
    r.mode = ATTEMPT_EXAM;
    r.course = c->id;
    r.course_fp = (char *)c->fingerprint;
    r.seed = seed;
    r.started = started_s;
    r.deadline = started_s + (int64_t)c->exam.time_limit_min * 60;
    return r;
}

Session *exam_rebuild(const Course *c, const Record *start)
{
    if (!c || !start || start->kind != RECORD_START || !same(c->id, start->course))
        return NULL;
    return session_create_exam(c, start->seed, c->exam.questions);
}

int64_t exam_remaining_ms(int64_t deadline_ms, int64_t limit_ms, int64_t spent_ms, int64_t now_ms)
{
    int64_t by_clock = deadline_ms - now_ms;
    int64_t by_spent = limit_ms - (spent_ms > 0 ? spent_ms : 0);
    int64_t left = by_clock < by_spent ? by_clock : by_spent;
    if (left > limit_ms)
        left = limit_ms;
    return left > 0 ? left : 0;
}

int64_t exam_replay(Session *s, const JournalEvent *ev, int n)
{
    int count = session_item_count(s);
    int64_t spent = 0;
    for (int i = 0; i < n; i++) {
        const JournalEvent *e = &ev[i];
        if (e->op == JOURNAL_TICK) {
            if (e->spent_ms > spent)
                spent = e->spent_ms;
            continue;
        }
        if (e->item < 0 || e->item >= count)
            continue;
        if (e->op == JOURNAL_CLICK) {
            session_set_click(s, e->item, e->click, e->at_ms);
        } else if (e->op == JOURNAL_OPTIONS) {
            bool chosen[SESSION_MAX_OPTIONS];
            for (int k = 0; k < SESSION_MAX_OPTIONS; k++)
                chosen[k] = (e->options >> k) & 1u;
            session_set_options(s, e->item, chosen, e->at_ms);
        } else if (e->op == JOURNAL_FLAG) {
            session_set_flag(s, e->item, e->flag);
        } else if (e->op == JOURNAL_PAINT) {
            session_set_paint(s, e->item, e->cells, &e->grid, e->at_ms);
        } else if (e->op == JOURNAL_CLICKS) {
            session_set_clicks(s, e->item, e->clicks, e->n_clicks, e->at_ms);
        } else if (e->op == JOURNAL_CLEAR) {
            session_clear(s, e->item);
        }
    }
    return spent;
}

/* ---- the exam run ------------------------------------------------------- */

struct ExamRun {
    char *scores, *journal_path;
    unsigned char key[STATION_KEY_BYTES];
    const Course *course;
    Session *s; /* the caller's */
    Journal *journal;
    JournalEvent *pending;
    int n_pending, cap_pending;
    int start_seq;
    uint64_t seed;
    int64_t started_s, deadline_s;
    int64_t limit_ms, spent_ms, last_ms, tick_at;
    bool recorded;
    double score;
    bool passed;
    char error[300];
};

static ExamRun *run_new(const ExamFiles *files, const Course *c, const Record *start, Session *s, int64_t spent,
                        int64_t now_ms)
{
    ExamRun *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->scores = strdup(files->scores);
    r->journal_path = strdup(files->journal);
    if (!r->scores || !r->journal_path) {
        free(r->scores);
        free(r->journal_path);
        free(r);
        return NULL;
    }
    memcpy(r->key, files->key, sizeof r->key);
    r->course = c;
    r->s = s;
    r->start_seq = start->seq;
    r->seed = start->seed;
    r->started_s = start->started;
    r->deadline_s = start->deadline;
    r->limit_ms = (int64_t)c->exam.time_limit_min * 60000;
    r->spent_ms = spent;
    r->last_ms = now_ms;
    r->tick_at = spent + EXAM_TICK_MS;
    return r;
}

static void set_error(ExamRun *r, const Diag *d)
{
    const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
    snprintf(r->error, sizeof r->error, "%s", it ? it->message : "unknown error");
}

static JournalHeader header_of(const ExamRun *r)
{
    return (JournalHeader){(char *)r->course->id, r->seed, r->started_s * 1000, r->deadline_s * 1000,
                           session_item_count(r->s), r->start_seq};
}

ExamRun *exam_run_start(const ExamFiles *files, const Course *c, uint64_t seed, int64_t now_ms,
                        Session **session, Diag *d)
{
    *session = NULL;
    Record start = exam_start_record(c, seed, now_ms / 1000);
    Session *s = exam_rebuild(c, &start);
    if (!s) {
        diag_error(d, files->scores, 0, "%s has no questions to draw an exam from", c->title);
        return NULL;
    }
    /* The signed start comes first: from here on the attempt counts,
     * whatever becomes of the program or the journal. */
    if (scorefile_append_seq(files->scores, &start, files->key, &start.seq, d) != 0) {
        session_free(s);
        return NULL;
    }
    ExamRun *r = run_new(files, c, &start, s, 0, now_ms);
    if (!r) {
        session_free(s);
        diag_error(d, files->scores, 0, "out of memory");
        return NULL;
    }
    JournalHeader h = header_of(r);
    Diag *jd = diag_create();
    r->journal = journal_begin(r->journal_path, &h, r->key, jd);
    if (!r->journal)
        set_error(r, jd); /* answers wait in memory; the journal is retried */
    diag_free(jd);
    *session = s;
    return r;
}

/* Appends the void attempt of an open start. */
static int record_void(const ExamFiles *files, const Course *c, const Record *start, int64_t now_ms,
                       const char *why, Diag *d)
{
    Record v;
    memset(&v, 0, sizeof v);
    v.kind = RECORD_ATTEMPT;
    v.mode = ATTEMPT_EXAM;
    v.course = c->id;
    v.course_fp = start->course_fp;
    v.start_seq = start->seq;
    v.seed = start->seed;
    v.started = start->started;
    int64_t now = now_ms / 1000;
    v.finished = now < start->started ? start->started : now > start->deadline ? start->deadline : now;
    v.pass_mark = c->exam.pass_mark;
    v.void_reason = (char *)why;
    if (scorefile_append(files->scores, &v, files->key, d) != 0)
        return -1;
    journal_remove(files->journal, d);
    return 0;
}

ExamRun *exam_run_resume(const ExamFiles *files, const Library *lib, const ScoreFile *f, int64_t now_ms,
                         Session **session, ExamResume *res, Diag *d)
{
    memset(res, 0, sizeof *res);
    *session = NULL;
    struct stat st;
    bool have_journal = lstat(files->journal, &st) == 0;
    if (have_journal && !S_ISREG(st.st_mode)) {
        /* Not a file tpquiz wrote (a FIFO, a folder, a link): named, left
         * alone, never read or removed. */
        int fd = datafile_open_regular(files->journal, DATAFILE_JOURNAL, NULL, d);
        if (fd >= 0) /* a link to a regular file: still not ours */
            close(fd);
        have_journal = false;
    }
    int open = exam_open_start(f, NULL);
    if (open < 0) {
        if (have_journal) {
            /* No signed start names it: not an exam this learner started
             * here (or one of an older version): never replayed. */
            if (journal_remove(files->journal, d) == 0)
                diag_warning(d, files->journal, 0, "an exam journal without its start record was removed");
            res->kind = EXAM_RESUME_SET_ASIDE;
        }
        return NULL;
    }
    const Record *start = scorefile_record(f, open);
    const Course *c = library_find_course(lib, start->course);
    if (!c) {
        res->kind = EXAM_RESUME_NO_COURSE;
        snprintf(res->course_id, sizeof res->course_id, "%s", start->course);
        return NULL;
    }
    res->course = c;
    if (strcmp(c->fingerprint, start->course_fp) != 0) {
        snprintf(res->why, sizeof res->why, "the course was changed while the exam was open");
        res->kind = record_void(files, c, start, now_ms, res->why, d) == 0 ? EXAM_RESUME_VOIDED : EXAM_RESUME_FAILED;
        return NULL;
    }
    Session *s = exam_rebuild(c, start);
    if (!s) {
        res->kind = EXAM_RESUME_FAILED;
        diag_error(d, files->scores, 0, "the open exam's questions cannot be drawn from the course");
        return NULL;
    }
    int64_t spent = 0;
    if (have_journal) {
        JournalHeader h;
        JournalEvent *ev = NULL;
        int n = 0;
        JournalSeal seal;
        bool found = journal_read(files->journal, files->key, &h, &ev, &n, &seal, d);
        bool ours = found && seal.intact && h.start_seq == start->seq && h.seed == start->seed &&
                    strcmp(h.course, start->course) == 0;
        if (ours)
            spent = exam_replay(s, ev, n);
        free(ev);
        free(h.course);
        if (!ours) {
            /* A journal that fails its check is never replayed: the
             * attempt is recorded as void, with the reason. */
            snprintf(res->why, sizeof res->why, "its journal failed its check (%s)",
                     !found          ? "it cannot be read"
                     : !seal.intact ? seal.why
                                    : "it belongs to another exam");
            session_free(s);
            res->kind =
                record_void(files, c, start, now_ms, res->why, d) == 0 ? EXAM_RESUME_VOIDED : EXAM_RESUME_FAILED;
            return NULL;
        }
    }
    ExamRun *r = run_new(files, c, start, s, spent, now_ms);
    if (!r) {
        session_free(s);
        res->kind = EXAM_RESUME_FAILED;
        diag_error(d, files->scores, 0, "out of memory");
        return NULL;
    }
    res->had_journal = have_journal;
    *session = s;
    if (exam_run_remaining(r, now_ms) <= 0) {
        res->kind = EXAM_RESUME_EXPIRED;
        return r;
    }
    res->kind = EXAM_RESUME_RUNNING;
    Diag *jd = diag_create();
    if (have_journal) {
        r->journal = journal_reopen(r->journal_path, r->key, jd);
    } else {
        JournalHeader h = header_of(r);
        r->journal = journal_begin(r->journal_path, &h, r->key, jd);
    }
    if (!r->journal)
        set_error(r, jd); /* reopening is retried with every event */
    diag_free(jd);
    return r;
}

int64_t exam_run_remaining(const ExamRun *r, int64_t now_ms)
{
    return exam_remaining_ms(r->deadline_s * 1000, r->limit_ms, r->spent_ms, now_ms);
}

int64_t exam_run_tick(ExamRun *r, int64_t now_ms)
{
    if (now_ms > r->last_ms)
        r->spent_ms += now_ms - r->last_ms;
    r->last_ms = now_ms;
    if (r->spent_ms >= r->tick_at) {
        r->tick_at = r->spent_ms + EXAM_TICK_MS;
        exam_run_journal(r, (JournalEvent){.op = JOURNAL_TICK, .item = 0, .spent_ms = r->spent_ms}, now_ms);
    }
    return exam_run_remaining(r, now_ms);
}

/* Frees what exam_run_journal copied into a queued event. */
static void drop_event(JournalEvent *e)
{
    if (e->op == JOURNAL_PAINT)
        free((void *)e->cells);
    else if (e->op == JOURNAL_CLICKS)
        free((void *)e->clicks);
}

int exam_run_flush(ExamRun *r)
{
    if (!r->journal && (r->n_pending > 0 || r->error[0])) {
        /* The journal could not be begun or reopened (a read-only folder):
         * try again, until it can. */
        Diag *d = diag_create();
        struct stat st;
        if (lstat(r->journal_path, &st) == 0) {
            r->journal = journal_reopen(r->journal_path, r->key, d);
        } else {
            JournalHeader h = header_of(r);
            r->journal = journal_begin(r->journal_path, &h, r->key, d);
        }
        if (!r->journal)
            set_error(r, d);
        diag_free(d);
        if (!r->journal)
            return r->n_pending;
    }
    while (r->n_pending > 0 && r->journal) {
        Diag *d = diag_create();
        int rc = journal_append(r->journal, &r->pending[0], d);
        if (rc != 0) {
            set_error(r, d);
            diag_free(d);
            return r->n_pending;
        }
        diag_free(d);
        drop_event(&r->pending[0]);
        memmove(r->pending, r->pending + 1, sizeof *r->pending * (size_t)(r->n_pending - 1));
        r->n_pending--;
    }
    if (r->n_pending == 0)
        r->error[0] = 0;
    return r->n_pending;
}

void exam_run_journal(ExamRun *r, JournalEvent e, int64_t now_ms)
{
    e.at_ms = now_ms;
    if (r->n_pending == r->cap_pending) {
        int cap = r->cap_pending ? r->cap_pending * 2 : 16;
        JournalEvent *p = realloc(r->pending, sizeof *p * (size_t)cap);
        if (!p) {
            snprintf(r->error, sizeof r->error, "out of memory while saving an answer");
            return;
        }
        r->pending = p;
        r->cap_pending = cap;
    }
    /* A painting or a set of marks may change before the disk takes it:
     * the queued event keeps its own copy. */
    if (e.op == JOURNAL_PAINT && e.cells) {
        size_t n = (size_t)e.grid.cols * (size_t)e.grid.rows;
        unsigned char *copy = malloc(n ? n : 1);
        if (!copy) {
            snprintf(r->error, sizeof r->error, "out of memory while saving an answer");
            return;
        }
        memcpy(copy, e.cells, n);
        e.cells = copy;
    } else if (e.op == JOURNAL_CLICKS && e.n_clicks > 0) {
        Vec2 *copy = malloc(sizeof *copy * (size_t)e.n_clicks);
        if (!copy) {
            snprintf(r->error, sizeof r->error, "out of memory while saving an answer");
            return;
        }
        memcpy(copy, e.clicks, sizeof *copy * (size_t)e.n_clicks);
        e.clicks = copy;
    }
    r->pending[r->n_pending++] = e;
    exam_run_flush(r);
}

const char *exam_run_error(const ExamRun *r)
{
    return r->error;
}

int exam_run_submit(ExamRun *r, int64_t now_ms, bool auto_submitted, Diag *d)
{
    if (r->recorded)
        return 0;
    exam_run_flush(r);
    int64_t deadline = r->deadline_s * 1000;
    int64_t end = now_ms < deadline ? now_ms : deadline;
    if (!session_finished(r->s))
        session_submit(r->s, end);
    Record *rec = attempt_build(r->s, ATTEMPT_EXAM, r->course, NULL, r->started_s, end / 1000,
                                r->course->exam.pass_mark, auto_submitted);
    if (!rec) {
        diag_error(d, r->scores, 0, "out of memory");
        return -1;
    }
    rec->start_seq = r->start_seq;
    int rc = scorefile_append(r->scores, rec, r->key, d);
    if (rc == 0) {
        r->recorded = true;
        r->score = rec->score;
        r->passed = rec->passed;
        journal_close(r->journal);
        r->journal = NULL;
        journal_remove(r->journal_path, d);
    }
    attempt_free(rec);
    return rc;
}

bool exam_run_recorded(const ExamRun *r)
{
    return r->recorded;
}

double exam_run_score(const ExamRun *r)
{
    return r->score;
}

bool exam_run_passed(const ExamRun *r)
{
    return r->passed;
}

const Course *exam_run_course(const ExamRun *r)
{
    return r->course;
}

int exam_run_start_seq(const ExamRun *r)
{
    return r->start_seq;
}

int64_t exam_run_started_ms(const ExamRun *r)
{
    return r->started_s * 1000;
}

int64_t exam_run_deadline_ms(const ExamRun *r)
{
    return r->deadline_s * 1000;
}

uint64_t exam_run_seed(const ExamRun *r)
{
    return r->seed;
}

void exam_run_free(ExamRun *r)
{
    if (!r)
        return;
    journal_close(r->journal);
    for (int i = 0; i < r->n_pending; i++)
        drop_event(&r->pending[i]);
    free(r->pending);
    free(r->scores);
    free(r->journal_path);
    sodium_memzero(r->key, sizeof r->key);
    free(r);
}
