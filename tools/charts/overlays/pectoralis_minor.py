"""Pectoralis minor overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Pectoralis minor (front, under the pectoralis major): from the coracoid process down and in to
# the 3rd, 4th and 5th ribs near their cartilages.
PEC_MINOR = [(109, 296, CORNER), (104, 313), (96, 334), (87, 358), (79, 386), (72, 410), (67, 425, CORNER),
             (59, 421), (56, 398), (54.5, 372), (54, 350, CORNER), (66, 335), (84, 316), (100, 301)]
PEC_MINOR_FIBRES = [[(105, 302), (82, 326), (58, 350)],
                    [(104, 306), (80, 346), (58, 386)],
                    [(106, 308), (86, 362), (63, 418)]]


SHAPES = {
    "front": [dict(pts=PEC_MINOR, fibres=PEC_MINOR_FIBRES)],
    "chest": [dict(pts=closeup("chest", PEC_MINOR),
         fibres=[closeup("chest", f) for f in PEC_MINOR_FIBRES])],
}
