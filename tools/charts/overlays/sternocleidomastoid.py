"""Sternocleidomastoid overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates): from the mastoid process and the
# lateral superior nuchal line down and forward across the neck; low down the sternal division
# (in front) reaches the manubrium, the clavicular division (behind) the medial clavicle.
SCM_SIDE = [(229, 217, CORNER), (246, 222), (260, 236), (272, 256), (286, 284), (299, 311),
            (314, 344), (330, 379), (345, 412), (359, 443), (370, 467), (376, 478, CORNER),
            (366, 481), (357, 480, CORNER), (349, 480), (341, 478, CORNER), (329, 458),
            (316, 436), (298, 404), (280, 372), (266, 337), (252, 301), (243, 268), (235, 240)]
SCM_SIDE_FIBRES = [[(255, 240), (290, 300), (325, 370), (352, 430), (368, 474)],   # sternal
                   [(238, 250), (262, 320), (300, 395), (335, 450), (348, 477)],   # clavicular
                   [(344, 431), (350, 455), (356, 478)]]                            # the split

# Head and neck, anterior view (half-body points, patient's right): the two heads below the
# jaw, converging upward behind the angle of the mandible toward the mastoid.
SCM_FRONT = [(88, 292, CORNER), (76, 318), (63, 349), (46, 391), (31, 425), (23, 448),
             (14, 479), (10, 487, CORNER), (22, 489), (30, 486, CORNER), (42, 489),
             (60, 487, CORNER), (64, 455), (71, 408), (78, 368), (81, 330)]
SCM_FRONT_FIBRES = [[(84, 300), (60, 365), (35, 430), (16, 483)],
                    [(82, 320), (72, 390), (64, 450), (55, 486)],
                    [(41, 413), (36, 486)]]

SHAPES = {
    "head_side": [dict(pts=SCM_SIDE, fibres=SCM_SIDE_FIBRES)],
    "head_front": [dict(pts=SCM_FRONT, fibres=SCM_FRONT_FIBRES)],
}
