"""Long toe flexors overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# leg (from behind, sole toward the viewer; medial on the viewer's left).  Flexor digitorum
# longus: from the back of the tibia below the soleal line, down the medial side of the calf,
# its tendon behind the medial malleolus into the sole, dividing to toes 2 to 5.  Flexor hallucis
# longus: from the lower two thirds of the back of the fibula, crossing behind the ankle to the
# medial side, along the sole to the end phalanx of the big toe.  Both lie under the soleus:
# drawn as deep in the calf; their tendons in the sole are drawn as seen.
FDL = [(124, 210, CORNER), (140, 214), (142, 300), (138, 400), (134, 500), (130, 600),
       (128, 640, CORNER), (120, 636), (118, 560), (118, 460), (118, 360), (118, 260)]
FHL = [(214, 300, CORNER), (224, 330), (222, 420), (210, 520), (180, 600), (148, 650, CORNER),
       (138, 642), (160, 596), (186, 520), (196, 430), (200, 340)]
FDL_SOLE = [(132, 820, CORNER), (150, 836), (178, 868), (210, 896), (214, 906, CORNER),
            (200, 904), (170, 880), (144, 850), (128, 832)]
FHL_SOLE = [(122, 830, CORNER), (132, 834), (138, 880), (146, 930), (148, 958, CORNER),
            (138, 958), (132, 930), (124, 880)]

SHAPES = {
    "leg": [dict(pts=FDL, deep=True), dict(pts=FHL, deep=True), dict(pts=FDL_SOLE),
            dict(pts=FHL_SOLE)],
}


# foot_sole (the sole from below): the tendons deep in the sole, flexor hallucis longus along the
# medial sole to the big toe's distal phalanx, flexor digitorum longus crossing it obliquely and
# dividing into four slips to the lesser toes' distal phalanges.  Deep: drawn as projections.
SHAPES["foot_sole"] = [dict(pts=tendon_strip([(272, 800), (286, 660), (300, 520), (316, 400), (318, 260),
                                        (318, 150)], 7), deep=True),
                       dict(pts=tendon_strip([(262, 770), (240, 660), (214, 580), (204, 530)], 8), deep=True)] + \
    [dict(pts=tendon_strip([(204, 530), ((204 + t[0]) / 2.0, 420), t], 4.5), deep=True)
     for t in ((233, 190), (179, 220), (126, 252), (74, 304))]
