/* record: score files (format in docs/FORMATS.md, "Score files").
 *
 *   tpquiz-scores 1
 *   record 1
 *   kind profile
 *   ...
 *   prev <64 hex digits: the MAC of the record before, zeros for the first>
 *   mac <64 hex digits: HMAC-SHA256 of the record's text up to the mac line>
 *   record 2
 *   ...
 *
 * The MAC covers the bytes of the record exactly as they are in the file,
 * from the start of its "record" line up to (not including) its "mac" line,
 * so checking it needs no parsing and no canonical re-formatting: any byte
 * changed, added or removed inside a record breaks it.
 *
 * The file is read once into memory and its bytes are gone over once: the
 * parser checks each record's MAC as it reaches the record's mac line.
 * Integrity is then judged in three passes over the records (see
 * classify()): records that are incomplete at the end of the file are
 * truncated; records
 * whose MAC fails or that do not parse are edited; the remaining authentic
 * records are then checked for order (by their MAC-protected seq) and for
 * links in the chain (prev) to tell reordered, missing and spliced ones.
 *
 * Numbers are read and written by hand, not with strtod or printf("%f"),
 * so a locale with a decimal comma cannot change a file or its MACs. */
#include "record.h"

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

#define HEADER "tpquiz-scores 2"
#define HEADER_V1 "tpquiz-scores 1"
#define HEADER_PREFIX "tpquiz-scores "
#define KEY_FILE "station.key"
#define MAC_HEX 64
#define MAX_FILE_BYTES (64u << 20) /* far beyond any learner's history */
#define MAX_ANSWERS 100000
#define SCORE_DECIMALS 4
#define CLICK_DECIMALS 3

/* ---- small text helpers ------------------------------------------------ */

typedef struct {
    char *s;
    size_t n, cap;
    bool failed; /* out of memory: the text is incomplete */
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void buf_str(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static const char HEX[] = "0123456789abcdef";

static void hex_encode(const unsigned char *in, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = HEX[in[i] >> 4];
        out[2 * i + 1] = HEX[in[i] & 15];
    }
    out[2 * n] = '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Exactly 2*n lower-case hex digits (the only form the program writes). */
static bool hex_decode(const char *s, size_t len, unsigned char *out, size_t n)
{
    if (len != 2 * n)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)(hex_value(s[2 * i]) << 4 | hex_value(s[2 * i + 1]));
    return true;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return text_utf8_decode(s, n, &cp);
}

/* Writes value escaped: backslash, newline, tab and carriage return as \\ \n
 * \t \r; other control bytes and bytes that are not valid UTF-8 as \xHH. The
 * result is one line of valid UTF-8 whatever the input. */
static void add_escaped(Buf *b, const char *value)
{
    const unsigned char *s = (const unsigned char *)value;
    size_t n = strlen(value);
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        char esc[5] = {'\\', 0, 0, 0, 0};
        if (c == '\\')
            esc[1] = '\\';
        else if (c == '\n')
            esc[1] = 'n';
        else if (c == '\t')
            esc[1] = 't';
        else if (c == '\r')
            esc[1] = 'r';
        if (esc[1]) {
            buf_add(b, esc, 2);
            i++;
            continue;
        }
        size_t len = c < 0x20 || c == 0x7F ? 0 : utf8_len(s + i, n - i);
        if (len == 0) {
            esc[1] = 'x';
            esc[2] = HEX[c >> 4];
            esc[3] = HEX[c & 15];
            buf_add(b, esc, 4);
            i++;
        } else {
            buf_add(b, (const char *)s + i, len);
            i += len;
        }
    }
}

/* Undoes add_escaped into *buf (grown as needed; *cap its size, the
 * caller frees it). Returns *buf, or NULL (with *why) on a bad escape or
 * an escaped NUL. */
static char *unescape(const char *s, size_t n, char **buf, size_t *cap, const char **why)
{
    if (*cap < n + 1) {
        char *grown = realloc(*buf, n + 1 > 2 * *cap ? n + 1 : 2 * *cap);
        if (!grown) {
            *why = "out of memory";
            return NULL;
        }
        *cap = n + 1 > 2 * *cap ? n + 1 : 2 * *cap;
        *buf = grown;
    }
    char *out = *buf;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            /* The plain stretch up to the next escape, in one copy. */
            const char *bs = memchr(s + i, '\\', n - i);
            size_t k = bs ? (size_t)(bs - (s + i)) : n - i;
            memcpy(out + o, s + i, k);
            o += k;
            i += k - 1;
            continue;
        }
        char e = i + 1 < n ? s[i + 1] : '\0';
        i++;
        if (e == '\\')
            out[o++] = '\\';
        else if (e == 'n')
            out[o++] = '\n';
        else if (e == 't')
            out[o++] = '\t';
        else if (e == 'r')
            out[o++] = '\r';
        else if (e == 'x' && i + 2 < n && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            int v = hex_value(s[i + 1]) << 4 | hex_value(s[i + 2]);
            i += 2;
            if (v == 0) {
                *why = "an escaped NUL byte";
                return NULL;
            }
            out[o++] = (char)v;
        } else {
            *why = "a bad escape (only \\\\ \\n \\t \\r \\xHH)";
            return NULL;
        }
    }
    out[o] = '\0';
    return out;
}

static void add_field(Buf *b, const char *name, const char *value)
{
    buf_str(b, name);
    buf_add(b, " ", 1);
    add_escaped(b, value);
    buf_add(b, "\n", 1);
}

static void add_int(Buf *b, const char *name, int64_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, v);
    add_field(b, name, num);
}

static void add_bool(Buf *b, const char *name, bool v)
{
    add_field(b, name, v ? "yes" : "no");
}

static const int64_t POW10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

/* v with exactly `decimals` digits after the point ("0.8250", "-3.500"). */
static void format_fixed(char *out, size_t size, double v, int decimals)
{
    double lim = 1e12;
    if (!(v == v))
        v = 0;
    v = v > lim ? lim : v < -lim ? -lim : v;
    long long scaled = llround(v * (double)POW10[decimals]);
    bool neg = scaled < 0;
    unsigned long long a = (unsigned long long)(neg ? -scaled : scaled);
    unsigned long long p = (unsigned long long)POW10[decimals];
    snprintf(out, size, "%s%llu.%0*llu", neg ? "-" : "", a / p, decimals, a % p);
}

static void add_fixed(Buf *b, const char *name, double v, int decimals)
{
    char num[48];
    format_fixed(num, sizeof num, v, decimals);
    add_field(b, name, num);
}

/* A decimal integer: digits only, at most 18 of them. */
static bool parse_int64(const char *s, int64_t *out)
{
    int64_t v = 0;
    size_t n = 0;
    for (; *s; s++, n++) {
        if (*s < '0' || *s > '9' || n == 18)
            return false;
        v = v * 10 + (*s - '0');
    }
    if (n == 0)
        return false;
    *out = v;
    return true;
}

static bool parse_uint64(const char *s, uint64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 20 || strspn(s, "0123456789") != n)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* "-?D+(.D+)?" with at most 12 integer and 6 decimal digits. The value is
 * m / 10^k with m exact, so the result is the correctly rounded double. */
static bool parse_decimal(const char *s, double *out)
{
    bool neg = *s == '-';
    if (neg)
        s++;
    size_t ni = strspn(s, "0123456789");
    if (ni == 0 || ni > 12)
        return false;
    const char *frac = s + ni;
    size_t nf = 0;
    if (*frac == '.') {
        frac++;
        nf = strspn(frac, "0123456789");
        if (nf == 0 || nf > 6 || frac[nf] != '\0')
            return false;
    } else if (*frac != '\0') {
        return false;
    }
    int64_t m = 0;
    for (size_t i = 0; i < ni; i++)
        m = m * 10 + (s[i] - '0');
    for (size_t i = 0; i < nf; i++)
        m = m * 10 + (frac[i] - '0');
    double v = (double)m / (double)POW10[nf];
    *out = neg ? -v : v;
    return true;
}

