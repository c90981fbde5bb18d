#include "ui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "theme.h"

void ui_init(Ui *ui, Ren *ren)
{
    memset(ui, 0, sizeof *ui);
    ui->ren = ren;
    ui->scale = ui->pointer_scale = ren_scale(ren);
    ui->focus = -1;
    ui->mx = ui->my = -1;
}

static void scale_point(const Ui *ui, int x, int y, int *ox, int *oy)
{
    *ox = (int)lroundf((float)x * ui->pointer_scale);
    *oy = (int)lroundf((float)y * ui->pointer_scale);
}

void ui_event(Ui *ui, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_MOUSEMOTION:
        scale_point(ui, e->motion.x, e->motion.y, &ui->mx, &ui->my);
        ui->any_input = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_RIGHT || e->button.button == SDL_BUTTON_MIDDLE) {
            scale_point(ui, e->button.x, e->button.y, &ui->mx, &ui->my);
            ui->alt_down = ui->alt_pressed = true;
            ui->alt_press_x = ui->mx;
            ui->alt_press_y = ui->my;
            ui->any_input = true;
        }
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        scale_point(ui, e->button.x, e->button.y, &ui->mx, &ui->my);
        ui->down = true;
        ui->pressed = true;
        ui->press_x = ui->mx;
        ui->press_y = ui->my;
        ui->any_input = true;
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button == SDL_BUTTON_RIGHT || e->button.button == SDL_BUTTON_MIDDLE) {
            scale_point(ui, e->button.x, e->button.y, &ui->mx, &ui->my);
            ui->alt_down = false;
            ui->alt_released = true;
            ui->any_input = true;
        }
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        scale_point(ui, e->button.x, e->button.y, &ui->mx, &ui->my);
        ui->down = false;
        ui->released = true;
        ui->release_x = ui->mx;
        ui->release_y = ui->my;
        ui->any_input = true;
        break;
    case SDL_TEXTINPUT: {
        size_t n = strlen(ui->text), add = strlen(e->text.text);
        if (n + add < sizeof ui->text) {
            memcpy(ui->text + n, e->text.text, add + 1);
            ui->any_input = true;
        }
        break;
    }
    case SDL_MOUSEWHEEL:
        ui->wheel += e->wheel.y;
        ui->any_input = true;
        break;
    case SDL_KEYDOWN:
        if (e->key.keysym.sym == SDLK_TAB) {
            int n = ui->widget_count_last;
            if (n > 0) {
                bool back = (e->key.keysym.mod & KMOD_SHIFT) != 0;
                ui->focus = ui->focus < 0 ? (back ? n - 1 : 0) : (ui->focus + (back ? n - 1 : 1)) % n;
            }
        } else if (ui->n_keys < UI_MAX_KEYS) {
            ui->keys[ui->n_keys] = e->key.keysym.sym;
            ui->key_mods[ui->n_keys] = e->key.keysym.mod;
            ui->n_keys++;
        }
        ui->any_input = true;
        break;
    default:
        break;
    }
}

void ui_begin(Ui *ui, int width, int height)
{
    ui->width = width;
    ui->height = height;
    ui->widget_index = 0;
    ui->n_targets = 0;
    ui->activate_focus = false;
    if (ui->focus >= 0) {
        for (int i = 0; i < ui->n_keys; i++) {
            SDL_Keycode k = ui->keys[i];
            if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
                ui->activate_focus = true;
                ui->activate_key = k;
                ui->keys[i] = SDLK_UNKNOWN; /* consumed by the focused widget */
                break;
            }
        }
    }
}

void ui_end(Ui *ui)
{
    ui->widget_count_last = ui->widget_index;
    if (ui->focus >= ui->widget_count_last)
        ui->focus = -1;
    ui->pressed = ui->released = false;
    ui->alt_pressed = ui->alt_released = false;
    ui->wheel = 0;
    ui->n_keys = 0;
    ui->text[0] = 0;
    ui->any_input = false;
}

