/* library: the Library that holds courses, muscle modules and chart views
 * (creation, lookups, freeing, charts loaded on first use, links that
 * leave the courses or assets folder) and the named-id tables (pain
 * regions, muscle groups). Loading is in module_load.c and course_load.c. */
#include "course_internal.h"

#include "text.h"
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const NamedId PAIN_REGIONS[] = {
    {"head", "Head"},
    {"forehead", "Forehead"},
    {"temple", "Temple"},
    {"eye", "Eye"},
    {"face", "Face"},
    {"jaw", "Jaw"},
    {"teeth", "Teeth"},
    {"ear", "Ear"},
    {"neck", "Neck"},
    {"throat", "Throat"},
    {"upper_back", "Upper back"},
    {"mid_back", "Mid back"},
    {"low_back", "Low back"},
    {"sacrum", "Sacrum"},
    {"buttock", "Buttock"},
    {"hip", "Hip"},
    {"groin", "Groin"},
    {"abdomen", "Abdomen"},
    {"chest", "Chest"},
    {"shoulder", "Shoulder"},
    {"upper_arm", "Upper arm"},
    {"elbow", "Elbow"},
    {"forearm", "Forearm"},
    {"wrist", "Wrist"},
    {"hand", "Hand"},
    {"fingers", "Fingers"},
    {"thigh_front", "Front of the thigh"},
    {"thigh_back", "Back of the thigh"},
    {"thigh_side", "Side of the thigh"},
    {"thigh_inner", "Inner thigh"},
    {"knee", "Knee"},
    {"calf", "Calf"},
    {"shin", "Shin"},
    {"ankle", "Ankle"},
    {"heel", "Heel"},
    {"foot", "Foot"},
    {"toes", "Toes"},
    {NULL, NULL},
};

const NamedId MUSCLE_GROUPS[] = {
    {"head", "Head"},
    {"jaw", "Jaw"},
    {"neck", "Neck"},
    {"shoulder", "Shoulder"},
    {"upper_back", "Upper back"},
    {"chest", "Chest"},
    {"arm", "Arm"},
    {"forearm", "Forearm and hand"},
    {"abdomen", "Abdomen"},
    {"low_back", "Low back"},
    {"hip", "Hip and pelvis"},
    {"thigh", "Thigh"},
    {"leg", "Lower leg"},
    {"foot", "Foot"},
    {NULL, NULL},
};

const char *named_id_name(const NamedId *table, const char *id)
{
    if (!table || !id)
        return NULL;
    for (int i = 0; table[i].id; i++)
        if (!strcmp(table[i].id, id))
            return table[i].name;
    return NULL;
}

/* Returned by library_create only if even its small allocation fails, to
 * keep the promise of never returning NULL; it has no folders, so nothing
 * loads into it. */
Library library_fallback;

Library *library_create(const char *courses_dir, const char *assets_dir)
{
    Library *lib = calloc(1, sizeof *lib);
    if (!lib)
        return &library_fallback;
    lib->courses_dir = strdup(courses_dir ? courses_dir : "courses");
    lib->assets_dir = strdup(assets_dir ? assets_dir : "assets");
    lib->muscles_dir = lib->courses_dir ? text_path_join(lib->courses_dir, "muscles") : NULL;
    lib->anatomy_dir = lib->assets_dir ? text_path_join(lib->assets_dir, "anatomy") : NULL;
    lib->lessons_dir = lib->courses_dir ? text_path_join(lib->courses_dir, "lessons") : NULL;
    lib->figures_dir = lib->assets_dir ? text_path_join(lib->assets_dir, "figures") : NULL;
    lib->courses_real = lib->courses_dir ? walk_real(lib->courses_dir) : NULL;
    lib->assets_real = lib->assets_dir ? walk_real(lib->assets_dir) : NULL;
    return lib;
}

void library_set_progress(Library *lib, bool (*go_on)(void *ctx), void *ctx)
{
    if (!lib || lib == &library_fallback)
        return;
    lib->go_on = go_on;
    lib->go_on_ctx = ctx;
}

