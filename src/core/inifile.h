/* inifile: INI parsing with line numbers, over the system inih.
 *
 * Debian's inih (r55) has three traps this module closes:
 *  - lines longer than INI_MAX_LINE (200 bytes with newline and NUL) are
 *    silently split into two lines; here such a line is reported as an error
 *    and skipped, and line numbers stay right;
 *  - the handler is given no line number; here every call carries the line
 *    the key (or continuation line) stands on;
 *  - an inline ";" after white space starts a comment, silently dropping the
 *    rest of a value; here that is reported as a warning.
 * Multi-line values (indented continuation lines) reach the handler once per
 * line with continuation = 1 and the key of the line that started the value.
 * Parse errors of inih itself (a line without '=', an unclosed '[') are
 * reported as "path:line: error: ...", every one of them, not only the first.
 * The keys after an unclosed '[', up to the next good section header, are
 * skipped: inih would put them into the section before. */
#ifndef TPQUIZ_INIFILE_H
#define TPQUIZ_INIFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The longest line (without its newline) that inih reads in one piece. */
#define INIFILE_MAX_LINE 198

typedef struct {
    const char *path;    /* for messages */
    const char *section; /* "" before the first section header */
    const char *key;
    const char *value;   /* white space trimmed; valid during the call only */
    int line;            /* 1-based */
    int continuation;    /* 1 for an indented continuation line */
} IniEntry;

/* Return 0 to go on, nonzero to stop parsing (the handler should have said
 * why into the Diag). */
typedef int (*IniHandler)(void *user, const IniEntry *e, Diag *d);

/* Section start notices: called once per "[name]" line, before its keys.
 * May be NULL. */
typedef void (*IniSectionHandler)(void *user, const char *section, int line, Diag *d);

typedef struct {
    IniHandler on_entry;
    IniSectionHandler on_section;
    void *user;
} IniCallbacks;

/* Parses an in-memory buffer (need not be NUL-terminated). Returns the number
 * of errors added to d by this call (0 = clean). */
int inifile_parse_buffer(const char *path, const char *buf, size_t len, const IniCallbacks *cb,
                         Diag *d);

/* Reads path (a course file, through datafile_read_capped) and parses it. A
 * file that cannot be read is one error ("path: error: cannot read: reason").
 * Returns the number of errors added. */
int inifile_parse_file(const char *path, const IniCallbacks *cb, Diag *d);

/* Value syntax shared by every .ini (docs/FORMATS.md). Each returns true and
 * sets *out only if the whole string (surrounding white space allowed) is a
 * value of that kind. */
/* A decimal whole number: [+-]digits, within long. */
bool inifile_parse_long(const char *s, long *out);
/* A finite decimal number: [+-]digits[.digits] or [+-].digits, with an
 * optional exponent; no hex, inf or nan. */
bool inifile_parse_double(const char *s, double *out);
/* yes/no, true/false, 1/0, in any case. */
bool inifile_parse_bool(const char *s, bool *out);

/* For "did you mean" hints: the name in the NULL-terminated list closest to
 * word by edit distance, if at most max_distance edits away (and not equal
 * to it); NULL if none. */
const char *inifile_nearest(const char *word, const char *const *names, int max_distance);

#endif
