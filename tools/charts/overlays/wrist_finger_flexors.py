"""Wrist and finger flexors overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# The flexor mass on the front of the forearm (forearm_front, palm forward, thumb on the viewer's
# left): flexor carpi radialis, palmaris longus, flexor digitorum superficialis and flexor carpi
# ulnaris fan out from the common flexor origin on the medial epicondyle (flexor digitorum
# profundus and flexor pollicis longus lie under them, from the ulna and the radius) and become
# tendons in the lower third, crossing the wrist to the palm.  Fibres mark the borders between
# the muscles and the tendons at the wrist.
FLEX = [(262, 124, CORNER), (274, 150), (274, 220), (270, 300), (264, 380), (257, 460),
        (251, 540), (246, 604, CORNER), (228, 608), (205, 610), (180, 606), (166, 598, CORNER),
        (162, 540), (160, 470), (164, 400), (178, 330), (200, 260), (226, 196), (246, 150)]
FLEX_FIBRES = [[(250, 148), (224, 250), (198, 400), (182, 520), (178, 600)],     # FCR
               [(256, 150), (238, 260), (218, 400), (206, 600)],                 # palmaris longus
               [(266, 156), (262, 260), (254, 400), (244, 520), (236, 604)],     # FDS | FCU
               [(178, 500), (172, 560), (170, 600)]]                            # FPL tendon

SHAPES = {
    "forearm_front": [dict(pts=FLEX, fibres=FLEX_FIBRES)],
}
