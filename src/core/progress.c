/* progress: progress.tsv, a learner's practice history per module.
 *
 *   tpquiz-progress 1
 *   <module id>\t<sessions>\t<best percent>\t<last percent>\t<last time, unix seconds>
 *
 * Percentages are written with two decimals. Numbers are read and written
 * by hand rather than with strtod/printf("%f") so a locale with a decimal
 * comma (the UI may call setlocale) cannot change the file. */
#include "progress.h"

#include "course.h"
#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER "tpquiz-progress 1"
#define N_FIELDS 5

struct Progress {
    ProgressEntry *e;
    int n, cap;
};

static ProgressEntry *add_entry(Progress *p, const char *module_id)
{
    if (p->n == p->cap) {
        int cap = p->cap ? 2 * p->cap : 8;
        ProgressEntry *e = realloc(p->e, sizeof *e * (size_t)cap);
        if (!e)
            return NULL;
        p->e = e;
        p->cap = cap;
    }
    char *id = strdup(module_id);
    if (!id)
        return NULL;
    ProgressEntry *e = &p->e[p->n++];
    memset(e, 0, sizeof *e);
    e->module_id = id;
    return e;
}

/* A percentage "D[.D...]" in 0..100, returned as a fraction 0..1. */
static bool parse_percent(const char *s, double *out)
{
    const char *dot = strchr(s, '.');
    size_t int_len = dot ? (size_t)(dot - s) : strlen(s);
    if (int_len == 0 || int_len > 3 || (dot && dot[1] == '\0'))
        return false;
    double v = 0;
    for (size_t i = 0; i < int_len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (dot) {
        double scale = 0.1;
        for (const char *c = dot + 1; *c; c++, scale /= 10) {
            if (*c < '0' || *c > '9')
                return false;
            v += (*c - '0') * scale;
        }
    }
    if (v > 100)
        return false;
    *out = v / 100;
    return true;
}

/* Parses one data line (already split into fields) into p, or reports why
 * not. */
static void parse_entry(void *user, char **f, const char *path, int line, Diag *d)
{
    Progress *p = user;
    int64_t sessions, t;
    double best, last;
    if (!course_valid_id(f[0])) {
        diag_error(d, path, line, "bad module id '%.60s' (expected [a-z0-9_])", f[0]);
        return;
    }
    if (!text_parse_int64(f[1], 18, &sessions) || sessions > 1000000000) {
        diag_error(d, path, line, "bad session count '%.30s'", f[1]);
        return;
    }
    if (!parse_percent(f[2], &best)) {
        diag_error(d, path, line, "bad best percent '%.30s' (expected a number 0..100)", f[2]);
        return;
    }
    if (!parse_percent(f[3], &last)) {
        diag_error(d, path, line, "bad last percent '%.30s' (expected a number 0..100)", f[3]);
        return;
    }
    if (!text_parse_int64(f[4], 18, &t)) {
        diag_error(d, path, line, "bad time '%.30s' (expected unix seconds)", f[4]);
        return;
    }
    if (best < last) {
        diag_error(d, path, line, "best percent %s is below last percent %s", f[2], f[3]);
        return;
    }
    if (progress_find(p, f[0])) {
        diag_error(d, path, line, "module '%s' appears twice; keeping the first", f[0]);
        return;
    }
    ProgressEntry *e = add_entry(p, f[0]);
    if (!e) {
        diag_error(d, path, line, "out of memory");
        return;
    }
    e->sessions = (int)sessions;
    e->best = best;
    e->last = last;
    e->last_time = t;
}

Progress *progress_load(const char *path, Diag *d)
{
    Progress *p = calloc(1, sizeof *p);
    if (!p)
        abort(); /* "never returns NULL": there is no sensible way on */
    size_t len = 0;
    char *buf = datafile_read_capped(path, DATAFILE_PROGRESS | DATAFILE_MISSING_OK, &len, d);
    if (!buf) {
        return p;
    }
    text_tsv_parse(buf, len, HEADER, "progress file", N_FIELDS, parse_entry, p, path, d);
    free(buf);
    return p;
}

void progress_free(Progress *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++)
        free(p->e[i].module_id);
    free(p->e);
    free(p);
}

const ProgressEntry *progress_find(const Progress *p, const char *module_id)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->e[i].module_id, module_id) == 0)
            return &p->e[i];
    return NULL;
}

int progress_count(const Progress *p)
{
    return p->n;
}

const ProgressEntry *progress_entry(const Progress *p, int i)
{
    return i >= 0 && i < p->n ? &p->e[i] : NULL;
}

void progress_record(Progress *p, const char *module_id, double score, int64_t now_s)
{
    if (!(score >= 0))
        score = 0; /* also NaN */
    if (score > 1)
        score = 1;
    ProgressEntry *e = (ProgressEntry *)progress_find(p, module_id);
    if (!e) {
        e = add_entry(p, module_id);
        if (!e)
            return;
        e->best = score;
    }
    e->sessions++;
    if (score > e->best)
        e->best = score;
    e->last = score;
    e->last_time = now_s;
}

/* Writes a fraction 0..1 as a percentage with two decimals, e.g. "83.33". */
static void format_percent(char *buf, size_t size, double v)
{
    long long h = llround(v * 10000);
    if (h < 0)
        h = 0;
    if (h > 10000)
        h = 10000;
    snprintf(buf, size, "%lld.%02lld", h / 100, h % 100);
}

static int write_entries(FILE *f, const void *user)
{
    const Progress *p = user;
    fputs(HEADER "\n", f);
    for (int i = 0; i < p->n; i++) {
        const ProgressEntry *e = &p->e[i];
        char best[16], last[16];
        format_percent(best, sizeof best, e->best);
        format_percent(last, sizeof last, e->last);
        fprintf(f, "%s\t%d\t%s\t%s\t%" PRId64 "\n", e->module_id, e->sessions, best, last, e->last_time);
    }
    return ferror(f) ? -1 : 0;
}

int progress_save(const Progress *p, const char *path, Diag *d)
{
    return datafile_write_atomic(path, write_entries, p, d);
}
