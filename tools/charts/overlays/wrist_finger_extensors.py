"""Wrist and finger extensors overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Extensor carpi radialis longus and brevis, extensor digitorum and extensor carpi ulnaris on the
# forearm view (the right forearm from behind, upright, radial side on the viewer's right): from
# the lower lateral supracondylar ridge (ECRL) and the common extensor origin on the lateral
# epicondyle, the group fans over the back of the forearm between the mobile wad on the radial side
# and the subcutaneous border of the ulna (ECU lies just radial to it), past the anconeus; its
# tendons cross the back of the wrist between the styloids to the bases of the metacarpals and the
# knuckles.  Fibres mark the borders radial extensors | extensor digitorum | ECU and the tendons.
EXTENSORS = [(256, 80, CORNER), (261, 110), (264, 160), (271, 220), (270, 300), (262, 400),
             (253, 500), (249, 560), (247, 608, CORNER), (161, 606, CORNER), (163, 520),
             (170, 420), (180, 330), (190, 266), (205, 218), (224, 186), (240, 160), (250, 120)]
EXTENSOR_FIBRES = [[(252, 140), (240, 380), (228, 604)],          # radial extensors | ED
                   [(226, 186), (196, 380), (182, 604)],          # ED | ECU
                   [(236, 612), (240, 724), (244, 836)],          # tendons on the hand
                   [(214, 612), (209, 724), (206, 836)],
                   [(196, 610), (180, 722), (168, 834)],
                   [(178, 608), (152, 722), (132, 834)]]

SHAPES = {
    "forearm": [dict(pts=EXTENSORS, fibres=EXTENSOR_FIBRES)],
}
