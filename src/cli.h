/* cli: what the command-line commands share (main.c) and the interop
 * commands (cli_interop.c). */
#ifndef TPQUIZ_CLI_H
#define TPQUIZ_CLI_H

#include "config.h"
#include "course.h"
#include "diag.h"
#include "record.h"

/* The station settings from path (NULL: the default config, else the
 * built-in defaults). */
Config *load_config(const char *path, Diag *d);
/* The configured courses, loaded; their errors and config_errors summed
 * up in one line on stderr for `tpquiz COMMAND` ("...; <uses>"). Never
 * NULL. */
Library *load_courses(const char *command, const Config *cfg, int config_errors, const char *uses);
/* The station key: from key_path, else <data>/station.key of data_dir or
 * the config's data folder. 0, or -1 with the reason printed. */
int verify_key(const char *key_path, const char *data_dir, const char *config_path,
               unsigned char key[STATION_KEY_BYTES]);
/* The institute's issued station keys from a folder (report --keys):
 * how many, or -1 with the reason printed. */
int read_issued_keys(const char *dir, unsigned char (**keys)[STATION_KEY_BYTES]);

/* tpquiz xapi export|push ... and tpquiz export moodle ... */
int cmd_xapi(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
