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
 * must outlive it. Everything an Answer points to is owned by the session:
 * valid until that item is answered again or cleared, or the session is
 * freed. */
#ifndef TPQUIZ_SESSION_H
#define TPQUIZ_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "course.h"
#include "geometry.h"
#include "grading.h"
#include "locator.h"

typedef enum {
    ITEM_LOCATE_TP,  /* click the trigger point */
    ITEM_ZONE_CLICK, /* click inside the trigger point's referral zone */
    ITEM_CHOICE,     /* one correct option */
    ITEM_MULTI,      /* one or more correct options */
    ITEM_ZONE_PAINT, /* paint the trigger point's referral zone (grade_zone_paint) */
    ITEM_LOCATE_ALL, /* mark every trigger point of the module on one view (grade_locate_all) */
    ITEM_REVERSE     /* the trigger point's pattern is shown: click the point
                        responsible (grade_reverse) */
} ItemType;

#define SESSION_MAX_OPTIONS 8
/* Most marks a locate-all answer may have (the matching is cubic in it). */
#define SESSION_MAX_CLICKS 64
/* Most cells a painting's grid may have: 4 Mi cells, a 600 x 1400 chart
 * at half a unit a cell (the default cell is 4 units: 52,500 cells). Score
 * files and journals take at least as many. */
#define SESSION_MAX_PAINT_CELLS (1 << 22)
/* Smallest cell side a painting's grid may have, in image units (score
 * files write it with three decimals); a grid's origin and cell must also
 * lie below 10^9 in size (journals write six decimals). */
#define SESSION_MIN_PAINT_CELL 0.001

typedef struct {
    ItemType type;
    const Module *module;
    int tp;         /* trigger point index for locate, zone, paint and reverse
                       items, else -1 */
    int question;   /* question index for choice and multi items, else -1 */
    /* The chart the item is answered on; NULL for options. Reverse: the
     * chart of the trigger point, which is also where the pattern (the
     * point's zones on that view) is drawn: a reverse item exists only for a
     * point with an essential zone on its own view. */
    const char *view;
    char *prompt;   /* owned by the session */
    int n_options;
    const char *options[SESSION_MAX_OPTIONS]; /* shuffled; point into the Module */
    bool option_correct[SESSION_MAX_OPTIONS];
    /* Locate-all: the trigger points to find (indices into module->tps, in
     * module order: every point of the module on view, at least 2); owned
     * by the session. 0 and NULL for other items. */
    int n_targets;
    int *targets;
    /* Stable id for records and review: "<module>/tp.<id>/locate", ".../zone",
     * ".../paint", ".../reverse", "<module>/view.<view>/locate_all",
     * "<module>/question.<id>". */
    char *key;
    /* A lesson's chart question (type = chart): the lesson the item belongs
     * to (its key starts with the lesson's id, its records and progress are
     * the lesson's) and the question; module, tp and view are then the
     * muscle's, as in the muscle's own item. NULL for every other item. */
    const Module *owner;
    const Question *asked;
} Item;

/* The module an item belongs to: its lesson for a lesson's chart question,
 * else the module it was built from. */
static inline const Module *item_owner(const Item *it)
{
    return it->owner ? it->owner : it->module;
}

typedef struct {
    bool answered;
    double credit;      /* 0..1 */
    Vec2 click;         /* image units, for locate, zone and reverse items */
    double distance;    /* locate: from the target; zone: from the nearest zone
                           edge; reverse: from the trigger point credited */
    int zone;           /* zone item: index into Module.zones hit, -1 if none */
    ZoneKind zone_kind; /* zone item: kind hit */
    bool chosen[SESSION_MAX_OPTIONS];
    /* Practice and quiz: from the item being shown to the answer. Exam: the
     * total time the item has been on screen so far, over every visit
     * (see session_show), answered or not. */
    int64_t time_ms;

    /* Zone-paint: the grid painted on, the painting (grid.cols * grid.rows
     * bytes, 1 = painted, row-major), each cell's PaintCellClass for the
     * feedback, and the counts (grade_zone_paint_classify). NULL and zero
     * until answered. */
    Grid grid;
    unsigned char *painted;
    unsigned char *classes;
    ZonePaintResult paint;

    /* Locate-all: the marks in the order given, and for each of the item's
     * targets (Item.targets, same order) the index of the mark matched to
     * it, or -1 (grade_locate_all). A mark no target is matched to is an
     * extra mark. NULL and 0 until answered. */
    int n_clicks;
    Vec2 *clicks;
    int *match;

    /* Reverse: the trigger point credited (the responsible one, or one with
     * the same pattern on the same chart, of any module the session knows:
     * session_modules) and the credit and distance it gave; credit and
     * distance are copied above. */
    ReverseResult reverse;
} Answer;

