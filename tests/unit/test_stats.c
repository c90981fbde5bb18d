/* Unit tests for src/core/stats.c, studylog.c and bodymap.c: statistics
 * over hand-built learner files with known numbers (the report fixture's
 * course: demo_back, low back, points upper (360,560) and lower (350,700)
 * on the back chart; demo_front, chest, point chest (230,420) on the front
 * chart; both charts 0.13 cm per unit), and damaged or missing files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bodymap.h"
#include "score_samples.h"
#include "stats.h"
#include "studylog.h"
#include "support.h"

#define DAY 86400
#define T0 INT64_C(1767225600) /* 2026-01-01 00:00 UTC, a Thursday */

static Library *LIB;
static unsigned char KEY[STATION_KEY_BYTES];

static int group_setup(void **state)
{
    (void)state;
    int errors = 0;
    LIB = report_fixture_library(&errors);
    sample_key(KEY);
    return LIB && errors == 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    library_free(LIB);
    return 0;
}

static int setup(void **state)
{
    return tmp_state_setup(state, "tpquiz-stats", "anna.scores");
}

static RecordAnswer click_answer(const char *key, const char *type, double credit, const char *view, double x,
                                 double y)
{
    RecordAnswer a;
    memset(&a, 0, sizeof a);
    a.key = (char *)key;
    a.type = (char *)type;
    a.module = strncmp(key, "demo_back", 9) == 0 ? "demo_back" : "demo_front";
    a.credit = credit;
    a.time_ms = 3000;
    a.answered = true;
    a.has_click = view != NULL;
    a.click = (Vec2){x, y};
    a.view = (char *)view;
    return a;
}

static Record attempt(AttemptMode mode, const char *module, int64_t started, int64_t finished, RecordAnswer *answers,
                      int n)
{
    Record r;
    memset(&r, 0, sizeof r);
    r.kind = RECORD_ATTEMPT;
    r.mode = mode;
    r.course = "demo";
    r.module = (char *)module;
    r.started = started;
    r.finished = finished;
    r.seed = 7;
    r.score = 0.5;
    r.pass_mark = 80;
    r.n_answers = n;
    r.answers = answers;
    return r;
}

/* The known learner's score file: a quiz on day 0 and an exam on day 2. */
static void write_scores(const char *path)
{
    Diag *d = diag_create();
    assert_int_equal(scorefile_create(path, "anna", "Anna", T0, KEY, d), 0);
    RecordAnswer quiz[5] = {
        click_answer("demo_back/tp.upper/locate", "locate", 1, "back", 390, 600),  /* 50 units: 6.5 cm */
        click_answer("demo_back/tp.lower/locate", "locate", 0.5, "back", 350, 720), /* 20 units: 2.6 cm */
        click_answer("demo_back/question.colour", "choice", 0, NULL, 0, 0),
        click_answer("demo_back/tp.upper/zone", "zone", 1, "back", 360, 600), /* not a locate: no distance */
        click_answer("demo_back/tp.lower/zone", "zone", 0, "back", 0, 0),
    };
    quiz[4].answered = false; /* not answered: not counted */
    quiz[4].has_click = false;
    Record q = attempt(ATTEMPT_QUIZ, "demo_back", T0 + 3600, T0 + 4200, quiz, 5);
    assert_int_equal(scorefile_append(path, &q, KEY, d), 0);
    RecordAnswer ex[2] = {
        click_answer("demo_front/tp.chest/locate", "locate", 0.75, "front", 230, 430), /* 1.3 cm */
        click_answer("demo_back/tp.upper/locate", "locate", 0, "back", 360, 660),      /* 13 cm */
    };
    Record e = attempt(ATTEMPT_EXAM, NULL, T0 + 2 * DAY + 36000, T0 + 2 * DAY + 37800, ex, 2);
    assert_int_equal(scorefile_append(path, &e, KEY, d), 0);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
}

static StudyLogEntry entry(int64_t at, const char *key, double credit, int64_t time_ms, double cm)
{
    StudyLogEntry e;
    memset(&e, 0, sizeof e);
    e.at_s = at;
    e.key = key;
    e.credit = credit;
    e.time_ms = time_ms;
    e.distance_cm = cm;
    return e;
}

