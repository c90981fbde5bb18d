/* Unit tests for lessons (lesson_load.c and the lesson parts of
 * module_load.c and course_load.c): a good lesson read in full and used
 * for practice, a course listing lessons and muscles, an id used by both
 * kinds, and figures that are not what they should be (missing, a FIFO, a
 * link out of the assets folder, too large, with <text>); a muscle's
 * [selfcare] section, which uses the same figures; chart questions (a
 * lesson asking its muscle's own chart items). */
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

#include "check.h"
#include "config.h"
#include "course.h"
#include "judge.h"
#include "real_attempts.h"
#include "record.h"
#include "session.h"
#include "support.h"

static const char CHART[] = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 1400'>\n"
                            "<path id='tpquiz-body' fill='none' stroke='none' "
                            "d='M0,0 L600,0 L600,1400 L0,1400 Z'/>\n</svg>\n";
static const char FIGURE[] = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 200'>\n"
                             "<ellipse cx='150' cy='100' rx='140' ry='60' fill='#e8c3b4'/>\n</svg>\n";

static const char LESSON[] = "[lesson]\n"
                             "id = basics\n"
                             "title = The basics\n"
                             "summary = What it is,\n"
                             "  and how to find it.\n"
                             "\n"
                             "[page.second_in_id_order]\n"
                             "title = First page\n"
                             "figure = band\n"
                             "caption = A band.\n"
                             "labels = 150,100 Nodule\n"
                             "  20,30 Tendon, the end\n"
                             "text = An opening paragraph\n"
                             "  that goes on.\n"
                             "  - One bullet.\n"
                             "  - Two bullet.\n"
                             "\n"
                             "[page.a_first_in_id_order]\n"
                             "title = Second page\n"
                             "text = No figure here.\n"
                             "\n"
                             "[question.one]\n"
                             "type = choice\n"
                             "prompt = Which?\n"
                             "correct = This\n"
                             "wrong = That\n"
                             "  Other\n"
                             "explain = Because.\n"
                             "\n"
                             "[question.two]\n"
                             "type = multi\n"
                             "prompt = Which ones?\n"
                             "correct = A\n"
                             "  B\n"
                             "wrong = C\n"
                             "  D\n"
                             "explain = Because.\n";

static const char MUSCLE[] = "[muscle]\nid = ID\nname = N\ngroup = hip\npain_regions = groin\n"
                             "attachments = A\naction = A\ncauses = C\nsymptoms = S\ndifferential = D\n"
                             "treatment = T\nself_care = S\n"
                             "[tp.a]\nview = front\nat = 1,1\nradius = 5\nprimary = yes\nlabel = A\nlocation = L\n";

static const char COURSE[] = "[course]\nid = mixed\ntitle = Mixed\nmodules = basics, knee, clash\n"
                             "module_pass_mark = 80\n"
                             "[exam]\ntime_limit = 10\nquestions = 2\npass_mark = 75\nattempts = 0\nwait_hours = 0\n"
                             "show_answers = yes\n";

static Library *lib_here(void)
{
    char courses[256], assets[256];
    snprintf(courses, sizeof courses, "%s/courses", tmp_dir());
    snprintf(assets, sizeof assets, "%s/assets", tmp_dir());
    return library_create(courses, assets);
}

static void put_muscle(const char *id)
{
    char rel[128], text[1024], overlay[128];
    snprintf(rel, sizeof rel, "courses/muscles/%s.ini", id);
    const char *at = strstr(MUSCLE, "ID");
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - MUSCLE), MUSCLE, id, at + 2);
    put(rel, text);
    snprintf(overlay, sizeof overlay, "assets/anatomy/muscles/%s.front.svg", id);
    put(overlay, CHART);
}

static int setup(void **state)
{
    (void)state;
    if (!tmp_create("tpquiz-lesson"))
        return -1;
    put("assets/anatomy/front.svg", CHART);
    put("assets/figures/band.svg", FIGURE);
    put("courses/lessons/basics.ini", LESSON);
    return 0;
}

