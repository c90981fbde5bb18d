/* Unit tests for src/core/report.c: score files written with the real record
 * API into a temporary folder, over the report fixture's course
 * (tests/data/report/courses: demo_back on the back chart, demo_front on the
 * front chart), then read back through the report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grading.h"
#include "real_attempts.h"
#include "report.h"
#include "support.h"

#define T0 INT64_C(1772438400)
#define KEY_BYTE 0x21

static unsigned char KEY[STATION_KEY_BYTES];
static Library *LIB;

static int setup(void **state)
{
    (void)state;
    memset(KEY, KEY_BYTE, sizeof KEY);
    int errors;
    LIB = report_fixture_library(&errors);
    return errors || !tmp_create("test_report") || !library_find_course(LIB, "demo") ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    library_free(LIB);
    return tmp_remove();
}

static void create(const char *file, const char *learner, const char *name)
{
    Diag *d = diag_create();
    unlink(tmp_path(file));
    assert_int_equal(scorefile_create(tmp_path(file), learner, name, T0, KEY, d), 0);
    diag_free(d);
}

static RecordAnswer click_answer(const char *key, const char *view, double x, double y, double credit)
{
    RecordAnswer a = {0};
    a.key = (char *)key;
    a.type = strstr(key, "/zone") ? "zone" : "locate";
    a.module = strncmp(key, "demo_front", 10) == 0 ? "demo_front" : "demo_back";
    a.credit = credit;
    a.time_ms = 1000;
    a.answered = true;
    a.has_click = true;
    a.click = (Vec2){x, y};
    a.view = (char *)view;
    return a;
}

static RecordAnswer option_answer(const char *key, double credit)
{
    RecordAnswer a = {0};
    a.key = (char *)key;
    a.type = "choice";
    a.module = "demo_back";
    a.credit = credit;
    a.time_ms = 1000;
    a.answered = true;
    return a;
}

static void append(const char *file, AttemptMode mode, const char *module, RecordAnswer *answers, int n,
                   int64_t t)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += answers[i].credit;
    Record r = {.kind = RECORD_ATTEMPT,
                .mode = mode,
                .course = "demo",
                .module = (char *)module,
                .started = t - 600,
                .finished = t,
                .seed = 1,
                .score = n ? sum / n : 0,
                .pass_mark = mode == ATTEMPT_EXAM ? 75 : 80,
                .n_answers = n,
                .answers = answers};
    r.passed = r.score * 100 >= r.pass_mark;
    Diag *d = diag_create();
    assert_int_equal(scorefile_append(tmp_path(file), &r, KEY, d), 0);
    diag_free(d);
}


typedef struct {
    int files, skipped;
    char learners[16][40];
    bool certified[16];
    char integrity[16][200];
    char reasons[16][200];
} Seen;

static int on_file(void *user, const ReportFile *f)
{
    Seen *s = user;
    int i = s->files++;
    if (i >= 16)
        return 0;
    if (f->skipped) {
        s->skipped++;
        snprintf(s->reasons[i], sizeof s->reasons[i], "%s", f->reason);
        return 0;
    }
    snprintf(s->learners[i], sizeof s->learners[i], "%s", f->learner);
    snprintf(s->integrity[i], sizeof s->integrity[i], "%s", f->integrity);
    s->certified[i] = f->n_courses == 1 && f->courses[0].cert.certified;
    return 0;
}

/* Runs a report over paths (NULL-terminated names in the temporary folder). */
static Report *run(const char *const *names, ReportOptions opt, Seen *seen)
{
    /* tmp_path keeps four at a time: copy each at once. */
    char *own[16];
    int n = 0;
    for (; names[n]; n++)
        own[n] = strdup(tmp_path(names[n]));
    Report *r = report_create(LIB, KEY, &opt);
    assert_non_null(r);
    memset(seen, 0, sizeof *seen);
    assert_int_equal(report_add_files(r, (const char *const *)own, n, on_file, seen), n);
    report_finish(r);
    for (int i = 0; i < n; i++)
        free(own[i]);
    return r;
}

