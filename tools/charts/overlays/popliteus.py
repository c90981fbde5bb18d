"""Popliteus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Popliteus (leg, from behind; medial on the viewer's left): from the outer side of the lateral
# femoral condyle (its tendon inside the knee capsule) and the back of the lateral meniscus, a flat
# triangle running down and in across the back of the knee to the back of the tibia above the
# soleal line.  Under the gastrocnemius heads and the plantaris: drawn as deep.
POP = [(232, 60, CORNER), (240, 74), (218, 104), (192, 140), (164, 178), (142, 204, CORNER),
       (122, 200), (110, 182), (108, 150), (114, 122, CORNER), (146, 106), (190, 84)]

SHAPES = {
    "leg": [dict(pts=POP, deep=True)],
}
