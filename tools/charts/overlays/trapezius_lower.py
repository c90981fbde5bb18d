"""Lower trapezius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Lower trapezius (back): fibres rising from the spinous processes of T4 to T12 to the tubercle at
# the root of the scapular spine; its free lateral border is the one drawn on the chart.
TRAP_LOWER = [(0, 330, CORNER), (25, 328.5), (51, 328, CORNER), (47, 356), (37, 405), (22, 455),
              (2, 488, CORNER)]
TRAP_LOWER_FIBRES = [[(3, 470), (25, 420), (42, 370), (49, 335)],
                     [(3, 420), (22, 385), (45, 336)],
                     [(3, 370), (25, 350), (47, 331)]]

SHAPES = {
    "back": [dict(pts=TRAP_LOWER, fibres=TRAP_LOWER_FIBRES)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
