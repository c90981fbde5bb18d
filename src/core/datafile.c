#include "datafile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *datafile_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int err = errno ? errno : EIO;
                free(buf);
                buf = NULL;
                errno = err;
            }
            break;
        }
    }
    int err = errno;
    fclose(f);
    errno = err;
    if (!buf)
        return NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int fail(Diag *d, const char *path, const char *what, const char *tmp)
{
    int err = errno ? errno : EIO;
    if (tmp)
        unlink(tmp);
    diag_error(d, path, 0, "cannot save: %s: %s", what, strerror(err));
    return -1;
}

int datafile_write_atomic(const char *path, DatafileWriter write, const void *user, Diag *d)
{
    size_t plen = strlen(path);
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (slash == path ? 1 : (size_t)(slash - path)) : 1;
    char *dir = malloc(dlen + 1);
    char *tmp = malloc(plen + sizeof ".tmp-XXXXXX");
    if (!dir || !tmp) {
        free(dir);
        free(tmp);
        errno = ENOMEM;
        return fail(d, path, "out of memory", NULL);
    }
    memcpy(dir, slash ? path : ".", dlen);
    dir[dlen] = '\0';
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");

    int rc = -1;
    errno = 0;
    int fd = mkstemp(tmp); /* mode 0600 */
    if (fd < 0) {
        rc = fail(d, path, "creating a temporary file", NULL);
        goto out;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        rc = fail(d, path, "opening the temporary file", tmp);
        goto out;
    }
    if (write(f, user) != 0 || fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
        int err = errno;
        fclose(f);
        errno = err;
        rc = fail(d, path, "writing the temporary file", tmp);
        goto out;
    }
    if (fclose(f) != 0) {
        rc = fail(d, path, "closing the temporary file", tmp);
        goto out;
    }
    if (rename(tmp, path) != 0) {
        rc = fail(d, path, "renaming the temporary file", tmp);
        goto out;
    }
    /* The rename is only durable once the folder's entry is on disk. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd < 0 || fsync(dfd) != 0) {
        if (dfd >= 0)
            close(dfd);
        rc = fail(d, path, "syncing the folder", NULL);
        goto out;
    }
    close(dfd);
    rc = 0;
out:
    free(dir);
    free(tmp);
    return rc;
}

int datafile_remove_temporaries(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t blen = strlen(base);
    char dir[4096];
    int dl = slash ? snprintf(dir, sizeof dir, "%.*s", (int)(slash == path ? 1 : slash - path), path)
                   : snprintf(dir, sizeof dir, ".");
    if (dl < 0 || (size_t)dl >= sizeof dir || blen == 0)
        return 0;
    DIR *dh = opendir(dir);
    if (!dh)
        return 0;
    int removed = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        const char *n = de->d_name;
        if (strlen(n) != blen + sizeof ".tmp-XXXXXX" - 1 || strncmp(n, base, blen) != 0 ||
            strncmp(n + blen, ".tmp-", 5) != 0)
            continue;
        char victim[8192];
        if (snprintf(victim, sizeof victim, "%s/%s", dir, n) >= (int)sizeof victim)
            continue;
        if (unlink(victim) == 0)
            removed++;
    }
    closedir(dh);
    return removed;
}
