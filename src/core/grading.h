/* grading: credit (0..1) for one response. Pure functions; see
 * docs/GRADING.md for the rules and the reasons behind them. */
#ifndef TPQUIZ_GRADING_H
#define TPQUIZ_GRADING_H

#include <stdbool.h>

#include "course.h"
#include "geometry.h"

/* Credit for a click in a spillover zone (an essential zone gives 1). */
#define GRADE_SPILLOVER_CREDIT 0.5

/* locate-tp: 1 within radius of target, falling linearly to 0 at 2*radius.
 * *distance (if non-NULL) gets the click's distance from the target. */
double grade_locate_tp(Vec2 click, Vec2 target, double radius, double *distance);

typedef struct {
    double credit;
    int zone;      /* index into m->zones of the zone hit, -1 if none was hit */
    ZoneKind kind; /* kind of the zone hit (essential wins over spillover);
                      meaningless when zone is -1 */
    double distance; /* from the click to the nearest given zone's edge; 0 inside;
                        -1 if the tp has no zone on that view */
} ZoneClickResult;

/* zone-click: the click against every zone of one trigger point on one view
 * (zones whose tp or view differ are ignored). Essential zone: 1; spillover
 * only: GRADE_SPILLOVER_CREDIT; outside: 0. */
ZoneClickResult grade_zone_click(Vec2 click, const Module *m, int tp, const char *view);

/* choice: 1 if exactly the correct option is chosen.
 * multi: (correct chosen - wrong chosen) / correct options, at least 0.
 * correct[i] says whether option i is right; chosen[i] whether it was picked. */
double grade_options(bool multi, const bool *correct, const bool *chosen, int n);

#endif
