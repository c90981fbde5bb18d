"""Platysma overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# head_side (chart points): a thin sheet from the fascia below the clavicle over the side and front
# of the neck up to the lower border of the mandible and the skin of the lower face and mouth
# corner; it covers the lower sternocleidomastoid.
SIDE = [(296, 520, CORNER), (392, 516, CORNER), (380, 470), (366, 420), (370, 372), (400, 350),
        (410, 330), (396, 318), (360, 312), (320, 300), (304, 322), (302, 380), (296, 450)]
SIDE_FIBRES = [[(310, 510), (318, 420), (330, 340), (340, 310)],
               [(350, 512), (344, 430), (356, 360), (380, 322)]]
# head_front (half-body points, patient's right): over the front and side of the neck from below
# the clavicle to the jaw and the corner of the mouth.
FRONT = [(20, 526, CORNER), (120, 520, CORNER), (100, 486), (80, 440), (72, 380), (80, 300),
         (64, 306), (40, 320), (20, 338), (14, 360), (20, 420), (22, 480)]
FRONT_FIBRES = [[(60, 520), (50, 420), (48, 330)], [(100, 505), (80, 420), (70, 320)]]

SHAPES = {
    "head_side": [dict(pts=SIDE, fibres=SIDE_FIBRES)],
    "head_front": [dict(pts=FRONT, fibres=FRONT_FIBRES)],
}
