"""Masseter overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates): from the lower border of the
# zygomatic arch and the zygomatic process of the maxilla down and back over the ramus to the
# angle and the lower border of the mandible.  The deep layer lies under its upper back part.
MASSETER = [(315, 206, CORNER), (340, 207.5), (364, 212), (378, 218, CORNER), (371, 240),
            (368, 270), (366, 300), (364, 324, CORNER), (348, 320), (330, 313), (314, 306),
            (305, 300, CORNER), (302, 280), (302, 255), (304, 230)]
FIBRES = [[(335, 211), (326, 250), (316, 290)],
          [(355, 214), (348, 260), (338, 310)],
          [(372, 222), (364, 270), (356, 318)]]

SHAPES = {
    "head_side": [dict(pts=MASSETER, fibres=FIBRES)],
}
