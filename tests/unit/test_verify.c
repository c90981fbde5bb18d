/* Unit tests for src/core/verify.c, and the score file fixtures used by the
 * end-to-end test of `tpquiz verify` (tests/verify/run.sh).
 *
 * The fixtures in tests/data/scores/ are made by make_fixtures() below with
 * the fixed sample key; test_fixtures_are_current checks that the files in
 * the tree are exactly what it makes (so a format change cannot leave them
 * stale). To write them again after a deliberate format change:
 *   TPQUIZ_WRITE_SCORE_FIXTURES=tests/data/scores ./test_verify
 * then update the .expected files (see tests/verify/run.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "score_samples.h"
#include "support.h"
#include "verify.h"

/* The sample station key (score_samples.h). */
static unsigned char KEY[STATION_KEY_BYTES];

/* Each test gets a fresh temporary folder (state, a Tmp), removed afterwards. */
static int setup(void **state)
{
    sample_key(KEY);
    return tmp_state_setup(state, "tpquiz-test-verify", "anna.berg.scores");
}

/* The fixtures: name, and how the sample file (profile + 4 attempts) is
 * tampered with. */
static const struct {
    const char *name;
    int tamper; /* -1: none, else a Tamper */
    int record; /* 0-based record in the file */
} FIXTURES[] = {
    {"good", -1, 0},
    {"edited", TAMPER_EDIT, 2},
    {"missing", TAMPER_DELETE, 2},
    {"reordered", TAMPER_SWAP, 2},
    {"truncated", TAMPER_TRUNCATE, 4},
};
#define N_FIXTURES (sizeof FIXTURES / sizeof *FIXTURES)

/* The certificate code of the passed exam in the fixtures (record 5). */
#define FIXTURE_CODE "ZMAK66SBWJKX"

static int make_fixtures(const char *dir)
{
    unsigned char key[STATION_KEY_BYTES];
    sample_key(key);
    char path[512];
    snprintf(path, sizeof path, "%s/station.key", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    for (int i = 0; i < STATION_KEY_BYTES; i++)
        fprintf(f, "%02x", key[i]);
    fputc('\n', f);
    if (fclose(f) != 0)
        return -1;
    for (size_t i = 0; i < N_FIXTURES; i++) {
        snprintf(path, sizeof path, "%s/%s.scores", dir, FIXTURES[i].name);
        remove(path);
        if (sample_file(path, key, 4) != 0)
            return -1;
        if (FIXTURES[i].tamper >= 0 &&
            sample_tamper(path, (Tamper)FIXTURES[i].tamper, FIXTURES[i].record) != 0)
            return -1;
        chmod(path, 0644); /* as git checks them out */
    }
    return 0;
}

static void test_code_normalize_and_format(void **state)
{
    (void)state;
    char out[13];
    assert_true(verify_code_normalize("ABCD-EFGH-JKLM", out));
    assert_string_equal(out, "ABCDEFGHJKLM");
    assert_true(verify_code_normalize(" abcd efgh-jklm ", out));
    assert_string_equal(out, "ABCDEFGHJKLM");
    assert_true(verify_code_normalize("23456789ZZZZ", out));
    static const char *const BAD[] = {"",
                                      "ABCD-EFGH-JKL",
                                      "ABCD-EFGH-JKLMN",
                                      "ABCD-EFGH-JKL1",
                                      "ABCD-EFGH-JKL0",
                                      "ABCD_EFGH_JKLM",
                                      "ÅBCD-EFGH-JKLM",
                                      "ABCD\tEFGH-JKLM"};
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++)
        assert_false(verify_code_normalize(BAD[i], out));
    assert_false(verify_code_normalize(NULL, out));
    char shown[15];
    verify_code_format("ABCDEFGHJKLM", shown);
    assert_string_equal(shown, "ABCD-EFGH-JKLM");
}

/* verify_file on a sample file tampered with as given; returns the summary. */
static const char *check(Tmp *t, int tamper, int record, int want_rc, VerifyResult *res, Diag *d)
{
    static char line[512];
    remove(t->file);
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    if (tamper >= 0)
        assert_int_equal(sample_tamper(t->file, (Tamper)tamper, record), 0);
    assert_int_equal(verify_file(t->file, KEY, NULL, res, d), want_rc);
    verify_summary(t->file, res, line, sizeof line);
    const char *s = strchr(line, ' ');
    assert_memory_equal(line, t->file, strlen(t->file));
    return s + 1;
}

