"""Gluteus medius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gluteus medius: a fan from the outer ilium just below the iliac crest, between the posterior
# gluteal line (near the PSIS) and the anterior gluteal line, converging on the lateral surface of
# the greater trochanter.  Its posterior part lies under the gluteus maximus (upper border drawn on
# the chart); the rest is covered only by fascia.
GMED_BACK = [(44, 622, CORNER), (55, 611), (75, 598), (95, 591), (107, 594), (114, 601),
             (119, 620), (122.5, 645), (121, 667, CORNER), (116, 675, CORNER), (105, 668),
             (88, 655), (70, 643), (55, 633)]
GMED_BACK_FIBRES = [[(60, 616), (85, 640), (110, 668)],
                    [(90, 596), (104, 630), (116, 668)],
                    [(114, 598), (119, 630), (120, 664)]]

# Side view coordinates (side.svg); hip_side is the same drawing magnified (HIP_CAM).  The fan
# runs under the outer lip of the crest from near the PSIS to just behind the tensor fasciae latae
# and converges on the top and outer face of the greater trochanter; its back part passes under
# the anterior border of gluteus maximus.
GMED_SIDE = [(247, 608, CORNER), (262, 596), (285, 588), (310, 591), (328, 602, CORNER),
             (320, 622), (310, 642), (301, 664, CORNER), (290, 672), (279, 666, CORNER),
             (268, 648), (256, 628)]
GMED_SIDE_FIBRES = [[(256, 612), (270, 640), (283, 664)], [(285, 594), (288, 630), (290, 666)],
                    [(322, 604), (308, 632), (297, 664)]]


SHAPES = {
    "back": [dict(pts=GMED_BACK, fibres=GMED_BACK_FIBRES)],
    "hip_side": [dict(pts=closeup("hip_side", GMED_SIDE, absolute=True),
         fibres=[closeup("hip_side", f, absolute=True) for f in GMED_SIDE_FIBRES])],
}
