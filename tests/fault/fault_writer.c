/* fault_writer: the writing half of the fault tests (tests/fault/run.sh).
 *
 * It does what the program does when it saves results, in a loop, through
 * the same core calls, and says on standard output when each write is
 * acknowledged, so the driver can kill -9 it at any moment and then check
 * that nothing acknowledged is lost and nothing half-written is left.
 *
 *   fault_writer scores DATA N [ANSWERS]   append N attempt records (0: forever) to
 *                                          DATA/learners/fault.writer.scores, creating the
 *                                          station key and the profile if missing; prints
 *                                          "appended K" after each (K counts all attempts in
 *                                          the file)
 *   fault_writer journal DATA N            append N journal events (0: forever) to
 *                                          DATA/learners/fault.writer.journal, starting or
 *                                          reopening it; prints "event K" after each
 *   fault_writer progress DATA N           record N practice sessions in
 *                                          DATA/learners/fault.writer.progress (saved after
 *                                          each, as the program does); prints "saved K"
 *   fault_writer check-scores DATA ACKED   the score file verifies with the station key,
 *                                          is intact and holds ACKED or ACKED+1 attempts,
 *                                          each exactly as written
 *   fault_writer check-journal DATA ACKED  the journal reads without a bad line and holds
 *                                          ACKED or ACKED+1 events, each exactly as written
 *   fault_writer read-journal PATH         read any journal: prints its events, exit 1 if
 *                                          it is not a journal or has a bad line (a cut-off
 *                                          last line is only a warning)
 *   fault_writer begin-journal DATA        start a journal (exit 1 with the message if refused)
 *   fault_writer create DATA ID NAME       create a learner's score file (exit 1 with the
 *                                          message if refused)
 *   fault_writer forge PATH DATA ID NAME   write a score file whose profile says learner ID
 *                                          and name NAME (raw bytes, escaped as the format
 *                                          says) with valid MACs: what a forger holding the
 *                                          key could write, to test what readers do with it
 *
 * Messages go to standard error as "path:line: error: ...". Exit status 0,
 * 1 on a failed write or check, 2 on bad usage. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "journal.h"
#include "progress.h"
#include "record.h"

#define LEARNER "fault.writer"
#define JOURNAL_QUESTIONS 1000
#define T0 INT64_C(1772438400)

static char path_buf[4096];

static const char *learner_path(const char *data, const char *ext)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/learners", data);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: error: cannot create: %s\n", dir, strerror(errno));
        exit(1);
    }
    snprintf(path_buf, sizeof path_buf, "%s/learners/" LEARNER ".%s", data, ext);
    return path_buf;
}

static int fail(Diag *d)
{
    diag_print(d, stderr);
    diag_free(d);
    return 1;
}

static void load_key(const char *data, unsigned char key[STATION_KEY_BYTES])
{
    Diag *d = diag_create();
    if (station_key_load(data, key, d) != 0)
        exit(fail(d));
    diag_free(d);
}

/* ---- score files ------------------------------------------------------- */

/* Attempt k (1-based) with n answers; the texts need escaping. Strings are
 * static or in the caller's arrays. */
static Record attempt(int k, int n, RecordAnswer *answers, char (*keys)[64])
{
    static char *chosen[] = {"Standing up after sitting\nfor long", "Tab\there, back\\slash, \xC3\xA9t\xC3\xA9"};
    for (int i = 0; i < n; i++) {
        RecordAnswer *a = &answers[i];
        memset(a, 0, sizeof *a);
        snprintf(keys[i], sizeof keys[i], "demo_muscle/question.q%d", i);
        a->key = keys[i];
        a->module = "demo_muscle";
        a->credit = (double)((k + i) % 5) / 4;
        a->time_ms = 1000 + k + i;
        a->answered = true;
        a->flagged = (k + i) % 3 == 0;
        if (i % 2 == 0) {
            a->type = "locate";
            a->has_click = true;
            a->click = (Vec2){k + 0.125, -(double)i - 0.5};
            a->view = "back";
        } else {
            a->type = "multi";
            a->n_chosen = 2;
            a->chosen = chosen;
        }
    }
    Record r = {.kind = RECORD_ATTEMPT,
                .mode = ATTEMPT_QUIZ,
                .course = "demo",
                .module = "demo_muscle",
                .started = T0 + 100 * k,
                .finished = T0 + 100 * k + 60,
                .seed = (uint64_t)k * 0x9E3779B97F4A7C15u,
                .score = 0.5,
                .pass_mark = 80,
                .passed = false,
                .n_answers = n,
                .answers = answers};
    return r;
}

