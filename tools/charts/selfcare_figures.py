"""The self-care figures of the Essentials muscles (assets/figures/selfcare_<id>.svg).

One figure per muscle: the person in the self-stretch or self-pressure position, drawn as a
simple outlined figure in skin tone (the outline weight of the charts), the target muscle in the
overlay red of the charts, props (floor, wall, ball, strap, bolster, chair) in a quiet grey, and
the accent arrow for the direction of the stretch or pressure. No words on the figure: the
caption and instructions are the module's [selfcare] keys, drawn by the program.

Each body is built from rounded limb segments, a torso and a head, in layers: a layer is drawn
as one silhouette (every part's outline first, then every part's fill), so joints merge cleanly;
a limb in front of the body goes in a later layer and keeps its own outline.
Imported by gen_figures.py, which writes the files.
"""
import math

PROP = "#dcd6cc"
LANDMARK = "#8f7f74"
HAIR = "#7a6a5e"
PROP_EDGE = "#8f867c"
STRAP = "#5d6d73"
FLOOR_Y = 368


class Body:
    def __init__(self, fig):
        self.fig = fig
        self.layers = [[]]

    def front(self):
        """Parts added from now on are drawn over the ones before, with their own outline."""
        self.layers.append([])

    def seg(self, a, b, w):
        self.layers[-1].append(("seg", a, b, w))

    def chain(self, pts, w):
        for a, b in zip(pts, pts[1:]):
            self.seg(a, b, w)

    def shape(self, pts):
        self.layers[-1].append(("poly", pts))

    def head(self, c, r=21, face=None):
        """A head; face (an angle in degrees, 0 = right) adds a nose that shows where it looks."""
        self.layers[-1].append(("head", c, r, face))

    def draw(self):
        f = self.fig
        for layer in self.layers:
            for fill_pass in (False, True):
                colour = f.skin if fill_pass else f.outline
                grow = 0 if fill_pass else 2 * f.outline_w
                for part in layer:
                    if part[0] == "seg":
                        _, a, b, w = part
                        f.line(a, b, colour, w + grow)
                    elif part[0] == "poly":
                        f.path(part[1], fill=colour, stroke=colour, width=max(grow, 0.1))
                    else:
                        _, c, r, face = part
                        if face is not None:
                            ang = math.radians(face)
                            tip = (c[0] + (r + 6) * math.cos(ang), c[1] + (r + 6) * math.sin(ang))
                            side = math.radians(face + 90)
                            base_a = (c[0] + r * 0.8 * math.cos(ang) + 5 * math.cos(side),
                                      c[1] + r * 0.8 * math.sin(ang) + 5 * math.sin(side))
                            base_b = (c[0] + r * 0.8 * math.cos(ang) - 5 * math.cos(side),
                                      c[1] + r * 0.8 * math.sin(ang) - 5 * math.sin(side))
                            f.path([base_a, tip, base_b], fill=colour, stroke=colour, width=max(grow, 0.1))
                        f.ellipse(c[0], c[1], r + grow / 2, r + grow / 2, colour)


def muscle(fig, a, b, half_w, bulge=0.0, opacity=0.9):
    """The target muscle: a spindle from a to b, half_w wide at its belly (bulge bends it sideways)."""
    ax, ay = a
    bx, by = b
    length = math.hypot(bx - ax, by - ay)
    ux, uy = (bx - ax) / length, (by - ay) / length
    nx, ny = -uy, ux
    top, bottom = [], []
    n = 24
    for i in range(n + 1):
        t = i / n
        w = half_w * math.sin(math.pi * t) ** 0.8
        off = bulge * math.sin(math.pi * t)
        cx, cy = ax + (bx - ax) * t + nx * off, ay + (by - ay) * t + ny * off
        top.append((cx + nx * w, cy + ny * w))
        bottom.append((cx - nx * w, cy - ny * w))
    fig.path(top + bottom[::-1], fill=fig.muscle_fill, stroke=fig.muscle_stroke, width=1.4,
             extra=' fill-opacity="%s"' % opacity)


def floor(fig, y=FLOOR_Y, x0=20, x1=580):
    fig.line((x0, y), (x1, y), PROP_EDGE, 2.2)
    for x in range(int(x0) + 10, int(x1), 24):
        fig.line((x, y + 2), (x - 10, y + 12), PROP_EDGE, 1.2)


