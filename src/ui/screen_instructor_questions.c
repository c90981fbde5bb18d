/* Instructor review, the report page's question table: every item in each
 * population (quizzes, exams) with its statistics, sortable by any column,
 * narrowed to one course and to the modules or questions whose name holds
 * a typed text. A question's whole text wraps in its cell and the row grows
 * to hold it; the row heights are measured once per width and filter. The
 * question page's Previous / Next follow the same filtered order. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen_instructor.h"
#include "theme.h"
#include "text.h"

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
        k = instr_cmp_num(a->facility, b->facility);
        break;
    case Q_DISCRIM:
        k = instr_cmp_num(a->has_discrimination ? a->discrimination : -1000,
                    b->has_discrimination ? b->discrimination : -1000);
        break;
    case Q_CLICKS:
        k = a->clicks - b->clicks;
        break;
    case Q_MEDIAN:
        k = instr_cmp_num(a->clicks ? a->median_distance : -1, b->clicks ? b->median_distance : -1);
        break;
    case Q_SIDE:
        k = instr_cmp_num(side_share(a), side_share(b));
        break;
    default:
        k = strcmp(report_item_note(a, na, sizeof na), report_item_note(b, nb, sizeof nb));
        break;
    }
    return k * st->qsort_dir;
}


bool instr_build_question_rows(App *a, State *st)
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
    st->qheight = calloc((size_t)(2 * n > 0 ? 2 * n : 1), sizeof *st->qheight);
    if (!st->qheight)
        return false;
    instr_filter_questions(a, st);
    return true;
}


static void row_title(const QuestionRow *q, bool with_muscle, char *buf, size_t size)
{
    const ReportItem *it = q->item;
    instr_item_title(it->module, it->kind, it->tp, it->question, it->view ? it->view->name : NULL, it->key,
                     with_muscle, buf, size);
}

static bool row_passes(const App *a, const State *st, const QuestionRow *q)
{
    const ReportItem *it = q->item;
    if (st->qcourse >= 0) {
        const Course *c = library_course(a->lib, st->qcourse);
        bool in = false;
        for (int i = 0; c && it->module && i < c->n_modules && !in; i++)
            in = c->modules[i] == it->module;
        if (!in)
            return false;
    }
    if (st->qfilter[0]) {
        char title[700];
        row_title(q, true, title, sizeof title);
        if (!text_contains_ci(title, st->qfilter) && !text_contains_ci(it->key, st->qfilter))
            return false;
    }
    return true;
}

void instr_filter_questions(App *a, State *st)
{
    instr_sort_order(st, st->qorder, st->n_qrows, cmp_questions);
    int n = 0;
    for (int i = 0; i < st->n_qrows; i++)
        if (row_passes(a, st, &st->qrows[st->qorder[i]]))
            st->qorder[n++] = st->qorder[i];
    st->n_qshown = n;
    st->qheight_w = 0; /* measure again */
}

static void fmt_distance(const ReportItem *it, double d, char *buf, size_t size)
{
    if (it->view && it->view->cm_per_unit > 0)
        snprintf(buf, size, "%.1f (%.1f cm)", d, d * it->view->cm_per_unit);
    else
        snprintf(buf, size, "%.1f", d);
}

void instr_open_question(App *a, State *st, int index)
{
    st->question = index;
    st->stats_scroll = 0;
    instr_go_page(a, st, PAGE_QUESTION);
}

/* The filter bar: a button per course (and All courses), then a field for
 * a module or question name. Returns its height. */
static int filter_bar(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    int bh = ui_px(ui, 36), gap = ui_px(ui, 8);
    int x = box.x, y = box.y;
    int lh = instr_text_h(a, FONT_BOLD);
    x += ren_text(a->ren, FONT_BOLD, x, y + (bh - lh) / 2, THEME_ACCENT_DARK, "Course") + gap;
    int nc = library_course_count(a->lib);
    bool changed = false;
    for (int c = -1; c < nc; c++) {
        const char *title = c < 0 ? "All courses" : library_course(a->lib, c)->title;
        int w = ren_text_width(a->ren, FONT_BODY, title) + ui_px(ui, 28);
        SDL_Rect r = {x, y, w, bh};
        char label[300];
        snprintf(label, sizeof label, "Questions of %s", c < 0 ? "all courses" : title);
        if (ui_button(ui, r, title, st->qcourse == c ? BUTTON_SELECTED : BUTTON_SECONDARY) && st->qcourse != c) {
            st->qcourse = c;
            changed = true;
        }
        ui_register_target(ui, label, r);
        x += w + gap;
    }
    x += gap;
    int fw = box.x + box.w - x;
    int min_w = ui_px(ui, 260);
    int h = bh;
    if (fw < min_w) { /* no room beside the courses: the field goes under them */
        x = box.x;
        y += bh + gap;
        fw = box.w;
        h += bh + gap;
    }
    char shown[80] = "";
    if (st->n_qshown < st->n_qrows)
        snprintf(shown, sizeof shown, "%d of %d rows", st->n_qshown, st->n_qrows);
    int sw = shown[0] ? ren_text_width(a->ren, FONT_SMALL, shown) + ui_px(ui, 12) : 0;
    SDL_Rect field = {x, y, fw - sw, bh};
    if (ui_text_field(ui, field, "", st->qfilter, sizeof st->qfilter, "Module or question\xE2\x80\xA6") &
        UI_FIELD_CHANGED)
        changed = true;
    ui_register_target(ui, "Filter questions by module or question", field);
    if (shown[0])
        ren_text(a->ren, FONT_SMALL, field.x + field.w + ui_px(ui, 12), y + (bh - instr_text_h(a, FONT_SMALL)) / 2,
                 THEME_MUTED, shown);
    if (changed) {
        instr_filter_questions(a, st);
        st->q_scroll = 0;
        a->redraw = true;
    }
    return h;
}

