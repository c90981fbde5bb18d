/* config: station settings from config.ini.
 *
 * Every key has a built-in default, so a missing config file is no error
 * (config_defaults). Relative paths in the file are taken relative to the
 * folder the file is in. Unknown sections and keys are warned about; bad
 * values are errors and leave the default in place. */
#ifndef TPQUIZ_CONFIG_H
#define TPQUIZ_CONFIG_H

#include <stdbool.h>

#include "diag.h"

typedef struct {
    char *path;        /* the file read, "" for built-in defaults */
    char *courses_dir; /* [paths] courses */
    char *assets_dir;  /* [paths] assets */
    char *data_dir;    /* [paths] data; "" = the platform's per-user folder */
    int window_width;  /* [window] width, height: initial size in points */
    int window_height;
    bool fullscreen_exams; /* [window] fullscreen_exams */
    char *font_file;       /* [font] file */
    int font_size;         /* [font] size, points, 8..48 */
    char *instructor_hash; /* [instructor] passphrase_hash, "" if unset */
    char *issued_keys_dir; /* [instructor] issued_keys: the folder of issued station keys, "" if none */
    /* [xapi]: where records go as xAPI statements (docs/INTEROP.md); "" if unset. */
    char *xapi_homepage;      /* homepage: the institute's web address (learners' account home page) */
    char *xapi_activity_base; /* activity_base: prefix of activity ids ("" = homepage + "tpquiz") */
    char *xapi_endpoint;      /* endpoint: the LRS's xAPI base URL */
    char *xapi_user;          /* user: for HTTP basic authentication */
    char *xapi_password_file; /* password_file: a file (mode 0600) holding the password */
} Config;

#define CONFIG_DEFAULT_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

/* Defaults, with courses and assets under root ("<root>/courses",
 * "<root>/assets"). */
Config *config_defaults(const char *root);

/* Reads path over the defaults (relative paths resolve against the file's
 * folder; root is used for keys the file leaves out). Returns NULL only if
 * the file cannot be read (the reason is in d). */
Config *config_load(const char *path, const char *root, Diag *d);

void config_free(Config *c);

#endif
