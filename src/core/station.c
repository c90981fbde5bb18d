#include "station.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafile.h"

const char *const STATION_EXT_NAMES[STATION_EXTS] = {"scores", "journal", "progress", "review"};

void station_learner_path(const char *data_dir, const char *id, const char *ext, char *buf, size_t size)
{
    snprintf(buf, size, "%s/learners/%s.%s", data_dir ? data_dir : ".", id, ext);
}

static int cmp_known(const void *x, const void *y)
{
    const KnownLearner *p = x, *q = y;
    int k = strcasecmp(p->name, q->name);
    return k ? k : strcmp(p->id, q->id);
}

int station_scan_learners(const char *data_dir, const unsigned char *key, StationGoOn go_on, void *ctx,
                          KnownLearner **out)
{
    *out = NULL;
    if (!data_dir)
        return 0;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/learners", data_dir);
    DIR *dh = opendir(dir);
    if (!dh)
        return 0;
    KnownLearner *known = NULL;
    int n_known = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (go_on && !go_on(ctx))
            break;
        size_t n = strlen(de->d_name);
        if (n < 8 || strcmp(de->d_name + n - 7, ".scores"))
            continue;
        char id[LEARNER_ID_MAX + 1];
        if (n - 7 > LEARNER_ID_MAX)
            continue;
        memcpy(id, de->d_name, n - 7);
        id[n - 7] = 0;
        if (!learner_id_valid(id, NULL))
            continue;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        Diag *d = diag_create();
        ScoreFile *f = scorefile_load(path, key, d);
        diag_free(d);
        if (!f)
            continue;
        if (n_known == cap) {
            cap = cap ? cap * 2 : 16;
            KnownLearner *k = realloc(known, sizeof *k * (size_t)cap);
            if (!k) {
                scorefile_free(f);
                break;
            }
            known = k;
        }
        KnownLearner *k = &known[n_known++];
        memcpy(k->id, id, sizeof k->id);
        const char *name = scorefile_name(f);
        learner_name_shown(name ? name : id, k->name, sizeof k->name);
        k->intact = scorefile_intact(f);
        scorefile_free(f);
    }
    closedir(dh);
    if (n_known > 1)
        qsort(known, (size_t)n_known, sizeof *known, cmp_known);
    if (n_known == 0) {
        free(known);
        known = NULL;
    }
    *out = known;
    return n_known;
}

ScoreFile *station_load_scores(const char *data_dir, const char *id, const unsigned char *key, Diag *d)
{
    char path[4096];
    station_learner_path(data_dir, id, "scores", path, sizeof path);
    return scorefile_load(path, key, d);
}

static const char *first_message(const Diag *d)
{
    const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
    return it ? it->message : "unknown error";
}

StationStatus station_sign_in(const char *data_dir, const char *id, const char *name, int64_t now_s,
                              const unsigned char key[STATION_KEY_BYTES], StationSignIn *out, char *msg,
                              size_t msg_size, Diag *d)
{
    memset(out, 0, sizeof *out);
    out->lock = -1;
    msg[0] = 0;
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/learners", data_dir);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/%s.scores", dir, id);
    if (name) {
        Diag *cd = diag_create();
        int rc = scorefile_create(path, id, name, now_s, key, cd);
        if (rc != 0) {
            snprintf(msg, msg_size, "Could not create your learner file: %s", first_message(cd));
            diag_append(d, cd);
            diag_free(cd);
            return STATION_CREATE_FAILED;
        }
        diag_free(cd);
    }
    /* One program at a time per learner: a second window signing in as
     * the same learner (and so resuming the same exam) is refused. */
    char lpath[4200];
    snprintf(lpath, sizeof lpath, "%s/%s.lock", dir, id);
    Diag *ld = diag_create();
    int lock = datafile_lock(lpath, false, ld);
    if (lock < 0) {
        StationStatus st;
        if (errno == EWOULDBLOCK) {
            snprintf(msg, msg_size,
                     "%s is signed in in another tpquiz window on this computer: sign out there first.", id);
            st = STATION_IN_USE;
        } else {
            snprintf(msg, msg_size, "Your learner files cannot be locked: %s", first_message(ld));
            st = STATION_LOCK_FAILED;
        }
        diag_append(d, ld);
        diag_free(ld);
        return st;
    }
    diag_free(ld);
    /* A crash in the middle of saving leaves a temporary file next to the
     * one being saved; nothing else writes this learner's files now. */
    for (int e = 0; e < STATION_EXTS; e++) {
        char tpath[4200];
        station_learner_path(data_dir, id, STATION_EXT_NAMES[e], tpath, sizeof tpath);
        out->removed[e] = datafile_remove_temporaries(tpath);
    }
    ScoreFile *scores = scorefile_load(path, key, d);
    if (!scores || scorefile_misnamed(scores)) {
        StationStatus st = STATION_UNREADABLE;
        if (scores) {
            snprintf(msg, msg_size,
                     "This learner file holds the records of '%s', not '%s' (a copied or renamed file). "
                     "Ask your instructor.", scorefile_learner(scores), id);
            st = STATION_MISNAMED;
        } else {
            snprintf(msg, msg_size, "Your learner file could not be read.");
        }
        scorefile_free(scores);
        close(lock);
        return st;
    }
    out->lock = lock;
    out->scores = scores;
    return STATION_SIGNED_IN;
}
