/* tpquiz: command-line entry. The GUI by default; subcommands for the
 * instructor and for checking course files. */
#include <SDL_filesystem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "check.h"
#include "config.h"
#include "diag.h"
#include "paths.h"
#include "record.h"
#include "verify.h"

static const char USAGE[] =
    "Usage: tpquiz [OPTIONS]               start the program\n"
    "       tpquiz check [OPTIONS] [PATH...]  validate config, courses, modules and charts\n"
    "       tpquiz verify [OPTIONS] FILE...   check score files for tampering\n"
    "       tpquiz --version | --help\n"
    "\n"
    "Options:\n"
    "  --config FILE          station settings (default ./config.ini, else built-in)\n"
    "  --data-dir DIR         learner data folder (default from the config)\n"
    "  --script FILE          play scripted input (headless tests)\n"
    "  --screenshot-dir DIR   where the script's screenshots go (default .)\n"
    "  --virtual-clock        time advances only by the script's `wait`\n"
    "  --seed N               fixed seed for question order (tests)\n"
    "  --clock-start MS       virtual clock starting at MS since the epoch (tests)\n"
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

static const char VERIFY_USAGE[] =
    "Usage: tpquiz verify [--key FILE | --data-dir DIR | --config FILE] [--code CODE] FILE...\n"
    "\n"
    "Checks learner score files (learners/<id>.scores in the data folder) with\n"
    "the station key, and prints one line per problem, `path:line: error:\n"
    "record 3 (exam, essentials, 2026-03-02): edited: ...`, then a summary\n"
    "line per file. A record is good, edited (its text or MAC changed),\n"
    "missing (records before it are gone), reordered (out of sequence) or\n"
    "truncated (the file ends inside it).\n"
    "\n"
    "  --key FILE       the station key (default <data folder>/station.key)\n"
    "  --data-dir DIR   the data folder (default from the config, else the\n"
    "                   platform's per-user folder)\n"
    "  --config FILE    station settings ([paths] data)\n"
    "  --code CODE      also find the exam record a certificate code was issued\n"
    "                   for (exit 1 if no good record has it)\n"
    "Exit status: 0 every record good, 1 any problem, 2 bad usage or no key.\n";

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

/* The station key for verify: --key, else <data>/station.key with the data
 * folder from --data-dir, the config or the platform. Never creates one. */
static int verify_key(const char *key_path, const char *data_dir, const char *config_path,
                      unsigned char key[STATION_KEY_BYTES])
{
    Diag *d = diag_create();
    char *path = NULL;
    Config *cfg = NULL;
    char *pref = NULL;
    if (!key_path) {
        if (!data_dir) {
            cfg = load_config(config_path, d);
            if (cfg && cfg->data_dir && *cfg->data_dir)
                data_dir = cfg->data_dir;
        }
        if (!data_dir && (!config_path || cfg))
            data_dir = pref = SDL_GetPrefPath("tpquiz", "tpquiz");
        if (data_dir) {
            size_t n = strlen(data_dir) + sizeof "/station.key";
            path = malloc(n);
            if (path)
                snprintf(path, n, "%s%sstation.key", data_dir,
                         *data_dir && data_dir[strlen(data_dir) - 1] == '/' ? "" : "/");
        }
        key_path = path;
    }
    int rc = key_path ? station_key_read(key_path, key, d) : -1;
    if (!key_path && diag_error_count(d) == 0)
        diag_error(d, "", 0, "no data folder for the station key; give --key FILE or --data-dir DIR");
    diag_print(d, stderr);
    diag_free(d);
    free(path);
    SDL_free(pref);
    config_free(cfg);
    return rc;
}

static int cmd_verify(int argc, char **argv)
{
    const char *key_path = NULL, *data_dir = NULL, *config_path = NULL, *code = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    int n = 0;
    if (!files)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(VERIFY_USAGE, stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--key") && has_value) {
            key_path = argv[++i];
        } else if (!strcmp(a, "--data-dir") && has_value) {
            data_dir = argv[++i];
        } else if (!strcmp(a, "--config") && has_value) {
            config_path = argv[++i];
        } else if (!strcmp(a, "--code") && has_value) {
            code = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tpquiz verify: unknown option '%s'\n%s", a, VERIFY_USAGE);
            free(files);
            return 2;
        } else {
            files[n++] = a;
        }
    }
    char want[13];
    if (n == 0 || (code && !verify_code_normalize(code, want))) {
        if (n == 0)
            fprintf(stderr, "tpquiz verify: no score file given\n%s", VERIFY_USAGE);
        else
            fprintf(stderr, "tpquiz verify: '%s' is not a certificate code (12 letters and digits 2-9)\n",
                    code);
        free(files);
        return 2;
    }
    unsigned char key[STATION_KEY_BYTES];
    if (verify_key(key_path, data_dir, config_path, key) != 0) {
        free(files);
        return 2;
    }
    int status = 0;
    bool code_found = false;
    for (int i = 0; i < n; i++) {
        Diag *d = diag_create();
        VerifyResult res;
        status |= verify_file(files[i], key, code ? want : NULL, &res, d);
        diag_sort(d);
        diag_print(d, stdout);
        diag_free(d);
        char line[1024];
        verify_summary(files[i], &res, line, sizeof line);
        puts(line);
        if (code) {
            char shown[15];
            verify_code_format(want, shown);
            if (res.code_record >= 0 && res.code_status == RECORD_GOOD) {
                printf("%s: certificate code %s: %s\n", files[i], shown, res.code_what);
                code_found = true;
            } else if (res.code_record >= 0) {
                printf("%s: certificate code %s: %s, but that record is %s\n", files[i], shown, res.code_what,
                       record_status_name(res.code_status));
            }
        }
    }
    if (code && !code_found) {
        char shown[15];
        verify_code_format(want, shown);
        printf("certificate code %s: not found on a good exam record\n", shown);
        status = 1;
    }
    free(files);
    return status ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "check"))
        return cmd_check(argc - 2, argv + 2);
    if (argc > 1 && !strcmp(argv[1], "verify"))
        return cmd_verify(argc - 2, argv + 2);

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
        } else if (!strcmp(a, "--clock-start") && has_value) {
            opt.clock_start_ms = strtoll(argv[++i], NULL, 10);
            opt.virtual_clock = true;
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
