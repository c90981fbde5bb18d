/* Unit tests for src/core/session.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "session.h"
#include "support.h"

/* The test module, built by hand:
 *  tp 0 iliacus  (front)  zones: 0 side spillover, 1 back essential,
 *                                 2 front essential -> zone and paint items
 *                                 on "back", a reverse item on "front"
 *  tp 1 psoas    (front)  zones: 3 front essential  -> zone, paint and
 *                                 reverse items on "front"
 *  tp 2 upper    (side)   zones: 4 side spillover only -> no zone, paint or
 *                                 reverse item
 *  "front" holds iliacus and psoas -> a locate-all item; "side" only upper
 *  questions: 0 choice (1 correct, 5 wrong), 1 multi (3 + 2),
 *             2 multi (6 + 5), 3 multi (9 + 1)
 * = 3 locate + 2 zone + 2 paint + 1 locate-all + 2 reverse + 4 question
 * items: 14. */
static Vec2 ZSIDE[] = {{0, 0}, {50, 0}, {50, 50}, {0, 50}};
static Vec2 ZBACK[] = {{100, 100}, {120, 100}, {120, 130}, {100, 130}};
static Vec2 ZFRONT[] = {{300, 300}, {320, 300}, {320, 330}, {300, 330}};
static Vec2 ZPSOAS[] = {{400, 400}, {420, 400}, {410, 430}};
static Vec2 ZUPPER[] = {{500, 500}, {520, 500}, {510, 530}};

static char *Q0_CORRECT[] = {"Standing up after sitting"};
static char *Q0_WRONG[] = {"W1", "W2", "W3", "W4", "W5"};
static char *Q1_CORRECT[] = {"C1", "C2", "C3"};
static char *Q1_WRONG[] = {"X1", "X2"};
static char *Q2_CORRECT[] = {"D1", "D2", "D3", "D4", "D5", "D6"};
static char *Q2_WRONG[] = {"Y1", "Y2", "Y3", "Y4", "Y5"};
static char *Q3_CORRECT[] = {"E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9"};
static char *Q3_WRONG[] = {"Z1"};

static TriggerPoint TPS[3];
static Zone ZONES[5];
static Question QUESTIONS[4];
static Module MOD;

static const Module *make_module(void)
{
    TPS[0] = (TriggerPoint){.id = "iliacus",
                            .view = "front",
                            .at = {200, 400},
                            .radius = 10,
                            .primary = true,
                            .label = "Iliacus"};
    TPS[1] = (TriggerPoint){.id = "psoas", .view = "front", .at = {220, 350}, .radius = 12, .label = "Psoas"};
    TPS[2] = (TriggerPoint){.id = "upper", .view = "side", .at = {50, 60}, .radius = 8, .label = "Iliopsoas"};
    ZONES[0] = (Zone){.id = "il_side",
                      .view = "side",
                      .tp_id = "iliacus",
                      .tp = 0,
                      .kind = ZONE_SPILLOVER,
                      .poly = {ZSIDE, N(ZSIDE)}};
    ZONES[1] = (Zone){.id = "il_back",
                      .view = "back",
                      .tp_id = "iliacus",
                      .tp = 0,
                      .kind = ZONE_ESSENTIAL,
                      .poly = {ZBACK, N(ZBACK)}};
    ZONES[2] = (Zone){.id = "il_front",
                      .view = "front",
                      .tp_id = "iliacus",
                      .tp = 0,
                      .kind = ZONE_ESSENTIAL,
                      .poly = {ZFRONT, N(ZFRONT)}};
    ZONES[3] = (Zone){.id = "ps_front",
                      .view = "front",
                      .tp_id = "psoas",
                      .tp = 1,
                      .kind = ZONE_ESSENTIAL,
                      .poly = {ZPSOAS, N(ZPSOAS)}};
    ZONES[4] = (Zone){.id = "up_side",
                      .view = "side",
                      .tp_id = "upper",
                      .tp = 2,
                      .kind = ZONE_SPILLOVER,
                      .poly = {ZUPPER, N(ZUPPER)}};
    QUESTIONS[0] = (Question){.id = "worse_standing",
                              .type = QUESTION_CHOICE,
                              .prompt = "When is the pain worst?",
                              .correct = Q0_CORRECT,
                              .n_correct = N(Q0_CORRECT),
                              .wrong = Q0_WRONG,
                              .n_wrong = N(Q0_WRONG),
                              .explain = "..."};
    QUESTIONS[1] = (Question){.id = "small_multi",
                              .type = QUESTION_MULTI,
                              .prompt = "Pick C",
                              .correct = Q1_CORRECT,
                              .n_correct = N(Q1_CORRECT),
                              .wrong = Q1_WRONG,
                              .n_wrong = N(Q1_WRONG),
                              .explain = "..."};
    QUESTIONS[2] = (Question){.id = "big_multi",
                              .type = QUESTION_MULTI,
                              .prompt = "Pick D",
                              .correct = Q2_CORRECT,
                              .n_correct = N(Q2_CORRECT),
                              .wrong = Q2_WRONG,
                              .n_wrong = N(Q2_WRONG),
                              .explain = "..."};
    QUESTIONS[3] = (Question){.id = "huge_multi",
                              .type = QUESTION_MULTI,
                              .prompt = "Pick E",
                              .correct = Q3_CORRECT,
                              .n_correct = N(Q3_CORRECT),
                              .wrong = Q3_WRONG,
                              .n_wrong = N(Q3_WRONG),
                              .explain = "..."};
    memset(&MOD, 0, sizeof MOD);
    MOD.id = "iliopsoas";
    MOD.name = "Iliopsoas";
    MOD.tps = TPS;
    MOD.n_tps = N(TPS);
    MOD.zones = ZONES;
    MOD.n_zones = N(ZONES);
    MOD.questions = QUESTIONS;
    MOD.n_questions = N(QUESTIONS);
    return &MOD;
}

static int find_key(const Session *s, const char *key)
{
    for (int i = 0; i < session_item_count(s); i++)
        if (strcmp(session_item(s, i)->key, key) == 0)
            return i;
    return -1;
}

/* The paint grid of every test view: a 600 x 600 box, 4-unit cells. */
static Grid test_grid(void)
{
    return grade_paint_grid((RectD){0, 0, 600, 600}, 0);
}

/* Exactly the cells of tp's zones on view (a painting worth 1); the
 * caller frees it. */
static unsigned char *zone_cells(const Module *m, int tp, const char *view, const Grid *g)
{
    size_t n = (size_t)g->cols * (size_t)g->rows;
    unsigned char *cells = calloc(n, 1), *classes = malloc(n);
    assert_true(grade_zone_paint_classify(cells, g, m, tp, view, classes).ok);
    for (size_t k = 0; k < n; k++)
        cells[k] = classes[k] == PAINT_CELL_MISSED_ESSENTIAL || classes[k] == PAINT_CELL_MISSED_SPILLOVER;
    free(classes);
    return cells;
}

/* Every key of the test module's items, in canonical order. */
static const char *const KEYS[] = {
    "iliopsoas/tp.iliacus/locate",  "iliopsoas/tp.psoas/locate",         "iliopsoas/tp.upper/locate",
    "iliopsoas/tp.iliacus/zone",    "iliopsoas/tp.psoas/zone",           "iliopsoas/tp.iliacus/paint",
    "iliopsoas/tp.psoas/paint",     "iliopsoas/view.front/locate_all",   "iliopsoas/tp.iliacus/reverse",
    "iliopsoas/tp.psoas/reverse",   "iliopsoas/question.worse_standing", "iliopsoas/question.small_multi",
    "iliopsoas/question.big_multi", "iliopsoas/question.huge_multi",
};
#define N_ITEMS N(KEYS)

static int canonical_index(const char *key)
{
    for (int k = 0; k < N_ITEMS; k++)
        if (strcmp(KEYS[k], key) == 0)
            return k;
    fail();
    return -1;
}

static void test_items_and_keys(void **state)
{
    (void)state;
    const Module *m = make_module();
    Session *s = session_create_practice(m, 1);
    assert_non_null(s);
    assert_int_equal(session_item_count(s), N_ITEMS);
    assert_int_equal(session_mode(s), SESSION_PRACTICE);
    assert_true(session_seed(s) == 1);
    for (int k = 0; k < N_ITEMS; k++)
        assert_true(find_key(s, KEYS[k]) >= 0);
    /* A trigger point with only a spillover zone gets no zone, paint or
     * reverse item; a view with one trigger point no locate-all item. */
    assert_int_equal(find_key(s, "iliopsoas/tp.upper/zone"), -1);
    assert_int_equal(find_key(s, "iliopsoas/tp.upper/paint"), -1);
    assert_int_equal(find_key(s, "iliopsoas/tp.upper/reverse"), -1);
    assert_int_equal(find_key(s, "iliopsoas/view.side/locate_all"), -1);
    assert_null(session_item(s, N_ITEMS));
    assert_null(session_item(s, -1));
    /* Reverse items of practice are graded against the module alone. */
    int n_mods = 0;
    const Module *const *mods = session_modules(s, &n_mods);
    assert_int_equal(n_mods, 1);
    assert_ptr_equal(mods[0], m);
    session_free(s);
}

