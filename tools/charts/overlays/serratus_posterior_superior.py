"""Serratus posterior superior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Serratus posterior superior (back): a thin sheet from the spinous processes of C7 to T3 (and the
# ligamentum nuchae) running down and out, under the rhomboids and the upper part of the scapula, to
# the upper borders of ribs 2 to 5 just lateral to their angles.  Under the scapula: drawn deep.
SPS = [(3, 266, CORNER), (3, 326, CORNER), (26, 342), (50, 358), (70, 366, CORNER), (72, 350),
       (66, 326), (54, 306), (36, 288), (16, 274)]
SPS_FIBRES = [[(4, 280), (40, 318), (68, 356)], [(4, 305), (35, 335), (66, 362)]]


SHAPES = {
    "back": [dict(pts=SPS, fibres=SPS_FIBRES)],
    "shoulder_back": [dict(pts=closeup("shoulder_back", SPS),
         fibres=[closeup("shoulder_back", f) for f in SPS_FIBRES])],
}
