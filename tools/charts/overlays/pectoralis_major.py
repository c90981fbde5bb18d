"""Pectoralis major overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Pectoralis major (front): clavicular part from the medial half of the clavicle, sternal and
# costal parts from the sternum and the upper rib cartilages, converging on the lateral lip of the
# bicipital groove; the lower border is the anterior axillary fold.
PEC_MAJOR = [(9, 293, CORNER), (30, 291.5), (55, 288.5), (78, 284, CORNER), (98, 295), (118, 310),
             (136, 322, CORNER), (140, 349, CORNER), (130, 368), (119, 391), (104, 411), (78, 433),
             (42, 441), (18, 436, CORNER), (12, 412), (11.5, 380), (11.5, 345), (10.5, 312)]
PEC_MAJOR_FIBRES = [[(35, 293), (85, 303), (134, 328)],
                    [(14, 330), (70, 332), (137, 337)],
                    [(13, 380), (70, 378), (115, 360), (138, 344)],
                    [(30, 436), (80, 418), (118, 380), (139, 348)]]


SHAPES = {
    "front": [dict(pts=PEC_MAJOR, fibres=PEC_MAJOR_FIBRES)],
    "chest": [dict(pts=closeup("chest", PEC_MAJOR),
         fibres=[closeup("chest", f) for f in PEC_MAJOR_FIBRES])],
}
