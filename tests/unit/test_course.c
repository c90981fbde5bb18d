/* Unit tests for course: the good test library read in full, then bad
 * modules and courses written into a temporary tree, each checked for its
 * exact messages and for what is kept of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "course.h"
#include "fingerprint.h"
#include "geometry.h"
#include "support.h"

#define GOOD TEST_DATA_DIR "/good"

/* A chart whose body outline is the whole picture: the modules of these
 * tests may put points anywhere inside the viewBox. */
static const char CHART[] = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 1400'>\n"
                            "<path d='M0 0 L600 1400'/>\n"
                            "<path id='tpquiz-body' fill='none' stroke='none' "
                            "d='M0,0 L600,0 L600,1400 L0,1400 Z'/>\n</svg>\n";

static int setup(void **state)
{
    (void)state;
    if (!tmp_create("tpquiz-course"))
        return -1;
    put("assets/anatomy/front.svg", CHART);
    put("assets/anatomy/back.svg", CHART);
    put("assets/anatomy/side.svg", "<svg viewBox='0 0 400 1400'>\n<text>Side</text>\n</svg>\n");
    put("assets/anatomy/head.svg", "<svg width='10'/>\n");
    return 0;
}

/* ------------------------------------------------------------------ */

static void test_good_library(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_load(GOOD "/courses", GOOD "/assets", d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    assert_int_equal(library_course_count(lib), 1);
    assert_int_equal(library_module_count(lib), 2);

    const Course *c = library_course(lib, 0);
    assert_ptr_equal(c, library_find_course(lib, "basics"));
    assert_null(library_find_course(lib, "advanced"));
    assert_null(library_course(lib, 1));
    assert_string_equal(c->id, "basics");
    assert_string_equal(c->path, GOOD "/courses/basics/course.ini");
    assert_string_equal(c->title, "Basics");
    assert_string_equal(c->description,
                        "Two muscles, to test the loader: one of the neck and one of the hip.");
    assert_int_equal(c->n_modules, 2);
    assert_string_equal(c->module_ids[0], "neck_one");
    assert_string_equal(c->module_ids[1], "hip_two");
    assert_ptr_equal(c->modules[0], library_find_module(lib, "neck_one"));
    assert_ptr_equal(c->modules[1], library_find_module(lib, "hip_two"));
    assert_int_equal(c->module_pass_mark, 80);
    assert_int_equal(c->exam.time_limit_min, 30);
    assert_int_equal(c->exam.questions, 12);
    assert_int_equal(c->exam.pass_mark, 75);
    assert_int_equal(c->exam.attempts, 0);
    assert_int_equal(c->exam.wait_hours, 24);
    assert_false(c->exam.show_answers);

    const Module *m = library_find_module(lib, "neck_one");
    assert_string_equal(m->id, "neck_one");
    assert_string_equal(m->path, GOOD "/courses/muscles/neck_one.ini");
    assert_string_equal(m->name, "Neck One");
    assert_string_equal(m->group, "neck");
    assert_int_equal(m->n_pain_regions, 4);
    assert_string_equal(m->pain_regions[0], "neck");
    assert_string_equal(m->pain_regions[1], "head");
    assert_string_equal(m->pain_regions[2], "temple");
    assert_string_equal(m->pain_regions[3], "shoulder");
    assert_string_equal(m->attachments, "From the back of the skull to the outer third of the collar bone.");
    assert_string_equal(m->causes, "Many things:\n- long hours at a desk\n- a heavy bag on one shoulder");
    assert_string_equal(m->self_care, "Stretch: ear to the other shoulder.");

    assert_int_equal(m->n_tps, 2);
    const TriggerPoint *tp = &m->tps[0];
    assert_string_equal(tp->id, "upper");
    assert_string_equal(tp->view, "front");
    assert_true(tp->at.x == 255.5 && tp->at.y == 180);
    assert_true(tp->radius == 12);
    assert_true(tp->primary);
    assert_string_equal(tp->label, "Upper fibres");
    assert_string_equal(tp->location, "On the upper border, midway between neck and shoulder");
    assert_int_equal(tp->line, 20);
    assert_false(m->tps[1].primary);
    assert_true(m->tps[1].at.x == 310 && m->tps[1].at.y == 400);
    assert_int_equal(module_find_tp(m, "lower"), 1);
    assert_int_equal(module_find_tp(m, "nope"), -1);

    assert_int_equal(m->n_zones, 3);
    const Zone *z = &m->zones[0];
    assert_string_equal(z->id, "upper_head");
    assert_string_equal(z->view, "front");
    assert_string_equal(z->tp_id, "upper");
    assert_int_equal(z->tp, 0);
    assert_int_equal(z->kind, ZONE_ESSENTIAL);
    assert_int_equal(z->poly.n, 5);
    assert_true(z->poly.pts[3].x == 270 && z->poly.pts[3].y == 170);
    assert_int_equal(m->zones[1].kind, ZONE_SPILLOVER);
    assert_int_equal(m->zones[2].tp, 1);
    assert_int_equal(m->zones[2].poly.n, 3);

    assert_int_equal(m->n_questions, 2);
    const Question *q = &m->questions[0];
    assert_string_equal(q->id, "headache");
    assert_int_equal(q->type, QUESTION_CHOICE);
    assert_string_equal(q->prompt, "Where does the upper point send its pain?");
    assert_int_equal(q->n_correct, 1);
    assert_string_equal(q->correct[0], "The temple");
    assert_int_equal(q->n_wrong, 3);
    assert_string_equal(q->wrong[2], "The lower back");
    q = &m->questions[1];
    assert_int_equal(q->type, QUESTION_MULTI);
    assert_int_equal(q->n_correct, 2);
    assert_string_equal(q->correct[1], "Turns the head");

    assert_int_equal(library_view_count(lib), 2);
    const View *v = library_find_view(lib, "back");
    assert_non_null(v);
    assert_true(v->ok);
    assert_string_equal(v->path, GOOD "/assets/anatomy/back.svg");
    assert_true(v->viewbox.w == 600 && v->viewbox.h == 1400);
    assert_null(library_find_view(lib, "side"));
    assert_ptr_equal(library_view(lib, 0), library_find_view(lib, "front"));

    char buf[512];
    assert_string_equal(library_overlay_path(lib, "neck_one", "back", buf, (int)sizeof buf),
                        GOOD "/assets/anatomy/muscles/neck_one.back.svg");
    library_free(lib);
    diag_free(d);
}

static void test_vocabularies(void **state)
{
    (void)state;
    int n = 0;
    while (PAIN_REGIONS[n].id)
        n++;
    assert_int_equal(n, 37);
    assert_null(PAIN_REGIONS[n].name);
    n = 0;
    while (MUSCLE_GROUPS[n].id)
        n++;
    assert_int_equal(n, 14);
    assert_string_equal(named_id_name(PAIN_REGIONS, "thigh_front"), "Front of the thigh");
    assert_string_equal(named_id_name(MUSCLE_GROUPS, "leg"), "Lower leg");
    assert_null(named_id_name(MUSCLE_GROUPS, "thigh_front"));
    assert_null(named_id_name(PAIN_REGIONS, NULL));
    assert_null(named_id_name(NULL, "head"));
}

static const char MODULE_HEAD[] = "[muscle]\n"
                                  "id = ID\n"
                                  "name = Test\n"
                                  "group = hip\n"
                                  "pain_regions = hip\n"
                                  "attachments = a\n"
                                  "action = b\n"
                                  "causes = c\n"
                                  "symptoms = d\n"
                                  "differential = e\n"
                                  "treatment = f\n"
                                  "self_care = g\n"; /* 12 lines */

/* Writes muscles/<id>.ini with MODULE_HEAD + body (and an overlay for the
 * front view) and loads it into a fresh library. */
static const Module *load_module(Library **lib, Diag *d, const char *id, const char *body)
{
    char rel[128], text[8192], overlay[128];
    snprintf(rel, sizeof rel, "courses/muscles/%s.ini", id);
    const char *at = strstr(MODULE_HEAD, "ID");
    snprintf(text, sizeof text, "%.*s%s%s%s", (int)(at - MODULE_HEAD), MODULE_HEAD, id, at + 2, body);
    put(rel, text);
    snprintf(overlay, sizeof overlay, "assets/anatomy/muscles/%s.front.svg", id);
    put(overlay, CHART);
    char courses[256], assets[256];
    snprintf(courses, sizeof courses, "%s/courses", tmp_dir());
    snprintf(assets, sizeof assets, "%s/assets", tmp_dir());
    *lib = library_create(courses, assets);
    return library_load_module_file(*lib, tmp_path(rel), d);
}

static const char TP[] = "[tp.a]\n" /* line 13 */
                         "view = front\n"
                         "at = 100, 100\n"
                         "radius = 10\n"
                         "primary = yes\n"
                         "label = A\n"
                         "location = Here\n"; /* line 19 */

static void test_many_errors_one_file(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    char body[4096];
    snprintf(body, sizeof body,
             "%s"
             "[tp.b]\n" /* 20 */
             "view = front\n"
             "at = 100, 2000\n" /* 22: outside */
             "radius = 0\n"     /* 23: not above 0 */
             "label = B\n"
             "location = There\n"
             "[zone.za]\n" /* 26 */
             "view = front\n"
             "tp = b\n" /* b has errors: the zone goes quietly */
             "kind = essential\n"
             "poly = 1,1 10,1 10,10\n"
             "[zone.zb]\n" /* 31 */
             "view = front\n"
             "tp = a\n"
             "kind = spillover\n"
             "poly = 10,10 100,10\n"
             "  700,50\n"         /* 36: outside */
             "  100,100 -5,100\n" /* 37: outside */
             "[zone.zc]\n"        /* 38 */
             "view = front\n"
             "tp = a\n"
             "kind = essential\n"
             "poly = 0,0 10,0\n"
             "  0,10\n"
             "  10,10\n"      /* 44: closes a bow tie */
             "[question.q]\n" /* 45 */
             "type = multi\n"
             "prompt = P\n"
             "correct =\n"
             "  One\n"
             "  Two\n"
             "wrong = X\n"
             "  Y\n"
             "explain = E\n"
             "[zone.ok]\n" /* 54 */
             "view = front\n"
             "tp = a\n"
             "kind = essential\n"
             "poly = 1,1 50,1 50,50\n",
             TP);
    const Module *m = load_module(&lib, d, "many", body);
    assert_non_null(m);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/many.ini:22: error: at 100,2000 is outside view "
                        "'front' (viewBox 0 0 600 1400)\n"
                        "T/courses/muscles/many.ini:23: error: radius must be a number from 0.5 to 150 (a "
                        "quarter of the chart's smaller side), not '0'\n"
                        "T/courses/muscles/many.ini:36: error: poly point 3 700,50 is outside "
                        "view 'front' (viewBox 0 0 600 1400)\n"
                        "T/courses/muscles/many.ini:37: error: poly point 5 -5,100 is outside "
                        "view 'front' (viewBox 0 0 600 1400)\n"
                        "T/courses/muscles/many.ini:44: error: poly crosses itself: the edge from "
                        "point 4 to point 1 meets the edge from point 2 to point 3\n");
    /* What is kept: tp a, zone ok, question q. */
    assert_int_equal(m->n_tps, 1);
    assert_string_equal(m->tps[0].id, "a");
    assert_int_equal(m->n_zones, 1);
    assert_string_equal(m->zones[0].id, "ok");
    assert_int_equal(m->zones[0].tp, 0);
    assert_int_equal(m->n_questions, 1);
    assert_int_equal(m->questions[0].n_correct, 2);
    assert_string_equal(m->questions[0].correct[0], "One");

    /* Loading the same module again returns it, without new messages. */
    int before = diag_count(d);
    assert_ptr_equal(library_load_module_file(lib, m->path, d), m);
    assert_int_equal(diag_count(d), before);
    library_free(lib);
    diag_free(d);
}