static const ReportItem *find_item(const Report *r, const char *key)
{
    for (int i = 0; i < report_item_count(r); i++)
        if (!strcmp(report_item(r, i)->key, key))
            return report_item(r, i);
    return NULL;
}

/* Four exam attempts of three options items A, B, C with credits
 *     A: 1   0   1   0.5       B: 1 0 0 1       C: 1 0.5 0 0
 * so for A the rest of the test (B + C) is 2, 0.5, 0, 1. By hand:
 * mean A = 0.625, deviations .375 -.625 .375 -.125; mean rest = 0.875,
 * deviations 1.125 -.375 -.875 .125; sum of products 0.3125, sums of
 * squares 0.6875 and 2.1875; r = 0.3125 / sqrt(0.6875 * 2.1875) = 0.25482:
 * discrimination index 25.48, facility 62.5%. */
static void test_discrimination_by_hand(void **state)
{
    (void)state;
    static const double A[] = {1, 0, 1, 0.5}, B[] = {1, 0, 0, 1}, C[] = {1, 0.5, 0, 0};
    const char *names[] = {"d1.scores", "d2.scores", "d3.scores", "d4.scores", NULL};
    for (int k = 0; k < 4; k++) {
        char id[16];
        snprintf(id, sizeof id, "disc%d", k);
        create(names[k], id, "Disc");
        RecordAnswer ans[3] = {option_answer("demo_back/question.a", A[k]),
                               option_answer("demo_back/question.b", B[k]),
                               option_answer("demo_back/question.c", C[k])};
        append(names[k], ATTEMPT_EXAM, NULL, ans, 3, T0 + 86400);
    }
    Seen seen;
    Report *r = run(names, (ReportOptions){0}, &seen);
    const ReportItem *a = find_item(r, "demo_back/question.a");
    assert_non_null(a);
    const ReportItemStats *s = &a->stats[REPORT_EXAM];
    assert_int_equal(s->answers, 4);
    assert_true(fabs(s->facility - 62.5) < 1e-9);
    assert_true(s->has_discrimination);
    assert_true(fabs(s->discrimination - 100 * 0.3125 / sqrt(0.6875 * 2.1875)) < 1e-9);
    assert_true(fabs(s->discrimination - 25.48) < 0.01);
    assert_int_equal(a->stats[REPORT_QUIZ].answers, 0);
    assert_null(a->module); /* no such question in the course: still analysed */
    /* B: rest = A + C = 2, .5, 1, .5; a constant item has no index. */
    const ReportItem *b = find_item(r, "demo_back/question.b");
    assert_true(b->stats[REPORT_EXAM].has_discrimination);
    char note[64];
    /* Four answers are too few for a verdict, however the numbers fall. */
    assert_string_equal(report_item_note(s, note, sizeof note), "too few answers");
    report_free(r);

    /* Every learner the same: no variance, no index. */
    for (int k = 0; k < 2; k++) {
        create(names[k], k ? "same1" : "same0", "Same");
        RecordAnswer ans[2] = {option_answer("demo_back/question.a", 1),
                               option_answer("demo_back/question.b", 0)};
        append(names[k], ATTEMPT_EXAM, NULL, ans, 2, T0 + 86400);
    }
    const char *two[] = {names[0], names[1], NULL};
    r = run(two, (ReportOptions){0}, &seen);
    s = &find_item(r, "demo_back/question.a")->stats[REPORT_EXAM];
    assert_false(s->has_discrimination);
    assert_string_equal(report_item_note(s, note, sizeof note), "too few answers");
    report_free(r);
}

/* The verdicts need REPORT_MIN_ANSWERS answers: below it only "too few
 * answers" is said, whatever the facility or discrimination; at it the
 * thresholds apply; with no answers nothing is said. */
