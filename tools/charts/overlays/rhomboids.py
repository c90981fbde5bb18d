"""Rhomboids overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Rhomboid minor (C7-T1) and major (T2-T5), from the spinous processes obliquely down and out to
# the medial border of the scapula, from the root of its spine to the inferior angle.  They lie
# under the trapezius.
RHOMBOIDS = [(1, 268, CORNER), (45, 316, CORNER), (45, 330), (49.5, 364), (57, 391),
             (64, 401, CORNER), (1, 360, CORNER)]
RHOMBOID_FIBRES = [[(1, 287), (45.5, 324)],                 # minor / major boundary
                   [(1, 310), (48, 352)],
                   [(1, 335), (54, 381)]]

SHAPES = {
    "back": [dict(pts=RHOMBOIDS, fibres=RHOMBOID_FIBRES)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
