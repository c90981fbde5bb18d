"""Zygomaticus major overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# head_front (half-body points, patient's right): from the zygomatic bone (dx 76, y 210) down and
# forward across the cheek to the corner of the mouth (dx 34, y 286).
ZYG = [(84, 200, CORNER), (74, 198), (62, 224), (48, 254), (36, 282, CORNER), (42, 290),
       (56, 264), (70, 236), (82, 214)]
FIBRES = [[(78, 204), (58, 246), (39, 285)]]

SHAPES = {
    "head_front": [dict(pts=ZYG, fibres=FIBRES)],
}
