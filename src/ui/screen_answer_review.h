/* screen_answer_review: the answers of a finished session (a practice,
 * quiz, review or exam just taken) or of a recorded attempt (the learner's
 * past results), one item at a time on its chart: the learner's click,
 * marks, painting or options beside the right answer, the credit, what a
 * miss landed on and the explanation; and a practice of the items missed.
 * screen_history: the learner's graded quizzes and exams from their score
 * file, each opening this review. */
#ifndef TPQUIZ_SCREEN_ANSWER_REVIEW_H
#define TPQUIZ_SCREEN_ANSWER_REVIEW_H

#include <stdbool.h>

#include "screens.h"

/* Shows the answers of session s (finished; it must stay alive and
 * unchanged while they are shown), from item first; title names what was
 * taken ("Module quiz · Trapezius"). Back leads to back. */
void answer_review_open_session(App *a, const Session *s, int first, ScreenId back, const char *title);

/* Shows the answers of the learner's record r (an attempt), rebuilt
 * against this station's courses (core answers.c); r may go away
 * afterwards. False (with the reason in a->banner) if they cannot be
 * shown: an exam whose course does not show answers, no answers, or no
 * memory. */
bool answer_review_open_record(App *a, const Record *r, ScreenId back);
/* Forgets the review kept while its miss's muscle is studied (at exit). */
void screen_answer_review_free(App *a);

/* Whether the answers of attempt r may be shown to the learner: a quiz's
 * always; an exam's if its course, loaded on this station, says
 * show_answers = yes. */
bool answer_review_allowed(const App *a, const Record *r);

void screen_answer_review(App *a, SDL_Rect all);
void screen_answer_review_leave(App *a);

void screen_history(App *a, SDL_Rect all);
void screen_history_enter(App *a);

#endif