static void test_note_minimum_answers(void **state)
{
    (void)state;
    char note[64];
    ReportItemStats s = {0};
    assert_string_equal(report_item_note(&s, note, sizeof note), "");
    s.answers = REPORT_MIN_ANSWERS - 1;
    s.facility = 0;
    s.has_discrimination = true;
    s.discrimination = -50;
    assert_string_equal(report_item_note(&s, note, sizeof note), "too few answers");
    s.facility = 100;
    assert_string_equal(report_item_note(&s, note, sizeof note), "too few answers");
    s.answers = 1;
    assert_string_equal(report_item_note(&s, note, sizeof note), "too few answers");
    s.answers = REPORT_MIN_ANSWERS;
    s.facility = 10;
    assert_string_equal(report_item_note(&s, note, sizeof note), "very hard; negative discrimination");
    s.facility = 95;
    s.discrimination = 10;
    assert_string_equal(report_item_note(&s, note, sizeof note), "very easy; weak discrimination");
    s.facility = 60;
    s.discrimination = 40;
    assert_string_equal(report_item_note(&s, note, sizeof note), "");
    s.has_discrimination = false;
    s.facility = 19.9;
    assert_string_equal(report_item_note(&s, note, sizeof note), "very hard");
}

/* Distances from demo_back's tp.upper at (360, 560), radius 20, on the back
 * chart (midline x = 300): 5, 10, 10, 1 and a mirrored click at x = 240
 * (120 away, on the wrong side). */
static void test_distances_median_wrong_side(void **state)
{
    (void)state;
    const char *names[] = {"m.scores", NULL};
    create("m.scores", "med", "Median");
    RecordAnswer ans[5] = {
        click_answer("demo_back/tp.upper/locate", "back", 363, 564, 1),
        click_answer("demo_back/tp.upper/locate", "back", 360, 570, 1),
        click_answer("demo_back/tp.upper/locate", "back", 354, 568, 1),
        click_answer("demo_back/tp.upper/locate", "back", 361, 560, 1),
        click_answer("demo_back/tp.upper/locate", "back", 240, 560, 0),
    };
    append("m.scores", ATTEMPT_QUIZ, "demo_back", ans, 5, T0 + 86400);
    /* A click on another chart does not count for distances. */
    RecordAnswer other = click_answer("demo_back/tp.upper/locate", "front", 360, 560, 0);
    append("m.scores", ATTEMPT_QUIZ, "demo_back", &other, 1, T0 + 2 * 86400);
    Seen seen;
    Report *r = run(names, (ReportOptions){.keep_clicks = true}, &seen);
    const ReportItem *it = find_item(r, "demo_back/tp.upper/locate");
    assert_non_null(it);
    assert_non_null(it->module);
    assert_string_equal(it->view->name, "back");
    assert_int_equal(it->side, 1);
    const ReportItemStats *s = &it->stats[REPORT_QUIZ];
    assert_int_equal(s->answers, 6);
    assert_int_equal(s->clicks, 5);
    assert_true(fabs(s->mean_distance - (5 + 10 + 10 + 1 + 120) / 5.0) < 1e-9);
    assert_true(fabs(s->median_distance - 10) < 1e-9);
    assert_false(s->median_estimated);
    assert_int_equal(s->sided, 5);
    assert_int_equal(s->wrong_side, 1);
    assert_int_equal(it->n_clicks, 5);
    assert_int_equal(it->clicks_seen, 5);
    report_free(r);

    /* An even count: the mean of the two middle values (5 and 10). */
    create("m.scores", "med", "Median");
    append("m.scores", ATTEMPT_QUIZ, "demo_back", ans, 4, T0 + 86400);
    r = run(names, (ReportOptions){0}, &seen);
    s = &find_item(r, "demo_back/tp.upper/locate")->stats[REPORT_QUIZ];
    assert_true(fabs(s->median_distance - 7.5) < 1e-9);
    assert_null(find_item(r, "demo_back/tp.upper/locate")->clicks); /* not kept unless asked */
    report_free(r);
}

