/* Unit tests for src/core/certify.c, over hand-built records (no files). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "certify.h"
#include "support.h"

#define HOUR 3600
#define T0 1700000000 /* an arbitrary unix time */

static char *MODULE_IDS[] = {"iliopsoas", "ql"};
static const Module *MODULES[2]; /* certify goes by module_ids; loaded or not does not matter */

static Course course(int attempts, int wait_hours)
{
    Course c;
    memset(&c, 0, sizeof c);
    c.id = "essentials";
    c.title = "Essentials";
    c.module_ids = MODULE_IDS;
    c.n_modules = N(MODULE_IDS);
    c.modules = MODULES;
    c.module_pass_mark = 80;
    c.exam = (ExamRules){.time_limit_min = 60,
                         .questions = 20,
                         .pass_mark = 75,
                         .attempts = attempts,
                         .wait_hours = wait_hours};
    return c;
}

static Record quiz(const char *course_id, const char *module, double score, bool passed, int64_t finished)
{
    return (Record){.kind = RECORD_ATTEMPT,
                    .learner = "anna",
                    .mode = ATTEMPT_QUIZ,
                    .course = (char *)course_id,
                    .module = (char *)module,
                    .started = finished - 600,
                    .finished = finished,
                    .score = score,
                    .pass_mark = 80,
                    .passed = passed};
}

static Record exam(const char *course_id, double score, bool passed, int64_t finished)
{
    return (Record){.kind = RECORD_ATTEMPT,
                    .learner = "anna",
                    .mode = ATTEMPT_EXAM,
                    .course = (char *)course_id,
                    .started = finished - 3000,
                    .finished = finished,
                    .score = score,
                    .pass_mark = 75,
                    .passed = passed};
}

/* A learner's file: records and their statuses, in file order. */
typedef struct {
    Record r[16];
    RecordStatus st[16];
    int n;
} File;

static void add(File *f, Record r, RecordStatus st)
{
    f->r[f->n] = r;
    f->st[f->n] = st;
    f->n++;
}

static CertStatus status(const Course *c, const File *f, int64_t now)
{
    const Record *p[16];
    for (int i = 0; i < f->n; i++)
        p[i] = &f->r[i];
    return certify_status_records(c, p, f->st, f->n, now);
}

static File with_profile(void)
{
    File f = {.n = 0};
    add(&f, (Record){.kind = RECORD_PROFILE, .learner = "anna", .name = "Anna"}, RECORD_GOOD);
    return f;
}

static void test_no_records(void **state)
{
    (void)state;
    Course c = course(3, 24);
    File f = with_profile();
    CertStatus s = status(&c, &f, T0);
    assert_int_equal(s.modules_total, 2);
    assert_int_equal(s.modules_passed, 0);
    assert_false(s.module_passed[0] || s.module_passed[1]);
    assert_true(s.module_best[0] == -1 && s.module_best[1] == -1);
    assert_int_equal(s.exam_attempts, 0);
    assert_int_equal(s.exam_attempts_left, 3);
    assert_false(s.exam_passed);
    assert_null(s.best_exam);
    assert_false(s.certified);
    assert_true(s.next_exam_at == 0);
    assert_int_equal(certify_exam_gate_status(&s, T0, NULL), EXAM_ALLOWED);
    certify_status_free(&s);
    assert_null(s.module_passed);
    certify_status_free(&s); /* twice is harmless */

    s = certify_status_records(&c, NULL, NULL, 0, T0);
    assert_int_equal(s.modules_total, 2);
    assert_false(s.certified);
    certify_status_free(&s);

    /* No course: nothing, nothing certified. */
    s = status(NULL, &f, T0);
    assert_int_equal(s.modules_total, 0);
    assert_false(s.certified);
    certify_status_free(&s);
}

