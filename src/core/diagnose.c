/* diagnose: what a missed click landed on (diagnose.h; the rules are in
 * docs/GRADING.md, "Miss diagnosis"). */
#include "diagnose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grading.h"

/* The charts that show both sides of the body about a vertical midline
 * (docs/CHARTS.md, the "side" column). A front chart is mirrored: the
 * patient's right is on the viewer's left. The close-ups of the pelvis, the
 * abdomen and the low back show both sides (the midline is the whole-body
 * x = 300 through their cameras); those of one limb, of the right chest or of
 * the neck and right shoulder show one side only. */
static const struct {
    const char *view;
    double midline;
    bool right_on_viewer_left;
} BILATERAL[] = {
    {"front", 300, true},
    {"back", 300, false},
    {"head_front", 300, true},
    {"pelvis_back", 286, false},
    {"abdomen", 260, true},
    {"low_back", 195, false},
};

bool diagnose_view_midline(const char *view, double *x, bool *right_on_viewer_left)
{
    for (size_t i = 0; view && i < sizeof BILATERAL / sizeof BILATERAL[0]; i++)
        if (!strcmp(view, BILATERAL[i].view)) {
            if (x)
                *x = BILATERAL[i].midline;
            if (right_on_viewer_left)
                *right_on_viewer_left = BILATERAL[i].right_on_viewer_left;
            return true;
        }
    return false;
}

/* The patient's side an image x lies on: +1 right, -1 left, 0 on the midline. */
static int patient_side(double x, double midline, bool right_on_viewer_left)
{
    if (x == midline)
        return 0;
    bool viewer_left = x < midline;
    return viewer_left == right_on_viewer_left ? 1 : -1;
}

/* A finding waiting for its place: key orders (smaller first), then the
 * module's place in the list, then the point. */
typedef struct {
    MissFinding f;
    double key;
    int module_rank;
} Cand;

static bool cand_before(const Cand *a, const Cand *b)
{
    if (a->key != b->key)
        return a->key < b->key;
    if (a->module_rank != b->module_rank)
        return a->module_rank < b->module_rank;
    return a->f.tp < b->f.tp;
}

typedef struct {
    int n;
    Cand c[DIAGNOSE_MAX_FINDINGS];
} CandList;

/* Adds c in order; a second finding for the same point replaces the first
 * when it comes before it; beyond the capacity the last is dropped. */
static void cand_add(CandList *l, Cand c)
{
    for (int i = 0; i < l->n; i++)
        if (l->c[i].f.module == c.f.module && l->c[i].f.tp == c.f.tp) {
            if (!cand_before(&c, &l->c[i]))
                return;
            memmove(&l->c[i], &l->c[i + 1], sizeof l->c[0] * (size_t)(l->n - i - 1));
            l->n--;
            break;
        }
    int at = l->n;
    while (at > 0 && cand_before(&c, &l->c[at - 1]))
        at--;
    if (at >= DIAGNOSE_MAX_FINDINGS)
        return;
    int keep = l->n < DIAGNOSE_MAX_FINDINGS ? l->n : DIAGNOSE_MAX_FINDINGS - 1;
    memmove(&l->c[at + 1], &l->c[at], sizeof l->c[0] * (size_t)(keep - at));
    l->c[at] = c;
    l->n = keep + 1;
}

static MissKind point_kind(const Module *m, const Item *it)
{
    return m == it->module ? MISS_SAME_MUSCLE : MISS_OTHER_MUSCLE;
}

/* Locate and reverse: the target's mirror image, then every other point
 * on the chart the click would earn at least half credit for, and more
 * than it earned. */
static void diagnose_point(const Module *const *mods, int n, const Item *it, Vec2 click, double credit,
                           MissDiagnosis *out, CandList *l)
{
    const Module *m = it->module;
    const TriggerPoint *target = &m->tps[it->tp];
    double mid;
    bool rvl;
    if (diagnose_view_midline(it->view, &mid, &rvl) && fabs(target->at.x - mid) > target->radius) {
        Vec2 mirror = {2 * mid - target->at.x, target->at.y};
        double d = geom_distance(click, mirror);
        bool other_side = (click.x - mid) * (target->at.x - mid) < 0;
        if (other_side && d <= target->radius) {
            out->f[out->n++] = (MissFinding){MISS_WRONG_SIDE, m, it->tp, d, patient_side(click.x, mid, rvl)};
        }
    }
    for (int k = -1; k < n; k++) {
        /* The item's own module first (k = -1), then the list without it. */
        const Module *o = k < 0 ? m : mods[k];
        if (!o || (k >= 0 && o == m))
            continue;
        for (int t = 0; t < o->n_tps; t++) {
            const TriggerPoint *p = &o->tps[t];
            if ((o == m && t == it->tp) || !p->view || strcmp(p->view, it->view))
                continue;
            double d;
            double c = grade_locate_tp(click, p->at, p->radius, &d);
            if (c >= 0.5 && c > credit)
                cand_add(l, (Cand){{point_kind(o, it), o, t, d, 0}, d, k});
        }
    }
}