/* The front chart mirrors: demo_front's tp.chest at (230, 420) is on the
 * patient's right, the viewer's left; a click at x = 370 is on the wrong
 * side, one at x = 290 is not. Zones: distance from the edge, 0 inside;
 * the zone (x 200..260) is on the left of the midline too. */
static void test_front_chart_and_zone(void **state)
{
    (void)state;
    const char *names[] = {"f.scores", NULL};
    create("f.scores", "front", "Front");
    RecordAnswer ans[4] = {
        click_answer("demo_front/tp.chest/locate", "front", 370, 420, 0),
        click_answer("demo_front/tp.chest/locate", "front", 290, 420, 0),
        click_answer("demo_front/tp.chest/zone", "front", 230, 480, 1),
        click_answer("demo_front/tp.chest/zone", "front", 230, 580, 0),
    };
    append("f.scores", ATTEMPT_QUIZ, "demo_front", ans, 4, T0 + 86400);
    Seen seen;
    Report *r = run(names, (ReportOptions){0}, &seen);
    const ReportItem *loc = find_item(r, "demo_front/tp.chest/locate");
    assert_int_equal(loc->side, -1);
    assert_int_equal(loc->stats[REPORT_QUIZ].sided, 2);
    assert_int_equal(loc->stats[REPORT_QUIZ].wrong_side, 1);
    const ReportItem *zone = find_item(r, "demo_front/tp.chest/zone");
    assert_int_equal(zone->side, -1);
    const ReportItemStats *z = &zone->stats[REPORT_QUIZ];
    assert_int_equal(z->clicks, 2);
    /* Inside: 0; (230, 580) is 30 below the spillover zone's edge at 550. */
    assert_true(fabs(z->mean_distance - 15) < 1e-9);
    assert_true(fabs(z->median_distance - 15) < 1e-9);
    report_free(r);
}

/* The other chart items: reverse (a click measured from its own trigger
 * point), locate-all (each mark from the nearest point to find, judged by
 * that point's side; matched marks count as full credit in the sample) and
 * paint (paintings added up cell by cell, no distances). */
static void test_reverse_locate_all_paint(void **state)
{
    (void)state;
    create("k.scores", "kinds", "Kinds");
    RecordAnswer ans[3];
    ans[0] = click_answer("demo_back/tp.lower/reverse", "back", 350, 703, 1);
    ans[0].type = "reverse";
    ans[0].matched = "demo_back/lower";
    ans[1] = click_answer("demo_back/view.back/locate_all", "back", 0, 0, 0.5);
    ans[1].type = "locate_all";
    ans[1].has_click = false;
    Vec2 marks[3] = {{363, 564}, {350, 710}, {240, 560}};
    char *mark_tp[3] = {"upper", "lower", NULL};
    ans[1].n_marks = 3;
    ans[1].marks = marks;
    ans[1].mark_tp = mark_tp;
    ans[2] = click_answer("demo_back/tp.upper/paint", "back", 0, 0, 0.75);
    ans[2].type = "paint";
    ans[2].has_click = false;
    ans[2].has_paint = true;
    ans[2].grid = grade_paint_grid((RectD){0, 0, 600, 1400}, 0);
    int runs[2] = {150 * 150 + 82, 15}; /* row 150, columns 82..96 */
    ans[2].n_runs = 2;
    ans[2].runs = runs;
    append("k.scores", ATTEMPT_QUIZ, "demo_back", ans, 3, T0 + 86400);
    const char *names[] = {"k.scores", NULL};
    Seen seen;
    Report *r = run(names, (ReportOptions){.keep_clicks = true}, &seen);

    const ReportItem *rev = find_item(r, "demo_back/tp.lower/reverse");
    assert_int_equal(rev->kind, REPORT_ITEM_REVERSE);
    assert_int_equal(rev->side, 1);
    assert_int_equal(rev->stats[REPORT_QUIZ].clicks, 1);
    assert_true(fabs(rev->stats[REPORT_QUIZ].median_distance - 3) < 1e-9);

    const ReportItem *all = find_item(r, "demo_back/view.back/locate_all");
    assert_int_equal(all->kind, REPORT_ITEM_LOCATE_ALL);
    assert_string_equal(all->view->name, "back");
    assert_int_equal(all->side, 0);
    const ReportItemStats *s = &all->stats[REPORT_QUIZ];
    assert_int_equal(s->answers, 1);
    assert_int_equal(s->clicks, 3);
    assert_true(fabs(s->mean_distance - (5 + 10 + 120) / 3.0) < 1e-9);
    assert_true(fabs(s->median_distance - 10) < 1e-9);
    assert_int_equal(s->sided, 3);
    assert_int_equal(s->wrong_side, 1);
    assert_int_equal(all->n_clicks, 3);
    assert_true(all->clicks[0].credit == 1 && all->clicks[1].credit == 1 && all->clicks[2].credit == 0);

    const ReportItem *paint = find_item(r, "demo_back/tp.upper/paint");
    assert_int_equal(paint->kind, REPORT_ITEM_PAINT);
    assert_int_equal(paint->stats[REPORT_QUIZ].clicks, 0);
    assert_true(fabs(paint->stats[REPORT_QUIZ].facility - 75) < 1e-9);
    assert_int_equal(paint->paint.paintings, 1);
    assert_int_equal(paint->paint.grid.cols, 150);
    unsigned sum = 0;
    for (int i = 0; i < paint->paint.grid.cols * paint->paint.grid.rows; i++)
        sum += paint->paint.counts[i];
    assert_int_equal(sum, 15);
    assert_int_equal(paint->paint.counts[150 * 150 + 82], 1);
    assert_int_equal(paint->paint.counts[150 * 150 + 96], 1);
    assert_int_equal(paint->paint.counts[150 * 150 + 97], 0);
    report_free(r);
}

