/* Sample score files for the record and verify tests: a fixed key, a
 * learner with a profile and several attempts, and the ways a file gets
 * tampered with (edit, delete, swap, truncate), done on the file's text the
 * way a person with an editor would. Header-only so each test executable
 * can include it; every function is static inline (no unused warnings). */
#ifndef TPQUIZ_TEST_SCORE_SAMPLES_H
#define TPQUIZ_TEST_SCORE_SAMPLES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

/* A fixed station key: bytes 0x40..0x5f. */
static inline void sample_key(unsigned char key[STATION_KEY_BYTES])
{
    for (int i = 0; i < STATION_KEY_BYTES; i++)
        key[i] = (unsigned char)(0x40 + i);
}

#define SAMPLE_T0 INT64_C(1772438400) /* 2026-03-02 08:00 UTC */

/* Attempt i (0-based) of the sample learner: quizzes on iliopsoas and
 * quadratus_lumborum, then exams; every one has a click answer and an
 * options answer whose texts need escaping. Strings are static. */
static inline Record sample_attempt(int i)
{
    static char *chosen[] = {"Standing up after sitting\nfor long", "Tab\there, back\\slash, bell\x07"};
    static RecordAnswer answers[2];
    memset(answers, 0, sizeof answers);
    answers[0].key = "iliopsoas/tp.iliacus/locate";
    answers[0].type = "locate";
    answers[0].module = "iliopsoas";
    answers[0].credit = 0.75;
    answers[0].time_ms = 5321;
    answers[0].answered = true;
    answers[0].has_click = true;
    answers[0].click = (Vec2){212.5, 431.25};
    answers[0].view = "front";
    answers[1].key = "iliopsoas/question.worse_standing";
    answers[1].type = "multi";
    answers[1].module = "iliopsoas";
    answers[1].credit = 0.5;
    answers[1].time_ms = 8000;
    answers[1].answered = true;
    answers[1].n_chosen = 2;
    answers[1].chosen = chosen;
    answers[1].flagged = true;
    Record r;
    memset(&r, 0, sizeof r);
    r.kind = RECORD_ATTEMPT;
    r.mode = i < 2 ? ATTEMPT_QUIZ : ATTEMPT_EXAM;
    r.course = "essentials";
    r.module = i == 0 ? "iliopsoas" : i == 1 ? "quadratus_lumborum" : NULL;
    r.started = SAMPLE_T0 + 86400 * (i + 1);
    r.finished = r.started + 1800 + i;
    r.seed = UINT64_C(1000003) * (uint64_t)(i + 1);
    r.score = 0.6 + 0.05 * i;
    r.pass_mark = i < 2 ? 80 : 75;
    r.passed = r.score * 100 >= r.pass_mark;
    r.auto_submitted = i == 3;
    r.n_answers = 2;
    r.answers = answers;
    return r;
}

/* Creates path with n_attempts attempts (records 2 .. n_attempts + 1) and
 * the profile of the learner the file is named for (<id>.scores: a file
 * belongs to its learner), "Anna Berg-Åström". Returns 0 or -1. */
static inline int sample_file(const char *path, const unsigned char key[STATION_KEY_BYTES], int n_attempts)
{
    Diag *d = diag_create();
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char id[64] = "anna.berg";
    const char *dot = strstr(base, ".scores");
    if (dot && (size_t)(dot - base) < sizeof id) {
        memcpy(id, base, (size_t)(dot - base));
        id[dot - base] = '\0';
    }
    int rc = scorefile_create(path, id, "Anna Berg-Åström", SAMPLE_T0, key, d);
    for (int i = 0; i < n_attempts && rc == 0; i++) {
        Record r = sample_attempt(i);
        rc = scorefile_append(path, &r, key, d);
    }
    if (rc != 0)
        diag_print(d, stderr);
    diag_free(d);
    return rc;
}

static inline char *sample_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    size_t got;
    while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
            }
            s = t;
        }
    }
    fclose(f);
    if (s)
        s[n] = '\0';
    if (len)
        *len = n;
    return s;
}

static inline int sample_write(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(text, 1, len, f);
    return fclose(f) == 0 && w == len ? 0 : -1;
}

/* Byte offsets where each record's "record " line starts; *n gets the count
 * (at most max). off[*n] is the end of the text. */
static inline void sample_split(const char *text, size_t len, size_t *off, int *n, int max)
{
    *n = 0;
    for (size_t i = 0; i < len && *n < max; i++)
        if ((i == 0 || text[i - 1] == '\n') && strncmp(text + i, "record ", 7) == 0)
            off[(*n)++] = i;
    off[*n] = len;
}

typedef enum { TAMPER_EDIT, TAMPER_DELETE, TAMPER_SWAP, TAMPER_TRUNCATE } Tamper;

/* Tampers with the file at path, on record k (0-based, in file order):
 * EDIT changes its first "credit 0.7500" to "credit 1.0000" (a learner
 * raising a score); DELETE removes it; SWAP exchanges it with record k + 1;
 * TRUNCATE cuts the file in the middle of record k's text (mid-line) and
 * drops everything after. Returns 0 or -1. */
static inline int sample_tamper(const char *path, Tamper how, int k)
{
    size_t len = 0, off[64] = {0};
    int n;
    char *t = sample_read(path, &len);
    if (!t)
        return -1;
    sample_split(t, len, off, &n, 63);
    char *out = malloc(len + 16);
    size_t o = 0;
    int rc = 0;
    if (!out || k < 0 || k >= n || (how == TAMPER_SWAP && k + 1 >= n)) {
        rc = -1;
    } else if (how == TAMPER_EDIT) {
        char *rec = t + off[k];
        char save = t[off[k + 1]];
        t[off[k + 1]] = '\0';
        char *c = strstr(rec, "credit 0.7500");
        t[off[k + 1]] = save;
        if (!c) {
            rc = -1;
        } else {
            memcpy(c, "credit 1.0000", 13);
            memcpy(out, t, len);
            o = len;
        }
    } else if (how == TAMPER_DELETE) {
        memcpy(out, t, off[k]);
        o = off[k];
        memcpy(out + o, t + off[k + 1], len - off[k + 1]);
        o += len - off[k + 1];
    } else if (how == TAMPER_SWAP) {
        memcpy(out, t, off[k]);
        o = off[k];
        memcpy(out + o, t + off[k + 1], off[k + 2] - off[k + 1]);
        o += off[k + 2] - off[k + 1];
        memcpy(out + o, t + off[k], off[k + 1] - off[k]);
        o += off[k + 1] - off[k];
        memcpy(out + o, t + off[k + 2], len - off[k + 2]);
        o += len - off[k + 2];
    } else {
        /* Mid-line: half way into the record, then one byte further if
         * that lands just after a newline. */
        o = off[k] + (off[k + 1] - off[k]) / 2;
        if (t[o - 1] == '\n')
            o++;
        memcpy(out, t, o);
    }
    if (rc == 0)
        rc = sample_write(path, out, o);
    free(out);
    free(t);
    return rc;
}

#endif
