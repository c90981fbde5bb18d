/* Unit tests for src/core/record.c: station keys, score files, their
 * integrity checks and certificate codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "record.h"
#include "score_samples.h"
#include "support.h"

/* The sample station key (score_samples.h). */
static unsigned char KEY[STATION_KEY_BYTES];

/* Each test gets a fresh temporary folder (state, a Tmp), removed afterwards. */
static int setup(void **state)
{
    sample_key(KEY);
    return tmp_state_setup(state, "tpquiz-test-record", "anna.berg.scores");
}

/* The message of the only error in d, which must be at path:line. */
static const char *only_error(const Diag *d, const char *path, int line)
{
    assert_int_equal(diag_count(d), 1);
    const DiagItem *it = diag_item(d, 0);
    assert_int_equal(it->level, DIAG_ERROR);
    assert_string_equal(it->path, path);
    assert_int_equal(it->line, line);
    return it->message;
}

/* Loads path with the sample key, expecting the statuses given (one letter
 * per record: g good, e edited, m missing, r reordered, t truncated). */
static ScoreFile *expect_statuses(const char *path, const unsigned char *key, const char *want, Diag *d)
{
    ScoreFile *f = scorefile_load(path, key, d);
    assert_non_null(f);
    char got[64] = "";
    for (int i = 0; i < scorefile_count(f) && i < 63; i++)
        got[i] = record_status_name(scorefile_status(f, i))[0];
    assert_string_equal(got, want);
    assert_int_equal(scorefile_intact(f), strspn(want, "g") == strlen(want) && *want);
    return f;
}

/* ---- station key ---- */

