/* verify: integrity of score files for `tpquiz verify`. The judging itself
 * is scorefile_load's (record.c); this module counts, summarises and
 * matches certificate codes. */
#include "verify.h"

#include "judge.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool verify_code_normalize(const char *in, char out[13])
{
    int n = 0;
    for (const char *s = in ? in : ""; *s; s++) {
        char c = *s;
        if (c == '-' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9')) || n == 12)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n == 12;
}

void verify_code_format(const char code[13], char out[15])
{
    snprintf(out, 15, "%.4s-%.4s-%.4s", code, code + 4, code + 8);
}

/* "82.5%" from a fraction, without printf("%f") (locale). */
static void format_percent(double score, char *buf, size_t size)
{
    long long t = llround(score * 1000);
    snprintf(buf, size, "%lld.%lld%%", t / 10, t % 10);
}

int verify_file(const char *path, const unsigned char key[STATION_KEY_BYTES], const char *code,
                VerifyResult *res, Diag *d)
{
    return verify_file_courses(path, key, NULL, code, res, d);
}

int verify_file_courses(const char *path, const unsigned char key[STATION_KEY_BYTES], const Library *lib,
                        const char *code, VerifyResult *res, Diag *d)
{
    memset(res, 0, sizeof *res);
    res->code_record = -1;
    char want[13] = "";
    if (code && !verify_code_normalize(code, want))
        want[0] = '\0';
    ScoreFile *f = scorefile_load(path, key, d);
    if (!f)
        return 1;
    res->readable = true;
    res->records = scorefile_count(f);
    res->other = scorefile_problems(f);
    for (int i = 0; i < res->records; i++) {
        RecordStatus s = scorefile_status(f, i);
        res->count[s]++;
        const Record *r = scorefile_record(f, i);
        if (!want[0] || r->kind != RECORD_ATTEMPT || r->mode != ATTEMPT_EXAM || s == RECORD_TRUNCATED)
            continue;
        char got[13];
        record_certificate_code(r, key, got);
        /* A good record wins over a damaged copy of it. */
        if (strcmp(got, want) != 0 || (res->code_record >= 0 && res->code_status == RECORD_GOOD))
            continue;
        char what[160], pct[24];
        record_describe(r, what, sizeof what);
        format_percent(r->score, pct, sizeof pct);
        snprintf(res->code_what, sizeof res->code_what, "%s: %s, %s", what, r->passed ? "passed" : "failed",
                 pct);
        res->code_record = i;
        res->code_status = s;
    }
    /* A wrong key: every record reads well (checked without the key) and
     * still none is good with it. */
    if (res->records > 0 && res->count[RECORD_EDITED] == res->records) {
        Diag *quiet = diag_create();
        ScoreFile *plain = scorefile_load(path, NULL, quiet);
        res->wrong_key = plain && scorefile_count(plain) == res->records;
        for (int i = 0; res->wrong_key && i < res->records; i++)
            res->wrong_key = scorefile_status(plain, i) == RECORD_GOOD;
        scorefile_free(plain);
        diag_free(quiet);
    }
    res->regraded = lib != NULL;
    for (int i = 0; lib && i < res->records; i++) {
        const Record *r = scorefile_record(f, i);
        if (r->kind != RECORD_ATTEMPT || scorefile_status(f, i) != RECORD_GOOD)
            continue;
        JudgeResult j = judge_record(r->course ? library_find_course(lib, r->course) : NULL, f, i);
        if (j.counts)
            continue;
        char what[160];
        record_describe(r, what, sizeof what);
        diag_error(d, path, r->line, "%s: does not count: %s%s", what, j.code == JUDGE_VOID ? "" : "re-graded: ",
                   j.why);
        res->not_counting++;
    }
    bool intact = scorefile_intact(f) && res->not_counting == 0;
    scorefile_free(f);
    return intact ? 0 : 1;
}

void verify_summary(const char *path, const VerifyResult *res, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    if (!res->readable) {
        snprintf(buf, size, "%s: not checked", path);
        return;
    }
    int n = snprintf(buf, size, "%s: %d record%s", path, res->records, res->records == 1 ? "" : "s");
    if (n < 0)
        n = 0;
    if (res->records > 0 && res->count[RECORD_GOOD] == res->records) {
        if ((size_t)n < size)
            n += snprintf(buf + n, size - (size_t)n, ", all good");
    } else if (res->records > 0) {
        const char *sep = ": ";
        for (int s = RECORD_GOOD; s <= RECORD_TRUNCATED; s++) {
            if (!res->count[s])
                continue;
            if ((size_t)n < size)
                n += snprintf(buf + n, size - (size_t)n, "%s%d %s", sep, res->count[s],
                              record_status_name((RecordStatus)s));
            sep = ", ";
        }
        if (res->wrong_key && (size_t)n < size)
            n += snprintf(buf + n, size - (size_t)n,
                          " (no record matches the key: is it this station's key?)");
    }
    if (res->not_counting && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, "; %d attempt%s do%s not count when re-graded", res->not_counting,
                      res->not_counting == 1 ? "" : "s", res->not_counting == 1 ? "es" : "");
    if (res->other && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, "; and %d stretch%s of text outside the records", res->other,
                 res->other == 1 ? "" : "es");
}
