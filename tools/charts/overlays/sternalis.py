"""Sternalis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# A strap lengthwise over the sternum beside the midline, from the manubrium (continuous with the
# sternal tendon of the sternocleidomastoid) down to the costal cartilages of the 5th to 7th ribs,
# on the sternal origin of the pectoralis major.  Half-body points (dx, y) of the front chart.
STERNALIS = [(3, 292, CORNER), (11, 294), (16, 318), (18, 360), (17, 400), (14, 438),
             (7, 450, CORNER), (3, 430), (2, 380), (2, 330)]
FIBRES = [[(8, 298), (9, 360), (8, 440)], [(13, 305), (14, 370), (12, 435)]]


SHAPES = {
    "chest": [dict(pts=closeup("chest", STERNALIS), fibres=[closeup("chest", f) for f in FIBRES])],
    "front": [dict(pts=STERNALIS, fibres=FIBRES)],
}
