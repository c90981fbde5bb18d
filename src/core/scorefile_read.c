/* scorefile_read: reading a score file (scorefile_load). The file is read
 * with one read into memory and its bytes are gone over once: the parser
 * turns each record's lines into a Record, notes what is malformed, and
 * checks each complete record's MAC as it reaches the record's mac line,
 * while the bytes are in the cache; scorefile_integrity.c then judges the
 * records. The format is in docs/FORMATS.md, "Score files". */
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

#include "arena.h"
#include "datafile.h"
#include "learner.h"
#include "text.h"
#include "mac.h"

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

/* True if one of the 8 bytes of w is not printable ASCII: below 0x20 (the
 * subtraction borrows into a byte's high bit only from such a byte, which
 * is itself found), or 0x7F and above (adding 1 sets the high bit; a carry
 * comes only out of 0xFF, which has it already). */
static bool unprintable8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    return (((w - 0x20 * ones) & ~w) | (w + ones) | w) & high;
}

/* A raw line the writer could have written: valid UTF-8, no control bytes. */
static bool clean_line(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (n - i >= 8 && (memcpy(&w, u + i, 8), !unprintable8(w))) {
            i += 8; /* eight printable ASCII bytes: most of a file */
            continue;
        }
        if (u[i] >= 0x20 && u[i] < 0x7F) {
            i++;
            continue;
        }
        if (u[i] < 0x20 || u[i] == 0x7F)
            return false;
        size_t l = scoretext_utf8_len(u + i, n - i);
        if (l == 0)
            return false;
        i += l;
    }
    return true;
}

/* Stores a copy of a string field once (in the file's arena); a second
 * one is malformed. */
static void set_str(Arena *mem, char **dst, const char *v, Meta *m, int line)
{
    if (*dst) {
        malformed(m, line, "a field appears twice");
        return;
    }
    if (!(*dst = arena_strndup(mem, v, strlen(v))))
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
    Arena *mem;           /* the file's: every value kept is allocated here */
    unsigned seen;        /* F_* */
    unsigned answer_seen; /* A_* of the current answer */
    RecordAnswer *answer; /* the answer being read, NULL before the first */
    int answers_cap;
    int chosen_cap, marks_cap, mark_tp_cap; /* of the current answer's arrays */
} FieldState;

/* Field names are matched by length, then bytes (a file has thousands of
 * lines: no strcmp over a table for each). */
#define NAME_IS(name, len, lit) ((len) == sizeof(lit) - 1 && memcmp((name), (lit), sizeof(lit) - 1) == 0)

typedef struct {
    const char *name;
    size_t len;
    unsigned flag;
} FieldName;
#define FIELD(lit, flag) {lit, sizeof(lit) - 1, flag}

/* The flag of the name in table t (n entries), 0 if it is not there. */
static unsigned field_flag(const FieldName *t, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].len == len && t[i].name[0] == name[0] && memcmp(t[i].name, name, len) == 0)
            return t[i].flag;
    return 0;
}

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
        a->has_paint = record_runs_problem(a->runs, a->n_runs, (int64_t)a->grid.cols * a->grid.rows) == NULL;
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
    bool ok = text_parse_decimal(v, 12, 6, &p->x) && text_parse_decimal(sp + 1, 12, 6, &p->y);
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
    if (n != 5 || !text_parse_decimal(f[0], 12, 6, &g->origin.x) ||
        !text_parse_decimal(f[1], 12, 6, &g->origin.y) || !text_parse_decimal(f[2], 12, 6, &g->cell) ||
        !text_parse_int64(f[3], 18, &cols) || !text_parse_int64(f[4], 18, &rows) ||
        cols > RECORD_MAX_PAINT_CELLS || rows > RECORD_MAX_PAINT_CELLS)
        return false;
    g->cols = (int)cols;
    g->rows = (int)rows;
    return record_paint_grid_ok(g);
}

/* "none" or run lengths separated by single spaces (even count, only the
 * first may be 0; whether they fit the grid is checked at the answer's
 * end) into a new array. */
static bool parse_runs(Arena *mem, const char *v, int **runs, int *n_runs)
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
        int *r = arena_room(mem, *runs, sizeof *r, n, &cap);
        if (!r)
            break;
        *runs = r;
        (*runs)[n++] = (int)x;
        if (c[len] == '\0') {
            if (record_runs_problem(*runs, n, INT64_MAX))
                break;
            *n_runs = n;
            return true;
        }
        c += len + 1;
    }
    *runs = NULL; /* what was grown stays in the arena until the file goes */
    return false;
}

