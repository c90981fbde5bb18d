"""Subscapularis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Subscapularis: the whole costal (front) surface of the scapula, between the scapula and the
# ribs, converging under the shoulder joint to the lesser tubercle on the front of the humerus.
# From behind it is hidden by the scapula: drawn as a projection (back view).
SUBSCAP = [(50, 298.5), (45.5, 304), (45, 330), (49.5, 364), (57, 391), (65, 402, CORNER),
           (74, 397), (90, 374), (107, 348), (118, 330), (128, 319), (141, 314),
           (151, 311, CORNER), (146, 303), (130, 300.5), (110, 299), (90, 299), (70, 296.5)]

SHAPES = {
    "back": [dict(pts=SUBSCAP, deep=True)],
    # from the front it lies behind the chest wall and the axilla, also a projection
    "front": [dict(pts=SUBSCAP, deep=True)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
