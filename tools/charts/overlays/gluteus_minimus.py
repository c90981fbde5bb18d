"""Gluteus minimus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gluteus minimus: the deepest gluteal muscle, a fan from the outer ilium between the anterior and
# inferior gluteal lines (below the gluteus medius origin) to the front of the greater trochanter.
# It lies under the gluteus medius (and, behind, the gluteus maximus): drawn as a projection.
GMIN_BACK = [(52, 640, CORNER), (70, 622), (92, 610), (108, 607), (117, 615), (121, 640),
             (121, 664, CORNER), (112, 668), (95, 660), (75, 652)]
# its anterior fibres, under the tensor fasciae latae and the front of the gluteus medius
GMIN_FRONT = [(104, 612, CORNER), (114, 606), (120, 622), (124, 648), (123, 670, CORNER),
              (114, 669), (107, 650), (103, 630)]

SHAPES = {
    "back": [dict(pts=GMIN_BACK, deep=True)],
    "front": [dict(pts=GMIN_FRONT, deep=True)],
}
