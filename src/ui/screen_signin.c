/* Sign-in: who is studying at this station. Returning learners pick their
 * name; a new learner gives a display name and a learner id (suggested from
 * the name). Each learner's progress, attempts and certificates are their
 * own: everything is kept per learner id. The instructor's review is
 * reached from here too, without signing in. */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "screen_exam.h"
#include "chrome.h"
#include "theme.h"

/* The state of the sign-in form, kept while the program runs. */
static struct {
    char new_name[LEARNER_NAME_MAX + 1];
    char new_id[LEARNER_ID_MAX + 1];
    bool id_edited;
    int scroll;
} signin_st;

static void create(App *a)
{
    const char *why = NULL;
    if (!learner_name_valid(signin_st.new_name, &why) || !learner_id_valid(signin_st.new_id, &why)) {
        snprintf(a->signin.error, sizeof a->signin.error, "%s", why ? why : "Check the name and id.");
        return;
    }
    for (int i = 0; i < a->signin.n_known; i++)
        if (!strcmp(a->signin.known[i].id, signin_st.new_id)) {
            snprintf(a->signin.error, sizeof a->signin.error,
                     "The id '%s' is taken on this station. Pick your name on the left, or choose another id.",
                     signin_st.new_id);
            return;
        }
    if (app_sign_in(a, signin_st.new_id, signin_st.new_name)) {
        signin_st.new_name[0] = signin_st.new_id[0] = 0;
        signin_st.id_edited = false;
        exam_resume_pending(a);
    }
}

