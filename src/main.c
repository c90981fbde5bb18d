/* tpquiz: command-line entry. The GUI by default; subcommands for the
 * instructor and for checking course files. */
#include <SDL_filesystem.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "check.h"
#include "config.h"
#include "datafile.h"
#include "diag.h"
#include "heatmap.h"
#include "instructor.h"
#include "paths.h"
#include "record.h"
#include "render.h"
#include "ledger.h"
#include "text.h"
#include "report.h"
#include "verify.h"

static const char USAGE[] =
    "Usage: tpquiz [OPTIONS]               start the program\n"
    "       tpquiz check [OPTIONS] [PATH...]  validate config, courses, modules and charts\n"
    "       tpquiz verify [OPTIONS] FILE...   check score files for tampering\n"
    "       tpquiz report DIR [OPTIONS]       the instructor's review of a folder of score files\n"
    "       tpquiz passwd [--config FILE]     set the instructor's passphrase\n"
    "       tpquiz xapi export|push DIR ...   records as xAPI statements, to a file or an LRS\n"
    "       tpquiz export moodle COURSE ...   the question bank as Moodle XML\n"
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
    "Validates station settings, courses, modules (muscles and lessons),\n"
    "charts and lesson figures, and prints one line per problem:\n"
    "`path:line: error: message` (or `warning:`). A PATH may be a courses\n"
    "folder, a course folder, a course.ini, a module or lesson (.ini), a\n"
    "config file or a chart or figure (.svg). Without a PATH the configured\n"
    "courses folder (and the config file itself) are checked.\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.\n";

static const char VERIFY_USAGE[] =
    "Usage: tpquiz verify [--key FILE | --data-dir DIR | --config FILE] [--courses DIR]\n"
    "                     [--code CODE] FILE...\n"
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
    "  --courses DIR    also grade every attempt again against the courses in DIR\n"
    "                   (the institute's copy; charts from the config): one\n"
    "                   graded by another version of a course, or claiming what\n"
    "                   its answers do not earn, is an error\n"
    "  --code CODE      also find the exam record a certificate code was issued\n"
    "                   for (exit 1 if no good record has it)\n"
    "Exit status: 0 every record good, 1 any problem, 2 bad usage or no key.\n";

static const char REPORT_USAGE[] =
    "Usage: tpquiz report DIR [--course ID] [--csv FILE] [--heatmaps DIR]\n"
    "                         [--key FILE | --data-dir DIR] [--config FILE] [--jobs N]\n"
    "                         [--ledger-state FILE] [--keys DIR]\n"
    "\n"
    "The instructor's review of a folder of learner score files (every file\n"
    "under DIR, subfolders included). Per learner: the file's integrity (every\n"
    "record verified with the station key, or which are edited, missing,\n"
    "reordered or truncated), module quiz results, exam attempts and\n"
    "certification per course (from verified records only). Per question:\n"
    "answers, facility, discrimination index (as Moodle's statistics report),\n"
    "and for locate and zone questions the mean and median click distance and\n"
    "the share of clicks on the wrong side of the body. Files that cannot be\n"
    "read or are not score files are named with the reason and skipped.\n"
    "Every attempt is graded again against the courses of the config: one\n"
    "graded by another version of a course, or claiming what its answers do\n"
    "not earn, is named and never counts. Given a station's data folder (with\n"
    "its ledger), a learner file rolled back to an older copy is named too.\n"
    "\n"
    "  --course ID      only this course's attempts and certification\n"
    "  --csv FILE       also write the tables as CSV: one UTF-8 file, each table\n"
    "                   a title row, a header row and its rows, separated by an\n"
    "                   empty line\n"
    "  --heatmaps DIR   one PNG per locate or zone question: every click by\n"
    "                   credit, their density and the target (DIR is created)\n"
    "  --key FILE       the station key (default <data folder>/station.key)\n"
    "  --data-dir DIR   the data folder (default from the config, else the\n"
    "                   platform's per-user folder)\n"
    "  --config FILE    station settings (courses, charts, font, data folder)\n"
    "  --jobs N         files read in parallel (default: the CPUs, at most 8)\n"
    "  --keys DIR       the station keys the institute issued (*.key, mode 0600):\n"
    "                   files they sealed are checked with them, and a course\n"
    "                   with stations = issued counts only exams from them\n"
    "  --ledger-state FILE  remembers each station's ledger length in FILE and\n"
    "                   says when one went backwards (a restored data folder)\n"
    "What each figure means: docs/REPORT.md.\n"
    "Exit status: 0 every file read and intact, 1 a file skipped or with\n"
    "problems, 2 bad usage, no key, or an output that cannot be written.\n";

