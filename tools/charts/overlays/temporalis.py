"""Temporalis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates): the fan filling the temporal fossa,
# from the temporal line (the dashed oval) down, converging under the zygomatic arch toward the
# coronoid process; the back fibres curve forward above the ear.
TEMPORALIS = [(404, 160, CORNER), (400, 132), (378, 106), (341, 89), (292, 86), (244, 96),
              (211, 121), (196, 152), (204, 176), (226, 190, CORNER), (246, 164), (270, 152),
              (292, 164), (304, 186), (318, 196), (337, 196), (356, 198), (372, 196),
              (388, 186, CORNER)]
FIBRES = [[(390, 140), (365, 170), (348, 194)],
          [(345, 100), (340, 150), (336, 193)],
          [(290, 98), (312, 150), (328, 192)],
          [(222, 130), (268, 140), (308, 168), (326, 190)]]

SHAPES = {
    "head_side": [dict(pts=TEMPORALIS, fibres=FIBRES)],
}
