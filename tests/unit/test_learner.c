/* Unit tests for src/core/learner.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "learner.h"

static void test_valid_ids(void **state)
{
    (void)state;
    static const char *const OK[] = {"anna",     "anna.berg", "a",       "7",
                                     "a1_b-c.d", "anna-",     "x.y_z-0", "abcdefghijklmnopqrstuvwxyz012345"};
    for (size_t i = 0; i < sizeof OK / sizeof *OK; i++) {
        const char *why = "unchanged";
        if (!learner_id_valid(OK[i], &why)) {
            print_error("'%s' refused: %s\n", OK[i], why);
            fail();
        }
        assert_string_equal(why, "unchanged");
    }
    assert_true(learner_id_valid("anna", NULL));
}

static void test_path_tricks_and_bad_ids(void **state)
{
    (void)state;
    static const char *const BAD[] = {
        "",
        "..",
        ".",
        "../anna",
        "anna/../../etc",
        "/etc/passwd",
        "a/b",
        "a\\b",
        ".hidden",
        "-rf",
        "a..b",
        "anna..",
        "Anna",
        "anna berg",
        "anna\n",
        "anna\t",
        "ännä",
        "anna\xC3",
        "anna:1",
        "anna*",
        "~anna",
        "abcdefghijklmnopqrstuvwxyz0123456", /* 33 characters */
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        const char *why = NULL;
        if (learner_id_valid(BAD[i], &why)) {
            print_error("'%s' accepted\n", BAD[i]);
            fail();
        }
        assert_non_null(why);
        assert_true(strlen(why) > 10);
    }
    const char *why = NULL;
    assert_false(learner_id_valid(NULL, &why));
    assert_non_null(why);
    assert_false(learner_id_valid("../x", NULL)); /* why may be NULL */
    learner_id_valid("a..b", &why);
    assert_string_equal(why, "A learner id cannot contain '..'.");
    learner_id_valid("Anna", &why);
    assert_string_equal(why, "A learner id may only use lower-case letters a-z, digits and . _ -");
}

static void test_names(void **state)
{
    (void)state;
    static const char *const OK[] = {
        "Anna Berg",
        "Åsa Öberg-Lindqvist",
        "李小龍",
        "José \xF0\x9F\x98\x80", /* an emoji: 4-byte UTF-8 */
        "Back\\slash",
        " x ",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890", /* 80 bytes */
    };
    for (size_t i = 0; i < sizeof OK / sizeof *OK; i++) {
        const char *why = NULL;
        if (!learner_name_valid(OK[i], &why)) {
            print_error("'%s' refused: %s\n", OK[i], why);
            fail();
        }
    }
    static const char *const BAD[] = {
        "",
        "   ",
        "\xC2\xA0", /* only a no-break space */
        "Anna\nBerg",
        "Anna\tBerg",
        "Anna\rBerg",
        "Anna\x7F",
        "Anna\xC2\x85",     /* NEL, a C1 control */
        "Anna\xE2\x80\xA8", /* line separator */
        "Anna \xC3",        /* cut-off sequence */
        "Anna \xC3(",       /* bad continuation */
        "\xC0\xAF",         /* overlong "/" */
        "\xE0\x80\xAF",     /* overlong "/" */
        "\xED\xA0\x80",     /* a surrogate */
        "\xF4\x90\x80\x80", /* above U+10FFFF */
        "\xFF",
        "\x80",
        "123456789012345678901234567890123456789012345678901234567890123456789012345678901", /* 81 */
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        const char *why = NULL;
        if (learner_name_valid(BAD[i], &why)) {
            print_error("name %zu accepted\n", i);
            fail();
        }
        assert_non_null(why);
    }
    const char *why = NULL;
    assert_false(learner_name_valid(NULL, &why));
    learner_name_valid("Anna \xC3(", &why);
    assert_string_equal(why, "The name is not valid UTF-8 text.");
}

