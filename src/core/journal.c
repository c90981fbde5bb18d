/* journal: an exam in progress (format in docs/FORMATS.md, "Exam journals").
 *
 *   tpquiz-journal 1 <course> <seed> <started ms> <deadline ms> <questions>
 *   click <item> <at ms> <x> <y>
 *   options <item> <at ms> <bits>
 *   flag <item> <at ms> <0|1>
 *   clear <item> <at ms>
 *   paint <item> <at ms> <x0> <y0> <cell> <cols> <rows> [<run> ...]
 *   clicks <item> <at ms> <n> [<x> <y> ...]
 *
 * Every event is one line put on disk by a single write() and an fsync()
 * before journal_append returns, so after a crash the file holds every
 * event that was acknowledged, plus at most one line cut short, which
 * readers skip. A failed or short write is cut off again (ftruncate), so the
 * next event never lands glued to half a line. The header is written with
 * the file (temporary file linked into place), so a journal never exists
 * without its header.
 *
 * Numbers are read and written by hand, not with strtod or printf("%f"),
 * so a locale with a decimal comma cannot change the file.
 *
 * A painting is written as runs (lengths of alternating unpainted and
 * painted stretches of cells in row-major order, unpainted first, up to the
 * last painted cell): a brushed zone is a few dozen numbers where its cells
 * would be tens of thousands. When read, the cells and clicks of all events
 * go into the one allocation that holds the events, so the caller's single
 * free() releases everything. */
#include "journal.h"

#include "datafile.h"
#include "record.h"
#include "seal.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "tpquiz-journal"
#define VERSION "2"
#define VERSION_1 "1"
#define MAX_QUESTIONS 100000
#define MAX_BAD_LINES 20 /* reported one by one; the rest are counted */
#define CLICK_DECIMALS 6
#define MAX_COURSE 64

struct Journal {
    int fd;
    char *path;
    int n_questions;
    unsigned char key[JOURNAL_KEY_BYTES];
    unsigned char mac[SEAL_BYTES]; /* of the last line written */
};

/* ---- seals (seal.h): every version 2 line ends with one ---------------- */

typedef struct {
    const unsigned char *key; /* NULL: seals are cut off but not checked */
    unsigned char prev[SEAL_BYTES];
    JournalSeal *seal;
} Unsealer;

static void seal_broken(Unsealer *u, int line, const char *why)
{
    if (u->seal && u->seal->intact) {
        u->seal->intact = false;
        u->seal->line = line;
        snprintf(u->seal->why, sizeof u->seal->why, "line %d %s", line, why);
    }
}

/* Cuts the seal off a version 2 line (NUL-terminated, newline removed) and
 * checks it against the chain. False if the line has no seal at all. */
static bool unseal(Unsealer *u, char *line, int lineno)
{
    unsigned char got[SEAL_BYTES];
    if (!seal_cut(line, got)) {
        seal_broken(u, lineno, "has no seal");
        return false;
    }
    if (!seal_check(u->key, u->prev, line, strlen(line), got))
        seal_broken(u, lineno,
                    "does not match its seal (lines were edited, deleted, repeated, moved or copied from "
                    "another journal)");
    return true;
}

static bool course_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > MAX_COURSE)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' || *s == '-'))
            return false;
    return true;
}

/* Splits s at single spaces into at most max fields; returns the count, or
 * max + 1 if there are more. Empty fields (two spaces) count as fields. */
static int split(char *s, char **f, int max)
{
    int n = 0;
    for (char *c = s;;) {
        if (n == max)
            return max + 1;
        f[n++] = c;
        char *sp = strchr(c, ' ');
        if (!sp)
            return n;
        *sp = '\0';
        c = sp + 1;
    }
}

