/* record: learner score files, the record of truth for certification.
 *
 * One file per learner (<data>/learners/<id>.scores), a text file of
 * records: the first is the learner's profile, each later one a finished
 * graded attempt (module quiz or exam) with every answer and its raw
 * response. Records are tamper-evident: each carries the MAC of the record
 * before it and its own HMAC-SHA256 (libsodium) over its canonical text,
 * keyed by the station key, so an edited, deleted (from the middle),
 * reordered or truncated record is detected. A record is added by writing
 * the whole new file to a temporary file, fsyncing it and renaming it over
 * the old one (then fsyncing the folder): a crash leaves the old file or
 * the new one, never half a record. The format is in docs/FORMATS.md. */
#ifndef TPQUIZ_RECORD_H
#define TPQUIZ_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "geometry.h"

#define STATION_KEY_BYTES 32

/* Reads <data>/station.key, creating it (random, mode 0600) if missing:
 * 64 lower-case hex digits and a newline. Of two programs creating it at
 * once, one wins and both use its key. The folder must exist. Returns 0,
 * or -1 with the reason in d. */
int station_key_load(const char *data_dir, unsigned char key[STATION_KEY_BYTES], Diag *d);
/* Reads a key file (for `tpquiz verify --key`). A file that others may
 * read (mode more open than 0600), that is not a regular file or that does
 * not hold exactly a key is an error. */
int station_key_read(const char *path, unsigned char key[STATION_KEY_BYTES], Diag *d);

/* The station key's public id: 16 lower-case hex digits of a hash of the
 * key (it reveals nothing of the key). Every record written names the key
 * that sealed it, so a report given the institute's issued keys can tell
 * which station an exam was sat on. */
#define STATION_KEY_ID_HEX 16
void station_key_id(const unsigned char key[STATION_KEY_BYTES], char out[STATION_KEY_ID_HEX + 1]);

/* Of keys[0..n), the one whose id the score file at path names (its first
 * key_id line, in the first 4 KB), else fallback: a folder collected from
 * several stations is checked with each file's own station key. */
const unsigned char *station_key_for_file(const char *path, const unsigned char *fallback,
                                          const unsigned char (*keys)[STATION_KEY_BYTES], int n);

/* Profile: the learner; attempt: a finished quiz or exam; start: an exam
 * started (written before its first question is shown: an attempt counts
 * from then, whatever happens to the program or its journal). */
typedef enum { RECORD_PROFILE, RECORD_ATTEMPT, RECORD_START } RecordKind;
typedef enum { ATTEMPT_QUIZ, ATTEMPT_EXAM } AttemptMode;

/* Most cells a recorded painting's grid may have, and most marks a
 * recorded locate-all answer may have: at least what a session accepts
 * (SESSION_MAX_PAINT_CELLS, SESSION_MAX_CLICKS). */
#define RECORD_MAX_PAINT_CELLS (1 << 22)
#define RECORD_MAX_MARKS 1000

typedef struct {
    char *key;          /* the item's stable key (Item.key) */
    char *type;         /* "locate", "zone", "choice", "multi", "paint",
                           "locate_all", "reverse" */
    char *module;       /* module id */
    double credit;      /* 0..1 */
    int64_t time_ms;
    bool answered;
    bool has_click;
    Vec2 click;         /* image units */
    char *view;         /* view the item was answered on, NULL if none */
    int n_chosen;
    char **chosen;      /* the option texts chosen */
    bool flagged;
    /* A painting (zone-paint): the grid it was painted on (image units of
     * view) and its cells as runs (see record_paint_encode). */
    bool has_paint;
    Grid grid;
    int n_runs;
    int *runs;
    /* Locate-all: every mark placed, in order, and for each the id of the
     * trigger point it was matched to (NULL: an extra mark). */
    int n_marks;
    Vec2 *marks;
    char **mark_tp;
    /* Reverse: the trigger point credited, "<module id>/<tp id>"; NULL if
     * none was recorded. */
    char *matched;
} RecordAnswer;

/* A painting as runs: the lengths of alternating stretches of cells in
 * row-major order, unpainted first: unpainted, painted, unpainted, ...,
 * ending with the last painted stretch (the unpainted rest is left out).
 * Only the first run may be 0; the count is even; no runs: nothing painted.
 * record_paint_encode writes the runs of cells (n_cells bytes, non-zero =
 * painted) to a new array *runs (NULL when there are none; the caller
 * frees it) and returns their count, or -1 if memory runs out.
 * record_paint_decode expands a's runs into cells (a->grid.cols *
 * a->grid.rows bytes, 1 = painted); false (cells untouched) if a has no
 * painting. */
int record_paint_encode(const unsigned char *cells, int n_cells, int **runs);
bool record_paint_decode(const RecordAnswer *a, unsigned char *cells);
/* True if a has a painting that decodes: a grid a painting can be
 * recorded on and runs that fit it (what record_paint_decode accepts). */
bool record_paint_ok(const RecordAnswer *a);
/* Why runs (an even count, only the first may be 0, ending within n_cells)
 * cannot be a painting on a grid of n_cells cells, or NULL. */
const char *record_runs_problem(const int *runs, int n_runs, int64_t n_cells);

