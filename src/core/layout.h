/* layout: where a chart lands on screen, as plain arithmetic.
 *
 * A Layout fits a view's viewBox (image units) into a rectangle of output
 * pixels: the aspect is kept, the image centred in the area (letterboxed
 * on the spare axis). Drawing and grading use the same Layout, so a mark
 * drawn at an image point and a click on that mark agree. A click is read
 * at its pixel's centre: layout_to_image(x, y) is the image point under
 * the middle of pixel (x, y). */
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
    RectD viewbox;
    double scale; /* pixels per image unit */
} Layout;

/* Fits the whole viewbox into area. */
Layout layout_fit(PixelRect area, RectD viewbox);
/* A close-up: the part of full around focus, grown to the area's shape
 * (so the chart fills it) and kept inside full; an axis on which the grown
 * focus is larger than full shows all of full, centred. */
Layout layout_focus(PixelRect area, RectD full, RectD focus);
/* The region of a view a module's trigger points and zones occupy, with a
 * margin, at least min_frac of the view's height; full if nothing is there. */
RectD layout_module_region(const Module *m, const char *view, RectD full, double min_frac);
/* An image point in output pixels (not rounded). */
Vec2 layout_to_screen(const Layout *l, Vec2 p);
/* The image point under the centre of pixel (x, y); outside the image for
 * a pixel outside it (see layout_hit). */
Vec2 layout_to_image(const Layout *l, int x, int y);
/* Whether pixel (x, y) is on the image (not the letterbox margins). */
bool layout_hit(const Layout *l, int x, int y);

#endif
