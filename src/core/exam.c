/* exam: start records, resuming and the time left (see exam.h). */
#include "exam.h"

#include <string.h>

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