/* Review: a spaced-review session (session_create_review), answered and
 * fed back like practice. */
typedef enum { SESSION_PRACTICE, SESSION_QUIZ, SESSION_EXAM, SESSION_REVIEW } SessionMode;

typedef struct Session Session;

/* Practice over one module, every item the module supports:
 *  - a locate item per trigger point;
 *  - a zone item and a paint item per trigger point that has an essential
 *    referral zone, both answered on the view of its first essential zone;
 *  - a locate-all item per view that holds two or more of the module's
 *    trigger points;
 *  - a reverse item per trigger point with an essential zone on its own
 *    view (its pattern on that view is shown, the click goes on the same
 *    chart; a point whose pattern is drawn only on other charts gets none);
 *  - every authored question;
 * in an order drawn from seed, repaired so that items about one trigger
 * point come locate, zone, paint, reverse, and a locate-all item after the
 * locate items of its points, none straight after another of the same
 * group where the rest allow (see session.c). Reverse items are graded
 * against this module's trigger points only. Returns NULL if the module has
 * no items. */
Session *session_create_practice(const Module *m, uint64_t seed);

/* Practice over one module, shorter: the first max_items items of the
 * order session_create_practice(m, seed) has (the same items in the same
 * order, cut), so every rule of that order holds in it too. max_items < 1,
 * or at least the module's item count, gives them all. A quiz always has
 * every item. NULL as session_create_practice. */
Session *session_create_practice_limit(const Module *m, uint64_t seed, int max_items);

/* A graded module quiz: every item practice would have, built and ordered
 * exactly as practice builds them from the same seed; only the mode
 * differs. NULL if the module has no items. */
Session *session_create_quiz(const Module *m, uint64_t seed);

/* An exam over the course's loaded modules (NULL entries of c->modules are
 * skipped): n_questions items drawn from every item each module has (the
 * practice items, every kind), stratified so each module gets an even share: shares
 * differ by at most one, except that a module with fewer items than its
 * share gives all it has and the rest is spread over the others; which
 * modules get the extra items is drawn from the seed. Each module's share is
 * drawn without repeats. If the course has fewer items than asked, all of
 * them. The order is shuffled from the seed, then repaired as in practice
 * (for the items drawn). Items keep `module` pointing at their own module.
 * Reverse items are graded against every loaded module of the course (a
 * point of another muscle with the identical pattern on the same chart
 * earns credit too). NULL if the course has no items or n_questions < 1.
 * The exact procedure is in session.c and GRADING.md. */
Session *session_create_exam(const Course *c, uint64_t seed, int n_questions);

/* The session session_create_quiz / session_create_exam builds from the
 * same arguments (the same items in the same order, graded the same), but
 * without prompts: every Item.prompt is NULL. For re-grading records
 * (judge.c), which shows no question; formatting every prompt was a
 * tenth of re-grading. */
Session *session_create_quiz_unprompted(const Module *m, uint64_t seed);
Session *session_create_exam_unprompted(const Course *c, uint64_t seed, int n_questions);

/* Practice over several modules (a pain protocol's muscles): n_items items
 * drawn from every practice item of modules[0..n_modules) exactly as an
 * exam draws them (stratified, an even share per module, shuffled and
 * repaired from seed; NULL entries and repeats skipped), answered with
 * feedback as in practice. Items keep `module` pointing at their own
 * module; reverse items are graded against the given modules. NULL if they
 * have no items or n_items < 1. */
Session *session_create_practice_set(const Module *const *modules, int n_modules, uint64_t seed, int n_items);

/* A spaced-review session: one item for each of keys[0..n_keys) (Item.key,
 * as review_due_keys gives them, the most overdue first), served with
 * feedback as in practice. Each item is built as practice builds it (its
 * options shuffled from seed). The order is the keys' order, repaired only
 * as practice's is, so that an item never gives away another's answer (a
 * point's locate item before its zone, paint and reverse items; a
 * locate-all item after the locate items of its points) and, where the rest
 * allow, no two items about one point come one after the other. A key given
 * twice counts once. A key whose module lib does not hold, or whose item the
 * module no longer has (a point or question removed, a zone no longer
 * essential), is skipped and counted in *skipped (may be NULL). Reverse
 * items are graded against every module of lib. NULL if no key names an
 * item (or memory runs out). */