static void test_suggest_id(void **state)
{
    (void)state;
    static const struct {
        const char *name, *id;
    } CASES[] = {
        {"Anna Berg", "anna.berg"},
        {"  Anna   Berg  ", "anna.berg"},
        {"Åsa Öberg", "asa.oberg"},
        {"Søren Kierkegaard", "soren.kierkegaard"},
        {"Straße", "strasse"},
        {"O'Brien, Seán", "obrien.sean"},
        {"Jean-Luc Picard", "jean-luc.picard"},
        {"Jean - Luc", "jean-luc"},
        {"under_score", "under_score"},
        {"../../etc/passwd", "etc.passwd"},
        {"...anna", "anna"},
        {"-anna-", "anna"},
        {"R2-D2", "r2-d2"},
        {"李小龍", ""},
        {"李 Wei", "wei"},
        {"", ""},
        {"Maximilian Alexander von Habsburg-Lothringen", "maximilian.alexander.von.habsbur"},
        {"Anna \xC3", "anna"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char buf[64];
        learner_suggest_id(CASES[i].name, buf, sizeof buf);
        if (strcmp(buf, CASES[i].id) != 0) {
            print_error("'%s' -> '%s', expected '%s'\n", CASES[i].name, buf, CASES[i].id);
            fail();
        }
        assert_true(!*buf || learner_id_valid(buf, NULL));
    }
    /* A small buffer: cut short, still valid, never ending in a separator. */
    char small[6];
    learner_suggest_id("Anna Berg", small, sizeof small);
    assert_string_equal(small, "anna");
    learner_suggest_id("Ann Berg", small, sizeof small);
    assert_string_equal(small, "ann.b");
    char one[1] = {'x'};
    learner_suggest_id("Anna", one, sizeof one);
    assert_int_equal(one[0], '\0');
    learner_suggest_id(NULL, small, sizeof small);
    assert_string_equal(small, "");
    learner_suggest_id("Anna", NULL, 0); /* no crash */
}

/* Zero-width and bidi characters could make one learner's name look like
 * another's in the sign-in list and the report: refused when a name is
 * made, still read from an old score file, and shown as '?'. */
static void test_invisible_characters(void **state)
{
    (void)state;
    static const char *const HIDDEN[] = {
        "Anna\xE2\x80\x8B Berg",      /* U+200B zero-width space */
        "Anna\xE2\x80\x8D Berg",      /* U+200D zero-width joiner */
        "\xE2\x80\xAEgreB annA",      /* U+202E right-to-left override */
        "Anna \xE2\x81\xA6" "Berg",     /* U+2066 left-to-right isolate */
        "\xEF\xBB\xBF" "Anna",          /* U+FEFF byte order mark */
        "Anna\xC2\xAD" "Berg",           /* U+00AD soft hyphen */
        "Anna \xF3\xA0\x80\x81",      /* U+E0001 language tag */
    };
    for (size_t i = 0; i < sizeof HIDDEN / sizeof *HIDDEN; i++) {
        const char *why = NULL;
        assert_false(learner_name_valid(HIDDEN[i], &why));
        assert_non_null(strstr(why, "invisible characters"));
        assert_true(learner_name_readable(HIDDEN[i]));
    }
    assert_false(learner_name_readable("\xE2\x80\x8B\xE2\x80\x8B")); /* nothing visible */
    char shown[LEARNER_NAME_MAX + 1];
    learner_name_shown("\xE2\x80\xAEgreB annA", shown, sizeof shown);
    assert_string_equal(shown, "?greB annA");
    learner_name_shown("Åsa Öberg", shown, sizeof shown);
    assert_string_equal(shown, "Åsa Öberg");
    learner_name_shown("ab\xFF" "c", shown, 3);
    assert_string_equal(shown, "ab");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_ids),
        cmocka_unit_test(test_path_tricks_and_bad_ids),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_suggest_id),
        cmocka_unit_test(test_invisible_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
