/* Unit tests for check: what each kind of path is taken for, and what is
 * checked when no path is given. The loaders' own messages are tested in
 * test_course.c and the golden tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "check.h"
#include "support.h"

#define GOOD TEST_DATA_DIR "/good"
#define BAD TEST_DATA_DIR "/bad"

static Config *cfg;

static int setup(void **state)
{
    (void)state;
    if (!tmp_create("tpquiz-check"))
        return -1;
    Diag *d = diag_create();
    cfg = config_load(GOOD "/config.ini", NULL, d);
    int problems = diag_count(d);
    diag_free(d);
    return cfg && problems == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    config_free(cfg);
    return tmp_remove();
}

/* Runs check_paths on one path (NULL: none) and returns the sorted
 * diagnostics with the temp folder as "T" and the data folder as "D". */
static const char *check(const char *path, const Config *c, int *errors)
{
    Diag *d = diag_create();
    const char *paths[1] = {path};
    int e = check_paths(paths, path ? 1 : 0, c, d);
    assert_int_equal(e, diag_error_count(d));
    if (errors)
        *errors = e;
    const char *out = diag_text(d, DIAG_TEXT_SORTED | DIAG_TEXT_DATA);
    diag_free(d);
    return out;
}

static void test_missing_path(void **state)
{
    (void)state;
    int errors = 0;
    assert_string_equal(check("no/such/thing.ini", cfg, &errors),
                        "no/such/thing.ini: error: no such file or directory\n");
    assert_int_equal(errors, 1);
}

static void test_good_paths(void **state)
{
    (void)state;
    const char *good[] = {
        GOOD "/courses",
        GOOD "/courses/",
        GOOD "/courses/basics",
        GOOD "/courses/basics/course.ini",
        GOOD "/courses/muscles/neck_one.ini",
        GOOD "/config.ini",
        GOOD "/assets/anatomy/front.svg",
        GOOD "/assets/anatomy",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        int errors = -1;
        const char *out = check(good[i], cfg, &errors);
        if (out[0])
            fprintf(stderr, "%s:\n%s", good[i], out);
        assert_string_equal(out, "");
        assert_int_equal(errors, 0);
    }
}