/* Parses the header line (NUL-terminated, newline removed). */
static bool parse_header(char *s, JournalHeader *h, const char **why)
{
    char *f[8];
    int n = split(s, f, 8);
    int64_t q, start = 0;
    if (n < 2 || strcmp(f[0], MAGIC) != 0) {
        *why = "not an exam journal (its first line does not start with '" MAGIC "')";
        return false;
    }
    bool v1 = strcmp(f[1], VERSION_1) == 0;
    if (!v1 && strcmp(f[1], VERSION) != 0) {
        *why = "unsupported exam journal version (this program reads 1 and 2)";
        return false;
    }
    if (!v1 && (n != 8 || !text_parse_int64(f[7], 18, &start) || start < 1 || start >= INT_MAX)) {
        *why = "bad journal header (expected '" MAGIC " " VERSION
               " <course> <seed> <started ms> <deadline ms> <questions> <start record>')";
        return false;
    }
    h->start_seq = (int)start;
    if (n != (v1 ? 7 : 8) || !course_ok(f[2]) || !text_parse_uint64(f[3], &h->seed) || !text_parse_int64(f[4], 18, &h->started_ms) ||
        !text_parse_int64(f[5], 18, &h->deadline_ms) || !text_parse_int64(f[6], 18, &q) || q < 1 || q > MAX_QUESTIONS ||
        h->deadline_ms < h->started_ms) {
        *why = "bad journal header (expected '" MAGIC " " VERSION
               " <course> <seed> <started ms> <deadline ms> <questions>')";
        return false;
    }
    h->course = strdup(f[2]);
    if (!h->course) {
        *why = "out of memory";
        return false;
    }
    h->n_questions = (int)q;
    return true;
}

/* What a paint or clicks event holds while the journal is read, before it
 * is packed with the events (see load). */
typedef struct {
    int *runs; /* paint: the runs as written */
    int n_runs;
    Vec2 *clicks; /* clicks */
} EventData;

/* The next field of a line split at single spaces (the space becomes a
 * NUL), or NULL after the last; an empty field (two spaces) is "". */
static char *next_field(char **cur)
{
    char *c = *cur;
    if (!c)
        return NULL;
    char *sp = strchr(c, ' ');
    if (sp) {
        *sp = '\0';
        *cur = sp + 1;
    } else {
        *cur = NULL;
    }
    return c;
}


static bool grid_ok(const Grid *g)
{
    /* A cell under 0.000001 would be written (six decimals) as 0. */
    return g->cols > 0 && g->rows > 0 && (int64_t)g->cols * g->rows <= JOURNAL_MAX_PAINT_CELLS &&
           g->cell >= 0.000001 && g->cell < 1e9 && fabs(g->origin.x) < 1e9 && fabs(g->origin.y) < 1e9;
}

/* The item and time fields of an event into e. */
static bool parse_item_time(const char *fi, const char *ft, int n_questions, JournalEvent *e,
                            const char **why)
{
    int64_t item;
    if (!fi || !text_parse_int64(fi, 18, &item) || item >= n_questions) {
        *why = "bad item number";
        return false;
    }
    if (!ft || !text_parse_int64(ft, 18, &e->at_ms)) {
        *why = "bad time";
        return false;
    }
    e->item = (int)item;
    return true;
}

