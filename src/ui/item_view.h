/* item_view: one item's answer area (the chart to click, or the options),
 * shared by practice, module quizzes and exams. */
#ifndef TPQUIZ_ITEM_VIEW_H
#define TPQUIZ_ITEM_VIEW_H

#include <stdbool.h>

#include "app_state.h"
#include "chrome.h"

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

/* The item's kind as the heading over its question says it ("LOCATE THE
 * TRIGGER POINT", "CHOOSE ONE" ...). */
const char *item_view_kind_label(const Item *it);
/* What a click answer short of full credit landed on (diagnose.h), as one
 * sentence for the feedback ("" when there is nothing to say), and the
 * other muscle it names (*other, NULL if none) for a link to its study
 * page. */
void item_view_miss(const App *a, const Item *it, const Answer *an, char *buf, size_t size,
                    const Module **other);

/* True for items answered by one click on a chart (locate, zone, reverse). */
bool item_is_click(const Item *it);
/* True for items answered on a chart by painting or by several marks. */
bool item_is_workspace(const Item *it);

/* Paint and locate-all items: draws the chart with the learner's work (the
 * painting, or the numbered marks) and, with reveal, the answer's feedback
 * (cells as hit / missed / excess, or the targets with each matched mark).
 * While accept, the mouse paints or places marks (a click on a mark removes
 * it) and the tools (brush, erase, undo, clear) work. Returns true when the
 * work changed (a stroke ended, a mark was placed or removed). The work
 * lives in the App and starts again, or from the item's answer, whenever
 * the item changes. */
bool item_view_workspace(App *a, const Item *it, const Answer *an, SDL_Rect area, bool reveal, bool accept);
/* Whether the learner has painted or marked anything yet. */
bool item_view_work_ready(const App *a);

#endif
