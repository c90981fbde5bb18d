"""Brachialis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Brachialis: from the lower half of the front of the humerus, broader than the biceps that covers
# it and showing on both sides of it, across the front of the elbow joint to the coronoid process
# and tuberosity of the ulna just below the elbow crease.  Chart points (absolute); the
# forearm_front shape is the same muscle through the close-up's camera (FOREARM_FRONT_CAM).
BR_FRONT = [(120.7, 393.5), (112.3, 423.1), (106, 457.9), (101.7, 493.1), (103.5, 522.2),
           (110.4, 539.9), (114.6, 550), (122.2, 542.1), (134, 527.7), (145.9, 501.1),
           (153.2, 466.5), (156.6, 431.2), (156.1, 399.9)]
BR_FRONT_FIBRES = [[(125.2, 413.5), (116.7, 471.9), (113.9, 526.5)],
                   [(146.9, 417.4), (138.3, 475.8), (123.8, 528.3)]]
BR_CLOSE = [(140.1, -212.1), (132.9, -132.4), (133.6, -40.4), (139.5, 51.5), (158.3, 124.9),
           (184.4, 166.8), (200, 190.6), (215.6, 166.8), (238.9, 124.3), (256.5, 50.6),
           (258.4, -41.4), (249.9, -133.2), (233.7, -212.8)]
BR_CLOSE_FIBRES = [[(161.3, -163.2), (167.6, -10), (186.9, 130.8)],
                   [(218.5, -163.7), (224.8, -10.4), (212.9, 130.6)]]

# seen through the arm from behind (the thumb zone is drawn on the back views)
BR_BEHIND = [(259.9, -212.1), (267.1, -132.4), (266.4, -40.4), (260.5, 51.5), (241.7, 124.9),
            (215.6, 166.8), (200, 190.6), (184.4, 166.8), (161.1, 124.3), (143.5, 50.6),
            (141.6, -41.4), (150.1, -133.2), (166.3, -212.8)]

SHAPES = {
    "front": [dict(pts=BR_FRONT, fibres=BR_FRONT_FIBRES, absolute=True)],
    "forearm_front": [dict(pts=BR_CLOSE, fibres=BR_CLOSE_FIBRES)],
    "back": [dict(pts=[(600 - p[0], p[1]) for p in BR_FRONT], deep=True, absolute=True)],
    "forearm": [dict(pts=BR_BEHIND, deep=True)],
}
