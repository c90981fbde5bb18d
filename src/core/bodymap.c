/* bodymap: the muscle groups' regions on the front and back charts
 * (bodymap.h). Each shape is written once for the patient's right side
 * with the viewer's-left x values of the front chart (x < 300); a pair is
 * completed by its mirror image across the midline, x -> 600 - x, which
 * is the patient's left on the front chart and the right on the back
 * chart (they mirror each other, docs/CHARTS.md). A shape across the
 * midline is written whole and not mirrored. */
#include "bodymap.h"

#include <stdbool.h>
#include <string.h>

#define MIDLINE_X2 600.0 /* twice the midline's x */

typedef struct {
    const char *group;
    unsigned views; /* VIEW_FRONT | VIEW_BACK */
    bool pair;
    int n;
    float xy[2 * BODYMAP_MAX_POINTS];
} Shape;

enum { VIEW_FRONT = 1, VIEW_BACK = 2 };

/* Heights from the landmark tables: chin 212, acromion 284, jugular notch
 * 291, nipple 410, elbow 532, navel 568, ASIS 628, greater trochanter 676,
 * crotch 724, gluteal fold 768, knee 965-987, ankle 1292, soles 1360. The
 * widths follow the drawn outline (arm from the flank's gap at y 430). */
static const Shape SHAPES[] = {
    {"head", VIEW_FRONT, false, 10,
     {300, 42, 268, 47, 250, 62, 243, 95, 244, 138, 356, 138, 357, 95, 350, 62, 332, 47, 300, 42}},
    {"head", VIEW_BACK, false, 10,
     {300, 42, 268, 47, 250, 62, 243, 95, 248, 160, 352, 160, 357, 95, 350, 62, 332, 47, 300, 42}},
    {"jaw", VIEW_FRONT, false, 7, {246, 142, 254, 185, 270, 205, 300, 213, 330, 205, 346, 185, 354, 142}},
    {"neck", VIEW_FRONT, false, 6, {262, 216, 338, 216, 342, 250, 350, 282, 250, 282, 258, 250}},
    {"neck", VIEW_BACK, false, 6, {256, 164, 344, 164, 342, 220, 352, 282, 248, 282, 258, 220}},
    {"shoulder", VIEW_FRONT, true, 8, {150, 284, 180, 290, 178, 312, 162, 345, 150, 395, 118, 400, 120, 332, 130, 300}},
    {"shoulder", VIEW_BACK, true, 10,
     {150, 284, 200, 288, 250, 296, 256, 330, 244, 398, 200, 404, 162, 405, 150, 395, 118, 400, 122, 320}},
    {"upper_back", VIEW_BACK, false, 10,
     {258, 286, 342, 286, 350, 300, 348, 400, 360, 452, 300, 478, 240, 452, 252, 400, 250, 300, 258, 286}},
    {"chest", VIEW_FRONT, false, 12,
     {250, 296, 200, 293, 182, 305, 174, 332, 184, 440, 300, 452, 416, 440, 426, 332, 418, 305, 400, 293, 350, 296,
      300, 300}},
    {"arm", VIEW_FRONT | VIEW_BACK, true, 10,
     {118, 404, 150, 400, 160, 425, 164, 450, 152, 500, 147, 528, 93, 528, 98, 500, 105, 450, 112, 425}},
    {"forearm", VIEW_FRONT | VIEW_BACK, true, 14,
     {93, 538, 146, 538, 140, 560, 131, 600, 117, 650, 106, 700, 106, 760, 102, 800, 76, 850, 57, 850, 38, 760, 62,
      712, 73, 650, 80, 580}},
    {"abdomen", VIEW_FRONT, false, 11,
     {188, 458, 300, 462, 412, 458, 404, 532, 416, 600, 398, 640, 300, 694, 202, 640, 184, 600, 196, 532, 188, 458}},
    {"hip", VIEW_FRONT, true, 7, {184, 608, 202, 644, 270, 690, 296, 724, 240, 760, 178, 760, 173, 700}},
    {"low_back", VIEW_BACK, false, 12,
     {240, 458, 300, 486, 360, 458, 410, 472, 404, 532, 416, 600, 396, 620, 300, 626, 204, 620, 184, 600, 196, 532,
      190, 472}},
    {"hip", VIEW_BACK, true, 7, {184, 608, 204, 626, 298, 632, 298, 722, 294, 768, 240, 775, 176, 766}},
    {"thigh", VIEW_FRONT, true, 8, {178, 768, 244, 768, 294, 768, 290, 850, 286, 930, 281, 958, 203, 958, 184, 820}},
    {"thigh", VIEW_BACK, true, 8, {178, 778, 244, 778, 294, 778, 290, 850, 286, 930, 281, 975, 203, 975, 184, 820}},
    {"leg", VIEW_FRONT | VIEW_BACK, true, 8, {203, 985, 281, 985, 285, 1050, 282, 1150, 272, 1262, 218, 1262, 208, 1150, 200, 1050}},
    {"foot", VIEW_FRONT | VIEW_BACK, true, 4, {216, 1272, 273, 1272, 277, 1346, 207, 1346}},
};

static void put_shape(const Shape *s, bool mirror, BodyMapShape *o)
{
    o->group = s->group;
    o->n = s->n;
    for (int i = 0; i < s->n; i++) {
        /* A mirror image runs the other way round; keep the winding. */
        int k = mirror ? s->n - 1 - i : i;
        double x = s->xy[2 * k], y = s->xy[2 * k + 1];
        o->pts[i] = (Vec2){mirror ? MIDLINE_X2 - x : x, y};
    }
}

static unsigned view_bit(const char *view)
{
    return !view ? 0 : !strcmp(view, "front") ? VIEW_FRONT : !strcmp(view, "back") ? VIEW_BACK : 0;
}

int bodymap_shapes(const char *view, BodyMapShape *out, int max)
{
    unsigned bit = view_bit(view);
    int n = 0;
    for (size_t i = 0; bit && i < sizeof SHAPES / sizeof SHAPES[0]; i++) {
        if (!(SHAPES[i].views & bit))
            continue;
        for (int side = 0; side < (SHAPES[i].pair ? 2 : 1); side++, n++)
            if (n < max)
                put_shape(&SHAPES[i], side == 1, &out[n]);
    }
    return n;
}

bool bodymap_label_at(const char *view, const char *group, Vec2 *out)
{
    unsigned bit = view_bit(view);
    for (size_t i = 0; bit && group && i < sizeof SHAPES / sizeof SHAPES[0]; i++) {
        const Shape *s = &SHAPES[i];
        if (!(s->views & bit) || strcmp(s->group, group) != 0)
            continue;
        /* The mean of the corners: inside every shape here (all are
         * roughly convex). On the back chart the patient's right is the
         * mirror image. */
        double x = 0, y = 0;
        for (int k = 0; k < s->n; k++) {
            x += s->xy[2 * k];
            y += s->xy[2 * k + 1];
        }
        x /= s->n;
        y /= s->n;
        if (s->pair && bit == VIEW_BACK)
            x = MIDLINE_X2 - x;
        *out = (Vec2){x, y};
        return true;
    }
    return false;
}