typedef struct {
    RecordKind kind;
    int seq;            /* 1, 2, 3 ... in file order as written */
    char *learner;      /* id */
    char *name;         /* display name, unescaped */
    /* attempts only: */
    AttemptMode mode;
    char *course;       /* course id */
    char *module;       /* module id for quizzes, NULL for exams */
    int64_t started;    /* unix seconds; for the profile, when it was created */
    int64_t finished;
    uint64_t seed;
    double score;       /* 0..1 */
    int pass_mark;      /* percent in force */
    bool passed;
    bool auto_submitted; /* exam submitted at the deadline */
    /* Written since score-file version 2; NULL / 0 in older records. */
    char *course_fp;     /* attempts and starts: the course's fingerprint (fingerprint.h) */
    char *key_id;        /* the id of the station key that sealed it (set by scorefile_append) */
    int start_seq;       /* exam attempt: the seq of its start record */
    int64_t deadline;    /* start: unix seconds when the exam's time runs out */
    char *void_reason;   /* exam attempt: why it was not graded (its journal failed its
                            check); a void attempt counts as an attempt, never as a pass */
    int n_answers;
    RecordAnswer *answers;
    int line;           /* first line of the record in its file */
} Record;

typedef enum {
    RECORD_GOOD,
    RECORD_EDITED,    /* its MAC does not match its text */
    RECORD_MISSING,   /* one or more records before this one are gone (a gap in the chain) */
    RECORD_REORDERED, /* out of sequence */
    RECORD_TRUNCATED  /* the file ends inside this record */
} RecordStatus;

const char *record_status_name(RecordStatus s); /* "good", "edited", ... */

/* A short description of r for messages, from whatever fields it has:
 * "record 3 (exam, essentials, 2026-03-02)", "record 2 (quiz,
 * essentials/iliopsoas, 2026-03-01)", "record 1 (profile, anna.berg)" (the
 * date is the finish time in UTC). */
void record_describe(const Record *r, char *buf, size_t size);

typedef struct ScoreFile ScoreFile;

/* Parses a score file and checks every record's integrity with key (NULL:
 * no MAC or chain checks, every complete, well-formed record counts as
 * good). Every record that is not good is reported at its first line
 * ("record 3 (exam, essentials, 2026-03-02): edited: <why>"), as is text
 * outside any record; the rest is still read. Returns NULL only if the
 * file cannot be read or is not a score file at all (reason in d). The
 * string fields of a good record are set as its kind requires (learner,
 * name; course for attempts, module for quizzes; key, type, module for
 * answers); a record that is not good may lack any of them. */
ScoreFile *scorefile_load(const char *path, const unsigned char *key, Diag *d);
void scorefile_free(ScoreFile *f);

int scorefile_count(const ScoreFile *f);
const Record *scorefile_record(const ScoreFile *f, int i);
RecordStatus scorefile_status(const ScoreFile *f, int i);
/* True if there is at least one record, every record is good and the file
 * holds nothing else. */
bool scorefile_intact(const ScoreFile *f);
/* Problems outside the records: runs of lines that belong to no record, a
 * file with no records at all. */
int scorefile_problems(const ScoreFile *f);
const char *scorefile_learner(const ScoreFile *f); /* from the profile, NULL if none */
const char *scorefile_name(const ScoreFile *f);

/* Creates a learner's score file with its profile record (mode 0600; the
 * folder must exist). -1 if it exists, learner or name is not valid
 * (learner.h) or the file cannot be written (reason in d). */
int scorefile_create(const char *path, const char *learner, const char *name, int64_t now_s,
                     const unsigned char key[STATION_KEY_BYTES], Diag *d);

/* Appends one attempt or start record (seq, learner, name and key_id are
 * filled in from the file and the key; *seq_out, if not NULL, gets the seq
 * given). Atomic as described above, and serialised with every other
 * append to the same folder by an exclusive lock on the folder (another
 * program appending at the same moment waits), so no append is lost. The file's earlier bytes are kept as
 * they are, even if some record in it is not good (it stays reported); it
 * fails if the file has no profile record or does not end with a complete
 * record. Returns 0, or -1 with the reason in d (nothing is changed then). */
int scorefile_append(const char *path, const Record *attempt, const unsigned char key[STATION_KEY_BYTES],
                     Diag *d);
int scorefile_append_seq(const char *path, const Record *attempt, const unsigned char key[STATION_KEY_BYTES],
                         int *seq_out, Diag *d);
/* True if the file is named <id>.scores and its profile is another
 * learner's (a copied or renamed file; also reported as an error and
 * counted in scorefile_problems): none of its records counts. */
bool scorefile_misnamed(const ScoreFile *f);
/* Marks the file as not to be trusted (the station's ledger shows it was
 * rolled back, say): none of its records counts (certify.c). */
void scorefile_distrust(ScoreFile *f);
/* Neither misnamed nor distrusted. */
bool scorefile_trusted(const ScoreFile *f);
/* The MAC of record i as written in the file; false if it has none. */
bool scorefile_record_mac(const ScoreFile *f, int i, unsigned char out[32]);
/* The header version of the file as read (1 or 2). */
int scorefile_version(const ScoreFile *f);

/* Certificate verification code of an exam record: 12 characters of
 * [A-Z2-9] from an HMAC over its learner, course, finish time and score
 * (the score as written in the file, 4 decimals, so a record read back
 * gives the code of the record written). */
void record_certificate_code(const Record *r, const unsigned char key[STATION_KEY_BYTES], char out[13]);

#endif