/* Parses a paint or clicks line (their field counts vary). */
static bool parse_multi(char *s, int n_questions, JournalEvent *e, EventData *x, const char **why)
{
    char *cur = s;
    bool paint = strcmp(next_field(&cur), "paint") == 0;
    char *fi = next_field(&cur);
    char *ft = next_field(&cur);
    if (!parse_item_time(fi, ft, n_questions, e, why))
        return false;
    char *f;
    if (paint) {
        e->op = JOURNAL_PAINT;
        *why = "expected 'paint <item> <at ms> <x0> <y0> <cell> <cols> <rows> <runs>...'";
        char *g[5];
        int64_t cols = 0, rows = 0;
        for (int k = 0; k < 5; k++)
            if (!(g[k] = next_field(&cur)))
                return false;
        if (!text_parse_decimal(g[0], 9, 6, &e->grid.origin.x) || !text_parse_decimal(g[1], 9, 6, &e->grid.origin.y) ||
            !text_parse_decimal(g[2], 9, 6, &e->grid.cell) || !text_parse_int64(g[3], 18, &cols) || !text_parse_int64(g[4], 18, &rows) ||
            cols > JOURNAL_MAX_PAINT_CELLS || rows > JOURNAL_MAX_PAINT_CELLS)
            return false;
        e->grid.cols = (int)cols;
        e->grid.rows = (int)rows;
        if (!grid_ok(&e->grid)) {
            *why = "a paint grid out of range";
            return false;
        }
        int cap = 0;
        while ((f = next_field(&cur))) {
            int64_t v;
            if (!text_parse_int64(f, 18, &v) || v > JOURNAL_MAX_PAINT_CELLS || x->n_runs > JOURNAL_MAX_PAINT_CELLS)
                return false;
            if (x->n_runs == cap) {
                cap = cap ? 2 * cap : 16;
                int *r = realloc(x->runs, sizeof *r * (size_t)cap);
                if (!r) {
                    *why = "out of memory";
                    return false;
                }
                x->runs = r;
            }
            x->runs[x->n_runs++] = (int)v;
        }
        const char *bad = record_runs_problem(x->runs, x->n_runs, cols * rows);
        if (bad)
            *why = bad;
        return bad == NULL;
    }
    e->op = JOURNAL_CLICKS;
    *why = "expected 'clicks <item> <at ms> <n> <x> <y>...'";
    int64_t n;
    if (!(f = next_field(&cur)) || !text_parse_int64(f, 18, &n) || n > JOURNAL_MAX_CLICKS)
        return false;
    x->clicks = malloc(sizeof *x->clicks * (size_t)(n > 0 ? n : 1));
    if (!x->clicks) {
        *why = "out of memory";
        return false;
    }
    for (int k = 0; k < n; k++) {
        char *fx = next_field(&cur);
        char *fy = next_field(&cur);
        if (!fy || !text_parse_decimal(fx, 9, 6, &x->clicks[k].x) || !text_parse_decimal(fy, 9, 6, &x->clicks[k].y))
            return false;
    }
    e->n_clicks = (int)n;
    return cur == NULL; /* nothing after the last click */
}

/* Parses one event line against n_questions. x gets the data of a paint or
 * clicks event (the caller frees it, also on failure). */
static bool parse_event(char *s, int n_questions, JournalEvent *e, EventData *x, const char **why)
{
    char *f[6] = {NULL};
    memset(e, 0, sizeof *e);
    memset(x, 0, sizeof *x);
    if (strncmp(s, "paint ", 6) == 0 || strncmp(s, "clicks ", 7) == 0)
        return parse_multi(s, n_questions, e, x, why);
    int n = split(s, f, 5);
    int64_t item;
    *why = "expected 'click|options|flag|clear|paint|clicks <item> <at ms> ...'";
    if (n < 3)
        return false;
    if (!text_parse_int64(f[1], 18, &item) || item >= n_questions) {
        *why = "bad item number";
        return false;
    }
    if (!text_parse_int64(f[2], 18, &e->at_ms)) {
        *why = "bad time";
        return false;
    }
    e->item = (int)item;
    if (strcmp(f[0], "click") == 0) {
        e->op = JOURNAL_CLICK;
        if (n != 5 || !text_parse_decimal(f[3], 9, 6, &e->click.x) || !text_parse_decimal(f[4], 9, 6, &e->click.y)) {
            *why = "expected 'click <item> <at ms> <x> <y>'";
            return false;
        }
    } else if (strcmp(f[0], "options") == 0) {
        uint64_t bits;
        e->op = JOURNAL_OPTIONS;
        if (n != 4 || !text_parse_uint64(f[3], &bits) || bits > UINT_MAX) {
            *why = "expected 'options <item> <at ms> <bits>'";
            return false;
        }
        e->options = (unsigned)bits;
    } else if (strcmp(f[0], "flag") == 0) {
        e->op = JOURNAL_FLAG;
        if (n != 4 || (strcmp(f[3], "0") != 0 && strcmp(f[3], "1") != 0)) {
            *why = "expected 'flag <item> <at ms> <0|1>'";
            return false;
        }
        e->flag = f[3][0] == '1';
    } else if (strcmp(f[0], "clear") == 0) {
        e->op = JOURNAL_CLEAR;
        if (n != 3) {
            *why = "expected 'clear <item> <at ms>'";
            return false;
        }
    } else if (strcmp(f[0], "tick") == 0) {
        e->op = JOURNAL_TICK;
        if (n != 4 || !text_parse_int64(f[3], 18, &e->spent_ms)) {
            *why = "expected 'tick <item> <at ms> <spent ms>'";
            return false;
        }
    } else {
        return false;
    }
    return true;
}

