/* script: parser for the harness's scripted input (grammar in script.h).
 *
 * A line is a command name and its arguments separated by spaces or tabs.
 * A TEXT argument is the rest of the line with surrounding blanks trimmed,
 * so it may contain spaces and any UTF-8. Numbers are plain decimals
 * ("12", "-3", "0.5"), parsed by hand so the locale cannot change them. */
#include "script.h"

#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Arguments a command takes: 'N' a number, 'W' a word, 'T' text to the end
 * of the line. */
typedef struct {
    const char *name;
    ScriptOp op;
    const char *args;
    const char *usage;
} CommandSpec;

static const CommandSpec COMMANDS[] = {
    {"click", SCRIPT_CLICK, "NN", "click X Y"},
    {"click-image", SCRIPT_CLICK_IMAGE, "WNN", "click-image VIEW X Y"},
    {"click-text", SCRIPT_CLICK_TEXT, "T", "click-text TEXT"},
    {"drag", SCRIPT_DRAG, "NNNN", "drag X1 Y1 X2 Y2"},
    {"drag-right", SCRIPT_DRAG_RIGHT, "NNNN", "drag-right X1 Y1 X2 Y2"},
    {"move", SCRIPT_MOVE, "NN", "move X Y"},
    /* Key names may contain spaces ("Left Shift", "Keypad Enter"). */
    {"key", SCRIPT_KEY, "T", "key NAME"},
    {"type", SCRIPT_TYPE, "T", "type TEXT"},
    {"wait", SCRIPT_WAIT, "N", "wait MS"},
    {"scroll", SCRIPT_SCROLL, "N", "scroll DY"},
    {"resize", SCRIPT_RESIZE, "NN", "resize W H"},
    {"screenshot", SCRIPT_SCREENSHOT, "W", "screenshot NAME"},
    {"expect", SCRIPT_EXPECT, "T", "expect TEXT"},
    {"expect-not", SCRIPT_EXPECT_NOT, "T", "expect-not TEXT"},
    {"expect-chart-still", SCRIPT_EXPECT_CHART_STILL, "W", "expect-chart-still VIEW"},
    {"check-layout", SCRIPT_CHECK_LAYOUT, "", "check-layout"},
    {"print", SCRIPT_PRINT, "T", "print TEXT"},
    {"hang", SCRIPT_HANG, "", "hang"},
    {"quit", SCRIPT_QUIT, "", "quit"},
};

/* Numbers larger than this are surely a typo (and would overflow an int
 * window coordinate). */
#define MAX_MAGNITUDE 1e9

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* "[+-]digits[.digits]" (digits may be omitted on one side of the dot).
 * 0 on success, -1 if it is not a number, -2 if it is too large. */
static int parse_number(const char *s, size_t len, double *out)
{
    size_t i = 0;
    bool neg = false, any = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    double v = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, any = true)
        v = v * 10 + (s[i] - '0');
    if (i < len && s[i] == '.') {
        double scale = 0.1;
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, any = true, scale /= 10)
            v += (s[i] - '0') * scale;
    }
    if (!any || i != len)
        return -1;
    if (!(v <= MAX_MAGNITUDE))
        return -2;
    *out = neg ? -v : v;
    return 0;
}

