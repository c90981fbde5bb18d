/* mac: HMAC-SHA256, the one keyed hash of every record, certificate code
 * and journal seal.
 *
 * Computed with OpenSSL's libcrypto, whose SHA-256 uses the CPU's SHA
 * extensions where it has them: on the machines measured it is three to
 * four times libsodium's portable SHA-256, and a report MACs every record
 * of every learner (docs/PERFORMANCE.md). The MACs are the standard ones
 * (RFC 2104, RFC 4231's test vectors in unit.test_mac), so files written
 * before keep their MACs. Comparing MACs stays constant-time
 * (sodium_memcmp). */
#ifndef TPQUIZ_MAC_H
#define TPQUIZ_MAC_H

#include <stdbool.h>
#include <stddef.h>

#define MAC_BYTES 32

/* One piece of the message: the MAC is over the pieces one after another. */
typedef struct {
    const void *p;
    size_t n;
} MacPart;

/* out = HMAC-SHA256(key, parts[0] || parts[1] || ...). False (out zeroed)
 * only if libcrypto fails, i.e. out of memory: a caller writing a MAC must
 * then not write it, a caller checking one must count it as not matching. */
bool mac_hmac_sha256(unsigned char out[MAC_BYTES], const unsigned char *key, size_t key_len, const MacPart *parts,
                     int n_parts);

/* The same over one piece. */
bool mac_of(unsigned char out[MAC_BYTES], const unsigned char *key, size_t key_len, const void *p, size_t n);

/* A key made ready once for many MACs (a score file's every record): the
 * same MACs as mac_of, without setting the key up again for each message.
 * mac_key_new returns NULL if out of memory; mac_key_of is false (out
 * zeroed) as mac_hmac_sha256 is. One MacKey is for one thread at a time. */
typedef struct MacKey MacKey;
MacKey *mac_key_new(const unsigned char *key, size_t key_len);
bool mac_key_of(MacKey *k, unsigned char out[MAC_BYTES], const void *p, size_t n);
void mac_key_free(MacKey *k);

#endif
