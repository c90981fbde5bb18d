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

SHAPES = {
    "forearm": [dict(pts=DI1, fibres=FIB1), dict(pts=DI2), dict(pts=DI3), dict(pts=DI4),
                dict(pts=ADM)],
}