static int create_learner(const char *data, const char *id, const char *name)
{
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/learners", data);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/%s.scores", dir, id);
    Diag *d = diag_create();
    if (scorefile_create(path, id, name, T0, key, d) != 0)
        return fail(d);
    diag_free(d);
    printf("created %s\n", path);
    return 0;
}

static int count_attempts(const char *path, const unsigned char *key)
{
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(path, key, d);
    int n = f ? scorefile_count(f) - 1 : -1;
    scorefile_free(f);
    diag_free(d);
    return n;
}

static int write_scores(const char *data, long n, int n_answers)
{
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    const char *p = learner_path(data, "scores");
    char path[4096];
    snprintf(path, sizeof path, "%s", p);
    struct stat st;
    if (stat(path, &st) != 0) {
        Diag *d = diag_create();
        if (scorefile_create(path, LEARNER, "Fault Writer", T0, key, d) != 0)
            return fail(d);
        diag_free(d);
    }
    int have = count_attempts(path, key);
    if (have < 0) {
        fprintf(stderr, "%s: error: cannot read it back\n", path);
        return 1;
    }
    RecordAnswer *answers = calloc((size_t)n_answers, sizeof *answers);
    char(*keys)[64] = calloc((size_t)n_answers, sizeof *keys);
    if (!answers || !keys)
        return 1;
    int status = 0;
    for (long i = 0; n == 0 || i < n; i++) {
        int k = have + 1;
        Record r = attempt(k, n_answers, answers, keys);
        Diag *d = diag_create();
        if (scorefile_append(path, &r, key, d) != 0) {
            status = fail(d);
            break;
        }
        diag_free(d);
        have = k;
        printf("appended %d\n", k);
        fflush(stdout);
    }
    free(answers);
    free(keys);
    return status;
}

static bool same_answer(const RecordAnswer *a, const RecordAnswer *b)
{
    if (strcmp(a->key, b->key) || strcmp(a->type, b->type) || strcmp(a->module, b->module) ||
        fabs(a->credit - b->credit) > 1e-9 || a->time_ms != b->time_ms || a->answered != b->answered ||
        a->flagged != b->flagged || a->has_click != b->has_click || a->n_chosen != b->n_chosen)
        return false;
    if (a->has_click && (fabs(a->click.x - b->click.x) > 1e-9 || fabs(a->click.y - b->click.y) > 1e-9 ||
                         strcmp(a->view, b->view)))
        return false;
    for (int i = 0; i < a->n_chosen; i++)
        if (strcmp(a->chosen[i], b->chosen[i]))
            return false;
    return true;
}

static int check_scores(const char *data, long acked)
{
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    const char *path = learner_path(data, "scores");
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(path, key, d);
    if (!f)
        return fail(d);
    int status = 0;
    int n = scorefile_count(f) - 1;
    if (!scorefile_intact(f)) {
        fprintf(stderr, "%s: error: not intact\n", path);
        diag_print(d, stderr);
        status = 1;
    }
    if (n < acked || n > acked + 1) {
        fprintf(stderr, "%s: error: %d attempts, but %ld were acknowledged\n", path, n, acked);
        status = 1;
    }
    for (int i = 1; i <= n && status == 0; i++) {
        const Record *r = scorefile_record(f, i);
        int na = r->n_answers;
        RecordAnswer *answers = calloc((size_t)(na ? na : 1), sizeof *answers);
        char(*keys)[64] = calloc((size_t)(na ? na : 1), sizeof *keys);
        Record w = attempt(i, na, answers, keys);
        if (r->seq != i + 1 || strcmp(r->course, w.course) || strcmp(r->module, w.module) ||
            r->started != w.started || r->seed != w.seed)
            status = 1;
        for (int k = 0; k < na && status == 0; k++)
            if (!same_answer(&r->answers[k], &w.answers[k]))
                status = 1;
        if (status)
            fprintf(stderr, "%s: error: attempt %d is not what was written\n", path, i);
        free(answers);
        free(keys);
    }
    scorefile_free(f);
    diag_free(d);
    if (status == 0)
        printf("scores ok: %d attempts (%ld acknowledged)\n", n, acked);
    return status;
}

/* Writes a score file with one profile record naming learner id and name,
 * MAC'ed with the station key, bypassing every check the writer makes. */
