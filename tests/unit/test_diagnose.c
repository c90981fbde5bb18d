/* Unit tests for src/core/diagnose.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "diagnose.h"
#include "support.h"

/* A hand-built library on the back chart (midline x = 300, the patient's
 * right on the viewer's right) and the front chart (mirrored):
 *  medius (Medius): tp 0 "Upper" (340,560) r 20, essential zone
 *    (320,600)-(380,660); tp 1 "Lower" (350,700) r 20, essential zone
 *    (320,740)-(380,800) and spillover (310,800)-(390,860).
 *  minimus (Minimus): tp 0 "Anterior" (420,620) r 20, essential zone
 *    (400,660)-(460,720) overlapping medius' spillover nowhere; tp 1 on
 *    the side chart at the same coordinates (not on the back chart).
 *  other (Other): tp 0 "Deep" (432,632) r 20 on back; tp 1 "Front" on
 *    front (250,500) r 15; an essential zone of tp 0 (410,670)-(450,710),
 *    inside minimus' zone but smaller.
 *  central (Central): tp 0 "Midline" (305,400) r 20 on back: its circle
 *    reaches the midline, so it has no wrong side. */
static Vec2 MED_UP[] = {{320, 600}, {380, 600}, {380, 660}, {320, 660}};
static Vec2 MED_LO[] = {{320, 740}, {380, 740}, {380, 800}, {320, 800}};
static Vec2 MED_LO_S[] = {{310, 800}, {390, 800}, {390, 860}, {310, 860}};
static Vec2 MIN_Z[] = {{400, 660}, {460, 660}, {460, 720}, {400, 720}};
static Vec2 OTH_Z[] = {{410, 670}, {450, 670}, {450, 710}, {410, 710}};

static TriggerPoint med_tps[2], min_tps[2], oth_tps[2], cen_tps[1];
static Zone med_z[3], min_z[1], oth_z[1];
static Module medius, minimus, other, central;
static const Module *MODS[4];

static TriggerPoint tp(const char *id, const char *label, const char *view, double x, double y, double r)
{
    return (TriggerPoint){.id = (char *)id, .label = (char *)label, .view = (char *)view, .at = {x, y}, .radius = r};
}

static Zone zone(const char *view, int t, ZoneKind kind, Vec2 *pts, int n)
{
    return (Zone){.id = "z", .view = (char *)view, .tp = t, .kind = kind, .poly = {pts, n}};
}

static int setup(void **state)
{
    (void)state;
    med_tps[0] = tp("upper", "Upper", "back", 340, 560, 20);
    med_tps[1] = tp("lower", "Lower", "back", 350, 700, 20);
    med_z[0] = zone("back", 0, ZONE_ESSENTIAL, MED_UP, 4);
    med_z[1] = zone("back", 1, ZONE_ESSENTIAL, MED_LO, 4);
    med_z[2] = zone("back", 1, ZONE_SPILLOVER, MED_LO_S, 4);
    medius = (Module){.id = "medius", .name = "Medius", .tps = med_tps, .n_tps = 2, .zones = med_z, .n_zones = 3};

    min_tps[0] = tp("anterior", "Anterior", "back", 420, 620, 20);
    min_tps[1] = tp("side", "Lateral", "side", 420, 620, 20);
    min_z[0] = zone("back", 0, ZONE_ESSENTIAL, MIN_Z, 4);
    minimus = (Module){.id = "minimus", .name = "Minimus", .tps = min_tps, .n_tps = 2, .zones = min_z, .n_zones = 1};

    oth_tps[0] = tp("deep", "Deep", "back", 432, 632, 20);
    oth_tps[1] = tp("front", "Front", "front", 250, 500, 15);
    oth_z[0] = zone("back", 0, ZONE_ESSENTIAL, OTH_Z, 4);
    other = (Module){.id = "other", .name = "Other", .tps = oth_tps, .n_tps = 2, .zones = oth_z, .n_zones = 1};

    cen_tps[0] = tp("mid", "Midline", "back", 305, 400, 20);
    central = (Module){.id = "central", .name = "Central", .tps = cen_tps, .n_tps = 1};

    MODS[0] = &minimus;
    MODS[1] = &medius;
    MODS[2] = &other;
    MODS[3] = &central;
    return 0;
}

