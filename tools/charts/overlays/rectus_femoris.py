"""Rectus femoris overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Rectus femoris: from the anterior inferior iliac spine (and the rim of the acetabulum), emerging
# between the sartorius and the tensor fasciae latae, straight down the front of the thigh to the
# quadriceps tendon on the upper border of the patella.
RF = [(84, 652, CORNER), (89, 670), (91, 700), (88, 760), (82, 830), (73, 890), (64, 933),
      (58, 945, CORNER), (51, 935), (47, 895), (49, 830), (56, 760), (68, 700), (77, 668)]
RF_FIBRES = [[(82, 665), (75, 760), (58, 935)], [(86, 690), (84, 780), (62, 930)],
             [(76, 690), (60, 790), (54, 930)]]

SHAPES = {
    "front": [dict(pts=RF, fibres=RF_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["thigh_front"] = [
    dict(sh, pts=closeup("thigh_front", sh["pts"]),
         fibres=[closeup("thigh_front", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]