/* Escapes raw bytes as the score-file format does (FORMATS.md "Values"),
 * except that every byte outside printable ASCII becomes \xHH. */
static void escape(const char *raw, char *out, size_t size)
{
    size_t e = 0;
    for (const unsigned char *s = (const unsigned char *)raw; *s && e + 5 < size; s++) {
        if (*s == '\\') {
            out[e++] = '\\';
            out[e++] = '\\';
        } else if (*s < 0x20 || *s >= 0x7F) {
            e += (size_t)snprintf(out + e, size - e, "\\x%02x", *s);
        } else {
            out[e++] = (char)*s;
        }
    }
    out[e] = 0;
}

/* Writes a score file with one profile record naming learner id and name,
 * MAC'ed with the station key, bypassing every check the writer makes. */
static int forge(const char *path, const char *data, const char *id, const char *name)
{
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    char text[16384], esc_id[4096], esc_name[4096];
    escape(id, esc_id, sizeof esc_id);
    escape(name, esc_name, sizeof esc_name);
    int n = snprintf(text, sizeof text,
                     "record 1\nkind profile\nlearner %s\nname %s\ncreated %" PRId64 "\nprev %064d\n", esc_id,
                     esc_name, T0, 0);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    char hex[2 * crypto_auth_hmacsha256_BYTES + 1];
    if (sodium_init() < 0 || n < 0 || (size_t)n >= sizeof text)
        return 1;
    crypto_auth_hmacsha256(mac, (const unsigned char *)text, (size_t)n, key);
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    FILE *fp = fopen(path, "wb");
    if (!fp) {
        fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(errno));
        return 1;
    }
    fprintf(fp, "tpquiz-scores 1\n%smac %s\n", text, hex);
    return fclose(fp) == 0 ? 0 : 1;
}

/* ---- practice progress ------------------------------------------------ */

static int write_progress(const char *data, long n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", learner_path(data, "progress"));
    Diag *d = diag_create();
    Progress *p = progress_load(path, d);
    if (diag_error_count(d) > 0)
        return fail(d);
    for (long i = 0; i < n; i++) {
        char module[32];
        snprintf(module, sizeof module, "module_%ld", i % 7);
        progress_record(p, module, (double)(i % 5) / 4, T0 + i);
        if (progress_save(p, path, d) != 0) {
            progress_free(p);
            return fail(d);
        }
        printf("saved %ld\n", i + 1);
        fflush(stdout);
    }
    progress_free(p);
    diag_free(d);
    return 0;
}

/* ---- journals ---------------------------------------------------------- */

static JournalEvent event(long k)
{
    JournalEvent e = {.item = (int)(k % JOURNAL_QUESTIONS), .at_ms = T0 * 1000 + k};
    switch (k % 4) {
    case 0:
        e.op = JOURNAL_CLICK;
        e.click = (Vec2){(double)k + 0.25, -(double)(k % 977) / 8};
        break;
    case 1:
        e.op = JOURNAL_OPTIONS;
        e.options = (unsigned)((uint64_t)k * 2654435761u);
        break;
    case 2:
        e.op = JOURNAL_FLAG;
        e.flag = k % 3 == 0;
        break;
    default:
        e.op = JOURNAL_CLEAR;
    }
    return e;
}

static bool same_event(const JournalEvent *a, const JournalEvent *b)
{
    return a->op == b->op && a->item == b->item && a->at_ms == b->at_ms &&
           (a->op != JOURNAL_CLICK || (a->click.x == b->click.x && a->click.y == b->click.y)) &&
           (a->op != JOURNAL_OPTIONS || a->options == b->options) && (a->op != JOURNAL_FLAG || a->flag == b->flag);
}

static const JournalHeader HEADER = {"demo", 7, T0 * 1000, T0 * 1000 + 600000, JOURNAL_QUESTIONS, 2};

static int begin_journal(const char *data)
{
    const char *path = learner_path(data, "journal");
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    Diag *d = diag_create();
    Journal *j = journal_begin(path, &HEADER, key, d);
    if (!j)
        return fail(d);
    journal_close(j);
    diag_free(d);
    printf("journal started\n");
    return 0;
}

