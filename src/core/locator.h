/* locator: from pain to the trigger points that can cause it (the
 * clinician's direction), and grading of the "reverse" question.
 *
 * The learner paints where it hurts on one view, on a Grid over that view's
 * image units (grade_paint_grid, the same grid zone painting uses). Every
 * trigger point with referral zones on that view is scored by how much of
 * the pain its zones explain; a module scores as its best trigger point.
 * The rules and their reasons are in docs/GRADING.md ("Trigger point
 * locator"). Pure functions: nothing is kept between calls; Modules are the
 * caller's. */
#ifndef TPQUIZ_LOCATOR_H
#define TPQUIZ_LOCATOR_H

#include <stdbool.h>

#include "course.h"
#include "geometry.h"

/* How much the fit counts in a candidate's score (see LocatorMatch). */
#define LOCATOR_FIT_WEIGHT 0.2

typedef struct {
    const Module *module;
    int tp;           /* index into module->tps: the module's best trigger point */
    double score;     /* 0..1, what candidates are ranked by:
                         (1 - LOCATOR_FIT_WEIGHT) * explained + LOCATOR_FIT_WEIGHT * fit */
    double explained; /* 0..1: the share of the pain its zones explain, weighted
                         (essential 1, spillover-only GRADE_SPILLOVER_CREDIT) */
    double fit;       /* 0..1: weighted Dice of the pain and its zones (as
                         grade_zone_paint): how closely the pattern matches */
} LocatorMatch;

/* Ranks modules by how well their referral zones on view explain the pain
 * (g->cols * g->rows cells, non-zero = painted). Writes the best max_out
 * modules to out, best first: by score (highest first), equal scores by
 * module name, then id (alphabetical). A module's score is its best
 * trigger point's (the first of equals). Modules whose zones on view explain
 * none of the pain, and modules with no zone on view, are left out; NULL entries of modules are
 * skipped. Returns how many were written, 0 if nothing is painted, -1 on bad
 * arguments or if memory runs out. */
int locator_rank(const unsigned char *pain, const Grid *g, const char *view, const Module *const *modules,
                 int n_modules, LocatorMatch *out, int max_out);

/* locator_rank over every module of the library. */
int locator_rank_library(const unsigned char *pain, const Grid *g, const char *view, const Library *lib,
                         LocatorMatch *out, int max_out);

/* True if trigger point ta of a and tb of b have the same referral pattern
 * on view: the same number of zones there, pairing up one to one with the
 * same kind and the same polygon (the same points in the same cyclic order,
 * from any starting point, either direction). False if either has no zone
 * on view. A trigger point always has its own pattern. */
bool locator_same_pattern(const Module *a, int ta, const Module *b, int tb, const char *view);

/* Every trigger point (of m and of modules; a module listed twice or equal
 * to m counts once) whose pattern on view is the same as m's tp's, m's tp
 * first, then in module then tp order. Writes up to max_out to out (score
 * and fit 1); returns how many there are in all. */
int locator_same_pattern_tps(const Module *m, int tp, const char *view, const Module *const *modules,
                             int n_modules, LocatorMatch *out, int max_out);

typedef struct {
    double credit;        /* 0..1 */
    const Module *module; /* the trigger point credited: the accepted one */
    int tp;               /* nearest in credit; the responsible one if none earns */
    double distance;      /* from the click to that trigger point */
    bool responsible;     /* the credited trigger point is the responsible one */
} ReverseResult;

/* reverse (the locator question): m's trigger point tp sends pain in the
 * pattern shown on view; the learner clicks the trigger point responsible
 * on the chart of tp's own view (m->tps[tp].view), in that view's image
 * units. Credit = grade_locate_tp to the responsible trigger point, or to
 * any trigger point with the same pattern on view (locator_same_pattern)
 * that lies on the same chart, whichever earns most (the responsible one
 * wins a tie, then the nearer). */
ReverseResult grade_reverse(Vec2 click, const Module *m, int tp, const char *view,
                            const Module *const *modules, int n_modules);

#endif
