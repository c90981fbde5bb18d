/* diag: a list of diagnostics ("path:line: error: message").
 *
 * Parsers report every problem they find into a Diag and keep going; the
 * caller decides what to do with the result (print it, count the errors).
 * Nothing in core prints on its own. */
#ifndef TPQUIZ_DIAG_H
#define TPQUIZ_DIAG_H

#include <stdio.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } DiagLevel;

typedef struct {
    DiagLevel level;
    char *path;    /* file the message is about; never NULL ("" if none) */
    int line;      /* 1-based line, 0 when the message is about the whole file */
    char *message; /* no trailing newline */
} DiagItem;

typedef struct Diag Diag;

Diag *diag_create(void);
void diag_free(Diag *d);

void diag_error(Diag *d, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_warning(Diag *d, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

int diag_count(const Diag *d);
int diag_error_count(const Diag *d);
const DiagItem *diag_item(const Diag *d, int i);
/* Moves every item of src to the end of dst; src is left empty. */
void diag_append(Diag *dst, Diag *src);
/* Sorts by path, then line, keeping the order of equal keys. */
void diag_sort(Diag *d);
/* Writes one "path:line: error: message" line per item. */
void diag_print(const Diag *d, FILE *out);
/* Formats one item into buf (always NUL-terminated); returns buf. */
char *diag_format(const DiagItem *it, char *buf, size_t size);

#endif
