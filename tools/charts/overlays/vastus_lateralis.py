"""Vastus lateralis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Vastus lateralis: from the greater trochanter, the intertrochanteric line and the lateral lip of
# the linea aspera, the bulk of the lateral thigh (under the iliotibial tract), ending on the
# lateral border of the patella and the quadriceps tendon.
# Side view (side.svg, chart coordinates): the whole outer thigh between the chart's vastus
# lateralis borders, from just below the greater trochanter to the outer side of the patella and
# the quadriceps tendon, under the iliotibial band.
VL_SIDE = [(284, 698, CORNER), (300, 694), (318, 708), (336, 735), (346, 790), (347, 850),
           (343, 900), (336, 934), (330, 950, CORNER), (314, 956), (290, 958), (264, 960),
           (248, 964, CORNER), (240, 930), (241, 870), (249, 800), (260, 750), (272, 716)]
VL_SIDE_FIBRES = [[(292, 706), (300, 800), (318, 900), (330, 945)],
                  [(276, 730), (268, 830), (264, 920), (262, 955)]]

SHAPES = {
    "side": [dict(pts=VL_SIDE, fibres=VL_SIDE_FIBRES)],
}

# on the thigh_side close-up: the side shapes through its camera
SHAPES["thigh_side"] = closeup_shapes("thigh_side", SHAPES["side"])