/* The note column: the report's verdicts one a line. */
static void note_text(const QuestionRow *q, char *buf, size_t size)
{
    report_item_note(&q->item->stats[q->pop], buf, size);
    if (!buf[0] && !q->item->module)
        snprintf(buf, size, "not in these courses");
    char *semi;
    while ((semi = strstr(buf, "; ")) != NULL) {
        memmove(semi, semi + 1, strlen(semi + 1) + 1);
        semi[0] = '\n';
    }
}

/* A row's height at title column width w: the wrapped question, the line
 * under it, and the padding. */
/* The line under a question: its population and muscle. */
static void row_sub(const QuestionRow *q, char *buf, size_t size)
{
    snprintf(buf, size, "%s \xC2\xB7 %s", q->pop == REPORT_EXAM ? "exams" : "quizzes",
             q->item->module ? q->item->module->name : q->item->key);
}

static int row_height(App *a, const QuestionRow *q, int w, int note_w)
{
    Ui *ui = &a->ui;
    char title[700], note[120], sub[300];
    row_title(q, false, title, sizeof title);
    row_sub(q, sub, sizeof sub);
    int th = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, w, THEME_TEXT, title, false, 0, 0);
    int h = th + ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, w, THEME_MUTED, sub, false, 0, 0) + ui_px(ui, 16);
    note_text(q, note, sizeof note);
    int nh = ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, note_w, THEME_TEXT, note, false, 0, 0) + ui_px(ui, 16);
    if (nh > h)
        h = nh;
    return h > ui_px(ui, 56) ? h : ui_px(ui, 56);
}

