"""Splenius capitis (and cervicis) overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates).  Splenius capitis: from the ligamentum
# nuchae and the spines of C7 to T3 up and forward to the mastoid process and the lateral
# superior nuchal line; it shows in the small triangle below the mastoid.  Splenius cervicis
# (deeper and more anterior, drawn as a projection): from the spines of T3 to T6 up to the
# transverse processes of C1 to C3.
CAPITIS = [(212, 213, CORNER), (232, 219), (247, 232), (253, 254, CORNER), (242, 292),
           (228, 340), (212, 392), (194, 440), (174, 492, CORNER), (160, 494), (168, 460),
           (182, 420), (193, 380), (199, 340), (201, 300), (200, 262), (204, 232)]
CAPITIS_FIBRES = [[(168, 480), (195, 400), (220, 320), (240, 250)],
                  [(190, 420), (205, 340), (222, 280), (236, 235)]]
CERVICIS = [(246, 262, CORNER), (252, 272), (248, 304), (232, 360), (212, 420), (190, 480),
            (168, 540), (150, 590, CORNER), (144, 560), (158, 500), (178, 440), (198, 380),
            (214, 330), (228, 290), (238, 266)]

SHAPES = {
    "head_side": [dict(pts=CERVICIS, deep=True), dict(pts=CAPITIS, fibres=CAPITIS_FIBRES)],
}
