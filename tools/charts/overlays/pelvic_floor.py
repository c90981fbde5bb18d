"""Pelvic floor overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# The pelvic floor seen from behind: coccygeus from the ischial spines to the sides of the lower
# sacrum and the coccyx; levator ani from the back of the pubis and the obturator fascia (its
# tendinous arch) to the anococcygeal body, the coccyx and around the anal canal, with the
# external anal sphincter.  A midline sheet on both sides, inside the pelvis: drawn as a projection
# in chart coordinates (absolute).
FLOOR = [(262, 690, CORNER), (280, 686), (292, 690), (300, 704), (308, 690), (320, 686),
         (338, 690, CORNER), (344, 712), (336, 734), (316, 746), (300, 744), (284, 746),
         (264, 734), (256, 712)]

SHAPES = {
    "back": [dict(pts=FLOOR, deep=True, absolute=True)],
}


SHAPES["pelvis_back"] = [dict(pts=closeup("pelvis_back", FLOOR, absolute=True), deep=True)]
