/* Settings: text size, full screen and reduce motion, for everyone at this
 * station (the data folder's settings file, core settings.c). Each choice
 * applies at once and is saved at once. tpquiz makes no sound, so there is
 * no sound setting. */
#include <stdio.h>

#include "app_state.h"
#include "chrome.h"
#include "theme.h"

static struct {
    ScreenId back; /* where Back leads */
    int scroll;
    char error[400]; /* why the last change could not be saved, "" if it was */
} set_st;

void screen_settings_open(App *a)
{
    set_st.back = a->screen == SCREEN_SETTINGS ? SCREEN_SIGNIN : a->screen;
    set_st.scroll = 0;
    set_st.error[0] = 0;
    app_go(a, SCREEN_SETTINGS);
}

void screen_settings_apply(App *a)
{
    if (a->win)
        SDL_SetWindowFullscreen(a->win, a->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    a->redraw = true;
}

static void save(App *a)
{
    screen_settings_apply(a);
    set_st.error[0] = 0;
    printf("settings: text_size=%d fullscreen=%s reduce_motion=%s\n", a->settings.text_size,
           a->settings.fullscreen ? "yes" : "no", a->settings.reduce_motion ? "yes" : "no");
    fflush(stdout);
    if (!a->settings_path) {
        snprintf(set_st.error, sizeof set_st.error, "There is no data folder: the settings apply until tpquiz closes.");
        return;
    }
    Diag *d = diag_create();
    if (settings_save(a->settings_path, &a->settings, d) != 0 && diag_count(d) > 0)
        diag_format(diag_item(d, 0), set_st.error, sizeof set_st.error);
    diag_print(d, stderr);
    diag_free(d);
}

/* A setting: its name, what it does (wrapped), and a row of choices, the
 * chosen one selected. Returns the height used; *clicked gets the index
 * of a choice clicked (else stays). */
static int setting(App *a, int x, int y, int w, const char *name, const char *about, const char *const *choices,
                   int n, int chosen, int *clicked, SDL_Rect clip)
{
    Ui *ui = &a->ui;
    int y0 = y;
    ren_text(a->ren, FONT_BOLD, x, y, THEME_TEXT, name);
    y += ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 4);
    y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, about, true, clip.y, clip.y + clip.h);
    y += ui_px(ui, 10);
    int bx = x, bh = ui_px(ui, 38);
    for (int i = 0; i < n; i++) {
        int bw = ren_text_width(a->ren, FONT_BODY, choices[i]) + ui_px(ui, 36);
        if (bx > x && bx + bw > x + w) { /* no room left on this row */
            bx = x;
            y += bh + ui_px(ui, 8);
        }
        SDL_Rect b = {bx, y, bw, bh};
        bool seen = b.y + b.h > clip.y && b.y < clip.y + clip.h;
        if (seen && ui_button(ui, b, choices[i], i == chosen ? BUTTON_SELECTED : BUTTON_SECONDARY))
            *clicked = i;
        bx += bw + ui_px(ui, 10);
    }
    y += bh;
    return y - y0;
}

void screen_settings(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    if (chrome_top_bar(a, "Settings", "For everyone at this station", true, &area)) {
        app_go(a, set_st.back);
        if (set_st.back == SCREEN_SIGNIN)
            ui_focus_next_field(ui); /* the name field, as when tpquiz starts */
        return;
    }
    int m = ui_px(ui, 32);
    int pw = all.w - 2 * m;
    if (pw > ui_px(ui, 760))
        pw = ui_px(ui, 760);
    SDL_Rect panel = {(all.w - pw) / 2, area.y + ui_px(ui, 20), pw, area.h - ui_px(ui, 40)};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    SDL_Rect inner = {panel.x + ui_px(ui, 24), panel.y + ui_px(ui, 20), panel.w - ui_px(ui, 48),
                      panel.h - ui_px(ui, 40)};
    ren_clip(a->ren, inner);
    int x = inner.x, w = inner.w - ui_px(ui, 14), y = inner.y - set_st.scroll, gap = ui_px(ui, 26);

    static const char *const sizes[SETTINGS_TEXT_SIZES] = {"90%", "100%", "115%", "130%"};
    int chosen = 1, clicked = -1;
    for (int i = 0; i < SETTINGS_TEXT_SIZES; i++)
        if (SETTINGS_TEXT_SIZE[i] == a->settings.text_size)
            chosen = i;
    y += setting(a, x, y, w, "Text size",
                 "Letters, buttons and the spaces between them grow or shrink together; charts keep their "
                 "shape and fit the window as before.",
                 sizes, SETTINGS_TEXT_SIZES, chosen, &clicked, inner) + gap;
    if (clicked >= 0 && SETTINGS_TEXT_SIZE[clicked] != a->settings.text_size) {
        a->settings.text_size = SETTINGS_TEXT_SIZE[clicked];
        set_st.scroll = 0;
        save(a);
    }

    static const char *const screen_choices[] = {"Window", "Full screen"};
    clicked = -1;
    y += setting(a, x, y, w, "Full screen", "tpquiz fills the whole screen, without the window's frame.",
                 screen_choices, 2, a->settings.fullscreen, &clicked, inner) + gap;
    if (clicked >= 0 && (clicked == 1) != a->settings.fullscreen) {
        a->settings.fullscreen = clicked == 1;
        save(a);
    }

    static const char *const motion_choices[] = {"Motion as usual", "Reduce motion"};
    clicked = -1;
    y += setting(a, x, y, w, "Reduce motion",
                 "Nothing in tpquiz slides, fades or flashes. With this on, the exam clock shows whole minutes "
                 "instead of counting seconds, until its last two minutes.",
                 motion_choices, 2, a->settings.reduce_motion, &clicked, inner);
    if (clicked >= 0 && (clicked == 1) != a->settings.reduce_motion) {
        a->settings.reduce_motion = clicked == 1;
        save(a);
    }
    if (set_st.error[0]) {
        y += gap;
        y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_BAD, set_st.error, true, inner.y,
                              inner.y + inner.h);
    }
    int content_h = y + set_st.scroll - inner.y;
    ren_unclip(a->ren);
    ui_scroll(ui, inner, &set_st.scroll, content_h);
}
