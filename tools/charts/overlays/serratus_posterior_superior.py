"""Serratus posterior superior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Serratus posterior superior (back): a thin sheet from the spinous processes of C7 to T3 (and the
# ligamentum nuchae) running down and out, under the rhomboids and the upper part of the scapula, to
# the upper borders of ribs 2 to 5 just lateral to their angles.  Under the scapula: drawn deep.
SPS = [(3, 266, CORNER), (3, 326, CORNER), (26, 342), (50, 358), (70, 366, CORNER), (72, 350),
       (66, 326), (54, 306), (36, 288), (16, 274)]
SPS_FIBRES = [[(4, 280), (40, 318), (68, 356)], [(4, 305), (35, 335), (66, 362)]]


def _sb(pts):
    """Half-body back points into shoulder_back chart units (SHOULDER_CAM: x0 270, y0 212, 2.6x)."""
    return [((300 + p[0] - 270) * 2.6, (p[1] - 212) * 2.6) + tuple(p[2:]) for p in pts]


SHAPES = {
    "back": [dict(pts=SPS, fibres=SPS_FIBRES)],
    "shoulder_back": [dict(pts=_sb(SPS), fibres=[_sb(f) for f in SPS_FIBRES])],
}
