#include "labels.h"

#include <math.h>
#include <stdlib.h>

/* Space kept between a label and what it avoids, pixels. */
#define CLEARANCE 2.0
/* Candidate positions: rings of directions around the point. */
#define RINGS 14
#define DIRECTIONS 16
#define PI 3.14159265358979323846

bool labels_rects_overlap(RectD a, RectD b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

RectD labels_mark_rect(Vec2 p, double mark) { return (RectD){p.x - mark, p.y - mark, 2 * mark, 2 * mark}; }

bool labels_rect_inside(RectD in, RectD out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h;
}

Vec2 labels_leader_end(RectD b, Vec2 a)
{
    return (Vec2){a.x < b.x ? b.x : a.x > b.x + b.w ? b.x + b.w : a.x,
                  a.y < b.y ? b.y : a.y > b.y + b.h ? b.y + b.h : a.y};
}

/* Liang-Barsky: clip the segment to r's open inside. */
bool labels_segment_hits(Vec2 a, Vec2 b, RectD r)
{
    double t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x, r.x + r.w - a.x, a.y - r.y, r.y + r.h - a.y};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] <= 0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t0)
                t0 = t;
        } else if (t < t1) {
            t1 = t;
        }
        if (t0 >= t1)
            return false;
    }
    return t1 - t0 > 1e-9;
}