static void test_good_lesson(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = lib_here();
    const Module *m = library_load_module_file(lib, tmp_path("courses/lessons/basics.ini"), d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    assert_non_null(m);
    assert_int_equal(m->kind, MODULE_LESSON);
    assert_string_equal(m->id, "basics");
    assert_string_equal(m->name, "The basics");
    assert_string_equal(m->summary, "What it is, and how to find it.");
    /* The muscle's fields are empty, never NULL, and nothing is on a chart. */
    assert_string_equal(m->group, "");
    assert_string_equal(m->treatment, "");
    assert_int_equal(m->n_tps, 0);
    assert_int_equal(m->n_zones, 0);
    /* Pages in the order of the file, not of their ids. */
    assert_int_equal(m->n_pages, 2);
    const LessonPage *p = &m->pages[0];
    assert_string_equal(p->id, "second_in_id_order");
    assert_string_equal(p->title, "First page");
    assert_string_equal(p->text, "An opening paragraph that goes on.\n- One bullet.\n- Two bullet.");
    assert_non_null(p->figure);
    assert_string_equal(p->figure, tmp_path("assets/figures/band.svg"));
    assert_true(p->figure_box.w == 300 && p->figure_box.h == 200);
    assert_string_equal(p->caption, "A band.");
    assert_int_equal(p->n_labels, 2);
    assert_true(p->labels[0].at.x == 150 && p->labels[0].at.y == 100);
    assert_string_equal(p->labels[0].text, "Nodule");
    assert_string_equal(p->labels[1].text, "Tendon, the end");
    assert_null(m->pages[1].figure);
    assert_string_equal(m->pages[1].caption, "");
    assert_int_equal(m->n_questions, 2);

    /* Its quiz is its questions: practice serves them and nothing else. */
    Session *s = session_create_practice(m, 7);
    assert_non_null(s);
    assert_int_equal(session_item_count(s), 2);
    session_free(s);
    library_free(lib);
    diag_free(d);
}

static void test_course_lists_lessons(void **state)
{
    (void)state;
    Diag *d = diag_create();
    put_muscle("knee");
    put_muscle("clash");
    put("courses/lessons/clash.ini", LESSON);
    put("courses/mixed/course.ini", COURSE);
    Library *lib = lib_here();
    const Course *c = library_load_course_file(lib, tmp_path("courses/mixed/course.ini"), d);
    assert_non_null(c);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/mixed/course.ini:4: error: module 'clash' is both a muscle "
                        "(T/courses/muscles/clash.ini) and a lesson (T/courses/lessons/clash.ini): module ids are "
                        "shared, rename one\n");
    assert_int_equal(c->n_modules, 3);
    assert_non_null(c->modules[0]);
    assert_int_equal(c->modules[0]->kind, MODULE_LESSON);
    assert_non_null(c->modules[1]);
    assert_int_equal(c->modules[1]->kind, MODULE_MUSCLE);
    assert_null(c->modules[2]); /* never a silent pick of one of the two */
    assert_string_equal(c->fingerprint[0] ? "set" : "unset", "set");
    library_free(lib);

    /* The courses folder with a lessons folder: lessons is no course. */
    diag_free(d);
    d = diag_create();
    unlink(tmp_path("courses/lessons/clash.ini"));
    lib = lib_here();
    library_load_all(lib, d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    assert_int_equal(library_course_count(lib), 1);
    library_free(lib);
    diag_free(d);
}

/* Loads courses/lessons/<id>.ini holding the lesson with its figure key
 * replaced by figure_line; returns the messages (sorted, tmp as T). */
static const char *figure_problem(Diag *d, const char *id, const char *figure_line, int *pages)
{
    char text[4096], rel[128];
    const char *at = strstr(LESSON, "figure = band\n");
    const char *idat = strstr(LESSON, "basics");
    snprintf(text, sizeof text, "%.*s%s%.*s%s%s", (int)(idat - LESSON), LESSON, id,
             (int)(at - idat - 6), idat + 6, figure_line, at + strlen("figure = band\n"));
    snprintf(rel, sizeof rel, "courses/lessons/%s.ini", id);
    put(rel, text);
    Library *lib = lib_here();
    const Module *m = library_load_module_file(lib, tmp_path(rel), d);
    assert_non_null(m);
    *pages = m->n_pages;
    library_free(lib);
    return diag_text(d, DIAG_TEXT_SORTED);
}

static void test_hostile_figures(void **state)
{
    (void)state;
    int pages = -1;
    Diag *d = diag_create();
    assert_string_equal(figure_problem(d, "missing", "figure = gone\n", &pages),
                        "T/courses/lessons/missing.ini:9: error: figure 'gone' not found: "
                        "T/assets/figures/gone.svg does not exist\n");
    assert_int_equal(pages, 1); /* the page with the error is left out, the other stays */
    diag_free(d);

    d = diag_create();
    assert_int_equal(mkfifo(tmp_path("assets/figures/pipe.svg"), 0600), 0);
    const char *msg = figure_problem(d, "fifo", "figure = pipe\n", &pages);
    assert_non_null(strstr(msg, "T/courses/lessons/fifo.ini:9: error: figure 'pipe' not found: "
                                "T/assets/figures/pipe.svg is a FIFO"));
    assert_int_equal(pages, 1);
    diag_free(d);

    d = diag_create();
    put("outside.svg", FIGURE);
    char target[512];
    snprintf(target, sizeof target, "%s", tmp_path("outside.svg"));
    assert_int_equal(symlink(target, tmp_path("assets/figures/away.svg")), 0);
    msg = figure_problem(d, "away", "figure = away\n", &pages);
    assert_non_null(strstr(msg, "T/assets/figures/away.svg: error: not read: a symbolic link out of the assets "
                                "folder"));
    assert_non_null(strstr(msg, "T/courses/lessons/away.ini:9: error: figure 'away' cannot be used"));
    assert_int_equal(pages, 1);
    diag_free(d);

    d = diag_create();
    size_t big = 2u << 20;
    char *huge = malloc(big + 1);
    assert_non_null(huge);
    memset(huge, ' ', big);
    memcpy(huge, "<svg viewBox='0 0 10 10'>", 25);
    huge[big] = '\0';
    put("assets/figures/huge.svg", huge);
    free(huge);
    msg = figure_problem(d, "huge", "figure = huge\n", &pages);
    assert_non_null(strstr(msg, "the limit for a chart is 1 MB"));
    assert_int_equal(pages, 1);
    diag_free(d);

    d = diag_create();
    put("assets/figures/texty.svg", "<svg viewBox='0 0 10 10'>\n<text>Band</text>\n</svg>\n");
    msg = figure_problem(d, "texty", "figure = texty\n", &pages);
    assert_non_null(strstr(msg, "T/assets/figures/texty.svg:2: error: <text> is not drawn"));
    assert_non_null(strstr(msg, "T/courses/lessons/texty.ini:9: error: figure 'texty' cannot be used"));
    assert_int_equal(pages, 1);
    diag_free(d);
}

static void test_kind_rules(void **state)
{
    (void)state;
    Diag *d = diag_create();
    /* A lesson without pages or questions still loads (it is listed and
     * reported), with nothing to show or ask. */
    put("courses/lessons/empty.ini", "[lesson]\nid = empty\ntitle = T\nsummary = S\n");
    Library *lib = lib_here();
    const Module *m = library_load_module_file(lib, tmp_path("courses/lessons/empty.ini"), d);
    assert_non_null(m);
    assert_int_equal(m->n_pages, 0);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/courses/lessons/empty.ini: error: no pages: a lesson needs at least one [page.<id>]\n"
                        "T/courses/lessons/empty.ini: error: no questions: a lesson's quiz needs at least one "
                        "[question.<id>]\n");
    library_free(lib);
    diag_free(d);
}

