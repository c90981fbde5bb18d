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


def _behind(pts):
    """The same muscle seen through the hand from behind (forearm view = the mirror of
    forearm_front about x = 200)."""
    return [(400 - p[0], p[1]) + tuple(p[2:]) for p in pts]


SHAPES = {
    "forearm_front": [dict(pts=OPP, fibres=OPP_FIBRES), dict(pts=ADD, fibres=ADD_FIBRES)],
    "forearm": [dict(pts=_behind(ADD), deep=True)],
}
