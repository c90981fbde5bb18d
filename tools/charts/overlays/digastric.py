"""Digastric overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Digastric: the posterior belly from the mastoid notch, running down and forward under the angle
# of the mandible to an intermediate tendon held to the hyoid bone by a fibrous sling; the anterior
# belly from there forward and up to the digastric fossa on the inner side of the lower border of
# the mandible beside the midline.
# head_side (chart coordinates): both bellies.
DIG_SIDE = [(244, 254, CORNER), (258, 258), (290, 290), (326, 326), (350, 356), (378, 350),
            (404, 340, CORNER), (408, 352), (382, 366), (352, 376, CORNER), (334, 364), (312, 340),
            (278, 304), (248, 270)]
DIG_SIDE_FIBRES = [[(252, 262), (300, 310), (346, 362)], [(352, 366), (404, 346)]]
# head_front (half-body points, dx from the midline): the anterior belly under the chin and the
# posterior belly rising toward the angle of the mandible, behind which it disappears.
DIG_FRONT = [(4, 347, CORNER), (12, 346), (28, 364), (38, 374), (56, 350), (74, 318), (84, 296, CORNER),
             (90, 300), (84, 320), (64, 358), (42, 388, CORNER), (30, 384), (18, 368), (6, 354)]

SHAPES = {
    "head_side": [dict(pts=DIG_SIDE, fibres=DIG_SIDE_FIBRES)],
    "head_front": [dict(pts=DIG_FRONT)],
}