/* tpquiz check on a courses folder: every lesson in lessons/ is checked,
 * one no course lists is warned about, and an id in both folders is an
 * error even when no course lists it. */
static void test_check_tree(void **state)
{
    (void)state;
    put("tree/c1/course.ini", "[course]\nid = c1\ntitle = C\nmodules = basics, knee\nmodule_pass_mark = 80\n"
                              "[exam]\ntime_limit = 10\nquestions = 2\npass_mark = 75\nattempts = 0\n"
                              "wait_hours = 0\nshow_answers = yes\n");
    put("tree/lessons/basics.ini", LESSON);
    char text[4096];
    const char *idat = strstr(LESSON, "basics");
    snprintf(text, sizeof text, "%.*sspare%s", (int)(idat - LESSON), LESSON, idat + 6);
    put("tree/lessons/spare.ini", text);
    snprintf(text, sizeof text, "%.*stwin%s", (int)(idat - LESSON), LESSON, idat + 6);
    put("tree/lessons/twin.ini", text);
    put_muscle("knee");
    put_muscle("twin");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp '%1$s/courses/muscles/knee.ini' '%1$s/courses/muscles/twin.ini' '%1$s/tree/' && "
             "mkdir -p '%1$s/tree/muscles' && mv '%1$s/tree/knee.ini' '%1$s/tree/twin.ini' '%1$s/tree/muscles/'",
             tmp_dir());
    assert_int_equal(system(cmd), 0);
    Config *cfg = config_defaults(tmp_dir());
    assert_non_null(cfg);
    Diag *d = diag_create();
    const char *paths[1] = {tmp_path("tree")};
    int errors = check_paths(paths, 1, cfg, d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED),
                        "T/tree/lessons/spare.ini: warning: lesson 'spare' is not in any course\n"
                        "T/tree/lessons/twin.ini: error: module id 'twin' is also T/tree/muscles/twin.ini: module "
                        "ids are shared by muscles and lessons\n"
                        "T/tree/muscles/twin.ini: warning: module 'twin' is not in any course\n");
    assert_int_equal(errors, 1);
    diag_free(d);
    config_free(cfg);
}

