/* station: the learners of one station's data folder, without a screen.
 *
 * Every learner has files <data>/learners/<id>.<ext> (scores, journal,
 * progress, review, lock). This module lists the learners whose score files
 * load, signs one in (creates the score file for a new learner, takes the
 * learner's lock, clears temporary files of interrupted saves, loads and
 * checks the score file) and reloads a score file. It never prints: what
 * went wrong comes back as a StationStatus, a message and Diag items. */
#ifndef TPQUIZ_STATION_H
#define TPQUIZ_STATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "learner.h"
#include "record.h"

typedef struct {
    char id[LEARNER_ID_MAX + 1];
    char name[LEARNER_NAME_MAX + 1]; /* as shown (learner_name_shown) */
    bool intact;                     /* every record of the file verified */
} KnownLearner;

/* Asked between files of a long scan: false stops it (what was found so
 * far is kept). NULL: never stop. */
typedef bool (*StationGoOn)(void *ctx);

/* <data_dir>/learners/<id>.<ext> into buf. */
void station_learner_path(const char *data_dir, const char *id, const char *ext, char *buf, size_t size);

/* The learners with a score file that loads (key may be NULL: nothing
 * verifies), sorted by shown name (case-insensitive), then id. Returns
 * the count and sets *out (free() it; NULL when the count is 0). A
 * missing folder has no learners. */
int station_scan_learners(const char *data_dir, const unsigned char *key, StationGoOn go_on, void *ctx,
                          KnownLearner **out);

/* The learner's score file loaded and verified with key (may be NULL);
 * NULL if it cannot be read (why in d). */
ScoreFile *station_load_scores(const char *data_dir, const char *id, const unsigned char *key, Diag *d);

typedef enum {
    STATION_SIGNED_IN,
    STATION_CREATE_FAILED, /* the new learner's score file could not be written */
    STATION_IN_USE,        /* another program holds the learner's lock */
    STATION_LOCK_FAILED,   /* the lock file cannot be made or locked */
    STATION_UNREADABLE,    /* the score file cannot be read */
    STATION_MISNAMED       /* the score file is another learner's */
} StationStatus;

#define STATION_EXTS 4

typedef struct {
    int lock;          /* fd holding the learner's lock; close it at sign-out */
    ScoreFile *scores; /* verified with the key; the caller frees it */
    /* Temporary files removed per learner file (scores, journal, progress,
     * review: STATION_EXT_NAMES order). */
    int removed[STATION_EXTS];
} StationSignIn;

extern const char *const STATION_EXT_NAMES[STATION_EXTS];

/* Signs learner id in. With name non-NULL the score file is created first
 * (now_s is its creation time). On STATION_SIGNED_IN *out holds the lock
 * and the score file; otherwise nothing is held, msg says why in a
 * sentence for the learner and d may have the details. */
StationStatus station_sign_in(const char *data_dir, const char *id, const char *name, int64_t now_s,
                              const unsigned char key[STATION_KEY_BYTES], StationSignIn *out, char *msg,
                              size_t msg_size, Diag *d);

#endif
