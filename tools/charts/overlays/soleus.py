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


# leg (the close-up from behind): from the fibular head and the soleal line, broad under the
# gastrocnemius, showing at both sides of the calf on the chart's soleus lines, and narrowing to
# join the Achilles tendon in the lower calf.
SOL_LEG = [(30, 1026, CORNER), (50, 1018), (70, 1015), (88, 1018, CORNER), (95, 1070), (91, 1140),
           (81, 1195), (67, 1238, CORNER), (57, 1243), (47, 1238, CORNER), (35, 1208), (24, 1150),
           (19.5, 1080)]
SOL_LEG_FIBRES = [[(32, 1050), (32, 1150), (50, 1230)], [(84, 1040), (84, 1150), (64, 1232)],
                  [(57, 1030), (57, 1140), (57, 1235)]]
SHAPES["leg"] = [dict(pts=closeup("leg", SOL_LEG),
     fibres=[closeup("leg", f) for f in SOL_LEG_FIBRES])]

# foot_sole: the muscle ends at the back of the heel and does not reach the sole; the view carries
# only TP1's plantar heel zone, so its overlay is empty.
SHAPES["foot_sole"] = []
