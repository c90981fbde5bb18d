"""Brachioradialis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Brachioradialis: from the lateral supracondylar ridge of the humerus down the thumb side of the
# forearm to the lower radius above the styloid. It forms the outer border of the forearm: from
# the front (palm forward) its belly covers the outer third of the forearm, from behind only its
# posterior edge shows beside the wrist extensors.
BR = [(192.8, 448.6, CORNER), (196.7, 481.4), (202, 516.4), (207.8, 536.5), (214.8, 563.1),
      (219.9, 590.1), (222.1, 617.6), (225.9, 654.2), (230.1, 687), (233.7, 708.7, CORNER),
      (228.8, 709.6, CORNER), (223.7, 682.6), (216.9, 646.6), (209.6, 610.7), (203.3, 580.2),
      (198.9, 551.2), (195.5, 522.4), (193.4, 494), (191.4, 463.2)]
BR_FRONT = [(192.8, 448.6, CORNER), (196.7, 481.4), (202, 516.4), (207.8, 536.5), (214.8, 563.1),
            (219.9, 590.1), (222.1, 617.6), (225.9, 654.2), (230.1, 687), (233.7, 708.7, CORNER),
            (226.8, 710, CORNER), (220.7, 683.1), (211, 647.7), (200.2, 612.4), (192.5, 582.2),
            (188, 553.2), (188.6, 523.6), (189.5, 494.7), (189.9, 463.5)]
BR_FIBRES = [[(194, 460), (203, 540), (215, 600), (230, 700)]]

SHAPES = {
    "back": [dict(pts=BR, fibres=BR_FIBRES)],
    "front": [dict(pts=BR_FRONT, fibres=BR_FIBRES)],
}
