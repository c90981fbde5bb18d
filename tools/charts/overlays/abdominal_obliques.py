"""Abdominal obliques overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# External and internal oblique (front): the side wall of the abdomen between the lower ribs,
# the flank, the iliac crest and inguinal ligament and the lateral edge of the rectus sheath
# (linea semilunaris), down to the pubic crest where the lowest internal oblique fibres end;
# fibres show the external oblique running down and forward.
OBLIQUES = [(66, 494, CORNER), (72, 470), (82, 442), (95, 418), (106, 404, CORNER), (113, 442),
            (109, 475), (104.5, 505), (103, 525), (105, 548), (109, 572), (114, 592, CORNER),
            (110, 601), (100, 614), (90, 627, CORNER), (70, 648), (48, 670), (24, 688, CORNER),
            (34, 668), (50, 632), (61, 590), (65.5, 540)]
OBLIQUE_FIBRES = [[(100, 428), (82, 470), (66, 510)], [(108, 470), (90, 520), (68, 570)],
                  [(105, 530), (88, 575), (62, 615)], [(108, 580), (85, 615), (52, 650)]]

SHAPES = {
    "front": [dict(pts=OBLIQUES, fibres=OBLIQUE_FIBRES)],
}

# on the abdomen close-up: the front shapes through its camera
SHAPES["abdomen"] = closeup_shapes("abdomen", SHAPES["front"])