/* Replaces *events (n of them, data[i] holding event i's runs or clicks)
 * by one allocation holding the events, then every event's clicks, then
 * every event's cells, with the events' pointers into it. False (nothing
 * changed) if memory runs out. */
static bool pack_events(JournalEvent **events, const EventData *data, int n)
{
    size_t n_clicks = 0, n_cells = 0;
    for (int i = 0; i < n; i++) {
        const JournalEvent *e = &(*events)[i];
        if (e->op == JOURNAL_CLICKS)
            n_clicks += (size_t)e->n_clicks;
        else if (e->op == JOURNAL_PAINT)
            n_cells += (size_t)e->grid.cols * (size_t)e->grid.rows;
    }
    if (n_clicks == 0 && n_cells == 0)
        return true; /* nothing to pack: the array stands as it is */
    /* The events, then the clicks (a JournalEvent's size is a multiple of
     * its alignment, which is at least a double's), then the bytes. */
    size_t at_clicks = sizeof **events * (size_t)n, at_cells = at_clicks + sizeof(Vec2) * n_clicks;
    char *block = malloc(at_cells + n_cells);
    if (!block)
        return false;
    JournalEvent *ev = (JournalEvent *)(void *)block;
    Vec2 *clicks = (Vec2 *)(void *)(block + at_clicks);
    unsigned char *cells = (unsigned char *)block + at_cells;
    memcpy(ev, *events, at_clicks);
    for (int i = 0; i < n; i++) {
        JournalEvent *e = &ev[i];
        if (e->op == JOURNAL_CLICKS) {
            if (e->n_clicks > 0)
                memcpy(clicks, data[i].clicks, sizeof *clicks * (size_t)e->n_clicks);
            e->clicks = clicks;
            clicks += e->n_clicks;
        } else if (e->op == JOURNAL_PAINT) {
            size_t size = (size_t)e->grid.cols * (size_t)e->grid.rows, at = 0;
            memset(cells, 0, size);
            for (int k = 0; k < data[i].n_runs; k++) {
                if (k % 2 == 1)
                    memset(cells + at, 1, (size_t)data[i].runs[k]);
                at += (size_t)data[i].runs[k];
            }
            e->cells = cells;
            cells += size;
        }
    }
    free(*events);
    *events = ev;
    return true;
}

/* Parses a journal. *complete gets the length of its complete lines (where
 * a cut-off last line begins). events may be NULL to read the header only. */
