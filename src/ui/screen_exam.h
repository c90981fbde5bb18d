/* screen_exam: the exam screens (introduction, questions, result); what
 * other screens ask of it. */
#ifndef TPQUIZ_SCREEN_EXAM_H
#define TPQUIZ_SCREEN_EXAM_H

#include <stdbool.h>

#include "screens.h"

/* After a sign-in: resumes the learner's unfinished exam from its journal
 * (or closes it as void, or sets a journal aside), saying so in the banner.
 * True if an exam is running afterwards. */
bool exam_resume_pending(App *a);

#endif