static void test_station_key_created_once_with_mode_0600(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    unsigned char k1[STATION_KEY_BYTES], k2[STATION_KEY_BYTES], zero[STATION_KEY_BYTES] = {0};
    assert_int_equal(station_key_load(t->dir, k1, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_memory_not_equal(k1, zero, sizeof k1);
    char path[256];
    snprintf(path, sizeof path, "%s/station.key", t->dir);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(st.st_size, 65);
    size_t len = 0;
    char *text = sample_read(path, &len);
    assert_int_equal(strspn(text, "0123456789abcdef"), 64);
    assert_int_equal(text[64], '\n');
    free(text);
    /* Loading again reads the same key; nothing else is left in the folder. */
    assert_int_equal(station_key_load(t->dir, k2, d), 0);
    assert_memory_equal(k1, k2, sizeof k1);
    assert_int_equal(station_key_read(path, k2, d), 0);
    assert_memory_equal(k1, k2, sizeof k1);
    assert_int_equal(dir_entries(t->dir), 1);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
}

static void test_station_key_race_has_one_winner(void **state)
{
    Tmp *t = *state;
    /* Eight processes create the key at once; all must end up with the
     * same key. Each child writes the key it got to a file. */
    for (int i = 0; i < 8; i++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            unsigned char k[STATION_KEY_BYTES];
            Diag *d = diag_create();
            int rc = station_key_load(t->dir, k, d);
            char out[256];
            snprintf(out, sizeof out, "%s/child%d", t->dir, i);
            FILE *f = fopen(out, "wb");
            if (f) {
                fwrite(k, 1, sizeof k, f);
                fclose(f);
            }
            diag_free(d);
            _exit(rc == 0 ? 0 : 1);
        }
    }
    for (int i = 0; i < 8; i++) {
        int status;
        assert_true(wait(&status) > 0);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    unsigned char key[STATION_KEY_BYTES];
    Diag *d = diag_create();
    assert_int_equal(station_key_load(t->dir, key, d), 0);
    for (int i = 0; i < 8; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/child%d", t->dir, i);
        size_t len = 0;
        char *k = sample_read(p, &len);
        assert_int_equal(len, sizeof key);
        assert_memory_equal(k, key, sizeof key);
        free(k);
    }
    assert_int_equal(dir_entries(t->dir), 9); /* the key and the children's files: no temp files */
    diag_free(d);
}

static void test_station_key_bad_files(void **state)
{
    Tmp *t = *state;
    char path[256];
    snprintf(path, sizeof path, "%s/station.key", t->dir);
    unsigned char key[STATION_KEY_BYTES];
    const char *good = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n";

    /* Readable by others: refused, with the fix in the message. */
    write_text(path, good);
    chmod(path, 0644);
    Diag *d = diag_create();
    assert_int_equal(station_key_read(path, key, d), -1);
    const char *msg = only_error(d, path, 0);
    assert_non_null(strstr(msg, "mode 0644"));
    assert_non_null(strstr(msg, "chmod 600"));
    diag_free(d);
    /* station_key_load refuses it too, and does not replace it. */
    d = diag_create();
    assert_int_equal(station_key_load(t->dir, key, d), -1);
    assert_non_null(strstr(only_error(d, path, 0), "mode 0644"));
    diag_free(d);

    /* Mode 0600: accepted; the bytes are the hex digits. */
    chmod(path, 0600);
    d = diag_create();
    assert_int_equal(station_key_read(path, key, d), 0);
    for (int i = 0; i < STATION_KEY_BYTES; i++)
        assert_int_equal(key[i], i);
    /* Without the newline: still a key. */
    write_text(path, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    assert_int_equal(station_key_read(path, key, d), 0);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);

    static const char *const BAD[] = {
        "",
        "0001\n",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n\n",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1g\n",
        "000102030405060708090A0B0C0D0E0F101112131415161718191a1b1c1d1e1f\n",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\r",
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        write_text(path, BAD[i]);
        chmod(path, 0600);
        d = diag_create();
        assert_int_equal(station_key_read(path, key, d), -1);
        assert_non_null(strstr(only_error(d, path, 0), "not a station key"));
        diag_free(d);
    }

    /* A folder, and a file that is not there. */
    d = diag_create();
    assert_int_equal(station_key_read(t->dir, key, d), -1);
    char missing[256];
    snprintf(missing, sizeof missing, "%s/nope.key", t->dir);
    assert_int_equal(station_key_read(missing, key, d), -1);
    assert_int_equal(diag_error_count(d), 2);
    diag_free(d);
    /* A data folder that does not exist: no key, a reason. */
    d = diag_create();
    assert_int_equal(station_key_load("/nonexistent/tpquiz", key, d), -1);
    assert_int_equal(diag_error_count(d), 1);
    diag_free(d);
}

/* ---- writing and reading back ---- */

static void test_round_trip(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    struct stat st;
    assert_int_equal(stat(t->file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(dir_entries(t->dir), 1); /* no temporary files left */

    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(t->file, KEY, "ggggg", d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(scorefile_problems(f), 0);
    assert_string_equal(scorefile_learner(f), "anna.berg");
    assert_string_equal(scorefile_name(f), "Anna Berg-Åström");

    const Record *p = scorefile_record(f, 0);
    assert_int_equal(p->kind, RECORD_PROFILE);
    assert_int_equal(p->seq, 1);
    assert_int_equal(p->line, 2);
    assert_int_equal(p->started, SAMPLE_T0);
    for (int i = 0; i < 4; i++) {
        const Record *r = scorefile_record(f, i + 1);
        Record w = sample_attempt(i);
        assert_int_equal(r->kind, RECORD_ATTEMPT);
        assert_int_equal(r->seq, i + 2);
        assert_string_equal(r->learner, "anna.berg");
        assert_string_equal(r->name, "Anna Berg-Åström");
        assert_int_equal(r->mode, w.mode);
        assert_string_equal(r->course, w.course);
        if (w.module)
            assert_string_equal(r->module, w.module);
        else
            assert_null(r->module);
        assert_int_equal(r->started, w.started);
        assert_int_equal(r->finished, w.finished);
        assert_true(r->seed == w.seed);
        assert_near(r->score, w.score, 0.00005);
        assert_int_equal(r->pass_mark, w.pass_mark);
        assert_int_equal(r->passed, w.passed);
        assert_int_equal(r->auto_submitted, w.auto_submitted);
        assert_int_equal(r->n_answers, 2);
        for (int k = 0; k < 2; k++) {
            const RecordAnswer *a = &r->answers[k], *b = &w.answers[k];
            assert_string_equal(a->key, b->key);
            assert_string_equal(a->type, b->type);
            assert_string_equal(a->module, b->module);
            assert_near(a->credit, b->credit, 0.00005);
            assert_int_equal(a->time_ms, b->time_ms);
            assert_int_equal(a->answered, b->answered);
            assert_int_equal(a->flagged, b->flagged);
            assert_int_equal(a->has_click, b->has_click);
            if (b->has_click) {
                assert_near(a->click.x, b->click.x, 0.0005);
                assert_near(a->click.y, b->click.y, 0.0005);
            }
            if (b->view)
                assert_string_equal(a->view, b->view);
            else
                assert_null(a->view);
            assert_int_equal(a->n_chosen, b->n_chosen);
            for (int c = 0; c < b->n_chosen; c++)
                assert_string_equal(a->chosen[c], b->chosen[c]); /* newline, tab, backslash, BEL */
        }
    }
    /* Without a key: the same records, all good. */
    ScoreFile *g = expect_statuses(t->file, NULL, "ggggg", d);
    assert_int_equal(diag_count(d), 0);
    scorefile_free(g);
    scorefile_free(f);
    diag_free(d);
}

static void test_file_text(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 1), 0);
    size_t len = 0;
    char *text = sample_read(t->file, &len);
    /* The start of the format, as documented in docs/FORMATS.md. */
    char key_id[STATION_KEY_ID_HEX + 1], expect_start[512];
    station_key_id(KEY, key_id);
    snprintf(expect_start, sizeof expect_start,
             "tpquiz-scores 2\n"
             "record 1\n"
             "kind profile\n"
             "learner anna.berg\n"
             "name Anna Berg-Åström\n"
             "key_id %s\n"
             "created 1772438400\n"
             "prev 0000000000000000000000000000000000000000000000000000000000000000\n"
             "mac ",
             key_id);
    assert_memory_equal(text, expect_start, strlen(expect_start));
    const char *expect_tail = "answer 2\n"
                              "key iliopsoas/question.worse_standing\n"
                              "type multi\n"
                              "module iliopsoas\n"
                              "answered yes\n"
                              "credit 0.5000\n"
                              "time_ms 8000\n"
                              "flagged yes\n"
                              "chosen Standing up after sitting\\nfor long\n"
                              "chosen Tab\\there, back\\\\slash, bell\\x07\n"
                              "prev ";
    assert_non_null(strstr(text, expect_tail));
    assert_non_null(strstr(text, "\nview front\nclick 212.500 431.250\n"));
    assert_non_null(strstr(text, "\nscore 0.6000\npass_mark 80\npassed no\nauto_submitted no\nanswers 2\n"));
    /* The second record's prev is the first record's mac. */
    char mac1[65];
    const char *m = strstr(text, "\nmac ");
    memcpy(mac1, m + 5, 64);
    mac1[64] = '\0';
    char want[80];
    snprintf(want, sizeof want, "\nprev %s\nmac ", mac1);
    assert_non_null(strstr(m + 1, want));
    /* Each mac is HMAC-SHA256 of the record's text up to its mac line. */
    const char *r2 = strstr(text, "record 2\n");
    const char *m2 = strstr(r2, "\nmac ") + 1;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, (const unsigned char *)r2, (size_t)(m2 - r2), KEY);
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", mac[i]);
    assert_memory_equal(m2 + 4, hex, 64);
    assert_int_equal(m2[68], '\n');
    assert_int_equal(text[len - 1], '\n');
    free(text);
}

static void test_create_refuses(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(t->file, "anna.berg", "Anna", 1, KEY, d), 0);
    /* It exists: not overwritten. */
    assert_int_equal(scorefile_create(t->file, "anna.berg", "Other", 2, KEY, d), -1);
    assert_non_null(strstr(only_error(d, t->file, 0), "already exists"));
    diag_free(d);
    char p[256];
    snprintf(p, sizeof p, "%s/x.scores", t->dir);
    static const char *const IDS[] = {"../anna", "a/b", "Anna", ".anna", "", "a..b"};
    for (size_t i = 0; i < sizeof IDS / sizeof *IDS; i++) {
        d = diag_create();
        assert_int_equal(scorefile_create(p, IDS[i], "Anna", 1, KEY, d), -1);
        assert_int_equal(diag_error_count(d), 1);
        diag_free(d);
    }
    static const char *const NAMES[] = {"", "   ", "Anna\nBerg", "Anna\tBerg", "Bad \xC3(", "\xED\xA0\x80"};
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++) {
        d = diag_create();
        assert_int_equal(scorefile_create(p, "anna", NAMES[i], 1, KEY, d), -1);
        assert_int_equal(diag_error_count(d), 1);
        diag_free(d);
    }
    assert_int_equal(dir_entries(t->dir), 1);
}

