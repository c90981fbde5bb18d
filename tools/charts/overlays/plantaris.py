"""Plantaris overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Plantaris: a small belly from the lateral supracondylar line of the femur just above the lateral
# head of gastrocnemius, running down and inward across the popliteal fossa; its long thin tendon
# passes between gastrocnemius and soleus to the medial side of the Achilles tendon and the
# calcaneus.  Under the lateral head of gastrocnemius: drawn as a projection.
# Back-view half-body points (dx, y) on the patient's right (x = 300 + dx).
PLANTARIS = [(74, 966, CORNER), (80, 972), (76, 992), (66, 1012), (56, 1030), (50.5, 1060),
             (49.5, 1150), (49.5, 1240), (50.5, 1300), (52, 1318, CORNER), (48, 1318, CORNER),
             (47.5, 1240), (47.5, 1150), (48, 1060), (50, 1024), (58, 1004), (66, 984)]

SHAPES = {
    "back": [dict(pts=PLANTARIS, deep=True)],
}


SHAPES["leg"] = [dict(pts=closeup("leg", PLANTARIS), deep=True)]
