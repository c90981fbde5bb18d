"""Infraspinatus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Infraspinatus (back): the infraspinous fossa below the scapular spine, from the medial border
# nearly down to the inferior angle, converging laterally into a tendon that crosses behind the
# shoulder joint to the middle facet of the greater tubercle.  Its lower lateral edge borders
# the teres minor and teres major along the lateral border of the scapula.
INFRA = [(47, 328, CORNER), (62, 322), (80, 315.5), (100, 308.5), (118, 303), (136, 300),
         (150, 301.5), (159, 307, CORNER), (154, 315), (140, 319), (125, 325), (113, 335),
         (99, 351), (86, 369), (74, 387), (66, 397, CORNER), (58, 389), (52.5, 370), (49, 350)]
INFRA_FIBRES = [[(52, 334), (90, 320), (125, 309), (152, 305)],
                [(54, 360), (90, 336), (125, 316), (152, 308)],
                [(60, 386), (85, 358), (115, 327), (150, 311)]]

SHAPES = {
    "back": [dict(pts=INFRA, fibres=INFRA_FIBRES)],
    # seen through the chest from the front (the docs/CHARTS.md convention for hidden muscles),
    # so the learner sees how far the front-of-shoulder pain lies from the muscle
    "front": [dict(pts=INFRA, deep=True)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
