"""Biceps brachii overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Biceps brachii (front): long head from the top of the shoulder joint down the bicipital groove,
# short head from the coracoid process; one belly in the front of the arm, tendon to the radial
# tuberosity just below the elbow crease.
BICEPS = [(140, 291, CORNER), (146.7, 303.6), (156.1, 333), (168.3, 366.7), (178.1, 400.9),
          (185.4, 435.5), (189.2, 470.8), (188.8, 502), (187.6, 523.8), (189.9, 541.7),
          (191.3, 554.5, CORNER), (185.4, 555.6, CORNER), (179.8, 541.7), (170.5, 524.5),
          (160.2, 507.2), (150.3, 477.8), (143.6, 443.1), (139.2, 408), (135.5, 372),
          (127, 346), (118, 322), (109, 301, CORNER), (121, 305), (131, 318, CORNER), (136, 303)]
BICEPS_FIBRES = [[(131, 318), (150, 400), (165, 470), (180, 525)],
                 [(143, 300), (163, 380), (178, 450), (186, 530)],
                 [(115, 310), (140, 380), (155, 450), (176, 530)]]

SHAPES = {
    "front": [dict(pts=BICEPS, fibres=BICEPS_FIBRES)],
    # seen through the arm from behind (the suprascapular spillover zone is on this view)
    "back": [dict(pts=BICEPS, deep=True)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["chest"] = [
    dict(sh, pts=closeup("chest", sh["pts"]),
         fibres=[closeup("chest", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]