static bool valid_name(const char *s, size_t len)
{
    if (len == 0 || s[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            return false;
    }
    return true;
}

static char *dup_range(const char *s, size_t len)
{
    char *r = malloc(len + 1);
    if (!r)
        return NULL;
    memcpy(r, s, len);
    r[len] = '\0';
    return r;
}

static bool push(Script *sc, int *cap, const ScriptCmd *c)
{
    if (sc->n == *cap) {
        int ncap = *cap ? 2 * *cap : 16;
        ScriptCmd *v = realloc(sc->cmds, sizeof *v * (size_t)ncap);
        if (!v)
            return false;
        sc->cmds = v;
        *cap = ncap;
    }
    sc->cmds[sc->n++] = *c;
    return true;
}

/* Parses one non-blank, non-comment line s[0..len) (no newline, no trailing
 * blanks). Returns true and fills *c, or reports why not. */
static bool parse_line(const char *s, size_t len, const char *path, int line, Diag *d, ScriptCmd *c)
{
    size_t nlen = 0;
    while (nlen < len && !is_blank(s[nlen]))
        nlen++;
    const CommandSpec *spec = NULL;
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (strlen(COMMANDS[i].name) == nlen && memcmp(COMMANDS[i].name, s, nlen) == 0)
            spec = &COMMANDS[i];
    if (!spec) {
        diag_error(d, path, line, "unknown command '%.*s'", (int)(nlen > 40 ? 40 : nlen), s);
        return false;
    }
    memset(c, 0, sizeof *c);
    c->op = spec->op;
    c->line = line;

    size_t pos = nlen;
    int n_num = 0;
    const char *word = NULL;
    size_t word_len = 0;
    for (const char *a = spec->args; *a; a++) {
        while (pos < len && is_blank(s[pos]))
            pos++;
        if (*a == 'T') {
            /* The rest of the line; trailing blanks are already gone. */
            if (pos == len) {
                diag_error(d, path, line, "missing text (usage: %s)", spec->usage);
                return false;
            }
            word = s + pos;
            word_len = len - pos;
            pos = len;
            if (!text_utf8_valid(word, word_len, NULL)) {
                diag_error(d, path, line, "text is not valid UTF-8");
                return false;
            }
            continue;
        }
        size_t start = pos;
        while (pos < len && !is_blank(s[pos]))
            pos++;
        if (pos == start) {
            diag_error(d, path, line, "too few arguments (usage: %s)", spec->usage);
            return false;
        }
        if (*a == 'W') {
            word = s + start;
            word_len = pos - start;
        } else {
            int shown = (int)(pos - start > 40 ? 40 : pos - start);
            int rc = parse_number(s + start, pos - start, &c->num[n_num++]);
            if (rc == -1) {
                diag_error(d, path, line, "'%.*s' is not a number (usage: %s)", shown, s + start,
                           spec->usage);
                return false;
            }
            if (rc == -2) {
                diag_error(d, path, line, "number '%.*s' is too large (at most %.0f)", shown, s + start,
                           MAX_MAGNITUDE);
                return false;
            }
        }
    }
    while (pos < len && is_blank(s[pos]))
        pos++;
    if (pos != len) {
        diag_error(d, path, line, "too many arguments (usage: %s)", spec->usage);
        return false;
    }

    switch (spec->op) {
    case SCRIPT_WAIT:
        if (c->num[0] < 0) {
            diag_error(d, path, line, "wait time must not be negative");
            return false;
        }
        break;
    case SCRIPT_RESIZE:
        if (c->num[0] < 1 || c->num[1] < 1) {
            diag_error(d, path, line, "window size must be positive");
            return false;
        }
        break;
    case SCRIPT_SCREENSHOT:
        /* The name becomes a file name in the screenshot folder. */
        if (!valid_name(word, word_len)) {
            diag_error(d, path, line,
                       "bad screenshot name '%.*s' (letters, digits, '.', '_', '-'; not "
                       "starting with '.')",
                       (int)(word_len > 40 ? 40 : word_len), word);
            return false;
        }
        break;
    case SCRIPT_CLICK_IMAGE:
    case SCRIPT_EXPECT_CHART_STILL:
        if (!text_utf8_valid(word, word_len, NULL)) {
            diag_error(d, path, line, "view name is not valid UTF-8");
            return false;
        }
        break;
    default:
        break;
    }
    if (word) {
        c->text = dup_range(word, word_len);
        if (!c->text) {
            diag_error(d, path, line, "out of memory");
            return false;
        }
    }
    return true;
}

Script *script_parse(const char *path, const char *buf, size_t len, Diag *d)
{
    Script *sc = calloc(1, sizeof *sc);
    if (!sc)
        return NULL;
    sc->path = dup_range(path ? path : "", path ? strlen(path) : 0);
    if (!sc->path) {
        free(sc);
        return NULL;
    }
    int cap = 0, line = 0;
    const char *s = buf, *end = buf + len;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        s += 3; /* a UTF-8 byte order mark some editors write */
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *eol = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        line++;
        if (memchr(s, '\0', (size_t)(eol - s))) {
            diag_error(d, sc->path, line, "line contains a NUL byte");
            s = next;
            continue;
        }
        while (s < eol && is_blank(*s))
            s++;
        while (eol > s && (is_blank(eol[-1]) || eol[-1] == '\r'))
            eol--;
        if (s < eol && *s != '#') {
            ScriptCmd c;
            if (parse_line(s, (size_t)(eol - s), sc->path, line, d, &c) && !push(sc, &cap, &c)) {
                free(c.text);
                diag_error(d, sc->path, line, "out of memory");
            }
        }
        s = next;
    }
    return sc;
}

Script *script_load(const char *path, Diag *d)
{
    size_t n = 0;
    char *buf = datafile_read_capped(path, DATAFILE_SCRIPT, &n, d);
    if (!buf)
        return NULL;
    Script *sc = script_parse(path, buf, n, d);
    free(buf);
    return sc;
}

void script_free(Script *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++)
        free(s->cmds[i].text);
    free(s->cmds);
    free(s->path);
    free(s);
}
