"""Teres minor overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Teres minor (back): a narrow band from the upper two thirds of the lateral border of the
# scapula, between the infraspinatus above and the teres major below, to the lowest facet of the
# greater tubercle behind the humeral head.
TERES_MINOR = [(121, 323, CORNER), (113, 337), (104, 352), (97, 364, CORNER), (110, 360),
               (125, 350), (140, 338), (152, 328), (159, 322, CORNER), (150, 318.5), (136, 320)]
TERES_MINOR_FIBRES = [[(112, 342), (135, 331), (155, 322)], [(104, 357), (130, 342), (156, 324)]]

SHAPES = {
    "back": [dict(pts=TERES_MINOR, fibres=TERES_MINOR_FIBRES)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
