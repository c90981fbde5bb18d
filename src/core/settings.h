/* settings: the display settings a person chooses on the Settings screen,
 * kept per station (the data folder's `settings` file, docs/FORMATS.md).
 *
 *   # tpquiz settings
 *   text_size = 115
 *   fullscreen = no
 *   reduce_motion = yes
 *
 * Reading follows the rules of every learner file: a file that cannot be
 * read, a bad line or a bad value is reported (path:line: error: ...) and
 * that setting keeps its default; nothing else stops. */
#ifndef TPQUIZ_SETTINGS_H
#define TPQUIZ_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define SETTINGS_FILE "settings"

/* The text sizes on offer, in percent of the configured font size. */
#define SETTINGS_TEXT_SIZES 4
extern const int SETTINGS_TEXT_SIZE[SETTINGS_TEXT_SIZES]; /* 90, 100, 115, 130 */

typedef struct {
    int text_size;      /* one of SETTINGS_TEXT_SIZE; fonts and spacing scale with it */
    bool fullscreen;    /* the window fills the screen (desktop fullscreen) */
    bool reduce_motion; /* nothing on screen changes by itself more than it must */
} Settings;

/* 100%, windowed, motion as usual. */
Settings settings_defaults(void);

/* Parses buf (len bytes) as a settings file: *out gets the defaults, then
 * every good line. Bad lines are reported in d as path:line errors.
 * Returns the number of errors. */
int settings_parse(const char *path, const char *buf, size_t len, Settings *out, Diag *d);
/* Reads path (a missing file is no error: the defaults). Returns the number
 * of errors; *out always holds usable settings. */
int settings_load(const char *path, Settings *out, Diag *d);
/* Replaces path atomically (datafile). Returns 0, or -1 with the reason in d. */
int settings_save(const char *path, const Settings *s, Diag *d);

#endif
