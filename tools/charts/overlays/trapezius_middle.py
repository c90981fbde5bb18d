"""Middle trapezius overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Middle trapezius (back): horizontal fibres from the spinous processes of C7 to T3 to the medial
# acromion and the upper lip of the scapular spine.  Above it lie the upper fibres, which cover
# the crest of the shoulder (their lower edge and this upper edge share a narrow band where the
# fibres turn from oblique to horizontal), below it the lower fibres (separate modules).
TRAP_MIDDLE = [(0, 268, CORNER), (0, 323, CORNER), (22, 325), (46, 324, CORNER), (62, 312),
               (78, 305), (95, 299), (112, 292.5), (128, 287), (140, 284), (150, 284.5, CORNER),
               (136, 280.5), (118, 277), (95, 273), (70, 270), (45, 268.5), (22, 268)]
TRAP_MIDDLE_FIBRES = [[(2, 275), (60, 272), (120, 278), (145, 284)],
                      [(2, 292), (50, 290), (100, 293)],
                      [(2, 309), (35, 310), (65, 309)]]

SHAPES = {
    "back": [dict(pts=TRAP_MIDDLE, fibres=TRAP_MIDDLE_FIBRES)],
}


SHAPES["shoulder_back"] = [dict(sh, pts=closeup("shoulder_back", sh["pts"]),
                                fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
                           for sh in SHAPES["back"]]