def wall(fig, x, y0=20, y1=FLOOR_Y, side=1):
    """A wall face at x; side = 1 puts the hatching right of it (the wall is there)."""
    fig.line((x, y0), (x, y1), PROP_EDGE, 2.2)
    for y in range(int(y0) + 8, int(y1), 24):
        fig.line((x + 2 * side, y), (x + 12 * side, y - 10), PROP_EDGE, 1.2)


def ball(fig, c, r=13):
    fig.ellipse(c[0], c[1], r, r, "#e9eef0", fig.outline, fig.outline_w)
    fig.path([(c[0] - r * 0.75, c[1] - r * 0.2), (c[0], c[1] - r * 0.45), (c[0] + r * 0.75, c[1] - r * 0.2)],
             stroke=PROP_EDGE, width=1.2, closed=False)


def block(fig, x, y, w, h, r=8):
    """A bolster, cushion, bench or chair seat: a rounded box."""
    k = 0.45 * r
    pts = [(x + r, y), (x + w - r, y), (x + w - k, y + k), (x + w, y + r), (x + w, y + h - r), (x + w - k, y + h - k),
           (x + w - r, y + h), (x + r, y + h), (x + k, y + h - k), (x, y + h - r), (x, y + r), (x + k, y + k)]
    fig.path(pts, fill=PROP, stroke=PROP_EDGE, width=1.8)


def curved_arrow(fig, centre, radius, a0, a1, width=3.0):
    """An arc around centre from angle a0 to a1 (degrees) with the head at a1."""
    steps = 14
    pts = []
    for i in range(steps + 1):
        a = math.radians(a0 + (a1 - a0) * i / steps)
        pts.append((centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)))
    fig.path(pts[:-2], stroke=fig.arrow_colour, width=width, closed=False)
    fig.arrow(pts[-3], pts[-1], width=width)


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


# ---- the figures: one per Essentials muscle -------------------------------------------------


def quadratus_lumborum(fig):
    """Side-lying over a bolster, top arm overhead, top leg dropped behind: the upper side's
    waist lengthens (front view, head left)."""
    fig.top = 220
    floor(fig)
    fig.ellipse(300, 340, 34, 28, PROP, PROP_EDGE, 1.8)
    b = Body(fig)
    # Trunk bends over the bolster: shoulders and hips lower than the waist.
    b.shape([(112, 330), (200, 304), (300, 282), (392, 306), (440, 328), (440, 362), (392, 340), (300, 314),
             (200, 338), (112, 364)])
    b.seg((100, 346), (78, 340), 17)
    b.head((58, 338), 21, face=-100)
    # Lower arm as a pillow under the head, lower leg along the floor.
    b.chain([(110, 358), (80, 362), (46, 360)], 15)
    b.chain([(436, 350), (500, 356), (556, 362)], 27)
    b.seg((556, 362), (572, 352), 12)
    b.front()
    # Top arm reaches past the head, top leg drops behind the lower one.
    b.chain([(126, 322), (82, 300), (34, 288)], 16)
    b.chain([(430, 334), (490, 344), (548, 356)], 27)
    b.seg((548, 356), (566, 344), 12)
    b.draw()
    muscle(fig, (240, 302), (400, 312), 9, bulge=-10)
    fig.arrow((70, 262), (28, 252))
    fig.arrow((500, 300), (552, 320))


def iliopsoas(fig):
    """Half-kneeling lunge, the pelvis tucked and shifted forward (side view, facing right)."""
    floor(fig)
    block(fig, 150, 350, 70, 18, r=6)
    b = Body(fig)
    pelvis = (268, 232)
    b.chain([pelvis, (200, 300), (186, 352)], 28)  # back thigh to the knee on the cushion
    b.chain([(186, 352), (120, 356), (100, 354)], 20)  # shin and foot behind
    b.seg((270, 130), pelvis, 50)
    b.seg((272, 98), (274, 76), 17)
    b.head((276, 56), 21, face=0)
    b.front()
    b.chain([pelvis, (358, 250), (360, 334)], 28)  # front thigh and shin
    b.seg((360, 360), (392, 362), 12)
    b.seg((360, 334), (360, 360), 20)
    b.chain([(272, 116), (284, 176), (330, 210)], 15)  # hands resting on the front knee
    b.draw()
    muscle(fig, (276, 170), (258, 262), 8, bulge=3)
    fig.arrow((290, 286), (348, 286))
    curved_arrow(fig, (250, 236), 56, 220, 160, width=2.6)


