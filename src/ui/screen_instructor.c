/* Instructor review: behind the instructor's passphrase, a folder of learner
 * score files read through the report (src/core/report.h).
 *
 * Pages, each one level deeper than the last (Back or Escape goes up one;
 * from the top it leaves for sign-in and forgets everything):
 *   locked    the passphrase (or, with none set, how to set one)
 *   report    the folder field, then a sortable learner table (certification
 *             per course, file integrity, skipped files) or the question
 *             table (the report's item analysis)
 *   learner   one file: integrity and every problem, standing per course,
 *             every record
 *   attempt   one quiz or exam record: every answer with its credit and time,
 *             the selected one drawn on its chart as the learner's feedback is
 *   question  one question's statistics and, for chart questions, its heatmap
 *
 * The report's per-file summaries live only during its callback, so the
 * screen copies what its table shows; a learner's file is loaded again
 * (scorefile_load with the station key) when it is opened. The answers of
 * a record name their items by key: session_create_review builds the items
 * from those keys, so prompts, charts and targets are the ones learners see. */
#include <SDL.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "heatmap.h"
#include "instructor.h"
#include "item_view.h"
#include "judge.h"
#include "paths.h"
#include "report.h"
#include "app_state.h"
#include "chrome.h"
#include "theme.h"

typedef enum { PAGE_LOCKED, PAGE_REPORT, PAGE_LEARNER, PAGE_ATTEMPT, PAGE_QUESTION } Page;

/* One course cell of the learner table. */
typedef struct {
    bool any; /* the learner has attempts in the course */
    bool certified;
    int modules_passed, modules_total;
    bool exam_passed;
    int exam_attempts, attempts_left; /* attempts_left -1: unlimited */
    double best_exam;                 /* -1: no passing exam */
} CertCell;

/* What the learner table keeps of one file the report read. */
typedef struct {
    char *path;
    const char *rel; /* path below the folder (points into path) */
    char *learner, *name, *integrity;
    int records, good, attempts, quizzes, exams;
    bool intact, wrong_key;
    char **problems; /* "line 12: record 4 (...): edited: ..." */
    int n_problems;
    CertCell *cert; /* one per library course */
} LearnerRow;

/* A row of the question table: an item in one population. */
typedef struct {
    const ReportItem *item;
    ReportPopulation pop;
} QuestionRow;

/* A recorded answer made drawable: the item its key names (NULL if this
 * station's courses have no such item) and an Answer as the session would
 * hold it, rebuilt from the record (the arrays are owned here). */
typedef struct {
    const Item *item;
    Answer an;
    char note[200]; /* why it cannot be drawn, "" if it can */
} ShownAnswer;

enum { L_NAME, L_ID, L_ATTEMPTS, L_INTEGRITY, L_COURSE0 }; /* learner columns; one per course from L_COURSE0 */
enum { Q_TITLE, Q_ANSWERS, Q_FACILITY, Q_DISCRIM, Q_CLICKS, Q_MEDIAN, Q_SIDE, Q_NOTE, Q_COLUMNS };

struct InstructorState {
    Page page;
    char *hash; /* the config's passphrase hash, "" if none */
    char pass[256];
    char pass_error[200];
    char passwd_cmd[1200]; /* the `tpquiz passwd` line for this station's config */
    bool copied;

    /* The report */
    char folder[1024];
    char opened[1024]; /* the folder the report is of, "" before Open */
    char message[1400]; /* why nothing could be read, "" if fine */
    Report *report;
    LearnerRow *rows;
    int n_rows, cap_rows;
    int *order;
    int sort, sort_dir; /* column, +1 ascending / -1 descending */
    QuestionRow *qrows;
    int n_qrows;
    int *qorder;
    int qsort, qsort_dir;
    bool questions_tab;
    int list_scroll, q_scroll;

    /* Learner page */
    int learner; /* index into rows */
    ScoreFile *scores;
    char load_error[600];
    CertStatus *cert; /* per library course, for courses with attempts */
    bool *cert_set;
    JudgeResult *judged; /* per record of scores: re-graded against this station's courses */
    int standing_scroll, records_scroll, standing_h;

    /* Attempt page */
    int record; /* index into scores */
    Session *items;
    ShownAnswer *shown;
    int n_shown;
    int answer;
    int answers_scroll;
    bool answer_visible; /* scroll the list to the selected answer */

    /* Question page */
    int question; /* index into qorder */
    int stats_scroll;
};

typedef struct InstructorState State;

/* ---- small helpers ------------------------------------------------------- */

static char *dup_str(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *r = malloc(n);
    if (r)
        memcpy(r, s ? s : "", n);
    return r;
}

static void go_page(App *a, State *st, Page p)
{
    st->page = p;
    a->redraw = true;
    a->ui.focus = -1;
}

/* Leaves for sign-in, forgetting everything (instructor_screen_leave). */
static void leave(App *a)
{
    instructor_screen_leave(a);
    app_go(a, SCREEN_SIGNIN);
    ui_focus_next_field(&a->ui); /* the learner's name field, as at start-up */
}

static void utc_time(int64_t t, char *buf, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm))
        snprintf(buf, size, "?");
    else
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                 tm.tm_hour, tm.tm_min);
}

static int text_h(App *a, FontId f) { return ren_text_height(a->ren, f); }

static void panel(App *a, SDL_Rect r) { ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 10), THEME_PANEL); }

/* Rows that would be clicked through the clip's edge are cut to it. */
static SDL_Rect clip_to(SDL_Rect r, SDL_Rect clip)
{
    SDL_Rect out;
    if (!SDL_IntersectRect(&r, &clip, &out))
        out = (SDL_Rect){r.x, r.y, 0, 0};
    return out;
}

/* Up / Down a line, Page Up / Down a page, Home / End: the keyboard's way
 * to scroll a list (Tab reaches only the rows on screen). */
static void scroll_keys(App *a, int *scroll, int page_h)
{
    Ui *ui = &a->ui;
    int line = ui_px(ui, 48);
    int before = *scroll;
    if (ui_key(ui, SDLK_DOWN))
        *scroll += line;
    if (ui_key(ui, SDLK_UP))
        *scroll -= line;
    if (ui_key(ui, SDLK_PAGEDOWN))
        *scroll += page_h - line;
    if (ui_key(ui, SDLK_PAGEUP))
        *scroll -= page_h - line;
    if (ui_key(ui, SDLK_HOME))
        *scroll = 0;
    if (ui_key(ui, SDLK_END))
        *scroll = 1 << 28; /* ui_scroll clamps it */
    if (*scroll != before)
        a->redraw = true;
}

/* A short name for an item in a list: "<point>: <task>", after "<muscle> · "
 * when with_muscle (a list across modules). */
static void item_title(const Module *m, ReportItemKind kind, int tp, int question, const char *view,
                       const char *key, bool with_muscle, char *buf, size_t size)
{
    static const char *const TASK[] = {
        [REPORT_ITEM_LOCATE] = "locate the point",
        [REPORT_ITEM_ZONE] = "click its referral zone",
        [REPORT_ITEM_PAINT] = "paint its referral zone",
        [REPORT_ITEM_REVERSE] = "find it from its pattern",
    };
    if (!m) {
        snprintf(buf, size, "%s (not in these courses)", key);
        return;
    }
    char muscle[200] = "";
    if (with_muscle)
        snprintf(muscle, sizeof muscle, "%s \xC2\xB7 ", m->name);
    switch (kind) {
    case REPORT_ITEM_LOCATE:
    case REPORT_ITEM_ZONE:
    case REPORT_ITEM_PAINT:
    case REPORT_ITEM_REVERSE:
        snprintf(buf, size, "%s%s: %s", muscle, tp >= 0 && tp < m->n_tps ? m->tps[tp].label : "?", TASK[kind]);
        break;
    case REPORT_ITEM_LOCATE_ALL:
        snprintf(buf, size, "%sEvery point on the %s chart", muscle, view ? view : "?");
        break;
    case REPORT_ITEM_QUESTION:
        snprintf(buf, size, "%s%s", muscle, question >= 0 ? m->questions[question].prompt : key);
        break;
    default:
        snprintf(buf, size, "%s (not in these courses)", key);
        break;
    }
}

static ReportItemKind kind_of(const Item *it)
{
    switch (it->type) {
    case ITEM_LOCATE_TP:
        return REPORT_ITEM_LOCATE;
    case ITEM_ZONE_CLICK:
        return REPORT_ITEM_ZONE;
    case ITEM_ZONE_PAINT:
        return REPORT_ITEM_PAINT;
    case ITEM_REVERSE:
        return REPORT_ITEM_REVERSE;
    case ITEM_LOCATE_ALL:
        return REPORT_ITEM_LOCATE_ALL;
    default:
        return REPORT_ITEM_QUESTION;
    }
}

/* A credit chip: "100%" on green, partial on amber, none on red. */
static void credit_chip(App *a, SDL_Rect r, double credit)
{
    SDL_Color bg = theme_credit_light(credit);
    ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 4), bg);
    char t[16];
    snprintf(t, sizeof t, "%d%%", (int)(credit * 100 + 0.5));
    int w = ren_text_width(a->ren, FONT_BOLD, t);
    ren_text(a->ren, FONT_BOLD, r.x + (r.w - w) / 2, r.y + (r.h - text_h(a, FONT_BOLD)) / 2, theme_credit_colour(credit),
             t);
}

/* A record's score: one decimal, green when it passed, red when not. */
static void score_chip(App *a, SDL_Rect r, double score, bool passed)
{
    ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 4), passed ? THEME_GOOD_LIGHT : THEME_BAD_LIGHT);
    char t[16];
    snprintf(t, sizeof t, "%.1f%%", score * 100);
    int w = ren_text_width(a->ren, FONT_BOLD, t);
    ren_text(a->ren, FONT_BOLD, r.x + (r.w - w) / 2, r.y + (r.h - text_h(a, FONT_BOLD)) / 2,
             passed ? THEME_GOOD : THEME_BAD, t);
}

/* The score a record that is not good claims: grey and struck through, as
 * it counts for nothing. */
static void claimed_score_chip(App *a, SDL_Rect r, double score)
{
    ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 4), THEME_PANEL_ALT);
    char t[16];
    snprintf(t, sizeof t, "%.1f%%", score * 100);
    int w = ren_text_width(a->ren, FONT_BODY, t), h = text_h(a, FONT_BODY);
    int x = r.x + (r.w - w) / 2, y = r.y + (r.h - h) / 2;
    ren_text(a->ren, FONT_BODY, x, y, THEME_MUTED, t);
    ren_fill_rect(a->ren, (SDL_Rect){x - ui_px(&a->ui, 2), y + h / 2, w + ui_px(&a->ui, 4), ui_px(&a->ui, 1) + 1},
                  THEME_MUTED);
}

/* ---- tables ---------------------------------------------------------------- */

typedef struct {
    const char *label;
    int min_w;  /* points */
    float grow; /* share of the width left over */
    bool right; /* numbers: right-aligned */
} Column;

/* A column is never narrower than its heading with the sort arrow. */
static int column_min(App *a, const Column *c)
{
    int head = ren_text_width(a->ren, FONT_BOLD, c->label) + ren_text_width(a->ren, FONT_BOLD, " \xE2\x96\xB2") +
               ui_px(&a->ui, 20);
    int mw = ui_px(&a->ui, (float)c->min_w);
    return head > mw ? head : mw;
}

/* Column x positions and widths over width w (pixels). */
static void layout_columns(App *a, const Column *cols, int n, int x, int w, int *xs, int *ws)
{
    int min_sum = 0;
    float grow = 0;
    for (int i = 0; i < n; i++) {
        min_sum += column_min(a, &cols[i]);
        grow += cols[i].grow;
    }
    int extra = w - min_sum;
    for (int i = 0; i < n; i++) {
        int mw = column_min(a, &cols[i]);
        /* Too narrow for every minimum: shrink all alike. */
        ws[i] = extra >= 0 ? mw + (grow > 0 ? (int)((float)extra * cols[i].grow / grow) : 0) : mw * w / min_sum;
        xs[i] = x;
        x += ws[i];
    }
}

/* The heading row: each heading sorts by its column (again: the other way).
 * what names the table for scripts ("Sort learners by Name"). True when
 * the sort changed. */
static bool table_header(App *a, SDL_Rect r, const Column *cols, int n, const int *xs, const int *ws,
                         int *sort, int *dir, const char *what)
{
    Ui *ui = &a->ui;
    ren_fill_rect(a->ren, r, THEME_PANEL_ALT);
    ren_fill_rect(a->ren, (SDL_Rect){r.x, r.y + r.h - ui_px(ui, 1), r.w, ui_px(ui, 1)}, THEME_BORDER);
    bool changed = false;
    int pad = ui_px(ui, 10);
    for (int i = 0; i < n; i++) {
        SDL_Rect cell = {xs[i], r.y, ws[i], r.h};
        bool on = *sort == i;
        if (ui_hover(ui, cell))
            ren_fill_rect(a->ren, cell, THEME_ACCENT_LIGHT);
        char label[160];
        snprintf(label, sizeof label, "%s%s", cols[i].label, on ? (*dir > 0 ? " \xE2\x96\xB2" : " \xE2\x96\xBC") : "");
        int tw = ren_text_width(a->ren, FONT_BOLD, label);
        if (tw > cell.w - 2 * pad)
            tw = cell.w - 2 * pad;
        int tx = cols[i].right ? cell.x + cell.w - pad - tw : cell.x + pad;
        ren_text_fit(a->ren, FONT_BOLD, tx, r.y + (r.h - text_h(a, FONT_BOLD)) / 2, cell.w - 2 * pad,
                     on ? THEME_ACCENT : THEME_ACCENT_DARK, label);
        char target[200];
        snprintf(target, sizeof target, "Sort %s by %s", what, cols[i].label);
        if (ui_clickable(ui, cell, target)) {
            *dir = on ? -*dir : 1;
            *sort = i;
            changed = true;
            a->redraw = true;
        }
    }
    return changed;
}

