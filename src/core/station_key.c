/* station_key: the station key that seals every record (record.h):
 * reading it, creating it once (mode 0600, exclusively: of two programs
 * creating it at once one wins), and its public id. */
#include "record.h"
#include "scorefile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "datafile.h"

int station_key_read(const char *path, unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    int fd = datafile_open_regular(path, DATAFILE_KEY, NULL, d);
    if (fd < 0)
        return -1;
    struct stat st;
    char text[2 * STATION_KEY_BYTES + 2];
    int rc = -1;
    if (fstat(fd, &st) != 0) {
        diag_error(d, path, 0, "cannot read the station key: %s", strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        diag_error(d, path, 0, "the station key is not a regular file");
    } else if (st.st_mode & 077) {
        diag_error(d, path, 0,
                   "the station key has mode %04o: others can read it, so anyone could forge score files; "
                   "it must be readable by its owner only (chmod 600 %s)",
                   (unsigned)(st.st_mode & 07777), path);
    } else if (st.st_size != 2 * STATION_KEY_BYTES && st.st_size != 2 * STATION_KEY_BYTES + 1) {
        diag_error(d, path, 0,
                   "not a station key: it has %lld bytes, a key is 64 hex digits and a newline (65 bytes)",
                   (long long)st.st_size);
    } else {
        ssize_t got = read(fd, text, sizeof text);
        if (got < 2 * STATION_KEY_BYTES || got > 2 * STATION_KEY_BYTES + 1 ||
            (got == 2 * STATION_KEY_BYTES + 1 && text[2 * STATION_KEY_BYTES] != '\n') ||
            !scoretext_hex_decode(text, 2 * STATION_KEY_BYTES, key, STATION_KEY_BYTES))
            diag_error(d, path, 0, "not a station key: a key is 64 lower-case hex digits and a newline");
        else
            rc = 0;
    }
    close(fd);
    sodium_memzero(text, sizeof text);
    return rc;
}

int station_key_load(const char *data_dir, unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    if (sodium_init() < 0) {
        diag_error(d, data_dir, 0, "libsodium cannot be initialised");
        return -1;
    }
    size_t n = strlen(data_dir) + sizeof "/" KEY_FILE;
    char *path = malloc(n);
    if (!path) {
        diag_error(d, data_dir, 0, "out of memory");
        return -1;
    }
    snprintf(path, n, "%s/" KEY_FILE, data_dir);
    struct stat st;
    int rc;
    if (stat(path, &st) == 0 || errno != ENOENT) {
        rc = station_key_read(path, key, d);
        free(path);
        return rc;
    }
    /* First run: a new random key, published with link() so that of two
     * programs starting at once only one key wins, and neither ever sees
     * a half-written file. */
    unsigned char fresh[STATION_KEY_BYTES];
    char text[2 * STATION_KEY_BYTES + 2];
    randombytes_buf(fresh, sizeof fresh);
    scoretext_hex_encode(fresh, sizeof fresh, text);
    text[2 * STATION_KEY_BYTES] = '\n';
    text[2 * STATION_KEY_BYTES + 1] = '\0';
    Diag *tmp = diag_create();
    rc = scorefile_publish(path, text, 2 * STATION_KEY_BYTES + 1, true, tmp);
    sodium_memzero(text, sizeof text);
    sodium_memzero(fresh, sizeof fresh);
    if (rc == 0 || stat(path, &st) == 0) {
        /* Ours, or another program's that won the race: read it back. */
        rc = station_key_read(path, key, d);
    } else {
        diag_append(d, tmp);
    }
    diag_free(tmp);
    free(path);
    return rc;
}

void station_key_id(const unsigned char key[STATION_KEY_BYTES], char out[STATION_KEY_ID_HEX + 1])
{
    static const char TAG[] = "tpquiz-station-key-id 1\n";
    crypto_hash_sha256_state h;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_init(&h);
    crypto_hash_sha256_update(&h, (const unsigned char *)TAG, sizeof TAG - 1);
    crypto_hash_sha256_update(&h, key, STATION_KEY_BYTES);
    crypto_hash_sha256_final(&h, digest);
    scoretext_hex_encode(digest, STATION_KEY_ID_HEX / 2, out);
    out[STATION_KEY_ID_HEX] = 0;
}

const unsigned char *station_key_for_file(const char *path, const unsigned char *fallback,
                                          const unsigned char (*keys)[STATION_KEY_BYTES], int n)
{
    if (n < 1)
        return fallback;
    char head[4097];
    int fd = datafile_open_regular(path, DATAFILE_SCORES, NULL, NULL);
    ssize_t got = fd >= 0 ? read(fd, head, sizeof head - 1) : -1;
    if (fd >= 0)
        close(fd);
    if (got <= 0)
        return fallback;
    head[got] = '\0';
    const char *at = strstr(head, "\nkey_id ");
    if (!at)
        return fallback;
    at += strlen("\nkey_id ");
    for (int k = 0; k < n; k++) {
        char id[STATION_KEY_ID_HEX + 1];
        station_key_id(keys[k], id);
        if (!strncmp(at, id, STATION_KEY_ID_HEX) && at[STATION_KEY_ID_HEX] == '\n')
            return keys[k];
    }
    return fallback;
}
