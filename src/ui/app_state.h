/* app_state: the services the screens call on the shared program state:
 * the clock, switching screens, the learner signed in, starting sessions,
 * spaced review, and the exam's start, resume and submission
 * (screen_exam.c). */
#ifndef TPQUIZ_APP_STATE_H
#define TPQUIZ_APP_STATE_H

#include "screens.h"

/* Milliseconds since the epoch (virtual under --virtual-clock). */
int64_t app_now_ms(const App *a);
void app_go(App *a, ScreenId s);
/* Waits for the courses loading on their own thread, if they are, and
 * takes them into the App (app.c). Everything but the sign-in and settings
 * screens needs them: app_go and app_sign_in call it. */
void app_wait_courses(App *a);
/* The courses' problems (none found, files with errors), once loaded, into
 * the banner if it is free. */
void app_show_course_problems(App *a);
/* Items a module's practice serves unless the learner chooses otherwise
 * (App.practice_length: 10, 20 or 0 for all, on the study screen). */
#define APP_PRACTICE_ITEMS 20
/* Starts a practice session on a module (App.practice_length items at
 * most, the first of its shuffled order) and shows it. */
void app_start_practice(App *a, const Module *m);
/* Starts a graded module quiz (recorded in the score file). */
void app_start_quiz(App *a, const Module *m);
/* Items a protocol's practice serves at most, shared evenly between its
 * muscles. */
#define APP_PROTOCOL_ITEMS 20
/* Starts a practice session over the muscles of a pain protocol (items
 * drawn evenly from each loaded module) and shows it; says in the banner
 * why not if none of them has items. */
void app_start_protocol_practice(App *a, const Protocol *p);
/* Items "Practise my misses" takes at most. */
#define APP_MISSES_MAX 100
/* Practises the items keys[0..n) a learner missed or got only part of
 * (credits[i] the credit each earned): each goes first in spaced review
 * (an item not scheduled yet is scheduled with its credit, then all are
 * made due before anything else, core review_mark_due; the deck is saved),
 * then a practice session of them starts (session_create_practice_keys),
 * or the banner says why not. keys may point into the current session:
 * they are used before it is replaced. */
void app_start_misses(App *a, const char *const *keys, const double *credits, int n);
/* Items a review session serves at most (the most overdue first). */
#define APP_REVIEW_ITEMS 20
/* Starts a spaced-review session of the learner's due items, or says (in
 * the banner) why there is none. */
void app_start_review(App *a);
/* Review cards of the learner that are due now, counting only items of
 * modules this station has loaded (a course taken elsewhere or removed
 * does not count); *next_due_s (may be NULL) gets the earliest due time
 * of the others (0 if none). */
int app_review_due(const App *a, int64_t *next_due_s);
/* When a time seconds ahead is, in words: "in 5 hours", "tomorrow", "in 6 days". */
void app_when_text(int64_t seconds, char *buf, size_t size);
/* Signs a learner in (creating their score file if name is non-NULL) and
 * resumes or submits an unfinished exam. False (with signin_error set) on
 * failure. */
bool app_sign_in(App *a, const char *id, const char *name);
void app_sign_out(App *a);
/* Rescans the learners of this station for the sign-in screen. */
void app_scan_learners(App *a);
/* <data>/learners/<learner>.<ext> into buf. */
void app_learner_path(const App *a, const char *ext, char *buf, size_t size);
/* The learner's standing in a course (free with certify_status_free). */
CertStatus app_cert_status(App *a, const Course *c);
/* Forgets app_cert_status's judged records: call when a->scores changes. */
void app_forget_cert(App *a);
/* Schedules every answered item of a finished session for spaced review
 * and saves the deck (a failure is shown, the deck kept in memory). */
void app_review_session(App *a, const Session *s);
/* Leaves the practice, quiz or review session on screen before its end:
 * the items answered so far go into the review schedule (once: the
 * session is ended and counts as scheduled), nothing is recorded as a quiz
 * attempt or practice progress. */
void app_leave_session(App *a);
/* Reloads the signed-in learner's score file after a change. */
void app_reload_scores(App *a);

#endif
