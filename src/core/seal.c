/* seal: chained line seals (see seal.h). */
#include "seal.h"
#include "mac.h"

#include <sodium.h>
#include <string.h>

_Static_assert(SEAL_BYTES == MAC_BYTES, "a seal is one HMAC-SHA256 (mac.h)");

void seal_compute(const unsigned char key[SEAL_KEY_BYTES], const unsigned char prev[SEAL_BYTES], const char *text,
                  size_t n, unsigned char out[SEAL_BYTES])
{
    MacPart parts[] = {{prev, SEAL_BYTES}, {text, n}};
    mac_hmac_sha256(out, key, SEAL_KEY_BYTES, parts, 2); /* zeroed on failure: a seal that never matches */
}

bool seal_cut(char *line, unsigned char got[SEAL_BYTES])
{
    char *sp = strrchr(line, ' ');
    if (!sp || strlen(sp + 1) != SEAL_HEX)
        return false;
    for (const char *c = sp + 1; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f')))
            return false;
    if (sodium_hex2bin(got, SEAL_BYTES, sp + 1, SEAL_HEX, NULL, NULL, NULL) != 0)
        return false;
    *sp = '\0';
    return true;
}

bool seal_check(const unsigned char *key, unsigned char prev[SEAL_BYTES], const char *text, size_t n,
                const unsigned char got[SEAL_BYTES])
{
    bool ok = true;
    if (key) {
        unsigned char want[SEAL_BYTES];
        seal_compute(key, prev, text, n, want);
        ok = sodium_memcmp(want, got, SEAL_BYTES) == 0;
    }
    memcpy(prev, got, SEAL_BYTES);
    return ok;
}

size_t seal_append(const unsigned char key[SEAL_KEY_BYTES], unsigned char prev[SEAL_BYTES], char *buf, size_t n)
{
    unsigned char s[SEAL_BYTES];
    seal_compute(key, prev, buf, n, s);
    buf[n++] = ' ';
    sodium_bin2hex(buf + n, SEAL_HEX + 1, s, SEAL_BYTES);
    n += SEAL_HEX;
    buf[n++] = '\n';
    buf[n] = '\0';
    memcpy(prev, s, SEAL_BYTES);
    return n;
}
