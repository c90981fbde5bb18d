#!/usr/bin/env python3
"""Generate tpquiz's body charts and muscle overlays (Python 3 standard library only).

Writes, relative to the repository root:
  assets/anatomy/<view>.svg                  the charts (VIEW_LIST below: full-body front, back
                                             and side, 600 x 1400; head and neck views; close-ups)
  assets/anatomy/muscles/<muscle>.<view>.svg muscle overlays, from tools/charts/overlays/<muscle>.py,
                                             with the viewBox of their view

Every shape of the front and back views is described once, for one half of the body, as
landmark points (dx, y): dx = distance from the body's midline (x = 300) in chart units, y =
height in chart units (0 at the top of the viewBox).  The drawing code mirrors each half exactly,
so the charts are symmetric by construction.  Smooth outlines are cubic Bezier splines through the
points (chord-length Catmull-Rom); a point marked CORNER keeps a sharp corner.  The head views are
written in centimetres of an average adult; the side view in chart units; the regional close-ups
are cameras (Camera: rotate, shift, magnify) on the full-body charts with extra detail.

In the front view the patient's right side is on the viewer's left (x = 300 - dx);
in the back view it is on the viewer's right (x = 300 + dx).  Muscle overlays are drawn on
the patient's right side only, where the trigger points of every module are placed.  Every
chart carries its body outline as an invisible <path id="tpquiz-body"> that tpquiz check reads.

Usage:
  tools/charts/gen_charts.py                 regenerate every SVG (from any working directory)
  tools/charts/gen_charts.py --landmarks     print the landmark tables (patient's right side)
  tools/charts/gen_charts.py --landmarks-md  the same as Markdown tables
  tools/charts/gen_charts.py --docs          rewrite the landmark tables in docs/CHARTS.md
  tools/charts/gen_charts.py --review OUTDIR courses/muscles/x.ini ...
        write OUTDIR/<module>.<view>.review.svg (chart + overlay + zones + trigger points) and
        report trigger points or zone points that fall outside the body outline.
See docs/CHARTS.md.
"""

import math
import importlib.util
import os
import re
import sys

W, H = 600, 1400
CX = 300.0
VIEWBOX = "0 0 %d %d" % (W, H)

# ---------------------------------------------------------------- style (one palette)
SKIN = "#f3e4d5"        # body fill
OUTLINE = "#3d3834"     # body outline
OUTLINE_W = 2.0
DETAIL_W = 1.4          # real skin contours inside the outline (jaw line, gluteal fold)
LANDMARK = "#8f7f74"    # bony landmarks
LANDMARK_W = 1.1
LANDMARK_SCALE = 1.15   # every landmark width is multiplied by this (legibility at ~600 px)
MUSCLE = "#c3a493"      # muted muscle borders
MUSCLE_W = 1.0
DOT = "#a8978b"         # spinous processes, small filled marks
OVERLAY_FILL = "#b8413a"
OVERLAY_FILL_OPACITY = 0.34
OVERLAY_STROKE = "#8a2a25"
OVERLAY_STROKE_W = 1.6

CORNER = "c"

# ---------------------------------------------------------------- geometry helpers


def pt(p):
    return (float(p[0]), float(p[1]))


def is_corner(p):
    return len(p) > 2 and p[2] == CORNER


def spline_segments(points, closed):
    """Cubic Bezier segments [(p0, c1, c2, p1), ...] through points (x, y[, CORNER])."""
    n = len(points)
    P = [pt(p) for p in points]

    def tangent(i):
        if is_corner(points[i]):
            return (0.0, 0.0)
        if closed:
            a, b = P[(i - 1) % n], P[(i + 1) % n]
        else:
            if i == 0 or i == n - 1:
                return (0.0, 0.0)
            a, b = P[i - 1], P[i + 1]
        c = P[i]
        d1 = math.hypot(c[0] - a[0], c[1] - a[1])
        d2 = math.hypot(b[0] - c[0], b[1] - c[1])
        if d1 + d2 == 0:
            return (0.0, 0.0)
        return ((b[0] - a[0]) / (d1 + d2), (b[1] - a[1]) / (d1 + d2))

    T = [tangent(i) for i in range(n)]
    segs = []
    last = n if closed else n - 1
    for i in range(last):
        j = (i + 1) % n
        p0, p1 = P[i], P[j]
        L = math.hypot(p1[0] - p0[0], p1[1] - p0[1])
        c1 = (p0[0] + T[i][0] * L / 3.0, p0[1] + T[i][1] * L / 3.0)
        c2 = (p1[0] - T[j][0] * L / 3.0, p1[1] - T[j][1] * L / 3.0)
        segs.append((p0, c1, c2, p1))
    return segs


def fmt(v):
    s = "%.1f" % v
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def path_d(points, closed=False):
    segs = spline_segments(points, closed)
    p0 = pt(points[0])
    out = ["M%s,%s" % (fmt(p0[0]), fmt(p0[1]))]
    for (_, c1, c2, p1) in segs:
        out.append("C%s,%s %s,%s %s,%s" % tuple(fmt(v) for v in (c1 + c2 + p1)))
    if closed:
        out.append("Z")
    return " ".join(out)


def path_d_part(points, closed, i0, i1):
    """The spline through points (the same curve as path_d), only its segments i0..i1-1."""
    segs = spline_segments(points, closed)[i0:i1]
    out = ["M%s,%s" % (fmt(segs[0][0][0]), fmt(segs[0][0][1]))]
    for (_, c1, c2, p1) in segs:
        out.append("C%s,%s %s,%s %s,%s" % tuple(fmt(v) for v in (c1 + c2 + p1)))
    return " ".join(out)


def flatten(points, closed, steps=12):
    """The spline as a polyline (for point-in-outline tests)."""
    out = []
    for (p0, c1, c2, p1) in spline_segments(points, closed):
        for k in range(steps):
            t = k / float(steps)
            u = 1 - t
            x = u * u * u * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * p1[0]
            y = u * u * u * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * p1[1]
            out.append((x, y))
    if not closed:
        out.append(pt(points[-1]))
    return out


def point_in_polygon(p, poly):
    x, y = p
    inside = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def side(points, sign):
    """Half-body points (dx, y[, CORNER]) to chart points on one side: x = CX + sign*dx."""
    out = []
    for p in points:
        q = (CX + sign * p[0], float(p[1]))
        if is_corner(p):
            q = q + (CORNER,)
        out.append(q)
    return out


class Frame:
    """A limb segment: an axis from a to b in (dx, y) space; u = distance outward (lateral,
    increasing dx) from the axis, v = distance along it (or t = fraction of its length)."""

    def __init__(self, a, b):
        self.a = a
        self.b = b
        dx, dy = b[0] - a[0], b[1] - a[1]
        self.length = math.hypot(dx, dy)
        self.d = (dx / self.length, dy / self.length)
        self.n = (self.d[1], -self.d[0])  # outward (+dx) for an axis pointing down

    def at(self, v, u, corner=False):
        x = self.a[0] + self.d[0] * v + self.n[0] * u
        y = self.a[1] + self.d[1] * v + self.n[1] * u
        return (x, y, CORNER) if corner else (x, y)

    def t(self, t, u, corner=False):
        return self.at(t * self.length, u, corner)


# ---------------------------------------------------------------- the body (one half)
# Proportions: stature 1320 units (vertex y=40, soles y=1360), 7.7 heads; the chin at y=212.
# Heights follow standard anthropometric fractions of stature; see docs/CHARTS.md.

UPPER_ARM = Frame((140.0, 300.0), (182.0, 532.0))
FOREARM = Frame((182.0, 532.0), (216.0, 712.0))
HAND = Frame((216.0, 712.0), (216.0 + 0.15 * 150, 712.0 + 0.989 * 150))

# (t, lateral half-width, medial half-width) along the arm segments
UPPER_ARM_W = [(0.10, 30, None), (0.25, 30.5, None), (0.35, 30, 31), (0.45, 29.5, 31),
               (0.60, 28, 30), (0.80, 26, 28.5), (1.0, 25, 28)]
FOREARM_W = [(0.12, 30, 27.5), (0.32, 29, 26), (0.55, 25, 22.5), (0.80, 21, 19), (1.0, 20.5, 19)]

# Hand outline in the hand frame (u = toward the thumb, v = down from the wrist crease):
# palm forward (anatomical position), fingers together, thumb a little away.
HAND_OUTLINE = [(26, 16), (33, 34), (39.5, 52), (43, 68), (44, 82), (42.5, 93),
                (38.5, 99.5), (33, 99), (30, 93), (29, 80), (27.5, 67), (25.5, 60, CORNER),
                (27.5, 72), (28.5, 92), (27.5, 112), (25, 126), (20.5, 133), (16, 131),
                (14.2, 124), (13.5, 114, CORNER), (12.8, 124), (11.5, 134), (8.5, 141.5), (2.5, 143),
                (-1.5, 139), (-2.6, 130), (-3.2, 117, CORNER), (-3.9, 130), (-5.5, 136), (-9.5, 140),
                (-14.5, 138.5), (-16.8, 131), (-17.6, 123), (-18.2, 113, CORNER), (-19.2, 120),
                (-21, 125.5), (-24, 127.5), (-28.5, 123.5), (-30.5, 113),
                (-31.5, 97), (-31.5, 78), (-30.5, 55), (-28, 33), (-24, 14)]
HAND_FINGER_LINES = [[(13.5, 114), (13.2, 105), (13, 96)], [(-3.2, 117), (-3, 108), (-2.6, 98)],
                     [(-18.2, 113), (-17.8, 104), (-17.2, 95)]]


def arm_points():
    """Outer contour of the arm: lateral side down, hand, medial side up to the axilla."""
    pts = []
    # acromion and deltoid cap
    pts += [(150, 284), (162, 291), (169.5, 300)]
    for t, wl, _ in UPPER_ARM_W:
        pts.append(UPPER_ARM.t(t, wl))
    for t, wl, _ in FOREARM_W:
        pts.append(FOREARM.t(t, wl))
    pts.append(HAND.at(0, 21))
    pts += [HAND.at(p[1], p[0], len(p) > 2) for p in HAND_OUTLINE]
    pts.append(HAND.at(0, -19.5))
    for t, _, wm in reversed(FOREARM_W[:-1]):
        pts.append(FOREARM.t(t, -wm))
    for t, _, wm in reversed(UPPER_ARM_W):
        if wm is not None and t > 0.36:
            pts.append(UPPER_ARM.t(t, -wm))
    return pts


HEAD_FRONT = [(0, 40), (28, 43), (46, 54), (55.5, 73), (58.5, 96), (58, 109, CORNER),
              (62.5, 107.5), (66.5, 114), (67.5, 126), (66, 140), (62, 151), (57, 157.5, CORNER),
              (55, 163), (53, 172), (48.5, 183, CORNER), (43.5, 196), (43, 214), (45, 234)]
HEAD_BACK = [(0, 40), (28, 43), (46, 54), (55.5, 73), (58.5, 96), (58, 109, CORNER),
             (62.5, 107.5), (66.5, 114), (67.5, 126), (66, 140), (62, 151), (57, 157.5, CORNER),
             (54, 166), (49.5, 178), (45.5, 192), (43.5, 206), (43.5, 220), (45, 234)]
SHOULDER_TOP = [(55, 249), (80, 259), (110, 267), (134, 275)]
FLANK = [(121.5, 388, CORNER), (118.5, 412), (115.5, 442), (111, 475), (106.5, 505), (105, 525),
         (107, 548), (111.5, 572), (117.5, 598), (123.5, 625), (128, 652), (129.5, 676),
         (128, 702), (125, 740), (119.5, 795), (112.5, 855), (105, 910), (98.5, 948), (96, 975),
         (96, 1000), (98, 1022), (100, 1052), (98, 1092), (93, 1142), (87, 1195), (82, 1245),
         (80.5, 1274)]
FOOT_FRONT = [(82.5, 1292), (87, 1305), (90.5, 1320), (93.5, 1335), (95, 1346), (93.5, 1352.5),
              (90, 1355), (86.5, 1353.5, CORNER), (84, 1357.5), (80.5, 1358.5), (77.5, 1356.5, CORNER),
              (75, 1360), (71, 1361.2), (67.5, 1359.5, CORNER), (65, 1362.2), (60.5, 1363.2),
              (56, 1359.5, CORNER), (52.5, 1364.5), (44, 1367), (35, 1366), (28.5, 1361.5),
              (24.5, 1352), (25, 1340), (27.5, 1327), (27, 1313), (26.5, 1303), (28, 1296)]
FOOT_BACK = [(82.5, 1292), (86.5, 1304), (89, 1320), (89.5, 1337), (86, 1350), (76, 1358),
             (60, 1361.5), (44, 1360), (32, 1354), (26, 1343), (24.5, 1326), (25.5, 1310),
             (27, 1298)]
LEG_MEDIAL = [(29.5, 1284), (29, 1264), (26.5, 1228), (21.5, 1180), (16.5, 1130), (14, 1084),
              (15.5, 1046), (19, 1016), (19.5, 990), (18.5, 962), (16, 930), (12.5, 880), (8.5, 822),
              (4.5, 770), (1.6, 737), (0, 724, CORNER)]
# from behind, the buttocks meet down to the gluteal folds: the thighs part lower
LEG_MEDIAL_BACK = LEG_MEDIAL[:-4] + [(5, 790), (2, 771), (0, 760, CORNER)]


def half_outline(view):
    head = HEAD_FRONT if view == "front" else HEAD_BACK
    foot = FOOT_FRONT if view == "front" else FOOT_BACK
    leg = LEG_MEDIAL if view == "front" else LEG_MEDIAL_BACK
    return head + SHOULDER_TOP + arm_points() + FLANK + foot + leg


def body_outline(view):
    """Closed outline: the viewer's left half from the vertex down to the crotch, then the
    mirrored half back up."""
    half = half_outline(view)
    left = side(half, -1)
    right = side(half, +1)
    # half runs vertex (dx 0) .. crotch (dx 0); the right half is walked back up,
    # without repeating the two midline points.
    return left + list(reversed(right[1:-1]))


# ---------------------------------------------------------------- drawing primitives


CM_PER_UNIT = "0.13"


class Svg:
    """One SVG document; w, h: its viewBox (0 0 w h); cm: its data-cm-per-unit."""

    def __init__(self, title, w=W, h=H, cm=CM_PER_UNIT):
        self.parts = []
        self.title = title
        self.w, self.h, self.cm = w, h, cm
        self.tf = None      # a Camera: draw another chart's coordinates into this one

    def add(self, s):
        self.parts.append(s)

    def text(self):
        # data-cm-per-unit: how many cm of an average adult one unit stands for (the full-body
        # figure, crown y=40 to soles y=1360, is an adult of about 172 cm), so the program can
        # say how far off a click was.
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
                'viewBox="0 0 %d %d" data-cm-per-unit="%s">\n<!-- %s Generated by '
                'tools/charts/gen_charts.py: do not edit by hand. -->\n'
                % (self.w, self.h, self.w, self.h, self.cm, self.title))
        return head + "\n".join(self.parts) + "\n</svg>\n"


def stroke_attrs(color, width, extra=""):
    return ('fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" '
            'stroke-linejoin="round"%s' % (color, fmt(width) if width != int(width) else int(width),
                                           extra))


class Camera:
    """A similarity transform from a full-body chart into a close-up: rotate by angle degrees
    about (cx, cy), then x' = (x - x0) * k, y' = (y - y0) * k.  Line widths stay in the
    close-up's units (one palette), shapes and sizes scale by k."""

    def __init__(self, x0, y0, k, angle=0.0, cx=0.0, cy=0.0):
        self.x0, self.y0, self.k = x0, y0, k
        self.c, self.s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        self.cx, self.cy = cx, cy

    def p(self, q):
        x, y = q[0] - self.cx, q[1] - self.cy
        x, y = self.cx + x * self.c - y * self.s, self.cy + x * self.s + y * self.c
        out = ((x - self.x0) * self.k, (y - self.y0) * self.k)
        return out + (CORNER,) if is_corner(q) else out

    def all(self, pts):
        return [self.p(q) for q in pts]


def placed(svg, pts):
    return svg.tf.all(pts) if svg.tf else pts


def line(svg, pts, color, width, closed=False, extra=""):
    if color == LANDMARK:
        width = round(width * LANDMARK_SCALE, 2)
    svg.add('<path %s d="%s"/>' % (stroke_attrs(color, width, extra), path_d(placed(svg, pts), closed)))


def circle(svg, cx, cy, r, attrs):
    if svg.tf:
        (cx, cy), r = svg.tf.p((cx, cy)), r * svg.tf.k
    svg.add('<circle cx="%s" cy="%s" r="%s" %s/>' % (fmt(cx), fmt(cy), fmt(r), attrs))


def ellipse(svg, cx, cy, rx, ry, attrs, scale=True):
    """scale=False: a symbolic mark (a spinous process dot) grows only a little in a close-up."""
    if svg.tf:
        f = svg.tf.k if scale else svg.tf.k ** 0.5
        (cx, cy), rx, ry = svg.tf.p((cx, cy)), rx * f, ry * f
    svg.add('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" %s/>' % (fmt(cx), fmt(cy), fmt(rx), fmt(ry), attrs))


def body_path(svg, pts, stroke=True):
    """The skin-coloured body (or limb) shape with its outline."""
    d = path_d(placed(svg, pts), closed=True)
    if stroke:
        svg.add('<path fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" d="%s"/>'
                % (SKIN, OUTLINE, fmt(OUTLINE_W), d))
    else:
        svg.add('<path fill="%s" stroke="none" d="%s"/>' % (SKIN, d))


def mirrored(svg, half_pts, color, width, view, closed=False, extra="", both=True):
    """Draws a half-body line on both sides (or only on the patient's right if both=False)."""
    signs = (-1, 1) if both else (patient_right_sign(view),)
    for s in signs:
        line(svg, side(half_pts, s), color, width, closed, extra)


def patient_right_sign(view):
    """-1 if the patient's right side is at x = 300 - dx in this view, +1 if at 300 + dx."""
    return VIEW_SPECS[view].mirror or 1


def dots(svg, centres, rx, ry, color, scale=False):
    for (x, y) in centres:
        ellipse(svg, x, y, rx, ry, 'fill="%s" stroke="none"' % color, scale)


# ---------------------------------------------------------------- landmarks
# (dx, y) of named landmarks on one side; dx 0 = midline.  Used for the details below, for
# --landmarks and for docs/CHARTS.md.
LANDMARKS = {
    "front": {
        "vertex": (0, 40), "chin": (0, 212), "jugular notch": (0, 291),
        "acromion": (148, 284), "nipple": (62, 410), "xiphoid tip": (0, 447),
        "costal margin, lowest (10th rib)": (103, 535), "umbilicus": (0, 568),
        "iliac crest, highest lateral point": (118, 588), "ASIS": (90, 628),
        "mid-inguinal point": (54, 664), "pubic tubercle": (21, 690), "pubic symphysis": (0, 694),
        "greater trochanter": (124, 676), "lesser trochanter (deep)": (72, 720),
        "crotch": (0, 724), "femoral triangle apex": (50, 810), "patella centre": (57, 965),
        "tibial tuberosity": (57, 1015), "medial malleolus": (30, 1292),
        "lateral malleolus": (82, 1303), "elbow (cubital crease)": (182, 532),
        "wrist crease": (216, 712), "fingertip (middle finger)": (239, 852),
    },
    "back": {
        "vertex": (0, 40), "inion (external occipital protuberance)": (0, 152),
        "C7 spinous process": (0, 268), "acromion": (148, 286),
        "scapula superior angle": (44, 300), "root of scapular spine (T3)": (47, 322),
        "scapula inferior angle (T7)": (66, 403), "T12 spinous process": (0, 488),
        "12th rib, tip": (80, 524), "L3 spinous process": (0, 562),
        "L4 spinous process (crest level)": (0, 587), "iliac crest, top": (95, 587),
        "L5 spinous process": (0, 611), "PSIS (dimple)": (37, 637), "median sacral crest (S2)": (0, 648),
        "sacrum apex / coccyx": (0, 703), "greater trochanter": (122, 677),
        "gluteal fold, middle": (55, 768), "popliteal crease centre": (57, 987),
        "medial malleolus": (30, 1292), "lateral malleolus": (83, 1303),
        "olecranon (elbow)": (182, 536),
    },
}

SPINOUS = [("C7", 268)] + [("T%d" % (i + 1), 286 + i * 18.4) for i in range(12)] + \
    [("L1", 512), ("L2", 537), ("L3", 562), ("L4", 587), ("L5", 611)]


CHEST_RIBS = [  # (sternal end dy, the rib's course outward) for ribs 2 to 7, half-body (dx, y)
    [(13, 318), (40, 313), (72, 316), (100, 326), (118, 342)],
    [(13.5, 340), (40, 336), (72, 339), (100, 350), (118, 366)],
    [(13, 362), (40, 359), (72, 363), (100, 375), (117, 392)],
    [(12, 385), (38, 383), (70, 388), (98, 400), (116, 418)],
    [(11, 407), (34, 409), (64, 416), (94, 428), (114, 445)],
    [(9, 427), (28, 432), (56, 442), (88, 456), (111, 472)],
]

