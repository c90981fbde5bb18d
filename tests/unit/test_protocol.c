/* Unit tests for src/core/protocol.c: good protocols load in order with
 * their steps resolved; every kind of mistake is reported with path:line
 * and the rest still loads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "protocol.h"
#include "support.h"

static Library *good_library(Diag *d)
{
    return library_load(TEST_DATA_DIR "/good/courses", TEST_DATA_DIR "/good/assets", d);
}

static int setup(void **state)
{
    (void)state;
    return tmp_create("tpquiz-test-protocol") ? 0 : -1;
}

static void test_good(void **state)
{
    (void)state;
    put("b_neck.ini", "[protocol]\nid = b_neck\ntitle = Neck pain\nsummary = Stiff neck,\n"
                      "  worse turning.\nregions = neck, upper_back\n"
                      "muscles = neck_one: refers up the neck\n  hip_two: a second look\n");
    put("a_hip.ini", "[protocol]\nid = a_hip\ntitle = Hip pain\nsummary = Deep ache.\n"
                     "regions = hip\nmuscles = hip_two: refers over the hip\n");
    put("notes.txt", "not a protocol\n");
    Diag *ld = diag_create();
    Library *lib = good_library(ld);
    Diag *d = diag_create();
    ProtocolSet *set = protocols_load(tmp_dir(), lib, d);
    assert_string_equal(diag_text(d, DIAG_TEXT_RELATIVE), "");
    assert_int_equal(protocols_count(set), 2);
    const Protocol *a = protocols_get(set, 0), *b = protocols_get(set, 1);
    assert_string_equal(a->id, "a_hip"); /* sorted by file name */
    assert_string_equal(b->title, "Neck pain");
    assert_string_equal(b->summary, "Stiff neck, worse turning.");
    assert_int_equal(b->n_regions, 2);
    assert_string_equal(b->regions[1], "upper_back");
    assert_int_equal(b->n_steps, 2);
    assert_string_equal(b->steps[0].module_id, "neck_one");
    assert_string_equal(b->steps[0].reason, "refers up the neck");
    assert_non_null(b->steps[0].module);
    assert_string_equal(b->steps[0].module->id, "neck_one");
    assert_int_equal(b->steps[1].line, 8);
    protocols_free(set);
    library_free(lib);
    diag_free(ld);
    diag_free(d);
}

static void test_bad(void **state)
{
    (void)state;
    put("bad.ini", "[protocol]\n"                    /* 1 */
                   "id = other\n"                    /* 2 */
                   "title = Bad\n"                   /* 3 */
                   "regions = neck, nowhere, neck\n" /* 4 */
                   "muscles = neck_one: fine\n"      /* 5 */
                   "  no colon here\n"               /* 6 */
                   "  ghost: not a module\n"         /* 7 */
                   "  neck_one: twice\n"             /* 8 */
                   "  Bad-Id: x\n"                   /* 9 */
                   "  hip_two:\n"                    /* 10 */
                   "musclez = neck_one: x\n"         /* 11 */
                   "[extra]\n");                     /* 12 */
    Diag *ld = diag_create();
    Library *lib = good_library(ld);
    Diag *d = diag_create();
    ProtocolSet *set = protocols_load(tmp_dir(), lib, d);
    diag_sort(d);
    assert_string_equal(
        diag_text(d, DIAG_TEXT_RELATIVE),
        "bad.ini:1: error: missing key 'id' in [protocol]\n"
        "bad.ini:1: error: missing key 'summary' in [protocol]\n"
        "bad.ini:2: error: protocol id 'other' does not match the file name 'bad.ini'\n"
        "bad.ini:4: error: unknown pain region 'nowhere' (the ids are listed in docs/FORMATS.md)\n"
        "bad.ini:4: error: pain region 'neck' is listed twice\n"
        "bad.ini:6: error: expected 'module_id: one line of reasoning', not 'no colon here'\n"
        "bad.ini:7: error: module 'ghost' not found in the courses\n"
        "bad.ini:8: error: module 'neck_one' is listed twice\n"
        "bad.ini:9: error: bad module id 'Bad-Id': use lowercase letters, digits and '_'\n"
        "bad.ini:10: error: the step for 'hip_two' gives no reason\n"
        "bad.ini:11: error: unknown key 'musclez' in [protocol] (did you mean 'muscles'?)\n"
        "bad.ini:12: error: unknown section [extra] (a protocol has only [protocol])\n");
    /* Without a valid id it is not loaded at all. */
    assert_int_equal(protocols_count(set), 0);
    protocols_free(set);
    library_free(lib);
    diag_free(ld);
    diag_free(d);
}

static void test_missing_dir_and_file(void **state)
{
    (void)state;
    Diag *d = diag_create();
    ProtocolSet *set = protocols_load("/nonexistent/protocols", NULL, d);
    assert_int_equal(protocols_count(set), 0);
    assert_int_equal(diag_count(d), 0);
    protocols_free(set);
    assert_null(protocols_load_file("/nonexistent/x.ini", NULL, d));
    assert_int_equal(diag_error_count(d), 1);
    diag_free(d);
}

static void test_empty_and_garbage(void **state)
{
    (void)state;
    put("empty.ini", "");
    put("junk.ini", "\x01\x02 not ini at all\n[protocol\n");
    Diag *d = diag_create();
    ProtocolSet *set = protocols_load(tmp_dir(), NULL, d);
    assert_int_equal(protocols_count(set), 0);
    assert_true(diag_error_count(d) >= 2);
    protocols_free(set);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_good, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_bad, setup, tmp_teardown),
        cmocka_unit_test(test_missing_dir_and_file),
        cmocka_unit_test_setup_teardown(test_empty_and_garbage, setup, tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
