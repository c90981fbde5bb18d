"""Hand interossei and abductor digiti minimi overlay (see load_overlays in gen_charts.py)."""
CORNER = "c"

# forearm (the back of the right hand, thumb on the viewer's right).  Dorsal interossei between
# the metacarpals, each from the two bones beside it to the side of a finger's base and extensor
# expansion; the first, the largest, fills the web between the thumb and index metacarpals.
# Abductor digiti minimi along the ulnar border of the hand, from the pisiform to the little
# finger's base.
DI1 = [(232, 668, CORNER), (252, 680), (270, 720), (282, 768), (274, 790), (258, 800),
       (247, 822, CORNER), (240, 790), (236, 740)]
DI2 = [(218, 680, CORNER), (226, 722), (230, 790), (229, 828, CORNER), (218, 826), (213, 780),
       (212, 722)]
DI3 = [(196, 680, CORNER), (201, 722), (203, 790), (200, 830, CORNER), (190, 828), (187, 780),
       (188, 722)]
DI4 = [(172, 680, CORNER), (173, 722), (169, 790), (162, 828, CORNER), (152, 824), (156, 780),
       (162, 722)]
ADM = [(134, 690, CORNER), (138, 730), (136, 780), (130, 828, CORNER), (118, 822), (117, 780),
       (121, 730)]
FIB1 = [[(238, 690), (256, 750), (250, 815)], [(250, 690), (272, 760)]]


def _palm(pts):
    """Hand-frame points (u toward the thumb, v down from the wrist crease, units of the
    whole-body chart) into hand_palm (HAND_PALM_CAM: the wrist at 278.2, 124.8; 5.2x)."""
    return [(278.2 - 5.2 * p[0], 124.8 + 5.2 * p[1]) + tuple(p[2:]) for p in pts]


def _back(pts):
    """The same into hand_back (HAND_BACK_CAM: the wrist at 241.8, 124.8; thumb to the right)."""
    return [(241.8 + 5.2 * p[0], 124.8 + 5.2 * p[1]) + tuple(p[2:]) for p in pts]


# hand_back (hand-frame points): the same muscles on the detailed hand.
H_DI1 = [(14, 14, CORNER), (20, 16), (28, 40), (31, 58), (26.5, 66), (22, 74), (20.5, 84, CORNER),
         (17, 60), (15, 36)]
H_DI2 = [(10, 16, CORNER), (13, 18), (14, 50), (13, 84, CORNER), (10, 84), (8.5, 50), (8.5, 20)]
H_DI3 = [(-3, 16, CORNER), (-1, 18), (-1, 50), (-3, 84, CORNER), (-6.5, 84), (-7, 50), (-5, 20)]
H_DI4 = [(-15, 16, CORNER), (-13, 18), (-14.5, 50), (-18, 84, CORNER), (-21.5, 84), (-21, 50),
         (-17.5, 20)]
H_ADM = [(-22, 8, CORNER), (-27, 12), (-31, 40), (-32.3, 70), (-31, 86, CORNER), (-27, 84),
         (-27, 60), (-25, 30)]
H_FIB1 = [[(16, 20), (24, 50), (21, 80)], [(20, 20), (29, 52)]]

SHAPES = {
    "forearm": [dict(pts=DI1, fibres=FIB1), dict(pts=DI2), dict(pts=DI3), dict(pts=DI4),
                dict(pts=ADM)],
    "hand_back": [dict(pts=_back(H_DI1), fibres=[_back(f) for f in H_FIB1]),
                  dict(pts=_back(H_DI2)), dict(pts=_back(H_DI3)), dict(pts=_back(H_DI4)),
                  dict(pts=_back(H_ADM))],
}
