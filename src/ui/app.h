/* app: the GUI program: window, main loop, screens, scripted input.
 * The only entry point into the SDL side from main.c. */
#ifndef TPQUIZ_APP_H
#define TPQUIZ_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"

typedef struct {
    const Config *config;    /* station settings, already loaded */
    const char *config_path; /* NULL: ./config.ini if present, else built-in defaults */
    const char *data_dir;    /* overrides the config's data folder */
    const char *script_path; /* scripted input (headless tests) */
    const char *screenshot_dir;
    bool virtual_clock; /* time advances only by script `wait` */
    unsigned long long seed; /* 0: practice order seeded from the clock */
    long long clock_start_ms; /* virtual clock's start, ms since the epoch; 0: 2026-01-02 09:00 UTC */
} AppOptions;

/* Runs the program until the window closes (or the script ends). Returns
 * the process exit status: 0, 1 for a failed script expectation or a script
 * error, 2 when the program cannot start. */
int app_run(const AppOptions *opt);

#endif
