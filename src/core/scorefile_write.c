/* scorefile_write: creating a score file and appending records. A record
 * is written in its canonical text (the MAC covers its bytes as written),
 * the whole new file goes to a temporary file that replaces the old one
 * (datafile_replace: fsync, rename, folder fsync), appends to one folder
 * are serialised by a lock on the folder, and each record written is added
 * to the station's ledger (ledger.h). */
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

#include "datafile.h"
#include "ledger.h"
#include "learner.h"
#include "text.h"
#include "mac.h"

static void add_answer(TextBuf *b, const RecordAnswer *a, int index)
{
    scoretext_add_int(b, "answer", index + 1);
    scoretext_add_field(b, "key", a->key);
    scoretext_add_field(b, "type", a->type);
    scoretext_add_field(b, "module", a->module);
    scoretext_add_bool(b, "answered", a->answered);
    scoretext_add_fixed(b, "credit", a->credit, SCORE_DECIMALS);
    scoretext_add_int(b, "time_ms", a->time_ms);
    scoretext_add_bool(b, "flagged", a->flagged);
    if (a->view)
        scoretext_add_field(b, "view", a->view);
    if (a->has_click) {
        char x[48], y[48], xy[100];
        text_format_fixed(x, sizeof x, a->click.x, CLICK_DECIMALS);
        text_format_fixed(y, sizeof y, a->click.y, CLICK_DECIMALS);
        snprintf(xy, sizeof xy, "%s %s", x, y);
        scoretext_add_field(b, "click", xy);
    }
    if (a->matched)
        scoretext_add_field(b, "matched", a->matched);
    if (a->has_paint) {
        char x[48], y[48], c[48], line[200];
        text_format_fixed(x, sizeof x, a->grid.origin.x, CLICK_DECIMALS);
        text_format_fixed(y, sizeof y, a->grid.origin.y, CLICK_DECIMALS);
        text_format_fixed(c, sizeof c, a->grid.cell, CLICK_DECIMALS);
        snprintf(line, sizeof line, "%s %s %s %d %d", x, y, c, a->grid.cols, a->grid.rows);
        scoretext_add_field(b, "grid", line);
        TextBuf runs = {0};
        for (int i = 0; i < a->n_runs; i++) {
            char num[16];
            int len = snprintf(num, sizeof num, i ? " %d" : "%d", a->runs[i]);
            text_buf_add(&runs, num, (size_t)len);
        }
        if (runs.failed)
            b->failed = true;
        else
            scoretext_add_field(b, "cells", a->n_runs ? runs.s : "none");
        free(runs.s);
    }
    for (int i = 0; i < a->n_marks; i++) {
        char x[48], y[48], line[200];
        text_format_fixed(x, sizeof x, a->marks[i].x, CLICK_DECIMALS);
        text_format_fixed(y, sizeof y, a->marks[i].y, CLICK_DECIMALS);
        snprintf(line, sizeof line, "%s %s %s", x, y, a->mark_tp && a->mark_tp[i] ? a->mark_tp[i] : "-");
        scoretext_add_field(b, "mark", line);
    }
    for (int i = 0; i < a->n_chosen; i++)
        scoretext_add_field(b, "chosen", a->chosen[i]);
}

/* Appends record r (kind, seq, learner, name and the attempt's fields) with
 * its prev and mac lines. */