static void test_missing_and_empty_keys(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    const Module *m = load_module(&lib, d, "missing",
                                  "[tp.a]\n" /* 13 */
                                  "view = front\n"
                                  "at = 1, 1\n"
                                  "primary = yes\n"
                                  "label =\n"      /* 17 */
                                  "[question.q]\n" /* 18 */
                                  "type = choice\n"
                                  "prompt = P\n"
                                  "wrong = A\n"
                                  "  B\n"
                                  "explain = E\n");
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/missing.ini:13: error: missing key "
                        "'radius' in [tp.a]\n"
                        "T/courses/muscles/missing.ini:13: error: missing key "
                        "'location' in [tp.a]\n"
                        "T/courses/muscles/missing.ini:17: error: 'label' is "
                        "empty\n"
                        "T/courses/muscles/missing.ini:18: error: missing key "
                        "'correct' in [question.q]\n");
    assert_int_equal(m->n_tps, 0);
    assert_int_equal(m->n_questions, 0);
    library_free(lib);
    diag_free(d);
}

/* deep_views: the shipped rectus abdominis is seen through the body on the
 * back chart and its low back close-up only; a module without the key has no
 * deep view. */
static void test_deep_views(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_create(SOURCE_ROOT "/courses", SOURCE_ROOT "/assets");
    const Module *m = library_load_module_file(lib, SOURCE_ROOT "/courses/muscles/rectus_abdominis.ini", d);
    assert_non_null(m);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(m->n_deep_views, 2);
    assert_true(module_view_is_deep(m, "back"));
    assert_true(module_view_is_deep(m, "low_back"));
    assert_false(module_view_is_deep(m, "front"));
    assert_false(module_view_is_deep(m, "abdomen"));
    assert_false(module_view_is_deep(m, NULL));
    const Module *g = library_load_module_file(lib, SOURCE_ROOT "/courses/muscles/gluteus_maximus.ini", d);
    assert_non_null(g);
    assert_int_equal(g->n_deep_views, 0);
    assert_false(module_view_is_deep(g, "back"));
    library_free(lib);
    diag_free(d);
}

