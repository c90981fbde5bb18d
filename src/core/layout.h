/* layout: where a chart lands on screen, as plain arithmetic.
 *
 * A Layout fits a view's viewBox (image units) into a rectangle of output
 * pixels: the aspect is kept, the image centred in the area (letterboxed
 * on the spare axis). Drawing and grading use the same Layout, so a mark
 * drawn at an image point and a click on that mark agree. A click is read
 * at its pixel's centre: layout_to_image(x, y) is the image point under
 * the middle of pixel (x, y).
 *
 * Zoom and pan: a LayoutZoom (a zoom factor over the fit of the whole view
 * and the image point at the area's centre) gives a Layout whose viewbox is
 * the part of the view on screen. Zoom 1 is the fit; on an axis where the
 * zoomed view is smaller than the area it stays centred, on the others it
 * fills the area and the pan is clamped so the view always covers it: the
 * chart cannot be lost off screen. The visible part starts on a whole pixel
 * of the zoomed image, so a cached rasterisation of that image lines up
 * with the marks drawn over it. */
#ifndef TPQUIZ_LAYOUT_H
#define TPQUIZ_LAYOUT_H

#include <stdbool.h>

#include "course.h"
#include "geometry.h"

/* A rectangle of whole pixels (x, y, width, height). */
typedef struct {
    int x, y, w, h;
} PixelRect;

typedef struct {
    PixelRect area;  /* the rectangle given */
    PixelRect image; /* where the viewBox lands, inside area */
    RectD viewbox; /* the part of the view on screen, in image units */
    double scale;  /* pixels per image unit */
    RectD full;    /* the whole view (viewbox is inside it) */
} Layout;

#define LAYOUT_ZOOM_MIN 1.0
#define LAYOUT_ZOOM_MAX 12.0

typedef struct {
    double zoom; /* over the fit of the whole view, LAYOUT_ZOOM_MIN..MAX */
    Vec2 center; /* image point shown at the area's centre (before clamping) */
} LayoutZoom;

/* Fits the whole viewbox into area. */
Layout layout_fit(PixelRect area, RectD viewbox);
/* A close-up: the part of full around focus, grown to the area's shape
 * (so the chart fills it) and kept inside full; an axis on which the grown
 * focus is larger than full shows all of full, centred. */
Layout layout_focus(PixelRect area, RectD full, RectD focus);
/* The region of a view a module's trigger points and zones occupy, with a
 * margin, at least min_frac of the view's height; full if nothing is there. */
RectD layout_module_region(const Module *m, const char *view, RectD full, double min_frac);
/* The view full in area at zoom z (clamped to the limits), centred on
 * z.center as far as the clamping allows. Zoom 1 is layout_fit. */
Layout layout_zoomed(PixelRect area, RectD full, LayoutZoom z);
/* The zoom that shows what layout_focus(area, full, focus) shows. */
LayoutZoom layout_zoom_of_focus(PixelRect area, RectD full, RectD focus);
/* z with its zoom within the limits and its centre moved (the least) so
 * that layout_zoomed would not have to clamp it: what is on screen. */
LayoutZoom layout_zoom_clamp(PixelRect area, RectD full, LayoutZoom z);
/* Zooms by factor keeping the image point under output pixel position
 * (px, py) where it is on screen (as far as the limits and clamping allow). */
LayoutZoom layout_zoom_about(PixelRect area, RectD full, LayoutZoom z, double factor, double px, double py);
/* Moves the chart by (dx, dy) output pixels (the content follows a drag),
 * clamped. */
LayoutZoom layout_zoom_pan(PixelRect area, RectD full, LayoutZoom z, double dx, double dy);
/* An image point in output pixels (not rounded). */
Vec2 layout_to_screen(const Layout *l, Vec2 p);
/* The image point under the centre of pixel (x, y); outside the image for
 * a pixel outside it (see layout_hit). */
Vec2 layout_to_image(const Layout *l, int x, int y);
/* Whether pixel (x, y) is on the image (not the letterbox margins). */
bool layout_hit(const Layout *l, int x, int y);

/* A row of n buttons of widths w[i] (a screen's view tabs), gap apart,
 * wrapped onto more rows where the next one would pass avail: each button's
 * x offset from the row's start in x_out[i] and its row in row_out[i] (either
 * may be NULL). A button wider than avail gets a row of its own. Returns the
 * number of rows (0 if n <= 0). */
int layout_wrap_row(const int *w, int n, int avail, int gap, int *x_out, int *row_out);
/* A view tab's caption: the view's name with its first letter capitalised,
 * '_' as spaces and " view" after it ("low_back" -> "Low back view"). */
void layout_view_tab_label(const char *view, char *out, size_t size);

#endif
