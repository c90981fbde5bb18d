/* Unit tests for config: defaults, the test config, path resolution, and
 * every kind of bad value (an error that keeps the default). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "support.h"

static int setup(void **state)
{
    (void)state;
    return tmp_create("tpquiz-config") ? 0 : -1;
}

static void test_defaults(void **state)
{
    (void)state;
    Config *c = config_defaults("/opt/tp");
    assert_non_null(c);
    assert_string_equal(c->path, "");
    assert_string_equal(c->courses_dir, "/opt/tp/courses");
    assert_string_equal(c->assets_dir, "/opt/tp/assets");
    assert_string_equal(c->data_dir, "");
    assert_int_equal(c->window_width, 1280);
    assert_int_equal(c->window_height, 800);
    assert_false(c->fullscreen_exams);
    assert_string_equal(c->font_file, CONFIG_DEFAULT_FONT);
    assert_int_equal(c->font_size, 16);
    assert_string_equal(c->instructor_hash, "");
    config_free(c);

    c = config_defaults(NULL);
    assert_string_equal(c->courses_dir, "courses");
    assert_string_equal(c->assets_dir, "assets");
    config_free(c);
    c = config_defaults("/opt/tp/");
    assert_string_equal(c->courses_dir, "/opt/tp/courses");
    config_free(c);
    config_free(NULL);
}

static void test_good_file(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Config *c = config_load(TEST_DATA_DIR "/good/config.ini", "/root-unused", d);
    assert_non_null(c);
    assert_string_equal(diag_text(d, 0), "");
    assert_string_equal(c->path, TEST_DATA_DIR "/good/config.ini");
    assert_string_equal(c->courses_dir, TEST_DATA_DIR "/good/courses");
    assert_string_equal(c->assets_dir, TEST_DATA_DIR "/good/assets");
    assert_string_equal(c->data_dir, "/tmp/tpquiz-test-data");
    assert_int_equal(c->window_width, 1024);
    assert_int_equal(c->window_height, 700);
    assert_true(c->fullscreen_exams);
    assert_string_equal(c->font_file, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    assert_int_equal(c->font_size, 20);
    assert_string_equal(c->instructor_hash, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
    config_free(c);
    diag_free(d);
}

static void test_missing_keys_use_root(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("partial.ini", "[window]\nwidth = 2000\n");
    Config *c = config_load(p, "/srv/tp", d);
    assert_string_equal(diag_text(d, 0), "");
    assert_int_equal(c->window_width, 2000);
    assert_int_equal(c->window_height, 800);
    assert_string_equal(c->courses_dir, "/srv/tp/courses");
    config_free(c);

    c = config_load(put("empty.ini", ""), "/srv/tp", d);
    assert_non_null(c);
    assert_string_equal(diag_text(d, 0), "");
    assert_int_equal(c->font_size, 16);
    config_free(c);
    diag_free(d);
}

static void test_relative_paths(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("paths.ini", "[paths]\n"
                                     "courses = .\n"
                                     "assets = ./art/./x\n"
                                     "data = /abs/data\n"
                                     "[font]\n"
                                     "file = fonts/My Font.ttf\n");
    Config *c = config_load(p, NULL, d);
    assert_string_equal(diag_text(d, 0), "");
    char want[256];
    assert_string_equal(c->courses_dir, tmp_dir());
    snprintf(want, sizeof want, "%s/art/./x", tmp_dir());
    assert_string_equal(c->assets_dir, want);
    assert_string_equal(c->data_dir, "/abs/data");
    snprintf(want, sizeof want, "%s/fonts/My Font.ttf", tmp_dir());
    assert_string_equal(c->font_file, want);
    config_free(c);

    /* A config named without a folder: paths stay relative to the current
     * folder, which is the file's folder. */
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmp_dir()), 0);
    c = config_load("paths.ini", NULL, d);
    assert_int_equal(chdir(cwd), 0);
    assert_string_equal(c->courses_dir, ".");
    assert_string_equal(c->assets_dir, "art/./x");
    assert_string_equal(c->path, "paths.ini");
    config_free(c);
    diag_free(d);
}

