/* module_load_internal: what module_load.c and module_views.c share while
 * one module file is read. Not for other files. */
#ifndef TPQUIZ_MODULE_LOAD_INTERNAL_H
#define TPQUIZ_MODULE_LOAD_INTERNAL_H

#include "course_internal.h"

/* A section of a module file, sorted by kind in the first pass. */
typedef struct {
    const RawSection *sec;
    const char *id; /* part after the '.' */
} Part;

typedef struct {
    Library *lib;
    Diag *d;
    const char *path;
    Module *m;
    bool oom;
    bool lesson; /* a [lesson] file: [page.*] instead of [tp.*] and [zone.*] */
    /* Every [tp.*] with a usable id, valid or not, for zone references. */
    Part *tps, *zones, *questions, *pages;
    int n_tps, n_zones, n_questions, n_pages;
    bool any_primary; /* or a primary value that could not be read */
    /* Views in order of first use, with the line of that use. */
    const char *view_names[64];
    int view_lines[64];
    int n_views;
    const RawSection *selfcare; /* [selfcare], if the file has one */
    const RawEntry *deep_views; /* [muscle] deep_views, checked once the views are known */
    ZoneOutline zone_outline;   /* [muscle] zone_outline: the outline of a zone without its own */
    /* The chart of the last on-body check: a zone's points come in a run on
     * one view, so its entry is looked up once for them all. */
    const View *body_view;
    const ViewEntry *body_entry;
} ModuleLoad;

/* ---- module_views.c: the views a module uses ---- */

/* Checks a view key; returns the view if it has a usable chart (and notes
 * its first use for the overlay and deep_views checks). */
const View *module_check_view(ModuleLoad *ml, const RawEntry *e);
/* p outside view v's viewBox, reported for what on line. */
void module_report_outside(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v);
/* True if p is on the body drawn in the view (or the view has no outline to
 * tell). */
bool module_on_body(ModuleLoad *ml, Vec2 p, const View *v);
/* p off the body of view v, reported for what on line. */
void module_report_off_body(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v);
/* module_on_body, reporting p for what on line when it is not. */
bool module_check_on_body(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v);
/* Once every view is known: [muscle] deep_views checked into
 * m->deep_views, and each view's overlay found and checked into
 * m->overlay_views / overlay_paths. */
void module_check_deep_views(ModuleLoad *ml);
void module_check_overlays(ModuleLoad *ml);

/* ---- chart_question.c: a lesson's chart questions ---- */

/* True if the question section says type = chart. */
bool chart_question_is(const RawSection *sec);
/* A [question.<id>] with type = chart into ml->m->questions (left out,
 * reported, if it has an error); loads the muscle it names. */
void chart_question_load(ModuleLoad *ml, const Part *part);

#endif