void instr_question_table(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    static const TableColumn cols[Q_COLUMNS] = {
        /* Minimums that fit 960 pixels (a heading is never narrower than
         * its label); a longer text takes a second line in its cell. */
        {"Question", 210, 3.0f, false}, {"Answers", 90, 0, true}, {"Facility", 80, 0, true},
        {"Discrim.", 80, 0, true},      {"Clicks", 60, 0, true},  {"Median dist.", 100, 0.4f, true},
        {"Wrong side", 90, 0.3f, true}, {"Note", 130, 0.5f, false}};
    int fh = filter_bar(a, st, box) + ui_px(ui, 10);
    box.y += fh;
    box.h -= fh;
    int xs[Q_COLUMNS], ws[Q_COLUMNS];
    int sw = box.w - ui_px(ui, 12);
    table_layout_columns(a->ren, &a->ui, cols, Q_COLUMNS, box.x, sw, xs, ws);
    int hh = ui_px(ui, 38);
    if (table_header(a->ren, &a->ui, (SDL_Rect){box.x, box.y, box.w, hh}, cols, Q_COLUMNS, xs, ws, &st->qsort,
                     &st->qsort_dir, "questions")) {
        a->redraw = true;
        instr_filter_questions(a, st);
    }
    int pad = ui_px(ui, 10);
    int title_w = ws[Q_TITLE] - 2 * pad;
    int note_w = ws[Q_NOTE] - 2 * pad;
    if (st->qheight_w != title_w) {
        for (int i = 0; i < st->n_qshown; i++)
            st->qheight[st->qorder[i]] = row_height(a, &st->qrows[st->qorder[i]], title_w, note_w);
        st->qheight_w = title_w;
    }
    int content_h = 0;
    for (int i = 0; i < st->n_qshown; i++)
        content_h += st->qheight[st->qorder[i]];
    SDL_Rect list = {box.x, box.y + hh, box.w, box.h - hh};
    int empty_h = ui_px(ui, 56);
    instr_scroll_keys(a, &st->q_scroll, list.h);
    ui_scroll(ui, list, &st->q_scroll, content_h > 0 ? content_h : empty_h);
    ren_clip(a->ren, list);
    int y = list.y - st->q_scroll;
    if (st->n_qshown == 0)
        ren_text(a->ren, FONT_BODY, box.x + pad, y + (empty_h - instr_text_h(a, FONT_BODY)) / 2, THEME_MUTED,
                 st->n_qrows == 0 ? "No good attempts: question statistics use verified records only."
                                  : "No question matches the course and the filter.");
    for (int i = 0; i < st->n_qshown; i++) {
        const QuestionRow *q = &st->qrows[st->qorder[i]];
        int rh = st->qheight[st->qorder[i]];
        y += rh;
        if (y < list.y || y - rh > list.y + list.h)
            continue;
        int ry = y - rh;
        const ReportItem *it = q->item;
        const ReportItemStats *s = &it->stats[q->pop];
        SDL_Rect row = {box.x, ry, sw, rh};
        if (ui_hover(ui, instr_clip_to(row, list)))
            ren_fill_rect(a->ren, row, THEME_ACCENT_LIGHT);
        else if (i % 2)
            ren_fill_rect(a->ren, row, THEME_PANEL_ALT);
        char title[700], v[96], sub[300];
        /* The whole question, wrapped; the muscle goes under it. */
        row_title(q, false, title, sizeof title);
        int ty = ry + ui_px(ui, 8);
        ty += ren_text_wrapped(a->ren, FONT_BODY, xs[Q_TITLE] + pad, ty, title_w, THEME_TEXT, title, true, list.y,
                               list.y + list.h);
        row_sub(q, sub, sizeof sub);
        ren_text_wrapped(a->ren, FONT_SMALL, xs[Q_TITLE] + pad, ty, title_w, THEME_MUTED, sub, true, list.y,
                         list.y + list.h);
        snprintf(v, sizeof v, "%d", s->answers);
        if (s->answered < s->answers)
            snprintf(sub, sizeof sub, "%d unanswered", s->answers - s->answered);
        else
            sub[0] = 0;
        table_cell_text(a->ren, &a->ui, (SDL_Rect){xs[Q_ANSWERS], ry, ws[Q_ANSWERS], rh}, true, FONT_BODY,
                        THEME_TEXT, v, THEME_MUTED, sub);
        bool enough = s->answers >= REPORT_MIN_ANSWERS;
        snprintf(v, sizeof v, "%.1f%%", s->facility);
        table_cell_text(a->ren, &a->ui, (SDL_Rect){xs[Q_FACILITY], ry, ws[Q_FACILITY], rh}, true, FONT_BOLD,
                        enough && (s->facility < 20 || s->facility > 90) ? THEME_PARTIAL : THEME_TEXT, v,
                        THEME_MUTED, NULL);
        if (s->has_discrimination)
            snprintf(v, sizeof v, "%+.1f", s->discrimination);
        else
            snprintf(v, sizeof v, "\xE2\x80\x94");
        table_cell_text(a->ren, &a->ui, (SDL_Rect){xs[Q_DISCRIM], ry, ws[Q_DISCRIM], rh}, true, FONT_BODY,
                        enough && s->has_discrimination && s->discrimination < 0    ? THEME_BAD
                        : enough && s->has_discrimination && s->discrimination < 20 ? THEME_PARTIAL
                                                                                    : THEME_TEXT,
                        v, THEME_MUTED, NULL);
        snprintf(v, sizeof v, "%d", s->clicks);
        table_cell_text(a->ren, &a->ui, (SDL_Rect){xs[Q_CLICKS], ry, ws[Q_CLICKS], rh}, true, FONT_BODY,
                        s->clicks ? THEME_TEXT : THEME_MUTED, s->clicks ? v : "\xE2\x80\x94", THEME_MUTED, NULL);
        if (s->clicks) {
            fmt_distance(it, s->median_distance, v, sizeof v);
            snprintf(sub, sizeof sub, "mean %.1f%s", s->mean_distance, s->median_estimated ? ", median ~" : "");
        } else {
            snprintf(v, sizeof v, "\xE2\x80\x94");
            sub[0] = 0;
        }
        table_cell_text(a->ren, &a->ui, (SDL_Rect){xs[Q_MEDIAN], ry, ws[Q_MEDIAN], rh}, true, FONT_BODY,
                        THEME_TEXT, v, THEME_MUTED, sub);
        if (s->sided) {
            snprintf(v, sizeof v, "%.1f%%", 100.0 * s->wrong_side / s->sided);
            snprintf(sub, sizeof sub, "%d of %d", s->wrong_side, s->sided);
        } else {
            snprintf(v, sizeof v, "\xE2\x80\x94");
            sub[0] = 0;
        }
        table_cell_text(a->ren, &a->ui, (SDL_Rect){xs[Q_SIDE], ry, ws[Q_SIDE], rh}, true, FONT_BODY,
                        s->sided && s->wrong_side ? THEME_BAD : THEME_TEXT, v, THEME_MUTED, sub);
        char note[120];
        note_text(q, note, sizeof note);
        SDL_Color nc = !enough ? THEME_MUTED
                       : strstr(note, "negative") || strstr(note, "very hard") ? THEME_BAD
                                                                                : THEME_PARTIAL;
        int nh = ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, note_w, nc, note, false, 0, 0);
        ren_text_wrapped(a->ren, FONT_SMALL, xs[Q_NOTE] + pad, ry + (rh - nh) / 2, note_w, nc, note, true, list.y,
                         list.y + list.h);
        char label[400];
        snprintf(label, sizeof label, "Open question %s (%s)", it->key, report_population_name(q->pop));
        if (ui_clickable(ui, instr_clip_to(row, list), label)) {
            ren_unclip(a->ren);
            instr_open_question(a, st, i);
            return;
        }
    }
    ren_unclip(a->ren);
}