static void test_statuses_and_summaries(void **state)
{
    Tmp *t = *state;
    VerifyResult res;
    Diag *d = diag_create();
    assert_string_equal(check(t, -1, 0, 0, &res, d), "5 records, all good");
    assert_int_equal(diag_count(d), 0);
    assert_true(res.readable);
    assert_int_equal(res.records, 5);
    assert_int_equal(res.count[RECORD_GOOD], 5);
    assert_int_equal(res.code_record, -1);

    assert_string_equal(check(t, TAMPER_EDIT, 2, 1, &res, d), "5 records: 4 good, 1 edited");
    assert_int_equal(res.count[RECORD_EDITED], 1);
    assert_string_equal(check(t, TAMPER_DELETE, 2, 1, &res, d), "4 records: 3 good, 1 missing");
    assert_int_equal(res.count[RECORD_MISSING], 1);
    assert_string_equal(check(t, TAMPER_SWAP, 2, 1, &res, d), "5 records: 4 good, 1 reordered");
    assert_int_equal(res.count[RECORD_REORDERED], 1);
    assert_string_equal(check(t, TAMPER_TRUNCATE, 4, 1, &res, d), "5 records: 4 good, 1 truncated");
    assert_int_equal(res.count[RECORD_TRUNCATED], 1);
    /* One error per bad record, each at its record's line. */
    assert_int_equal(diag_error_count(d), 4);
    for (int i = 0; i < 4; i++)
        assert_true(diag_item(d, i)->line > 1);
    diag_free(d);
}

static void test_wrong_key_unreadable_and_garbage(void **state)
{
    Tmp *t = *state;
    VerifyResult res;
    Diag *d = diag_create();
    assert_int_equal(sample_file(t->file, KEY, 2), 0);
    unsigned char other[STATION_KEY_BYTES] = {1};
    char line[512], want[512];
    assert_int_equal(verify_file(t->file, other, NULL, &res, d), 1);
    verify_summary(t->file, &res, line, sizeof line);
    snprintf(want, sizeof want,
             "%s: 3 records: 3 edited (no record matches the key: is it this station's key?)", t->file);
    assert_string_equal(line, want);
    assert_int_equal(diag_error_count(d), 3);
    diag_free(d);

    d = diag_create();
    char missing[256];
    snprintf(missing, sizeof missing, "%s/nobody.scores", t->dir);
    assert_int_equal(verify_file(missing, KEY, NULL, &res, d), 1);
    assert_false(res.readable);
    verify_summary(missing, &res, line, sizeof line);
    snprintf(want, sizeof want, "%s: not checked", missing);
    assert_string_equal(line, want);
    assert_int_equal(diag_error_count(d), 1);
    diag_free(d);

    /* Not a score file at all. */
    d = diag_create();
    assert_int_equal(sample_write(t->file,
                                  "\x7f"
                                  "ELF\x02\x01\x01",
                                  7),
                     0);
    assert_int_equal(verify_file(t->file, KEY, NULL, &res, d), 1);
    assert_false(res.readable);
    assert_int_equal(diag_error_count(d), 1);
    assert_non_null(strstr(diag_item(d, 0)->message, "not a score file"));
    diag_free(d);

    /* Good records with text after them. */
    remove(t->file);
    assert_int_equal(sample_file(t->file, KEY, 1), 0);
    append_text(t->file, "I passed!\n");
    d = diag_create();
    assert_int_equal(verify_file(t->file, KEY, NULL, &res, d), 1);
    verify_summary(t->file, &res, line, sizeof line);
    snprintf(want, sizeof want, "%s: 2 records, all good; and 1 stretch of text outside the records",
             t->file);
    assert_string_equal(line, want);
    diag_free(d);

    /* A small buffer is cut, not overrun. */
    char tiny[8];
    verify_summary(t->file, &res, tiny, sizeof tiny);
    assert_int_equal(strlen(tiny), 7);
}