Session *session_create_review(const Library *lib, const char *const *keys, int n_keys, uint64_t seed,
                               int *skipped);

/* A practice session of the items keys name (the items a learner missed or
 * got only part of, say, to practise them again): built, ordered and
 * skipped exactly as session_create_review does, but in SESSION_PRACTICE
 * mode. NULL as session_create_review. */
Session *session_create_practice_keys(const Library *lib, const char *const *keys, int n_keys, uint64_t seed,
                                      int *skipped);

void session_free(Session *s);

SessionMode session_mode(const Session *s);
uint64_t session_seed(const Session *s);
int session_item_count(const Session *s);
const Item *session_item(const Session *s, int i);
const Answer *session_answer(const Session *s, int i);
/* The modules reverse items are graded against (practice and quiz: the one
 * module; exam: the course's loaded modules, each once; review: every
 * module of the library), for feedback that
 * lists every accepted trigger point (locator_same_pattern_tps). *n gets
 * the count. Owned by the session. */
const Module *const *session_modules(const Session *s, int *n);

/* A trigger point as prompts name it, for a sentence: "the iliacus trigger
 * point of iliopsoas", "trigger point 2 of soleus", "the piriformis trigger
 * point". Caller frees; NULL for a bad index or out of memory. */
char *session_tp_phrase(const Module *m, int tp);

/* The item being shown; equals session_item_count() when finished. */
int session_current(const Session *s);
bool session_finished(const Session *s);

/* Marks the current item as shown at now_ms (its answer time starts).
 * In an exam, the timer of the item shown before (if any) stops and adds
 * its elapsed time to that item's time_ms, and the current item's timer
 * starts: time per item accumulates over every visit. */
void session_show(Session *s, int64_t now_ms);

/* Answers the current item. A click answers locate, zone and reverse items
 * (image units of the item's view); options answer choice and multi items
 * (chosen has n_options entries); a painting answers a paint item; a list
 * of marks answers a locate-all item. Returns the graded answer, or NULL if
 * the item is already answered or of another kind, an argument is bad (see
 * session_set_paint, session_set_clicks) or memory runs out (the item stays
 * unanswered). (In an exam these answer the current item once, like
 * session_set_* on an unanswered item.) */
const Answer *session_answer_click(Session *s, Vec2 click, int64_t now_ms);
const Answer *session_answer_options(Session *s, const bool *chosen, int64_t now_ms);
const Answer *session_answer_paint(Session *s, const unsigned char *cells, const Grid *g, int64_t now_ms);
const Answer *session_answer_clicks(Session *s, const Vec2 *clicks, int n, int64_t now_ms);

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
/* A painting: cells has g->cols * g->rows bytes (row-major, non-zero =
 * painted) on a grid over the item's view in image units, normally
 * grade_paint_grid(view's viewBox, 0). The session copies it. NULL also if
 * cells or g is NULL, or the grid is empty, has more than
 * SESSION_MAX_PAINT_CELLS cells, a cell under SESSION_MIN_PAINT_CELL or
 * numbers of 10^9 or more. Whatever is accepted can be journaled and
 * recorded. */
const Answer *session_set_paint(Session *s, int i, const unsigned char *cells, const Grid *g, int64_t now_ms);
/* A painting given as its recorded runs (record.h: record_paint_encode)
 * instead of cells, as session_answer_paint / session_set_paint do it:
 * the same counts and credit (grade_zone_paint_runs), but the answer keeps
 * no cells (painted and classes stay NULL), so it cannot be drawn; for
 * re-grading records (judge.c), where only the credit matters. NULL also if
 * the runs do not fit the grid (grade_zone_paint_runs). */
const Answer *session_answer_paint_runs(Session *s, const int *runs, int n_runs, const Grid *g, int64_t now_ms);
const Answer *session_set_paint_runs(Session *s, int i, const int *runs, int n_runs, const Grid *g,
                                     int64_t now_ms);
/* Locate-all marks: n clicks in image units of the item's view, 0..
 * SESSION_MAX_CLICKS (none is an answer worth 0); clicks may be NULL when
 * n is 0. The session copies them. */
const Answer *session_set_clicks(Session *s, int i, const Vec2 *clicks, int n, int64_t now_ms);
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