bool library_stopped(const Library *lib)
{
    return lib && lib->stopped;
}

/* False once the progress callback asked to stop. */
bool library_keep_going(Library *lib)
{
    if (!lib->stopped && lib->go_on && !lib->go_on(lib->go_on_ctx))
        lib->stopped = true;
    return !lib->stopped;
}

bool library_link_leaves(const Library *lib, const char *path, Diag *d)
{
    if (!lib || !path)
        return false;
    const char *dirs[2] = {lib->courses_dir, lib->assets_dir};
    const char *reals[2] = {lib->courses_real, lib->assets_real};
    const char *words[2] = {"courses", "assets"};
    for (int i = 0; i < 2; i++) {
        size_t n = dirs[i] ? strlen(dirs[i]) : 0;
        if (!n || strncmp(path, dirs[i], n) || (path[n] != '/' && dirs[i][n - 1] != '/'))
            continue;
        char *to = walk_link_out(reals[i], path);
        struct stat st;
        if (to && (stat(to, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))) {
            /* A device or FIFO: the reader refuses it and says what it is. */
            free(to);
            to = NULL;
        }
        if (!to)
            return false;
        diag_error(d, path, 0, "not read: a symbolic link out of the %s folder (to %s)", words[i], to);
        free(to);
        return true;
    }
    return false;
}

void library_module_free(Module *m)
{
    if (!m)
        return;
    free(m->id);
    free(m->path);
    free(m->name);
    free(m->group);
    strings_free(m->pain_regions, m->n_pain_regions);
    strings_free(m->deep_views, m->n_deep_views);
    free(m->attachments);
    free(m->action);
    free(m->causes);
    free(m->symptoms);
    free(m->differential);
    free(m->treatment);
    free(m->self_care);
    for (int i = 0; i < m->n_tps; i++) {
        free(m->tps[i].id);
        free(m->tps[i].view);
        free(m->tps[i].label);
        free(m->tps[i].location);
    }
    free(m->tps);
    for (int i = 0; i < m->n_zones; i++) {
        free(m->zones[i].id);
        free(m->zones[i].view);
        free(m->zones[i].tp_id);
        if (m->zones[i].authored.pts != m->zones[i].poly.pts)
            free(m->zones[i].authored.pts);
        free(m->zones[i].poly.pts);
    }
    free(m->zones);
    for (int i = 0; i < m->n_questions; i++) {
        Question *q = &m->questions[i];
        free(q->id);
        free(q->prompt);
        strings_free(q->correct, q->n_correct);
        strings_free(q->wrong, q->n_wrong);
        free(q->explain);
        free(q->muscle_id);
        free(q->point_id);
        free(q->view);
    }
    free(m->questions);
    strings_free(m->overlay_views, m->n_overlays);
    strings_free(m->overlay_paths, m->n_overlays);
    free(m->summary);
    lesson_pages_free(m->pages, m->n_pages);
    selfcare_free(m->selfcare);
    free(m);
}

void library_course_free(Course *c)
{
    if (!c)
        return;
    free(c->id);
    free(c->path);
    free(c->title);
    free(c->description);
    strings_free(c->module_ids, c->n_modules);
    free(c->modules);
    free(c);
}

void library_free(Library *lib)
{
    if (!lib || lib == &library_fallback)
        return;
    for (int i = 0; i < lib->n_courses; i++)
        library_course_free(lib->courses[i]);
    free(lib->courses);
    for (int i = 0; i < lib->n_modules; i++)
        library_module_free(lib->modules[i]);
    free(lib->modules);
    for (int i = 0; i < lib->n_views; i++) {
        svgview_info_free(&lib->views[i]->svg);
        free(lib->views[i]->v.name);
        free(lib->views[i]->v.path);
        free(lib->views[i]);
    }
    free(lib->views);
    free(lib->courses_dir);
    free(lib->assets_dir);
    free(lib->muscles_dir);
    free(lib->anatomy_dir);
    free(lib->lessons_dir);
    free(lib->figures_dir);
    free(lib->courses_real);
    free(lib->assets_real);
    free(lib);
}

