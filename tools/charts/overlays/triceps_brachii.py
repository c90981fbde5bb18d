"""Triceps brachii overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Triceps brachii (back): long head from the infraglenoid tubercle below the shoulder joint,
# lateral head from the upper back of the humerus, medial head deep below; one tendon on the
# olecranon.
TRICEPS = [(121, 321, CORNER), (138, 315), (157, 316), (170, 342.5), (180.9, 388.4), (188.8, 434.9),
           (193.3, 481.9), (191.5, 513.4), (188.9, 530.8, CORNER), (175.1, 533.2, CORNER),
           (164.3, 518.4), (149, 490.1), (138.6, 444), (131.1, 402.2), (126.5, 372), (122.5, 346)]
TRICEPS_FIBRES = [[(124, 330), (138, 410), (160, 480), (178, 528)],      # long head
                  [(160, 325), (172, 400), (182, 470), (184, 528)],      # lateral head
                  [(150, 440), (162, 490), (180, 528)]]                  # medial head

SHAPES = {
    "back": [dict(pts=TRICEPS, fibres=TRICEPS_FIBRES)],
    # seen through the arm from the front (a spillover zone of TP5 is on this view)
    "front": [dict(pts=TRICEPS, deep=True)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["shoulder_back"] = [
    dict(sh, pts=closeup("shoulder_back", sh["pts"]),
         fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