static bool load(const char *path, const unsigned char *key, JournalSeal *seal, unsigned char *last_mac,
                 JournalHeader *h, JournalEvent **events, int *n_events, size_t *complete, Diag *d)
{
    memset(h, 0, sizeof *h);
    JournalSeal no_seal;
    if (!seal)
        seal = &no_seal;
    memset(seal, 0, sizeof *seal);
    seal->checked = key != NULL;
    seal->intact = true;
    Unsealer u = {key, {0}, seal};
    if (events) {
        *events = NULL;
        *n_events = 0;
    }
    size_t len = 0;
    char *buf = datafile_read_capped(path, DATAFILE_JOURNAL, &len, d);
    if (!buf)
        return false;
    char *nl = memchr(buf, '\n', len);
    const char *why = NULL;
    if (!nl) {
        diag_error(d, path, len ? 1 : 0, "not an exam journal (%s)",
                   len ? "its header line is cut short" : "empty");
        free(buf);
        return false;
    }
    *nl = '\0';
    bool sealed = strncmp(buf, MAGIC " " VERSION " ", sizeof MAGIC " " VERSION " " - 1) == 0;
    if (!sealed) {
        seal->intact = false;
        snprintf(seal->why, sizeof seal->why, "an old journal without seals (version 1)");
    }
    if (memchr(buf, '\0', (size_t)(nl - buf)) || (sealed && !unseal(&u, buf, 1)) || !parse_header(buf, h, &why)) {
        diag_error(d, path, 1, "%s", why ? why : "not an exam journal (NUL bytes)");
        free(buf);
        return false;
    }
    size_t done = (size_t)(nl - buf) + 1;
    int line = 1, bad = 0, cap = 0;
    EventData *data = NULL;
    int64_t read_cells = 0;
    bool ok = true;
    for (char *s = nl + 1, *end = buf + len; s < end && events;) {
        line++;
        nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) {
            diag_warning(d, path, line,
                         "the last line is cut short (the program stopped while writing it); "
                         "ignored");
            break;
        }
        *nl = '\0';
        done = (size_t)(nl + 1 - buf);
        JournalEvent e;
        EventData x = {0};
        if (memchr(s, '\0', (size_t)(nl - s)))
            why = "a NUL byte";
        else if (sealed && !unseal(&u, s, line))
            why = "no seal at its end";
        else if (parse_event(s, h->n_questions, &e, &x, &why))
            why = NULL;
        if (!why && e.op == JOURNAL_PAINT) {
            int64_t cells = (int64_t)e.grid.cols * e.grid.rows;
            if (read_cells + cells > JOURNAL_MAX_READ_CELLS)
                why = "more painting than one journal may hold";
            else
                read_cells += cells;
        }
        if (why) {
            free(x.runs);
            free(x.clicks);
            if (bad++ < MAX_BAD_LINES)
                diag_error(d, path, line, "bad journal line, skipped: %s", why);
        } else {
            if (*n_events == cap) {
                int ncap = cap ? 2 * cap : 64;
                JournalEvent *ev = realloc(*events, sizeof *ev * (size_t)ncap);
                if (ev)
                    *events = ev;
                EventData *dt = realloc(data, sizeof *dt * (size_t)ncap);
                if (dt)
                    data = dt;
                if (!ev || !dt) {
                    free(x.runs);
                    free(x.clicks);
                    diag_error(d, path, line, "out of memory");
                    break;
                }
                cap = ncap;
            }
            data[*n_events] = x;
            (*events)[(*n_events)++] = e;
        }
        s = nl + 1;
    }
    if (bad > MAX_BAD_LINES)
        diag_error(d, path, 0, "%d more bad journal lines skipped", bad - MAX_BAD_LINES);
    if (events && !pack_events(events, data, *n_events)) {
        diag_error(d, path, 0, "out of memory");
        ok = false;
    }
    for (int i = 0; events && i < *n_events; i++) {
        free(data[i].runs);
        free(data[i].clicks);
    }
    free(data);
    if (complete)
        *complete = events ? done : len;
    if (last_mac)
        memcpy(last_mac, u.prev, sizeof u.prev);
    free(buf);
    return ok;
}

bool journal_read(const char *path, const unsigned char *key, JournalHeader *h, JournalEvent **events, int *n,
                  JournalSeal *seal, Diag *d)
{
    if (!load(path, key, seal, NULL, h, events, n, NULL, d)) {
        free(*events);
        *events = NULL;
        *n = 0;
        return false;
    }
    return true;
}