/* Two lines in a cell: a main text and a smaller one under it. */
static void cell_text(App *a, SDL_Rect cell, bool right, FontId f, SDL_Color c, const char *main_text,
                      SDL_Color sub_c, const char *sub)
{
    int pad = ui_px(&a->ui, 10), w = cell.w - 2 * pad;
    int h = text_h(a, f) + (sub && *sub ? text_h(a, FONT_SMALL) : 0);
    int y = cell.y + (cell.h - h) / 2;
    int tw = ren_text_width(a->ren, f, main_text);
    ren_text_fit(a->ren, f, right ? cell.x + cell.w - pad - (tw < w ? tw : w) : cell.x + pad, y, w, c, main_text);
    if (sub && *sub) {
        int sw = ren_text_width(a->ren, FONT_SMALL, sub);
        ren_text_fit(a->ren, FONT_SMALL, right ? cell.x + cell.w - pad - (sw < w ? sw : w) : cell.x + pad,
                     y + text_h(a, f), w, sub_c, sub);
    }
}

/* Stable insertion sort of order[] by cmp (with the state): the file order
 * (or the report's key order) breaks ties. */
static void sort_order(State *st, int *order, int n, int (*cmp)(const State *, int, int))
{
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = 1; i < n; i++) {
        int v = order[i], j = i;
        while (j > 0 && cmp(st, order[j - 1], v) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
}

static int cmp_num(double x, double y) { return x < y ? -1 : x > y; }

/* Certification sorts: no attempts, then by how far along, certified last. */
static double cert_rank(const CertCell *c)
{
    if (!c->any)
        return -1;
    if (c->certified)
        return 10;
    return (c->modules_total ? (double)c->modules_passed / c->modules_total : 0) + (c->exam_passed ? 1 : 0);
}

static int cmp_learners(const State *st, int x, int y)
{
    const LearnerRow *p = &st->rows[x], *q = &st->rows[y];
    int k = 0;
    switch (st->sort) {
    case L_NAME:
        k = strcasecmp(p->name, q->name);
        break;
    case L_ID:
        k = strcmp(p->learner, q->learner);
        break;
    case L_ATTEMPTS:
        k = p->attempts - q->attempts;
        break;
    case L_INTEGRITY:
        /* Problems first when ascending: the files to look at. */
        k = cmp_num(p->records ? (double)p->good / p->records : 0, q->records ? (double)q->good / q->records : 0);
        break;
    default:
        k = cmp_num(cert_rank(&p->cert[st->sort - L_COURSE0]), cert_rank(&q->cert[st->sort - L_COURSE0]));
        break;
    }
    if (k == 0 && st->sort != L_NAME)
        k = strcasecmp(p->name, q->name) * st->sort_dir; /* ties stay A to Z either way */
    return k * st->sort_dir;
}

static double side_share(const ReportItemStats *s) { return s->sided ? (double)s->wrong_side / s->sided : -1; }

static int cmp_questions(const State *st, int x, int y)
{
    const QuestionRow *p = &st->qrows[x], *q = &st->qrows[y];
    const ReportItemStats *a = &p->item->stats[p->pop], *b = &q->item->stats[q->pop];
    int k = 0;
    char na[96], nb[96];
    switch (st->qsort) {
    case Q_TITLE:
        k = strcmp(p->item->key, q->item->key);
        if (k == 0)
            k = (int)p->pop - (int)q->pop;
        break;
    case Q_ANSWERS:
        k = a->answers - b->answers;
        break;
    case Q_FACILITY:
        k = cmp_num(a->facility, b->facility);
        break;
    case Q_DISCRIM:
        k = cmp_num(a->has_discrimination ? a->discrimination : -1000,
                    b->has_discrimination ? b->discrimination : -1000);
        break;
    case Q_CLICKS:
        k = a->clicks - b->clicks;
        break;
    case Q_MEDIAN:
        k = cmp_num(a->clicks ? a->median_distance : -1, b->clicks ? b->median_distance : -1);
        break;
    case Q_SIDE:
        k = cmp_num(side_share(a), side_share(b));
        break;
    default:
        k = strcmp(report_item_note(a, na, sizeof na), report_item_note(b, nb, sizeof nb));
        break;
    }
    return k * st->qsort_dir;
}

/* ---- the passphrase ---------------------------------------------------------- */

/* The hash as the config file says now, so a passphrase set with `tpquiz
 * passwd` while the program runs counts without a restart; the one read
 * at start-up if the file cannot be read. */
static char *current_hash(const App *a)
{
    const char *path = a->cfg->path && *a->cfg->path ? a->cfg->path : paths_default_config();
    if (path) {
        Diag *d = diag_create();
        Config *c = config_load(path, paths_data_root(), d);
        diag_free(d);
        if (c) {
            char *h = dup_str(c->instructor_hash);
            config_free(c);
            return h;
        }
    }
    return dup_str(a->cfg->instructor_hash);
}

/* The exact command that sets the passphrase in this station's config. */
static void passwd_command(const App *a, char *buf, size_t size)
{
    const char *path = a->cfg->path;
    if (!path || !*path) {
        snprintf(buf, size, "tpquiz passwd");
        return;
    }
    /* Absolute, so it works from any folder the terminal is in. */
    char cwd[1024], p[2100];
    if (path[0] != '/' && getcwd(cwd, sizeof cwd))
        snprintf(p, sizeof p, "%s/%s", cwd, strncmp(path, "./", 2) ? path : path + 2);
    else
        snprintf(p, sizeof p, "%s", path);
    bool quote = strpbrk(p, " \t'\"$\\") != NULL;
    snprintf(buf, size, quote ? "tpquiz passwd --config '%s'" : "tpquiz passwd --config %s", p);
}

static bool hash_usable(const char *h) { return h && instructor_hash_valid(h); }

static void unlock(App *a, State *st)
{
    bool ok = st->pass[0] && instructor_check_passphrase(st->hash, st->pass);
    sodium_memzero(st->pass, sizeof st->pass);
    a->redraw = true;
    if (!ok) {
        snprintf(st->pass_error, sizeof st->pass_error,
                 "That is not the instructor passphrase. Type it again (letters and case count).");
        printf("instructor: passphrase refused\n");
        fflush(stdout);
        ui_focus_next_field(&a->ui);
        return;
    }
    st->pass_error[0] = 0;
    printf("instructor: unlocked\n");
    fflush(stdout);
    go_page(a, st, PAGE_REPORT);
    ui_focus_next_field(&a->ui); /* the folder: Enter opens it */
}

static void page_locked(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int w = ui_px(ui, 640), pad = ui_px(ui, 32);
    if (w > area.w - 2 * pad)
        w = area.w - 2 * pad;
    int x = area.x + (area.w - w) / 2, y = area.y + ui_px(ui, 48);
    int in = ui_px(ui, 28), tw = w - 2 * in;
    bool set = hash_usable(st->hash);
    /* Measure the card's text first, so the card fits it. */
    const char *why =
        set ? "The review of every learner's results is for the station's instructor. Type the instructor "
              "passphrase to open it."
        : st->hash[0]
            ? "The instructor passphrase in this station's settings is not one `tpquiz passwd` writes, so "
              "nobody can open the review. Set it again: in a terminal on this station, run"
            : "The review of every learner's results is locked until the station has an instructor "
              "passphrase. To set one, run this in a terminal on this station:";
    const char *after = a->cfg->path && *a->cfg->path
                            ? "It asks for the passphrase twice and keeps only a hash of it in that file. "
                              "Then come back to this screen."
                            : "Run it in the folder tpquiz starts from: it creates config.ini there with a "
                              "hash of the passphrase. Then come back to this screen.";
    int why_h = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, tw, THEME_TEXT, why, false, 0, 0);
    int cmd_h = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, tw - ui_px(ui, 140), THEME_TEXT, st->passwd_cmd, false,
                                 0, 0);
    int after_h = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, tw, THEME_TEXT, after, false, 0, 0);
    int err_h = st->pass_error[0]
                    ? ren_text_wrapped(a->ren, FONT_BODY, 0, 0, tw, THEME_BAD, st->pass_error, false, 0, 0)
                    : 0;
    int body_h = set ? why_h + ui_px(ui, 40 + 44 + 20 + 44) + (err_h ? err_h + ui_px(ui, 16) : 0)
                     : why_h + ui_px(ui, 16) + cmd_h + ui_px(ui, 28) + ui_px(ui, 16) + after_h + ui_px(ui, 24 + 44);
    int card_h = in * 2 + text_h(a, FONT_TITLE) + ui_px(ui, 12) + body_h;
    SDL_Rect card = {x, y, w, card_h};
    panel(a, card);
    int cy = y + in;
    ren_text(a->ren, FONT_TITLE, x + in, cy, THEME_TEXT, set ? "Instructor sign-in" : "No instructor passphrase yet");
    cy += text_h(a, FONT_TITLE) + ui_px(ui, 12);
    cy += ren_text_wrapped(a->ren, FONT_BODY, x + in, cy, tw, THEME_TEXT, why, true, 0, ui->height);
    if (set) {
        cy += ui_px(ui, 40); /* room for the field's label */
        SDL_Rect field = {x + in, cy, tw, ui_px(ui, 44)};
        int r = ui_secret_field(ui, field, "Instructor passphrase", st->pass, sizeof st->pass, "");
        if (r & UI_FIELD_CHANGED) {
            st->pass_error[0] = 0;
            a->redraw = true;
        }
        cy += field.h + ui_px(ui, 20);
        SDL_Rect go = {x + w - in - ui_px(ui, 160), cy, ui_px(ui, 160), ui_px(ui, 44)};
        SDL_Rect back = {go.x - ui_px(ui, 12) - ui_px(ui, 180), cy, ui_px(ui, 180), ui_px(ui, 44)};
        bool back_pressed = ui_button(ui, back, "Back to sign-in", BUTTON_SECONDARY);
        if (ui_button(ui, go, "Unlock", st->pass[0] ? BUTTON_PRIMARY : BUTTON_DISABLED) ||
            ((r & UI_FIELD_ENTER) && st->pass[0])) {
            unlock(a, st);
            return;
        }
        if (back_pressed) {
            leave(a);
            return;
        }
        cy += go.h + ui_px(ui, 16);
        if (st->pass_error[0])
            ren_text_wrapped(a->ren, FONT_BODY, x + in, cy, tw, THEME_BAD, st->pass_error, true, 0, ui->height);
        return;
    }
    cy += ui_px(ui, 16);
    SDL_Rect box = {x + in, cy, tw, cmd_h + ui_px(ui, 28)};
    ren_fill_round_rect(a->ren, box, ui_px(ui, 6), THEME_ACCENT_LIGHT);
    ren_text_wrapped(a->ren, FONT_BOLD, box.x + ui_px(ui, 14), box.y + ui_px(ui, 14), tw - ui_px(ui, 140),
                     THEME_ACCENT_DARK, st->passwd_cmd, true, 0, ui->height);
    SDL_Rect copy = {box.x + box.w - ui_px(ui, 112), box.y + (box.h - ui_px(ui, 34)) / 2, ui_px(ui, 100),
                     ui_px(ui, 34)};
    if (ui_button(ui, copy, st->copied ? "Copied" : "Copy", BUTTON_SECONDARY)) {
        st->copied = SDL_SetClipboardText(st->passwd_cmd) == 0;
        a->redraw = true;
    }
    cy += box.h + ui_px(ui, 16);
    cy += ren_text_wrapped(a->ren, FONT_BODY, x + in, cy, tw, THEME_TEXT, after, true, 0, ui->height);
    cy += ui_px(ui, 24);
    SDL_Rect back = {x + w - in - ui_px(ui, 180), cy, ui_px(ui, 180), ui_px(ui, 44)};
    if (ui_button(ui, back, "Back to sign-in", BUTTON_PRIMARY))
        leave(a);
}

/* ---- reading the folder --------------------------------------------------------- */

static void free_rows(State *st)
{
    for (int i = 0; i < st->n_rows; i++) {
        LearnerRow *r = &st->rows[i];
        free(r->path);
        free(r->learner);
        free(r->name);
        free(r->integrity);
        for (int k = 0; k < r->n_problems; k++)
            free(r->problems[k]);
        free(r->problems);
        free(r->cert);
    }
    free(st->rows);
    free(st->order);
    free(st->qrows);
    free(st->qorder);
    st->rows = NULL;
    st->order = st->qorder = NULL;
    st->qrows = NULL;
    st->n_rows = st->cap_rows = st->n_qrows = 0;
    report_free(st->report);
    st->report = NULL;
}

typedef struct {
    App *a;
    State *st;
    size_t folder_len;
    bool failed; /* out of memory */
} Reading;

