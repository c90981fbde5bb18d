"""Occipitofrontalis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# head_front (half-body points, patient's right): the frontalis over the forehead, from the
# eyebrow and the root of the nose up into the galea near the hairline, out to the temporal line.
FRONTALIS = [(4, 170, CORNER), (20, 160), (42, 156), (62, 150, CORNER), (72, 120), (68, 92),
             (50, 76), (24, 68), (4, 68, CORNER)]
FRONTALIS_FIBRES = [[(20, 158), (20, 110), (20, 74)], [(44, 154), (46, 110), (44, 76)]]
# head_side (chart points): the occipitalis on the back of the head above the superior nuchal line
# (from the inion to the mastoid), and the frontalis seen from the side over the forehead.
OCCIPITALIS = [(164, 196, CORNER), (196, 200), (226, 216, CORNER), (226, 180), (214, 140), (194, 112),
               (172, 110), (160, 140)]
OCC_FIBRES = [[(178, 196), (175, 150), (178, 116)], [(205, 205), (205, 160), (195, 118)]]
FRONTALIS_SIDE = [(398, 156, CORNER), (430, 160, CORNER), (431, 130), (420, 100), (396, 76),
                  (378, 96), (386, 130)]

SHAPES = {
    "head_front": [dict(pts=FRONTALIS, fibres=FRONTALIS_FIBRES)],
    "head_side": [dict(pts=OCCIPITALIS, fibres=OCC_FIBRES), dict(pts=FRONTALIS_SIDE)],
}
