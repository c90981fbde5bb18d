/* ledger: the station's append-only list of records written (ledger.h).
 *
 *   tpquiz-ledger 1 <key id> <seal>
 *   <learner> <seq> <record mac> <seal>
 *
 * Each line is sealed as the journal's are (seal.h). */
#include "ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafile.h"
#include "learner.h"
#include "mac.h"
#include "seal.h"
#include "text.h"

#define MAGIC "tpquiz-ledger 1"

#define HEX (2 * MAC_BYTES)

typedef struct {
    char *learner;
    int seq;
    unsigned char mac[MAC_BYTES];
} Entry;

struct Ledger {
    Entry *e;
    int n, cap;
    int lines;
    bool intact;
    char key_id[STATION_KEY_ID_HEX + 1];
    unsigned char last[MAC_BYTES]; /* seal of the last trusted line */
    char **learners;
    int n_learners;
};

void ledger_free(Ledger *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->n; i++)
        free(l->e[i].learner);
    free(l->e);
    free(l->learners);
    free(l);
}

int ledger_length(const Ledger *l)
{
    return l ? l->lines : 0;
}

bool ledger_intact(const Ledger *l)
{
    return l && l->intact;
}

const char *ledger_key_id(const Ledger *l)
{
    return l ? l->key_id : "";
}

int ledger_learner_count(const Ledger *l)
{
    return l ? l->n_learners : 0;
}

const char *ledger_learner(const Ledger *l, int i)
{
    return l && i >= 0 && i < l->n_learners ? l->learners[i] : NULL;
}

/* Cuts the seal off line and checks it against *prev (moved on). */
static bool unseal(const unsigned char *key, unsigned char *prev, char *line)
{
    unsigned char got[SEAL_BYTES];
    return seal_cut(line, got) && seal_check(key, prev, line, strlen(line), got);
}

static bool add_learner(Ledger *l, char *id)
{
    for (int i = 0; i < l->n_learners; i++)
        if (!strcmp(l->learners[i], id))
            return true;
    char **p = realloc(l->learners, sizeof *p * (size_t)(l->n_learners + 1));
    if (!p)
        return false;
    l->learners = p;
    l->learners[l->n_learners++] = id;
    return true;
}

Ledger *ledger_load(const char *path, const unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    size_t len = 0;
    char *buf = datafile_read_capped(path, DATAFILE_SCORES, &len, d);
    if (!buf)
        return NULL;
    Ledger *l = calloc(1, sizeof *l);
    if (!l) {
        free(buf);
        diag_error(d, path, 0, "out of memory");
        return NULL;
    }
    l->intact = true;
    unsigned char prev[MAC_BYTES] = {0};
    int line = 0;
    for (char *s = buf, *end = buf + len; s < end;) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        line++;
        if (!nl) /* a line cut short by a crash: not written */
            break;
        *nl = '\0';
        bool ok = !memchr(s, '\0', (size_t)(nl - s)) && unseal(key, prev, s);
        if (ok && line == 1) {
            ok = strncmp(s, MAGIC " ", sizeof MAGIC) == 0 && strlen(s + sizeof MAGIC) == STATION_KEY_ID_HEX;
            if (ok)
                memcpy(l->key_id, s + sizeof MAGIC, STATION_KEY_ID_HEX + 1);
        } else if (ok) {
            char id[LEARNER_ID_MAX + 1], hex[HEX + 1];
            int seq = 0, used = 0;
            Entry e = {0};
            ok = sscanf(s, "%32s %d %64s%n", id, &seq, hex, &used) == 3 && s[used] == '\0' &&
                 learner_id_valid(id, NULL) && seq >= 1 &&
                 sodium_hex2bin(e.mac, sizeof e.mac, hex, HEX, NULL, NULL, NULL) == 0;
            e.seq = seq;
            if (ok && l->n == l->cap) {
                int cap = l->cap ? 2 * l->cap : 64;
                Entry *p = realloc(l->e, sizeof *p * (size_t)cap);
                ok = p != NULL;
                if (p) {
                    l->e = p;
                    l->cap = cap;
                }
            }
            if (ok && (e.learner = strdup(id)) != NULL) {
                l->e[l->n++] = e;
                ok = add_learner(l, e.learner);
            }
        }
        if (!ok) {
            diag_error(d, path, line,
                       "the station's ledger breaks here (a line edited, deleted, moved or added): it is "
                       "trusted only up to line %d",
                       line - 1);
            l->intact = false;
            break;
        }
        l->lines = line;
        memcpy(l->last, prev, sizeof prev);
        s = nl + 1;
    }
    free(buf);
    return l;
}

