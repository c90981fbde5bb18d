"""Gluteus minimus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gluteus minimus: the deepest gluteal muscle, a fan from the outer ilium between the anterior and
# inferior gluteal lines (below the gluteus medius origin) to the front of the greater trochanter.
# It lies under the gluteus medius (and, behind, the gluteus maximus): drawn as a projection.
GMIN_BACK = [(52, 640, CORNER), (70, 622), (92, 610), (108, 607), (117, 615), (121, 640),
             (121, 664, CORNER), (112, 668), (95, 660), (75, 652)]

# Side view coordinates (side.svg; hip_side is the same drawing magnified, HIP_CAM): the fan on the
# outer ilium below the gluteus medius, between the anterior and inferior gluteal lines, from just
# behind the ASIS to the front of the greater trochanter; under the medius, so drawn as deep.
GMIN_SIDE = [(300, 612, CORNER), (324, 606), (339, 620), (331, 642), (314, 660), (303, 667, CORNER),
             (291, 664), (278, 650), (272, 632), (283, 617)]


SHAPES = {
    "back": [dict(pts=GMIN_BACK, deep=True)],
    "side": [dict(pts=GMIN_SIDE, deep=True)],
    "hip_side": [dict(pts=closeup("hip_side", GMIN_SIDE, absolute=True), deep=True)],
}