STERNUM = [(0, 290.5), (5, 289.5), (9, 287.5, CORNER), (12.5, 291), (15.5, 294, CORNER), (17, 301),
           (16, 309), (13, 318, CORNER), (14.6, 328), (14, 339, CORNER), (15.4, 350), (15, 361, CORNER),
           (16, 373), (15.4, 384, CORNER), (15.6, 395), (13.8, 406, CORNER), (12.4, 416),
           (9.5, 426, CORNER), (5, 432, CORNER), (3.6, 440), (0, 447)]  # half-body (dx, y)


def draw_front_details(svg):
    v = "front"
    # face (kept light: the program draws labels and highlights on top)
    mirrored(svg, [(12.5, 115.5), (24, 111), (36.5, 114)], LANDMARK, 1.3, v)          # brow
    mirrored(svg, [(14, 126.5), (20, 122.5), (28, 122.5), (34, 126)], LANDMARK, 1.1, v)  # upper lid
    mirrored(svg, [(14, 126.5), (21, 129.5), (28, 129), (34, 126)], LANDMARK, 0.9, v)    # lower lid
    for s in (-1, 1):
        circle(svg, CX + s * 24, 126, 2.6, 'fill="%s" stroke="none"' % LANDMARK)
    mirrored(svg, [(6, 128), (7, 142), (9.5, 153)], LANDMARK, 0.9, v, extra=' opacity="0.7"')
    mirrored(svg, [(9.5, 152), (11.5, 156), (8, 159.5), (4, 158.5)], LANDMARK, 1.0, v)  # nostril
    line(svg, [(CX - 4, 158.5), (CX, 160), (CX + 4, 158.5)], LANDMARK, 1.0)
    line(svg, [(CX - 15, 179.5), (CX - 6, 181), (CX, 180.5), (CX + 6, 181), (CX + 15, 179.5)],
         LANDMARK, 1.2)                                                                   # mouth
    line(svg, [(CX - 7, 188), (CX, 189.5), (CX + 7, 188)], LANDMARK, 0.9)
    mirrored(svg, [(62, 116), (64.5, 127), (63.5, 140), (60, 149)], LANDMARK, 0.9, v)   # ear
    mirrored(svg, [(0, 73), (24, 74), (42, 80), (53, 92), (57, 104)], LANDMARK, 1.0, v,
             extra=' opacity="0.8"')                                                     # hairline
    # jaw line over the neck: a real contour
    mirrored(svg, [(48.5, 183), (38, 198), (22, 208.5), (0, 212.5)], OUTLINE, DETAIL_W, v)
    # neck: sternocleidomastoid, thyroid cartilage hint
    mirrored(svg, [(47, 190), (38, 222), (24, 262), (13, 284)], MUSCLE, MUSCLE_W, v)
    line(svg, [(CX - 5, 236), (CX, 241), (CX + 5, 236)], MUSCLE, MUSCLE_W)
    # jugular notch, clavicles, sternum
    line(svg, [(CX - 10, 285.5), (CX - 5, 290), (CX, 291.5), (CX + 5, 290), (CX + 10, 285.5)],
         LANDMARK, 1.3)
    mirrored(svg, [(10, 286), (30, 291), (60, 286.5), (95, 279.5), (124, 279), (143, 282.5)],
             LANDMARK, 1.4, v)
    # sternum: the manubrium with the clavicular notches at its upper corners, the sternal angle
    # (2nd cartilage), the body with a notch for each cartilage from the 3rd to the 7th, widest at
    # the 5th, the xiphoid process; the costal cartilages (pale) and ribs 2 to 7 beyond them
    # (dashed, faint), the 1st cartilage under the clavicle
    mirrored(svg, STERNUM, LANDMARK, 1.0, v)
    line(svg, [(CX - 13, 318), (CX + 13, 318)], LANDMARK, 0.9)
    line(svg, [(CX - 5, 432), (CX + 5, 432)], LANDMARK, 0.8, extra=' opacity="0.7"')
    mirrored(svg, [(16.5, 299), (26, 301), (36, 302)], LANDMARK, 0.8, v, extra=' opacity="0.5"')
    for rib in CHEST_RIBS:
        mirrored(svg, rib[:2], LANDMARK, 0.8, v, extra=' opacity="0.5"')
        mirrored(svg, rib[1:], LANDMARK, 0.7, v, extra=' stroke-dasharray="5 4" opacity="0.35"')
    # pectoral border, nipple, deltopectoral groove
    mirrored(svg, [(14, 432), (42, 441), (78, 433), (104, 411), (119, 391)], MUSCLE, MUSCLE_W, v)
    for s in (-1, 1):
        circle(svg, CX + s * 62, 410, 3, 'fill="none" stroke="%s" stroke-width="1"' % LANDMARK)
    mirrored(svg, [(117, 283), (123, 318), (127, 357)], MUSCLE, MUSCLE_W, v)
    # costal margin
    mirrored(svg, [(9, 432), (26, 452), (48, 477), (72, 500), (91, 518), (103, 535)],
             LANDMARK, LANDMARK_W, v)
    # abdominal wall: linea alba, linea semilunaris (lateral border of the rectus sheath)
    line(svg, [(CX, 452), (CX, 558)], MUSCLE, MUSCLE_W)
    line(svg, [(CX, 578), (CX, 686)], MUSCLE, MUSCLE_W)
    mirrored(svg, [(66, 494), (65.5, 540), (61, 590), (50, 632), (34, 668), (21, 688)],
             MUSCLE, MUSCLE_W, v)
    # umbilicus
    ellipse(svg, 300, 568, 4.2, 5.8, 'fill="none" stroke="%s" stroke-width="1.2"' % LANDMARK)
    line(svg, [(CX - 6, 561), (CX, 559), (CX + 6, 561)], LANDMARK, 0.9)
    # iliac crest, ASIS, inguinal ligament, pubis
    mirrored(svg, [(120, 584), (113, 598), (101, 614), (91, 625.5)], LANDMARK, 1.3, v)
    for s in (-1, 1):
        circle(svg, CX + s * 90, 628, 2.6, 'fill="%s" stroke="none"' % LANDMARK)
    mirrored(svg, [(88, 632), (70, 650), (48, 671), (22, 689)], LANDMARK, LANDMARK_W, v)
    line(svg, [(CX - 22, 690), (CX - 10, 693), (CX, 693.5), (CX + 10, 693), (CX + 22, 690)],
         LANDMARK, 1.2)
    line(svg, [(CX, 694), (CX, 704)], LANDMARK, 1.0)
    for s in (-1, 1):
        circle(svg, CX + s * 21, 690, 1.8, 'fill="%s" stroke="none"' % LANDMARK)
    # thigh: sartorius (both borders), adductor longus, tensor fasciae latae, vastus medialis
    # sartorius: from the ASIS across the thigh; it passes behind the vastus medialis bulge
    mirrored(svg, [(93, 634), (90, 690), (78, 760), (62, 832), (50, 872)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(86, 639), (75, 700), (59, 770), (45, 832), (35, 868)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(22, 697), (31, 742), (40, 780), (47.5, 808)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(99, 634), (108, 680), (113, 720), (116, 752)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(24, 872), (28, 912), (36, 940), (46, 951)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(96, 892), (90, 925), (80, 945), (71, 951)], MUSCLE, MUSCLE_W, v)
    # patella, patellar ligament, tibial tuberosity, tibial crest
    patella = [(57, 947), (65, 949.5), (68.5, 958), (66.5, 968), (61, 976.5), (57, 979),
               (53, 976.5), (47.5, 968), (45.5, 958), (49, 949.5)]
    mirrored(svg, patella, LANDMARK, 1.1, v, closed=True)
    mirrored(svg, [(53.5, 981), (54, 1006)], LANDMARK, 0.8, v, extra=' opacity="0.55"')
    mirrored(svg, [(60.5, 981), (60, 1006)], LANDMARK, 0.8, v, extra=' opacity="0.55"')
    for s_ in (-1, 1):
        circle(svg, CX + s_ * 57, 1013, 2, 'fill="%s" stroke="none"' % LANDMARK)
    mirrored(svg, [(56.5, 1025), (54.5, 1100), (50.5, 1180), (45, 1250)], LANDMARK, 1.0, v,
             extra=' stroke-dasharray="7 6"')
    # ankle: malleoli, ankle crease; toes
    mirrored(svg, [(34, 1283), (37, 1292), (34, 1301)], LANDMARK, 1.2, v)
    mirrored(svg, [(78.5, 1294), (75.5, 1303), (78.5, 1312)], LANDMARK, 1.2, v)
    mirrored(svg, [(38, 1306), (57, 1310), (74, 1312)], LANDMARK, 0.9, v)
    for dx, y0, y1 in ((56, 1349, 1359.5), (67.5, 1350, 1359.5), (77.5, 1349, 1356.5),
                       (86.5, 1347, 1353.5)):
        mirrored(svg, [(dx - 0.5, y0), (dx, y1)], LANDMARK, 0.9, v)
    # the big toe's nail; the medial arch (instep) above the ball of the big toe
    mirrored(svg, [(35, 1361), (35.5, 1357.5), (41, 1356.5), (46, 1358), (46, 1361.5)], LANDMARK, 0.8, v)
    mirrored(svg, [(29, 1306), (31, 1320), (29.5, 1334)], LANDMARK, 0.8, v, extra=' opacity="0.6"')
    # arm: cubital crease, wrist crease, fingers
    mirrored(svg, [FOREARM.at(2, -13), FOREARM.at(-1.5, 0), FOREARM.at(2, 12)], LANDMARK, 1.0, v)
    mirrored(svg, [HAND.at(2, -16), HAND.at(0.5, 0), HAND.at(2, 18)], LANDMARK, 0.9, v)
    mirrored(svg, [HAND.at(57, 25), HAND.at(45, 16), HAND.at(30, 9), HAND.at(12, 5)], LANDMARK, 0.8, v,
             extra=' opacity="0.7"')                                                 # thenar crease
    for fl in HAND_FINGER_LINES:
        mirrored(svg, [HAND.at(q[1], q[0]) for q in fl], LANDMARK, 0.9, v)
    mirrored(svg, [UPPER_ARM.t(0.50, -6), UPPER_ARM.t(0.75, -8), UPPER_ARM.t(0.92, -4)],
             MUSCLE, MUSCLE_W, v)                                                    # biceps


# the right scapula from behind, half-body (dx, y): the blade, and its spine with the acromion
SCAPULA = [(51, 296.5, CORNER), (46.5, 308), (45.5, 322), (47, 345), (51, 368), (57, 388),
           (64.5, 403, CORNER), (73, 398), (86, 380), (99, 360), (110, 342), (118, 327),
           (121.5, 320, CORNER), (125, 314), (125.5, 306), (122, 300.5, CORNER), (110, 300.5),
           (104, 303.5, CORNER), (99, 300, CORNER), (80, 297), (62, 295.5)]
SCAPULA_SPINE = [(46, 315, CORNER), (62, 311), (84, 304), (108, 296), (130, 288.5), (140, 284.5),
                 (147, 282.5), (153, 284.5), (154.5, 289.5, CORNER), (151, 293.5), (142, 296.5),
                 (130, 299.5), (108, 306.5), (84, 315), (62, 322), (47, 330, CORNER)]


def draw_back_details(svg):
    v = "back"
    # head: hair at the nape, inion and superior nuchal line, ear backs
    mirrored(svg, [(0, 151), (16, 153.5), (32, 158)], LANDMARK, 0.9, v, extra=' opacity="0.8"')
    circle(svg, 300, 152, 2.4, 'fill="%s" stroke="none"' % LANDMARK)
    mirrored(svg, [(59, 116), (61, 130), (59.5, 146)], LANDMARK, 0.9, v)
    # neck midline, trapezius (lower border), scapulae
    line(svg, [(CX, 192), (CX, 258)], MUSCLE, MUSCLE_W)
    mirrored(svg, [(2, 488), (22, 455), (37, 405), (47, 356), (51, 328)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(30, 158), (36, 200), (44, 238)], MUSCLE, MUSCLE_W, v)           # trapezius, upper
    # scapulae: the closed blade (superior angle, medial border, inferior angle, lateral border
    # up to the glenoid, superior border with the suprascapular notch), its spine from the
    # triangular root at the medial border widening out to the acromion, and the acromion
    mirrored(svg, SCAPULA, LANDMARK, 1.1, v, closed=True)
    mirrored(svg, SCAPULA_SPINE, LANDMARK, 1.1, v, closed=True)
    # ribs 11 and 12
    mirrored(svg, [(17, 471), (55, 484), (90, 499), (112, 514)], LANDMARK, 0.9, v,
             extra=' stroke-dasharray="6 5" opacity="0.8"')
    mirrored(svg, [(15, 490), (40, 500), (62, 511), (80, 524)], LANDMARK, 1.2, v)
    # spinous processes C7..L5 (C7, the vertebra prominens, a little larger)
    for name, y in SPINOUS:
        r = 3.4 if name == "C7" else 2.6
        dots(svg, [(CX, y)], r, r + 1.0, DOT)
    # erector spinae (lateral border), latissimus lateral border hint
    mirrored(svg, [(43, 632), (53, 592), (57, 540), (55, 490), (49, 440), (41, 402)],
             MUSCLE, MUSCLE_W, v)
    # iliac crest, PSIS dimples, sacrum, median sacral crest, gluteal cleft and folds
    mirrored(svg, [(41, 628), (55, 608), (75, 594.5), (95, 587), (110, 589.5), (121, 597)],
             LANDMARK, 1.3, v)
    for s in (-1, 1):
        ellipse(svg, CX + s * 37, 637, 4, 3.4, 'fill="#e4cdb9" stroke="%s" stroke-width="0.9"'
                % LANDMARK)
    mirrored(svg, [(38, 620), (34.5, 648), (24, 677), (9.5, 697), (0, 703, CORNER)],
             LANDMARK, 1.1, v)
    dots(svg, [(CX, 630), (CX, 648), (CX, 665)], 2.0, 2.6, DOT)
    line(svg, [(CX, 704), (CX, 760)], OUTLINE, DETAIL_W)
    mirrored(svg, [(1.5, 754), (24, 763.5), (55, 768.5), (84, 765.5), (107, 756)], OUTLINE,
             DETAIL_W, v)
    # gluteus maximus upper border, greater trochanter
    mirrored(svg, [(42, 624), (68, 642), (96, 668), (117, 700)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(121.5, 664), (116.5, 677), (120.5, 691)], LANDMARK, 1.2, v)
    # thigh: hamstring borders to the popliteal fossa, popliteal crease
    mirrored(svg, [(40, 800), (33, 880), (30, 935), (32, 975)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(72, 800), (80, 880), (85, 935), (83, 975)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(37, 985), (57, 989), (78, 985)], LANDMARK, 1.3, v)
    # calf: gastrocnemius heads, Achilles tendon, heel
    mirrored(svg, [(32, 1000), (24, 1050), (28, 1110), (40, 1160), (51, 1180)], MUSCLE,
             MUSCLE_W, v)
    mirrored(svg, [(82, 1000), (90, 1050), (85, 1110), (73, 1152), (63, 1175)], MUSCLE,
             MUSCLE_W, v)
    mirrored(svg, [(57, 1010), (57, 1140)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(51, 1182), (52, 1240), (52, 1300)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(63, 1177), (62, 1240), (62, 1300)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(41, 1314), (45, 1331), (57, 1339), (69, 1331), (73, 1314)], LANDMARK, 1.0, v)
    mirrored(svg, [(34, 1283), (37.5, 1292), (34, 1301)], LANDMARK, 1.2, v)
    mirrored(svg, [(79, 1294), (76, 1303), (79, 1312)], LANDMARK, 1.2, v)
    # arm: olecranon, wrist, knuckles, fingers
    mirrored(svg, [FOREARM.at(-2, -7), FOREARM.at(4, 0), FOREARM.at(-2, 7)], LANDMARK, 1.1, v)
    mirrored(svg, [UPPER_ARM.t(0.10, 26), UPPER_ARM.t(0.32, 20), UPPER_ARM.t(0.47, 14)],
             MUSCLE, MUSCLE_W, v)                                                  # deltoid border
    mirrored(svg, [HAND.at(2, -16), HAND.at(3, 0), HAND.at(2, 18)], LANDMARK, 0.8, v,
             extra=' opacity="0.7"')
    for u in (20, 5.5, -9.5, -23.5):
        mirrored(svg, [HAND.at(87, u - 4.5), HAND.at(84, u), HAND.at(87, u + 4.5)], LANDMARK, 0.9, v)
    for fl in HAND_FINGER_LINES:
        mirrored(svg, [HAND.at(q[1], q[0]) for q in fl], LANDMARK, 0.9, v)


# ---------------------------------------------------------------- head and neck views
# Both use viewBox 0 0 600 700 at 0.07 cm per unit (14.29 units per cm): a head of 22.9 cm
# (vertex to menton) is 327 units tall.  Shapes are written in centimetres of an average adult
# and converted, so proportions can be checked against anthropometric tables.

HEAD_W, HEAD_H = 600, 700
HEAD_CM = "0.07"
HEAD_K = 1.0 / 0.07                      # units per cm
HEAD_Y0 = 22.0                           # vertex at y = 22
HS_X0 = 286.0                            # head_side: the tragion (front of the ear) at x = 286


def hs(p):
    """head_side: (x cm forward of the tragion, y cm below the vertex[, CORNER]) to chart units.
    The face looks to the viewer's right."""
    q = (HS_X0 + p[0] * HEAD_K, HEAD_Y0 + p[1] * HEAD_K)
    return q + (CORNER,) if is_corner(p) else q


def hs_all(pts):
    return [hs(p) for p in pts]


def hf(p):
    """head_front: (dx cm from the midline, y cm below the vertex[, CORNER]) to half-body units
    (dx, y), mirrored by side() like the full-body views."""
    q = (p[0] * HEAD_K, HEAD_Y0 + p[1] * HEAD_K)
    return q + (CORNER,) if is_corner(p) else q


def hf_all(pts):
    return [hf(p) for p in pts]


# head_side: the profile (x cm forward of the tragion, y cm below the vertex), Frankfurt plane
# horizontal.  Vertex above the tragion; glabella 10.6 cm forward, opisthocranion 9.5 cm back;
# menton 22.9 cm below the vertex; sternal notch 32.5, C7 29.4, acromion 31.2.
HS_FRONT = [(0, 0), (4.0, 0.6), (7.4, 2.6), (9.5, 5.4), (10.4, 8.0), (10.6, 9.9),
            (10.1, 11.0), (10.6, 12.2), (11.5, 13.8), (12.4, 15.15), (12.35, 15.8), (11.7, 16.15),
            (10.8, 16.35, CORNER), (10.95, 17.0), (11.25, 17.85), (10.8, 18.45, CORNER),
            (11.05, 19.0), (10.85, 19.75), (10.15, 20.35), (10.35, 21.2), (10.4, 21.95),
            (9.95, 22.65), (9.1, 23.0), (7.6, 23.35), (6.1, 23.75), (5.1, 24.5), (4.85, 25.6),
            (5.2, 26.7), (5.3, 27.6), (5.7, 29.4), (6.6, 31.7), (7.3, 33.5), (8.2, 36.0),
            (9.2, 39.5), (10.0, 43.0), (10.5, 47.0), (10.6, 50.5), (10.6, 52, CORNER)]
HS_BACK = [(-4.6, 0.8), (-7.6, 3.2), (-9.2, 6.5), (-9.5, 9.4), (-9.15, 11.4), (-8.7, 12.4),
           (-8.05, 13.7), (-7.1, 15.4), (-6.5, 17.3), (-6.25, 19.5), (-6.3, 22.0), (-6.6, 24.5),
           (-7.2, 26.8), (-7.8, 28.8), (-8.5, 30.8), (-9.3, 33.5), (-9.9, 37.0), (-10.3, 41.0),
           (-10.5, 45.0), (-10.5, 50.5), (-10.5, 52, CORNER)]
HS_EAR = [(0.25, 10.9), (-0.15, 10.0), (-1.15, 9.45), (-2.35, 9.6), (-3.15, 10.5), (-3.45, 11.8),
          (-3.3, 13.2), (-2.8, 14.5), (-2.25, 15.6), (-1.7, 16.3), (-1.0, 16.45), (-0.5, 16.0),
          (-0.35, 15.2, CORNER), (0.05, 14.5), (0.4, 13.7), (0.35, 12.8), (0.15, 12.1)]


# Spinous processes, just under the skin.  C7 (vertebra prominens) lies about 1.5 cm below the
# level of the chin and 6-7 cm above the sternal notch (cervicale height in adult
# anthropometric surveys); C2 is the first spinous process felt below the occiput.
HS_C2 = (-5.4, 17.4)
HS_C7 = (-6.5, 26.2)
HS_T1 = (-7.2, 28.2)


def head_side_outline():
    return hs_all(HS_FRONT + list(reversed(HS_BACK)))


