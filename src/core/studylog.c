/* studylog: the practice and review answer log (studylog.h). Numbers are
 * written and read without printf("%f") / strtod, so a locale with a
 * decimal comma cannot change the file. */
#include "studylog.h"

#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER "tpquiz-practice 1"
#define N_FIELDS 5
/* Longest time an answer may have taken: a day (longer is a damaged line). */
#define MAX_TIME_MS 86400000LL
/* Farthest a click can be from a point on any chart, in cm. */
#define MAX_DISTANCE_CM 1000.0

static bool key_storable(const char *k)
{
    size_t n = k ? strlen(k) : 0;
    if (n == 0 || n > STUDYLOG_MAX_KEY)
        return false;
    for (const unsigned char *c = (const unsigned char *)k; *c; c++)
        if (*c <= ' ' || *c >= 0x7f)
            return false;
    return true;
}

int studylog_append(const char *path, const StudyLogEntry *entries, int n, Diag *d)
{
    if (n <= 0)
        return 0;
    TextBuf b = {0};
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0600);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const char *why = fd < 0 ? strerror(errno) : "not a regular file";
        diag_error(d, path, 0, "cannot save the practice log: %s", why);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (st.st_size == 0)
        text_buf_str(&b, HEADER "\n");
    for (int i = 0; i < n; i++) {
        const StudyLogEntry *e = &entries[i];
        if (!key_storable(e->key))
            continue;
        double credit = e->credit >= 0 ? e->credit <= 1 ? e->credit : 1 : 0; /* NaN: 0 */
        char pct[32], dist[32], line[STUDYLOG_MAX_KEY + 128];
        text_format_fixed(pct, sizeof pct, credit * 100, 2);
        if (e->distance_cm >= 0 && e->distance_cm <= MAX_DISTANCE_CM)
            text_format_fixed(dist, sizeof dist, e->distance_cm, 2);
        else
            snprintf(dist, sizeof dist, "-");
        int64_t t = e->time_ms < 0 ? 0 : e->time_ms > MAX_TIME_MS ? MAX_TIME_MS : e->time_ms;
        int64_t at = e->at_s < 0 ? 0 : e->at_s;
        snprintf(line, sizeof line, "%" PRId64 "\t%s\t%s\t%" PRId64 "\t%s\n", at, e->key, pct, t, dist);
        text_buf_str(&b, line);
    }
    int rc = 0;
    if (b.failed) {
        diag_error(d, path, 0, "cannot save the practice log: out of memory");
        rc = -1;
    } else if (b.n > 0 && datafile_append(fd, b.s, b.n, NULL) != 0) {
        diag_error(d, path, 0, "cannot save the practice log: %s", strerror(errno));
        rc = -1;
    }
    text_buf_free(&b);
    close(fd);
    return rc;
}

/* While reading: the entries, their keys as offsets into one pool of
 * NUL-terminated strings (made pointers at the end, once the pool stops
 * moving). */
typedef struct {
    StudyLogEntry *e;
    size_t *key_at;
    int n, cap;
    TextBuf keys;
    bool oom;
} Loaded;

static void parse_row(void *user, char **f, const char *path, int line, Diag *d)
{
    Loaded *l = user;
    StudyLogEntry e;
    memset(&e, 0, sizeof e);
    double pct;
    if (!text_parse_int64(f[0], 12, &e.at_s)) {
        diag_error(d, path, line, "bad time '%.30s' (expected unix seconds)", f[0]);
        return;
    }
    if (!key_storable(f[1])) {
        diag_error(d, path, line, "bad item key '%.60s'", f[1]);
        return;
    }
    if (!text_parse_decimal(f[2], 3, 2, &pct) || pct < 0 || pct > 100) {
        diag_error(d, path, line, "bad credit '%.30s' (expected a percentage 0..100)", f[2]);
        return;
    }
    if (!text_parse_int64(f[3], 9, &e.time_ms) || e.time_ms > MAX_TIME_MS) {
        diag_error(d, path, line, "bad time taken '%.30s' (expected milliseconds, at most a day)", f[3]);
        return;
    }
    e.distance_cm = -1;
    if (strcmp(f[4], "-") != 0 &&
        (!text_parse_decimal(f[4], 4, 2, &e.distance_cm) || e.distance_cm < 0 || e.distance_cm > MAX_DISTANCE_CM)) {
        diag_error(d, path, line, "bad distance '%.30s' (expected cm or -)", f[4]);
        return;
    }
    e.credit = pct / 100;
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 256;
        StudyLogEntry *g = realloc(l->e, sizeof *g * (size_t)cap);
        if (g)
            l->e = g;
        size_t *k = g ? realloc(l->key_at, sizeof *k * (size_t)cap) : NULL;
        if (!k) {
            l->oom = true;
            return;
        }
        l->key_at = k;
        l->cap = cap;
    }
    l->key_at[l->n] = l->keys.n;
    text_buf_add(&l->keys, f[1], strlen(f[1]) + 1);
    l->e[l->n++] = e;
}

int studylog_load(const char *path, StudyLogEntry **out, Diag *d)
{
    *out = NULL;
    size_t len = 0;
    char *buf = datafile_read_capped(path, DATAFILE_PROGRESS | DATAFILE_MISSING_OK, &len, d);
    if (!buf)
        return errno == ENOMEM ? -1 : 0;
    Loaded l = {0};
    text_tsv_parse(buf, len, HEADER, "practice log", N_FIELDS, parse_row, &l, path, d);
    free(buf);
    StudyLogEntry *all = NULL;
    if (!l.oom && !l.keys.failed && l.n > 0) {
        /* The entries, then their keys, in one block. */
        size_t head = sizeof *all * (size_t)l.n;
        all = malloc(head + l.keys.n);
        if (all) {
            memcpy(all, l.e, head);
            char *pool = (char *)all + head;
            memcpy(pool, l.keys.s, l.keys.n);
            for (int i = 0; i < l.n; i++)
                all[i].key = pool + l.key_at[i];
        }
    }
    bool failed = l.oom || l.keys.failed || (l.n > 0 && !all);
    free(l.e);
    free(l.key_at);
    text_buf_free(&l.keys);
    if (failed)
        return -1;
    *out = all;
    return l.n;
}
