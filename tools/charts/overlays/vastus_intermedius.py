"""Vastus intermedius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Vastus intermedius: the deepest quadriceps head, from the front and outer side of the upper two
# thirds of the femoral shaft (below the intertrochanteric line) to the deep surface of the
# quadriceps tendon and the top of the patella.  Under rectus femoris: drawn as a projection.
# Front-view half-body points (dx, y).
VI = [(80, 700, CORNER), (98, 694), (105, 720), (103, 780), (96, 850), (84, 910),
      (70, 944, CORNER), (50, 944, CORNER), (53, 900), (58, 840), (64, 780), (71, 730)]

SHAPES = {
    "front": [dict(pts=VI, deep=True)],
}


SHAPES["thigh_front"] = [dict(pts=closeup("thigh_front", VI), deep=True)]
