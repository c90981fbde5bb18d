"""Gastrocnemius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gastrocnemius: medial and lateral heads from the back of the femoral condyles, meeting in the
# middle of the calf and ending in the Achilles tendon (the chart's calf lines).
MEDIAL = [(38, 978, CORNER), (55, 985), (57, 1010), (57, 1140), (53, 1178, CORNER), (40, 1160),
          (28, 1110), (25, 1050), (30, 1000)]
LATERAL = [(60, 985, CORNER), (78, 978), (84, 1000), (90, 1050), (85, 1110), (73, 1150),
           (62, 1172, CORNER), (58, 1140), (58, 1010)]
MEDIAL_FRONT = [(23, 1006, CORNER), (26, 1030), (28.5, 1080), (28.5, 1130), (26, 1160, CORNER),
                (22, 1142), (19, 1090), (19, 1050), (21.5, 1022)]
MEDIAL_FIBRES = [[(42, 990), (36, 1080), (50, 1170)]]
LATERAL_FIBRES = [[(72, 990), (80, 1080), (64, 1165)]]

SHAPES = {
    "back": [dict(pts=MEDIAL, fibres=MEDIAL_FIBRES), dict(pts=LATERAL, fibres=LATERAL_FIBRES)],
    # from the front only the edge of the medial head shows, behind the inner border of the tibia
    "front": [dict(pts=MEDIAL_FRONT)],
}


# leg (the close-up from behind): the same two heads, on the chart's gastrocnemius borders, their
# lower ends at the musculotendinous junction in mid-calf.
SHAPES["leg"] = [dict(pts=closeup("leg", MEDIAL),
     fibres=[closeup("leg", f) for f in MEDIAL_FIBRES]),
                 dict(pts=closeup("leg", LATERAL),
                      fibres=[closeup("leg", f) for f in LATERAL_FIBRES])]

# foot_sole: the muscle ends at the back of the heel and does not reach the sole; the view carries
# only TP1's instep zone, so its overlay is empty.
SHAPES["foot_sole"] = []