static void test_module_quizzes(void **state)
{
    (void)state;
    Course c = course(3, 0);
    File f = with_profile();
    add(&f, quiz("essentials", "iliopsoas", 0.6, false, T0), RECORD_GOOD);
    CertStatus s = status(&c, &f, T0);
    assert_false(s.module_passed[0]);
    assert_true(fabs(s.module_best[0] - 0.6) < 1e-12);
    assert_int_equal(s.modules_passed, 0);
    certify_status_free(&s);

    add(&f, quiz("essentials", "iliopsoas", 0.9, true, T0 + 100), RECORD_GOOD);
    add(&f, quiz("essentials", "iliopsoas", 0.7, false, T0 + 200),
        RECORD_GOOD); /* a later fail keeps the pass */
    s = status(&c, &f, T0);
    assert_true(s.module_passed[0]);
    assert_true(fabs(s.module_best[0] - 0.9) < 1e-12);
    assert_int_equal(s.modules_passed, 1);
    assert_false(s.module_passed[1]);
    certify_status_free(&s);

    /* The recorded verdict stands, whatever today's pass mark says. */
    f = with_profile();
    add(&f, quiz("essentials", "ql", 0.5, true, T0), RECORD_GOOD);
    s = status(&c, &f, T0);
    assert_true(s.module_passed[1]);
    certify_status_free(&s);

    /* Not counted: another course's quiz of the same muscle, a module the
     * course does not list, an exam, and any record that is not good. */
    f = with_profile();
    add(&f, quiz("complete", "iliopsoas", 1, true, T0), RECORD_GOOD);
    add(&f, quiz("essentials", "piriformis", 1, true, T0), RECORD_GOOD);
    add(&f, quiz(NULL, "iliopsoas", 1, true, T0), RECORD_GOOD);
    add(&f, quiz("essentials", NULL, 1, true, T0), RECORD_GOOD);
    RecordStatus bad[] = {RECORD_EDITED, RECORD_MISSING, RECORD_REORDERED, RECORD_TRUNCATED};
    for (int i = 0; i < N(bad); i++) {
        add(&f, quiz("essentials", "iliopsoas", 1, true, T0), bad[i]);
        add(&f, quiz("essentials", "ql", 1, true, T0), bad[i]);
    }
    s = status(&c, &f, T0);
    assert_int_equal(s.modules_passed, 0);
    assert_true(s.module_best[0] == -1 && s.module_best[1] == -1);
    assert_int_equal(s.exam_attempts, 0);
    certify_status_free(&s);
}

static void test_exam_attempts_and_limit(void **state)
{
    (void)state;
    Course c = course(3, 0);
    File f = with_profile();
    add(&f, exam("essentials", 0.5, false, T0), RECORD_GOOD);
    add(&f, exam("complete", 0.5, false, T0), RECORD_GOOD); /* another course */
    add(&f, quiz("essentials", "ql", 0.5, false, T0), RECORD_GOOD);
    add(&f, exam("essentials", 0.6, false, T0 + HOUR), RECORD_GOOD);
    CertStatus s = status(&c, &f, T0 + 2 * HOUR);
    assert_int_equal(s.exam_attempts, 2);
    assert_int_equal(s.exam_attempts_left, 1);
    assert_false(s.exam_passed);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 2 * HOUR, NULL), EXAM_ALLOWED);
    certify_status_free(&s);

    /* A tampered exam record still uses up an attempt (so tampering cannot
     * win attempts back), and cannot pass even if it says so. */
    add(&f, exam("essentials", 0.95, true, T0 + 2 * HOUR), RECORD_EDITED);
    s = status(&c, &f, T0 + 3 * HOUR);
    assert_int_equal(s.exam_attempts, 3);
    assert_int_equal(s.exam_attempts_left, 0);
    assert_false(s.exam_passed);
    assert_null(s.best_exam);
    int64_t wait = 42;
    assert_int_equal(certify_exam_gate_status(&s, T0 + 3 * HOUR, &wait), EXAM_NO_ATTEMPTS_LEFT);
    assert_true(wait == 42);
    certify_status_free(&s);

    /* More attempts than allowed (the limit was lowered, or records came
     * from elsewhere): none left, not a negative number. */
    add(&f, exam("essentials", 0.1, false, T0 + 4 * HOUR), RECORD_GOOD);
    s = status(&c, &f, T0 + 5 * HOUR);
    assert_int_equal(s.exam_attempts, 4);
    assert_int_equal(s.exam_attempts_left, 0);
    certify_status_free(&s);

    /* Unlimited. */
    c.exam.attempts = 0;
    s = status(&c, &f, T0 + 5 * HOUR);
    assert_int_equal(s.exam_attempts, 4);
    assert_int_equal(s.exam_attempts_left, -1);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 5 * HOUR, NULL), EXAM_ALLOWED);
    certify_status_free(&s);
}

