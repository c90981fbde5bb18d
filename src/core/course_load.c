/* course_load: a course file read, checked and added to the Library with
 * its modules; every course under the courses folder (library_load_all). */
#include "course_internal.h"

#include "text.h"
#include "fingerprint.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { C_ID, C_TITLE, C_DESCRIPTION, C_MODULES, C_MODULE_PASS_MARK, C_ORDER };
static const KeyRule COURSE_KEYS[] = {
    {"id", true, VAL_LINE},
    {"title", true, VAL_TEXT},
    {"description", false, VAL_TEXT},
    {"modules", true, VAL_LIST},
    {"module_pass_mark", true, VAL_LINE},
    {"order", false, VAL_LINE},
    {NULL, false, VAL_LINE},
};

enum { E_TIME_LIMIT, E_QUESTIONS, E_PASS_MARK, E_ATTEMPTS, E_WAIT_HOURS, E_SHOW_ANSWERS, E_STATIONS };
static const KeyRule EXAM_KEYS[] = {
    {"time_limit", true, VAL_LINE}, {"questions", true, VAL_LINE},  {"pass_mark", true, VAL_LINE},
    {"attempts", true, VAL_LINE},   {"wait_hours", true, VAL_LINE}, {"show_answers", true, VAL_LINE},
    {"stations", false, VAL_LINE},  {NULL, false, VAL_LINE},
};

static void read_int(const char *path, const RawEntry *e, int min, int max, int *out, Diag *d)
{
    if (!e)
        return;
    long v;
    if (!inifile_parse_long(raw_line_value(e), &v) || v < min || v > max) {
        diag_error(d, path, e->line, "%s must be a whole number from %d to %d, not '%s'", e->key, min, max,
                   raw_line_value(e));
        return;
    }
    *out = (int)v;
}

static void load_exam(const char *path, const RawSection *sec, ExamRules *ex, Diag *d)
{
    const RawEntry *f[MAX_RULES];
    raw_check_keys(path, sec, EXAM_KEYS, f, d);
    read_int(path, f[E_TIME_LIMIT], 1, 24 * 60, &ex->time_limit_min, d);
    read_int(path, f[E_QUESTIONS], 1, 1000, &ex->questions, d);
    ex->questions_line = f[E_QUESTIONS] ? f[E_QUESTIONS]->line : 0;
    read_int(path, f[E_PASS_MARK], 1, 100, &ex->pass_mark, d);
    read_int(path, f[E_ATTEMPTS], 0, 1000, &ex->attempts, d);
    read_int(path, f[E_WAIT_HOURS], 0, 24 * 365, &ex->wait_hours, d);
    if (f[E_SHOW_ANSWERS] && !inifile_parse_bool(raw_line_value(f[E_SHOW_ANSWERS]), &ex->show_answers))
        diag_error(d, path, f[E_SHOW_ANSWERS]->line, "show_answers must be yes or no, not '%s'",
                   raw_line_value(f[E_SHOW_ANSWERS]));
    if (f[E_STATIONS]) {
        const char *v = raw_line_value(f[E_STATIONS]);
        if (!strcmp(v, "issued"))
            ex->issued_stations = true;
        else if (strcmp(v, "any") != 0)
            diag_error(d, path, f[E_STATIONS]->line,
                       "stations must be 'any' or 'issued' (the exam must come from a station key the "
                       "institute issued), not '%s'",
                       v);
    }
}