/* A muscle's [selfcare]: its figure and instructions read in full; a
 * missing figure, a missing key, a second [selfcare] and one in a lesson
 * are errors, and the muscle still loads without it. */
static void test_selfcare(void **state)
{
    (void)state;
    char text[2048];
    const char *SC = "[selfcare]\nfigure = band\ncaption = Lying on a ball.\nposition = Lie on it,\n"
                     "  the knees bent.\nfeel = A deep ache.\ndose = Half a minute,\n  - twice a day.\n"
                     "caution = Not on a bruise.\n";
    const char *at = strstr(MUSCLE, "ID");
    snprintf(text, sizeof text, "%.*sgood%s%s", (int)(at - MUSCLE), MUSCLE, at + 2, SC);
    put("courses/muscles/good.ini", text);
    put("assets/anatomy/muscles/good.front.svg", CHART);
    put("assets/anatomy/muscles/bad.front.svg", CHART);
    put("assets/anatomy/muscles/short.front.svg", CHART);
    Diag *d = diag_create();
    Library *lib = lib_here();
    const Module *m = library_load_module_file(lib, tmp_path("courses/muscles/good.ini"), d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    assert_non_null(m);
    assert_non_null(m->selfcare);
    assert_string_equal(m->selfcare->figure, tmp_path("assets/figures/band.svg"));
    assert_true(m->selfcare->figure_box.w == 300 && m->selfcare->figure_box.h == 200);
    assert_string_equal(m->selfcare->caption, "Lying on a ball.");
    assert_string_equal(m->selfcare->position, "Lie on it, the knees bent.");
    assert_string_equal(m->selfcare->feel, "A deep ache.");
    assert_string_equal(m->selfcare->dose, "Half a minute,\n- twice a day.");
    assert_string_equal(m->selfcare->caution, "Not on a bruise.");
    library_free(lib);
    diag_free(d);

    /* The muscle section is 12 lines, the trigger point 7: [selfcare] on 20. */
    snprintf(text, sizeof text,
             "%.*sbad%s[selfcare]\nfigure = no_such\ncaption = C\nposition = P\nfeel = F\ndose = D\ncaution = C\n"
             "[selfcare]\nfigure = band\n",
             (int)(at - MUSCLE), MUSCLE, at + 2);
    put("courses/muscles/bad.ini", text);
    snprintf(text, sizeof text, "%.*sshort%s[selfcare]\nfigure = band\ncaption = C\nposition = P\nfeel = F\n"
             "dose = D\ncautoin = C\n", (int)(at - MUSCLE), MUSCLE, at + 2);
    put("courses/muscles/short.ini", text);
    const char *idat = strstr(LESSON, "basics");
    snprintf(text, sizeof text, "%.*scaring%s%s", (int)(idat - LESSON), LESSON, idat + 6, SC);
    put("courses/lessons/caring.ini", text);
    d = diag_create();
    lib = lib_here();
    m = library_load_module_file(lib, tmp_path("courses/muscles/bad.ini"), d);
    assert_non_null(m);
    assert_null(m->selfcare);
    assert_int_equal(m->n_tps, 1);
    m = library_load_module_file(lib, tmp_path("courses/muscles/short.ini"), d);
    assert_non_null(m);
    assert_null(m->selfcare);
    m = library_load_module_file(lib, tmp_path("courses/lessons/caring.ini"), d);
    assert_non_null(m);
    assert_null(m->selfcare);
    assert_int_equal(m->n_pages, 2);
    const char *msg = diag_text(d, DIAG_TEXT_SORTED);
    assert_non_null(strstr(msg, "T/courses/muscles/bad.ini:21: error: figure 'no_such' not found: "));
    assert_non_null(strstr(msg, "T/courses/muscles/bad.ini:27: error: [selfcare] appears twice (first on line 20)"));
    assert_non_null(strstr(msg, "T/courses/muscles/short.ini:26: error: unknown key 'cautoin' in [selfcare] (did "
                                "you mean 'caution'?)"));
    assert_non_null(strstr(msg, "T/courses/lessons/caring.ini:38: error: [selfcare] in a lesson"));
    library_free(lib);
    diag_free(d);

    /* Self-care is prose and a picture: the course fingerprint, which
     * records carry, is the same with and without it. */
    put("courses/care/course.ini", "[course]\nid = care\ntitle = Care\nmodules = good\nmodule_pass_mark = 80\n"
                                   "[exam]\ntime_limit = 10\nquestions = 1\npass_mark = 75\nattempts = 0\n"
                                   "wait_hours = 0\nshow_answers = yes\n");
    char with[65], without[65];
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            snprintf(text, sizeof text, "%.*sgood%s", (int)(at - MUSCLE), MUSCLE, at + 2);
            put("courses/muscles/good.ini", text);
        }
        d = diag_create();
        lib = lib_here();
        const Course *c = library_load_course_file(lib, tmp_path("courses/care/course.ini"), d);
        assert_non_null(c);
        assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
        assert_int_equal(c->modules[0]->selfcare != NULL, pass == 0);
        snprintf(pass == 0 ? with : without, 65, "%s", c->fingerprint);
        library_free(lib);
        diag_free(d);
    }
    assert_int_equal((int)strlen(with), 64);
    assert_string_equal(with, without);
}


