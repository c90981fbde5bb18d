/* Unit tests for src/core/xmlcheck.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlcheck.h"

static char text[1024];

/* The messages of one check, "" if clean; returns the check's verdict. */
static bool run(const char *xml, const char **log)
{
    Diag *d = diag_create();
    bool ok = xmlcheck_chart("c.svg", xml, strlen(xml), d);
    text[0] = '\0';
    for (int i = 0; i < diag_count(d); i++) {
        char line[512];
        diag_format(diag_item(d, i), line, sizeof line);
        strncat(text, line, sizeof text - strlen(text) - 2);
        strcat(text, "\n");
    }
    diag_free(d);
    *log = text;
    return ok;
}

static void test_well_formed(void **state)
{
    (void)state;
    const char *log;
    assert_true(run("<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->\n<svg viewBox='0 0 1 1'><g><path "
                    "d='M0 0'/></g></svg>\n",
                    &log));
    assert_string_equal(log, "");
    assert_true(run("<svg:svg xmlns:svg='http://www.w3.org/2000/svg'/>", &log));
    assert_true(run("\xEF\xBB\xBF<svg/>", &log));
}

static void test_not_well_formed(void **state)
{
    (void)state;
    const char *log;
    assert_false(run("<svg>\n<g>\n</svg>", &log));
    assert_string_equal(log, "c.svg:3: error: not well-formed XML: mismatched tag\n");
    assert_false(run("<svg>\n<<g/></svg>", &log));
    assert_string_equal(log, "c.svg:2: error: not well-formed XML: not well-formed (invalid token)\n");
    assert_false(run("<svg/>\n<svg/>", &log));
    assert_string_equal(log, "c.svg:2: error: not well-formed XML: junk after document element\n");
    assert_false(run("", &log));
    assert_string_equal(log, "c.svg:1: error: not well-formed XML: no element found\n");
    assert_false(run("<svg a='1' a='2'/>", &log));
    assert_string_equal(log, "c.svg:1: error: not well-formed XML: duplicate attribute\n");
    assert_false(run("<svg>\xFF</svg>", &log));
    assert_string_equal(log, "c.svg:1: error: not well-formed XML: not well-formed (invalid token)\n");
}

static void test_doctype_refused(void **state)
{
    (void)state;
    const char *log;
    assert_false(run("<?xml version='1.0'?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                     "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg/>",
                     &log));
    assert_non_null(strstr(log, "c.svg:2: error: the chart has a DOCTYPE"));
    /* A billion laughs: refused at the DOCTYPE, before any entity. */
    assert_false(run("<!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
                     "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><svg>&c;</svg>",
                     &log));
    assert_non_null(strstr(log, "c.svg:1: error: the chart has a DOCTYPE"));
    /* An undeclared entity is not well-formed. */
    assert_false(run("<svg>&x;</svg>", &log));
    assert_string_equal(log, "c.svg:1: error: not well-formed XML: undefined entity\n");
}

static void test_root_must_be_svg(void **state)
{
    (void)state;
    const char *log;
    assert_false(run("\n<html><svg/></html>", &log));
    assert_string_equal(log, "c.svg:2: error: the root element is <html>, not <svg>\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_well_formed),
        cmocka_unit_test(test_not_well_formed),
        cmocka_unit_test(test_doctype_refused),
        cmocka_unit_test(test_root_must_be_svg),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