static void test_locate_and_zone_items(void **state)
{
    (void)state;
    const Module *m = make_module();
    Session *s = session_create_practice(m, 2);
    const Item *it = session_item(s, find_key(s, "iliopsoas/tp.iliacus/locate"));
    assert_int_equal(it->type, ITEM_LOCATE_TP);
    assert_int_equal(it->tp, 0);
    assert_int_equal(it->question, -1);
    assert_ptr_equal(it->module, m);
    assert_string_equal(it->view, "front");
    assert_int_equal(it->n_options, 0);
    assert_string_equal(it->prompt, "Click the iliacus trigger point of iliopsoas (on the patient's right "
                                    "side).");
    /* A label that is the muscle's name is not repeated. */
    it = session_item(s, find_key(s, "iliopsoas/tp.upper/locate"));
    assert_string_equal(it->view, "side");
    assert_string_equal(it->prompt, "Click the iliopsoas trigger point (on the patient's right side).");

    /* The zone item is answered on the view of the first essential zone
     * (back), not of the first zone (side, spillover) nor of the point. */
    it = session_item(s, find_key(s, "iliopsoas/tp.iliacus/zone"));
    assert_int_equal(it->type, ITEM_ZONE_CLICK);
    assert_int_equal(it->tp, 0);
    assert_int_equal(it->question, -1);
    assert_string_equal(it->view, "back");
    assert_string_equal(it->prompt, "Where does the iliacus trigger point of iliopsoas refer "
                                    "pain? Click inside its referral zone.");
    it = session_item(s, find_key(s, "iliopsoas/tp.psoas/zone"));
    assert_string_equal(it->view, "front");
    assert_int_equal(it->tp, 1);

    /* Paint items: on the view of the first essential zone, like zone items. */
    it = session_item(s, find_key(s, "iliopsoas/tp.iliacus/paint"));
    assert_int_equal(it->type, ITEM_ZONE_PAINT);
    assert_int_equal(it->tp, 0);
    assert_int_equal(it->question, -1);
    assert_string_equal(it->view, "back");
    assert_int_equal(it->n_options, 0);
    assert_int_equal(it->n_targets, 0);
    assert_string_equal(it->prompt, "Paint the referral zone of the iliacus trigger point of iliopsoas.");
    it = session_item(s, find_key(s, "iliopsoas/tp.psoas/paint"));
    assert_string_equal(it->view, "front");

    /* Locate-all: every point on the view, in module order. */
    it = session_item(s, find_key(s, "iliopsoas/view.front/locate_all"));
    assert_int_equal(it->type, ITEM_LOCATE_ALL);
    assert_int_equal(it->tp, -1);
    assert_int_equal(it->question, -1);
    assert_string_equal(it->view, "front");
    assert_int_equal(it->n_targets, 2);
    assert_int_equal(it->targets[0], 0);
    assert_int_equal(it->targets[1], 1);
    assert_string_equal(
        it->prompt, "Mark both trigger points of iliopsoas on this chart (on the patient's right side).");

    /* Reverse: on the point's own view, which also shows its pattern; the
     * prompt names no muscle. */
    it = session_item(s, find_key(s, "iliopsoas/tp.iliacus/reverse"));
    assert_int_equal(it->type, ITEM_REVERSE);
    assert_int_equal(it->tp, 0);
    assert_string_equal(it->view, "front");
    assert_null(strstr(it->prompt, "liacus"));
    assert_null(strstr(it->prompt, "liopsoas"));
    it = session_item(s, find_key(s, "iliopsoas/tp.psoas/reverse"));
    assert_int_equal(it->tp, 1);
    assert_string_equal(it->view, "front");
    session_free(s);

    /* A point whose essential zones are all on other charts gets no reverse
     * item (its pattern is not on the chart the click goes on). */
    Module m2 = *make_module();
    Zone zones[5];
    memcpy(zones, ZONES, sizeof zones);
    zones[2].view = "back"; /* iliacus: essential zones on the back only */
    m2.zones = zones;
    s = session_create_practice(&m2, 2);
    assert_int_equal(find_key(s, "iliopsoas/tp.iliacus/reverse"), -1);
    assert_true(find_key(s, "iliopsoas/tp.psoas/reverse") >= 0);
    assert_true(find_key(s, "iliopsoas/tp.iliacus/paint") >= 0);
    session_free(s);
}

/* Checks that item it holds exactly the options it should. */
static void check_options(const Item *it, const Question *q, int want_n, int want_correct)
{
    assert_int_equal(it->n_options, want_n);
    assert_null(it->view);
    assert_int_equal(it->tp, -1);
    int n_correct = 0;
    for (int i = 0; i < it->n_options; i++) {
        bool in_correct = false, in_wrong = false;
        for (int k = 0; k < q->n_correct; k++)
            in_correct |= it->options[i] == q->correct[k];
        for (int k = 0; k < q->n_wrong; k++)
            in_wrong |= it->options[i] == q->wrong[k];
        assert_true(in_correct != in_wrong);
        assert_int_equal(it->option_correct[i], in_correct);
        n_correct += in_correct;
        for (int j = 0; j < i; j++)
            assert_ptr_not_equal(it->options[i], it->options[j]);
    }
    assert_int_equal(n_correct, want_correct);
}

static void test_question_items(void **state)
{
    (void)state;
    const Module *m = make_module();
    for (uint64_t seed = 0; seed < 50; seed++) {
        Session *s = session_create_practice(m, seed);
        const Item *it = session_item(s, find_key(s, "iliopsoas/question.worse_standing"));
        assert_int_equal(it->type, ITEM_CHOICE);
        assert_int_equal(it->question, 0);
        assert_string_equal(it->prompt, "When is the pain worst?");
        check_options(it, &m->questions[0], 4, 1); /* correct + 3 of 5 wrong */
        it = session_item(s, find_key(s, "iliopsoas/question.small_multi"));
        assert_int_equal(it->type, ITEM_MULTI);
        check_options(it, &m->questions[1], 5, 3); /* everything fits */
        it = session_item(s, find_key(s, "iliopsoas/question.big_multi"));
        check_options(it, &m->questions[2], SESSION_MAX_OPTIONS, 6); /* all correct, 2 wrong */
        it = session_item(s, find_key(s, "iliopsoas/question.huge_multi"));
        /* More correct options than fit: one place is kept for a wrong one. */
        check_options(it, &m->questions[3], SESSION_MAX_OPTIONS, SESSION_MAX_OPTIONS - 1);
        session_free(s);
    }
}

static void test_options_shuffled_across_seeds(void **state)
{
    (void)state;
    const Module *m = make_module();
    int correct_at[4] = {0};
    int wrong_seen[5] = {0};
    for (uint64_t seed = 0; seed < 400; seed++) {
        Session *s = session_create_practice(m, seed);
        const Item *it = session_item(s, find_key(s, "iliopsoas/question.worse_standing"));
        for (int i = 0; i < it->n_options; i++) {
            if (it->option_correct[i])
                correct_at[i]++;
            for (int k = 0; k < 5; k++)
                wrong_seen[k] += it->options[i] == Q0_WRONG[k];
        }
        session_free(s);
    }
    /* The correct option lands in every position, and every wrong option is
     * used: roughly 100 and 240 times each. */
    for (int i = 0; i < 4; i++)
        assert_true(correct_at[i] > 60 && correct_at[i] < 140);
    for (int k = 0; k < 5; k++)
        assert_true(wrong_seen[k] > 180 && wrong_seen[k] < 300);
}

static void test_deterministic_per_seed(void **state)
{
    (void)state;
    const Module *m = make_module();
    Session *a = session_create_practice(m, 777);
    Session *b = session_create_practice(m, 777);
    assert_int_equal(session_item_count(a), session_item_count(b));
    for (int i = 0; i < session_item_count(a); i++) {
        const Item *x = session_item(a, i), *y = session_item(b, i);
        assert_string_equal(x->key, y->key);
        assert_string_equal(x->prompt, y->prompt);
        assert_int_equal(x->n_options, y->n_options);
        for (int k = 0; k < x->n_options; k++) {
            assert_ptr_equal(x->options[k], y->options[k]);
            assert_int_equal(x->option_correct[k], y->option_correct[k]);
        }
    }
    session_free(a);
    session_free(b);
}

/* The order of keys as one string, to compare orders. */
static void order_of(const Session *s, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int i = 0; i < session_item_count(s); i++) {
        strncat(buf, session_item(s, i)->key, size - strlen(buf) - 1);
        strncat(buf, "|", size - strlen(buf) - 1);
    }
}

static void test_seeds_give_different_orders(void **state)
{
    (void)state;
    const Module *m = make_module();
    enum { SEEDS = 30 };
    static char orders[SEEDS][1024];
    int distinct = 0;
    int first_at[N_ITEMS] = {0};
    for (int k = 0; k < SEEDS; k++) {
        Session *s = session_create_practice(m, (uint64_t)k * 1000003u);
        order_of(s, orders[k], sizeof orders[k]);
        bool seen = false;
        for (int j = 0; j < k; j++)
            seen |= strcmp(orders[j], orders[k]) == 0;
        distinct += !seen;
        /* Which canonical item comes first? */
        first_at[canonical_index(session_item(s, 0)->key)]++;
        session_free(s);
    }
    assert_true(distinct >= SEEDS - 2);
    /* Not always the same kind of item first. */
    int kinds_first = 0;
    for (int i = 0; i < N_ITEMS; i++)
        kinds_first += first_at[i] > 0;
    assert_true(kinds_first >= 4);
}

/* Checks the repair's rules on session s: for each pair of keys that must
 * come in order (a point's locate, zone, paint, reverse; a view's locate
 * items before its locate-all item), the first comes first, and (if
 * apart) not straight before the second. Pairs whose items are not both
 * there are skipped. */
static void check_order_rules(const Session *s, const Module *const *mods, int n_mods, bool apart,
                              uint64_t seed)
{
    static const char *const CHAIN[] = {"locate", "zone", "paint", "reverse"};
    for (int mi = 0; mi < n_mods; mi++) {
        const Module *m = mods[mi];
        for (int tp = 0; tp < m->n_tps; tp++) {
            int at[4];
            for (int k = 0; k < 4; k++) {
                char key[96];
                snprintf(key, sizeof key, "%s/tp.%s/%s", m->id, m->tps[tp].id, CHAIN[k]);
                at[k] = find_key(s, key);
            }
            char all[96];
            snprintf(all, sizeof all, "%s/view.%s/locate_all", m->id, m->tps[tp].view);
            int pairs[][2] = {{at[0], at[1]}, {at[0], at[2]}, {at[0], at[3]},           {at[1], at[2]},
                              {at[1], at[3]}, {at[2], at[3]}, {at[0], find_key(s, all)}};
            for (int p = 0; p < N(pairs); p++) {
                int a = pairs[p][0], b = pairs[p][1];
                if (a < 0 || b < 0)
                    continue;
                if (!(a < b) || (apart && a + 1 == b)) {
                    print_error("seed %llu: %s at %d, %s at %d\n", (unsigned long long)seed,
                                session_item(s, a)->key, a, session_item(s, b)->key, b);
                    fail();
                }
            }
        }
    }
}

static void test_locate_before_zone_and_not_adjacent(void **state)
{
    (void)state;
    const Module *m = make_module();
    for (uint64_t seed = 0; seed < 2000; seed++) {
        Session *s = session_create_practice(m, seed);
        check_order_rules(s, &m, 1, true, seed);
        session_free(s);
    }
}

/* A shorter practice: the first n items of the full practice's order from
 * the same seed, all distinct, the same for the same seed, keeping the
 * order's rules; which items make the cut changes with the seed. */