static void test_missing_overlay_is_a_warning(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    const Module *m = load_module(&lib, d, "overlay",
                                  "[tp.a]\nview = back\nat = 1,1\nradius = 5\nprimary = yes\n"
                                  "label = A\nlocation = L\n"
                                  "[tp.b]\nview = front\nat = 1,1\nradius = 5\n"
                                  "label = B\nlocation = L\n"
                                  "[zone.z]\nview = back\ntp = b\nkind = essential\n"
                                  "poly = 1,1 5,1 5,5\n");
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/overlay.ini:14: warning: no muscle "
                        "overlay for view 'back': "
                        "T/assets/anatomy/muscles/overlay.back.svg does not exist\n");
    assert_int_equal(diag_error_count(d), 0);
    assert_int_equal(m->n_zones, 1);
    assert_int_equal(m->zones[0].tp, 1);
    library_free(lib);

    /* An overlay whose viewBox is not its view's is an error on the overlay. */
    diag_free(d);
    d = diag_create();
    put("assets/anatomy/muscles/overlay.back.svg", "<svg viewBox='0 0 600 1399'/>");
    load_module(&lib, d, "overlay",
                "[tp.a]\nview = back\nat = 1,1\nradius = 5\nprimary = yes\n"
                "label = A\nlocation = L\n");
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/assets/anatomy/muscles/overlay.back.svg: error: viewBox 0 0 600 1399 "
                        "differs from its view's (T/assets/anatomy/back.svg: 0 0 600 1400)\n");
    library_free(lib);
    diag_free(d);
}

static void test_views(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    /* side.svg has a <text>: reported once, on the chart, and the view is
     * still usable. head.svg has no viewBox: reported on the chart; the
     * trigger point on it is dropped without a second message. */
    const Module *m = load_module(&lib, d, "views",
                                  "[tp.a]\nview = side\nat = 1,1\nradius = 5\nprimary = yes\n"
                                  "label = A\nlocation = L\n"
                                  "[tp.b]\nview = side\nat = 500,1\nradius = 5\n"
                                  "label = B\nlocation = L\n"
                                  "[tp.c]\nview = head\nat = 1,1\nradius = 5\n"
                                  "label = C\nlocation = L\n"
                                  "[tp.d]\nview = Front\nat = 1,1\nradius = 5\n"
                                  "label = D\nlocation = L\n"
                                  "[tp.e]\nview = nowhere\nat = 1,1\nradius = 5\n"
                                  "label = E\nlocation = L\n");
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/assets/anatomy/head.svg:1: error: the <svg> element has no viewBox\n"
                        "T/assets/anatomy/side.svg: error: no body outline (<path "
                        "id=\"tpquiz-body\">): trigger points and zones on view 'side' are not "
                        "checked against the body\n"
                        "T/assets/anatomy/side.svg:2: error: <text> is not drawn by the chart "
                        "renderer (nanosvg): leave labels to the program\n"
                        "T/courses/muscles/views.ini:14: warning: no muscle overlay for view "
                        "'side': T/assets/anatomy/muscles/views.side.svg does not exist\n"
                        "T/courses/muscles/views.ini:22: error: at 500,1 is outside view 'side' "
                        "(viewBox 0 0 400 1400)\n"
                        "T/courses/muscles/views.ini:33: error: bad view name 'Front': use "
                        "lowercase letters, digits, '_' and '-'\n"
                        "T/courses/muscles/views.ini:39: error: view 'nowhere' has no chart: "
                        "T/assets/anatomy/nowhere.svg does not exist\n");
    assert_int_equal(m->n_tps, 1);
    assert_int_equal(library_view_count(lib), 3);
    assert_true(library_find_view(lib, "side")->ok);
    assert_false(library_find_view(lib, "head")->ok);
    assert_false(library_find_view(lib, "nowhere")->ok);
    library_free(lib);
    diag_free(d);
}