static void test_certificate_code_lookup(void **state)
{
    Tmp *t = *state;
    assert_int_equal(sample_file(t->file, KEY, 4), 0);
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(t->file, KEY, d);
    char code[13];
    record_certificate_code(scorefile_record(f, 4), KEY, code);
    assert_string_equal(code, FIXTURE_CODE);
    scorefile_free(f);

    VerifyResult res;
    assert_int_equal(verify_file(t->file, KEY, "zmak-66sb-wjkx", &res, d), 0);
    assert_int_equal(res.code_record, 4);
    assert_int_equal(res.code_status, RECORD_GOOD);
    assert_string_equal(res.code_what, "record 5 (exam, essentials, 2026-03-06): passed, 75.0%");
    /* Not there; not a code; a quiz is never a certificate. */
    assert_int_equal(verify_file(t->file, KEY, "ABCD-EFGH-JKLM", &res, d), 0);
    assert_int_equal(res.code_record, -1);
    assert_int_equal(verify_file(t->file, KEY, "nonsense", &res, d), 0);
    assert_int_equal(res.code_record, -1);
    f = scorefile_load(t->file, KEY, d);
    record_certificate_code(scorefile_record(f, 1), KEY, code);
    scorefile_free(f);
    assert_int_equal(verify_file(t->file, KEY, code, &res, d), 0);
    assert_int_equal(res.code_record, -1);
    assert_int_equal(diag_count(d), 0);
    /* The record edited: found, but not good. */
    FILE *fp = fopen(t->file, "r+b");
    size_t len;
    char *text = sample_read(t->file, &len);
    char *at = strstr(strstr(text, "record 5\n"), "\ncredit 0.7500\n");
    fseek(fp, at - text + 8, SEEK_SET);
    fputc('9', fp);
    fclose(fp);
    free(text);
    assert_int_equal(verify_file(t->file, KEY, FIXTURE_CODE, &res, d), 1);
    assert_int_equal(res.code_record, 4);
    assert_int_equal(res.code_status, RECORD_EDITED);
    diag_free(d);
}

/* The files in tests/data/scores/ are exactly what make_fixtures makes. */
static void test_fixtures_are_current(void **state)
{
    Tmp *t = *state;
    const char *out = getenv("TPQUIZ_WRITE_SCORE_FIXTURES");
    if (out && *out) {
        assert_int_equal(make_fixtures(out), 0);
        print_message("wrote the score fixtures to %s\n", out);
    }
    assert_int_equal(make_fixtures(t->dir), 0);
    const char *names[N_FIXTURES + 1];
    for (size_t i = 0; i < N_FIXTURES; i++)
        names[i] = FIXTURES[i].name;
    names[N_FIXTURES] = NULL;
    for (size_t i = 0; i <= N_FIXTURES; i++) {
        char made[512], shipped[512];
        if (names[i]) {
            snprintf(made, sizeof made, "%s/%s.scores", t->dir, names[i]);
            snprintf(shipped, sizeof shipped, "%s/scores/%s.scores", TEST_DATA_DIR, names[i]);
        } else {
            snprintf(made, sizeof made, "%s/station.key", t->dir);
            snprintf(shipped, sizeof shipped, "%s/scores/station.key", TEST_DATA_DIR);
        }
        size_t la = 0, lb = 0;
        char *a = sample_read(made, &la), *b = sample_read(shipped, &lb);
        if (!b || la != lb || memcmp(a, b, la) != 0) {
            print_error("%s differs from what the generator makes; see the top of %s\n", shipped, __FILE__);
            fail();
        }
        free(a);
        free(b);
    }
    /* And they verify as their names say. */
    static const char *const SUMMARY[] = {"5 records, all good", "5 records: 4 good, 1 edited",
                                          "4 records: 3 good, 1 missing", "5 records: 4 good, 1 reordered",
                                          "5 records: 4 good, 1 truncated"};
    for (size_t i = 0; i < N_FIXTURES; i++) {
        char path[512], line[512], want[600];
        snprintf(path, sizeof path, "%s/scores/%s.scores", TEST_DATA_DIR, FIXTURES[i].name);
        VerifyResult res;
        Diag *d = diag_create();
        assert_int_equal(verify_file(path, KEY, NULL, &res, d), i == 0 ? 0 : 1);
        verify_summary(path, &res, line, sizeof line);
        snprintf(want, sizeof want, "%s: %s", path, SUMMARY[i]);
        assert_string_equal(line, want);
        diag_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_normalize_and_format),
        cmocka_unit_test_setup_teardown(test_statuses_and_summaries, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_key_unreadable_and_garbage, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_certificate_code_lookup, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_fixtures_are_current, setup, tmp_state_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
