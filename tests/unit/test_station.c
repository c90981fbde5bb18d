/* Unit tests for src/core/station.c: the learners of a data folder,
 * signing in (lock, temporary files, score file checks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "station.h"

#define NOW 1767344400 /* 2026-01-02 09:00 UTC */

typedef struct {
    char dir[64];
    unsigned char key[STATION_KEY_BYTES];
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/tpquiz-station-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    Diag *d = diag_create();
    int rc = station_key_load(f->dir, f->key, d);
    diag_free(d);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static StationStatus sign_in(Fixture *f, const char *id, const char *name, StationSignIn *in, char *msg,
                             size_t size)
{
    Diag *d = diag_create();
    StationStatus st = station_sign_in(f->dir, id, name, NOW, f->key, in, msg, size, d);
    diag_free(d);
    return st;
}

static void sign_out(StationSignIn *in)
{
    scorefile_free(in->scores);
    close(in->lock);
}

static void test_learner_path(void **state)
{
    (void)state;
    char buf[256];
    station_learner_path("/data", "ann.lee", "scores", buf, sizeof buf);
    assert_string_equal(buf, "/data/learners/ann.lee.scores");
    station_learner_path(NULL, "ann.lee", "review", buf, sizeof buf);
    assert_string_equal(buf, "./learners/ann.lee.review");
}

static void test_no_folder_no_learners(void **state)
{
    Fixture *f = *state;
    KnownLearner *k = (KnownLearner *)1;
    assert_int_equal(station_scan_learners(f->dir, f->key, NULL, NULL, &k), 0);
    assert_null(k);
    assert_int_equal(station_scan_learners(NULL, f->key, NULL, NULL, &k), 0);
    assert_null(k);
}

/* New learners sign in and are then listed by name, case-insensitively. */
static void test_new_learners_listed_by_name(void **state)
{
    Fixture *f = *state;
    const char *ids[] = {"zed.one", "amy.two", "bob.three"};
    const char *names[] = {"alice Zed", "Bob Amy", "Adam Bob"};
    for (int i = 0; i < 3; i++) {
        StationSignIn in;
        char msg[300];
        assert_int_equal(sign_in(f, ids[i], names[i], &in, msg, sizeof msg), STATION_SIGNED_IN);
        assert_string_equal(msg, "");
        assert_non_null(in.scores);
        assert_true(in.lock >= 0);
        assert_true(scorefile_intact(in.scores));
        assert_string_equal(scorefile_name(in.scores), names[i]);
        sign_out(&in);
    }
    /* Not a learner's score file: skipped. */
    char path[256];
    snprintf(path, sizeof path, "%s/learners/Bad Id.scores", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fclose(fp);
    KnownLearner *k = NULL;
    int n = station_scan_learners(f->dir, f->key, NULL, NULL, &k);
    assert_int_equal(n, 3);
    assert_string_equal(k[0].name, "Adam Bob");
    assert_string_equal(k[0].id, "bob.three");
    assert_string_equal(k[1].name, "alice Zed");
    assert_string_equal(k[2].name, "Bob Amy");
    assert_true(k[0].intact && k[1].intact && k[2].intact);
    free(k);
    /* Without the key the learners are still listed. */
    n = station_scan_learners(f->dir, NULL, NULL, NULL, &k);
    assert_int_equal(n, 3);
    assert_string_equal(k[0].id, "bob.three");
    free(k);
}

static bool stop_at_once(void *ctx)
{
    (*(int *)ctx)++;
    return false;
}

static void test_scan_stops_when_asked(void **state)
{
    Fixture *f = *state;
    StationSignIn in;
    char msg[300];
    assert_int_equal(sign_in(f, "ann.lee", "Ann Lee", &in, msg, sizeof msg), STATION_SIGNED_IN);
    sign_out(&in);
    int asked = 0;
    KnownLearner *k = NULL;
    assert_int_equal(station_scan_learners(f->dir, f->key, stop_at_once, &asked, &k), 0);
    assert_int_equal(asked, 1);
    assert_null(k);
}

/* A second sign-in of a learner already signed in is refused. */
static void test_second_sign_in_refused(void **state)
{
    Fixture *f = *state;
    StationSignIn in, again;
    char msg[300];
    assert_int_equal(sign_in(f, "ann.lee", "Ann Lee", &in, msg, sizeof msg), STATION_SIGNED_IN);
    assert_int_equal(sign_in(f, "ann.lee", NULL, &again, msg, sizeof msg), STATION_IN_USE);
    assert_non_null(strstr(msg, "another tpquiz window"));
    assert_null(again.scores);
    assert_int_equal(again.lock, -1);
    sign_out(&in);
    assert_int_equal(sign_in(f, "ann.lee", NULL, &again, msg, sizeof msg), STATION_SIGNED_IN);
    sign_out(&again);
}

static void test_missing_file_unreadable(void **state)
{
    Fixture *f = *state;
    StationSignIn in;
    char msg[300];
    assert_int_equal(sign_in(f, "nobody.here", NULL, &in, msg, sizeof msg), STATION_UNREADABLE);
    assert_string_equal(msg, "Your learner file could not be read.");
    assert_null(in.scores);
    /* The lock was let go. */
    StationSignIn ok;
    assert_int_equal(sign_in(f, "nobody.here", "Nobody Here", &ok, msg, sizeof msg), STATION_SIGNED_IN);
    sign_out(&ok);
}

/* Another learner's score file copied under this learner's name. */
static void test_copied_file_misnamed(void **state)
{
    Fixture *f = *state;
    StationSignIn in;
    char msg[300];
    assert_int_equal(sign_in(f, "ann.lee", "Ann Lee", &in, msg, sizeof msg), STATION_SIGNED_IN);
    sign_out(&in);
    char from[256], to[256], cmd[600];
    station_learner_path(f->dir, "ann.lee", "scores", from, sizeof from);
    station_learner_path(f->dir, "eve.copy", "scores", to, sizeof to);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(sign_in(f, "eve.copy", NULL, &in, msg, sizeof msg), STATION_MISNAMED);
    assert_non_null(strstr(msg, "'ann.lee', not 'eve.copy'"));
    assert_null(in.scores);
}

/* Temporary files of interrupted saves are removed at sign-in and counted. */
static void test_temporaries_removed(void **state)
{
    Fixture *f = *state;
    StationSignIn in;
    char msg[300];
    assert_int_equal(sign_in(f, "ann.lee", "Ann Lee", &in, msg, sizeof msg), STATION_SIGNED_IN);
    sign_out(&in);
    const char *left[] = {"ann.lee.progress.tmp-abc123", "ann.lee.progress.tmp-XYZ789", "ann.lee.review.tmp-q1w2e3"};
    for (int i = 0; i < 3; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/learners/%s", f->dir, left[i]);
        int fd = open(path, O_CREAT | O_WRONLY, 0600);
        assert_true(fd >= 0);
        close(fd);
    }
    assert_int_equal(sign_in(f, "ann.lee", NULL, &in, msg, sizeof msg), STATION_SIGNED_IN);
    assert_int_equal(in.removed[0], 0); /* scores */
    assert_int_equal(in.removed[1], 0); /* journal */
    assert_int_equal(in.removed[2], 2); /* progress */
    assert_int_equal(in.removed[3], 1); /* review */
    assert_string_equal(STATION_EXT_NAMES[2], "progress");
    sign_out(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_learner_path),
        cmocka_unit_test_setup_teardown(test_no_folder_no_learners, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_learners_listed_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scan_stops_when_asked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_sign_in_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_unreadable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copied_file_misnamed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_temporaries_removed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