static const char PASSWD_USAGE[] =
    "Usage: tpquiz passwd [--config FILE]\n"
    "\n"
    "Sets the instructor's passphrase: asks for it twice (not shown) and stores\n"
    "an Argon2id hash of it as [instructor] passphrase_hash in the config file\n"
    "(default ./config.ini, created if missing). Every other line and comment\n"
    "of the file is kept; the file is replaced atomically. Without a terminal,\n"
    "one line is read from standard input.\n"
    "Exit status: 0 set, 1 the passphrases differ, are too short (under 8\n"
    "bytes) or cannot be stored, 2 bad usage.\n";

Config *load_config(const char *path, Diag *d)
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
        /* The font opens as a font (SDL_ttf: not core's to do); check_paths
         * has said so if it is not a readable file. */
        if (n == 0 && cfg->path && cfg->path[0] && !datafile_problem(cfg->font_file) && TTF_Init() == 0) {
            ren_font_probe(cfg->font_file, d);
            TTF_Quit();
        }
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
Library *load_courses(const char *command, const Config *cfg, int config_errors, const char *uses)
{
    Diag *d = diag_create();
    Library *lib = library_load(cfg->courses_dir, cfg->assets_dir, d);
    int errors = config_errors + diag_error_count(d);
    if (errors > 0)
        fprintf(stderr, "tpquiz %s: the courses or settings have %d error%s (`tpquiz check` lists them); %s\n",
                command, errors, errors == 1 ? "" : "s", uses);
    diag_free(d);
    return lib;
}

int verify_key(const char *key_path, const char *data_dir, const char *config_path,
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
    const char *key_path = NULL, *data_dir = NULL, *config_path = NULL, *code = NULL, *courses = NULL;
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
        } else if (!strcmp(a, "--courses") && has_value) {
            courses = argv[++i];
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
    Library *lib = NULL;
    Config *cfg = NULL;
    if (courses) {
        Diag *d = diag_create();
        cfg = load_config(config_path, d);
        lib = cfg ? library_load(courses, cfg->assets_dir, d) : NULL;
        if (!lib || library_course_count(lib) == 0) {
            diag_print(d, stderr);
            fprintf(stderr, "tpquiz verify: --courses %s: no course to grade against\n", courses);
            diag_free(d);
            library_free(lib);
            config_free(cfg);
            free(files);
            sodium_memzero(key, sizeof key);
            return 2;
        }
        diag_free(d);
    }
    int status = 0;
    bool code_found = false;
    for (int i = 0; i < n; i++) {
        Diag *d = diag_create();
        VerifyResult res;
        status |= verify_file_courses(files[i], key, lib, code ? want : NULL, &res, d);
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
    library_free(lib);
    config_free(cfg);
    free(files);
    sodium_memzero(key, sizeof key);
    return status ? 1 : 0;
}

/* ---- report ---------------------------------------------------------- */

typedef struct {
    FILE *out;
    ReportCsv *csv;
    bool csv_failed;
} ReportSink;

static int on_report_file(void *user, const ReportFile *f)
{
    ReportSink *s = user;
    report_text_file(s->out, f);
    if (f->skipped)
        fprintf(stderr, "tpquiz report: skipped %s: %s\n", f->path, f->reason);
    if (s->csv && report_csv_file(s->csv, f) != 0)
        s->csv_failed = true;
    return 0;
}

/* One PNG per locate or zone question with clicks. Returns how many were
 * written, -1 if none could be (the reason is on stderr). */
static int write_heatmaps(const Report *rep, const char *dir, const char *font)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "tpquiz report: cannot create %s: %s\n", dir, strerror(errno));
        return -1;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "tpquiz report: cannot start the font renderer: %s\n", SDL_GetError());
        return -1;
    }
    HeatmapWriter *w = heatmap_writer_create(font);
    int written = 0;
    if (!w) {
        fprintf(stderr, "tpquiz report: cannot draw heatmaps: %s\n", SDL_GetError());
        written = -1;
    }
    for (int i = 0; w && i < report_item_count(rep); i++) {
        const ReportItem *it = report_item(rep, i);
        if (!heatmap_available(it))
            continue;
        char name[512], path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, heatmap_file_name(it, name, sizeof name));
        if (heatmap_writer_save(w, it, path) == 0)
            written++;
        else
            fprintf(stderr, "tpquiz report: %s: cannot write: %s\n", path, SDL_GetError());
    }
    heatmap_writer_free(w);
    TTF_Quit();
    return written;
}

