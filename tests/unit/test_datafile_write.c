/* Unit tests for the writing half of src/core/datafile.c: atomic replace
 * (mode, exclusive create, what a failure leaves), append with fsync (a
 * partial append taken back) and folder sync, on real files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafile.h"

static char DIR_PATH[128];
static char PATH[192];

static int setup(void **state)
{
    (void)state;
    snprintf(DIR_PATH, sizeof DIR_PATH, "/tmp/tpquiz-datafile-write-%d", (int)getpid());
    snprintf(PATH, sizeof PATH, "%s/file.txt", DIR_PATH);
    return mkdir(DIR_PATH, 0700);
}

static int teardown(void **state)
{
    (void)state;
    unlink(PATH);
    return rmdir(DIR_PATH); /* fails if a test left a temporary file */
}

/* The file's contents (at most 255 bytes), "" if it cannot be read. */
static const char *contents(const char *path)
{
    static char buf[256];
    buf[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

/* Entries in the folder besides . and .. */
static int entries(void)
{
    DIR *d = opendir(DIR_PATH);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void test_replace_writes_with_mode(void **state)
{
    (void)state;
    unlink(PATH);
    DatafileStep step = DATAFILE_STEP_CREATE;
    assert_int_equal(datafile_replace(PATH, "one\n", 4, 0640, 0, &step), 0);
    assert_int_equal(step, DATAFILE_STEP_NONE);
    assert_string_equal(contents(PATH), "one\n");
    struct stat st;
    assert_int_equal(stat(PATH, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(datafile_replace(PATH, "two", 3, 0600, 0, NULL), 0);
    assert_string_equal(contents(PATH), "two");
    assert_int_equal(stat(PATH, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    assert_int_equal(entries(), 1); /* no temporary file left */
}

static void test_exclusive_create(void **state)
{
    (void)state;
    unlink(PATH);
    DatafileStep step;
    assert_int_equal(datafile_replace(PATH, "first", 5, 0600, DATAFILE_EXCLUSIVE, &step), 0);
    assert_string_equal(contents(PATH), "first");
    errno = 0;
    assert_int_equal(datafile_replace(PATH, "second", 6, 0600, DATAFILE_EXCLUSIVE | DATAFILE_IN_PLACE, &step),
                     -1);
    assert_int_equal(errno, EEXIST);
    assert_int_equal(step, DATAFILE_STEP_PUBLISH);
    assert_string_equal(contents(PATH), "first");
    assert_int_equal(entries(), 1);
}

static void test_replace_in_a_missing_folder(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/no/such/file", DIR_PATH);
    DatafileStep step;
    errno = 0;
    assert_int_equal(datafile_replace(path, "x", 1, 0600, 0, &step), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(step, DATAFILE_STEP_CREATE);
    assert_int_equal(datafile_sync_folder(path), -1);
    assert_int_equal(datafile_sync_folder(PATH), 0);
}

static void test_append(void **state)
{
    (void)state;
    assert_int_equal(datafile_replace(PATH, "a\n", 2, 0600, 0, NULL), 0);
    int fd = open(PATH, O_WRONLY | O_APPEND);
    assert_true(fd >= 0);
    DatafileStep step = DATAFILE_STEP_CREATE;
    assert_int_equal(datafile_append(fd, "b\n", 2, &step), 0);
    assert_int_equal(step, DATAFILE_STEP_NONE);
    assert_int_equal(datafile_append(fd, "c\n", 2, NULL), 0);
    close(fd);
    assert_string_equal(contents(PATH), "a\nb\nc\n");

    /* A descriptor that cannot write: nothing changes. */
    fd = open(PATH, O_RDONLY);
    assert_true(fd >= 0);
    errno = 0;
    assert_int_equal(datafile_append(fd, "d\n", 2, &step), -1);
    assert_int_equal(errno, EBADF);
    assert_int_equal(step, DATAFILE_STEP_WRITE);
    close(fd);
    assert_string_equal(contents(PATH), "a\nb\nc\n");
}

/* Past the file-size limit a write is cut short: the part written is taken
 * back and the reason (EFBIG) given, so the next append starts clean. */
static void test_partial_append_is_taken_back(void **state)
{
    (void)state;
    assert_int_equal(datafile_replace(PATH, "0123456789", 10, 0600, 0, NULL), 0);
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    lim = old;
    lim.rlim_cur = 14;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    int fd = open(PATH, O_WRONLY | O_APPEND);
    assert_true(fd >= 0);
    DatafileStep step;
    errno = 0;
    int rc = datafile_append(fd, "abcdefgh", 8, &step);
    int err = errno;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, was);
    assert_int_equal(rc, -1);
    assert_int_equal(err, EFBIG);
    assert_int_equal(step, DATAFILE_STEP_WRITE);
    assert_string_equal(contents(PATH), "0123456789");
    assert_int_equal(datafile_append(fd, "ab", 2, NULL), 0);
    close(fd);
    assert_string_equal(contents(PATH), "0123456789ab");
}

static void test_write_all(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(datafile_write_all(p[1], "hello", 5), 0);
    close(p[1]);
    char buf[8] = {0};
    assert_int_equal(read(p[0], buf, sizeof buf), 5);
    assert_string_equal(buf, "hello");
    close(p[0]);
    errno = 0;
    assert_int_equal(datafile_write_all(-1, "x", 1), -1);
    assert_int_equal(errno, EBADF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replace_writes_with_mode),
        cmocka_unit_test(test_exclusive_create),
        cmocka_unit_test(test_replace_in_a_missing_folder),
        cmocka_unit_test(test_append),
        cmocka_unit_test(test_partial_append_is_taken_back),
        cmocka_unit_test(test_write_all),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