static const StudyLogEntry *known_log(int *n)
{
    static StudyLogEntry log[4];
    log[0] = entry(T0 + 7200, "demo_front/tp.chest/locate", 1, 4000, 0.65);
    log[1] = entry(T0 + 7200, "demo_front/question.sides", 1, 6000, -1);
    log[2] = entry(T0 + 2 * DAY + 100, "demo_front/tp.chest/locate", 0.5, 700000, 3.9); /* counts 10 min */
    log[3] = entry(T0 + 2 * DAY + 100, "gone_module/tp.x/locate", 0, 1000, 5.0);       /* history only */
    *n = 4;
    return log;
}

static const StatsModule *module_stats(const Stats *s, const char *id)
{
    for (int i = 0; i < s->n_modules; i++)
        if (!strcmp(s->modules[i].module->id, id))
            return &s->modules[i];
    fail_msg("no statistics for module %s", id);
    return NULL;
}

static void test_known_learner(void **state)
{
    Tmp *t = *state;
    write_scores(t->file);
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(t->file, KEY, d);
    assert_non_null(f);
    assert_true(scorefile_intact(f));
    int n_log;
    const StudyLogEntry *log = known_log(&n_log);
    StatsInput in = {LIB, f, log, n_log, NULL, T0 + 10 * DAY, 0};
    Stats *s = stats_compute(&in);
    assert_non_null(s);

    assert_int_equal(s->answers, 10);
    assert_int_equal(s->practice_answers, 4);
    assert_int_equal(s->quizzes, 1);
    assert_int_equal(s->exams, 1);
    assert_int_equal(s->quiz_s, 600);
    assert_int_equal(s->exam_s, 1800);
    assert_int_equal(s->practice_s, 611); /* 4 + 6 + 600 (capped) + 1 */

    assert_int_equal(s->n_modules, 2);
    const StatsModule *back = module_stats(s, "demo_back"), *front = module_stats(s, "demo_front");
    /* demo_back: 1, 0.5, 0, 1 (quiz) and 0 (exam). */
    assert_int_equal(back->answers, 5);
    assert_int_equal(back->window, 5);
    assert_near(back->mastery, 0.5, 1e-9);
    assert_int_equal(back->last_s, T0 + 2 * DAY + 37800);
    assert_string_equal(back->region, "low_back");
    /* demo_front: 1, 1 (practice), 0.5 (practice), 0.75 (exam). */
    assert_int_equal(front->answers, 4);
    assert_near(front->mastery, 0.8125, 1e-9);

    /* Regions in MUSCLE_GROUPS order: chest before low back. */
    assert_int_equal(s->n_regions, 2);
    assert_string_equal(s->regions[0].id, "chest");
    assert_string_equal(s->regions[0].name, "Chest");
    assert_int_equal(s->regions[0].modules, 1);
    assert_int_equal(s->regions[0].practised, 1);
    assert_near(s->regions[0].mastery, 0.8125, 1e-9);
    assert_string_equal(s->regions[1].id, "low_back");
    assert_near(s->regions[1].mastery, 0.5, 1e-9);

    /* Day 0: 1, 0.5, 0, 1 (quiz), 1, 1 (practice); distances 6.5, 2.6, 0.65.
     * Day 2: 0.5, 0 (practice), 0.75, 0 (exam); distances 3.9, 5.0, 1.3, 13. */
    assert_int_equal(s->period_days, 1);
    assert_int_equal(s->n_periods, 2);
    assert_int_equal(s->periods[0].start_s, T0);
    assert_int_equal(s->periods[0].answers, 6);
    assert_near(s->periods[0].accuracy, 0.75, 1e-9);
    assert_int_equal(s->periods[0].located, 3);
    assert_near(s->periods[0].median_cm, 2.6, 1e-9);
    assert_int_equal(s->periods[1].start_s, T0 + 2 * DAY);
    assert_int_equal(s->periods[1].answers, 4);
    assert_near(s->periods[1].accuracy, 0.3125, 1e-9);
    assert_int_equal(s->periods[1].located, 4);
    assert_near(s->periods[1].median_cm, 4.45, 1e-9);

    assert_int_equal(s->scheduled, 0);
    for (int i = 0; i < STATS_FORECAST_DAYS; i++)
        assert_int_equal(s->forecast[i], 0);
    stats_free(s);
    scorefile_free(f);
    diag_free(d);
}