static void test_kinds_of_ini(void **state)
{
    (void)state;
    put("k/unknown.ini", "; nothing here yet\n[settings]\nx = 1\n");
    put("k/empty.ini", "\n\n");
    put("k/nosection.ini", "x = 1\n");
    put("k/notes.txt", "hello\n");
    put("k/cfg.ini", "[window]\nwidth = 10\n");
    char path[256];
    snprintf(path, sizeof path, "%s/k/unknown.ini", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/k/unknown.ini:2: error: cannot tell what this file is: it starts with "
                        "[settings], not [course], [muscle], [lesson], [protocol], [disorder] or a config section\n");
    snprintf(path, sizeof path, "%s/k/empty.ini", tmp_dir());
    assert_string_equal(check(path, cfg, NULL), "T/k/empty.ini: error: empty file\n");
    snprintf(path, sizeof path, "%s/k/nosection.ini", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/k/nosection.ini: error: no [section] header: cannot tell a course, a "
                        "module or a config apart\n");
    snprintf(path, sizeof path, "%s/k/notes.txt", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/k/notes.txt: error: cannot check this kind of file (expected .ini or "
                        ".svg)\n");
    snprintf(path, sizeof path, "%s/k/cfg.ini", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/k/cfg.ini:2: error: width must be a whole number from 960 to 16384, "
                        "not '10'\n");

    /* A folder of loose files: each is checked (the .txt is passed over). */
    snprintf(path, sizeof path, "%s/k", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/k/cfg.ini:2: error: width must be a whole number from 960 to 16384, "
                        "not '10'\n"
                        "T/k/empty.ini: error: empty file\n"
                        "T/k/nosection.ini: error: no [section] header: cannot tell a course, a "
                        "module or a config apart\n"
                        "T/k/unknown.ini:2: error: cannot tell what this file is: it starts with "
                        "[settings], not [course], [muscle], [lesson], [protocol], [disorder] or a config section\n");

    mkdir(strcat(path, "/void"), 0755);
    assert_string_equal(check(path, cfg, NULL),
                        "T/k/void: error: nothing to check here: no course.ini, no courses, no "
                        ".ini or .svg files\n");
}

static void test_module_kinds(void **state)
{
    (void)state;
    /* A module file may start with any of its sections. */
    put("m/tp_first.ini", "[tp.a]\nview = front\nat = 300,700\nradius = 5\nprimary = yes\n"
                          "label = A\nlocation = L\n");
    char path[256];
    snprintf(path, sizeof path, "%s/m/tp_first.ini", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/m/tp_first.ini: error: no [muscle] section\n"
                        "T/m/tp_first.ini:2: warning: no muscle overlay for view 'front': "
                        "D/good/assets/anatomy/muscles/tp_first.front.svg does not exist\n");
}

static void test_courses_tree(void **state)
{
    (void)state;
    /* A course, a module it lists, one it does not, and one that is bad. */
    char text[4096];
    FILE *f = fopen(GOOD "/courses/muscles/hip_two.ini", "r");
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    put("tree/muscles/hip_two.ini", text);
    put("tree/muscles/spare.ini", text); /* its id is hip_two's */
    put("tree/one/course.ini", "[course]\nid = one\ntitle = One\nmodules = hip_two\n"
                               "module_pass_mark = 70\n[exam]\ntime_limit = 5\nquestions = 3\n"
                               "pass_mark = 60\nattempts = 1\nwait_hours = 0\n"
                               "show_answers = yes\n");
    put("tree/notes/readme.txt", "not a course\n");
    char path[256];
    snprintf(path, sizeof path, "%s/tree", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/tree/muscles/spare.ini: warning: module 'spare' is not in any course\n"
                        "T/tree/muscles/spare.ini:2: error: module id 'hip_two' does not match the "
                        "file name 'spare.ini'\n"
                        "T/tree/muscles/spare.ini:15: warning: no muscle overlay for view 'front': "
                        "D/good/assets/anatomy/muscles/spare.front.svg does not exist\n"
                        "T/tree/notes: error: no course.ini in this folder: every folder of the "
                        "courses folder but muscles, lessons, protocols and disorders is a course\n");

    /* A muscles folder without courses is still a courses folder. */
    put("tree2/muscles/hip_two.ini", text);
    snprintf(path, sizeof path, "%s/tree2", tmp_dir());
    assert_string_equal(check(path, cfg, NULL),
                        "T/tree2: error: no course here: a courses folder holds <id>/course.ini\n"
                        "T/tree2/muscles/hip_two.ini: warning: module 'hip_two' is not in any "
                        "course\n");
}

static void test_course_file_outside_a_tree(void **state)
{
    (void)state;
    /* A course file not named course.ini finds its modules in the muscles
     * folder next to it. */
    Diag *d = diag_create();
    Config *bad = config_load(BAD "/check.ini", NULL, d);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
    assert_string_equal(check(BAD "/course_missing_module.ini", bad, NULL),
                        "D/bad/course_missing_module.ini:6: error: module 'gamma' not found: "
                        "D/bad/muscles/gamma.ini does not exist\n");
    config_free(bad);
}

static void test_no_paths(void **state)
{
    (void)state;
    /* Built-in settings: only the courses folder. */
    Config *c = config_defaults(GOOD);
    assert_string_equal(check(NULL, c, NULL), "");
    free(c->courses_dir);
    c->courses_dir = strdup(GOOD "/nothing");
    assert_string_equal(check(NULL, c, NULL), "D/good/nothing: error: no such folder\n");
    config_free(c);

    /* Settings from a file: the folders and font it names must exist. */
    put("station.ini", "[paths]\ncourses = courses\nassets = art\n[font]\nfile = none.ttf\n");
    char path[256];
    snprintf(path, sizeof path, "%s/station.ini", tmp_dir());
    Diag *d = diag_create();
    c = config_load(path, NULL, d);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
    assert_string_equal(check(NULL, c, NULL),
                        "T/station.ini: error: the courses folder T/courses does not exist\n"
                        "T/station.ini: error: the assets folder T/art does not exist\n"
                        "T/station.ini: error: the font file T/none.ttf does not exist\n");
    config_free(c);

    /* The good settings check the good courses, cleanly. */
    put("font.ttf", "");
    put("station2.ini", "[paths]\ncourses = " GOOD "/courses\nassets = " GOOD "/assets\n"
                        "[font]\nfile = font.ttf\n");
    snprintf(path, sizeof path, "%s/station2.ini", tmp_dir());
    d = diag_create();
    c = config_load(path, NULL, d);
    diag_free(d);
    int errors = -1;
    assert_string_equal(check(NULL, c, &errors), "");
    assert_int_equal(errors, 0);
    config_free(c);
}

static void test_several_paths(void **state)
{
    (void)state;
    const char *paths[] = {BAD "/svg_no_viewbox.svg", "missing.svg", GOOD "/config.ini"};
    Diag *d = diag_create();
    assert_int_equal(check_paths(paths, 3, cfg, d), 2);
    assert_int_equal(diag_count(d), 2);
    assert_int_equal(check_paths(NULL, 0, NULL, d), 0);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_path), cmocka_unit_test(test_good_paths),
        cmocka_unit_test(test_kinds_of_ini), cmocka_unit_test(test_module_kinds),
        cmocka_unit_test(test_courses_tree), cmocka_unit_test(test_course_file_outside_a_tree),
        cmocka_unit_test(test_no_paths),     cmocka_unit_test(test_several_paths),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