def gluteus_medius(fig):
    """Standing with the side of the hip against a wall, a ball under the upper outer buttock
    (front view: the wall is on the right)."""
    floor(fig)
    wall(fig, 430)
    ball(fig, (405, 180), 14)
    b = Body(fig)
    cx = 340
    b.chain([(cx - 18, 216), (cx - 26, 292), (cx - 30, 360)], 26)
    b.chain([(cx + 24, 216), (cx + 32, 292), (cx + 36, 360)], 26)
    b.seg((cx - 30, 362), (cx - 48, 364), 11)
    b.seg((cx + 36, 362), (cx + 54, 364), 11)
    b.shape([(cx - 38, 92), (cx + 30, 96), (cx + 34, 140), (cx + 44, 196), (cx + 50, 224), (cx - 36, 224),
             (cx - 30, 190), (cx - 36, 140)])
    b.seg((cx - 6, 92), (cx - 10, 70), 17)
    b.head((cx - 12, 48), 21)
    b.chain([(cx - 32, 104), (cx - 56, 160), (cx - 70, 214)], 15)
    b.chain([(cx + 26, 104), (cx + 56, 124), (cx + 80, 108)], 15)  # hand on the wall for balance
    b.draw()
    muscle(fig, (cx + 16, 176), (cx + 62, 196), 10, bulge=-6)
    fig.arrow((cx - 90, 190), (cx - 40, 190))


def gluteus_minimus(fig):
    """Side-lying at the edge of a bed, the top leg straight and let down behind the edge:
    the outer hip lengthens (front view, head left)."""
    fig.top = 190
    floor(fig)
    block(fig, 40, 250, 400, 60, r=8)
    b = Body(fig)
    b.shape([(120, 212), (230, 206), (330, 210), (388, 216), (392, 252), (330, 252), (230, 252), (120, 252)])
    b.seg((110, 232), (88, 230), 17)
    b.head((66, 228), 21, face=-95)
    b.chain([(120, 246), (90, 248), (60, 248)], 15)
    b.chain([(386, 244), (440, 244), (436, 248)], 27)  # lower leg bent on the bed
    b.chain([(436, 248), (380, 248)], 20)
    b.front()
    b.chain([(120, 216), (190, 222), (260, 232)], 15)  # top arm along the side
    b.chain([(380, 226), (466, 276), (540, 330)], 27)  # top leg over the edge
    b.seg((540, 330), (556, 316), 12)
    b.draw()
    muscle(fig, (338, 214), (404, 234), 10, bulge=-4)
    fig.arrow((512, 252), (542, 298))


def _supine(fig, top):
    """A figure lying on its back on the floor, head left: the trunk, neck and head drawn; the
    body and the hip, for the legs. top: the figure's top edge."""
    fig.top = top
    floor(fig)
    b = Body(fig)
    hip = (300, 346)
    b.seg((150, 346), hip, 44)
    b.seg((126, 346), (104, 346), 17)
    b.head((82, 344), 21, face=-90)
    return b, hip


def piriformis(fig):
    """Lying on the back, the ankle of the treated side crossed over the other knee, that thigh
    drawn toward the chest (figure-4; side view, head left)."""
    b, hip = _supine(fig, 160)
    # The far leg: thigh drawn toward the chest, the shin up.
    b.chain([hip, (262, 252), (344, 216)], 27)
    b.seg((344, 216), (358, 200), 12)
    b.front()
    # The treated leg: knee out to the side, ankle resting on the far thigh near its knee.
    b.chain([hip, (372, 286), (282, 262)], 27)
    b.seg((282, 262), (270, 250), 12)
    # Hands behind the far thigh.
    b.chain([(166, 334), (208, 300), (252, 282)], 15)
    b.draw()
    muscle(fig, (276, 336), (326, 324), 9)
    fig.arrow((290, 200), (236, 214))


