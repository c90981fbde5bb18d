"""Wrist and finger extensors overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Extensor carpi radialis longus and brevis, extensor digitorum and extensor carpi ulnaris (back
# view, palm forward): from the lateral supracondylar ridge and the lateral epicondyle over the
# back of the forearm to the wrist; fibres mark the borders between the muscles and the tendons
# on the back of the hand.
EXTENSORS = [(195.1, 486.5, CORNER), (199.8, 509.6), (199.7, 528.8), (199.8, 539.8), (202.6, 565.4),
             (208.9, 601.5), (215.2, 637.6), (221.5, 673.7), (228.3, 709.7, CORNER),
             (203.2, 714.4, CORNER), (196.2, 687.8), (184.7, 643.3), (174.2, 598.7), (170.4, 562.2),
             (177.5, 545.9, CORNER), (191.4, 527.9), (193.1, 506)]
EXTENSOR_FIBRES = [[(199, 530), (203.9, 621.1), (219.2, 702.1)],          # radial extensors | ED
                   [(180, 556), (190.2, 623.7), (205.5, 704.7)],          # ED | ECU
                   [(227.9, 710.2), (237.8, 749.1), (248.4, 792.1)],      # tendons on the hand
                   [(219.3, 711.5), (226.3, 750.9), (234, 794.2)],
                   [(210.4, 712.9), (214.5, 752.7), (219.2, 796.5)],
                   [(202.1, 714.1), (203.4, 754.4), (205.4, 798.6)]]

SHAPES = {
    "back": [dict(pts=EXTENSORS, fibres=EXTENSOR_FIBRES)],
}
