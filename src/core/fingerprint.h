/* fingerprint: what a course's grading depends on, as one SHA-256.
 *
 * A record carries the fingerprint of the course it was graded against, so
 * the instructor's copy of the course can tell a record graded by the same
 * rules from one graded by a private copy (a lower pass mark, fewer exam
 * questions, moved trigger points). It covers exactly what grading and
 * certification read: the course's id, module pass mark and exam rules, its
 * module list, and of each module its trigger points, zones and questions'
 * options, and the viewBox of every chart they use. Learner-facing prose
 * (descriptions, explanations, prompts) is left out, so fixing a typo does
 * not void anyone's results. The exact byte stream is in docs/FORMATS.md. */
#ifndef TPQUIZ_FINGERPRINT_H
#define TPQUIZ_FINGERPRINT_H

#include "course.h"

#define FINGERPRINT_HEX 64

/* The field a smooth zone adds (docs/FORMATS.md): the curve and its
 * sampling (cut at the view's edge, module_load.c). Give it a new name
 * whenever geom_smooth_closed, ZONE_SMOOTH_SAMPLES or that cut changes what
 * a zone covers. */
#define FINGERPRINT_SMOOTH_OUTLINE "smooth centripetal-catmull-rom 8 cut-at-viewbox"

/* Writes the course's fingerprint as 64 lower-case hex digits and a NUL.
 * lib supplies the charts' viewBoxes (a view it does not know counts as
 * missing, which is part of the fingerprint too). */
void course_fingerprint(const Library *lib, const Course *c, char out[FINGERPRINT_HEX + 1]);

/* The same, keeping each module's bytes in cache for the next course that
 * lists the module: a library's courses share most of theirs. The modules
 * must neither change nor go while the cache lives (library_load_all keeps
 * one while it loads). A NULL cache (out of memory) keeps nothing. */
typedef struct FingerprintCache FingerprintCache;
FingerprintCache *fingerprint_cache_create(void);
void course_fingerprint_cached(FingerprintCache *cache, const Library *lib, const Course *c,
                               char out[FINGERPRINT_HEX + 1]);
void fingerprint_cache_free(FingerprintCache *cache);

#endif
