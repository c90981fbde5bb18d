"""Lateral pterygoid overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates), seen through the zygomatic arch and the
# ramus: the superior head from the greater wing of the sphenoid to the disc and capsule of the
# jaw joint, the inferior head from the lateral pterygoid plate to the neck of the condyle.
SUPERIOR = [(305, 204, CORNER), (328, 200), (352, 199), (370, 203, CORNER), (368, 213),
            (345, 213), (322, 213), (306, 211)]
INFERIOR = [(307, 214, CORNER), (330, 215), (352, 217), (371, 222, CORNER), (373, 240),
            (360, 247), (342, 240), (322, 228), (308, 220)]

SHAPES = {
    "head_side": [dict(pts=INFERIOR, deep=True), dict(pts=SUPERIOR, deep=True)],
}