int library_course_count(const Library *lib)
{
    return lib ? lib->n_courses : 0;
}

const Course *library_course(const Library *lib, int i)
{
    return lib && i >= 0 && i < lib->n_courses ? lib->courses[i] : NULL;
}

const Course *library_find_course(const Library *lib, const char *id)
{
    for (int i = 0; lib && id && i < lib->n_courses; i++)
        if (!strcmp(lib->courses[i]->id, id))
            return lib->courses[i];
    return NULL;
}

int library_module_count(const Library *lib)
{
    return lib ? lib->n_modules : 0;
}

const Module *library_module(const Library *lib, int i)
{
    return lib && i >= 0 && i < lib->n_modules ? lib->modules[i] : NULL;
}

const Module *library_find_module(const Library *lib, const char *id)
{
    for (int i = 0; lib && id && i < lib->n_modules; i++)
        if (!strcmp(lib->modules[i]->id, id))
            return lib->modules[i];
    return NULL;
}

ViewEntry *library_view_entry(const Library *lib, const char *name)
{
    for (int i = 0; lib && name && i < lib->n_views; i++)
        if (!strcmp(lib->views[i]->v.name, name))
            return lib->views[i];
    return NULL;
}

const View *library_find_view(const Library *lib, const char *name)
{
    ViewEntry *e = library_view_entry(lib, name);
    return e ? &e->v : NULL;
}

int library_view_count(const Library *lib)
{
    return lib ? lib->n_views : 0;
}

const View *library_view(const Library *lib, int i)
{
    return lib && i >= 0 && i < lib->n_views ? &lib->views[i]->v : NULL;
}

char *library_overlay_path(const Library *lib, const char *muscle_id, const char *view, char *buf, int size)
{
    if (!buf || size <= 0)
        return buf;
    snprintf(buf, (size_t)size, "%s/muscles/%s.%s.svg",
             lib && lib->anatomy_dir ? lib->anatomy_dir : "assets/anatomy", muscle_id ? muscle_id : "",
             view ? view : "");
    return buf;
}

int module_find_tp(const Module *m, const char *tp_id)
{
    for (int i = 0; m && tp_id && i < m->n_tps; i++)
        if (!strcmp(m->tps[i].id, tp_id))
            return i;
    return -1;
}

/* The view by name, loading (and checking) its chart on first use. NULL
 * only if out of memory. Problems of the chart itself are reported against
 * the chart's file; a missing chart is for the caller to report. */
ViewEntry *library_use_view(Library *lib, const char *name, Diag *d)
{
    ViewEntry *e = library_view_entry(lib, name);
    if (e)
        return e;
    bool ok = true;
    RESERVE(lib->views, lib->n_views, lib->cap_views, ok);
    if (!ok || !lib->anatomy_dir)
        return NULL;
    e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    size_t size = strlen(lib->anatomy_dir) + strlen(name) + 6;
    e->v.name = strdup(name);
    e->v.path = malloc(size);
    if (!e->v.name || !e->v.path) {
        free(e->v.name);
        free(e->v.path);
        free(e);
        return NULL;
    }
    snprintf(e->v.path, size, "%s/%s.svg", lib->anatomy_dir, name);
    e->exists = path_is_file(e->v.path);
    if (e->exists && library_link_leaves(lib, e->v.path, d)) {
        e->v.ok = false; /* reported against the chart; its modules name no second reason */
    } else if (e->exists) {
        e->v.ok = svgview_inspect(e->v.path, &e->svg, d) == 0;
        e->v.viewbox = e->svg.viewbox;
        e->v.cm_per_unit = e->svg.cm_per_unit;
        if (e->v.ok && !e->svg.outline_line)
            diag_error(d, e->v.path, 0,
                         "no body outline (<path id=\"" SVGVIEW_OUTLINE_ID "\">): trigger points and zones "
                         "on view '%s' are not checked against the body",
                         name);
    }
    lib->views[lib->n_views++] = e;
    return e;
}
