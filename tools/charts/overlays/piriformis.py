"""Piriformis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Piriformis: from the front of the sacrum (S2-S4, projected just inside its lateral border) out
# through the greater sciatic notch to the top of the greater trochanter, under the gluteus maximus.
PIRI = [(18, 650, CORNER), (34, 647), (55, 650), (80, 654), (104, 657), (120, 659, CORNER),
        (120, 667, CORNER), (102, 669), (80, 673), (56, 680), (36, 688), (18, 692, CORNER),
        (16, 670)]
PIRI_FIBRES = [[(24, 660), (70, 660), (116, 662)], [(24, 682), (70, 670), (116, 665)]]

SHAPES = {
    "back": [dict(pts=PIRI, fibres=PIRI_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["pelvis_back"] = [
    dict(sh, pts=closeup("pelvis_back", sh["pts"]),
         fibres=[closeup("pelvis_back", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
