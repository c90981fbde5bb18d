"""Long toe extensors overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# leg_side (the right lower leg from the outside, toes to the viewer's right).  Extensor digitorum
# longus: from the lateral tibial condyle, the upper three quarters of the front of the fibula and
# the interosseous membrane, between the tibialis anterior and the peroneals, its tendons crossing
# the front of the ankle and fanning over the top of the foot to the four lesser toes.  Extensor
# hallucis longus: from the middle half of the front of the fibula, deep between the tibialis
# anterior and the digitorum, surfacing in the lower third; its tendon runs to the big toe (beyond
# the lesser toes in this view).
EDL = [(226, 282, CORNER), (248, 290), (256, 380), (258, 500), (258, 640), (260, 760), (264, 834),
       (294, 880), (356, 904), (420, 924), (480, 946), (510, 962, CORNER), (498, 968), (440, 950),
       (380, 930), (318, 910), (276, 884), (248, 842), (238, 760), (228, 640), (220, 500),
       (214, 380)]
EDL_FIBRES = [[(236, 300), (240, 500), (250, 760), (264, 850)], [(300, 890), (400, 926), (500, 962)]]
EHL = [(246, 470, CORNER), (258, 480), (264, 600), (266, 720), (270, 826), (300, 878), (378, 902),
       (440, 922), (500, 948), (520, 962, CORNER), (508, 966), (440, 934), (378, 914), (300, 892),
       (258, 842), (250, 720), (246, 600)]

# front: the tendons on the top of the foot (digitorum to the lesser toes, hallucis to the big toe)
EDL_FRONT = [(64, 1292, CORNER), (76, 1292, CORNER), (78, 1312), (72, 1334), (68, 1352, CORNER),
             (58, 1350, CORNER), (62, 1332), (66, 1312)]
EHL_FRONT = [(44, 1300, CORNER), (50, 1300), (48, 1326), (42, 1356, CORNER), (36, 1354), (40, 1326)]

SHAPES = {
    "leg_side": [dict(pts=EDL, fibres=EDL_FIBRES), dict(pts=EHL)],
    "front": [dict(pts=EDL_FRONT), dict(pts=EHL_FRONT)],
}


# foot_top (the dorsum from above): the tendons on the top of the foot, extensor hallucis longus to
# the big toe, extensor digitorum longus fanning to the four lesser toes, on the chart's lines.
SHAPES["foot_top"] = [dict(pts=tendon_strip([(190, 1030), (184, 860), (172, 740), (134, 560), (100, 400),
                                       (84, 300), (84, 190)], 6))] + \
    [dict(pts=tendon_strip([(232, 1030), (232, 860), (231, 760)], 7))] + \
    [dict(pts=tendon_strip([(231, 760), ((230 + t[0]) / 2.0, 540), (t[0], 360), t], 4.5))
     for t in ((168, 196), (222, 220), (276, 250), (332, 296))]
