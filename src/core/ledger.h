/* ledger: the station's own account of every record it wrote.
 *
 * A score file's chain shows an edited, reordered or spliced record, but
 * not records cut off its end, nor the whole file replaced by an older copy
 * of itself (a failed exam taken back). So each station also keeps
 * <data>/ledger: one append-only line per record written to any of its
 * learner files (learner, seq, the record's MAC), each line chained and
 * MACed under the station key like the journal. Given the station's folder,
 * the report compares every learner file with the ledger: a file with
 * fewer records than the ledger lists, or another record where the ledger
 * has one, has been rolled back, and none of it counts. What the ledger
 * cannot show is the whole data folder (ledger included) restored to an
 * older copy; the instructor's report remembers each station's ledger
 * length for that (ledger_state_*). Format in docs/FORMATS.md. */
#ifndef TPQUIZ_LEDGER_H
#define TPQUIZ_LEDGER_H

#include <stdbool.h>

#include "diag.h"
#include "record.h"

#define LEDGER_FILE "ledger"

/* Appends the line for record seq of learner (its MAC) to the ledger at
 * path, creating it (mode 0600) if missing: one write and fsync. The
 * caller serialises appends (scorefile_append holds the folder lock).
 * Returns 0, or -1 with the reason in d. */
int ledger_append(const char *path, const unsigned char key[STATION_KEY_BYTES], const char *learner, int seq,
                  const unsigned char mac[32], Diag *d);

typedef struct Ledger Ledger;

/* Reads and checks a ledger: a line that breaks the chain is an error
 * (everything from it on is not trusted and left out). NULL if it cannot be
 * read at all (reason in d). */
Ledger *ledger_load(const char *path, const unsigned char key[STATION_KEY_BYTES], Diag *d);
void ledger_free(Ledger *l);
int ledger_length(const Ledger *l); /* lines trusted */
bool ledger_intact(const Ledger *l);
const char *ledger_key_id(const Ledger *l); /* the station key's id */
/* How many learners the ledger names, and the i-th (in first-seen order). */
int ledger_learner_count(const Ledger *l);
const char *ledger_learner(const Ledger *l, int i);

/* Compares a learner's loaded score file (path for messages) with the
 * ledger: every record the ledger lists for its learner must be in the
 * file with the same MAC. Each difference goes into d as an error
 * ("record 5 is gone: the file was rolled back or its last records
 * deleted"). Returns how many. */
int ledger_check_file(const Ledger *l, const ScoreFile *f, const char *path, Diag *d);

/* The instructor's memory of each station's ledger length, in a file they
 * name (lines "<key id> <length>"). Checks the ledger against it (an error
 * in d if it is shorter than seen before: the station's data folder was
 * restored), then records the longer length. Returns 0, 1 if it went
 * backwards, -1 if the state file cannot be read or written (reason in d). */
int ledger_state_update(const char *state_path, const Ledger *l, const char *ledger_path, Diag *d);

/* What a folder given to a command that reads learner files (report,
 * xapi) says about its ledger (ledger_open_station). */
typedef enum {
    LEDGER_FOUND,      /* dir/LEDGER_FILE exists (loaded, or unreadable: see d) */
    LEDGER_GONE,       /* a station's data folder (it has learners/) without one */
    LEDGER_NOT_STATION /* neither: a folder of collected files */
} LedgerPlace;

/* The ledger of the folder dir, for the files read from it: sealed by key
 * or by one of the n_issued issued keys (whichever opens it). Learners it
 * lists whose score file is gone are errors in d; with state_path, its
 * length is checked against and remembered there (ledger_state_update),
 * and a station's folder without a ledger is an error (else a warning:
 * files rolled back there cannot be told). *trouble (may be NULL) is set
 * if any of that went wrong or the ledger is broken. NULL if there is no
 * ledger or it cannot be read; *place (may be NULL) says which. */
Ledger *ledger_open_station(const char *dir, const unsigned char key[STATION_KEY_BYTES],
                            const unsigned char (*issued)[STATION_KEY_BYTES], int n_issued, const char *state_path,
                            Diag *d, bool *trouble, LedgerPlace *place);

#endif
