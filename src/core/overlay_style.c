#include "overlay_style.h"

/* The generated overlays' two reds (tools/charts/gen_charts.py): a pixel's
 * red channel says how much of it is fill and how much edge or fibre. */
#define SVG_FILL_RED 0xB8
#define SVG_EDGE_RED 0x8A
/* A shape the script marks deep (seen through the body) has its fill at 60 %
 * of the usual opacity: 0.204 (alpha 52) instead of 0.34 (87). */
#define SVG_DEEP_ALPHA_MIN 40
#define SVG_DEEP_ALPHA_MAX 70

static unsigned char channel(int rgb, int shift) { return (unsigned char)((rgb >> shift) & 0xFF); }

static unsigned char mix(unsigned char edge, unsigned char fill, double t)
{
    return (unsigned char)(edge + (fill - edge) * t + 0.5);
}

static unsigned char scale_alpha(unsigned char a, double f)
{
    double v = a * f;
    return (unsigned char)(v > 255 ? 255 : v + 0.5);
}

void overlay_restyle_rgba(unsigned char *px, int w, int h, int pitch, bool deep, int hatch)
{
    if (hatch < 4)
        hatch = 4;
    int stripe = hatch * 2 / 5;
    for (int y = 0; y < h; y++) {
        unsigned char *row = px + (long)y * pitch;
        for (int x = 0; x < w; x++) {
            unsigned char *p = row + 4 * x;
            if (!p[3])
                continue;
            double t = (double)(p[0] - SVG_EDGE_RED) / (SVG_FILL_RED - SVG_EDGE_RED);
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            p[0] = mix(channel(OVERLAY_MUSCLE_EDGE, 16), channel(OVERLAY_MUSCLE_FILL, 16), t);
            p[1] = mix(channel(OVERLAY_MUSCLE_EDGE, 8), channel(OVERLAY_MUSCLE_FILL, 8), t);
            p[2] = mix(channel(OVERLAY_MUSCLE_EDGE, 0), channel(OVERLAY_MUSCLE_FILL, 0), t);
            bool deep_shape = t > 0.5 && p[3] >= SVG_DEEP_ALPHA_MIN && p[3] <= SVG_DEEP_ALPHA_MAX;
            if (!deep && !deep_shape) {
                /* A little more body than the SVG's fill: the muscle is
                 * read against the skin and under the zones. */
                p[3] = scale_alpha(p[3], 1.0 + 0.25 * t);
            } else if (t > 0.5) {
                if (deep_shape)
                    p[3] = 87; /* hatch it as strongly as a whole deep overlay */
                /* Fill: diagonal hatching, the stripes clear, the rest faint. */
                bool on = (x + y) % hatch < stripe;
                p[3] = scale_alpha(p[3], on ? 2.2 : 0.25);
            } else {
                p[3] = scale_alpha(p[3], 0.8);
            }
        }
    }
}