/* Trigger points and zone points must lie on the body the chart draws: its
 * <path id="tpquiz-body"> outline (any of its pieces), give or take 3 units. */
static void test_on_body(void **state)
{
    (void)state;
    put("assets/anatomy/body.svg",
        "<svg viewBox='0 0 600 700'>\n"
        "<path id='tpquiz-body' fill='none' stroke='none'\n"
        " d='M100,100 L300,100 L300,600 L100,600 Z M400,100 L500,100 L500,200 Z'/>\n</svg>\n");
    put("assets/anatomy/muscles/onbody.body.svg", "<svg viewBox='0 0 600 700'/>\n");
    Diag *d = diag_create();
    Library *lib;
    const Module *m = load_module(&lib, d, "onbody",
                                  "[tp.in]\nview = body\nat = 200, 300\nradius = 5\nprimary = yes\n"
                                  "label = A\nlocation = L\n"              /* lines 13-19 */
                                  "[tp.edge]\nview = body\nat = 302.5, 300\nradius = 5\n"
                                  "label = B\nlocation = L\n"              /* 20-25 */
                                  "[tp.piece]\nview = body\nat = 480, 150\nradius = 5\n"
                                  "label = C\nlocation = L\n"              /* 26-31 */
                                  "[tp.gap]\nview = body\nat = 350, 300\nradius = 5\n"
                                  "label = D\nlocation = L\n"              /* 32-37 */
                                  "[tp.corner]\nview = body\nat = 97, 97\nradius = 5\n"
                                  "label = E\nlocation = L\n"              /* 38-43 */
                                  "[zone.on]\nview = body\ntp = in\nkind = essential\n"
                                  "poly = 110,110 290,110 290,590\n"        /* 44-48 */
                                  "[zone.off]\nview = body\ntp = in\nkind = spillover\n"
                                  "poly = 110,110 290,110\n  320,300\n  290,590\n"); /* 49-55 */
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/onbody.ini:34: error: at 350,300 is off the body in view 'body'\n"
                        "T/courses/muscles/onbody.ini:40: error: at 97,97 is off the body in view 'body'\n"
                        "T/courses/muscles/onbody.ini:54: error: poly point 3 320,300 is off the body "
                        "in view 'body'\n");
    /* The points off the body are left out, like any point with an error. */
    assert_int_equal(m->n_tps, 3);
    assert_int_equal(module_find_tp(m, "gap"), -1);
    assert_int_equal(m->n_zones, 1);
    assert_string_equal(m->zones[0].id, "on");
    library_free(lib);
    diag_free(d);

    /* A chart without an outline: a warning on the chart, nothing checked. */
    put("assets/anatomy/bare.svg", "<svg viewBox='0 0 600 700'/>\n");
    put("assets/anatomy/muscles/bare.bare.svg", "<svg viewBox='0 0 600 700'/>\n");
    d = diag_create();
    m = load_module(&lib, d, "bare",
                    "[tp.a]\nview = bare\nat = 1, 1\nradius = 5\nprimary = yes\n"
                    "label = A\nlocation = L\n");
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/assets/anatomy/bare.svg: error: no body outline (<path "
                        "id=\"tpquiz-body\">): trigger points and zones on view 'bare' "
                        "are not checked against the body\n");
    assert_int_equal(m->n_tps, 1);
    library_free(lib);
    diag_free(d);

    /* A broken outline: an error on the chart, and nothing checked. */
    put("assets/anatomy/broken.svg", "<svg viewBox='0 0 600 700'>\n<path id='tpquiz-body' d='M1,1 C2,2'/></svg>\n");
    put("assets/anatomy/muscles/broken.broken.svg", "<svg viewBox='0 0 600 700'/>\n");
    d = diag_create();
    m = load_module(&lib, d, "broken",
                    "[tp.a]\nview = broken\nat = 1, 1\nradius = 5\nprimary = yes\n"
                    "label = A\nlocation = L\n");
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/assets/anatomy/broken.svg:2: error: bad body outline "
                        "(id=\"tpquiz-body\"): command 'C' is not allowed: use absolute "
                        "M, L and Z with x,y pairs\n");
    assert_int_equal(m->n_tps, 1);
    library_free(lib);
    diag_free(d);
}

static void test_crlf_bom_module(void **state)
{
    (void)state;
    /* The good module with a BOM and CRLF line ends reads the same. */
    char *text = NULL;
    size_t len = 0;
    FILE *in = fopen(GOOD "/courses/muscles/neck_one.ini", "r");
    assert_non_null(in);
    FILE *out = open_memstream(&text, &len);
    fputs("\xEF\xBB\xBF", out);
    for (int c; (c = fgetc(in)) != EOF;) {
        if (c == '\n')
            fputc('\r', out);
        fputc(c, out);
    }
    fclose(in);
    fclose(out);
    put("crlf/muscles/neck_one.ini", text);
    free(text);

    Diag *d = diag_create();
    char courses[256];
    snprintf(courses, sizeof courses, "%s/crlf", tmp_dir());
    Library *lib = library_create(courses, GOOD "/assets");
    const Module *m = library_load_module_file(lib, tmp_path("crlf/muscles/neck_one.ini"), d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    assert_string_equal(m->causes, "Many things:\n- long hours at a desk\n- a heavy bag on one shoulder");
    assert_int_equal(m->n_tps, 2);
    assert_int_equal(m->tps[0].line, 20);
    assert_int_equal(m->n_zones, 3);
    assert_int_equal(m->n_questions, 2);
    assert_string_equal(m->questions[0].wrong[1], "The knee");
    library_free(lib);
    diag_free(d);
}

static void test_module_file_problems(void **state)
{
    (void)state;
    Diag *d = diag_create();
    char courses[256], assets[256];
    snprintf(courses, sizeof courses, "%s/courses", tmp_dir());
    snprintf(assets, sizeof assets, "%s/assets", tmp_dir());
    Library *lib = library_create(courses, assets);
    assert_null(library_load_module_file(lib, tmp_path("courses/muscles/absent.ini"), d));
    put("courses/muscles/Bad-Name.ini", "");
    const Module *m = library_load_module_file(lib, tmp_path("courses/muscles/Bad-Name.ini"), d);
    assert_non_null(m);
    assert_string_equal(m->name, "");
    assert_non_null(m->group);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/Bad-Name.ini: error: the file name is not a module "
                        "id: use lowercase letters, digits and '_'\n"
                        "T/courses/muscles/Bad-Name.ini: error: no [muscle] section\n"
                        "T/courses/muscles/Bad-Name.ini: error: no trigger points: a module needs "
                        "at least one [tp.<id>]\n"
                        "T/courses/muscles/absent.ini: error: cannot read: No such file or "
                        "directory\n");
    library_free(lib);
    diag_free(d);
}

