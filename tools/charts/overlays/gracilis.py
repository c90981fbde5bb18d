"""Gracilis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gracilis: the most superficial and medial adductor, a thin strap from the lower body of the
# pubis and its inferior ramus (beside the symphysis) straight down the inner thigh, its tendon
# passing behind the medial femoral condyle to the pes anserinus on the upper medial tibia.
# Front-view half-body points (dx, y): from the front it is the inner edge of the thigh.
GRACILIS = [(3, 700, CORNER), (16, 698, CORNER), (16, 740), (18, 800), (21, 860), (25, 920),
            (29, 960), (36, 1000), (44, 1024, CORNER), (38, 1028, CORNER), (28, 1004), (22, 968),
            (17, 925), (12, 870), (8.5, 815), (5.5, 770), (3, 730)]
FIBRES = [[(9, 710), (12, 800), (18, 900), (28, 980)]]

SHAPES = {
    "front": [dict(pts=GRACILIS, fibres=FIBRES)],
}


SHAPES["thigh_front"] = [dict(pts=closeup("thigh_front", GRACILIS),
     fibres=[closeup("thigh_front", f) for f in FIBRES])]
