"""Abductor hallucis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Abductor hallucis: along the medial border of the sole, from the medial process of the calcaneal
# tuberosity (and the flexor retinaculum) forward over the medial arch to the medial side of the
# base of the big toe's proximal phalanx.  foot_sole chart points (the medial border on the
# viewer's right).
SHAPES = {
    "foot_sole": [dict(pts=[(262, 880, CORNER), (276, 846), (291, 820), (294, 760), (299, 680),
                            (310, 600), (330, 520), (350, 440), (362, 372), (364, 322),
                            (352, 300, CORNER), (338, 340), (322, 420), (302, 500), (280, 590),
                            (266, 680), (258, 780)],
                       fibres=[[(276, 860), (280, 700), (312, 540), (352, 340)]])],
}
