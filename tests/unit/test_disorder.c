/* Unit tests for src/core/disorder.c: good conditions load in order with
 * their muscles and protocols resolved; every kind of mistake is reported
 * with path:line and the rest still loads; the directory's search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "disorder.h"
#include "support.h"

static Library *good_library(Diag *d)
{
    return library_load(TEST_DATA_DIR "/good/courses", TEST_DATA_DIR "/good/assets", d);
}

static int setup(void **state)
{
    (void)state;
    if (!tmp_create("tpquiz-test-disorder"))
        return -1;
    put("protocols/neck_pain.ini", "[protocol]\nid = neck_pain\ntitle = Neck pain\nsummary = Stiff.\n"
                                   "regions = neck\nmuscles = neck_one: refers up the neck\n");
    return 0;
}

/* The library and protocols the files resolve against. */
typedef struct {
    Diag *ld;
    Library *lib;
    ProtocolSet *protocols;
} World;

static World world(void)
{
    World w;
    w.ld = diag_create();
    w.lib = good_library(w.ld);
    w.protocols = protocols_load(tmp_path("protocols"), w.lib, w.ld);
    assert_int_equal(protocols_count(w.protocols), 1);
    return w;
}

static void world_free(World *w)
{
    protocols_free(w->protocols);
    library_free(w->lib);
    diag_free(w->ld);
}

static void test_good(void **state)
{
    (void)state;
    put("d/b_stiff_neck.ini", "[disorder]\nid = b_stiff_neck\ntitle = Stiff neck\n"
                              "summary = A neck that will not turn,\n  often after sleeping badly.\n"
                              "feels_like = Aching at the angle of the neck.\n"
                              "muscles = neck_one: the classic stiff neck\n  hip_two: a second look\n"
                              "rule_out = Fever with a stiff neck\n  Trauma\n"
                              "refer_when = Numbness in the arm\n"
                              "related_protocols = neck_pain\n");
    put("d/a_hip.ini", "[disorder]\nid = a_hip\ntitle = Hip pain\nsummary = Deep ache.\n"
                       "feels_like = Ache.\nmuscles = hip_two: refers over the hip\n"
                       "rule_out = Fracture\nrefer_when = Night pain\n");
    put("d/notes.txt", "not a disorder\n");
    World w = world();
    Diag *d = diag_create();
    DisorderSet *set = disorders_load(tmp_path("d"), w.lib, w.protocols, d);
    assert_string_equal(diag_text(d, DIAG_TEXT_RELATIVE), "");
    assert_int_equal(disorders_count(set), 2);
    const Disorder *a = disorders_get(set, 0), *b = disorders_get(set, 1);
    assert_string_equal(a->id, "a_hip"); /* sorted by file name */
    assert_int_equal(a->n_protocols, 0);
    assert_string_equal(b->summary, "A neck that will not turn, often after sleeping badly.");
    assert_int_equal(b->n_muscles, 2);
    assert_string_equal(b->muscles[0].module_id, "neck_one");
    assert_string_equal(b->muscles[0].why, "the classic stiff neck");
    assert_non_null(b->muscles[0].module);
    assert_string_equal(b->muscles[1].module->id, "hip_two");
    assert_int_equal(b->muscles[1].line, 8);
    assert_int_equal(b->n_rule_out, 2); /* a list: one item per line */
    assert_string_equal(b->rule_out[1], "Trauma");
    assert_int_equal(b->n_refer_when, 1);
    assert_int_equal(b->n_protocols, 1);
    assert_non_null(b->protocols[0].protocol);
    assert_string_equal(b->protocols[0].protocol->title, "Neck pain");

    /* Search: title, text and muscle ids and names, any case. */
    assert_true(disorder_matches(b, ""));
    assert_true(disorder_matches(b, "STIFF"));
    assert_true(disorder_matches(b, "sleeping"));
    assert_true(disorder_matches(b, "will not"));  /* across words */
    assert_false(disorder_matches(b, "eeping"));   /* words are found by their start */
    assert_true(disorder_matches(b, "two"));       /* a word of a module id */
    assert_true(disorder_matches(b, "hip_two"));
    assert_true(disorder_matches(b, b->muscles[0].module->name));
    assert_false(disorder_matches(b, "plantar"));
    assert_false(disorder_matches(a, "neck"));
    disorders_free(set);
    world_free(&w);
    diag_free(d);
}