static void test_sections_and_ids(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    char body[2048];
    snprintf(body, sizeof body,
             "%s"
             "[tp.Bad]\n"     /* 20 */
             "[zone.]\n"      /* 21 */
             "[muscle]\n"     /* 22 */
             "[tpx.y]\n"      /* 23 */
             "[musle]\n"      /* 24 */
             "[whatever]\n"   /* 25 */
             "[question.q]\n" /* 26 */
             "type = choice\nprompt = P\ncorrect = B\nwrong = B\n  C\n  B\nexplain = E\n"
             "extra = 1\n", /* 34 */
             TP);
    const Module *m = load_module(&lib, d, "ids", body);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/ids.ini:20: error: bad trigger point id 'Bad': use "
                        "lowercase letters, digits and '_'\n"
                        "T/courses/muscles/ids.ini:21: error: bad zone id '': use lowercase "
                        "letters, digits and '_'\n"
                        "T/courses/muscles/ids.ini:22: error: [muscle] appears twice (first on "
                        "line 1); this one is ignored\n"
                        "T/courses/muscles/ids.ini:23: error: unknown section [tpx.y] (did you "
                        "mean [tp.y]?)\n"
                        "T/courses/muscles/ids.ini:24: error: unknown section [musle] (did you "
                        "mean [muscle]?)\n"
                        "T/courses/muscles/ids.ini:25: error: unknown section [whatever] (a "
                        "module has [muscle], [tp.<id>], [zone.<id>], [question.<id>] and [selfcare])\n"
                        "T/courses/muscles/ids.ini:30: error: 'B' is both a correct and a wrong "
                        "option\n"
                        "T/courses/muscles/ids.ini:32: error: 'B' is both a correct and a wrong "
                        "option\n"
                        "T/courses/muscles/ids.ini:34: error: unknown key 'extra' in "
                        "[question.q]\n");
    (void)m;
    library_free(lib);
    diag_free(d);
}

static void test_muscle_values(void **state)
{
    (void)state;
    Diag *d = diag_create();
    put("courses/muscles/vals.ini", "[muscle]\n"
                                    "id = vals\n"
                                    "name = V\n"
                                    "group = neck\n"
                                    "  more\n"                        /* 5 */
                                    "pain_regions = neck,, low_bak\n" /* 6 */
                                    "  , Knee\n"                      /* 7 */
                                    "attachments = a\n"
                                    "action = b\n"
                                    "causes = c\n"
                                    "symptoms = d\n"
                                    "differential = e\n"
                                    "treatment = f\n"
                                    "self_care = g\n"
                                    "self_care = h\n" /* 15 */
                                    "[tp.a]\n"
                                    "view = front\nat = 1,1\nradius = 5\nprimary = yes\n"
                                    "label = A\nlocation = L\n");
    put("assets/anatomy/muscles/vals.front.svg", CHART);
    char courses[256], assets[256];
    snprintf(courses, sizeof courses, "%s/courses", tmp_dir());
    snprintf(assets, sizeof assets, "%s/assets", tmp_dir());
    Library *lib = library_create(courses, assets);
    const Module *m = library_load_module_file(lib, tmp_path("courses/muscles/vals.ini"), d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/vals.ini:5: error: 'group' takes a single value on its "
                        "own line; this indented line cannot continue it\n"
                        "T/courses/muscles/vals.ini:6: error: unknown pain region 'low_bak' (did "
                        "you mean 'low_back'?)\n"
                        "T/courses/muscles/vals.ini:7: error: unknown pain region 'Knee' (did you "
                        "mean 'knee'?)\n"
                        "T/courses/muscles/vals.ini:15: error: 'self_care' is set twice in "
                        "[muscle] (first on line 14)\n");
    assert_string_equal(m->group, "neck");
    assert_int_equal(m->n_pain_regions, 1);
    assert_string_equal(m->self_care, "g");
    library_free(lib);
    diag_free(d);
}

/* A course's fingerprint is in every record graded against it: the bytes
 * hashed must never change for the same course, or every record would read
 * as graded by another version. Whole numbers (counts, kinds, most
 * coordinates), fractions and both outline kinds,
 * against the value the format gave when it was fixed. */
static void test_fingerprint_is_stable(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    const char *body = "[tp.a]\nview = front\nat = 300.25,299.5\nradius = 10\nprimary = yes\n"
                       "label = A\nlocation = L\n"
                       "[tp.b]\nview = front\nat = 120,340\nradius = 7.125\nprimary = no\n"
                       "label = B\nlocation = L\n"
                       "[zone.round]\nview = front\ntp = a\nkind = essential\noutline = smooth\n"
                       "poly = 200,200 400.5,200 400,400.75 200,400\n"
                       "[zone.square]\nview = front\ntp = b\nkind = spillover\n"
                       "poly = 200,500 400,500 400,700 200,700\n"
                       "[question.q]\ntype = choice\nprompt = Which?\ncorrect = Right\nwrong = One\n  Two\n"
                       "explain = Because.\n";
    const Module *m = load_module(&lib, d, "fp", body);
    assert_non_null(m);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    char *ids[] = {"fp"};
    const Module *mods[] = {m};
    Course c = {.id = "c", .module_ids = ids, .n_modules = 1, .modules = mods, .module_pass_mark = 80};
    c.exam.time_limit_min = 45;
    char fp[FINGERPRINT_HEX + 1];
    course_fingerprint(lib, &c, fp);
    assert_string_equal(fp, "170616bf06203eac045876aa7616da3a40f88ce38982437f68e1528ff2299bf6");
    library_free(lib);
    diag_free(d);
}