int ui_px(const Ui *ui, float points) { return (int)lroundf(points * ui->scale); }

static bool inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool ui_hover(const Ui *ui, SDL_Rect r) { return inside(r, ui->mx, ui->my); }

bool ui_click_in(Ui *ui, SDL_Rect r, int *x, int *y)
{
    if (ui->released && inside(r, ui->press_x, ui->press_y) &&
        inside(r, ui->release_x, ui->release_y)) {
        if (x)
            *x = ui->release_x;
        if (y)
            *y = ui->release_y;
        return true;
    }
    return false;
}

void ui_register_target(Ui *ui, const char *label, SDL_Rect r)
{
    if (ui->n_targets >= UI_MAX_TARGETS)
        return;
    UiTarget *t = &ui->targets[ui->n_targets++];
    snprintf(t->label, sizeof t->label, "%s", label);
    t->rect = r;
}

bool ui_find_target(const Ui *ui, const char *label, SDL_Rect *out)
{
    for (int i = 0; i < ui->n_targets; i++)
        if (!strcmp(ui->targets[i].label, label)) {
            *out = ui->targets[i].rect;
            return true;
        }
    for (int i = 0; i < ui->n_targets; i++)
        if (strstr(ui->targets[i].label, label)) {
            *out = ui->targets[i].rect;
            return true;
        }
    return false;
}

/* Registers a focusable widget; true if it is the focused one. */
static bool take_focus_slot(Ui *ui)
{
    return ui->widget_index++ == ui->focus;
}

static void focus_ring(Ui *ui, SDL_Rect r)
{
    int t = ui_px(ui, 2);
    SDL_Rect ring = {r.x - 2 * t, r.y - 2 * t, r.w + 4 * t, r.h + 4 * t};
    ren_rect(ui->ren, ring, t, THEME_FOCUS);
}

bool ui_clickable(Ui *ui, SDL_Rect r, const char *label)
{
    bool focused = take_focus_slot(ui);
    ui_register_target(ui, label, r);
    if (focused)
        focus_ring(ui, r);
    return ui_click_in(ui, r, NULL, NULL) || (focused && ui->activate_focus);
}

bool ui_button(Ui *ui, SDL_Rect r, const char *label, ButtonStyle style)
{
    bool disabled = style == BUTTON_DISABLED;
    bool focused = disabled ? false : take_focus_slot(ui);
    if (!disabled)
        ui_register_target(ui, label, r);
    bool hover = !disabled && ui_hover(ui, r);
    SDL_Color bg, fg, border;
    switch (style) {
    case BUTTON_PRIMARY:
        bg = hover ? THEME_ACCENT_DARK : THEME_ACCENT;
        fg = THEME_ON_ACCENT;
        border = bg;
        break;
    case BUTTON_SELECTED:
        bg = THEME_ACCENT_LIGHT;
        fg = THEME_ACCENT_DARK;
        border = THEME_ACCENT;
        break;
    case BUTTON_QUIET:
        bg = hover ? THEME_ACCENT_LIGHT : THEME_BG;
        fg = THEME_ACCENT_DARK;
        border = bg;
        break;
    case BUTTON_DISABLED:
        bg = THEME_PANEL_ALT;
        fg = THEME_MUTED;
        border = THEME_BORDER;
        break;
    default:
        bg = hover ? THEME_ACCENT_LIGHT : THEME_PANEL;
        fg = THEME_ACCENT_DARK;
        border = THEME_BORDER;
        break;
    }
    int rad = ui_px(ui, 6);
    ren_fill_round_rect(ui->ren, r, rad, border);
    int b = ui_px(ui, 1);
    SDL_Rect inner = {r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b};
    ren_fill_round_rect(ui->ren, inner, rad, bg);
    FontId f = style == BUTTON_PRIMARY ? FONT_BOLD : FONT_BODY;
    int pad = ui_px(ui, 10);
    int tw = ren_text_width(ui->ren, f, label);
    if (tw > r.w - 2 * pad)
        tw = r.w - 2 * pad;
    int th = ren_text_height(ui->ren, f);
    ren_text_fit(ui->ren, f, r.x + (r.w - tw) / 2, r.y + (r.h - th) / 2, r.w - 2 * pad, fg, label);
    if (focused)
        focus_ring(ui, r);
    if (disabled)
        return false;
    return ui_click_in(ui, r, NULL, NULL) || (focused && ui->activate_focus);
}

