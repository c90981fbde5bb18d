/* item_view: one item's answer area (the chart to click, or the options),
 * shared by practice, module quizzes and exams. */
#ifndef TPQUIZ_ITEM_VIEW_H
#define TPQUIZ_ITEM_VIEW_H

#include <stdbool.h>

#include "screens.h"

/* Draws the item's chart in area with the learner's click; with reveal, also
 * the right answer (the trigger point and its tolerance circle, or the
 * referral zones). If accept, a click on the chart is the learner's answer:
 * returns true with *click in image units. */
bool item_view_chart(App *a, const Item *it, const Answer *an, SDL_Rect area, bool reveal, bool accept,
                     Vec2 *click);

/* Draws the options as cards. sel is the working selection
 * (SESSION_MAX_OPTIONS entries): while accept, clicks (or keys 1-8) toggle
 * it (a choice item keeps one) and the function returns true when it
 * changed. Otherwise the answer's own choices are shown, with reveal
 * marking right (✓) and wrong (✗) picks and missed right options. */
bool item_view_options(App *a, const Item *it, const Answer *an, bool *sel, SDL_Rect area, bool reveal,
                       bool accept);

#endif
