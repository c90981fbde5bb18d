"""Iliocostalis (thoracis and lumborum) overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Iliocostalis lumborum and thoracis (back): the lateral column of the erector spinae, from the
# sacrum and iliac crest (common erector tendon) along the rib angles up to the upper ribs.
ILIOCOSTALIS = [(38, 306, CORNER), (46, 305), (49, 340), (51, 380), (53, 420), (55, 460), (56.5, 500),
                (57, 540), (55, 580), (50, 606), (42, 628, CORNER), (33, 624, CORNER), (37, 600),
                (40, 560), (41, 520), (40, 480), (38, 440), (36, 400), (35, 360), (36, 330)]
ILIOCOSTALIS_FIBRES = [[(40, 320), (44, 400), (48, 480), (47, 560), (40, 615)],
                       [(44, 320), (49, 400), (53, 480), (52, 560), (45, 615)]]

SHAPES = {
    "back": [dict(pts=ILIOCOSTALIS, fibres=ILIOCOSTALIS_FIBRES)],
    # seen through the body from the front (the abdominal spillover zone is on this view)
    "front": [dict(pts=ILIOCOSTALIS, deep=True)],
}

# on the low_back close-up: the back shapes through its camera
SHAPES["low_back"] = closeup_shapes("low_back", SHAPES["back"])
