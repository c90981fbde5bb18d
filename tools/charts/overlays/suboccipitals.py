"""Suboccipitals overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Head and neck, right lateral view (chart coordinates), seen through the trapezius, splenius
# and semispinalis: rectus capitis posterior major and minor from C2 and C1 up to the inferior
# nuchal line, obliquus capitis inferior from the C2 spine forward to the C1 transverse process
# below the mastoid, obliquus superior from there back up to the occiput.
RECTI = [(178, 216, CORNER), (200, 220), (214, 226, CORNER), (214, 246), (210, 268, CORNER),
         (200, 262), (190, 248), (182, 232)]
OBL_INF = [(206, 262, CORNER), (226, 256), (246, 254), (256, 260, CORNER), (246, 270),
           (226, 274), (208, 276, CORNER)]
OBL_SUP = [(214, 222, CORNER), (232, 224), (252, 232), (256, 252, CORNER), (240, 252),
           (224, 244), (216, 234)]

SHAPES = {
    "head_side": [dict(pts=RECTI, deep=True), dict(pts=OBL_SUP, deep=True),
                  dict(pts=OBL_INF, deep=True)],
}
