/* lesson_load: the parts of a lesson file that a muscle module has not:
 * its [lesson] head and its [page.<id>] sections with their figures.
 * module_load.c reads the file, sorts its sections and loads its questions
 * exactly as a muscle module's; it calls these for the rest. */
#include "course_internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { L_ID, L_TITLE, L_SUMMARY };
static const KeyRule LESSON_KEYS[] = {
    {"id", true, VAL_LINE},
    {"title", true, VAL_TEXT},
    {"summary", true, VAL_TEXT},
    {NULL, false, VAL_LINE},
};

enum { P_TITLE, P_TEXT, P_FIGURE, P_CAPTION, P_LABELS };
static const KeyRule PAGE_KEYS[] = {
    {"title", true, VAL_TEXT},     {"text", true, VAL_TEXT},  {"figure", false, VAL_LINE},
    {"caption", false, VAL_TEXT}, {"labels", false, VAL_LIST}, {NULL, false, VAL_LINE},
};

void lesson_load_head(const char *path, const RawSection *sec, Module *m, bool *oom, Diag *d)
{
    const RawEntry *f[MAX_RULES];
    raw_check_keys(path, sec, LESSON_KEYS, f, d);
    if (f[L_ID] && strcmp(raw_line_value(f[L_ID]), m->id))
        diag_error(d, path, f[L_ID]->line, "lesson id '%s' does not match the file name '%s.ini'",
                   raw_line_value(f[L_ID]), m->id);
    free(m->name);
    free(m->summary);
    m->name = raw_join_text(f[L_TITLE]);
    m->summary = raw_join_text(f[L_SUMMARY]);
    if (!m->name || !m->summary)
        *oom = true;
}

/* Frees what one page owns (not the page). */
static void page_clear(LessonPage *p)
{
    free(p->id);
    free(p->title);
    free(p->text);
    free(p->figure);
    free(p->caption);
    for (int k = 0; k < p->n_labels; k++)
        free(p->labels[k].text);
    free(p->labels);
}

void lesson_pages_free(LessonPage *pages, int n)
{
    for (int i = 0; i < n; i++)
        page_clear(&pages[i]);
    free(pages);
}

char *library_check_figure(Library *lib, const char *path, const RawEntry *e, RectD *box, bool *oom, Diag *d)
{
    const char *name = raw_line_value(e);
    if (!course_valid_view_name(name)) {
        diag_error(d, path, e->line, "bad figure name '%s': use lowercase letters, digits, '_' and '-'", name);
        return NULL;
    }
    char file[INIFILE_MAX_LINE + 8];
    snprintf(file, sizeof file, "%s.svg", name);
    char *fpath = lib->figures_dir ? text_path_join(lib->figures_dir, file) : NULL;
    if (!fpath) {
        *oom = true;
        return NULL;
    }
    if (!path_is_file(fpath)) {
        diag_error(d, path, e->line, "figure '%s' not found: %s %s", name, fpath, path_problem(fpath));
        free(fpath);
        return NULL;
    }
    /* The chart rules: inside the assets folder, a regular file under the
     * chart cap, well-formed, a viewBox, no <text> or <use>. Problems of
     * the SVG itself are reported against it. */
    SvgInfo info;
    if (library_link_leaves(lib, fpath, d) || svgview_inspect(fpath, &info, d) != 0) {
        diag_error(d, path, e->line, "figure '%s' cannot be used (see the messages about %s)", name, fpath);
        free(fpath);
        return NULL;
    }
    *box = info.viewbox;
    bool drawn_text = info.text_line || info.use_line;
    svgview_info_free(&info);
    if (drawn_text) {
        diag_error(d, path, e->line, "figure '%s' cannot be used (see the messages about %s)", name, fpath);
        free(fpath);
        return NULL;
    }
    return fpath;
}

/* The labels list: "x,y text" per line, points inside the figure. */
static bool load_labels(const char *path, const RawEntry *e, RectD box, LessonPage *p, bool *oom, Diag *d)
{
    ItemList items = raw_list_items(e, false);
    bool ok = items.ok;
    if (!items.ok)
        *oom = true;
    if (ok && items.n > COURSE_MAX_LABELS) {
        diag_error(d, path, items.lines[COURSE_MAX_LABELS], "a figure may have at most %d labels, this one has %d",
                   COURSE_MAX_LABELS, items.n);
        ok = false;
    }
    if (ok && !(p->labels = calloc((size_t)items.n, sizeof *p->labels)) && items.n > 0) {
        *oom = true;
        ok = false;
    }
    /* Every label is checked (and each bad one reported) before any is kept. */
    bool room = ok;
    for (int i = 0; room && i < items.n; i++) {
        Vec2 at;
        const char *rest = raw_parse_point(items.items[i], &at);
        if (rest)
            rest += strspn(rest, " \t");
        if (!rest || !*rest) {
            diag_error(d, path, items.lines[i], "a label is 'x,y text' (a point on the figure, then its words), not '%s'",
                       items.items[i]);
            ok = false;
        } else if (!rect_contains(at, box)) {
            diag_error(d, path, items.lines[i], "label point %g,%g is outside the figure (viewBox %g %g %g %g)", at.x,
                       at.y, box.x, box.y, box.w, box.h);
            ok = false;
        } else if (!(p->labels[p->n_labels].text = strdup(rest))) {
            *oom = true;
            ok = room = false;
        } else {
            p->labels[p->n_labels++].at = at;
        }
    }
    item_list_free(&items);
    return ok;
}

void lesson_load_page(Library *lib, const char *path, const RawSection *sec, const char *id, Module *m,
                      bool *oom, Diag *d)
{
    const RawEntry *f[MAX_RULES];
    bool ok = raw_check_keys(path, sec, PAGE_KEYS, f, d);
    LessonPage p = {.line = sec->line};
    if (f[P_FIGURE]) {
        p.figure = library_check_figure(lib, path, f[P_FIGURE], &p.figure_box, oom, d);
        if (!p.figure)
            ok = false;
    }
    if (f[P_LABELS] && !f[P_FIGURE]) {
        diag_error(d, path, f[P_LABELS]->line, "labels need a figure to stand on: add figure = <name>");
        ok = false;
    } else if (f[P_LABELS] && p.figure && !load_labels(path, f[P_LABELS], p.figure_box, &p, oom, d)) {
        ok = false;
    }
    if (f[P_CAPTION] && !f[P_FIGURE]) {
        diag_error(d, path, f[P_CAPTION]->line, "a caption needs a figure: add figure = <name>");
        ok = false;
    }
    LessonPage *pages = ok ? realloc(m->pages, (size_t)(m->n_pages + 1) * sizeof *pages) : NULL;
    if (pages)
        m->pages = pages;
    if (ok) {
        p.id = strdup(id);
        p.title = raw_join_text(f[P_TITLE]);
        p.text = raw_join_text(f[P_TEXT]);
        p.caption = raw_join_text(f[P_CAPTION]);
    }
    if (!ok || !pages || !p.id || !p.title || !p.text || !p.caption) {
        if (ok)
            *oom = true;
        page_clear(&p);
        return;
    }
    m->pages[m->n_pages++] = p;
}
