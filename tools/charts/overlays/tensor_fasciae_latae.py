"""Tensor fasciae latae overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Tensor fasciae latae: from the outer lip of the anterior iliac crest and the ASIS, down the
# front of the hip lateral to the sartorius, into the iliotibial tract a little below the level of
# the greater trochanter.  The chart's line from the ASIS is its anterior border.
TFL = [(91, 625, CORNER), (100, 617), (110, 611, CORNER), (117, 626), (123, 655), (125, 690),
       (123, 725), (119, 750, CORNER), (115, 751, CORNER), (112, 720), (107, 680), (98, 636)]
TFL_FIBRES = [[(98, 626), (106, 670), (113, 720)], [(108, 618), (115, 670), (118, 740)]]

SHAPES = {
    "front": [dict(pts=TFL, fibres=TFL_FIBRES)],
}