static bool copy_row(Reading *rd, LearnerRow *r, const ReportFile *f)
{
    const Library *lib = rd->a->lib;
    r->path = dup_str(f->path);
    r->learner = dup_str(f->learner);
    r->name = dup_str(f->name ? f->name : f->learner);
    r->integrity = dup_str(f->integrity);
    int nc = library_course_count(lib);
    r->cert = calloc((size_t)(nc > 0 ? nc : 1), sizeof *r->cert);
    r->n_problems = diag_count(f->problems);
    r->problems = calloc((size_t)(r->n_problems > 0 ? r->n_problems : 1), sizeof *r->problems);
    if (!r->path || !r->learner || !r->name || !r->integrity || !r->cert || !r->problems)
        return false;
    const char *rel = r->path;
    if (!strncmp(rel, rd->st->opened, rd->folder_len))
        rel += rd->folder_len;
    while (*rel == '/')
        rel++;
    r->rel = rel;
    r->records = f->records;
    r->good = f->count[RECORD_GOOD];
    r->attempts = f->attempts;
    r->quizzes = f->quiz_attempts;
    r->exams = f->exam_attempts;
    r->intact = f->intact;
    r->wrong_key = f->wrong_key;
    for (int i = 0; i < r->n_problems; i++) {
        const DiagItem *d = diag_item(f->problems, i);
        char line[1200];
        if (d->line > 0)
            snprintf(line, sizeof line, "line %d: %s", d->line, d->message);
        else
            snprintf(line, sizeof line, "%s", d->message);
        if (!(r->problems[i] = dup_str(line)))
            return false;
    }
    for (int k = 0; k < f->n_courses; k++) {
        const ReportCourse *rc = &f->courses[k];
        for (int c = 0; c < nc; c++) {
            if (library_course(lib, c) != rc->course)
                continue;
            CertCell *cell = &r->cert[c];
            cell->any = true;
            cell->certified = rc->cert.certified;
            cell->modules_passed = rc->cert.modules_passed;
            cell->modules_total = rc->cert.modules_total;
            cell->exam_passed = rc->cert.exam_passed;
            cell->exam_attempts = rc->exam_attempts;
            cell->attempts_left = rc->cert.exam_attempts_left;
            cell->best_exam = rc->cert.best_exam ? rc->cert.best_exam->score : -1;
        }
    }
    return true;
}

static int on_file(void *user, const ReportFile *f)
{
    Reading *rd = user;
    State *st = rd->st;
    if (f->skipped)
        return 0; /* listed from report_skipped afterwards */
    if (st->n_rows == st->cap_rows) {
        int cap = st->cap_rows ? 2 * st->cap_rows : 32;
        LearnerRow *rows = realloc(st->rows, sizeof *rows * (size_t)cap);
        if (!rows) {
            rd->failed = true;
            return 1;
        }
        st->rows = rows;
        st->cap_rows = cap;
    }
    LearnerRow *r = &st->rows[st->n_rows++];
    memset(r, 0, sizeof *r);
    if (!copy_row(rd, r, f)) {
        rd->failed = true;
        return 1;
    }
    return 0;
}

/* The question table's rows: every item in each population it has answers in. */
static bool build_question_rows(State *st)
{
    int n = report_item_count(st->report);
    st->qrows = calloc((size_t)(2 * n > 0 ? 2 * n : 1), sizeof *st->qrows);
    st->qorder = calloc((size_t)(2 * n > 0 ? 2 * n : 1), sizeof *st->qorder);
    if (!st->qrows || !st->qorder)
        return false;
    for (int i = 0; i < n; i++) {
        const ReportItem *it = report_item(st->report, i);
        for (int p = 0; p < REPORT_POPULATIONS; p++)
            if (it->stats[p].answers > 0)
                st->qrows[st->n_qrows++] = (QuestionRow){it, (ReportPopulation)p};
    }
    sort_order(st, st->qorder, st->n_qrows, cmp_questions);
    return true;
}

/* "~/x" is the home folder's x; a trailing slash is dropped. */
static void folder_path(const char *typed, char *out, size_t size)
{
    const char *home = getenv("HOME");
    if (typed[0] == '~' && (typed[1] == '/' || !typed[1]) && home)
        snprintf(out, size, "%s%s", home, typed + 1);
    else
        snprintf(out, size, "%s", typed);
    size_t n = strlen(out);
    while (n > 1 && out[n - 1] == '/')
        out[--n] = 0;
}

static void open_folder(App *a, State *st)
{
    free_rows(st);
    st->message[0] = 0;
    st->list_scroll = st->q_scroll = 0;
    st->questions_tab = false;
    folder_path(st->folder, st->opened, sizeof st->opened);
    a->redraw = true;
    if (!st->opened[0]) {
        snprintf(st->message, sizeof st->message, "Type the folder that holds the learners' score files.");
        return;
    }
    if (!a->have_key) {
        snprintf(st->message, sizeof st->message,
                 "This station has no usable station key (see the message at the top), so no score file "
                 "can be checked.");
        return;
    }
    Diag *d = diag_create();
    char **paths = NULL;
    int n = report_list_dir(st->opened, &paths, d);
    if (n < 0) {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(st->message, sizeof st->message, "Cannot open %s: %s.", st->opened,
                 it ? it->message : "it cannot be read");
        diag_free(d);
        return;
    }
    diag_free(d);
    int threads = SDL_GetCPUCount();
    ReportOptions opt = {.course = NULL, .keep_clicks = true, .threads = threads > 4 ? 4 : threads};
    /* The institute's issued station keys ([instructor] issued_keys): files
     * they sealed verify, and courses with stations = issued count only
     * their exams. */
    unsigned char(*issued)[STATION_KEY_BYTES] = NULL;
    if (a->cfg->issued_keys_dir[0]) {
        Diag *kd = diag_create();
        opt.n_issued = report_read_keys(a->cfg->issued_keys_dir, &issued, kd);
        if (opt.n_issued < 0) {
            const DiagItem *it = diag_count(kd) ? diag_item(kd, 0) : NULL;
            snprintf(st->message, sizeof st->message, "The issued station keys cannot be read: %s.",
                     it ? it->message : "unknown error");
            diag_free(kd);
            report_paths_free(paths, n);
            return;
        }
        diag_free(kd);
        opt.issued_keys = (const unsigned char(*)[STATION_KEY_BYTES])issued;
    }
    st->report = report_create(a->lib, a->key, &opt);
    if (issued)
        sodium_memzero(issued, sizeof *issued * (size_t)opt.n_issued);
    free(issued);
    Reading rd = {a, st, strlen(st->opened), false};
    if (!st->report || report_add_files(st->report, (const char *const *)paths, n, on_file, &rd) < 0 ||
        rd.failed) {
        report_paths_free(paths, n);
        free_rows(st);
        snprintf(st->message, sizeof st->message, "Out of memory while reading %s.", st->opened);
        return;
    }
    report_paths_free(paths, n);
    report_finish(st->report);
    st->order = calloc((size_t)(st->n_rows > 0 ? st->n_rows : 1), sizeof *st->order);
    if (!st->order || !build_question_rows(st)) {
        free_rows(st);
        snprintf(st->message, sizeof st->message, "Out of memory while reading %s.", st->opened);
        return;
    }
    sort_order(st, st->order, st->n_rows, cmp_learners);
    const ReportSummary *s = report_summary(st->report);
    if (n == 0)
        snprintf(st->message, sizeof st->message,
                 "%s is empty. Collect the learners' .scores files from each station (their "
                 "data folder's learners folder) into it, then open it again.",
                 st->opened);
    else if (s->read == 0)
        snprintf(st->message, sizeof st->message,
                 "No score files in %s: none of its %d file%s is a learner's score file (the reasons are "
                 "listed below).",
                 st->opened, n, n == 1 ? "" : "s");
    printf("instructor: opened %s: files=%d read=%d intact=%d skipped=%d questions=%d\n", st->opened, s->files,
           s->read, s->intact, s->skipped, report_item_count(st->report));
    fflush(stdout);
}

/* ---- the report page --------------------------------------------------------------- */

static void cert_cell_text(const CertCell *c, char *main_text, size_t ms, char *sub, size_t ss)
{
    if (!c->any) {
        snprintf(main_text, ms, "\xE2\x80\x94");
        snprintf(sub, ss, "no attempts");
        return;
    }
    snprintf(main_text, ms, c->certified ? "\xE2\x9C\x93 Certified" : "Not certified");
    char exam[80];
    if (c->exam_passed)
        snprintf(exam, sizeof exam, "exam passed %.0f%%", c->best_exam * 100);
    else if (c->exam_attempts == 0)
        snprintf(exam, sizeof exam, "no exam yet");
    else if (c->attempts_left >= 0)
        snprintf(exam, sizeof exam, "exam not passed, %d left", c->attempts_left);
    else
        snprintf(exam, sizeof exam, "exam not passed");
    snprintf(sub, ss, "modules %d/%d \xC2\xB7 %s", c->modules_passed, c->modules_total, exam);
}

static void open_learner(App *a, State *st, int row);

static void learner_table(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    int nc = library_course_count(a->lib);
    Column cols[L_COURSE0 + 16];
    int n_cols = L_COURSE0 + (nc < 16 ? nc : 16);
    cols[L_NAME] = (Column){"Name", 170, 1.3f, false};
    cols[L_ID] = (Column){"Id", 130, 0.8f, false};
    cols[L_ATTEMPTS] = (Column){"Attempts", 150, 0, true};
    cols[L_INTEGRITY] = (Column){"Integrity", 210, 1.4f, false};
    for (int c = L_COURSE0; c < n_cols; c++) {
        const Course *co = library_course(a->lib, c - L_COURSE0);
        cols[c] = (Column){co->title && *co->title ? co->title : co->id, 190, 1.0f, false};
    }
    /* Columns in reading order: name, id, attempts, courses, integrity. */
    int xs[L_COURSE0 + 16], ws[L_COURSE0 + 16];
    Column shown[L_COURSE0 + 16];
    int map[L_COURSE0 + 16], k = 0;
    for (int c = 0; c < n_cols; c++)
        if (c != L_INTEGRITY) {
            map[k] = c;
            shown[k++] = cols[c];
        }
    map[k] = L_INTEGRITY;
    shown[k++] = cols[L_INTEGRITY];
    int sx = box.x, sw = box.w - ui_px(ui, 12); /* room for the scrollbar */
    layout_columns(a, shown, k, sx, sw, xs, ws);
    int hh = ui_px(ui, 38);
    int vis_sort = 0;
    for (int i = 0; i < k; i++)
        if (map[i] == st->sort)
            vis_sort = i;
    int before = vis_sort;
    if (table_header(a, (SDL_Rect){box.x, box.y, box.w, hh}, shown, k, xs, ws, &vis_sort, &st->sort_dir,
                     "learners") ||
        vis_sort != before) {
        st->sort = map[vis_sort];
        sort_order(st, st->order, st->n_rows, cmp_learners);
    }
    SDL_Rect list = {box.x, box.y + hh, box.w, box.h - hh};
    int rh = ui_px(ui, 56), sh = ui_px(ui, 46);
    int n_skip = report_skipped_count(st->report);
    int content = st->n_rows * rh + (n_skip ? ui_px(ui, 56) + n_skip * sh : 0);
    if (st->n_rows == 0)
        content += rh;
    scroll_keys(a, &st->list_scroll, list.h);
    ui_scroll(ui, list, &st->list_scroll, content);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &list);
    int y = list.y - st->list_scroll;
    if (st->n_rows == 0) {
        ren_text(a->ren, FONT_BODY, box.x + ui_px(ui, 10), y + (rh - text_h(a, FONT_BODY)) / 2, THEME_MUTED,
                 "No learner files were read.");
        y += rh;
    }
    for (int i = 0; i < st->n_rows; i++, y += rh) {
        if (y + rh < list.y || y > list.y + list.h)
            continue;
        const LearnerRow *r = &st->rows[st->order[i]];
        SDL_Rect row = {box.x, y, sw, rh};
        if (ui_hover(ui, clip_to(row, list)))
            ren_fill_rect(a->ren, row, THEME_ACCENT_LIGHT);
        else if (i % 2)
            ren_fill_rect(a->ren, row, THEME_PANEL_ALT);
        for (int c = 0; c < k; c++) {
            SDL_Rect cell = {xs[c], y, ws[c], rh};
            char m[200], s[300];
            switch (map[c]) {
            case L_NAME:
                cell_text(a, cell, false, FONT_BOLD, THEME_TEXT, r->name, THEME_MUTED, r->rel);
                break;
            case L_ID:
                cell_text(a, cell, false, FONT_BODY, THEME_TEXT, r->learner, THEME_MUTED, NULL);
                break;
            case L_ATTEMPTS:
                snprintf(m, sizeof m, "%d", r->attempts);
                snprintf(s, sizeof s, "%d quiz%s, %d exam%s", r->quizzes, r->quizzes == 1 ? "" : "zes", r->exams,
                         r->exams == 1 ? "" : "s");
                cell_text(a, cell, true, FONT_BODY, THEME_TEXT, m, THEME_MUTED, s);
                break;
            case L_INTEGRITY:
                if (r->intact)
                    snprintf(m, sizeof m, "\xE2\x9C\x93 All %d records good", r->records);
                else
                    snprintf(m, sizeof m, "\xE2\x9C\x97 %s", r->wrong_key ? "Signed on another station?" : "Problems");
                if (r->wrong_key)
                    snprintf(s, sizeof s, "no record matches this station's key");
                else
                    snprintf(s, sizeof s, "%s", r->intact ? "every record verified" : r->integrity);
                cell_text(a, cell, false, FONT_BOLD, r->intact ? THEME_GOOD : THEME_BAD, m,
                          r->intact ? THEME_MUTED : THEME_BAD, s);
                break;
            default: {
                const CertCell *cc = &r->cert[map[c] - L_COURSE0];
                cert_cell_text(cc, m, sizeof m, s, sizeof s);
                cell_text(a, cell, false, cc->certified ? FONT_BOLD : FONT_BODY,
                          cc->certified ? THEME_GOOD : cc->any ? THEME_TEXT : THEME_MUTED, m, THEME_MUTED, s);
                break;
            }
            }
        }
        char label[300];
        snprintf(label, sizeof label, "Open learner %s", r->learner);
        if (ui_clickable(ui, clip_to(row, list), label)) {
            SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
            open_learner(a, st, st->order[i]);
            return;
        }
    }
    if (n_skip) {
        y += ui_px(ui, 20);
        char head[80];
        snprintf(head, sizeof head, "Skipped files (%d): not read, nothing from them is counted", n_skip);
        ren_text(a->ren, FONT_BOLD, box.x + ui_px(ui, 10), y, THEME_BAD, head);
        y += ui_px(ui, 36);
        for (int i = 0; i < n_skip; i++, y += sh) {
            if (y + sh < list.y || y > list.y + list.h)
                continue;
            const char *path, *reason;
            report_skipped(st->report, i, &path, &reason);
            const char *rel = path;
            size_t fl = strlen(st->opened);
            if (!strncmp(rel, st->opened, fl))
                rel += fl;
            while (*rel == '/')
                rel++;
            SDL_Rect row = {box.x, y, sw, sh - ui_px(ui, 6)};
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_BAD_LIGHT);
            int ty = row.y + (row.h - text_h(a, FONT_BODY)) / 2;
            int px = row.x + ui_px(ui, 12);
            px += ren_text(a->ren, FONT_BOLD, px, ty, THEME_BAD, "\xE2\x9C\x97 ");
            int nw = ren_text_fit(a->ren, FONT_BOLD, px, ty, row.w / 3, THEME_TEXT, rel);
            px += nw + ui_px(ui, 16);
            ren_text_fit(a->ren, FONT_BODY, px, ty, row.x + row.w - px - ui_px(ui, 12), THEME_TEXT, reason);
        }
    }
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
}

