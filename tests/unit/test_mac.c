/* mac: HMAC-SHA256 against RFC 4231's test vectors, and against libsodium's
 * HMAC (what wrote every score file before) on messages of every length
 * around the block size, whole and in pieces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "mac.h"
#include "support.h"

static void hex(const unsigned char *b, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static void test_rfc4231(void **state)
{
    (void)state;
    unsigned char out[MAC_BYTES];
    char h[2 * MAC_BYTES + 1];
    /* Test case 1: a 20-byte key of 0x0b, "Hi There". */
    unsigned char k1[20];
    memset(k1, 0x0b, sizeof k1);
    assert_true(mac_of(out, k1, sizeof k1, "Hi There", 8));
    hex(out, sizeof out, h);
    assert_string_equal(h, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    /* Test case 2: key "Jefe". */
    assert_true(mac_of(out, (const unsigned char *)"Jefe", 4, "what do ya want for nothing?", 28));
    hex(out, sizeof out, h);
    assert_string_equal(h, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /* Test case 6: a key longer than the block (131 bytes of 0xaa). */
    unsigned char k6[131];
    memset(k6, 0xaa, sizeof k6);
    const char *m6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    assert_true(mac_of(out, k6, sizeof k6, m6, strlen(m6)));
    hex(out, sizeof out, h);
    assert_string_equal(h, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void test_same_as_libsodium(void **state)
{
    (void)state;
    assert_true(sodium_init() >= 0);
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES], msg[300];
    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)(i * 7 + 3);
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)(i * 31 + 1);
    for (size_t n = 0; n <= sizeof msg; n++) {
        unsigned char want[crypto_auth_hmacsha256_BYTES], got[MAC_BYTES], split[MAC_BYTES];
        crypto_auth_hmacsha256(want, msg, n, key);
        assert_true(mac_of(got, key, sizeof key, msg, n));
        assert_memory_equal(got, want, MAC_BYTES);
        MacPart parts[] = {{msg, n / 3}, {msg + n / 3, 0}, {msg + n / 3, n - n / 3}};
        assert_true(mac_hmac_sha256(split, key, sizeof key, parts, 3));
        assert_memory_equal(split, want, MAC_BYTES);
    }
}

/* A key made ready once gives the same MACs, message after message (each
 * starts afresh: none carries anything over from the one before), and the
 * RFC's long key is hashed first there too. */
static void test_ready_key(void **state)
{
    (void)state;
    assert_true(sodium_init() >= 0);
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES], msg[300];
    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)(i * 5 + 1);
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)(i * 13 + 7);
    MacKey *k = mac_key_new(key, sizeof key);
    assert_non_null(k);
    for (int round = 0; round < 2; round++)
        for (size_t n = 0; n <= sizeof msg; n += 1 + round * 16) {
            unsigned char want[crypto_auth_hmacsha256_BYTES], got[MAC_BYTES];
            crypto_auth_hmacsha256(want, msg, n, key);
            assert_true(mac_key_of(k, got, msg, n));
            assert_memory_equal(got, want, MAC_BYTES);
        }
    mac_key_free(k);

    unsigned char k6[131], out[MAC_BYTES];
    char h[2 * MAC_BYTES + 1];
    memset(k6, 0xaa, sizeof k6);
    const char *m6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    MacKey *long_key = mac_key_new(k6, sizeof k6);
    for (int twice = 0; twice < 2; twice++) {
        assert_true(mac_key_of(long_key, out, m6, strlen(m6)));
        hex(out, sizeof out, h);
        assert_string_equal(h, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
    mac_key_free(long_key);
    mac_key_free(NULL);
    assert_false(mac_key_of(NULL, out, m6, 1)); /* no key (out of memory before): no match */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc4231),
        cmocka_unit_test(test_same_as_libsodium),
        cmocka_unit_test(test_ready_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