static void test_practice_limit(void **state)
{
    (void)state;
    const Module *m = make_module();
    static const int LIMITS[] = {1, 5, 10, N_ITEMS - 1, N_ITEMS, N_ITEMS + 5, 0, -3};
    for (int li = 0; li < N(LIMITS); li++) {
        int limit = LIMITS[li], want = limit < 1 || limit > N_ITEMS ? N_ITEMS : limit;
        for (uint64_t seed = 0; seed < 300; seed++) {
            Session *full = session_create_practice(m, seed);
            Session *s = session_create_practice_limit(m, seed, limit);
            Session *again = session_create_practice_limit(m, seed, limit);
            assert_non_null(s);
            assert_int_equal(session_mode(s), SESSION_PRACTICE);
            assert_int_equal(session_item_count(s), want);
            assert_int_equal(session_item_count(again), want);
            for (int i = 0; i < want; i++) {
                assert_string_equal(session_item(s, i)->key, session_item(full, i)->key);
                assert_string_equal(session_item(s, i)->key, session_item(again, i)->key);
                assert_string_equal(session_item(s, i)->prompt, session_item(again, i)->prompt);
                for (int j = 0; j < i; j++)
                    assert_string_not_equal(session_item(s, i)->key, session_item(s, j)->key);
            }
            check_order_rules(s, &m, 1, true, seed);
            session_free(full);
            session_free(s);
            session_free(again);
        }
    }
    /* Ten items: over many seeds, every item of the module is drawn at
     * some time, and not every session draws the same ten. */
    int drawn[N_ITEMS] = {0};
    char first[1024], other[1024];
    int differ = 0;
    for (uint64_t seed = 0; seed < 200; seed++) {
        Session *s = session_create_practice_limit(m, seed, 10);
        for (int i = 0; i < session_item_count(s); i++)
            drawn[canonical_index(session_item(s, i)->key)]++;
        order_of(s, seed == 0 ? first : other, sizeof first);
        differ += seed > 0 && strcmp(first, other) != 0;
        /* Answering and finishing a short session works as in full practice. */
        bool pick[SESSION_MAX_OPTIONS] = {true};
        int answered = 0;
        for (int i = 0; i < session_item_count(s); i++) {
            const Item *it = session_item(s, i);
            if (it->type == ITEM_CHOICE || it->type == ITEM_MULTI)
                answered += session_answer_options(s, pick, 1000 + i) != NULL;
            else if (it->type != ITEM_ZONE_PAINT && it->type != ITEM_LOCATE_ALL)
                answered += session_answer_click(s, (Vec2){1, 1}, 1000 + i) != NULL;
            session_next(s);
        }
        assert_true(session_finished(s));
        assert_int_equal(session_answered_count(s), answered);
        session_free(s);
    }
    for (int i = 0; i < N_ITEMS; i++)
        assert_true(drawn[i] > 0);
    assert_true(differ > 150);
    /* A module without items gives none, whatever the length. */
    Module empty = *m;
    empty.n_tps = 0;
    empty.n_zones = 0;
    empty.n_questions = 0;
    assert_null(session_create_practice_limit(&empty, 1, 10));
}

static void test_small_module_keeps_locate_first(void **state)
{
    (void)state;
    Module m = *make_module();
    m.n_tps = 1;
    m.n_questions = 0;
    /* One point: locate, zone, paint, reverse, in that order, adjacent
     * (nothing else can go between). */
    for (uint64_t seed = 0; seed < 20; seed++) {
        Session *s = session_create_practice(&m, seed);
        assert_int_equal(session_item_count(s), 4);
        assert_string_equal(session_item(s, 0)->key, "iliopsoas/tp.iliacus/locate");
        assert_string_equal(session_item(s, 1)->key, "iliopsoas/tp.iliacus/zone");
        assert_string_equal(session_item(s, 2)->key, "iliopsoas/tp.iliacus/paint");
        assert_string_equal(session_item(s, 3)->key, "iliopsoas/tp.iliacus/reverse");
        session_free(s);
    }
}

static void test_empty_module_and_unanswerable_question(void **state)
{
    (void)state;
    Module m = *make_module();
    assert_null(session_create_practice(NULL, 1));
    m.n_tps = 0;
    m.n_zones = 0;
    m.n_questions = 0;
    assert_null(session_create_practice(&m, 1));
    /* A question without a correct option is left out (the loader reports
     * it); a module with nothing else has no items. */
    Question q = QUESTIONS[1];
    q.n_correct = 0;
    m.questions = &q;
    m.n_questions = 1;
    assert_null(session_create_practice(&m, 1));
}

/* Moves the session to the item with this key, skipping the others. */
static int go_to(Session *s, const char *key)
{
    int want = find_key(s, key);
    assert_true(want >= session_current(s));
    while (session_current(s) < want)
        session_next(s);
    return want;
}

static void test_answering(void **state)
{
    (void)state;
    const Module *m = make_module();
    Session *s = session_create_practice(m, 3);
    int n = session_item_count(s);
    assert_int_equal(session_current(s), 0);
    assert_false(session_finished(s));
    assert_int_equal(session_answered_count(s), 0);
    assert_near(session_score(s), 0, 0);
    for (int i = 0; i < n; i++) {
        assert_false(session_answer(s, i)->answered);
        assert_int_equal(session_answer(s, i)->zone, -1);
    }

    /* Walk the items in order, answering each one its own way. */
    double expect_sum = 0;
    int answered = 0;
    int64_t now = 1000000;
    for (int i = 0; i < n; i++, now += 5000) {
        assert_int_equal(session_current(s), i);
        const Item *it = session_item(s, i);
        session_show(s, now);
        const Answer *a;
        if (it->type == ITEM_LOCATE_TP) {
            /* The wrong kind of answer is refused and does not count. */
            bool chosen[SESSION_MAX_OPTIONS] = {true};
            assert_null(session_answer_options(s, chosen, now + 10));
            const TriggerPoint *tp = &m->tps[it->tp];
            /* 1.5 radii off: half credit. */
            Vec2 c = {tp->at.x + 1.5 * tp->radius, tp->at.y};
            a = session_answer_click(s, c, now + 1234);
            assert_non_null(a);
            assert_near(a->credit, 0.5, 1e-12);
            assert_near(a->distance, 1.5 * tp->radius, 1e-9);
            assert_near(a->click.x, c.x, 0);
            assert_int_equal(a->zone, -1);
            expect_sum += 0.5;
        } else if (it->type == ITEM_ZONE_PAINT) {
            Grid g = test_grid(), bad = g;
            unsigned char *cells = zone_cells(m, it->tp, it->view, &g);
            /* Other kinds of answer, and bad paintings, are refused. */
            assert_null(session_answer_click(s, (Vec2){110, 110}, now));
            assert_null(session_answer_options(s, (bool[SESSION_MAX_OPTIONS]){true}, now));
            assert_null(session_answer_clicks(s, (Vec2[]){{0, 0}}, 1, now));
            assert_null(session_answer_paint(s, NULL, &g, now));
            assert_null(session_answer_paint(s, cells, NULL, now));
            bad.cols = 0;
            assert_null(session_answer_paint(s, cells, &bad, now));
            bad = g;
            bad.cell = 0;
            assert_null(session_answer_paint(s, cells, &bad, now));
            bad.cell = 0.0005; /* a score file could not hold it */
            assert_null(session_answer_paint(s, cells, &bad, now));
            bad = (Grid){{0, 0}, 0.1, 3000, 3000}; /* 9 M cells */
            assert_null(session_answer_paint(s, cells, &bad, now));
            if (it->tp == 0) {
                /* iliacus on the back: exactly its zone. */
                a = session_answer_paint(s, cells, &g, now + 1234);
                assert_non_null(a);
                assert_near(a->credit, 1, 1e-12);
                assert_true(a->paint.ok);
                assert_true(a->paint.hit_essential > 0);
                assert_int_equal(a->paint.excess + a->paint.missed_essential + a->paint.missed_spillover, 0);
                assert_ptr_not_equal(a->painted, cells); /* a copy */
                assert_memory_equal(a->painted, cells, (size_t)g.cols * (size_t)g.rows);
                for (int k = 0; k < g.cols * g.rows; k++)
                    assert_int_equal(a->classes[k] == PAINT_CELL_HIT_ESSENTIAL, cells[k]);
                expect_sum += 1;
            } else {
                /* psoas: nothing painted is an answer worth 0. */
                memset(cells, 0, (size_t)g.cols * (size_t)g.rows);
                a = session_answer_paint(s, cells, &g, now + 1234);
                assert_near(a->credit, 0, 0);
                assert_int_equal(a->paint.painted, 0);
                assert_true(a->paint.missed_essential > 0);
            }
            assert_int_equal(a->grid.cols, g.cols);
            assert_int_equal(a->grid.rows, g.rows);
            free(cells);
        } else if (it->type == ITEM_LOCATE_ALL) {
            assert_null(session_answer_click(s, (Vec2){0, 0}, now));
            assert_null(session_answer_clicks(s, NULL, 1, now));
            assert_null(session_answer_clicks(s, (Vec2[]){{0, 0}}, -1, now));
            Vec2 many[SESSION_MAX_CLICKS + 1] = {{0, 0}};
            assert_null(session_answer_clicks(s, many, SESSION_MAX_CLICKS + 1, now));
            /* Both points and one extra mark, in any order: 2 / 3. */
            Vec2 marks[] = {m->tps[1].at, {590, 590}, m->tps[0].at};
            a = session_answer_clicks(s, marks, 3, now + 1234);
            assert_non_null(a);
            assert_near(a->credit, 2.0 / 3, 1e-12);
            assert_int_equal(a->n_clicks, 3);
            assert_ptr_not_equal(a->clicks, marks);
            assert_near(a->clicks[1].x, 590, 0);
            assert_int_equal(a->match[0], 2); /* iliacus: the third mark */
            assert_int_equal(a->match[1], 0); /* psoas: the first */
            expect_sum += 2.0 / 3;
        } else if (it->type == ITEM_REVERSE) {
            assert_null(session_answer_options(s, (bool[SESSION_MAX_OPTIONS]){true}, now));
            assert_null(session_answer_paint(s, (unsigned char[1]){1}, &(Grid){{0, 0}, 4, 1, 1}, now));
            if (it->tp == 0) {
                /* iliacus's pattern; a click on psoas (another pattern) earns
                 * nothing, and the responsible point is reported. */
                a = session_answer_click(s, m->tps[1].at, now + 1234);
                assert_near(a->credit, 0, 0);
                assert_int_equal(a->reverse.tp, 0);
            } else {
                a = session_answer_click(s, m->tps[1].at, now + 1234);
                assert_near(a->credit, 1, 0);
                assert_near(a->distance, 0, 0);
                assert_int_equal(a->reverse.tp, 1);
                expect_sum += 1;
            }
            assert_ptr_equal(a->reverse.module, m);
            assert_true(a->reverse.responsible);
            assert_int_equal(a->zone, -1);
        } else if (it->type == ITEM_ZONE_CLICK) {
            assert_null(session_answer_options(s, (bool[SESSION_MAX_OPTIONS]){false}, now));
            if (it->tp == 0) {
                /* iliacus, answered on the back view: a click at the
                 * front zone's coordinates misses. */
                a = session_answer_click(s, (Vec2){310, 310}, now + 1234);
                assert_near(a->credit, 0, 0);
                assert_int_equal(a->zone, -1);
                assert_true(a->distance > 0);
            } else {
                a = session_answer_click(s, (Vec2){410, 410}, now + 1234);
                assert_near(a->credit, 1, 0);
                assert_int_equal(a->zone, 3);
                assert_int_equal(a->zone_kind, ZONE_ESSENTIAL);
                expect_sum += 1;
            }
        } else {
            assert_null(session_answer_click(s, (Vec2){0, 0}, now));
            /* Pick every correct option and one wrong one if there is one. */
            bool chosen[SESSION_MAX_OPTIONS] = {false};
            int n_correct = 0, wrong = 0;
            for (int k = 0; k < it->n_options; k++) {
                n_correct += it->option_correct[k];
                if (it->option_correct[k] || (!wrong && (wrong = 1)))
                    chosen[k] = true;
            }
            a = session_answer_options(s, chosen, now + 1234);
            assert_non_null(a);
            double want = it->type == ITEM_CHOICE ? 0.0 : (double)(n_correct - 1) / n_correct;
            assert_near(a->credit, want, 1e-12);
            for (int k = 0; k < it->n_options; k++)
                assert_int_equal(a->chosen[k], chosen[k]);
            expect_sum += want;
        }
        assert_true(a->answered);
        assert_int_equal(a->time_ms, 1234);
        assert_ptr_equal(a, session_answer(s, i));
        answered++;
        assert_int_equal(session_answered_count(s), answered);
        /* Answering twice is refused and changes nothing. */
        double credit = a->credit;
        assert_null(session_answer_click(s, (Vec2){0, 0}, now + 2000));
        assert_null(session_answer_options(s, (bool[SESSION_MAX_OPTIONS]){true}, now + 2000));
        assert_null(session_answer_paint(s, (unsigned char[1]){1}, &(Grid){{0, 0}, 4, 1, 1}, now + 2000));
        assert_null(session_answer_clicks(s, (Vec2[]){{0, 0}}, 1, now + 2000));
        assert_near(session_answer(s, i)->credit, credit, 0);
        assert_int_equal(session_answer(s, i)->time_ms, 1234);
        assert_int_equal(session_next(s), i + 1 < n);
    }
    assert_true(session_finished(s));
    assert_int_equal(session_current(s), n);
    assert_false(session_next(s));
    assert_int_equal(session_current(s), n);
    assert_null(session_answer_click(s, (Vec2){0, 0}, now));
    assert_near(session_score(s), expect_sum / n, 1e-12);
    session_free(s);
}