/* Exactly n lower-case hex digits. */
static bool hex_string(const char *s, size_t n)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return i == n;
}

static bool parse_bool(const char *s, bool *out)
{
    if (strcmp(s, "yes") == 0)
        *out = true;
    else if (strcmp(s, "no") == 0)
        *out = false;
    else
        return false;
    return true;
}

/* A name-like value: [a-z0-9._/-]+ (ids, item keys, types, views). */
static bool plain_token(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' || *s == '-' ||
              *s == '/'))
            return false;
    return true;
}

/* ---- records in memory --------------------------------------------------- */

static void answer_free(RecordAnswer *a)
{
    free(a->key);
    free(a->type);
    free(a->module);
    free(a->view);
    for (int i = 0; i < a->n_chosen; i++)
        free(a->chosen[i]);
    free(a->chosen);
    free(a->runs);
    free(a->marks);
    for (int i = 0; a->mark_tp && i < a->n_marks; i++)
        free(a->mark_tp[i]);
    free(a->mark_tp);
    free(a->matched);
}

/* ---- paintings ------------------------------------------------------------ */

int record_paint_encode(const unsigned char *cells, int n_cells, int **runs)
{
    *runs = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < n_cells;) {
        int start = i;
        while (i < n_cells && !cells[i])
            i++;
        if (i == n_cells)
            break; /* the unpainted rest is left out */
        int gap = i - start;
        start = i;
        while (i < n_cells && cells[i])
            i++;
        if (n + 2 > cap) {
            cap = cap ? 2 * cap : 16;
            int *r = realloc(*runs, sizeof *r * (size_t)cap);
            if (!r) {
                free(*runs);
                *runs = NULL;
                return -1;
            }
            *runs = r;
        }
        (*runs)[n++] = gap;
        (*runs)[n++] = i - start;
    }
    return n;
}

/* Why runs cannot be a painting on a grid of n_cells cells, or NULL. */
static const char *runs_problem(const int *runs, int n_runs, int64_t n_cells)
{
    if (n_runs < 0 || n_runs % 2 != 0 || (n_runs > 0 && !runs))
        return "the runs of a painting are not in pairs";
    int64_t sum = 0;
    for (int i = 0; i < n_runs; i++) {
        if (runs[i] < (i == 0 ? 0 : 1))
            return "a run of a painting is empty";
        sum += runs[i];
        if (sum > n_cells)
            return "a painting runs past the end of its grid";
    }
    return NULL;
}

/* True if g is a grid a painting can be recorded on. */
static bool paint_grid_ok(const Grid *g)
{
    /* A cell under 0.001 would be written (three decimals) as 0. */
    return g->cols > 0 && g->rows > 0 && (int64_t)g->cols * g->rows <= RECORD_MAX_PAINT_CELLS &&
           g->cell >= 0.001 && g->cell < 1e12 && fabs(g->origin.x) < 1e12 && fabs(g->origin.y) < 1e12;
}

bool record_paint_decode(const RecordAnswer *a, unsigned char *cells)
{
    if (!a || !cells || !a->has_paint || !paint_grid_ok(&a->grid))
        return false;
    int64_t n = (int64_t)a->grid.cols * a->grid.rows;
    if (runs_problem(a->runs, a->n_runs, n))
        return false;
    memset(cells, 0, (size_t)n);
    int64_t at = 0;
    for (int i = 0; i < a->n_runs; i++) {
        if (i % 2 == 1)
            memset(cells + at, 1, (size_t)a->runs[i]);
        at += a->runs[i];
    }
    return true;
}

static void record_clear(Record *r)
{
    free(r->learner);
    free(r->name);
    free(r->course);
    free(r->module);
    free(r->course_fp);
    free(r->key_id);
    free(r->void_reason);
    for (int i = 0; i < r->n_answers; i++)
        answer_free(&r->answers[i]);
    free(r->answers);
    memset(r, 0, sizeof *r);
}

const char *record_status_name(RecordStatus s)
{
    switch (s) {
    case RECORD_GOOD:
        return "good";
    case RECORD_EDITED:
        return "edited";
    case RECORD_MISSING:
        return "missing";
    case RECORD_REORDERED:
        return "reordered";
    case RECORD_TRUNCATED:
        return "truncated";
    }
    return "?";
}

/* An id read from a file, for a message: as it is if it is a plain token,
 * else "?" (a record that is not good may hold any bytes there, and a
 * message must not carry terminal escape sequences to whoever reads it). */
static const char *shown_id(const char *s)
{
    return plain_token(s) ? s : "?";
}

void record_describe(const Record *r, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    char seq[24] = "?";
    if (r->seq > 0)
        snprintf(seq, sizeof seq, "%d", r->seq);
    if (r->kind == RECORD_PROFILE) {
        snprintf(buf, size, "record %s (profile, %s)", seq, shown_id(r->learner));
        return;
    }
    if (r->kind != RECORD_PROFILE && !r->course) { /* cut short before its course */
        snprintf(buf, size, "record %s", seq);
        return;
    }
    char date[48] = "?";
    time_t t = (time_t)r->finished;
    struct tm tm;
    if (r->finished > 0 && gmtime_r(&t, &tm))
        snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const char *course = shown_id(r->course);
    if (r->kind == RECORD_START) {
        t = (time_t)r->started;
        if (r->started > 0 && gmtime_r(&t, &tm))
            snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        snprintf(buf, size, "record %s (exam start, %s, %s)", seq, course, date);
    } else if (r->mode == ATTEMPT_QUIZ)
        snprintf(buf, size, "record %s (quiz, %s/%s, %s)", seq, course, shown_id(r->module), date);
    else
        snprintf(buf, size, "record %s (exam, %s, %s)", seq, course, date);
}

/* ---- writing -------------------------------------------------------------- */

static void add_answer(Buf *b, const RecordAnswer *a, int index)
{
    add_int(b, "answer", index + 1);
    add_field(b, "key", a->key);
    add_field(b, "type", a->type);
    add_field(b, "module", a->module);
    add_bool(b, "answered", a->answered);
    add_fixed(b, "credit", a->credit, SCORE_DECIMALS);
    add_int(b, "time_ms", a->time_ms);
    add_bool(b, "flagged", a->flagged);
    if (a->view)
        add_field(b, "view", a->view);
    if (a->has_click) {
        char x[48], y[48], xy[100];
        format_fixed(x, sizeof x, a->click.x, CLICK_DECIMALS);
        format_fixed(y, sizeof y, a->click.y, CLICK_DECIMALS);
        snprintf(xy, sizeof xy, "%s %s", x, y);
        add_field(b, "click", xy);
    }
    if (a->matched)
        add_field(b, "matched", a->matched);
    if (a->has_paint) {
        char x[48], y[48], c[48], line[200];
        format_fixed(x, sizeof x, a->grid.origin.x, CLICK_DECIMALS);
        format_fixed(y, sizeof y, a->grid.origin.y, CLICK_DECIMALS);
        format_fixed(c, sizeof c, a->grid.cell, CLICK_DECIMALS);
        snprintf(line, sizeof line, "%s %s %s %d %d", x, y, c, a->grid.cols, a->grid.rows);
        add_field(b, "grid", line);
        Buf runs = {0};
        for (int i = 0; i < a->n_runs; i++) {
            char num[16];
            int len = snprintf(num, sizeof num, i ? " %d" : "%d", a->runs[i]);
            buf_add(&runs, num, (size_t)len);
        }
        if (runs.failed)
            b->failed = true;
        else
            add_field(b, "cells", a->n_runs ? runs.s : "none");
        free(runs.s);
    }
    for (int i = 0; i < a->n_marks; i++) {
        char x[48], y[48], line[200];
        format_fixed(x, sizeof x, a->marks[i].x, CLICK_DECIMALS);
        format_fixed(y, sizeof y, a->marks[i].y, CLICK_DECIMALS);
        snprintf(line, sizeof line, "%s %s %s", x, y, a->mark_tp && a->mark_tp[i] ? a->mark_tp[i] : "-");
        add_field(b, "mark", line);
    }
    for (int i = 0; i < a->n_chosen; i++)
        add_field(b, "chosen", a->chosen[i]);
}