/* The module list of a course: checks each id, loads each module. */
static bool load_course_modules(Library *lib, Course *c, const RawEntry *e, Diag *d)
{
    ItemList items = raw_list_items(e, true);
    bool ok = items.ok;
    if (ok && items.n > COURSE_MAX_MODULES) {
        diag_error(d, c->path, items.lines[COURSE_MAX_MODULES],
                   "a course may have at most %d modules; '%s' and those after it are left out",
                   COURSE_MAX_MODULES, items.items[COURSE_MAX_MODULES]);
        for (int i = COURSE_MAX_MODULES; i < items.n; i++)
            free(items.items[i]);
        items.n = COURSE_MAX_MODULES;
    }
    c->module_ids = calloc((size_t)items.n + 1, sizeof *c->module_ids);
    c->modules = calloc((size_t)items.n + 1, sizeof *c->modules);
    if (!c->module_ids || !c->modules)
        ok = false;
    for (int i = 0; ok && i < items.n; i++) {
        const char *id = items.items[i];
        int first = -1;
        for (int j = 0; j < i && first < 0; j++)
            if (!strcmp(items.items[j], id))
                first = j;
        if (first >= 0) {
            diag_error(d, c->path, items.lines[i], "module '%s' is listed twice (first on line %d)", id,
                       items.lines[first]);
            continue;
        }
        if (!course_valid_id(id)) {
            diag_error(d, c->path, items.lines[i],
                       "bad module id '%s': use lowercase letters, digits and '_'", id);
            continue;
        }
        char name[INIFILE_MAX_LINE + 8];
        snprintf(name, sizeof name, "%s.ini", id);
        /* A muscle (muscles/<id>.ini) or a lesson (lessons/<id>.ini): one id
         * space, so an id in both folders is an error, not a silent pick. */
        char *mpath = lib->muscles_dir ? text_path_join(lib->muscles_dir, name) : NULL;
        char *lpath = lib->lessons_dir ? text_path_join(lib->lessons_dir, name) : NULL;
        char *copy = strdup(id);
        if (!mpath || !lpath || !copy) {
            free(mpath);
            free(lpath);
            free(copy);
            ok = false;
            break;
        }
        const Module *m = NULL;
        bool muscle = path_is_file(mpath), lesson = path_is_file(lpath);
        if (muscle && lesson)
            diag_error(d, c->path, items.lines[i],
                       "module '%s' is both a muscle (%s) and a lesson (%s): module ids are shared, rename one", id,
                       mpath, lpath);
        else if (lesson)
            m = library_load_module_file(lib, lpath, d);
        else if (!muscle)
            diag_error(d, c->path, items.lines[i], "module '%s' not found: %s %s", id, mpath,
                       path_problem(mpath));
        else
            m = library_load_module_file(lib, mpath, d);
        free(mpath);
        free(lpath);
        c->module_ids[c->n_modules] = copy;
        c->modules[c->n_modules] = m;
        c->n_modules++;
    }
    if (ok && items.n == 0)
        diag_error(d, c->path, e->line, "modules is empty: a course needs at least one module");
    item_list_free(&items);
    return ok;
}

