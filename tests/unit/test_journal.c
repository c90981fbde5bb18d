/* Unit tests for src/core/journal.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "support.h"

/* Each test gets a fresh temporary folder (state, a Tmp), removed afterwards. */
static int setup(void **state)
{
    return tmp_state_setup(state, "tpquiz-test-journal", "anna.journal");
}

static const unsigned char KEY[JOURNAL_KEY_BYTES] = {42, 7};

static const JournalHeader HEADER = {"essentials", UINT64_C(18446744073709551615), INT64_C(1772438400000),
                                     INT64_C(1772442000000), 40, 3};

static const JournalEvent EVENTS[] = {
    {.op = JOURNAL_CLICK, .item = 0, .at_ms = INT64_C(1772438415250), .click = {212.5, 431.25}},
    {.op = JOURNAL_OPTIONS, .item = 1, .at_ms = INT64_C(1772438431002), .options = 5},
    {.op = JOURNAL_FLAG, .item = 1, .at_ms = INT64_C(1772438432500), .flag = true},
    {.op = JOURNAL_CLEAR, .item = 0, .at_ms = INT64_C(1772438440000)},
    {.op = JOURNAL_CLICK, .item = 39, .at_ms = INT64_C(1772438441000), .click = {-3.000001, 0.1}},
    {.op = JOURNAL_FLAG, .item = 1, .at_ms = INT64_C(1772438442000), .flag = false},
    {.op = JOURNAL_OPTIONS, .item = 2, .at_ms = INT64_C(1772438443000), .options = 4294967295u},
};
#define N_EVENTS ((int)(sizeof EVENTS / sizeof *EVENTS))

static const char EXPECTED_TEXT[] =
    "tpquiz-journal 2 essentials 18446744073709551615 1772438400000 1772442000000 40 3\n"
    "click 0 1772438415250 212.500000 431.250000\n"
    "options 1 1772438431002 5\n"
    "flag 1 1772438432500 1\n"
    "clear 0 1772438440000\n"
    "click 39 1772438441000 -3.000001 0.100000\n"
    "flag 1 1772438442000 0\n"
    "options 2 1772438443000 4294967295\n";


/* text with the seal (" " and 64 hex digits) cut off the end of every line;
 * fails the test if a line has none. Valid until the next call. */
static const char *unsealed(const char *text)
{
    static char out[1 << 16];
    size_t o = 0;
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        assert_non_null(nl);
        size_t len = (size_t)(nl - s);
        assert_true(len > 65 && s[len - 65] == ' ');
        for (size_t k = len - 64; k < len; k++)
            assert_non_null(strchr("0123456789abcdef", s[k]));
        assert_true(o + len < sizeof out);
        memcpy(out + o, s, len - 65);
        o += len - 65;
        out[o++] = '\n';
        s = nl + 1;
    }
    out[o] = '\0';
    return out;
}

static void assert_events_equal(const JournalEvent *a, const JournalEvent *b, int n)
{
    for (int i = 0; i < n; i++) {
        assert_int_equal(a[i].op, b[i].op);
        assert_int_equal(a[i].item, b[i].item);
        assert_int_equal(a[i].at_ms, b[i].at_ms);
        if (a[i].op == JOURNAL_CLICK) {
            assert_true(fabs(a[i].click.x - b[i].click.x) < 5e-7);
            assert_true(fabs(a[i].click.y - b[i].click.y) < 5e-7);
        }
        if (a[i].op == JOURNAL_OPTIONS)
            assert_int_equal(a[i].options, b[i].options);
        if (a[i].op == JOURNAL_FLAG)
            assert_int_equal(a[i].flag, b[i].flag);
    }
}

static void write_sample(const char *path)
{
    Diag *d = diag_create();
    Journal *j = journal_begin(path, &HEADER, KEY, d);
    assert_non_null(j);
    for (int i = 0; i < N_EVENTS; i++)
        assert_int_equal(journal_append(j, &EVENTS[i], d), 0);
    journal_close(j);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
}

