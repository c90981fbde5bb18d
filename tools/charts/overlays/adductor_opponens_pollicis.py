"""Adductor and opponens pollicis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# forearm_front (palm forward, thumb on the viewer's left).  Opponens pollicis: from the flexor
# retinaculum and the trapezium along the whole radial border of the first metacarpal, deep in the
# thenar eminence.  Adductor pollicis: a fan from the capitate and the 2nd and 3rd metacarpals
# (oblique head) and the front of the 3rd metacarpal (transverse head) to the ulnar side of the
# base of the thumb's proximal phalanx, in the web.
OPP = [(166, 640, CORNER), (172, 656), (160, 700), (142, 748), (126, 790, CORNER), (112, 784),
       (118, 748), (132, 702), (150, 656)]
OPP_FIBRES = [[(164, 650), (140, 720), (120, 782)]]
ADD = [(196, 690, CORNER), (214, 700), (218, 750), (214, 800, CORNER), (186, 806), (160, 812),
       (140, 818, CORNER), (136, 804), (152, 780), (172, 740)]
ADD_FIBRES = [[(204, 700), (172, 770), (142, 810)], [(214, 790), (176, 804), (142, 814)]]


def _palm(pts):
    """Hand-frame points (u toward the thumb, v down from the wrist crease, units of the
    whole-body chart) into hand_palm (HAND_PALM_CAM: the wrist at 278.2, 124.8; 5.2x)."""
    return [(278.2 - 5.2 * p[0], 124.8 + 5.2 * p[1]) + tuple(p[2:]) for p in pts]


def _back(pts):
    """The same into hand_back (HAND_BACK_CAM: the wrist at 241.8, 124.8; thumb to the right)."""
    return [(241.8 + 5.2 * p[0], 124.8 + 5.2 * p[1]) + tuple(p[2:]) for p in pts]


# hand_palm / hand_back (hand-frame points): the opponens from the flexor retinaculum and trapezium
# along the radial border of the first metacarpal; the adductor fanning from the capitate and the
# 2nd and 3rd metacarpals to the ulnar side of the thumb's base, in the web.
H_OPP = [(12, 4, CORNER), (18, 2), (29, 26), (37, 48), (40, 63, CORNER), (34, 66), (28, 50), (19, 27)]
H_OPP_FIBRES = [[(16, 6), (30, 40), (37, 60)]]
H_ADD = [(4, 18, CORNER), (9, 16), (17, 40), (28, 60), (30.5, 70, CORNER), (24, 73), (10, 67),
         (-1, 64, CORNER), (1, 40)]
H_ADD_FIBRES = [[(6, 22), (18, 50), (28, 68)], [(1, 60), (14, 66), (28, 70)]]

SHAPES = {
    "forearm_front": [dict(pts=OPP, fibres=OPP_FIBRES), dict(pts=ADD, fibres=ADD_FIBRES)],
    "hand_palm": [dict(pts=_palm(H_OPP), fibres=[_palm(f) for f in H_OPP_FIBRES]),
                  dict(pts=_palm(H_ADD), fibres=[_palm(f) for f in H_ADD_FIBRES])],
    "hand_back": [dict(pts=_back(H_ADD), deep=True)],
}