static void fmt_distance(const ReportItem *it, double d, char *buf, size_t size)
{
    if (it->view && it->view->cm_per_unit > 0)
        snprintf(buf, size, "%.1f (%.1f cm)", d, d * it->view->cm_per_unit);
    else
        snprintf(buf, size, "%.1f", d);
}

static void open_question(App *a, State *st, int index)
{
    st->question = index;
    st->stats_scroll = 0;
    go_page(a, st, PAGE_QUESTION);
}

static void question_table(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    static const Column cols[Q_COLUMNS] = {
        {"Question", 280, 3.0f, false}, {"Answers", 120, 0, true},   {"Facility", 80, 0, true},
        {"Discrim.", 80, 0, true},      {"Clicks", 60, 0, true},    {"Median dist.", 120, 0, true},
        {"Wrong side", 90, 0, true},    {"Note", 190, 0.5f, false}};
    int xs[Q_COLUMNS], ws[Q_COLUMNS];
    int sw = box.w - ui_px(ui, 12);
    layout_columns(a, cols, Q_COLUMNS, box.x, sw, xs, ws);
    int hh = ui_px(ui, 38);
    if (table_header(a, (SDL_Rect){box.x, box.y, box.w, hh}, cols, Q_COLUMNS, xs, ws, &st->qsort, &st->qsort_dir,
                     "questions"))
        sort_order(st, st->qorder, st->n_qrows, cmp_questions);
    SDL_Rect list = {box.x, box.y + hh, box.w, box.h - hh};
    int rh = ui_px(ui, 56);
    scroll_keys(a, &st->q_scroll, list.h);
    ui_scroll(ui, list, &st->q_scroll, (st->n_qrows > 0 ? st->n_qrows : 1) * rh);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &list);
    int y = list.y - st->q_scroll;
    if (st->n_qrows == 0)
        ren_text(a->ren, FONT_BODY, box.x + ui_px(ui, 10), y + (rh - text_h(a, FONT_BODY)) / 2, THEME_MUTED,
                 "No good attempts: question statistics use verified records only.");
    for (int i = 0; i < st->n_qrows; i++, y += rh) {
        if (y + rh < list.y || y > list.y + list.h)
            continue;
        const QuestionRow *q = &st->qrows[st->qorder[i]];
        const ReportItem *it = q->item;
        const ReportItemStats *s = &it->stats[q->pop];
        SDL_Rect row = {box.x, y, sw, rh};
        if (ui_hover(ui, clip_to(row, list)))
            ren_fill_rect(a->ren, row, THEME_ACCENT_LIGHT);
        else if (i % 2)
            ren_fill_rect(a->ren, row, THEME_PANEL_ALT);
        char title[600], v[96], sub[160];
        /* The muscle goes under the question, so the question itself fits. */
        item_title(it->module, it->kind, it->tp, it->question, it->view ? it->view->name : NULL, it->key, false,
                   title, sizeof title);
        snprintf(sub, sizeof sub, "%s \xC2\xB7 %s", q->pop == REPORT_EXAM ? "exams" : "quizzes",
                 it->module ? it->module->name : it->key);
        cell_text(a, (SDL_Rect){xs[Q_TITLE], y, ws[Q_TITLE], rh}, false, FONT_BODY, THEME_TEXT, title, THEME_MUTED,
                  sub);
        snprintf(v, sizeof v, "%d", s->answers);
        if (s->answered < s->answers)
            snprintf(sub, sizeof sub, "%d unanswered", s->answers - s->answered);
        else
            sub[0] = 0;
        cell_text(a, (SDL_Rect){xs[Q_ANSWERS], y, ws[Q_ANSWERS], rh}, true, FONT_BODY, THEME_TEXT, v, THEME_MUTED,
                  sub);
        snprintf(v, sizeof v, "%.1f%%", s->facility);
        cell_text(a, (SDL_Rect){xs[Q_FACILITY], y, ws[Q_FACILITY], rh}, true, FONT_BOLD,
                  s->facility < 20 || s->facility > 90 ? THEME_PARTIAL : THEME_TEXT, v, THEME_MUTED, NULL);
        if (s->has_discrimination)
            snprintf(v, sizeof v, "%+.1f", s->discrimination);
        else
            snprintf(v, sizeof v, "\xE2\x80\x94");
        cell_text(a, (SDL_Rect){xs[Q_DISCRIM], y, ws[Q_DISCRIM], rh}, true, FONT_BODY,
                  s->has_discrimination && s->discrimination < 0    ? THEME_BAD
                  : s->has_discrimination && s->discrimination < 20 ? THEME_PARTIAL
                                                                    : THEME_TEXT,
                  v, THEME_MUTED, NULL);
        snprintf(v, sizeof v, "%d", s->clicks);
        cell_text(a, (SDL_Rect){xs[Q_CLICKS], y, ws[Q_CLICKS], rh}, true, FONT_BODY,
                  s->clicks ? THEME_TEXT : THEME_MUTED, s->clicks ? v : "\xE2\x80\x94", THEME_MUTED, NULL);
        if (s->clicks) {
            fmt_distance(it, s->median_distance, v, sizeof v);
            snprintf(sub, sizeof sub, "mean %.1f%s", s->mean_distance, s->median_estimated ? ", median ~" : "");
        } else {
            snprintf(v, sizeof v, "\xE2\x80\x94");
            sub[0] = 0;
        }
        cell_text(a, (SDL_Rect){xs[Q_MEDIAN], y, ws[Q_MEDIAN], rh}, true, FONT_BODY, THEME_TEXT, v, THEME_MUTED, sub);
        if (s->sided) {
            snprintf(v, sizeof v, "%.1f%%", 100.0 * s->wrong_side / s->sided);
            snprintf(sub, sizeof sub, "%d of %d", s->wrong_side, s->sided);
        } else {
            snprintf(v, sizeof v, "\xE2\x80\x94");
            sub[0] = 0;
        }
        cell_text(a, (SDL_Rect){xs[Q_SIDE], y, ws[Q_SIDE], rh}, true, FONT_BODY,
                  s->sided && s->wrong_side ? THEME_BAD : THEME_TEXT, v, THEME_MUTED, sub);
        char note[120];
        report_item_note(s, note, sizeof note);
        /* Two notes go on two lines, so neither is cut. */
        char *semi = strstr(note, "; ");
        if (semi)
            *semi = 0;
        cell_text(a, (SDL_Rect){xs[Q_NOTE], y, ws[Q_NOTE], rh}, false, FONT_SMALL,
                  strstr(note, "negative") || strstr(note, "very hard") ? THEME_BAD : THEME_PARTIAL,
                  note[0] ? note : (it->module ? "" : "not in these courses"),
                  semi && strstr(semi + 2, "negative") ? THEME_BAD : THEME_PARTIAL, semi ? semi + 2 : NULL);
        char label[400];
        snprintf(label, sizeof label, "Open question %s (%s)", it->key, report_population_name(q->pop));
        if (ui_clickable(ui, clip_to(row, list), label)) {
            SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
            open_question(a, st, i);
            return;
        }
    }
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
}

static void page_report(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int pad = ui_px(ui, 20);
    /* The folder bar. */
    int fy = area.y + pad + text_h(a, FONT_SMALL) + ui_px(ui, 4);
    int bh = ui_px(ui, 42);
    const char *station_label = "This station's learners";
    int lock_w = ren_text_width(a->ren, FONT_BODY, "Lock and leave") + ui_px(ui, 32);
    int station_w = ren_text_width(a->ren, FONT_BODY, station_label) + ui_px(ui, 32);
    int open_w = ui_px(ui, 110), gap = ui_px(ui, 10);
    SDL_Rect lock = {area.w - pad - lock_w, fy, lock_w, bh};
    SDL_Rect open = {lock.x - gap * 2 - open_w, fy, open_w, bh};
    SDL_Rect station = {open.x - gap - station_w, fy, station_w, bh};
    SDL_Rect field = {pad, fy, station.x - gap - pad, bh};
    int r = ui_text_field(ui, field, "Folder of score files (subfolders are read too)", st->folder,
                          sizeof st->folder, "e.g. /media/usb/scores");
    if (ui_button(ui, station, station_label, BUTTON_SECONDARY)) {
        snprintf(st->folder, sizeof st->folder, "%s/learners", a->data_dir ? a->data_dir : ".");
        open_folder(a, st);
    }
    if (ui_button(ui, open, "Open", BUTTON_PRIMARY) || (r & UI_FIELD_ENTER))
        open_folder(a, st);
    if (ui_button(ui, lock, "Lock and leave", BUTTON_SECONDARY)) {
        leave(a);
        return;
    }
    int y = fy + bh + ui_px(ui, 14);
    int w = area.w - 2 * pad;
    if (st->message[0]) {
        int mh = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, w - ui_px(ui, 32), THEME_BAD, st->message, false, 0, 0);
        SDL_Rect box = {pad, y, w, mh + ui_px(ui, 20)};
        ren_fill_round_rect(a->ren, box, ui_px(ui, 8), THEME_BAD_LIGHT);
        ren_text_wrapped(a->ren, FONT_BODY, pad + ui_px(ui, 16), y + ui_px(ui, 10), w - ui_px(ui, 32), THEME_BAD,
                         st->message, true, 0, ui->height);
        y += box.h + ui_px(ui, 12);
    }
    if (!st->report) {
        if (!st->message[0]) {
            SDL_Rect hint = {pad, y, w, area.y + area.h - pad - y};
            panel(a, hint);
            int hx = hint.x + ui_px(ui, 28), hy = hint.y + ui_px(ui, 24), hw = hint.w - ui_px(ui, 56);
            ren_text(a->ren, FONT_HEADING, hx, hy, THEME_ACCENT_DARK, "Open a folder of score files");
            hy += text_h(a, FONT_HEADING) + ui_px(ui, 10);
            ren_text_wrapped(a->ren, FONT_BODY, hx, hy, hw, THEME_TEXT,
                             "Each station keeps one score file per learner in its data folder's learners "
                             "folder (<name>.scores). Copy them from every station into one folder (a USB "
                             "stick or a shared drive; one subfolder per station is fine), type its path above "
                             "and choose Open. The field starts with this station's own learners.\n"
                             "Every record is checked with this station's key: files from a station with "
                             "another key show as signed elsewhere.",
                             true, 0, ui->height);
        }
        return;
    }
    /* Summary and tabs. */
    const ReportSummary *s = report_summary(st->report);
    char line[600];
    int n = snprintf(line, sizeof line,
                     "%d file%s: %d read (%d intact, %d with problems), %d skipped \xC2\xB7 %d attempts, %d verified",
                     s->files, s->files == 1 ? "" : "s", s->read, s->intact, s->read - s->intact, s->skipped,
                     s->attempts, s->counted);
    for (int k = 0; k < s->n_courses && n > 0 && (size_t)n < sizeof line; k++)
        n += snprintf(line + n, sizeof line - (size_t)n, " \xC2\xB7 certified in %s: %d of %d", s->courses[k]->id,
                      s->certified[k], s->read);
    int th = ui_px(ui, 38);
    char t1[64], t2[64];
    snprintf(t1, sizeof t1, "Learners (%d)", st->n_rows);
    snprintf(t2, sizeof t2, "Questions (%d)", report_item_count(st->report));
    int w1 = ren_text_width(a->ren, FONT_BODY, t1) + ui_px(ui, 32), w2 = ren_text_width(a->ren, FONT_BODY, t2) + ui_px(ui, 32);
    SDL_Rect tab1 = {pad, y, w1, th}, tab2 = {pad + w1 + ui_px(ui, 8), y, w2, th};
    if (ui_button(ui, tab1, t1, st->questions_tab ? BUTTON_SECONDARY : BUTTON_SELECTED) && st->questions_tab) {
        st->questions_tab = false;
        a->redraw = true;
    }
    if (ui_button(ui, tab2, t2, st->questions_tab ? BUTTON_SELECTED : BUTTON_SECONDARY) && !st->questions_tab) {
        st->questions_tab = true;
        a->redraw = true;
    }
    int lx = tab2.x + tab2.w + ui_px(ui, 20);
    int lh = ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, area.w - pad - lx, THEME_MUTED, line, false, 0, 0);
    ren_text_wrapped(a->ren, FONT_SMALL, lx, y + (th - lh) / 2, area.w - pad - lx, THEME_MUTED, line, true, 0,
                     ui->height);
    y += th + ui_px(ui, 12);
    SDL_Rect box = {pad, y, w, area.y + area.h - pad - y};
    panel(a, box);
    SDL_Rect inner = {box.x + ui_px(ui, 8), box.y + ui_px(ui, 8), box.w - ui_px(ui, 16), box.h - ui_px(ui, 16)};
    if (st->questions_tab)
        question_table(a, st, inner);
    else
        learner_table(a, st, inner);
}

