"""Pronator teres overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Pronator teres (forearm_front, palm forward): the humeral head from the medial epicondyle and
# the ridge just above it, the ulnar head from the coronoid process; a short round muscle running
# obliquely down across the upper forearm, forming the inner border of the cubital fossa, to the
# middle of the outer surface of the radius.
PT = [(268, 116, CORNER), (272, 142), (268, 180), (252, 222), (226, 266), (198, 310),
      (172, 348), (154, 376, CORNER), (144, 364), (150, 334), (166, 294), (186, 252), (206, 212),
      (222, 176), (232, 146), (240, 126, CORNER), (254, 118)]
PT_FIBRES = [[(262, 140), (228, 235), (180, 320), (152, 368)], [(246, 140), (210, 220), (164, 330)]]

SHAPES = {
    "forearm_front": [dict(pts=PT, fibres=PT_FIBRES)],
}
