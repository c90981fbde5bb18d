/* overlay_style: the muscle overlays in the charts' visual language
 * (docs/CHARTS.md, "Visual language").
 *
 * The generated overlay SVGs draw a muscle in one red (fill #b8413a, edge
 * and fibre lines #8a2a25), the red the program uses for pain. Before an
 * overlay is shown its rasterised pixels are recoloured here: the fill in
 * the muscle tone, the edge and fibres in its darker shade, the SVG's own
 * transparency, dashes and fibre lines kept. A deep muscle (seen through the
 * body or under other muscles: the module's deep_views, or a shape the
 * script drew deep, with its paler fill and dashed edge) is drawn as
 * diagonal hatching with a fainter edge instead of a flat fill, so it differs
 * by pattern as well as by shade. Pure pixel arithmetic: the program,
 * the Moodle pictures and the contact sheet share it. */
#ifndef TPQUIZ_OVERLAY_STYLE_H
#define TPQUIZ_OVERLAY_STYLE_H

#include <stdbool.h>

/* The muscle tone (a muted slate blue: far from the pain red for every
 * common kind of colour vision) and its edge, as 0xRRGGBB. */
#define OVERLAY_MUSCLE_FILL 0x4E7196
#define OVERLAY_MUSCLE_EDGE 0x24405E

/* Recolours w x h pixels; deep: the whole overlay is deep of 8-bit R, G, B, A (in that byte order, not
 * premultiplied; rows pitch bytes apart) in place. hatch is the period of a
 * deep muscle's hatching in pixels (at least 4). */
void overlay_restyle_rgba(unsigned char *px, int w, int h, int pitch, bool deep, int hatch);

#endif
