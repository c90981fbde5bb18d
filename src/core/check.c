/* check: tells what each path is and hands it to the loader that knows it.
 * The loaders do the validating; this file only adds what no single loader
 * can see (modules no course lists, settings that point nowhere). */
#include "check.h"

#include "datafile.h"
#include "text.h"
#include "instructor.h"
#include "disorder.h"
#include "protocol.h"
#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "course.h"
#include "inifile.h"
#include "svgview.h"

typedef enum { KIND_UNKNOWN, KIND_COURSE, KIND_MODULE, KIND_CONFIG, KIND_PROTOCOL, KIND_DISORDER } IniKind;

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && !strcmp(s + n - m, end);
}

/* The folder holding path: "." if none, ".." for ".". */
static char *parent_dir(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    if (n == 1 && path[0] == '.')
        return strdup("..");
    while (n > 0 && path[n - 1] != '/')
        n--;
    if (n == 0)
        return strdup(".");
    while (n > 1 && path[n - 1] == '/')
        n--;
    return strndup(path, n);
}

/* Sorted names of the entries of dir that pass keep (NULL: all but dot
 * files). *n gets the count. NULL (with *n = 0) if the folder cannot be
 * read. */
static char **list_dir(const char *dir, bool (*keep)(const char *dir, const char *name), int *n)
{
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    char **names = NULL;
    int cap = 0;
    struct dirent *ent;
    while ((ent = readdir(dp)) != NULL) {
        if (ent->d_name[0] == '.' || (keep && !keep(dir, ent->d_name)))
            continue;
        if (*n == cap) {
            int nc = cap ? cap * 2 : 16;
            char **grown = realloc(names, (size_t)nc * sizeof *grown);
            if (!grown)
                break;
            names = grown;
            cap = nc;
        }
        if (!(names[*n] = strdup(ent->d_name)))
            break;
        (*n)++;
    }
    closedir(dp);
    for (int i = 1; i < *n; i++) { /* insertion sort: folders are small */
        char *s = names[i];
        int j = i;
        while (j > 0 && strcmp(names[j - 1], s) > 0) {
            names[j] = names[j - 1];
            j--;
        }
        names[j] = s;
    }
    return names;
}

static void free_names(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* By name only: a FIFO or a folder named like a module is checked too, and
 * the reader says what it is (it never blocks on one). */
static bool is_ini_file(const char *dir, const char *name)
{
    (void)dir;
    return ends_with(name, ".ini");
}

static bool is_checkable_file(const char *dir, const char *name)
{
    (void)dir;
    return ends_with(name, ".ini") || ends_with(name, ".svg");
}

static bool has_course_ini(const char *dir, const char *name)
{
    char *sub = text_path_join(dir, name);
    char *file = sub ? text_path_join(sub, "course.ini") : NULL;
    bool ok = file && is_file(file);
    free(file);
    free(sub);
    return ok;
}

/* What kind of .ini this is, from its first section header. Reports why if
 * it cannot tell. */
static IniKind ini_kind(const char *path, Diag *d)
{
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_COURSE, &len, d);
    if (!buf)
        return KIND_UNKNOWN;
    IniKind kind = KIND_UNKNOWN;
    bool blank = true, found = false;
    int line = 1;
    size_t pos = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        pos = 3;
    while (pos < len && !found) {
        size_t end = pos;
        while (end < len && buf[end] != '\n')
            end++;
        size_t b = pos;
        while (b < end && (buf[b] == ' ' || buf[b] == '\t' || buf[b] == '\r'))
            b++;
        if (b < end)
            blank = false;
        if (b < end && buf[b] == '[') {
            found = true;
            size_t close = b + 1;
            while (close < end && buf[close] != ']')
                close++;
            char name[INIFILE_MAX_LINE + 1];
            size_t n = close - b - 1;
            if (n > INIFILE_MAX_LINE)
                n = INIFILE_MAX_LINE;
            memcpy(name, buf + b + 1, n);
            name[n] = '\0';
            if (!strcmp(name, "course") || !strcmp(name, "exam"))
                kind = KIND_COURSE;
            else if (!strcmp(name, "muscle") || !strncmp(name, "tp.", 3) || !strncmp(name, "zone.", 5) ||
                     !strncmp(name, "question.", 9) || !strcmp(name, "lesson") || !strncmp(name, "page.", 5))
                kind = KIND_MODULE;
            else if (!strcmp(name, "paths") || !strcmp(name, "window") || !strcmp(name, "font") ||
                     !strcmp(name, "instructor"))
                kind = KIND_CONFIG;
            else if (!strcmp(name, "protocol"))
                kind = KIND_PROTOCOL;
            else if (!strcmp(name, "disorder"))
                kind = KIND_DISORDER;
            else
                diag_error(d, path, line,
                           "cannot tell what this file is: it starts with [%s], not [course], "
                           "[muscle], [lesson], [protocol], [disorder] or a config section",
                           name);
        }
        pos = end + 1;
        line++;
    }
    if (!found)
        diag_error(d, path, 0,
                   blank ? "empty file"
                         : "no [section] header: cannot tell a course, a module or a config "
                           "apart");
    free(buf);
    return kind;
}