static void test_append_refuses_bad_attempts(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 1), 0);
    size_t len0 = 0;
    char *before = sample_read(t->file, &len0);
    Record r = sample_attempt(0);
    Diag *d = diag_create();
    r.module = NULL; /* a quiz without its module */
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    r = sample_attempt(2);
    r.module = "iliopsoas"; /* an exam with one */
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    r = sample_attempt(2);
    r.course = "bad course";
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    r = sample_attempt(2);
    r.score = NAN;
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    r = sample_attempt(2);
    r.kind = RECORD_PROFILE;
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    r = sample_attempt(2);
    r.answers[0].key = NULL;
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    assert_int_equal(diag_error_count(d), 6);
    /* A file that is not there. */
    char p[256];
    snprintf(p, sizeof p, "%s/nobody.scores", t->dir);
    r = sample_attempt(2);
    assert_int_equal(scorefile_append(p, &r, KEY, d), -1);
    assert_int_equal(diag_error_count(d), 7);
    diag_free(d);
    size_t len1 = 0;
    char *after = sample_read(t->file, &len1);
    assert_int_equal(len0, len1);
    assert_memory_equal(before, after, len0);
    free(before);
    free(after);
    assert_int_equal(dir_entries(t->dir), 1);
}

/* ---- tampering ---- */

static void test_edited_record(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    assert_int_equal(sample_tamper(t->file, TAMPER_EDIT, 2), 0); /* record 3: a credit raised */
    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(t->file, KEY, "ggegg", d);
    int line = scorefile_record(f, 2)->line;
    assert_string_equal(only_error(d, t->file, line),
                        "record 3 (quiz, essentials/quadratus_lumborum, 2026-03-04): edited: "
                        "its text does not match its MAC");
    scorefile_free(f);
    diag_free(d);
}

static void test_missing_record(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    assert_int_equal(sample_tamper(t->file, TAMPER_DELETE, 2), 0); /* record 3 gone */
    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(t->file, KEY, "ggmg", d);
    assert_int_equal(scorefile_record(f, 2)->seq, 4);
    assert_string_equal(only_error(d, t->file, scorefile_record(f, 2)->line),
                        "record 4 (exam, essentials, 2026-03-05): missing: record 3 before it is gone");
    scorefile_free(f);
    diag_free(d);

    /* Two in a row, and the profile. */
    assert_int_equal(sample_tamper(t->file, TAMPER_DELETE, 2), 0); /* record 4 gone too */
    d = diag_create();
    f = expect_statuses(t->file, KEY, "ggm", d);
    assert_non_null(strstr(only_error(d, t->file, scorefile_record(f, 2)->line),
                           "missing: records 3 to 4 before it are gone"));
    scorefile_free(f);
    diag_free(d);
    assert_int_equal(sample_tamper(t->file, TAMPER_DELETE, 0), 0);
    d = diag_create();
    f = expect_statuses(t->file, KEY, "mm", d);
    assert_null(scorefile_learner(f)); /* no profile */
    assert_non_null(strstr(diag_item(d, 0)->message,
                           "record 2 (quiz, essentials/iliopsoas, 2026-03-03): missing: "
                           "record 1 before it is gone"));
    scorefile_free(f);
    diag_free(d);
}

static void test_reordered_records(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    assert_int_equal(sample_tamper(t->file, TAMPER_SWAP, 2), 0); /* 1 2 4 3 5 */
    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(t->file, KEY, "gggrg", d);
    assert_int_equal(scorefile_record(f, 3)->seq, 3);
    const char *msg = only_error(d, t->file, scorefile_record(f, 3)->line);
    char want[200];
    snprintf(want, sizeof want,
             "record 3 (quiz, essentials/quadratus_lumborum, 2026-03-04): reordered: it comes after record 4 "
             "(line %d)",
             scorefile_record(f, 2)->line);
    assert_string_equal(msg, want);
    scorefile_free(f);
    diag_free(d);
}

static void test_reordered_moves_and_copies(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    size_t len = 0, off[16] = {0};
    int n;
    char *orig = sample_read(t->file, &len);
    sample_split(orig, len, off, &n, 15);
    assert_int_equal(n, 5);
    char *buf = malloc(2 * len);
    Diag *d = diag_create();

    /* The last record moved to the front: only it is out of place. */
    size_t o = off[0];
    memcpy(buf, orig, o);
    memcpy(buf + o, orig + off[4], len - off[4]), o += len - off[4];
    memcpy(buf + o, orig + off[0], off[4] - off[0]), o += off[4] - off[0];
    assert_int_equal(sample_write(t->file, buf, o), 0);
    ScoreFile *f = expect_statuses(t->file, KEY, "rgggg", d);
    assert_non_null(strstr(only_error(d, t->file, 2), "reordered: it comes before record 1 (line "));
    scorefile_free(f);
    diag_free(d);

    /* The second record moved to the end. */
    d = diag_create();
    o = off[1];
    memcpy(buf, orig, o);
    memcpy(buf + o, orig + off[2], len - off[2]), o += len - off[2];
    memcpy(buf + o, orig + off[1], off[2] - off[1]), o += off[2] - off[1];
    assert_int_equal(sample_write(t->file, buf, o), 0);
    f = expect_statuses(t->file, KEY, "ggggr", d);
    scorefile_free(f);
    diag_free(d);

    /* A record copied (an exam passed twice?). */
    d = diag_create();
    o = off[4];
    memcpy(buf, orig, o);
    memcpy(buf + o, orig + off[3], len - off[3]), o += len - off[3];
    assert_int_equal(sample_write(t->file, buf, o), 0);
    f = expect_statuses(t->file, KEY, "ggggrg", d);
    assert_non_null(strstr(diag_item(d, 0)->message, "reordered: a second copy of record 4"));
    scorefile_free(f);
    diag_free(d);
    free(buf);
    free(orig);
}

static void test_truncated_record(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    assert_int_equal(sample_tamper(t->file, TAMPER_TRUNCATE, 4), 0);
    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(t->file, KEY, "ggggt", d);
    assert_string_equal(only_error(d, t->file, scorefile_record(f, 4)->line),
                        "record 5 (exam, essentials, 2026-03-06): truncated: the file ends inside it");
    scorefile_free(f);
    diag_free(d);

    /* Cut anywhere in the mac line, up to just before its newline. */
    size_t len = 0;
    char *text;
    char p[256];
    snprintf(p, sizeof p, "%s/b.scores", t->dir);
    assert_int_equal(sample_file(p, KEY, 2), 0);
    text = sample_read(p, &len);
    for (size_t cut = len - 40; cut <= len; cut++) {
        assert_int_equal(sample_write(p, text, cut), 0);
        d = diag_create();
        f = expect_statuses(p, KEY, cut == len ? "ggg" : "ggt", d);
        scorefile_free(f);
        diag_free(d);
    }
    /* Cut at a line boundary inside the record: truncated as well. */
    const char *last = strstr(text, "record 3\n");
    const char *cut = strstr(last, "\npassed ") + 1;
    assert_int_equal(sample_write(p, text, (size_t)(cut - text)), 0);
    d = diag_create();
    f = expect_statuses(p, KEY, "ggt", d);
    scorefile_free(f);
    diag_free(d);
    /* The file ends after a record's "record N" line. */
    assert_int_equal(sample_write(p, text, (size_t)(last - text) + 9), 0);
    d = diag_create();
    f = expect_statuses(p, KEY, "ggt", d);
    scorefile_free(f);
    diag_free(d);
    free(text);
}

