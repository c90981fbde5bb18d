/* inifile: the system inih, fed through a line-counting reader.
 *
 * inih reads one line through the reader and handles it completely (calling
 * the handler for it) before it asks for the next, so while the handler runs
 * the reader's line count is the line being handled. The reader also
 * classifies each line the way inih r55 will (comment, section, key,
 * continuation, malformed), which gives every entry its continuation flag
 * and lets malformed and over-long lines be reported one by one: inih itself
 * only returns the first error line. Lines that must not reach inih (too
 * long, malformed, holding a NUL byte) are handed over as blank lines, which
 * inih skips without changing its state, so numbering and multi-line values
 * stay right. */
#include "inifile.h"

#include "datafile.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef enum { LINE_BLANK, LINE_SECTION, LINE_KEY, LINE_CONTINUATION, LINE_BAD } LineKind;

typedef struct {
    const char *path;
    const char *buf;
    size_t len, pos;
    int lineno;
    const IniCallbacks *cb;
    Diag *d;
    bool stop;
    /* Mirrors inih's prev_name: a key was seen since the last section
     * header, so an indented line continues it. */
    bool in_value;
    LineKind kind; /* of the line last handed to inih */
    /* After a malformed section header inih still has the section before;
     * the keys that follow are skipped rather than put there. */
    bool skip_keys;
    char section[INIFILE_MAX_LINE + 1];
    char key[INIFILE_MAX_LINE + 1];
} Reader;

/* isspace() in the "C" locale, which is what inih sees. */
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* inih's find_chars_or_comment over s[from, end): the index of the first
 * char in chars, or of a ';' that follows white space; end if none. */
static size_t find_chars_or_comment(const char *s, size_t from, size_t end, const char *chars)
{
    bool was_space = false;
    size_t i = from;
    while (i < end && !(chars && strchr(chars, s[i])) && !(was_space && s[i] == ';')) {
        was_space = is_space(s[i]);
        i++;
    }
    return i;
}

static void copy_span(char *dst, const char *s, size_t from, size_t to)
{
    size_t n = to > from ? to - from : 0;
    if (n > INIFILE_MAX_LINE)
        n = INIFILE_MAX_LINE;
    memcpy(dst, s + from, n);
    dst[n] = '\0';
}

static void warn_inline_comment(Reader *r, const char *s, size_t value_from, size_t end)
{
    size_t c = find_chars_or_comment(s, value_from, end, NULL);
    if (c < end)
        diag_warning(r->d, r->path, r->lineno,
                     "';' after a space starts a comment: the rest of the line is dropped "
                     "(write ',' or '-' instead)");
}

/* Classifies line s[0, n) (no newline) as inih r55 will, reports what is
 * wrong with it, and updates the section/key state. Returns the kind; for
 * LINE_BAD the line must not be handed to inih. */
static LineKind classify(Reader *r, const char *s, size_t n)
{
    size_t end = n, b = 0;
    while (end > 0 && is_space(s[end - 1]))
        end--;
    while (b < end && is_space(s[b]))
        b++;
    if (b == end || s[b] == ';' || s[b] == '#')
        return LINE_BLANK;
    if (r->in_value && b > 0)
        return LINE_CONTINUATION; /* inih r55 keeps a ';' in a continuation line */
    if (s[b] == '[') {
        size_t close = find_chars_or_comment(s, b + 1, end, "]");
        if (close >= end || s[close] != ']') {
            diag_error(r->d, r->path, r->lineno, "section header has no closing ']'");
            r->skip_keys = true;
            return LINE_BAD;
        }
        copy_span(r->section, s, b + 1, close);
        r->key[0] = '\0';
        r->skip_keys = false;
        r->in_value = false;
        return LINE_SECTION;
    }
    size_t sep = find_chars_or_comment(s, b, end, "=:");
    if (sep >= end || (s[sep] != '=' && s[sep] != ':')) {
        diag_error(r->d, r->path, r->lineno,
                   "expected 'key = value', a [section] or an indented continuation line");
        return LINE_BAD;
    }
    if (s[sep] == ':') {
        /* inih takes "key: value" too; one spelling keeps files greppable
         * and a ':' meant for the value from splitting a line. */
        diag_error(r->d, r->path, r->lineno,
                   "write 'key = value': ':' does not separate a key from its value");
        return LINE_BAD;
    }
    size_t name_end = sep;
    while (name_end > b && is_space(s[name_end - 1]))
        name_end--;
    copy_span(r->key, s, b, name_end);
    r->in_value = r->key[0] != '\0';
    if (!r->in_value) {
        diag_error(r->d, r->path, r->lineno, "no key name before '%c'", s[sep]);
        return LINE_KEY;
    }
    warn_inline_comment(r, s, sep + 1, end);
    return LINE_KEY;
}

