/* locator: pain pattern to candidate trigger points. The rules and their
 * reasons are in docs/GRADING.md ("Trigger point locator"); keep the two in
 * step.
 *
 * Scoring reuses zone painting's classification: with the pain as the
 * "painted" cells, a hit cell is pain inside the trigger point's zones and
 * an excess cell is pain outside them, so the weighted share of the pain
 * explained is (hit essential + s * hit spillover) / painted, and the
 * paint credit (weighted Dice) is the fit. Each trigger point costs a pass
 * over the whole grid (about 50,000 cells on a body chart). */
#include "locator.h"

#include <stdlib.h>
#include <string.h>

#include "grading.h"

static bool zone_on(const Zone *z, int tp, const char *view)
{
    return z->tp == tp && z->view && strcmp(z->view, view) == 0;
}

/* Both polygons have the same points in the same cyclic order, from some
 * start, forwards or backwards. Exact comparison: a shared pattern is the
 * same coordinates written twice, and they parse to the same doubles. */
static bool same_polygon(const Polygon *a, const Polygon *b)
{
    if (a->n != b->n || a->n <= 0 || !a->pts || !b->pts)
        return false;
    int n = a->n;
    for (int start = 0; start < n; start++) {
        for (int dir = 1; dir >= -1; dir -= 2) {
            int i = 0;
            for (; i < n; i++) {
                Vec2 p = a->pts[i], q = b->pts[((start + dir * i) % n + n) % n];
                if (p.x != q.x || p.y != q.y)
                    break;
            }
            if (i == n)
                return true;
        }
    }
    return false;
}

bool locator_same_pattern(const Module *a, int ta, const Module *b, int tb, const char *view)
{
    if (!a || !b || !view)
        return false;
    int na = 0, nb = 0;
    for (int i = 0; i < a->n_zones; i++)
        na += zone_on(&a->zones[i], ta, view);
    for (int j = 0; j < b->n_zones; j++)
        nb += zone_on(&b->zones[j], tb, view);
    if (na == 0 || na != nb)
        return false;
    if (a == b && ta == tb)
        return true;
    /* The two patterns are multisets of (kind, polygon): equal when they
     * have the same size and every zone of a occurs as often in b as in a.
     * Patterns have a handful of zones, so the quadratic search is fine. */
    for (int i = 0; i < a->n_zones; i++) {
        const Zone *za = &a->zones[i];
        if (!zone_on(za, ta, view))
            continue;
        int copies_a = 0, copies_b = 0;
        for (int k = 0; k < a->n_zones; k++) {
            const Zone *zk = &a->zones[k];
            copies_a += zone_on(zk, ta, view) && zk->kind == za->kind && same_polygon(&zk->poly, &za->poly);
        }
        for (int k = 0; k < b->n_zones; k++) {
            const Zone *zk = &b->zones[k];
            copies_b += zone_on(zk, tb, view) && zk->kind == za->kind && same_polygon(&zk->poly, &za->poly);
        }
        if (copies_a != copies_b)
            return false;
    }
    return true;
}

/* modules[i] is NULL, m, or already listed before i. */
static bool seen_before(const Module *const *modules, int i, const Module *m)
{
    if (!modules[i] || modules[i] == m)
        return true;
    for (int k = 0; k < i; k++)
        if (modules[k] == modules[i])
            return true;
    return false;
}

int locator_same_pattern_tps(const Module *m, int tp, const char *view, const Module *const *modules,
                             int n_modules, LocatorMatch *out, int max_out)
{
    if (!m || !view || tp < 0 || tp >= m->n_tps || !locator_same_pattern(m, tp, m, tp, view))
        return 0;
    if (!modules)
        n_modules = 0;
    int count = 0;
    if (out && max_out > 0)
        out[0] = (LocatorMatch){m, tp, 1.0, 1.0, 1.0};
    count++;
    /* mi = -1 is m itself, then the other modules in order. */
    for (int mi = -1; mi < n_modules; mi++) {
        if (mi >= 0 && seen_before(modules, mi, m))
            continue;
        const Module *b = mi < 0 ? m : modules[mi];
        for (int t = 0; t < b->n_tps; t++) {
            if ((b == m && t == tp) || !locator_same_pattern(m, tp, b, t, view))
                continue;
            if (out && count < max_out)
                out[count] = (LocatorMatch){b, t, 1.0, 1.0, 1.0};
            count++;
        }
    }
    return count;
}