static void test_wrong_key_and_no_key(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 3), 0);
    unsigned char other[STATION_KEY_BYTES];
    memcpy(other, KEY, sizeof other);
    other[5] ^= 1;
    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(t->file, other, "eeee", d);
    assert_int_equal(diag_error_count(d), 4);
    scorefile_free(f);
    diag_free(d);
    /* Without a key an edit goes unnoticed (only the MAC can tell), but a
     * truncation does not. */
    assert_int_equal(sample_tamper(t->file, TAMPER_EDIT, 1), 0);
    assert_int_equal(sample_tamper(t->file, TAMPER_SWAP, 2), 0);
    d = diag_create();
    f = expect_statuses(t->file, NULL, "gggg", d);
    scorefile_free(f);
    assert_int_equal(sample_tamper(t->file, TAMPER_TRUNCATE, 3), 0);
    f = expect_statuses(t->file, NULL, "gggt", d);
    scorefile_free(f);
    diag_free(d);
}

static void test_spliced_from_another_learner(void **state)
{
    Tmp *t = *state;
    char other[256];
    snprintf(other, sizeof other, "%s/bo.scores", t->dir);
    assert_int_equal(sample_file(t->file, KEY, 3), 0);
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(other, "bo", "Bo", SAMPLE_T0, KEY, d), 0);
    Record r = sample_attempt(2);
    r.score = 1;
    r.passed = true;
    assert_int_equal(scorefile_append(other, &r, KEY, d), 0);
    /* Bo's passed exam (his record 2) replaces Anna's record 2. */
    size_t la = 0, lb = 0, oa[16] = {0}, ob[16] = {0};
    int na, nb;
    char *a = sample_read(t->file, &la), *b = sample_read(other, &lb);
    sample_split(a, la, oa, &na, 15);
    sample_split(b, lb, ob, &nb, 15);
    char *buf = malloc(la + lb);
    size_t o = oa[1];
    memcpy(buf, a, o);
    memcpy(buf + o, b + ob[1], ob[2] - ob[1]), o += ob[2] - ob[1];
    memcpy(buf + o, a + oa[2], la - oa[2]), o += la - oa[2];
    assert_int_equal(sample_write(t->file, buf, o), 0);
    ScoreFile *f = expect_statuses(t->file, KEY, "gegg", d);
    assert_non_null(strstr(diag_item(d, 0)->message, "edited: it belongs to learner 'bo', not 'anna.berg'"));
    scorefile_free(f);
    diag_free(d);

    /* Anna's own record 2 from an older version of a file where it said
     * something else (here: a second file of hers, made again). */
    char again[256];
    snprintf(again, sizeof again, "%s/again.scores", t->dir);
    d = diag_create();
    assert_int_equal(scorefile_create(again, "anna.berg", "Anna Berg-Åström", SAMPLE_T0 + 1, KEY, d), 0);
    r = sample_attempt(0);
    assert_int_equal(scorefile_append(again, &r, KEY, d), 0);
    size_t lc = 0, oc[16] = {0};
    int nc;
    char *c = sample_read(again, &lc);
    sample_split(c, lc, oc, &nc, 15);
    o = oa[1];
    memcpy(buf, a, o);
    memcpy(buf + o, c + oc[1], oc[2] - oc[1]), o += oc[2] - oc[1];
    memcpy(buf + o, a + oa[2], la - oa[2]), o += la - oa[2];
    assert_int_equal(sample_write(t->file, buf, o), 0);
    f = expect_statuses(t->file, KEY, "gegg", d);
    assert_non_null(strstr(diag_item(d, 0)->message, "edited: it does not continue the chain"));
    scorefile_free(f);
    diag_free(d);
    free(a);
    free(b);
    free(c);
    free(buf);
}

static void test_append_after_tampering(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 3), 0);
    assert_int_equal(sample_tamper(t->file, TAMPER_EDIT, 1), 0);
    Diag *d = diag_create();
    Record r = sample_attempt(3);
    /* The edit stays visible; the new record is good. */
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), 0);
    assert_int_equal(diag_count(d), 0);
    ScoreFile *f = expect_statuses(t->file, KEY, "geggg", d);
    assert_int_equal(scorefile_record(f, 4)->seq, 5);
    scorefile_free(f);
    diag_free(d);
    /* A truncated file cannot be appended to. */
    assert_int_equal(sample_tamper(t->file, TAMPER_TRUNCATE, 4), 0);
    size_t l0, l1;
    char *before = sample_read(t->file, &l0);
    d = diag_create();
    assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
    assert_non_null(strstr(only_error(d, t->file, 0), "does not end with a complete record"));
    diag_free(d);
    char *after = sample_read(t->file, &l1);
    assert_int_equal(l0, l1);
    assert_memory_equal(before, after, l0);
    free(before);
    free(after);
}

/* ---- malformed files ---- */

static void test_not_score_files(void **state)
{
    Tmp *t = *state;
    static const char *const TEXTS[] = {
        "",        "hello\n", "tpquiz-scores 3\nrecord 1\n", "tpquiz-progress 1\n", "tpquiz-scores 1\r\n",
        "\xff\xfe"};
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        write_text(t->file, TEXTS[i]);
        Diag *d = diag_create();
        assert_null(scorefile_load(t->file, KEY, d));
        assert_int_equal(diag_error_count(d), 1);
        diag_free(d);
    }
    Diag *d = diag_create();
    assert_null(scorefile_load("/nonexistent/x.scores", KEY, d));
    assert_null(scorefile_load(t->dir, KEY, d));
    assert_int_equal(diag_error_count(d), 2);
    diag_free(d);

    /* A header and nothing else: a score file with no records, not intact. */
    write_text(t->file, "tpquiz-scores 1\n");
    d = diag_create();
    ScoreFile *f = scorefile_load(t->file, KEY, d);
    assert_non_null(f);
    assert_int_equal(scorefile_count(f), 0);
    assert_false(scorefile_intact(f));
    assert_null(scorefile_learner(f));
    assert_null(scorefile_record(f, 0));
    assert_non_null(strstr(only_error(d, t->file, 0), "no records"));
    scorefile_free(f);
    diag_free(d);
}