/* An exam cannot ask more questions than the course's modules have items
 * (it would silently be shorter). Checked once every module loaded. */
static void check_exam_supply(const Library *lib, Diag *d)
{
    for (int i = 0; i < library_course_count(lib); i++) {
        const Course *c = library_course(lib, i);
        int supply = 0;
        bool all = c->n_modules > 0;
        for (int k = 0; k < c->n_modules; k++) {
            Session *s = c->modules[k] ? session_create_practice(c->modules[k], 1) : NULL;
            all = all && c->modules[k];
            supply += s ? session_item_count(s) : 0;
            session_free(s);
        }
        if (all && c->exam.questions > supply)
            diag_error(d, c->path, c->exam.questions_line,
                       "questions = %d, but the course's modules have only %d items to draw from; the exam "
                       "would be shorter than it says",
                       c->exam.questions, supply);
    }
}

static void check_course_file(const char *path, const Config *cfg, Diag *d)
{
    /* <courses>/<id>/course.ini finds its modules in <courses>/muscles; any
     * other course file in the muscles folder next to it. */
    char *dir = parent_dir(path);
    char *courses =
        dir && ends_with(path, "course.ini") && (strlen(path) == 10 || path[strlen(path) - 11] == '/')
            ? parent_dir(dir)
            : (dir ? strdup(dir) : NULL);
    if (!courses) {
        diag_error(d, path, 0, "out of memory");
    } else {
        Library *lib = library_create(courses, cfg->assets_dir);
        library_load_course_file(lib, path, d);
        check_exam_supply(lib, d);
        library_free(lib);
    }
    free(courses);
    free(dir);
}

static void check_module_file(const char *path, const Config *cfg, Diag *d)
{
    Library *lib = library_create(cfg->courses_dir, cfg->assets_dir);
    library_load_module_file(lib, path, d);
    library_free(lib);
}

/* Every module in <courses>/muscles, for resolving protocol steps; problems
 * of the modules themselves are not this check's to report. */
static Library *whole_library(const char *courses, const Config *cfg)
{
    Diag *quiet = diag_create();
    Library *lib = library_create(courses, cfg->assets_dir);
    library_load_all(lib, quiet);
    char *muscles = text_path_join(courses, "muscles");
    int n = 0;
    char **names = muscles ? list_dir(muscles, is_ini_file, &n) : NULL;
    for (int i = 0; i < n; i++) {
        char *path = text_path_join(muscles, names[i]);
        if (path)
            library_load_module_file(lib, path, quiet);
        free(path);
    }
    free_names(names, n);
    free(muscles);
    diag_free(quiet);
    return lib;
}

static void check_protocol_file(const char *path, const Config *cfg, Diag *d)
{
    /* <courses>/protocols/<id>.ini resolves against <courses>; any other
     * protocol file against the configured courses. */
    char *dir = parent_dir(path);
    char *courses = dir && ends_with(dir, "protocols") ? parent_dir(dir) : strdup(cfg->courses_dir);
    Library *lib = courses ? whole_library(courses, cfg) : NULL;
    protocols_free(protocols_load_file(path, lib, d));
    library_free(lib);
    free(courses);
    free(dir);
}

static void check_disorder_file(const char *path, const Config *cfg, Diag *d)
{
    /* <courses>/disorders/<id>.ini resolves its muscles and protocols
     * against <courses>; any other disorder file against the configured
     * courses. The protocols' own problems are not this check's. */
    char *dir = parent_dir(path);
    char *courses = dir && ends_with(dir, "disorders") ? parent_dir(dir) : strdup(cfg->courses_dir);
    Library *lib = courses ? whole_library(courses, cfg) : NULL;
    char *pdir = courses ? text_path_join(courses, "protocols") : NULL;
    Diag *quiet = diag_create();
    ProtocolSet *protocols = pdir ? protocols_load(pdir, lib, quiet) : NULL;
    diag_free(quiet);
    disorders_free(disorders_load_file(path, lib, protocols, d));
    protocols_free(protocols);
    free(pdir);
    library_free(lib);
    free(courses);
    free(dir);
}