/* Appends record r (kind, seq, learner, name and the attempt's fields) with
 * its prev and mac lines. */
static void add_record(Buf *b, const Record *r, const unsigned char prev[crypto_auth_hmacsha256_BYTES],
                       const unsigned char *key, unsigned char mac_out[crypto_auth_hmacsha256_BYTES])
{
    size_t start = b->n;
    add_int(b, "record", r->seq);
    add_field(b, "kind", r->kind == RECORD_PROFILE ? "profile" : r->kind == RECORD_START ? "start" : "attempt");
    add_field(b, "learner", r->learner);
    add_field(b, "name", r->name);
    if (r->key_id)
        add_field(b, "key_id", r->key_id);
    if (r->kind == RECORD_PROFILE) {
        add_int(b, "created", r->started);
    } else if (r->kind == RECORD_START) {
        add_field(b, "course", r->course);
        add_field(b, "course_fp", r->course_fp);
        add_int(b, "started", r->started);
        add_int(b, "deadline", r->deadline);
        char seed[24];
        snprintf(seed, sizeof seed, "%" PRIu64, r->seed);
        add_field(b, "seed", seed);
    } else {
        add_field(b, "mode", r->mode == ATTEMPT_EXAM ? "exam" : "quiz");
        add_field(b, "course", r->course);
        if (r->module)
            add_field(b, "module", r->module);
        if (r->course_fp)
            add_field(b, "course_fp", r->course_fp);
        if (r->start_seq > 0)
            add_int(b, "start", r->start_seq);
        add_int(b, "started", r->started);
        add_int(b, "finished", r->finished);
        char seed[24];
        snprintf(seed, sizeof seed, "%" PRIu64, r->seed);
        add_field(b, "seed", seed);
        add_fixed(b, "score", r->score, SCORE_DECIMALS);
        add_int(b, "pass_mark", r->pass_mark);
        add_bool(b, "passed", r->passed);
        add_bool(b, "auto_submitted", r->auto_submitted);
        if (r->void_reason)
            add_field(b, "void", r->void_reason);
        add_int(b, "answers", r->n_answers);
        for (int i = 0; i < r->n_answers; i++)
            add_answer(b, &r->answers[i], i);
    }
    char hex[MAC_HEX + 1];
    hex_encode(prev, crypto_auth_hmacsha256_BYTES, hex);
    add_field(b, "prev", hex);
    if (b->failed)
        return;
    crypto_auth_hmacsha256(mac_out, (const unsigned char *)b->s + start, b->n - start, key);
    hex_encode(mac_out, crypto_auth_hmacsha256_BYTES, hex);
    add_field(b, "mac", hex);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *r = malloc(n);
    if (r)
        memcpy(r, s, n);
    return r;
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return dup_str(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, path, n);
        r[n] = '\0';
    }
    return r;
}

static int sync_folder(const char *path)
{
    char *dir = folder_of(path);
    if (!dir)
        return -1;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    free(dir);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Writes text to a new temporary file next to path (mode 0600) and syncs
 * it. Returns its malloc'ed name, or NULL with errno set. */
static char *write_temp(const char *path, const char *text, size_t n)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + sizeof ".tmp-XXXXXX");
    if (!tmp) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
    int fd = mkstemp(tmp); /* O_CREAT | O_EXCL, mode 0600 */
    if (fd < 0) {
        free(tmp);
        return NULL;
    }
    if (fchmod(fd, 0600) != 0 || write_all(fd, text, n) != 0 || fsync(fd) != 0) {
        int err = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        errno = err;
        return NULL;
    }
    if (close(fd) != 0) {
        int err = errno;
        unlink(tmp);
        free(tmp);
        errno = err;
        return NULL;
    }
    return tmp;
}

/* Puts text at path atomically: a temporary file renamed over path, or,
 * with exclusive, linked to path so that the call fails (EEXIST) if path
 * exists. The folder is synced so the new name survives a power loss. */