# head_front: half outline (dx cm from the midline, y cm below the vertex), from the vertex down
# the patient's right side (viewer's left), cropped by the viewBox below the shoulders.
HF_HALF = [(0, 0), (3.4, 0.35), (5.7, 1.5), (7.1, 3.4), (7.7, 5.8), (7.75, 7.8),
           (7.45, 9.6, CORNER), (7.95, 9.5), (8.55, 10.05), (8.85, 11.4), (8.7, 13.0), (8.35, 14.6),
           (7.9, 15.7), (7.35, 16.25, CORNER), (6.7, 17.2), (6.1, 18.6, CORNER), (5.7, 20.6),
           (5.6, 23.5), (5.75, 26.0), (6.5, 27.7), (8.5, 29.0), (11.5, 29.9), (14.5, 30.5),
           (16.8, 30.95), (18.6, 31.5), (19.9, 32.4), (20.8, 33.8), (21.6, 35.6),
           (22.5, 38, CORNER), (22.5, 52, CORNER), (0, 52, CORNER)]


def head_front_outline():
    half = hf_all(HF_HALF)
    left = side(half, -1)
    right = side(half, +1)
    return left + list(reversed(right[1:-1]))


def draw_head_side(svg):
    def ln(pts, color, width, extra="", closed=False):
        line(svg, hs_all(pts), color, width, closed, extra)

    def dot(p, r, color=DOT):
        x, y = hs(p)
        dots(svg, [(x, y)], r, r, color)

    # temporal fossa: superior temporal line (dashed), from the lateral orbital rim over the
    # temple and back to the supramastoid crest above the ear
    ln([(8.35, 9.6), (7.9, 7.6), (6.4, 5.8), (3.8, 4.6), (0.4, 4.35), (-3.0, 5.1), (-5.4, 6.9),
        (-6.5, 9.1), (-5.9, 11.0), (-4.2, 11.9)], LANDMARK, 1.0, ' stroke-dasharray="6 5"')
    # zygomatic arch (upper and lower borders) and body of the zygoma
    ln([(1.6, 12.05), (3.6, 11.95), (5.7, 12.15), (6.9, 11.85), (7.7, 11.0), (8.3, 9.9)],
       LANDMARK, 1.1)
    ln([(2.0, 12.85), (3.9, 12.95), (5.6, 13.3), (6.8, 14.05), (7.6, 14.05)], LANDMARK, 1.1)
    # mandible: ramus (posterior border), angle; the lower border is a skin contour (jaw line)
    ln([(1.25, 13.4), (1.1, 15.3), (1.0, 17.4), (1.05, 18.9), (1.45, 19.65)], LANDMARK, 1.2)
    ln([(1.45, 19.65), (3.6, 20.85), (6.4, 22.05), (8.3, 22.8), (9.1, 23.0)], OUTLINE, DETAIL_W)
    # TMJ: the condyle in front of the tragus
    x, y = hs((1.3, 12.95))
    svg.add('<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="1.2"/>'
            % (fmt(x), fmt(y), fmt(0.42 * HEAD_K), LANDMARK))
    # masseter anterior border
    ln([(6.05, 13.5), (5.8, 16.4), (5.55, 19.3), (5.45, 21.4)], MUSCLE, MUSCLE_W)
    # mastoid process behind the lobe; superior nuchal line; inion
    ln([(-3.75, 13.7), (-3.5, 15.1), (-3.0, 16.2), (-2.45, 16.65), (-1.95, 16.45)], LANDMARK, 1.2)
    ln([(-8.45, 12.45), (-7.0, 12.95), (-5.4, 13.35), (-4.0, 13.65)], LANDMARK, 0.9,
       ' opacity="0.8"')
    dot((-8.45, 12.35), 2.4, LANDMARK)
    # ear: rim (a skin contour), helix, antihelix, concha
    ln(HS_EAR, OUTLINE, DETAIL_W)
    ln([(-0.35, 10.45), (-1.2, 10.05), (-2.3, 10.2), (-2.85, 11.1), (-2.95, 12.4), (-2.65, 13.8),
        (-2.1, 15.0), (-1.55, 15.6)], LANDMARK, 0.9)
    ln([(-1.75, 10.9), (-2.15, 12.0), (-2.0, 13.3), (-1.45, 14.3), (-0.7, 14.6)], LANDMARK, 0.9)
    ln([(-0.35, 12.1), (-1.1, 12.35), (-1.35, 13.2), (-0.95, 13.9), (-0.3, 14.0)], LANDMARK, 0.8,
       ' opacity="0.7"')
    # eye, brow
    ln([(8.6, 11.2), (9.25, 10.9), (9.95, 11.05)], LANDMARK, 1.2)
    ln([(8.6, 11.2), (9.2, 11.55), (9.85, 11.4)], LANDMARK, 0.9)
    x, y = hs((9.75, 11.22))
    svg.add('<ellipse cx="%s" cy="%s" rx="1.6" ry="3.3" fill="%s" stroke="none"/>'
            % (fmt(x), fmt(y), LANDMARK))
    ln([(8.0, 9.95), (9.2, 9.55), (10.3, 9.75)], LANDMARK, 1.3)
    # nose ala and nostril, nasolabial fold, mouth, chin crease
    ln([(10.6, 16.1), (10.3, 15.6), (10.55, 15.15), (11.05, 15.05), (11.45, 15.35)], LANDMARK, 1.0)
    ln([(10.2, 16.0), (9.75, 17.0), (9.55, 18.1)], LANDMARK, 0.8, ' opacity="0.6"')
    ln([(10.8, 18.45), (10.2, 18.5), (9.6, 18.62)], LANDMARK, 1.1)
    # neck: thyroid cartilage, sternocleidomastoid (borders, the split of its two heads),
    # trapezius (anterior border), C2 and C7 spinous processes
    ln([(-1.0, 16.4), (0.9, 20.2), (3.1, 25.0), (5.1, 29.5), (6.3, 31.9)], MUSCLE, MUSCLE_W)
    ln([(-3.6, 15.1), (-2.4, 19.5), (-0.45, 24.5), (2.1, 29.0), (3.85, 31.85)], MUSCLE, MUSCLE_W)
    ln([(4.1, 28.6), (4.9, 31.95)], MUSCLE, MUSCLE_W)
    ln([(-5.3, 13.5), (-4.6, 16.5), (-3.8, 20.5), (-2.7, 24.5), (-1.4, 28.0), (-0.1, 30.6),
        (1.2, 31.4)], MUSCLE, MUSCLE_W)
    dot(HS_C2, 3.0)
    dot(HS_C7, 3.6)
    dot(HS_T1, 2.8)
    # sternal notch, clavicle, acromion, spine of the scapula (hint)
    ln([(6.0, 31.95), (6.55, 32.25), (6.45, 32.8), (5.9, 32.85)], LANDMARK, 1.1)
    ln([(6.0, 31.95), (4.6, 32.2), (2.6, 31.95), (0.8, 31.45), (-0.3, 31.3)], LANDMARK, 1.4)
    ln([(-1.3, 31.1), (-0.2, 30.9), (0.65, 31.1), (0.75, 31.45), (-0.2, 31.7), (-1.2, 31.55)],
       LANDMARK, 1.0, ' opacity="0.8"', closed=True)
    ln([(-1.4, 31.4), (-4.0, 32.3), (-6.8, 34.2)], LANDMARK, 0.9,
       ' stroke-dasharray="6 5" opacity="0.8"')
    # deltoid (anterior and posterior borders, to its insertion); the arm in front of the trunk
    ln([(2.0, 32.2), (3.6, 35.0), (4.25, 38.5), (3.7, 42.5), (1.8, 46.0), (0.2, 47.8)],
       MUSCLE, MUSCLE_W)
    ln([(-3.0, 32.0), (-4.5, 35.0), (-5.0, 38.5), (-4.4, 42.5), (-2.2, 46.0), (-0.3, 47.8)],
       MUSCLE, MUSCLE_W)
    ln([(5.7, 36.2), (4.75, 38.6), (4.55, 43.0), (4.45, 50.0)], OUTLINE, DETAIL_W)
    ln([(-6.4, 36.2), (-5.35, 38.6), (-5.15, 43.0), (-5.0, 50.0)], OUTLINE, DETAIL_W)


def draw_head_front(svg):
    v = "head_front"

    def mr(pts, color, width, extra="", closed=False):
        mirrored(svg, hf_all(pts), color, width, v, closed, extra)

    def ln(pts, color, width, extra=""):
        line(svg, side(hf_all(pts), -1), color, width, False, extra)

    # hairline
    mr([(0, 4.4), (3.2, 4.6), (5.5, 5.5), (6.9, 7.3), (7.35, 9.2)], LANDMARK, 1.0, ' opacity="0.6"')
    # temporal line (upper edge of the temporal fossa, dashed), lateral orbital rim
    mr([(5.25, 9.75), (6.05, 8.0), (6.75, 6.2), (7.2, 4.6)], LANDMARK, 1.0, ' stroke-dasharray="6 5"')
    mr([(5.2, 10.2), (5.45, 11.4), (5.2, 12.6)], LANDMARK, 0.9, ' opacity="0.7"')
    # brows, eyes
    mr([(1.2, 10.1), (2.8, 9.6), (4.6, 9.85), (5.35, 10.25)], LANDMARK, 1.3)
    mr([(1.85, 11.55), (2.6, 11.1), (3.6, 11.05), (4.6, 11.4)], LANDMARK, 1.2)
    mr([(1.85, 11.55), (2.7, 11.85), (3.7, 11.85), (4.6, 11.4)], LANDMARK, 0.9)
    for s_ in (-1, 1):
        x = CX + s_ * 3.2 * HEAD_K
        y = HEAD_Y0 + 11.45 * HEAD_K
        svg.add('<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="1"/>'
                % (fmt(x), fmt(y), fmt(0.5 * HEAD_K), LANDMARK))
        svg.add('<circle cx="%s" cy="%s" r="2.6" fill="%s" stroke="none"/>' % (fmt(x), fmt(y), LANDMARK))
    # nose: bridge, alae and nostrils, tip
    mr([(0.85, 12.0), (0.95, 13.9), (1.25, 15.0)], LANDMARK, 0.9, ' opacity="0.7"')
    mr([(1.3, 15.0), (1.75, 15.55), (1.55, 16.1), (1.0, 16.25), (0.5, 16.05)], LANDMARK, 1.0)
    ln([(0.5, 16.05), (0.0, 16.3), (-0.5, 16.05)], LANDMARK, 1.0)
    # mouth, lower lip, chin
    ln([(2.4, 18.45), (1.2, 18.3), (0.5, 18.42), (0, 18.35), (-0.5, 18.42), (-1.2, 18.3),
        (-2.4, 18.45)], LANDMARK, 1.2)
    ln([(1.0, 19.35), (0, 19.5), (-1.0, 19.35)], LANDMARK, 0.9)
    # ears (inner rim, concha)
    mr([(7.85, 10.05), (8.3, 11.0), (8.35, 12.8), (7.95, 14.5)], LANDMARK, 0.9)
    mr([(7.6, 12.3), (7.85, 13.6)], LANDMARK, 0.8, ' opacity="0.7"')
    # zygomatic arch and cheekbone (upper and lower borders), TMJ
    mr([(4.0, 14.05), (5.2, 13.85), (6.2, 13.45), (6.75, 13.0)], LANDMARK, 1.0, ' opacity="0.8"')
    for s_ in (-1, 1):
        svg.add('<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="1.2"/>'
                % (fmt(CX + s_ * 7.0 * HEAD_K), fmt(HEAD_Y0 + 13.1 * HEAD_K), fmt(0.36 * HEAD_K),
                   LANDMARK))
    # mandible: ramus (posterior border); the lower border is a skin contour (jaw line); the
    # masseter's anterior border; the mastoid tip behind the lobe (dashed)
    mr([(6.9, 13.65), (6.75, 16.0), (6.25, 18.3)], LANDMARK, 1.1)
    mr([(6.1, 18.6), (5.2, 20.3), (3.9, 21.6), (2.0, 22.6), (0, 22.95)], OUTLINE, DETAIL_W)
    mr([(5.6, 13.8), (5.4, 16.6), (4.85, 20.3)], MUSCLE, MUSCLE_W)
    mr([(7.15, 16.3), (6.85, 16.95), (6.45, 17.05)], LANDMARK, 1.0, ' stroke-dasharray="3 3"')
    # neck: thyroid cartilage, sternocleidomastoid (both borders, the split of its heads),
    # trapezius anterior border
    ln([(0.65, 25.8), (0, 26.5), (-0.65, 25.8)], MUSCLE, MUSCLE_W)
    mr([(5.3, 20.7), (4.4, 22.9), (3.2, 25.8), (1.6, 29.8), (1.0, 32.0)], MUSCLE, MUSCLE_W)
    mr([(5.45, 24.2), (5.0, 27.0), (4.5, 30.3), (4.2, 32.45)], MUSCLE, MUSCLE_W)
    mr([(2.9, 28.9), (2.5, 32.45)], MUSCLE, MUSCLE_W)
    mr([(5.3, 25.4), (5.95, 27.5), (7.6, 29.35), (10.0, 30.45), (12.8, 31.0)], MUSCLE, MUSCLE_W)
    # sternal notch, clavicles, acromion, sternum (manubrium, sternal angle)
    ln([(1.3, 31.9), (0.65, 32.4), (0, 32.55), (-0.65, 32.4), (-1.3, 31.9)], LANDMARK, 1.3)
    mr([(1.3, 32.2), (3.9, 32.75), (7.8, 32.25), (12.3, 31.45), (16.0, 31.35), (18.3, 31.7)],
       LANDMARK, 1.4)
    mr([(17.6, 31.45), (18.5, 31.75), (19.4, 32.35)], LANDMARK, 1.1)
    mr([(1.95, 33.2), (2.2, 34.7), (1.7, 36.15, CORNER), (1.8, 39.7), (1.7, 46.2), (1.65, 50)],
       LANDMARK, 0.8, ' opacity="0.45"')
    ln([(1.7, 36.15), (-1.7, 36.15)], LANDMARK, 0.8, ' opacity="0.45"')
    # deltopectoral groove, pectoral border at the armpit
    mr([(15.1, 31.6), (16.0, 35.8), (16.5, 40.9), (16.8, 47)], MUSCLE, MUSCLE_W)
    mr([(13.0, 48.5), (15.0, 46.3), (16.3, 44.8)], MUSCLE, MUSCLE_W)


# ---------------------------------------------------------------- full-body right side view
# viewBox 0 0 600 1400 and 0.13 cm per unit, like front and back, with the same heights (vertex
# 40, chin 212, acromion 284, navel 568, trochanter 676, knee 985, lateral malleolus 1303, soles
# 1360).  The patient's right side, facing the viewer's right.  The plumb line of good posture,
# x = 290, runs through the tragus, the acromion, the greater trochanter, just in front of the
# knee's centre and just in front of the lateral malleolus.  The arm hangs slightly forward with
# the elbow a little bent and the palm toward the thigh, so the forearm and hand lie in front of
# the thigh and the whole lateral hip and thigh stay visible.

SIDE_X = 290.0
SIDE_C7 = (244.5, 238)        # vertebra prominens: just below chin level (see HS_C7)
SIDE_HEAD_K = 172.5 / 22.9          # the head of the side view: chin at y 212.5, like front/back


def sh(p):
    """Head points of head_side (cm) on the side view."""
    q = (SIDE_X + p[0] * SIDE_HEAD_K, 40 + p[1] * SIDE_HEAD_K)
    return q + (CORNER,) if is_corner(p) else q


SIDE_FRONT = [(333.5, 262), (339.5, 278), (344.5, 292), (351, 320), (361, 358), (370.5, 395),
              (374.5, 418), (371, 443), (364, 470), (360, 505), (360.5, 540), (362.5, 570),
              (361, 605), (356, 640), (350.5, 672), (350, 700), (354, 740), (356.5, 790),
              (355.5, 845), (350, 900), (344, 935), (341.5, 962), (340.5, 985), (336.5, 1012),
              (333, 1045), (329.5, 1100), (324, 1170), (319, 1235), (316.5, 1275), (318, 1297),
              (332, 1306), (352, 1315), (375, 1323), (398, 1332), (412, 1338.5),
              (424, 1342), (431, 1343), (438, 1345.5), (444, 1350), (446.5, 1357, CORNER), (440, 1363.5),
              (428, 1363), (419, 1361.5, CORNER), (405, 1364.5), (360, 1362.5), (320, 1363.5),
              (280, 1364), (252, 1362.5), (242.5, 1355), (241, 1338), (245, 1318),
              (248.5, 1298), (249, 1270), (244, 1232), (234, 1185), (224.5, 1135), (221, 1085),
              (224, 1040), (231, 1005), (236, 985), (233.5, 955), (225.5, 905), (219, 850),
              (214, 805), (208, 781, CORNER), (199.5, 760), (195.5, 725), (200, 690),
              (212, 655), (224, 622), (230, 592), (230.5, 565), (226.5, 530), (219, 490),
              (214, 445), (213.5, 400), (217.5, 355), (226, 318), (234.5, 290), (239, 268),
              (241.5, 245)]

# The arm: shoulder joint, elbow, wrist and hand frames (x, y chart coordinates; u > 0 forward)
SIDE_UPPER_ARM = Frame((292.0, 306.0), (292.0 + 232 * math.sin(math.radians(10)),
                                        306.0 + 232 * math.cos(math.radians(10))))
SIDE_FOREARM = Frame(SIDE_UPPER_ARM.b, (SIDE_UPPER_ARM.b[0] + 180 * math.sin(math.radians(26)),
                                        SIDE_UPPER_ARM.b[1] + 180 * math.cos(math.radians(26))))
SIDE_HAND = Frame(SIDE_FOREARM.b, (SIDE_FOREARM.b[0] + 150 * math.sin(math.radians(22)),
                                   SIDE_FOREARM.b[1] + 150 * math.cos(math.radians(22))))


def _flip(fr):
    """Frame.at with u > 0 forward (+x): Frame.n points to +x for an axis pointing down."""
    return fr.at


SIDE_ARM_CAP = 5     # the first points of side_arm_points() round the top of the shoulder


def side_arm_points():
    ua, fa, hd = _flip(SIDE_UPPER_ARM), _flip(SIDE_FOREARM), _flip(SIDE_HAND)
    L1, L2 = SIDE_UPPER_ARM.length, SIDE_FOREARM.length
    pts = [ua(-14, -40), ua(-24, -22), ua(-27, 2), ua(-21, 26), ua(-6, 41)]    # deltoid cap
    for t, w in ((0.12, 43), (0.3, 38), (0.48, 33), (0.66, 32.5), (0.84, 30), (0.97, 28)):
        pts.append(ua(t * L1, w))
    for t, w in ((0.1, 30), (0.3, 28), (0.55, 23.5), (0.8, 20), (0.97, 19)):
        pts.append(fa(t * L2, w))
    # the hand from its back (palm toward the thigh): thumb in front, fingers down and together
    pts += [hd(10, 23), hd(26, 28.5), hd(44, 31), hd(60, 30), hd(70, 27), hd(75, 23.5, True),
            hd(87, 25.5), hd(103, 25), hd(118, 22.5), hd(132, 18), hd(142, 11), hd(146, 2),
            hd(143, -7), hd(135, -15), hd(121, -21.5), hd(100, -25.5), hd(72, -27), hd(40, -25),
            hd(14, -21)]
    for t, w in ((0.97, 20), (0.8, 21.5), (0.55, 26), (0.3, 30), (0.1, 32)):
        pts.append(fa(t * L2, -w))
    for t, w in ((0.97, 31), (0.84, 30.5), (0.66, 31.5), (0.48, 32.5), (0.3, 38), (0.12, 45)):
        pts.append(ua(t * L1, -w))
    return pts


def side_body_outline():
    """The head's profile from head_side (vertex to throat), the body's front down to the toes,
    the sole, the back up to the nape, the head's back up to the vertex."""
    front_head = [sh(p) for p in HS_FRONT if p[1] <= 27.6]
    back_head = [sh(p) for p in reversed(HS_BACK) if p[1] <= 22.0]
    return front_head + SIDE_FRONT + back_head


