"""Levator scapulae overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Levator scapulae (back): slips from the transverse processes of C1 to C4 (under the
# sternocleidomastoid and splenius) twisting down and out to the superior angle of the scapula
# and the medial border above the root of the spine.  Under the upper trapezius except in the
# posterior triangle.
LEVATOR = [(36, 171, CORNER), (39, 190), (41, 212), (44, 236), (48, 258), (52, 280),
           (55, 296, CORNER), (50, 304), (46.5, 318, CORNER), (42, 300), (37, 280), (32, 258),
           (28, 235), (26, 212, CORNER), (29, 200), (31, 186)]
LEVATOR_FIBRES = [[(34, 178), (38, 230), (46, 275), (52, 296)],
                  [(29, 206), (34, 250), (40, 285), (47, 312)]]

SHAPES = {
    "back": [dict(pts=LEVATOR, fibres=LEVATOR_FIBRES)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
