"""Peroneus (fibularis) longus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# leg_side (the right lower leg from the outside, toes to the viewer's right): from the head and
# the upper two thirds of the outer fibula, the belly fills the upper half of the outer leg between
# the chart's peroneal borders; its tendon runs down over the peroneus brevis, behind the lateral
# malleolus and forward along the outer side of the foot to the groove of the cuboid, where it
# turns under the sole to the first metatarsal and the medial cuneiform (not seen from the side).
PL = [(164, 276, CORNER), (178, 262), (196, 272), (206, 320), (209, 400), (206, 500), (199, 590),
      (190, 660), (184, 730), (181, 800), (180, 845), (186, 880), (202, 900), (240, 916), (272, 930),
      (284, 938, CORNER), (270, 944), (236, 932), (196, 914), (176, 894), (168, 850), (170, 800),
      (174, 730), (176, 660), (172, 590), (164, 500), (158, 400), (157, 320)]
PL_FIBRES = [[(170, 300), (180, 450), (184, 600)], [(198, 300), (202, 450), (192, 600)]]

SHAPES = {
    "leg_side": [dict(pts=PL, fibres=PL_FIBRES)],
}
