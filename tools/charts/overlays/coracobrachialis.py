"""Coracobrachialis overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Coracobrachialis (front): from the tip of the coracoid process, together with the short head of
# the biceps, a slender muscle running down the inner side of the arm, medial to the short head, to
# the middle of the medial surface of the humerus.  It lies in the axilla behind the anterior
# axillary fold above and on the inner arm below.
CB = [(110, 303, CORNER), (118, 306), (124, 322), (130, 346), (135, 372), (139, 398), (142, 420),
      (141, 432, CORNER), (135, 428), (129, 405), (124, 380), (119, 352), (114, 326)]
CB_FIBRES = [[(114, 310), (126, 360), (138, 425)]]

SHAPES = {
    "front": [dict(pts=CB, fibres=CB_FIBRES)],
    # seen through the arm from behind (its referral runs down the back of the arm)
    "back": [dict(pts=CB, deep=True)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["chest"] = [
    dict(sh, pts=closeup("chest", sh["pts"]),
         fibres=[closeup("chest", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["front"]]
