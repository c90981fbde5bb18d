/* xapi's building blocks: name-based UUIDs (checked against RFC 4122's
 * DNS namespace and a value computed elsewhere), durations and IRIs. The
 * statements themselves are checked by a real LRS (tests/interop/lrs.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "xapi.h"

static void test_uuid5(void **state)
{
    (void)state;
    /* The DNS namespace of RFC 4122, appendix C. */
    static const unsigned char dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                          0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    char out[37];
    xapi_uuid5_in(dns, "python.org", out);
    assert_string_equal(out, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    xapi_uuid5_in(dns, "www.example.com", out);
    assert_string_equal(out, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
    /* tpquiz's own namespace: stable, version 5, RFC 4122 variant, and
     * different names give different ids. */
    char a[37], b[37];
    xapi_uuid5("abc/answered/1", a);
    xapi_uuid5("abc/answered/2", b);
    assert_int_equal(strlen(a), 36);
    assert_int_equal(a[14], '5');
    assert_non_null(strchr("89ab", a[19]));
    assert_string_not_equal(a, b);
    xapi_uuid5("abc/answered/1", b);
    assert_string_equal(a, b);
}

static void test_duration(void **state)
{
    (void)state;
    char d[40];
    xapi_duration(18895, d, sizeof d);
    assert_string_equal(d, "PT18.895S");
    xapi_duration(129000, d, sizeof d);
    assert_string_equal(d, "PT129S");
    xapi_duration(7, d, sizeof d);
    assert_string_equal(d, "PT0.007S");
    xapi_duration(-5, d, sizeof d);
    assert_string_equal(d, "PT0S");
}

static void test_iri(void **state)
{
    (void)state;
    assert_true(xapi_iri_ok("https://institute.example/"));
    assert_true(xapi_iri_ok("http://127.0.0.1:8080/xAPI"));
    assert_false(xapi_iri_ok("institute.example"));
    assert_false(xapi_iri_ok("https://"));
    assert_false(xapi_iri_ok("https:///path"));
    assert_false(xapi_iri_ok("https://a b/"));
    assert_false(xapi_iri_ok("ftp://files.example/"));
    assert_false(xapi_iri_ok("https://x.example/\"quote"));
    assert_false(xapi_iri_ok(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uuid5),
        cmocka_unit_test(test_duration),
        cmocka_unit_test(test_iri),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
