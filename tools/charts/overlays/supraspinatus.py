"""Supraspinatus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Supraspinatus (back): the supraspinous fossa between the superior border of the scapula and
# the spine, running laterally under the acromion and the acromioclavicular joint to the upper
# facet of the greater tubercle.  It lies under the trapezius.
SUPRA = [(45.5, 303, CORNER), (52, 295), (70, 290.5), (90, 289.5), (107, 287), (124, 285),
         (141, 286), (156, 293, CORNER), (152, 299.5), (140, 294), (124, 293), (112, 294),
         (95, 299.5), (78, 306), (62, 312.5), (47.5, 318.5, CORNER)]
SUPRA_FIBRES = [[(50, 304), (80, 300), (115, 291), (150, 294)],
                [(50, 313), (80, 304), (115, 293), (148, 296)]]

SHAPES = {
    "back": [dict(pts=SUPRA, fibres=SUPRA_FIBRES)],
}


SHAPES["shoulder_back"] = [dict(pts=closeup("shoulder_back", SUPRA),
     fibres=[closeup("shoulder_back", f) for f in SUPRA_FIBRES])]
