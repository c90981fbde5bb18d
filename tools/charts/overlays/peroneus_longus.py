"""Peroneus (fibularis) longus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Peroneus longus: from the head and upper two thirds of the lateral fibula, down the lateral side
# of the leg; its tendon passes behind the lateral malleolus and under the foot to the first
# metatarsal and medial cuneiform.  The lateral leg is seen edge-on from the front and from behind.
PL = [(86, 1020, CORNER), (94, 1024), (95, 1060), (92, 1110), (87, 1160), (82, 1210), (78, 1250),
      (78, 1285, CORNER), (74, 1282), (74, 1250), (76, 1210), (79, 1160), (82, 1110), (84, 1060)]

SHAPES = {
    "front": [dict(pts=PL)],
    "back": [dict(pts=PL)],
}
