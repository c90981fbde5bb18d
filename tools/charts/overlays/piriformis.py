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


def _pelvis(pts):
    """Back-view half-body points (dx, y) into the pelvis_back close-up
    (PELVIS_BACK_CAM = Camera(170, 560, 2.2)); the patient's right is x = 300 + dx."""
    return [((300 + p[0] - 170) * 2.2, (p[1] - 560) * 2.2) + tuple(p[2:]) for p in pts]


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["pelvis_back"] = [
    dict(sh, pts=_pelvis(sh["pts"]), fibres=[_pelvis(f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