/* More clicks than are kept exactly: the median comes from the histogram,
 * within half a bin of the exact one. */
static void test_histogram_median(void **state)
{
    (void)state;
    enum { N = REPORT_EXACT_DISTANCES + 501 };
    RecordAnswer *ans = calloc(N, sizeof *ans);
    assert_non_null(ans);
    for (int i = 0; i < N; i++)
        ans[i] = click_answer("demo_back/tp.upper/locate", "back", 360, 560 + 0.1 * i, 0);
    create("h.scores", "hist", "Hist");
    append("h.scores", ATTEMPT_QUIZ, "demo_back", ans, N, T0 + 86400);
    free(ans);
    const char *names[] = {"h.scores", NULL};
    Seen seen;
    Report *r = run(names, (ReportOptions){.keep_clicks = true}, &seen);
    const ReportItem *it = find_item(r, "demo_back/tp.upper/locate");
    const ReportItemStats *s = &it->stats[REPORT_QUIZ];
    assert_int_equal(s->clicks, N);
    assert_true(s->median_estimated);
    double exact = 0.1 * (N / 2), half_bin = sqrt(600.0 * 600 + 1400.0 * 1400) / REPORT_DISTANCE_BINS / 2;
    assert_true(fabs(s->median_distance - exact) <= half_bin + 0.1);
    assert_true(fabs(s->mean_distance - 0.1 * (N - 1) / 2) < 1e-6);
    assert_int_equal(it->clicks_seen, N);
    assert_int_equal(it->n_clicks, N < REPORT_MAX_CLICKS ? N : REPORT_MAX_CLICKS);
    report_free(r);
}

/* Learners: certification from good records only; integrity named; bad
 * files skipped with a reason while the rest still come out; the same
 * results with threads. */
