"""Gluteus medius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Gluteus medius: a fan from the outer ilium just below the iliac crest, between the posterior
# gluteal line (near the PSIS) and the anterior gluteal line, converging on the lateral surface of
# the greater trochanter.  Its posterior part lies under the gluteus maximus (upper border drawn on
# the chart); the rest is covered only by fascia.
GMED_BACK = [(44, 622, CORNER), (55, 611), (75, 598), (95, 591), (107, 594), (114, 601),
             (119, 620), (122.5, 645), (121, 667, CORNER), (116, 675, CORNER), (105, 668),
             (88, 655), (70, 643), (55, 633)]
GMED_BACK_FIBRES = [[(60, 616), (85, 640), (110, 668)],
                    [(90, 596), (104, 630), (116, 668)],
                    [(114, 598), (119, 630), (120, 664)]]
# front: the anterior fibres behind the tensor fasciae latae, from the anterior crest to the trochanter
GMED_FRONT = [(111, 598, CORNER), (115, 600), (118.5, 615), (123, 640), (125.5, 662),
              (123, 673, CORNER), (117, 668), (112, 648), (108, 626), (107, 608)]

SHAPES = {
    "back": [dict(pts=GMED_BACK, fibres=GMED_BACK_FIBRES)],
    "front": [dict(pts=GMED_FRONT)],
}
