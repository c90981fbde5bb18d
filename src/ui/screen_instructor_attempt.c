/* Instructor review, an attempt's page: every answer with its credit and
 * time, the selected one drawn on its chart. */
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
#include "screen_instructor.h"
#include "theme.h"

/* ---- the attempt page -------------------------------------------------------------------- */

void instr_close_attempt(App *a, State *st)
{
    answers_free(&st->shown);
    /* The chart work area caches by item: it must not keep one freed here. */
    a->work.item = NULL;
    a->work.session = NULL;
}

void instr_open_attempt(App *a, State *st, int record)
{
    instr_close_attempt(a, st);
    st->record = record;
    st->answer = 0;
    st->answers_scroll = 0;
    st->answer_visible = true;
    answers_rebuild(a->lib, scorefile_record(st->scores, record), &st->shown);
    instr_go_page(a, st, PAGE_ATTEMPT);
}

/* In a quiz every answer is of the quiz's muscle: its name would only
 * repeat. */
static void answer_title(const RebuiltAnswer *sa, const RecordAnswer *ra, bool with_muscle, char *buf, size_t size)
{
    const Item *it = sa->item;
    if (!it)
        snprintf(buf, size, "%s (not in these courses)", ra->key ? ra->key : "?");
    else
        instr_item_title(it->module, instr_kind_of(it), it->tp, it->question, it->view, it->key, with_muscle, buf, size);
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
                 r.y + (r.h - instr_text_h(a, FONT_SMALL)) / 2, right ? THEME_GOOD : THEME_BAD, tag);
        y += r.h + ui_px(ui, 8);
    }
}

static void answer_detail(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    const Record *r = scorefile_record(st->scores, st->record);
    if (st->shown.n_answers == 0) {
        ren_text(a->ren, FONT_BODY, box.x, box.y, THEME_MUTED, "This record has no answers.");
        return;
    }
    const RebuiltAnswer *sa = &st->shown.answers[st->answer];
    const RecordAnswer *ra = &r->answers[st->answer];
    const Item *it = sa->item;
    int x = box.x, y = box.y, w = box.w;
    char head[600];
    snprintf(head, sizeof head, "ANSWER %d OF %d", st->answer + 1, st->shown.n_answers);
    ren_text(a->ren, FONT_SMALL, x, y, THEME_ACCENT, head);
    y += instr_text_h(a, FONT_SMALL) + ui_px(ui, 4);
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
    char miss[400];
    item_view_miss(a, it, &sa->an, miss, sizeof miss, NULL);
    if (miss[0]) /* what a missed click landed on */
        y += ren_text_wrapped(a->ren, FONT_BOLD, x, y + ui_px(ui, 4), w, THEME_TEXT, miss, true, 0, ui->height) +
             ui_px(ui, 4);
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
    if (i < 0 || i >= st->shown.n_answers || i == st->answer)
        return;
    st->answer = i;
    st->answer_visible = true;
    a->work.item = NULL;
    a->redraw = true;
}

void instr_page_attempt(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    const Record *r = scorefile_record(st->scores, st->record);
    RecordStatus status = scorefile_status(st->scores, st->record);
    int pad = ui_px(ui, 20);
    int y = area.y + pad;
    char title[400], when[64], line[800];
    instr_record_title(a, st->scores, st->record, title, sizeof title);
    int tw = ren_text(a->ren, FONT_TITLE, pad, y, THEME_TEXT, title);
    instr_utc_time(r->finished, when, sizeof when);
    const JudgeResult *jr = st->judged ? &st->judged[st->record] : NULL;
    bool regraded_out = status == RECORD_GOOD && jr && !jr->counts;
    bool good = status == RECORD_GOOD && !regraded_out;
    snprintf(line, sizeof line, "%s%.1f%% \xC2\xB7 %s (pass mark %d%%)%s", good ? "" : "claims ", r->score * 100,
             r->passed ? "passed" : "not passed", r->pass_mark, r->auto_submitted ? " \xC2\xB7 submitted when time ran out" : "");
    ren_text_fit(a->ren, FONT_HEADING, pad + tw + ui_px(ui, 16),
                 y + (instr_text_h(a, FONT_TITLE) - instr_text_h(a, FONT_HEADING)) / 2, area.w - 2 * pad - tw - ui_px(ui, 16),
                 !good ? THEME_MUTED : r->passed ? THEME_GOOD : THEME_BAD, line);
    y += instr_text_h(a, FONT_TITLE);
    snprintf(line, sizeof line, "%s \xC2\xB7 record %d \xC2\xB7 finished %s \xC2\xB7 took %d min", st->rows[st->learner].name,
             r->seq, when, r->finished > r->started ? (int)((r->finished - r->started + 59) / 60) : 0);
    ren_text_fit(a->ren, FONT_BODY, pad, y, area.w - 2 * pad, THEME_MUTED, line);
    y += instr_text_h(a, FONT_BODY) + ui_px(ui, 8);
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
    instr_panel(a, left);
    instr_panel(a, right);

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
    ui_scroll(ui, list, &st->answers_scroll, st->shown.n_answers * rh);
    ren_clip(a->ren, list);
    int sw = list.w - ui_px(ui, 12);
    for (int i = 0; i < st->shown.n_answers; i++) {
        int yy = list.y + i * rh - st->answers_scroll;
        if (yy + rh < list.y || yy > list.y + list.h)
            continue;
        const RecordAnswer *ra = &r->answers[i];
        SDL_Rect row = {list.x, yy, sw, rh};
        bool sel = i == st->answer;
        if (sel)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        else if (ui_hover(ui, instr_clip_to(row, list)))
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_PANEL_ALT);
        SDL_Rect chip = {row.x + ui_px(ui, 8), yy + (rh - ui_px(ui, 28)) / 2, ui_px(ui, 60), ui_px(ui, 28)};
        instr_credit_chip(a, chip, ra->credit);
        char t[600], s[200];
        answer_title(&st->shown.answers[i], ra, r->mode == ATTEMPT_EXAM, t, sizeof t);
        snprintf(s, sizeof s, "%d. %s \xC2\xB7 %.1f s%s%s", i + 1, ra->type ? ra->type : "?", (double)ra->time_ms / 1000,
                 ra->answered ? "" : " \xC2\xB7 not answered", ra->flagged ? " \xC2\xB7 flagged" : "");
        int tx = chip.x + chip.w + ui_px(ui, 12), twid = row.x + row.w - tx - ui_px(ui, 8);
        int ty = yy + (rh - instr_text_h(a, FONT_BODY) - instr_text_h(a, FONT_SMALL)) / 2;
        /* An index: the answer's detail beside it shows the whole question. */
        ren_text_may_ellipsise(a->ren, sel ? FONT_BOLD : FONT_BODY, tx, ty, twid, THEME_TEXT, t);
        ren_text_may_ellipsise(a->ren, FONT_SMALL, tx, ty + instr_text_h(a, FONT_BODY), twid, THEME_MUTED, s);
        char label[64];
        snprintf(label, sizeof label, "Answer %d", i + 1);
        if (ui_clickable(ui, instr_clip_to(row, list), label))
            select_answer(a, st, i);
    }
    ren_unclip(a->ren);
    int in = ui_px(ui, 20);
    answer_detail(a, st, (SDL_Rect){right.x + in, right.y + ui_px(ui, 16), right.w - 2 * in, right.h - ui_px(ui, 16) - in});
}