/* ---- the learner page ---------------------------------------------------------------- */

/* Forgets the learner's file and standing. */
static void close_learner(App *a, State *st)
{
    int nc = library_course_count(a->lib);
    for (int c = 0; st->cert && st->cert_set && c < nc; c++)
        if (st->cert_set[c])
            certify_status_free(&st->cert[c]);
    free(st->cert_set);
    free(st->cert);
    free(st->judged);
    st->cert = NULL;
    st->cert_set = NULL;
    st->judged = NULL;
    scorefile_free(st->scores);
    st->scores = NULL;
}

static void open_learner(App *a, State *st, int row)
{
    close_learner(a, st);
    st->learner = row;
    st->load_error[0] = 0;
    st->standing_scroll = st->records_scroll = 0;
    Diag *d = diag_create();
    st->scores = scorefile_load(st->rows[row].path,
                                st->report ? report_key_for(st->report, st->rows[row].path) : a->key, d);
    if (!st->scores) {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(st->load_error, sizeof st->load_error, "The file cannot be read now: %s",
                 it ? it->message : "unknown error");
    }
    diag_free(d);
    int nc = library_course_count(a->lib);
    st->cert = calloc((size_t)(nc > 0 ? nc : 1), sizeof *st->cert);
    st->cert_set = calloc((size_t)(nc > 0 ? nc : 1), sizeof *st->cert_set);
    for (int c = 0; st->scores && st->cert && st->cert_set && c < nc; c++) {
        const Course *co = library_course(a->lib, c);
        bool any = false;
        for (int i = 0; i < scorefile_count(st->scores) && !any; i++) {
            const Record *r = scorefile_record(st->scores, i);
            any = r->kind == RECORD_ATTEMPT && r->course && !strcmp(r->course, co->id);
        }
        if (any) {
            st->cert[c] = certify_status_at(co, st->scores, app_now_ms(a) / 1000,
                                            st->report ? report_stations(st->report) : NULL);
            st->cert_set[c] = true;
        }
    }
    /* Every attempt graded again: a record whose bytes are genuine but
     * whose result the course does not give never shows as a pass. */
    int nr = st->scores ? scorefile_count(st->scores) : 0;
    st->judged = calloc((size_t)(nr > 0 ? nr : 1), sizeof *st->judged);
    for (int i = 0; st->judged && i < nr; i++) {
        const Record *r = scorefile_record(st->scores, i);
        st->judged[i] = judge_record_at(r->course ? library_find_course(a->lib, r->course) : NULL, st->scores, i,
                                        st->report ? report_stations(st->report) : NULL);
    }
    go_page(a, st, PAGE_LEARNER);
}

static const Module *find_module(const App *a, const char *id)
{
    return id ? library_find_module(a->lib, id) : NULL;
}

/* The learner's standing: file integrity with every problem, then per course
 * certification and each module's best quiz. Returns the height drawn (or
 * that would be, if !draw). */
static int standing(App *a, State *st, int x, int y0, int w, bool draw, int top, int bottom)
{
    Ui *ui = &a->ui;
    const LearnerRow *r = &st->rows[st->learner];
    int y = y0;
    int line = text_h(a, FONT_BODY) + ui_px(ui, 4);
#define TEXT(font, colour, s)                                                                                \
    do {                                                                                                     \
        if (draw && y + text_h(a, font) > top && y < bottom)                                                 \
            ren_text_fit(a->ren, font, x, y, w, colour, s);                                                  \
        y += text_h(a, font) + ui_px(ui, 4);                                                                 \
    } while (0)
#define WRAP(font, colour, s) (y += ren_text_wrapped(a->ren, font, x, y, w, colour, s, draw, top, bottom) + ui_px(ui, 4))
    char buf[1400];
    TEXT(FONT_HEADING, THEME_ACCENT_DARK, "File integrity");
    if (r->intact) {
        snprintf(buf, sizeof buf, "\xE2\x9C\x93 All %d records verified with this station's key.", r->records);
        WRAP(FONT_BOLD, THEME_GOOD, buf);
    } else {
        snprintf(buf, sizeof buf, "\xE2\x9C\x97 %s", r->integrity);
        WRAP(FONT_BOLD, THEME_BAD, buf);
        WRAP(FONT_SMALL, THEME_MUTED,
             "Records that are not good count for nothing: no module or exam is passed by them (an exam "
             "record still uses up an attempt).");
        for (int i = 0; i < r->n_problems; i++)
            WRAP(FONT_BODY, THEME_TEXT, r->problems[i]);
    }
    y += line / 2;
    if (st->load_error[0]) {
        WRAP(FONT_BODY, THEME_BAD, st->load_error);
        return y - y0;
    }
    int nc = library_course_count(a->lib);
    bool any = false;
    for (int c = 0; c < nc; c++) {
        if (!st->cert || !st->cert_set[c])
            continue;
        any = true;
        const Course *co = library_course(a->lib, c);
        const CertStatus *cs = &st->cert[c];
        y += line / 2;
        snprintf(buf, sizeof buf, "%s (%s)", co->title, co->id);
        TEXT(FONT_HEADING, THEME_ACCENT_DARK, buf);
        if (cs->certified)
            snprintf(buf, sizeof buf, "\xE2\x9C\x93 Certified: every module passed and the exam passed (best %.1f%%).",
                     cs->best_exam ? cs->best_exam->score * 100 : 0);
        else
            snprintf(buf, sizeof buf, "Not certified: modules %d of %d passed, exam %s (%d attempt%s%s).",
                     cs->modules_passed, cs->modules_total, cs->exam_passed ? "passed" : "not passed",
                     cs->exam_attempts, cs->exam_attempts == 1 ? "" : "s",
                     cs->exam_attempts_left < 0 ? ""
                     : cs->exam_attempts_left == 0 ? ", none left"
                                                   : cs->exam_attempts_left == 1 ? ", 1 left" : ", more left");
        WRAP(cs->certified ? FONT_BOLD : FONT_BODY, cs->certified ? THEME_GOOD : THEME_TEXT, buf);
        for (int m = 0; m < co->n_modules; m++) {
            const Module *mod = co->modules[m];
            const char *name = mod ? mod->name : co->module_ids[m];
            if (cs->module_best[m] < 0)
                snprintf(buf, sizeof buf, "\xE2\x80\xA2 %s: no good quiz", name);
            else
                snprintf(buf, sizeof buf, "%s %s: best %.1f%%, %s", cs->module_passed[m] ? "\xE2\x9C\x93" : "\xE2\x80\xA2",
                         name, cs->module_best[m] * 100, cs->module_passed[m] ? "passed" : "not passed");
            WRAP(FONT_BODY, cs->module_passed[m] ? THEME_GOOD : THEME_TEXT, buf);
        }
    }
    if (!any)
        WRAP(FONT_BODY, THEME_MUTED, "No quiz or exam attempts in this station's courses yet.");
#undef TEXT
#undef WRAP
    return y - y0;
}

/* "Exam 2 of Report demo" / "Quiz: Demo back muscle" / "Profile". */
static void record_title(const App *a, const ScoreFile *f, int i, char *buf, size_t size)
{
    const Record *r = scorefile_record(f, i);
    if (r->kind == RECORD_PROFILE) {
        snprintf(buf, size, "Learner profile");
        return;
    }
    if (r->kind == RECORD_START) {
        const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
        snprintf(buf, size, "Exam started: %s", c ? c->title : r->course ? r->course : "?");
        return;
    }
    if (r->mode == ATTEMPT_QUIZ) {
        const Module *m = find_module(a, r->module);
        snprintf(buf, size, "Quiz: %s", m ? m->name : r->module ? r->module : "?");
        return;
    }
    int k = 0;
    for (int j = 0; j <= i; j++) {
        const Record *q = scorefile_record(f, j);
        k += q->kind == RECORD_ATTEMPT && q->mode == ATTEMPT_EXAM && q->course && r->course &&
             !strcmp(q->course, r->course);
    }
    const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
    snprintf(buf, size, "Exam %d: %s", k, c ? c->title : r->course ? r->course : "?");
}

static void open_attempt(App *a, State *st, int record);