static void test_skipped_items_score_zero_and_time(void **state)
{
    (void)state;
    const Module *m = make_module();
    Session *s = session_create_practice(m, 4);
    int n = session_item_count(s);
    int i = go_to(s, "iliopsoas/tp.iliacus/locate");
    /* Answered without session_show: no time measured. */
    const Answer *a = session_answer_click(s, m->tps[0].at, 99999);
    assert_near(a->credit, 1, 0);
    assert_int_equal(a->time_ms, 0);
    assert_int_equal(session_answer(s, i)->time_ms, 0);
    while (session_next(s))
        ;
    assert_true(session_finished(s));
    assert_int_equal(session_answered_count(s), 1);
    assert_near(session_score(s), 1.0 / n, 1e-12);
    session_free(s);

    /* A clock that goes backwards gives 0, not a negative time. */
    s = session_create_practice(m, 4);
    go_to(s, "iliopsoas/tp.psoas/zone");
    session_show(s, 5000);
    a = session_answer_click(s, (Vec2){405, 405}, 4000);
    assert_int_equal(a->time_ms, 0);
    session_free(s);
}

/* ---- Module quiz ---- */

static void test_quiz_is_practice_graded(void **state)
{
    (void)state;
    const Module *m = make_module();
    for (uint64_t seed = 0; seed < 20; seed++) {
        Session *p = session_create_practice(m, seed), *q = session_create_quiz(m, seed);
        assert_int_equal(session_mode(q), SESSION_QUIZ);
        assert_true(session_seed(q) == seed);
        assert_int_equal(session_item_count(q), session_item_count(p));
        for (int i = 0; i < session_item_count(q); i++) {
            const Item *x = session_item(p, i), *y = session_item(q, i);
            assert_string_equal(x->key, y->key);
            for (int k = 0; k < x->n_options; k++)
                assert_ptr_equal(x->options[k], y->options[k]);
        }
        session_free(p);
        session_free(q);
    }
    assert_null(session_create_quiz(NULL, 1));

    /* One-shot answers; the exam calls do nothing on a quiz. */
    Session *q = session_create_quiz(m, 5);
    int i = find_key(q, "iliopsoas/tp.psoas/locate");
    assert_null(session_set_click(q, i, m->tps[1].at, 10));
    session_goto(q, i, 0);
    assert_int_equal(session_current(q), 0);
    session_set_flag(q, 0, true);
    assert_false(session_flagged(q, 0));
    go_to(q, "iliopsoas/tp.psoas/locate");
    session_show(q, 100);
    const Answer *a = session_answer_click(q, m->tps[1].at, 350);
    assert_near(a->credit, 1, 0);
    assert_int_equal(a->time_ms, 250);
    session_clear(q, i);
    assert_true(session_answer(q, i)->answered);
    assert_null(session_answer_click(q, (Vec2){0, 0}, 400));
    /* Submitting early finishes it; the rest count 0. */
    session_submit(q, 500);
    assert_true(session_finished(q));
    assert_false(session_next(q));
    assert_near(session_score(q), 1.0 / session_item_count(q), 1e-12);
    session_free(q);
}

/* ---- Exam ----
 * A second and third module: "ql" has two points with essential zones and
 * a choice question (5 items); "tiny" has one choice question (1 item).
 * The course lists iliopsoas (9 items), a module that failed to load, ql and
 * tiny: 15 items. */
static Vec2 ZQA[] = {{10, 10}, {40, 10}, {40, 40}, {10, 40}};
static Vec2 ZQB[] = {{60, 10}, {90, 10}, {90, 40}, {60, 40}};
static char *QQ_CORRECT[] = {"Lateral flexion"};
static char *QQ_WRONG[] = {"Knee extension", "Plantar flexion"};
static char *QT_CORRECT[] = {"Yes"};
static char *QT_WRONG[] = {"No"};
static TriggerPoint QL_TPS[2];
static Zone QL_ZONES[2];
static Question QL_QUESTIONS[1], TINY_QUESTIONS[1];
static Module QL, TINY;
static const Module *COURSE_MODULES[4];
static char *COURSE_MODULE_IDS[] = {"iliopsoas", "broken", "ql", "tiny"};
static Course COURSE;

static const Course *make_course(void)
{
    make_module();
    QL_TPS[0] = (TriggerPoint){
        .id = "superficial", .view = "back", .at = {100, 100}, .radius = 10, .label = "Superficial"};
    QL_TPS[1] = (TriggerPoint){.id = "deep", .view = "back", .at = {150, 100}, .radius = 10, .label = "Deep"};
    QL_ZONES[0] = (Zone){.id = "sup",
                         .view = "back",
                         .tp_id = "superficial",
                         .tp = 0,
                         .kind = ZONE_ESSENTIAL,
                         .poly = {ZQA, N(ZQA)}};
    QL_ZONES[1] = (Zone){.id = "deep",
                         .view = "back",
                         .tp_id = "deep",
                         .tp = 1,
                         .kind = ZONE_ESSENTIAL,
                         .poly = {ZQB, N(ZQB)}};
    QL_QUESTIONS[0] = (Question){.id = "action",
                                 .type = QUESTION_CHOICE,
                                 .prompt = "Action?",
                                 .correct = QQ_CORRECT,
                                 .n_correct = N(QQ_CORRECT),
                                 .wrong = QQ_WRONG,
                                 .n_wrong = N(QQ_WRONG)};
    TINY_QUESTIONS[0] = (Question){.id = "only",
                                   .type = QUESTION_CHOICE,
                                   .prompt = "Only?",
                                   .correct = QT_CORRECT,
                                   .n_correct = 1,
                                   .wrong = QT_WRONG,
                                   .n_wrong = 1};
    memset(&QL, 0, sizeof QL);
    QL.id = "ql";
    QL.name = "Quadratus lumborum";
    QL.tps = QL_TPS;
    QL.n_tps = N(QL_TPS);
    QL.zones = QL_ZONES;
    QL.n_zones = N(QL_ZONES);
    QL.questions = QL_QUESTIONS;
    QL.n_questions = 1;
    memset(&TINY, 0, sizeof TINY);
    TINY.id = "tiny";
    TINY.name = "Tiny";
    TINY.questions = TINY_QUESTIONS;
    TINY.n_questions = 1;
    COURSE_MODULES[0] = &MOD;
    COURSE_MODULES[1] = NULL;
    COURSE_MODULES[2] = &QL;
    COURSE_MODULES[3] = &TINY;
    memset(&COURSE, 0, sizeof COURSE);
    COURSE.id = "essentials";
    COURSE.title = "Essentials";
    COURSE.module_ids = COURSE_MODULE_IDS;
    COURSE.n_modules = 4;
    COURSE.modules = COURSE_MODULES;
    COURSE.module_pass_mark = 80;
    COURSE.exam = (ExamRules){.time_limit_min = 60, .questions = 6, .pass_mark = 75, .attempts = 3};
    return &COURSE;
}

/* Items per module in an exam: [0] iliopsoas, [1] ql, [2] tiny. */
static void module_counts(const Session *s, int counts[3])
{
    counts[0] = counts[1] = counts[2] = 0;
    for (int i = 0; i < session_item_count(s); i++) {
        const Item *it = session_item(s, i);
        int k = it->module == &MOD ? 0 : it->module == &QL ? 1 : it->module == &TINY ? 2 : -1;
        assert_true(k >= 0);
        /* The key names the item's own module. */
        assert_memory_equal(it->key, it->module->id, strlen(it->module->id));
        assert_int_equal(it->key[strlen(it->module->id)], '/');
        counts[k]++;
    }
}

static void assert_no_repeats(const Session *s)
{
    for (int i = 0; i < session_item_count(s); i++)
        for (int j = 0; j < i; j++)
            assert_string_not_equal(session_item(s, i)->key, session_item(s, j)->key);
}

