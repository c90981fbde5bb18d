#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

Layout layout_fit(PixelRect area, RectD vb)
{
    Layout l;
    l.area = area;
    l.viewbox = vb;
    l.full = vb;
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
    Layout l = layout_fit(area, f);
    l.full = full;
    return l;
}

static double fit_scale(PixelRect area, RectD full)
{
    double sx = area.w / full.w, sy = area.h / full.h;
    return sx < sy ? sx : sy;
}

static double clamp_zoom(double z)
{
    if (!(z >= LAYOUT_ZOOM_MIN)) /* NaN too */
        return LAYOUT_ZOOM_MIN;
    return z > LAYOUT_ZOOM_MAX ? LAYOUT_ZOOM_MAX : z;
}

/* One axis of a zoomed layout. Where the zoomed view is no longer than the
 * area (a tolerance keeps the fit's axis here), it is centred whole, as
 * layout_fit does; else it fills the area from a whole pixel of the zoomed
 * image, clamped so the view covers the area. */
static void zoom_axis(int area_x, int area_w, double full_x, double full_w, double s, double center, int *img_x,
                      int *img_w, double *vb_x, double *vb_w)
{
    double total = full_w * s;
    if (total <= area_w + 1e-6 * area_w) {
        int w = (int)lround(total);
        *img_x = area_x + (area_w - w) / 2;
        *img_w = w;
        *vb_x = full_x;
        *vb_w = full_w;
        return;
    }
    double last = floor(total) - area_w; /* the furthest start that still covers the area */
    double o = floor((center - full_x) * s - area_w / 2.0 + 0.5);
    if (o > last)
        o = last;
    if (o < 0)
        o = 0;
    *img_x = area_x;
    *img_w = area_w;
    *vb_x = full_x + o / s;
    *vb_w = area_w / s;
}

Layout layout_zoomed(PixelRect area, RectD full, LayoutZoom z)
{
    if (area.w <= 0 || area.h <= 0 || !(full.w > 0) || !(full.h > 0))
        return layout_fit(area, full);
    double s = fit_scale(area, full) * clamp_zoom(z.zoom);
    Layout l;
    l.area = area;
    l.full = full;
    l.scale = s;
    zoom_axis(area.x, area.w, full.x, full.w, s, z.center.x, &l.image.x, &l.image.w, &l.viewbox.x, &l.viewbox.w);
    zoom_axis(area.y, area.h, full.y, full.h, s, z.center.y, &l.image.y, &l.image.h, &l.viewbox.y, &l.viewbox.h);
    return l;
}

LayoutZoom layout_zoom_of_focus(PixelRect area, RectD full, RectD focus)
{
    if (area.w <= 0 || area.h <= 0 || !(full.w > 0) || !(full.h > 0))
        return (LayoutZoom){1, {full.x + full.w / 2, full.y + full.h / 2}};
    Layout l = layout_focus(area, full, focus);
    LayoutZoom z = {l.scale / fit_scale(area, full), {l.viewbox.x + l.viewbox.w / 2, l.viewbox.y + l.viewbox.h / 2}};
    return layout_zoom_clamp(area, full, z);
}

LayoutZoom layout_zoom_clamp(PixelRect area, RectD full, LayoutZoom z)
{
    Layout l = layout_zoomed(area, full, z);
    return (LayoutZoom){clamp_zoom(z.zoom), {l.viewbox.x + l.viewbox.w / 2, l.viewbox.y + l.viewbox.h / 2}};
}

LayoutZoom layout_zoom_about(PixelRect area, RectD full, LayoutZoom z, double factor, double px, double py)
{
    Layout l = layout_zoomed(area, full, z);
    if (!(l.scale > 0))
        return z;
    Vec2 p = {l.viewbox.x + (px - l.image.x) / l.scale, l.viewbox.y + (py - l.image.y) / l.scale};
    double nz = clamp_zoom(clamp_zoom(z.zoom) * factor);
    double s = l.scale / clamp_zoom(z.zoom) * nz;
    /* The new centre puts p back under (px, py). */
    LayoutZoom out = {nz, {p.x - (px - (area.x + area.w / 2.0)) / s, p.y - (py - (area.y + area.h / 2.0)) / s}};
    return layout_zoom_clamp(area, full, out);
}

LayoutZoom layout_zoom_pan(PixelRect area, RectD full, LayoutZoom z, double dx, double dy)
{
    Layout l = layout_zoomed(area, full, z);
    if (!(l.scale > 0))
        return z;
    LayoutZoom out = {clamp_zoom(z.zoom),
                      {l.viewbox.x + l.viewbox.w / 2 - dx / l.scale, l.viewbox.y + l.viewbox.h / 2 - dy / l.scale}};
    return layout_zoom_clamp(area, full, out);
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

int layout_wrap_row(const int *w, int n, int avail, int gap, int *x_out, int *row_out)
{
    int row = 0, x = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && x + w[i] > avail) {
            row++;
            x = 0;
        }
        if (x_out)
            x_out[i] = x;
        if (row_out)
            row_out[i] = row;
        x += w[i] + gap;
    }
    return n > 0 ? row + 1 : 0;
}

void layout_view_tab_label(const char *view, char *out, size_t size)
{
    if (!out || !size)
        return;
    snprintf(out, size, "%s view", view ? view : "");
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = ' ';
}
