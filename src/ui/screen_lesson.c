/* Lesson: the study screen of a lesson module. One page at a time: its
 * figure (drawn in the chart style, labelled by the program) beside the
 * text when the window is wide enough for both, above it when not; page x
 * of n with previous and next (also the arrow keys), and on the last page
 * the way to the lesson's practice and quiz. The text scrolls when it is
 * longer than its panel. */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "theme.h"

static struct {
    const Module *lesson; /* the page below belongs to it */
    int page;
    int scroll;
} lesson_st;

void screen_lesson_enter(App *a)
{
    (void)a;
    lesson_st.lesson = NULL;
    lesson_st.page = 0;
    lesson_st.scroll = 0;
}

/* The figure fitted into area, its labels, and its caption below. */
static void draw_figure(App *a, const LessonPage *p, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int cap_w = area.w - ui_px(ui, 24);
    int cap_h = p->caption[0] ? ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, cap_w, THEME_MUTED, p->caption, false, 0, 0)
                              : 0;
    SDL_Rect fig = {area.x + ui_px(ui, 12), area.y + ui_px(ui, 12), area.w - ui_px(ui, 24),
                    area.h - cap_h - ui_px(ui, 36)};
    if (fig.h < ui_px(ui, 60))
        return; /* too small to be of use: the text says it all */
    ChartLayout l = chart_layout(fig, p->figure_box);
    ren_clip(a->ren, area);
    if (!chart_draw_svg(a->charts, p->figure, &l))
        ren_text(a->ren, FONT_BODY, fig.x, fig.y, THEME_BAD, "This figure could not be loaded.");
    Vec2 pts[COURSE_MAX_LABELS];
    const char *texts[COURSE_MAX_LABELS];
    int n = 0;
    for (int i = 0; i < p->n_labels && n < COURSE_MAX_LABELS; i++) {
        pts[n] = p->labels[i].at;
        texts[n++] = p->labels[i].text;
    }
    chart_draw_labels(a->ren, &l, pts, texts, n, NULL, ui->scale);
    if (cap_h)
        ren_text_wrapped(a->ren, FONT_SMALL, fig.x, l.image.y + l.image.h + ui_px(ui, 10), cap_w, THEME_MUTED,
                         p->caption, true, area.y, area.y + area.h);
    ren_unclip(a->ren);
}

/* The page's text: its title, a paragraph, and "- " lines as bullets.
 * Returns the height of everything (for scrolling). */
static int draw_text(App *a, const LessonPage *p, SDL_Rect inner, int y)
{
    Ui *ui = &a->ui;
    int top = y;
    int clip0 = inner.y, clip1 = inner.y + inner.h;
    y += ren_text_wrapped(a->ren, FONT_HEADING, inner.x, y, inner.w, THEME_ACCENT_DARK, p->title, true, clip0, clip1);
    y += ui_px(ui, 12);
    int bullet_w = ui_px(ui, 22);
    const char *s = p->text;
    char para[4096];
    while (*s) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len >= sizeof para)
            len = sizeof para - 1;
        memcpy(para, s, len);
        para[len] = '\0';
        bool bullet = !strncmp(para, "- ", 2);
        if (bullet) {
            if (y + ren_text_height(a->ren, FONT_BODY) > clip0 && y < clip1)
                ren_text(a->ren, FONT_BOLD, inner.x + ui_px(ui, 4), y, THEME_ACCENT, "\xE2\x80\xA2");
            y += ren_text_wrapped(a->ren, FONT_BODY, inner.x + bullet_w, y, inner.w - bullet_w, THEME_TEXT, para + 2,
                                  true, clip0, clip1);
            y += ui_px(ui, 8);
        } else {
            y += ren_text_wrapped(a->ren, FONT_BODY, inner.x, y, inner.w, THEME_TEXT, para, true, clip0, clip1);
            y += ui_px(ui, 14);
        }
        s = end ? end + 1 : s + strlen(s);
    }
    return y - top;
}