/* Records that do not verify count for nothing: the same file read with
 * another key is all "edited". */
static void test_unverified_records_do_not_count(void **state)
{
    Tmp *t = *state;
    write_scores(t->file);
    unsigned char other[STATION_KEY_BYTES];
    memset(other, 0x11, sizeof other);
    Diag *d = diag_create();
    ScoreFile *f = scorefile_load(t->file, other, d);
    assert_non_null(f);
    assert_false(scorefile_intact(f));
    StatsInput in = {LIB, f, NULL, 0, NULL, T0, 0};
    Stats *s = stats_compute(&in);
    assert_non_null(s);
    assert_int_equal(s->answers, 0);
    assert_int_equal(s->quizzes + s->exams, 0);
    assert_int_equal(s->quiz_s + s->exam_s, 0);
    assert_int_equal(s->n_periods, 0);
    assert_near(module_stats(s, "demo_back")->mastery, 0, 0);
    stats_free(s);
    scorefile_free(f);
    diag_free(d);
}

/* Mastery is over the latest STATS_WINDOW answers only: 5 misses, then 20
 * hits is full mastery; one more miss makes it 19/20. */
static void test_mastery_window(void **state)
{
    (void)state;
    StudyLogEntry log[26];
    for (int i = 0; i < 25; i++)
        log[i] = entry(T0 + i, "demo_back/tp.upper/locate", i < 5 ? 0 : 1, 1000, -1);
    StatsInput in = {LIB, NULL, log, 25, NULL, T0 + DAY, 0};
    Stats *s = stats_compute(&in);
    assert_non_null(s);
    assert_int_equal(module_stats(s, "demo_back")->answers, 25);
    assert_int_equal(module_stats(s, "demo_back")->window, STATS_WINDOW);
    assert_near(module_stats(s, "demo_back")->mastery, 1, 1e-12);
    /* An untouched module counts 0 in its region. */
    assert_int_equal(module_stats(s, "demo_front")->answers, 0);
    assert_near(s->regions[0].mastery, 0, 0);
    assert_int_equal(s->regions[0].practised, 0);
    /* The accuracy of the day is over all 25: 20/25. */
    assert_int_equal(s->n_periods, 1);
    assert_near(s->periods[0].accuracy, 0.8, 1e-12);
    assert_near(s->periods[0].median_cm, -1, 0);
    stats_free(s);
    log[25] = entry(T0 + 30, "demo_back/tp.lower/locate", 0, 1000, -1);
    in.n_log = 26;
    s = stats_compute(&in);
    assert_near(module_stats(s, "demo_back")->mastery, 0.95, 1e-12);
    stats_free(s);
}

/* Days follow the local offset; a history over STATS_DAILY_SPAN days goes
 * by weeks from Monday. */
static void test_periods_local_days_and_weeks(void **state)
{
    (void)state;
    StudyLogEntry log[3] = {
        entry(T0 - 3600, "demo_back/tp.upper/locate", 1, 1000, 1.0), /* 23:00 UTC, 01:00 at UTC+2 */
        entry(T0 + 3600, "demo_back/tp.upper/locate", 0, 1000, 3.0),
    };
    StatsInput in = {LIB, NULL, log, 2, NULL, T0 + DAY, 2 * 3600};
    Stats *s = stats_compute(&in);
    assert_int_equal(s->n_periods, 1); /* both on 1 January, local */
    assert_int_equal(s->periods[0].start_s, T0 - 2 * 3600);
    assert_near(s->periods[0].median_cm, 2.0, 1e-12);
    stats_free(s);
    in.utc_offset_s = 0;
    s = stats_compute(&in);
    assert_int_equal(s->n_periods, 2); /* 31 December and 1 January in UTC */
    assert_int_equal(s->periods[0].start_s, T0 - DAY);
    stats_free(s);
    /* 70 days: weeks. 1 January 2026 is a Thursday: its week starts on
     * Monday 29 December; day 70 (a Thursday) in the week from day 67. */
    log[1] = entry(T0 + 70 * DAY, "demo_back/tp.upper/locate", 0, 1000, -1);
    log[2] = entry(T0 + 71 * DAY, "demo_back/tp.upper/locate", 1, 1000, -1);
    in.n_log = 3;
    s = stats_compute(&in);
    assert_int_equal(s->period_days, 7);
    assert_int_equal(s->n_periods, 2);
    assert_int_equal(s->periods[0].start_s, T0 - 3 * DAY);
    assert_int_equal(s->periods[1].start_s, T0 + 67 * DAY);
    assert_int_equal(s->periods[1].answers, 2);
    assert_near(s->periods[1].accuracy, 0.5, 1e-12);
    stats_free(s);
}

