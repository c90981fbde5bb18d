"""Longissimus thoracis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# back (half-body points, patient's right): the middle column of the erector spinae, from the back
# of the sacrum and the iliac crest up beside the spine to the upper thoracic transverse processes
# and ribs, between the multifidus (medial) and the iliocostalis (lateral).
LONG = [(14, 300, CORNER), (24, 296), (32, 330), (36, 390), (39, 450), (42, 510), (44, 560),
        (43, 605), (36, 640, CORNER), (20, 648), (16, 610), (17, 550), (17, 480), (16, 410),
        (15, 350)]
FIBRES = [[(20, 310), (25, 420), (28, 540), (30, 630)], [(28, 330), (34, 440), (38, 560)]]

SHAPES = {
    "back": [dict(pts=LONG, fibres=FIBRES)],
}

# on the low_back close-up: the back shapes through its camera
SHAPES["low_back"] = closeup_shapes("low_back", SHAPES["back"])