/* The record with this seq in f, or NULL. */
static const Record *find_seq(const ScoreFile *f, int seq, int *index)
{
    for (int i = 0; i < scorefile_count(f); i++)
        if (scorefile_record(f, i)->seq == seq) {
            *index = i;
            return scorefile_record(f, i);
        }
    return NULL;
}

int ledger_check_file(const Ledger *l, const ScoreFile *f, const char *path, Diag *d)
{
    const char *learner = scorefile_learner(f);
    if (!l || !learner)
        return 0;
    int problems = 0, gone_from = 0, gone_to = 0;
    for (int i = 0; i < l->n; i++) {
        const Entry *e = &l->e[i];
        if (strcmp(e->learner, learner) != 0)
            continue;
        int k = -1;
        unsigned char mac[MAC_BYTES];
        const Record *r = find_seq(f, e->seq, &k);
        if (!r) {
            if (!gone_from)
                gone_from = e->seq;
            gone_to = e->seq;
            continue;
        }
        if (!scorefile_record_mac(f, k, mac) || sodium_memcmp(mac, e->mac, sizeof mac) != 0) {
            diag_error(d, path, r->line,
                       "record %d is not the record %d the station wrote (its ledger names another): the file "
                       "was replaced by another copy",
                       e->seq, e->seq);
            problems++;
        }
    }
    if (gone_from) {
        if (gone_from == gone_to)
            diag_error(d, path, 0,
                       "record %d is gone: the station's ledger lists it (the file was rolled back or the "
                       "record deleted)",
                       gone_from);
        else
            diag_error(d, path, 0,
                       "records %d to %d are gone: the station's ledger lists them (the file was rolled back "
                       "or its last records deleted)",
                       gone_from, gone_to);
        problems++;
    }
    return problems;
}

int ledger_append(const char *path, const unsigned char key[STATION_KEY_BYTES], const char *learner, int seq,
                  const unsigned char mac[32], Diag *d)
{
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_error(d, path, 0, "cannot add to the station's ledger: %s",
                   fd < 0 ? strerror(errno) : "it is not a regular file");
        if (fd >= 0)
            close(fd);
        return -1;
    }
    /* The seal of the last line: read back what is there (the ledger is
     * small: a line per record the station ever wrote). */
    unsigned char prev[MAC_BYTES] = {0};
    char text[4 * HEX + 64];
    int n = 0;
    if (st.st_size > 0) {
        Diag *quiet = diag_create();
        Ledger *l = ledger_load(path, key, quiet);
        diag_free(quiet);
        if (!l || !l->intact) {
            diag_error(d, path, 0, "cannot add to the station's ledger: it does not pass its check");
            ledger_free(l);
            close(fd);
            return -1;
        }
        memcpy(prev, l->last, sizeof prev);
        ledger_free(l);
    } else {
        char key_id[STATION_KEY_ID_HEX + 1];
        station_key_id(key, key_id);
        n = snprintf(text, sizeof text, MAGIC " %s", key_id);
        n = (int)seal_append(key, prev, text, (size_t)n);
    }
    char hex[HEX + 1];
    sodium_bin2hex(hex, sizeof hex, mac, MAC_BYTES);
    int start = n;
    n += snprintf(text + n, sizeof text - (size_t)n, "%s %d %s", learner, seq, hex);
    n = start + (int)seal_append(key, prev, text + start, (size_t)(n - start));
    DatafileStep step;
    if (datafile_append(fd, text, (size_t)n, &step) != 0) {
        diag_error(d, path, 0, "cannot add to the station's ledger: %s%s",
                   step == DATAFILE_STEP_SYNC ? "syncing: " : "", strerror(errno));
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

typedef struct {
    const char *s;
    size_t n;
} Text;

static int write_text(FILE *f, const void *user)
{
    const Text *t = user;
    return fwrite(t->s, 1, t->n, f) == t->n ? 0 : -1;
}

int ledger_state_update(const char *state_path, const Ledger *l, const char *ledger_path, Diag *d)
{
    size_t len = 0;
    errno = 0;
    Diag *quiet = diag_create();
    char *buf = datafile_read_capped(state_path, DATAFILE_PROGRESS | DATAFILE_MISSING_OK, &len, quiet);
    if (!buf && errno != ENOENT) {
        diag_append(d, quiet);
        diag_free(quiet);
        return -1;
    }
    diag_free(quiet);
    /* Rewritten: every other station's line as it was, this one's length
     * the longer of the two. */
    size_t cap = len + 64;
    char *out = malloc(cap);
    if (!out) {
        free(buf);
        diag_error(d, state_path, 0, "out of memory");
        return -1;
    }
    size_t o = 0;
    int seen = -1, rc = 0;
    for (char *s = buf, *end = buf ? buf + len : NULL; s && s < end;) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            nl = end;
        char id[STATION_KEY_ID_HEX + 2];
        int n = 0, used = 0;
        if (sscanf(s, "%17s %d%n", id, &n, &used) == 2 && s + used == nl && strlen(id) == STATION_KEY_ID_HEX) {
            if (!strcmp(id, l->key_id))
                seen = n;
            else
                o += (size_t)snprintf(out + o, cap - o, "%s %d\n", id, n);
        }
        s = nl + 1;
    }
    free(buf);
    if (seen > ledger_length(l)) {
        diag_error(d, ledger_path, 0,
                   "the station's ledger has %d lines, but had %d when it was last collected: its data folder "
                   "was restored from an older copy",
                   ledger_length(l), seen);
        rc = 1;
    }
    o += (size_t)snprintf(out + o, cap - o, "%s %d\n", l->key_id,
                          seen > ledger_length(l) ? seen : ledger_length(l));
    Text t = {out, o};
    int w = datafile_write_atomic(state_path, write_text, &t, d);
    free(out);
    if (w != 0)
        return -1;
    return rc;
}

