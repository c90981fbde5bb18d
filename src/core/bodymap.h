/* bodymap: where each muscle group (MUSCLE_GROUPS) lies on the whole-body
 * charts, as polygons in the charts' image units, for the statistics
 * screen's body map (a region shaded by the learner's mastery of it).
 *
 * Drawn from the landmark tables of the front and back charts (docs/CHARTS.md:
 * 600 x 1400 units, midline x = 300, vertex y = 40, soles 1360). The shapes
 * are coarse on purpose: they mark a region, not a muscle. Paired regions
 * (shoulder, arm, thigh, ...) have one shape per side. */
#ifndef TPQUIZ_BODYMAP_H
#define TPQUIZ_BODYMAP_H

#include "geometry.h"

#define BODYMAP_MAX_POINTS 16

typedef struct {
    const char *group; /* a MUSCLE_GROUPS id */
    int n;
    Vec2 pts[BODYMAP_MAX_POINTS]; /* image units of the view */
} BodyMapShape;

/* The shapes on view ("front" or "back"; none on any other view) into out
 * (room for max), in drawing order. Returns how many there are (which may
 * be more than max: only max are written). */
int bodymap_shapes(const char *view, BodyMapShape *out, int max);

/* The point to write a region's label or number at on view: the centre of
 * the first shape of group (the patient's right side of a pair). False if
 * group has no shape on view. */
bool bodymap_label_at(const char *view, const char *group, Vec2 *out);

#endif
