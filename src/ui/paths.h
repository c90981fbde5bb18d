/* paths: where the program's own files are found. */
#ifndef TPQUIZ_PATHS_H
#define TPQUIZ_PATHS_H

/* The folder holding courses/ and assets/ when the config does not say:
 * next to the binary's install prefix (share/tpquiz), else the source tree
 * the binary was built from. Returns a string owned by the module. */
const char *paths_data_root(void);

/* The config file to use when none is given: ./config.ini if it exists,
 * else NULL (built-in defaults). */
const char *paths_default_config(void);

#endif
