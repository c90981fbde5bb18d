/* labels: where a chart's trigger point labels go, in output pixels.
 *
 * Trigger points cluster (the heads of triceps, the extensors of the
 * forearm), so a label cannot always sit level with its X. labels_place
 * places the labels one at a time, the most crowded first (greedy): each
 * tries positions around its point at growing distances and takes the
 * nearest that overlaps no label placed before it, no X mark, no rectangle
 * to avoid (the chart's buttons and side letters) and stays inside the
 * bounds, preferring places off the referral zones; a label that had to move
 * from beside its X gets a leader line.
 * Pure arithmetic: the renderer measures the text and draws what this
 * returns, and the tests check the same placements without a screen. */
#ifndef TPQUIZ_LABELS_H
#define TPQUIZ_LABELS_H

#include <stdbool.h>

#include "geometry.h"

/* At ui scale 1: half the side of the square an X with its white halo
 * covers (arm 7 plus half the halo's 5.5 stroke), and the distance from an
 * X's centre to a label level with it. The renderer multiplies by its scale. */
#define LABELS_MARK 10.0
#define LABELS_GAP 13.0
/* What covering referral zones costs a label, in pixels of distance. */
#define LABELS_ZONE_COST 30.0

typedef struct {
    Vec2 anchor; /* the centre of the point's X, pixels */
    double w, h; /* the label's box (text and its backing) */
} LabelIn;

typedef struct {
    RectD box;   /* where the label's box goes */
    bool leader; /* true: draw a line from the anchor to the box (labels_leader_end) */
    bool clear;  /* false: no position was free; box is the least bad one */
} LabelOut;

typedef struct {
    RectD bounds; /* every label stays inside */
    double mark;  /* half the side of the square an X (with its halo) covers */
    double gap;   /* from an X's centre to a label level with it */
    /* Optional: areas a label had better not cover (the referral zones, in
     * pixels). Not forbidden, a zone may be everywhere near its point: a
     * position over them costs up to soft_cost pixels of extra distance. */
    const Polygon *soft;
    int n_soft;
    double soft_cost;
} LabelStyle;

/* Places n labels; marks[0..n_marks) are every X on the chart (a label
 * covers none of them), avoid[0..n_avoid) further rectangles to keep
 * clear. out[i] is in[i]'s place. Returns how many are clear. */
int labels_place(const LabelIn *in, int n, const Vec2 *marks, int n_marks, const RectD *avoid, int n_avoid,
                 LabelStyle st, LabelOut *out);

/* The point of box nearest to anchor: where a leader line ends. */
Vec2 labels_leader_end(RectD box, Vec2 anchor);

/* True if the rectangles share more than an edge. */
bool labels_rects_overlap(RectD a, RectD b);
/* The square an X at p covers. */
RectD labels_mark_rect(Vec2 p, double mark);
/* True if the segment from a to b passes through r's inside. */
bool labels_segment_hits(Vec2 a, Vec2 b, RectD r);
/* True if inner lies wholly inside outer. */
bool labels_rect_inside(RectD inner, RectD outer);

#endif
