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
    /* 37 bytes a statement: some 29 million statements. */
    [DATAFILE_XAPI_STATE] = {"an xAPI push state file", 1u << 30, NULL},
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

int datafile_write_all(int fd, const void *data, size_t n)
{
    const char *s = data;
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

int datafile_sync_folder(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (slash == path ? 1 : (size_t)(slash - path)) : 1;
    char *dir = malloc(n + 1);
    if (!dir) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(dir, slash ? path : ".", n);
    dir[n] = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int err = errno;
    close(fd);
    errno = err;
    return rc;
}

/* Creates "<path>.tmp-XXXXXX" (O_EXCL) with the given mode. Returns its
 * descriptor and its malloc'ed name in *tmp, or -1 with errno set. */
static int temp_create(const char *path, mode_t mode, char **tmp)
{
    size_t plen = strlen(path);
    *tmp = malloc(plen + sizeof ".tmp-XXXXXX");
    if (!*tmp) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(*tmp, path, plen);
    memcpy(*tmp + plen, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
    int fd = mkstemp(*tmp); /* mode 0600 */
    if (fd >= 0 && mode != 0600 && fchmod(fd, mode) != 0) {
        int err = errno;
        close(fd);
        unlink(*tmp);
        errno = err;
        fd = -1;
    }
    if (fd < 0) {
        int err = errno;
        free(*tmp);
        *tmp = NULL;
        errno = err;
    }
    return fd;
}

/* Puts the written and synced temporary file tmp at path (see
 * datafile_replace) and removes tmp's own name. Returns 0, or -1 with errno
 * set and the step in *step. */
static int temp_publish(char *tmp, const char *path, const void *data, size_t n, int flags, DatafileStep *step)
{
    bool exclusive = flags & DATAFILE_EXCLUSIVE;
    int rc = exclusive ? link(tmp, path) : rename(tmp, path);
    int err = errno;
    if (rc != 0 && exclusive && err != EEXIST && (flags & DATAFILE_IN_PLACE)) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        rc = fd < 0 || datafile_write_all(fd, data, n) != 0 || fsync(fd) != 0 ? -1 : 0;
        err = errno;
        if (fd >= 0 && (close(fd) != 0 || rc != 0)) {
            unlink(path);
            rc = -1;
        }
    }
    if (exclusive || rc != 0)
        unlink(tmp);
    if (rc != 0) {
        *step = DATAFILE_STEP_PUBLISH;
        errno = err;
        return -1;
    }
    if (datafile_sync_folder(path) != 0) {
        *step = DATAFILE_STEP_FOLDER;
        return -1;
    }
    return 0;
}

int datafile_replace(const char *path, const void *data, size_t n, mode_t mode, int flags, DatafileStep *step)
{
    DatafileStep ignored;
    if (!step)
        step = &ignored;
    *step = DATAFILE_STEP_NONE;
    char *tmp;
    errno = 0;
    int fd = temp_create(path, mode, &tmp);
    if (fd < 0) {
        *step = DATAFILE_STEP_CREATE;
        return -1;
    }
    if (datafile_write_all(fd, data, n) != 0 || fsync(fd) != 0) {
        int err = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        *step = DATAFILE_STEP_WRITE;
        errno = err;
        return -1;
    }
    if (close(fd) != 0) {
        int err = errno;
        unlink(tmp);
        free(tmp);
        *step = DATAFILE_STEP_WRITE;
        errno = err;
        return -1;
    }
    int rc = temp_publish(tmp, path, data, n, flags, step);
    int err = errno;
    free(tmp);
    errno = err;
    return rc;
}

int datafile_append(int fd, const void *data, size_t n, DatafileStep *step)
{
    DatafileStep ignored;
    if (!step)
        step = &ignored;
    *step = DATAFILE_STEP_WRITE;
    const char *s = data;
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    ssize_t w;
    do
        w = write(fd, s, n);
    while (w < 0 && errno == EINTR);
    int err = w < 0 ? errno : 0;
    if (w >= 0 && (size_t)w < n) {
        /* A short write gives no reason; writing the rest once more either
         * completes the data or says why not (EFBIG past a file-size
         * limit, ENOSPC on a full disk). */
        ssize_t again;
        do
            again = write(fd, s + w, n - (size_t)w);
        while (again < 0 && errno == EINTR);
        if (again > 0)
            w += again;
        err = (size_t)w == n ? 0 : again < 0 ? errno : ENOSPC;
    }
    if (err) {
        /* Take back a partial write so the next append starts clean. */
        if (w > 0 && ftruncate(fd, st.st_size) != 0)
            err = errno;
        errno = err;
        return -1;
    }
    if (fsync(fd) != 0) {
        *step = DATAFILE_STEP_SYNC;
        return -1;
    }
    *step = DATAFILE_STEP_NONE;
    return 0;
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
    char *tmp = NULL;
    errno = 0;
    int fd = temp_create(path, 0600, &tmp);
    if (fd < 0)
        return fail(d, path, errno == ENOMEM ? "out of memory" : "creating a temporary file", NULL);
    int rc = -1;
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
    DatafileStep step;
    rc = temp_publish(tmp, path, NULL, 0, 0, &step);
    if (rc != 0)
        rc = fail(d, path, step == DATAFILE_STEP_FOLDER ? "syncing the folder" : "renaming the temporary file",
                  NULL);
out:
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

void datafile_folder_error(Diag *d, const char *dir, const char *what, int err)
{
    if (err == ENOENT)
        return;
    const char *why = err == ELOOP ? "is a loop of symbolic links" : datafile_problem(dir);
    diag_error(d, dir, 0, "cannot read the %s folder: it %s", what, why ? why : "is a file, not a folder");
}