static void add_record(TextBuf *b, const Record *r, const unsigned char prev[MAC_BYTES],
                       const unsigned char *key, unsigned char mac_out[MAC_BYTES])
{
    size_t start = b->n;
    scoretext_add_int(b, "record", r->seq);
    scoretext_add_field(b, "kind",
                        r->kind == RECORD_PROFILE ? "profile"
                        : r->kind == RECORD_START ? "start"
                                                  : "attempt");
    scoretext_add_field(b, "learner", r->learner);
    scoretext_add_field(b, "name", r->name);
    if (r->key_id)
        scoretext_add_field(b, "key_id", r->key_id);
    if (r->kind == RECORD_PROFILE) {
        scoretext_add_int(b, "created", r->started);
    } else if (r->kind == RECORD_START) {
        scoretext_add_field(b, "course", r->course);
        scoretext_add_field(b, "course_fp", r->course_fp);
        scoretext_add_int(b, "started", r->started);
        scoretext_add_int(b, "deadline", r->deadline);
        char seed[24];
        snprintf(seed, sizeof seed, "%" PRIu64, r->seed);
        scoretext_add_field(b, "seed", seed);
    } else {
        scoretext_add_field(b, "mode", r->mode == ATTEMPT_EXAM ? "exam" : "quiz");
        scoretext_add_field(b, "course", r->course);
        if (r->module)
            scoretext_add_field(b, "module", r->module);
        if (r->course_fp)
            scoretext_add_field(b, "course_fp", r->course_fp);
        if (r->start_seq > 0)
            scoretext_add_int(b, "start", r->start_seq);
        scoretext_add_int(b, "started", r->started);
        scoretext_add_int(b, "finished", r->finished);
        char seed[24];
        snprintf(seed, sizeof seed, "%" PRIu64, r->seed);
        scoretext_add_field(b, "seed", seed);
        scoretext_add_fixed(b, "score", r->score, SCORE_DECIMALS);
        scoretext_add_int(b, "pass_mark", r->pass_mark);
        scoretext_add_bool(b, "passed", r->passed);
        scoretext_add_bool(b, "auto_submitted", r->auto_submitted);
        if (r->void_reason)
            scoretext_add_field(b, "void", r->void_reason);
        scoretext_add_int(b, "answers", r->n_answers);
        for (int i = 0; i < r->n_answers; i++)
            add_answer(b, &r->answers[i], i);
    }
    char hex[MAC_HEX + 1];
    scoretext_hex_encode(prev, MAC_BYTES, hex);
    scoretext_add_field(b, "prev", hex);
    if (b->failed)
        return;
    if (!mac_of(mac_out, key, STATION_KEY_BYTES, b->s + start, b->n - start)) {
        b->failed = true; /* nothing is written without its MAC */
        return;
    }
    scoretext_hex_encode(mac_out, MAC_BYTES, hex);
    scoretext_add_field(b, "mac", hex);
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, path, n);
        r[n] = '\0';
    }
    return r;
}

/* Puts text at path atomically (datafile_replace, mode 0600): a temporary
 * file renamed over path, or, with exclusive, linked to path so that the
 * call fails if path exists. The folder is synced so the new name survives
 * a power loss. Returns 0, or -1 with the reason in d. */
int scorefile_publish(const char *path, const char *text, size_t n, bool exclusive, Diag *d)
{
    DatafileStep step = DATAFILE_STEP_NONE;
    errno = 0;
    if (datafile_replace(path, text, n, 0600, exclusive ? DATAFILE_EXCLUSIVE | DATAFILE_IN_PLACE : 0, &step) == 0)
        return 0;
    int err = errno ? errno : EIO;
    if (step == DATAFILE_STEP_CREATE || step == DATAFILE_STEP_WRITE)
        diag_error(d, path, 0, "cannot write a temporary file next to it: %s", strerror(err));
    else if (step == DATAFILE_STEP_FOLDER)
        diag_error(d, path, 0, "written, but syncing its folder failed: %s", strerror(err));
    else if (exclusive && err == EEXIST)
        diag_error(d, path, 0, "already exists");
    else
        diag_error(d, path, 0, "cannot write: %s", strerror(err));
    return -1;
}

/* <folder>/../ledger for a score file in a folder named "learners" (the
 * station's data layout), else NULL. */
static char *ledger_of(const char *path)
{
    char *dir = folder_of(path);
    if (!dir)
        return NULL;
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    char *out = NULL;
    if (!strcmp(base, "learners")) {
        size_t n = (size_t)(base - dir);
        out = malloc(n + sizeof LEDGER_FILE + 2);
        if (out) {
            memcpy(out, dir, n);
            if (n == 0)
                out[n++] = '.', out[n++] = '/';
            memcpy(out + n, LEDGER_FILE, sizeof LEDGER_FILE);
        }
    }
    free(dir);
    return out;
}

/* Adds a record just written to the station's ledger (see ledger.h): a
 * failure leaves the record in place (the ledger then lists fewer records
 * than the file, which is not taken for tampering) and says so in d. */
