"""Adductor magnus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Adductor magnus: from the inferior pubic ramus, the ischial ramus and the ischial tuberosity,
# fanning to the whole linea aspera and, by its vertical (hamstring) part, to the adductor tubercle
# above the medial femoral condyle.  Front: its anterior part, deep to adductor longus and gracilis.
AM_FRONT = [(12, 702, CORNER), (30, 700), (40, 730), (44, 780), (42, 840), (36, 900),
            (32, 935, CORNER), (26, 932), (22, 890), (14, 830), (8, 770), (6, 730)]
# back: the medial strip of the posterior thigh, medial to the semitendinosus
AM_BACK = [(10, 760, CORNER), (40, 752), (38, 800), (34, 870), (31, 935), (29, 975, CORNER),
           (23, 960), (18, 900), (14, 840), (10, 790)]
AM_BACK_FIBRES = [[(20, 760), (24, 870), (28, 965)]]

SHAPES = {
    "front": [dict(pts=AM_FRONT, deep=True)],
    "back": [dict(pts=AM_BACK, fibres=AM_BACK_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["thigh_front"] = [
    dict(sh, pts=closeup("thigh_front", sh["pts"]),
         fibres=[closeup("thigh_front", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["pelvis_back"] = [
    dict(sh, pts=closeup("pelvis_back", sh["pts"]),
         fibres=[closeup("pelvis_back", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
