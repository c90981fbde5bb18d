"""Orbicularis oculi overlay (see load_overlays in gen_charts.py for the format)."""
import math

CORNER = "c"


def _ring(cx, cy, rx, ry, n=16):
    return [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
            for i in range(n)]


# head_front (half-body points, patient's right): the orbital part circling the rim of the orbit,
# over the brow and the upper cheek, with the palpebral part in the lids (the eye at dx 45.7,
# y 185.6).
RING = _ring(46, 184, 33, 27)
FIBRES = [_ring(46, 184, 24, 18, 12) + [_ring(46, 184, 24, 18, 12)[0]]]

SHAPES = {
    "head_front": [dict(pts=RING, fibres=FIBRES)],
}
