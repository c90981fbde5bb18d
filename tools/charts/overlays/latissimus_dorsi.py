"""Latissimus dorsi overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Latissimus dorsi (back): the fleshy part, from the lower thoracic spines over the inferior
# angle of the scapula, the lower ribs and the back of the iliac crest (the lumbar part is
# aponeurosis), converging in the posterior axillary fold to a tendon that winds round the
# teres major to the front of the humerus.
LAT = [(0, 398, CORNER), (30, 402), (60, 408), (80, 404), (98, 393), (112, 378), (124, 360),
       (136, 342), (143, 333, CORNER), (132, 352), (124, 372), (119, 392), (115, 420), (111, 455),
       (106, 490), (103, 520), (105, 550), (109, 578), (112, 590, CORNER), (88, 588), (70, 568),
       (57, 535), (46, 498), (34, 460), (18, 425), (4, 405)]
LAT_FIBRES = [[(10, 405), (70, 400), (115, 372), (140, 338)],
              [(40, 470), (90, 430), (118, 385)],
              [(75, 570), (100, 480), (118, 400)]]
# Front: only the strip along the side of the chest below the axilla is seen.
LAT_FRONT = [(121, 391, CORNER), (117.5, 420), (114, 455), (108.5, 490), (105, 520, CORNER),
             (100, 505), (103, 470), (106.5, 435), (110, 405)]

SHAPES = {
    "back": [dict(pts=LAT, fibres=LAT_FIBRES)],
    "front": [dict(pts=LAT_FRONT)],
}
