"""Vastus medialis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Vastus medialis: from the intertrochanteric line and the medial lip of the linea aspera, along
# the medial thigh (under the sartorius above), bulging just above and medial to the knee and
# ending on the medial border of the patella.
VM = [(30, 780, CORNER), (40, 800), (46, 840), (50, 880), (52, 915), (50, 945), (44, 955, CORNER),
      (36, 945), (26, 925), (20, 900), (17, 860), (14, 820), (10, 790)]
VM_FIBRES = [[(20, 800), (30, 870), (44, 945)]]

SHAPES = {
    "front": [dict(pts=VM, fibres=VM_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["thigh_front"] = [
    dict(sh, pts=closeup("thigh_front", sh["pts"]),
         fibres=[closeup("thigh_front", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]