static Item item(ItemType type, const Module *m, int t, const char *view)
{
    return (Item){.type = type, .module = m, .tp = t, .question = -1, .view = view};
}

/* The credit a locate item would give the click. */
static double locate_credit(const Item *it, Vec2 c)
{
    const TriggerPoint *p = &it->module->tps[it->tp];
    return grade_locate_tp(c, p->at, p->radius, NULL);
}

static MissDiagnosis locate(const Module *m, int t, Vec2 c)
{
    Item it = item(ITEM_LOCATE_TP, m, t, m->tps[t].view);
    return diagnose_click(MODS, 4, &it, c, locate_credit(&it, c));
}

static void test_wrong_side_back(void **state)
{
    (void)state;
    /* The mirror image of medius' upper point (340,560) is (260,560). */
    MissDiagnosis d = locate(&medius, 0, (Vec2){262, 565});
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_WRONG_SIDE);
    assert_ptr_equal(d.f[0].module, &medius);
    assert_int_equal(d.f[0].tp, 0);
    /* On the back chart the viewer's left is the patient's left. */
    assert_int_equal(d.f[0].patient_side, -1);
    assert_near(d.f[0].distance, sqrt(4 + 25), 1e-9);
    char buf[300];
    diagnose_text(&d.f[0], buf, sizeof buf);
    assert_non_null(strstr(buf, "Wrong side: you clicked the patient's left"));
    assert_non_null(strstr(buf, "on their right"));

    /* Exactly on the radius still counts; beyond it does not. */
    d = locate(&medius, 0, (Vec2){260, 580});
    assert_int_equal(d.n, 1);
    d = locate(&medius, 0, (Vec2){260, 581});
    assert_int_equal(d.n, 0);
}

static void test_wrong_side_front_is_mirrored(void **state)
{
    (void)state;
    /* Front: the patient's right is on the viewer's left, so a click right
     * of the midline is on the patient's left. */
    MissDiagnosis d = locate(&other, 1, (Vec2){350, 500});
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_WRONG_SIDE);
    assert_int_equal(d.f[0].patient_side, -1);
    assert_true(diagnose_view_midline("front", NULL, NULL));
    assert_false(diagnose_view_midline("side", NULL, NULL));
    assert_false(diagnose_view_midline("hip_side", NULL, NULL));
    assert_false(diagnose_view_midline(NULL, NULL, NULL));
    double x = 0;
    bool rvl = true;
    assert_true(diagnose_view_midline("pelvis_back", &x, &rvl));
    assert_near(x, 286, 0);
    assert_false(rvl);
    assert_true(diagnose_view_midline("abdomen", &x, &rvl));
    assert_near(x, 260, 0);
    assert_true(rvl);
    assert_true(diagnose_view_midline("low_back", &x, &rvl));
    assert_near(x, 195, 0);
    assert_false(rvl);
    assert_false(diagnose_view_midline("thigh_back", NULL, NULL));
}

static void test_no_wrong_side_near_midline_or_without_one(void **state)
{
    (void)state;
    /* Central's circle reaches the midline: its mirror image is no error. */
    MissDiagnosis d = locate(&central, 0, (Vec2){295, 440});
    assert_int_equal(d.n, 0);
    /* The side chart has no midline. */
    Item it = item(ITEM_LOCATE_TP, &minimus, 1, "side");
    d = diagnose_click(MODS, 4, &it, (Vec2){180, 620}, 0);
    assert_int_equal(d.n, 0);
}

static void test_same_muscle_point(void **state)
{
    (void)state;
    MissDiagnosis d = locate(&medius, 0, (Vec2){352, 705});
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_SAME_MUSCLE);
    assert_ptr_equal(d.f[0].module, &medius);
    assert_int_equal(d.f[0].tp, 1);
    char buf[300];
    assert_string_equal(diagnose_text(&d.f[0], buf, sizeof buf), "That is the lower trigger point of medius.");
}

