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


# leg (the close-up from behind, the foot pointed so the sole faces the viewer): the deep belly
# between the bones, its tendon behind the medial malleolus and on into the sole to the
# navicular tuberosity, fanning out to the cuneiforms and the bases of the middle metatarsals.
TP_LEG = [(40, 1025, CORNER), (60, 1020), (78, 1028, CORNER), (74, 1080), (66, 1140), (56, 1200),
          (47, 1245), (42, 1275), (41, 1300), (39, 1330), (38, 1360), (44, 1384), (58, 1398),
          (62, 1406, CORNER), (46, 1408), (34, 1395), (31, 1368), (33, 1330), (34.5, 1300),
          (35.5, 1272), (38, 1240), (44, 1190), (48, 1140), (44, 1080)]
SHAPES["leg"] = [dict(pts=closeup("leg", TP_LEG), deep=True)]

# foot_sole (the sole from below): the tendon comes round the medial border under the medial
# malleolus to the navicular tuberosity and fans out deep in the sole to the cuneiforms, the cuboid
# and the bases of the second to fourth metatarsals.
SHAPES["foot_sole"] = [dict(pts=[(300, 700, CORNER), (312, 640), (304, 600), (286, 570), (250, 548),
                                 (200, 532), (150, 526), (120, 540, CORNER), (130, 568), (170, 574),
                                 (220, 590), (262, 614), (282, 650), (286, 700, CORNER)],
                            deep=True)]