/* The deepest the click lies inside an essential zone of point tp of m on
 * view: the distance to the zone's edge, or -1 if it is in none.
 * *bounds (if non-NULL) gets that zone's bounds. */
static double essential_depth(const Module *m, int tp, const char *view, Vec2 click, RectD *bounds)
{
    double best = -1;
    for (int z = 0; z < m->n_zones; z++) {
        const Zone *zn = &m->zones[z];
        if (zn->tp != tp || zn->kind != ZONE_ESSENTIAL || !zn->view || strcmp(zn->view, view) ||
            zn->poly.n < 3)
            continue;
        double e = geom_polygon_edge_distance(click, zn->poly.pts, zn->poly.n);
        if (!(e == 0 || geom_point_in_polygon(click, zn->poly.pts, zn->poly.n)))
            continue;
        if (e > best) {
            best = e;
            if (bounds)
                *bounds = geom_polygon_bounds(zn->poly.pts, zn->poly.n);
        }
    }
    return best;
}

/* Zone: the click mirrored into this point's essential zone, then every
 * other point's essential zone on the chart that holds it. */
static void diagnose_zone(const Module *const *mods, int n, const Item *it, Vec2 click, double credit,
                          MissDiagnosis *out, CandList *l)
{
    const Module *m = it->module;
    double mid;
    bool rvl;
    if (credit < 1 && diagnose_view_midline(it->view, &mid, &rvl)) {
        Vec2 mirror = {2 * mid - click.x, click.y};
        RectD b = {0, 0, 0, 0};
        double depth = essential_depth(m, it->tp, it->view, mirror, &b);
        bool one_side = b.x > mid || b.x + b.w < mid;
        bool other_side = (click.x - mid) * (b.x + b.w / 2 - mid) < 0;
        if (depth >= 0 && one_side && other_side)
            out->f[out->n++] = (MissFinding){MISS_WRONG_SIDE, m, it->tp, depth, patient_side(click.x, mid, rvl)};
    }
    for (int k = -1; k < n; k++) {
        const Module *o = k < 0 ? m : mods[k];
        if (!o || (k >= 0 && o == m))
            continue;
        for (int t = 0; t < o->n_tps; t++) {
            if (o == m && t == it->tp)
                continue;
            double depth = essential_depth(o, t, it->view, click, NULL);
            if (depth >= 0)
                cand_add(l, (Cand){{o == m ? MISS_SAME_MUSCLE : MISS_OTHER_MUSCLE, o, t, depth, 0}, -depth, k});
        }
    }
    for (int i = 0; i < l->n; i++)
        l->c[i].f.kind = MISS_OTHER_ZONE;
}

MissDiagnosis diagnose_click(const Module *const *modules, int n_modules, const Item *it, Vec2 click,
                             double credit)
{
    MissDiagnosis out = {0};
    if (!it || !it->module || !it->view || it->tp < 0 || it->tp >= it->module->n_tps || !(credit < 1) ||
        !isfinite(click.x) || !isfinite(click.y) || (n_modules > 0 && !modules))
        return out;
    if (n_modules < 0)
        n_modules = 0;
    CandList l = {0};
    if (it->type == ITEM_LOCATE_TP || it->type == ITEM_REVERSE)
        diagnose_point(modules, n_modules, it, click, credit, &out, &l);
    else if (it->type == ITEM_ZONE_CLICK)
        diagnose_zone(modules, n_modules, it, click, credit, &out, &l);
    for (int i = 0; i < l.n && out.n < DIAGNOSE_MAX_FINDINGS; i++)
        out.f[out.n++] = l.c[i].f;
    return out;
}

MissDiagnosis diagnose_click_library(const Library *lib, const Item *it, Vec2 click, double credit)
{
    MissDiagnosis out = {0};
    int n = lib ? library_module_count(lib) : 0;
    const Module **mods = n > 0 ? malloc(sizeof *mods * (size_t)n) : NULL;
    if (n > 0 && !mods)
        return out; /* out of memory: nothing to say */
    for (int i = 0; i < n; i++)
        mods[i] = library_module(lib, i);
    out = diagnose_click(mods, n, it, click, credit);
    free(mods);
    return out;
}

char *diagnose_text(const MissFinding *f, char *buf, size_t size)
{
    if (!buf || !size)
        return buf;
    buf[0] = 0;
    if (!f || !f->module)
        return buf;
    if (f->kind == MISS_WRONG_SIDE) {
        const char *here = f->patient_side > 0 ? "right" : "left";
        const char *there = f->patient_side > 0 ? "left" : "right";
        snprintf(buf, size, "Wrong side: you clicked the patient's %s; the answer is on their %s.",
                 here, there);
        return buf;
    }
    char *phrase = session_tp_phrase(f->module, f->tp);
    if (!phrase)
        return buf;
    if (f->kind == MISS_OTHER_ZONE)
        snprintf(buf, size, "That is where %s refers pain.", phrase);
    else
        snprintf(buf, size, "That is %s.", phrase);
    free(phrase);
    return buf;
}