static void page_learner(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    const LearnerRow *row = &st->rows[st->learner];
    int pad = ui_px(ui, 20);
    int y = area.y + pad;
    ren_text(a->ren, FONT_TITLE, pad, y, THEME_TEXT, row->name);
    y += text_h(a, FONT_TITLE);
    char sub[1400];
    snprintf(sub, sizeof sub, "%s \xC2\xB7 %s", row->learner, row->path);
    ren_text_fit(a->ren, FONT_BODY, pad, y, area.w - 2 * pad, THEME_MUTED, sub);
    y += text_h(a, FONT_BODY) + ui_px(ui, 14);
    int left_w = (area.w - 3 * pad) * 42 / 100;
    SDL_Rect left = {pad, y, left_w, area.y + area.h - pad - y};
    SDL_Rect right = {pad * 2 + left_w, y, area.w - 3 * pad - left_w, left.h};
    panel(a, left);
    panel(a, right);

    /* Left: standing, scrolled on its own. */
    int in = ui_px(ui, 20);
    SDL_Rect lclip = {left.x + in, left.y + in, left.w - 2 * in + ui_px(ui, 8), left.h - 2 * in};
    int tw = lclip.w - ui_px(ui, 16);
    int h = standing(a, st, lclip.x, 0, tw, false, 0, 0);
    ui_scroll(ui, lclip, &st->standing_scroll, h);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &lclip);
    standing(a, st, lclip.x, lclip.y - st->standing_scroll, tw, true, lclip.y, lclip.y + lclip.h);
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);

    /* Right: every record. */
    int rx = right.x + in, ry = right.y + in - ui_px(ui, 4);
    ren_text(a->ren, FONT_HEADING, rx, ry, THEME_ACCENT_DARK, "Records");
    ren_text(a->ren, FONT_SMALL, rx + ren_text_width(a->ren, FONT_HEADING, "Records") + ui_px(ui, 12),
             ry + text_h(a, FONT_HEADING) - text_h(a, FONT_SMALL) - ui_px(ui, 2), THEME_MUTED,
             "in file order; open an attempt to see every answer");
    ry += text_h(a, FONT_HEADING) + ui_px(ui, 8);
    SDL_Rect list = {right.x + ui_px(ui, 8), ry, right.w - ui_px(ui, 16), right.y + right.h - ui_px(ui, 8) - ry};
    if (!st->scores)
        return;
    int n = scorefile_count(st->scores), rh = ui_px(ui, 60);
    scroll_keys(a, &st->records_scroll, list.h);
    ui_scroll(ui, list, &st->records_scroll, n * rh);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &list);
    int yy = list.y - st->records_scroll;
    int sw = list.w - ui_px(ui, 12);
    for (int i = 0; i < n; i++, yy += rh) {
        if (yy + rh < list.y || yy > list.y + list.h)
            continue;
        const Record *r = scorefile_record(st->scores, i);
        RecordStatus status = scorefile_status(st->scores, i);
        /* Genuine, but not what the course gives (re-graded): shown as not
         * counting, like a damaged record. */
        bool attempt = r->kind == RECORD_ATTEMPT;
        bool regraded_out = status == RECORD_GOOD && attempt && st->judged && !st->judged[i].counts;
        SDL_Rect rr = {list.x, yy, sw, rh};
        if (attempt && ui_hover(ui, clip_to(rr, list)))
            ren_fill_rect(a->ren, rr, THEME_ACCENT_LIGHT);
        else if (i % 2)
            ren_fill_rect(a->ren, rr, THEME_PANEL_ALT);
        int px = rr.x + ui_px(ui, 12);
        char num[32], title[300], when[64], meta[400];
        snprintf(num, sizeof num, "%d", r->seq > 0 ? r->seq : i + 1);
        int ty = yy + (rh - text_h(a, FONT_BOLD) - text_h(a, FONT_SMALL)) / 2;
        ren_text(a->ren, FONT_BOLD, px, ty, THEME_MUTED, num);
        px += ui_px(ui, 36);
        SDL_Rect chip = {rr.x + rr.w - ui_px(ui, 88), yy + (rh - ui_px(ui, 30)) / 2, ui_px(ui, 76), ui_px(ui, 30)};
        record_title(a, st->scores, i, title, sizeof title);
        utc_time(attempt ? r->finished : r->started, when, sizeof when);
        /* Integrity, in words and colour. */
        const char *sname = record_status_name(status);
        char tag[64];
        if (regraded_out)
            snprintf(tag, sizeof tag, "\xE2\x9C\x97 %s", judge_code_name(st->judged[i].code));
        else
            snprintf(tag, sizeof tag, status == RECORD_GOOD ? "\xE2\x9C\x93 good" : "\xE2\x9C\x97 %s", sname);
        int tgw = ren_text_width(a->ren, FONT_BOLD, tag);
        int tag_x = chip.x - ui_px(ui, 16) - tgw;
        ren_text(a->ren, FONT_BOLD, tag_x, yy + (rh - text_h(a, FONT_BOLD)) / 2,
                 status == RECORD_GOOD && !regraded_out ? THEME_GOOD : THEME_BAD, tag);
        int text_w = tag_x - ui_px(ui, 16) - px;
        if (attempt) {
            /* A record that is not good only claims its result. */
            const char *result = status != RECORD_GOOD || regraded_out
                                     ? (r->passed ? "claims passed, not counted" : "not counted")
                                 : r->passed             ? "passed"
                                                         : "not passed";
            snprintf(meta, sizeof meta, "%s \xC2\xB7 %s%s \xC2\xB7 %d answers", when, result,
                     r->auto_submitted ? " (time ran out)" : "", r->n_answers);
            /* Narrow: the answer count goes first (the attempt shows them). */
            if (ren_text_width(a->ren, FONT_SMALL, meta) > text_w)
                snprintf(meta, sizeof meta, "%s \xC2\xB7 %s%s", when, result,
                         r->auto_submitted ? " (time ran out)" : "");
        } else if (r->kind == RECORD_START) {
            char until[64];
            utc_time(r->deadline, until, sizeof until);
            snprintf(meta, sizeof meta, "started %s \xC2\xB7 time up %s", when, until);
        } else {
            snprintf(meta, sizeof meta, "created %s", when);
        }
        ren_text_fit(a->ren, FONT_BOLD, px, ty, text_w, THEME_TEXT, title);
        ren_text_fit(a->ren, FONT_SMALL, px, ty + text_h(a, FONT_BOLD), text_w, THEME_MUTED, meta);
        if (attempt) {
            if (status == RECORD_GOOD && !regraded_out)
                score_chip(a, chip, r->score, r->passed);
            else
                claimed_score_chip(a, chip, r->score);
            char label[64];
            snprintf(label, sizeof label, "Open record %d", r->seq > 0 ? r->seq : i + 1);
            if (ui_clickable(ui, clip_to(rr, list), label)) {
                SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
                open_attempt(a, st, i);
                return;
            }
        }
    }
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
}

/* ---- the attempt page -------------------------------------------------------------------- */

static void close_attempt(App *a, State *st)
{
    for (int i = 0; i < st->n_shown; i++) {
        Answer *an = &st->shown[i].an;
        free(an->painted);
        free(an->classes);
        free(an->clicks);
        free(an->match);
    }
    free(st->shown);
    st->shown = NULL;
    st->n_shown = 0;
    session_free(st->items);
    st->items = NULL;
    /* The chart work area caches by item: it must not keep one freed here. */
    a->work_item = NULL;
    a->work_session = NULL;
}

/* Rebuilds the session's Answer for a recorded answer (what item_view draws). */
static void rebuild_answer(App *a, ShownAnswer *sa, const RecordAnswer *ra)
{
    const Item *it = sa->item;
    Answer *an = &sa->an;
    an->credit = ra->credit;
    an->time_ms = ra->time_ms;
    an->zone = -1;
    an->answered = ra->answered;
    if (!ra->answered || !it->view)
        return;
    if (ra->view && strcmp(ra->view, it->view) != 0) {
        snprintf(sa->note, sizeof sa->note,
                 "Answered on the %s chart; this station asks it on the %s chart, so it is not drawn.", ra->view,
                 it->view);
        an->answered = false;
        return;
    }
    const Module *m = it->module;
    switch (it->type) {
    case ITEM_LOCATE_TP:
    case ITEM_ZONE_CLICK:
    case ITEM_REVERSE:
        an->answered = ra->has_click;
        an->click = ra->click;
        if (it->type == ITEM_REVERSE && ra->matched) {
            /* "<module id>/<tp id>": the point the click was credited to. */
            const char *slash = strchr(ra->matched, '/');
            char id[128];
            if (slash && (size_t)(slash - ra->matched) < sizeof id) {
                memcpy(id, ra->matched, (size_t)(slash - ra->matched));
                id[slash - ra->matched] = 0;
                const Module *cm = library_find_module(a->lib, id);
                int tp = cm ? module_find_tp(cm, slash + 1) : -1;
                if (tp >= 0) {
                    an->reverse.module = cm;
                    an->reverse.tp = tp;
                }
            }
        }
        break;
    case ITEM_LOCATE_ALL: {
        int n = ra->n_marks < SESSION_MAX_CLICKS ? ra->n_marks : SESSION_MAX_CLICKS;
        an->clicks = malloc(sizeof *an->clicks * (size_t)(n > 0 ? n : 1));
        an->match = malloc(sizeof *an->match * (size_t)(it->n_targets > 0 ? it->n_targets : 1));
        if (!an->clicks || !an->match) {
            an->answered = false;
            break;
        }
        an->n_clicks = n;
        for (int k = 0; k < n; k++)
            an->clicks[k] = ra->marks[k];
        for (int t = 0; t < it->n_targets; t++) {
            an->match[t] = -1;
            for (int k = 0; k < n && an->match[t] < 0; k++)
                if (ra->mark_tp && ra->mark_tp[k] && !strcmp(ra->mark_tp[k], m->tps[it->targets[t]].id))
                    an->match[t] = k;
        }
        break;
    }
    case ITEM_ZONE_PAINT: {
        const View *v = library_find_view(a->lib, it->view);
        Grid g = v ? grade_paint_grid(v->viewbox, 0) : (Grid){0};
        if (!ra->has_paint || g.cols != ra->grid.cols || g.rows != ra->grid.rows) {
            if (ra->has_paint)
                snprintf(sa->note, sizeof sa->note,
                         "Painted on another grid than this station's chart has, so it is not drawn.");
            an->answered = false;
            break;
        }
        size_t cells = (size_t)g.cols * (size_t)g.rows;
        an->grid = ra->grid;
        an->painted = malloc(cells);
        an->classes = malloc(cells);
        if (!an->painted || !an->classes || !record_paint_decode(ra, an->painted)) {
            an->answered = false;
            break;
        }
        an->paint = grade_zone_paint_classify(an->painted, &an->grid, m, it->tp, it->view, an->classes);
        break;
    }
    default:
        break;
    }
}

static void open_attempt(App *a, State *st, int record)
{
    close_attempt(a, st);
    st->record = record;
    st->answer = 0;
    st->answers_scroll = 0;
    st->answer_visible = true;
    const Record *r = scorefile_record(st->scores, record);
    st->shown = calloc((size_t)(r->n_answers > 0 ? r->n_answers : 1), sizeof *st->shown);
    const char **keys = calloc((size_t)(r->n_answers > 0 ? r->n_answers : 1), sizeof *keys);
    int n_keys = 0;
    for (int i = 0; keys && i < r->n_answers; i++)
        if (r->answers[i].key)
            keys[n_keys++] = r->answers[i].key;
    st->items = n_keys ? session_create_review(a->lib, keys, n_keys, r->seed, NULL) : NULL;
    free(keys);
    if (st->shown) {
        st->n_shown = r->n_answers;
        for (int i = 0; i < r->n_answers; i++) {
            ShownAnswer *sa = &st->shown[i];
            const RecordAnswer *ra = &r->answers[i];
            for (int k = 0; st->items && ra->key && k < session_item_count(st->items) && !sa->item; k++)
                if (!strcmp(session_item(st->items, k)->key, ra->key))
                    sa->item = session_item(st->items, k);
            if (sa->item)
                rebuild_answer(a, sa, ra);
        }
    }
    go_page(a, st, PAGE_ATTEMPT);
}

/* In a quiz every answer is of the quiz's muscle: its name would only
 * repeat. */
static void answer_title(const ShownAnswer *sa, const RecordAnswer *ra, bool with_muscle, char *buf, size_t size)
{
    const Item *it = sa->item;
    if (!it)
        snprintf(buf, size, "%s (not in these courses)", ra->key ? ra->key : "?");
    else
        item_title(it->module, kind_of(it), it->tp, it->question, it->view, it->key, with_muscle, buf, size);
}

/* The options of a choice or multi answer: right ones ticked, the chosen
 * ones marked, wrong picks crossed. */
static void draw_options(App *a, const Item *it, const RecordAnswer *ra, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int y = area.y, pad = ui_px(ui, 12);
    int tag_w = ren_text_width(a->ren, FONT_SMALL, "not chosen") + ui_px(ui, 20);
    for (int i = 0; i < it->n_options; i++) {
        bool chosen = false;
        for (int k = 0; k < ra->n_chosen; k++)
            chosen = chosen || (ra->chosen[k] && !strcmp(ra->chosen[k], it->options[i]));
        bool right = it->option_correct[i];
        int tw = area.w - 2 * pad - ui_px(ui, 40) - tag_w;
        int th = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, tw, THEME_TEXT, it->options[i], false, 0, 0);
        SDL_Rect r = {area.x, y, area.w, th + 2 * pad};
        if (r.y + r.h > area.y + area.h)
            break;
        SDL_Color border = right ? THEME_GOOD : chosen ? THEME_BAD : THEME_BORDER;
        SDL_Color bg = right && chosen ? THEME_GOOD_LIGHT : chosen ? THEME_BAD_LIGHT : THEME_PANEL;
        ren_fill_round_rect(a->ren, r, ui_px(ui, 8), border);
        int b = ui_px(ui, chosen || right ? 2 : 1);
        ren_fill_round_rect(a->ren, (SDL_Rect){r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b}, ui_px(ui, 8), bg);
        const char *mark = right ? "\xE2\x9C\x93" : chosen ? "\xE2\x9C\x97" : "";
        ren_text(a->ren, FONT_BOLD, r.x + pad, r.y + pad, right ? THEME_GOOD : THEME_BAD, mark);
        ren_text_wrapped(a->ren, FONT_BODY, r.x + pad + ui_px(ui, 30), r.y + pad, tw, right || chosen ? THEME_TEXT : THEME_MUTED,
                         it->options[i], true, 0, ui->height);
        const char *tag = chosen ? "chosen" : right ? "not chosen" : "";
        ren_text(a->ren, FONT_SMALL, r.x + r.w - pad - ren_text_width(a->ren, FONT_SMALL, tag),
                 r.y + (r.h - text_h(a, FONT_SMALL)) / 2, right ? THEME_GOOD : THEME_BAD, tag);
        y += r.h + ui_px(ui, 8);
    }
}

