/* Instructor review, the locked page: the passphrase, or how to set one. */
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

/* ---- the passphrase ---------------------------------------------------------- */

/* The hash as the config file says now, so a passphrase set with `tpquiz
 * passwd` while the program runs counts without a restart; the one read
 * at start-up if the file cannot be read. */
char *instr_current_hash(const App *a)
{
    const char *path = a->cfg->path && *a->cfg->path ? a->cfg->path : paths_default_config();
    if (path) {
        Diag *d = diag_create();
        Config *c = config_load(path, paths_data_root(), d);
        diag_free(d);
        if (c) {
            char *h = instr_dup_str(c->instructor_hash);
            config_free(c);
            return h;
        }
    }
    return instr_dup_str(a->cfg->instructor_hash);
}

/* The exact command that sets the passphrase in this station's config. */
void instr_passwd_command(const App *a, char *buf, size_t size)
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
    instr_go_page(a, st, PAGE_REPORT);
    ui_focus_next_field(&a->ui); /* the folder: Enter opens it */
}

void instr_page_locked(App *a, State *st, SDL_Rect area)
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
    int card_h = in * 2 + instr_text_h(a, FONT_TITLE) + ui_px(ui, 12) + body_h;
    SDL_Rect card = {x, y, w, card_h};
    instr_panel(a, card);
    int cy = y + in;
    ren_text(a->ren, FONT_TITLE, x + in, cy, THEME_TEXT, set ? "Instructor sign-in" : "No instructor passphrase yet");
    cy += instr_text_h(a, FONT_TITLE) + ui_px(ui, 12);
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
            instr_leave(a);
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
        instr_leave(a);
}
