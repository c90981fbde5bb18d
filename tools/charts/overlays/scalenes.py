"""Scalenes overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates).  The scalenes run from the tubercles of
# the cervical transverse processes (deep, in the middle of the neck's depth) down to the first
# rib (anterior and middle scalene, behind the clavicle) and the second rib (posterior scalene).
# The upper parts lie under the sternocleidomastoid, the lower parts in the posterior triangle.
POSTERIOR = [(252, 336, CORNER), (262, 372), (272, 410), (282, 447), (292, 484, CORNER),
             (276, 487), (264, 452), (254, 414), (246, 376)]
MIDDLE = [(259, 286, CORNER), (272, 320), (283, 358), (296, 398), (308, 434), (318, 469, CORNER),
          (298, 473), (285, 440), (270, 402), (257, 362), (249, 322)]
ANTERIOR = [(278, 318, CORNER), (292, 350), (306, 386), (321, 423), (337, 467, CORNER),
            (320, 471), (304, 436), (290, 400), (276, 364), (266, 330)]
FIBRES = [[(258, 350), (271, 415), (284, 482)],
          [(260, 300), (276, 370), (295, 430), (308, 470)],
          [(275, 330), (294, 390), (314, 440), (328, 468)]]

# Front view (half-body points, patient's right): the lower scalenes seen in the floor of the
# posterior triangle, between the sternocleidomastoid and the trapezius, down behind the
# clavicle to the first and second ribs.
POSTERIOR_F = [(31, 226, CORNER), (40, 250), (50, 274), (61, 294, CORNER), (51, 297), (41, 276),
               (32, 252), (26, 232)]
MIDDLE_F = [(27, 200, CORNER), (33, 226), (41, 254), (50, 292, CORNER), (40, 294), (33, 262),
            (25, 234), (21, 206)]
ANTERIOR_F = [(21, 214, CORNER), (25, 238), (31, 264), (38, 294, CORNER), (29, 295), (23, 268),
              (17, 242), (15, 220)]

SHAPES = {
    "head_side": [dict(pts=POSTERIOR), dict(pts=MIDDLE), dict(pts=ANTERIOR, fibres=FIBRES)],
    "front": [dict(pts=POSTERIOR_F), dict(pts=MIDDLE_F), dict(pts=ANTERIOR_F)],
    # behind the trapezius and levator, seen through the neck from behind
    "back": [dict(pts=POSTERIOR_F, deep=True), dict(pts=MIDDLE_F, deep=True),
             dict(pts=ANTERIOR_F, deep=True)],
}