def _seated(fig, b, cx, head_c, face=None):
    """A person seated facing the viewer on a stool (front view); the caller adds the head, neck
    and arms. Returns the shoulder points."""
    block(fig, cx - 80, 258, 160, 20, r=6)
    fig.line((cx - 66, 278), (cx - 70, FLOOR_Y), PROP_EDGE, 4)
    fig.line((cx + 66, 278), (cx + 70, FLOOR_Y), PROP_EDGE, 4)
    b.chain([(cx - 26, 250), (cx - 36, 300), (cx - 40, 360)], 26)
    b.chain([(cx + 26, 250), (cx + 36, 300), (cx + 40, 360)], 26)
    b.seg((cx - 40, 362), (cx - 58, 364), 11)
    b.seg((cx + 40, 362), (cx + 58, 364), 11)
    b.shape([(cx - 14, 108), (cx + 14, 108), (cx + 46, 122), (cx + 54, 136), (cx + 46, 180), (cx + 48, 256),
             (cx - 48, 256), (cx - 46, 180), (cx - 54, 136), (cx - 46, 122)])
    return (cx - 44, 132), (cx + 44, 132)


def _neck_stretch(fig, tilt, turn, chin, anchor, band, arrow):
    """The seated neck stretches: the head tilted (degrees, + = toward the learner's left, the
    viewer's right), the right hand holds the stool (its shoulder stays down); band is the muscle."""
    floor(fig)
    b = Body(fig)
    cx = 300
    left, right = _seated(fig, b, cx, None)
    neck = (cx, 110)
    a = math.radians(tilt)
    head = (neck[0] + 50 * math.sin(a), neck[1] - 50 * math.cos(a) + chin)
    b.seg(neck, lerp(neck, head, 0.6), 19)
    b.head(head, 23, face=(90 if turn is None else turn))
    # Right arm (viewer's left) straight down to the stool.
    b.chain([left, (cx - 62, 196), (cx - 76, 262)], 15)
    b.front()
    if anchor == "lap":
        b.chain([right, (cx + 70, 186), (cx + 36, 236)], 15)
    elif anchor == "collarbone":
        b.chain([right, (cx + 40, 200), (cx - 22, 128)], 14)
    else:  # the left hand over the head, easing it on
        b.chain([right, (cx + 96, 110), head], 15)
    b.draw()
    muscle(fig, band[0], band[1], band[2], bulge=band[3] if len(band) > 3 else 0)
    fig.arrow(arrow[0], arrow[1])


def trapezius_upper(fig):
    _neck_stretch(fig, tilt=32, turn=None, chin=0, anchor="head",
                  band=((292, 92), (250, 128), 8, 3), arrow=((360, 30), (400, 66)))


def sternocleidomastoid(fig):
    _neck_stretch(fig, tilt=28, turn=None, chin=-4, anchor="collarbone",
                  band=((284, 70), (296, 118), 6, -4), arrow=((350, 22), (392, 40)))


def levator_scapulae(fig):
    _neck_stretch(fig, tilt=30, turn=125, chin=10, anchor="head",
                  band=((290, 80), (264, 132), 7, -3), arrow=((372, 60), (402, 104)))


def scalenes(fig):
    _neck_stretch(fig, tilt=34, turn=None, chin=-2, anchor="collarbone",
                  band=((290, 76), (276, 122), 6, 3), arrow=((360, 24), (402, 54)))


def infraspinatus(fig):
    """Standing with the back to a wall, a ball between the wall and the shoulder blade; the knees
    bend and straighten to roll it (side view, facing right, the wall on the left)."""
    floor(fig)
    wall(fig, 200, side=-1)
    ball(fig, (228, 150), 14)
    b = Body(fig)
    hip = (262, 230)
    b.chain([hip, (296, 296), (276, 360)], 27)
    b.seg((276, 362), (304, 364), 12)
    b.seg((256, 124), hip, 48)
    b.seg((262, 100), (268, 78), 17)
    b.head((272, 56), 21, face=0)
    b.front()
    b.chain([(262, 128), (292, 178), (320, 160)], 15)  # forearm across the body
    b.draw()
    muscle(fig, (238, 132), (246, 176), 9, bulge=-3)
    fig.arrow((320, 136), (258, 144))


