/* session: a run of questions, as a state machine.
 *
 * Three modes: practice (one module, feedback after each item, unrecorded),
 * module quiz (one module, graded, recorded for certification) and exam
 * (items drawn across a course's modules, answers may change until the exam
 * is submitted, no feedback). Practice and quiz are answered one item after
 * the other with the one-shot calls; an exam with goto / set / clear / flag.
 *
 * The item list and option order come from a seed, and every timestamp is
 * passed in (milliseconds on any monotonic or wall clock the caller likes),
 * so a session replays exactly and a test of a long session runs at once.
 * A session does not own the Modules (or Course) it was built from; they
 * must outlive it. */
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
    /* Practice and quiz: from the item being shown to the answer. Exam: the
     * total time the item has been on screen so far, over every visit
     * (see session_show), answered or not. */
    int64_t time_ms;
} Answer;

typedef enum { SESSION_PRACTICE, SESSION_QUIZ, SESSION_EXAM } SessionMode;

typedef struct Session Session;

/* Practice over one module: a locate item per trigger point, a zone item per
 * trigger point that has an essential referral zone (answered on the view of
 * its first essential zone), and every authored question, in an order drawn
 * from seed (a point's locate item always comes before its zone item; see
 * session.c). Returns NULL if the module has no items. */
Session *session_create_practice(const Module *m, uint64_t seed);

/* A graded module quiz: every item practice would have, built and ordered
 * exactly as practice builds them from the same seed; only the mode
 * differs. NULL if the module has no items. */
Session *session_create_quiz(const Module *m, uint64_t seed);

/* An exam over the course's loaded modules (NULL entries of c->modules are
 * skipped): n_questions items drawn from every item each module has (the
 * practice items), stratified so each module gets an even share: shares
 * differ by at most one, except that a module with fewer items than its
 * share gives all it has and the rest is spread over the others; which
 * modules get the extra items is drawn from the seed. Each module's share is
 * drawn without repeats. If the course has fewer items than asked, all of
 * them. The order is shuffled from the seed, then a trigger point's locate
 * item is put before its zone item (as in practice). Items keep `module`
 * pointing at their own module. NULL if the course has no items or
 * n_questions < 1. The exact procedure is in session.c and GRADING.md. */
Session *session_create_exam(const Course *c, uint64_t seed, int n_questions);

void session_free(Session *s);

SessionMode session_mode(const Session *s);
uint64_t session_seed(const Session *s);
int session_item_count(const Session *s);
const Item *session_item(const Session *s, int i);
const Answer *session_answer(const Session *s, int i);

/* The item being shown; equals session_item_count() when finished. */
int session_current(const Session *s);
bool session_finished(const Session *s);

/* Marks the current item as shown at now_ms (its answer time starts).
 * In an exam, the timer of the item shown before (if any) stops and adds
 * its elapsed time to that item's time_ms, and the current item's timer
 * starts: time per item accumulates over every visit. */
void session_show(Session *s, int64_t now_ms);

/* Answers the current item. A click answers locate and zone items (image
 * units of the item's view); options answer choice and multi items
 * (chosen has n_options entries). Returns the graded answer, or NULL if the
 * item is already answered or of the other kind. (In an exam these answer
 * the current item once, like session_set_* on an unanswered item.) */
const Answer *session_answer_click(Session *s, Vec2 click, int64_t now_ms);
const Answer *session_answer_options(Session *s, const bool *chosen, int64_t now_ms);

/* Moves to the next item; false if none is left (the session is finished).
 * In an exam it stops at the last item (returning false there) instead:
 * only session_submit() finishes an exam; and, having no timestamp, it only
 * moves: call session_show(s, now) after it (or use session_goto). */
bool session_next(Session *s);

/* --- Exam: free navigation, answers that change until submission. ---
 * These act only on an exam that is not submitted; on practice and quiz
 * sessions they do nothing (answers there are final) and the set calls
 * return NULL.
 *
 * Timing rule: an item's time_ms is the sum of its visits. A visit starts
 * when the item is put on screen by session_goto(s, i, now) or
 * session_show(s, now), and ends at the next goto or show (of any item),
 * session_hide or session_submit. Answering the item on screen brings its
 * time_ms up to now (the visit goes on); answering an item that is not on
 * screen (a journal replay) adds no time. Time going backwards adds 0. */

/* Makes item i (any item, any order) the current one at now_ms: the running
 * visit ends and item i's visit starts. Out of range: nothing happens. */
void session_goto(Session *s, int i, int64_t now_ms);

/* Answers item i, replacing any earlier answer; graded at once (the exam
 * screen simply does not show the credit). Returns the answer, or NULL if i
 * is out of range, the item is of the other kind, chosen is NULL, or the
 * session is not an unsubmitted exam. */
const Answer *session_set_click(Session *s, int i, Vec2 click, int64_t now_ms);
const Answer *session_set_options(Session *s, int i, const bool *chosen, int64_t now_ms);
/* Makes item i unanswered again (credit 0); its time and flag stay. */
void session_clear(Session *s, int i);
void session_set_flag(Session *s, int i, bool flag);
bool session_flagged(const Session *s, int i); /* false out of range */

/* Ends the running visit at now_ms with no item on screen (the overview or
 * review page, or the exam left while its clock runs). Any mode. */
void session_hide(Session *s, int64_t now_ms);

/* Ends the session at now_ms: the running visit ends, answers become final
 * and session_finished() is true. Works in every mode (a practice or quiz
 * stopped early); the exam screen calls it on submit and at the deadline. */
void session_submit(Session *s, int64_t now_ms);

/* Mean credit of all items, 0..1 (unanswered items count 0). */
double session_score(const Session *s);
int session_answered_count(const Session *s);

/* Mean credit of the items of one module (by id), 0..1, unanswered items
 * counting 0: the per-module breakdown of an exam. *n_items (if non-NULL)
 * gets how many items the module has in the session; 0 (and a score of 0)
 * if none. */
double session_module_score(const Session *s, const char *module_id, int *n_items);

#endif