static void test_review_forecast(void **state)
{
    (void)state;
    int64_t now = T0 + 10 * DAY + 43200; /* noon */
    ReviewDeck *deck = review_create();
    review_record(deck, "demo_back/tp.upper/locate", 1, now - 3 * DAY); /* due 2 days ago */
    review_record(deck, "demo_front/tp.chest/locate", 1, now);          /* tomorrow */
    review_record(deck, "demo_back/question.colour", 0, now);           /* a miss: tomorrow */
    review_record(deck, "demo_back/tp.lower/locate", 1, now - DAY);     /* due now, then 6 days */
    review_record(deck, "demo_back/tp.lower/locate", 1, now);
    review_record(deck, "gone_module/tp.x/locate", 0, now); /* not loaded: left out */
    review_record(deck, "demo_back/tp.lower/zone", 1, now - 40 * DAY); /* overdue for long */
    StatsInput in = {LIB, NULL, NULL, 0, deck, now, 0};
    Stats *s = stats_compute(&in);
    assert_int_equal(s->scheduled, 5);
    assert_int_equal(s->overdue, 2);
    int expect[STATS_FORECAST_DAYS] = {[0] = 2, [1] = 2, [6] = 1};
    for (int i = 0; i < STATS_FORECAST_DAYS; i++)
        assert_int_equal(s->forecast[i], expect[i]);
    stats_free(s);
    review_free(deck);
}

static void test_locate_distance(void **state)
{
    (void)state;
    assert_near(stats_locate_cm(LIB, "demo_back/tp.upper/locate", "back", (Vec2){390, 600}), 6.5, 1e-9);
    assert_near(stats_locate_cm(LIB, "demo_back/tp.upper/locate", "front", (Vec2){390, 600}), -1, 0);
    assert_near(stats_locate_cm(LIB, "demo_back/tp.upper/zone", "back", (Vec2){390, 600}), -1, 0);
    assert_near(stats_locate_cm(LIB, "demo_back/tp.nowhere/locate", "back", (Vec2){390, 600}), -1, 0);
    assert_near(stats_locate_cm(LIB, "nobody/tp.upper/locate", "back", (Vec2){390, 600}), -1, 0);
    assert_near(stats_locate_cm(LIB, "demo_back", "back", (Vec2){390, 600}), -1, 0);
    assert_near(stats_locate_cm(NULL, "demo_back/tp.upper/locate", "back", (Vec2){390, 600}), -1, 0);
    char buf[8];
    assert_false(stats_key_module("/tp.x/locate", buf, sizeof buf));
    assert_false(stats_key_module("a_long_module_id/x", buf, sizeof buf));
    assert_true(stats_key_module("abc/x", buf, sizeof buf));
    assert_string_equal(buf, "abc");
}

/* A new learner, or nothing at all: zeros, never a crash. */
static void test_empty(void **state)
{
    (void)state;
    StatsInput in = {NULL, NULL, NULL, 0, NULL, T0, 0};
    Stats *s = stats_compute(&in);
    assert_non_null(s);
    assert_int_equal(s->n_modules + s->n_periods + s->answers + s->scheduled, 0);
    assert_int_equal(s->n_regions, 0);
    stats_free(s);
    in.lib = LIB;
    s = stats_compute(&in);
    assert_int_equal(s->n_modules, 2);
    assert_int_equal(s->n_regions, 2);
    assert_int_equal(s->answers, 0);
    assert_int_equal(s->period_days, 1);
    stats_free(s);
    stats_free(NULL);
}