def draw_side(svg, arm=True):
    def ln(pts, color, width, extra="", closed=False):
        line(svg, pts, color, width, closed, extra)

    def hl(pts, color, width, extra=""):
        line(svg, [sh(p) for p in pts], color, width, False, extra)

    svg.add('<g id="body">')
    body_path(svg, side_body_outline())
    svg.add('</g>')
    svg.add('<g id="details">')
    # head: ear, eye, brow, nose, mouth, jaw line, mastoid, SCM and trapezius borders
    hl(HS_EAR, OUTLINE, 1.2)
    hl([(-1.75, 10.9), (-2.15, 12.0), (-2.0, 13.3), (-1.45, 14.3), (-0.7, 14.6)], LANDMARK, 0.8)
    hl([(8.6, 11.2), (9.25, 10.9), (9.95, 11.05)], LANDMARK, 1.0)
    hl([(8.6, 11.2), (9.2, 11.55), (9.85, 11.4)], LANDMARK, 0.8)
    hl([(8.0, 9.95), (9.2, 9.55), (10.3, 9.75)], LANDMARK, 1.1)
    hl([(10.6, 16.1), (10.3, 15.6), (10.55, 15.15), (11.05, 15.05), (11.45, 15.35)], LANDMARK, 0.9)
    hl([(10.8, 18.45), (10.2, 18.5), (9.6, 18.62)], LANDMARK, 1.0)
    hl([(1.45, 19.65), (3.6, 20.85), (6.4, 22.05), (8.3, 22.8), (9.1, 23.0)], OUTLINE, DETAIL_W)
    hl([(1.25, 13.4), (1.1, 15.3), (1.0, 17.4), (1.05, 18.9), (1.45, 19.65)], LANDMARK, 1.0)
    hl([(-3.75, 13.7), (-3.5, 15.1), (-3.0, 16.2), (-2.45, 16.65), (-1.95, 16.45)], LANDMARK, 1.0)
    hl([(1.6, 12.05), (3.6, 11.95), (5.7, 12.15), (6.9, 11.85)], LANDMARK, 0.9, ' opacity="0.8"')
    ln([sh((-1.0, 16.4)), sh((0.9, 20.2)), sh((3.1, 25.0)), (334, 268), (343, 289)], MUSCLE,
       MUSCLE_W)                                                          # SCM anterior border
    ln([sh((-3.6, 15.1)), sh((-2.4, 19.5)), sh((-0.4, 24.5)), (305, 262), (323, 287)], MUSCLE,
       MUSCLE_W)                                                          # SCM posterior border
    ln([sh((-5.3, 13.5)), sh((-4.6, 16.5)), sh((-3.8, 20.5)), (267, 240), (280, 268), (294, 283)],
       MUSCLE, MUSCLE_W)                                                  # trapezius
    dots(svg, [SIDE_C7], 3.2, 4.0, DOT)                                   # C7
    # clavicle (its lateral end under the deltoid)
    ln([(341, 290), (330, 291.5), (315, 289), (302, 285.5)], LANDMARK, 1.3)
    # scapula (behind the arm, dashed): spine, lateral border, inferior angle
    ln([(270, 292), (252, 302), (234, 318)], LANDMARK, 1.0, ' stroke-dasharray="6 5" opacity="0.8"')
    ln([(258, 336), (246, 366), (233, 398), (228, 404), (224, 398)], LANDMARK, 1.0,
       ' stroke-dasharray="6 5" opacity="0.8"')
    # rib cage: costal margin to the 10th rib at the side; 11th and 12th rib tips
    ln([(364, 452), (350, 480), (328, 508), (303, 528), (284, 538), (271, 541)], LANDMARK, 1.2)
    ln([(236, 497), (249, 520), (261, 541)], LANDMARK, 1.0)
    ln([(229, 493), (238, 511), (244, 526)], LANDMARK, 1.0)
    # latissimus dorsi (anterior border) and erector spinae (lateral border), faint
    ln([(262, 350), (261, 420), (262, 500), (265, 580)], MUSCLE, MUSCLE_W)
    ln([(245, 470), (250, 520), (251, 565), (247, 610)], MUSCLE, MUSCLE_W)
    # navel
    ln([(359, 562), (356.5, 568), (359, 574)], LANDMARK, 1.0)
    # pelvis: iliac crest from the PSIS over the tubercle to the ASIS; ASIS; PSIS dimple
    ln([(241, 632), (246, 610), (262, 592), (285, 584), (310, 587), (333, 601), (344, 620)],
       LANDMARK, 1.4)
    dots(svg, [(346, 628)], 2.8, 2.8, LANDMARK)
    ellipse(svg, 241, 636, 3.2, 3.6, 'fill="#e4cdb9" stroke="%s" stroke-width="0.9"' % LANDMARK)
    # greater trochanter: a broad rounded prominence, its top a hand's breadth below the crest
    ln([(280, 687), (278, 672), (283, 662.5), (292, 658.5), (301, 662), (305.5, 673), (304, 686),
        (297, 694), (287, 694.5)], LANDMARK, 1.3, closed=True)
    # gluteal fold and cleft edge; gluteus maximus anterior border; tensor fasciae latae
    ln([(208, 781), (226, 789), (246, 792)], OUTLINE, DETAIL_W)
    ln([(244, 612), (256, 650), (266, 700), (272, 745), (276, 790)], MUSCLE, MUSCLE_W)
    ln([(343, 636), (333, 680), (323, 725), (318, 765)], MUSCLE, MUSCLE_W)
    # iliotibial band (both edges) to the lateral tibia; vastus lateralis borders
    ln([(276, 790), (284, 860), (293, 930), (302, 975), (312, 1005)], MUSCLE, MUSCLE_W)
    ln([(318, 765), (321, 840), (322, 920), (322, 975), (320, 1005)], MUSCLE, MUSCLE_W)
    ln([(250, 800), (241, 870), (238, 930), (246, 968)], MUSCLE, MUSCLE_W)
    ln([(343, 740), (347, 820), (344, 890), (336, 930)], MUSCLE, MUSCLE_W)
    # knee: patella, lateral joint line (dashed), fibular head, tibial tuberosity
    ln([(339, 941), (343.5, 955), (343, 972), (338, 985), (333.5, 972), (333.5, 953)], LANDMARK,
       1.1, closed=True)
    ln([(252, 986), (280, 988), (310, 988), (330, 986)], LANDMARK, 0.9,
       ' stroke-dasharray="5 4" opacity="0.8"')
    ellipse(svg, 270, 1006, 7, 8, 'fill="none" stroke="%s" stroke-width="1.2"' % LANDMARK)
    dots(svg, [(331, 1016)], 2.2, 2.2, LANDMARK)
    # leg: peroneus longus (both borders) from the fibular head to behind the malleolus;
    # tibial crest (dashed); gastrocnemius (lateral head) and soleus borders
    ln([(276, 1016), (284, 1090), (285, 1170), (280, 1250), (276, 1290)], MUSCLE, MUSCLE_W)
    ln([(262, 1015), (256, 1090), (256, 1170), (262, 1250), (270, 1292)], MUSCLE, MUSCLE_W)
    ln([(248, 995), (240, 1050), (241, 1110), (251, 1160)], MUSCLE, MUSCLE_W)
    ln([(251, 1160), (256, 1200), (257, 1260)], MUSCLE, MUSCLE_W)
    # lateral malleolus, heel, fifth metatarsal base, little toe
    ln([(276, 1291), (284, 1289), (290, 1297), (289, 1310), (281, 1316), (274, 1309)],
       LANDMARK, 1.2, closed=True)
    ln([(251, 1318), (257, 1336), (262, 1352)], LANDMARK, 0.8, ' opacity="0.6"')
    dots(svg, [(339, 1349)], 2.2, 2.2, LANDMARK)
    # toes: the little toe's upper contour in front of the fifth metatarsal head, the toe-sole
    # fold, the big toe's nail at the tip; the longitudinal arch's lift under the midfoot
    ln([(413, 1360.5), (418, 1353), (428, 1350.5), (438, 1352.5)], LANDMARK, 0.9)
    ln([(438, 1346), (442.5, 1348.5), (445, 1352.5)], LANDMARK, 0.9)
    ln([(300, 1361), (340, 1358.5), (380, 1360.5)], LANDMARK, 0.8, ' opacity="0.5"')
    svg.add('</g>')
    if not arm:
        return
    # the arm, on top
    svg.add('<g id="arm">')
    arm = placed(svg, side_arm_points())
    svg.add('<path fill="%s" stroke="none" d="%s"/>' % (SKIN, path_d(arm, closed=True)))
    # its contour: the top of the shoulder is a soft contour inside the body's outline
    svg.add('<path %s d="%s"/>' % (stroke_attrs(OUTLINE, OUTLINE_W),
                                   path_d_part(arm, True, SIDE_ARM_CAP, len(arm) - 1)))
    svg.add('<path %s d="%s"/>' % (stroke_attrs(OUTLINE, DETAIL_W, ' opacity="0.75"'),
                                   path_d_part(arm, True, len(arm) - 1, len(arm)) + " " +
                                   path_d_part(arm, True, 0, SIDE_ARM_CAP)))
    ua, fa, hd = _flip(SIDE_UPPER_ARM), _flip(SIDE_FOREARM), _flip(SIDE_HAND)
    L1, L2 = SIDE_UPPER_ARM.length, SIDE_FOREARM.length
    ln([ua(-17, -26), ua(-22, -8), ua(-21, 14), ua(-16, 26)], LANDMARK, 1.1)   # acromion
    ln([ua(-8, 30), ua(30, 36), ua(70, 24), ua(0.45 * L1, 6)], MUSCLE, MUSCLE_W)  # deltoid, front
    ln([ua(-8, -34), ua(30, -38), ua(70, -24), ua(0.45 * L1, 6)], MUSCLE, MUSCLE_W)  # back
    ln([ua(0.5 * L1, 20), ua(0.75 * L1, 18), ua(0.92 * L1, 12)], MUSCLE, MUSCLE_W)  # biceps
    ln([ua(0.55 * L1, -20), ua(0.78 * L1, -16), ua(0.95 * L1, -10)], MUSCLE, MUSCLE_W)  # triceps
    # lateral epicondyle, olecranon, the brachioradialis and extensor line of the forearm
    dots(svg, [ua(L1 - 2, -6)[:2]], 2.6, 2.6, LANDMARK)
    ln([fa(-10, -31), fa(4, -33.5), fa(16, -31)], LANDMARK, 1.0)
    ln([fa(0.05 * L2, 24), fa(0.35 * L2, 16), fa(0.7 * L2, 8), fa(0.95 * L2, 6)], MUSCLE, MUSCLE_W)
    # wrist (radial styloid), knuckles, fingers
    dots(svg, [fa(L2 - 3, 14)[:2]], 2.2, 2.2, LANDMARK)
    for u in (14, 0, -14):
        ln([hd(82, u + 5), hd(85, u), hd(82, u - 5)], LANDMARK, 0.9)
    ln([hd(90, 7), hd(115, 7.5), hd(140, 6)], LANDMARK, 0.8, ' opacity="0.7"')
    ln([hd(90, -7), hd(115, -7), hd(136, -6)], LANDMARK, 0.8, ' opacity="0.7"')
    ln([hd(30, 22), hd(50, 25), hd(68, 24)], LANDMARK, 0.8, ' opacity="0.6"')     # thumb
    svg.add('</g>')


def side_outlines():
    return [side_body_outline(), side_arm_points()]


SIDE_LANDMARKS = [
    ("vertex", (290, 40)), ("tragus", (292, 137.7)), ("chin", (358.5, 212.5)),
    ("C7 spinous process", SIDE_C7), ("sternal notch", (342, 292)),
    ("acromion", (292, 282)), ("deltoid, middle", (296, 340)),
    ("deltoid insertion (mid-arm)", (318, 408)), ("lateral epicondyle (elbow)", (326, 527)),
    ("wrist (radial styloid)", (399, 684)),
    ("scapula, inferior angle (T7)", (228, 403)), ("nipple level, chest front", (374.5, 418)),
    ("costal margin, 10th rib (side)", (284, 536)), ("12th rib, tip", (241, 521)),
    ("navel", (358, 568)), ("iliac crest, highest point", (285, 584)),
    ("iliac tubercle", (310, 587)), ("ASIS", (346, 628)), ("PSIS (dimple)", (241, 636)),
    ("greater trochanter", (291, 676)), ("buttock, most posterior", (200, 725)),
    ("gluteal fold", (226, 789)), ("tensor fasciae latae, middle", (330, 690)),
    ("iliotibial band, mid-thigh", (303, 860)), ("vastus lateralis, middle", (290, 850)),
    ("patella", (338.5, 963)), ("lateral knee joint line", (300, 988)),
    ("fibular head", (270, 1006)), ("tibial tuberosity", (331, 1016)),
    ("peroneus longus, upper third", (270, 1090)), ("calf, most posterior", (222, 1085)),
    ("lateral malleolus", (282, 1303)), ("heel", (246, 1350)),
    ("fifth metatarsal base", (339, 1349)), ("toe tips", (444, 1358)),
]


# ---------------------------------------------------------------- regional close-ups
# A close-up is a camera (Camera: rotate, shift, scale) on one of the full-body charts: the same
# outline and landmarks, magnified, with finer detail drawn only in the close-up.  Detail below is
# written in the coordinates of the full-body chart the camera looks at.

# shoulder_back: the back view around the right scapula, 2.6x (0.05 cm per unit)
SHOULDER_CAM = Camera(270, 212, 2.6)