bool ui_key(Ui *ui, SDL_Keycode key)
{
    Uint16 mods;
    return ui_key_mods(ui, key, &mods);
}

bool ui_key_mods(Ui *ui, SDL_Keycode key, Uint16 *mods)
{
    for (int i = 0; i < ui->n_keys; i++)
        if (ui->keys[i] == key) {
            ui->keys[i] = SDLK_UNKNOWN;
            *mods = ui->key_mods[i];
            return true;
        }
    return false;
}

UiHeld ui_modal_begin(Ui *ui)
{
    UiHeld held = {ui->released, ui->activate_focus, ui->n_keys};
    ui->released = ui->activate_focus = false;
    ui->n_keys = 0;
    return held;
}

void ui_modal_end(Ui *ui, UiHeld held)
{
    ui->released = held.released;
    ui->activate_focus = held.activate_focus;
    ui->n_keys = held.n_keys;
    ren_layer_next(ui->ren); /* the dialog is drawn over the dimmed screen */
}

void ui_scroll(Ui *ui, SDL_Rect r, int *scroll, int content_h)
{
    int max = content_h - r.h;
    if (max < 0)
        max = 0;
    if (ui->wheel && ui_hover(ui, r)) {
        *scroll -= ui->wheel * ui_px(ui, 48);
        ui->wheel = 0;
    }
    if (*scroll > max)
        *scroll = max;
    if (*scroll < 0)
        *scroll = 0;
    ren_note_scroll(ui->ren, r);
    if (max > 0) {
        int w = ui_px(ui, 6);
        int track_h = r.h;
        int thumb_h = track_h * r.h / content_h;
        if (thumb_h < ui_px(ui, 24))
            thumb_h = ui_px(ui, 24);
        int thumb_y = r.y + (track_h - thumb_h) * *scroll / max;
        SDL_Rect track = {r.x + r.w - w, r.y, w, track_h};
        SDL_Rect thumb = {r.x + r.w - w, thumb_y, w, thumb_h};
        ren_fill_rect(ui->ren, track, THEME_PANEL_ALT);
        ren_fill_round_rect(ui->ren, thumb, w / 2, THEME_BORDER);
    }
}

void ui_focus_next_field(Ui *ui) { ui->focus_field_pending = true; }

/* Ctrl+V (Cmd+V on a Mac) this frame; consumes it. */
static bool has_paste_key(Ui *ui)
{
    for (int i = 0; i < ui->n_keys; i++)
        if (ui->keys[i] == SDLK_v && (ui->key_mods[i] & (KMOD_CTRL | KMOD_GUI))) {
            ui->keys[i] = SDLK_UNKNOWN;
            return true;
        }
    return false;
}

/* The field behind ui_text_field and ui_secret_field: secret draws one
 * bullet per character instead of the text. */