static char *read_line(char *str, int num, void *stream)
{
    Reader *r = stream;
    if (r->stop || r->pos >= r->len || num < 3)
        return NULL;
    const char *start = r->buf + r->pos;
    size_t avail = r->len - r->pos;
    const char *nl = memchr(start, '\n', avail);
    size_t n = nl ? (size_t)(nl - start) : avail;
    r->pos += nl ? n + 1 : n;
    r->lineno++;
    if (n > 0 && start[n - 1] == '\r')
        n--;
    if (r->lineno == 1 && n >= 3 && (unsigned char)start[0] == 0xEF && (unsigned char)start[1] == 0xBB &&
        (unsigned char)start[2] == 0xBF) {
        start += 3;
        n -= 3;
    }
    size_t limit = INIFILE_MAX_LINE;
    if ((size_t)num - 2 < limit)
        limit = (size_t)num - 2;

    r->kind = LINE_BAD;
    size_t bad = 0;
    if (memchr(start, '\0', n)) {
        diag_error(r->d, r->path, r->lineno, "line holds a NUL byte");
    } else if (!text_utf8_valid(start, n, &bad)) {
        diag_error(r->d, r->path, r->lineno,
                   "not valid UTF-8 text (byte %zu of the line): it would be drawn as garbage; save the "
                   "file as UTF-8",
                   bad + 1);
    } else if (n > limit) {
        /* The limit is in bytes; say so when that differs from characters. */
        bool ascii = true;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)start[i] >= 0x80)
                ascii = false;
        if (ascii)
            diag_error(r->d, r->path, r->lineno,
                       "line is %zu characters long; at most %zu fit (use continuation lines)", n, limit);
        else
            diag_error(r->d, r->path, r->lineno,
                       "line is %zu bytes long (UTF-8); at most %zu fit (use continuation lines)", n, limit);
    } else {
        r->kind = classify(r, start, n);
    }
    if (r->kind == LINE_BAD) {
        strcpy(str, "\n");
        return str;
    }
    memcpy(str, start, n);
    str[n] = '\n';
    str[n + 1] = '\0';
    if (r->kind == LINE_SECTION && r->cb && r->cb->on_section)
        r->cb->on_section(r->cb->user, r->section, r->lineno, r->d);
    return str;
}

/* inih's handler: 1 = go on. Stopping is done by the reader returning NULL,
 * because this build of inih does not stop on a handler error. */
static int on_pair(void *user, const char *section, const char *name, const char *value)
{
    Reader *r = user;
    if (r->stop || r->skip_keys)
        return 1;
    bool known = r->kind == LINE_KEY || r->kind == LINE_CONTINUATION;
    if (known && r->key[0] == '\0')
        return 1; /* "= value": already reported */
    IniEntry e = {
        .path = r->path,
        .section = known ? r->section : section,
        .key = known ? r->key : name,
        .value = value ? value : "",
        .line = r->lineno,
        .continuation = r->kind == LINE_CONTINUATION,
    };
    if (r->cb && r->cb->on_entry && r->cb->on_entry(r->cb->user, &e, r->d))
        r->stop = true;
    return 1;
}

int inifile_parse_buffer(const char *path, const char *buf, size_t len, const IniCallbacks *cb, Diag *d)
{
    int before = diag_error_count(d);
    Reader r = {.path = path ? path : "", .buf = buf, .len = buf ? len : 0, .cb = cb, .d = d};
    int rc = ini_parse_stream(read_line, &r, on_pair, &r);
    if (rc > 0)
        diag_error(d, r.path, rc, "cannot parse this line");
    else if (rc < 0)
        diag_error(d, r.path, 0, "cannot parse: out of memory");
    return diag_error_count(d) - before;
}

int inifile_parse_file(const char *path, const IniCallbacks *cb, Diag *d)
{
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_COURSE, &len, d);
    if (!buf)
        return 1;
    int errors = inifile_parse_buffer(path, buf, len, cb, d);
    free(buf);
    return errors;
}

static const char *skip_space(const char *s)
{
    while (is_space(*s))
        s++;
    return s;
}

static bool only_space(const char *s)
{
    return *skip_space(s) == '\0';
}

bool inifile_parse_long(const char *s, long *out)
{
    if (!s)
        return false;
    s = skip_space(s);
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno == ERANGE || !only_space(end))
        return false;
    *out = v;
    return true;
}

bool inifile_parse_double(const char *s, double *out)
{
    if (!s)
        return false;
    s = skip_space(s);
    /* Check the syntax first: strtod also takes hex, inf and nan. */
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    int digits = 0;
    while (isdigit((unsigned char)*p))
        p++, digits++;
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p))
            p++, digits++;
    }
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (!only_space(p))
        return false;
    char *end;
    double v = strtod(s, &end);
    if (end != p || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool inifile_parse_bool(const char *s, bool *out)
{
    static const char *const YES[] = {"yes", "true", "1"}, *const NO[] = {"no", "false", "0"};
    if (!s)
        return false;
    s = skip_space(s);
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        n--;
    for (int i = 0; i < 3; i++) {
        if (strlen(YES[i]) == n && !strncasecmp(s, YES[i], n)) {
            *out = true;
            return true;
        }
        if (strlen(NO[i]) == n && !strncasecmp(s, NO[i], n)) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* Levenshtein distance, or a number above limit if the words are long or
 * their lengths alone differ by more than limit. */
static int edit_distance(const char *a, const char *b, int limit)
{
    enum { MAX_WORD = 64 };
    size_t na = strlen(a), nb = strlen(b);
    if (na > MAX_WORD || nb > MAX_WORD)
        return limit + 1;
    if ((na > nb ? na - nb : nb - na) > (size_t)limit)
        return limit + 1;
    int row[MAX_WORD + 1];
    for (size_t j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

const char *inifile_nearest(const char *word, const char *const *names, int max_distance)
{
    if (!word || !names)
        return NULL;
    const char *best = NULL;
    int best_d = max_distance + 1;
    for (int i = 0; names[i]; i++) {
        int dist = edit_distance(word, names[i], max_distance);
        if (dist > 0 && dist < best_d) {
            best = names[i];
            best_d = dist;
        }
    }
    return best;
}
