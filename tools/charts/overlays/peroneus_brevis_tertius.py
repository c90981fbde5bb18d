"""Peroneus brevis and tertius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# leg_side (the right lower leg from the outside).  Peroneus brevis: from the lower two thirds of
# the outer surface of the fibula, under the peroneus longus, its tendon passing behind the lateral
# malleolus and forward to the tuberosity of the fifth metatarsal base.  Peroneus tertius: from
# the lower third of the front of the fibula (the lowest part of the extensor digitorum longus),
# its tendon crossing the front of the ankle to the back of the fifth metatarsal base.
PB = [(162, 470, CORNER), (186, 476), (196, 580), (200, 700), (198, 790), (190, 838), (192, 886),
      (240, 918), (300, 942), (318, 954, CORNER), (306, 962), (240, 936), (180, 902), (170, 852),
      (170, 790), (164, 700), (156, 580)]
PB_FIBRES = [[(174, 500), (182, 640), (186, 780), (184, 860)]]
PT = [(236, 660, CORNER), (252, 668), (262, 760), (276, 850), (312, 928), (324, 944, CORNER),
      (308, 948), (268, 868), (248, 800), (238, 720)]

SHAPES = {
    "leg_side": [dict(pts=PB, fibres=PB_FIBRES), dict(pts=PT)],
}