/* The issued station keys of --keys DIR (reasons printed on failure). */
int read_issued_keys(const char *dir, unsigned char (**keys)[STATION_KEY_BYTES])
{
    Diag *d = diag_create();
    int n = report_read_keys(dir, keys, d);
    diag_print(d, stderr);
    diag_free(d);
    return n;
}

static int cmd_report(int argc, char **argv)
{
    const char *dir = NULL, *course = NULL, *csv_path = NULL, *heat_dir = NULL;
    const char *key_path = NULL, *data_dir = NULL, *config_path = NULL, *state_path = NULL, *keys_dir = NULL;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = cpus < 1 ? 1 : cpus > 8 ? 8 : (int)cpus;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(REPORT_USAGE, stdout);
            return 0;
        } else if (!strcmp(a, "--course") && has_value) {
            course = argv[++i];
        } else if (!strcmp(a, "--csv") && has_value) {
            csv_path = argv[++i];
        } else if (!strcmp(a, "--heatmaps") && has_value) {
            heat_dir = argv[++i];
        } else if (!strcmp(a, "--key") && has_value) {
            key_path = argv[++i];
        } else if (!strcmp(a, "--data-dir") && has_value) {
            data_dir = argv[++i];
        } else if (!strcmp(a, "--config") && has_value) {
            config_path = argv[++i];
        } else if (!strcmp(a, "--ledger-state") && has_value) {
            state_path = argv[++i];
        } else if (!strcmp(a, "--keys") && has_value) {
            keys_dir = argv[++i];
        } else if (!strcmp(a, "--jobs") && has_value) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 64) {
                fprintf(stderr, "tpquiz report: --jobs wants a number from 1 to 64, not '%s'\n", argv[i]);
                return 2;
            }
            jobs = (int)v;
        } else if ((a[0] == '-' && a[1]) || dir) {
            fprintf(stderr, "tpquiz report: unexpected argument '%s'\n%s", a, REPORT_USAGE);
            return 2;
        } else {
            dir = a;
        }
    }
    if (!dir) {
        fprintf(stderr, "tpquiz report: no folder given\n%s", REPORT_USAGE);
        return 2;
    }
    unsigned char key[STATION_KEY_BYTES];
    if (verify_key(key_path, data_dir, config_path, key) != 0)
        return 2;
    unsigned char(*issued)[STATION_KEY_BYTES] = NULL;
    int n_issued = keys_dir ? read_issued_keys(keys_dir, &issued) : 0;
    if (n_issued < 0) {
        sodium_memzero(key, sizeof key);
        return 2;
    }
    Diag *d = diag_create();
    Config *cfg = load_config(config_path, d);
    int config_errors = diag_error_count(d);
    diag_free(d);
    Library *lib = cfg ? load_courses("report", cfg, config_errors, "the report uses what loaded") : NULL;
    int status = 2;
    char **paths = NULL;
    int n = -1;
    Report *rep = NULL;
    Ledger *ledger = NULL;
    ReportSink sink = {.out = stdout};
    ReportOptions opt = {.course = course,
                         .keep_clicks = heat_dir != NULL,
                         .threads = jobs,
                         .issued_keys = (const unsigned char(*)[STATION_KEY_BYTES])issued,
                         .n_issued = n_issued};
    if (!lib)
        goto done;
    if (course && !library_find_course(lib, course)) {
        fprintf(stderr, "tpquiz report: no course '%s' in %s\n", course, cfg->courses_dir);
        goto done;
    }
    d = diag_create();
    n = report_list_dir(dir, &paths, d);
    diag_print(d, stderr);
    diag_free(d);
    if (n < 0)
        goto done;
    /* A station's data folder: its ledger shows learner files rolled back. */
    bool ledger_trouble = false;
    LedgerPlace place;
    d = diag_create();
    ledger = ledger_open_station(dir, key, (const unsigned char(*)[STATION_KEY_BYTES])issued, n_issued, state_path, d,
                                 &ledger_trouble, &place);
    diag_print(d, stderr);
    diag_free(d);
    opt.ledger = ledger;
    char *ledger_path = ledger ? text_path_join(dir, LEDGER_FILE) : NULL;
    if (ledger)
        printf("Ledger: %s: %d lines, station key %s%s\n", ledger_path ? ledger_path : LEDGER_FILE,
               ledger_length(ledger), ledger_key_id(ledger), ledger_intact(ledger) ? "" : " (broken: see the errors)");
    free(ledger_path);
    if (place == LEDGER_NOT_STATION && state_path)
        fprintf(stderr, "tpquiz report: --ledger-state: %s has no ledger (give a station's data folder)\n", dir);
    rep = report_create(lib, key, &opt);
    if (csv_path)
        sink.csv = report_csv_create();
    if (!rep || (csv_path && !sink.csv)) {
        fprintf(stderr, "tpquiz report: out of memory or no temporary files\n");
        goto done;
    }
    report_text_begin(stdout, dir, &opt, n);
    if (report_add_files(rep, (const char *const *)paths, n, on_report_file, &sink) < 0) {
        fprintf(stderr, "tpquiz report: cannot start the reading threads\n");
        goto done;
    }
    report_finish(rep);
    report_text_end(stdout, rep);
    const ReportSummary *sum = report_summary(rep);
    status = sum->skipped > 0 || sum->intact < sum->read || ledger_trouble ? 1 : 0;
    if (csv_path) {
        FILE *out = fopen(csv_path, "wb");
        bool ok = out && !sink.csv_failed && report_csv_write(sink.csv, rep, out) == 0;
        if (out && fclose(out) != 0)
            ok = false;
        if (!ok) {
            fprintf(stderr, "tpquiz report: cannot write %s: %s\n", csv_path, strerror(errno ? errno : EIO));
            status = 2;
        } else {
            printf("CSV: %s\n", csv_path);
        }
    }
    if (heat_dir) {
        int w = write_heatmaps(rep, heat_dir, cfg->font_file);
        if (w < 0)
            status = 2;
        else
            printf("Heatmaps: %d written to %s\n", w, heat_dir);
    }