static int publish(const char *path, const char *text, size_t n, bool exclusive, Diag *d)
{
    errno = 0;
    char *tmp = write_temp(path, text, n);
    if (!tmp) {
        diag_error(d, path, 0, "cannot write a temporary file next to it: %s", strerror(errno ? errno : EIO));
        return -1;
    }
    int rc = exclusive ? link(tmp, path) : rename(tmp, path);
    int err = errno;
    if (rc != 0 && exclusive && err != EEXIST) {
        /* A file system without hard links: create the name exclusively
         * and write it (a crash here can leave it short; readers report
         * that as truncated). */
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        rc = fd < 0 || write_all(fd, text, n) != 0 || fsync(fd) != 0 ? -1 : 0;
        err = errno;
        if (fd >= 0 && (close(fd) != 0 || rc != 0)) {
            unlink(path);
            rc = -1;
        }
    }
    if (exclusive || rc != 0)
        unlink(tmp);
    free(tmp);
    if (rc != 0) {
        if (exclusive && err == EEXIST)
            diag_error(d, path, 0, "already exists");
        else
            diag_error(d, path, 0, "cannot write: %s", strerror(err));
        return -1;
    }
    if (sync_folder(path) != 0) {
        diag_error(d, path, 0, "written, but syncing its folder failed: %s", strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* ---- station key ---------------------------------------------------------- */

int station_key_read(const char *path, unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    int fd = datafile_open_regular(path, DATAFILE_KEY, NULL, d);
    if (fd < 0)
        return -1;
    struct stat st;
    char text[2 * STATION_KEY_BYTES + 2];
    int rc = -1;
    if (fstat(fd, &st) != 0) {
        diag_error(d, path, 0, "cannot read the station key: %s", strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        diag_error(d, path, 0, "the station key is not a regular file");
    } else if (st.st_mode & 077) {
        diag_error(d, path, 0,
                   "the station key has mode %04o: others can read it, so anyone could forge score files; "
                   "it must be readable by its owner only (chmod 600 %s)",
                   (unsigned)(st.st_mode & 07777), path);
    } else if (st.st_size != 2 * STATION_KEY_BYTES && st.st_size != 2 * STATION_KEY_BYTES + 1) {
        diag_error(d, path, 0,
                   "not a station key: it has %lld bytes, a key is 64 hex digits and a newline (65 bytes)",
                   (long long)st.st_size);
    } else {
        ssize_t got = read(fd, text, sizeof text);
        if (got < 2 * STATION_KEY_BYTES || got > 2 * STATION_KEY_BYTES + 1 ||
            (got == 2 * STATION_KEY_BYTES + 1 && text[2 * STATION_KEY_BYTES] != '\n') ||
            !hex_decode(text, 2 * STATION_KEY_BYTES, key, STATION_KEY_BYTES))
            diag_error(d, path, 0, "not a station key: a key is 64 lower-case hex digits and a newline");
        else
            rc = 0;
    }
    close(fd);
    sodium_memzero(text, sizeof text);
    return rc;
}

int station_key_load(const char *data_dir, unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    if (sodium_init() < 0) {
        diag_error(d, data_dir, 0, "libsodium cannot be initialised");
        return -1;
    }
    size_t n = strlen(data_dir) + sizeof "/" KEY_FILE;
    char *path = malloc(n);
    if (!path) {
        diag_error(d, data_dir, 0, "out of memory");
        return -1;
    }
    snprintf(path, n, "%s/" KEY_FILE, data_dir);
    struct stat st;
    int rc;
    if (stat(path, &st) == 0 || errno != ENOENT) {
        rc = station_key_read(path, key, d);
        free(path);
        return rc;
    }
    /* First run: a new random key, published with link() so that of two
     * programs starting at once only one key wins, and neither ever sees
     * a half-written file. */
    unsigned char fresh[STATION_KEY_BYTES];
    char text[2 * STATION_KEY_BYTES + 2];
    randombytes_buf(fresh, sizeof fresh);
    hex_encode(fresh, sizeof fresh, text);
    text[2 * STATION_KEY_BYTES] = '\n';
    text[2 * STATION_KEY_BYTES + 1] = '\0';
    Diag *tmp = diag_create();
    rc = publish(path, text, 2 * STATION_KEY_BYTES + 1, true, tmp);
    sodium_memzero(text, sizeof text);
    sodium_memzero(fresh, sizeof fresh);
    if (rc == 0 || stat(path, &st) == 0) {
        /* Ours, or another program's that won the race: read it back. */
        rc = station_key_read(path, key, d);
    } else {
        diag_append(d, tmp);
    }
    diag_free(tmp);
    free(path);
    return rc;
}

/* ---- reading -------------------------------------------------------------- */

/* What the parser knows about a record besides its Record. */
typedef struct {
    bool complete;  /* has its mac line and that line's newline */
    bool malformed; /* a line did not parse (reported) */
    bool has_mac, has_prev;
    bool mac_ok;    /* its MAC matches its text (checked as its mac line is read) */
    bool authentic; /* complete, well-formed and its MAC matches */
    bool kept;      /* in the longest run of increasing seq (see classify) */
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    unsigned char prev[crypto_auth_hmacsha256_BYTES];
    size_t text_start, text_end; /* the MAC'ed bytes */
    int n_answers_declared;
    const char *problem;    /* first reason it is malformed */
    char problem_field[32]; /* the field with a bad value, "" if that is not the reason */
    int problem_line;
} Meta;

struct ScoreFile {
    Record *rec;
    Meta *meta;
    RecordStatus *status;
    int n, cap;
    int problems; /* text outside the records, no records at all */
    int profile;  /* index of the profile record, -1 if none */
    int version;  /* of the header: 1 or 2 */
    bool misnamed; /* its name is <id>.scores for another learner id */
    bool distrusted; /* scorefile_distrust: found wanting by another check */
    char *text;   /* the file as read */
    size_t len;
};

void scorefile_free(ScoreFile *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->n; i++)
        record_clear(&f->rec[i]);
    free(f->rec);
    free(f->meta);
    free(f->status);
    free(f->text);
    free(f);
}

int scorefile_count(const ScoreFile *f)
{
    return f ? f->n : 0;
}

const Record *scorefile_record(const ScoreFile *f, int i)
{
    return f && i >= 0 && i < f->n ? &f->rec[i] : NULL;
}

RecordStatus scorefile_status(const ScoreFile *f, int i)
{
    return f && i >= 0 && i < f->n ? f->status[i] : RECORD_EDITED;
}

bool scorefile_intact(const ScoreFile *f)
{
    if (!f || f->n == 0 || f->problems)
        return false;
    for (int i = 0; i < f->n; i++)
        if (f->status[i] != RECORD_GOOD)
            return false;
    return true;
}

int scorefile_problems(const ScoreFile *f)
{
    return f ? f->problems : 0;
}

const char *scorefile_learner(const ScoreFile *f)
{
    return f && f->profile >= 0 ? f->rec[f->profile].learner : NULL;
}

const char *scorefile_name(const ScoreFile *f)
{
    return f && f->profile >= 0 ? f->rec[f->profile].name : NULL;
}

static bool grow(ScoreFile *f)
{
    if (f->n < f->cap)
        return true;
    int cap = f->cap ? 2 * f->cap : 16;
    Record *r = realloc(f->rec, sizeof *r * (size_t)cap);
    if (!r)
        return false;
    f->rec = r;
    Meta *m = realloc(f->meta, sizeof *m * (size_t)cap);
    if (!m)
        return false;
    f->meta = m;
    RecordStatus *s = realloc(f->status, sizeof *s * (size_t)cap);
    if (!s)
        return false;
    f->status = s;
    f->cap = cap;
    return true;
}

static void malformed(Meta *m, int line, const char *why)
{
    if (!m->malformed) {
        m->problem = why;
        m->problem_line = line;
        m->problem_field[0] = '\0';
    }
    m->malformed = true;
}

static void bad_value(Meta *m, int line, const char *field)
{
    bool first = !m->malformed;
    malformed(m, line, "a bad value");
    if (first)
        snprintf(m->problem_field, sizeof m->problem_field, "%s", field);
}

/* A field name: n bytes of [a-z_]. */
static bool field_name(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
            return false;
    return true;
}

/* A raw line the writer could have written: valid UTF-8, no control bytes. */
static bool clean_line(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] >= 0x20 && u[i] < 0x7F) { /* printable ASCII: most of a file */
            i++;
            continue;
        }
        if (u[i] < 0x20 || u[i] == 0x7F)
            return false;
        size_t l = utf8_len(u + i, n - i);
        if (l == 0)
            return false;
        i += l;
    }
    return true;
}

/* Stores a copy of a string field once; a second one is malformed. */
static void set_str(char **dst, const char *v, Meta *m, int line)
{
    if (*dst) {
        malformed(m, line, "a field appears twice");
        return;
    }
    if (!(*dst = dup_str(v)))
        malformed(m, line, "out of memory");
}

/* Bit flags of the record-level and answer-level fields seen, so a missing
 * or repeated one is found. */
enum {
    F_KIND = 1 << 0,
    F_LEARNER = 1 << 1,
    F_NAME = 1 << 2,
    F_CREATED = 1 << 3,
    F_MODE = 1 << 4,
    F_COURSE = 1 << 5,
    F_MODULE = 1 << 6,
    F_STARTED = 1 << 7,
    F_FINISHED = 1 << 8,
    F_SEED = 1 << 9,
    F_SCORE = 1 << 10,
    F_PASS_MARK = 1 << 11,
    F_PASSED = 1 << 12,
    F_AUTO = 1 << 13,
    F_ANSWERS = 1 << 14,
    F_PREV = 1 << 15,
    F_COURSE_FP = 1 << 16,
    F_KEY_ID = 1 << 17,
    F_START = 1 << 18,
    F_DEADLINE = 1 << 19,
    F_VOID = 1 << 20
};
enum {
    A_KEY = 1 << 0,
    A_TYPE = 1 << 1,
    A_MODULE = 1 << 2,
    A_ANSWERED = 1 << 3,
    A_CREDIT = 1 << 4,
    A_TIME = 1 << 5,
    A_FLAGGED = 1 << 6,
    A_VIEW = 1 << 7,
    A_CLICK = 1 << 8,
    A_MATCHED = 1 << 9,
    A_GRID = 1 << 10,
    A_CELLS = 1 << 11
};
#define PROFILE_FIELDS (F_KIND | F_LEARNER | F_NAME | F_CREATED | F_PREV)
#define ATTEMPT_FIELDS                                                                                       \
    (F_KIND | F_LEARNER | F_NAME | F_MODE | F_COURSE | F_STARTED | F_FINISHED | F_SEED | F_SCORE |           \
     F_PASS_MARK | F_PASSED | F_AUTO | F_ANSWERS | F_PREV)
