/* load_courses: times loading and checking the courses in-process, for the
 * GUI benchmarks (bench/gui.sh, docs/PERFORMANCE.md).
 *
 *   load_courses CONFIG [RUNS]      (default 50 runs)
 *
 * Two things are timed, each RUNS times, alternating:
 *   load   what the program does at start-up (app.c, load_content):
 *          library_load over the configured courses folder (every course,
 *          every module it lists, each chart's metadata) and protocols_load
 *   check  what `tpquiz check --config CONFIG` does: config_load, then
 *          check_paths with no path (the courses tree, the config's folders
 *          and font)
 * and the median, fastest and first run of each printed, with what was
 * loaded and how many diagnostics each produced (a clean tree has none).
 * Exit status 1 if either produced an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "config.h"
#include "course.h"
#include "diag.h"
#include "protocol.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void summary(const char *what, double *t, int n)
{
    double first = t[0];
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    double median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    printf("%s: median %.2f ms, fastest %.2f ms, first %.2f ms (%d runs)\n", what, median, t[0], first, n);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: load_courses CONFIG [RUNS]\n");
        return 2;
    }
    int runs = argc == 3 ? atoi(argv[2]) : 50;
    if (runs < 1)
        runs = 1;
    double *load = calloc((size_t)runs, sizeof *load), *check = calloc((size_t)runs, sizeof *check);
    if (!load || !check)
        return 2;
    int load_diags = 0, load_errors = 0, check_diags = 0, check_errors = 0;
    int courses = 0, modules = 0, views = 0, protocols = 0;
    for (int r = 0; r < runs; r++) {
        /* The program's start-up load (the config is read before, in main). */
        Diag *cd = diag_create();
        Config *cfg = config_load(argv[1], NULL, cd);
        diag_free(cd);
        if (!cfg) {
            fprintf(stderr, "load_courses: cannot read %s\n", argv[1]);
            return 2;
        }
        double t = now_ms();
        Diag *d = diag_create();
        Library *lib = library_load(cfg->courses_dir, cfg->assets_dir, d);
        char pdir[4200];
        snprintf(pdir, sizeof pdir, "%s/protocols", cfg->courses_dir);
        ProtocolSet *ps = protocols_load(pdir, lib, d);
        load[r] = now_ms() - t;
        courses = library_course_count(lib);
        modules = library_module_count(lib);
        views = library_view_count(lib);
        protocols = protocols_count(ps);
        load_diags = diag_count(d);
        load_errors = diag_error_count(d);
        if (r == 0 && load_diags)
            diag_print(d, stderr);
        protocols_free(ps);
        library_free(lib);
        diag_free(d);
        config_free(cfg);

        /* tpquiz check: reading the config is part of it. */
        t = now_ms();
        d = diag_create();
        cfg = config_load(argv[1], NULL, d);
        if (cfg)
            check_paths(NULL, 0, cfg, d);
        check[r] = now_ms() - t;
        check_diags = diag_count(d);
        check_errors = diag_error_count(d);
        if (r == 0 && check_diags)
            diag_print(d, stderr);
        config_free(cfg);
        diag_free(d);
    }
    printf("loaded: %d courses, %d modules, %d chart views, %d protocols; diagnostics: load %d (%d errors), "
           "check %d (%d errors)\n",
           courses, modules, views, protocols, load_diags, load_errors, check_diags, check_errors);
    summary("load (start-up: library_load + protocols_load)", load, runs);
    summary("check (config_load + check_paths)", check, runs);
    free(load);
    free(check);
    return load_errors || check_errors ? 1 : 0;
}
