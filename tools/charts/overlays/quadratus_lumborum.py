"""Quadratus lumborum overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Quadratus lumborum (back): 12th rib (medial half) and L1-L4 transverse processes above,
# iliolumbar ligament and posterior iliac crest below; free lateral border.
QL = [(17, 494, CORNER), (36, 502), (52, 509.5), (64, 515.5, CORNER), (71, 536), (80, 561),
      (91, 586, CORNER), (78, 594), (64, 602), (50, 611), (42, 619, CORNER), (36, 606),
      (38.5, 590), (34, 578), (40.5, 563), (32, 552), (33.5, 539), (26, 528), (27.5, 515),
      (20, 506)]
QL_FIBRES = [[(30, 500), (45, 560), (60, 603)],           # iliocostal (near vertical)
             [(56, 512), (70, 560), (82, 590)],
             [(50, 607), (44, 585), (38.5, 560)],           # iliolumbar
             [(36, 563), (48, 530), (58, 512)]]             # lumbocostal

SHAPES = {
    "back": [dict(pts=QL, fibres=QL_FIBRES)],
    # seen through the abdomen from the front
    "front": [dict(pts=QL, deep=True)],
}

# on the low_back close-up: the back shapes through its camera
SHAPES["low_back"] = closeup_shapes("low_back", SHAPES["back"])

# on the abdomen close-up: the front shapes through its camera
SHAPES["abdomen"] = closeup_shapes("abdomen", SHAPES["front"])
