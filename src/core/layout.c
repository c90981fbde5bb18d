#include "layout.h"

#include <math.h>
#include <string.h>

Layout layout_fit(PixelRect area, RectD vb)
{
    Layout l;
    l.area = area;
    l.viewbox = vb;
    double sx = area.w / vb.w, sy = area.h / vb.h;
    l.scale = sx < sy ? sx : sy;
    int w = (int)lround(vb.w * l.scale), h = (int)lround(vb.h * l.scale);
    l.image = (PixelRect){area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
    return l;
}

Layout layout_focus(PixelRect area, RectD full, RectD f)
{
    double aspect = (double)area.w / area.h;
    /* Grow the focus to the area's shape. */
    if (f.w / f.h < aspect) {
        double w = f.h * aspect;
        f.x -= (w - f.w) / 2;
        f.w = w;
    } else {
        double h = f.w / aspect;
        f.y -= (h - f.h) / 2;
        f.h = h;
    }
    /* Wider or taller than the view: keep the whole extent on that axis and
     * let the layout centre it (blank margins beat losing the close-up). */
    if (f.w > full.w) {
        f.x = full.x;
        f.w = full.w;
    }
    if (f.h > full.h) {
        f.y = full.y;
        f.h = full.h;
    }
    if (f.x < full.x)
        f.x = full.x;
    if (f.y < full.y)
        f.y = full.y;
    if (f.x + f.w > full.x + full.w)
        f.x = full.x + full.w - f.w;
    if (f.y + f.h > full.y + full.h)
        f.y = full.y + full.h - f.h;
    return layout_fit(area, f);
}

static void grow(RectD *r, bool *any, double x0, double y0, double x1, double y1)
{
    if (!*any) {
        *r = (RectD){x0, y0, x1 - x0, y1 - y0};
        *any = true;
        return;
    }
    double rx1 = r->x + r->w, ry1 = r->y + r->h;
    if (x0 < r->x)
        r->x = x0;
    if (y0 < r->y)
        r->y = y0;
    if (x1 > rx1)
        rx1 = x1;
    if (y1 > ry1)
        ry1 = y1;
    r->w = rx1 - r->x;
    r->h = ry1 - r->y;
}

RectD layout_module_region(const Module *m, const char *view, RectD full, double min_frac)
{
    RectD r = full;
    bool any = false;
    for (int i = 0; i < m->n_tps; i++) {
        const TriggerPoint *tp = &m->tps[i];
        if (!strcmp(tp->view, view))
            grow(&r, &any, tp->at.x - tp->radius, tp->at.y - tp->radius, tp->at.x + tp->radius,
                 tp->at.y + tp->radius);
    }
    for (int i = 0; i < m->n_zones; i++) {
        const Zone *z = &m->zones[i];
        if (strcmp(z->view, view) || z->poly.n == 0)
            continue;
        RectD b = geom_polygon_bounds(z->poly.pts, z->poly.n);
        grow(&r, &any, b.x, b.y, b.x + b.w, b.y + b.h);
    }
    if (!any)
        return full;
    double mx = r.w * 0.3 + full.w * 0.05, my = r.h * 0.3 + full.h * 0.03;
    r.x -= mx;
    r.w += 2 * mx;
    r.y -= my;
    r.h += 2 * my;
    double min_h = full.h * min_frac;
    if (r.h < min_h) {
        r.y -= (min_h - r.h) / 2;
        r.h = min_h;
    }
    return r;
}

Vec2 layout_to_screen(const Layout *l, Vec2 p)
{
    return (Vec2){l->image.x + (p.x - l->viewbox.x) * l->scale,
                  l->image.y + (p.y - l->viewbox.y) * l->scale};
}

Vec2 layout_to_image(const Layout *l, int x, int y)
{
    return (Vec2){l->viewbox.x + (x + 0.5 - l->image.x) / l->scale,
                  l->viewbox.y + (y + 0.5 - l->image.y) / l->scale};
}

bool layout_hit(const Layout *l, int x, int y)
{
    return x >= l->image.x && y >= l->image.y && x < l->image.x + l->image.w &&
           y < l->image.y + l->image.h;
}
