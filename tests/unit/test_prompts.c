/* Every prompt the program generates for the shipped modules (not the
 * authored questions) reads as a
 * sentence: no doubled words, no internal ids ("TP1"), no label that
 * breaks the phrase it is put in ("Click the above the ... trigger
 * point"), counts in words where a number reads badly ("Mark all 2 ..."). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "course.h"
#include "session.h"

/* The first problem of a prompt, or NULL. */
static const char *problem(const char *p, char *why, size_t size)
{
    /* Doubled words, case-insensitively ("the the", "point point"). */
    char prev[64] = "", word[64];
    for (const char *s = p; *s;) {
        while (*s && !isalnum((unsigned char)*s))
            s++;
        size_t n = 0;
        while (*s && (isalnum((unsigned char)*s) || *s == '\'') && n + 1 < sizeof word)
            word[n++] = (char)tolower((unsigned char)*s++);
        word[n] = 0;
        if (n && !strcmp(word, prev)) {
            snprintf(why, size, "the word '%s' twice", word);
            return why;
        }
        snprintf(prev, sizeof prev, "%s", word);
    }
    /* Internal ids: TP1, tp2. */
    for (const char *s = p; *s; s++)
        if ((s == p || !isalnum((unsigned char)s[-1])) && tolower((unsigned char)s[0]) == 't' &&
            tolower((unsigned char)s[1]) == 'p' && isdigit((unsigned char)s[2])) {
            snprintf(why, size, "an internal id (%.4s)", s);
            return why;
        }
    /* A label that is a place, not a name, put where a name goes. */
    static const char *const bad[] = {"the above ", "the below ", "the between ", "the near ", "the under ",
                                      "the over ", "the at ", "the in ", "the on the ", NULL};
    for (int i = 0; bad[i]; i++)
        if (strstr(p, bad[i])) {
            snprintf(why, size, "'%s...' (a place used as a name)", bad[i]);
            return why;
        }
    if (strstr(p, "Mark all 1 ") || strstr(p, "Mark all 2 ")) {
        snprintf(why, size, "a count that reads badly");
        return why;
    }
    return NULL;
}

static void test_shipped_prompts(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_load(SOURCE_ROOT "/courses", SOURCE_ROOT "/assets", d);
    assert_int_equal(diag_error_count(d), 0);
    int checked = 0, bad = 0;
    for (int i = 0; i < library_module_count(lib); i++) {
        const Module *m = library_module(lib, i);
        Session *s = session_create_practice(m, 1);
        assert_non_null(s);
        for (int k = 0; k < session_item_count(s); k++) {
            /* Authored questions are the author's words (they may cite a
             * Travell & Simons number on purpose); the generated ones are
             * the program's. */
            if (session_item(s, k)->type == ITEM_CHOICE || session_item(s, k)->type == ITEM_MULTI)
                continue;
            const char *p = session_item(s, k)->prompt;
            char why[128];
            checked++;
            if (problem(p, why, sizeof why)) {
                bad++;
                printf("%s: %s: \"%s\"\n", m->id, why, p);
            }
        }
        session_free(s);
    }
    printf("%d prompts checked, %d read badly\n", checked, bad);
    assert_true(checked > 500);
    assert_int_equal(bad, 0);
    library_free(lib);
    diag_free(d);
}

/* The checker itself finds what it is for. */
static void test_checker(void **state)
{
    (void)state;
    char why[128];
    assert_non_null(problem("Click the the iliacus trigger point.", why, sizeof why));
    assert_non_null(problem("Click TP1 trigger point of soleus.", why, sizeof why));
    assert_non_null(problem("Click the above the superior angle trigger point.", why, sizeof why));
    assert_non_null(problem("Mark all 2 trigger points of soleus.", why, sizeof why));
    assert_null(problem("Click the iliacus trigger point of iliopsoas (on the patient's right side).", why, sizeof why));
    assert_null(problem("Mark all 3 trigger points of soleus on this chart.", why, sizeof why));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checker),
        cmocka_unit_test(test_shipped_prompts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