static int write_journal(const char *data, long n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", learner_path(data, "journal"));
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    Diag *d = diag_create();
    Journal *j;
    long have = 0;
    struct stat st;
    if (stat(path, &st) == 0) {
        JournalHeader h;
        JournalEvent *ev = NULL;
        int count = 0;
        if (!journal_read(path, key, &h, &ev, &count, NULL, d))
            return fail(d);
        free(h.course);
        free(ev);
        have = count;
        j = journal_reopen(path, key, d);
    } else {
        j = journal_begin(path, &HEADER, key, d);
    }
    if (!j)
        return fail(d);
    int status = 0;
    for (long i = 0; n == 0 || i < n; i++) {
        JournalEvent e = event(have);
        if (journal_append(j, &e, d) != 0) {
            status = 1;
            break;
        }
        have++;
        printf("event %ld\n", have);
        fflush(stdout);
    }
    journal_close(j);
    if (status)
        return fail(d);
    diag_free(d);
    return 0;
}

static int check_journal(const char *data, long acked)
{
    const char *path = learner_path(data, "journal");
    unsigned char key[STATION_KEY_BYTES];
    load_key(data, key);
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev = NULL;
    int n = 0;
    JournalSeal seal;
    if (!journal_read(path, key, &h, &ev, &n, &seal, d))
        return fail(d);
    int status = 0;
    /* Clean: every line sealed and chained, nothing wrong but (at most) a
     * last line cut short by a kill in the middle of its write, which the
     * next reopen cuts off (under the sanitizers a writer may be killed
     * again before it gets there). */
    bool torn_only = diag_count(d) == 1 && diag_item(d, 0)->level == DIAG_WARNING &&
                     strstr(diag_item(d, 0)->message, "the last line is cut short");
    if ((diag_count(d) > 0 && !torn_only) || !seal.intact) {
        fprintf(stderr, "%s: error: the journal does not read cleanly%s%s:\n", path, seal.intact ? "" : ": ",
                seal.intact ? "" : seal.why);
        diag_print(d, stderr);
        status = 1;
    }
    if (strcmp(h.course, HEADER.course) || h.seed != HEADER.seed || h.started_ms != HEADER.started_ms ||
        h.deadline_ms != HEADER.deadline_ms || h.n_questions != HEADER.n_questions) {
        fprintf(stderr, "%s: error: the header changed\n", path);
        status = 1;
    }
    if (n < acked || n > acked + 1) {
        fprintf(stderr, "%s: error: %d events, but %ld were acknowledged\n", path, n, acked);
        status = 1;
    }
    for (int k = 0; k < n && status == 0; k++) {
        JournalEvent w = event(k);
        if (!same_event(&ev[k], &w)) {
            fprintf(stderr, "%s: error: event %d is not what was written\n", path, k + 1);
            status = 1;
        }
    }
    free(h.course);
    free(ev);
    diag_free(d);
    if (status == 0)
        printf("journal ok: %d events (%ld acknowledged)\n", n, acked);
    return status;
}

static int read_journal(const char *path)
{
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev = NULL;
    int n = 0;
    if (!journal_read(path, NULL, &h, &ev, &n, NULL, d))
        return fail(d);
    diag_print(d, stderr);
    int errors = diag_error_count(d);
    printf("journal %s: course %s, %d questions, %d events\n", path, h.course, h.n_questions, n);
    free(h.course);
    free(ev);
    diag_free(d);
    return errors ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "";
    if (!strcmp(cmd, "scores") && (argc == 4 || argc == 5))
        return write_scores(argv[2], strtol(argv[3], NULL, 10), argc == 5 ? atoi(argv[4]) : 4);
    if (!strcmp(cmd, "journal") && argc == 4)
        return write_journal(argv[2], strtol(argv[3], NULL, 10));
    if (!strcmp(cmd, "progress") && argc == 4)
        return write_progress(argv[2], strtol(argv[3], NULL, 10));
    if (!strcmp(cmd, "check-scores") && argc == 4)
        return check_scores(argv[2], strtol(argv[3], NULL, 10));
    if (!strcmp(cmd, "check-journal") && argc == 4)
        return check_journal(argv[2], strtol(argv[3], NULL, 10));
    if (!strcmp(cmd, "read-journal") && argc == 3)
        return read_journal(argv[2]);
    if (!strcmp(cmd, "begin-journal") && argc == 3)
        return begin_journal(argv[2]);
    if (!strcmp(cmd, "create") && argc == 5)
        return create_learner(argv[2], argv[3], argv[4]);
    if (!strcmp(cmd, "forge") && argc == 6)
        return forge(argv[2], argv[3], argv[4], argv[5]);
    fprintf(stderr, "usage: see the comment at the top of tests/fault/fault_writer.c\n");
    return 2;
}