/* "x y tp" (tp "-" for an extra mark) appended to a's marks. */
static bool add_mark(FieldState *st, RecordAnswer *a, char *v, Meta *m, int line)
{
    char *sp = strchr(v, ' ');
    char *sp2 = sp ? strchr(sp + 1, ' ') : NULL;
    if (!sp2 || a->n_marks >= RECORD_MAX_MARKS)
        return false;
    *sp2 = '\0';
    const char *id = sp2 + 1;
    Vec2 p;
    if (!parse_point(v, &p) || !scoretext_plain_token(id))
        return false;
    char *tp = strcmp(id, "-") == 0 ? NULL : arena_strndup(st->mem, id, strlen(id));
    Vec2 *mk = arena_room(st->mem, a->marks, sizeof *mk, a->n_marks, &st->marks_cap);
    if (mk)
        a->marks = mk;
    char **ids = arena_room(st->mem, a->mark_tp, sizeof *ids, a->n_marks, &st->mark_tp_cap);
    if (ids)
        a->mark_tp = ids;
    if (!mk || !ids || (strcmp(id, "-") != 0 && !tp)) {
        malformed(m, line, "out of memory");
        return true;
    }
    a->marks[a->n_marks] = p;
    a->mark_tp[a->n_marks] = tp;
    a->n_marks++;
    return true;
}