static Journal *open_for_append(const char *path, int n_questions, const unsigned char *key,
                                const unsigned char *last_mac, Diag *d)
{
    Journal *j = calloc(1, sizeof *j);
    char *p = strdup(path);
    if (!j || !p) {
        free(j);
        free(p);
        diag_error(d, path, 0, "out of memory");
        return NULL;
    }
    j->fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (j->fd < 0) {
        diag_error(d, path, 0, "cannot open the exam journal: %s", strerror(errno));
        free(j);
        free(p);
        return NULL;
    }
    j->path = p;
    j->n_questions = n_questions;
    memcpy(j->key, key, sizeof j->key);
    memcpy(j->mac, last_mac, sizeof j->mac);
    return j;
}

Journal *journal_begin(const char *path, const JournalHeader *h, const unsigned char key[JOURNAL_KEY_BYTES], Diag *d)
{
    if (!course_ok(h->course) || h->n_questions < 1 || h->n_questions > MAX_QUESTIONS || h->started_ms < 0 ||
        h->deadline_ms < h->started_ms || h->start_seq < 1) {
        diag_error(d, path, 0, "cannot start the exam journal: bad header values");
        return NULL;
    }
    char line[256];
    int len = snprintf(line, sizeof line, MAGIC " " VERSION " %s %" PRIu64 " %" PRId64 " %" PRId64 " %d %d",
                       h->course, h->seed, h->started_ms, h->deadline_ms, h->n_questions, h->start_seq);
    unsigned char mac[SEAL_BYTES] = {0}; /* the header follows 32 zero bytes */
    if (len > 0 && (size_t)len + SEAL_HEX + 2 < sizeof line)
        len = (int)seal_append(key, mac, line, (size_t)len);
    else
        len = -1;
    if (len < 0 || (size_t)len >= sizeof line) {
        diag_error(d, path, 0, "cannot start the exam journal: bad header values");
        return NULL;
    }
    /* The header goes into a temporary file that is then linked to path:
     * the journal appears complete with its header, or not at all, and
     * link() fails if a journal is already there. */
    DatafileStep step;
    if (datafile_replace(path, line, (size_t)len, 0600, DATAFILE_EXCLUSIVE, &step) != 0) {
        int err = errno;
        if (step == DATAFILE_STEP_FOLDER) {
            diag_error(d, path, 0, "cannot start the exam journal: syncing its folder: %s", strerror(err));
            unlink(path);
        } else if (err == EEXIST) {
            diag_error(d, path, 0,
                       "an exam journal already exists (an unfinished exam must be resumed or "
                       "submitted first)");
        } else {
            diag_error(d, path, 0, "cannot start the exam journal: %s", strerror(err ? err : EIO));
        }
        return NULL;
    }
    return open_for_append(path, h->n_questions, key, mac, d);
}

static char *format_multi(const JournalEvent *e, const char **why);
static int append_line(Journal *j, const char *line, size_t len, Diag *d);

