"""Sartorius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Sartorius: the long strap muscle from the ASIS obliquely across the front of the thigh to the
# inner side of the knee, behind the vastus medialis bulge, ending in the pes anserinus on the
# upper medial tibia.  Front-view half-body points (dx, y), between the chart's sartorius borders.
SARTORIUS = [(92, 630, CORNER), (86, 636), (86, 660), (75, 700), (59, 770), (45, 832), (35, 868),
             (28, 905), (24, 945), (25, 985), (38, 1024, CORNER), (44, 1026, CORNER), (34, 985),
             (32, 945), (38, 905), (50, 872), (62, 832), (78, 760), (90, 690), (94, 640)]
FIBRES = [[(90, 650), (76, 740), (52, 850), (30, 950), (40, 1020)]]

SHAPES = {
    "front": [dict(pts=SARTORIUS, fibres=FIBRES)],
}


SHAPES["thigh_front"] = [dict(pts=closeup("thigh_front", SARTORIUS),
     fibres=[closeup("thigh_front", f) for f in FIBRES])]