static void answer_field(FieldState *st, Meta *m, int line, const char *name, size_t nlen, char *v)
{
    RecordAnswer *a = st->answer;
    double x = 0;
    if (NAME_IS(name, nlen, "chosen")) {
        char **c = arena_room(st->mem, a->chosen, sizeof *c, a->n_chosen, &st->chosen_cap);
        char *copy = c ? arena_strndup(st->mem, v, strlen(v)) : NULL;
        if (c)
            a->chosen = c;
        if (!copy) {
            malformed(m, line, "out of memory");
            return;
        }
        a->chosen[a->n_chosen++] = copy;
        return;
    }
    if (NAME_IS(name, nlen, "mark")) {
        if (!add_mark(st, a, v, m, line))
            bad_value(m, line, name);
        return;
    }
    static const FieldName FIELDS[] = {
        FIELD("key", A_KEY),         FIELD("type", A_TYPE),       FIELD("module", A_MODULE),
        FIELD("answered", A_ANSWERED), FIELD("credit", A_CREDIT), FIELD("time_ms", A_TIME),
        FIELD("flagged", A_FLAGGED), FIELD("view", A_VIEW),       FIELD("click", A_CLICK),
        FIELD("matched", A_MATCHED), FIELD("grid", A_GRID),       FIELD("cells", A_CELLS)};
    unsigned flag = field_flag(FIELDS, sizeof FIELDS / sizeof *FIELDS, name, nlen);
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
        set_str(st->mem, &a->key, v, m, line);
        break;
    case A_TYPE:
        ok = scoretext_plain_token(v);
        set_str(st->mem, &a->type, v, m, line);
        break;
    case A_MODULE:
        ok = scoretext_plain_token(v);
        set_str(st->mem, &a->module, v, m, line);
        break;
    case A_VIEW:
        ok = scoretext_plain_token(v);
        set_str(st->mem, &a->view, v, m, line);
        break;
    case A_ANSWERED:
        ok = scoretext_parse_bool(v, &a->answered);
        break;
    case A_FLAGGED:
        ok = scoretext_parse_bool(v, &a->flagged);
        break;
    case A_CREDIT:
        ok = text_parse_decimal(v, 12, 6, &x) && x >= 0 && x <= 1;
        a->credit = x;
        break;
    case A_TIME:
        ok = text_parse_int64(v, 18, &a->time_ms);
        break;
    case A_CLICK: {
        char *sp = strchr(v, ' ');
        double y = 0;
        ok = sp != NULL;
        if (ok) {
            *sp = '\0';
            ok = text_parse_decimal(v, 12, 6, &x) && text_parse_decimal(sp + 1, 12, 6, &y);
        }
        a->has_click = ok;
        a->click = (Vec2){x, y};
        break;
    }
    case A_MATCHED:
        ok = scoretext_plain_token(v);
        set_str(st->mem, &a->matched, v, m, line);
        break;
    case A_GRID:
        ok = parse_grid(v, &a->grid);
        break;
    case A_CELLS:
        ok = parse_runs(st->mem, v, &a->runs, &a->n_runs);
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
static void record_field(Record *r, FieldState *st, Meta *m, int line, const char *name, size_t nlen, char *v)
{
    if (NAME_IS(name, nlen, "answer")) {
        int64_t k;
        check_answer_fields(st, m, line);
        bool ok = text_parse_int64(v, 18, &k) && k == r->n_answers + 1 && k <= m->n_answers_declared &&
                  r->kind == RECORD_ATTEMPT && (st->seen & F_ANSWERS);
        if (!ok) {
            malformed(m, line, "an answer out of sequence");
            st->answer = NULL;
            return;
        }
        RecordAnswer *a = arena_room(st->mem, r->answers, sizeof *a, r->n_answers, &st->answers_cap);
        if (!a) {
            malformed(m, line, "out of memory");
            st->answer = NULL;
            return;
        }
        r->answers = a;
        st->answer = &r->answers[r->n_answers++];
        memset(st->answer, 0, sizeof *st->answer);
        st->answer_seen = 0;
        st->chosen_cap = st->marks_cap = st->mark_tp_cap = 0;
        return;
    }
    if (NAME_IS(name, nlen, "prev")) {
        check_answer_fields(st, m, line);
        st->answer = NULL;
        if (seen_once(&st->seen, F_PREV, m, line)) {
            m->has_prev = scoretext_hex_decode(v, strlen(v), m->prev, sizeof m->prev);
            if (!m->has_prev)
                malformed(m, line, "prev is not 64 hex digits");
        }
        return;
    }
    if (st->answer) {
        answer_field(st, m, line, name, nlen, v);
        return;
    }
    if (st->seen & F_PREV) {
        malformed(m, line, "a field after prev");
        return;
    }
    static const FieldName FIELDS[] = {
        FIELD("kind", F_KIND),         FIELD("learner", F_LEARNER),     FIELD("name", F_NAME),
        FIELD("created", F_CREATED),   FIELD("mode", F_MODE),           FIELD("course", F_COURSE),
        FIELD("module", F_MODULE),     FIELD("started", F_STARTED),     FIELD("finished", F_FINISHED),
        FIELD("seed", F_SEED),         FIELD("score", F_SCORE),         FIELD("pass_mark", F_PASS_MARK),
        FIELD("passed", F_PASSED),     FIELD("auto_submitted", F_AUTO), FIELD("answers", F_ANSWERS),
        FIELD("course_fp", F_COURSE_FP), FIELD("key_id", F_KEY_ID),     FIELD("start", F_START),
        FIELD("deadline", F_DEADLINE), FIELD("void", F_VOID)};
    unsigned flag = field_flag(FIELDS, sizeof FIELDS / sizeof *FIELDS, name, nlen);
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
        ok = scoretext_hex_string(v, 64);
        set_str(st->mem, &r->course_fp, v, m, line);
        break;
    case F_KEY_ID:
        ok = scoretext_hex_string(v, STATION_KEY_ID_HEX);
        set_str(st->mem, &r->key_id, v, m, line);
        break;
    case F_START:
        ok = text_parse_int64(v, 18, &k) && k >= 1 && k < INT_MAX;
        r->start_seq = (int)(ok ? k : 0);
        break;
    case F_DEADLINE:
        ok = text_parse_int64(v, 18, &r->deadline);
        break;
    case F_VOID:
        ok = v[0] != 0;
        set_str(st->mem, &r->void_reason, v, m, line);
        break;
    case F_LEARNER:
        ok = learner_id_valid(v, NULL);
        set_str(st->mem, &r->learner, v, m, line);
        break;
    case F_NAME:
        ok = learner_name_readable(v);
        set_str(st->mem, &r->name, v, m, line);
        break;
    case F_MODE:
        ok = strcmp(v, "quiz") == 0 || strcmp(v, "exam") == 0;
        r->mode = strcmp(v, "exam") == 0 ? ATTEMPT_EXAM : ATTEMPT_QUIZ;
        break;
    case F_COURSE:
        ok = scoretext_plain_token(v);
        set_str(st->mem, &r->course, v, m, line);
        break;
    case F_MODULE:
        ok = scoretext_plain_token(v);
        set_str(st->mem, &r->module, v, m, line);
        break;
    case F_CREATED:
    case F_STARTED:
        ok = text_parse_int64(v, 18, &r->started);
        break;
    case F_FINISHED:
        ok = text_parse_int64(v, 18, &r->finished);
        break;
    case F_SEED:
        ok = text_parse_uint64(v, &r->seed);
        break;
    case F_SCORE:
        ok = text_parse_decimal(v, 12, 6, &x) && x >= 0 && x <= 1;
        r->score = x;
        break;
    case F_PASS_MARK:
        ok = text_parse_int64(v, 18, &k) && k <= 100;
        r->pass_mark = (int)(ok ? k : 0);
        break;
    case F_PASSED:
        ok = scoretext_parse_bool(v, &r->passed);
        break;
    case F_AUTO:
        ok = scoretext_parse_bool(v, &r->auto_submitted);
        break;
    case F_ANSWERS:
        ok = text_parse_int64(v, 18, &k) && k <= MAX_ANSWERS;
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
    unsigned need = r->kind == RECORD_PROFILE ? PROFILE_FIELDS
                    : r->kind == RECORD_START ? START_FIELDS
                                              : ATTEMPT_FIELDS;
    unsigned allowed = r->kind == RECORD_PROFILE ? PROFILE_FIELDS | F_KEY_ID
                       : r->kind == RECORD_START
                           ? START_FIELDS | F_KEY_ID
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
 * the cache (scorefile_classify() judges the rest). */
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
    MacKey *keyed = NULL; /* the key made ready at the first record to check */
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
                mac_key_free(keyed);
                return;
            }
            r = &f->rec[f->n];
            m = &f->meta[f->n];
            f->status[f->n] = RECORD_GOOD;
            f->n++;
            memset(r, 0, sizeof *r);
            memset(m, 0, sizeof *m);
            memset(&st, 0, sizeof st);
            st.mem = &f->mem;
            r->kind = RECORD_ATTEMPT;
            r->line = line;
            m->text_start = (size_t)(s - f->text);
            int64_t seq;
            char num[24];
            size_t nn = n - 7 < sizeof num - 1 ? n - 7 : sizeof num - 1;
            memcpy(num, s + 7, nn);
            num[nn] = '\0';
            if (n - 7 < sizeof num && text_parse_int64(num, 18, &seq) && seq > 0 && seq <= INT_MAX)
                r->seq = (int)seq;
            else
                malformed(m, line, "a bad record number");
            s = next;
            continue;
        }
        if (n > 4 && memcmp(s, "mac ", 4) == 0) {
            m->text_end = (size_t)(s - f->text);
            m->has_mac = scoretext_hex_decode(s + 4, n - 4, m->mac, sizeof m->mac);
            m->complete = nl != NULL;
            if (m->complete) {
                if (!m->has_mac)
                    malformed(m, line, "mac is not 64 hex digits");
                check_record_fields(r, &st, m, line);
                if (key && !m->malformed) {
                    unsigned char mac[MAC_BYTES];
                    if (!keyed)
                        keyed = mac_key_new(key, STATION_KEY_BYTES); /* NULL: each record fails its check */
                    m->mac_ok = mac_key_of(keyed, mac, f->text + m->text_start, m->text_end - m->text_start) &&
                                sodium_memcmp(mac, m->mac, sizeof mac) == 0;
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
        char *v = scoretext_unescape(sp + 1, (size_t)(eol - sp - 1), &scratch, &scratch_cap, &why);
        if (!v)
            malformed(m, line, why);
        else
            record_field(r, &st, m, line, name, nlen, v);
        s = next;
    }
    free(scratch);
    mac_key_free(keyed);
    if (stray_lines) {
        diag_error(d, path, stray_start, "%d line%s outside any record", stray_lines,
                   stray_lines == 1 ? "" : "s");
        f->problems++;
    }
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
    TextBuf b = {.s = malloc(cap + 1), .cap = cap};
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
    f->text = b.s ? b.s : strdup("");
    f->len = b.n;
    arena_init(&f->mem, b.n / 2); /* the values kept take about half the text */
    f->version = version;
    f->profile = -1;
    parse_records(f, path, key, d);
    scorefile_classify(f, path, key, d);
    if (f->n == 0) {
        diag_error(d, path, 0, "no records: even the learner's profile record is gone");
        f->problems++;
    }
    scorefile_check_owner(f, path, d);
    return f;
}
