"""Vastus lateralis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Vastus lateralis: from the greater trochanter, the intertrochanteric line and the lateral lip of
# the linea aspera, the bulk of the lateral thigh (under the iliotibial tract), ending on the
# lateral border of the patella and the quadriceps tendon.
VL_FRONT = [(112, 688, CORNER), (119, 700), (121, 740), (116, 800), (109, 860), (101, 905),
            (90, 945), (72, 957, CORNER), (66, 944), (70, 915), (77, 875), (85, 830), (92, 775),
            (102, 720)]
VL_FRONT_FIBRES = [[(112, 700), (108, 800), (96, 880), (78, 945)]]
# from behind: the part lateral to the biceps femoris
VL_BACK = [(112, 705, CORNER), (118, 722), (119, 760), (111, 820), (104, 880), (96, 940),
           (90, 972, CORNER), (85, 958), (84, 900), (88, 840), (98, 770), (107, 730)]

SHAPES = {
    "front": [dict(pts=VL_FRONT, fibres=VL_FRONT_FIBRES)],
    "back": [dict(pts=VL_BACK)],
}