void screen_lesson(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Module *m = a->module;
    if (lesson_st.lesson != m) {
        lesson_st.lesson = m;
        lesson_st.page = 0;
        lesson_st.scroll = 0;
    }
    int n = m->n_pages;
    if (lesson_st.page >= n)
        lesson_st.page = n > 0 ? n - 1 : 0;
    SDL_Rect area;
    char crumb[400];
    bool from_course = a->course && a->study_return == SCREEN_MODULES;
    snprintf(crumb, sizeof crumb, "%s%sLesson \xC2\xB7 page %d of %d", from_course ? a->course->title : "",
             from_course ? " \xC2\xB7 " : "", n > 0 ? lesson_st.page + 1 : 0, n);
    if (chrome_top_bar(a, m->name, crumb, true, &area)) {
        app_go(a, a->study_return == SCREEN_DIRECTORY ? SCREEN_DIRECTORY : SCREEN_MODULES);
        return;
    }
    int pad = ui_px(ui, 20);
    int bar_h = ui_px(ui, 44);
    SDL_Rect body = {pad, area.y + pad, all.w - 2 * pad, area.h - 3 * pad - bar_h};
    if (n == 0) {
        ren_text(a->ren, FONT_BODY, body.x, body.y, THEME_BAD, "This lesson has no pages that could be loaded.");
        return;
    }
    const LessonPage *p = &m->pages[lesson_st.page];

    /* The figure beside the text in a landscape window, above it in a
     * portrait one (both then get a useful width). */
    SDL_Rect text = body;
    if (p->figure) {
        bool beside = body.w * 10 > body.h * 11;
        SDL_Rect fig = body;
        if (beside) {
            fig.w = body.w * 46 / 100;
            text.x = fig.x + fig.w + pad;
            text.w = body.w - fig.w - pad;
        } else {
            fig.h = body.h * 45 / 100;
            text.y = fig.y + fig.h + pad;
            text.h = body.h - fig.h - pad;
        }
        ren_fill_round_rect(a->ren, fig, ui_px(ui, 10), THEME_PANEL);
        draw_figure(a, p, fig);
    }
    ren_fill_round_rect(a->ren, text, ui_px(ui, 10), THEME_PANEL);
    /* A comfortable measure: long lines are hard to read. */
    int measure = ui_px(ui, 760);
    SDL_Rect inner = {text.x + ui_px(ui, 24), text.y + ui_px(ui, 18), text.w - ui_px(ui, 48), text.h - ui_px(ui, 36)};
    if (inner.w > measure)
        inner.w = measure;
    ren_clip(a->ren, inner);
    /* Wrapped lines may reach a few pixels past their width: keep a margin. */
    SDL_Rect wrap = {inner.x, inner.y, inner.w - ui_px(ui, 10), inner.h};
    int content_h = draw_text(a, p, wrap, inner.y - lesson_st.scroll);
    ren_unclip(a->ren);
    int before = lesson_st.scroll;
    SDL_Rect scroll_area = {inner.x, inner.y, inner.w + ui_px(ui, 14), inner.h};
    ui_scroll(ui, scroll_area, &lesson_st.scroll, content_h);
    if (ui_key(ui, SDLK_PAGEDOWN) || ui_key(ui, SDLK_DOWN))
        lesson_st.scroll += inner.h / 2;
    if (ui_key(ui, SDLK_PAGEUP) || ui_key(ui, SDLK_UP))
        lesson_st.scroll -= inner.h / 2;
    if (lesson_st.scroll != before)
        a->redraw = true;

    /* Below: previous, where we are, next (or the quiz on the last page). */
    int by = body.y + body.h + pad;
    int bw = ui_px(ui, 180);
    SDL_Rect prev = {body.x, by, bw, bar_h};
    int turn = 0;
    if (lesson_st.page > 0 && (ui_button(ui, prev, "\xE2\x80\xB9 Previous page", BUTTON_SECONDARY) ||
                               ui_key(ui, SDLK_LEFT)))
        turn = -1;
    char where[64];
    snprintf(where, sizeof where, "Page %d of %d", lesson_st.page + 1, n);
    int ww = ren_text_width(a->ren, FONT_BOLD, where);
    ren_text(a->ren, FONT_BOLD, body.x + (body.w - ww) / 2, by + (bar_h - ren_text_height(a->ren, FONT_BOLD)) / 2,
             THEME_MUTED, where);
    SDL_Rect next = {body.x + body.w - bw, by, bw, bar_h};
    if (lesson_st.page + 1 < n) {
        if (ui_button(ui, next, "Next page \xE2\x80\xBA", BUTTON_PRIMARY) || ui_key(ui, SDLK_RIGHT))
            turn = 1;
    } else {
        SDL_Rect practise = {next.x - bw - ui_px(ui, 10), by, bw, bar_h};
        if (ui_button(ui, next, "Take the quiz", BUTTON_PRIMARY)) {
            app_start_quiz(a, m);
            return;
        }
        if (ui_button(ui, practise, "Practise first", BUTTON_SECONDARY)) {
            app_start_practice(a, m);
            return;
        }
    }
    if (turn) {
        lesson_st.page += turn;
        lesson_st.scroll = 0;
        a->redraw = true;
    }
}