static void test_garbage_inside_and_between_records(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 2), 0);
    size_t len = 0, off[8] = {0};
    int n;
    char *text = sample_read(t->file, &len);
    sample_split(text, len, off, &n, 7);
    char *buf = malloc(len + 200);
    Diag *d = diag_create();

    /* Lines between records and at the end: problems of the file, the
     * records are still good. */
    size_t o = off[1];
    memcpy(buf, text, o);
    memcpy(buf + o, "junk\n\nmore\n", 11), o += 11;
    memcpy(buf + o, text + off[1], len - off[1]), o += len - off[1];
    memcpy(buf + o, "tail", 4), o += 4;
    assert_int_equal(sample_write(t->file, buf, o), 0);
    ScoreFile *f = scorefile_load(t->file, KEY, d);
    assert_int_equal(scorefile_count(f), 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(scorefile_status(f, i), RECORD_GOOD);
    assert_int_equal(scorefile_problems(f), 2);
    assert_false(scorefile_intact(f));
    assert_int_equal(diag_error_count(d), 2);
    assert_string_equal(diag_item(d, 0)->message, "3 lines outside any record");
    scorefile_free(f);
    diag_free(d);

    /* Bad lines inside records: each such record is edited, even without
     * a key (the program never writes them). */
    static const struct {
        const char *from, *to;
    } EDITS[] = {
        {"\nanswered yes\n", "\nanswered maybe\n"},
        {"\ncredit 0.7500\n", "\ncredit 1.5\n"},
        {"\ncredit 0.7500\n", "\ncredit 0,75\n"},
        {"\ntime_ms 5321\n", "\ntime_ms -5\n"},
        {"\nseed 1000003\n", "\nseed 99999999999999999999999\n"},
        {"\nview front\n", "\nview front\nview back\n"},
        {"\nkind attempt\n", "\nkind attempt\ncolour blue\n"},
        {"\nmode quiz\n", "\nmode test\n"},
        {"\nlearner anna.berg\nname Anna", "\nlearner ../anna\nname Anna"},
        {"\nname Anna Berg-Åström\nkey_id", "\nname Anna \xC3\x28\nkey_id"},
        {"\nname Anna Berg-Åström\nkey_id", "\nname Anna \\xc3\\x28\nkey_id"},
        {"\nname Anna Berg-Åström\nkey_id", "\nname Anna\\tBerg\nkey_id"},
        {"\nname Anna Berg-Åström\nkey_id", "\nname Anna \\q\nkey_id"},
        {"\nname Anna Berg-Åström\nkey_id", "\nname Anna \\x00\nkey_id"},
        {"\nchosen Tab", "\nchosen T\x01"
                         "ab"},
        {"\nanswers 2\n", "\nanswers 3\n"},
        {"\nanswer 2\n", "\nanswer 7\n"},
        {"\nkey iliopsoas/question.worse_standing\n", "\n"},
        {"\nmodule iliopsoas\nstarted", "\nstarted"},
        {"\ncourse essentials\n", "\ncourse essentials\ncreated 5\n"},
        {"\nprev ", "\nprev 00"},
        {"\nmac ", "\nmac 0"},
        {"\nmac ", "\nmac x"},
        {"\nflagged no\n", "\nflagged no\r\n"},
        {"\nflagged no\n", "\nflagged\n"},
        {"\nflagged no\n", "\nFlagged no\n"},
        {"\nflagged no\n", "\nflagged no\n\n"},
    };
    /* Record 2 (a quiz on iliopsoas) is the one edited each time. */
    char *r2 = text + off[1];
    size_t r2len = off[2] - off[1];
    for (size_t e = 0; e < sizeof EDITS / sizeof *EDITS; e++) {
        char *rec = malloc(r2len + 1);
        memcpy(rec, r2, r2len);
        rec[r2len] = '\0';
        char *at = strstr(rec, EDITS[e].from);
        if (!at) {
            print_error("edit %zu: '%s' not found\n", e, EDITS[e].from);
            fail();
        }
        const char *from = EDITS[e].from, *to = EDITS[e].to;
        o = off[1];
        memcpy(buf, text, o);
        size_t pre = (size_t)(at - rec);
        memcpy(buf + o, rec, pre), o += pre;
        memcpy(buf + o, to, strlen(to)), o += strlen(to);
        size_t rest = r2len - pre - strlen(from);
        memcpy(buf + o, at + strlen(from), rest), o += rest;
        memcpy(buf + o, text + off[2], len - off[2]), o += len - off[2];
        free(rec);
        assert_int_equal(sample_write(t->file, buf, o), 0);
        d = diag_create();
        f = scorefile_load(t->file, NULL, d);
        assert_non_null(f);
        if (scorefile_count(f) != 3 || scorefile_status(f, 1) != RECORD_EDITED ||
            scorefile_status(f, 0) != RECORD_GOOD || scorefile_status(f, 2) != RECORD_GOOD) {
            print_error("edit %zu (%s): %d records, statuses %s %s %s\n", e, EDITS[e].to, scorefile_count(f),
                        record_status_name(scorefile_status(f, 0)),
                        record_status_name(scorefile_status(f, 1)),
                        record_status_name(scorefile_status(f, 2)));
            fail();
        }
        assert_int_equal(diag_error_count(d), 1);
        assert_non_null(strstr(diag_item(d, 0)->message, "record 2"));
        assert_non_null(strstr(diag_item(d, 0)->message, ": edited: line "));
        scorefile_free(f);
        /* With the key, record 2 is edited as well; record 3 is still good. */
        f = scorefile_load(t->file, KEY, d);
        assert_int_equal(scorefile_status(f, 1), RECORD_EDITED);
        assert_int_equal(scorefile_status(f, 2), RECORD_GOOD);
        scorefile_free(f);
        diag_free(d);
    }
    free(buf);
    free(text);
}

/* Random damage must never crash the reader or give impossible answers. */
static void test_random_damage(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 3), 0);
    size_t len = 0;
    char *text = sample_read(t->file, &len);
    char *buf = malloc(len + 64);
    uint64_t x = 88172645463325252u;
    for (int round = 0; round < 1500; round++) {
        memcpy(buf, text, len);
        size_t n = len;
        int changes = 1 + round % 4;
        for (int c = 0; c < changes; c++)
            damage(buf, &n, &x, "\n \\x0", false);
        assert_int_equal(sample_write(t->file, buf, n), 0);
        Diag *d = diag_create();
        ScoreFile *f = scorefile_load(t->file, round % 2 ? KEY : NULL, d);
        if (f) {
            int bad = 0;
            for (int i = 0; i < scorefile_count(f); i++) {
                RecordStatus s = scorefile_status(f, i);
                assert_true(s >= RECORD_GOOD && s <= RECORD_TRUNCATED);
                bad += s != RECORD_GOOD;
                const Record *r = scorefile_record(f, i);
                char what[200];
                record_describe(r, what, sizeof what);
                if (s == RECORD_GOOD) {
                    assert_non_null(r->learner);
                    assert_non_null(r->name);
                    if (r->kind == RECORD_ATTEMPT)
                        assert_non_null(r->course);
                }
            }
            /* Every record that is not good was reported. */
            assert_true(diag_error_count(d) >= bad);
            assert_int_equal(scorefile_intact(f),
                             bad == 0 && scorefile_problems(f) == 0 && scorefile_count(f) > 0);
            scorefile_free(f);
        } else {
            assert_true(diag_error_count(d) >= 1);
        }
        diag_free(d);
    }
    free(buf);
    free(text);
}

