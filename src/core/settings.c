/* settings: see settings.h. */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"

const int SETTINGS_TEXT_SIZE[SETTINGS_TEXT_SIZES] = {90, 100, 115, 130};

Settings settings_defaults(void) { return (Settings){100, false, false}; }

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* "yes"/"no" (also "true"/"false", "on"/"off", "1"/"0"); false if neither. */
static bool parse_bool(const char *v, bool *out)
{
    static const char *yes[] = {"yes", "true", "on", "1"}, *no[] = {"no", "false", "off", "0"};
    for (int i = 0; i < 4; i++) {
        if (!strcmp(v, yes[i]))
            return *out = true, true;
        if (!strcmp(v, no[i]))
            return *out = false, true;
    }
    return false;
}

static bool parse_line(const char *path, int line, char *s, Settings *out, Diag *d)
{
    char *eq = strchr(s, '=');
    if (!eq) {
        diag_error(d, path, line, "expected 'name = value'");
        return false;
    }
    char *key = s, *val = eq + 1, *end = eq;
    while (end > key && blank(end[-1]))
        end--;
    *end = 0;
    while (blank(*val))
        val++;
    end = val + strlen(val);
    while (end > val && blank(end[-1]))
        end--;
    *end = 0;
    if (!strcmp(key, "text_size")) {
        char *stop;
        errno = 0;
        long pct = strtol(val, &stop, 10);
        for (int i = 0; *val && !*stop && !errno && i < SETTINGS_TEXT_SIZES; i++)
            if (pct == SETTINGS_TEXT_SIZE[i]) {
                out->text_size = (int)pct;
                return true;
            }
        diag_error(d, path, line, "text_size must be 90, 100, 115 or 130, not '%.40s'", val);
        return false;
    }
    bool *flag = !strcmp(key, "fullscreen") ? &out->fullscreen : !strcmp(key, "reduce_motion") ? &out->reduce_motion : NULL;
    if (!flag) {
        diag_error(d, path, line, "unknown setting '%.40s' (known: text_size, fullscreen, reduce_motion)", key);
        return false;
    }
    if (!parse_bool(val, flag)) {
        diag_error(d, path, line, "%s must be yes or no, not '%.40s'", key, val);
        return false;
    }
    return true;
}

int settings_parse(const char *path, const char *buf, size_t len, Settings *out, Diag *d)
{
    *out = settings_defaults();
    int errors = 0, line = 0;
    size_t pos = 0;
    char text[512];
    while (pos < len) {
        line++;
        size_t start = pos;
        while (pos < len && buf[pos] != '\n')
            pos++;
        size_t n = pos - start;
        pos++; /* the newline */
        if (memchr(buf + start, '\0', n)) {
            diag_error(d, path, line, "the line holds a NUL byte");
            errors++;
            continue;
        }
        if (n >= sizeof text) {
            diag_error(d, path, line, "the line is longer than %zu bytes", sizeof text - 1);
            errors++;
            continue;
        }
        memcpy(text, buf + start, n);
        text[n] = 0;
        char *s = text;
        while (blank(*s))
            s++;
        if (!*s || *s == '#' || *s == ';')
            continue;
        if (!parse_line(path, line, s, out, d))
            errors++;
    }
    return errors;
}

int settings_load(const char *path, Settings *out, Diag *d)
{
    *out = settings_defaults();
    size_t len = 0;
    errno = 0;
    char *buf = datafile_read_capped(path, DATAFILE_CONFIG | DATAFILE_MISSING_OK, &len, d);
    if (!buf)
        return errno == ENOENT ? 0 : 1;
    int errors = settings_parse(path, buf, len, out, d);
    free(buf);
    return errors;
}

static int write_settings(FILE *f, const void *user)
{
    const Settings *s = user;
    return fprintf(f, "# tpquiz settings (the Settings screen writes this file)\ntext_size = %d\nfullscreen = %s\n"
                      "reduce_motion = %s\n",
                   s->text_size, s->fullscreen ? "yes" : "no", s->reduce_motion ? "yes" : "no") < 0
               ? -1
               : 0;
}

int settings_save(const char *path, const Settings *s, Diag *d)
{
    return datafile_write_atomic(path, write_settings, s, d);
}
