"""Deltoid overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Deltoid: the cap of the shoulder, from the lateral third of the clavicle (anterior part), the
# acromion (middle part) and the spine of the scapula (posterior part) to the deltoid tuberosity
# halfway down the outer humerus.
# Front: anterior and middle parts, medial edge along the deltopectoral groove.
DELTOID_FRONT = [(110, 281, CORNER), (125, 279.5), (140, 281.5), (150, 285), (159, 291),
                 (166, 299), (174, 330), (179.5, 360), (182, 389), (178, 408, CORNER),
                 (160, 394), (143, 376), (130, 360), (124, 335), (119, 305)]
DELTOID_FRONT_FIBRES = [[(125, 285), (140, 340), (168, 402)], [(148, 287), (160, 340), (172, 400)]]
# Back: posterior and middle parts, from the lower lip of the scapular spine.
DELTOID_BACK = [(100, 306, CORNER), (114, 302), (130, 298.5), (144, 295), (152, 293), (161, 296),
                (168, 302), (174, 330), (179.5, 360), (182, 389), (178, 408, CORNER),
                (158, 390), (142, 367), (128, 345), (113, 323)]
DELTOID_BACK_FIBRES = [[(110, 308), (140, 350), (170, 403)], [(140, 299), (158, 345), (173, 400)]]

SHAPES = {
    "front": [dict(pts=DELTOID_FRONT, fibres=DELTOID_FRONT_FIBRES)],
    "back": [dict(pts=DELTOID_BACK, fibres=DELTOID_BACK_FIBRES)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["chest"] = [
    dict(sh, pts=closeup("chest", sh["pts"]),
         fibres=[closeup("chest", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["shoulder_back"] = [
    dict(sh, pts=closeup("shoulder_back", sh["pts"]),
         fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
