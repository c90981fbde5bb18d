"""Flexor digitorum brevis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Flexor digitorum brevis: the central superficial muscle of the sole, under the plantar
# aponeurosis, from the medial process of the calcaneal tuberosity forward to four tendons that
# split to the middle phalanges of the second to fifth toes.  foot_sole chart points.
BELLY = [(182, 800, CORNER), (230, 800, CORNER), (244, 720), (254, 620), (262, 520), (268, 450),
         (262, 330, CORNER), (250, 330, CORNER), (236, 436), (210, 446), (204, 318, CORNER),
         (194, 318, CORNER), (190, 448), (164, 450), (152, 330, CORNER), (142, 330, CORNER),
         (140, 452), (116, 444), (100, 360, CORNER), (92, 362, CORNER), (100, 450), (130, 560),
         (162, 660), (174, 740)]

SHAPES = {
    "foot_sole": [dict(pts=BELLY, fibres=[[(206, 790), (204, 600), (200, 460)],
                                          [(190, 760), (160, 560), (120, 450)],
                                          [(220, 760), (246, 560), (256, 450)]])],
}