static RectD grow(RectD r, double by) { return (RectD){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

static double overlap_area(RectD a, RectD b)
{
    double w = fmin(a.x + a.w, b.x + b.w) - fmax(a.x, b.x), h = fmin(a.y + a.h, b.y + b.h) - fmax(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

typedef struct {
    const LabelIn *in;
    const Vec2 *marks;
    int n_marks;
    const RectD *avoid;
    int n_avoid;
    LabelStyle st;
    RectD *boxes;  /* labels placed so far */
    Vec2 *leads;   /* their leader lines (from, to); from == to: none */
    int n_placed;
    unsigned char *mask; /* the soft areas on grid; NULL: none */
    Grid grid;
} Placer;

/* How badly box (for the label at anchor a, with a leader if lead) collides:
 * 0 is free. Overlaps with labels, marks, the rectangles to avoid and the
 * bounds weigh by area; a leader through a label weighs a fixed amount, as
 * does a label over another label's leader. A leader over another X is
 * allowed (in a tight cluster it cannot be helped) but adds to *cost. */
static double collision(const Placer *p, RectD box, Vec2 a, bool lead, double *cost)
{
    double bad = 0;
    RectD b = grow(box, CLEARANCE);
    RectD in = grow(p->st.bounds, -CLEARANCE);
    double inside = overlap_area(box, in);
    bad += box.w * box.h - inside;
    Vec2 end = labels_leader_end(box, a);
    for (int k = 0; k < p->n_marks; k++) {
        RectD m = labels_mark_rect(p->marks[k], p->st.mark);
        bad += overlap_area(b, m);
        bool own = fabs(p->marks[k].x - a.x) < 1e-9 && fabs(p->marks[k].y - a.y) < 1e-9;
        if (lead && !own && labels_segment_hits(a, end, m))
            *cost += 20;
    }
    for (int k = 0; k < p->n_avoid; k++)
        bad += overlap_area(b, p->avoid[k]);
    for (int k = 0; k < p->n_placed; k++) {
        bad += overlap_area(b, p->boxes[k]);
        if (lead && labels_segment_hits(a, end, p->boxes[k]))
            bad += 50;
        Vec2 f = p->leads[2 * k], t = p->leads[2 * k + 1];
        if ((f.x != t.x || f.y != t.y) && labels_segment_hits(f, t, b))
            bad += 50;
    }
    return bad;
}

/* The share of box over the soft areas, sampled on a 4 x 3 grid, times
 * the style's soft_cost. The areas are looked up in p->mask, rasterised
 * once per call: a module may have thousands of zone points, and every
 * candidate of every label asks. */
static double soft_cost(const Placer *p, RectD box)
{
    if (!p->mask || p->st.soft_cost <= 0)
        return 0;
    int hits = 0;
    const Grid *g = &p->grid;
    for (int j = 0; j < 3; j++)
        for (int i = 0; i < 4; i++) {
            double x = box.x + box.w * (i + 0.5) / 4, y = box.y + box.h * (j + 0.5) / 3;
            int c = (int)floor((x - g->origin.x) / g->cell), r = (int)floor((y - g->origin.y) / g->cell);
            if (c >= 0 && r >= 0 && c < g->cols && r < g->rows && p->mask[(size_t)r * (size_t)g->cols + (size_t)c])
                hits++;
        }
    return p->st.soft_cost * hits / 12.0;
}

static void place_one(Placer *p, int i, LabelOut *out)
{
    const LabelIn *l = &p->in[i];
    Vec2 a = l->anchor;
    double w = l->w, h = l->h, gap = p->st.gap;
    RectD best = {a.x + gap, a.y - h / 2, w, h};
    bool best_lead = false;
    double best_bad = INFINITY, best_cost = INFINITY;
    /* Level with the X, right then left: no leader needed. Then rings of
     * positions around it, nearest first, each with a leader line; a
     * direction near the horizontal costs a little less (reads better). */
    for (int ring = 0; ring <= RINGS; ring++) {
        int dirs = ring == 0 ? 2 : DIRECTIONS;
        for (int k = 0; k < dirs; k++) {
            RectD box;
            double cost;
            if (ring == 0) {
                box = (RectD){k == 0 ? a.x + gap : a.x - gap - w, a.y - h / 2, w, h};
                cost = k;
            } else {
                double th = 2 * PI * k / DIRECTIONS, d = gap + (ring - 1) * h * 0.75 + 4;
                double c = cos(th), s = sin(th);
                box = (RectD){a.x + c * (d + w / 2) - w / 2, a.y + s * (d + h / 2) - h / 2, w, h};
                cost = d + 6 * fabs(s) + 8;
            }
            if (cost >= best_cost && best_bad <= 0)
                continue; /* cannot beat a free place already found */
            double bad = collision(p, box, a, ring > 0, &cost);
            if (bad <= 0)
                cost += soft_cost(p, box);
            if (bad < best_bad - 1e-9 || (bad <= best_bad + 1e-9 && cost < best_cost)) {
                best = box;
                best_bad = bad;
                best_cost = cost;
                best_lead = ring > 0;
            }
        }
        /* Further rings start farther than the best free place's cost:
         * none of them can win. */
        if (best_bad <= 0 && gap + ring * h * 0.75 + 12 >= best_cost)
            break;
    }
    out->box = best;
    out->leader = best_lead;
    out->clear = best_bad <= 0;
    p->boxes[p->n_placed] = best;
    Vec2 end = labels_leader_end(best, a);
    p->leads[2 * p->n_placed] = best_lead ? a : end;
    p->leads[2 * p->n_placed + 1] = end;
    p->n_placed++;
}

typedef struct {
    int index, crowd;
    double y, x;
} Order;

static int by_crowd(const void *pa, const void *pb)
{
    const Order *a = pa, *b = pb;
    if (a->crowd != b->crowd)
        return b->crowd - a->crowd;
    if (a->y != b->y)
        return a->y < b->y ? -1 : 1;
    if (a->x != b->x)
        return a->x < b->x ? -1 : 1;
    return a->index - b->index;
}

int labels_place(const LabelIn *in, int n, const Vec2 *marks, int n_marks, const RectD *avoid, int n_avoid,
                 LabelStyle st, LabelOut *out)
{
    if (n <= 0)
        return 0;
    Order *order = malloc(sizeof *order * (size_t)n);
    RectD *boxes = malloc(sizeof *boxes * (size_t)n);
    Vec2 *leads = malloc(sizeof *leads * (size_t)(2 * n));
    if (!order || !boxes || !leads) {
        free(order);
        free(boxes);
        free(leads);
        for (int i = 0; i < n; i++)
            out[i] = (LabelOut){{in[i].anchor.x + st.gap, in[i].anchor.y - in[i].h / 2, in[i].w, in[i].h}, false,
                                false};
        return 0;
    }
    /* The most crowded first: a label among many X marks has the fewest
     * free places, so it chooses before the others take them. */
    for (int i = 0; i < n; i++) {
        int crowd = 0;
        for (int k = 0; k < n; k++) {
            double reach = in[i].w + st.gap;
            if (k != i && fabs(in[k].anchor.x - in[i].anchor.x) < reach &&
                fabs(in[k].anchor.y - in[i].anchor.y) < 3 * in[i].h)
                crowd++;
        }
        order[i] = (Order){i, crowd, in[i].anchor.y, in[i].anchor.x};
    }
    qsort(order, (size_t)n, sizeof *order, by_crowd);
    Placer p = {in, marks, n_marks, avoid, n_avoid, st, boxes, leads, 0, NULL, {{0, 0}, 0, 0, 0}};
    if (st.n_soft > 0 && st.soft && st.bounds.w > 0 && st.bounds.h > 0) {
        /* At most about 200 x 200 cells of at least 2 pixels. */
        double cell = fmax(2, fmax(st.bounds.w, st.bounds.h) / 200);
        p.grid = (Grid){{st.bounds.x, st.bounds.y}, cell, (int)ceil(st.bounds.w / cell), (int)ceil(st.bounds.h / cell)};
        p.mask = calloc((size_t)p.grid.cols * (size_t)p.grid.rows, 1);
        for (int k = 0; p.mask && k < st.n_soft; k++)
            geom_rasterise_polygon(&p.grid, st.soft[k].pts, st.soft[k].n, p.mask);
    }
    int clear = 0;
    for (int k = 0; k < n; k++) {
        place_one(&p, order[k].index, &out[order[k].index]);
        clear += out[order[k].index].clear;
    }
    free(order);
    free(boxes);
    free(leads);
    free(p.mask);
    return clear;
}