/* A muscle with two points and their zones on the front chart, for chart
 * questions. */
static const char ARM[] = "[muscle]\nid = arm\nname = Arm\ngroup = arm\npain_regions = elbow\n"
                          "attachments = A\naction = A\ncauses = C\nsymptoms = S\ndifferential = D\n"
                          "treatment = T\nself_care = S\n"
                          "[tp.a]\nview = front\nat = 300,300\nradius = 20\nprimary = yes\nlabel = Upper\n"
                          "location = High up\n"
                          "[tp.b]\nview = front\nat = 300,900\nradius = 20\nprimary = no\nlabel = Lower\n"
                          "location = Low down\n"
                          "[zone.a_ess]\nview = front\ntp = a\nkind = essential\npoly = 250,400 350,400 350,500 250,500\n"
                          "[zone.a_spill]\nview = front\ntp = a\nkind = spillover\npoly = 250,500 350,500 350,600 "
                          "250,600\n"
                          "[zone.b_ess]\nview = front\ntp = b\nkind = essential\npoly = 250,1000 350,1000 350,1100 "
                          "250,1100\n";

/* A lesson asking four chart questions on arm's point POINT and one for
 * both its points on the front chart. */
static void put_chart_lesson(const char *point)
{
    char text[2048];
    snprintf(text, sizeof text,
             "[lesson]\nid = charted\ntitle = Charts\nsummary = Reading them.\n"
             "[page.one]\ntitle = One\ntext = Text.\n"
             "[question.locate]\ntype = chart\nmuscle = arm\nitem = locate\npoint = %s\nexplain = Here.\n"
             "[question.zone]\ntype = chart\nmuscle = arm\nitem = zone\npoint = %s\nexplain = There.\n"
             "[question.paint]\ntype = chart\nmuscle = arm\nitem = paint\npoint = %s\nview = front\n"
             "prompt = Paint it all.\nexplain = All of it.\n"
             "[question.reverse]\ntype = chart\nmuscle = arm\nitem = reverse\npoint = %s\nexplain = Back.\n"
             "[question.marks]\ntype = chart\nmuscle = arm\nitem = marks\nview = front\nexplain = Both.\n",
             point, point, point, point);
    put("courses/lessons/charted.ini", text);
}

