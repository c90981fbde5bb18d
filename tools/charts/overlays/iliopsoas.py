"""Iliopsoas overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Psoas major (deep, projected onto the front): from the sides of T12-L5 past the pelvic brim,
# under the inguinal ligament, to the lesser trochanter.  Iliacus: the iliac fossa, inside the
# crest from the sacral ala to the ASIS/AIIS, joining the psoas tendon.
PSOAS = [(13, 486, CORNER), (26, 487), (34, 505), (43, 530), (52, 560), (59, 590), (64, 615),
         (66, 640), (67, 664), (70, 690), (77, 712), (76, 726, CORNER), (68, 722), (58, 703),
         (50, 680), (42, 655), (32, 628), (25, 600), (20, 572), (17, 545), (15, 518)]
# iliacus: the whole fan of the iliac fossa; the psoas is drawn on top of its medial part
ILIACUS = [(36, 607, CORNER), (50, 594), (72, 584), (90, 579.5), (105, 579), (113.5, 584),
           (113, 596), (104, 610), (94, 622), (89, 634), (86, 648), (84, 664), (81, 688),
           (77, 712, CORNER), (70, 704), (62, 688), (52, 665), (44, 645), (38, 625)]
PSOAS_FIBRES = [[(20, 500), (30, 560), (45, 630), (60, 690), (72, 718)],
                [(28, 500), (40, 560), (55, 620), (62, 670), (74, 712)]]
ILIACUS_FIBRES = [[(100, 584), (92, 612), (84, 650), (79, 700)],
                  [(84, 582), (78, 615), (75, 655), (75, 700)],
                  [(70, 587), (69, 620), (71, 660), (73, 700)]]

SHAPES = {
    "front": [dict(pts=ILIACUS, fibres=ILIACUS_FIBRES), dict(pts=PSOAS, fibres=PSOAS_FIBRES)],
    # behind the viscera: its projection onto the back
    "back": [dict(pts=ILIACUS, deep=True), dict(pts=PSOAS, deep=True)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["thigh_front"] = [
    dict(sh, pts=closeup("thigh_front", sh["pts"]),
         fibres=[closeup("thigh_front", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]
