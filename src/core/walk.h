/* walk: the files under a folder, listed without leaving it and without
 * reading anything twice.
 *
 * A careless or hostile folder may hold a link to /proc, a `sub -> .` loop,
 * a FIFO or a device. The walk never follows a symbolic link whose target
 * lies outside the folder, never enters a folder or lists a file whose
 * (device, inode) it has met already, and names every entry it leaves out
 * as a warning ("path: warning: not read: ..."). Everything else that is
 * not a folder is listed, FIFOs, devices and links to nothing included:
 * the caller reads each through datafile_open_regular, which refuses those
 * without blocking and says what they are. Names starting with '.' are
 * left out quietly. */
#ifndef TPQUIZ_WALK_H
#define TPQUIZ_WALK_H

#include <stdbool.h>

#include "diag.h"

/* Folders deeper than this below the root are not entered (a warning). */
#define WALK_MAX_DEPTH 16

/* Whether a file's name is one to list; false leaves it out quietly. NULL
 * lists every name. */
typedef bool (*WalkKeep)(const char *name);

/* The files under root (links to them inside root included), in byte order
 * of their paths. Returns the count and sets *paths (free each,
 * then the array), or -1 with the reason in d if root cannot be read. */
int walk_files(const char *root, WalkKeep keep, char ***paths, Diag *d);

/* Where path really leads (realpath, malloc'd) if that lies outside the
 * folder root, whose own real path is root_real (as realpath gives it):
 * a symbolic link somewhere on the way leads out of the tree. NULL if path
 * stays inside, or cannot be resolved at all (a link to nothing, a loop:
 * the reader says why it cannot read it). */
char *walk_link_out(const char *root_real, const char *path);

/* realpath(path), malloc'd; NULL if it does not resolve. */
char *walk_real(const char *path);

#endif