static void test_exam_stratified(void **state)
{
    (void)state;
    const Course *c = make_course();
    /* 6 of 14 + 10 + 1: tiny gives its one item, iliopsoas and ql share the
     * other five as 3 + 2 or 2 + 3, each way for some seeds. */
    int ilio_three = 0;
    for (uint64_t seed = 0; seed < 200; seed++) {
        Session *s = session_create_exam(c, seed, 6);
        assert_non_null(s);
        assert_int_equal(session_mode(s), SESSION_EXAM);
        assert_int_equal(session_item_count(s), 6);
        assert_no_repeats(s);
        int k[3];
        module_counts(s, k);
        assert_int_equal(k[2], 1);
        assert_true((k[0] == 3 && k[1] == 2) || (k[0] == 2 && k[1] == 3));
        ilio_three += k[0] == 3;
        session_free(s);
    }
    assert_true(ilio_three > 60 && ilio_three < 140);

    /* Fewer questions than modules: two modules get one each, which two is
     * drawn from the seed. */
    int left_out[3] = {0};
    for (uint64_t seed = 0; seed < 300; seed++) {
        Session *s = session_create_exam(c, seed, 2);
        int k[3];
        module_counts(s, k);
        for (int m = 0; m < 3; m++) {
            assert_true(k[m] <= 1);
            left_out[m] += k[m] == 0;
        }
        session_free(s);
    }
    for (int m = 0; m < 3; m++)
        assert_true(left_out[m] > 60);

    struct {
        int asked, want[3];
    } cases[] = {{1, {-1, -1, -1}}, {3, {1, 1, 1}},    {11, {5, 5, 1}},
                 {21, {10, 10, 1}}, {22, {11, 10, 1}}, {24, {13, 10, 1}},
                 {25, {14, 10, 1}}, {26, {14, 10, 1}}, {1000, {14, 10, 1}}};
    for (int t = 0; t < N(cases); t++)
        for (uint64_t seed = 0; seed < 20; seed++) {
            Session *s = session_create_exam(c, seed, cases[t].asked);
            int k[3];
            module_counts(s, k);
            assert_int_equal(session_item_count(s), cases[t].asked < 25 ? cases[t].asked : 25);
            assert_no_repeats(s);
            if (cases[t].want[0] >= 0)
                for (int m = 0; m < 3; m++)
                    assert_int_equal(k[m], cases[t].want[m]);
            session_free(s);
        }
}

/* A protocol's practice: the exam's stratified draw over the modules given
 * (a repeat and a NULL entry skipped), answered as practice. */
static void test_practice_set(void **state)
{
    (void)state;
    make_course();
    const Module *mods[] = {&MOD, NULL, &QL, &TINY, &QL};
    for (uint64_t seed = 0; seed < 50; seed++) {
        Session *s = session_create_practice_set(mods, 5, seed, 11);
        assert_non_null(s);
        assert_int_equal(session_mode(s), SESSION_PRACTICE);
        assert_int_equal(session_item_count(s), 11);
        assert_no_repeats(s);
        int k[3];
        module_counts(s, k);
        assert_int_equal(k[0], 5);
        assert_int_equal(k[1], 5);
        assert_int_equal(k[2], 1);
        int n_mods = 0;
        session_modules(s, &n_mods);
        assert_int_equal(n_mods, 3); /* reverse items graded against each once */
        session_free(s);
    }
    /* Fewer modules than items asked: all the items they have. */
    const Module *one[] = {&TINY};
    Session *s = session_create_practice_set(one, 1, 3, 20);
    assert_int_equal(session_item_count(s), 1);
    session_free(s);
    assert_null(session_create_practice_set(one, 1, 3, 0));
    const Module *none[] = {NULL};
    assert_null(session_create_practice_set(none, 1, 3, 20));
    assert_null(session_create_practice_set(NULL, 0, 3, 20));
}

static void test_exam_draws_every_item(void **state)
{
    (void)state;
    const Course *c = make_course();
    /* Over seeds, every item of the course is drawn, and each kind of item
     * is in the pool. */
    Session *all = session_create_exam(c, 1, 25);
    assert_int_equal(session_item_count(all), 25);
    int seen[25] = {0};
    for (uint64_t seed = 0; seed < 200; seed++) {
        Session *s = session_create_exam(c, seed, 6);
        for (int i = 0; i < session_item_count(s); i++)
            for (int j = 0; j < 25; j++)
                seen[j] += strcmp(session_item(s, i)->key, session_item(all, j)->key) == 0;
        session_free(s);
    }
    int types[ITEM_REVERSE + 1] = {0};
    for (int j = 0; j < 25; j++) {
        assert_true(seen[j] > 0);
        types[session_item(all, j)->type]++;
    }
    assert_int_equal(types[ITEM_LOCATE_TP], 5);
    assert_int_equal(types[ITEM_ZONE_CLICK], 4);
    assert_int_equal(types[ITEM_CHOICE], 3);
    assert_int_equal(types[ITEM_MULTI], 3);
    assert_int_equal(types[ITEM_ZONE_PAINT], 4);
    assert_int_equal(types[ITEM_LOCATE_ALL], 2);
    assert_int_equal(types[ITEM_REVERSE], 4);
    /* Reverse items are graded against the course's loaded modules, each
     * once. */
    int n_mods = 0;
    const Module *const *mods = session_modules(all, &n_mods);
    assert_int_equal(n_mods, 3);
    assert_ptr_equal(mods[0], &MOD);
    assert_ptr_equal(mods[1], &QL);
    assert_ptr_equal(mods[2], &TINY);
    session_free(all);
}

static void test_exam_deterministic_and_ordered(void **state)
{
    (void)state;
    const Course *c = make_course();
    static char orders[40][2048];
    int distinct = 0;
    for (int k = 0; k < 40; k++) {
        uint64_t seed = (uint64_t)k * 7777u + 3;
        Session *a = session_create_exam(c, seed, 10), *b = session_create_exam(c, seed, 10);
        assert_int_equal(session_item_count(a), session_item_count(b));
        for (int i = 0; i < session_item_count(a); i++) {
            const Item *x = session_item(a, i), *y = session_item(b, i);
            assert_string_equal(x->key, y->key);
            assert_int_equal(x->n_options, y->n_options);
            for (int o = 0; o < x->n_options; o++)
                assert_ptr_equal(x->options[o], y->options[o]);
        }
        order_of(a, orders[k], sizeof orders[k]);
        bool seen = false;
        for (int j = 0; j < k; j++)
            seen |= strcmp(orders[j], orders[k]) == 0;
        distinct += !seen;
        session_free(a);
        session_free(b);
    }
    assert_true(distinct >= 38);

    /* The order rules hold for the items drawn (locate, zone, paint,
     * reverse of a point; locate items before their locate-all item), and
     * with the whole course drawn no two tied items are adjacent. */
    const Module *mods[] = {&MOD, &QL};
    for (uint64_t seed = 0; seed < 600; seed++) {
        int asked = seed < 300 ? (int)(seed % 25) + 1 : 25;
        Session *s = session_create_exam(c, seed, asked);
        check_order_rules(s, mods, 2, asked == 25, seed);
        session_free(s);
    }
}

static void test_exam_empty(void **state)
{
    (void)state;
    Course c = *make_course();
    assert_null(session_create_exam(NULL, 1, 5));
    assert_null(session_create_exam(&c, 1, 0));
    assert_null(session_create_exam(&c, 1, -3));
    const Module *none[] = {NULL, NULL};
    c.modules = none;
    c.n_modules = 2;
    assert_null(session_create_exam(&c, 1, 5));
    c.n_modules = 0;
    assert_null(session_create_exam(&c, 1, 5));
    /* A loaded module with no items. */
    Module empty = TINY;
    empty.n_questions = 0;
    const Module *one[] = {&empty};
    c.modules = one;
    c.n_modules = 1;
    assert_null(session_create_exam(&c, 1, 5));
    /* A module listed twice counts once. */
    const Module *twice[] = {&TINY, &TINY};
    c.modules = twice;
    c.n_modules = 2;
    Session *s = session_create_exam(&c, 1, 5);
    assert_int_equal(session_item_count(s), 1);
    session_free(s);
}

/* Answers item i of an exam fully right. */
static const Answer *set_right(Session *s, int i, int64_t now)
{
    const Item *it = session_item(s, i);
    const Module *m = it->module;
    if (it->type == ITEM_LOCATE_TP || it->type == ITEM_REVERSE)
        return session_set_click(s, i, m->tps[it->tp].at, now);
    if (it->type == ITEM_ZONE_PAINT) {
        Grid g = test_grid();
        unsigned char *cells = zone_cells(m, it->tp, it->view, &g);
        const Answer *a = session_set_paint(s, i, cells, &g, now);
        free(cells);
        return a;
    }
    if (it->type == ITEM_LOCATE_ALL) {
        Vec2 marks[SESSION_MAX_CLICKS];
        for (int t = 0; t < it->n_targets; t++)
            marks[t] = m->tps[it->targets[t]].at;
        return session_set_clicks(s, i, marks, it->n_targets, now);
    }
    if (it->type == ITEM_ZONE_CLICK) {
        for (int z = 0; z < m->n_zones; z++)
            if (m->zones[z].tp == it->tp && m->zones[z].kind == ZONE_ESSENTIAL &&
                strcmp(m->zones[z].view, it->view) == 0)
                return session_set_click(s, i, m->zones[z].poly.pts[0], now);
        fail();
    }
    bool chosen[SESSION_MAX_OPTIONS] = {false};
    for (int k = 0; k < it->n_options; k++)
        chosen[k] = it->option_correct[k];
    return session_set_options(s, i, chosen, now);
}

static int first_of_type(const Session *s, ItemType t)
{
    for (int i = 0; i < session_item_count(s); i++)
        if (session_item(s, i)->type == t)
            return i;
    fail();
    return -1;
}