Ledger *ledger_open_station(const char *dir, const unsigned char key[STATION_KEY_BYTES],
                            const unsigned char (*issued)[STATION_KEY_BYTES], int n_issued, const char *state_path,
                            Diag *d, bool *trouble, LedgerPlace *place)
{
    bool bad = false;
    Ledger *ledger = NULL;
    LedgerPlace where = LEDGER_FOUND;
    char *path = text_path_join(dir, LEDGER_FILE);
    char *learners = text_path_join(dir, "learners");
    struct stat st;
    if (!path || !learners) {
        diag_error(d, dir, 0, "out of memory");
        bad = true;
    } else if (lstat(path, &st) == 0) {
        /* Sealed by the given key, or by one of the issued ones. */
        const unsigned char *lkey = key;
        for (int k = 0; k < n_issued; k++) {
            Diag *quiet = diag_create();
            Ledger *probe = quiet ? ledger_load(path, issued[k], quiet) : NULL;
            if (probe && ledger_length(probe) > 0)
                lkey = issued[k];
            ledger_free(probe);
            diag_free(quiet);
        }
        ledger = ledger_load(path, lkey, d);
        bad = !ledger || !ledger_intact(ledger);
        if (ledger && state_path && ledger_state_update(state_path, ledger, path, d) != 0)
            bad = true;
        for (int i = 0; ledger && i < ledger_learner_count(ledger); i++) {
            char name[LEARNER_ID_MAX + 16];
            snprintf(name, sizeof name, "%s.scores", ledger_learner(ledger, i));
            char *lp = text_path_join(learners, name);
            if (lp && lstat(lp, &st) != 0) {
                diag_error(d, lp, 0, "the station's ledger lists this learner, whose score file is gone");
                bad = true;
            }
            free(lp);
        }
    } else if (stat(learners, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* Every record written since ledgers exist would be in one, so it
         * was deleted (or the station predates them). */
        where = LEDGER_GONE;
        if (state_path) {
            diag_error(d, path, 0,
                       "the station's ledger is gone: learner files rolled back to older copies cannot be detected");
            bad = true;
        } else {
            diag_warning(d, path, 0,
                         "no ledger in this station's data folder: learner files rolled back to older copies "
                         "cannot be detected");
        }
    } else {
        where = LEDGER_NOT_STATION;
    }
    free(path);
    free(learners);
    if (trouble)
        *trouble = bad;
    if (place)
        *place = where;
    return ledger;
}
