"""Multifidus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Multifidus (back): the deepest layer in the groove beside the spinous processes, from the back
# of the sacrum (out to the posterior superior iliac spine) up to C2; thickest in the low back.
MULTIFIDUS = [(4, 186, CORNER), (11, 186), (12.5, 230), (13.5, 270), (14, 330), (15, 400), (17, 460),
              (21, 500), (26, 540), (29.5, 580), (32, 610), (34, 636), (30, 662), (21, 684),
              (9, 698, CORNER), (4, 699, CORNER)]
MULTIFIDUS_FIBRES = [[(6, 560), (16, 590), (26, 620)], [(6, 500), (15, 530), (22, 560)],
                     [(5, 420), (10, 450), (14, 480)], [(5, 330), (9, 360), (12, 390)],
                     [(6, 620), (18, 645), (28, 660)]]

SHAPES = {
    "back": [dict(pts=MULTIFIDUS, fibres=MULTIFIDUS_FIBRES)],
    # seen through the body from the front (the abdominal spillover zone is on this view)
    "front": [dict(pts=MULTIFIDUS, deep=True)],
}

# on the low_back close-up: the back shapes through its camera
SHAPES["low_back"] = closeup_shapes("low_back", SHAPES["back"])