def draw_shoulder_back(svg):
    svg.tf = SHOULDER_CAM
    whole_chart("back")(svg)
    v = "back"

    def r(pts, color, width, extra="", closed=False):
        line(svg, side(pts, 1), color, width, closed, extra)

    # glenoid and humeral head under the deltoid (deep, dashed)
    circle(svg, CX + 134, 306, 17, 'fill="none" stroke="%s" stroke-width="1" '
           'stroke-dasharray="5 4" opacity="0.75"' % LANDMARK)
    # posterior deltoid (its medial border, from the spine of the scapula to the insertion)
    r([(96, 308), (108, 330), (125, 354), (145, 377), (166, 398)], MUSCLE, MUSCLE_W)
    # teres major (lower border, the posterior axillary fold) and teres minor / infraspinatus
    r([(66, 404), (86, 396), (104, 389), (121, 385)], MUSCLE, MUSCLE_W)
    r([(78, 386), (96, 371), (112, 357), (124, 348)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
    # rhomboid major (lower border) and levator scapulae to the superior angle
    r([(2, 360), (22, 375), (42, 390), (60, 400)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
    r([(51, 296.5), (47, 276), (42, 252), (38, 232)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
    # triceps long head on the back of the arm
    line(svg, [UPPER_ARM_B(0.42, -12), UPPER_ARM_B(0.6, -2), UPPER_ARM_B(0.8, 2)], MUSCLE,
         MUSCLE_W)
    svg.tf = None


def UPPER_ARM_B(t, u):
    """A point of the right upper arm in the back view (u > 0 lateral)."""
    p = UPPER_ARM.t(t, u)
    return (CX + p[0], p[1])


def shoulder_back_outline():
    return [SHOULDER_CAM.all(body_outline("back"))]


SHOULDER_LANDMARKS = [
    ("C7 spinous process", (300, 268)), ("T1 spinous process", (300, 286)),
    ("T3 spinous process (level of the spine's root)", (300, 322.8)),
    ("T7 spinous process (level of the inferior angle)", (300, 396.4)),
    ("scapula, superior angle", (352, 298)), ("scapula, root of the spine", (347, 322)),
    ("scapula, medial border (middle)", (346, 350)), ("scapula, inferior angle", (365, 402)),
    ("scapula, lateral border (middle)", (395, 368)),
    ("spine of the scapula, middle", (395, 305)), ("acromion, posterior angle", (440, 285)),
    ("acromion, lateral tip", (454, 289)),
    ("supraspinous fossa (supraspinatus)", (385, 297)),
    ("infraspinous fossa, centre (infraspinatus)", (385, 345)),
    ("humeral head", (434, 306)), ("posterior deltoid, middle", (438, 345)),
    ("deltoid insertion", (480, 398)), ("teres major", (400, 392)),
    ("posterior axillary fold", (421, 386)),
    ("rhomboids (between spine and medial border)", (322, 345)),
    ("levator scapulae insertion (superior angle)", (351, 294)),
    ("upper trapezius, mid-shoulder", (390, 272)), ("neck, side (C4-C5)", (336, 230)),
]


# chest: the front view around the right chest and shoulder, 2.6x (0.05 cm per unit): the
# sternum to the deltoid and the side of the chest below the axilla, where the
# digitations of serratus anterior show between the pectoral border and latissimus.
CHEST_CAM = Camera(112, 240, 2.6)
CHEST_VIEW_W, CHEST_VIEW_H = 560, 800


def draw_chest(svg):
    svg.tf = CHEST_CAM
    whole_chart("front")(svg)

    def r(pts, color, width, extra="", closed=False):
        line(svg, side(pts, -1), color, width, closed, extra)

    # the ribs beyond their cartilages a little stronger on the right side (the sternum, the
    # cartilages and the faint ribs are the front view's)
    for rib in CHEST_RIBS:
        r(rib[1:], LANDMARK, 0.8, ' stroke-dasharray="5 4" opacity="0.45"')
    # clavicle (lower border: the bone between the two lines), sternoclavicular joint, acromion
    r([(11, 293), (30, 297.5), (60, 293), (95, 285.5), (122, 285), (140, 288)], LANDMARK, 1.1)
    r([(9.5, 286), (11, 293)], LANDMARK, 1.1)
    r([(143, 282.5), (149, 281), (154, 284.5), (151, 290), (140, 288)], LANDMARK, 1.2)
    # coracoid process in the deltopectoral triangle below the clavicle
    r([(109, 298), (114, 296), (118, 300.5), (115, 305), (110, 304)], LANDMARK, 1.1, closed=True)
    # deltoid: the groove on to its insertion, and the humeral head under it (deep)
    r([(127, 357), (133, 380), (140, 402)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
    circle(svg, CX - 143, 308, 16, 'fill="none" stroke="%s" stroke-width="1" '
           'stroke-dasharray="5 4" opacity="0.6"' % LANDMARK)
    # anterior axillary fold: the pectoral tendon going under the deltoid to the humerus
    r([(119, 391), (124, 376), (130, 362)], MUSCLE, MUSCLE_W)
    # serratus anterior digitations on the side of the chest, latissimus' anterior border
    r([(114, 396), (101, 414, CORNER), (112, 420, CORNER), (97, 436, CORNER), (110, 442, CORNER),
       (94, 459, CORNER), (108, 466, CORNER), (93, 483, CORNER), (106, 490, CORNER),
       (95, 505, CORNER), (104, 512)], MUSCLE, MUSCLE_W)
    r([(119, 398), (116.5, 430), (113, 465), (109, 500), (106.5, 525)], MUSCLE, MUSCLE_W,
      ' opacity="0.8"')
    # areola around the nipple
    circle(svg, CX - 62, 410, 7.5, 'fill="none" stroke="%s" stroke-width="0.8" opacity="0.6"'
           % LANDMARK)
    svg.tf = None


def chest_outline():
    return [CHEST_CAM.all(body_outline("front"))]


CHEST_LANDMARKS = [
    ("jugular notch", (300, 291)), ("manubrium", (300, 304)),
    ("sternal angle (2nd rib)", (300, 318)), ("sternum, body (middle)", (300, 375)),
    ("xiphoid process", (300, 441)), ("sternoclavicular joint", (289, 290)),
    ("sternal border, 4th intercostal space", (286, 374)),
    ("clavicle, middle", (225, 291)), ("coracoid process", (186, 301)),
    ("acromion", (152, 286)), ("deltoid, anterior (middle)", (160, 335)),
    ("deltopectoral groove", (178, 320)), ("pectoralis major, clavicular part", (230, 305)),
    ("pectoralis major, sternal part", (240, 360)), ("pectoralis minor (deep, below the coracoid)", (200, 340)),
    ("nipple", (238, 410)), ("anterior axillary fold", (181, 392)),
    ("serratus anterior, 5th to 6th rib (side of the chest)", (195, 440)),
    ("latissimus dorsi, anterior border", (192, 462)),
    ("costal margin", (228, 500)), ("costal margin, lowest (10th rib)", (198, 534)),
]


# forearm and forearm_front: the right forearm and hand, turned upright, 2.6x (0.05 cm/unit)
FOREARM_DEG = math.degrees(math.atan2(FOREARM.b[0] - FOREARM.a[0], FOREARM.b[1] - FOREARM.a[1]))
FA_VIEW_W, FA_VIEW_H = 400, 1010


def forearm_camera(sign):
    ex, ey = CX + sign * FOREARM.a[0], FOREARM.a[1]
    k = 2.6
    return Camera(ex - FA_VIEW_W / 2.0 / k, ey - 55, k, angle=sign * FOREARM_DEG, cx=ex, cy=ey)


FOREARM_BACK_CAM = forearm_camera(1)
FOREARM_FRONT_CAM = forearm_camera(-1)


def arm_outline(sign):
    return side(arm_points(), sign)


def fa_pt(sign, v, u):
    p = FOREARM.at(v, u)
    return (CX + sign * p[0], p[1])


def hd_pt(sign, v, u):
    p = HAND.at(v, u)
    return (CX + sign * p[0], p[1])


def draw_forearm(svg, sign):
    """sign +1: posterior view (back chart); -1: anterior view (front chart)."""
    svg.tf = FOREARM_BACK_CAM if sign > 0 else FOREARM_FRONT_CAM
    svg.add('<g id="body">')
    body_path(svg, arm_outline(sign))
    svg.add('</g>')
    svg.add('<g id="details">')

    def f(pts, color, width, extra=""):
        line(svg, [fa_pt(sign, v, u) for v, u in pts], color, width, False, extra)

    def h(pts, color, width, extra=""):
        line(svg, [hd_pt(sign, v, u) for v, u in pts], color, width, False, extra)

    def mark(v, u, r=2.0, frame=None):
        p = (frame or fa_pt)(sign, v, u)
        circle(svg, p[0], p[1], r, 'fill="%s" stroke="none"' % LANDMARK)

    if sign > 0:
        # elbow: olecranon, epicondyles, radial head; triceps tendon
        f([(-9, -9), (1, -8), (6, -1), (2, 6.5), (-9, 8)], LANDMARK, 1.2)
        f([(-9, -24.5), (-5, -27), (0, -25), (-3, -21.5)], LANDMARK, 1.1)
        f([(-6, 20), (-2, 23), (3, 21.5), (1, 18)], LANDMARK, 1.1)
        f([(12, 15.5), (15.5, 19), (19, 15.5), (15.5, 12)], LANDMARK, 1.0)
        f([(-48, -11), (-30, -10), (-12, -8)], MUSCLE, MUSCLE_W)
        f([(-48, 11), (-30, 10), (-12, 8)], MUSCLE, MUSCLE_W)
        # ulna, subcutaneous posterior border (dashed), to the styloid
        f([(10, -5), (50, -8), (100, -11.5), (150, -14.5), (176, -16)], LANDMARK, 0.9,
          ' stroke-dasharray="6 5"')
        # anconeus; mobile wad (brachioradialis, ECRL) border; ED / ECU border
        f([(-2, 23), (14, 9), (30, -4)], MUSCLE, MUSCLE_W)
        f([(4, 25), (40, 22), (80, 19), (118, 15)], MUSCLE, MUSCLE_W)
        f([(14, 11), (50, 5), (100, -2), (150, -8), (172, -11)], MUSCLE, MUSCLE_W)
        # outcropping thumb muscles (APL, EPB) crossing the radius in the distal third
        f([(108, 2), (132, 12), (158, 22)], MUSCLE, MUSCLE_W)
        f([(120, -3), (144, 8), (166, 18)], MUSCLE, MUSCLE_W)
        # wrist: styloids, Lister's tubercle, dorsal crease
        mark(177, -16.5, 2.4)
        mark(179, 19, 2.4)
        mark(171, 6, 1.7)
        h([(2, -16), (3, 0), (2, 18)], LANDMARK, 0.9, ' opacity="0.8"')
        # hand: extensor tendons to the knuckles, knuckles, finger joints, clefts
        for u0, u1 in ((9, 20), (3, 5.5), (-3, -9.5), (-9, -23.5)):
            h([(8, u0), (45, (u0 + u1) / 2 + 1), (80, u1)], MUSCLE, 0.9)
        for u in (20, 5.5, -9.5, -23.5):
            h([(87, u - 4.5), (84, u), (87, u + 4.5)], LANDMARK, 0.9)
            h([(112, u - 3.5), (110, u), (112, u + 3.5)], LANDMARK, 0.7, ' opacity="0.7"')
        h([(40, 28), (55, 30.5), (66, 33)], LANDMARK, 0.8, ' opacity="0.7"')   # 1st metacarpal
        for fl in HAND_FINGER_LINES:
            h([(q[1], q[0]) for q in fl], LANDMARK, 0.9)
    else:
        # elbow: cubital crease, biceps tendon and aponeurosis, epicondyles
        f([(1, -24), (-2, -10), (-2.5, 0), (-1, 12), (1, 23)], LANDMARK, 1.0)
        f([(-45, -5), (-20, -3), (0, 1), (14, 3)], MUSCLE, MUSCLE_W)
        f([(-45, 7), (-20, 6), (-2, 6), (14, 6)], MUSCLE, MUSCLE_W)
        f([(-2, -2), (8, -12), (16, -20)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
        f([(-8, -24.5), (-4, -27), (1, -25), (-2, -21.5)], LANDMARK, 1.1)
        f([(-6, 20), (-2, 22.5), (3, 21), (1, 18)], LANDMARK, 1.0, ' opacity="0.8"')
        # brachioradialis (medial border), pronator teres, flexor mass, FCU
        f([(-40, 21), (-10, 16), (30, 14), (90, 15), (150, 16)], MUSCLE, MUSCLE_W)
        f([(0, -27), (25, -12), (50, 2), (72, 12)], MUSCLE, MUSCLE_W)
        f([(30, -24), (90, -20), (150, -17), (176, -16)], MUSCLE, MUSCLE_W)
        # wrist tendons (FCR, palmaris longus), radial pulse, styloid
        f([(110, 5), (150, 6), (180, 6)], MUSCLE, MUSCLE_W)
        f([(110, -3), (150, -2), (180, -1.5)], MUSCLE, MUSCLE_W)
        mark(166, 13.5, 1.6)
        mark(179, 19, 2.2)
        # wrist creases, palm creases, thenar and hypothenar eminences
        h([(0.5, -16), (-0.5, 0), (0.5, 17)], LANDMARK, 0.9)
        h([(6, -17), (5, 0), (6, 18)], LANDMARK, 0.8, ' opacity="0.7"')
        h([(57, 25), (45, 16), (30, 9), (12, 5)], LANDMARK, 0.9)                 # thenar
        h([(45, 24), (52, 10), (58, -6), (62, -27)], LANDMARK, 0.8, ' opacity="0.8"')
        h([(66, 14), (69, -2), (67, -16), (65, -28)], LANDMARK, 0.8, ' opacity="0.8"')
        h([(12, -22), (40, -20), (65, -22)], MUSCLE, MUSCLE_W)                  # hypothenar
        for u in (20, 5.5, -9.5, -23.5):
            h([(88, u - 5), (88.5, u), (88, u + 5)], LANDMARK, 0.8)
            h([(108, u - 4), (108.5, u), (108, u + 4)], LANDMARK, 0.7, ' opacity="0.7"')
        for fl in HAND_FINGER_LINES:
            h([(q[1], q[0]) for q in fl], LANDMARK, 0.9)
    svg.add('</g>')
    svg.tf = None


def forearm_outline(sign):
    cam = FOREARM_BACK_CAM if sign > 0 else FOREARM_FRONT_CAM
    return [cam.all(arm_outline(sign))]


def forearm_landmarks(sign):
    cam = FOREARM_BACK_CAM if sign > 0 else FOREARM_FRONT_CAM
    F = lambda v, u: fa_pt(sign, v, u)
    Hd = lambda v, u: hd_pt(sign, v, u)
    if sign > 0:
        table = [("olecranon", F(0, 0)), ("medial epicondyle", F(-4, -24.5)),
                 ("lateral epicondyle", F(-2, 20.5)), ("radial head", F(15.5, 15.5)),
                 ("mobile wad: brachioradialis, ECRL (3-5 cm below the lateral epicondyle)",
                  F(40, 27)),
                 ("ECRB", F(45, 16)), ("extensor digitorum, upper third", F(50, 8)),
                 ("extensor carpi ulnaris", F(60, -5)), ("anconeus", F(10, 10)),
                 ("ulna, posterior border (middle)", F(90, -11)),
                 ("supinator (deep, below the radial head)", F(28, 18)),
                 ("outcropping thumb muscles", F(140, 10)),
                 ("Lister's tubercle (dorsal wrist)", F(171, 6)), ("radial styloid", F(179, 19)),
                 ("ulnar styloid", F(177, -16.5)), ("back of the hand, middle", Hd(45, 0)),
                 ("first dorsal interosseous", Hd(45, 24)), ("index knuckle (MCP)", Hd(84, 20)),
                 ("little-finger knuckle (MCP)", Hd(84, -23.5)),
                 ("middle fingertip", Hd(138, -2))]
    else:
        table = [("cubital fossa (biceps tendon)", F(-2, 2)), ("medial epicondyle", F(-4, -24.5)),
                 ("lateral epicondyle", F(-2, 20.5)), ("brachioradialis, upper third", F(35, 22)),
                 ("pronator teres", F(25, -10)), ("flexor mass (FCR, FDS), upper third", F(50, -10)),
                 ("flexor carpi ulnaris", F(80, -20)), ("palmaris longus tendon", F(160, -2)),
                 ("radial pulse", F(166, 13.5)), ("radial styloid", F(179, 19)),
                 ("wrist crease, middle", Hd(0, 0)), ("thenar eminence", Hd(35, 22)),
                 ("hypothenar eminence", Hd(40, -24)), ("palm, centre", Hd(50, 0)),
                 ("index finger base", Hd(90, 20)), ("middle fingertip", Hd(138, -2))]
    return [(n, cam.p(p)) for n, p in table]


# pelvis_back: the back view around the pelvis, both sides, 2.2x (0.0591 cm per unit): the
# sacrum and coccyx, the iliac crests and PSIS, the ischial tuberosities and greater trochanters,
# for the pelvic floor, obturator internus and the deep buttock
PELVIS_BACK_CAM = Camera(170, 560, 2.2)


def closeup_begin(svg, cam, view):
    """Starts a close-up of the whole-body chart view (front or back) through cam: the body, then
    the details group with the whole-body details; the caller adds its finer lines (in whole-body
    coordinates) and closes the group. Returns ln(pts, color, width, extra=""), which draws a
    line on the right side and its mirror image on the left."""
    svg.tf = cam
    svg.add('<g id="body">')
    body_path(svg, body_outline(view))
    svg.add('</g>')
    svg.add('<g id="details">')
    (draw_front_details if view == "front" else draw_back_details)(svg)

    def ln(pts, color, width, extra=""):
        mirrored(svg, pts, color, width, view, extra=extra)
    return ln


def draw_pelvis_back(svg):
    ln = closeup_begin(svg, PELVIS_BACK_CAM, "back")

    # sacroiliac joints below the PSIS, the sacrum's lateral borders to the coccyx (deep, dashed),
    # the ischial tuberosities and the sacrotuberous ligaments (deep, dashed), the greater
    # trochanters' outline
    ln([(33, 644), (31, 658), (27, 670)], LANDMARK, 0.9, ' opacity="0.7"')
    ln([(9.5, 697), (5, 708), (0, 713)], LANDMARK, 0.9, ' stroke-dasharray="3 3" opacity="0.8"')
    for s in (-1, 1):
        ellipse(svg, CX + s * 45, 738, 9, 7, 'fill="none" stroke="%s" stroke-width="1.1" '
                'stroke-dasharray="4 3" opacity="0.85"' % LANDMARK)
    ln([(22, 682), (32, 706), (40, 730)], LANDMARK, 0.8, ' stroke-dasharray="6 5" opacity="0.6"')
    ln([(112, 660), (124, 668), (128, 684), (121, 700)], LANDMARK, 0.9, ' opacity="0.6"')
    svg.add('</g>')
    svg.tf = None


# hand_palm and hand_back: the right hand of front and back, turned upright, 5.2x (0.025 cm per
# unit), drawn in finer detail on the same hand frame (wrist crease, hand length and width as in
# the whole-body charts): a real thumb, the thenar and hypothenar eminences, four fingers with
# their creases, knuckles and nails.  (u: toward the thumb, v: down from the wrist crease.)
HAND_DEG = math.degrees(math.atan2(HAND.b[0] - HAND.a[0], HAND.b[1] - HAND.a[1]))
HAND_VIEW_W, HAND_VIEW_H = 520, 920
HAND_K = 5.2
HAND_FINE = [(21, 0), (24, 10), (29.5, 27), (35, 45), (40, 62), (43.5, 78), (46, 89),
             (46.5, 98), (44.5, 104.5), (40, 107), (35.5, 104.5), (33.5, 97), (31.5, 87),
             (29.5, 76), (26.5, 65, CORNER),
             (27, 76), (27.4, 90), (27, 106), (26, 119), (24, 128.5), (20.5, 133.5), (16.5, 133),
             (13.8, 128), (12.8, 116), (12.6, 101), (11.7, 91.5, CORNER),
             (10.9, 101), (10.9, 119), (10.2, 134), (8, 141), (3.5, 143.5), (-1, 141),
             (-3.2, 134), (-3.8, 118), (-3.8, 101), (-4.5, 92.5, CORNER),
             (-5.2, 101), (-5.3, 116), (-5.9, 130), (-8, 137), (-11.5, 139.5), (-15.5, 137),
             (-17.6, 129.5), (-18.2, 115), (-18.4, 101), (-19.2, 92, CORNER),
             (-19.8, 99), (-20.2, 110), (-21.2, 118.5), (-23.3, 123.5), (-26.3, 125),
             (-29.4, 122.5), (-31, 115.5), (-31.7, 104), (-32.3, 92), (-33, 78), (-33, 60),
             (-31.8, 42), (-29, 24), (-24.5, 9), (-19.5, 0)]
# fingers: (centre u, cleft v on the radial side, tip v, half-width) for the creases and nails
HAND_FINGERS = {"index": (19.8, 91.5, 133.5, 7), "middle": (3.6, 92, 143.5, 7.2),
                "ring": (-11.8, 92.5, 139.5, 6.6), "little": (-25.7, 92, 125, 5.8)}


def hand_camera(sign):
    wx, wy = CX + sign * HAND.a[0], HAND.a[1]
    return Camera(wx - HAND_VIEW_W / 2.0 / HAND_K + sign * 3.5, wy - 24, HAND_K,
                  angle=sign * HAND_DEG, cx=wx, cy=wy)


HAND_PALM_CAM = hand_camera(-1)
HAND_BACK_CAM = hand_camera(1)


def hand_fine_points(sign):
    """The hand (and the end of the forearm, closed above the picture) in chart coordinates."""
    pts = [FOREARM.t(0.45, 27, True), FOREARM.t(0.75, 21.5)]
    pts += [HAND.at(p[1], p[0], len(p) > 2) for p in HAND_FINE]
    pts += [FOREARM.t(0.75, -19.5), FOREARM.t(0.45, -24, True)]
    return side(pts, sign)


def draw_hand(svg, sign):
    """sign -1: the palm (front chart, thumb on the viewer's left); +1: the back of the hand."""
    svg.tf = HAND_PALM_CAM if sign < 0 else HAND_BACK_CAM
    svg.add('<g id="body">')
    body_path(svg, hand_fine_points(sign))
    svg.add('</g>')
    svg.add('<g id="details">')

    def h(pts, color, width, extra="", closed=False):
        line(svg, [hd_pt(sign, v, u) for u, v in pts], color, width, closed, extra)

    def mark(u, v, r=1.0):
        p = hd_pt(sign, v, u)
        circle(svg, p[0], p[1], r, 'fill="%s" stroke="none"' % LANDMARK)

    def finger_line(name, frac, wd, color, width, extra="", dv=0.0):
        c, v0, v1, hw = HAND_FINGERS[name]
        v = v0 + frac * (v1 - v0) + dv
        h([(c + hw * wd, v - 0.4), (c, v + 0.3), (c - hw * wd, v - 0.4)], color, width, extra)

    if sign < 0:
        # wrist creases, palmaris longus and FCR tendons, pisiform, scaphoid tubercle
        h([(-18, 0.5), (0, -0.5), (20, 0.5)], LANDMARK, 0.9)
        h([(-18, -5), (0, -6), (20, -5)], LANDMARK, 0.8, ' opacity="0.7"')
        h([(-1, -24), (-1, -12), (-0.5, -2)], MUSCLE, MUSCLE_W)
        h([(7, -24), (8, -12), (9.5, -2)], MUSCLE, MUSCLE_W)
        mark(-14.5, 3.5, 1.2)
        mark(14, 3, 1.2)
        # thenar crease around the ball of the thumb, proximal and distal palmar creases
        h([(27, 52), (19, 47), (12, 36), (7, 20), (5.5, 7)], LANDMARK, 1.0)
        h([(26.5, 53), (12, 58), (-4, 64), (-20, 72)], LANDMARK, 0.9)
        h([(-32, 76), (-20, 78), (-6, 80), (6, 84), (11, 89)], LANDMARK, 0.9)
        # hypothenar eminence (its radial border), thenar muscles' border with the palm
        h([(-17, 6), (-21, 30), (-23.5, 52), (-26, 70)], MUSCLE, MUSCLE_W)
        h([(23, 14), (27, 30), (32, 48)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
        # thumb: MCP and IP creases
        h([(29.5, 70), (34.5, 68), (40.5, 66)], LANDMARK, 0.8)
        h([(32.5, 90), (38, 88), (45.5, 86)], LANDMARK, 0.8)
        # finger creases: at the base, the PIP and the DIP joint
        for name in HAND_FINGERS:
            finger_line(name, 0.0, 0.95, LANDMARK, 0.8, dv=4.5)
            finger_line(name, 0.42, 0.95, LANDMARK, 0.8)
            finger_line(name, 0.74, 0.9, LANDMARK, 0.7)
            c, v0, v1, hw = HAND_FINGERS[name]   # the pad of the fingertip
            h([(c + hw * 0.5, v1 - 3), (c, v1 - 6.5), (c - hw * 0.5, v1 - 3)], LANDMARK, 0.5,
              ' opacity="0.5"')
    else:
        # dorsal wrist crease, ulnar and radial styloids, Lister's tubercle
        h([(-18, 1), (0, 0), (20, 1)], LANDMARK, 0.8, ' opacity="0.8"')
        mark(-16, -4, 1.6)
        mark(19, -3, 1.6)
        mark(6, -5, 1.1)
        # extensor tendons to the knuckles, extensor pollicis longus and brevis (the snuffbox)
        for u0, u1 in ((10, 19.8), (3.5, 3.6), (-3.5, -11.8), (-10, -25.7)):
            h([(u0, 4), ((u0 + u1) / 2, 45), (u1, 84)], MUSCLE, 0.9)
        h([(6, 2), (14, 22), (24, 40), (33, 62), (38, 78)], MUSCLE, 0.9)
        h([(20, 4), (27, 24), (34, 48), (39, 64)], MUSCLE, 0.9)
        # first dorsal interosseous bulge in the web
        h([(20, 24), (24, 44), (26, 60)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
        # metacarpal heads (knuckles) and the thumb's MCP
        for name in HAND_FINGERS:
            c, v0, v1, hw = HAND_FINGERS[name]
            h([(c + hw, 86), (c, 82), (c - hw, 86)], LANDMARK, 1.0)
        h([(30.5, 73), (35.5, 69), (41, 71.5)], LANDMARK, 0.9)
        # joint wrinkles over the PIP and DIP joints, nails
        for name in HAND_FINGERS:
            finger_line(name, 0.40, 0.7, LANDMARK, 0.7, ' opacity="0.8"', dv=-1.5)
            finger_line(name, 0.40, 0.55, LANDMARK, 0.7, ' opacity="0.8"', dv=1.5)
            c, v0, v1, hw = HAND_FINGERS[name]
            finger_line(name, 1.0, 0.55, LANDMARK, 0.7, ' opacity="0.8"', dv=-17.5)
            n = 0.62 * hw
            h([(c + n, v1 - 13), (c + n, v1 - 4), (c, v1 - 1.5), (c - n, v1 - 4), (c - n, v1 - 13),
               (c, v1 - 14)], LANDMARK, 0.7, ' opacity="0.8"', closed=True)
        h([(37, 88), (40, 86.5), (44, 88)], LANDMARK, 0.7, ' opacity="0.8"')      # thumb IP
        h([(37.5, 96), (37.5, 103.5), (40, 105.5), (43.5, 103), (44, 95.5), (40.5, 94.5)],
          LANDMARK, 0.7, ' opacity="0.8"', closed=True)                          # thumbnail
    svg.add('</g>')
    svg.tf = None


def pelvis_back_outline():
    return [PELVIS_BACK_CAM.all(body_outline("back"))]


PELVIS_BACK_LANDMARKS = [
    ("L4 spinous process (crest level)", (300, 587)), ("L5 spinous process", (300, 611)),
    ("iliac crest, top (right)", (395, 587)), ("PSIS, right (dimple)", (337, 637)),
    ("sacroiliac joint, right", (332, 656)), ("median sacral crest (S2)", (300, 648)),
    ("coccyx tip", (300, 703)), ("beside the coccyx, right", (309, 698)),
    ("anococcygeal region (top of the cleft)", (300, 712)),
    ("ischial tuberosity, right", (345, 738)), ("sacrotuberous ligament, right", (333, 712)),
    ("greater trochanter, right", (422, 677)), ("gluteus maximus, middle (right)", (360, 700)),
    ("gluteus medius (below the crest, right)", (392, 625)), ("gluteal fold, middle (right)", (355, 768)),
    ("back of the thigh, upper (right)", (350, 805)), ("PSIS, left", (263, 637)),
    ("ischial tuberosity, left", (255, 738)), ("greater trochanter, left", (178, 677)),
]


def hand_outline(sign):
    cam = HAND_PALM_CAM if sign < 0 else HAND_BACK_CAM
    return [cam.all(hand_fine_points(sign))]


def hand_landmarks(sign):
    cam = HAND_PALM_CAM if sign < 0 else HAND_BACK_CAM
    Hd = lambda u, v: hd_pt(sign, v, u)
    tips = [("%s fingertip" % n, Hd(c, v1 - 5)) for n, (c, v0, v1, hw) in HAND_FINGERS.items()]
    if sign < 0:
        table = [("wrist crease, middle", Hd(0, 0)), ("palmaris longus tendon", Hd(-1, -12)),
                 ("pisiform", Hd(-14.5, 3.5)), ("scaphoid tubercle", Hd(14, 3)),
                 ("thenar eminence", Hd(20, 30)), ("hypothenar eminence", Hd(-26, 35)),
                 ("palm, centre", Hd(0, 50)), ("thumb web, palm side", Hd(26, 60)),
                 ("thumb, MCP crease", Hd(35, 69)), ("thumb tip (pad)", Hd(40, 100)),
                 ("index finger, base crease", Hd(19.8, 96)),
                 ("distal palmar crease", Hd(-10, 79)),
                 ("middle finger, PIP crease", Hd(3.6, 113))] + tips
    else:
        table = [("Lister's tubercle", Hd(6, -5)), ("ulnar styloid", Hd(-16, -4)),
                 ("radial styloid", Hd(19, -3)), ("anatomical snuffbox", Hd(24, 20)),
                 ("first dorsal interosseous", Hd(24, 48)),
                 ("back of the hand, middle", Hd(0, 45)),
                 ("between the 4th and 5th metacarpals", Hd(-19, 50)),
                 ("index knuckle (MCP)", Hd(19.8, 84)), ("middle knuckle (MCP)", Hd(3.6, 84)),
                 ("little-finger knuckle (MCP)", Hd(-25.7, 84)),
                 ("thumb, MCP", Hd(35.5, 71)), ("thumbnail", Hd(40.5, 100)),
                 ("middle finger, PIP joint", Hd(3.6, 112))] + tips
    return [(n, cam.p(p)) for n, p in table]


# hip_side: the side view around the right hip, without the arm, 2.5x (0.052 cm per unit)
HIP_CAM = Camera(178, 508, 2.5)


def draw_hip_side(svg):
    svg.tf = HIP_CAM
    draw_side(svg, arm=False)

    def ln(pts, color, width, extra=""):
        line(svg, pts, color, width, False, extra)

    # sacrum and coccyx: the median sacral crest under the skin of the back (dashed)
    ln([(236, 616), (233, 640), (228, 665), (221, 690), (216, 705)], LANDMARK, 1.0,
       ' stroke-dasharray="5 4" opacity="0.85"')
    for y in (628, 646, 664):
        circle(svg, 236 - (y - 616) * 0.16, y, 1.3, 'fill="%s" stroke="none"' % DOT)
    # iliac crest's outer lip and the anterior inferior iliac spine
    ln([(258, 596), (284, 590), (310, 593), (330, 604)], LANDMARK, 0.8, ' opacity="0.6"')
    circle(svg, 343, 650, 1.6, 'fill="%s" stroke="none" opacity="0.7"' % LANDMARK)
    # the femoral shaft below the greater trochanter (deep, dashed)
    ln([(286, 698), (290, 740), (296, 790)], LANDMARK, 0.9, ' stroke-dasharray="6 5" opacity="0.7"')
    ln([(301, 696), (306, 740), (310, 790)], LANDMARK, 0.9, ' stroke-dasharray="6 5" opacity="0.7"')
    # natal cleft top (skin) at the back contour; the buttock crease
    ln([(222, 626), (218, 640)], OUTLINE, 1.0)
    svg.tf = None


def hip_side_outline():
    return [HIP_CAM.all(side_body_outline())]


HIP_LANDMARKS = [
    ("iliac crest, highest point", (285, 584)), ("iliac tubercle", (310, 587)),
    ("ASIS", (346, 628)), ("AIIS (deep)", (343, 650)), ("PSIS (dimple)", (241, 636)),
    ("sacrum, S2 (deep, near the back)", (238, 655)), ("coccyx tip", (216, 706)),
    ("gluteus medius, middle (between crest and trochanter)", (290, 620)),
    ("gluteus minimus (under medius, just behind the TFL)", (312, 640)),
    ("tensor fasciae latae", (330, 690)), ("greater trochanter, top", (291, 660)),
    ("greater trochanter, middle", (291, 676)), ("hip joint (deep)", (302, 668)),
    ("piriformis (deep, PSIS to trochanter)", (262, 660)),
    ("gluteus maximus, middle", (232, 690)), ("buttock, most posterior", (200, 725)),
    ("gluteal fold", (226, 789)), ("iliotibial band, upper", (300, 780)),
    ("vastus lateralis, upper", (300, 740)), ("12th rib, tip", (241, 521)),
    ("lowest rib at the side (10th)", (284, 538)), ("navel", (358, 568)),
]


# thigh_front: the front view around the right thigh, groin to just below the knee, 2x (0.065 cm
# per unit); for the groin and anterior thigh muscles (pectineus, sartorius, gracilis, the vasti)
THIGH_FRONT_CAM = Camera(140, 570, 2.0)


def draw_thigh_front(svg):
    svg.tf = THIGH_FRONT_CAM
    svg.add('<g id="body">')
    body_path(svg, body_outline("front"))
    svg.add('</g>')
    svg.add('<g id="details">')
    draw_front_details(svg)

    def ln(pts, color, width, extra=""):
        line(svg, pts, color, width, False, extra)

    # the femoral pulse below the mid-inguinal point, the pectineal line of the pubis (dashed)
    circle(svg, 246, 668, 1.8, 'fill="none" stroke="%s" stroke-width="1.1"' % LANDMARK)
    ln([(254, 676), (266, 682), (278, 688)], LANDMARK, 0.8, ' stroke-dasharray="4 3" opacity="0.7"')
    # rectus femoris from the AIIS to the patella (both borders), the femoral shaft (deep, dashed)
    # (it emerges between tensor fasciae latae and sartorius, which crosses it)
    ln([(200, 705), (201, 780), (208, 850), (218, 900)], MUSCLE, MUSCLE_W)
    ln([(238, 800), (244, 870), (241, 944)], MUSCLE, MUSCLE_W)
    ln([(206, 720), (214, 800), (226, 880), (236, 936)], LANDMARK, 0.8,
       ' stroke-dasharray="6 6" opacity="0.45"')
    # sartorius behind the vastus medialis bulge to the pes anserinus; gracilis along the inner
    # thigh to the same place; the medial femoral condyle and the medial joint line
    ln([(250, 872), (264, 905), (272, 945), (272, 985), (262, 1022)], MUSCLE, MUSCLE_W,
       ' stroke-dasharray="5 4"')
    ln([(296, 712), (290, 780), (284, 850), (278, 920), (274, 970), (264, 1018)], MUSCLE, MUSCLE_W)
    ln([(270, 930), (277, 950), (276, 972)], LANDMARK, 0.8, ' opacity="0.6"')
    ln([(265, 988), (279, 990)], LANDMARK, 0.8, ' stroke-dasharray="3 3" opacity="0.7"')
    circle(svg, 260, 1026, 1.6, 'fill="%s" stroke="none" opacity="0.7"' % LANDMARK)
    svg.add('</g>')
    svg.tf = None


def thigh_front_outline():
    return [THIGH_FRONT_CAM.all(body_outline("front"))]


THIGH_FRONT_LANDMARKS = [
    ("ASIS", (210, 628)), ("AIIS (deep)", (220, 652)), ("greater trochanter", (176, 676)),
    ("mid-inguinal point (femoral pulse)", (246, 666)), ("pubic tubercle", (279, 690)),
    ("pectineus (below the pubis, between pulse and adductor longus)", (263, 703)),
    ("adductor longus, upper", (277, 740)), ("lesser trochanter (deep)", (228, 720)),
    ("femoral triangle apex", (250, 810)), ("sartorius, upper", (218, 695)),
    ("sartorius, middle", (240, 800)), ("rectus femoris, middle", (224, 800)),
    ("vastus intermedius (deep to rectus femoris)", (214, 765)),
    ("gracilis, middle (inner thigh)", (284, 850)), ("vastus medialis", (265, 905)),
    ("medial femoral condyle", (274, 952)), ("patella centre", (243, 965)),
    ("medial knee joint line", (272, 988)), ("pes anserinus", (260, 1026)),
    ("tibial tuberosity", (243, 1015)),
]


# abdomen: the front view around the abdominal wall, both sides, 2x (0.065 cm per unit): from the
# lower sternum and costal margins to the pubis and inguinal ligaments, flank to flank; for the
# abdominal obliques, rectus abdominis and the front of the patterns of the back muscles
ABDOMEN_CAM = Camera(170, 400, 2.0)


def draw_abdomen(svg):
    ln = closeup_begin(svg, ABDOMEN_CAM, "front")

    # rectus abdominis: its tendinous intersections (xiphoid level, midway, navel level)
    for y, sag in ((486, 3), (522, 3), (558, 2)):
        ln([(2, y), (20, y + sag), (40, y), (64, y - 2)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
    # external oblique: where its fleshy part turns into aponeurosis (dashed), and its
    # digitations on the lower ribs
    ln([(98, 520), (90, 560), (86, 600), (84, 622)], MUSCLE, MUSCLE_W, ' stroke-dasharray="5 4"')
    for y in (470, 494):
        ln([(94, y), (104, y + 10), (110, y + 22)], MUSCLE, MUSCLE_W, ' opacity="0.7"')
    # anterior superior iliac spine to the navel line (McBurney's point two thirds of the way)
    ln([(90, 628), (60, 604), (30, 584)], LANDMARK, 0.8, ' stroke-dasharray="3 4" opacity="0.6"')
    circle(svg, CX - 60, 604, 1.6, 'fill="%s" stroke="none" opacity="0.8"' % LANDMARK)
    svg.add('</g>')
    svg.tf = None


def abdomen_outline():
    return [ABDOMEN_CAM.all(body_outline("front"))]


ABDOMEN_LANDMARKS = [
    ("xiphoid tip", (300, 447)), ("costal margin, right (10th rib)", (197, 535)),
    ("epigastrium (below the xiphoid)", (300, 470)), ("navel", (300, 568)),
    ("rectus abdominis, right, at the navel", (270, 568)),
    ("linea semilunaris, right", (236, 560)), ("McBurney's point", (240, 604)),
    ("iliac crest, lateral (right)", (190, 594)), ("ASIS, right", (210, 628)),
    ("inguinal ligament, middle (right)", (240, 656)), ("pubic tubercle, right", (279, 690)),
    ("pubic symphysis", (300, 694)), ("lower abdomen, right (above the pubis)", (262, 664)),
    ("ASIS, left", (390, 628)), ("costal margin, left", (403, 535)),
]


# low_back: the back view around the trunk, both sides, 1.5x (0.0867 cm per unit): from the
# scapulae (T5) to the buttocks; for the long back muscles, quadratus lumborum, serratus
# posterior inferior and the back of the abdominal patterns
LOW_BACK_CAM = Camera(170, 280, 1.5)


def draw_low_back(svg):
    ln = closeup_begin(svg, LOW_BACK_CAM, "back")

    # erector spinae: the groove between iliocostalis (lateral) and longissimus (dashed)
    ln([(36, 420), (40, 470), (42, 520), (40, 570), (33, 615)], MUSCLE, MUSCLE_W,
       ' stroke-dasharray="5 4"')
    svg.add('</g>')
    svg.tf = None


def low_back_outline():
    return [LOW_BACK_CAM.all(body_outline("back"))]


LOW_BACK_LANDMARKS = [
    ("scapula inferior angle (T7), right", (366, 403)), ("T7 spinous process", (300, 396)),
    ("T12 spinous process", (300, 488)), ("L3 spinous process", (300, 562)),
    ("L4 spinous process (crest level)", (300, 587)), ("L5 spinous process", (300, 611)),
    ("12th rib, tip (right)", (380, 524)), ("iliac crest, top (right)", (395, 587)),
    ("PSIS, right (dimple)", (337, 637)), ("median sacral crest (S2)", (300, 648)),
    ("sacrum apex / coccyx", (300, 703)),
    ("erector spinae, lateral border at L1 (right)", (357, 512)),
    ("iliocostalis, thoracic (right)", (348, 430)), ("longissimus, at T12 (right)", (326, 490)),
    ("multifidus, beside L5 (right)", (310, 600)),
    ("quadratus lumborum (lateral to the erector, above the crest)", (370, 560)),
    ("greater trochanter, right", (422, 677)), ("gluteus maximus, middle (right)", (360, 700)),
    ("PSIS, left", (263, 637)), ("12th rib, tip (left)", (220, 524)),
]


# thigh_back: the back view around the right thigh, buttock to the upper calf, 2x (0.065 cm per
# unit); the other thigh shows at the left edge; for the hamstrings
THIGH_BACK_CAM = Camera(262, 690, 2.0)


def draw_thigh_back(svg):
    ln = closeup_begin(svg, THIGH_BACK_CAM, "back")

    # the ischial tuberosity (deep to gluteus maximus, dashed), the groove between the medial
    # hamstrings and biceps femoris, the iliotibial band's posterior edge, the fibular head
    for s in (-1, 1):
        ellipse(svg, CX + s * 45, 738, 9, 7, 'fill="none" stroke="%s" stroke-width="1.1" '
                'stroke-dasharray="4 3" opacity="0.85"' % LANDMARK)
    ln([(50, 775), (54, 830), (57, 890), (58, 940)], MUSCLE, MUSCLE_W, ' stroke-dasharray="5 4"')
    ln([(102, 790), (106, 860), (104, 930), (98, 975)], MUSCLE, MUSCLE_W, ' opacity="0.7"')
    ln([(86, 1000), (90, 1010)], LANDMARK, 1.0)
    ellipse(svg, CX + 88, 1008, 5, 6, 'fill="none" stroke="%s" stroke-width="1.1"' % LANDMARK)
    # the popliteal fossa's borders below the crease (the two gastrocnemius heads meet them)
    ln([(40, 945), (46, 965), (52, 980)], MUSCLE, MUSCLE_W, ' opacity="0.7"')
    ln([(76, 945), (70, 965), (63, 980)], MUSCLE, MUSCLE_W, ' opacity="0.7"')
    svg.add('</g>')
    svg.tf = None


def thigh_back_outline():
    return [THIGH_BACK_CAM.all(body_outline("back"))]


THIGH_BACK_LANDMARKS = [
    ("ischial tuberosity", (345, 738)), ("gluteal fold, middle", (355, 768)),
    ("medial hamstrings, middle (semitendinosus, semimembranosus)", (340, 870)),
    ("biceps femoris, long head, middle", (372, 880)),
    ("biceps femoris, short head (above the knee, lateral)", (380, 950)),
    ("popliteal crease centre", (357, 987)), ("fibular head", (388, 1008)),
    ("medial knee (pes anserinus, behind)", (330, 1000)),
    ("gastrocnemius, medial head", (330, 1060)), ("gastrocnemius, lateral head", (384, 1060)),
]


# thigh_side: the side view around the right thigh, iliac crest to below the knee, without the
# arm, 1.8x (0.0722 cm per unit); for vastus lateralis and the outer thigh
THIGH_SIDE_CAM = Camera(196, 585, 1.8)


def draw_thigh_side(svg):
    svg.tf = THIGH_SIDE_CAM
    draw_side(svg, arm=False)

    def ln(pts, color, width, extra=""):
        line(svg, pts, color, width, False, extra)

    # the femoral shaft (deep, dashed) from below the trochanter to the lateral condyle; the
    # lateral femoral condyle and epicondyle; the quadriceps tendon above the patella
    ln([(291, 700), (296, 780), (302, 860), (308, 930)], LANDMARK, 0.9,
       ' stroke-dasharray="6 5" opacity="0.6"')
    ln([(300, 940), (312, 936), (324, 944), (326, 960)], LANDMARK, 0.9, ' opacity="0.6"')
    circle(svg, 306, 962, 1.5, 'fill="%s" stroke="none" opacity="0.7"' % LANDMARK)
    ln([(334, 905), (337, 925), (339, 940)], MUSCLE, MUSCLE_W)
    svg.tf = None


def thigh_side_outline():
    return [THIGH_SIDE_CAM.all(side_body_outline())]


THIGH_SIDE_LANDMARKS = [
    ("iliac crest, highest point", (285, 590)), ("ASIS", (346, 628)),
    ("greater trochanter", (291, 676)), ("tensor fasciae latae", (330, 690)),
    ("iliotibial band, middle", (300, 860)), ("vastus lateralis, upper", (300, 740)),
    ("vastus lateralis, middle (in front of the band)", (318, 830)),
    ("vastus lateralis, behind the band", (262, 870)),
    ("lateral femoral epicondyle", (306, 962)), ("patella", (338, 962)),
    ("lateral knee joint line", (300, 988)), ("fibular head", (270, 1006)),
    ("gluteal fold", (226, 789)), ("biceps femoris (back of the thigh)", (252, 900)),
]


# neck_back: the back view around the neck and the top of the right shoulder, 2.6x (0.05 cm per
# unit): occiput to the scapular spine, midline to the acromion; for the upper trapezius
NECK_BACK_CAM = Camera(250, 120, 2.6)


def draw_neck_back(svg):
    ln = closeup_begin(svg, NECK_BACK_CAM, "back")

    # superior nuchal line from the inion, the mastoid processes, the nuchal ligament's line
    # (dashed), C2's spinous process, levator scapulae under the trapezius (dashed)
    ln([(0, 152), (14, 151), (28, 154), (42, 160), (52, 168)], LANDMARK, 1.0)
    for s in (-1, 1):
        ellipse(svg, CX + s * 45, 176, 3, 5.5, 'fill="none" stroke="%s" stroke-width="1.0"' % LANDMARK)
    dots(svg, [(CX, 186)], 2.6, 3.4, DOT)
    ln([(28, 190), (36, 230), (44, 275), (44, 298)], MUSCLE, MUSCLE_W, ' stroke-dasharray="5 4"')
    svg.add('</g>')
    svg.tf = None


def neck_back_outline():
    return [NECK_BACK_CAM.all(body_outline("back"))]


NECK_BACK_LANDMARKS = [
    ("inion (external occipital protuberance)", (300, 152)),
    ("superior nuchal line", (328, 154)), ("mastoid process, right", (345, 176)),
    ("C2 spinous process", (300, 186)), ("C7 spinous process", (300, 268)),
    ("upper trapezius, mid-neck (right)", (334, 215)),
    ("upper trapezius, top of the shoulder (right)", (392, 270)),
    ("levator scapulae (under the trapezius)", (338, 250)),
    ("acromion, right", (448, 286)), ("scapula superior angle, right", (344, 300)),
    ("root of the scapular spine (T3), right", (347, 322)), ("T1 spinous process", (300, 286)),
]


# leg_side: the side view around the right lower leg and foot, 2x (0.065 cm per unit)
LEG_SIDE_CAM = Camera(182, 872, 2.0)


def draw_leg_side(svg):
    svg.tf = LEG_SIDE_CAM
    draw_side(svg, arm=False)

    def ln(pts, color, width, extra=""):
        line(svg, pts, color, width, False, extra)

    # peroneal tendons behind the lateral malleolus to the fifth metatarsal base and the sole
    ln([(276, 1270), (272, 1300), (279, 1320), (300, 1335), (337, 1348)], MUSCLE, MUSCLE_W)
    ln([(268, 1275), (268, 1305), (276, 1325), (298, 1343), (325, 1352)], MUSCLE, MUSCLE_W,
       ' stroke-dasharray="4 3"')
    # extensor tendons on the instep, the ankle crease, tibialis anterior border
    ln([(326, 1310), (350, 1322), (385, 1336), (420, 1347)], MUSCLE, MUSCLE_W)
    ln([(320, 1030), (314, 1120), (308, 1200), (306, 1260)], MUSCLE, MUSCLE_W)
    # Achilles tendon (front edge), heel pad (the arch and the toes are the side view's)
    ln([(256, 1175), (259, 1230), (262, 1280), (262, 1310)], MUSCLE, MUSCLE_W)
    ln([(252, 1343), (270, 1356), (300, 1359)], LANDMARK, 0.8, ' opacity="0.7"')
    # lateral femoral condyle and the lateral collateral ligament
    ln([(262, 962), (280, 958), (300, 962)], LANDMARK, 0.8, ' opacity="0.6"')
    ln([(285, 972), (278, 990), (272, 1000)], MUSCLE, MUSCLE_W, ' opacity="0.8"')
    svg.tf = None


def leg_side_outline():
    return [LEG_SIDE_CAM.all(side_body_outline())]


LEG_SIDE_LANDMARKS = [
    ("patella", (338.5, 963)), ("lateral knee joint line", (300, 988)),
    ("fibular head", (270, 1006)), ("tibial tuberosity", (331, 1016)),
    ("peroneus longus, upper third (2-4 cm below the fibular head)", (270, 1060)),
    ("peroneus brevis (lower half, behind the fibula)", (272, 1200)),
    ("tibialis anterior, upper third", (318, 1060)),
    ("extensor digitorum longus", (300, 1100)), ("gastrocnemius, lateral head", (245, 1050)),
    ("soleus (lateral, below gastrocnemius)", (245, 1160)), ("Achilles tendon", (252, 1250)),
    ("lateral malleolus", (282, 1303)), ("heel (calcaneus)", (250, 1340)),
    ("fifth metatarsal base", (339, 1349)), ("ankle front (crease)", (318, 1302)),
    ("instep (dorsum of the foot)", (365, 1328)), ("sole, lateral edge", (330, 1360)),
    ("toe tips", (444, 1358)),
]


# leg: the back view of the right lower leg with the foot relaxed in plantar flexion (as when
# lying face down), so the heel and the sole face the viewer; 1.85x (0.0703 cm per unit)
LEG_CAM = Camera(262, 943, 1.85)
LEG_SOLE = [(82.5, 1292), (86, 1306), (85, 1322), (81, 1340), (82.5, 1368), (87, 1398),
            (91.5, 1423), (91, 1438), (89.5, 1446), (87, 1450), (84.5, 1449.5),
            (82.5, 1444, CORNER), (80.5, 1453), (78, 1456), (75.5, 1454.5), (73.5, 1449, CORNER),
            (71, 1458), (68, 1461), (65.5, 1459.5), (63.5, 1453, CORNER), (61, 1463), (57.5, 1466),
            (54, 1464), (52, 1456, CORNER), (49, 1467), (40, 1472), (31, 1469), (25.5, 1459),
            (22.5, 1440), (23.5, 1422), (28.5, 1396),
            (31, 1370), (31.5, 1346), (27.5, 1326), (26.5, 1306), (27, 1298)]


def leg_outline_half():
    lateral = [p for p in FLANK if p[1] >= 840]
    medial = [p for p in LEG_MEDIAL_BACK if 840 <= p[1] < 1290]
    return lateral + LEG_SOLE + medial + [(40, 780), (80, 760, CORNER), (112, 780)]


def draw_leg(svg):
    svg.tf = LEG_CAM
    svg.add('<g id="body">')
    body_path(svg, side(leg_outline_half(), 1))
    svg.add('</g>')
    svg.add('<g id="details">')
    v = "back"

    def r(pts, color, width, extra="", closed=False):
        line(svg, side(pts, 1), color, width, closed, extra)

    # thigh: hamstring borders to the popliteal fossa, popliteal crease
    r([(30, 935), (32, 975)], MUSCLE, MUSCLE_W)
    r([(85, 935), (83, 975)], MUSCLE, MUSCLE_W)
    r([(37, 985), (57, 989), (78, 985)], LANDMARK, 1.3)
    # gastrocnemius heads (borders, the cleft between them), soleus either side, Achilles tendon
    r([(32, 1000), (24, 1050), (28, 1110), (40, 1160), (51, 1180)], MUSCLE, MUSCLE_W)
    r([(82, 1000), (90, 1050), (85, 1110), (73, 1152), (63, 1175)], MUSCLE, MUSCLE_W)
    r([(57, 1004), (57, 1080), (57, 1140)], MUSCLE, MUSCLE_W)
    r([(20, 1080), (22, 1150), (34, 1210), (47, 1240)], MUSCLE, MUSCLE_W, ' opacity="0.85"')
    r([(94, 1080), (88, 1150), (78, 1205), (67, 1240)], MUSCLE, MUSCLE_W, ' opacity="0.85"')
    r([(51, 1182), (52, 1240), (52, 1300)], MUSCLE, MUSCLE_W)
    r([(63, 1177), (62, 1240), (62, 1300)], MUSCLE, MUSCLE_W)
    # malleoli
    r([(34, 1283), (37.5, 1292), (34, 1301)], LANDMARK, 1.2)
    r([(79, 1294), (76, 1303), (79, 1312)], LANDMARK, 1.2)
    # heel: its back, the heel pad on the sole; the sole: arch, ball, toe creases, toes
    r([(41, 1314), (45, 1331), (57, 1339), (69, 1331), (73, 1314)], LANDMARK, 1.0)
    r([(38, 1344), (44, 1362), (57, 1368), (70, 1362), (76, 1344)], LANDMARK, 0.9, ' opacity="0.8"')
    r([(34, 1372), (38, 1395), (33, 1418)], LANDMARK, 0.8, ' opacity="0.6"')        # arch
    r([(79, 1370), (84, 1398), (86, 1420)], LANDMARK, 0.8, ' opacity="0.6"')        # lateral edge
    r([(27, 1428), (45, 1420), (65, 1421), (88, 1428)], LANDMARK, 0.9)              # ball
    r([(26, 1445), (42, 1443), (58, 1446), (74, 1447), (88, 1442)], LANDMARK, 0.8, ' opacity="0.8"')
    for dx, y0 in ((52, 1456), (63.5, 1453), (73.5, 1449), (82.5, 1444)):
        r([(dx + 0.5, y0 - 8), (dx, y0)], LANDMARK, 0.8)
    svg.add('</g>')
    svg.tf = None


def leg_outlines():
    return [LEG_CAM.all(side(leg_outline_half(), 1))]


LEG_LANDMARKS = [
    ("popliteal crease, centre", (357, 989)), ("hamstring tendons, medial", (331, 960)),
    ("biceps femoris tendon (lateral)", (384, 960)),
    ("gastrocnemius, medial head", (335, 1050)), ("gastrocnemius, lateral head", (382, 1050)),
    ("gastrocnemius, musculotendinous junction", (357, 1170)),
    ("soleus, medial (below gastrocnemius)", (328, 1170)),
    ("soleus, lateral", (387, 1170)), ("soleus, middle (deep to gastrocnemius)", (357, 1120)),
    ("tibialis posterior (deep, mid-calf)", (357, 1080)),
    ("Achilles tendon", (357, 1260)), ("medial malleolus", (334, 1292)),
    ("lateral malleolus", (379, 1303)), ("heel, back", (357, 1325)),
    ("heel, sole (plantar pad)", (357, 1355)), ("arch (medial sole)", (330, 1395)),
    ("ball of the foot, big toe (1st MT head)", (330, 1425)),
    ("ball of the foot, little toe (5th MT head)", (385, 1430)),
    ("big toe tip", (340, 1468)),
]


# foot_sole and foot_top: the right foot alone, 0.032 cm per unit (31.25 units per cm), toes up.
# Neither surface faces the viewer in a whole-body chart, so these views are drawn on their own,
# to the proportions of a 26 cm adult foot: heel to big toe tip 812 units, 10 cm (312 units)
# across the ball, 6.5 cm across the heel; the first metatarsal head at 72 % of the length from
# the heel, the fifth at 63 %.
# foot_sole: the plantar surface seen from below (as when looking at the soles of a patient lying
# on the back), so the big toe is on the viewer's right.
FOOT_SOLE = [(196, 946), (150, 936), (112, 904), (97, 846), (97, 772), (91, 700), (81, 624),
             (68, 560), (57, 490), (48, 425), (44, 380), (42, 340), (46, 304), (62, 286),
             (82, 284), (96, 300), (101, 326), (104, 345, CORNER), (101, 300), (106, 262),
             (124, 238), (144, 244), (151, 278), (156, 318, CORNER), (154, 262), (159, 222),
             (178, 204), (199, 212), (206, 254), (210, 303, CORNER), (208, 238), (213, 190),
             (233, 172), (254, 180), (261, 226), (266, 292, CORNER), (266, 212), (276, 156),
             (314, 126), (352, 140), (370, 198), (371, 264), (366, 320), (364, 372), (352, 440),
             (332, 520), (312, 600), (300, 680), (295, 760), (292, 838), (278, 904), (245, 936)]


def draw_foot_sole(svg):
    def ln(pts, color, width, extra="", closed=False):
        line(svg, pts, color, width, closed, extra)

    # the heel pad's front edge, the non-weight-bearing medial arch, the ball of the foot
    ln([(110, 768), (150, 740), (200, 732), (250, 740), (288, 764)], LANDMARK, 1.0, ' opacity="0.75"')
    ln([(287, 744), (252, 680), (238, 600), (250, 520), (292, 452)], LANDMARK, 1.0,
       ' stroke-dasharray="6 5" opacity="0.75"')
    ln([(56, 468), (120, 444), (200, 428), (280, 420), (352, 436)], LANDMARK, 0.9, ' opacity="0.6"')
    # the toe-sole fold at the base of each toe, the big toe's interphalangeal crease, toe pads
    for pts in ([(50, 372), (76, 364), (100, 352)], [(104, 336), (128, 326), (152, 322)],
                [(156, 316), (182, 308), (206, 306)], [(210, 302), (236, 294), (262, 294)],
                [(268, 292), (318, 288), (368, 300)], [(274, 214), (320, 208), (368, 218)]):
        ln(pts, OUTLINE, 1.0, ' opacity="0.7"')
    for (x, y, rx, ry) in ((318, 172, 34, 30), (233, 210, 17, 20), (179, 240, 16, 19),
                           (126, 272, 15, 18), (74, 314, 14, 16)):
        ellipse(svg, x, y, rx, ry, stroke_attrs(LANDMARK, 0.8, ' opacity="0.45"'))
    # bony marks: first and fifth metatarsal heads, fifth metatarsal base, medial calcaneal
    # tubercle (where the plantar fascia arises)
    for (x, y) in ((318, 380), (78, 428), (70, 562), (246, 800)):
        circle(svg, x, y, 4, 'fill="%s" stroke="none" opacity="0.7"' % LANDMARK)
    # muscle borders: the central plantar aponeurosis (over flexor digitorum brevis), abductor
    # hallucis along the medial border, abductor digiti minimi along the lateral border
    ln([(176, 790), (164, 640), (158, 520), (150, 440)], MUSCLE, MUSCLE_W)
    ln([(236, 790), (250, 640), (262, 520), (276, 430)], MUSCLE, MUSCLE_W)
    ln([(262, 850), (264, 720), (276, 600), (300, 500), (326, 420)], MUSCLE, MUSCLE_W)
    ln([(128, 850), (124, 720), (112, 620), (96, 520), (84, 450)], MUSCLE, MUSCLE_W)


def foot_sole_outline():
    return [FOOT_SOLE]


FOOT_SOLE_LANDMARKS = [
    ("heel, plantar pad (centre)", (196, 860)),
    ("medial calcaneal tubercle (plantar fascia origin)", (246, 800)),
    ("front of the heel, deep (quadratus plantae)", (200, 728)),
    ("medial arch (navicular level; abductor hallucis)", (284, 620)),
    ("mid-sole (flexor digitorum brevis)", (205, 560)),
    ("lateral sole (abductor digiti minimi)", (102, 660)),
    ("fifth metatarsal base", (70, 562)),
    ("ball of the foot, first metatarsal head", (318, 380)),
    ("ball of the foot, fifth metatarsal head", (78, 428)),
    ("ball of the foot, middle (second and third heads)", (220, 405)),
    ("big toe, pad", (318, 172)), ("second toe, tip", (233, 184)),
    ("little toe, tip", (72, 296)),
]


# foot_top: the dorsum of the right foot seen from above, toes up, the ankle and a stump of the
# shin at the bottom (cropped): the big toe and the medial malleolus on the viewer's left, the
# lateral malleolus lower (further back) on the right.
FOOT_TOP = [(122, 1030, CORNER), (120, 940), (116, 850), (100, 806), (98, 768), (96, 700),
            (82, 580), (62, 470), (42, 392), (32, 336), (30, 280), (30, 214), (44, 150),
            (84, 124), (124, 150), (133, 200), (136, 246, CORNER), (141, 206), (147, 166),
            (168, 152), (189, 162), (195, 212), (195, 258, CORNER), (198, 224), (203, 194),
            (223, 182), (243, 196), (248, 236), (249, 276, CORNER), (252, 252), (257, 228),
            (276, 216), (295, 234), (300, 272), (301, 308, CORNER), (305, 290), (312, 274),
            (332, 264), (352, 286), (358, 336), (356, 390), (346, 470), (334, 556), (336, 600),
            (324, 680), (314, 756), (326, 812), (318, 850), (302, 900), (300, 1030, CORNER)]


def draw_foot_top(svg):
    def ln(pts, color, width, extra="", closed=False):
        line(svg, pts, color, width, closed, extra)

    # malleoli, the ankle crease
    ln([(112, 760), (100, 790), (108, 824)], LANDMARK, 1.2)
    ln([(306, 790), (322, 818), (312, 852)], LANDMARK, 1.2)
    ln([(116, 742), (160, 732), (210, 730), (260, 738), (306, 760)], LANDMARK, 1.0, ' opacity="0.7"')
    # tendons: tibialis anterior to the medial cuneiform, extensor hallucis longus to the big toe,
    # extensor digitorum longus fanning to the four lesser toes
    ln([(168, 1000), (158, 860), (146, 750), (120, 660), (100, 600)], MUSCLE, MUSCLE_W)
    ln([(190, 1000), (184, 860), (172, 740), (134, 560), (100, 400), (84, 300), (84, 220)],
       MUSCLE, MUSCLE_W)
    for toe in ((168, 210), (222, 236), (276, 270), (332, 318)):
        ln([(232, 860), (230, 750), ((230 + toe[0]) / 2.0, 540), (toe[0], 360), toe], MUSCLE,
           MUSCLE_W, ' opacity="0.85"')
    # extensor digitorum brevis and hallucis brevis: the soft belly in front of the lateral
    # malleolus, its tendons running forward to the big toe and the middle toes
    ln([(300, 748), (272, 742), (250, 716), (244, 676), (256, 632), (282, 612), (310, 628),
        (318, 672), (314, 720)], MUSCLE, MUSCLE_W, closed=True)
    ln([(256, 636), (180, 520), (110, 410)], MUSCLE, MUSCLE_W, ' stroke-dasharray="5 4"')
    # knuckles (metatarsophalangeal joints), the fifth metatarsal base, toenails
    for (x, y) in ((64, 352), (168, 372), (222, 388), (274, 404), (330, 420)):
        ln([(x - 14, y + 4), (x, y - 4), (x + 14, y + 4)], LANDMARK, 0.9, ' opacity="0.6"')
    circle(svg, 336, 598, 4, 'fill="%s" stroke="none" opacity="0.7"' % LANDMARK)
    for (x, y, rx, ry) in ((84, 168, 26, 28), (168, 172, 13, 15), (223, 200, 12, 14),
                           (276, 234, 11, 13), (332, 284, 11, 12)):
        ellipse(svg, x, y, rx, ry, stroke_attrs(LANDMARK, 0.9, ' opacity="0.7"'))


def foot_top_outline():
    return [FOOT_TOP]


FOOT_TOP_LANDMARKS = [
    ("medial malleolus", (104, 790)), ("lateral malleolus", (318, 818)),
    ("ankle crease, front", (210, 734)), ("tibialis anterior tendon at the ankle", (148, 760)),
    ("extensor digitorum brevis, belly (in front of the lateral malleolus)", (282, 680)),
    ("dorsum of the foot, middle", (200, 540)), ("fifth metatarsal base", (334, 598)),
    ("first metatarsophalangeal joint (big toe knuckle)", (64, 350)),
    ("fifth metatarsal head", (330, 420)), ("web between the big and second toes", (137, 256)),
    ("big toe, nail", (84, 170)), ("second toe", (168, 200)), ("little toe", (332, 290)),
]


def whole_chart(view):
    def draw(svg):
        svg.add('<g id="body">')
        body_path(svg, body_outline(view))
        svg.add('</g>')
        svg.add('<g id="details">')
        (draw_front_details if view == "front" else draw_back_details)(svg)
        svg.add('</g>')
    return draw


def outlined_chart(outline_fn, details_fn):
    def draw(svg):
        svg.add('<g id="body">')
        svg.add('<path fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" d="%s"/>'
                % (SKIN, OUTLINE, fmt(OUTLINE_W), path_d(outline_fn(), closed=True)))
        svg.add('</g>')
        svg.add('<g id="details">')
        details_fn(svg)
        svg.add('</g>')
    return draw


class View:
    """A chart: its file name, viewBox (0 0 w h), real scale, how its points are written, how it
    is drawn, its body outline (closed splines, chart units) and its landmarks.
    mirror: -1 if patient's right side is at x = 300 - dx (anterior views), +1 if at 300 + dx
    (posterior views), None for a one-sided view (overlay points are chart coordinates)."""

    def __init__(self, name, w, h, cm, title, draw, outlines, landmarks, mirror=None):
        self.name, self.w, self.h, self.cm = name, w, h, cm
        self.title, self.draw, self.outlines, self.landmarks = title, draw, outlines, landmarks
        self.mirror = mirror


def full_landmarks(view):
    s = patient_right_sign(view)
    return [(name, (CX + s * dx, y)) for name, (dx, y) in LANDMARKS[view].items()]


def head_side_landmarks():
    table = [("vertex", (0, 0)), ("glabella", (10.6, 9.9)), ("nasion", (10.1, 11.0)),
             ("nose tip", (12.4, 15.15)), ("menton (chin, lowest point)", (9.1, 23.0)),
             ("tragus (front of the ear canal)", (0.3, 13.0)),
             ("TMJ (mandibular condyle)", (1.3, 12.95)),
             ("zygomatic arch, middle", (3.8, 12.5)), ("zygoma (cheekbone)", (7.3, 13.0)),
             ("temporal fossa, centre", (3.0, 8.5)),
             ("superior temporal line, highest point", (0.4, 4.35)),
             ("mandible, angle (gonion)", (1.45, 19.65)), ("mandible, ramus middle", (2.5, 16.5)),
             ("mandible, body middle", (5.5, 21.0)),
             ("masseter, middle", (3.6, 17.0)),
             ("mastoid process, tip", (-2.45, 16.65)),
             ("inion (external occipital protuberance)", (-8.45, 12.35)),
             ("suboccipital region (below the inion)", (-6.9, 15.0)),
             ("C2 spinous process", HS_C2), ("C7 spinous process", HS_C7),
             ("T1 spinous process", HS_T1),
             ("SCM, middle", (1.3, 24.5)), ("posterior triangle (scalenes, levator)", (-1.2, 27.5)),
             ("upper trapezius border, mid-neck", (-2.7, 24.5)),
             ("thyroid cartilage (Adam's apple)", (5.0, 26.8)), ("sternal notch", (6.9, 32.3)),
             ("clavicle, middle", (2.6, 31.95)), ("acromion", (-0.2, 31.3)),
             ("deltoid, middle", (-0.4, 38.0)), ("eye (lateral canthus)", (8.6, 11.2)),
             ("ear, top of the helix", (-1.15, 9.45)), ("ear lobe, bottom", (-1.0, 16.45))]
    return [(n, hs(p)) for n, p in table]


def head_front_landmarks():
    table = [("vertex", (0, 0)), ("glabella", (0, 10.2)), ("nasion", (0, 11.2)),
             ("eye (pupil)", (3.2, 11.45)), ("supraorbital ridge (brow)", (2.8, 9.6)),
             ("temporal fossa (temple)", (6.6, 8.6)), ("zygoma (cheekbone)", (5.3, 13.2)),
             ("zygomatic arch, near the TMJ", (6.5, 13.0)), ("TMJ", (7.0, 13.1)),
             ("ear (helix, outermost)", (8.85, 11.4)), ("ear lobe", (7.7, 15.9)),
             ("mastoid process, tip (behind the lobe)", (6.75, 16.85)),
             ("masseter, middle", (6.0, 16.2)), ("mandible, angle", (6.1, 18.6)),
             ("mandible, body middle", (3.9, 21.3)), ("nose tip", (0, 15.6)),
             ("mouth corner", (2.4, 18.45)), ("chin (menton)", (0, 22.95)),
             ("thyroid cartilage", (0, 26.3)), ("SCM, middle", (4.4, 24.0)),
             ("SCM, sternal head", (1.2, 31.0)), ("SCM, clavicular head", (3.7, 31.3)),
             ("posterior triangle (scalenes)", (6.6, 28.6)),
             ("upper trapezius, mid-shoulder", (11.5, 30.4)), ("sternal notch", (0, 32.55)),
             ("sternoclavicular joint", (1.3, 32.2)), ("clavicle, middle", (9.5, 32.0)),
             ("acromion", (18.6, 31.55)), ("sternal angle (2nd rib)", (0, 36.15)),
             ("deltopectoral groove", (16.0, 35.8))]
    return [(n, (CX - p[0] * HEAD_K, HEAD_Y0 + p[1] * HEAD_K)) for n, p in table]


def make_views():
    return [
        View("front", W, H, CM_PER_UNIT,
             "tpquiz anatomy chart: anterior view, anatomical position (patient's right "
             "on the viewer's left).", whole_chart("front"), lambda: [body_outline("front")],
             lambda: full_landmarks("front"), mirror=-1),
        View("back", W, H, CM_PER_UNIT,
             "tpquiz anatomy chart: posterior view, anatomical position (patient's right "
             "on the viewer's right).", whole_chart("back"), lambda: [body_outline("back")],
             lambda: full_landmarks("back"), mirror=1),
        View("side", W, H, CM_PER_UNIT,
             "tpquiz anatomy chart: right side view (the patient's right side; facing the "
             "viewer's right), arm slightly forward.", draw_side, side_outlines,
             lambda: list(SIDE_LANDMARKS)),
        View("shoulder_back", 600, 690, "0.05",
             "tpquiz anatomy chart: the right shoulder and scapula from behind (patient's "
             "right on the viewer's right).", draw_shoulder_back, shoulder_back_outline,
             lambda: [(n, SHOULDER_CAM.p(p)) for n, p in SHOULDER_LANDMARKS]),
        View("chest", CHEST_VIEW_W, CHEST_VIEW_H, "0.05",
             "tpquiz anatomy chart: the right chest and shoulder from the front (sternum to "
             "deltoid and the side of the chest; patient's right on the viewer's left).",
             draw_chest, chest_outline,
             lambda: [(n, CHEST_CAM.p(p)) for n, p in CHEST_LANDMARKS]),
        View("forearm", FA_VIEW_W, FA_VIEW_H, "0.05",
             "tpquiz anatomy chart: the right forearm and hand from behind (posterior, back of "
             "the hand; thumb on the viewer's right).", lambda svg: draw_forearm(svg, 1),
             lambda: forearm_outline(1), lambda: forearm_landmarks(1)),
        View("forearm_front", FA_VIEW_W, FA_VIEW_H, "0.05",
             "tpquiz anatomy chart: the right forearm and hand from the front (anterior, palm; "
             "thumb on the viewer's left).", lambda svg: draw_forearm(svg, -1),
             lambda: forearm_outline(-1), lambda: forearm_landmarks(-1)),
        View("hand_palm", HAND_VIEW_W, HAND_VIEW_H, "0.025",
             "tpquiz anatomy chart: the right hand, palm (anterior; thumb on the viewer's "
             "left).", lambda svg: draw_hand(svg, -1), lambda: hand_outline(-1),
             lambda: hand_landmarks(-1)),
        View("hand_back", HAND_VIEW_W, HAND_VIEW_H, "0.025",
             "tpquiz anatomy chart: the right hand, back (posterior; thumb on the viewer's "
             "right).", lambda svg: draw_hand(svg, 1), lambda: hand_outline(1),
             lambda: hand_landmarks(1)),
        View("leg", 360, 1000, "0.0703",
             "tpquiz anatomy chart: the right lower leg from behind, the foot relaxed in plantar "
             "flexion (heel and sole toward the viewer).", draw_leg, leg_outlines,
             lambda: [(n, LEG_CAM.p(p)) for n, p in LEG_LANDMARKS]),
        View("foot_sole", 400, 1000, "0.032",
             "tpquiz anatomy chart: the sole of the right foot from below, toes up (big toe on "
             "the viewer's right).", outlined_chart(lambda: FOOT_SOLE, draw_foot_sole),
             foot_sole_outline, lambda: list(FOOT_SOLE_LANDMARKS)),
        View("foot_top", 400, 1000, "0.032",
             "tpquiz anatomy chart: the top of the right foot (dorsum) from above, toes up (big "
             "toe on the viewer's left).", outlined_chart(lambda: FOOT_TOP, draw_foot_top),
             foot_top_outline, lambda: list(FOOT_TOP_LANDMARKS)),
        View("leg_side", 560, 990, "0.065",
             "tpquiz anatomy chart: the right lower leg and foot from the side (lateral; toes "
             "to the viewer's right).", draw_leg_side, leg_side_outline,
             lambda: [(n, LEG_SIDE_CAM.p(p)) for n, p in LEG_SIDE_LANDMARKS]),
        View("hip_side", 525, 800, "0.052",
             "tpquiz anatomy chart: the right hip and pelvis from the side (facing the viewer's "
             "right).", draw_hip_side, hip_side_outline,
             lambda: [(n, HIP_CAM.p(p)) for n, p in HIP_LANDMARKS]),
        View("pelvis_back", 572, 616, "0.0591",
             "tpquiz anatomy chart: the pelvis from behind, both sides (patient's right on the "
             "viewer's right).", draw_pelvis_back, pelvis_back_outline,
             lambda: [(n, PELVIS_BACK_CAM.p(p)) for n, p in PELVIS_BACK_LANDMARKS]),
        View("thigh_front", 380, 960, "0.065",
             "tpquiz anatomy chart: the right thigh from the front, groin to below the knee "
             "(patient's right; the inner thigh on the viewer's right).", draw_thigh_front,
             thigh_front_outline,
             lambda: [(n, THIGH_FRONT_CAM.p(p)) for n, p in THIGH_FRONT_LANDMARKS]),
        View("abdomen", 520, 680, "0.065",
             "tpquiz anatomy chart: the abdominal wall from the front, both sides, costal "
             "margins to the pubis (patient's right on the viewer's left).", draw_abdomen,
             abdomen_outline, lambda: [(n, ABDOMEN_CAM.p(p)) for n, p in ABDOMEN_LANDMARKS]),
        View("low_back", 390, 780, "0.0867",
             "tpquiz anatomy chart: the back from behind, both sides, shoulder blades to the "
             "buttocks (patient's right on the viewer's right).", draw_low_back,
             low_back_outline, lambda: [(n, LOW_BACK_CAM.p(p)) for n, p in LOW_BACK_LANDMARKS]),
        View("thigh_back", 380, 960, "0.065",
             "tpquiz anatomy chart: the right thigh from behind, buttock to the upper calf "
             "(the inner thigh on the viewer's left).", draw_thigh_back, thigh_back_outline,
             lambda: [(n, THIGH_BACK_CAM.p(p)) for n, p in THIGH_BACK_LANDMARKS]),
        View("thigh_side", 350, 910, "0.0722",
             "tpquiz anatomy chart: the right hip and thigh from the side, iliac crest to below "
             "the knee (facing the viewer's right).", draw_thigh_side, thigh_side_outline,
             lambda: [(n, THIGH_SIDE_CAM.p(p)) for n, p in THIGH_SIDE_LANDMARKS]),
        View("neck_back", 600, 570, "0.05",
             "tpquiz anatomy chart: the neck and the top of the right shoulder from behind, "
             "occiput to the scapular spine (patient's right on the viewer's right).",
             draw_neck_back, neck_back_outline,
             lambda: [(n, NECK_BACK_CAM.p(p)) for n, p in NECK_BACK_LANDMARKS]),
        View("head_side", HEAD_W, HEAD_H, HEAD_CM,
             "tpquiz anatomy chart: head and neck, right lateral view (the patient's right side; "
             "the face looks to the viewer's right).",
             outlined_chart(head_side_outline, draw_head_side), lambda: [head_side_outline()],
             head_side_landmarks),
        View("head_front", HEAD_W, HEAD_H, HEAD_CM,
             "tpquiz anatomy chart: head and neck, anterior view (patient's right on the "
             "viewer's left).", outlined_chart(head_front_outline, draw_head_front),
             lambda: [head_front_outline()], head_front_landmarks, mirror=-1),
    ]


VIEW_LIST = make_views()
VIEW_SPECS = {v.name: v for v in VIEW_LIST}
VIEWS = [v.name for v in VIEW_LIST]


# ---------------------------------------------------------------- the body outline for checks
# Every chart carries its body outline as an invisible path the program reads (tpquiz check
# tells whether trigger points and zones lie on the body):
#   <path id="tpquiz-body" fill="none" stroke="none" d="M x,y L x,y ... Z M ... Z"/>
# absolute M, L and Z only; one closed subpath per separate piece of body; a point is on the body
# if it lies inside any subpath (or within a few units of its edge).


def simplify(poly, tol=0.15):
    """Drops points of a closed polyline that lie within tol of the line through their kept
    neighbours (keeps the shape to well under a unit)."""
    out = []
    n = len(poly)
    for i in range(n):
        p = poly[i]
        if out:
            a = out[-1]
            b = poly[(i + 1) % n]
            dx, dy = b[0] - a[0], b[1] - a[1]
            L = math.hypot(dx, dy)
            if L > 0 and abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / L < tol \
                    and math.hypot(p[0] - a[0], p[1] - a[1]) < 40:
                continue
        out.append(p)
    return out


def outline_polygons(view):
    return [simplify(flatten(o, closed=True, steps=10)) for o in VIEW_SPECS[view].outlines()]


def outline_element(view):
    subpaths = []
    for poly in outline_polygons(view):
        pts = ["%s,%s" % (fmt(x), fmt(y)) for (x, y) in poly]
        subpaths.append("M" + pts[0] + " L" + " L".join(pts[1:]) + " Z")
    return ('<path id="tpquiz-body" fill="none" stroke="none" d="%s"/>' % " ".join(subpaths))


def chart(view):
    spec = VIEW_SPECS[view]
    svg = Svg(spec.title, spec.w, spec.h, spec.cm)
    spec.draw(svg)
    svg.add(outline_element(view))
    return svg.text()


# ---------------------------------------------------------------- muscle overlays
# Each overlay: the muscle on the patient's right side, as (dx, y) half-body points.


def overlay_shape(svg, view, pts, fibres=(), deep=False, absolute=False):
    """deep=True: the muscle seen through the body from the other side (a projection): lighter
    fill and a dashed outline, no fibres. absolute=True: points are chart coordinates (always so
    in a one-sided view: side, head_side and the regional close-ups)."""
    s = patient_right_sign(view)
    if VIEW_SPECS[view].mirror is None:
        absolute = True
    place = (lambda p: p) if absolute else (lambda p: side(p, s))
    svg.add('<path fill="%s" fill-opacity="%s" stroke="%s" stroke-width="%s" '
            'stroke-linejoin="round"%s d="%s"/>'
            % (OVERLAY_FILL, fmt(OVERLAY_FILL_OPACITY * (0.6 if deep else 1)), OVERLAY_STROKE,
               fmt(OVERLAY_STROKE_W), ' stroke-dasharray="6 4"' if deep else '',
               path_d(place(pts), closed=True)))
    if deep:
        return
    for f in fibres:
        svg.add('<path %s d="%s"/>' % (stroke_attrs(OVERLAY_STROKE, 0.8, ' opacity="0.45"'),
                                       path_d(place(f))))


# Each close-up: the whole-body view it magnifies and its camera.
CLOSEUP_CAMS = {
    "shoulder_back": ("back", SHOULDER_CAM), "chest": ("front", CHEST_CAM),
    "pelvis_back": ("back", PELVIS_BACK_CAM), "hip_side": ("side", HIP_CAM),
    "thigh_front": ("front", THIGH_FRONT_CAM), "leg_side": ("side", LEG_SIDE_CAM),
    "leg": ("back", LEG_CAM), "abdomen": ("front", ABDOMEN_CAM),
    "low_back": ("back", LOW_BACK_CAM), "thigh_back": ("back", THIGH_BACK_CAM),
    "thigh_side": ("side", THIGH_SIDE_CAM), "neck_back": ("back", NECK_BACK_CAM),
}


def closeup(view, pts, absolute=False):
    """Overlay points of the whole-body view a close-up magnifies, put on the close-up view
    through its camera: half-body points (dx, y) on the patient's right (x = 300 - dx on
    front, 300 + dx on back), or chart points (x, y) if absolute or the view is side.  Given
    to every overlay file as `closeup`, so no file repeats a camera."""
    base, cam = CLOSEUP_CAMS[view]
    out = []
    for q in pts:
        x = q[0] if absolute or base == "side" else (300 - q[0] if base == "front" else 300 + q[0])
        out.append(cam.p((x, q[1])) + tuple(q[2:]))
    return out


def closeup_shapes(view, shapes):
    """A whole-body view's overlay shapes put on one of its close-ups, every outline and fibre
    through the close-up's camera (what a muscle moved onto a close-up draws there).  Given to
    every overlay file as `closeup_shapes`."""
    out = []
    for sh in shapes:
        absolute = sh.get("absolute", False)
        d = {k: v for k, v in sh.items() if k != "absolute"}
        d["pts"] = closeup(view, sh["pts"], absolute)
        if "fibres" in sh:
            d["fibres"] = [closeup(view, f, absolute) for f in sh["fibres"]]
        out.append(d)
    return out


def tendon_strip(line, w):
    """A tendon of half-width w along a polyline of chart points, as an overlay outline with
    square ends.  Given to every overlay file as `tendon_strip`."""
    left, right = [], []
    for i, p in enumerate(line):
        a, b = line[max(i - 1, 0)], line[min(i + 1, len(line) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = (dx * dx + dy * dy) ** 0.5
        ux, uy = -dy / n * w, dx / n * w
        left.append((p[0] + ux, p[1] + uy))
        right.append((p[0] - ux, p[1] - uy))
    return [left[0] + (CORNER,)] + left[1:-1] + [left[-1] + (CORNER,), right[-1] + (CORNER,)] + \
        list(reversed(right[1:-1])) + [right[0] + (CORNER,)]


def load_overlays():
    """Every muscle's overlay spec, from tools/charts/overlays/<muscle>.py.

    Each file defines SHAPES = {view: [shape, ...]}, a shape being a dict with
      pts      outline points, (dx, y) half-body points on the patient's right side
               (mirrored views: front, back, head_front), or (x, y) chart points if absolute
               is true; in one-sided views (side, head_side, close-ups) always chart points
      fibres   optional list of polylines in the same coordinates (fibre direction)
      deep     optional: the muscle seen through the body from the other side (dashed, paler)
      absolute optional: pts are chart coordinates, not mirrored half-body points
    A point may carry a third item CORNER ("c") for a sharp corner in the spline.
    Later shapes are drawn on top of earlier ones.  A close-up's shapes are usually the
    whole-body ones through `closeup(view, pts)` (or all of a view's shapes through
    `closeup_shapes(view, shapes)`); a tendon is `tendon_strip(line, w)` (both defined
    above, given to every file, with CHEST_RIBS, the ribs the chest view draws)."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "overlays")
    specs = {}
    for name in sorted(os.listdir(here)):
        if not name.endswith(".py") or name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location("overlay_" + name[:-3], os.path.join(here, name))
        mod = importlib.util.module_from_spec(spec)
        mod.closeup = closeup  # the one way an overlay file puts its shapes on a close-up
        mod.tendon_strip = tendon_strip
        mod.closeup_shapes = closeup_shapes
        mod.CHEST_RIBS = CHEST_RIBS  # the ribs the chest view draws (the intercostals fill between them)
        spec.loader.exec_module(mod)
        specs[name[:-3]] = mod.SHAPES
    return specs


def overlay(muscle, view, shapes):
    spec = VIEW_SPECS[view]
    svg = Svg("tpquiz muscle overlay: %s, %s view (patient's right side)." % (muscle, view),
              spec.w, spec.h, spec.cm)
    for sh in shapes:
        overlay_shape(svg, view, sh["pts"], sh.get("fibres", ()), sh.get("deep", False),
                      sh.get("absolute", False))
    return svg.text()



# ---------------------------------------------------------------- review of module files


def parse_module(path):
    """Minimal reader for the module .ini dialect (docs/FORMATS.md): sections, keys,
    indented continuation lines, ';'/'#' comment lines."""
    sections = {}
    order = []
    cur = None
    key = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line_ = raw.rstrip("\n")
            if not line_.strip() or line_.lstrip().startswith((";", "#")):
                continue
            if line_[0] in " \t" and key is not None:
                sections[cur][key] += "\n" + line_.strip()
                continue
            m = re.match(r"\s*\[([^\]]+)\]", line_)
            if m:
                cur = m.group(1).strip()
                sections[cur] = {}
                order.append(cur)
                key = None
                continue
            k, _, val = line_.partition("=")
            val = re.split(r"\s;", val)[0]
            key = k.strip()
            sections[cur][key] = val.strip()
    return order, sections


def parse_points(s):
    return [(float(a), float(b)) for a, b in re.findall(r"(-?[\d.]+)\s*,\s*(-?[\d.]+)", s)]


ON_BODY_TOLERANCE = 3.0   # units; the same as tpquiz check (src/core/course_internal.h)


def segment_distance(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def on_body(p, polys):
    """Inside any outline polygon, or within ON_BODY_TOLERANCE of its edge."""
    for poly in polys:
        if point_in_polygon(p, poly):
            return True
        n = len(poly)
        if any(segment_distance(p, poly[i], poly[(i + 1) % n]) <= ON_BODY_TOLERANCE
               for i in range(n)):
            return True
    return False


def review(outdir, modules):
    os.makedirs(outdir, exist_ok=True)
    outlines = {v: outline_polygons(v) for v in VIEWS}
    problems = 0
    for mpath in modules:
        mid = os.path.splitext(os.path.basename(mpath))[0]
        order, sec = parse_module(mpath)
        tps = {s[3:]: sec[s] for s in order if s.startswith("tp.")}
        zones = {s[5:]: sec[s] for s in order if s.startswith("zone.")}
        views = sorted({t["view"] for t in tps.values()} | {z["view"] for z in zones.values()})
        for v in views:
            body = chart(v).split("\n")
            content = [ln for ln in body if not ln.startswith(("<?xml", "<svg", "</svg>"))]
            opath = os.path.join(repo_root(), "assets", "anatomy", "muscles", "%s.%s.svg" % (mid, v))
            if os.path.exists(opath):
                with open(opath, encoding="utf-8") as f:
                    content += [ln for ln in f.read().split("\n")
                                if ln.startswith("<path")]
            for zid, z in zones.items():
                if z["view"] != v:
                    continue
                pts = parse_points(z["poly"])
                ess = z["kind"] == "essential"
                content.append('<path fill="#e0201a" fill-opacity="%s" stroke="#a00" '
                               'stroke-width="1"%s d="M%s Z"/>'
                               % ("0.55" if ess else "0.22",
                                  "" if ess else ' stroke-dasharray="4 3"',
                                  " L".join("%s,%s" % (fmt(p[0]), fmt(p[1])) for p in pts)))
                for p in pts:
                    if not on_body(p, outlines[v]):
                        print("%s: zone.%s: point %s,%s is outside the %s outline"
                              % (mpath, zid, fmt(p[0]), fmt(p[1]), v))
                        problems += 1
            for tid, t in tps.items():
                if t["view"] != v:
                    continue
                x, y = parse_points(t["at"])[0]
                r = float(t["radius"])
                prim = t.get("primary", "no").lower() in ("yes", "true", "1")
                content.append('<circle cx="%s" cy="%s" r="%s" fill="none" stroke="#000" '
                               'stroke-width="0.8" stroke-dasharray="3 3"/>'
                               % (fmt(x), fmt(y), fmt(2 * r)))
                content.append('<circle cx="%s" cy="%s" r="%s" fill="#111" fill-opacity="0.25" '
                               'stroke="#000" stroke-width="1.5"/>' % (fmt(x), fmt(y), fmt(r)))
                size = 6 if prim else 4
                content.append('<path stroke="#000" stroke-width="2.2" d="M%s,%s L%s,%s M%s,%s '
                               'L%s,%s"/>' % (fmt(x - size), fmt(y - size), fmt(x + size),
                                              fmt(y + size), fmt(x - size), fmt(y + size),
                                              fmt(x + size), fmt(y - size)))
                if not on_body((x, y), outlines[v]):
                    print("%s: tp.%s: %s,%s is outside the %s outline" % (mpath, tid, fmt(x), fmt(y), v))
                    problems += 1
            spec = VIEW_SPECS[v]
            svg = Svg("review of %s on %s" % (mid, v), spec.w, spec.h, spec.cm)
            svg.parts = content
            out = os.path.join(outdir, "%s.%s.review.svg" % (mid, v))
            with open(out, "w", encoding="utf-8") as f:
                f.write(svg.text())
            print("wrote", out)
    return problems


# ---------------------------------------------------------------- main


def repo_root():
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def print_landmarks(markdown=False):
    for v in VIEWS:
        spec = VIEW_SPECS[v]
        if markdown:
            print("\n%s (viewBox 0 0 %d %d, %s cm per unit)\n" % (v, spec.w, spec.h, spec.cm))
            print("| landmark | x | y |\n| --- | --- | --- |")
        else:
            print("%s view (viewBox 0 0 %d %d, %s cm per unit)" % (v, spec.w, spec.h, spec.cm))
        for name, (x, y) in spec.landmarks():
            if markdown:
                print("| %s | %s | %s |" % (name, fmt(x), fmt(y)))
            else:
                print("  %-42s x=%6s y=%6s" % (name, fmt(x), fmt(y)))
    print("spinous processes (back, x=300): " +
          ", ".join("%s %s" % (n, fmt(y)) for n, y in SPINOUS))


def landmark_table(view):
    rows = ["| landmark | x | y |", "| --- | --- | --- |"]
    rows += ["| %s | %s | %s |" % (name, fmt(x), fmt(y)) for name, (x, y) in VIEW_SPECS[view].landmarks()]
    return "\n".join(rows)


def update_docs():
    """Rewrites every landmark table of docs/CHARTS.md between its markers
    <!-- landmarks VIEW --> and <!-- /landmarks --> from the landmark data."""
    path = os.path.join(repo_root(), "docs", "CHARTS.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for v in VIEWS:
        pattern = re.compile(r"(<!-- landmarks %s -->\n).*?(<!-- /landmarks -->)" % re.escape(v), re.S)
        text, n = pattern.subn(lambda m: m.group(1) + landmark_table(v) + "\n" + m.group(2), text)
        if n == 0 and v not in ("front", "back"):
            print("docs/CHARTS.md has no landmark table for %s (<!-- landmarks %s -->)" % (v, v))
    write(path, text)
    print("updated", path)


def main(argv):
    if len(argv) > 1 and argv[1] in ("--landmarks", "--landmarks-md"):
        print_landmarks(argv[1] == "--landmarks-md")
        return 0
    if len(argv) > 1 and argv[1] == "--docs":
        update_docs()
        return 0
    if len(argv) > 1 and argv[1] == "--review":
        if len(argv) < 4:
            print(__doc__)
            return 2
        return 1 if review(argv[2], argv[3:]) else 0
    if len(argv) > 1:
        print(__doc__)
        return 2
    root = repo_root()
    for v in VIEWS:     # every documented landmark lies on the body
        polys = outline_polygons(v)
        for name, p in VIEW_SPECS[v].landmarks():
            if not on_body(p, polys):
                raise SystemExit("%s: landmark '%s' %s,%s is off the body"
                                 % (v, name, fmt(p[0]), fmt(p[1])))
            if not (0 <= p[0] <= VIEW_SPECS[v].w and 0 <= p[1] <= VIEW_SPECS[v].h):
                raise SystemExit("%s: landmark '%s' %s,%s is outside the viewBox"
                                 % (v, name, fmt(p[0]), fmt(p[1])))
    for v in VIEWS:
        write(os.path.join(root, "assets", "anatomy", v + ".svg"), chart(v))
    status = 0
    for m, views in sorted(load_overlays().items()):
        for v, shapes in sorted(views.items()):
            if v not in VIEW_SPECS:
                print("tools/charts/overlays/%s.py: no chart view '%s' (views: %s); skipped"
                      % (m, v, ", ".join(VIEWS)), file=sys.stderr)
                status = 1
                continue
            write(os.path.join(root, "assets", "anatomy", "muscles", "%s.%s.svg" % (m, v)),
                  overlay(m, v, shapes))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