static void answer_detail(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    const Record *r = scorefile_record(st->scores, st->record);
    if (st->n_shown == 0) {
        ren_text(a->ren, FONT_BODY, box.x, box.y, THEME_MUTED, "This record has no answers.");
        return;
    }
    const ShownAnswer *sa = &st->shown[st->answer];
    const RecordAnswer *ra = &r->answers[st->answer];
    const Item *it = sa->item;
    int x = box.x, y = box.y, w = box.w;
    char head[600];
    snprintf(head, sizeof head, "ANSWER %d OF %d", st->answer + 1, st->n_shown);
    ren_text(a->ren, FONT_SMALL, x, y, THEME_ACCENT, head);
    y += text_h(a, FONT_SMALL) + ui_px(ui, 4);
    const char *prompt = it ? it->prompt : ra->key ? ra->key : "?";
    y += ren_text_wrapped(a->ren, FONT_HEADING, x, y, w, THEME_TEXT, prompt, true, 0, ui->height) + ui_px(ui, 6);
    char meta[600];
    int n = snprintf(meta, sizeof meta, "%s \xC2\xB7 credit %.1f%% \xC2\xB7 %.1f s%s", ra->answered ? "Answered" : "Not answered",
                     ra->credit * 100, (double)ra->time_ms / 1000, ra->flagged ? " \xC2\xB7 flagged" : "");
    if (ra->has_click && n > 0 && (size_t)n < sizeof meta)
        n += snprintf(meta + n, sizeof meta - (size_t)n, " \xC2\xB7 click at %.1f, %.1f", ra->click.x, ra->click.y);
    if (ra->n_marks && n > 0 && (size_t)n < sizeof meta)
        n += snprintf(meta + n, sizeof meta - (size_t)n, " \xC2\xB7 %d mark%s", ra->n_marks, ra->n_marks == 1 ? "" : "s");
    if (it && it->type == ITEM_REVERSE && sa->an.reverse.module && n > 0 && (size_t)n < sizeof meta)
        snprintf(meta + n, sizeof meta - (size_t)n, " \xC2\xB7 credited to %s: %s", sa->an.reverse.module->name,
                 sa->an.reverse.module->tps[sa->an.reverse.tp].label);
    y += ren_text_wrapped(a->ren, FONT_BODY, x, y, w, theme_credit_colour(ra->credit), meta, true, 0, ui->height);
    const char *note = !it ? "This station's courses have no such question, so it cannot be shown."
                       : sa->note[0] ? sa->note
                       : !sa->an.answered && it->view ? "Not answered: the chart shows the question only."
                                                      : "";
    if (*note)
        y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, note, true, 0, ui->height);
    y += ui_px(ui, 10);
    SDL_Rect area = {x, y, w, box.y + box.h - y};
    if (!it || area.h < ui_px(ui, 80))
        return;
    if (item_is_click(it)) {
        item_view_chart(a, it, &sa->an, area, true, false, NULL);
    } else if (item_is_workspace(it)) {
        item_view_workspace(a, it, &sa->an, area, true, false);
    } else {
        draw_options(a, it, ra, area);
    }
}

static void select_answer(App *a, State *st, int i)
{
    if (i < 0 || i >= st->n_shown || i == st->answer)
        return;
    st->answer = i;
    st->answer_visible = true;
    a->work_item = NULL;
    a->redraw = true;
}

static void page_attempt(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    const Record *r = scorefile_record(st->scores, st->record);
    RecordStatus status = scorefile_status(st->scores, st->record);
    int pad = ui_px(ui, 20);
    int y = area.y + pad;
    char title[400], when[64], line[800];
    record_title(a, st->scores, st->record, title, sizeof title);
    int tw = ren_text(a->ren, FONT_TITLE, pad, y, THEME_TEXT, title);
    utc_time(r->finished, when, sizeof when);
    const JudgeResult *jr = st->judged ? &st->judged[st->record] : NULL;
    bool regraded_out = status == RECORD_GOOD && jr && !jr->counts;
    bool good = status == RECORD_GOOD && !regraded_out;
    snprintf(line, sizeof line, "%s%.1f%% \xC2\xB7 %s (pass mark %d%%)%s", good ? "" : "claims ", r->score * 100,
             r->passed ? "passed" : "not passed", r->pass_mark, r->auto_submitted ? " \xC2\xB7 submitted when time ran out" : "");
    ren_text_fit(a->ren, FONT_HEADING, pad + tw + ui_px(ui, 16),
                 y + (text_h(a, FONT_TITLE) - text_h(a, FONT_HEADING)) / 2, area.w - 2 * pad - tw - ui_px(ui, 16),
                 !good ? THEME_MUTED : r->passed ? THEME_GOOD : THEME_BAD, line);
    y += text_h(a, FONT_TITLE);
    snprintf(line, sizeof line, "%s \xC2\xB7 record %d \xC2\xB7 finished %s \xC2\xB7 took %d min", st->rows[st->learner].name,
             r->seq, when, r->finished > r->started ? (int)((r->finished - r->started + 59) / 60) : 0);
    ren_text_fit(a->ren, FONT_BODY, pad, y, area.w - 2 * pad, THEME_MUTED, line);
    y += text_h(a, FONT_BODY) + ui_px(ui, 8);
    if (!good) {
        if (regraded_out)
            snprintf(line, sizeof line,
                     "\xE2\x9C\x97 This record is genuine but counts for nothing when graded again against this "
                     "station's course: %s.",
                     jr->why);
        else
            snprintf(line, sizeof line,
                     "\xE2\x9C\x97 This record is %s: it failed its integrity check and counts for nothing. What "
                     "it says below may not be what the learner did.",
                     record_status_name(status));
        int h = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, area.w - 2 * pad - ui_px(ui, 32), THEME_BAD, line, false, 0, 0);
        SDL_Rect warn = {pad, y, area.w - 2 * pad, h + ui_px(ui, 16)};
        ren_fill_round_rect(a->ren, warn, ui_px(ui, 8), THEME_BAD_LIGHT);
        ren_text_wrapped(a->ren, FONT_BOLD, pad + ui_px(ui, 16), y + ui_px(ui, 8), warn.w - ui_px(ui, 32), THEME_BAD,
                         line, true, 0, ui->height);
        y += warn.h + ui_px(ui, 10);
    }
    y += ui_px(ui, 4);
    int left_w = (area.w - 3 * pad) * 36 / 100;
    SDL_Rect left = {pad, y, left_w, area.y + area.h - pad - y};
    SDL_Rect right = {pad * 2 + left_w, y, area.w - 3 * pad - left_w, left.h};
    panel(a, left);
    panel(a, right);

    /* Keyboard: Up / Down choose the answer. */
    if (ui_key(ui, SDLK_DOWN))
        select_answer(a, st, st->answer + 1);
    if (ui_key(ui, SDLK_UP))
        select_answer(a, st, st->answer - 1);
    SDL_Rect list = {left.x + ui_px(ui, 8), left.y + ui_px(ui, 8), left.w - ui_px(ui, 16), left.h - ui_px(ui, 16)};
    int rh = ui_px(ui, 58);
    if (st->answer_visible) {
        int top = st->answer * rh;
        if (top < st->answers_scroll)
            st->answers_scroll = top;
        if (top + rh > st->answers_scroll + list.h)
            st->answers_scroll = top + rh - list.h;
        st->answer_visible = false;
    }
    ui_scroll(ui, list, &st->answers_scroll, st->n_shown * rh);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &list);
    int sw = list.w - ui_px(ui, 12);
    for (int i = 0; i < st->n_shown; i++) {
        int yy = list.y + i * rh - st->answers_scroll;
        if (yy + rh < list.y || yy > list.y + list.h)
            continue;
        const RecordAnswer *ra = &r->answers[i];
        SDL_Rect row = {list.x, yy, sw, rh};
        bool sel = i == st->answer;
        if (sel)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        else if (ui_hover(ui, clip_to(row, list)))
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_PANEL_ALT);
        SDL_Rect chip = {row.x + ui_px(ui, 8), yy + (rh - ui_px(ui, 28)) / 2, ui_px(ui, 60), ui_px(ui, 28)};
        credit_chip(a, chip, ra->credit);
        char t[600], s[200];
        answer_title(&st->shown[i], ra, r->mode == ATTEMPT_EXAM, t, sizeof t);
        snprintf(s, sizeof s, "%d. %s \xC2\xB7 %.1f s%s%s", i + 1, ra->type ? ra->type : "?", (double)ra->time_ms / 1000,
                 ra->answered ? "" : " \xC2\xB7 not answered", ra->flagged ? " \xC2\xB7 flagged" : "");
        int tx = chip.x + chip.w + ui_px(ui, 12), twid = row.x + row.w - tx - ui_px(ui, 8);
        int ty = yy + (rh - text_h(a, FONT_BODY) - text_h(a, FONT_SMALL)) / 2;
        ren_text_fit(a->ren, sel ? FONT_BOLD : FONT_BODY, tx, ty, twid, THEME_TEXT, t);
        ren_text_fit(a->ren, FONT_SMALL, tx, ty + text_h(a, FONT_BODY), twid, THEME_MUTED, s);
        char label[64];
        snprintf(label, sizeof label, "Answer %d", i + 1);
        if (ui_clickable(ui, clip_to(row, list), label))
            select_answer(a, st, i);
    }
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
    int in = ui_px(ui, 20);
    answer_detail(a, st, (SDL_Rect){right.x + in, right.y + ui_px(ui, 16), right.w - 2 * in, right.h - ui_px(ui, 16) - in});
}

/* ---- the question page ----------------------------------------------------------------------- */

/* The statistics of both populations as a small table, then the note, the
 * question's text and the heatmap's key. Returns the height. */
/* A choice or multi question: each option with how often each population
 * chose it, as a bar over the answers (multi: a learner may choose several,
 * so the shares need not add up to 100%). */
static void choice_spread(App *a, const ReportItem *it, SDL_Rect r)
{
    Ui *ui = &a->ui;
    const Question *q = &it->module->questions[it->question];
    int y = r.y;
    ren_text(a->ren, FONT_BOLD, r.x, y, THEME_ACCENT_DARK, "How the answers were spread");
    y += text_h(a, FONT_BOLD) + ui_px(ui, 4);
    y += ren_text_wrapped(a->ren, FONT_SMALL, r.x, y, r.w, THEME_MUTED,
                          q->type == QUESTION_MULTI
                              ? "Each option: the share of answers that chose it (several may be chosen, so the "
                                "shares need not add up to 100%). \xE2\x9C\x93 marks a correct option."
                              : "Each option: the share of answers that chose it. \xE2\x9C\x93 marks the correct "
                                "option.",
                          true, 0, ui->height);
    y += ui_px(ui, 12);
    int label_w = 0;
    for (int p = 0; p < REPORT_POPULATIONS; p++) {
        int lw = ren_text_width(a->ren, FONT_SMALL, p == REPORT_EXAM ? "Exams" : "Quizzes");
        label_w = lw > label_w ? lw : label_w;
    }
    label_w += ui_px(ui, 10);
    int count_w = ren_text_width(a->ren, FONT_SMALL, "000 of 000 (100%)") + ui_px(ui, 10);
    int bar_x = r.x + ui_px(ui, 22) + label_w, bar_w = r.x + r.w - count_w - bar_x;
    int bar_h = text_h(a, FONT_SMALL) - ui_px(ui, 4);
    for (int o = 0; o < it->n_options && y < r.y + r.h; o++) {
        bool right = o < q->n_correct;
        const char *text = right ? q->correct[o] : q->wrong[o - q->n_correct];
        char buf[600];
        snprintf(buf, sizeof buf, "%s %s", right ? "\xE2\x9C\x93" : "\xE2\x9C\x97", text);
        y += ren_text_wrapped(a->ren, FONT_BODY, r.x, y, r.w, right ? THEME_GOOD : THEME_TEXT, buf, true, 0,
                              ui->height) +
             ui_px(ui, 2);
        for (int p = 0; p < REPORT_POPULATIONS; p++) {
            int n = it->stats[p].answers;
            if (n == 0 || !it->picks[p])
                continue;
            int k = it->picks[p][o];
            ren_text(a->ren, FONT_SMALL, r.x + ui_px(ui, 22), y, THEME_MUTED, p == REPORT_EXAM ? "Exams" : "Quizzes");
            SDL_Rect track = {bar_x, y + ui_px(ui, 2), bar_w > 0 ? bar_w : 0, bar_h};
            ren_fill_rect(a->ren, track, THEME_PANEL_ALT);
            SDL_Rect fill = track;
            fill.w = (int)((double)track.w * k / n + 0.5);
            if (fill.w > 0)
                ren_fill_rect(a->ren, fill, right ? THEME_GOOD : THEME_BAD);
            snprintf(buf, sizeof buf, "%d of %d (%.0f%%)", k, n, 100.0 * k / n);
            ren_text(a->ren, FONT_SMALL, bar_x + track.w + ui_px(ui, 10), y, THEME_TEXT, buf);
            y += text_h(a, FONT_SMALL) + ui_px(ui, 4);
        }
        y += ui_px(ui, 10);
    }
}