static void test_learners_and_bad_files(void **state)
{
    (void)state;
    /* Certified: both module quizzes and the exam passed. */
    create("good.scores", "good", "Good Learner");
    real_attempt(LIB, "demo", tmp_path("good.scores"), KEY, "demo_back", true, T0 + 86400);
    real_attempt(LIB, "demo", tmp_path("good.scores"), KEY, "demo_front", true, T0 + 2 * 86400);
    real_attempt(LIB, "demo", tmp_path("good.scores"), KEY, NULL, true, T0 + 3 * 86400);
    /* The same, then its exam record edited: not certified. */
    create("bad.scores", "bad", "=HYPERLINK(\"x\")");
    real_attempt(LIB, "demo", tmp_path("bad.scores"), KEY, "demo_back", true, T0 + 86400);
    real_attempt(LIB, "demo", tmp_path("bad.scores"), KEY, "demo_front", true, T0 + 2 * 86400);
    real_attempt(LIB, "demo", tmp_path("bad.scores"), KEY, NULL, false, T0 + 3 * 86400);
    /* Someone raises the failed exam's score in an editor (same length). */
    FILE *f = fopen(tmp_path("bad.scores"), "r+");
    assert_non_null(f);
    char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    char *p = strstr(text, "mode exam");
    assert_non_null(p);
    p = strstr(p, "score 0.0000");
    assert_non_null(p);
    memcpy(p, "score 0.9000", 12);
    rewind(f);
    assert_int_equal(fwrite(text, 1, n, f), n);
    fclose(f);
    /* Not score files. */
    f = fopen(tmp_path("notes.txt"), "w");
    fputs("not scores\n", f);
    fclose(f);
    const char *names[] = {"bad.scores", "gone.scores", "good.scores", "notes.txt", NULL};
    Seen seen;
    Report *r = run(names, (ReportOptions){.threads = 3}, &seen);
    assert_int_equal(seen.files, 4);
    assert_int_equal(seen.skipped, 2);
    assert_string_equal(seen.learners[0], "bad");
    assert_false(seen.certified[0]);
    assert_non_null(strstr(seen.integrity[0], "record 5 edited"));
    assert_non_null(strstr(seen.reasons[1], "cannot read"));
    assert_string_equal(seen.learners[2], "good");
    assert_true(seen.certified[2]);
    assert_string_equal(seen.integrity[2], "all 5 records good");
    assert_non_null(strstr(seen.reasons[3], "not a score file"));
    const ReportSummary *sum = report_summary(r);
    assert_int_equal(sum->files, 4);
    assert_int_equal(sum->read, 2);
    assert_int_equal(sum->skipped, 2);
    assert_int_equal(sum->intact, 1);
    assert_int_equal(sum->attempts, 6);
    assert_int_equal(sum->counted, 5); /* the edited exam is left out */
    assert_int_equal(sum->certified[0], 1);
    assert_int_equal(report_skipped_count(r), 2);
    const char *sp, *why;
    report_skipped(r, 0, &sp, &why);
    assert_string_equal(sp, tmp_path("gone.scores"));
    report_free(r);
}