static void to_ledger(const char *path, const unsigned char *key, const char *learner, int seq,
                      const unsigned char *mac, Diag *d)
{
    char *lp = ledger_of(path);
    if (!lp)
        return;
    Diag *why = diag_create();
    if (ledger_append(lp, key, learner, seq, mac, why) != 0) {
        const DiagItem *it = diag_count(why) ? diag_item(why, 0) : NULL;
        diag_warning(d, path, 0, "the record is saved, but %s", it ? it->message : "the ledger was not updated");
    }
    diag_free(why);
    free(lp);
}

static int lock_appends(const char *path, Diag *d);

int scorefile_create(const char *path, const char *learner, const char *name, int64_t now_s,
                     const unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    const char *why = NULL;
    if (!learner_id_valid(learner, &why) || !learner_name_valid(name, &why)) {
        diag_error(d, path, 0, "cannot create: %s", why);
        return -1;
    }
    if (sodium_init() < 0) {
        diag_error(d, path, 0, "libsodium cannot be initialised");
        return -1;
    }
    char key_id[STATION_KEY_ID_HEX + 1];
    station_key_id(key, key_id);
    Record r = {.kind = RECORD_PROFILE,
                .seq = 1,
                .learner = (char *)learner,
                .name = (char *)name,
                .started = now_s,
                .key_id = key_id};
    TextBuf b = {0};
    unsigned char mac[MAC_BYTES];
    text_buf_str(&b, HEADER "\n");
    add_record(&b, &r, ZERO_MAC, key, mac);
    int rc = -1;
    if (b.failed)
        diag_error(d, path, 0, "cannot create: out of memory");
    else {
        int lock = lock_appends(path, d); /* the ledger takes one writer at a time */
        rc = lock < 0 ? -1 : scorefile_publish(path, b.s, b.n, true, d);
        if (rc == 0)
            to_ledger(path, key, learner, 1, mac, d);
        if (lock >= 0)
            close(lock);
    }
    free(b.s);
    return rc;
}

/* A reason the attempt cannot be written so that it reads back, or NULL. */
static const char *attempt_problem(const Record *a)
{
    if (a->course_fp && !scoretext_hex_string(a->course_fp, 64))
        return "the course fingerprint is not 64 hex digits";
    if (a->kind == RECORD_START) {
        if (!scoretext_plain_token(a->course) || !a->course_fp)
            return "an exam start needs its course id and fingerprint";
        if (a->started < 0 || a->deadline < a->started)
            return "a value is out of range";
        return NULL;
    }
    if (a->kind != RECORD_ATTEMPT)
        return "only attempts and exam starts can be appended";
    if (a->void_reason && (!a->void_reason[0] || strchr(a->void_reason, '\n')))
        return "a void reason must be one line";
    if (!scoretext_plain_token(a->course))
        return "the course id is missing or not [a-z0-9._/-]";
    if ((a->mode == ATTEMPT_QUIZ) != (a->module != NULL) || (a->module && !scoretext_plain_token(a->module)))
        return "a quiz needs a module id and an exam has none";
    if (!(a->score >= 0 && a->score <= 1) || a->pass_mark < 0 || a->pass_mark > 100 || a->started < 0 ||
        a->finished < 0 || a->n_answers < 0 || a->n_answers > MAX_ANSWERS || (a->n_answers && !a->answers))
        return "a value is out of range";
    for (int i = 0; i < a->n_answers; i++) {
        const RecordAnswer *x = &a->answers[i];
        if (!x->key || !*x->key || !scoretext_plain_token(x->type) || !scoretext_plain_token(x->module) ||
            (x->view && !scoretext_plain_token(x->view)))
            return "an answer lacks its key, type or module (or has a bad view)";
        if (!(x->credit >= 0 && x->credit <= 1) || x->time_ms < 0 || x->n_chosen < 0 ||
            (x->n_chosen && !x->chosen))
            return "an answer's value is out of range";
        for (int k = 0; k < x->n_chosen; k++)
            if (!x->chosen[k])
                return "an answer's chosen option is missing";
        if (x->has_click && !(fabs(x->click.x) < 1e12 && fabs(x->click.y) < 1e12))
            return "an answer's click is out of range";
        if (x->matched && !scoretext_plain_token(x->matched))
            return "an answer's matched trigger point is not [a-z0-9._/-]";
        if (x->has_paint) {
            if (!record_paint_grid_ok(&x->grid))
                return "an answer's paint grid is out of range";
            const char *why = record_runs_problem(x->runs, x->n_runs, (int64_t)x->grid.cols * x->grid.rows);
            if (why)
                return why;
        }
        if (x->n_marks < 0 || x->n_marks > RECORD_MAX_MARKS || (x->n_marks && !x->marks))
            return "an answer's marks are out of range";
        for (int k = 0; k < x->n_marks; k++) {
            if (!(fabs(x->marks[k].x) < 1e12 && fabs(x->marks[k].y) < 1e12))
                return "an answer's mark is out of range";
            if (x->mark_tp && x->mark_tp[k] &&
                (!scoretext_plain_token(x->mark_tp[k]) || strcmp(x->mark_tp[k], "-") == 0))
                return "an answer's mark names a bad trigger point id";
        }
    }
    return NULL;
}

