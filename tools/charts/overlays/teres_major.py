"""Teres major overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Teres major (back): from the dorsal surface of the inferior angle and the lower third of the
# lateral border of the scapula, below the teres minor, a thick band running up and out in the
# posterior axillary fold (with the latissimus tendon wrapped round it) and passing in front of
# the long head of the triceps to the medial lip of the bicipital groove on the front of the
# humerus, so from behind it disappears into the arm just below the shoulder joint.
TM = [(60, 405, CORNER), (70, 404.5), (86, 397), (104, 389.5), (121, 384), (130, 377, CORNER),
      (128, 366), (124, 356, CORNER), (112, 362), (96, 374), (80, 386), (66, 396)]
TM_FIBRES = [[(66, 401), (95, 388), (127, 370)], [(72, 393), (100, 378), (125, 362)]]


SHAPES = {
    "back": [dict(pts=TM, fibres=TM_FIBRES)],
    "shoulder_back": [dict(pts=closeup("shoulder_back", TM),
         fibres=[closeup("shoulder_back", f) for f in TM_FIBRES])],
}
