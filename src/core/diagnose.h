/* diagnose: what a missed click was, from the course data. Feedback says
 * not only how far a click was from the answer but what it landed on:
 * the mirror image of the target across the body's midline (the wrong
 * side), another trigger point of the same muscle, a trigger point of
 * another muscle, or (for a zone click) another trigger point's referral
 * pattern. The rules and thresholds are in docs/GRADING.md ("Miss
 * diagnosis"). Pure functions: Modules are the caller's. */
#ifndef TPQUIZ_DIAGNOSE_H
#define TPQUIZ_DIAGNOSE_H

#include <stddef.h>

#include "course.h"
#include "geometry.h"
#include "session.h"

typedef enum {
    MISS_WRONG_SIDE,   /* the target's mirror image across the midline */
    MISS_SAME_MUSCLE,  /* another trigger point of the item's muscle */
    MISS_OTHER_MUSCLE, /* a trigger point of another muscle on the same chart */
    MISS_OTHER_ZONE    /* zone click: inside another trigger point's essential zone */
} MissKind;

typedef struct {
    MissKind kind;
    /* Whose point or pattern: the item's module for a wrong side, another
     * point of the same muscle or its own other pattern; else the other
     * module (its id is the link to its study page). */
    const Module *module;
    int tp; /* index into module->tps: the point (or the pattern's point);
               the item's own point for a wrong side */
    /* Point findings and a wrong side on a locate item: the click's
     * distance from that point (from the target's mirror image), image
     * units. Zone findings and a wrong side on a zone item: how deep inside
     * the zone the click is (distance to its edge). */
    double distance;
    /* Wrong side: the patient's side the click is on, +1 right, -1 left
     * (0 for other findings). */
    int patient_side;
} MissFinding;

#define DIAGNOSE_MAX_FINDINGS 8

typedef struct {
    int n; /* 0: nothing to say */
    MissFinding f[DIAGNOSE_MAX_FINDINGS];
} MissDiagnosis;

/* The midline of a chart that shows both sides of the body: its x in image
 * units and whether the patient's right is on the viewer's left (a chart
 * of the body's front). False for side views and single-limb close-ups,
 * where "wrong side" means nothing. */
bool diagnose_view_midline(const char *view, double *x, bool *right_on_viewer_left);

/* Diagnoses a click answer that earned credit (< 1) on a locate, zone or
 * reverse item it: the findings, most telling first.
 *  - A wrong side comes first: on a chart with a midline, the click is on
 *    the other side of it than the target and within the target's radius
 *    of the target's mirror image (locate, reverse), or the mirrored click
 *    lies in an essential zone of the point that does not reach the
 *    midline (zone).
 *  - Locate and reverse: every other trigger point of any module on the
 *    item's chart for which the click would earn at least half credit
 *    (grade_locate_tp) and more than it earned: nearest first.
 *  - Zone: every other trigger point (of this or another module) with an
 *    essential zone on the item's chart that holds the click: deepest
 *    inside first.
 * Ties go to the module listed first, then the lower point index; one
 * finding per point; at most DIAGNOSE_MAX_FINDINGS. Nothing for full
 * credit, other item types or bad arguments. NULL entries of modules are
 * skipped; the item's module need not be among them (it is searched
 * anyway). */
MissDiagnosis diagnose_click(const Module *const *modules, int n_modules, const Item *it, Vec2 click,
                             double credit);

/* The same over every module of a library. */
MissDiagnosis diagnose_click_library(const Library *lib, const Item *it, Vec2 click, double credit);

/* One short sentence for a finding, for the learner: "Wrong side: you
 * clicked the patient's left; ...", "That is the anterior trigger point of
 * gluteus minimus.", "That is where the medial head trigger point of gastrocnemius
 * refers pain." Written into buf; returns buf ("" for NULL). */
char *diagnose_text(const MissFinding *f, char *buf, size_t size);

#endif