static void test_exam_answers_change_until_submitted(void **state)
{
    (void)state;
    const Course *c = make_course();
    Session *s = session_create_exam(c, 42, 15);
    int n = session_item_count(s);
    int loc = first_of_type(s, ITEM_LOCATE_TP), opt = first_of_type(s, ITEM_MULTI);
    const Item *it = session_item(s, loc);
    Vec2 at = it->module->tps[it->tp].at;

    /* Any item, any order, answered again and again. */
    const Answer *a = session_set_click(s, loc, (Vec2){at.x + 15 * it->module->tps[it->tp].radius, at.y}, 0);
    assert_non_null(a);
    assert_true(a->answered);
    assert_near(a->credit, 0, 0);
    a = session_set_click(s, loc, at, 0);
    assert_near(a->credit, 1, 0);
    assert_near(a->click.x, at.x, 0);
    assert_near(session_score(s), 1.0 / n, 1e-12);
    /* The wrong kind of answer is refused and changes nothing. */
    assert_null(session_set_options(s, loc, (bool[SESSION_MAX_OPTIONS]){true}, 0));
    assert_null(session_set_click(s, opt, at, 0));
    assert_null(session_set_options(s, opt, NULL, 0));
    assert_null(session_set_click(s, n, at, 0));
    assert_null(session_set_click(s, -1, at, 0));
    assert_near(session_answer(s, loc)->credit, 1, 0);

    a = set_right(s, opt, 0);
    assert_near(a->credit, 1, 0);
    bool none[SESSION_MAX_OPTIONS] = {false};
    a = session_set_options(s, opt, none, 0);
    assert_true(a->answered);
    assert_near(a->credit, 0, 0);
    for (int k = 0; k < SESSION_MAX_OPTIONS; k++)
        assert_false(a->chosen[k]);
    set_right(s, opt, 0);
    assert_int_equal(session_answered_count(s), 2);

    /* Clear: unanswered again. */
    session_clear(s, loc);
    assert_false(session_answer(s, loc)->answered);
    assert_near(session_answer(s, loc)->credit, 0, 0);
    assert_int_equal(session_answer(s, loc)->zone, -1);
    assert_int_equal(session_answered_count(s), 1);
    session_clear(s, n); /* out of range: nothing */

    /* Flags. */
    assert_false(session_flagged(s, 3));
    session_set_flag(s, 3, true);
    session_set_flag(s, 5, true);
    session_set_flag(s, 5, false);
    assert_true(session_flagged(s, 3));
    assert_false(session_flagged(s, 5));
    assert_false(session_flagged(s, n));
    assert_false(session_flagged(s, -1));

    /* Navigation: goto anywhere; next stops at the last item. */
    session_goto(s, n - 1, 0);
    assert_int_equal(session_current(s), n - 1);
    assert_false(session_next(s));
    assert_int_equal(session_current(s), n - 1);
    assert_false(session_finished(s));
    session_goto(s, 2, 0);
    assert_true(session_next(s));
    assert_int_equal(session_current(s), 3);
    session_goto(s, n, 0);
    session_goto(s, -1, 0);
    assert_int_equal(session_current(s), 3);

    /* Everything right, then submit: final. */
    for (int i = 0; i < n; i++)
        assert_near(set_right(s, i, 0)->credit, 1, 0);
    assert_near(session_score(s), 1, 1e-12);
    session_submit(s, 0);
    assert_true(session_finished(s));
    assert_int_equal(session_current(s), n);
    assert_null(session_set_click(s, loc, (Vec2){0, 0}, 0));
    assert_null(set_right(s, opt, 0));
    session_clear(s, loc);
    session_set_flag(s, 3, false);
    assert_true(session_answer(s, loc)->answered);
    assert_true(session_flagged(s, 3));
    assert_false(session_next(s));
    session_goto(s, 0, 0);
    assert_true(session_finished(s));
    assert_near(session_score(s), 1, 1e-12);
    session_free(s);
}

static void test_exam_one_shot_answers(void **state)
{
    (void)state;
    const Course *c = make_course();
    Session *s = session_create_exam(c, 9, 15);
    int loc = first_of_type(s, ITEM_LOCATE_TP);
    const Item *it = session_item(s, loc);
    session_goto(s, loc, 1000);
    const Answer *a = session_answer_click(s, it->module->tps[it->tp].at, 1600);
    assert_near(a->credit, 1, 0);
    assert_int_equal(a->time_ms, 600);
    assert_null(session_answer_click(s, (Vec2){0, 0}, 1700));       /* once */
    assert_non_null(session_set_click(s, loc, (Vec2){0, 0}, 1800)); /* set replaces */
    session_free(s);
}

static void test_exam_time_accumulates(void **state)
{
    (void)state;
    const Course *c = make_course();
    Session *s = session_create_exam(c, 11, 6);
    /* 0..1000 on item 0, 1000..5000 on item 1, back to 0 at 5000. */
    session_show(s, 0);
    session_goto(s, 1, 1000);
    assert_int_equal(session_answer(s, 0)->time_ms, 1000);
    assert_int_equal(session_answer(s, 1)->time_ms, 0);
    session_goto(s, 0, 5000);
    assert_int_equal(session_answer(s, 1)->time_ms, 4000);
    /* Answering the item on screen brings its time up to now. */
    const Answer *a = set_right(s, 0, 5500);
    assert_int_equal(a->time_ms, 1500);
    /* Answering an item not on screen adds nothing to it. */
    assert_int_equal(set_right(s, 2, 5600)->time_ms, 0);
    /* The overview page: the visit (5000..7000) ends, nothing runs until
     * 8000. */
    session_hide(s, 7000);
    assert_int_equal(session_answer(s, 0)->time_ms, 3000);
    session_show(s, 8000); /* item 0 again */
    /* Clearing keeps the time spent. */
    session_clear(s, 0);
    assert_int_equal(session_answer(s, 0)->time_ms, 3000);
    /* A clock going backwards adds nothing to the visit it ends; the next
     * visit counts from its own start. */
    session_goto(s, 3, 7500);
    assert_int_equal(session_answer(s, 0)->time_ms, 3000);
    session_next(s); /* no timestamp: moves only */
    assert_int_equal(session_current(s), 4);
    assert_int_equal(session_answer(s, 3)->time_ms, 0);
    session_show(s, 9000);
    assert_int_equal(session_answer(s, 3)->time_ms, 1500);
    /* Submitting ends the last visit. */
    session_submit(s, 9250);
    assert_int_equal(session_answer(s, 4)->time_ms, 250);
    session_show(s, 20000);
    session_hide(s, 30000);
    int64_t total = 0;
    for (int i = 0; i < session_item_count(s); i++)
        total += session_answer(s, i)->time_ms;
    assert_int_equal(total, 3000 + 4000 + 1500 + 250);
    session_free(s);

    /* Within one visit a backwards answer time adds nothing and does not
     * move the visit's start back. */
    s = session_create_exam(c, 11, 6);
    session_show(s, 10000);
    assert_int_equal(set_right(s, 0, 9000)->time_ms, 0);
    assert_int_equal(set_right(s, 0, 10500)->time_ms, 500);
    session_free(s);
}

static void test_module_score(void **state)
{
    (void)state;
    const Course *c = make_course();
    Session *s = session_create_exam(c, 3, 25);
    int n;
    for (int i = 0; i < session_item_count(s); i++)
        if (session_item(s, i)->module == &QL)
            set_right(s, i, 0);
    assert_near(session_module_score(s, "ql", &n), 1, 1e-12);
    assert_int_equal(n, 10);
    assert_near(session_module_score(s, "iliopsoas", &n), 0, 0);
    assert_int_equal(n, 14);
    assert_near(session_module_score(s, "tiny", NULL), 0, 0);
    assert_near(session_module_score(s, "broken", &n), 0, 0);
    assert_int_equal(n, 0);
    assert_near(session_module_score(s, NULL, &n), 0, 0);
    assert_int_equal(n, 0);
    /* Half of one iliopsoas locate item. */
    int loc = -1;
    for (int i = 0; i < session_item_count(s) && loc < 0; i++)
        if (session_item(s, i)->module == &MOD && session_item(s, i)->type == ITEM_LOCATE_TP)
            loc = i;
    const Item *it = session_item(s, loc);
    const TriggerPoint *tp = &MOD.tps[it->tp];
    session_set_click(s, loc, (Vec2){tp->at.x + 1.5 * tp->radius, tp->at.y}, 0);
    assert_near(session_module_score(s, "iliopsoas", &n), 0.5 / 14, 1e-12);
    assert_near(session_score(s), 10.5 / 25, 1e-12);
    session_free(s);
}

/* ---- Paint, locate-all and reverse items in exams ---- */

static void test_exam_new_kinds_change_until_submitted(void **state)
{
    (void)state;
    const Course *c = make_course();
    Session *s = session_create_exam(c, 5, 25);
    int paint = first_of_type(s, ITEM_ZONE_PAINT), all = first_of_type(s, ITEM_LOCATE_ALL),
        rev = first_of_type(s, ITEM_REVERSE);
    const Item *pi = session_item(s, paint), *ai = session_item(s, all), *ri = session_item(s, rev);
    Grid g = test_grid();
    size_t n_cells = (size_t)g.cols * (size_t)g.rows;

    /* A painting, then another that replaces it, then cleared. */
    unsigned char *cells = zone_cells(pi->module, pi->tp, pi->view, &g);
    const Answer *a = session_set_paint(s, paint, cells, &g, 0);
    assert_near(a->credit, 1, 1e-12);
    unsigned char *half = calloc(n_cells, 1);
    int kept = 0, total = 0;
    for (size_t k = 0; k < n_cells; k++)
        if (cells[k] && total++ % 2 == 0) {
            half[k] = 1;
            kept++;
        }
    a = session_set_paint(s, paint, half, &g, 0);
    assert_true(a->credit > 0.3 && a->credit < 0.9);
    assert_int_equal(a->paint.painted, kept);
    assert_memory_equal(a->painted, half, n_cells);
    /* The wrong kinds of answer are refused and change nothing. */
    assert_null(session_set_click(s, paint, (Vec2){0, 0}, 0));
    assert_null(session_set_clicks(s, paint, (Vec2[]){{0, 0}}, 1, 0));
    assert_null(session_set_options(s, paint, (bool[SESSION_MAX_OPTIONS]){true}, 0));
    assert_null(session_set_paint(s, all, cells, &g, 0));
    assert_null(session_set_paint(s, rev, cells, &g, 0));
    assert_null(session_set_paint(s, 25, cells, &g, 0));
    assert_int_equal(session_answer(s, paint)->paint.painted, kept);
    session_clear(s, paint);
    assert_false(session_answer(s, paint)->answered);
    assert_null(session_answer(s, paint)->painted);
    assert_null(session_answer(s, paint)->classes);
    assert_near(session_answer(s, paint)->credit, 0, 0);

    /* Marks: all targets, then one of them and an extra, then none. */
    Vec2 marks[SESSION_MAX_CLICKS + 1];
    for (int t = 0; t < ai->n_targets; t++)
        marks[t] = ai->module->tps[ai->targets[t]].at;
    a = session_set_clicks(s, all, marks, ai->n_targets, 0);
    assert_near(a->credit, 1, 1e-12);
    marks[1] = (Vec2){599, 599};
    a = session_set_clicks(s, all, marks, 2, 0);
    assert_near(a->credit, 0.5, 1e-12);
    assert_int_equal(a->match[0], 0);
    assert_int_equal(a->match[1], -1);
    a = session_set_clicks(s, all, NULL, 0, 0);
    assert_true(a->answered);
    assert_near(a->credit, 0, 0);
    assert_int_equal(a->n_clicks, 0);
    assert_int_equal(a->match[0], -1);
    assert_null(session_set_clicks(s, all, marks, SESSION_MAX_CLICKS + 1, 0));
    assert_null(session_set_clicks(s, rev, marks, 1, 0));
    assert_true(session_answer(s, all)->answered);

    /* Reverse: the click answers, again and again. */
    Vec2 at = ri->module->tps[ri->tp].at;
    a = session_set_click(s, rev, (Vec2){at.x + 1.5 * ri->module->tps[ri->tp].radius, at.y}, 0);
    assert_near(a->credit, 0.5, 1e-12);
    a = session_set_click(s, rev, at, 0);
    assert_near(a->credit, 1, 0);
    assert_ptr_equal(a->reverse.module, ri->module);
    assert_int_equal(a->reverse.tp, ri->tp);

    /* The one-shot calls answer the current exam item once. */
    session_goto(s, paint, 1000);
    a = session_answer_paint(s, cells, &g, 1500);
    assert_near(a->credit, 1, 1e-12);
    assert_int_equal(a->time_ms, 500);
    assert_null(session_answer_paint(s, cells, &g, 1600));
    session_goto(s, all, 2000);
    assert_null(session_answer_clicks(s, marks, 1, 2100)); /* answered above */
    session_clear(s, all);
    assert_non_null(session_answer_clicks(s, marks, 1, 2100));

    /* After submission nothing changes. */
    session_submit(s, 3000);
    assert_null(session_set_paint(s, paint, half, &g, 4000));
    assert_null(session_set_clicks(s, all, marks, 2, 4000));
    session_clear(s, paint);
    assert_near(session_answer(s, paint)->credit, 1, 1e-12);
    free(cells);
    free(half);
    session_free(s); /* frees every painting and mark list */
}

