"""Quadratus plantae overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Quadratus plantae (flexor accessorius): two heads from the medial and lateral sides of the
# plantar calcaneus, joining into a flat quadrangular muscle that inserts on the lateral border of
# the flexor digitorum longus tendon in the middle of the sole.  Under flexor digitorum brevis:
# drawn as a projection.  foot_sole chart points.
SHAPES = {
    "foot_sole": [dict(pts=[(150, 820, CORNER), (180, 790), (196, 776), (212, 776), (236, 790),
                            (262, 830, CORNER), (250, 760), (236, 690), (226, 640),
                            (212, 612, CORNER), (188, 616, CORNER), (170, 660), (156, 740)],
                       deep=True)],
}
