"""Soleus overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Soleus: from the back of the fibular head and upper fibula, the soleal line of the tibia and the
# tendinous arch between them; a broad flat muscle under the gastrocnemius that shows at both sides
# of the calf and joins the Achilles tendon low in the leg.
SOL = [(30, 1030, CORNER), (50, 1022), (70, 1018), (88, 1025, CORNER), (92, 1060), (88, 1110),
       (80, 1160), (68, 1200), (63, 1215, CORNER), (51, 1215, CORNER), (42, 1195), (30, 1160),
       (22, 1110), (20, 1060)]
SOL_FIBRES = [[(34, 1050), (40, 1150), (54, 1205)], [(84, 1050), (76, 1150), (60, 1205)]]

SHAPES = {
    "back": [dict(pts=SOL, fibres=SOL_FIBRES)],
}
