"""Buccinator overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# head_side (chart points): the cheek wall from the upper and lower jaws opposite the molars and the
# pterygomandibular raphe (in front of the ramus, under the masseter's front edge) forward to the
# corner of the mouth.
SIDE = [(352, 256, CORNER), (374, 252), (400, 264), (424, 284, CORNER), (402, 300), (374, 316),
        (350, 318, CORNER), (344, 288)]
SIDE_FIBRES = [[(354, 266), (390, 272), (420, 284)], [(352, 308), (390, 300), (420, 287)]]
# head_front (half-body points, patient's right): the cheek between the mouth corner and the
# masseter's front border.
FRONT = [(37, 284, CORNER), (52, 268), (74, 260), (84, 286), (78, 312), (54, 304)]
FRONT_FIBRES = [[(78, 272), (56, 280), (38, 285)], [(78, 304), (56, 294), (38, 286)]]

SHAPES = {
    "head_side": [dict(pts=SIDE, fibres=SIDE_FIBRES, deep=False)],
    "head_front": [dict(pts=FRONT, fibres=FRONT_FIBRES)],
}