static void test_wait_between_attempts(void **state)
{
    (void)state;
    Course c = course(3, 24);
    File f = with_profile();
    add(&f, exam("essentials", 0.5, false, T0 + 10 * HOUR), RECORD_GOOD);
    /* Out of order in the file: the wait runs from the latest finish. */
    add(&f, exam("essentials", 0.5, false, T0), RECORD_REORDERED);
    int64_t wait = 0;
    CertStatus s = status(&c, &f, T0 + 11 * HOUR);
    assert_true(s.next_exam_at == T0 + 34 * HOUR);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 11 * HOUR, &wait), EXAM_TOO_SOON);
    assert_true(wait == T0 + 34 * HOUR);
    /* The same status later on: the gate opens at the exact second. */
    assert_int_equal(certify_exam_gate_status(&s, T0 + 34 * HOUR - 1, NULL), EXAM_TOO_SOON);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 34 * HOUR, NULL), EXAM_ALLOWED);
    certify_status_free(&s);

    s = status(&c, &f, T0 + 34 * HOUR);
    assert_true(s.next_exam_at == 0);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 34 * HOUR, NULL), EXAM_ALLOWED);
    certify_status_free(&s);

    /* No wait configured. */
    c.exam.wait_hours = 0;
    s = status(&c, &f, T0 + 10 * HOUR);
    assert_true(s.next_exam_at == 0);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 10 * HOUR, NULL), EXAM_ALLOWED);
    certify_status_free(&s);

    /* No attempts left wins over the wait. */
    c.exam.wait_hours = 24;
    c.exam.attempts = 2;
    s = status(&c, &f, T0 + 11 * HOUR);
    assert_int_equal(certify_exam_gate_status(&s, T0 + 11 * HOUR, NULL), EXAM_NO_ATTEMPTS_LEFT);
    certify_status_free(&s);
}

