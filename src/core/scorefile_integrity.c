/* scorefile_integrity: judging the records of a parsed score file.
 *
 * Integrity is judged in three passes over the records (see
 * scorefile_classify()): records that are incomplete at the end of the
 * file are truncated; records whose MAC fails (checked by the parser) or
 * that do not parse are edited; the remaining authentic records are then
 * checked for order (by their MAC-protected seq) and for links in the chain
 * (prev) to tell reordered, missing and spliced ones. A file named for one
 * learner holding another's records is flagged (scorefile_check_owner). */
#include "record.h"
#include "scorefile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Index in order[] of the first element >= v (order holds increasing seqs). */
static int lower_bound(const int *tails, int n, int v)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (tails[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Marks the authentic records that form the longest run of strictly
 * increasing seq in file order (Meta.kept). Of equally long runs the one
 * keeping earlier records wins, so in a swap the record that comes later
 * in the file is the one out of place. It is found by patience sorting the
 * file backwards for a decreasing run. Returns false if out of memory. */
static bool keep_longest_run(ScoreFile *f)
{
    int n = f->n;
    int *tails = malloc(sizeof *tails * (size_t)(n + 1));       /* -seq of each run's last */
    int *tail_idx = malloc(sizeof *tail_idx * (size_t)(n + 1)); /* record index of it */
    int *parent = malloc(sizeof *parent * (size_t)(n + 1));
    bool ok = tails && tail_idx && parent;
    if (ok) {
        int len = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (!f->meta[i].authentic)
                continue;
            int v = -f->rec[i].seq;
            int p = lower_bound(tails, len, v);
            tails[p] = v;
            tail_idx[p] = i;
            parent[i] = p > 0 ? tail_idx[p - 1] : -1;
            if (p == len)
                len++;
        }
        for (int i = len > 0 ? tail_idx[len - 1] : -1; i >= 0; i = parent[i])
            f->meta[i].kept = true;
    }
    free(tails);
    free(tail_idx);
    free(parent);
    return ok;
}

static void report(ScoreFile *f, int i, RecordStatus s, const char *path, Diag *d, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Sets record i's status and reports it at the record's first line:
 * "record 3 (exam, essentials, 2026-03-02): edited: <why>". */
static void report(ScoreFile *f, int i, RecordStatus s, const char *path, Diag *d, const char *fmt, ...)
{
    f->status[i] = s;
    char what[200], why[200];
    record_describe(&f->rec[i], what, sizeof what);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    diag_error(d, path, f->rec[i].line, "%s: %s: %s", what, record_status_name(s), why);
}

static bool mac_equal(const unsigned char *a, const unsigned char *b)
{
    return sodium_memcmp(a, b, crypto_auth_hmacsha256_BYTES) == 0;
}

/* Judges every record (see the top of the file). */
void scorefile_classify(ScoreFile *f, const char *path, const unsigned char *key, Diag *d)
{
    for (int i = 0; i < f->n; i++) {
        Meta *m = &f->meta[i];
        if (!m->complete) {
            report(f, i, RECORD_TRUNCATED, path, d, "the file ends inside it");
            continue;
        }
        if (m->malformed) {
            if (m->problem_field[0])
                report(f, i, RECORD_EDITED, path, d, "line %d: a bad %s value", m->problem_line,
                       m->problem_field);
            else
                report(f, i, RECORD_EDITED, path, d, "line %d: %s", m->problem_line, m->problem);
            continue;
        }
        if (key && !m->mac_ok) { /* checked by parse_records */
            report(f, i, RECORD_EDITED, path, d, "its text does not match its MAC");
            continue;
        }
        m->authentic = true;
    }
    /* The profile: the first record, if it is one. */
    f->profile =
        f->n > 0 && f->meta[0].complete && !f->meta[0].malformed && f->rec[0].kind == RECORD_PROFILE ? 0 : -1;
    if (!key)
        return;
    if (!keep_longest_run(f)) {
        diag_error(d, path, 0, "out of memory");
        f->problems++;
        return;
    }
    const char *owner = f->profile >= 0 && f->meta[0].authentic ? f->rec[0].learner : NULL;
    int prev_kept = -1;
    bool prev_foreign = false; /* prev_kept does not continue the chain */
    int max_seq = 0, max_seq_line = 0;
    for (int i = 0; i < f->n; i++) {
        Meta *m = &f->meta[i];
        Record *r = &f->rec[i];
        if (!m->authentic)
            continue;
        if (!m->kept) {
            bool dup = false;
            for (int j = 0; j < i; j++)
                dup |= f->meta[j].authentic && f->rec[j].seq == r->seq;
            int j = i + 1;
            while (j < f->n && !(f->meta[j].authentic && f->rec[j].seq < r->seq))
                j++;
            if (owner && strcmp(r->learner, owner) != 0)
                report(f, i, RECORD_EDITED, path, d,
                       "it belongs to learner '%s', not '%s' (put in from another file)", r->learner, owner);
            else if (dup)
                report(f, i, RECORD_REORDERED, path, d, "a second copy of record %d", r->seq);
            else if (max_seq > r->seq || j == f->n)
                report(f, i, RECORD_REORDERED, path, d, "it comes after record %d (line %d)", max_seq,
                       max_seq_line);
            else
                report(f, i, RECORD_REORDERED, path, d, "it comes before record %d (line %d)", f->rec[j].seq,
                       f->rec[j].line);
        } else if (owner && strcmp(r->learner, owner) != 0) {
            /* Another learner's record put in: foreign, like a splice. */
            report(f, i, RECORD_EDITED, path, d, "it belongs to learner '%s', not '%s'", r->learner, owner);
            prev_kept = i;
            prev_foreign = true;
        } else {
            int pseq = prev_kept >= 0 ? f->rec[prev_kept].seq : 0;
            const unsigned char *expect = prev_kept >= 0 ? f->meta[prev_kept].mac : ZERO_MAC;
            bool linked = mac_equal(m->prev, expect);
            /* The break is explained by a record out of place (already
             * reported) whose MAC this one names, or by records edited
             * beyond recognition between the two. */
            int damaged = 0;
            for (int j = prev_kept + 1; j < i && !linked; j++)
                if (!f->meta[j].authentic)
                    damaged++;
            for (int j = 0; j < f->n && !linked; j++)
                if (j != i && f->meta[j].has_mac && !f->meta[j].kept && mac_equal(m->prev, f->meta[j].mac))
                    linked = true;
            if (!linked && damaged > 0 && r->seq == pseq + 1 + damaged)
                linked = true;
            /* After a record put in from elsewhere, its successor's link is
             * broken too; the foreign one is already reported. */
            if (!linked && prev_foreign && r->seq == pseq + 1)
                linked = true;
            prev_foreign = false;
            if (linked) {
                /* good */
            } else if (r->seq > pseq + 1 && !mac_equal(m->prev, ZERO_MAC)) {
                if (r->seq == pseq + 2)
                    report(f, i, RECORD_MISSING, path, d, "record %d before it is gone", pseq + 1);
                else
                    report(f, i, RECORD_MISSING, path, d, "records %d to %d before it are gone", pseq + 1,
                           r->seq - 1);
            } else {
                report(
                    f, i, RECORD_EDITED, path, d,
                    "it does not continue the chain from the record before it (copied from another file?)");
                prev_foreign = true;
            }
            prev_kept = i;
        }
        if (r->seq > max_seq) {
            max_seq = r->seq;
            max_seq_line = r->line;
        }
    }
}

/* A file named <id>.scores belongs to learner <id>: a copy of another
 * learner's file saved under this name (or a renamed one) is flagged, and
 * none of its records counts (certify.c, report.c). */
void scorefile_check_owner(ScoreFile *f, const char *path, Diag *d)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base), ext = strlen(".scores");
    const char *owner = scorefile_learner(f);
    if (!owner || n <= ext || strcmp(base + n - ext, ".scores") != 0)
        return;
    if (strlen(owner) == n - ext && memcmp(base, owner, n - ext) == 0)
        return;
    f->misnamed = true;
    f->problems++;
    diag_error(d, path, f->rec[f->profile].line,
               "the file is named for learner '%.*s' but holds the records of '%s' (a copied or renamed "
               "file): none of them counts",
               (int)(n - ext), base, record_shown_id(owner));
}
