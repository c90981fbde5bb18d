"""Latissimus dorsi overlay (see load_overlays in gen_charts.py for the format)."""
CORNER = "c"

# Latissimus dorsi (back): the fleshy part arises from the spinous processes T7 to T12 (its upper
# border runs from T7 over the inferior angle of the scapula), from the lower three or four ribs
# along the flank and from the back of the iliac crest lateral to the erector spinae; the lumbar
# and sacral origin is the aponeurosis of the thoracolumbar fascia, whose muscular edge runs from
# about T12 obliquely down and out to the crest.  The fibres converge in the posterior axillary
# fold to a tendon that winds round teres major to the front of the humerus.
LAT = [(0, 398, CORNER), (30, 400), (58, 404), (80, 399), (98, 386), (112, 369), (125, 350),
       (136, 336), (143, 330, CORNER), (134, 350), (127, 370), (121, 392), (118, 414), (115, 442),
       (111, 475), (107, 505), (105.5, 525), (107, 548), (110, 570), (112, 586, CORNER),
       (96, 589), (82, 592, CORNER), (64, 570), (44, 540), (22, 508), (0, 490, CORNER)]
LAT_FIBRES = [[(10, 404), (70, 402), (112, 374), (138, 338)],
              [(10, 470), (60, 440), (105, 390), (132, 348)],
              [(40, 532), (80, 470), (112, 395)],
              [(92, 585), (104, 500), (118, 405)]]
# The lumbar and sacral origin: the aponeurosis (superficial lamina of the thoracolumbar fascia)
# from T12 to the sacrum and the back of the iliac crest; drawn pale and dashed, tendon not muscle.
LAT_APONEUROSIS = [(0, 490, CORNER), (22, 508), (44, 540), (64, 570), (82, 592, CORNER),
                   (66, 606), (50, 620), (38, 634, CORNER), (20, 642), (0, 648, CORNER)]
# Front: only the strip along the side of the chest below the axilla is seen.
LAT_FRONT = [(121, 391, CORNER), (117.5, 420), (114, 455), (108.5, 490), (105, 520, CORNER),
             (100, 505), (103, 470), (106.5, 435), (110, 405)]

SHAPES = {
    "back": [dict(pts=LAT_APONEUROSIS, deep=True), dict(pts=LAT, fibres=LAT_FIBRES)],
    "front": [dict(pts=LAT_FRONT)],
}


# the same shapes, magnified with the chart (the module's regional view)
SHAPES["shoulder_back"] = [
    dict(sh, pts=closeup("shoulder_back", sh["pts"]),
         fibres=[closeup("shoulder_back", f) for f in sh.get("fibres", ())])
    for sh in SHAPES["back"]]