/* Threads change nothing: the same figures with 1 and 4 threads. */
static void test_threads_same_result(void **state)
{
    (void)state;
    const char *names[] = {"t0.scores", "t1.scores", "t2.scores", "t3.scores",
                           "t4.scores", "t5.scores", NULL};
    for (int k = 0; names[k]; k++) {
        char id[16];
        snprintf(id, sizeof id, "thr%d", k);
        create(names[k], id, "Thread");
        RecordAnswer ans[2] = {
            click_answer("demo_back/tp.upper/locate", "back", 350 + 7 * k, 555 + 3 * k, k % 2),
            option_answer("demo_back/question.colour", k % 3 ? 1 : 0)};
        /* The option chosen: right when credited, else a circle or a
         * text the question does not have (not counted). */
        char *chosen[1] = {k % 3 ? "An X" : k == 0 ? "A circle" : "A hexagon"};
        ans[1].chosen = chosen;
        ans[1].n_chosen = 1;
        append(names[k], ATTEMPT_EXAM, NULL, ans, 2, T0 + 86400);
    }
    Seen s1, s4;
    Report *a = run(names, (ReportOptions){.threads = 1, .keep_clicks = true}, &s1);
    Report *b = run(names, (ReportOptions){.threads = 4, .keep_clicks = true}, &s4);
    assert_int_equal(report_item_count(a), report_item_count(b));
    for (int i = 0; i < report_item_count(a); i++) {
        const ReportItem *x = report_item(a, i), *y = report_item(b, i);
        assert_string_equal(x->key, y->key);
        assert_memory_equal(&x->stats, &y->stats, sizeof x->stats);
        assert_int_equal(x->n_clicks, y->n_clicks);
        if (x->n_clicks)
            assert_memory_equal(x->clicks, y->clicks, sizeof *x->clicks * (size_t)x->n_clicks);
    }
    /* How the options were chosen: k = 1, 2, 4, 5 the right one, k = 0 a
     * circle, k = 3 an option the question has not got. */
    const ReportItem *colour = find_item(a, "demo_back/question.colour");
    assert_non_null(colour);
    assert_int_equal(colour->n_options, 4);
    assert_non_null(colour->picks[REPORT_EXAM]);
    assert_int_equal(colour->picks[REPORT_EXAM][0], 4); /* An X */
    assert_int_equal(colour->picks[REPORT_EXAM][1], 1); /* A circle */
    assert_int_equal(colour->picks[REPORT_EXAM][2], 0);
    assert_int_equal(colour->picks[REPORT_EXAM][3], 0);
    assert_int_equal(colour->picks[REPORT_QUIZ][0], 0);
    const ReportItem *colour4 = find_item(b, "demo_back/question.colour");
    assert_memory_equal(colour->picks[REPORT_EXAM], colour4->picks[REPORT_EXAM], 4 * sizeof(int));
    assert_int_equal(find_item(a, "demo_back/tp.upper/locate")->n_options, 0);
    for (int i = 0; i < 6; i++)
        assert_string_equal(s1.learners[i], s4.learners[i]);
    report_free(a);
    report_free(b);
}

static int csv_rows(void *user, const ReportFile *f)
{
    return report_csv_file(user, f);
}

static void test_csv_quoting(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    report_csv_field(out, "plain");
    fputc('|', out);
    report_csv_field(out, "a,b");
    fputc('|', out);
    report_csv_field(out, "say \"hi\"");
    fputc('|', out);
    report_csv_field(out, "two\nlines");
    fputc('|', out);
    report_csv_field(out, " padded");
    fputc('|', out);
    report_csv_field(out, "Zoë");
    fclose(out);
    assert_string_equal(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded\"|Zoë");
    free(buf);

    /* A display name that a spreadsheet would run as a formula is defused. */
    create("csv.scores", "csv", "=HYPERLINK(\"x\")");
    ReportCsv *csv = report_csv_create();
    assert_non_null(csv);
    Report *r = report_create(LIB, KEY, &(ReportOptions){0});
    const char *p = tmp_path("csv.scores");
    assert_int_equal(report_add_files(r, &p, 1, csv_rows, csv), 1);
    report_finish(r);
    out = open_memstream(&buf, &len);
    assert_int_equal(report_csv_write(csv, r, out), 0);
    fclose(out);
    assert_int_equal(strncmp(buf, "Files\r\nfile,status,", 19), 0);
    assert_non_null(strstr(buf, ",csv,\"'=HYPERLINK(\"\"x\"\")\",1,1,"));
    assert_non_null(strstr(buf, "\r\n\r\nCertification\r\nfile,learner,course,"));
    assert_non_null(strstr(buf, "\r\n\r\nQuestions\r\nquestion,type,"));
    free(buf);
    report_free(r);
    report_csv_free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_discrimination_by_hand), cmocka_unit_test(test_note_minimum_answers),
        cmocka_unit_test(test_distances_median_wrong_side),
        cmocka_unit_test(test_front_chart_and_zone),   cmocka_unit_test(test_reverse_locate_all_paint),
        cmocka_unit_test(test_histogram_median),       cmocka_unit_test(test_learners_and_bad_files),
        cmocka_unit_test(test_threads_same_result),    cmocka_unit_test(test_csv_quoting),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
