/* module_sections: the body regions a course's module list is grouped
 * under, in clinical order.
 *
 * The Foundations lessons come first, then the muscles from the head down
 * to the foot in the order of the Travell & Simons trigger point manuals:
 * head and neck; upper back, shoulder and arm; forearm and hand; chest and
 * abdomen; low back, hip and pelvis; thigh and knee; leg, ankle and foot.
 * A muscle's [muscle] group (a MUSCLE_GROUPS id) places it; a module that
 * could not be loaded, or has a group no region claims, is listed last. */
#ifndef TPQUIZ_MODULE_SECTIONS_H
#define TPQUIZ_MODULE_SECTIONS_H

#include "course.h"

enum {
    SECTION_FOUNDATIONS,
    SECTION_HEAD_NECK,
    SECTION_SHOULDER_ARM,
    SECTION_FOREARM_HAND,
    SECTION_CHEST_ABDOMEN,
    SECTION_LOW_BACK_HIP,
    SECTION_THIGH_KNEE,
    SECTION_LEG_FOOT,
    SECTION_OTHER,
    SECTION_COUNT
};

/* The section of a module (NULL: one that failed to load). */
int module_section(const Module *m);
/* "Foundations", "Head and neck", ...; "" for an index out of range. */
const char *module_section_name(int section);
/* The MUSCLE_GROUPS ids a section holds, comma separated ("" for
 * Foundations and Other): for a heading's tooltip or documentation. */
const char *module_section_groups(int section);

#endif