int scorefile_append(const char *path, const Record *attempt, const unsigned char key[STATION_KEY_BYTES],
                     Diag *d)
{
    return scorefile_append_seq(path, attempt, key, NULL, d);
}

/* An exclusive lock on path's folder, waited for: the fd to close to
 * release it, or -1 (reason in d). Locking the folder rather than a lock
 * file leaves nothing behind in it; appends are short, so serialising
 * every learner of one folder costs nothing noticeable. */
static int lock_appends(const char *path, Diag *d)
{
    char *dir = folder_of(path);
    if (!dir) {
        diag_error(d, path, 0, "cannot record the attempt: out of memory");
        return -1;
    }
    Diag *why = diag_create();
    int fd = datafile_lock(dir, true, why);
    if (fd < 0) {
        const DiagItem *it = diag_count(why) ? diag_item(why, 0) : NULL;
        diag_error(d, path, 0, "cannot record the attempt: its folder: %s", it ? it->message : strerror(errno));
    }
    diag_free(why);
    free(dir);
    return fd;
}

int scorefile_append_seq(const char *path, const Record *attempt, const unsigned char key[STATION_KEY_BYTES],
                         int *seq_out, Diag *d)
{
    const char *why = attempt_problem(attempt);
    if (why) {
        diag_error(d, path, 0, "cannot record the attempt: %s", why);
        return -1;
    }
    int lock = lock_appends(path, d);
    if (lock < 0)
        return -1;
    Diag *load = diag_create();
    ScoreFile *f = scorefile_load(path, key, load);
    int rc = -1;
    if (!f) {
        diag_append(d, load);
    } else if (f->profile < 0) {
        diag_error(d, path, 0, "cannot record the attempt: the file has no learner profile record");
    } else if (f->n == 0 || !f->meta[f->n - 1].complete || !f->meta[f->n - 1].has_mac ||
               f->text[f->len - 1] != '\n') {
        diag_error(d, path, 0, "cannot record the attempt: the file does not end with a complete record");
    } else {
        /* The old bytes stay exactly as they are (a tampered record stays
         * detectable); the new record chains to the last one in the file. */
        int seq = 0;
        for (int i = 0; i < f->n; i++)
            if (f->rec[i].seq > seq)
                seq = f->rec[i].seq;
        Record r = *attempt;
        char key_id[STATION_KEY_ID_HEX + 1];
        station_key_id(key, key_id);
        r.seq = seq + 1;
        r.learner = f->rec[f->profile].learner;
        r.name = f->rec[f->profile].name;
        r.key_id = key_id;
        TextBuf b = {0};
        unsigned char mac[MAC_BYTES];
        /* The header names the newest format any record in the file has;
         * it is outside every MAC, the records' bytes stay as they are. */
        text_buf_str(&b, HEADER "\n");
        const char *nl = memchr(f->text, '\n', f->len);
        size_t body = nl ? (size_t)(nl + 1 - f->text) : f->len;
        text_buf_add(&b, f->text + body, f->len - body);
        add_record(&b, &r, f->meta[f->n - 1].mac, key, mac);
        if (seq == INT_MAX || b.failed)
            diag_error(d, path, 0, "cannot record the attempt: out of memory");
        else
            rc = scorefile_publish(path, b.s, b.n, false, d);
        if (rc == 0)
            to_ledger(path, key, r.learner, r.seq, mac, d);
        if (rc == 0 && seq_out)
            *seq_out = r.seq;
        free(b.s);
    }
    scorefile_free(f);
    diag_free(load);
    close(lock);
    return rc;
}