void screen_signin(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    chrome_top_bar(a, "tpquiz", "Trigger point therapy courses", false, &area);
    int m = ui_px(ui, 40);
    int y = area.y + ui_px(ui, 28);
    ren_text(a->ren, FONT_TITLE, m, y, THEME_TEXT, "Who is studying?");
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 4);
    ren_text(a->ren, FONT_BODY, m, y, THEME_MUTED,
             "Your progress, quiz results, exams and certificates are kept under your learner id.");
    y += ren_text_height(a->ren, FONT_BODY) + ui_px(ui, 24);

    int gap = ui_px(ui, 24);
    int w = (all.w - 2 * m - gap) / 2;
    SDL_Rect left = {m, y, w, all.h - y - m};
    SDL_Rect right = {m + w + gap, y, w, ui_px(ui, 400)};

    /* Returning learners. */
    ren_fill_round_rect(a->ren, left, ui_px(ui, 10), THEME_PANEL);
    int pad = ui_px(ui, 22);
    ren_text(a->ren, FONT_HEADING, left.x + pad, left.y + pad, THEME_ACCENT_DARK, "Returning learner");
    int ly = left.y + pad + ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 12);
    SDL_Rect list = {left.x + pad, ly, left.w - 2 * pad, left.y + left.h - pad - ly};
    if (a->signin.n_known == 0) {
        ren_text_wrapped(a->ren, FONT_BODY, list.x, list.y, list.w, THEME_MUTED,
                         "Nobody has signed in on this station yet. Start as a new learner.", true, 0, all.h);
    } else {
        int row_h = ui_px(ui, 58), rg = ui_px(ui, 8);
        ui_scroll(ui, list, &signin_st.scroll, a->signin.n_known * (row_h + rg));
        ren_clip(a->ren, list);
        for (int i = 0; i < a->signin.n_known; i++) {
            SDL_Rect row = {list.x, list.y + i * (row_h + rg) - signin_st.scroll, list.w - ui_px(ui, 14), row_h};
            if (row.y + row.h < list.y || row.y > list.y + list.h)
                continue;
            bool hover = ui_hover(ui, row);
            ren_fill_round_rect(a->ren, row, ui_px(ui, 8), hover ? THEME_ACCENT : THEME_BORDER);
            SDL_Rect in = {row.x + 1, row.y + 1, row.w - 2, row.h - 2};
            ren_fill_round_rect(a->ren, in, ui_px(ui, 8), hover ? THEME_ACCENT_LIGHT : THEME_PANEL);
            int th = ren_text_height(a->ren, FONT_BOLD), sh = ren_text_height(a->ren, FONT_SMALL);
            int ty = row.y + (row.h - th - sh) / 2;
            ren_text_fit(a->ren, FONT_BOLD, row.x + ui_px(ui, 16), ty, row.w - ui_px(ui, 32), THEME_TEXT,
                         a->signin.known[i].name);
            char sub[200];
            snprintf(sub, sizeof sub, "%s%s", a->signin.known[i].id,
                     a->signin.known[i].intact ? "" : " \xC2\xB7 score file failed its integrity check");
            ren_text(a->ren, FONT_SMALL, row.x + ui_px(ui, 16), ty + th, a->signin.known[i].intact ? THEME_MUTED : THEME_BAD,
                     sub);
            char label[300];
            snprintf(label, sizeof label, "Sign in %s", a->signin.known[i].id);
            if (ui_clickable(ui, row, label)) {
                KnownLearner k = a->signin.known[i];
                if (app_sign_in(a, k.id, NULL))
                    exam_resume_pending(a);
                ren_unclip(a->ren);
                return;
            }
        }
        ren_unclip(a->ren);
    }

    /* New learner. */
    ren_fill_round_rect(a->ren, right, ui_px(ui, 10), THEME_PANEL);
    ren_text(a->ren, FONT_HEADING, right.x + pad, right.y + pad, THEME_ACCENT_DARK, "New learner");
    int fy = right.y + pad + ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 30);
    int fh = ui_px(ui, 40), fw = right.w - 2 * pad;
    SDL_Rect name = {right.x + pad, fy, fw, fh};
    int r1 = ui_text_field(ui, name, "Your name", signin_st.new_name, sizeof signin_st.new_name, "e.g. Anna Berg");
    if ((r1 & UI_FIELD_CHANGED) && !signin_st.id_edited)
        learner_suggest_id(signin_st.new_name, signin_st.new_id, sizeof signin_st.new_id);
    SDL_Rect id = {right.x + pad, fy + fh + ui_px(ui, 34), fw, fh};
    int r2 = ui_text_field(ui, id, "Learner id (lowercase letters, digits, . _ -)", signin_st.new_id, sizeof signin_st.new_id,
                           "e.g. anna.berg");
    if (r2 & UI_FIELD_CHANGED)
        signin_st.id_edited = true;
    int by = id.y + id.h + ui_px(ui, 20);
    /* As wide as its label in bold (the enabled look), at the larger text sizes too. */
    int gw = ren_text_width(a->ren, FONT_BOLD, "Start as new learner") + ui_px(ui, 40);
    if (gw > fw)
        gw = fw;
    SDL_Rect go = {right.x + right.w - pad - gw, by, gw, ui_px(ui, 44)};
    if (ui_button(ui, go, "Start as new learner", signin_st.new_name[0] ? BUTTON_PRIMARY : BUTTON_DISABLED) ||
        (((r1 | r2) & UI_FIELD_ENTER) && signin_st.new_name[0])) {
        create(a);
        a->redraw = true;
    }
    if (a->signin.error[0])
        ren_text_wrapped(a->ren, FONT_SMALL, right.x + pad, by + ui_px(ui, 54), fw, THEME_BAD, a->signin.error, true,
                         0, all.h);

    /* The instructor does not sign in as a learner: the review of every
     * learner's results is its own screen, behind its own passphrase. In
     * the top bar, and last in the Tab order (after the learner's fields). */
    const char *instr = "Instructor review";
    int iw = ren_text_width(a->ren, FONT_BODY, instr) + ui_px(ui, 32);
    SDL_Rect ib = {all.w - ui_px(ui, 20) - iw, ui_px(ui, 10), iw, ui_px(ui, 36)};
    if (ui_button(ui, ib, instr, BUTTON_SECONDARY)) {
        app_go(a, SCREEN_INSTRUCTOR);
        return;
    }
    SDL_Rect sb = {ib.x - ui_px(ui, 10) - ui_px(ui, 100), ib.y, ui_px(ui, 100), ib.h};
    if (ui_button(ui, sb, "Settings", BUTTON_QUIET))
        screen_settings_open(a);
}
