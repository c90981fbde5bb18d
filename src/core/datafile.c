/* flock() is BSD, not POSIX: glibc declares it under _DEFAULT_SOURCE. */
#define _DEFAULT_SOURCE
#include "datafile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static const struct {
    const char *name;
    size_t cap;
    const char *verb; /* "cannot read" unless the file needs naming */
} kinds[DATAFILE_KIND_COUNT] = {
    /* The largest shipped module is 16 KB. Every start checks each zone
     * point against the chart's outline, so points (and so bytes) must
     * stay few. */
    [DATAFILE_COURSE] = {"a course file", 256u << 10, NULL},
    [DATAFILE_CONFIG] = {"a config file", 1u << 20, NULL},
    /* The shipped charts are under 50 KB; nanosvg's time (every redraw at
     * a new size) grows with the file. */
    [DATAFILE_CHART] = {"a chart", 1u << 20, NULL},
    /* DejaVu Sans is 0.7 MB; a CJK font with every face some 20 MB. */
    [DATAFILE_FONT] = {"a font", 64u << 20, NULL},
    [DATAFILE_SCORES] = {"a score file", 64u << 20, NULL},
    [DATAFILE_JOURNAL] = {"an exam journal", 16u << 20, NULL},
    [DATAFILE_PROGRESS] = {"a progress file", 16u << 20, NULL},
    [DATAFILE_REVIEW] = {"a review schedule", 16u << 20, NULL},
    [DATAFILE_KEY] = {"a station key", 4096, "cannot read the station key"},
    [DATAFILE_SCRIPT] = {"a script", 4u << 20, NULL},
};

size_t datafile_cap(DatafileKind kind)
{
    return (unsigned)kind < DATAFILE_KIND_COUNT ? kinds[kind].cap : 0;
}

static const char *verb(DatafileKind kind)
{
    return (unsigned)kind < DATAFILE_KIND_COUNT && kinds[kind].verb ? kinds[kind].verb : "cannot read";
}

const char *datafile_kind_name(DatafileKind kind)
{
    return (unsigned)kind < DATAFILE_KIND_COUNT ? kinds[kind].name : "a file";
}

/* "4 MB", "65 bytes": sizes in messages. */
static void size_text(char *buf, size_t size, unsigned long long n)
{
    if (n >= (1ull << 20))
        snprintf(buf, size, "%llu MB", (n + (1ull << 19)) >> 20);
    else if (n >= 1024)
        snprintf(buf, size, "%llu KB", (n + 512) >> 10);
    else
        snprintf(buf, size, "%llu bytes", n);
}

static const char *type_text(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory, not a file";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(mode))
        return "is a character device, not a regular file";
    if (S_ISBLK(mode))
        return "is a block device, not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

const char *datafile_problem(const char *path)
{
    struct stat st;
    if (!path || !*path)
        return "does not exist";
    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return "does not exist";
        if (errno == ELOOP)
            return "is a loop of symbolic links";
        return strerror(errno);
    }
    return S_ISREG(st.st_mode) ? NULL : type_text(st.st_mode);
}

int datafile_open_regular(const char *path, int kind, struct stat *st, Diag *d)
{
    bool missing_ok = (kind & DATAFILE_MISSING_OK) != 0;
    DatafileKind k = (DatafileKind)(kind & 0xff);
    if (!path || !*path) {
        diag_error(d, path ? path : "", 0, "%s: no file named", verb(k));
        errno = ENOENT;
        return -1;
    }
    /* stat first, so that a device is never opened (opening some has side
     * effects); fstat after the open catches a file swapped in between. */
    struct stat s;
    int fd = -1, err = 0;
    if (stat(path, &s) != 0 || S_ISREG(s.st_mode)) {
        fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            err = errno;
            if (err == ELOOP)
                diag_error(d, path, 0, "%s: it is a loop of symbolic links", verb(k));
            else if (!(err == ENOENT && missing_ok))
                diag_error(d, path, 0, "%s: %s", verb(k), strerror(err));
            errno = err;
            return -1;
        }
        if (fstat(fd, &s) != 0) {
            err = errno;
            diag_error(d, path, 0, "%s: %s", verb(k), strerror(err));
        }
    }
    if (err) {
        /* reported above */
    } else if (!S_ISREG(s.st_mode)) {
        err = S_ISDIR(s.st_mode) ? EISDIR : EINVAL;
        diag_error(d, path, 0, "%s: it %s", verb(k), type_text(s.st_mode));
    } else if ((unsigned long long)s.st_size > datafile_cap(k)) {
        char have[32], cap[32];
        size_text(have, sizeof have, (unsigned long long)s.st_size);
        size_text(cap, sizeof cap, datafile_cap(k));
        if (!strcmp(have, cap)) { /* "1 MB, the limit ... is 1 MB": say it exactly */
            snprintf(have, sizeof have, "%llu bytes", (unsigned long long)s.st_size);
            snprintf(cap, sizeof cap, "%llu bytes", (unsigned long long)datafile_cap(k));
        }
        err = EFBIG;
        diag_error(d, path, 0, "%s: it is %s, the limit for %s is %s", verb(k), have, datafile_kind_name(k),
                   cap);
    }
    if (err) {
        if (fd >= 0)
            close(fd);
        errno = err;
        return -1;
    }
    if (st)
        *st = s;
    return fd;
}

char *datafile_read_capped(const char *path, int kind, size_t *len, Diag *d)
{
    if (len)
        *len = 0;
    struct stat st;
    int fd = datafile_open_regular(path, kind, &st, d);
    if (fd < 0)
        return NULL;
    DatafileKind k = (DatafileKind)(kind & 0xff);
    size_t cap = datafile_cap(k);
    /* st_size is a hint (a file may grow, /proc files say 0): read up to
     * one byte past the cap to tell a file over it. */
    size_t size = (size_t)st.st_size < 4096 ? 4096 : (size_t)st.st_size + 1;
    if (size > cap + 1)
        size = cap + 1;
    size_t n = 0;
    char *buf = malloc(size + 1);
    int err = buf ? 0 : ENOMEM;
    while (!err) {
        if (n == size) {
            if (size > cap)
                break;
            size_t bigger = size * 2 > cap + 1 ? cap + 1 : size * 2;
            char *b = realloc(buf, bigger + 1);
            if (!b) {
                err = ENOMEM;
                break;
            }
            buf = b;
            size = bigger;
        }
        ssize_t got = read(fd, buf + n, size - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            err = errno ? errno : EIO;
        else if (got == 0)
            break;
        else
            n += (size_t)got;
    }
    close(fd);
    if (!err && n > cap) {
        char c[32];
        size_text(c, sizeof c, cap);
        err = EFBIG;
        diag_error(d, path, 0, "%s: it grew past %s, the limit for %s", verb(k), c, datafile_kind_name(k));
    } else if (err) {
        diag_error(d, path, 0, "%s: %s", verb(k), strerror(err));
    }
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = '\0';
    if (len)
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

int datafile_lock(const char *path, bool wait, Diag *d)
{
    struct stat st;
    bool dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    int fd = dir ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                 : open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (fd < 0) {
        diag_error(d, path, 0, "cannot lock: %s", strerror(errno));
        return -1;
    }
    if (!dir && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        diag_error(d, path, 0, "cannot lock: it is not a regular file");
        close(fd);
        errno = EINVAL;
        return -1;
    }
    int rc;
    do
        rc = flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB));
    while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        int err = errno;
        if (err != EWOULDBLOCK)
            diag_error(d, path, 0, "cannot lock: %s", strerror(err));
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}
