/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datafile.h"
#include "text.h"

typedef struct {
    dev_t dev;
    ino_t ino;
} Id;

typedef struct {
    const char *root; /* realpath of the root, no trailing '/' but for "/" */
    WalkKeep keep;
    Diag *d;
    /* (device, inode) met so far: open addressing, size a power of two. */
    Id *seen;
    unsigned char *used;
    size_t seen_n, seen_cap;
    char **paths;
    int n, cap;
    bool failed;
} Walk;

static size_t hash_id(Id id)
{
    uint64_t h = (uint64_t)id.ino * 0x9E3779B97F4A7C15u ^ (uint64_t)id.dev * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ (h >> 29));
}

/* Marks st's (device, inode) as met; false if it was already. */
static bool first_visit(Walk *w, const struct stat *st)
{
    if (w->seen_n * 2 >= w->seen_cap) {
        size_t cap = w->seen_cap ? w->seen_cap * 2 : 256;
        Id *ids = calloc(cap, sizeof *ids);
        unsigned char *used = calloc(cap, 1);
        if (!ids || !used) {
            free(ids);
            free(used);
            w->failed = true;
            return false;
        }
        for (size_t i = 0; i < w->seen_cap; i++) {
            if (!w->used[i])
                continue;
            size_t k = hash_id(w->seen[i]) & (cap - 1);
            while (used[k])
                k = (k + 1) & (cap - 1);
            used[k] = 1;
            ids[k] = w->seen[i];
        }
        free(w->seen);
        free(w->used);
        w->seen = ids;
        w->used = used;
        w->seen_cap = cap;
    }
    Id id = {st->st_dev, st->st_ino};
    size_t k = hash_id(id) & (w->seen_cap - 1);
    while (w->used[k]) {
        if (w->seen[k].dev == id.dev && w->seen[k].ino == id.ino)
            return false;
        k = (k + 1) & (w->seen_cap - 1);
    }
    w->used[k] = 1;
    w->seen[k] = id;
    w->seen_n++;
    return true;
}

static bool under(const char *root, const char *real)
{
    size_t n = strlen(root);
    if (!strcmp(root, "/"))
        return true;
    return !strncmp(real, root, n) && (real[n] == '\0' || real[n] == '/');
}

static bool inside(const Walk *w, const char *real)
{
    return under(w->root, real);
}

char *walk_real(const char *path)
{
    return path ? realpath(path, NULL) : NULL;
}

char *walk_link_out(const char *root_real, const char *path)
{
    if (!root_real || !path)
        return NULL;
    char *real = realpath(path, NULL);
    if (real && under(root_real, real)) {
        free(real);
        return NULL;
    }
    return real;
}

static void push(Walk *w, char *path)
{
    if (!path) {
        w->failed = true;
        return;
    }
    if (w->n == w->cap) {
        int cap = w->cap ? w->cap * 2 : 64;
        char **v = realloc(w->paths, sizeof *v * (size_t)cap);
        if (!v) {
            free(path);
            w->failed = true;
            return;
        }
        w->paths = v;
        w->cap = cap;
    }
    w->paths[w->n++] = path;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(Walk *w, const char *dir, int depth);

/* One entry of a folder: path, its lstat in *lst. Takes path. */
static void visit(Walk *w, char *path, const char *name, const struct stat *lst, int depth)
{
    struct stat st = *lst;
    if (S_ISLNK(lst->st_mode)) {
        char *real = realpath(path, NULL);
        if (!real) {
            /* A link to nothing or in a loop: listed, so that whoever
             * reads the list says why it cannot be read. */
            if (!w->keep || w->keep(name))
                push(w, path);
            else
                free(path);
            return;
        }
        bool in = inside(w, real);
        if (!in)
            diag_warning(w->d, path, 0, "not read: a symbolic link out of the folder (to %s)", real);
        free(real);
        if (!in || stat(path, &st) != 0) {
            free(path);
            return;
        }
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth >= WALK_MAX_DEPTH)
            diag_warning(w->d, path, 0, "not read: more than %d folders deep", WALK_MAX_DEPTH);
        else if (!first_visit(w, &st))
            diag_warning(w->d, path, 0,
                         "not read again: the same folder as one already read (a loop of links?)");
        else
            walk_dir(w, path, depth + 1);
        free(path);
    } else if (w->keep && !w->keep(name)) {
        free(path);
    } else if (!first_visit(w, &st)) {
        if (!w->failed)
            diag_warning(w->d, path, 0, "not read again: the same file as one already read (a link to it)");
        free(path);
    } else {
        /* A regular file, or a FIFO, device or socket inside the folder:
         * datafile_open_regular refuses those without blocking, and the
         * reader's message names them. */
        push(w, path);
    }
}

static void walk_dir(Walk *w, const char *dir, int depth)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        diag_warning(w->d, dir, 0, "not read: cannot read the folder: %s", strerror(errno));
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **v = realloc(names, sizeof *v * (size_t)cap);
            if (!v) {
                w->failed = true;
                break;
            }
            names = v;
        }
        if (!(names[n] = strdup(e->d_name))) {
            w->failed = true;
            break;
        }
        n++;
    }
    closedir(dp);
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, cmp_str);
    /* Links after everything else: of a file and a link to it, the file
     * is the one listed under its own name. */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            char *path = names[i] ? text_path_join(dir, names[i]) : NULL;
            struct stat lst;
            if (!names[i]) {
                continue;
            } else if (!path) {
                w->failed = true;
            } else if (lstat(path, &lst) != 0) {
                diag_warning(w->d, path, 0, "not read: %s", strerror(errno));
                free(path);
            } else if (S_ISLNK(lst.st_mode) != (pass == 1)) {
                free(path);
                continue;
            } else {
                visit(w, path, names[i], &lst, depth);
            }
            free(names[i]);
            names[i] = NULL;
        }
    }
    free(names);
}

int walk_files(const char *root, WalkKeep keep, char ***paths, Diag *d)
{
    *paths = NULL;
    Walk w = {.keep = keep, .d = d};
    struct stat st;
    char *real = realpath(root, NULL);
    if (!real || stat(real, &st) != 0) {
        diag_error(d, root, 0, "cannot read the folder: %s",
                   errno == ELOOP ? "a loop of symbolic links" : strerror(errno));
        free(real);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        const char *why = datafile_problem(real);
        diag_error(d, root, 0, "cannot read the folder: it %s", why ? why : "is a file");
        free(real);
        return -1;
    }
    w.root = real;
    first_visit(&w, &st);
    walk_dir(&w, root, 0);
    free(real);
    free(w.seen);
    free(w.used);
    if (w.failed) {
        diag_error(d, root, 0, "cannot list the folder: out of memory");
        for (int i = 0; i < w.n; i++)
            free(w.paths[i]);
        free(w.paths);
        return -1;
    }
    if (w.n > 1)
        qsort(w.paths, (size_t)w.n, sizeof *w.paths, cmp_str);
    *paths = w.paths;
    return w.n;
}
