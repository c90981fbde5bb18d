/* answers: a recorded attempt's answers made into the Answers a session
 * holds, so the instructor's review can draw them as the learner's
 * feedback was drawn.
 *
 * A record names its items by key; session_create_review builds the items
 * from those keys and the record's seed, so prompts, charts and targets are
 * the ones the learner saw. Clicks, marks and the reverse item's credited
 * point are copied; a painting is decoded and classified again against this
 * station's zones (grade_zone_paint_classify) for its colours; the options
 * chosen are found again by their text; a click's distance and the zone
 * it fell in are measured again for the feedback's words; the credit
 * and time are the record's, never re-graded. */
#ifndef TPQUIZ_ANSWERS_H
#define TPQUIZ_ANSWERS_H

#include <stddef.h>

#include "course.h"
#include "record.h"
#include "session.h"

typedef struct {
    const Item *item; /* NULL if this station's courses have no item of the key */
    Answer an;        /* the arrays are owned here */
    char note[200];   /* why the answer cannot be drawn, "" if it can */
} RebuiltAnswer;

typedef struct {
    Session *items;          /* the items the keys name (NULL if none); owned */
    RebuiltAnswer *answers;  /* one per answer of the record, in its order */
    int n_answers;
} RebuiltAttempt;

/* Rebuilds every answer of attempt record r against lib. Returns 0, or -1
 * if memory ran out (out is then empty). Free with answers_free. */
int answers_rebuild(const Library *lib, const Record *r, RebuiltAttempt *out);
/* Rebuilds one recorded answer ra of item it into *an (zeroed first) and
 * note (a sentence, "" if the answer can be drawn). */
void answers_rebuild_one(const Library *lib, const Item *it, const RecordAnswer *ra, Answer *an, char *note,
                         size_t note_size);
/* Frees the arrays of an answer rebuilt by answers_rebuild_one. */
void answers_free_one(Answer *an);
/* Frees what answers_rebuild made; out is left empty. */
void answers_free(RebuiltAttempt *out);

#endif
