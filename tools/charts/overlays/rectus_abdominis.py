"""Rectus abdominis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Rectus abdominis (front): from the pubic crest and symphysis up beside the linea alba to the
# 5th to 7th costal cartilages and the xiphoid; fibre lines mark the tendinous intersections.
RECTUS = [(3, 442, CORNER), (20, 435), (40, 429), (58, 424, CORNER), (63, 448), (66, 494), (65.5, 540),
          (61, 590), (50, 632), (34, 668), (22, 688, CORNER), (5, 692, CORNER)]
RECTUS_FIBRES = [[(3, 468), (30, 472), (64, 466)], [(3, 518), (35, 521), (66, 515)],
                 [(3, 562), (35, 565), (65, 561)]]

SHAPES = {
    "front": [dict(pts=RECTUS, fibres=RECTUS_FIBRES)],
    # seen through the body from behind (the back pain bands are on this view)
    "back": [dict(pts=RECTUS, deep=True)],
}

# on the abdomen close-up: the front shapes through its camera
SHAPES["abdomen"] = closeup_shapes("abdomen", SHAPES["front"])

# on the low_back close-up: the back shapes through its camera
SHAPES["low_back"] = closeup_shapes("low_back", SHAPES["back"])