static void check_file(const char *path, const Config *cfg, Diag *d)
{
    if (ends_with(path, ".svg")) {
        SvgInfo info;
        /* A chart needs its body outline; an overlay (in a muscles folder)
         * shows one muscle and a lesson figure (in a figures folder) no
         * body to place points on: they have none. */
        char *dir = parent_dir(path);
        bool overlay = dir && (ends_with(dir, "/muscles") || !strcmp(dir, "muscles") || ends_with(dir, "/figures") ||
                               !strcmp(dir, "figures"));
        if (svgview_inspect(path, &info, d) == 0 && !overlay && !info.outline_line)
            diag_error(d, path, 0,
                       "no body outline (<path id=\"" SVGVIEW_OUTLINE_ID "\">): trigger points and zones on "
                       "this chart could not be checked against the body");
        svgview_info_free(&info);
        free(dir);
        return;
    }
    if (!ends_with(path, ".ini")) {
        diag_error(d, path, 0, "cannot check this kind of file (expected .ini or .svg)");
        return;
    }
    switch (ini_kind(path, d)) {
    case KIND_COURSE:
        check_course_file(path, cfg, d);
        break;
    case KIND_MODULE:
        check_module_file(path, cfg, d);
        break;
    case KIND_CONFIG:
        config_free(config_load(path, NULL, d));
        break;
    case KIND_PROTOCOL:
        check_protocol_file(path, cfg, d);
        break;
    case KIND_DISORDER:
        check_disorder_file(path, cfg, d);
        break;
    case KIND_UNKNOWN:
        break;
    }
}

/* Every module file in <dir>/<sub> (muscles or lessons), also those no
 * course lists, which are warned about. */
static void check_module_folder(Library *lib, const char *dir, const char *sub, Diag *d)
{
    char *folder = text_path_join(dir, sub);
    int n = 0;
    char **names = folder ? list_dir(folder, is_ini_file, &n) : NULL;
    if (folder && !names) { /* empty, missing or no folder at all */
        DIR *probe = opendir(folder);
        if (probe)
            closedir(probe);
        else
            datafile_folder_error(d, folder, sub, errno);
    }
    for (int i = 0; i < n; i++) {
        char *path = text_path_join(folder, names[i]);
        const Module *m = path ? library_load_module_file(lib, path, d) : NULL;
        bool listed = false;
        for (int c = 0; m && c < library_course_count(lib); c++) {
            const Course *course = library_course(lib, c);
            for (int k = 0; k < course->n_modules; k++)
                if (course->modules[k] == m)
                    listed = true;
        }
        if (m && strcmp(m->path, path) != 0)
            diag_error(d, path, 0, "module id '%s' is also %s: module ids are shared by muscles and lessons", m->id,
                       m->path);
        else if (m && !listed)
            diag_warning(d, path, 0, "%s '%s' is not in any course", m->kind == MODULE_LESSON ? "lesson" : "module",
                         m->id);
        free(path);
    }
    free_names(names, n);
    free(folder);
}

/* A courses folder: every course, every module in muscles/ and every
 * lesson in lessons/. */
static void check_courses_tree(const char *dir, const Config *cfg, Diag *d)
{
    Library *lib = library_create(dir, cfg->assets_dir);
    library_load_all(lib, d);
    if (library_course_count(lib) == 0)
        diag_error(d, dir, 0, "no course here: a courses folder holds <id>/course.ini");
    check_module_folder(lib, dir, "muscles", d);
    check_module_folder(lib, dir, "lessons", d);
    check_exam_supply(lib, d);
    /* The pain protocols, against every module of the tree; the disorders
     * directory against the modules and the protocols. */
    char *pdir = text_path_join(dir, "protocols");
    ProtocolSet *protocols = pdir ? protocols_load(pdir, lib, d) : NULL;
    char *ddir = text_path_join(dir, "disorders");
    if (ddir && protocols)
        disorders_free(disorders_load(ddir, lib, protocols, d));
    protocols_free(protocols);
    free(ddir);
    free(pdir);
    library_free(lib);
}