static int text_field(Ui *ui, SDL_Rect r, const char *label, char *buf, size_t size, const char *placeholder,
                      bool secret)
{
    int index = ui->widget_index;
    if (ui->focus_field_pending) {
        ui->focus = index;
        ui->focus_field_pending = false;
    }
    bool focused = take_focus_slot(ui);
    int lh = ren_text_height(ui->ren, FONT_SMALL);
    if (label && *label)
        ren_text(ui->ren, FONT_SMALL, r.x, r.y - lh - ui_px(ui, 4), THEME_MUTED, label);
    ui_register_target(ui, label && *label ? label : placeholder ? placeholder : "", r);
    if (ui_click_in(ui, r, NULL, NULL)) {
        ui->focus = index;
        focused = true;
    }
    bool changed = false, enter = false;
    if (focused) {
        enter = ui->activate_focus && ui->activate_key != SDLK_SPACE;
        size_t n = strlen(buf);
        /* Ctrl+V pastes the clipboard's first line (a folder path, say);
         * never into a secret field, whose text nobody should see there. */
        if (!secret && has_paste_key(ui) && SDL_HasClipboardText()) {
            char *clip = SDL_GetClipboardText();
            size_t k = clip ? strcspn(clip, "\r\n") : 0;
            size_t room = sizeof ui->text - 1 - strlen(ui->text);
            if (k > room)
                k = room;
            if (clip)
                strncat(ui->text, clip, k);
            SDL_free(clip);
        }
        for (const char *p = ui->text; *p; p++) {
            if (n + 1 < size) {
                buf[n++] = *p;
                changed = true;
            }
        }
        /* Never leave half a UTF-8 character at the end: a full field can
         * cut a multi-byte character after any of its bytes, so drop a last
         * sequence shorter than its lead byte announces. */
        size_t lead = n;
        while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
            lead--;
        if (lead > 0) {
            unsigned char c = (unsigned char)buf[lead - 1];
            size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (n - (lead - 1) < want)
                n = lead - 1;
        }
        buf[n] = 0;
        if (ui_key(ui, SDLK_BACKSPACE) && n > 0) {
            do
                n--;
            while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
            buf[n] = 0;
            changed = true;
        }
        ui->text[0] = 0; /* consumed */
    }
    ren_fill_round_rect(ui->ren, r, ui_px(ui, 6), focused ? THEME_ACCENT : THEME_BORDER);
    int b = ui_px(ui, focused ? 2 : 1);
    SDL_Rect in = {r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b};
    ren_fill_round_rect(ui->ren, in, ui_px(ui, 6), THEME_PANEL);
    int th = ren_text_height(ui->ren, FONT_BODY);
    int pad = ui_px(ui, 10);
    int tw = 0;
    char bullets[3 * 64 + 1];
    const char *shown = buf;
    if (secret) {
        /* One bullet (U+2022) per UTF-8 character, at most 64 of them. */
        size_t k = 0;
        for (const char *p = buf; *p && k + 3 < sizeof bullets; p++)
            if (((unsigned char)*p & 0xC0) != 0x80) {
                memcpy(bullets + k, "\xE2\x80\xA2", 3);
                k += 3;
            }
        bullets[k] = 0;
        shown = bullets;
    }
    if (buf[0])
        tw = ren_text_may_ellipsise(ui->ren, FONT_BODY, r.x + pad, r.y + (r.h - th) / 2, r.w - 2 * pad, THEME_TEXT, shown);
    else if (placeholder)
        ren_text_fit(ui->ren, FONT_BODY, r.x + pad, r.y + (r.h - th) / 2, r.w - 2 * pad, THEME_MUTED, placeholder);
    if (focused) {
        SDL_Rect caret = {r.x + pad + tw + 1, r.y + (r.h - th) / 2, ui_px(ui, 2), th};
        ren_fill_rect(ui->ren, caret, THEME_ACCENT);
    }
    return (changed ? UI_FIELD_CHANGED : 0) | (enter ? UI_FIELD_ENTER : 0);
}

int ui_text_field(Ui *ui, SDL_Rect r, const char *label, char *buf, size_t size, const char *placeholder)
{
    return text_field(ui, r, label, buf, size, placeholder, false);
}

int ui_secret_field(Ui *ui, SDL_Rect r, const char *label, char *buf, size_t size, const char *placeholder)
{
    return text_field(ui, r, label, buf, size, placeholder, true);
}
