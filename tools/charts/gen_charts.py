#!/usr/bin/env python3
"""Generate tpquiz's body charts and muscle overlays (Python 3 standard library only).

Writes, relative to the repository root:
  assets/anatomy/front.svg, assets/anatomy/back.svg            full-body charts, viewBox 0 0 600 1400
  assets/anatomy/muscles/<muscle>.<view>.svg                    muscle overlays, same viewBox

Every shape is described once, for one half of the body, as landmark points (dx, y):
dx = distance from the body's midline (x = 300) in chart units, y = height in chart units
(0 at the top of the viewBox).  The drawing code mirrors each half exactly, so the charts are
symmetric by construction.  Smooth outlines are cubic Bezier splines through the points
(chord-length Catmull-Rom); a point marked CORNER keeps a sharp corner.

In the front view the patient's right side is on the viewer's left (x = 300 - dx);
in the back view it is on the viewer's right (x = 300 + dx).  Muscle overlays are drawn on
the patient's right side only, where the trigger points of every module are placed.

Usage:
  tools/charts/gen_charts.py                 regenerate every SVG (from any working directory)
  tools/charts/gen_charts.py --landmarks     print the landmark table (patient's right side)
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
                (27.5, 72), (28.5, 92), (27.5, 112), (25, 126), (20.5, 133), (15.5, 131.5),
                (13.5, 122, CORNER), (12.5, 132), (8.5, 141.5), (2.5, 143), (-2, 138.5),
                (-3.2, 126, CORNER), (-4.5, 135), (-9.5, 140), (-14.5, 138.5), (-17.5, 131),
                (-18.2, 121, CORNER), (-19.5, 121.5), (-24, 127.5), (-28.5, 123.5), (-30.5, 113),
                (-31.5, 97), (-31.5, 78), (-30.5, 55), (-28, 33), (-24, 14)]
HAND_FINGER_LINES = [[(13.5, 122), (13.2, 108), (13, 96)], [(-3.2, 126), (-3, 112), (-2.6, 98)],
                     [(-18.2, 121), (-17.8, 107), (-17.2, 95)]]


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
              (56.5, 1361.5, CORNER), (53, 1364.2), (44, 1365), (35, 1363.5), (28.5, 1359),
              (25, 1350), (23.5, 1336), (24.5, 1320), (26, 1306), (28, 1296)]
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
    def __init__(self, title):
        self.parts = []
        self.title = title

    def add(self, s):
        self.parts.append(s)

    def text(self):
        # data-cm-per-unit: the figure (crown y=40 to soles y=1360) stands for an
        # adult of about 172 cm, so the program can say how far off a click was.
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
                'viewBox="%s" data-cm-per-unit="%s">\n<!-- %s Generated by tools/charts/gen_charts.py: '
                'do not edit by hand. -->\n' % (W, H, VIEWBOX, CM_PER_UNIT, self.title))
        return head + "\n".join(self.parts) + "\n</svg>\n"


def stroke_attrs(color, width, extra=""):
    return ('fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" '
            'stroke-linejoin="round"%s' % (color, fmt(width) if width != int(width) else int(width),
                                           extra))


def line(svg, pts, color, width, closed=False, extra=""):
    if color == LANDMARK:
        width = round(width * LANDMARK_SCALE, 2)
    svg.add('<path %s d="%s"/>' % (stroke_attrs(color, width, extra), path_d(pts, closed)))


def mirrored(svg, half_pts, color, width, view, closed=False, extra="", both=True):
    """Draws a half-body line on both sides (or only on the patient's right if both=False)."""
    signs = (-1, 1) if both else (patient_right_sign(view),)
    for s in signs:
        line(svg, side(half_pts, s), color, width, closed, extra)


def patient_right_sign(view):
    return -1 if view == "front" else 1


def dots(svg, centres, rx, ry, color):
    for (x, y) in centres:
        svg.add('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="%s" stroke="none"/>'
                % (fmt(x), fmt(y), fmt(rx), fmt(ry), color))


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


def draw_front_details(svg):
    v = "front"
    # face (kept light: the program draws labels and highlights on top)
    mirrored(svg, [(12.5, 115.5), (24, 111), (36.5, 114)], LANDMARK, 1.3, v)          # brow
    mirrored(svg, [(14, 126.5), (20, 122.5), (28, 122.5), (34, 126)], LANDMARK, 1.1, v)  # upper lid
    mirrored(svg, [(14, 126.5), (21, 129.5), (28, 129), (34, 126)], LANDMARK, 0.9, v)    # lower lid
    for s in (-1, 1):
        svg.add('<circle cx="%s" cy="126" r="2.6" fill="%s" stroke="none"/>'
                % (fmt(CX + s * 24), LANDMARK))
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
    mirrored(svg, [(15, 295), (17, 306), (13, 318, CORNER), (14, 345), (13, 395), (10, 425),
                   (4.5, 432, CORNER), (0, 446, CORNER)], LANDMARK, 0.8, v, extra=' opacity="0.45"')
    line(svg, [(CX - 13, 318), (CX + 13, 318)], LANDMARK, 0.8, extra=' opacity="0.45"')
    # pectoral border, nipple, deltopectoral groove
    mirrored(svg, [(14, 432), (42, 441), (78, 433), (104, 411), (119, 391)], MUSCLE, MUSCLE_W, v)
    for s in (-1, 1):
        svg.add('<circle cx="%s" cy="410" r="3" fill="none" stroke="%s" stroke-width="1"/>'
                % (fmt(CX + s * 62), LANDMARK))
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
    svg.add('<ellipse cx="300" cy="568" rx="4.2" ry="5.8" fill="none" stroke="%s" '
            'stroke-width="1.2"/>' % LANDMARK)
    line(svg, [(CX - 6, 561), (CX, 559), (CX + 6, 561)], LANDMARK, 0.9)
    # iliac crest, ASIS, inguinal ligament, pubis
    mirrored(svg, [(120, 584), (113, 598), (101, 614), (91, 625.5)], LANDMARK, 1.3, v)
    for s in (-1, 1):
        svg.add('<circle cx="%s" cy="628" r="2.6" fill="%s" stroke="none"/>'
                % (fmt(CX + s * 90), LANDMARK))
    mirrored(svg, [(88, 632), (70, 650), (48, 671), (22, 689)], LANDMARK, LANDMARK_W, v)
    line(svg, [(CX - 22, 690), (CX - 10, 693), (CX, 693.5), (CX + 10, 693), (CX + 22, 690)],
         LANDMARK, 1.2)
    line(svg, [(CX, 694), (CX, 704)], LANDMARK, 1.0)
    for s in (-1, 1):
        svg.add('<circle cx="%s" cy="690" r="1.8" fill="%s" stroke="none"/>'
                % (fmt(CX + s * 21), LANDMARK))
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
        svg.add('<circle cx="%s" cy="1013" r="2" fill="%s" stroke="none"/>'
                % (fmt(CX + s_ * 57), LANDMARK))
    mirrored(svg, [(56.5, 1025), (54.5, 1100), (50.5, 1180), (45, 1250)], LANDMARK, 1.0, v,
             extra=' stroke-dasharray="7 6"')
    # ankle: malleoli, ankle crease; toes
    mirrored(svg, [(34, 1283), (37, 1292), (34, 1301)], LANDMARK, 1.2, v)
    mirrored(svg, [(78.5, 1294), (75.5, 1303), (78.5, 1312)], LANDMARK, 1.2, v)
    mirrored(svg, [(38, 1306), (57, 1310), (74, 1312)], LANDMARK, 0.9, v)
    for dx, y0, y1 in ((56.5, 1351, 1361.5), (67.5, 1350, 1359.5), (77.5, 1349, 1356.5),
                       (86.5, 1347, 1353.5)):
        mirrored(svg, [(dx - 0.5, y0), (dx, y1)], LANDMARK, 0.9, v)
    # arm: cubital crease, wrist crease, fingers
    mirrored(svg, [FOREARM.at(2, -13), FOREARM.at(-1.5, 0), FOREARM.at(2, 12)], LANDMARK, 1.0, v)
    mirrored(svg, [HAND.at(2, -16), HAND.at(0.5, 0), HAND.at(2, 18)], LANDMARK, 0.9, v)
    mirrored(svg, [HAND.at(57, 25), HAND.at(45, 16), HAND.at(30, 9), HAND.at(12, 5)], LANDMARK, 0.8, v,
             extra=' opacity="0.7"')                                                 # thenar crease
    for fl in HAND_FINGER_LINES:
        mirrored(svg, [HAND.at(q[1], q[0]) for q in fl], LANDMARK, 0.9, v)
    mirrored(svg, [UPPER_ARM.t(0.50, -6), UPPER_ARM.t(0.75, -8), UPPER_ARM.t(0.92, -4)],
             MUSCLE, MUSCLE_W, v)                                                    # biceps


def draw_back_details(svg):
    v = "back"
    # head: hair at the nape, inion and superior nuchal line, ear backs
    mirrored(svg, [(0, 151), (16, 153.5), (32, 158)], LANDMARK, 0.9, v, extra=' opacity="0.8"')
    svg.add('<circle cx="300" cy="152" r="2.4" fill="%s" stroke="none"/>' % LANDMARK)
    mirrored(svg, [(59, 116), (61, 130), (59.5, 146)], LANDMARK, 0.9, v)
    # neck midline, trapezius (lower border), scapulae
    line(svg, [(CX, 192), (CX, 258)], MUSCLE, MUSCLE_W)
    mirrored(svg, [(2, 488), (22, 455), (37, 405), (47, 356), (51, 328)], MUSCLE, MUSCLE_W, v)
    mirrored(svg, [(30, 158), (36, 200), (44, 238)], MUSCLE, MUSCLE_W, v)           # trapezius, upper
    scap = [(52, 297.5), (45.5, 303), (45, 330), (49.5, 364), (57, 391), (65, 403), (74, 398),
            (90, 374), (107, 348), (119, 327), (125, 316)]
    mirrored(svg, scap, LANDMARK, 1.2, v)
    mirrored(svg, [(52, 297.5), (70, 296), (90, 299)], LANDMARK, 0.9, v,
             extra=' stroke-dasharray="5 4" opacity="0.7"')                            # superior border
    spine_upper = [(46.5, 318.5), (78, 305), (112, 292.5), (138, 284), (150, 285)]
    spine_lower = [(47, 325.5), (80, 314), (114, 302), (140, 297), (151, 292)]
    mirrored(svg, spine_upper, LANDMARK, 1.2, v)
    mirrored(svg, spine_lower, LANDMARK, 1.2, v)
    mirrored(svg, [(46.5, 318.5), (44.5, 322), (47, 325.5)], LANDMARK, 1.2, v)
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
        svg.add('<ellipse cx="%s" cy="637" rx="4" ry="3.4" fill="#e4cdb9" stroke="%s" '
                'stroke-width="0.9"/>' % (fmt(CX + s * 37), LANDMARK))
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


def chart(view):
    title = {"front": "tpquiz anatomy chart: anterior view, anatomical position (patient's right "
                      "on the viewer's left).",
             "back": "tpquiz anatomy chart: posterior view, anatomical position (patient's right "
                     "on the viewer's right)."}[view]
    svg = Svg(title)
    svg.add('<g id="body">')
    svg.add('<path fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" d="%s"/>'
            % (SKIN, OUTLINE, fmt(OUTLINE_W), path_d(body_outline(view), closed=True)))
    svg.add('</g>')
    svg.add('<g id="details">')
    (draw_front_details if view == "front" else draw_back_details)(svg)
    svg.add('</g>')
    return svg.text()


# ---------------------------------------------------------------- muscle overlays
# Each overlay: the muscle on the patient's right side, as (dx, y) half-body points.


def overlay_shape(svg, view, pts, fibres=(), deep=False, absolute=False):
    """deep=True: the muscle seen through the body from the other side (a projection): lighter
    fill and a dashed outline, no fibres. absolute=True: points are chart coordinates."""
    s = patient_right_sign(view)
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


def load_overlays():
    """Every muscle's overlay spec, from tools/charts/overlays/<muscle>.py.

    Each file defines SHAPES = {view: [shape, ...]}, a shape being a dict with
      pts      outline points, (dx, y) half-body points on the patient's right side
               (front and back views), or (x, y) chart points if absolute is true
      fibres   optional list of polylines in the same coordinates (fibre direction)
      deep     optional: the muscle seen through the body from the other side (dashed, paler)
      absolute optional: pts are chart coordinates, not mirrored half-body points
    A point may carry a third item CORNER ("c") for a sharp corner in the spline.
    Later shapes are drawn on top of earlier ones."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "overlays")
    specs = {}
    for name in sorted(os.listdir(here)):
        if not name.endswith(".py") or name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location("overlay_" + name[:-3], os.path.join(here, name))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        specs[name[:-3]] = mod.SHAPES
    return specs


def overlay(muscle, view, shapes):
    svg = Svg("tpquiz muscle overlay: %s, %s view (patient's right side)." % (muscle, view))
    for sh in shapes:
        overlay_shape(svg, view, sh["pts"], sh.get("fibres", ()), sh.get("deep", False),
                      sh.get("absolute", False))
    return svg.text()


VIEWS = ["front", "back"]

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


def review(outdir, modules):
    os.makedirs(outdir, exist_ok=True)
    outlines = {v: flatten(body_outline(v), closed=True) for v in VIEWS}
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
                    if not point_in_polygon(p, outlines[v]):
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
                if not point_in_polygon((x, y), outlines[v]):
                    print("%s: tp.%s: %s,%s is outside the %s outline" % (mpath, tid, fmt(x), fmt(y), v))
                    problems += 1
            svg = Svg("review of %s on %s" % (mid, v))
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


def print_landmarks():
    for v in VIEWS:
        s = patient_right_sign(v)
        print("%s view (patient's right side: x = 300 %s dx)" % (v, "-" if s < 0 else "+"))
        for name, (dx, y) in LANDMARKS[v].items():
            print("  %-42s x=%6s y=%6s" % (name, fmt(CX + s * dx), fmt(y)))
    print("spinous processes (back, x=300): " +
          ", ".join("%s %s" % (n, fmt(y)) for n, y in SPINOUS))


def main(argv):
    if len(argv) > 1 and argv[1] == "--landmarks":
        print_landmarks()
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
    for v in VIEWS:
        write(os.path.join(root, "assets", "anatomy", v + ".svg"), chart(v))
    for m, views in sorted(load_overlays().items()):
        for v, shapes in sorted(views.items()):
            write(os.path.join(root, "assets", "anatomy", "muscles", "%s.%s.svg" % (m, v)),
                  overlay(m, v, shapes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