#define START_FIELDS                                                                                         \
    (F_KIND | F_LEARNER | F_NAME | F_COURSE | F_COURSE_FP | F_STARTED | F_DEADLINE | F_SEED | F_PREV)
#define ANSWER_FIELDS (A_KEY | A_TYPE | A_MODULE | A_ANSWERED | A_CREDIT | A_TIME | A_FLAGGED)

typedef struct {
    unsigned seen;        /* F_* */
    unsigned answer_seen; /* A_* of the current answer */
    RecordAnswer *answer; /* the answer being read, NULL before the first */
    int answers_cap;
} FieldState;

static bool seen_once(unsigned *seen, unsigned flag, Meta *m, int line)
{
    if (*seen & flag) {
        malformed(m, line, "a field appears twice");
        return false;
    }
    *seen |= flag;
    return true;
}

/* At the end of an answer: every required field there, and a painting
 * whole (its grid and cells both given, and the cells fitting the grid). */
static void check_answer_fields(const FieldState *st, Meta *m, int line)
{
    RecordAnswer *a = st->answer;
    if (!a)
        return;
    if ((st->answer_seen & ANSWER_FIELDS) != ANSWER_FIELDS)
        malformed(m, line, "an answer lacks one of key, type, module, answered, credit, time_ms, flagged");
    unsigned paint = st->answer_seen & (A_GRID | A_CELLS);
    if (paint == (A_GRID | A_CELLS) && !m->malformed)
        a->has_paint = runs_problem(a->runs, a->n_runs, (int64_t)a->grid.cols * a->grid.rows) == NULL;
    if (paint && !a->has_paint)
        malformed(m, line, "a painting without its grid or cells, or cells that do not fit its grid");
}

/* "x y" (two decimals, one space) into *p. */
static bool parse_point(char *v, Vec2 *p)
{
    char *sp = strchr(v, ' ');
    if (!sp)
        return false;
    *sp = '\0';
    bool ok = parse_decimal(v, &p->x) && parse_decimal(sp + 1, &p->y);
    *sp = ' ';
    return ok;
}

/* "x0 y0 cell cols rows" into *g. */
static bool parse_grid(char *v, Grid *g)
{
    char *f[6];
    int n = 0;
    for (char *c = v; n < 6;) {
        f[n++] = c;
        char *sp = strchr(c, ' ');
        if (!sp)
            break;
        *sp = '\0';
        c = sp + 1;
    }
    int64_t cols, rows;
    if (n != 5 || !parse_decimal(f[0], &g->origin.x) || !parse_decimal(f[1], &g->origin.y) ||
        !parse_decimal(f[2], &g->cell) || !parse_int64(f[3], &cols) || !parse_int64(f[4], &rows) ||
        cols > RECORD_MAX_PAINT_CELLS || rows > RECORD_MAX_PAINT_CELLS)
        return false;
    g->cols = (int)cols;
    g->rows = (int)rows;
    return paint_grid_ok(g);
}

/* "none" or run lengths separated by single spaces (even count, only the
 * first may be 0; whether they fit the grid is checked at the answer's
 * end) into a new array. */
static bool parse_runs(const char *v, int **runs, int *n_runs)
{
    *runs = NULL;
    *n_runs = 0;
    if (strcmp(v, "none") == 0)
        return true;
    int n = 0, cap = 0;
    for (const char *c = v;;) {
        /* A run: 1 to 11 digits, then a space or the end. */
        size_t len = 0;
        int64_t x = 0;
        while (c[len] >= '0' && c[len] <= '9' && len < 12)
            x = x * 10 + (c[len++] - '0');
        if (len == 0 || len >= 12 || (c[len] != ' ' && c[len] != '\0'))
            break;
        if (x > RECORD_MAX_PAINT_CELLS || n >= RECORD_MAX_PAINT_CELLS)
            break;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            int *r = realloc(*runs, sizeof *r * (size_t)cap);
            if (!r)
                break;
            *runs = r;
        }
        (*runs)[n++] = (int)x;
        if (c[len] == '\0') {
            if (runs_problem(*runs, n, INT64_MAX))
                break;
            *n_runs = n;
            return true;
        }
        c += len + 1;
    }
    free(*runs);
    *runs = NULL;
    return false;
}

/* "x y tp" (tp "-" for an extra mark) appended to a's marks. */
static bool add_mark(RecordAnswer *a, char *v, Meta *m, int line)
{
    char *sp = strchr(v, ' ');
    char *sp2 = sp ? strchr(sp + 1, ' ') : NULL;
    if (!sp2 || a->n_marks >= RECORD_MAX_MARKS)
        return false;
    *sp2 = '\0';
    const char *id = sp2 + 1;
    Vec2 p;
    if (!parse_point(v, &p) || !plain_token(id))
        return false;
    char *tp = strcmp(id, "-") == 0 ? NULL : dup_str(id);
    Vec2 *mk = realloc(a->marks, sizeof *mk * (size_t)(a->n_marks + 1));
    if (mk)
        a->marks = mk;
    char **ids = realloc(a->mark_tp, sizeof *ids * (size_t)(a->n_marks + 1));
    if (ids)
        a->mark_tp = ids;
    if (!mk || !ids || (strcmp(id, "-") != 0 && !tp)) {
        free(tp);
        malformed(m, line, "out of memory");
        return true;
    }
    a->marks[a->n_marks] = p;
    a->mark_tp[a->n_marks] = tp;
    a->n_marks++;
    return true;
}

static void answer_field(FieldState *st, Meta *m, int line, const char *name, char *v)
{
    RecordAnswer *a = st->answer;
    double x = 0;
    if (strcmp(name, "chosen") == 0) {
        char **c = realloc(a->chosen, sizeof *c * (size_t)(a->n_chosen + 1));
        char *copy = c ? dup_str(v) : NULL;
        if (c)
            a->chosen = c;
        if (!copy) {
            malformed(m, line, "out of memory");
            return;
        }
        a->chosen[a->n_chosen++] = copy;
        return;
    }
    if (strcmp(name, "mark") == 0) {
        if (!add_mark(a, v, m, line))
            bad_value(m, line, name);
        return;
    }
    static const struct {
        const char *name;
        unsigned flag;
    } FIELDS[] = {{"key", A_KEY},           {"type", A_TYPE},     {"module", A_MODULE},
                  {"answered", A_ANSWERED}, {"credit", A_CREDIT}, {"time_ms", A_TIME},
                  {"flagged", A_FLAGGED},   {"view", A_VIEW},     {"click", A_CLICK},
                  {"matched", A_MATCHED},   {"grid", A_GRID},     {"cells", A_CELLS}};
    unsigned flag = 0;
    for (size_t i = 0; i < sizeof FIELDS / sizeof *FIELDS && !flag; i++)
        if (FIELDS[i].name[0] == name[0] && strcmp(name, FIELDS[i].name) == 0)
            flag = FIELDS[i].flag;
    if (!flag) {
        malformed(m, line, "an unknown answer field");
        return;
    }
    if (!seen_once(&st->answer_seen, flag, m, line)) {
        return;
    }
    bool ok = true;
    switch (flag) {
    case A_KEY:
        ok = *v != '\0';
        set_str(&a->key, v, m, line);
        break;
    case A_TYPE:
        ok = plain_token(v);
        set_str(&a->type, v, m, line);
        break;
    case A_MODULE:
        ok = plain_token(v);
        set_str(&a->module, v, m, line);
        break;
    case A_VIEW:
        ok = plain_token(v);
        set_str(&a->view, v, m, line);
        break;
    case A_ANSWERED:
        ok = parse_bool(v, &a->answered);
        break;
    case A_FLAGGED:
        ok = parse_bool(v, &a->flagged);
        break;
    case A_CREDIT:
        ok = parse_decimal(v, &x) && x >= 0 && x <= 1;
        a->credit = x;
        break;
    case A_TIME:
        ok = parse_int64(v, &a->time_ms);
        break;
    case A_CLICK: {
        char *sp = strchr(v, ' ');
        double y = 0;
        ok = sp != NULL;
        if (ok) {
            *sp = '\0';
            ok = parse_decimal(v, &x) && parse_decimal(sp + 1, &y);
        }
        a->has_click = ok;
        a->click = (Vec2){x, y};
        break;
    }
    case A_MATCHED:
        ok = plain_token(v);
        set_str(&a->matched, v, m, line);
        break;
    case A_GRID:
        ok = parse_grid(v, &a->grid);
        break;
    case A_CELLS:
        ok = parse_runs(v, &a->runs, &a->n_runs);
        break;
    default:
        break;
    }
    if (!ok)
        bad_value(m, line, name);
}