done:
    report_csv_free(sink.csv);
    report_free(rep);
    ledger_free(ledger);
    if (issued)
        sodium_memzero(issued, sizeof *issued * (size_t)n_issued);
    free(issued);
    if (paths)
        report_paths_free(paths, n);
    library_free(lib);
    config_free(cfg);
    sodium_memzero(key, sizeof key);
    return status;
}

/* ---- passwd ------------------------------------------------------------ */

static struct termios saved_tty;
static volatile sig_atomic_t tty_changed;

/* Puts echo back if the user interrupts while it is off. */
static void restore_tty(int sig)
{
    if (tty_changed)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Reads one line into buf (without its line end). With a terminal the
 * prompt goes to stderr and nothing is echoed. False at end of input, on a
 * read error or for a line longer than buf. */
static bool read_secret(const char *prompt, char *buf, size_t size, bool tty)
{
    if (tty) {
        struct termios t;
        fputs(prompt, stderr);
        fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved_tty) == 0) {
            t = saved_tty;
            t.c_lflag &= ~(tcflag_t)ECHO;
            signal(SIGINT, restore_tty);
            signal(SIGTERM, restore_tty);
            signal(SIGHUP, restore_tty);
            tty_changed = tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0;
        }
    }
    bool ok = fgets(buf, (int)size, stdin) != NULL;
    if (tty) {
        if (tty_changed)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
        tty_changed = 0;
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        fputc('\n', stderr);
    }
    if (!ok)
        return false;
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[--n] = '\0';
    else if (!feof(stdin))
        return false; /* longer than the buffer */
    if (n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    return true;
}

