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

# forearm (the right forearm from behind, upright, radial side on the viewer's right): the
# muscle along the radial border from above the elbow (the supracondylar ridge is above the
# picture), fleshy in the upper half, its tendon down to the radial styloid.
BR_FOREARM = [(262, 0, CORNER), (264, 60), (264, 120), (270, 170), (276, 230), (273, 300),
              (263, 380), (255, 470), (251, 560), (250, 604, CORNER), (241, 603, CORNER),
              (240, 560), (242, 470), (246, 380), (250, 300), (252, 230), (250, 170), (248, 120),
              (248, 60), (250, 0, CORNER)]
BR_FOREARM_FIBRES = [[(256, 10), (258, 150), (262, 300), (248, 590)]]

SHAPES = {
    "forearm": [dict(pts=BR_FOREARM, fibres=BR_FOREARM_FIBRES)],
}