/* A module whose trigger point "twin" (elsewhere on the front chart) sends
 * pain in exactly psoas's pattern. */
static TriggerPoint TWIN_TPS[1];
static Zone TWIN_ZONES[1];
static Module TWIN;

static const Module *make_twin(void)
{
    TWIN_TPS[0] =
        (TriggerPoint){.id = "twin", .view = "front", .at = {300, 200}, .radius = 10, .label = "Twin"};
    TWIN_ZONES[0] = (Zone){.id = "twin_front",
                           .view = "front",
                           .tp_id = "twin",
                           .tp = 0,
                           .kind = ZONE_ESSENTIAL,
                           .poly = {ZPSOAS, N(ZPSOAS)}};
    memset(&TWIN, 0, sizeof TWIN);
    TWIN.id = "twin";
    TWIN.name = "Twin";
    TWIN.tps = TWIN_TPS;
    TWIN.n_tps = 1;
    TWIN.zones = TWIN_ZONES;
    TWIN.n_zones = 1;
    return &TWIN;
}

static void test_reverse_credits_same_pattern_in_course(void **state)
{
    (void)state;
    const Module *m = make_module(), *twin = make_twin();
    const Module *mods[] = {m, twin};
    char *ids[] = {"iliopsoas", "twin"};
    Course c = {.id = "pair", .title = "Pair", .module_ids = ids, .n_modules = 2, .modules = mods};
    /* In an exam over both modules, clicking the twin earns full credit for
     * psoas's pattern, and the answer says which point was credited. */
    Session *s = session_create_exam(&c, 1, 100);
    int rev = find_key(s, "iliopsoas/tp.psoas/reverse");
    assert_true(rev >= 0);
    const Answer *a = session_set_click(s, rev, twin->tps[0].at, 0);
    assert_near(a->credit, 1, 0);
    assert_ptr_equal(a->reverse.module, twin);
    assert_int_equal(a->reverse.tp, 0);
    assert_false(a->reverse.responsible);
    /* The twin's own reverse item accepts psoas likewise. */
    a = session_set_click(s, find_key(s, "twin/tp.twin/reverse"), m->tps[1].at, 0);
    assert_near(a->credit, 1, 0);
    assert_ptr_equal(a->reverse.module, m);
    session_free(s);

    /* Practice knows only its own module: the twin earns nothing. */
    s = session_create_practice(m, 1);
    go_to(s, "iliopsoas/tp.psoas/reverse");
    a = session_answer_click(s, twin->tps[0].at, 0);
    assert_near(a->credit, 0, 0);
    assert_ptr_equal(a->reverse.module, m);
    assert_true(a->reverse.responsible);
    session_free(s);
}

static void test_new_kinds_deterministic(void **state)
{
    (void)state;
    const Module *m = make_module();
    const Course *c = make_course();
    for (uint64_t seed = 0; seed < 50; seed++) {
        Session *a = session_create_practice(m, seed), *b = session_create_quiz(m, seed);
        Session *x = session_create_exam(c, seed, 12), *y = session_create_exam(c, seed, 12);
        const Session *pairs[][2] = {{a, b}, {x, y}};
        for (int p = 0; p < 2; p++) {
            const Session *u = pairs[p][0], *v = pairs[p][1];
            assert_int_equal(session_item_count(u), session_item_count(v));
            for (int i = 0; i < session_item_count(u); i++) {
                const Item *iu = session_item(u, i), *iv = session_item(v, i);
                assert_string_equal(iu->key, iv->key);
                assert_int_equal(iu->type, iv->type);
                assert_string_equal(iu->prompt, iv->prompt);
                assert_int_equal(iu->n_targets, iv->n_targets);
                for (int t = 0; t < iu->n_targets; t++)
                    assert_int_equal(iu->targets[t], iv->targets[t]);
            }
        }
        session_free(a);
        session_free(b);
        session_free(x);
        session_free(y);
    }
}

/* Review sessions are built from item keys against a loaded library: the
 * e2e fixture course (demo_muscle: points upper and lower on the back
 * chart, each with an essential zone; questions colour and sides). */
static Library *fixture_library(void)
{
    Diag *d = diag_create();
    Library *lib = library_load(SOURCE_ROOT "/tests/e2e/fixture/courses", SOURCE_ROOT "/assets", d);
    assert_non_null(lib);
    assert_int_equal(diag_error_count(d), 0); /* warnings: the fixture has no muscle overlays */
    diag_free(d);
    assert_non_null(library_find_module(lib, "demo_muscle"));
    return lib;
}

