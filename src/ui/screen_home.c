/* Home: choose a course. One card per course with its description and the
 * learner's practice progress through its modules. */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "theme.h"

/* The longest start of text, cut after a whole word and ended with an
 * ellipsis, whose wrapped height fits max_h (all of it if it fits; "" if
 * not even one word does). */
static void fit_paragraph(Ren *ren, FontId f, int width, const char *text, int max_h, char *out, size_t size)
{
    snprintf(out, size, "%s", text);
    if (ren_text_wrapped(ren, f, 0, 0, width, THEME_TEXT, out, false, 0, 0) <= max_h)
        return;
    size_t n = strlen(out);
    while (n > 0) {
        while (n > 0 && out[n - 1] != ' ')
            n--;
        while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == ','))
            n--;
        if (n + 4 > size)
            continue;
        memcpy(out + n, "\xE2\x80\xA6", 4);
        if (ren_text_wrapped(ren, f, 0, 0, width, THEME_TEXT, out, false, 0, 0) <= max_h)
            return;
    }
    out[0] = '\0';
}

static int course_practised(const App *a, const Course *c)
{
    int practised = 0;
    for (int i = 0; i < c->n_modules; i++) {
        const ProgressEntry *e = a->progress ? progress_find(a->progress, c->module_ids[i]) : NULL;
        practised += e && e->sessions > 0;
    }
    return practised;
}

/* The spaced-review strip: how many items are due and the way in, and the
 * way to the statistics. Returns true if the screen changed. */
static bool review_panel(App *a, SDL_Rect r, int *measure)
{
    Ui *ui = &a->ui;
    if (!measure) {
        ren_fill_round_rect(a->ren, r, ui_px(ui, 10), THEME_BORDER);
        int b = ui_px(ui, 1);
        SDL_Rect inner = {r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b};
        ren_fill_round_rect(a->ren, inner, ui_px(ui, 10), THEME_PANEL);
    }
    int64_t next = 0;
    int due = app_review_due(a, &next);
    int known = a->review ? review_count(a->review) : 0;
    char button[64], line[300];
    snprintf(button, sizeof button, "Review due (%d)", due);
    int bw = ren_text_width(a->ren, FONT_BOLD, button) + ui_px(ui, 40), bh = ui_px(ui, 44);
    int pad = ui_px(ui, 22);
    SDL_Rect btn = {r.x + r.w - pad - bw, r.y + (r.h - bh) / 2, bw, bh};
    /* The learner's graded quizzes and exams, to go through their answers,
     * and their statistics (mastery, history, the review forecast). */
    int hw = ren_text_width(a->ren, FONT_BODY, "Past results") + ui_px(ui, 36);
    SDL_Rect hist = {btn.x - ui_px(ui, 10) - hw, btn.y, hw, bh};
    int stw = ren_text_width(a->ren, FONT_BODY, "Statistics") + ui_px(ui, 36);
    SDL_Rect stats = {hist.x - ui_px(ui, 10) - stw, btn.y, stw, bh};
    int x = r.x + pad, tw = stats.x - ui_px(ui, 20) - x;
    int y = r.y + ui_px(ui, 16);
    if (!measure)
        ren_text(a->ren, FONT_HEADING, x, y, THEME_ACCENT_DARK, "Spaced review");
    y += ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 4);
    if (known == 0)
        snprintf(line, sizeof line,
                 "Every item you answer in practice, quizzes and exams is scheduled here: a miss comes back the "
                 "next day, an item you know at growing intervals.");
    else if (due > APP_REVIEW_ITEMS)
        snprintf(line, sizeof line, "%d items are due now; a review serves the %d most overdue first. %d item%s scheduled in all.",
                 due, APP_REVIEW_ITEMS, known, known == 1 ? "" : "s");
    else if (due > 0)
        snprintf(line, sizeof line, "%d item%s due now, the most overdue first. %d item%s scheduled in all.", due,
                 due == 1 ? " is" : "s are", known, known == 1 ? "" : "s");
    else if (next > 0) {
        char when[64];
        app_when_text(next - app_now_ms(a) / 1000, when, sizeof when);
        snprintf(line, sizeof line, "Nothing is due. The next item comes back %s; %d item%s scheduled in all.", when,
                 known, known == 1 ? "" : "s");
    } else
        snprintf(line, sizeof line, "Nothing is due for the courses on this station.");
    if (measure) {
        /* As tall as its text needs, at least as tall as the buttons with room. */
        int h = y - r.y + ren_text_wrapped(a->ren, FONT_BODY, x, y, tw, THEME_TEXT, line, false, 0, 0) + ui_px(ui, 16);
        *measure = h > ui_px(ui, 104) ? h : ui_px(ui, 104);
        return false;
    }
    ren_text_wrapped(a->ren, FONT_BODY, x, y, tw, THEME_TEXT, line, true, 0, r.y + r.h);
    if (ui_button(ui, stats, "Statistics", BUTTON_SECONDARY)) {
        app_go(a, SCREEN_STATS);
        return true;
    }
    if (ui_button(ui, btn, button, due > 0 ? BUTTON_PRIMARY : BUTTON_DISABLED) && due > 0) {
        app_start_review(a);
        return true;
    }
    if (ui_button(ui, hist, "Past results", BUTTON_SECONDARY)) {
        app_go(a, SCREEN_HISTORY);
        return true;
    }
    return false;
}