def supraspinatus(fig):
    """The treated arm behind the back, the other hand drawing its wrist across toward the other
    hip (back view: the treated right shoulder is on the viewer's right)."""
    floor(fig)
    b = Body(fig)
    cx = 300
    b.chain([(cx - 22, 214), (cx - 28, 292), (cx - 30, 360)], 26)
    b.chain([(cx + 22, 214), (cx + 28, 292), (cx + 30, 360)], 26)
    b.seg((cx - 30, 362), (cx - 46, 364), 11)
    b.seg((cx + 30, 362), (cx + 46, 364), 11)
    b.shape([(cx - 50, 96), (cx + 50, 96), (cx + 46, 150), (cx + 40, 200), (cx + 44, 226), (cx - 44, 226),
             (cx - 40, 200), (cx - 46, 150)])
    b.seg((cx, 96), (cx, 72), 18)
    b.head((cx, 50), 22)
    b.front()
    b.chain([(cx + 44, 104), (cx + 64, 160), (cx + 10, 196)], 15)  # treated arm behind the back
    b.chain([(cx - 44, 104), (cx - 62, 160), (cx - 4, 198)], 15)  # the other hand holds its wrist
    b.draw()
    # Seen from behind: hair over the back of the head, the spine and both shoulder blades.
    fig.path([(cx - 21, 52), (cx - 18, 36), (cx - 8, 29), (cx + 8, 29), (cx + 18, 36), (cx + 21, 52),
              (cx + 14, 62), (cx, 66), (cx - 14, 62)], fill=HAIR, stroke=fig.outline, width=1.2)
    fig.line((cx, 100), (cx, 218), LANDMARK, 1.4)
    for side in (-1, 1):
        fig.path([(cx + side * 14, 106), (cx + side * 42, 106), (cx + side * 18, 168)], stroke=LANDMARK, width=1.4)
        fig.line((cx + side * 16, 118), (cx + side * 42, 108), LANDMARK, 1.4)
    muscle(fig, (cx + 14, 110), (cx + 44, 102), 6)
    fig.arrow((cx + 36, 214), (cx - 28, 220))


def subscapularis(fig):
    """Lying on the back, the arm out at shoulder height and the elbow bent, the forearm let back
    toward the floor beside the head (seen from above; the treated arm on the viewer's right)."""
    block(fig, 150, 20, 300, 360, r=14)
    b = Body(fig)
    cx = 300
    b.chain([(cx - 22, 230), (cx - 26, 300), (cx - 28, 372)], 26)
    b.chain([(cx + 22, 230), (cx + 26, 300), (cx + 28, 372)], 26)
    b.shape([(cx - 50, 112), (cx + 50, 112), (cx + 46, 170), (cx + 40, 214), (cx + 44, 242), (cx - 44, 242),
             (cx - 40, 214), (cx - 46, 170)])
    b.seg((cx, 112), (cx, 88), 18)
    b.head((cx, 66), 22)
    b.chain([(cx - 44, 120), (cx - 60, 180), (cx - 66, 236)], 15)
    b.front()
    b.chain([(cx + 44, 122), (cx + 118, 122), (cx + 118, 52)], 15)
    b.draw()
    muscle(fig, (cx + 10, 126), (cx + 46, 134), 8, bulge=2)
    curved_arrow(fig, (cx + 118, 122), 92, -70, -105, width=2.8)


def tensor_fasciae_latae(fig):
    """Standing, the treated leg crossed behind the other, the hip pushed out to its side and the
    trunk leaning away, a hand on a wall (front view; the treated left hip on the viewer's right)."""
    floor(fig)
    wall(fig, 130, side=-1)
    b = Body(fig)
    cx = 300
    hip = (cx + 36, 214)
    b.chain([(cx + 4, 214), (cx + 14, 290), (cx + 28, 360)], 26)  # the front leg
    b.seg((cx + 28, 362), (cx + 46, 364), 11)
    b.shape([(cx - 56, 100), (cx + 22, 90), (cx + 30, 150), (cx + 52, 196), (cx + 60, 226), (cx - 14, 230),
             (cx - 20, 196), (cx - 40, 150)])
    b.seg((cx - 18, 94), (cx - 30, 72), 17)
    b.head((cx - 40, 52), 21)
    b.chain([(cx - 52, 106), (cx - 110, 120), (cx - 160, 116)], 15)  # hand on the wall
    b.chain([(cx + 18, 100), (cx + 44, 150), (cx + 40, 196)], 15)
    b.front()
    b.chain([hip, (cx + 12, 290), (cx - 30, 360)], 26)  # the treated leg, crossed behind
    b.seg((cx - 30, 362), (cx - 48, 364), 11)
    b.draw()
    muscle(fig, (cx + 40, 198), (cx + 44, 252), 9, bulge=4)
    fig.arrow((cx + 84, 214), (cx + 132, 214))