ReverseResult grade_reverse(Vec2 click, const Module *m, int tp, const char *view,
                            const Module *const *modules, int n_modules)
{
    ReverseResult r = {0.0, m, tp, -1.0, true};
    if (!m || tp < 0 || tp >= m->n_tps)
        return r;
    const TriggerPoint *own = &m->tps[tp];
    r.credit = grade_locate_tp(click, own->at, own->radius, &r.distance);
    if (!view || !own->view)
        return r;
    if (!modules)
        n_modules = 0;
    for (int mi = -1; mi < n_modules; mi++) {
        if (mi >= 0 && seen_before(modules, mi, m))
            continue;
        const Module *b = mi < 0 ? m : modules[mi];
        for (int t = 0; t < b->n_tps; t++) {
            const TriggerPoint *o = &b->tps[t];
            if ((b == m && t == tp) || !o->view || strcmp(o->view, own->view) != 0)
                continue;
            double d;
            double c = grade_locate_tp(click, o->at, o->radius, &d);
            /* Only a strictly better credit, or the same credit nearer by,
             * displaces the current best; the responsible point came first. */
            if (c < r.credit || (c == r.credit && (c == 0 || r.responsible || d >= r.distance)))
                continue;
            if (!locator_same_pattern(m, tp, b, t, view))
                continue;
            r = (ReverseResult){c, b, t, d, false};
        }
    }
    return r;
}

static int match_cmp(const void *pa, const void *pb)
{
    const LocatorMatch *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    const char *na = a->module->name ? a->module->name : "";
    const char *nb = b->module->name ? b->module->name : "";
    int c = strcmp(na, nb);
    if (c)
        return c;
    c = strcmp(a->module->id ? a->module->id : "", b->module->id ? b->module->id : "");
    if (c)
        return c;
    return (a->tp > b->tp) - (a->tp < b->tp);
}

int locator_rank(const unsigned char *pain, const Grid *g, const char *view, const Module *const *modules,
                 int n_modules, LocatorMatch *out, int max_out)
{
    if (!pain || !g || !view || g->cols <= 0 || g->rows <= 0 || !(g->cell > 0) || n_modules < 0 ||
        (n_modules > 0 && !modules) || max_out < 0 || (max_out > 0 && !out))
        return -1;
    size_t cells = (size_t)g->cols * (size_t)g->rows;
    size_t painted = 0;
    for (size_t i = 0; i < cells; i++)
        painted += pain[i] != 0;
    if (painted == 0 || n_modules == 0 || max_out == 0)
        return 0;
    unsigned char *scratch = malloc(cells);
    LocatorMatch *all = malloc((size_t)n_modules * sizeof *all);
    if (!scratch || !all) {
        free(scratch);
        free(all);
        return -1;
    }
    int n = 0;
    for (int mi = 0; mi < n_modules; mi++) {
        const Module *mod = modules[mi];
        if (!mod)
            continue;
        bool dup = false;
        for (int k = 0; k < mi && !dup; k++)
            dup = modules[k] == mod;
        if (dup)
            continue;
        LocatorMatch best = {mod, -1, 0.0, 0.0, 0.0};
        for (int t = 0; t < mod->n_tps; t++) {
            bool has_zone = false;
            for (int z = 0; z < mod->n_zones && !has_zone; z++)
                has_zone = zone_on(&mod->zones[z], t, view);
            if (!has_zone)
                continue;
            ZonePaintResult pr = grade_zone_paint_classify(pain, g, mod, t, view, scratch);
            if (!pr.ok || pr.zone_cells == 0 || pr.painted == 0)
                continue;
            double explained = (pr.hit_essential + GRADE_SPILLOVER_CREDIT * pr.hit_spillover) / pr.painted;
            if (!(explained > 0))
                continue; /* then the fit is 0 too */
            double score = (1 - LOCATOR_FIT_WEIGHT) * explained + LOCATOR_FIT_WEIGHT * pr.credit;
            if (score > best.score)
                best = (LocatorMatch){mod, t, score, explained, pr.credit};
        }
        if (best.tp >= 0)
            all[n++] = best;
    }
    free(scratch);
    qsort(all, (size_t)n, sizeof *all, match_cmp);
    int written = n < max_out ? n : max_out;
    memcpy(out, all, (size_t)written * sizeof *out);
    free(all);
    return written;
}

int locator_rank_library(const unsigned char *pain, const Grid *g, const char *view, const Library *lib,
                         LocatorMatch *out, int max_out)
{
    if (!lib)
        return -1;
    int n = library_module_count(lib);
    if (n <= 0)
        return locator_rank(pain, g, view, NULL, 0, out, max_out);
    const Module **mods = malloc((size_t)n * sizeof *mods);
    if (!mods)
        return -1;
    for (int i = 0; i < n; i++)
        mods[i] = library_module(lib, i);
    int r = locator_rank(pain, g, view, mods, n, out, max_out);
    free(mods);
    return r;
}
