"""Tensor fasciae latae overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Tensor fasciae latae.
# Side view coordinates (side.svg; hip_side is the same drawing magnified, HIP_CAM): from the ASIS
# and the front of the crest's outer lip, in front of the gluteus medius, down and slightly back
# over the front of the greater trochanter into the iliotibial band about a quarter of the way
# down the thigh.
TFL_SIDE = [(346, 626, CORNER), (343, 642), (336, 675), (328, 712), (321, 745), (318, 766, CORNER),
            (309, 764, CORNER), (307, 730), (308, 695), (313, 662), (320, 632), (329, 604, CORNER),
            (339, 610)]
TFL_SIDE_FIBRES = [[(334, 612), (322, 680), (313, 750)], [(343, 632), (332, 690), (318, 758)]]


SHAPES = {
    "side": [dict(pts=TFL_SIDE, fibres=TFL_SIDE_FIBRES)],
    "hip_side": [dict(pts=closeup("hip_side", TFL_SIDE, absolute=True),
         fibres=[closeup("hip_side", f, absolute=True) for f in TFL_SIDE_FIBRES])],
}
