/* mac: HMAC-SHA256 through libcrypto (see mac.h). */
#include "mac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
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
