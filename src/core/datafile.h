/* datafile: the two file operations every learner-data module needs.
 * Reading a whole file, and replacing one so that a crash at any moment
 * leaves either the old file or the new one, never a mix. */
#ifndef TPQUIZ_DATAFILE_H
#define TPQUIZ_DATAFILE_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* The whole file in a fresh NUL-terminated buffer (*len bytes before the
 * NUL). NULL with errno set on failure (ENOENT: no such file). */
char *datafile_read_all(const char *path, size_t *len);

/* Fills the file through f; returns 0, or -1 with errno set. */
typedef int (*DatafileWriter)(FILE *f, const void *user);

/* Replaces path: writes a temporary file (mode 0600) in the same folder
 * through write, flushes and fsyncs it, renames it over path and fsyncs the
 * folder. Returns 0, or -1 with "path: error: cannot save: <step>: <reason>"
 * in d; on failure path is untouched and no temporary file is left. */
int datafile_write_atomic(const char *path, DatafileWriter write, const void *user, Diag *d);

/* Removes what a replace or append of path cut short by a crash (or a kill)
 * left behind: files named "<path>.tmp-XXXXXX" (six characters, as mkstemp
 * makes them) in path's folder. Call it only while no write of path can be
 * under way. Returns how many were removed. */
int datafile_remove_temporaries(const char *path);

#endif
