"""Upper trapezius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Upper (descending) trapezius, back view: from the inion, the medial third of the superior
# nuchal line and the ligamentum nuchae down over the side of the neck to the crest of the
# shoulder, the lateral third of the clavicle and the acromion.  From behind it covers the whole
# crest of the shoulder down to the top of the supraspinous fossa, just above the spine of the
# scapula, where its lower edge (fibres from C6-C7, running out to the acromion) meets the middle
# fibres (a separate module): its lower edge runs from C7 out over the superior angle of the
# scapula to the acromion, so both trigger points on the crest of the shoulder lie inside it.
TRAP_UPPER = [(0, 151, CORNER), (15, 152.5), (30, 157.5, CORNER), (33, 178), (36, 200), (40, 220),
              (45, 238), (55, 249.5), (80, 259.5), (110, 267.5), (134, 275.5), (149, 285, CORNER),
              (140, 292), (124, 298), (104, 302), (80, 301), (56, 296), (30, 289),
              (0, 285, CORNER)]
TRAP_UPPER_FIBRES = [[(4, 165), (14, 210), (34, 250), (70, 264), (120, 277)],
                     [(14, 158), (26, 205), (44, 252), (90, 272), (140, 284)],
                     [(4, 225), (22, 262), (70, 286), (125, 294)]]

# Head and neck, right lateral view (chart coordinates): the muscle between the back of the neck
# and its free anterior border, from the superior nuchal line down to the acromion and the
# lateral clavicle.
TRAP_UPPER_SIDE = [(166, 200, CORNER), (188, 207), (210, 214, CORNER), (220, 258), (232, 315),
                   (247, 372), (266, 422), (285, 459), (303, 471, CORNER), (282, 472),
                   (250, 470), (215, 468), (172, 464, CORNER), (181, 435), (188, 405),
                   (193, 372), (195, 336), (194, 300), (190, 270), (181, 242), (172, 220)]
TRAP_UPPER_SIDE_FIBRES = [[(190, 215), (206, 290), (225, 380), (255, 450), (285, 466)],
                          [(182, 250), (194, 320), (212, 400), (240, 455)],
                          [(190, 340), (200, 400), (220, 450)]]

SHAPES = {
    "back": [dict(pts=TRAP_UPPER, fibres=TRAP_UPPER_FIBRES)],
    "head_side": [dict(pts=TRAP_UPPER_SIDE, fibres=TRAP_UPPER_SIDE_FIBRES)],
}
# on the neck_back close-up: the back shapes through its camera
SHAPES["neck_back"] = closeup_shapes("neck_back", SHAPES["back"])
