/* Helpers shared by the unit tests: see support.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

void support_near(double a, double b, double eps, const char *expr, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        print_error("%s = %.17g, expected %.17g (within %g)\n", expr, a, b, eps);
        _fail(file, line);
    }
}

/* ---- the temporary folder ---------------------------------------------- */

static char tmp[256];

const char *tmp_create(const char *name)
{
    int n = snprintf(tmp, sizeof tmp, "/tmp/%s-XXXXXX", name);
    if (n < 0 || (size_t)n >= sizeof tmp || !mkdtemp(tmp)) {
        tmp[0] = '\0';
        return NULL;
    }
    return tmp;
}

/* Removes path and, if it is a folder (not a link to one), all in it. */
static int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    int rc = 0;
    if ((st.st_mode & 0700) != 0700)
        chmod(path, st.st_mode | 0700);
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[1024];
            int n = snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            if (n < 0 || (size_t)n >= sizeof sub || remove_tree(sub) != 0)
                rc = -1;
        }
        closedir(d);
    }
    return rmdir(path) == 0 ? rc : -1;
}

int tmp_remove(void)
{
    if (!tmp[0])
        return 0;
    int rc = remove_tree(tmp);
    tmp[0] = '\0';
    return rc;
}

const char *tmp_dir(void)
{
    return tmp;
}

const char *tmp_path(const char *rel)
{
    static char paths[4][512];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, sizeof paths[0], "%s/%s", tmp, rel);
    return path;
}

const char *put(const char *rel, const char *text)
{
    const char *path = tmp_path(rel);
    char dir[512];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + strlen(tmp) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    }
    write_text(path, text);
    return path;
}

int tmp_state_setup(void **state, const char *name, const char *file)
{
    Tmp *t = calloc(1, sizeof *t);
    if (!t || !tmp_create(name) || strlen(tmp) >= sizeof t->dir) {
        tmp_remove();
        free(t);
        return -1;
    }
    strcpy(t->dir, tmp);
    snprintf(t->file, sizeof t->file, "%s/%s", t->dir, file);
    *state = t;
    return 0;
}

int tmp_state_teardown(void **state)
{
    free(*state);
    *state = NULL;
    return tmp_remove();
}

int tmp_teardown(void **state)
{
    (void)state;
    return tmp_remove();
}

/* ---- files -------------------------------------------------------------- */

void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

void write_text(const char *path, const char *text)
{
    write_bytes(path, text, strlen(text));
}

void append_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

char *read_file(const char *path, size_t *n)
{
    static char buf[1 << 16];
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t got = fread(buf, 1, sizeof buf - 1, f);
    int more = fgetc(f) != EOF;
    fclose(f);
    assert_false(more);
    buf[got] = '\0';
    if (n)
        *n = got;
    return buf;
}

int dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

void damage(char *buf, size_t *n, uint64_t *x, const char *typical, bool keep_one)
{
    uint64_t r = *x;
    r ^= r << 13, r ^= r >> 7, r ^= r << 17;
    *x = r;
    size_t at = (size_t)(r % *n);
    switch ((r >> 32) % 4) {
    case 0:
        buf[at] = (char)(r >> 40);
        break;
    case 1:
        buf[at] = typical[(r >> 40) % strlen(typical)];
        break;
    case 2:
        *n = at + 1;
        break;
    default:
        if (!keep_one || *n > 1)
            memmove(buf + at, buf + at + 1, *n - at - 1), (*n)--;
        break;
    }
}

/* ---- fixtures ------------------------------------------------------------ */

Library *report_fixture_library(int *errors)
{
    Diag *d = diag_create();
    Library *lib = library_load(SOURCE_ROOT "/tests/data/report/courses", SOURCE_ROOT "/assets", d);
    if (errors)
        *errors = diag_error_count(d);
    diag_free(d);
    return lib;
}

/* ---- diagnostics --------------------------------------------------------- */

/* Appends the printf-style text to out (size bytes, *n used), failing the
 * test if it does not fit. */
static void append(char *out, size_t size, size_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(out + *n, size - *n, fmt, ap);
    va_end(ap);
    if (w < 0 || (size_t)w >= size - *n)
        fail_msg("diag_text: more than %zu characters", size - 1);
    *n += (size_t)w;
}

const char *diag_text(Diag *d, int flags)
{
    static char out[16384];
    size_t n = 0;
    out[0] = '\0';
    if (flags & DIAG_TEXT_SORTED)
        diag_sort(d);
    /* What is written in another form: the temporary folder (with its '/'
     * when it is dropped), and the data folder. */
    const char *from[2] = {(flags & DIAG_TEXT_RELATIVE) ? tmp_path("") : tmp,
                           (flags & DIAG_TEXT_DATA) ? TEST_DATA_DIR : NULL};
    const char *to[2] = {(flags & DIAG_TEXT_RELATIVE) ? "" : "T", "D"};
    if (!tmp[0])
        from[0] = NULL;
    for (int i = 0; i < diag_count(d); i++) {
        char line[2048];
        const char *p = diag_format(diag_item(d, i), line, sizeof line);
        for (;;) {
            const char *hit = NULL;
            int k = 0;
            for (int j = 0; j < 2; j++) {
                const char *h = from[j] ? strstr(p, from[j]) : NULL;
                if (h && (!hit || h < hit)) {
                    hit = h;
                    k = j;
                }
            }
            if (!hit)
                break;
            append(out, sizeof out, &n, "%.*s%s", (int)(hit - p), p, to[k]);
            p = hit + strlen(from[k]);
        }
        append(out, sizeof out, &n, "%s\n", p);
    }
    return out;
}

void assert_diag_error(const Diag *d, int i, const char *path, int line, const char *msg)
{
    const DiagItem *it = diag_item(d, i);
    assert_non_null(it);
    assert_int_equal(it->level, DIAG_ERROR);
    assert_string_equal(it->path, path);
    assert_int_equal(it->line, line);
    assert_string_equal(it->message, msg);
}