static void test_other_muscles_nearest_first(void **state)
{
    (void)state;
    /* (424,624) is 5.7 from minimus' point and 11.3 from other's; minimus'
     * point on the side chart does not count. */
    MissDiagnosis d = locate(&medius, 0, (Vec2){424, 624});
    assert_int_equal(d.n, 2);
    assert_int_equal(d.f[0].kind, MISS_OTHER_MUSCLE);
    assert_ptr_equal(d.f[0].module, &minimus);
    assert_int_equal(d.f[0].tp, 0);
    assert_ptr_equal(d.f[1].module, &other);
    assert_int_equal(d.f[1].tp, 0);
    assert_true(d.f[0].distance < d.f[1].distance);
    char buf[300];
    assert_string_equal(diagnose_text(&d.f[0], buf, sizeof buf), "That is the anterior trigger point of minimus.");

    /* Equidistant: the module listed first. */
    d = locate(&medius, 0, (Vec2){426, 626});
    assert_int_equal(d.n, 2);
    assert_ptr_equal(d.f[0].module, &minimus);
    const Module *swapped[] = {&other, &medius, &minimus};
    Item it = item(ITEM_LOCATE_TP, &medius, 0, "back");
    d = diagnose_click(swapped, 3, &it, (Vec2){426, 626}, 0);
    assert_int_equal(d.n, 2);
    assert_ptr_equal(d.f[0].module, &other);
}

static void test_thresholds(void **state)
{
    (void)state;
    /* At 1.5 radius (30) from minimus' point, half credit: named. */
    MissDiagnosis d = locate(&medius, 1, (Vec2){420, 590});
    assert_int_equal(d.n, 1);
    assert_ptr_equal(d.f[0].module, &minimus);
    /* Beyond it: nothing. */
    d = locate(&medius, 1, (Vec2){420, 589});
    assert_int_equal(d.n, 0);
    /* A point that would earn no more than the answer earned is not named
     * (the credits passed stand for what the asked point gave). */
    Item it = item(ITEM_LOCATE_TP, &medius, 0, "back");
    d = diagnose_click(MODS, 4, &it, (Vec2){420, 590}, 0.5);
    assert_int_equal(d.n, 0);
    d = diagnose_click(MODS, 4, &it, (Vec2){420, 590}, 0.49);
    assert_int_equal(d.n, 1);
}

static void test_nothing_to_diagnose(void **state)
{
    (void)state;
    Item it = item(ITEM_LOCATE_TP, &medius, 0, "back");
    /* Full credit: nothing to say, even on another point. */
    assert_int_equal(diagnose_click(MODS, 4, &it, (Vec2){350, 700}, 1).n, 0);
    /* A click on nothing. */
    assert_int_equal(diagnose_click(MODS, 4, &it, (Vec2){100, 100}, 0).n, 0);
    /* Bad arguments. */
    assert_int_equal(diagnose_click(MODS, 4, NULL, (Vec2){350, 700}, 0).n, 0);
    assert_int_equal(diagnose_click(MODS, 4, &it, (Vec2){NAN, 700}, 0).n, 0);
    assert_int_equal(diagnose_click(NULL, 4, &it, (Vec2){350, 700}, 0).n, 0);
    Item bad = item(ITEM_LOCATE_TP, &medius, 5, "back");
    assert_int_equal(diagnose_click(MODS, 4, &bad, (Vec2){350, 700}, 0).n, 0);
    Item choice = item(ITEM_CHOICE, &medius, -1, NULL);
    assert_int_equal(diagnose_click(MODS, 4, &choice, (Vec2){350, 700}, 0).n, 0);
    /* Without other modules, the item's own module is still searched. */
    MissDiagnosis d = diagnose_click(NULL, 0, &it, (Vec2){350, 700}, 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_SAME_MUSCLE);
    /* NULL entries are skipped. */
    const Module *holes[] = {NULL, &minimus, NULL};
    d = diagnose_click(holes, 3, &it, (Vec2){420, 620}, 0);
    assert_int_equal(d.n, 1);
    assert_ptr_equal(d.f[0].module, &minimus);
    char buf[8] = "x";
    assert_string_equal(diagnose_text(NULL, buf, sizeof buf), "");
}

static void test_reverse_item(void **state)
{
    (void)state;
    Item it = item(ITEM_REVERSE, &medius, 1, "back");
    MissDiagnosis d = diagnose_click(MODS, 4, &it, (Vec2){341, 561}, 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_SAME_MUSCLE);
    assert_int_equal(d.f[0].tp, 0);
}

