"""Intercostal muscles overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# chest (chart points): the muscles filling the spaces between ribs 2 to 7 on the patient's right,
# from the sternal border to the side of the chest.  The ribs are those drawn on the chest view
# (CHEST_RIBS in gen_charts.py, front-chart half-body points); each space is the strip between a
# rib's lower edge and the next rib's upper edge.  Fibres: the external intercostals, down and
# forward (toward the sternum).
RIBS = CHEST_RIBS  # given by gen_charts.py


def _chest(p):
    """A front-chart half-body point into the chest close-up (CHEST_CAM: x0 112, y0 240, 2.6x)."""
    return ((300 - p[0] - 112) * 2.6, (p[1] - 240) * 2.6)


def _space(i):
    upper = [(x, y + 3) for x, y in RIBS[i]]
    lower = [(x, y - 3) for x, y in RIBS[i + 1]]
    pts = [upper[0] + (CORNER,)] + upper[1:-1] + [upper[-1] + (CORNER,), lower[-1] + (CORNER,)]
    pts += list(reversed(lower[1:-1])) + [lower[0] + (CORNER,)]
    out = []
    for p in pts:
        q = _chest(p)
        out.append(q + (CORNER,) if len(p) > 2 else q)
    return out


def _fibres(i):
    out = []
    for dx in (30, 55, 80, 100):
        top = [q for q in RIBS[i] if q[0] >= dx][0]
        bot = [q for q in RIBS[i + 1] if q[0] >= dx - 10][0]
        out.append([_chest((dx, top[1] + 4)), _chest((dx - 8, bot[1] - 4))])
    return out


SHAPES = {
    "chest": [dict(pts=_space(i), fibres=_fibres(i)) for i in range(len(RIBS) - 1)],
}
