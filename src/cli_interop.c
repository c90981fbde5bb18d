/* cli_interop: `tpquiz xapi export|push`: learners' records as xAPI
 * statements, written to a file or sent to a Learning Record Store; and
 * `tpquiz export moodle`: the question bank as Moodle XML
 * (docs/INTEROP.md). */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chart_png.h"
#include "cli.h"
#include "course.h"
#include "ledger.h"
#include "text.h"
#include "lrs.h"
#include "moodle.h"
#include "report.h"
#include "xapi.h"

static const char XAPI_USAGE[] =
    "Usage: tpquiz xapi export DIR [OPTIONS] [-o FILE]\n"
    "       tpquiz xapi push DIR [OPTIONS] --endpoint URL --user NAME --password-file FILE\n"
    "\n"
    "The records of every score file under DIR (a folder of collected files or a\n"
    "station's data folder) that verify and count (intact, and re-graded against\n"
    "the courses: what `tpquiz report` certifies from) as xAPI 1.0.3 statements:\n"
    "attempted (an exam started), answered (each item), passed or failed (each quiz\n"
    "and exam) and completed (a course certified). Records that do not count are\n"
    "named on stderr and left out. `export` writes one statement a line (JSON) to\n"
    "FILE or standard output; `push` sends them to an LRS, remembering what it\n"
    "acknowledged in a state file, so a push that stops resumes and a second push\n"
    "sends nothing twice.\n"
    "\n"
    "Options:\n"
    "  --course ID            only this course's statements\n"
    "  --config FILE          settings: courses, and the [xapi] section's defaults\n"
    "  --key FILE             the station key the files were written with\n"
    "  --data-dir DIR         ... or the data folder holding station.key\n"
    "  --keys DIR             the institute's issued station keys (as for report)\n"
    "  --homepage IRI         the institute's web address ([xapi] homepage)\n"
    "  --activity-base IRI    prefix of activity ids ([xapi] activity_base)\n"
    "  -o FILE                export: where to write (default standard output)\n"
    "  --endpoint URL         push: the LRS's xAPI base ([xapi] endpoint)\n"
    "  --user NAME            push: HTTP basic user ([xapi] user)\n"
    "  --password-file FILE   push: a file (mode 0600) with the password ([xapi] password_file)\n"
    "  --state FILE           push: the state file (default DIR/.xapi-sent-<endpoint hash>)\n"
    "  --batch N              push: statements a request (default 100)\n"
    "  --retries N            push: retries after a server error or timeout (default 5)\n"
    "  --timeout S            push: seconds to wait for one answer (default 60)\n"
    "\n"
    "Exit status: 0 done; 1 some records do not count (export), or the push stopped\n"
    "(its reason on stderr; run it again to send the rest); 2 bad arguments or\n"
    "settings.\n";

typedef struct {
    const char *dir, *course, *config, *key, *data_dir, *keys, *homepage, *base, *out;
    const char *endpoint, *user, *password_file, *state;
    int batch, retries, timeout;
} XapiArgs;

static int parse_count(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_args(int argc, char **argv, XapiArgs *a)
{
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot = !strcmp(s, "--course")          ? &a->course
                            : !strcmp(s, "--config")        ? &a->config
                            : !strcmp(s, "--key")           ? &a->key
                            : !strcmp(s, "--data-dir")      ? &a->data_dir
                            : !strcmp(s, "--keys")          ? &a->keys
                            : !strcmp(s, "--homepage")      ? &a->homepage
                            : !strcmp(s, "--activity-base") ? &a->base
                            : !strcmp(s, "-o")              ? &a->out
                            : !strcmp(s, "--endpoint")      ? &a->endpoint
                            : !strcmp(s, "--user")          ? &a->user
                            : !strcmp(s, "--password-file") ? &a->password_file
                            : !strcmp(s, "--state")         ? &a->state
                                                            : NULL;
        if (slot && v) {
            *slot = v;
            i++;
        } else if ((!strcmp(s, "--batch") || !strcmp(s, "--retries") || !strcmp(s, "--timeout")) && v) {
            int lo = 1, hi = !strcmp(s, "--retries") ? 20 : 600;
            if (!strcmp(s, "--batch"))
                hi = 500;
            int *slot_n = !strcmp(s, "--batch") ? &a->batch : !strcmp(s, "--retries") ? &a->retries : &a->timeout;
            if (parse_count(v, lo, hi, slot_n) != 0) {
                fprintf(stderr, "tpquiz xapi: %s wants a number from %d to %d, not '%s'\n", s, lo, hi, v);
                return -1;
            }
            i++;
        } else if (s[0] == '-' || a->dir) {
            fprintf(stderr, "tpquiz xapi: unexpected argument '%s'\n%s", s, XAPI_USAGE);
            return -1;
        } else {
            a->dir = s;
        }
    }
    if (!a->dir) {
        fprintf(stderr, "tpquiz xapi: no folder given\n%s", XAPI_USAGE);
        return -1;
    }
    return 0;
}