static void test_bad(void **state)
{
    (void)state;
    put("d/bad.ini", "[disorder]\n"                                   /* 1 */
                     "id = other\n"                                   /* 2 */
                     "title = Bad\n"                                  /* 3 */
                     "muscles = neck_one: fine\n"                     /* 4 */
                     "  no colon here\n"                              /* 5 */
                     "  ghost: not a module\n"                        /* 6 */
                     "  neck_one: twice\n"                            /* 7 */
                     "  Bad-Id: x\n"                                  /* 8 */
                     "  hip_two:\n"                                   /* 9 */
                     "related_protocols = neck_pain, nowhere, neck_pain, X\n" /* 10 */
                     "rule_out =\n"                                   /* 11 */
                     "refer_wen = later\n"                            /* 12 */
                     "[extra]\n");                                    /* 13 */
    World w = world();
    Diag *d = diag_create();
    DisorderSet *set = disorders_load(tmp_path("d"), w.lib, w.protocols, d);
    diag_sort(d);
    assert_string_equal(diag_text(d, DIAG_TEXT_RELATIVE),
                        "d/bad.ini:1: error: missing key 'id' in [disorder]\n"
                        "d/bad.ini:1: error: missing key 'summary' in [disorder]\n"
                        "d/bad.ini:1: error: missing key 'feels_like' in [disorder]\n"
                        "d/bad.ini:1: error: missing key 'refer_when' in [disorder]\n"
                        "d/bad.ini:1: error: 'rule_out' is empty: say what must be ruled out first\n"
                        "d/bad.ini:2: error: disorder id 'other' does not match the file name 'bad.ini'\n"
                        "d/bad.ini:5: error: expected 'module_id: why to examine it', not 'no colon here'\n"
                        "d/bad.ini:6: error: module 'ghost' not found in the courses\n"
                        "d/bad.ini:7: error: module 'neck_one' is listed twice\n"
                        "d/bad.ini:8: error: bad module id 'Bad-Id': use lowercase letters, digits and '_'\n"
                        "d/bad.ini:9: error: the muscle 'hip_two' gives no reason to examine it\n"
                        "d/bad.ini:10: error: protocol 'nowhere' not found in the protocols folder\n"
                        "d/bad.ini:10: error: protocol 'neck_pain' is listed twice\n"
                        "d/bad.ini:10: error: bad protocol id 'X': use lowercase letters, digits and '_'\n"
                        "d/bad.ini:12: error: unknown key 'refer_wen' in [disorder] (did you mean 'refer_when'?)\n"
                        "d/bad.ini:13: error: unknown section [extra] (a disorder file has only [disorder])\n");
    assert_int_equal(disorders_count(set), 0); /* incomplete: left out */
    disorders_free(set);
    world_free(&w);
    diag_free(d);
}

/* Without a library or protocols nothing is resolved and nothing is
 * reported missing: the file's own form is still checked. */
static void test_unresolved(void **state)
{
    (void)state;
    put("d/x.ini", "[disorder]\nid = x\ntitle = X\nsummary = S\nfeels_like = F\n"
                   "muscles = anything: why\nrule_out = R\nrefer_when = W\nrelated_protocols = any_one\n");
    Diag *d = diag_create();
    DisorderSet *set = disorders_load_file(tmp_path("d/x.ini"), NULL, NULL, d);
    assert_non_null(set);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(disorders_count(set), 1);
    assert_null(disorders_get(set, 0)->muscles[0].module);
    assert_null(disorders_get(set, 0)->protocols[0].protocol);
    disorders_free(set);
    diag_free(d);
}

/* Many items: the lists grow past their first allocations. */
static void test_many(void **state)
{
    (void)state;
    char text[8192];
    int n = snprintf(text, sizeof text, "[disorder]\nid = many\ntitle = M\nsummary = S\nfeels_like = F\n"
                                        "refer_when = W\nrule_out = R0\n");
    for (int i = 1; i < 40; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "  R%d\n", i);
    n += snprintf(text + n, sizeof text - (size_t)n, "muscles = m0: w\n");
    for (int i = 1; i < 40; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "  m%d: w%d\n", i, i);
    put("d/many.ini", text);
    Diag *d = diag_create();
    DisorderSet *set = disorders_load(tmp_path("d"), NULL, NULL, d);
    assert_string_equal(diag_text(d, DIAG_TEXT_RELATIVE), "");
    const Disorder *c = disorders_get(set, 0);
    assert_int_equal(c->n_rule_out, 40);
    assert_int_equal(c->n_muscles, 40);
    assert_string_equal(c->rule_out[39], "R39");
    assert_string_equal(c->muscles[39].why, "w39");
    disorders_free(set);
    diag_free(d);
}

static void test_missing_dir_and_file(void **state)
{
    (void)state;
    Diag *d = diag_create();
    DisorderSet *set = disorders_load("/nonexistent/disorders", NULL, NULL, d);
    assert_int_equal(disorders_count(set), 0);
    assert_int_equal(diag_count(d), 0);
    disorders_free(set);
    assert_null(disorders_load_file("/nonexistent/x.ini", NULL, NULL, d));
    assert_int_equal(diag_error_count(d), 1);
    diag_free(d);
}

static void test_empty_and_garbage(void **state)
{
    (void)state;
    put("d/empty.ini", "");
    put("d/junk.ini", "\x01\x02 not ini at all\n[disorder\n");
    Diag *d = diag_create();
    DisorderSet *set = disorders_load(tmp_path("d"), NULL, NULL, d);
    assert_int_equal(disorders_count(set), 0);
    assert_true(diag_error_count(d) >= 2);
    disorders_free(set);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_good, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_bad, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_unresolved, setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_many, setup, tmp_teardown),
        cmocka_unit_test(test_missing_dir_and_file),
        cmocka_unit_test_setup_teardown(test_empty_and_garbage, setup, tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