/* Handles one "name value" line of a record. v is the unescaped value, in
 * the caller's scratch buffer: it may be changed, and what is kept is
 * copied. */
static void record_field(Record *r, FieldState *st, Meta *m, int line, const char *name, char *v)
{
    if (strcmp(name, "answer") == 0) {
        int64_t k;
        check_answer_fields(st, m, line);
        bool ok = parse_int64(v, &k) && k == r->n_answers + 1 && k <= m->n_answers_declared &&
                  r->kind == RECORD_ATTEMPT && (st->seen & F_ANSWERS);
        if (!ok) {
            malformed(m, line, "an answer out of sequence");
            st->answer = NULL;
            return;
        }
        if (r->n_answers == st->answers_cap) {
            int cap = st->answers_cap ? 2 * st->answers_cap : 8;
            RecordAnswer *a = realloc(r->answers, sizeof *a * (size_t)cap);
            if (!a) {
                malformed(m, line, "out of memory");
                st->answer = NULL;
                return;
            }
            r->answers = a;
            st->answers_cap = cap;
        }
        st->answer = &r->answers[r->n_answers++];
        memset(st->answer, 0, sizeof *st->answer);
        st->answer_seen = 0;
        return;
    }
    if (strcmp(name, "prev") == 0) {
        check_answer_fields(st, m, line);
        st->answer = NULL;
        if (seen_once(&st->seen, F_PREV, m, line)) {
            m->has_prev = hex_decode(v, strlen(v), m->prev, sizeof m->prev);
            if (!m->has_prev)
                malformed(m, line, "prev is not 64 hex digits");
        }
        return;
    }
    if (st->answer) {
        answer_field(st, m, line, name, v);
        return;
    }
    if (st->seen & F_PREV) {
        malformed(m, line, "a field after prev");
        return;
    }
    static const struct {
        const char *name;
        unsigned flag;
    } FIELDS[] = {{"kind", F_KIND},       {"learner", F_LEARNER},     {"name", F_NAME},
                  {"created", F_CREATED}, {"mode", F_MODE},           {"course", F_COURSE},
                  {"module", F_MODULE},   {"started", F_STARTED},     {"finished", F_FINISHED},
                  {"seed", F_SEED},       {"score", F_SCORE},         {"pass_mark", F_PASS_MARK},
                  {"passed", F_PASSED},   {"auto_submitted", F_AUTO}, {"answers", F_ANSWERS},
                  {"course_fp", F_COURSE_FP}, {"key_id", F_KEY_ID},   {"start", F_START},
                  {"deadline", F_DEADLINE}, {"void", F_VOID}};
    unsigned flag = 0;
    for (size_t i = 0; i < sizeof FIELDS / sizeof *FIELDS && !flag; i++)
        if (FIELDS[i].name[0] == name[0] && strcmp(name, FIELDS[i].name) == 0)
            flag = FIELDS[i].flag;
    if (!flag) {
        malformed(m, line, "an unknown field");
        return;
    }
    if (!seen_once(&st->seen, flag, m, line)) {
        return;
    }
    bool ok = true;
    int64_t k = 0;
    double x = 0;
    switch (flag) {
    case F_KIND:
        ok = strcmp(v, "profile") == 0 || strcmp(v, "attempt") == 0 || strcmp(v, "start") == 0;
        r->kind = strcmp(v, "profile") == 0 ? RECORD_PROFILE : strcmp(v, "start") == 0 ? RECORD_START : RECORD_ATTEMPT;
        break;
    case F_COURSE_FP:
        ok = hex_string(v, 64);
        set_str(&r->course_fp, v, m, line);
        break;
    case F_KEY_ID:
        ok = hex_string(v, STATION_KEY_ID_HEX);
        set_str(&r->key_id, v, m, line);
        break;
    case F_START:
        ok = parse_int64(v, &k) && k >= 1 && k < INT_MAX;
        r->start_seq = (int)(ok ? k : 0);
        break;
    case F_DEADLINE:
        ok = parse_int64(v, &r->deadline);
        break;
    case F_VOID:
        ok = v[0] != 0;
        set_str(&r->void_reason, v, m, line);
        break;
    case F_LEARNER:
        ok = learner_id_valid(v, NULL);
        set_str(&r->learner, v, m, line);
        break;
    case F_NAME:
        ok = learner_name_readable(v);
        set_str(&r->name, v, m, line);
        break;
    case F_MODE:
        ok = strcmp(v, "quiz") == 0 || strcmp(v, "exam") == 0;
        r->mode = strcmp(v, "exam") == 0 ? ATTEMPT_EXAM : ATTEMPT_QUIZ;
        break;
    case F_COURSE:
        ok = plain_token(v);
        set_str(&r->course, v, m, line);
        break;
    case F_MODULE:
        ok = plain_token(v);
        set_str(&r->module, v, m, line);
        break;
    case F_CREATED:
    case F_STARTED:
        ok = parse_int64(v, &r->started);
        break;
    case F_FINISHED:
        ok = parse_int64(v, &r->finished);
        break;
    case F_SEED:
        ok = parse_uint64(v, &r->seed);
        break;
    case F_SCORE:
        ok = parse_decimal(v, &x) && x >= 0 && x <= 1;
        r->score = x;
        break;
    case F_PASS_MARK:
        ok = parse_int64(v, &k) && k <= 100;
        r->pass_mark = (int)(ok ? k : 0);
        break;
    case F_PASSED:
        ok = parse_bool(v, &r->passed);
        break;
    case F_AUTO:
        ok = parse_bool(v, &r->auto_submitted);
        break;
    case F_ANSWERS:
        ok = parse_int64(v, &k) && k <= MAX_ANSWERS;
        m->n_answers_declared = (int)(ok ? k : 0);
        break;
    default:
        break;
    }
    if (!ok)
        bad_value(m, line, name);
}

/* Checks that a finished record has every field its kind needs. */
static void check_record_fields(Record *r, const FieldState *st, Meta *m, int line)
{
    check_answer_fields(st, m, line);
    unsigned need = r->kind == RECORD_PROFILE ? PROFILE_FIELDS : r->kind == RECORD_START ? START_FIELDS : ATTEMPT_FIELDS;
    unsigned allowed = r->kind == RECORD_PROFILE ? PROFILE_FIELDS | F_KEY_ID
                       : r->kind == RECORD_START ? START_FIELDS | F_KEY_ID
                                                 : ATTEMPT_FIELDS | F_MODULE | F_COURSE_FP | F_KEY_ID | F_START | F_VOID;
    if ((st->seen & need) != need)
        malformed(m, line, "a required field is missing");
    else if (st->seen & ~allowed)
        malformed(m, line, "a field that does not belong to its kind");
    else if (r->kind == RECORD_ATTEMPT && r->n_answers != m->n_answers_declared)
        malformed(m, line, "not as many answers as its answers line says");
    else if (r->kind == RECORD_ATTEMPT && (r->mode == ATTEMPT_QUIZ) != (r->module != NULL))
        malformed(m, line, "a quiz needs a module and an exam has none");
    else if (r->kind == RECORD_ATTEMPT && r->mode == ATTEMPT_QUIZ && (r->start_seq || r->void_reason))
        malformed(m, line, "a quiz has no start record and is never void");
}