static int question_stats(App *a, const ReportItem *it, int x, int y0, int w, bool draw, int top, int bottom)
{
    Ui *ui = &a->ui;
    int y = y0;
    char buf[800];
#define WRAP(font, colour, s) (y += ren_text_wrapped(a->ren, font, x, y, w, colour, s, draw, top, bottom) + ui_px(ui, 4))
    item_title(it->module, it->kind, it->tp, it->question, it->view ? it->view->name : NULL, it->key, true, buf,
               sizeof buf);
    WRAP(FONT_HEADING, THEME_TEXT, buf);
    snprintf(buf, sizeof buf, "%s \xC2\xB7 %s%s%s", it->key, it->type ? it->type : "?", it->view ? " \xC2\xB7 chart " : "",
             it->view ? it->view->name : "");
    WRAP(FONT_SMALL, THEME_MUTED, buf);
    y += ui_px(ui, 10);
    enum { R_ANSWERS, R_ANSWERED, R_FACILITY, R_DISCRIM, R_CLICKS, R_MEAN, R_MEDIAN, R_MEAN_CM, R_MEDIAN_CM, R_SIDE };
    static const char *const ROWS[] = {"Answers",       "Answered",        "Facility",
                                       "Discrimination", "Clicks on its chart", "Mean distance",
                                       "Median distance", "Mean in cm",      "Median in cm",
                                       "Wrong side"};
    bool cm = it->view && it->view->cm_per_unit > 0;
    int label_w = w * 44 / 100, col_w = (w - label_w) / 2;
    int lh = text_h(a, FONT_BODY) + ui_px(ui, 8);
    if (draw && y + lh > top && y < bottom) {
        for (int p = 0; p < REPORT_POPULATIONS; p++) {
            const char *h = p == REPORT_EXAM ? "Exams" : "Quizzes";
            int hw = ren_text_width(a->ren, FONT_BOLD, h);
            ren_text(a->ren, FONT_BOLD, x + label_w + (p + 1) * col_w - hw - ui_px(ui, 6), y, THEME_ACCENT_DARK, h);
        }
    }
    y += lh;
    int shaded = 0;
    /* Choice questions and paintings have no clicks to measure: their rows
     * stop at the discrimination. */
    bool clicks = it->kind != REPORT_ITEM_QUESTION && it->kind != REPORT_ITEM_PAINT;
    for (int row = R_ANSWERS; row <= R_SIDE; row++) {
        if ((!cm && (row == R_MEAN_CM || row == R_MEDIAN_CM)) || (!clicks && row > R_DISCRIM))
            continue;
        if (draw && y + lh > top && y < bottom) {
            if (shaded % 2 == 0)
                ren_fill_rect(a->ren, (SDL_Rect){x, y - ui_px(ui, 3), w, lh}, THEME_PANEL_ALT);
            ren_text(a->ren, FONT_BODY, x + ui_px(ui, 6), y, THEME_TEXT, ROWS[row]);
            for (int p = 0; p < REPORT_POPULATIONS; p++) {
                const ReportItemStats *s = &it->stats[p];
                char v[96] = "\xE2\x80\x94";
                double scale = cm ? it->view->cm_per_unit : 1;
                if (s->answers > 0) {
                    switch (row) {
                    case R_ANSWERS: snprintf(v, sizeof v, "%d", s->answers); break;
                    case R_ANSWERED: snprintf(v, sizeof v, "%d", s->answered); break;
                    case R_FACILITY: snprintf(v, sizeof v, "%.1f%%", s->facility); break;
                    case R_DISCRIM:
                        if (s->has_discrimination)
                            snprintf(v, sizeof v, "%+.1f", s->discrimination);
                        break;
                    case R_CLICKS: snprintf(v, sizeof v, "%d", s->clicks); break;
                    case R_MEAN:
                    case R_MEAN_CM:
                        if (s->clicks)
                            snprintf(v, sizeof v, "%.1f", s->mean_distance * (row == R_MEAN ? 1 : scale));
                        break;
                    case R_MEDIAN:
                    case R_MEDIAN_CM:
                        if (s->clicks)
                            snprintf(v, sizeof v, "%s%.1f", s->median_estimated ? "~" : "",
                                     s->median_distance * (row == R_MEDIAN ? 1 : scale));
                        break;
                    default:
                        if (s->sided)
                            snprintf(v, sizeof v, "%.1f%% of %d", 100.0 * s->wrong_side / s->sided, s->sided);
                        break;
                    }
                }
                int vw = ren_text_width(a->ren, FONT_BODY, v);
                ren_text_fit(a->ren, FONT_BODY, x + label_w + (p + 1) * col_w - (vw < col_w ? vw : col_w) - ui_px(ui, 6), y,
                             col_w - ui_px(ui, 6), THEME_TEXT, v);
            }
        }
        shaded++;
        y += lh;
    }
    y += ui_px(ui, 6);
    for (int p = 0; p < REPORT_POPULATIONS; p++) {
        char note[120];
        report_item_note(&it->stats[p], note, sizeof note);
        if (!note[0])
            continue;
        snprintf(buf, sizeof buf, "%s: %s", p == REPORT_EXAM ? "Exams" : "Quizzes", note);
        WRAP(FONT_BOLD, THEME_BAD, buf);
    }
    y += ui_px(ui, 8);
    WRAP(FONT_SMALL, THEME_MUTED,
         "Facility: mean credit. Discrimination: how well the question separates stronger from weaker "
         "learners (correlation with the rest of the test, as in Moodle). Verified records only. Distances "
         "from the target, in chart units.");
    if (heatmap_available(it)) {
        y += ui_px(ui, 8);
        WRAP(FONT_BOLD, THEME_ACCENT_DARK, "Reading the heatmap");
        WRAP(FONT_SMALL, THEME_TEXT,
             it->kind == REPORT_ITEM_PAINT
                 ? "Colour: the share of paintings covering each spot (red: every learner). Outlines: the "
                   "referral zones, essential thick, spillover thin."
                 : "Colour: where clicks crowd (blue few, red many). Green dot: full credit; orange "
                   "triangle: partial; red cross: none. X and circle: the target (full credit inside the circle, "
                   "none beyond the dashed one); zones as outlines.");
    }
#undef WRAP
    return y - y0;
}

static void page_question(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    if (st->question < 0 || st->question >= st->n_qrows)
        return;
    const ReportItem *it = st->qrows[st->qorder[st->question]].item;
    int pad = ui_px(ui, 20);
    int left_w = (area.w - 3 * pad) * 36 / 100;
    SDL_Rect left = {pad, area.y + pad, left_w, area.h - 2 * pad};
    SDL_Rect right = {pad * 2 + left_w, left.y, area.w - 3 * pad - left_w, left.h};
    panel(a, left);
    panel(a, right);
    /* Previous / next in the table's order. */
    int in = ui_px(ui, 20), bh = ui_px(ui, 40);
    int bw = (left.w - 2 * in - ui_px(ui, 10)) / 2;
    SDL_Rect prev = {left.x + in, left.y + left.h - in - bh, bw, bh};
    SDL_Rect next = {prev.x + bw + ui_px(ui, 10), prev.y, bw, bh};
    if (ui_button(ui, prev, "\xE2\x80\xB9 Previous question", st->question > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED) ||
        (st->question > 0 && ui_key(ui, SDLK_PAGEUP))) {
        open_question(a, st, st->question - 1);
        return;
    }
    if (ui_button(ui, next, "Next question \xE2\x80\xBA", st->question + 1 < st->n_qrows ? BUTTON_SECONDARY : BUTTON_DISABLED) ||
        (st->question + 1 < st->n_qrows && ui_key(ui, SDLK_PAGEDOWN))) {
        open_question(a, st, st->question + 1);
        return;
    }
    SDL_Rect clip = {left.x + in, left.y + in, left.w - 2 * in + ui_px(ui, 8), prev.y - ui_px(ui, 12) - left.y - in};
    int tw = clip.w - ui_px(ui, 16);
    int h = question_stats(a, it, clip.x, 0, tw, false, 0, 0);
    scroll_keys(a, &st->stats_scroll, clip.h);
    ui_scroll(ui, clip, &st->stats_scroll, h);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &clip);
    question_stats(a, it, clip.x, clip.y - st->stats_scroll, tw, true, clip.y, clip.y + clip.h);
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);

    SDL_Rect inner = {right.x + in, right.y + in, right.w - 2 * in, right.h - 2 * in};
    if (it->kind == REPORT_ITEM_QUESTION && it->module && it->n_options > 0) {
        choice_spread(a, it, inner);
        return;
    }
    if (!heatmap_available(it)) {
        const char *why = it->kind == REPORT_ITEM_QUESTION ? "A multiple-choice question: it has no chart."
                          : !it->module ? "This station's courses have no such question, so its chart is unknown."
                          : !it->view   ? "Its chart cannot be loaded on this station."
                                        : "No verified answers on its chart yet, so there is nothing to map.";
        ren_text_wrapped(a->ren, FONT_BODY, inner.x, inner.y, inner.w, THEME_MUTED, why, true, 0, ui->height);
        return;
    }
    /* The whole chart and a close-up of the target, side by side. */
    int lab = text_h(a, FONT_BOLD) + ui_px(ui, 8);
    int gap = ui_px(ui, 16);
    int whole_w = (inner.w - gap) * 40 / 100;
    SDL_Rect whole = {inner.x, inner.y + lab, whole_w, inner.h - lab};
    SDL_Rect close = {inner.x + whole_w + gap, inner.y + lab, inner.w - whole_w - gap, inner.h - lab};
    char head[200];
    int clicks = it->kind == REPORT_ITEM_PAINT ? it->paint.paintings : it->n_clicks;
    snprintf(head, sizeof head, "Whole chart \xC2\xB7 %d %s%s", clicks,
             it->kind == REPORT_ITEM_PAINT ? "painting" : it->kind == REPORT_ITEM_LOCATE_ALL ? "mark" : "click",
             clicks == 1 ? "" : "s");
    ren_text_fit(a->ren, FONT_BOLD, whole.x, inner.y, whole.w, THEME_TEXT, head);
    ren_text_fit(a->ren, FONT_BOLD, close.x, inner.y, close.w, THEME_TEXT,
                 it->n_clicks < it->clicks_seen ? "Close-up of the target (a random sample of the clicks)"
                                                : "Close-up of the target");
    RectD vb = it->view->viewbox;
    ChartLayout lw = chart_layout(whole, vb);
    ChartLayout lc = chart_layout_focus(close, vb, heatmap_focus(it));
    chrome_note_chart(a, it->view->name, &lc);
    heatmap_draw(a->ren, a->charts, &lw, it, ui->scale);
    heatmap_draw(a->ren, a->charts, &lc, it, ui->scale * 1.4f);
    /* Where the close-up is on the whole chart. */
    SDL_FPoint p0 = chart_to_screen(&lw, (Vec2){lc.viewbox.x, lc.viewbox.y});
    SDL_FPoint p1 = chart_to_screen(&lw, (Vec2){lc.viewbox.x + lc.viewbox.w, lc.viewbox.y + lc.viewbox.h});
    SDL_RenderSetClipRect(ren_sdl(a->ren), &whole);
    ren_rect(a->ren, (SDL_Rect){(int)p0.x, (int)p0.y, (int)(p1.x - p0.x), (int)(p1.y - p0.y)}, ui_px(ui, 2),
             THEME_ACCENT);
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
    chart_draw_sides(a->ren, &lw, it->view->name);
    chart_draw_sides(a->ren, &lc, it->view->name);
    ren_rect(a->ren, whole, ui_px(ui, 1), THEME_BORDER);
    ren_rect(a->ren, close, ui_px(ui, 1), THEME_BORDER);
}

/* ---- the screen --------------------------------------------------------------------------- */

void instructor_screen_enter(App *a)
{
    instructor_screen_leave(a);
    State *st = calloc(1, sizeof *st);
    char *hash = st ? current_hash(a) : NULL;
    if (!hash) {
        free(st);
        snprintf(a->banner, sizeof a->banner, "Out of memory: the instructor's review cannot open.");
        app_go(a, SCREEN_SIGNIN);
        return;
    }
    st->hash = hash;
    passwd_command(a, st->passwd_cmd, sizeof st->passwd_cmd);
    snprintf(st->folder, sizeof st->folder, "%s/learners", a->data_dir ? a->data_dir : ".");
    st->sort = L_NAME;
    st->sort_dir = 1;
    st->qsort = Q_TITLE;
    st->qsort_dir = 1;
    a->instructor = st;
    ui_focus_next_field(&a->ui);
}

void instructor_screen_leave(App *a)
{
    State *st = a->instructor;
    if (!st)
        return;
    close_attempt(a, st);
    close_learner(a, st);
    free_rows(st);
    sodium_memzero(st->pass, sizeof st->pass);
    free(st->hash);
    free(st);
    a->instructor = NULL;
}

void screen_instructor(App *a, SDL_Rect all)
{
    State *st = a->instructor;
    if (!st) {
        app_go(a, SCREEN_SIGNIN);
        return;
    }
    char crumb[1400] = "";
    if (st->page == PAGE_LOCKED)
        snprintf(crumb, sizeof crumb, "Locked");
    else if (st->page == PAGE_REPORT)
        snprintf(crumb, sizeof crumb, "%s", st->opened[0] ? st->opened : "No folder open");
    else if (st->page == PAGE_QUESTION)
        snprintf(crumb, sizeof crumb, "%s \xE2\x80\xBA Questions", st->opened);
    else if (st->page == PAGE_LEARNER)
        snprintf(crumb, sizeof crumb, "%s \xE2\x80\xBA %s", st->opened, st->rows[st->learner].name);
    else
        snprintf(crumb, sizeof crumb, "%s \xE2\x80\xBA %s \xE2\x80\xBA record %d", st->opened, st->rows[st->learner].name,
                 scorefile_record(st->scores, st->record)->seq);
    SDL_Rect area;
    if (chrome_top_bar(a, "Instructor review", crumb, true, &area)) {
        switch (st->page) {
        case PAGE_ATTEMPT:
            close_attempt(a, st);
            go_page(a, st, PAGE_LEARNER);
            return;
        case PAGE_LEARNER:
            close_learner(a, st);
            go_page(a, st, PAGE_REPORT);
            return;
        case PAGE_QUESTION:
            go_page(a, st, PAGE_REPORT);
            return;
        default:
            leave(a);
            return;
        }
    }
    (void)all;
    switch (st->page) {
    case PAGE_LOCKED:
        page_locked(a, st, area);
        break;
    case PAGE_REPORT:
        page_report(a, st, area);
        break;
    case PAGE_LEARNER:
        page_learner(a, st, area);
        break;
    case PAGE_ATTEMPT:
        page_attempt(a, st, area);
        break;
    case PAGE_QUESTION:
        page_question(a, st, area);
        break;
    }
}
