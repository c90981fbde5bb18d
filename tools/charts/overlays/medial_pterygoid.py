"""Medial pterygoid overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates).  Medial pterygoid: from the medial surface
# of the lateral pterygoid plate and the maxillary tuberosity, deep behind the zygomatic arch, down
# and back to the inner surface of the ramus and angle of the mandible, mirroring the masseter on
# the inside of the jaw: drawn as deep.
MPT = [(344, 212, CORNER), (362, 218), (356, 250), (342, 280), (328, 304, CORNER), (312, 300),
       (314, 280), (324, 250), (334, 226)]

SHAPES = {
    "head_side": [dict(pts=MPT, deep=True)],
}
