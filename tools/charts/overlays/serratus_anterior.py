"""Serratus anterior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Serratus anterior (front): the saw-toothed digitations on the side of the chest, from the upper
# eight or nine ribs, passing back under the scapula to its medial border.
SERRATUS = [(119, 392, CORNER), (104, 398), (88, 410, CORNER), (100, 419, CORNER), (84, 428, CORNER),
            (97, 437, CORNER), (82, 446, CORNER), (96, 455, CORNER), (82, 464, CORNER),
            (97, 473, CORNER), (84, 482, CORNER), (100, 490, CORNER), (91, 499, CORNER),
            (104, 506, CORNER), (109, 480), (113, 450), (116, 420)]
SERRATUS_FIBRES = [[(90, 412), (110, 405)], [(86, 430), (112, 425)], [(84, 448), (110, 452)],
                   [(85, 466), (108, 478)], [(88, 484), (105, 498)]]
# Back: under the scapula to its medial border, seen through it (a projection).
SERRATUS_BACK = [(46, 302, CORNER), (45, 330), (49.5, 364), (57, 391), (65, 403, CORNER), (80, 420),
                 (98, 440), (112, 452, CORNER), (116, 420), (120, 392), (118, 360), (100, 335),
                 (75, 312)]


SHAPES = {
    "front": [dict(pts=SERRATUS, fibres=SERRATUS_FIBRES)],
    "chest": [dict(pts=closeup("chest", SERRATUS),
         fibres=[closeup("chest", f) for f in SERRATUS_FIBRES])],
    "back": [dict(pts=SERRATUS_BACK, deep=True)],
}
