"""Serratus posterior inferior overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Serratus posterior inferior (back): from the spinous processes of T11 to L2 through the
# thoracolumbar fascia, four flat slips running up and out, deep to the latissimus, to the lower
# borders of ribs 9 to 12 lateral to their angles.
SPI = [(3, 468, CORNER), (3, 542, CORNER), (30, 530), (58, 516), (80, 500), (88, 482, CORNER),
       (80, 462), (60, 452), (32, 458)]
SPI_FIBRES = [[(4, 480), (45, 470), (82, 470)], [(4, 500), (45, 490), (84, 486)],
              [(4, 522), (45, 508), (80, 498)]]

SHAPES = {
    "back": [dict(pts=SPI, fibres=SPI_FIBRES)],
}

# on the low_back close-up: the back shapes through its camera
SHAPES["low_back"] = closeup_shapes("low_back", SHAPES["back"])
