/* Unit tests for src/core/module_sections.c: the body regions the module
 * lists are grouped under. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "module_sections.h"

static Module muscle(const char *group)
{
    Module m = {0};
    m.kind = MODULE_MUSCLE;
    m.group = (char *)group;
    return m;
}

/* Every muscle group the loader accepts belongs to a body region. */
static void test_every_group_has_a_region(void **state)
{
    (void)state;
    for (int i = 0; MUSCLE_GROUPS[i].id; i++) {
        Module m = muscle(MUSCLE_GROUPS[i].id);
        int s = module_section(&m);
        assert_true(s > SECTION_FOUNDATIONS);
        assert_true(s < SECTION_OTHER);
    }
}

static void test_clinical_order(void **state)
{
    (void)state;
    const char *order[] = {"jaw", "neck", "shoulder", "arm", "forearm", "chest", "low_back", "hip", "thigh", "foot"};
    int expect[] = {SECTION_HEAD_NECK,     SECTION_HEAD_NECK,    SECTION_SHOULDER_ARM, SECTION_SHOULDER_ARM,
                    SECTION_FOREARM_HAND,  SECTION_CHEST_ABDOMEN, SECTION_LOW_BACK_HIP, SECTION_LOW_BACK_HIP,
                    SECTION_THIGH_KNEE,    SECTION_LEG_FOOT};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        Module m = muscle(order[i]);
        assert_int_equal(module_section(&m), expect[i]);
    }
    assert_string_equal(module_section_name(SECTION_FOUNDATIONS), "Foundations");
    assert_string_equal(module_section_name(SECTION_HEAD_NECK), "Head and neck");
    assert_string_equal(module_section_name(SECTION_LEG_FOOT), "Leg, ankle and foot");
    assert_string_equal(module_section_name(-1), "");
    assert_string_equal(module_section_name(SECTION_COUNT), "");
    assert_string_equal(module_section_groups(SECTION_LEG_FOOT), "leg,foot");
}

/* Lessons first; a module that failed to load, has no group or one no
 * region names (a prefix or a longer id does not match) goes last. */
static void test_lessons_and_strays(void **state)
{
    (void)state;
    Module lesson = {0};
    lesson.kind = MODULE_LESSON;
    assert_int_equal(module_section(&lesson), SECTION_FOUNDATIONS);
    assert_int_equal(module_section(NULL), SECTION_OTHER);
    Module none = muscle(NULL);
    assert_int_equal(module_section(&none), SECTION_OTHER);
    const char *strays[] = {"", "nec", "neck_front", "legs", "jaw,neck", "foot,"};
    for (size_t i = 0; i < sizeof strays / sizeof *strays; i++) {
        Module m = muscle(strays[i]);
        assert_int_equal(module_section(&m), SECTION_OTHER);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_group_has_a_region),
        cmocka_unit_test(test_clinical_order),
        cmocka_unit_test(test_lessons_and_strays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
