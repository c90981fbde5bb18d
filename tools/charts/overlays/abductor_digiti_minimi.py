"""Abductor digiti minimi overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Abductor digiti minimi (pedis): along the lateral border of the sole, from the lateral and
# medial processes of the calcaneal tuberosity forward past the base of the fifth metatarsal to
# the lateral side of the little toe's proximal phalanx.  foot_sole chart points (the lateral
# border on the viewer's left).
SHAPES = {
    "foot_sole": [dict(pts=[(150, 880, CORNER), (116, 890), (103, 846), (102, 772), (96, 700),
                            (86, 624), (74, 560), (62, 490), (54, 425), (52, 372),
                            (62, 350, CORNER), (74, 360), (84, 430), (100, 520), (118, 620),
                            (130, 720), (140, 800)],
                       fibres=[[(128, 860), (112, 700), (84, 540), (64, 380)]])],
}