static void test_bad_values_keep_defaults(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("bad.ini", "[paths]\n"
                                   "courses =\n"
                                   "data =\n"
                                   "[window]\n"
                                   "width = 800\n"
                                   "height = tall\n"
                                   "fullscreen_exams = maybe\n"
                                   "[font]\n"
                                   "size = 7\n"
                                   "file =\n"
                                   "[font]\n"
                                   "size = 49\n");
    Config *c = config_load(p, "/r", d);
    assert_non_null(c);
    assert_string_equal(diag_text(d, 0),
                        "T/bad.ini:2: error: 'courses' is empty: name a folder\n"
                        "T/bad.ini:5: error: width must be a whole number from 960 to 16384, "
                        "not '800'\n"
                        "T/bad.ini:6: error: height must be a whole number from 640 to 16384, "
                        "not 'tall'\n"
                        "T/bad.ini:7: error: fullscreen_exams must be yes or no, not 'maybe'\n"
                        "T/bad.ini:9: error: size must be a whole number from 8 to 48, not '7'\n"
                        "T/bad.ini:10: error: 'file' is empty: name a file\n"
                        "T/bad.ini:11: error: [font] appears twice (first on line 8); write each "
                        "section once\n"
                        "T/bad.ini:12: warning: 'size' is set twice (first on line 9); the last "
                        "one counts\n"
                        "T/bad.ini:12: error: size must be a whole number from 8 to 48, not "
                        "'49'\n");
    assert_int_equal(diag_error_count(d), 8);
    assert_string_equal(c->courses_dir, "/r/courses");
    assert_string_equal(c->data_dir, "");
    assert_int_equal(c->window_width, 1280);
    assert_int_equal(c->window_height, 800);
    assert_false(c->fullscreen_exams);
    assert_int_equal(c->font_size, 16);
    assert_string_equal(c->font_file, CONFIG_DEFAULT_FONT);
    config_free(c);
    diag_free(d);
}

static void test_limits_accepted(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("limits.ini", "[window]\nwidth = 960\nheight = 640\n"
                                      "fullscreen_exams = TRUE\n[font]\nsize = 48\n");
    Config *c = config_load(p, NULL, d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(c->window_width, 960);
    assert_int_equal(c->window_height, 640);
    assert_true(c->fullscreen_exams);
    assert_int_equal(c->font_size, 48);
    config_free(c);
    diag_free(d);
}

static void test_unknown_is_a_warning(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("unknown.ini", "stray = 1\n"
                                       "[widow]\n"
                                       "width = 1000\n"
                                       "[window]\n"
                                       "widht = 1000\n"
                                       "colour = blue\n"
                                       "[future]\n"
                                       "anything = goes\n");
    Config *c = config_load(p, NULL, d);
    assert_string_equal(diag_text(d, 0),
                        "T/unknown.ini:1: warning: key 'stray' is outside any section and is "
                        "ignored\n"
                        "T/unknown.ini:2: warning: unknown section [widow] is ignored (did you "
                        "mean [window]?)\n"
                        "T/unknown.ini:5: warning: unknown key 'widht' in [window] is ignored "
                        "(did you mean 'width'?)\n"
                        "T/unknown.ini:6: warning: unknown key 'colour' in [window] is ignored\n"
                        "T/unknown.ini:7: warning: unknown section [future] is ignored\n");
    assert_int_equal(diag_error_count(d), 0);
    assert_int_equal(c->window_width, 1280);
    config_free(c);
    diag_free(d);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("syntax.ini", "[window]\n"
                                      "width 1000\n"
                                      "height = 700\n"
                                      "  900\n"
                                      "[font\n"
                                      "size = 30\n"
                                      "[font]\n"
                                      "size = 12 ; small\n");
    Config *c = config_load(p, NULL, d);
    assert_string_equal(diag_text(d, 0),
                        "T/syntax.ini:2: error: expected 'key = value', a [section] or an "
                        "indented continuation line\n"
                        "T/syntax.ini:4: error: this indented line would continue 'height', but "
                        "a setting fits on one line\n"
                        "T/syntax.ini:5: error: section header has no closing ']'\n"
                        "T/syntax.ini:8: warning: ';' after a space starts a comment: the rest "
                        "of the line is dropped (write ',' or '-' instead)\n");
    assert_int_equal(c->window_height, 700);
    assert_int_equal(c->font_size, 12);
    config_free(c);
    diag_free(d);
}

static void test_bom_crlf(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *p = put("crlf.ini", "\xEF\xBB\xBF[window]\r\nwidth = 1100\r\n[font]\r\nsize = 9\r\n");
    Config *c = config_load(p, NULL, d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(c->window_width, 1100);
    assert_int_equal(c->font_size, 9);
    config_free(c);
    diag_free(d);
}

static void test_unreadable(void **state)
{
    (void)state;
    Diag *d = diag_create();
    char path[256];
    snprintf(path, sizeof path, "%s/none.ini", tmp_dir());
    assert_null(config_load(path, NULL, d));
    assert_string_equal(diag_text(d, 0), "T/none.ini: error: cannot read: No such file or directory\n");
    assert_null(config_load(NULL, NULL, d));
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_good_file),
        cmocka_unit_test(test_missing_keys_use_root),
        cmocka_unit_test(test_relative_paths),
        cmocka_unit_test(test_bad_values_keep_defaults),
        cmocka_unit_test(test_limits_accepted),
        cmocka_unit_test(test_unknown_is_a_warning),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_unreadable),
    };
    return cmocka_run_group_tests(tests, setup, tmp_teardown);
}
