/* moodle: a course's question bank as Moodle XML, for institutes that run
 * their own quizzes in Moodle.
 *
 * One category per module, and in it:
 *   - for each view with trigger points, a drag-and-drop markers question
 *     (ddmarker): a marker per trigger point, each to be dropped in a
 *     circle of the point's full-credit radius;
 *   - for each trigger point with an essential referral zone on a view, a
 *     ddmarker question: a "Pain" marker per essential zone polygon, to be
 *     dropped inside it;
 *   - each authored choice or multi question as multichoice, with its
 *     explanation as feedback.
 * The chart of each ddmarker question (the view with the muscle's overlay,
 * never the answers) is rendered to PNG by a callback (the UI's renderer:
 * core draws nothing) and embedded in base64; drop zones are in that PNG's
 * pixels: px = (x - viewBox.x) * scale, with scale fitting the view into
 * MOODLE_IMAGE_MAX_W x MOODLE_IMAGE_MAX_H. Painting, locate-all and
 * reverse items have no Moodle counterpart and are not exported. */
#ifndef TPQUIZ_MOODLE_H
#define TPQUIZ_MOODLE_H

#include <stdio.h>

#include "course.h"
#include "diag.h"

#define MOODLE_IMAGE_MAX_W 600
#define MOODLE_IMAGE_MAX_H 900

/* Renders chart (and, if not NULL, the overlay drawn over it) at w x h
 * pixels as PNG into a new buffer *png of *len bytes (the caller frees
 * it). 0, or -1 with the reason in d. */
typedef int (*MoodleRender)(void *ctx, const char *chart, const char *overlay, int w, int h, unsigned char **png,
                            size_t *len, Diag *d);

typedef struct {
    int categories, ddmarker, multichoice, images;
} MoodleCounts;

/* The pixel size of a view's image and the scale from image units. */
void moodle_image_size(const View *v, int *w, int *h, double *scale);

/* Writes the quiz for course c (only module module_id if not NULL) to out.
 * Returns 0, or -1 (reason in d) if a chart cannot be rendered or out
 * cannot be written. */
int moodle_write(FILE *out, const Library *lib, const Course *c, const char *module_id, MoodleRender render,
                 void *ctx, MoodleCounts *counts, Diag *d);

#endif
