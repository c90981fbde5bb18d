"""Subclavius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Subclavius: a small, round muscle under the clavicle, from the junction of the first rib and its
# cartilage (medial, low) running up and out to the groove on the underside of the middle third of
# the clavicle.  Under the clavicle and the pectoralis major: drawn as deep.
# head_front (half-body points, dx from the midline)
SUB_HF = [(22, 500, CORNER), (34, 496), (70, 492), (110, 488), (142, 483, CORNER), (140, 492),
          (106, 497), (70, 502), (36, 507)]
# front (half-body points): the same under the clavicle of the whole-body chart
SUB_FRONT = [(10, 300.5), (20, 296.5), (40, 294), (62, 290.5), (80, 286), (82, 289), (79, 292),
             (60, 297), (40, 300.5), (20, 303.5)]

SHAPES = {
    "head_front": [dict(pts=SUB_HF, deep=True)],
    "front": [dict(pts=SUB_FRONT, deep=True)],
}
