/* The body regions of the module lists (module_sections.h). */
#include "module_sections.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *groups; /* MUSCLE_GROUPS ids, comma separated */
} Section;

static const Section SECTIONS[SECTION_COUNT] = {
    [SECTION_FOUNDATIONS] = {"Foundations", ""},
    [SECTION_HEAD_NECK] = {"Head and neck", "head,jaw,neck"},
    [SECTION_SHOULDER_ARM] = {"Upper back, shoulder and arm", "upper_back,shoulder,arm"},
    [SECTION_FOREARM_HAND] = {"Forearm and hand", "forearm"},
    [SECTION_CHEST_ABDOMEN] = {"Chest and abdomen", "chest,abdomen"},
    [SECTION_LOW_BACK_HIP] = {"Low back, hip and pelvis", "low_back,hip"},
    [SECTION_THIGH_KNEE] = {"Thigh and knee", "thigh"},
    [SECTION_LEG_FOOT] = {"Leg, ankle and foot", "leg,foot"},
    [SECTION_OTHER] = {"Other modules", ""},
};

/* Whether the comma separated list holds id as one whole entry. */
static bool list_has(const char *list, const char *id)
{
    size_t n = strlen(id);
    if (n == 0)
        return false;
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, id, n))
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

int module_section(const Module *m)
{
    if (!m)
        return SECTION_OTHER;
    if (m->kind == MODULE_LESSON)
        return SECTION_FOUNDATIONS;
    if (!m->group)
        return SECTION_OTHER;
    for (int s = SECTION_HEAD_NECK; s < SECTION_OTHER; s++)
        if (list_has(SECTIONS[s].groups, m->group))
            return s;
    return SECTION_OTHER;
}

const char *module_section_name(int section)
{
    return section >= 0 && section < SECTION_COUNT ? SECTIONS[section].name : "";
}

const char *module_section_groups(int section)
{
    return section >= 0 && section < SECTION_COUNT ? SECTIONS[section].groups : "";
}
