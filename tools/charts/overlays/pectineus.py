"""Pectineus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Pectineus: a flat quadrangular muscle from the pecten (pectineal line) of the pubis, between the
# iliopectineal eminence and the pubic tubercle, down and out to the pectineal line of the femur
# just below the lesser trochanter.  It floors the femoral triangle between iliopsoas (lateral)
# and adductor longus (medial).  Front-view half-body points (dx, y).
PECTINEUS = [(22, 690, CORNER), (34, 684), (48, 676, CORNER), (60, 696), (70, 720),
             (74, 738, CORNER), (70, 752, CORNER), (58, 740), (44, 724), (30, 706)]
FIBRES = [[(30, 690), (50, 712), (66, 740)], [(42, 682), (58, 706), (71, 732)]]

SHAPES = {
    "front": [dict(pts=PECTINEUS, fibres=FIBRES)],
}


SHAPES["thigh_front"] = [dict(pts=closeup("thigh_front", PECTINEUS),
     fibres=[closeup("thigh_front", f) for f in FIBRES])]