const Course *library_load_course_file(Library *lib, const char *path, Diag *d)
{
    if (!lib || lib == &library_fallback || !path)
        return NULL;
    /* A course.ini is named by its folder, any other course file by its
     * own name. */
    char *stem = path_stem(path);
    bool in_folder = stem && !strcmp(stem, "course");
    char *expected = in_folder ? path_parent_name(path) : stem;
    if (in_folder)
        free(stem);
    if (!expected) {
        diag_error(d, path, 0, "out of memory");
        return NULL;
    }
    const Course *known = expected[0] ? library_find_course(lib, expected) : NULL;
    if (known) {
        free(expected);
        return known;
    }
    RawIni ini;
    if (!library_keep_going(lib) || library_link_leaves(lib, path, d) || !raw_read(path, &ini, d)) {
        free(expected);
        return NULL;
    }

    const RawSection *course = NULL, *exam = NULL;
    for (int i = 0; i < ini.n; i++) {
        const RawSection *s = &ini.secs[i];
        if (!s->name) {
            for (int j = 0; j < s->n; j++)
                diag_error(d, path, s->entries[j].line,
                           "'%s' is outside any section (the file starts with [course])", s->entries[j].key);
            continue;
        }
        const RawSection **slot = !strcmp(s->name, "course") ? &course
                                  : !strcmp(s->name, "exam") ? &exam
                                                             : NULL;
        if (!slot) {
            static const char *const KNOWN[] = {"course", "exam", NULL};
            const char *near = inifile_nearest(s->name, KNOWN, 2);
            if (near)
                diag_error(d, path, s->line, "unknown section [%s] (did you mean [%s]?)", s->name, near);
            else
                diag_error(d, path, s->line, "unknown section [%s] (a course has [course] and [exam])",
                           s->name);
        } else if (*slot) {
            diag_error(d, path, s->line, "[%s] appears twice (first on line %d); this one is ignored",
                       s->name, (*slot)->line);
        } else {
            *slot = s;
        }
    }
    if (!course) {
        diag_error(d, path, 0, "no [course] section");
        raw_free(&ini);
        free(expected);
        return NULL;
    }

    Course *c = calloc(1, sizeof *c);
    bool ok = c && ini.ok;
    if (c) {
        c->path = strdup(path);
        c->id = strdup(expected);
        ok = ok && c->path && c->id;
    }
    const RawEntry *f[MAX_RULES];
    if (ok) {
        raw_check_keys(path, course, COURSE_KEYS, f, d);
        const char *id = raw_line_value(f[C_ID]);
        if (f[C_ID] && expected[0] && strcmp(id, expected))
            diag_error(d, path, f[C_ID]->line,
                       in_folder ? "course id '%s' does not match its folder name '%s'"
                                 : "course id '%s' does not match the file name '%s.ini'",
                       id, expected);
        else if (f[C_ID] && !expected[0]) {
            free(c->id);
            ok = (c->id = strdup(id)) != NULL;
        }
        c->title = raw_join_text(f[C_TITLE]);
        c->description = raw_join_text(f[C_DESCRIPTION]);
        ok = ok && c->title && c->description;
        read_int(path, f[C_MODULE_PASS_MARK], 1, 100, &c->module_pass_mark, d);
        c->order = COURSE_ORDER_NONE;
        read_int(path, f[C_ORDER], 1, COURSE_ORDER_NONE - 1, &c->order, d);
    }
    if (ok && exam)
        load_exam(path, exam, &c->exam, d);
    else if (ok)
        diag_error(d, path, 0, "no [exam] section");
    if (ok && f[C_MODULES])
        ok = load_course_modules(lib, c, f[C_MODULES], d);
    else if (ok && !(c->module_ids = calloc(1, sizeof *c->module_ids)))
        ok = false;
    if (ok && !c->modules && !(c->modules = calloc(1, sizeof *c->modules)))
        ok = false;
    if (ok)
        course_fingerprint_cached(lib->fingerprints, lib, c, c->fingerprint);
    raw_free(&ini);
    free(expected);
    RESERVE(lib->courses, lib->n_courses, lib->cap_courses, ok);
    if (!ok) {
        diag_error(d, path, 0, "out of memory");
        library_course_free(c);
        return NULL;
    }
    lib->courses[lib->n_courses++] = c;
    return c;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Courses by their order key; those loaded earlier (by folder name) first
 * among equals. A stable insertion sort: a handful of courses. */
static void sort_courses(Library *lib)
{
    for (int i = 1; i < lib->n_courses; i++) {
        Course *c = lib->courses[i];
        int j = i;
        while (j > 0 && lib->courses[j - 1]->order > c->order) {
            lib->courses[j] = lib->courses[j - 1];
            j--;
        }
        lib->courses[j] = c;
    }
}

void library_load_all(Library *lib, Diag *d)
{
    if (!lib || !lib->courses_dir)
        return;
    DIR *dir = opendir(lib->courses_dir);
    if (!dir) {
        diag_error(d, lib->courses_dir, 0, "cannot open the courses folder: %s", strerror(errno));
        return;
    }
    /* Sorted, so that courses load (and errors come) in the same order
     * everywhere. */
    char **names = NULL;
    int n = 0, cap = 0;
    bool ok = true;
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        if (ent->d_name[0] == '.' || !strcmp(ent->d_name, "muscles") || !strcmp(ent->d_name, "protocols") ||
            !strcmp(ent->d_name, "lessons") || !strcmp(ent->d_name, "disorders"))
            continue;
        RESERVE(names, n, cap, ok);
        if (!ok)
            break;
        if (!(names[n] = strdup(ent->d_name))) {
            ok = false;
            break;
        }
        n++;
    }
    closedir(dir);
    if (!ok)
        diag_error(d, lib->courses_dir, 0, "out of memory");
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, name_cmp);
    lib->fingerprints = fingerprint_cache_create();
    for (int i = 0; i < n && !lib->stopped; i++) {
        char *sub = text_path_join(lib->courses_dir, names[i]);
        char *file = sub ? text_path_join(sub, "course.ini") : NULL;
        /* Every folder here is a course: one whose course.ini cannot be
         * read must not vanish silently. Files (a README) are not. */
        struct stat st;
        if (!file) {
            ok = false;
        } else if (library_link_leaves(lib, sub, d)) {
            /* not read */
        } else if (stat(sub, &st) != 0) {
            diag_error(d, sub, 0, "cannot open this course folder: %s",
                       errno == ELOOP ? "a loop of symbolic links" : strerror(errno));
        } else if (!S_ISDIR(st.st_mode)) {
            /* not a course */
        } else if (path_is_file(file)) {
            library_load_course_file(lib, file, d);
        } else if (lstat(file, &st) != 0 && errno == ENOENT) {
            diag_error(d, sub, 0,
                       "no course.ini in this folder: every folder of the courses folder but muscles, "
                       "lessons, protocols and disorders is a course");
        } else {
            diag_error(d, file, 0, "cannot read: it %s", path_problem(file));
        }
        free(file);
        free(sub);
    }
    strings_free(names, n);
    sort_courses(lib);
    fingerprint_cache_free(lib->fingerprints); /* the modules may change after loading */
    lib->fingerprints = NULL;
}

Library *library_load(const char *courses_dir, const char *assets_dir, Diag *d)
{
    Library *lib = library_create(courses_dir, assets_dir);
    library_load_all(lib, d);
    return lib;
}