/* Splits the file into records and parses each. Lines outside any record
 * are reported once per run of such lines. */
/* Parses every record; with a key, each complete and well-formed record's
 * MAC is checked as its mac line is reached, while its bytes are still in
 * the cache (classify() judges the rest). */
static void parse_records(ScoreFile *f, const char *path, const unsigned char *key, Diag *d)
{
    char *s = f->text, *end = f->text + f->len;
    char *nl = memchr(s, '\n', f->len);
    s = nl ? nl + 1 : end; /* the header, checked by the caller */
    int line = 1;
    Record *r = NULL;
    Meta *m = NULL;
    FieldState st = {0};
    int stray_start = 0, stray_lines = 0;
    char *scratch = NULL; /* each value, unescaped */
    size_t scratch_cap = 0;
    while (s < end) {
        nl = memchr(s, '\n', (size_t)(end - s));
        char *eol = nl ? nl : end;
        char *next = nl ? nl + 1 : end;
        line++;
        size_t n = (size_t)(eol - s);
        bool starts_record = n > 7 && memcmp(s, "record ", 7) == 0;
        if (starts_record && r) {
            /* A new record begins before this one's mac line. */
            malformed(m, line - 1, "no mac line before the next record");
            m->text_end = (size_t)(s - f->text);
            m->complete = true; /* not cut off by the end of the file: edited */
            r = NULL;
        }
        if (!r && !starts_record) {
            if (stray_lines++ == 0)
                stray_start = line;
            s = next;
            continue;
        }
        if (stray_lines) {
            diag_error(d, path, stray_start, "%d line%s outside any record", stray_lines,
                       stray_lines == 1 ? "" : "s");
            f->problems++;
            stray_lines = 0;
        }
        if (!r) {
            if (!grow(f)) {
                diag_error(d, path, line, "out of memory");
                f->problems++;
                free(scratch);
                return;
            }
            r = &f->rec[f->n];
            m = &f->meta[f->n];
            f->status[f->n] = RECORD_GOOD;
            f->n++;
            memset(r, 0, sizeof *r);
            memset(m, 0, sizeof *m);
            memset(&st, 0, sizeof st);
            r->kind = RECORD_ATTEMPT;
            r->line = line;
            m->text_start = (size_t)(s - f->text);
            int64_t seq;
            char num[24];
            size_t nn = n - 7 < sizeof num - 1 ? n - 7 : sizeof num - 1;
            memcpy(num, s + 7, nn);
            num[nn] = '\0';
            if (n - 7 < sizeof num && parse_int64(num, &seq) && seq > 0 && seq <= INT_MAX)
                r->seq = (int)seq;
            else
                malformed(m, line, "a bad record number");
            s = next;
            continue;
        }
        if (n > 4 && memcmp(s, "mac ", 4) == 0) {
            m->text_end = (size_t)(s - f->text);
            m->has_mac = hex_decode(s + 4, n - 4, m->mac, sizeof m->mac);
            m->complete = nl != NULL;
            if (m->complete) {
                if (!m->has_mac)
                    malformed(m, line, "mac is not 64 hex digits");
                check_record_fields(r, &st, m, line);
                if (key && !m->malformed) {
                    unsigned char mac[crypto_auth_hmacsha256_BYTES];
                    crypto_auth_hmacsha256(mac, (const unsigned char *)f->text + m->text_start,
                                           m->text_end - m->text_start, key);
                    m->mac_ok = sodium_memcmp(mac, m->mac, sizeof mac) == 0;
                }
            }
            r = NULL;
            s = next;
            continue;
        }
        if (!nl) /* a cut-off last line: the record is truncated */
            break;
        const char *why = NULL;
        char *sp = memchr(s, ' ', n);
        if (!clean_line(s, n))
            why = "not clean UTF-8 text (raw control characters?)";
        else if (!sp || sp == s || !field_name(s, (size_t)(sp - s)))
            why = "not a 'name value' line";
        if (why) {
            malformed(m, line, why);
            s = next;
            continue;
        }
        char name[24];
        size_t nlen = (size_t)(sp - s);
        if (nlen >= sizeof name) {
            malformed(m, line, "an unknown field");
            s = next;
            continue;
        }
        memcpy(name, s, nlen);
        name[nlen] = '\0';
        char *v = unescape(sp + 1, (size_t)(eol - sp - 1), &scratch, &scratch_cap, &why);
        if (!v)
            malformed(m, line, why);
        else
            record_field(r, &st, m, line, name, v);
        s = next;
    }
    free(scratch);
    if (stray_lines) {
        diag_error(d, path, stray_start, "%d line%s outside any record", stray_lines,
                   stray_lines == 1 ? "" : "s");
        f->problems++;
    }
}

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

static const unsigned char ZERO_MAC[crypto_auth_hmacsha256_BYTES];

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
static void classify(ScoreFile *f, const char *path, const unsigned char *key, Diag *d)
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
static void check_owner(ScoreFile *f, const char *path, Diag *d)
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
               (int)(n - ext), base, shown_id(owner));
}

bool scorefile_misnamed(const ScoreFile *f)
{
    return f && f->misnamed;
}

void scorefile_distrust(ScoreFile *f)
{
    if (f)
        f->distrusted = true;
}

bool scorefile_trusted(const ScoreFile *f)
{
    return f && !f->misnamed && !f->distrusted;
}

