/* Unit tests for src/core/instructor.c: the passphrase hash and the config
 * rewrite of `tpquiz passwd`, and that config.c reads the hash back. */
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

#include "config.h"
#include "instructor.h"
#include "support.h"

static void test_hash_and_check(void **state)
{
    (void)state;
    char hash[INSTRUCTOR_HASH_MAX];
    assert_int_equal(instructor_hash_passphrase("correct horse", hash), 0);
    assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
    assert_true(strlen(hash) < 120);
    assert_true(instructor_check_passphrase(hash, "correct horse"));
    assert_false(instructor_check_passphrase(hash, "correct horsE"));
    assert_false(instructor_check_passphrase(hash, ""));
    assert_false(instructor_check_passphrase("", "correct horse"));
    assert_false(instructor_check_passphrase(NULL, "correct horse"));
    assert_false(instructor_check_passphrase("not a hash", "correct horse"));
    /* A fresh salt every time. */
    char again[INSTRUCTOR_HASH_MAX];
    assert_int_equal(instructor_hash_passphrase("correct horse", again), 0);
    assert_string_not_equal(hash, again);
}

static void expect_rewrite(const char *in, const char *out)
{
    size_t n = 0;
    char *got = instructor_config_set_hash(in, strlen(in), "$H$", &n);
    assert_non_null(got);
    assert_string_equal(got, out);
    assert_int_equal(n, strlen(out));
    free(got);
}

static void test_config_rewrite(void **state)
{
    (void)state;
    /* The key replaced in place; comments and other lines kept. */
    expect_rewrite(
        "; station\n[paths]\ndata = x\n\n[instructor]\n; Set with `tpquiz passwd`.\npassphrase_hash =\n",
        "; station\n[paths]\ndata = x\n\n[instructor]\n; Set with `tpquiz passwd`.\npassphrase_hash = $H$\n");
    /* An old value with continuation lines (an error for config.c) goes whole. */
    expect_rewrite("[instructor]\npassphrase_hash = old\n  more\n  ; a comment stays\n[font]\n",
                   "[instructor]\npassphrase_hash = $H$\n  ; a comment stays\n[font]\n");
    /* A section without the key: right after its header. */
    expect_rewrite("[instructor]\n; nothing yet\n[font]\nsize = 16\n",
                   "[instructor]\npassphrase_hash = $H$\n; nothing yet\n[font]\nsize = 16\n");
    /* No section: added at the end (after a missing last newline). */
    expect_rewrite("[font]\nsize = 16", "[font]\nsize = 16\n\n[instructor]\npassphrase_hash = $H$\n");
    expect_rewrite("", "[instructor]\npassphrase_hash = $H$\n");
    /* The same key in another section is not ours. */
    expect_rewrite("[other]\npassphrase_hash = keep\n",
                   "[other]\npassphrase_hash = keep\n\n[instructor]\npassphrase_hash = $H$\n");
    /* CRLF files stay CRLF; spaces around the name and ':' as inih allows. */
    expect_rewrite("[instructor]\r\npassphrase_hash : old\r\nx = 1\r\n",
                   "[instructor]\r\npassphrase_hash = $H$\r\nx = 1\r\n");
    /* inih keeps the spaces in "[ instructor ]": another section. */
    expect_rewrite("[ instructor ]\n", "[ instructor ]\n\n[instructor]\npassphrase_hash = $H$\n");
    /* Twice (the last counts for config.c): both set. */
    expect_rewrite("[instructor]\npassphrase_hash = a\npassphrase_hash = b\n",
                   "[instructor]\npassphrase_hash = $H$\npassphrase_hash = $H$\n");
    /* A header on the last line without its newline. */
    expect_rewrite("[instructor]", "[instructor]\npassphrase_hash = $H$\n");
}

static void test_save_and_config_reads_it(void **state)
{
    (void)state;
    const char *dir = tmp_create("test_instructor");
    assert_non_null(dir);
    char path[128];
    snprintf(path, sizeof path, "%s/config.ini", dir);
    write_text(path, "; my station\n[window]\nwidth = 1400\n\n[instructor]\npassphrase_hash =\n");
    chmod(path, 0640);
    char hash[INSTRUCTOR_HASH_MAX];
    assert_int_equal(instructor_hash_passphrase("open sesame", hash), 0);
    Diag *d = diag_create();
    assert_int_equal(instructor_save_hash(path, hash, d), 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    /* config.c takes the ~100-character value as it is, without a word. */
    Config *c = config_load(path, "/nowhere", d);
    assert_non_null(c);
    assert_int_equal(diag_count(d), 0);
    assert_string_equal(c->instructor_hash, hash);
    assert_int_equal(c->window_width, 1400);
    assert_true(instructor_check_passphrase(c->instructor_hash, "open sesame"));
    config_free(c);
    /* A missing file is created. */
    char fresh[160];
    snprintf(fresh, sizeof fresh, "%s/new.ini", dir);
    assert_int_equal(instructor_save_hash(fresh, hash, d), 0);
    c = config_load(fresh, "/nowhere", d);
    assert_non_null(c);
    assert_string_equal(c->instructor_hash, hash);
    config_free(c);
    /* A folder that does not exist: an error, nothing written. */
    char bad[160];
    snprintf(bad, sizeof bad, "%s/no/such/config.ini", dir);
    assert_int_equal(instructor_save_hash(bad, hash, d), -1);
    assert_int_equal(diag_error_count(d), 1);
    diag_free(d);
    tmp_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_and_check),
        cmocka_unit_test(test_config_rewrite),
        cmocka_unit_test(test_save_and_config_reads_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