static void check_dir(const char *path, const Config *cfg, Diag *d)
{
    char *course_ini = text_path_join(path, "course.ini");
    char *muscles = text_path_join(path, "muscles");
    if (!course_ini || !muscles) {
        diag_error(d, path, 0, "out of memory");
    } else if (is_file(course_ini) || lstat(course_ini, &(struct stat){0}) == 0) {
        /* Also a course.ini that is no file: the reader says what it is. */
        check_course_file(course_ini, cfg, d);
    } else {
        int n_courses = 0, n_modules = 0;
        char **courses = list_dir(path, has_course_ini, &n_courses);
        free_names(courses, n_courses);
        /* assets/anatomy has a muscles folder too, of overlays: only one
         * holding modules makes this a courses folder. */
        char **modules = list_dir(muscles, is_ini_file, &n_modules);
        free_names(modules, n_modules);
        if (n_courses > 0 || n_modules > 0) {
            check_courses_tree(path, cfg, d);
        } else {
            int n = 0;
            char **names = list_dir(path, is_checkable_file, &n);
            if (n == 0)
                diag_error(d, path, 0,
                           "nothing to check here: no course.ini, no courses, no .ini or .svg "
                           "files");
            for (int i = 0; i < n; i++) {
                char *file = text_path_join(path, names[i]);
                if (file)
                    check_file(file, cfg, d);
                free(file);
            }
            free_names(names, n);
        }
    }
    free(course_ini);
    free(muscles);
}

/* The data folder is a folder, or the first part of its path that exists
 * is a folder the program can create it in. */
static void check_data_dir(const Config *cfg, Diag *d)
{
    const char *dir = cfg->data_dir;
    if (!dir || !*dir)
        return; /* the platform's folder */
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            diag_error(d, cfg->path, 0, "the data folder %s is not a folder: it %s", dir,
                       S_ISREG(st.st_mode) ? "is a file" : datafile_problem(dir));
        else if (access(dir, W_OK | X_OK) != 0)
            diag_error(d, cfg->path, 0, "the data folder %s cannot be written: %s", dir, strerror(errno));
        return;
    }
    if (errno != ENOENT) {
        diag_error(d, cfg->path, 0, "the data folder %s cannot be used: %s", dir,
                   errno == ELOOP ? "a loop of symbolic links" : strerror(errno));
        return;
    }
    char *up = parent_dir(dir);
    while (up && stat(up, &st) != 0 && errno == ENOENT && strcmp(up, ".") && strcmp(up, "/")) {
        char *next = parent_dir(up);
        free(up);
        up = next;
    }
    if (up && (stat(up, &st) != 0 || !S_ISDIR(st.st_mode) || access(up, W_OK | X_OK) != 0))
        diag_error(d, cfg->path, 0, "the data folder %s does not exist and cannot be created in %s", dir, up);
    free(up);
}

/* The station's own settings point at things that exist. */
static void check_config_targets(const Config *cfg, Diag *d)
{
    if (!is_dir(cfg->courses_dir))
        diag_error(d, cfg->path, 0, "the courses folder %s does not exist", cfg->courses_dir);
    if (!is_dir(cfg->assets_dir))
        diag_error(d, cfg->path, 0, "the assets folder %s does not exist", cfg->assets_dir);
    const char *why = datafile_problem(cfg->font_file);
    if (why)
        diag_error(d, cfg->path, 0, "the font file %s %s", cfg->font_file, why);
    check_data_dir(cfg, d);
    if (cfg->instructor_hash && *cfg->instructor_hash && !instructor_hash_valid(cfg->instructor_hash))
        diag_error(d, cfg->path, 0,
                   "the instructor passphrase hash is damaged: no passphrase would open the review; "
                   "set it again with tpquiz passwd");
}

int check_paths(const char *const *paths, int n, const Config *cfg, Diag *d)
{
    int before = diag_error_count(d);
    if (!cfg)
        return 0;
    if (n <= 0 || !paths) {
        if (cfg->path && cfg->path[0])
            check_config_targets(cfg, d);
        if (is_dir(cfg->courses_dir))
            check_courses_tree(cfg->courses_dir, cfg, d);
        else if (!cfg->path || !cfg->path[0])
            diag_error(d, cfg->courses_dir, 0, "no such folder");
        return diag_error_count(d) - before;
    }
    for (int i = 0; i < n; i++) {
        const char *p = paths[i];
        if (!p)
            continue;
        struct stat st;
        if (stat(p, &st) != 0)
            diag_error(d, p, 0, "%s",
                       errno == ENOENT  ? "no such file or directory"
                       : errno == ELOOP ? "cannot read: it is a loop of symbolic links"
                                        : strerror(errno));
        else if (S_ISDIR(st.st_mode) && !ends_with(p, ".ini") && !ends_with(p, ".svg"))
            check_dir(p, cfg, d);
        else if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            diag_error(d, p, 0, "cannot read: it %s", datafile_problem(p));
        else
            check_file(p, cfg, d); /* refuses a folder named .ini or .svg */
    }
    return diag_error_count(d) - before;
}
