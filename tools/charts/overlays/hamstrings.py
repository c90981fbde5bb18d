"""Hamstrings overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Hamstrings on the back of the thigh, from the ischial tuberosity (just above the middle of the
# gluteal fold, under the gluteus maximus).  Semitendinosus and semimembranosus run medially to
# the medial tibia; biceps femoris (long head, joined low by the short head from the femur) runs
# laterally to the head of the fibula.
SEMIS = [(36, 745, CORNER), (50, 742), (57, 790), (58, 860), (54, 930), (46, 985),
         (36, 1015, CORNER), (28, 1012), (27, 985), (28, 930), (30, 860), (33, 800)]
BICEPS = [(50, 742, CORNER), (60, 752), (70, 790), (80, 860), (86, 930), (90, 985),
          (89, 1020, CORNER), (82, 1018), (76, 985), (66, 930), (60, 860), (57, 800)]
SEMIS_FIBRES = [[(40, 750), (43, 860), (36, 1000)]]
BICEPS_FIBRES = [[(53, 750), (70, 860), (86, 1010)]]

SHAPES = {
    "back": [dict(pts=SEMIS, fibres=SEMIS_FIBRES), dict(pts=BICEPS, fibres=BICEPS_FIBRES)],
}

# on the thigh_back close-up: the back shapes through its camera
SHAPES["thigh_back"] = closeup_shapes("thigh_back", SHAPES["back"])