static void test_zone_click(void **state)
{
    (void)state;
    Item it = item(ITEM_ZONE_CLICK, &medius, 0, "back");
    /* In medius' lower point's essential zone. */
    MissDiagnosis d = diagnose_click(MODS, 4, &it, (Vec2){350, 770}, 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_OTHER_ZONE);
    assert_ptr_equal(d.f[0].module, &medius);
    assert_int_equal(d.f[0].tp, 1);
    assert_near(d.f[0].distance, 30, 1e-9);
    char buf[300];
    assert_string_equal(diagnose_text(&d.f[0], buf, sizeof buf),
                        "That is where the lower trigger point of medius refers pain.");
    /* A spillover zone is not a pattern's core: nothing. */
    assert_int_equal(diagnose_click(MODS, 4, &it, (Vec2){350, 840}, 0).n, 0);
    /* Inside both minimus' zone and other's smaller one: the deeper first
     * ((430,690) is 20 inside other's, 30 inside minimus'). */
    d = diagnose_click(MODS, 4, &it, (Vec2){430, 690}, 0);
    assert_int_equal(d.n, 2);
    assert_ptr_equal(d.f[0].module, &minimus);
    assert_ptr_equal(d.f[1].module, &other);
    assert_int_equal(d.f[1].kind, MISS_OTHER_ZONE);
    /* Near minimus' zone edge, deeper in other's. */
    d = diagnose_click(MODS, 4, &it, (Vec2){412, 690}, 0);
    assert_int_equal(d.n, 2);
    assert_ptr_equal(d.f[0].module, &minimus);
    assert_near(d.f[0].distance, 12, 1e-9);
    assert_near(d.f[1].distance, 2, 1e-9);
    /* Mirrored into this point's essential zone (220..280 x 600..660). */
    d = diagnose_click(MODS, 4, &it, (Vec2){250, 630}, 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.f[0].kind, MISS_WRONG_SIDE);
    assert_int_equal(d.f[0].patient_side, -1);
    /* Full credit in its own zone: nothing. */
    assert_int_equal(diagnose_click(MODS, 4, &it, (Vec2){350, 630}, 1).n, 0);
}

/* The shipped courses: a click on gluteus minimus' point when gluteus
 * medius' was asked names gluteus minimus; one on the extensor digitorum
 * point when extensor carpi radialis brevis' was asked names that point;
 * one mirrored across the midline on the front chart is the wrong side. */