static void test_review_from_keys(void **state)
{
    (void)state;
    Library *lib = fixture_library();
    /* Most overdue first; no rule is at stake, so the order stands. */
    const char *keys[] = {"demo_muscle/question.sides", "demo_muscle/tp.lower/zone", "demo_muscle/tp.upper/locate"};
    int skipped = -1;
    Session *s = session_create_review(lib, keys, N(keys), 5, &skipped);
    assert_non_null(s);
    assert_int_equal(skipped, 0);
    assert_int_equal(session_mode(s), SESSION_REVIEW);
    assert_int_equal(session_item_count(s), 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(session_item(s, i)->key, keys[i]);
    const Item *zone = session_item(s, 1);
    assert_int_equal(zone->type, ITEM_ZONE_CLICK);
    assert_string_equal(zone->module->tps[zone->tp].id, "lower");
    assert_int_equal(session_item(s, 0)->type, ITEM_MULTI);
    assert_int_equal(session_item(s, 2)->type, ITEM_LOCATE_TP);
    /* Reverse items are graded against every module of the library. */
    int n_mods = 0;
    session_modules(s, &n_mods);
    assert_int_equal(n_mods, library_module_count(lib));

    /* Answered as in practice: one shot, feedback, then the next item. */
    session_show(s, 0);
    assert_int_equal(session_current(s), 0);
    bool chosen[SESSION_MAX_OPTIONS] = {0};
    for (int o = 0; o < session_item(s, 0)->n_options; o++)
        chosen[o] = session_item(s, 0)->option_correct[o];
    const Answer *an = session_answer_options(s, chosen, 1000);
    assert_non_null(an);
    assert_near(an->credit, 1, 1e-9);
    assert_null(session_answer_options(s, chosen, 1000)); /* final */
    assert_true(session_next(s));
    session_show(s, 1000);
    const Module *m = zone->module;
    int z = -1;
    for (int k = 0; k < m->n_zones && z < 0; k++)
        if (m->zones[k].tp == zone->tp && m->zones[k].kind == ZONE_ESSENTIAL)
            z = k;
    assert_true(z >= 0);
    an = session_answer_click(s, geom_polygon_centroid(m->zones[z].poly.pts, m->zones[z].poly.n), 2000);
    assert_non_null(an);
    assert_near(an->credit, 1, 1e-9);
    assert_int_equal(an->time_ms, 1000);
    assert_true(session_next(s));
    assert_false(session_next(s));
    assert_true(session_finished(s));
    session_free(s);
    library_free(lib);
}

static void test_review_repairs_giveaways(void **state)
{
    (void)state;
    Library *lib = fixture_library();
    /* The zone item is due before the locate item of the same point: the
     * locate item must still come first (the zone's feedback shows the
     * point), and the two are kept apart when something can go between. */
    const char *keys[] = {"demo_muscle/tp.upper/zone", "demo_muscle/tp.upper/locate", "demo_muscle/question.colour"};
    Session *s = session_create_review(lib, keys, N(keys), 1, NULL);
    assert_non_null(s);
    assert_int_equal(session_item_count(s), 3);
    int locate = find_key(s, "demo_muscle/tp.upper/locate"), zone = find_key(s, "demo_muscle/tp.upper/zone");
    assert_true(locate >= 0 && zone >= 0);
    assert_true(locate < zone);
    assert_true(zone - locate > 1);
    session_free(s);
    library_free(lib);
}

static void test_review_skips_unknown_keys(void **state)
{
    (void)state;
    Library *lib = fixture_library();
    const char *keys[] = {"gone_muscle/tp.x/locate",      /* module not loaded */
                          "demo_muscle/tp.removed/locate", /* point removed */
                          "demo_muscle/question.colour",
                          "demo_muscle/question.colour", /* twice: once */
                          "no-slash-at-all",
                          "",
                          "demo_muscle/view.back/locate_all"};
    int skipped = 0;
    Session *s = session_create_review(lib, keys, N(keys), 9, &skipped);
    assert_non_null(s);
    assert_int_equal(skipped, 4);
    assert_int_equal(session_item_count(s), 2);
    assert_true(find_key(s, "demo_muscle/question.colour") >= 0);
    int all = find_key(s, "demo_muscle/view.back/locate_all");
    assert_true(all >= 0);
    assert_int_equal(session_item(s, all)->type, ITEM_LOCATE_ALL);
    assert_int_equal(session_item(s, all)->n_targets, 2);
    session_free(s);

    /* Nothing left: no session. */
    const char *none[] = {"gone_muscle/tp.x/locate"};
    assert_null(session_create_review(lib, none, 1, 9, &skipped));
    assert_int_equal(skipped, 1);
    assert_null(session_create_review(lib, keys, 0, 9, NULL));
    assert_null(session_create_review(NULL, keys, N(keys), 9, NULL));
    library_free(lib);
}

/* The same keys and seed give the same session (options in the same
 * order); the items match what practice builds. */
static void test_review_deterministic(void **state)
{
    (void)state;
    Library *lib = fixture_library();
    const Module *m = library_find_module(lib, "demo_muscle");
    Session *p = session_create_practice(m, 3);
    int n = session_item_count(p);
    const char **keys = malloc(sizeof *keys * (size_t)n);
    for (int i = 0; i < n; i++)
        keys[i] = session_item(p, i)->key;
    Session *a = session_create_review(lib, keys, n, 4, NULL), *b = session_create_review(lib, keys, n, 4, NULL);
    assert_int_equal(session_item_count(a), n);
    for (int i = 0; i < n; i++) {
        const Item *x = session_item(a, i), *y = session_item(b, i);
        assert_string_equal(x->key, y->key);
        assert_string_equal(x->prompt, y->prompt);
        assert_int_equal(x->n_options, y->n_options);
        for (int o = 0; o < x->n_options; o++)
            assert_string_equal(x->options[o], y->options[o]);
        const Item *q = session_item(p, find_key(p, x->key));
        assert_int_equal(x->type, q->type);
        assert_string_equal(x->prompt, q->prompt);
    }
    free(keys);
    session_free(a);
    session_free(b);
    session_free(p);
    library_free(lib);
}

/* Practice from a list of keys (a learner's misses): the items named, as
 * practice builds them, in practice mode; unknown keys skipped. */
static void test_practice_from_keys(void **state)
{
    (void)state;
    Library *lib = fixture_library();
    const char *keys[] = {"demo_muscle/tp.upper/zone", "demo_muscle/question.sides", "gone_muscle/tp.x/locate",
                          "demo_muscle/tp.upper/paint", "demo_muscle/question.sides"};
    int skipped = -1;
    Session *s = session_create_practice_keys(lib, keys, N(keys), 5, &skipped);
    assert_non_null(s);
    assert_int_equal(skipped, 1);
    assert_int_equal(session_mode(s), SESSION_PRACTICE);
    assert_int_equal(session_item_count(s), 3);
    assert_true(find_key(s, "demo_muscle/tp.upper/zone") >= 0);
    assert_true(find_key(s, "demo_muscle/question.sides") >= 0);
    int paint = find_key(s, "demo_muscle/tp.upper/paint");
    assert_true(paint >= 0);
    assert_int_equal(session_item(s, paint)->type, ITEM_ZONE_PAINT);
    /* Practice's order rule: a point's zone item before its paint item. */
    assert_true(find_key(s, "demo_muscle/tp.upper/zone") < paint);
    /* Practice: one shot with feedback, not an exam's changeable answers. */
    session_show(s, 0);
    const Item *it = session_item(s, 0);
    if (it->type == ITEM_CHOICE || it->type == ITEM_MULTI) {
        bool chosen[SESSION_MAX_OPTIONS] = {0};
        chosen[0] = true;
        assert_non_null(session_answer_options(s, chosen, 10));
        assert_null(session_answer_options(s, chosen, 20)); /* final */
    } else {
        assert_non_null(session_answer_click(s, (Vec2){1, 1}, 10));
        assert_null(session_answer_click(s, (Vec2){2, 2}, 20));
    }
    session_free(s);
    const char *none[] = {"gone_muscle/tp.x/locate"};
    assert_null(session_create_practice_keys(lib, none, 1, 5, &skipped));
    assert_int_equal(skipped, 1);
    assert_null(session_create_practice_keys(lib, keys, 0, 5, NULL));
    library_free(lib);
}

static void assert_same_items(const Session *a, const Session *b)
{
    assert_int_equal(session_item_count(a), session_item_count(b));
    for (int i = 0; i < session_item_count(a); i++) {
        const Item *x = session_item(a, i), *y = session_item(b, i);
        assert_int_equal(x->type, y->type);
        assert_ptr_equal(x->module, y->module);
        assert_int_equal(x->tp, y->tp);
        assert_int_equal(x->question, y->question);
        assert_ptr_equal(x->view, y->view);
        assert_string_equal(x->key, y->key);
        assert_int_equal(x->n_options, y->n_options);
        for (int o = 0; o < x->n_options; o++) {
            assert_ptr_equal(x->options[o], y->options[o]);
            assert_int_equal(x->option_correct[o], y->option_correct[o]);
        }
        assert_int_equal(x->n_targets, y->n_targets);
        if (x->n_targets)
            assert_memory_equal(x->targets, y->targets, sizeof *x->targets * (size_t)x->n_targets);
        assert_non_null(x->prompt);
        assert_null(y->prompt);
    }
}

/* Sessions for re-grading: the same items in the same order as the real
 * quiz and exam, without prompts, on every shipped module and course; and
 * a painting given as runs earns what its cells earn. */
static void test_unprompted_sessions_and_paint_runs(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Library *lib = library_load(SOURCE_ROOT "/courses", SOURCE_ROOT "/assets", d);
    assert_int_equal(diag_error_count(d), 0);
    int paintings = 0;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        for (int k = 0; k < library_module_count(lib); k++) {
            const Module *m = library_module(lib, k);
            Session *a = session_create_quiz(m, seed), *b = session_create_quiz_unprompted(m, seed);
            assert_non_null(a);
            assert_non_null(b);
            assert_int_equal(session_mode(b), SESSION_QUIZ);
            assert_same_items(a, b);
            for (int i = 0; i < session_item_count(a); i++) {
                const Item *it = session_item(a, i);
                if (it->type == ITEM_ZONE_PAINT) {
                    const View *v = library_find_view(lib, it->view);
                    assert_non_null(v);
                    Grid g = grade_paint_grid(v->viewbox, 0);
                    size_t n = (size_t)g.cols * (size_t)g.rows;
                    unsigned char *cells = calloc(n, 1);
                    assert_non_null(cells);
                    /* A band of rows through the trigger point, some cells skipped. */
                    Vec2 at = it->module->tps[it->tp].at; /* a lesson's chart item: its muscle's */
                    int r0 = (int)((at.y - g.origin.y) / g.cell) - 12 - (int)seed * 5;
                    for (int r = r0 < 0 ? 0 : r0; r < r0 + 30 && r < g.rows; r++)
                        for (int c = 0; c < g.cols; c++)
                            cells[(size_t)r * (size_t)g.cols + (size_t)c] = (unsigned char)((c * 7 + r) % 5 != 0);
                    int *runs = NULL;
                    int n_runs = record_paint_encode(cells, (int)n, &runs);
                    assert_true(n_runs >= 0);
                    const Answer *x = session_set_paint(a, i, cells, &g, 0);
                    assert_null(x); /* a quiz is answered one item at a time */
                    while (session_current(a) < i) {
                        session_next(a);
                        session_next(b);
                    }
                    x = session_answer_paint(a, cells, &g, 0);
                    const Answer *y = session_answer_paint_runs(b, runs, n_runs, &g, 0);
                    assert_non_null(x);
                    assert_non_null(y);
                    assert_true(x->credit == y->credit);
                    assert_memory_equal(&x->paint, &y->paint, sizeof x->paint);
                    assert_null(y->painted);
                    assert_null(y->classes);
                    /* Answered once only, as with cells. */
                    assert_null(session_answer_paint_runs(b, runs, n_runs, &g, 0));
                    paintings++;
                    free(runs);
                    free(cells);
                }
            }
            session_free(a);
            session_free(b);
        }
        for (int k = 0; k < library_course_count(lib); k++) {
            const Course *c = library_course(lib, k);
            Session *a = session_create_exam(c, seed, c->exam.questions);
            Session *b = session_create_exam_unprompted(c, seed, c->exam.questions);
            assert_non_null(a);
            assert_non_null(b);
            assert_int_equal(session_mode(b), SESSION_EXAM);
            assert_same_items(a, b);
            session_free(a);
            session_free(b);
        }
    }
    assert_true(paintings > 20);
    library_free(lib);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_and_keys),
        cmocka_unit_test(test_unprompted_sessions_and_paint_runs),
        cmocka_unit_test(test_locate_and_zone_items),
        cmocka_unit_test(test_question_items),
        cmocka_unit_test(test_options_shuffled_across_seeds),
        cmocka_unit_test(test_deterministic_per_seed),
        cmocka_unit_test(test_seeds_give_different_orders),
        cmocka_unit_test(test_locate_before_zone_and_not_adjacent),
        cmocka_unit_test(test_practice_limit),
        cmocka_unit_test(test_small_module_keeps_locate_first),
        cmocka_unit_test(test_empty_module_and_unanswerable_question),
        cmocka_unit_test(test_answering),
        cmocka_unit_test(test_skipped_items_score_zero_and_time),
        cmocka_unit_test(test_quiz_is_practice_graded),
        cmocka_unit_test(test_exam_stratified),
        cmocka_unit_test(test_practice_set),
        cmocka_unit_test(test_exam_draws_every_item),
        cmocka_unit_test(test_exam_deterministic_and_ordered),
        cmocka_unit_test(test_exam_empty),
        cmocka_unit_test(test_exam_answers_change_until_submitted),
        cmocka_unit_test(test_exam_one_shot_answers),
        cmocka_unit_test(test_exam_time_accumulates),
        cmocka_unit_test(test_module_score),
        cmocka_unit_test(test_exam_new_kinds_change_until_submitted),
        cmocka_unit_test(test_reverse_credits_same_pattern_in_course),
        cmocka_unit_test(test_new_kinds_deterministic),
        cmocka_unit_test(test_review_from_keys),
        cmocka_unit_test(test_review_repairs_giveaways),
        cmocka_unit_test(test_review_skips_unknown_keys),
        cmocka_unit_test(test_review_deterministic),
        cmocka_unit_test(test_practice_from_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