/* zone_outline = smooth: a zone is the curve through its points, sampled at
 * load into the polygon everything uses; outline = polygon keeps one zone
 * straight; the fingerprint tells them apart. */
static void test_smooth_zones(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib;
    const char *body = "[tp.a]\nview = front\nat = 300,300\nradius = 10\nprimary = yes\n"
                       "label = A\nlocation = L\n"
                       "[zone.round]\nview = front\ntp = a\nkind = essential\n"
                       "poly = 200,200 400,200 400,400 200,400\n"
                       "[zone.square]\nview = front\ntp = a\nkind = spillover\noutline = polygon\n"
                       "poly = 200,500 400,500 400,700 200,700\n"
                       "[zone.edge]\nview = front\ntp = a\nkind = spillover\n"
                       "poly = 0,900 200,900 200,1100 0,1100\n";
    char text[2048];
    snprintf(text, sizeof text, "zone_outline = smooth\n%s", body);
    const Module *m = load_module(&lib, d, "sm", text);
    assert_non_null(m);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    assert_int_equal(m->n_zones, 3);
    const Zone *round = &m->zones[0], *square = &m->zones[1], *edge = &m->zones[2];
    assert_int_equal(round->outline, ZONE_OUTLINE_SMOOTH);
    assert_int_equal(round->authored.n, 4);
    assert_int_equal(round->poly.n, 4 * ZONE_SMOOTH_SAMPLES);
    for (int i = 0; i < 4; i++) {
        Vec2 p = round->poly.pts[i * ZONE_SMOOTH_SAMPLES], q = round->authored.pts[i];
        assert_true(p.x == q.x && p.y == q.y);
    }
    /* The curve bulges past the straight side: a point just outside the
     * authored square is in the zone, as drawn. */
    assert_false(geom_point_in_polygon((Vec2){300, 196}, round->authored.pts, 4));
    assert_true(geom_point_in_polygon((Vec2){300, 196}, round->poly.pts, round->poly.n));
    assert_int_equal(square->outline, ZONE_OUTLINE_POLYGON);
    assert_int_equal(square->poly.n, 4);
    assert_ptr_equal(square->poly.pts, square->authored.pts);
    /* Cut at the chart's edge, not bulging out of the view. */
    for (int i = 0; i < edge->poly.n; i++)
        assert_true(edge->poly.pts[i].x >= 0);
    assert_false(geom_polygon_self_intersects(edge->poly.pts, edge->poly.n, NULL, NULL));

    /* The fingerprint: the outline kind counts; a polygon zone adds nothing. */
    char *ids[] = {"sm"};
    const Module *mods[] = {m};
    Course c = {.id = "c", .module_ids = ids, .n_modules = 1, .modules = mods};
    char fp_smooth[FINGERPRINT_HEX + 1], fp_again[FINGERPRINT_HEX + 1], fp_plain[FINGERPRINT_HEX + 1];
    course_fingerprint(lib, &c, fp_smooth);
    course_fingerprint(lib, &c, fp_again);
    assert_string_equal(fp_smooth, fp_again);
    Library *lib2;
    const Module *plain = load_module(&lib2, d, "sm", body);
    assert_int_equal(plain->n_zones, 3);
    assert_int_equal(plain->zones[0].outline, ZONE_OUTLINE_POLYGON);
    assert_int_equal(plain->zones[0].poly.n, 4);
    mods[0] = plain;
    course_fingerprint(lib2, &c, fp_plain);
    assert_string_not_equal(fp_smooth, fp_plain);
    library_free(lib2);
    library_free(lib);
    diag_free(d);
}

static const char COURSE[] = "[course]\n"
                             "id = ID\n"
                             "title = T\n"
                             "modules = one, two\n" /* 4 */
                             "  three\n"            /* 5 */
                             "module_pass_mark = 80\n"
                             "[exam]\n"
                             "time_limit = 60\n"
                             "questions = 10\n"
                             "pass_mark = 75\n"
                             "attempts = 3\n"
                             "wait_hours = 24\n"
                             "show_answers = yes\n";

static void test_course_modules(void **state)
{
    (void)state;
    Diag *d = diag_create();
    const char *tp = "[tp.a]\nview = front\nat = 1,1\nradius = 5\nprimary = yes\n"
                     "label = A\nlocation = L\n";
    Library *lib;
    load_module(&lib, d, "one", tp);
    library_free(lib);
    load_module(&lib, d, "three", tp);
    library_free(lib);
    put("courses/cx/course.ini", COURSE); /* id "ID" is not the folder's */
    char courses[256], assets[256];
    snprintf(courses, sizeof courses, "%s/courses", tmp_dir());
    snprintf(assets, sizeof assets, "%s/assets", tmp_dir());
    lib = library_create(courses, assets);
    const Course *c = library_load_course_file(lib, tmp_path("courses/cx/course.ini"), d);
    assert_non_null(c);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/cx/course.ini:2: error: course id 'ID' does "
                        "not match its folder name 'cx'\n"
                        "T/courses/cx/course.ini:4: error: module 'two' not found: "
                        "T/courses/muscles/two.ini does not exist\n");
    assert_string_equal(c->id, "cx");
    assert_int_equal(c->n_modules, 3);
    assert_string_equal(c->module_ids[1], "two");
    assert_non_null(c->modules[0]);
    assert_null(c->modules[1]);
    assert_non_null(c->modules[2]);
    assert_string_equal(c->modules[2]->id, "three");
    assert_true(c->exam.show_answers);
    /* The same course again is the same course. */
    assert_ptr_equal(library_load_course_file(lib, tmp_path("courses/cx/course.ini"), d), c);
    library_free(lib);
    diag_free(d);
}