static void test_log_round_trip(void **state)
{
    Tmp *t = *state;
    char path[256];
    snprintf(path, sizeof path, "%s/anna.practice", t->dir);
    StudyLogEntry e[3] = {
        entry(T0, "demo_back/tp.upper/locate", 0.875, 4321, 2.25),
        entry(T0, "bad key", 1, 1, -1), /* not storable: skipped */
        entry(T0 + 5, "demo_back/question.colour", 2.0, -5, 5000), /* clamped; no distance */
    };
    Diag *d = diag_create();
    assert_int_equal(studylog_append(path, e, 3, d), 0);
    assert_int_equal(studylog_append(path, e, 1, d), 0);
    assert_int_equal(studylog_append(path, e, 0, d), 0);
    assert_string_equal(read_file(path, NULL), "tpquiz-practice 1\n"
                                               "1767225600\tdemo_back/tp.upper/locate\t87.50\t4321\t2.25\n"
                                               "1767225605\tdemo_back/question.colour\t100.00\t0\t-\n"
                                               "1767225600\tdemo_back/tp.upper/locate\t87.50\t4321\t2.25\n");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    StudyLogEntry *got = NULL;
    assert_int_equal(studylog_load(path, &got, d), 3);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(got[0].at_s, T0);
    assert_string_equal(got[0].key, "demo_back/tp.upper/locate");
    assert_near(got[0].credit, 0.875, 1e-12);
    assert_int_equal(got[0].time_ms, 4321);
    assert_near(got[0].distance_cm, 2.25, 1e-12);
    assert_near(got[1].credit, 1, 0);
    assert_near(got[1].distance_cm, -1, 0);
    free(got);
    diag_free(d);
}

static void test_log_missing_and_damaged(void **state)
{
    Tmp *t = *state;
    char path[256];
    snprintf(path, sizeof path, "%s/anna.practice", t->dir);
    StudyLogEntry *got = (StudyLogEntry *)1;
    Diag *d = diag_create();
    /* Missing: empty, no message. */
    assert_int_equal(studylog_load(path, &got, d), 0);
    assert_null(got);
    assert_int_equal(diag_count(d), 0);
    /* Bad lines are reported and skipped; the good one is kept. */
    write_text(path, "tpquiz-practice 1\n"
                     "1767225600\tdemo_back/tp.upper/locate\t50\t1000\t1.5\n"
                     "yesterday\tdemo_back/tp.upper/locate\t50\t1000\t1.5\n"
                     "1767225600\tbad key\t50\t1000\t1.5\n"
                     "1767225600\tdemo_back/tp.upper/locate\t101\t1000\t1.5\n"
                     "1767225600\tdemo_back/tp.upper/locate\t50\t99999999999\t1.5\n"
                     "1767225600\tdemo_back/tp.upper/locate\t50\t1000\tfar\n"
                     "1767225600\tdemo_back/tp.upper/locate\t50\n"
                     "\x01\x02\x03 garbage\n");
    assert_int_equal(studylog_load(path, &got, d), 1);
    assert_near(got[0].credit, 0.5, 0);
    free(got);
    assert_string_equal(diag_text(d, DIAG_TEXT_RELATIVE),
                        "anna.practice:3: error: bad time 'yesterday' (expected unix seconds)\n"
                        "anna.practice:4: error: bad item key 'bad key'\n"
                        "anna.practice:5: error: bad credit '101' (expected a percentage 0..100)\n"
                        "anna.practice:6: error: bad time taken '99999999999' (expected milliseconds, at most a day)\n"
                        "anna.practice:7: error: bad distance 'far' (expected cm or -)\n"
                        "anna.practice:8: error: expected 5 tab-separated fields, found 3\n"
                        "anna.practice:9: error: expected 5 tab-separated fields, found 1\n");
    diag_free(d);
    /* Not a practice log at all; a folder in its place: empty, reported. */
    d = diag_create();
    write_text(path, "\xff\xfe binary \x00 junk");
    assert_int_equal(studylog_load(path, &got, d), 0);
    assert_true(diag_error_count(d) >= 1);
    diag_free(d);
    d = diag_create();
    assert_int_equal(remove(path), 0);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(studylog_load(path, &got, d), 0);
    assert_null(got);
    assert_int_equal(diag_error_count(d), 1);
    /* Appending to a folder fails with a reason, and nothing breaks. */
    StudyLogEntry e = entry(T0, "demo_back/tp.upper/locate", 1, 1, -1);
    assert_int_equal(studylog_append(path, &e, 1, d), -1);
    assert_int_equal(diag_error_count(d), 2);
    diag_free(d);
    /* A FIFO in its place: reading and appending say so and never wait
     * for a writer or a reader. */
    assert_int_equal(rmdir(path), 0);
    assert_int_equal(mkfifo(path, 0600), 0);
    d = diag_create();
    assert_int_equal(studylog_load(path, &got, d), 0);
    assert_null(got);
    assert_int_equal(studylog_append(path, &e, 1, d), -1);
    assert_int_equal(diag_error_count(d), 2);
    diag_free(d);
    /* Statistics over what was read: zeros. */
    StatsInput in = {LIB, NULL, got, 0, NULL, T0, 0};
    Stats *s = stats_compute(&in);
    assert_int_equal(s->answers, 0);
    assert_int_equal(s->practice_s, 0);
    stats_free(s);
}

