/* module_views: the views a module file uses, checked as it is read
 * (module_load.c): view keys, points inside the viewBox and on the body,
 * the muscle's overlay on each view, and the views it is deep on. */
#include "module_load_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void note_view_use(ModuleLoad *ml, const char *name, int line)
{
    for (int i = 0; i < ml->n_views; i++)
        if (!strcmp(ml->view_names[i], name))
            return;
    if (ml->n_views < 64) {
        ml->view_names[ml->n_views] = name;
        ml->view_lines[ml->n_views] = line;
        ml->n_views++;
    }
}

/* Checks a view key; returns the view if it has a usable chart. */
const View *module_check_view(ModuleLoad *ml, const RawEntry *e)
{
    const char *name = raw_line_value(e);
    if (!course_valid_view_name(name)) {
        diag_error(ml->d, ml->path, e->line, "bad view name '%s': use lowercase letters, digits, '_' and '-'",
                   name);
        return NULL;
    }
    ViewEntry *v = library_use_view(ml->lib, name, ml->d);
    if (!v) {
        ml->oom = true;
        return NULL;
    }
    if (!v->exists) {
        diag_error(ml->d, ml->path, e->line, "view '%s' has no chart: %s %s", name, v->v.path,
                   path_problem(v->v.path));
        return NULL;
    }
    note_view_use(ml, v->v.name, e->line);
    return v->v.ok ? &v->v : NULL;
}

void module_report_outside(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v)
{
    diag_error(ml->d, ml->path, line, "%s %g,%g is outside view '%s' (viewBox %g %g %g %g)", what, p.x, p.y,
               v->name, v->viewbox.x, v->viewbox.y, v->viewbox.w, v->viewbox.h);
}

/* True if p is on the body drawn in the view, or the view has no outline
 * to tell. */
bool module_on_body(ModuleLoad *ml, Vec2 p, const View *v)
{
    if (ml->body_view != v) {
        ml->body_view = v;
        ml->body_entry = library_view_entry(ml->lib, v->name);
    }
    const ViewEntry *e = ml->body_entry;
    return !e || e->svg.n_outline == 0 || svgview_on_outline(&e->svg, p, ON_BODY_TOLERANCE);
}

void module_report_off_body(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v)
{
    diag_error(ml->d, ml->path, line, "%s %g,%g is off the body in view '%s'", what, p.x, p.y, v->name);
}

/* module_on_body, reporting p for what on line if it is not. */
bool module_check_on_body(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v)
{
    if (module_on_body(ml, p, v))
        return true;
    module_report_off_body(ml, line, what, p, v);
    return false;
}

/* deep_views: views this module uses on which its overlay is seen through
 * the body or lies under other muscles. An unknown view or one listed twice
 * is an error, a view without any of the module's points or zones a warning;
 * the rest go into m->deep_views. */
void module_check_deep_views(ModuleLoad *ml)
{
    if (!ml->deep_views)
        return;
    ItemList views = raw_list_items(ml->deep_views, true);
    ItemList keep = {.ok = true};
    for (int i = 0; i < views.n; i++) {
        const char *name = views.items[i];
        int line = views.lines[i], first = -1;
        for (int j = 0; j < i && first < 0; j++)
            if (!strcmp(views.items[j], name))
                first = j;
        if (first >= 0) {
            diag_error(ml->d, ml->path, line, "deep view '%s' is listed twice (first on line %d)", name,
                       views.lines[first]);
            continue;
        }
        if (!course_valid_view_name(name)) {
            diag_error(ml->d, ml->path, line, "bad view name '%s' in deep_views: use lowercase letters, digits, "
                       "'_' and '-'", name);
            continue;
        }
        bool used = false;
        for (int k = 0; k < ml->n_views && !used; k++)
            used = !strcmp(ml->view_names[k], name);
        if (!used) {
            ViewEntry *v = library_use_view(ml->lib, name, ml->d);
            if (!v) {
                ml->oom = true;
                continue;
            }
            if (!v->exists)
                diag_error(ml->d, ml->path, line, "unknown view '%s' in deep_views: %s %s", name, v->v.path,
                           path_problem(v->v.path));
            else
                diag_warning(ml->d, ml->path, line,
                             "deep view '%s': the module has no trigger point or zone on it", name);
            continue;
        }
        item_list_push(&keep, name, strlen(name), line);
    }
    if (!views.ok || !keep.ok)
        ml->oom = true;
    ml->m->deep_views = keep.items;
    ml->m->n_deep_views = keep.n;
    free(keep.lines);
    item_list_free(&views);
}

bool module_view_is_deep(const Module *m, const char *view)
{
    for (int i = 0; m && view && i < m->n_deep_views; i++)
        if (!strcmp(m->deep_views[i], view))
            return true;
    return false;
}

void module_check_overlays(ModuleLoad *ml)
{
    for (int i = 0; i < ml->n_views; i++) {
        const ViewEntry *v = library_view_entry(ml->lib, ml->view_names[i]);
        if (!v || !v->v.ok)
            continue;
        char path[4096];
        library_overlay_path(ml->lib, ml->m->id, v->v.name, path, (int)sizeof path);
        if (!path_is_file(path)) {
            diag_warning(ml->d, ml->path, ml->view_lines[i],
                         "no muscle overlay for view '%s': %s %s", v->v.name, path, path_problem(path));
            continue;
        }
        if (library_link_leaves(ml->lib, path, ml->d))
            continue;
        SvgInfo info;
        int rc = svgview_inspect(path, &info, ml->d);
        svgview_info_free(&info);
        if (rc != 0)
            continue;
        RectD a = info.viewbox, b = v->v.viewbox;
        if (a.x != b.x || a.y != b.y || a.w != b.w || a.h != b.h) {
            diag_error(ml->d, path, 0, "viewBox %g %g %g %g differs from its view's (%s: %g %g %g %g)", a.x,
                       a.y, a.w, a.h, v->v.path, b.x, b.y, b.w, b.h);
            continue;
        }
        Module *m = ml->m;
        char **views = realloc(m->overlay_views, (size_t)(m->n_overlays + 1) * sizeof *views);
        if (views)
            m->overlay_views = views;
        char **paths = realloc(m->overlay_paths, (size_t)(m->n_overlays + 1) * sizeof *paths);
        if (paths)
            m->overlay_paths = paths;
        char *view = strdup(v->v.name), *file = strdup(path);
        if (!views || !paths || !view || !file) {
            free(view);
            free(file);
            ml->oom = true;
            return;
        }
        m->overlay_views[m->n_overlays] = view;
        m->overlay_paths[m->n_overlays] = file;
        m->n_overlays++;
    }
}

const char *module_overlay(const Module *m, const char *view)
{
    for (int i = 0; m && view && i < m->n_overlays; i++)
        if (!strcmp(m->overlay_views[i], view))
            return m->overlay_paths[i];
    return NULL;
}
