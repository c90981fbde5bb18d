/* mac: HMAC-SHA256 through libcrypto (see mac.h). */
#include "mac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdlib.h>
#include <string.h>

bool mac_hmac_sha256(unsigned char out[MAC_BYTES], const unsigned char *key, size_t key_len, const MacPart *parts,
                     int n_parts)
{
    bool ok = false;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
    EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
    if (ctx) {
        char digest[] = OSSL_DIGEST_NAME_SHA2_256;
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
        ok = EVP_MAC_init(ctx, key, key_len, params) == 1;
        for (int i = 0; ok && i < n_parts; i++)
            ok = parts[i].n == 0 || EVP_MAC_update(ctx, parts[i].p, parts[i].n) == 1;
        size_t len = 0;
        ok = ok && EVP_MAC_final(ctx, out, &len, MAC_BYTES) == 1 && len == MAC_BYTES;
    }
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    if (!ok)
        memset(out, 0, MAC_BYTES);
    return ok;
}

bool mac_of(unsigned char out[MAC_BYTES], const unsigned char *key, size_t key_len, const void *p, size_t n)
{
    MacPart part = {p, n};
    return mac_hmac_sha256(out, key, key_len, &part, 1);
}

struct MacKey {
    EVP_MAC *mac;
    EVP_MAC_CTX *ctx; /* keyed once; each message starts it again (a NULL key keeps the key) */
};

MacKey *mac_key_new(const unsigned char *key, size_t key_len)
{
    MacKey *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
    k->ctx = k->mac ? EVP_MAC_CTX_new(k->mac) : NULL;
    char digest[] = OSSL_DIGEST_NAME_SHA2_256;
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                           OSSL_PARAM_construct_end()};
    if (!k->ctx || EVP_MAC_init(k->ctx, key, key_len, params) != 1) {
        mac_key_free(k);
        return NULL;
    }
    return k;
}

bool mac_key_of(MacKey *k, unsigned char out[MAC_BYTES], const void *p, size_t n)
{
    size_t len = 0;
    bool ok = k && EVP_MAC_init(k->ctx, NULL, 0, NULL) == 1 && (n == 0 || EVP_MAC_update(k->ctx, p, n) == 1) &&
              EVP_MAC_final(k->ctx, out, &len, MAC_BYTES) == 1 && len == MAC_BYTES;
    if (!ok)
        memset(out, 0, MAC_BYTES);
    return ok;
}

void mac_key_free(MacKey *k)
{
    if (!k)
        return;
    EVP_MAC_CTX_free(k->ctx);
    EVP_MAC_free(k->mac);
    free(k);
}