bool scorefile_record_mac(const ScoreFile *f, int i, unsigned char out[32])
{
    if (!f || i < 0 || i >= f->n || !f->meta[i].has_mac)
        return false;
    memcpy(out, f->meta[i].mac, sizeof f->meta[i].mac);
    return true;
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

ScoreFile *scorefile_load(const char *path, const unsigned char *key, Diag *d)
{
    if (key && sodium_init() < 0) {
        diag_error(d, path, 0, "libsodium cannot be initialised");
        return NULL;
    }
    int fd = datafile_open_regular(path, DATAFILE_SCORES, NULL, d);
    if (fd < 0)
        return NULL;
    /* One read into a buffer of the file's size (it is read once, in
     * place: no stdio buffer, no copy, no growing). A file that grows
     * meanwhile is read on up to the size cap. */
    struct stat st;
    size_t cap = fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
    cap = (cap < MAX_FILE_BYTES ? cap : MAX_FILE_BYTES) + 1;
    Buf b = {.s = malloc(cap + 1), .cap = cap};
    size_t pl = strlen(HEADER_PREFIX);
    bool read_error = false;
    while (b.s) {
        if (b.n == b.cap) {
            if (b.n > MAX_FILE_BYTES)
                break;
            size_t more = b.cap * 2 < MAX_FILE_BYTES + 1 ? b.cap * 2 : MAX_FILE_BYTES + 1;
            char *p = realloc(b.s, more + 1);
            if (!p) {
                b.failed = true;
                break;
            }
            b.s = p;
            b.cap = more;
        }
        ssize_t got = read(fd, b.s + b.n, b.cap - b.n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            read_error = got < 0;
            break;
        }
        b.n += (size_t)got;
        /* A file that does not start like a score file is refused below
         * from its first bytes: a large foreign file is not read through. */
        if (b.n >= pl && b.n - (size_t)got < pl && memcmp(b.s, HEADER_PREFIX, pl) != 0)
            break;
    }
    close(fd);
    if (b.s)
        b.s[b.n] = '\0';
    if (read_error || b.failed || !b.s) {
        diag_error(d, path, 0, "cannot read: %s", read_error ? strerror(EIO) : "out of memory");
        free(b.s);
        return NULL;
    }
    if (b.n > MAX_FILE_BYTES) {
        diag_error(d, path, 0, "not a score file: larger than %u MiB", MAX_FILE_BYTES >> 20);
        free(b.s);
        return NULL;
    }
    size_t hl = strlen(HEADER);
    int version = 0;
    if (b.n >= hl && (b.n == hl || b.s[hl] == '\n'))
        version = memcmp(b.s, HEADER, hl) == 0 ? 2 : memcmp(b.s, HEADER_V1, hl) == 0 ? 1 : 0;
    if (!version) {
        if (b.n > strlen(HEADER_PREFIX) && memcmp(b.s, HEADER_PREFIX, strlen(HEADER_PREFIX)) == 0)
            diag_error(d, path, 1, "unsupported score file version (this program reads versions 1 and 2)");
        else
            diag_error(d, path, b.n ? 1 : 0, "not a score file (its first line is not '" HEADER "')");
        free(b.s);
        return NULL;
    }
    ScoreFile *f = calloc(1, sizeof *f);
    if (!f) {
        diag_error(d, path, 0, "out of memory");
        free(b.s);
        return NULL;
    }
    f->text = b.s ? b.s : dup_str("");
    f->len = b.n;
    f->version = version;
    f->profile = -1;
    parse_records(f, path, key, d);
    classify(f, path, key, d);
    if (f->n == 0) {
        diag_error(d, path, 0, "no records: even the learner's profile record is gone");
        f->problems++;
    }
    check_owner(f, path, d);
    return f;
}

/* ---- creating and appending ----------------------------------------------- */

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
    Buf b = {0};
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    buf_str(&b, HEADER "\n");
    add_record(&b, &r, ZERO_MAC, key, mac);
    int rc = -1;
    if (b.failed)
        diag_error(d, path, 0, "cannot create: out of memory");
    else {
        int lock = lock_appends(path, d); /* the ledger takes one writer at a time */
        rc = lock < 0 ? -1 : publish(path, b.s, b.n, true, d);
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
    if (a->course_fp && !hex_string(a->course_fp, 64))
        return "the course fingerprint is not 64 hex digits";
    if (a->kind == RECORD_START) {
        if (!plain_token(a->course) || !a->course_fp)
            return "an exam start needs its course id and fingerprint";
        if (a->started < 0 || a->deadline < a->started)
            return "a value is out of range";
        return NULL;
    }
    if (a->kind != RECORD_ATTEMPT)
        return "only attempts and exam starts can be appended";
    if (a->void_reason && (!a->void_reason[0] || strchr(a->void_reason, '\n')))
        return "a void reason must be one line";
    if (!plain_token(a->course))
        return "the course id is missing or not [a-z0-9._/-]";
    if ((a->mode == ATTEMPT_QUIZ) != (a->module != NULL) || (a->module && !plain_token(a->module)))
        return "a quiz needs a module id and an exam has none";
    if (!(a->score >= 0 && a->score <= 1) || a->pass_mark < 0 || a->pass_mark > 100 || a->started < 0 ||
        a->finished < 0 || a->n_answers < 0 || a->n_answers > MAX_ANSWERS || (a->n_answers && !a->answers))
        return "a value is out of range";
    for (int i = 0; i < a->n_answers; i++) {
        const RecordAnswer *x = &a->answers[i];
        if (!x->key || !*x->key || !plain_token(x->type) || !plain_token(x->module) ||
            (x->view && !plain_token(x->view)))
            return "an answer lacks its key, type or module (or has a bad view)";
        if (!(x->credit >= 0 && x->credit <= 1) || x->time_ms < 0 || x->n_chosen < 0 ||
            (x->n_chosen && !x->chosen))
            return "an answer's value is out of range";
        for (int k = 0; k < x->n_chosen; k++)
            if (!x->chosen[k])
                return "an answer's chosen option is missing";
        if (x->has_click && !(fabs(x->click.x) < 1e12 && fabs(x->click.y) < 1e12))
            return "an answer's click is out of range";
        if (x->matched && !plain_token(x->matched))
            return "an answer's matched trigger point is not [a-z0-9._/-]";
        if (x->has_paint) {
            if (!paint_grid_ok(&x->grid))
                return "an answer's paint grid is out of range";
            const char *why = runs_problem(x->runs, x->n_runs, (int64_t)x->grid.cols * x->grid.rows);
            if (why)
                return why;
        }
        if (x->n_marks < 0 || x->n_marks > RECORD_MAX_MARKS || (x->n_marks && !x->marks))
            return "an answer's marks are out of range";
        for (int k = 0; k < x->n_marks; k++) {
            if (!(fabs(x->marks[k].x) < 1e12 && fabs(x->marks[k].y) < 1e12))
                return "an answer's mark is out of range";
            if (x->mark_tp && x->mark_tp[k] &&
                (!plain_token(x->mark_tp[k]) || strcmp(x->mark_tp[k], "-") == 0))
                return "an answer's mark names a bad trigger point id";
        }
    }
    return NULL;
}

void station_key_id(const unsigned char key[STATION_KEY_BYTES], char out[STATION_KEY_ID_HEX + 1])
{
    static const char TAG[] = "tpquiz-station-key-id 1\n";
    crypto_hash_sha256_state h;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_init(&h);
    crypto_hash_sha256_update(&h, (const unsigned char *)TAG, sizeof TAG - 1);
    crypto_hash_sha256_update(&h, key, STATION_KEY_BYTES);
    crypto_hash_sha256_final(&h, digest);
    hex_encode(digest, STATION_KEY_ID_HEX / 2, out);
    out[STATION_KEY_ID_HEX] = 0;
}

int scorefile_version(const ScoreFile *f)
{
    return f ? f->version : 0;
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
        Buf b = {0};
        unsigned char mac[crypto_auth_hmacsha256_BYTES];
        /* The header names the newest format any record in the file has;
         * it is outside every MAC, the records' bytes stay as they are. */
        buf_str(&b, HEADER "\n");
        const char *nl = memchr(f->text, '\n', f->len);
        size_t body = nl ? (size_t)(nl + 1 - f->text) : f->len;
        buf_add(&b, f->text + body, f->len - body);
        add_record(&b, &r, f->meta[f->n - 1].mac, key, mac);
        if (seq == INT_MAX || b.failed)
            diag_error(d, path, 0, "cannot record the attempt: out of memory");
        else
            rc = publish(path, b.s, b.n, false, d);
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

/* ---- certificates --------------------------------------------------------- */

void record_certificate_code(const Record *r, const unsigned char key[STATION_KEY_BYTES], char out[13])
{
    static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";
    Buf b = {0};
    char score[48];
    format_fixed(score, sizeof score, r->score, SCORE_DECIMALS);
    buf_str(&b, "tpquiz-certificate 1\n");
    add_field(&b, "learner", r->learner ? r->learner : "");
    add_field(&b, "course", r->course ? r->course : "");
    add_int(&b, "finished", r->finished);
    add_field(&b, "score", score);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    if (sodium_init() < 0 || b.failed)
        memset(mac, 0, sizeof mac);
    else
        crypto_auth_hmacsha256(mac, (const unsigned char *)b.s, b.n, key);
    free(b.s);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | mac[i];
    for (int i = 0; i < 12; i++) {
        out[i] = ALPHABET[v % 34];
        v /= 34;
    }
    out[12] = '\0';
}
