"""Tibialis posterior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Tibialis posterior: the deepest calf muscle, from the interosseous membrane and the adjoining
# back of the tibia and fibula (upper two thirds), its tendon passing behind the medial malleolus
# to the navicular and the sole.  Under the soleus and gastrocnemius: drawn as a projection.
TP = [(40, 1025, CORNER), (60, 1020), (78, 1028, CORNER), (74, 1080), (66, 1140), (56, 1200),
      (46, 1245), (38, 1268), (35, 1278, CORNER), (33, 1268), (38, 1240), (44, 1190), (48, 1140),
      (44, 1080)]

SHAPES = {
    "back": [dict(pts=TP, deep=True)],
}
