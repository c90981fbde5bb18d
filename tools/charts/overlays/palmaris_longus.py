"""Palmaris longus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# forearm_front (chart points, thumb on the viewer's left): a short belly from the medial
# epicondyle's common flexor tendon, a long thin tendon down the middle of the forearm over the
# flexor retinaculum, fanning out into the palmar aponeurosis.
BELLY = [(262, 134, CORNER), (250, 160), (230, 220), (216, 300), (210, 390, CORNER), (204, 560),
         (202, 616, CORNER), (212, 616, CORNER), (214, 560), (222, 390, CORNER), (240, 310),
         (260, 230), (271, 168)]
BELLY_FIBRES = [[(262, 146), (240, 260), (216, 380)]]
APONEUROSIS = [(207, 624, CORNER), (244, 730), (258, 790, CORNER), (216, 804), (170, 806),
               (140, 790, CORNER), (168, 700)]
APO_FIBRES = [[(207, 630), (152, 790)], [(207, 630), (186, 800)], [(207, 630), (222, 800)],
              [(207, 630), (252, 788)]]
# hand_palm (chart points): the tendon down the middle of the wrist and the palmar aponeurosis,
# a triangle from the wrist to the bases of the four fingers.
P_TENDON = [(274, 0, CORNER), (288, 0, CORNER), (287, 120), (281, 142, CORNER), (273, 120)]
P_APO = [(280, 140, CORNER), (330, 300), (422, 560, CORNER), (350, 592), (270, 598), (190, 590),
         (158, 566, CORNER), (224, 330)]
P_APO_FIBRES = [[(280, 150), (180, 576)], [(280, 150), (250, 596)], [(280, 150), (330, 594)],
                [(280, 150), (404, 566)]]

SHAPES = {
    "forearm_front": [dict(pts=BELLY, fibres=BELLY_FIBRES),
                      dict(pts=APONEUROSIS, fibres=APO_FIBRES)],
    "hand_palm": [dict(pts=P_TENDON), dict(pts=P_APO, fibres=P_APO_FIBRES)],
}