int cmd_xapi(int argc, char **argv)
{
    if (argc < 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
        fputs(XAPI_USAGE, argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    bool push = !strcmp(argv[0], "push");
    if (!push && strcmp(argv[0], "export")) {
        fprintf(stderr, "tpquiz xapi: '%s' is neither export nor push\n%s", argv[0], XAPI_USAGE);
        return 2;
    }
    XapiArgs a = {0};
    if (parse_args(argc - 1, argv + 1, &a) != 0)
        return 2;

    Diag *d = diag_create();
    Config *cfg = load_config(a.config, d);
    diag_print(d, stderr);
    int bad = diag_error_count(d);
    diag_free(d);
    if (!cfg || bad) {
        config_free(cfg);
        return 2;
    }
    const char *homepage = a.homepage ? a.homepage : cfg->xapi_homepage;
    const char *endpoint = a.endpoint ? a.endpoint : cfg->xapi_endpoint;
    const char *user = a.user ? a.user : cfg->xapi_user;
    const char *pw_file = a.password_file ? a.password_file : cfg->xapi_password_file;
    char base[1024];
    if (a.base || cfg->xapi_activity_base[0]) {
        snprintf(base, sizeof base, "%s", a.base ? a.base : cfg->xapi_activity_base);
    } else {
        snprintf(base, sizeof base, "%s%stpquiz", homepage,
                 homepage[0] && homepage[strlen(homepage) - 1] == '/' ? "" : "/");
    }
    size_t bl = strlen(base);
    while (bl > 0 && base[bl - 1] == '/')
        base[--bl] = 0;
    int status = 2;
    const char *missing = !homepage[0]                  ? "--homepage (or [xapi] homepage)"
                          : push && !endpoint[0]        ? "--endpoint (or [xapi] endpoint)"
                          : push && !user[0]            ? "--user (or [xapi] user)"
                          : push && !pw_file[0]         ? "--password-file (or [xapi] password_file)"
                                                        : NULL;
    if (missing) {
        fprintf(stderr, "tpquiz xapi: %s is needed\n", missing);
        config_free(cfg);
        return 2;
    }
    if (!xapi_iri_ok(homepage) || !xapi_iri_ok(base) || (push && !xapi_iri_ok(endpoint))) {
        fprintf(stderr, "tpquiz xapi: '%s' is not a web address starting with http:// or https://\n",
                !xapi_iri_ok(homepage) ? homepage : !xapi_iri_ok(base) ? base : endpoint);
        config_free(cfg);
        return 2;
    }

    unsigned char key[STATION_KEY_BYTES];
    unsigned char(*issued)[STATION_KEY_BYTES] = NULL;
    int n_issued = 0;
    char *password = NULL;
    Library *lib = NULL;
    json_t *all = json_array();
    char **paths = NULL;
    int n = -1;
    Ledger *ledger = NULL;
    char (*ids)[STATION_KEY_ID_HEX + 1] = NULL;
    if (verify_key(a.key, a.data_dir, a.config, key) != 0)
        goto done;
    if (a.keys && (n_issued = read_issued_keys(a.keys, &issued)) < 0)
        goto done;
    if (push) {
        d = diag_create();
        password = lrs_read_password(pw_file, d);
        diag_print(d, stderr);
        diag_free(d);
        if (!password)
            goto done;
    }
    lib = load_courses("xapi", cfg, 0, "statements are made from what loaded");
    if (a.course && !library_find_course(lib, a.course)) {
        fprintf(stderr, "tpquiz xapi: no course '%s' in %s\n", a.course, cfg->courses_dir);
        goto done;
    }
    ids = n_issued ? calloc((size_t)n_issued, sizeof *ids) : NULL;
    for (int k = 0; ids && k < n_issued; k++)
        station_key_id(issued[k], ids[k]);
    JudgeStations stations = {(const char(*)[STATION_KEY_ID_HEX + 1])ids, n_issued};
    XapiIds xids = {homepage, base, n_issued ? &stations : NULL, a.course};

    d = diag_create();
    n = report_list_dir(a.dir, &paths, d);
    diag_print(d, stderr);
    diag_free(d);
    if (n < 0 || !all)
        goto done;
    /* A station's data folder: files its ledger shows rolled back count for
     * nothing, as in the report. */
    d = diag_create();
    bool ledger_trouble = false;
    ledger = ledger_open_station(a.dir, key, (const unsigned char(*)[STATION_KEY_BYTES])issued, n_issued, NULL, d,
                                 &ledger_trouble, NULL);
    diag_print(d, stderr);
    diag_free(d);
    XapiCounts counts = {0};
    int learners = 0, unreadable = 0;
    status = 0;
    for (int i = 0; i < n; i++) {
        d = diag_create();
        ScoreFile *f = scorefile_load(
            paths[i], station_key_for_file(paths[i], key, (const unsigned char(*)[STATION_KEY_BYTES])issued, n_issued),
            d);
        if (f && ledger && ledger_check_file(ledger, f, paths[i], d) > 0)
            scorefile_distrust(f);
        json_t *mine = json_array();
        if (!f) {
            unreadable++;
        } else if (mine && xapi_file_statements(paths[i], f, lib, &xids, mine, &counts, d) != 0) {
            diag_error(d, paths[i], 0, "out of memory");
            status = 2;
        } else {
            learners++;
        }
        for (size_t k = 0; mine && k < json_array_size(mine); k++)
            json_array_append(all, json_array_get(mine, k));
        json_decref(mine);
        diag_print(d, stderr);
        diag_free(d);
        scorefile_free(f);
    }
    fprintf(stderr,
            "tpquiz xapi: %d learner file%s, %d record%s: %d sent as %zu statement%s (%d certificate%s), "
            "%d not counted%s\n",
            learners, learners == 1 ? "" : "s", counts.records, counts.records == 1 ? "" : "s", counts.sent,
            json_array_size(all), json_array_size(all) == 1 ? "" : "s", counts.completed,
            counts.completed == 1 ? "" : "s", counts.skipped, unreadable ? " (and unreadable files: see above)" : "");
    if (counts.skipped || unreadable || ledger_trouble)
        status = 1;

    if (!push) {
        FILE *out = a.out ? fopen(a.out, "w") : stdout;
        if (!out) {
            fprintf(stderr, "%s: error: cannot write: %s\n", a.out, strerror(errno));
            status = 2;
            goto done;
        }
        for (size_t k = 0; k < json_array_size(all); k++)
            if (json_dumpf(json_array_get(all, k), out, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(12)) != 0 || fputc('\n', out) == EOF)
                break;
        if (fflush(out) != 0 || ferror(out) || (a.out && fclose(out) != 0)) {
            fprintf(stderr, "%s: error: cannot write: %s\n", a.out ? a.out : "standard output", strerror(errno));
            status = 2;
        }
    } else {
        char *state = a.state ? strdup(a.state) : lrs_state_path(a.dir, endpoint);
        LrsPush p = {.endpoint = endpoint,
                     .user = user,
                     .password = password,
                     .state_path = state,
                     .batch = a.batch,
                     .retries = a.retries,
                     .timeout_s = a.timeout};
        LrsResult r;
        d = diag_create();
        int rc = state ? lrs_push(&p, all, &r, d) : -1;
        diag_print(d, stderr);
        diag_free(d);
        fprintf(stderr,
                "tpquiz xapi: %d statement%s: %d acknowledged before, %d sent now, %d already in the LRS, "
                "%d left to send; %d request%s (%d retried)\n",
                r.total, r.total == 1 ? "" : "s", r.already, r.sent, r.conflicts,
                r.total - r.already - r.sent - r.conflicts, r.requests, r.requests == 1 ? "" : "s", r.retried);
        if (rc != 0)
            status = 1;
        free(state);
    }

done:
    if (password)
        sodium_memzero(password, strlen(password));
    free(password);
    sodium_memzero(key, sizeof key);
    if (issued)
        sodium_memzero(issued, sizeof *issued * (size_t)n_issued);
    free(issued);
    free(ids);
    for (int i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    ledger_free(ledger);
    json_decref(all);
    library_free(lib);
    config_free(cfg);
    return status;
}

static const char EXPORT_USAGE[] =
    "Usage: tpquiz export moodle COURSE [--module ID] [--config FILE] -o FILE.xml\n"
    "\n"
    "The course's question bank as Moodle XML (Site administration or the course's\n"
    "Question bank > Import > Moodle XML format): one category per module; for each\n"
    "chart a drag-and-drop markers question (a marker per trigger point, dropped in\n"
    "a circle of its full-credit radius) and one per trigger point's essential\n"
    "referral zone (a marker dropped inside the zone's polygon), with the chart and\n"
    "the muscle drawn as an embedded PNG; each choice question as multiple choice\n"
    "with its explanation as feedback. Painting, locate-all and reverse items have\n"
    "no Moodle counterpart and are left out.\n";

int cmd_export(int argc, char **argv)
{
    if (argc >= 1 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h"))) {
        fputs(EXPORT_USAGE, stdout);
        return 0;
    }
    if (argc < 1 || strcmp(argv[0], "moodle")) {
        fprintf(stderr, "tpquiz export: %s\n%s", argc < 1 ? "what to export?" : "only `moodle` is known",
                EXPORT_USAGE);
        return 2;
    }
    const char *course = NULL, *module = NULL, *config = NULL, *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "--module") && v) {
            module = argv[++i];
        } else if (!strcmp(s, "--config") && v) {
            config = argv[++i];
        } else if (!strcmp(s, "-o") && v) {
            out_path = argv[++i];
        } else if (s[0] == '-' || course) {
            fprintf(stderr, "tpquiz export: unexpected argument '%s'\n%s", s, EXPORT_USAGE);
            return 2;
        } else {
            course = s;
        }
    }
    if (!course || !out_path) {
        fprintf(stderr, "tpquiz export: %s\n%s", !course ? "no course given" : "no output file (-o FILE.xml)",
                EXPORT_USAGE);
        return 2;
    }
    Diag *d = diag_create();
    Config *cfg = load_config(config, d);
    int config_errors = diag_error_count(d);
    diag_free(d);
    Library *lib = cfg ? load_courses("export", cfg, config_errors, "the export uses what loaded") : NULL;
    const Course *c = lib ? library_find_course(lib, course) : NULL;
    int status = 2;
    if (!c) {
        fprintf(stderr, "tpquiz export: no course '%s'%s%s\n", course, cfg ? " in " : "", cfg ? cfg->courses_dir : "");
        goto done;
    }
    bool found = !module;
    for (int k = 0; !found && k < c->n_modules; k++)
        found = c->modules[k] && !strcmp(c->modules[k]->id, module);
    if (!found) {
        fprintf(stderr, "tpquiz export: course '%s' has no module '%s'\n", course, module);
        goto done;
    }
    FILE *out = fopen(out_path, "w");
    if (!out) {
        fprintf(stderr, "%s: error: cannot write: %s\n", out_path, strerror(errno));
        goto done;
    }
    MoodleCounts counts = {0};
    d = diag_create();
    int rc = moodle_write(out, lib, c, module, chart_png, NULL, &counts, d);
    if (fclose(out) != 0 && rc == 0) {
        diag_error(d, out_path, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    diag_print(d, stderr);
    diag_free(d);
    if (rc != 0) {
        remove(out_path);
        status = 1;
        goto done;
    }
    fprintf(stderr,
            "tpquiz export: %s: %d module%s, %d drag-and-drop markers question%s (%d chart%s), %d multiple choice\n",
            out_path, counts.categories, counts.categories == 1 ? "" : "s", counts.ddmarker,
            counts.ddmarker == 1 ? "" : "s", counts.images, counts.images == 1 ? "" : "s", counts.multichoice);
    status = 0;
done:
    library_free(lib);
    config_free(cfg);
    return status;
}
