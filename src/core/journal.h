/* journal: an exam in progress, on disk, so a crash or power loss loses no
 * answer and does not stop the clock.
 *
 * <data>/learners/<id>.journal: a header line with the exam's course, seed,
 * start and deadline (wall-clock milliseconds), then one line per event
 * (answer, flag), each appended with a single write and fsync before the
 * program moves on. A last line cut short by a crash is ignored. Replaying
 * the journal over a session built from the same course and seed restores
 * every answer. The format is in docs/FORMATS.md. */
#ifndef TPQUIZ_JOURNAL_H
#define TPQUIZ_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "geometry.h"

typedef struct {
    char *course;
    uint64_t seed;
    int64_t started_ms;
    int64_t deadline_ms;
    int n_questions;
    /* The seq of the exam's start record in the learner's score file
     * (version 2; 0 in a version 1 journal). Resuming trusts that record,
     * not these header fields, for the course, seed and deadline. */
    int start_seq;
} JournalHeader;

typedef enum {
    JOURNAL_CLICK,   /* a click answer (locate, zone, reverse) */
    JOURNAL_OPTIONS, /* options chosen */
    JOURNAL_FLAG,
    JOURNAL_CLEAR,
    JOURNAL_PAINT, /* a painting (zone-paint) */
    JOURNAL_CLICKS, /* several clicks (locate-all marks) */
    JOURNAL_TICK    /* the time spent in the exam so far (spent_ms), written now and then */
} JournalOp;

/* Most cells a journaled painting may have, most clicks a JOURNAL_CLICKS
 * event may have (at least what a session accepts), and most painted
 * cells all the paint events of one journal may expand to when read (a
 * bound on memory for a damaged or hostile file: some 2,500 paintings on
 * the shipped charts' grids). */
#define JOURNAL_MAX_PAINT_CELLS (1 << 22)
#define JOURNAL_MAX_CLICKS 1000
#define JOURNAL_MAX_READ_CELLS (1 << 27)

typedef struct {
    JournalOp op;
    int item;
    int64_t at_ms;    /* wall clock when it happened */
    Vec2 click;       /* JOURNAL_CLICK */
    unsigned options; /* JOURNAL_OPTIONS: bit i = option i chosen */
    bool flag;        /* JOURNAL_FLAG */
    int64_t spent_ms; /* JOURNAL_TICK: time the exam has been open, over every sitting */
    /* JOURNAL_PAINT: the grid painted on and its cells (grid.cols *
     * grid.rows bytes, row-major; non-zero = painted when appending, 0 or 1
     * when read). */
    Grid grid;
    const unsigned char *cells;
    /* JOURNAL_CLICKS: the clicks in order (0..JOURNAL_MAX_CLICKS). */
    int n_clicks;
    const Vec2 *clicks;
} JournalEvent;

/* The station key's size (record.h's STATION_KEY_BYTES). */
#define JOURNAL_KEY_BYTES 32

/* What checking a journal's seals found (journal_read). */
typedef struct {
    bool checked; /* a key was given */
    bool intact;  /* every complete line is sealed and chains (unchecked without a key) */
    int line;     /* the first line that breaks the chain, 0 if none */
    char why[200]; /* "line 7 does not match its seal (...)", "an old journal without seals ..." */
} JournalSeal;

typedef struct Journal Journal;

/* Starts a new journal (fails if one exists: an unfinished exam must be
 * resumed or submitted first); every line it gets is sealed with key (the
 * station key). Returns NULL with the reason in d. */
Journal *journal_begin(const char *path, const JournalHeader *h, const unsigned char key[JOURNAL_KEY_BYTES],
                       Diag *d);
/* Appends one event: a single write + fsync. The event's cells or clicks
 * are the caller's (read during the call only). Returns 0, or -1 with the
 * reason in d (the caller keeps the answer in memory and retries); also for
 * a painting with no cells, a grid that is empty, has more than
 * JOURNAL_MAX_PAINT_CELLS cells or a cell that is not > 0, or clicks out of
 * range. */
int journal_append(Journal *j, const JournalEvent *e, Diag *d);
/* Closes the file (it stays on disk). */
void journal_close(Journal *j);

/* Reads a journal left on disk: its header and every complete event.
 * Returns false if there is none or it is unreadable (reason in d). The
 * caller frees h->course and *events; the cells and clicks of the events
 * live in the same allocation as *events (one free releases all). With a
 * key, every line's seal is checked and the outcome goes into *seal (may
 * be NULL); the events are returned either way: a caller must not replay
 * a journal whose seal is not intact. */
bool journal_read(const char *path, const unsigned char *key, JournalHeader *h, JournalEvent **events, int *n,
                  JournalSeal *seal, Diag *d);
/* Removes the journal after its exam is recorded. */
int journal_remove(const char *path, Diag *d);
/* Reopens an existing journal to append more events (a resumed exam);
 * refused if its seals are not intact. */
Journal *journal_reopen(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], Diag *d);

#endif