/* Every muscle group has a place on a whole-body chart, inside the chart;
 * pairs come as two shapes, mirror images across the midline. */
static void test_body_map(void **state)
{
    (void)state;
    BodyMapShape front[64], back[64];
    int nf = bodymap_shapes("front", front, 64), nb = bodymap_shapes("back", back, 64);
    assert_true(nf > 0 && nf <= 64 && nb > 0 && nb <= 64);
    assert_int_equal(bodymap_shapes("head_side", front, 64), 0);
    assert_int_equal(bodymap_shapes(NULL, front, 64), 0);
    for (int g = 0; MUSCLE_GROUPS[g].id; g++) {
        Vec2 at;
        bool on_front = bodymap_label_at("front", MUSCLE_GROUPS[g].id, &at);
        bool on_back = bodymap_label_at("back", MUSCLE_GROUPS[g].id, &at);
        if (!on_front && !on_back)
            fail_msg("muscle group %s has no place on the body map", MUSCLE_GROUPS[g].id);
    }
    Vec2 at;
    assert_true(bodymap_label_at("back", "low_back", &at));
    assert_true(at.x > 250 && at.x < 350 && at.y > 450 && at.y < 630);
    assert_false(bodymap_label_at("back", "chest", &at));
    for (int i = 0; i < nf + nb; i++) {
        const BodyMapShape *s = i < nf ? &front[i] : &back[i - nf];
        assert_true(s->n >= 3 && s->n <= BODYMAP_MAX_POINTS);
        assert_non_null(named_id_name(MUSCLE_GROUPS, s->group));
        for (int k = 0; k < s->n; k++)
            assert_true(s->pts[k].x >= 0 && s->pts[k].x <= 600 && s->pts[k].y >= 0 && s->pts[k].y <= 1400);
    }
    /* The thighs: a pair, the second the mirror image of the first. */
    int first = -1;
    for (int i = 0; i < nf; i++)
        if (!strcmp(front[i].group, "thigh")) {
            first = i;
            break;
        }
    assert_true(first >= 0 && !strcmp(front[first + 1].group, "thigh"));
    const BodyMapShape *r = &front[first], *l = &front[first + 1];
    assert_int_equal(r->n, l->n);
    assert_near(r->pts[0].x, 600 - l->pts[l->n - 1].x, 1e-9);
    assert_near(r->pts[0].y, l->pts[l->n - 1].y, 1e-9);
    /* Fewer room than shapes: the count is still all of them. */
    assert_int_equal(bodymap_shapes("front", front, 1), nf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_known_learner, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_unverified_records_do_not_count, setup, tmp_state_teardown),
        cmocka_unit_test(test_mastery_window),
        cmocka_unit_test(test_periods_local_days_and_weeks),
        cmocka_unit_test(test_review_forecast),
        cmocka_unit_test(test_locate_distance),
        cmocka_unit_test(test_empty),
        cmocka_unit_test_setup_teardown(test_log_round_trip, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_log_missing_and_damaged, setup, tmp_state_teardown),
        cmocka_unit_test(test_body_map),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