/* The one-item practice session of key. */
static Session *one_item(const Library *lib, const char *key)
{
    int skipped = -1;
    Session *s = session_create_practice_keys(lib, &key, 1, 3, &skipped);
    assert_non_null(s);
    assert_int_equal(skipped, 0);
    assert_int_equal(session_item_count(s), 1);
    return s;
}

static void test_chart_questions(void **state)
{
    (void)state;
    put("courses/muscles/arm.ini", ARM);
    put("assets/anatomy/muscles/arm.front.svg", CHART);
    put_chart_lesson("a");
    Diag *d = diag_create();
    Library *lib = lib_here();
    const Module *l = library_load_module_file(lib, tmp_path("courses/lessons/charted.ini"), d);
    assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
    const Module *arm = library_find_module(lib, "arm");
    assert_non_null(l);
    assert_non_null(arm); /* loaded with the lesson */
    assert_int_equal(l->n_questions, 5);
    assert_int_equal(l->questions[0].type, QUESTION_CHART);
    assert_int_equal(l->questions[4].tp, -1);
    assert_ptr_equal(l->questions[0].muscle, arm);
    assert_int_equal(l->questions[0].tp, 0);
    assert_string_equal(l->questions[1].view, "front");

    /* Each is the muscle's own item, keyed under the lesson, graded the same. */
    static const char *const PAIRS[][2] = {{"charted/question.locate", "arm/tp.a/locate"},
                                           {"charted/question.zone", "arm/tp.a/zone"},
                                           {"charted/question.paint", "arm/tp.a/paint"},
                                           {"charted/question.reverse", "arm/tp.a/reverse"},
                                           {"charted/question.marks", "arm/view.front/locate_all"}};
    for (int k = 0; k < 5; k++) {
        Session *ls = one_item(lib, PAIRS[k][0]), *ms = one_item(lib, PAIRS[k][1]);
        const Item *li = session_item(ls, 0), *mi = session_item(ms, 0);
        assert_string_equal(li->key, PAIRS[k][0]);
        assert_int_equal(li->type, mi->type);
        assert_ptr_equal(li->module, arm);
        assert_ptr_equal(item_owner(li), l);
        assert_ptr_equal(item_owner(mi), arm);
        assert_int_equal(li->tp, mi->tp);
        assert_string_equal(li->view, mi->view);
        if (li->type == ITEM_ZONE_PAINT)
            assert_string_equal(li->prompt, "Paint it all.");
        else
            assert_string_equal(li->prompt, mi->prompt);
        const Answer *la, *ma;
        if (li->type == ITEM_ZONE_PAINT) {
            Grid g = grade_paint_grid((RectD){0, 0, 600, 1400}, 0);
            size_t n = (size_t)g.cols * (size_t)g.rows;
            unsigned char *cells = calloc(n, 1);
            assert_non_null(cells);
            for (size_t c = 0; c < n / 3; c += 7) /* some in, most out */
                cells[n / 4 + c] = 1;
            la = session_answer_paint(ls, cells, &g, 10);
            ma = session_answer_paint(ms, cells, &g, 10);
            free(cells);
        } else if (li->type == ITEM_LOCATE_ALL) {
            assert_int_equal(li->n_targets, 2);
            assert_memory_equal(li->targets, mi->targets, 2 * sizeof *li->targets);
            const Vec2 marks[] = {{305, 310}, {500, 500}};
            la = session_answer_clicks(ls, marks, 2, 10);
            ma = session_answer_clicks(ms, marks, 2, 10);
        } else {
            la = session_answer_click(ls, (Vec2){310, 420}, 10);
            ma = session_answer_click(ms, (Vec2){310, 420}, 10);
        }
        assert_non_null(la);
        assert_non_null(ma);
        assert_true(la->credit == ma->credit);
        if (li->type == ITEM_LOCATE_ALL)
            assert_true(la->credit > 0 && la->credit < 1); /* one of two found, one extra mark */
        assert_true(la->distance == ma->distance);
        assert_int_equal(la->zone, ma->zone);
        session_free(ls);
        session_free(ms);
    }
    /* The lesson's quiz holds them (and only its own questions). */
    Session *q = session_create_quiz(l, 5);
    assert_non_null(q);
    assert_int_equal(session_item_count(q), 5);
    for (int i = 0; i < 5; i++)
        assert_ptr_equal(item_owner(session_item(q, i)), l);
    session_free(q);
    library_free(lib);
    diag_free(d);

    /* In a course: an exam draws them, and the fingerprint covers the
     * point asked about (the muscle is not in the course). */
    put("courses/charts/course.ini", "[course]\nid = charts\ntitle = Charts\nmodules = charted\n"
                                     "module_pass_mark = 80\n[exam]\ntime_limit = 10\nquestions = 5\n"
                                     "pass_mark = 75\nattempts = 0\nwait_hours = 0\nshow_answers = yes\n");
    char fp[2][65];
    for (int pass = 0; pass < 2; pass++) {
        put_chart_lesson(pass ? "b" : "a");
        d = diag_create();
        lib = lib_here();
        const Course *c = library_load_course_file(lib, tmp_path("courses/charts/course.ini"), d);
        assert_non_null(c);
        assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
        snprintf(fp[pass], 65, "%s", c->fingerprint);
        Session *e = session_create_exam(c, 9, 5);
        assert_non_null(e);
        assert_int_equal(session_item_count(e), 5);
        for (int i = 0; i < 5; i++) {
            assert_ptr_equal(item_owner(session_item(e, i)), c->modules[0]);
            assert_int_equal(session_item(e, i)->tp, session_item(e, i)->type == ITEM_LOCATE_ALL ? -1 : pass);
        }
        session_free(e);
        if (pass == 0) {
            /* Records of its quiz and exam, with the chart items answered,
             * are re-graded and count. */
            static const unsigned char KEY[STATION_KEY_BYTES] = {3, 1, 4, 1, 5};
            const int64_t t0 = INT64_C(1772438400);
            char path[512];
            snprintf(path, sizeof path, "%s/lea.scores", tmp_dir());
            unlink(path);
            assert_int_equal(scorefile_create(path, "lea", "Lea", t0, KEY, d), 0);
            real_attempt(lib, "charts", path, KEY, "charted", true, t0 + 3600);
            real_attempt(lib, "charts", path, KEY, NULL, true, t0 + 7200);
            ScoreFile *f = scorefile_load(path, KEY, d);
            assert_non_null(f);
            int attempts = 0;
            for (int i = 1; i < scorefile_count(f); i++) {
                if (scorefile_record(f, i)->kind != RECORD_ATTEMPT)
                    continue;
                JudgeResult j = judge_record(c, f, i);
                assert_true(j.counts);
                assert_true(j.passed);
                for (int k = 0; k < scorefile_record(f, i)->n_answers; k++)
                    assert_string_equal(scorefile_record(f, i)->answers[k].module, "charted");
                attempts++;
            }
            assert_int_equal(attempts, 2);
            scorefile_free(f);
            assert_string_equal(diag_text(d, DIAG_TEXT_SORTED), "");
        }
        library_free(lib);
        diag_free(d);
    }
    assert_string_not_equal(fp[0], fp[1]);
    put_chart_lesson("a");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_lesson),
        cmocka_unit_test(test_course_lists_lessons),
        cmocka_unit_test(test_hostile_figures),
        cmocka_unit_test(test_kind_rules),
        cmocka_unit_test(test_check_tree),
        cmocka_unit_test(test_selfcare),
        cmocka_unit_test(test_chart_questions),
    };
    return cmocka_run_group_tests(tests, setup, tmp_teardown);
}