/* ---- descriptions and certificate codes ---- */

/* ---- paintings, locate-all marks and reverse answers ---- */

static void test_paint_encode_decode(void **state)
{
    (void)state;
    static const struct {
        unsigned char cells[12];
        int n_runs;
        int runs[12];
    } CASES[] = {
        {{0}, 0, {0}},
        {{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 2, {0, 12}},
        {{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 2, {0, 1}},
        {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7}, 2, {11, 1}},
        {{0, 2, 2, 0, 0, 1, 0, 0, 0, 0, 1, 1}, 6, {1, 2, 2, 1, 4, 2}},
        {{1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0}, 12, {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
    };
    for (size_t c = 0; c < sizeof CASES / sizeof *CASES; c++) {
        int *runs = NULL;
        int n = record_paint_encode(CASES[c].cells, 12, &runs);
        assert_int_equal(n, CASES[c].n_runs);
        for (int i = 0; i < n; i++)
            assert_int_equal(runs[i], CASES[c].runs[i]);
        if (n == 0)
            assert_null(runs);
        RecordAnswer a = {.has_paint = true, .grid = {{0, 0}, 4, 4, 3}, .n_runs = n, .runs = runs};
        unsigned char back[12];
        assert_true(record_paint_decode(&a, back));
        for (int i = 0; i < 12; i++)
            assert_int_equal(back[i], CASES[c].cells[i] != 0);
        /* On a grid of 8 cells the runs decode only if they end within it. */
        int sum = 0;
        for (int i = 0; i < n; i++)
            sum += runs[i];
        a.grid.rows = 2;
        assert_int_equal(record_paint_decode(&a, back), sum <= 8);
        free(runs);
    }
    RecordAnswer none = {0};
    unsigned char cell;
    assert_false(record_paint_decode(&none, &cell));
    assert_false(record_paint_decode(NULL, &cell));
}

/* An attempt with one answer of each new kind: a painting (on a 5 x 3
 * grid, cells 2-4, 7 and 14), a paint item left unanswered, locate-all
 * marks (two matched, one extra) and a reverse click credited to another
 * trigger point. Strings are static. */
static int NEW_RUNS[] = {2, 3, 2, 1, 6, 1};
static Vec2 NEW_MARKS[] = {{1, 2}, {-3.5, 4.25}, {100, 200}};
static char *NEW_MARK_TP[] = {"superficial", NULL, "deep"};

static Record new_kinds_attempt(void)
{
    static RecordAnswer answers[4];
    memset(answers, 0, sizeof answers);
    answers[0] = (RecordAnswer){.key = "iliopsoas/tp.iliacus/paint",
                                .type = "paint",
                                .module = "iliopsoas",
                                .credit = 0.8125,
                                .time_ms = 12000,
                                .answered = true,
                                .view = "back",
                                .has_paint = true,
                                .grid = {{10.5, -2}, 4, 5, 3},
                                .n_runs = 6,
                                .runs = NEW_RUNS};
    answers[1] = (RecordAnswer){.key = "iliopsoas/tp.psoas/paint",
                                .type = "paint",
                                .module = "iliopsoas",
                                .view = "front",
                                .flagged = true};
    answers[2] = (RecordAnswer){.key = "quadratus_lumborum/view.back/locate_all",
                                .type = "locate_all",
                                .module = "quadratus_lumborum",
                                .credit = 0.6667,
                                .time_ms = 9000,
                                .answered = true,
                                .view = "back",
                                .n_marks = 3,
                                .marks = NEW_MARKS,
                                .mark_tp = NEW_MARK_TP};
    answers[3] = (RecordAnswer){.key = "iliopsoas/tp.iliacus/reverse",
                                .type = "reverse",
                                .module = "iliopsoas",
                                .credit = 1,
                                .time_ms = 4000,
                                .answered = true,
                                .view = "front",
                                .has_click = true,
                                .click = {219.5, 350},
                                .matched = "iliopsoas/psoas"};
    Record r = sample_attempt(2);
    r.n_answers = 4;
    r.answers = answers;
    return r;
}

static void test_new_answer_kinds_round_trip(void **state)
{
    Tmp *t = *state;
    /* Old records (as written before these kinds existed), then one with
     * them, then an old kind again. */
    assert_int_equal(sample_file(t->file, KEY, 2), 0);
    Diag *d = diag_create();
    Record w = new_kinds_attempt();
    assert_int_equal(scorefile_append(t->file, &w, KEY, d), 0);
    Record old = sample_attempt(3);
    assert_int_equal(scorefile_append(t->file, &old, KEY, d), 0);
    assert_int_equal(diag_count(d), 0);

    size_t len = 0;
    char *text = sample_read(t->file, &len);
    assert_non_null(strstr(text, "\nanswer 1\n"
                                 "key iliopsoas/tp.iliacus/paint\n"
                                 "type paint\n"
                                 "module iliopsoas\n"
                                 "answered yes\n"
                                 "credit 0.8125\n"
                                 "time_ms 12000\n"
                                 "flagged no\n"
                                 "view back\n"
                                 "grid 10.500 -2.000 4.000 5 3\n"
                                 "cells 2 3 2 1 6 1\n"
                                 "answer 2\n"
                                 "key iliopsoas/tp.psoas/paint\n"
                                 "type paint\n"
                                 "module iliopsoas\n"
                                 "answered no\n"
                                 "credit 0.0000\n"
                                 "time_ms 0\n"
                                 "flagged yes\n"
                                 "view front\n"
                                 "answer 3\n"));
    assert_non_null(strstr(text, "\nview back\n"
                                 "mark 1.000 2.000 superficial\n"
                                 "mark -3.500 4.250 -\n"
                                 "mark 100.000 200.000 deep\n"
                                 "answer 4\n"));
    assert_non_null(strstr(text, "\nview front\n"
                                 "click 219.500 350.000\n"
                                 "matched iliopsoas/psoas\n"
                                 "prev "));
    free(text);

    ScoreFile *f = expect_statuses(t->file, KEY, "ggggg", d);
    assert_int_equal(diag_count(d), 0);
    const Record *r = scorefile_record(f, 3);
    assert_int_equal(r->n_answers, 4);
    const RecordAnswer *a = &r->answers[0];
    assert_string_equal(a->type, "paint");
    assert_string_equal(a->view, "back");
    assert_true(a->has_paint);
    assert_false(a->has_click);
    assert_true(a->grid.origin.x == 10.5 && a->grid.origin.y == -2 && a->grid.cell == 4);
    assert_int_equal(a->grid.cols, 5);
    assert_int_equal(a->grid.rows, 3);
    assert_int_equal(a->n_runs, 6);
    assert_memory_equal(a->runs, NEW_RUNS, sizeof NEW_RUNS);
    unsigned char cells[15];
    static const unsigned char want[15] = {0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1};
    assert_true(record_paint_decode(a, cells));
    assert_memory_equal(cells, want, 15);
    a = &r->answers[1];
    assert_false(a->answered);
    assert_false(a->has_paint);
    assert_string_equal(a->view, "front");
    assert_true(a->flagged);
    a = &r->answers[2];
    assert_string_equal(a->type, "locate_all");
    assert_int_equal(a->n_marks, 3);
    for (int k = 0; k < 3; k++) {
        assert_near(a->marks[k].x, NEW_MARKS[k].x, 0);
        assert_near(a->marks[k].y, NEW_MARKS[k].y, 0);
        if (NEW_MARK_TP[k])
            assert_string_equal(a->mark_tp[k], NEW_MARK_TP[k]);
        else
            assert_null(a->mark_tp[k]);
    }
    assert_near(a->credit, 0.6667, 0.00005);
    a = &r->answers[3];
    assert_string_equal(a->type, "reverse");
    assert_true(a->has_click);
    assert_near(a->click.x, 219.5, 0);
    assert_string_equal(a->matched, "iliopsoas/psoas");
    /* The old records read as before. */
    assert_int_equal(scorefile_record(f, 1)->n_answers, 2);
    assert_false(scorefile_record(f, 1)->answers[0].has_paint);
    assert_null(scorefile_record(f, 1)->answers[0].matched);
    assert_int_equal(scorefile_record(f, 4)->answers[0].n_marks, 0);
    scorefile_free(f);

    /* A painting with nothing painted is "cells none". */
    Record e = new_kinds_attempt();
    e.answers[0].n_runs = 0;
    e.answers[0].runs = NULL;
    assert_int_equal(scorefile_append(t->file, &e, KEY, d), 0);
    text = sample_read(t->file, &len);
    assert_non_null(strstr(text, "\ngrid 10.500 -2.000 4.000 5 3\ncells none\nanswer 2\n"));
    free(text);
    f = expect_statuses(t->file, KEY, "gggggg", d);
    a = &scorefile_record(f, 5)->answers[0];
    assert_true(a->has_paint);
    assert_int_equal(a->n_runs, 0);
    assert_true(record_paint_decode(a, cells));
    for (int k = 0; k < 15; k++)
        assert_int_equal(cells[k], 0);
    scorefile_free(f);
    diag_free(d);
}

/* The fixtures made before these kinds existed still load, every record
 * good (tests/verify checks them byte for byte with tpquiz verify). */
static void test_old_fixture_still_loads(void **state)
{
    (void)state;
    Diag *d = diag_create();
    ScoreFile *f = expect_statuses(TEST_DATA_DIR "/scores/good.scores", KEY, "ggggg", d);
    assert_int_equal(diag_count(d), 0);
    for (int i = 1; i < 5; i++)
        for (int k = 0; k < scorefile_record(f, i)->n_answers; k++) {
            const RecordAnswer *a = &scorefile_record(f, i)->answers[k];
            assert_false(a->has_paint);
            assert_int_equal(a->n_marks, 0);
            assert_null(a->matched);
        }
    scorefile_free(f);
    diag_free(d);
}

static void test_append_refuses_bad_new_answers(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 1), 0);
    size_t len0 = 0;
    char *before = sample_read(t->file, &len0);
    Diag *d = diag_create();
    int odd[] = {2, 3, 2};
    int past_end[] = {2, 3, 2, 9};
    int empty_run[] = {2, 0};
    char *bad_id[] = {"-", NULL, "deep"};
    char *bad_id2[] = {"Deep", NULL, "deep"};
    Vec2 far[] = {{1e13, 0}, {0, 0}, {0, 0}};
    int n_cases = 0;
    for (int c = 0;; c++) {
        Record r = new_kinds_attempt();
        RecordAnswer *p = &r.answers[0], *l = &r.answers[2], *v = &r.answers[3];
        switch (c) {
        case 0:
            p->grid.cols = 0;
            break;
        case 1:
            p->grid.cell = 0;
            break;
        case 2:
            p->grid.cols = p->grid.rows = 4096;
            break;
        case 3:
            p->grid.origin.x = NAN;
            break;
        case 4:
            p->runs = odd;
            p->n_runs = 3;
            break;
        case 5:
            p->runs = past_end;
            p->n_runs = 4;
            break;
        case 6:
            p->runs = empty_run;
            p->n_runs = 2;
            break;
        case 7:
            p->runs = NULL;
            break;
        case 8:
            l->mark_tp = bad_id;
            break;
        case 9:
            l->mark_tp = bad_id2;
            break;
        case 10:
            l->marks = far;
            break;
        case 11:
            l->n_marks = RECORD_MAX_MARKS + 1;
            break;
        case 12:
            l->marks = NULL;
            break;
        case 13:
            v->matched = "iliopsoas psoas";
            break;
        case 14:
            p->grid.cell = 0.0004;
            break; /* would be written as 0.000 */
        default:
            c = -1;
            break;
        }
        if (c < 0)
            break;
        assert_int_equal(scorefile_append(t->file, &r, KEY, d), -1);
        n_cases++;
    }
    assert_int_equal(diag_error_count(d), n_cases);
    diag_free(d);
    size_t len1 = 0;
    char *after = sample_read(t->file, &len1);
    assert_int_equal(len0, len1);
    assert_memory_equal(before, after, len0);
    free(before);
    free(after);
}

/* Lines of the new fields that the program never writes make their record
 * edited, even without a key. */
static void test_bad_new_fields(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 0), 0);
    Diag *d = diag_create();
    Record w = new_kinds_attempt();
    assert_int_equal(scorefile_append(t->file, &w, KEY, d), 0);
    Record old = sample_attempt(3);
    assert_int_equal(scorefile_append(t->file, &old, KEY, d), 0);
    diag_free(d);
    size_t len = 0, off[8] = {0};
    int n;
    char *text = sample_read(t->file, &len);
    sample_split(text, len, off, &n, 7);
    assert_int_equal(n, 3);
    static const struct {
        const char *from, *to;
    } EDITS[] = {
        {"\ncells 2 3 2 1 6 1\n", "\ncells 2 3 2 1 6\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells 2 3 2 1 6 2\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells 2 0 2 1\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells 2 3 x 1\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells 2 3  2 1\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells -2 3\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells \n"},
        {"\ncells 2 3 2 1 6 1\n", "\n"},
        {"\ncells 2 3 2 1 6 1\n", "\ncells 2 3 2 1 6 1\ncells none\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\ngrid 10.500 -2.000 4.000 5 3 7\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\ngrid 10.500 -2.000 0.000 5 3\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\ngrid 10.500 -2.000 4.000 0 3\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\ngrid 10.500 -2.000 4.000 5000 5000\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\ngrid 10.500 -2.000 4.000 5\n"},
        {"\ngrid 10.500 -2.000 4.000 5 3\n", "\ngrid 10.500 -2.000 4.000 4 3\n"},
        {"\nmark 1.000 2.000 superficial\n", "\nmark 1.000 2.000\n"},
        {"\nmark 1.000 2.000 superficial\n", "\nmark 1.000 2.000 Superficial\n"},
        {"\nmark 1.000 2.000 superficial\n", "\nmark 1.000 superficial\n"},
        {"\nmark 1.000 2.000 superficial\n", "\nmark 1,0 2.000 superficial\n"},
        {"\nmatched iliopsoas/psoas\n", "\nmatched iliopsoas psoas\n"},
        {"\nmatched iliopsoas/psoas\n", "\nmatched iliopsoas/psoas\nmatched iliopsoas/psoas\n"},
    };
    char *buf = malloc(len + 200);
    for (size_t e = 0; e < sizeof EDITS / sizeof *EDITS; e++) {
        char *rec = malloc(off[2] - off[1] + 1);
        size_t rlen = off[2] - off[1];
        memcpy(rec, text + off[1], rlen);
        rec[rlen] = '\0';
        char *at = strstr(rec, EDITS[e].from);
        assert_non_null(at);
        size_t o = off[1], pre = (size_t)(at - rec);
        memcpy(buf, text, o);
        memcpy(buf + o, rec, pre), o += pre;
        memcpy(buf + o, EDITS[e].to, strlen(EDITS[e].to)), o += strlen(EDITS[e].to);
        size_t rest = rlen - pre - strlen(EDITS[e].from);
        memcpy(buf + o, at + strlen(EDITS[e].from), rest), o += rest;
        memcpy(buf + o, text + off[2], len - off[2]), o += len - off[2];
        free(rec);
        assert_int_equal(sample_write(t->file, buf, o), 0);
        d = diag_create();
        ScoreFile *f = scorefile_load(t->file, NULL, d);
        assert_non_null(f);
        if (scorefile_count(f) != 3 || scorefile_status(f, 0) != RECORD_GOOD ||
            scorefile_status(f, 1) != RECORD_EDITED || scorefile_status(f, 2) != RECORD_GOOD) {
            print_error("edit %zu (%s): %d records, record 2 %s\n", e, EDITS[e].to, scorefile_count(f),
                        record_status_name(scorefile_status(f, 1)));
            fail();
        }
        scorefile_free(f);
        diag_free(d);
    }
    free(buf);
    free(text);
}

