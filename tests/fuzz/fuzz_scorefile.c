/* Fuzz target: the score-file parser and verifier (scorefile_load), with
 * the key of the test fixtures (tests/data/scores/station.key) so that the
 * seed files' MACs match and the chain checks run, and without a key; then
 * what `tpquiz verify` and the program read from the result. */
#include <sodium.h>

#include "fuzz_common.h"
#include "record.h"
#include "verify.h"

static unsigned char key[STATION_KEY_BYTES];
static bool have_key;

static void load_key(void)
{
    FILE *fp = fopen(FUZZ_SOURCE_ROOT "/tests/data/scores/station.key", "r");
    char hex[2 * STATION_KEY_BYTES + 1] = {0};
    if (!fp || fread(hex, 1, 2 * STATION_KEY_BYTES, fp) != 2 * STATION_KEY_BYTES ||
        sodium_hex2bin(key, sizeof key, hex, 2 * STATION_KEY_BYTES, NULL, NULL, NULL) != 0) {
        fprintf(stderr, "fuzz_scorefile: cannot read the fixture key\n");
        abort();
    }
    fclose(fp);
    have_key = true;
}

static void inspect(const ScoreFile *f)
{
    char buf[512], code[13];
    int n = scorefile_count(f);
    for (int i = 0; i < n; i++) {
        const Record *r = scorefile_record(f, i);
        RecordStatus st = scorefile_status(f, i);
        record_describe(r, buf, sizeof buf);
        fuzz_check_printable(buf); /* printed by `tpquiz verify` */
        (void)record_status_name(st);
        if (st == RECORD_GOOD && r->kind == RECORD_ATTEMPT) {
            if (!r->learner || !r->name || !r->course || (r->mode == ATTEMPT_QUIZ && !r->module))
                abort(); /* a good record has the fields its kind requires */
            for (int k = 0; k < r->n_answers; k++)
                if (!r->answers[k].key || !r->answers[k].type || !r->answers[k].module)
                    abort();
            if (r->mode == ATTEMPT_EXAM)
                record_certificate_code(r, key, code);
        }
    }
    (void)scorefile_intact(f);
    (void)scorefile_problems(f);
    (void)scorefile_learner(f);
    (void)scorefile_name(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!have_key)
        load_key();
    const char *path = fuzz_write("fuzz.scores", data, size);
    for (int with_key = 1; with_key >= 0; with_key--) {
        Diag *d = diag_create();
        ScoreFile *f = scorefile_load(path, with_key ? key : NULL, d);
        if (f)
            inspect(f);
        scorefile_free(f);
        fuzz_consume_diag(d);
        diag_free(d);
    }
    /* What `tpquiz verify --code` runs. */
    Diag *d = diag_create();
    VerifyResult res;
    char line[1024];
    verify_file(path, key, "DP5HXB4TDOL8", &res, d);
    verify_summary(path, &res, line, sizeof line);
    fuzz_check_printable(line);
    fuzz_check_printable(res.code_what);
    fuzz_consume_diag(d);
    diag_free(d);
    unlink(path);
    return 0;
}
