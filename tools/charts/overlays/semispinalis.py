"""Semispinalis (posterior cervical muscles) overlay (see load_overlays in gen_charts.py)."""
CORNER = "c"

# head_side (chart points): the semispinalis capitis, the rope beside the cervical spinous
# processes, from the upper thoracic transverse processes up to the occiput between the nuchal
# lines (behind the mastoid, beside the inion).  back: both semispinalis layers beside the spine
# from about T6 to the skull (half-body points).
SIDE = [(166, 198, CORNER), (186, 192), (212, 206), (228, 240), (236, 290), (238, 340),
        (234, 392), (226, 446, CORNER), (204, 450), (200, 400), (203, 340), (202, 290),
        (192, 246), (175, 216)]
SIDE_FIBRES = [[(184, 202), (212, 280), (220, 360), (214, 440)],
               [(200, 200), (226, 290), (228, 380), (220, 440)]]
BACK = [(3, 150, CORNER), (20, 152), (24, 190), (22, 240), (24, 290), (26, 340), (22, 392, CORNER),
        (10, 390), (8, 330), (9, 270), (8, 210), (6, 175)]
BACK_FIBRES = [[(13, 160), (15, 260), (17, 380)]]

SHAPES = {
    "head_side": [dict(pts=SIDE, fibres=SIDE_FIBRES)],
    "back": [dict(pts=BACK, fibres=BACK_FIBRES)],
}
