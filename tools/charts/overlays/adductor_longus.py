"""Adductor longus (and brevis) overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Adductor longus: from the front of the pubic body just below the pubic crest, fanning down and
# out to the middle third of the linea aspera; its lateral border (drawn on the chart) forms the
# medial side of the femoral triangle.  Adductor brevis lies behind it, higher and shorter.
AL = [(10, 694, CORNER), (21, 694), (31, 740), (40, 778), (48, 810), (47, 825, CORNER),
      (40, 822), (30, 800), (20, 770), (12, 740), (8, 712)]
AL_FIBRES = [[(15, 700), (28, 760), (44, 815)]]
AB = [(20, 700, CORNER), (34, 700), (46, 735), (54, 770), (50, 778, CORNER), (38, 760), (26, 730)]

SHAPES = {
    "front": [dict(pts=AB, deep=True), dict(pts=AL, fibres=AL_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["thigh_front"] = [
    dict(sh, pts=closeup("thigh_front", sh["pts"]),
         fibres=[closeup("thigh_front", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]
