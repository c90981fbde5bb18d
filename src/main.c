/* tpquiz: command-line entry. The GUI by default; subcommands for the
 * instructor and for checking course files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "check.h"
#include "config.h"
#include "diag.h"
#include "paths.h"

static const char USAGE[] =
    "Usage: tpquiz [OPTIONS]               start the program\n"
    "       tpquiz check [OPTIONS] [PATH...]  validate config, courses, modules and charts\n"
    "       tpquiz --version | --help\n"
    "\n"
    "Options:\n"
    "  --config FILE          station settings (default ./config.ini, else built-in)\n"
    "  --data-dir DIR         learner data folder (default from the config)\n"
    "  --script FILE          play scripted input (headless tests)\n"
    "  --screenshot-dir DIR   where the script's screenshots go (default .)\n"
    "  --virtual-clock        time advances only by the script's `wait`\n"
    "  --seed N               fixed seed for question order (tests)\n"
    "  -h, --help             this help\n"
    "  --version              the program's version\n"
    "\n"
    "`tpquiz COMMAND --help` describes a command.\n";

static const char CHECK_USAGE[] =
    "Usage: tpquiz check [--config FILE] [PATH...]\n"
    "\n"
    "Validates station settings, courses, muscle modules and charts, and prints\n"
    "one line per problem: `path:line: error: message` (or `warning:`).\n"
    "A PATH may be a courses folder, a course folder, a course.ini, a module\n"
    "(.ini), a config file or a chart (.svg). Without a PATH the configured\n"
    "courses folder (and the config file itself) are checked.\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.\n";

static Config *load_config(const char *path, Diag *d)
{
    const char *root = paths_data_root();
    if (!path)
        path = paths_default_config();
    if (!path)
        return config_defaults(root);
    return config_load(path, root, d);
}

static int cmd_check(int argc, char **argv)
{
    const char *config_path = NULL;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    int n = 0;
    if (!paths)
        return 2;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(CHECK_USAGE, stdout);
            free(paths);
            return 0;
        } else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
            config_path = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "tpquiz check: unknown option '%s'\n%s", argv[i], CHECK_USAGE);
            free(paths);
            return 2;
        } else {
            paths[n++] = argv[i];
        }
    }
    Diag *d = diag_create();
    Config *cfg = load_config(config_path, d);
    int errors = 0;
    if (cfg) {
        check_paths(paths, n, cfg, d);
        config_free(cfg);
    }
    diag_sort(d);
    diag_print(d, stdout);
    errors = diag_error_count(d);
    diag_free(d);
    free(paths);
    return errors ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "check"))
        return cmd_check(argc - 2, argv + 2);

    AppOptions opt = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("tpquiz %s\n", TPQUIZ_VERSION);
            return 0;
        } else if (!strcmp(a, "--config") && has_value) {
            opt.config_path = argv[++i];
        } else if (!strcmp(a, "--data-dir") && has_value) {
            opt.data_dir = argv[++i];
        } else if (!strcmp(a, "--script") && has_value) {
            opt.script_path = argv[++i];
        } else if (!strcmp(a, "--screenshot-dir") && has_value) {
            opt.screenshot_dir = argv[++i];
        } else if (!strcmp(a, "--seed") && has_value) {
            opt.seed = strtoull(argv[++i], NULL, 10);
        } else if (!strcmp(a, "--virtual-clock")) {
            opt.virtual_clock = true;
        } else {
            fprintf(stderr, "tpquiz: unknown argument '%s'\n\n%s", a, USAGE);
            return 2;
        }
    }
    Diag *d = diag_create();
    Config *cfg = load_config(opt.config_path, d);
    diag_sort(d);
    diag_print(d, stderr); /* warnings and bad values; the defaults stand in */
    diag_free(d);
    if (!cfg)
        return 2;
    opt.config = cfg;
    int status = app_run(&opt);
    config_free(cfg);
    return status;
}
