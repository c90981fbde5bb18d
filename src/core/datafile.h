/* datafile: every file tpquiz reads goes through here, and every learner
 * file it replaces.
 *
 * Reading: a file is opened without blocking (O_NONBLOCK, so a FIFO cannot
 * hang the program), must be a regular file (fstat), and may hold at most
 * the cap of its kind; anything else is refused with a message naming the
 * path and what it is ("is a FIFO", "is a directory", "is 60 MB, the limit
 * for a chart is 4 MB"). Replacing: a crash at any moment leaves either the
 * old file or the new one, never a mix. */
#ifndef TPQUIZ_DATAFILE_H
#define TPQUIZ_DATAFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

#include <sys/stat.h>

/* What a file is for; each kind has a size cap (datafile_cap). */
typedef enum {
    DATAFILE_COURSE,   /* course.ini, muscle modules, protocols */
    DATAFILE_CONFIG,   /* config.ini */
    DATAFILE_CHART,    /* charts and overlays (.svg) */
    DATAFILE_FONT,     /* the font file */
    DATAFILE_SCORES,   /* a learner's score file */
    DATAFILE_JOURNAL,  /* an exam journal */
    DATAFILE_PROGRESS, /* practice history */
    DATAFILE_REVIEW,   /* the spaced-review schedule */
    DATAFILE_KEY,      /* the station key */
    DATAFILE_SCRIPT,   /* a headless-test script */
    DATAFILE_XAPI_STATE, /* the ids an LRS acknowledged (lrs.h) */
    DATAFILE_KIND_COUNT
} DatafileKind;

/* Or'ed into a kind: a missing file (ENOENT) is not reported. */
#define DATAFILE_MISSING_OK 0x100

/* The most bytes a file of this kind may hold. */
size_t datafile_cap(DatafileKind kind);
/* "a chart", "a score file" ... for messages. */
const char *datafile_kind_name(DatafileKind kind);

/* Why path is not a file that can be read: NULL if it is a regular file,
 * else "does not exist", "is a directory, not a file", "is a FIFO (named
 * pipe), not a regular file", "is a loop of symbolic links" ... (a static
 * string, to follow the path in a message). Follows symbolic links. */
const char *datafile_problem(const char *path);

/* After opendir(dir) failed with errno err: an error in d, "cannot read the
 * <what> folder: it is a FIFO ..." (or a loop of links, a file, ...), unless
 * err is ENOENT (an optional folder that is not there). */
void datafile_folder_error(Diag *d, const char *dir, const char *what, int err);

/* Opens path for reading (O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY), after
 * a stat() that keeps anything but a regular file from being opened at all.
 * Returns the descriptor of a regular file no larger than the kind's cap,
 * its status in *st if st is not NULL. Else -1 with errno set (ENOENT: no
 * such file; EISDIR: a folder; EINVAL: a FIFO, device or socket; EFBIG: over
 * the cap; ELOOP: a symbolic link loop) and "path: error: cannot read: ..."
 * in d (if d is not NULL; ENOENT not with DATAFILE_MISSING_OK). The
 * descriptor stays non-blocking, which for a regular file changes nothing. */
int datafile_open_regular(const char *path, int kind, struct stat *st, Diag *d);

/* The whole file, opened as datafile_open_regular does, in a fresh
 * NUL-terminated buffer (*len bytes before the NUL); a file that grows past
 * the cap while being read is refused too. NULL with errno set and the
 * reason in d on failure. */
char *datafile_read_capped(const char *path, int kind, size_t *len, Diag *d);

/* Fills the file through f; returns 0, or -1 with errno set. */
typedef int (*DatafileWriter)(FILE *f, const void *user);

/* Replaces path as datafile_replace does (mode 0600), the temporary file
 * filled through write. Returns 0, or -1 with "path: error: cannot save: <step>: <reason>"
 * in d; on failure path is untouched and no temporary file is left. */
int datafile_write_atomic(const char *path, DatafileWriter write, const void *user, Diag *d);

/* What datafile_replace and datafile_append were doing when they failed. */
typedef enum {
    DATAFILE_STEP_NONE,
    DATAFILE_STEP_CREATE,  /* creating the temporary file (mkstemp) */
    DATAFILE_STEP_WRITE,   /* writing the data (fchmod, write, fsync and close of a temporary file) */
    DATAFILE_STEP_SYNC,    /* the fsync after an append */
    DATAFILE_STEP_PUBLISH, /* renaming or linking the temporary file to its name */
    DATAFILE_STEP_FOLDER   /* fsyncing the folder: the new file is in place but may not survive a power loss */
} DatafileStep;

/* Flags of datafile_replace. */
/* path must not exist: the temporary file is linked to it (EEXIST if it does). */
#define DATAFILE_EXCLUSIVE 0x1
/* With DATAFILE_EXCLUSIVE, on a file system without hard links: create path
 * exclusively and write it there (a crash can then leave it short). */
#define DATAFILE_IN_PLACE 0x2

/* Writes all n bytes to fd, going on after EINTR and partial writes.
 * Returns 0, or -1 with errno set. */
int datafile_write_all(int fd, const void *data, size_t n);

/* fsyncs the folder holding path ("." if path has no slash), so that a new,
 * renamed or removed name in it survives a power loss. Returns 0, or -1
 * with errno set. */
int datafile_sync_folder(const char *path);

/* Puts data[0, n) at path so that a crash at any moment leaves the old file
 * (or none) or the new one, never a mix: writes a temporary file
 * "<path>.tmp-XXXXXX" with the given mode, fsyncs it, renames it over path
 * (with DATAFILE_EXCLUSIVE: links it to path, failing with EEXIST if path
 * exists) and fsyncs the folder. Returns 0, or -1 with errno set and the
 * failed step in *step (if not NULL); no temporary file is left either way,
 * and path is untouched unless the step is DATAFILE_STEP_FOLDER. Reports
 * nothing: the caller says what it was saving. */
int datafile_replace(const char *path, const void *data, size_t n, mode_t mode, int flags, DatafileStep *step);

/* Appends data[0, n) to fd (opened with O_APPEND) and fsyncs it. A short
 * write is retried once (which either completes it or says why not: EFBIG,
 * ENOSPC); if the data cannot all be written, what was written is cut off
 * again (ftruncate), so the next append never lands glued to a partial one.
 * Returns 0, or -1 with errno set and *step (if not NULL) DATAFILE_STEP_WRITE
 * or DATAFILE_STEP_SYNC. */
int datafile_append(int fd, const void *data, size_t n, DatafileStep *step);

/* Removes what a replace or append of path cut short by a crash (or a kill)
 * left behind: files named "<path>.tmp-XXXXXX" (six characters, as mkstemp
 * makes them) in path's folder. Call it only while no write of path can be
 * under way. Returns how many were removed. */
int datafile_remove_temporaries(const char *path);

/* An exclusive lock (flock) on path: a folder, or a lock file created
 * (mode 0600) if missing. With wait, blocks until the lock is free; without,
 * fails at once with errno EWOULDBLOCK (and nothing in d) if another open
 * file holds it. Returns the descriptor that holds the lock (close it to
 * release; the lock also ends with the process), or -1 (errno set; the
 * reason in d unless EWOULDBLOCK). A lock file that is a link, FIFO or
 * folder is refused. */
int datafile_lock(const char *path, bool wait, Diag *d);

#endif