void screen_home(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    chrome_top_bar(a, "tpquiz", "Trigger point therapy courses", false, &area);
    /* Who is signed in, and the way out, at the bar's right end. */
    int bh = ui_px(ui, 36);
    SDL_Rect out = {all.w - ui_px(ui, 20) - ui_px(ui, 110), ui_px(ui, 10), ui_px(ui, 110), bh};
    if (ui_button(ui, out, "Sign out", BUTTON_SECONDARY)) {
        app_sign_out(a);
        return;
    }
    /* Settings sits left of Sign out; drawn last (Tab reaches the courses first). */
    SDL_Rect set = {out.x - ui_px(ui, 10) - ui_px(ui, 100), out.y, ui_px(ui, 100), bh};
    char who[200];
    snprintf(who, sizeof who, "%s (%s)", a->learner_name, a->learner);
    int ww = ren_text_width(a->ren, FONT_BODY, who);
    ren_text(a->ren, FONT_BODY, set.x - ui_px(ui, 16) - ww, (ui_px(ui, 56) - ren_text_height(a->ren, FONT_BODY)) / 2,
             THEME_ON_ACCENT, who);
    int m = ui_px(ui, 40);
    int y = area.y + ui_px(ui, 28);
    /* The ways into the material besides the courses sit beside the
     * greeting, or in a row of their own under it when the window is too
     * narrow for both. */
    const char *labels[] = {"Where does it hurt?", "Muscle directory", "Pain protocols", "Pain disorders"};
    ScreenId targets[] = {SCREEN_LOCATOR, SCREEN_DIRECTORY, SCREEN_PROTOCOLS, SCREEN_DISORDERS};
    bool shown[4];
    int ways_w = 0;
    for (int i = 0; i < 4; i++) {
        shown[i] = !((targets[i] == SCREEN_PROTOCOLS && protocols_count(a->protocols) == 0) ||
                     (targets[i] == SCREEN_DISORDERS && disorders_count(a->disorders) == 0));
        if (shown[i])
            ways_w += ren_text_width(a->ren, FONT_BODY, labels[i]) + ui_px(ui, 38);
    }
    char hello[200];
    snprintf(hello, sizeof hello, "Choose a course, %s", a->learner_name);
    int hello_w = ren_text_width(a->ren, FONT_TITLE, hello);
    int room = all.w - 2 * m - ways_w - ui_px(ui, 10);
    bool ways_below = hello_w > room && room < all.w / 2 - m;
    ren_text_fit(a->ren, FONT_TITLE, m, y, ways_below ? all.w - 2 * m : room, THEME_TEXT, hello);
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 4);
    y += ren_text_wrapped(a->ren, FONT_BODY, m, y, all.w - 2 * m, THEME_MUTED,
                          "Study each muscle's trigger points and where they refer pain, then practise "
                          "finding them on the body chart.",
                          true, 0, all.h);
    y += ui_px(ui, 20);
    int ways_y = area.y + ui_px(ui, 22);
    if (ways_below) {
        ways_y = y - ui_px(ui, 8);
        y += ui_px(ui, 38) + ui_px(ui, 12);
    }

    int n = library_course_count(a->lib);
    if (n == 0) {
        if (ui_button(ui, set, "Settings", BUTTON_QUIET))
            screen_settings_open(a);
        return;
    }
    int gap = ui_px(ui, 24);
    int cols = n < 3 ? n : 3;
    int cw = (all.w - 2 * m - (cols - 1) * gap) / cols;
    /* The cards give up height (their descriptions shorten) so that the
     * spaced review panel under them fits in a small window. */
    int rows = (n + cols - 1) / cols;
    int rv_h = 0;
    review_panel(a, (SDL_Rect){m, 0, all.w - 2 * m, 0}, &rv_h);
    int ch = (all.h - ui_px(ui, 16) - rv_h - y) / rows - gap;
    if (ch > ui_px(ui, 300))
        ch = ui_px(ui, 300);
    if (ch < ui_px(ui, 250))
        ch = ui_px(ui, 250);
    for (int i = 0; i < n; i++) {
        const Course *c = library_course(a->lib, i);
        SDL_Rect card = {m + (i % cols) * (cw + gap), y + (i / cols) * (ch + gap), cw, ch};
        bool hover = ui_hover(ui, card);
        ren_fill_round_rect(a->ren, card, ui_px(ui, 10), hover ? THEME_ACCENT : THEME_BORDER);
        int b = ui_px(ui, hover ? 2 : 1);
        SDL_Rect inner = {card.x + b, card.y + b, card.w - 2 * b, card.h - 2 * b};
        ren_fill_round_rect(a->ren, inner, ui_px(ui, 10), THEME_PANEL);
        int pad = ui_px(ui, 22);
        int x = card.x + pad, cy = card.y + pad, tw = card.w - 2 * pad;
        /* A narrow card (three courses in a small window) puts Open under
         * the title and the description in the small font, shortened to
         * whole words with an ellipsis if it still does not fit. */
        int open_w = ui_px(ui, 130), open_h = ui_px(ui, 38);
        bool narrow = ren_text_width(a->ren, FONT_TITLE, c->title) + open_w + ui_px(ui, 12) > tw;
        ren_text_fit(a->ren, FONT_TITLE, x, cy, tw, THEME_ACCENT_DARK, c->title);
        cy += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 6);
        SDL_Rect open = {card.x + card.w - pad - open_w, card.y + pad, open_w, open_h};
        if (narrow) {
            open = (SDL_Rect){x, cy, open_w, open_h};
            cy += open_h + ui_px(ui, 10);
        }
        /* The course's numbers on one line, or two when the card is too
         * narrow for one (the description gives up the room). */
        char line[200], line2[100] = "";
        snprintf(line, sizeof line, "%d module%s \xC2\xB7 exam %d questions in %d min \xC2\xB7 practised %d",
                 c->n_modules, c->n_modules == 1 ? "" : "s", c->exam.questions, c->exam.time_limit_min,
                 course_practised(a, c));
        int extra = 0;
        if (ren_text_width(a->ren, FONT_SMALL, line) > tw) {
            snprintf(line, sizeof line, "%d module%s \xC2\xB7 practised %d", c->n_modules, c->n_modules == 1 ? "" : "s",
                     course_practised(a, c));
            snprintf(line2, sizeof line2, "Exam: %d questions in %d min", c->exam.questions, c->exam.time_limit_min);
            extra = ren_text_height(a->ren, FONT_SMALL);
        }
        if (c->description) {
            FontId font = narrow ? FONT_SMALL : FONT_BODY;
            int text_room = card.y + card.h - ui_px(ui, 128) - extra - cy;
            char text[2048];
            fit_paragraph(a->ren, font, tw, c->description, text_room, text, sizeof text);
            ren_text_wrapped(a->ren, font, x, cy, tw, THEME_TEXT, text, true, 0, all.h);
        }
        CertStatus cs = app_cert_status(a, c);
        int by = card.y + card.h - ui_px(ui, 122) - extra;
        ren_text_fit(a->ren, FONT_SMALL, x, by, tw, THEME_MUTED, line);
        if (line2[0])
            ren_text_fit(a->ren, FONT_SMALL, x, by + extra, tw, THEME_MUTED, line2);
        by += extra + ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 8);
        SDL_Rect bar = {x, by, tw, ui_px(ui, 8)};
        ren_fill_round_rect(a->ren, bar, bar.h / 2, THEME_PANEL_ALT);
        if (cs.modules_total > 0 && cs.modules_passed > 0) {
            SDL_Rect fill = bar;
            fill.w = bar.w * cs.modules_passed / cs.modules_total;
            ren_fill_round_rect(a->ren, fill, bar.h / 2, THEME_GOOD);
        }
        by += bar.h + ui_px(ui, 6);
        snprintf(line, sizeof line, "Module quizzes passed: %d of %d", cs.modules_passed, cs.modules_total);
        ren_text(a->ren, FONT_SMALL, x, by, THEME_TEXT, line);
        by += ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 4);
        if (cs.certified)
            snprintf(line, sizeof line, "\xE2\x9C\x93 Certified");
        else if (cs.exam_passed)
            snprintf(line, sizeof line, "Exam passed \xC2\xB7 pass every module quiz to be certified");
        else if (cs.exam_attempts > 0)
            snprintf(line, sizeof line, "Exam: %d attempt%s, not passed yet", cs.exam_attempts,
                     cs.exam_attempts == 1 ? "" : "s");
        else
            snprintf(line, sizeof line, "Certification exam not taken yet");
        ren_text(a->ren, cs.certified ? FONT_BOLD : FONT_SMALL, x, by, cs.certified ? THEME_GOOD : THEME_MUTED, line);
        bool certified = cs.certified;
        certify_status_free(&cs);
        if (certified) {
            SDL_Rect cert = {card.x + card.w - pad - ui_px(ui, 170), by - ui_px(ui, 8), ui_px(ui, 170), ui_px(ui, 34)};
            char lbl[200];
            snprintf(lbl, sizeof lbl, "Certificate %s", c->title);
            if (ui_button(ui, cert, "View certificate", BUTTON_SECONDARY)) {
                a->course = c;
                app_go(a, SCREEN_CERTIFICATE);
                return;
            }
            ui_register_target(ui, lbl, cert);
        }
        char label[200];
        snprintf(label, sizeof label, "Open %s", c->title);
        bool go = ui_button(ui, open, "Open", BUTTON_PRIMARY);
        ui_register_target(ui, label, card);
        if (go || ui_click_in(ui, card, NULL, NULL)) {
            a->course = c;
            a->modules.scroll = 0;
            a->modules.filter[0] = 0;
            app_go(a, SCREEN_MODULES);
        }
    }
    SDL_Rect rv = {m, y + rows * (ch + gap), all.w - 2 * m, rv_h};
    if (review_panel(a, rv, NULL))
        return;
    /* Ways into the material besides the courses (drawn after the cards so
     * Tab reaches the courses first). */
    int bx = all.w - m, bh2 = ui_px(ui, 38), by2 = ways_y;
    for (int i = 0; i < 4; i++) {
        if (!shown[i])
            continue;
        int w = ren_text_width(a->ren, FONT_BODY, labels[i]) + ui_px(ui, 28);
        bx -= w;
        SDL_Rect b = {bx, by2, w, bh2};
        bx -= ui_px(ui, 10);
        if (ui_button(ui, b, labels[i], BUTTON_SECONDARY)) {
            app_go(a, targets[i]);
            return;
        }
    }
    if (ui_button(ui, set, "Settings", BUTTON_QUIET))
        screen_settings_open(a);
}