static void test_describe_and_status_names(void **state)
{
    (void)state;
    char buf[200];
    Record r = sample_attempt(0);
    r.seq = 2;
    record_describe(&r, buf, sizeof buf);
    assert_string_equal(buf, "record 2 (quiz, essentials/iliopsoas, 2026-03-03)");
    r = sample_attempt(2);
    r.seq = 4;
    record_describe(&r, buf, sizeof buf);
    assert_string_equal(buf, "record 4 (exam, essentials, 2026-03-05)");
    Record p = {.kind = RECORD_PROFILE, .seq = 1, .learner = "anna.berg"};
    record_describe(&p, buf, sizeof buf);
    assert_string_equal(buf, "record 1 (profile, anna.berg)");
    Record empty = {.kind = RECORD_ATTEMPT};
    record_describe(&empty, buf, sizeof buf);
    assert_string_equal(buf, "record ?");
    record_describe(&r, buf, 8);
    assert_string_equal(buf, "record ");
    assert_string_equal(record_status_name(RECORD_GOOD), "good");
    assert_string_equal(record_status_name(RECORD_EDITED), "edited");
    assert_string_equal(record_status_name(RECORD_MISSING), "missing");
    assert_string_equal(record_status_name(RECORD_REORDERED), "reordered");
    assert_string_equal(record_status_name(RECORD_TRUNCATED), "truncated");
}

