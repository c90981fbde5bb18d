"""Gluteus maximus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gluteus maximus: from the posterior ilium behind the posterior gluteal line, the side of the
# sacrum and coccyx and the sacrotuberous ligament, running down and out to the iliotibial tract
# and the gluteal tuberosity of the femur.  Upper border as drawn on the chart; the lower border
# crosses the gluteal fold obliquely.
GMAX = [(40, 618, CORNER), (55, 632), (68, 642), (96, 668), (117, 700), (122, 730),
        (119, 770), (112, 800, CORNER), (95, 792), (70, 784), (45, 774), (20, 760), (6, 742),
        (3, 712, CORNER), (10, 697), (24, 677), (34.5, 648)]
GMAX_FIBRES = [[(36, 640), (80, 680), (118, 720)], [(22, 682), (70, 720), (116, 760)],
               [(8, 720), (50, 752), (106, 792)]]

SHAPES = {
    "back": [dict(pts=GMAX, fibres=GMAX_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["pelvis_back"] = [
    dict(sh, pts=closeup("pelvis_back", sh["pts"]),
         fibres=[closeup("pelvis_back", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