static int cmd_passwd(int argc, char **argv)
{
    const char *config_path = "config.ini";
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(PASSWD_USAGE, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
            config_path = argv[++i];
        } else {
            fprintf(stderr, "tpquiz passwd: unexpected argument '%s'\n%s", argv[i], PASSWD_USAGE);
            return 2;
        }
    }
    bool tty = isatty(STDIN_FILENO);
    char pass[1024], again[1024];
    int status = 1;
    if (!read_secret("New instructor passphrase: ", pass, sizeof pass, tty)) {
        fprintf(stderr, "tpquiz passwd: no passphrase read (at most %d bytes, one line)\n",
                (int)sizeof pass - 2);
    } else if (tty && !read_secret("The same again: ", again, sizeof again, tty)) {
        fprintf(stderr, "tpquiz passwd: no passphrase read\n");
    } else if (tty && strcmp(pass, again) != 0) {
        fprintf(stderr, "tpquiz passwd: the two passphrases differ; nothing was changed\n");
    } else if (strlen(pass) < INSTRUCTOR_PASSPHRASE_MIN) {
        fprintf(stderr, "tpquiz passwd: the passphrase is too short: use at least %d characters\n",
                INSTRUCTOR_PASSPHRASE_MIN);
    } else {
        char hash[INSTRUCTOR_HASH_MAX];
        Diag *d = diag_create();
        if (instructor_hash_passphrase(pass, hash) != 0) {
            fprintf(stderr, "tpquiz passwd: cannot hash the passphrase (out of memory?)\n");
        } else if (instructor_save_hash(config_path, hash, d) != 0) {
            diag_print(d, stderr);
        } else {
            printf("The instructor passphrase is set in %s.\n", config_path);
            status = 0;
        }
        diag_free(d);
    }
    sodium_memzero(pass, sizeof pass);
    sodium_memzero(again, sizeof again);
    return status;
}

int main(int argc, char **argv)
{
    /* Past a file-size limit (RLIMIT_FSIZE) the kernel would kill the
     * program with SIGXFSZ; ignored, the write fails with EFBIG and takes
     * the same path as a full disk: a clear message, nothing lost, retried. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc > 1 && !strcmp(argv[1], "check"))
        return cmd_check(argc - 2, argv + 2);
    if (argc > 1 && !strcmp(argv[1], "verify"))
        return cmd_verify(argc - 2, argv + 2);
    if (argc > 1 && !strcmp(argv[1], "report"))
        return cmd_report(argc - 2, argv + 2);
    if (argc > 1 && !strcmp(argv[1], "passwd"))
        return cmd_passwd(argc - 2, argv + 2);
    if (argc > 1 && !strcmp(argv[1], "xapi"))
        return cmd_xapi(argc - 2, argv + 2);
    if (argc > 1 && !strcmp(argv[1], "export"))
        return cmd_export(argc - 2, argv + 2);

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