static void test_course_file_problems(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_create(tmp_path("courses"), tmp_path("assets"));
    put("courses/nocourse/course.ini", "[exam]\ntime_limit = 5\n");
    assert_null(library_load_course_file(lib, tmp_path("courses/nocourse/course.ini"), d));
    assert_null(library_load_course_file(lib, tmp_path("courses/gone/course.ini"), d));
    put("courses/k/course.ini", "[course]\n"
                                "id = k\n"
                                "title = K\n"
                                "modules =\n" /* 4 */
                                "module_pass_mark = 0\n"
                                "[course]\n" /* 6 */
                                "[exam]\n"
                                "time_limit = 0\n"
                                "questions = 1.5\n"
                                "pass_mark = 101\n"
                                "attempts = -1\n"
                                "wait_hours = 8761\n"
                                "show_answers = perhaps\n"
                                "[extra]\n"); /* 14 */
    const Course *c = library_load_course_file(lib, tmp_path("courses/k/course.ini"), d);
    assert_non_null(c);
    assert_int_equal(c->n_modules, 0);
    assert_non_null(c->module_ids);
    assert_non_null(c->modules);
    assert_string_equal(c->description, "");
    assert_string_equal(
        diag_text(d, DIAG_TEXT_SORTED),
        "T/courses/gone/course.ini: error: cannot read: No such file or directory\n"
        "T/courses/k/course.ini:4: error: 'modules' is empty\n"
        "T/courses/k/course.ini:5: error: module_pass_mark must be a whole number from 1 to "
        "100, not '0'\n"
        "T/courses/k/course.ini:6: error: [course] appears twice (first on line 1); this one is "
        "ignored\n"
        "T/courses/k/course.ini:8: error: time_limit must be a whole number from 1 to 1440, not "
        "'0'\n"
        "T/courses/k/course.ini:9: error: questions must be a whole number from 1 to 1000, not "
        "'1.5'\n"
        "T/courses/k/course.ini:10: error: pass_mark must be a whole number from 1 to 100, not "
        "'101'\n"
        "T/courses/k/course.ini:11: error: attempts must be a whole number from 0 to 1000, not "
        "'-1'\n"
        "T/courses/k/course.ini:12: error: wait_hours must be a whole number from 0 to 8760, not "
        "'8761'\n"
        "T/courses/k/course.ini:13: error: show_answers must be yes or no, not 'perhaps'\n"
        "T/courses/k/course.ini:14: error: unknown section [extra] (a course has [course] and "
        "[exam])\n"
        "T/courses/nocourse/course.ini: error: no [course] section\n");
    library_free(lib);
    diag_free(d);
}

static void test_load_all(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_load(tmp_path("nothing-here"), tmp_path("assets"), d);
    assert_int_equal(library_course_count(lib), 0);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/nothing-here: error: cannot open the courses folder: No "
                        "such file or directory\n");
    library_free(lib);
    diag_free(d);

    /* Two courses sharing a module load it once; folders without a
     * course.ini are passed over. */
    const char *tp = "[tp.a]\nview = front\nat = 1,1\nradius = 5\nprimary = yes\n"
                     "label = A\nlocation = L\n";
    d = diag_create();
    load_module(&lib, d, "shared", tp);
    library_free(lib);
    char text[1024];
    snprintf(text, sizeof text,
             "[course]\nid = c1\ntitle = C\nmodules = shared\nmodule_pass_mark = 50\n"
             "[exam]\ntime_limit = 1\nquestions = 1\npass_mark = 1\nattempts = 0\n"
             "wait_hours = 0\nshow_answers = no\n");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/courses/empty'", tmp_dir());
    assert_int_equal(system(cmd), 0);
    put("courses/c1/course.ini", text);
    char *c2 = strstr(text, "c1");
    c2[1] = '2';
    put("courses/c2/course.ini", text);
    Diag *d2 = diag_create();
    lib = library_create(tmp_path("courses"), tmp_path("assets"));
    library_load_all(lib, d2);
    const Course *a = library_find_course(lib, "c1"), *b = library_find_course(lib, "c2");
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_equal(a->modules[0], b->modules[0]);
    assert_ptr_equal(a->modules[0], library_find_module(lib, "shared"));
    /* Without order keys: by folder name. */
    assert_ptr_equal(library_course(lib, 0), a);
    assert_int_equal(a->order, COURSE_ORDER_NONE);
    library_free(lib);
    diag_free(d2);

    /* An order key lists c2 first; c0, without one, comes after it though
     * its folder name sorts first. */
    char *mark = strstr(text, "module_pass_mark = 50\n") + strlen("module_pass_mark = 50\n");
    char ordered[1100];
    snprintf(ordered, sizeof ordered, "%.*sorder = 1\n%s", (int)(mark - text), text, mark);
    put("courses/c2/course.ini", ordered);
    c2[1] = '0';
    put("courses/c0/course.ini", text);
    d2 = diag_create();
    lib = library_create(tmp_path("courses"), tmp_path("assets"));
    library_load_all(lib, d2);
    /* No error about the order keys (the test module has no chart: other
     * errors; and the folders without course.ini name "disorders"). */
    assert_null(strstr(diag_text(d2, DIAG_TEXT_SORTED), "error: order"));
    /* (cx and k: folders earlier tests left, without order keys) */
    assert_int_equal(library_course_count(lib), 5);
    assert_string_equal(library_course(lib, 0)->id, "c2");
    assert_int_equal(library_course(lib, 0)->order, 1);
    assert_string_equal(library_course(lib, 1)->id, "c0");
    assert_string_equal(library_course(lib, 2)->id, "c1");
    assert_string_equal(library_course(lib, 3)->id, "cx");
    library_free(lib);
    diag_free(d2);
    diag_free(d);
}