static void test_shipped_courses(void **state)
{
    (void)state;
    Diag *dg = diag_create();
    Library *lib = library_load(SOURCE_ROOT "/courses", SOURCE_ROOT "/assets", dg);
    diag_free(dg);
    const Module *med = library_find_module(lib, "gluteus_medius");
    const Module *min = library_find_module(lib, "gluteus_minimus");
    assert_non_null(med);
    assert_non_null(min);

    int t3 = module_find_tp(med, "tp3"), ant = module_find_tp(min, "anterior");
    assert_true(t3 >= 0 && ant >= 0);
    Item it = item(ITEM_LOCATE_TP, med, t3, med->tps[t3].view);
    Vec2 c = min->tps[ant].at;
    MissDiagnosis d = diagnose_click_library(lib, &it, c, locate_credit(&it, c));
    assert_true(d.n >= 1);
    assert_int_equal(d.f[0].kind, MISS_OTHER_MUSCLE);
    assert_ptr_equal(d.f[0].module, min);
    assert_int_equal(d.f[0].tp, ant);
    char buf[300];
    diagnose_text(&d.f[0], buf, sizeof buf);
    assert_non_null(strstr(buf, "gluteus minimus"));

    /* Two points of one muscle on one close-up: the extensor carpi radialis
     * brevis point asked, the extensor digitorum point clicked. */
    const Module *ext = library_find_module(lib, "wrist_finger_extensors");
    assert_non_null(ext);
    int ecrb = module_find_tp(ext, "ecrb"), ed = module_find_tp(ext, "ed");
    assert_true(ecrb >= 0 && ed >= 0);
    it = item(ITEM_LOCATE_TP, ext, ecrb, ext->tps[ecrb].view);
    c = ext->tps[ed].at;
    d = diagnose_click_library(lib, &it, c, locate_credit(&it, c));
    assert_true(d.n >= 1);
    assert_int_equal(d.f[0].kind, MISS_SAME_MUSCLE);
    assert_int_equal(d.f[0].tp, ed);
    assert_true(strlen(diagnose_text(&d.f[0], buf, sizeof buf)) > 0);

    /* Rectus abdominis' periumbilical point on the abdomen close-up (both
     * sides, midline at x = 260), mirrored across the midline: the
     * patient's left. */
    const Module *ra = library_find_module(lib, "rectus_abdominis");
    assert_non_null(ra);
    int peri = module_find_tp(ra, "periumbilical");
    assert_true(peri >= 0);
    assert_string_equal(ra->tps[peri].view, "abdomen");
    it = item(ITEM_LOCATE_TP, ra, peri, "abdomen");
    c = (Vec2){520 - ra->tps[peri].at.x, ra->tps[peri].at.y};
    d = diagnose_click_library(lib, &it, c, locate_credit(&it, c));
    assert_true(d.n >= 1);
    assert_int_equal(d.f[0].kind, MISS_WRONG_SIDE);
    assert_int_equal(d.f[0].patient_side, -1);

    /* Every shipped point on a two-sided chart, clicked on its mirror
     * image, is diagnosed as the wrong side first (unless its circle
     * reaches the midline). */
    int checked = 0;
    for (int i = 0; i < library_module_count(lib); i++) {
        const Module *m = library_module(lib, i);
        for (int t = 0; t < m->n_tps; t++) {
            double mid;
            if (!diagnose_view_midline(m->tps[t].view, &mid, NULL) || fabs(m->tps[t].at.x - mid) <= m->tps[t].radius)
                continue;
            it = item(ITEM_LOCATE_TP, m, t, m->tps[t].view);
            c = (Vec2){2 * mid - m->tps[t].at.x, m->tps[t].at.y};
            d = diagnose_click_library(lib, &it, c, locate_credit(&it, c));
            assert_true(d.n >= 1);
            assert_int_equal(d.f[0].kind, MISS_WRONG_SIDE);
            checked++;
        }
    }
    assert_true(checked > 20);

    /* Zone clicks: the centroid of another point's essential zone, when it
     * lies in that zone and outside every zone of the point asked, names
     * that point (among the first 8 findings when fewer overlap there). */
    int named = 0;
    for (int i = 0; i < library_module_count(lib); i++) {
        const Module *m = library_module(lib, i);
        for (int t = 0; t < m->n_tps; t++) {
            const char *view = NULL;
            for (int z = 0; z < m->n_zones && !view; z++)
                if (m->zones[z].tp == t && m->zones[z].kind == ZONE_ESSENTIAL)
                    view = m->zones[z].view;
            if (!view)
                continue;
            it = item(ITEM_ZONE_CLICK, m, t, view);
            for (int j = 0; j < library_module_count(lib); j++) {
                const Module *o = library_module(lib, j);
                for (int z = 0; z < o->n_zones; z++) {
                    const Zone *zn = &o->zones[z];
                    if (zn->kind != ZONE_ESSENTIAL || zn->tp < 0 || strcmp(zn->view, view) || (o == m && zn->tp == t))
                        continue;
                    c = geom_polygon_centroid(zn->poly.pts, zn->poly.n);
                    if (!geom_point_in_polygon(c, zn->poly.pts, zn->poly.n))
                        continue;
                    ZoneClickResult zr = grade_zone_click(c, m, t, view);
                    if (zr.zone >= 0)
                        continue;
                    d = diagnose_click_library(lib, &it, c, zr.credit);
                    if (d.n >= DIAGNOSE_MAX_FINDINGS)
                        continue;
                    bool found = false;
                    for (int k = 0; k < d.n; k++)
                        found = found || (d.f[k].kind == MISS_OTHER_ZONE && d.f[k].module == o && d.f[k].tp == zn->tp);
                    assert_true(found);
                    named++;
                }
            }
        }
    }
    assert_true(named > 100);
    library_free(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrong_side_back),
        cmocka_unit_test(test_wrong_side_front_is_mirrored),
        cmocka_unit_test(test_no_wrong_side_near_midline_or_without_one),
        cmocka_unit_test(test_same_muscle_point),
        cmocka_unit_test(test_other_muscles_nearest_first),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_nothing_to_diagnose),
        cmocka_unit_test(test_reverse_item),
        cmocka_unit_test(test_zone_click),
        cmocka_unit_test(test_shipped_courses),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