static void test_certificate_code(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(t->file, KEY, d);
    Record w = sample_attempt(2);
    w.learner = "anna.berg";
    char written[13], read_back[13], other[13];
    record_certificate_code(&w, KEY, written);
    record_certificate_code(scorefile_record(f, 3), KEY, read_back);
    assert_int_equal(strlen(written), 12);
    assert_int_equal(strspn(written, "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789"), 12);
    assert_string_equal(written, read_back); /* the score's rounding does not change it */
    /* Another exam, another key, another score: another code. */
    record_certificate_code(scorefile_record(f, 4), KEY, other);
    assert_string_not_equal(other, written);
    unsigned char key2[STATION_KEY_BYTES];
    memcpy(key2, KEY, sizeof key2);
    key2[0] ^= 0x80;
    record_certificate_code(&w, key2, other);
    assert_string_not_equal(other, written);
    w.score += 0.01;
    record_certificate_code(&w, KEY, other);
    assert_string_not_equal(other, written);
    /* Stable across versions: docs/FORMATS.md defines it (checked with an
     * independent HMAC implementation). */
    assert_string_equal(written, "HW8P7NBNYUND");
    scorefile_free(f);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_station_key_created_once_with_mode_0600, setup,
                                        tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_station_key_race_has_one_winner, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_station_key_bad_files, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_file_text, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_create_refuses, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_bad_attempts, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_edited_record, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_missing_record, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_reordered_records, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_reordered_moves_and_copies, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_truncated_record, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_key_and_no_key, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_spliced_from_another_learner, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_append_after_tampering, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_not_score_files, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_garbage_inside_and_between_records, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_random_damage, setup, tmp_state_teardown),
        cmocka_unit_test(test_paint_encode_decode),
        cmocka_unit_test_setup_teardown(test_new_answer_kinds_round_trip, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_old_fixture_still_loads, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_bad_new_answers, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_bad_new_fields, setup, tmp_state_teardown),
        cmocka_unit_test(test_describe_and_status_names),
        cmocka_unit_test_setup_teardown(test_certificate_code, setup, tmp_state_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