static void test_round_trip_and_text(void **state)
{
    Tmp *t = *state;
    write_sample(t->file);
    size_t n;
    assert_string_equal(unsealed(read_file(t->file, &n)), EXPECTED_TEXT);
    struct stat st;
    assert_int_equal(stat(t->file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(dir_entries(t->dir), 1);

    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev;
    int ne;
    assert_true(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
    assert_int_equal(diag_count(d), 0);
    assert_string_equal(h.course, "essentials");
    assert_true(h.seed == HEADER.seed);
    assert_int_equal(h.started_ms, HEADER.started_ms);
    assert_int_equal(h.deadline_ms, HEADER.deadline_ms);
    assert_int_equal(h.n_questions, 40);
    assert_int_equal(ne, N_EVENTS);
    assert_events_equal(ev, EVENTS, N_EVENTS);
    free(h.course);
    free(ev);
    diag_free(d);
}

static void test_begin_refuses(void **state)
{
    Tmp *t = *state;
    write_sample(t->file);
    Diag *d = diag_create();
    /* One exists: an unfinished exam comes first. */
    assert_null(journal_begin(t->file, &HEADER, KEY, d));
    assert_int_equal(diag_error_count(d), 1);
    assert_non_null(strstr(diag_item(d, 0)->message, "already exists"));
    size_t n;
    assert_string_equal(unsealed(read_file(t->file, &n)), EXPECTED_TEXT);
    char p[256];
    snprintf(p, sizeof p, "%s/other.journal", t->dir);
    JournalHeader h = HEADER;
    h.course = "bad course";
    assert_null(journal_begin(p, &h, KEY, d));
    h = HEADER;
    h.n_questions = 0;
    assert_null(journal_begin(p, &h, KEY, d));
    h = HEADER;
    h.deadline_ms = h.started_ms - 1;
    assert_null(journal_begin(p, &h, KEY, d));
    assert_null(journal_begin("/nonexistent/dir/x.journal", &HEADER, KEY, d));
    assert_int_equal(diag_error_count(d), 5);
    assert_int_equal(dir_entries(t->dir), 1);
    diag_free(d);
}

static void test_append_refuses_bad_events(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Journal *j = journal_begin(t->file, &HEADER, KEY, d);
    JournalEvent e = EVENTS[0];
    e.item = 40;
    assert_int_equal(journal_append(j, &e, d), -1);
    e.item = -1;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = EVENTS[0];
    e.click.x = NAN;
    assert_int_equal(journal_append(j, &e, d), -1);
    e.click.x = 1e10;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = EVENTS[0];
    e.op = (JournalOp)99;
    assert_int_equal(journal_append(j, &e, d), -1);
    assert_int_equal(diag_error_count(d), 5);
    journal_close(j);
    size_t n;
    assert_string_equal(
        unsealed(read_file(t->file, &n)),
        "tpquiz-journal 2 essentials 18446744073709551615 1772438400000 1772442000000 40 3\n");
    diag_free(d);
}

static void test_cut_mid_line(void **state)
{
    Tmp *t = *state;
    write_sample(t->file);
    size_t n;
    char text[sizeof EXPECTED_TEXT + 16 * 65];
    const char *got = read_file(t->file, &n);
    memcpy(text, got, n);
    /* Every cut inside the last line: that line is ignored, with a warning;
     * a cut at a line end loses nothing but the lines after it. */
    size_t last = n - strlen("options 2 1772438443000 4294967295\n") - 65; /* and its seal */
    for (size_t cut = last; cut <= n; cut++) {
        write_bytes(t->file, text, cut);
        Diag *d = diag_create();
        JournalHeader h;
        JournalEvent *ev;
        int ne;
        assert_true(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
        int want = cut == n ? N_EVENTS : N_EVENTS - 1;
        assert_int_equal(ne, want);
        assert_events_equal(ev, EVENTS, want);
        assert_int_equal(diag_error_count(d), 0);
        assert_int_equal(diag_count(d), cut == last || cut == n ? 0 : 1);
        if (cut != last && cut != n) {
            assert_int_equal(diag_item(d, 0)->level, DIAG_WARNING);
            assert_int_equal(diag_item(d, 0)->line, 8);
        }
        free(h.course);
        free(ev);
        diag_free(d);
    }

    /* Reopening drops the cut-off line, so the next event starts afresh. */
    write_bytes(t->file, text, n - 7);
    Diag *d = diag_create();
    Journal *j = journal_reopen(t->file, KEY, d);
    assert_non_null(j);
    assert_int_equal(journal_append(j, &EVENTS[6], d), 0);
    journal_close(j);
    assert_string_equal(unsealed(read_file(t->file, &n)), EXPECTED_TEXT);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);

    /* A header cut short is no journal. */
    write_bytes(t->file, text, 20);
    d = diag_create();
    JournalHeader h;
    JournalEvent *ev = (JournalEvent *)1;
    int ne = 7;
    assert_false(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
    assert_null(ev);
    assert_int_equal(ne, 0);
    assert_null(journal_reopen(t->file, KEY, d));
    assert_int_equal(diag_error_count(d), 2);
    diag_free(d);
}

static void test_bad_lines_are_skipped(void **state)
{
    Tmp *t = *state;
    const char text[] = "tpquiz-journal 1 essentials 7 1000 61000 3\n"
                        "click 0 1500 10 20\n"        /* 2: good (integers are fine) */
                        "click 3 1600 10 20\n"        /* 3: item out of range */
                        "click 0 1700 10\n"           /* 4: missing y */
                        "click 0 1700 1e3 20\n"       /* 5: exponent */
                        "click 0 1700 10,5 20\n"      /* 6: comma */
                        "options 1 1800 -1\n"         /* 7: negative bits */
                        "options 1 1800 4294967296\n" /* 8: too many bits */
                        "flag 2 1900 2\n"             /* 9: flag not 0/1 */
                        "clear 2 1900 x\n"            /* 10: extra field */
                        "jump 1 2000\n"               /* 11: unknown event */
                        "\n"                          /* 12: empty */
                        "click  0 1700 10 20\n"       /* 13: two spaces */
                        "flag 2 -5 1\n"               /* 14: negative time */
                        "flag 2 2100 1\n"             /* 15: good */
                        "\x00\x01\xff garbage\n"      /* 16: binary */
                        "options 1 2200 3\n"          /* 17: good */
                        "clear 0 2300\r\n";           /* 18: CR */
    write_bytes(t->file, text, sizeof text - 1);
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev;
    int ne;
    assert_true(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
    assert_int_equal(ne, 3);
    assert_int_equal(ev[0].op, JOURNAL_CLICK);
    assert_true(ev[0].click.x == 10 && ev[0].click.y == 20);
    assert_int_equal(ev[1].op, JOURNAL_FLAG);
    assert_int_equal(ev[1].item, 2);
    assert_int_equal(ev[2].op, JOURNAL_OPTIONS);
    assert_int_equal(ev[2].options, 3);
    static const int BAD[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18};
    assert_int_equal(diag_count(d), (int)(sizeof BAD / sizeof *BAD));
    for (int i = 0; i < diag_count(d); i++) {
        const DiagItem *it = diag_item(d, i);
        assert_int_equal(it->level, DIAG_ERROR);
        assert_string_equal(it->path, t->file);
        assert_int_equal(it->line, BAD[i]);
        assert_non_null(strstr(it->message, "bad journal line, skipped"));
    }
    free(h.course);
    free(ev);
    diag_free(d);
}

static void test_not_journals(void **state)
{
    Tmp *t = *state;
    static const char *const TEXTS[] = {
        "",
        "\n",
        "hello\n",
        "tpquiz-journal 2 essentials 7 1000 61000 3\n",
        "tpquiz-journal 1 essentials 7 1000 61000\n",
        "tpquiz-journal 1 essentials 7 1000 61000 0\n",
        "tpquiz-journal 1 essentials 7 1000 999 3\n",
        "tpquiz-journal 1 Essentials 7 1000 61000 3\n",
        "tpquiz-journal 1 essentials 7 1000 61000 3 extra\n",
        "tpquiz-journal 1 essentials 18446744073709551616 1000 61000 3\n",
        "tpquiz-progress 1\n",
    };
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        write_bytes(t->file, TEXTS[i], strlen(TEXTS[i]));
        Diag *d = diag_create();
        JournalHeader h;
        JournalEvent *ev;
        int ne;
        if (journal_read(t->file, KEY, &h, &ev, &ne, NULL, d)) {
            print_error("text %zu read as a journal\n", i);
            fail();
        }
        assert_int_equal(diag_error_count(d), 1);
        diag_free(d);
    }
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev;
    int ne;
    assert_false(journal_read("/nonexistent/x.journal", KEY, &h, &ev, &ne, NULL, d));
    assert_false(journal_read(t->dir, KEY, &h, &ev, &ne, NULL, d));
    assert_null(journal_reopen("/nonexistent/x.journal", KEY, d));
    assert_int_equal(diag_error_count(d), 3);
    diag_free(d);
}

static void test_reopen_and_remove(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Journal *j = journal_begin(t->file, &HEADER, KEY, d);
    for (int i = 0; i < 3; i++)
        assert_int_equal(journal_append(j, &EVENTS[i], d), 0);
    journal_close(j); /* the program stops */
    j = journal_reopen(t->file, KEY, d);
    assert_non_null(j);
    for (int i = 3; i < N_EVENTS; i++)
        assert_int_equal(journal_append(j, &EVENTS[i], d), 0);
    /* Out of range for this journal's 40 questions. */
    JournalEvent e = EVENTS[0];
    e.item = 40;
    assert_int_equal(journal_append(j, &e, d), -1);
    journal_close(j);
    size_t n;
    assert_string_equal(unsealed(read_file(t->file, &n)), EXPECTED_TEXT);
    assert_int_equal(diag_error_count(d), 1);
    assert_int_equal(journal_remove(t->file, d), 0);
    assert_int_equal(dir_entries(t->dir), 0);
    assert_int_equal(journal_remove(t->file, d), 0); /* already gone: fine */
    assert_int_equal(diag_error_count(d), 1);
    journal_close(NULL);
    assert_int_equal(journal_append(NULL, &e, d), -1);
    diag_free(d);
}

/* Random damage never crashes the reader; what it returns stays in range. */
static void test_random_damage(void **state)
{
    Tmp *t = *state;
    write_sample(t->file);
    size_t n0;
    char text[sizeof EXPECTED_TEXT + 16 * 65];
    const char *got = read_file(t->file, &n0);
    memcpy(text, got, n0);
    char buf[sizeof text];
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, text, n0);
        size_t n = n0;
        for (int c = 0; c < 1 + round % 3; c++)
            damage(buf, &n, &x, " \n0-.", true); /* keeps a byte to pick the next position in */
        write_bytes(t->file, buf, n);
        Diag *d = diag_create();
        JournalHeader h;
        JournalEvent *ev;
        int ne;
        if (journal_read(t->file, KEY, &h, &ev, &ne, NULL, d)) {
            assert_true(ne >= 0 && ne <= N_EVENTS);
            for (int i = 0; i < ne; i++) {
                assert_true(ev[i].item >= 0 && ev[i].item < h.n_questions);
                assert_true(ev[i].op >= JOURNAL_CLICK && ev[i].op <= JOURNAL_CLEAR);
                assert_true(ev[i].at_ms >= 0);
            }
            assert_true(h.n_questions >= 1 && h.deadline_ms >= h.started_ms);
            free(h.course);
            free(ev);
        } else {
            assert_true(diag_error_count(d) >= 1);
        }
        diag_free(d);
    }
}

/* ---- paintings and multi-click answers ---- */

/* On a 5 x 3 grid: cells 2-4, 7 and 14 painted (runs 2 3 2 1 6 1). */
static const unsigned char CELLS[15] = {0, 0, 1, 1, 1, 0, 0, 9, 0, 0, 0, 0, 0, 0, 1};
static const unsigned char NO_CELLS[15] = {0};
static const unsigned char FIRST_CELLS[15] = {1, 1};
static const Vec2 CLICKS[] = {{1, 2}, {-3.5, 4.25}, {100, 200}};

static const JournalEvent MULTI_EVENTS[] = {
    {.op = JOURNAL_CLICK, .item = 0, .at_ms = 1000, .click = {1, 2}},
    {.op = JOURNAL_PAINT, .item = 3, .at_ms = 2000, .grid = {{10.5, -2}, 4, 5, 3}, .cells = CELLS},
    {.op = JOURNAL_PAINT, .item = 4, .at_ms = 3000, .grid = {{0, 0}, 4, 5, 3}, .cells = NO_CELLS},
    {.op = JOURNAL_CLICKS, .item = 6, .at_ms = 4000, .n_clicks = 3, .clicks = CLICKS},
    {.op = JOURNAL_FLAG, .item = 6, .at_ms = 4500, .flag = true},
    {.op = JOURNAL_PAINT, .item = 5, .at_ms = 5000, .grid = {{0, 0}, 4, 5, 3}, .cells = FIRST_CELLS},
    {.op = JOURNAL_CLICKS, .item = 7, .at_ms = 6000, .n_clicks = 0, .clicks = NULL},
    {.op = JOURNAL_CLEAR, .item = 6, .at_ms = 7000},
};
#define N_MULTI ((int)(sizeof MULTI_EVENTS / sizeof *MULTI_EVENTS))

static const char MULTI_TEXT[] =
    "tpquiz-journal 2 essentials 18446744073709551615 1772438400000 1772442000000 40 3\n"
    "click 0 1000 1.000000 2.000000\n"
    "paint 3 2000 10.500000 -2.000000 4.000000 5 3 2 3 2 1 6 1\n"
    "paint 4 3000 0.000000 0.000000 4.000000 5 3\n"
    "clicks 6 4000 3 1.000000 2.000000 -3.500000 4.250000 100.000000 200.000000\n"
    "flag 6 4500 1\n"
    "paint 5 5000 0.000000 0.000000 4.000000 5 3 0 2\n"
    "clicks 7 6000 0\n"
    "clear 6 7000\n";

static void assert_multi_equal(const JournalEvent *a, const JournalEvent *b, int n)
{
    assert_events_equal(a, b, n);
    for (int i = 0; i < n; i++) {
        if (b[i].op == JOURNAL_PAINT) {
            assert_true(a[i].grid.origin.x == b[i].grid.origin.x && a[i].grid.origin.y == b[i].grid.origin.y);
            assert_true(a[i].grid.cell == b[i].grid.cell);
            assert_int_equal(a[i].grid.cols, b[i].grid.cols);
            assert_int_equal(a[i].grid.rows, b[i].grid.rows);
            assert_non_null(a[i].cells);
            for (int k = 0; k < b[i].grid.cols * b[i].grid.rows; k++)
                assert_int_equal(a[i].cells[k], b[i].cells[k] != 0); /* read back as 0 or 1 */
        }
        if (b[i].op == JOURNAL_CLICKS) {
            assert_int_equal(a[i].n_clicks, b[i].n_clicks);
            for (int k = 0; k < b[i].n_clicks; k++) {
                assert_true(a[i].clicks[k].x == b[i].clicks[k].x);
                assert_true(a[i].clicks[k].y == b[i].clicks[k].y);
            }
        }
    }
}

static void test_paint_and_clicks_round_trip(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Journal *j = journal_begin(t->file, &HEADER, KEY, d);
    assert_non_null(j);
    for (int i = 0; i < N_MULTI; i++)
        assert_int_equal(journal_append(j, &MULTI_EVENTS[i], d), 0);
    journal_close(j);
    assert_int_equal(diag_count(d), 0);
    size_t n;
    assert_string_equal(unsealed(read_file(t->file, &n)), MULTI_TEXT);

    JournalHeader h;
    JournalEvent *ev;
    int ne;
    assert_true(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(ne, N_MULTI);
    assert_multi_equal(ev, MULTI_EVENTS, N_MULTI);
    free(h.course);
    free(ev); /* the cells and clicks go with it */

    /* Appending to a resumed journal, and a cut in the middle of a paint
     * line: the line is dropped, the events before it stand. */
    j = journal_reopen(t->file, KEY, d);
    assert_non_null(j);
    assert_int_equal(journal_append(j, &MULTI_EVENTS[1], d), 0);
    journal_close(j);
    const char *text = read_file(t->file, &n);
    char cut[sizeof MULTI_TEXT + 32 * 65 + 100];
    memcpy(cut, text, n);
    write_bytes(t->file, cut, n - 9);
    assert_true(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
    assert_int_equal(ne, N_MULTI);
    assert_multi_equal(ev, MULTI_EVENTS, N_MULTI);
    assert_int_equal(diag_error_count(d), 0);
    assert_int_equal(diag_count(d), 1); /* the warning about the cut line */
    free(h.course);
    free(ev);
    diag_free(d);
}

static void test_append_refuses_bad_paint_and_clicks(void **state)
{
    Tmp *t = *state;
    Diag *d = diag_create();
    Journal *j = journal_begin(t->file, &HEADER, KEY, d);
    JournalEvent e = MULTI_EVENTS[1];
    e.cells = NULL;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = MULTI_EVENTS[1];
    e.grid.cols = 0;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = MULTI_EVENTS[1];
    e.grid.cell = NAN;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = MULTI_EVENTS[1];
    e.grid.cell = 0;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = MULTI_EVENTS[1];
    e.grid.cols = e.grid.rows = 4096; /* 16 Mi cells */
    assert_int_equal(journal_append(j, &e, d), -1);
    e = MULTI_EVENTS[3];
    e.n_clicks = JOURNAL_MAX_CLICKS + 1;
    assert_int_equal(journal_append(j, &e, d), -1);
    e = MULTI_EVENTS[3];
    e.clicks = NULL;
    assert_int_equal(journal_append(j, &e, d), -1);
    Vec2 far[] = {{0, 0}, {1e10, 0}};
    e.clicks = far;
    e.n_clicks = 2;
    assert_int_equal(journal_append(j, &e, d), -1);
    e.n_clicks = -1;
    assert_int_equal(journal_append(j, &e, d), -1);
    assert_int_equal(diag_error_count(d), 9);
    journal_close(j);
    size_t n;
    assert_string_equal(
        unsealed(read_file(t->file, &n)),
        "tpquiz-journal 2 essentials 18446744073709551615 1772438400000 1772442000000 40 3\n");
    diag_free(d);
}

static void test_bad_paint_and_clicks_lines(void **state)
{
    Tmp *t = *state;
    const char text[] = "tpquiz-journal 1 essentials 7 1000 61000 3\n"
                        "paint 0 1500 0 0 4 5 3 2 3\n"          /* 2: good */
                        "paint 0 1500 0 0 4 5 3 2\n"            /* 3: runs not in pairs */
                        "paint 0 1500 0 0 4 5 3 2 0\n"          /* 4: an empty painted run */
                        "paint 0 1500 0 0 4 5 3 10 6\n"         /* 5: past the end of the grid */
                        "paint 0 1500 0 0 0 5 3\n"              /* 6: cell 0 */
                        "paint 0 1500 0 0 4 0 3\n"              /* 7: no columns */
                        "paint 0 1500 0 0 4 5000 5000\n"        /* 8: too many cells */
                        "paint 0 1500 0 0 4 5 3 2  3\n"         /* 9: two spaces */
                        "paint 0 1500 0 0 4 5\n"                /* 10: no rows */
                        "paint 0 1500 0 0 4 5 3 \n"             /* 11: a trailing space */
                        "paint 3 1500 0 0 4 5 3\n"              /* 12: item out of range */
                        "clicks 1 1600 2 1 2 3 4\n"             /* 13: good */
                        "clicks 1 1600 2 1 2 3\n"               /* 14: a click short */
                        "clicks 1 1600 1 1 2 3\n"               /* 15: a field too many */
                        "clicks 1 1600 1001\n"                  /* 16: too many clicks */
                        "clicks 1 1600 -1\n"                    /* 17: negative */
                        "clicks 2 1700 0\n"                     /* 18: good: no clicks */
                        "clicks 1 1600 1 1e3 2\n"               /* 19: exponent */
                        "paint\n"                               /* 20: nothing */
                        "paint 0 1500 0 0 4 5 3 0 1 0 1\n"      /* 21: an empty unpainted run */
                        "paint 1 1800 -1.5 2.25 0.5 2 2 3 1\n"; /* 22: good */
    write_bytes(t->file, text, sizeof text - 1);
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev;
    int ne;
    assert_true(journal_read(t->file, KEY, &h, &ev, &ne, NULL, d));
    assert_int_equal(ne, 4);
    assert_int_equal(ev[0].op, JOURNAL_PAINT);
    static const unsigned char want0[15] = {0, 0, 1, 1, 1};
    assert_memory_equal(ev[0].cells, want0, 15);
    assert_int_equal(ev[1].op, JOURNAL_CLICKS);
    assert_int_equal(ev[1].n_clicks, 2);
    assert_true(ev[1].clicks[1].x == 3 && ev[1].clicks[1].y == 4);
    assert_int_equal(ev[2].op, JOURNAL_CLICKS);
    assert_int_equal(ev[2].n_clicks, 0);
    assert_int_equal(ev[3].op, JOURNAL_PAINT);
    assert_true(ev[3].grid.origin.x == -1.5 && ev[3].grid.origin.y == 2.25 && ev[3].grid.cell == 0.5);
    static const unsigned char want3[4] = {0, 0, 0, 1};
    assert_memory_equal(ev[3].cells, want3, 4);
    static const int BAD[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21};
    assert_int_equal(diag_count(d), (int)(sizeof BAD / sizeof *BAD));
    for (int i = 0; i < diag_count(d); i++) {
        const DiagItem *it = diag_item(d, i);
        assert_int_equal(it->level, DIAG_ERROR);
        assert_int_equal(it->line, BAD[i]);
        assert_non_null(strstr(it->message, "bad journal line, skipped"));
    }
    free(h.course);
    free(ev);
    diag_free(d);
}

/* Random damage to a journal of paintings and clicks: never a crash, and
 * what is read stays within its promises. */
static void test_random_damage_multi(void **state)
{
    Tmp *t = *state;
    size_t n0 = sizeof MULTI_TEXT - 1;
    char buf[sizeof MULTI_TEXT];
    uint64_t x = 0x2545F4914F6CDD1Du;
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, MULTI_TEXT, n0);
        size_t n = n0;
        for (int c = 0; c < 1 + round % 3; c++)
            damage(buf, &n, &x, " \n0-.9", true); /* keeps a byte to pick the next position in */
        write_bytes(t->file, buf, n);
        Diag *d = diag_create();
        JournalHeader h;
        JournalEvent *ev;
        int ne;
        if (journal_read(t->file, KEY, &h, &ev, &ne, NULL, d)) {
            for (int i = 0; i < ne; i++) {
                const JournalEvent *e = &ev[i];
                assert_true(e->item >= 0 && e->item < h.n_questions);
                assert_true(e->op >= JOURNAL_CLICK && e->op <= JOURNAL_TICK);
                if (e->op == JOURNAL_PAINT) {
                    assert_true(e->grid.cols > 0 && e->grid.rows > 0 && e->grid.cell > 0);
                    assert_true((int64_t)e->grid.cols * e->grid.rows <= JOURNAL_MAX_PAINT_CELLS);
                    for (int k = 0; k < e->grid.cols * e->grid.rows; k++)
                        assert_true(e->cells[k] <= 1);
                }
                if (e->op == JOURNAL_CLICKS) {
                    assert_true(e->n_clicks >= 0 && e->n_clicks <= JOURNAL_MAX_CLICKS);
                    for (int k = 0; k < e->n_clicks; k++)
                        assert_true(fabs(e->clicks[k].x) < 1e9 && fabs(e->clicks[k].y) < 1e9);
                }
            }
            free(h.course);
            free(ev);
        } else {
            assert_true(diag_error_count(d) >= 1);
        }
        diag_free(d);
    }
}

/* The seals: a sealed journal reads back intact; an edited, deleted,
 * repeated or moved line, another key or an old unsealed journal each
 * break it at the right line, and such a journal cannot be reopened. */
static JournalSeal read_seal(const char *path, const unsigned char *key)
{
    Diag *d = diag_create();
    JournalHeader h;
    JournalEvent *ev;
    int ne;
    JournalSeal seal;
    assert_true(journal_read(path, key, &h, &ev, &ne, &seal, d));
    free(h.course);
    free(ev);
    diag_free(d);
    return seal;
}

/* The file's lines (sealed), split in place into lines[] (no newlines). */
static int split_lines(char *text, char **lines, int max)
{
    int n = 0;
    for (char *s = text; *s && n < max;) {
        char *nl = strchr(s, '\n');
        *nl = '\0';
        lines[n++] = s;
        s = nl + 1;
    }
    return n;
}

static void write_lines(const char *path, char **lines, int n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < n; i++)
        fprintf(f, "%s\n", lines[i]);
    fclose(f);
}

static void test_seals(void **state)
{
    Tmp *t = *state;
    write_sample(t->file);
    JournalSeal seal = read_seal(t->file, KEY);
    assert_true(seal.checked && seal.intact);
    assert_int_equal(seal.line, 0);
    size_t n;
    char text[sizeof EXPECTED_TEXT + 16 * 65], *lines[16], *copy[16];
    const char *got = read_file(t->file, &n);
    assert_true(n < sizeof text);
    memcpy(text, got, n + 1);
    int nl = split_lines(text, lines, 16);
    assert_int_equal(nl, 1 + N_EVENTS);

    /* An answer changed in place (a digit of the click). */
    char edited[256];
    snprintf(edited, sizeof edited, "%s", lines[1]);
    edited[strlen("click 0 1772438415250 2")] = '9';
    memcpy(copy, lines, sizeof copy);
    copy[1] = edited;
    write_lines(t->file, copy, nl);
    seal = read_seal(t->file, KEY);
    assert_false(seal.intact);
    assert_int_equal(seal.line, 2);
    assert_non_null(strstr(seal.why, "does not match its seal"));
    /* The header's question count or seed changed. */
    snprintf(edited, sizeof edited, "%s", lines[0]);
    *strstr(edited, " 40 3 ") = '\0';
    char header[600];
    snprintf(header, sizeof header, "%s 1 3 %s", edited, lines[0] + strlen(edited) + 6);
    copy[1] = lines[1];
    copy[0] = header;
    write_lines(t->file, copy, nl);
    seal = read_seal(t->file, KEY);
    assert_false(seal.intact);
    assert_int_equal(seal.line, 1);
    /* A line deleted (the third), one repeated, two swapped. */
    memcpy(copy, lines, sizeof copy);
    memmove(copy + 2, copy + 3, sizeof *copy * (size_t)(nl - 3));
    write_lines(t->file, copy, nl - 1);
    seal = read_seal(t->file, KEY);
    assert_false(seal.intact);
    assert_int_equal(seal.line, 3);
    memcpy(copy, lines, sizeof copy);
    copy[nl] = lines[nl - 1];
    write_lines(t->file, copy, nl + 1);
    assert_int_equal(read_seal(t->file, KEY).line, nl + 1);
    memcpy(copy, lines, sizeof copy);
    copy[3] = lines[4];
    copy[4] = lines[3];
    write_lines(t->file, copy, nl);
    assert_int_equal(read_seal(t->file, KEY).line, 4);
    Diag *d = diag_create();
    assert_null(journal_reopen(t->file, KEY, d));
    assert_non_null(strstr(diag_item(d, 0)->message, "cannot reopen the exam journal: line 4"));
    diag_free(d);
    /* Lines cut off the end leave a shorter journal that is still sealed
     * (it only loses the learner's own answers). */
    write_lines(t->file, lines, nl - 2);
    assert_true(read_seal(t->file, KEY).intact);
    /* Another station's key. */
    write_lines(t->file, lines, nl);
    static const unsigned char OTHER[JOURNAL_KEY_BYTES] = {1};
    seal = read_seal(t->file, OTHER);
    assert_false(seal.intact);
    assert_int_equal(seal.line, 1);
    /* No key: the seals are cut off, not checked. */
    seal = read_seal(t->file, NULL);
    assert_false(seal.checked);
    assert_true(seal.intact);
    /* An old journal has no seals at all. */
    write_bytes(t->file, "tpquiz-journal 1 essentials 7 1000 61000 3\nflag 0 1500 1\n", 56);
    seal = read_seal(t->file, KEY);
    assert_false(seal.intact);
    assert_non_null(strstr(seal.why, "without seals"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip_and_text, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_begin_refuses, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_bad_events, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_cut_mid_line, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_bad_lines_are_skipped, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_not_journals, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_reopen_and_remove, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_random_damage, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_paint_and_clicks_round_trip, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_bad_paint_and_clicks, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_bad_paint_and_clicks_lines, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_random_damage_multi, setup, tmp_state_teardown),
        cmocka_unit_test_setup_teardown(test_seals, setup, tmp_state_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
