"""Supinator overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Supinator (forearm, from behind): from the lateral epicondyle, the radial collateral and annular
# ligaments and the supinator crest of the ulna, a deep sheet wrapping round the back and outer
# side of the upper third of the radius, under the wrist and finger extensors.
SUP = [(250, 140, CORNER), (262, 160), (268, 200), (268, 250), (265, 300), (258, 336, CORNER),
       (248, 318), (232, 282), (216, 246), (203, 214, CORNER), (219, 198), (238, 172)]
SUP_FIBRES = [[(212, 214), (240, 260), (258, 318)], [(232, 180), (252, 230), (263, 290)]]

SHAPES = {
    "forearm": [dict(pts=SUP, fibres=SUP_FIBRES)],
}
