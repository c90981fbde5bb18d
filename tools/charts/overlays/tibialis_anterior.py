"""Tibialis anterior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Tibialis anterior: from the lateral tibial condyle and the upper two thirds of the lateral
# surface of the tibia (just lateral to the shin crest), its tendon crossing the front of the ankle
# medially to the medial cuneiform and the base of the first metatarsal.
TA = [(60, 1020, CORNER), (72, 1018), (80, 1040), (82, 1100), (78, 1160), (70, 1210), (60, 1255),
      (52, 1290), (44, 1315), (38, 1328, CORNER), (34, 1322), (42, 1290), (52, 1250), (58, 1200),
      (60, 1140), (58, 1080)]
TA_FIBRES = [[(66, 1030), (70, 1120), (62, 1210)]]

SHAPES = {
    "front": [dict(pts=TA, fibres=TA_FIBRES)],
}


# foot_top (the dorsum from above): the tendon over the front of the ankle to the medial cuneiform
# and the base of the first metatarsal, on the chart's line.
SHAPES["foot_top"] = [dict(pts=tendon_strip([(168, 1030), (158, 860), (146, 750), (120, 660), (100, 600)], 8))]


# leg_side (the right lower leg from the outside, LEG_SIDE_CAM): the belly seen just behind the shin
# crest, in front of the extensor digitorum longus, from the lateral tibial condyle below the knee;
# it narrows to its tendon in the lower third, which crosses the front of the ankle and turns to the
# inner side of the foot, out of this view.
TA_SIDE = [(262, 298, CORNER), (286, 300), (296, 340), (294, 420), (289, 500), (283, 580),
           (276, 660), (268, 730), (264, 780), (264, 830), (272, 862), (286, 882, CORNER),
           (276, 888, CORNER), (260, 866), (252, 830), (252, 780), (254, 730), (258, 660),
           (260, 580), (260, 500), (258, 420), (256, 350)]
TA_SIDE_FIBRES = [[(272, 310), (276, 420), (270, 600), (260, 760), (262, 840)]]
SHAPES["leg_side"] = [dict(pts=TA_SIDE, fibres=TA_SIDE_FIBRES)]