static void test_certification(void **state)
{
    (void)state;
    Course c = course(3, 24);
    File f = with_profile();
    add(&f, quiz("essentials", "iliopsoas", 0.85, true, T0), RECORD_GOOD);
    add(&f, exam("essentials", 0.5, false, T0 + HOUR), RECORD_GOOD);
    add(&f, exam("essentials", 0.8, true, T0 + 30 * HOUR), RECORD_GOOD);
    CertStatus s = status(&c, &f, T0 + 31 * HOUR);
    /* The exam is passed but a module is not: not certified yet. */
    assert_true(s.exam_passed);
    assert_ptr_equal(s.best_exam, &f.r[3]);
    assert_int_equal(s.modules_passed, 1);
    assert_false(s.certified);
    int64_t wait = 0;
    assert_int_equal(certify_exam_gate_status(&s, T0 + 31 * HOUR, &wait), EXAM_ALREADY_PASSED);
    certify_status_free(&s);

    /* The last module passed afterwards: certified. */
    add(&f, quiz("essentials", "ql", 0.8, true, T0 + 40 * HOUR), RECORD_GOOD);
    s = status(&c, &f, T0 + 41 * HOUR);
    assert_int_equal(s.modules_passed, 2);
    assert_true(s.certified);
    certify_status_free(&s);

    /* A better pass later is the best exam (no further attempt is allowed
     * by the gate, but records are judged as they are). */
    add(&f, exam("essentials", 0.9, true, T0 + 60 * HOUR), RECORD_GOOD);
    add(&f, exam("essentials", 0.9, true, T0 + 90 * HOUR), RECORD_GOOD); /* 4th: over the limit */
    s = status(&c, &f, T0 + 100 * HOUR);
    assert_ptr_equal(s.best_exam, &f.r[5]);
    assert_true(s.certified);
    certify_status_free(&s);

    /* The only pass tampered with: not passed, not certified. */
    f.st[3] = RECORD_EDITED;
    f.st[5] = RECORD_TRUNCATED;
    s = status(&c, &f, T0 + 100 * HOUR);
    assert_false(s.exam_passed);
    assert_null(s.best_exam);
    assert_false(s.certified);
    assert_int_equal(s.exam_attempts, 4);
    /* The good pass is the 4th attempt of 3 allowed: it does not count. */
    assert_int_equal(certify_exam_gate_status(&s, T0 + 100 * HOUR, NULL), EXAM_NO_ATTEMPTS_LEFT);
    certify_status_free(&s);

    /* A quiz pass tampered with: the module is not passed. */
    f = with_profile();
    add(&f, quiz("essentials", "iliopsoas", 0.85, true, T0), RECORD_GOOD);
    add(&f, quiz("essentials", "ql", 0.85, true, T0), RECORD_MISSING);
    add(&f, exam("essentials", 0.8, true, T0 + HOUR), RECORD_GOOD);
    s = status(&c, &f, T0 + 2 * HOUR);
    assert_true(s.exam_passed);
    assert_false(s.certified);
    certify_status_free(&s);
}

static void test_listed_module_not_loaded(void **state)
{
    (void)state;
    /* A module the course lists but this station could not load still has
     * to be passed (its quiz cannot be taken until the content is fixed). */
    static char *ids[] = {"iliopsoas", "ql", "broken"};
    Course c = course(3, 0);
    c.module_ids = ids;
    c.n_modules = 3;
    File f = with_profile();
    add(&f, quiz("essentials", "iliopsoas", 1, true, T0), RECORD_GOOD);
    add(&f, quiz("essentials", "ql", 1, true, T0), RECORD_GOOD);
    add(&f, exam("essentials", 1, true, T0), RECORD_GOOD);
    CertStatus s = status(&c, &f, T0);
    assert_int_equal(s.modules_total, 3);
    assert_int_equal(s.modules_passed, 2);
    assert_false(s.certified);
    certify_status_free(&s);

    /* A course without modules: the exam alone certifies. */
    c.n_modules = 0;
    c.module_ids = NULL;
    s = status(&c, &f, T0);
    assert_int_equal(s.modules_total, 0);
    assert_true(s.certified);
    certify_status_free(&s);
}

static void test_scorefile_wrappers_without_file(void **state)
{
    (void)state;
    Course c = course(2, 24);
    CertStatus s = certify_status(&c, NULL, T0);
    assert_int_equal(s.exam_attempts_left, 2);
    assert_false(s.certified);
    certify_status_free(&s);
    int64_t wait = 7;
    assert_int_equal(certify_exam_gate(&c, NULL, T0, &wait), EXAM_ALLOWED);
    assert_true(wait == 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_records),
        cmocka_unit_test(test_module_quizzes),
        cmocka_unit_test(test_exam_attempts_and_limit),
        cmocka_unit_test(test_wait_between_attempts),
        cmocka_unit_test(test_certification),
        cmocka_unit_test(test_listed_module_not_loaded),
        cmocka_unit_test(test_scorefile_wrappers_without_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