def hamstrings(fig):
    """Lying on the back, a strap round the ball of the foot, the straight leg raised until a
    stretch is felt behind the thigh (side view, head left)."""
    b, hip = _supine(fig, 90)
    b.chain([hip, (420, 352), (530, 354)], 27)
    b.seg((530, 354), (534, 336), 12)
    b.front()
    foot = (406, 138)
    b.chain([hip, (352, 242), foot], 27)
    b.seg(foot, (424, 142), 12)
    b.chain([(170, 332), (198, 290), (232, 258)], 15)
    b.draw()
    fig.path([(232, 258), (416, 128), (414, 140), (232, 258)], stroke=STRAP, width=3, closed=False)
    muscle(fig, (314, 326), (366, 234), 10, bulge=-7)
    fig.arrow((236, 212), (192, 238))


def rectus_femoris(fig):
    """Standing on one leg, a hand on a chair back, the other hand drawing the heel toward the
    buttock with the knee pointing down and the pelvis tucked under (side view, facing right)."""
    floor(fig)
    fig.line((400, 150), (400, FLOOR_Y), PROP_EDGE, 5)
    block(fig, 380, 140, 40, 16, r=5)
    b = Body(fig)
    hip = (262, 222)
    b.chain([hip, (266, 294), (262, 360)], 27)
    b.seg((262, 362), (294, 364), 12)
    b.seg((258, 120), hip, 48)
    b.seg((262, 96), (266, 74), 17)
    b.head((270, 52), 21, face=0)
    b.chain([(266, 124), (330, 160), (390, 146)], 15)
    b.front()
    knee = (262, 300)
    heel = (212, 236)
    b.chain([hip, knee, heel], 27)
    b.seg(heel, (196, 250), 12)
    b.chain([(254, 124), (230, 180), heel], 15)
    b.draw()
    muscle(fig, (270, 232), (264, 292), 10, bulge=3)
    curved_arrow(fig, (262, 222), 46, 70, 5, width=2.8)


SELFCARE = [
    ("quadratus_lumborum", quadratus_lumborum, "side-lying over a bolster, top arm overhead and top leg behind"),
    ("iliopsoas", iliopsoas, "half-kneeling lunge with the pelvis tucked"),
    ("gluteus_medius", gluteus_medius, "a ball between the wall and the upper outer buttock"),
    ("gluteus_minimus", gluteus_minimus, "side-lying, the top leg let down behind the edge of the bed"),
    ("piriformis", piriformis, "figure-4 stretch lying on the back"),
    ("trapezius_upper", trapezius_upper, "seated side-bend of the neck, the shoulder held down"),
    ("sternocleidomastoid", sternocleidomastoid, "seated head tilt away with the collarbone held"),
    ("levator_scapulae", levator_scapulae, "seated, nose toward the opposite armpit, the shoulder held down"),
    ("scalenes", scalenes, "seated head tilt away with the first ribs held down"),
    ("infraspinatus", infraspinatus, "a ball between the wall and the shoulder blade"),
    ("supraspinatus", supraspinatus, "the arm behind the back drawn toward the other hip"),
    ("subscapularis", subscapularis, "lying on the back, the forearm let back toward the floor"),
    ("tensor_fasciae_latae", tensor_fasciae_latae, "standing crossover stretch, the hip pushed out"),
    ("hamstrings", hamstrings, "lying on the back, the straight leg raised with a strap"),
    ("rectus_femoris", rectus_femoris, "standing quadriceps stretch with the pelvis tucked"),
]