int journal_append(Journal *j, const JournalEvent *e, Diag *d)
{
    if (!j || !e)
        return -1;
    if (e->item < 0 || e->item >= j->n_questions || e->at_ms < 0) {
        diag_error(d, j->path, 0, "cannot journal the event: item %d or time out of range", e->item);
        return -1;
    }
    char line[160], x[48], y[48];
    int len;
    if (e->op == JOURNAL_PAINT || e->op == JOURNAL_CLICKS) {
        const char *why = NULL;
        char *text = format_multi(e, &why);
        if (!text) {
            diag_error(d, j->path, 0, "cannot journal the %s: %s",
                       e->op == JOURNAL_PAINT ? "painting" : "clicks", why);
            return -1;
        }
        int rc = append_line(j, text, strlen(text), d);
        free(text);
        return rc;
    }
    switch (e->op) {
    case JOURNAL_CLICK:
        if (!(fabs(e->click.x) < 1e9 && fabs(e->click.y) < 1e9)) {
            diag_error(d, j->path, 0, "cannot journal the click: coordinates out of range");
            return -1;
        }
        text_format_fixed(x, sizeof x, e->click.x, CLICK_DECIMALS);
        text_format_fixed(y, sizeof y, e->click.y, CLICK_DECIMALS);
        len = snprintf(line, sizeof line, "click %d %" PRId64 " %s %s\n", e->item, e->at_ms, x, y);
        break;
    case JOURNAL_OPTIONS:
        len = snprintf(line, sizeof line, "options %d %" PRId64 " %u\n", e->item, e->at_ms, e->options);
        break;
    case JOURNAL_FLAG:
        len = snprintf(line, sizeof line, "flag %d %" PRId64 " %d\n", e->item, e->at_ms, e->flag ? 1 : 0);
        break;
    case JOURNAL_CLEAR:
        len = snprintf(line, sizeof line, "clear %d %" PRId64 "\n", e->item, e->at_ms);
        break;
    case JOURNAL_TICK:
        if (e->spent_ms < 0) {
            diag_error(d, j->path, 0, "cannot journal the time spent: negative");
            return -1;
        }
        len = snprintf(line, sizeof line, "tick %d %" PRId64 " %" PRId64 "\n", e->item, e->at_ms, e->spent_ms);
        break;
    default:
        diag_error(d, j->path, 0, "cannot journal the event: unknown kind");
        return -1;
    }
    if (len < 0 || (size_t)len >= sizeof line) {
        diag_error(d, j->path, 0, "cannot journal the event: too long");
        return -1;
    }
    return append_line(j, line, (size_t)len, d);
}

static void line_fixed(TextBuf *l, double v)
{
    char num[48];
    text_format_fixed(num, sizeof num, v, CLICK_DECIMALS);
    text_buf_str(l, " ");
    text_buf_str(l, num);
}

static void line_int(TextBuf *l, int64_t v)
{
    char num[32];
    snprintf(num, sizeof num, " %" PRId64, v);
    text_buf_str(l, num);
}

/* The line of a paint or clicks event (with its newline), malloc'ed; NULL
 * with *why if the event is out of range or memory runs out. */
static char *format_multi(const JournalEvent *e, const char **why)
{
    TextBuf l = {0};
    if (e->op == JOURNAL_PAINT) {
        const Grid *g = &e->grid;
        if (!e->cells || !(isfinite(g->cell) && isfinite(g->origin.x) && isfinite(g->origin.y)) ||
            !grid_ok(g)) {
            *why = "no cells, or a grid out of range";
            return NULL;
        }
        text_buf_str(&l, "paint");
        line_int(&l, e->item);
        line_int(&l, e->at_ms);
        line_fixed(&l, g->origin.x);
        line_fixed(&l, g->origin.y);
        line_fixed(&l, g->cell);
        line_int(&l, g->cols);
        line_int(&l, g->rows);
        /* The runs: unpainted, painted, ... up to the last painted cell. */
        int64_t n = (int64_t)g->cols * g->rows;
        for (int64_t i = 0; i < n;) {
            int64_t start = i;
            while (i < n && !e->cells[i])
                i++;
            if (i == n)
                break;
            line_int(&l, i - start);
            start = i;
            while (i < n && e->cells[i])
                i++;
            line_int(&l, i - start);
        }
    } else {
        if (e->n_clicks < 0 || e->n_clicks > JOURNAL_MAX_CLICKS || (e->n_clicks > 0 && !e->clicks)) {
            *why = "too many clicks, or none given";
            return NULL;
        }
        for (int k = 0; k < e->n_clicks; k++)
            if (!(fabs(e->clicks[k].x) < 1e9 && fabs(e->clicks[k].y) < 1e9)) {
                *why = "coordinates out of range";
                return NULL;
            }
        text_buf_str(&l, "clicks");
        line_int(&l, e->item);
        line_int(&l, e->at_ms);
        line_int(&l, e->n_clicks);
        for (int k = 0; k < e->n_clicks; k++) {
            line_fixed(&l, e->clicks[k].x);
            line_fixed(&l, e->clicks[k].y);
        }
    }
    text_buf_str(&l, "\n");
    if (l.failed) {
        free(l.s);
        *why = "out of memory";
        return NULL;
    }
    return l.s;
}

