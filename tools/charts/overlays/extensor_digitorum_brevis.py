"""Extensor digitorum brevis and extensor hallucis brevis overlay (see load_overlays in
gen_charts.py for the format)."""
CORNER = "c"

# Extensor digitorum brevis and extensor hallucis brevis: one belly on the upper lateral surface of
# the calcaneus in front of the lateral malleolus (the sinus tarsi), its four tendons running
# forward and inward over the dorsum: the most medial (extensor hallucis brevis) to the big toe's
# proximal phalanx, the others joining the long extensor tendons of the second to fourth toes.
# foot_top chart points (the big toe on the viewer's left).
BELLY = [(304, 752, CORNER), (274, 744), (250, 716), (244, 676), (256, 632), (282, 612),
         (310, 628), (318, 672), (314, 720)]


def _slip(a, b, w0, w1):
    """A tapering tendon from a to b, w0 wide at a and w1 at b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = (dx * dx + dy * dy) ** 0.5
    ux, uy = -dy / n, dx / n
    return [(a[0] + ux * w0 / 2, a[1] + uy * w0 / 2, CORNER), (b[0] + ux * w1 / 2, b[1] + uy * w1 / 2, CORNER),
            (b[0] - ux * w1 / 2, b[1] - uy * w1 / 2, CORNER), (a[0] - ux * w0 / 2, a[1] - uy * w0 / 2, CORNER)]


SLIPS = [_slip((256, 640), (92, 360), 16, 5), _slip((262, 630), (168, 330), 12, 4),
         _slip((272, 622), (222, 350), 12, 4), _slip((286, 616), (274, 360), 12, 4)]

SHAPES = {
    "foot_top": [dict(pts=s) for s in SLIPS] +
                [dict(pts=BELLY, fibres=[[(300, 740), (262, 670)], [(312, 700), (280, 624)]])],
}
