/* session: a run of questions over a module, as a state machine.
 *
 * The item list and option order come from a seed, and every timestamp is
 * passed in (milliseconds on any monotonic or wall clock the caller likes),
 * so a session replays exactly and a test of a long session runs at once.
 * A session does not own the Module it was built from; the Module must
 * outlive it. */
#ifndef TPQUIZ_SESSION_H
#define TPQUIZ_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "course.h"
#include "geometry.h"
#include "grading.h"

typedef enum {
    ITEM_LOCATE_TP,  /* click the trigger point */
    ITEM_ZONE_CLICK, /* click inside the trigger point's referral zone */
    ITEM_CHOICE,     /* one correct option */
    ITEM_MULTI       /* one or more correct options */
} ItemType;

#define SESSION_MAX_OPTIONS 8

typedef struct {
    ItemType type;
    const Module *module;
    int tp;         /* trigger point index for locate and zone items, else -1 */
    int question;   /* question index for choice and multi items, else -1 */
    const char *view; /* the chart the item is answered on; NULL for options */
    char *prompt;   /* owned by the session */
    int n_options;
    const char *options[SESSION_MAX_OPTIONS]; /* shuffled; point into the Module */
    bool option_correct[SESSION_MAX_OPTIONS];
    char *key;      /* stable id for records: "<module>/tp.<id>/locate" etc. */
} Item;

typedef struct {
    bool answered;
    double credit;      /* 0..1 */
    Vec2 click;         /* image units, for click items */
    double distance;    /* locate: from the target; zone: from the nearest zone edge */
    int zone;           /* zone item: index into Module.zones hit, -1 if none */
    ZoneKind zone_kind; /* zone item: kind hit */
    bool chosen[SESSION_MAX_OPTIONS];
    int64_t time_ms;    /* from the item being shown to the answer */
} Answer;

typedef enum { SESSION_PRACTICE } SessionMode;

typedef struct Session Session;

/* Practice over one module: a locate item per trigger point, a zone item per
 * trigger point that has an essential referral zone (answered on the view of
 * its first essential zone), and every authored question, in an order drawn
 * from seed (a point's locate item always comes before its zone item; see
 * session.c). Returns NULL if the module has no items. */
Session *session_create_practice(const Module *m, uint64_t seed);
void session_free(Session *s);

SessionMode session_mode(const Session *s);
uint64_t session_seed(const Session *s);
int session_item_count(const Session *s);
const Item *session_item(const Session *s, int i);
const Answer *session_answer(const Session *s, int i);

/* The item being shown; equals session_item_count() when finished. */
int session_current(const Session *s);
bool session_finished(const Session *s);

/* Marks the current item as shown at now_ms (its answer time starts). */
void session_show(Session *s, int64_t now_ms);

/* Answers the current item. A click answers locate and zone items (image
 * units of the item's view); options answer choice and multi items
 * (chosen has n_options entries). Returns the graded answer, or NULL if the
 * item is already answered or of the other kind. */
const Answer *session_answer_click(Session *s, Vec2 click, int64_t now_ms);
const Answer *session_answer_options(Session *s, const bool *chosen, int64_t now_ms);

/* Moves to the next item; false if none is left (the session is finished). */
bool session_next(Session *s);

/* Mean credit of all items, 0..1 (unanswered items count 0). */
double session_score(const Session *s);
int session_answered_count(const Session *s);

#endif