/* Appends one complete line (with its newline) by a single write, then
 * fsync; a short write is cut off again. */
static int write_line(Journal *j, const char *line, size_t len, Diag *d);

/* Seals line (its text and a newline) and writes it; the chain moves on
 * only once the line is on disk. */
static int append_line(Journal *j, const char *line, size_t len, Diag *d)
{
    if (len == 0 || line[len - 1] != '\n') {
        diag_error(d, j->path, 0, "cannot journal the event: not a line");
        return -1;
    }
    unsigned char mac[SEAL_BYTES];
    memcpy(mac, j->mac, sizeof mac);
    char *sealed = malloc(len + SEAL_HEX + 2);
    if (!sealed) {
        diag_error(d, j->path, 0, "cannot journal the event: out of memory");
        return -1;
    }
    memcpy(sealed, line, len - 1);
    size_t n = seal_append(j->key, mac, sealed, len - 1);
    int rc = write_line(j, sealed, n, d);
    free(sealed);
    if (rc == 0)
        memcpy(j->mac, mac, sizeof mac);
    return rc;
}

static int write_line(Journal *j, const char *line, size_t len, Diag *d)
{
    DatafileStep step;
    if (datafile_append(j->fd, line, len, &step) != 0) {
        if (step == DATAFILE_STEP_SYNC)
            diag_error(d, j->path, 0, "cannot journal the event: syncing: %s", strerror(errno));
        else
            diag_error(d, j->path, 0, "cannot journal the event: %s", strerror(errno));
        return -1;
    }
    return 0;
}

void journal_close(Journal *j)
{
    if (!j)
        return;
    close(j->fd);
    free(j->path);
    free(j);
}

int journal_remove(const char *path, Diag *d)
{
    if (unlink(path) != 0 && errno != ENOENT) {
        diag_error(d, path, 0, "cannot remove the exam journal: %s", strerror(errno));
        return -1;
    }
    if (datafile_sync_folder(path) != 0) {
        diag_error(d, path, 0, "removed the exam journal, but syncing its folder failed: %s",
                   strerror(errno));
        return -1;
    }
    return 0;
}

Journal *journal_reopen(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], Diag *d)
{
    JournalHeader h;
    JournalEvent *events = NULL;
    int n = 0;
    size_t complete = 0;
    JournalSeal seal;
    unsigned char last[SEAL_BYTES];
    /* Read quietly: the caller has already read (and reported) it. */
    Diag *quiet = diag_create();
    bool ok = load(path, key, &seal, last, &h, &events, &n, &complete, quiet);
    if (!ok)
        diag_append(d, quiet);
    diag_free(quiet);
    free(events);
    if (!ok)
        return NULL;
    free(h.course);
    if (!seal.intact) {
        diag_error(d, path, seal.line, "cannot reopen the exam journal: %s", seal.why);
        return NULL;
    }
    Journal *j = open_for_append(path, h.n_questions, key, last, d);
    if (!j)
        return NULL;
    struct stat st;
    if (fstat(j->fd, &st) == 0 && (size_t)st.st_size > complete) {
        /* A line cut short by the crash: drop it so new events start on a
         * line of their own. */
        if (ftruncate(j->fd, (off_t)complete) != 0 || fsync(j->fd) != 0) {
            diag_error(d, path, 0, "cannot remove the cut-off last line of the exam journal: %s",
                       strerror(errno));
            journal_close(j);
            return NULL;
        }
    }
    return j;
}
