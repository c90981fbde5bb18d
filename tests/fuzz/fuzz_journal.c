/* Fuzz target: the exam journal reader (journal_read), then what a resumed
 * exam does with it: the events replayed onto an exam of the e2e fixture's
 * course "demo" (loaded once) as screen_exam.c does, submitted and turned
 * into a record (the replay is exam_replay, as a resumed exam's). Then
 * journal_reopen, which cuts off a torn last line. */
#include "attempt.h"
#include "course.h"
#include "exam.h"
#include "fuzz_common.h"
#include "journal.h"
#include "session.h"

static Library *fixture;
/* The key the journals are checked with: fuzzed seals almost never match,
 * so the reader is also exercised on broken chains. */
static const unsigned char KEY[JOURNAL_KEY_BYTES] = {1, 2, 3};

static void replay(const JournalHeader *h, const JournalEvent *ev, int n)
{
    if (!fixture) {
        Diag *d = diag_create();
        fixture = library_load(FUZZ_SOURCE_ROOT "/tests/e2e/fixture/courses", FUZZ_SOURCE_ROOT "/assets", d);
        diag_free(d);
    }
    const Course *c = library_find_course(fixture, h->course);
    if (!c)
        return;
    Session *s = session_create_exam(c, h->seed, h->n_questions);
    if (!s)
        return;
    if (exam_replay(s, ev, n) < 0) /* as a resumed exam replays them */
        abort();
    session_submit(s, h->deadline_ms);
    Record *r = attempt_build(s, ATTEMPT_EXAM, c, NULL, h->started_ms / 1000, h->deadline_ms / 1000,
                              c->exam.pass_mark, true);
    double score = session_score(s);
    if (!(score >= 0 && score <= 1))
        abort();
    attempt_free(r);
    session_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("fuzz.journal", data, size);
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev = NULL;
    int n = 0;
    if (journal_read(path, KEY, &h, &ev, &n, NULL, d)) {
        for (int i = 0; i < n; i++)
            if (ev[i].item < 0 || ev[i].item >= h.n_questions)
                abort(); /* the reader promises events within the header's questions */
        replay(&h, ev, n);
        free(h.course);
        free(ev);
        Journal *j = journal_reopen(path, KEY, d);
        journal_close(j);
    }
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
