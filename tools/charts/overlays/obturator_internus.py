"""Obturator internus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Obturator internus: a fan inside the lesser pelvis, from the inner surface of the obturator
# membrane and the bone around it, its fibres converging on the lesser sciatic notch, where the
# tendon turns a right angle and runs outward (with the gemelli) to the medial surface of the
# greater trochanter.  Inside the pelvis and under gluteus maximus: drawn as a projection.
# Back-view half-body points (dx, y) on the patient's right (x = 300 + dx).
OI = [(24, 704, CORNER), (38, 690), (54, 694), (64, 688), (90, 680), (114, 668, CORNER),
      (117, 680, CORNER), (92, 694), (68, 708), (60, 728), (46, 744), (32, 740), (24, 724)]

SHAPES = {
    "back": [dict(pts=OI, deep=True)],
}


SHAPES["pelvis_back"] = [dict(pts=closeup("pelvis_back", OI), deep=True)]