static bool stop_after(void *ctx)
{
    int *left = ctx;
    return (*left)-- > 0;
}

/* The progress callback is asked before every course and module file;
 * once it says stop, nothing more is read and what loaded stays usable. */
static void test_progress_can_stop_loading(void **state)
{
    (void)state;
    Diag *d = diag_create();
    int calls = 1000;
    Library *lib = library_create(GOOD "/courses", GOOD "/assets");
    library_set_progress(lib, stop_after, &calls);
    library_load_all(lib, d);
    assert_false(library_stopped(lib));
    assert_int_equal(1000 - calls, 3); /* one course, two modules */
    assert_int_equal(library_module_count(lib), 2);
    library_free(lib);

    calls = 2; /* the course and its first module */
    lib = library_create(GOOD "/courses", GOOD "/assets");
    library_set_progress(lib, stop_after, &calls);
    library_load_all(lib, d);
    assert_true(library_stopped(lib));
    assert_int_equal(library_module_count(lib), 1);
    assert_non_null(library_find_module(lib, "neck_one"));
    assert_null(library_find_module(lib, "hip_two"));
    /* Nothing more is read afterwards, and no error is made up for it. */
    assert_null(library_load_module_file(lib, GOOD "/courses/muscles/hip_two.ini", d));
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    library_free(lib);

    calls = 0;
    lib = library_create(GOOD "/courses", GOOD "/assets");
    library_set_progress(lib, stop_after, &calls);
    library_load_all(lib, d);
    assert_int_equal(library_course_count(lib), 0);
    library_free(lib);
    diag_free(d);
}

/* A module, chart or overlay reached through a symbolic link that leads
 * out of the courses or assets folder is not read; the overlay a module
 * may draw is only one that passed the checks. */
/* Loads courses/muscles/linked.ini into a fresh library (free it) with a
 * fresh Diag in *d. */
static const Module *load_linked(Library **lib, Diag **d)
{
    diag_free(*d);
    *d = diag_create();
    *lib = library_create(tmp_path("courses"), tmp_path("assets"));
    return library_load_module_file(*lib, tmp_path("courses/muscles/linked.ini"), *d);
}

static void test_links_out_of_the_tree(void **state)
{
    (void)state;
    const char *tp = "[tp.a]\nview = front\nat = 1,1\nradius = 5\nprimary = yes\n"
                     "label = A\nlocation = L\n";
    Diag *d = diag_create();
    Library *lib;
    const Module *m = load_module(&lib, d, "linked", tp);
    assert_non_null(m);
    assert_string_equal(module_overlay(m, "front"), tmp_path("assets/anatomy/muscles/linked.front.svg"));
    assert_null(module_overlay(m, "back"));
    library_free(lib);

    /* The module file moved out and linked back in. */
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "mv '%1$s/courses/muscles/linked.ini' '%1$s/outside.ini' && "
             "ln -s '%1$s/outside.ini' '%1$s/courses/muscles/linked.ini'",
             tmp_dir());
    assert_int_equal(system(cmd), 0);
    assert_null(load_linked(&lib, &d));
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/muscles/linked.ini: error: not read: a symbolic link out of "
                        "the courses folder (to T/outside.ini)\n");
    library_free(lib);
    /* A link that stays inside the folder is read. */
    snprintf(cmd, sizeof cmd,
             "rm '%1$s/courses/muscles/linked.ini' && mkdir -p '%1$s/courses/muscles/sub' && "
             "mv '%1$s/outside.ini' '%1$s/courses/muscles/sub/linked.ini' && "
             "ln -s sub/linked.ini '%1$s/courses/muscles/linked.ini'",
             tmp_dir());
    assert_int_equal(system(cmd), 0);
    m = load_linked(&lib, &d);
    assert_non_null(m);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    library_free(lib);

    /* The overlay linked from outside: an error, and not drawn. */
    snprintf(cmd, sizeof cmd,
             "mv '%1$s/assets/anatomy/muscles/linked.front.svg' '%1$s/overlay.svg' && "
             "ln -s '%1$s/overlay.svg' '%1$s/assets/anatomy/muscles/linked.front.svg'",
             tmp_dir());
    assert_int_equal(system(cmd), 0);
    m = load_linked(&lib, &d);
    assert_non_null(m);
    assert_null(module_overlay(m, "front"));
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/assets/anatomy/muscles/linked.front.svg: error: not read: a symbolic "
                        "link out of the assets folder (to T/overlay.svg)\n");
    library_free(lib);
    snprintf(cmd, sizeof cmd,
             "rm -rf '%1$s/courses/muscles/linked.ini' '%1$s/courses/muscles/sub' "
             "'%1$s/assets/anatomy/muscles/linked.front.svg' '%1$s/overlay.svg'",
             tmp_dir());
    assert_int_equal(system(cmd), 0);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_library),
        cmocka_unit_test(test_vocabularies),
        cmocka_unit_test(test_many_errors_one_file),
        cmocka_unit_test(test_missing_and_empty_keys),
        cmocka_unit_test(test_missing_overlay_is_a_warning),
        cmocka_unit_test(test_deep_views),
        cmocka_unit_test(test_views),
        cmocka_unit_test(test_on_body),
        cmocka_unit_test(test_crlf_bom_module),
        cmocka_unit_test(test_module_file_problems),
        cmocka_unit_test(test_sections_and_ids),
        cmocka_unit_test(test_muscle_values),
        cmocka_unit_test(test_course_modules),
        cmocka_unit_test(test_course_file_problems),
        cmocka_unit_test(test_smooth_zones),
        cmocka_unit_test(test_fingerprint_is_stable),
        cmocka_unit_test(test_load_all),
        cmocka_unit_test(test_progress_can_stop_loading),
        cmocka_unit_test(test_links_out_of_the_tree),
    };
    return cmocka_run_group_tests(tests, setup, tmp_teardown);
}
