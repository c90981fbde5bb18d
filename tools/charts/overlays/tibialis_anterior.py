"""Tibialis anterior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Tibialis anterior: from the lateral tibial condyle and the upper two thirds of the lateral
# surface of the tibia (just lateral to the shin crest), its tendon crossing the front of the ankle
# medially to the medial cuneiform and the base of the first metatarsal.
TA = [(60, 1020, CORNER), (72, 1018), (80, 1040), (82, 1100), (78, 1160), (70, 1210), (60, 1255),
      (52, 1290), (44, 1315), (38, 1328, CORNER), (34, 1322), (42, 1290), (52, 1250), (58, 1200),
      (60, 1140), (58, 1080)]
TA_FIBRES = [[(66, 1030), (70, 1120), (62, 1210)]]

SHAPES = {
    "front": [dict(pts=TA, fibres=TA_FIBRES)],
}
