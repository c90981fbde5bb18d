/* chart_view: see chart_view.h. The maths (zoom about a point, clamping)
 * is core's layout.c; this file turns input into it and keeps the state. */
#include "chart_view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chrome.h"
#include "screens.h"
#include "theme.h"

#define ZOOM_STEP 1.25      /* one wheel notch or key press */
#define DRAG_POINTS 6.0f    /* a press moving further is a drag, not a click */
#define ARROW_FRACTION 0.15 /* of the area a key press pans (Shift: 3 times) */

static PixelRect pixels(SDL_Rect r)
{
    return (PixelRect){r.x, r.y, r.w, r.h};
}

static bool inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static ChartViewState *state_for(ChartViews *cv, const void *owner, const char *view)
{
    cv->tick++;
    ChartViewState *oldest = &cv->s[0];
    for (int i = 0; i < CHART_VIEW_STATES; i++) {
        ChartViewState *s = &cv->s[i];
        if (s->owner == owner && !strcmp(s->view, view)) {
            s->used = cv->tick;
            return s;
        }
        if (!s->owner || (oldest->owner && s->used < oldest->used))
            oldest = s;
    }
    if (cv->drag == oldest)
        cv->drag = NULL;
    memset(oldest, 0, sizeof *oldest);
    oldest->owner = owner;
    snprintf(oldest->view, sizeof oldest->view, "%s", view);
    oldest->used = cv->tick;
    return oldest;
}

/* The zoom a state shows in area: the learner's, else its opening view. */
static LayoutZoom current_zoom(const ChartViewState *s, SDL_Rect area, RectD full, const RectD *focus)
{
    if (s->custom)
        return s->z;
    if (focus && !s->whole)
        return layout_zoom_of_focus(pixels(area), full, *focus);
    return (LayoutZoom){1.0, {full.x + full.w / 2, full.y + full.h / 2}};
}

/* The controls along the top right of the area: the toggle rightmost, then
 * zoom in, the level, zoom out and Reset view. */
static void place_controls(App *a, SDL_Rect area, bool toggle)
{
    ChartViews *cv = &a->views;
    Ui *ui = &a->ui;
    int h = ui_px(ui, 34), gap = ui_px(ui, 4), sq = h;
    int x = area.x + area.w;
    if (toggle) {
        int tw = ren_text_width(a->ren, FONT_BODY, "Whole body") + ui_px(ui, 28);
        x -= tw;
        cv->b_toggle = (SDL_Rect){x, area.y, tw, h};
        x -= ui_px(ui, 10);
    } else {
        cv->b_toggle = (SDL_Rect){0, 0, 0, 0};
    }
    x -= sq;
    cv->b_in = (SDL_Rect){x, area.y, sq, h};
    int lw = ren_text_width(a->ren, FONT_SMALL, "1200%") + ui_px(ui, 12);
    x -= lw + gap;
    cv->b_level = (SDL_Rect){x, area.y, lw, h};
    x -= sq + gap;
    cv->b_out = (SDL_Rect){x, area.y, sq, h};
    int rw = ren_text_width(a->ren, FONT_BODY, "Reset view") + ui_px(ui, 24);
    x -= rw + gap;
    cv->b_reset = (SDL_Rect){x, area.y, rw, h};
    cv->controls = (SDL_Rect){x, area.y, area.x + area.w - x, h};
}

/* Wheel, keys and drags for state s; true if its view changed. */
static bool apply_input(App *a, ChartViewState *s, SDL_Rect area, RectD full, const RectD *focus, int flags)
{
    ChartViews *cv = &a->views;
    Ui *ui = &a->ui;
    PixelRect pa = pixels(area);
    LayoutZoom z = current_zoom(s, area, full, focus);
    bool zoomed = false, moved = false;
    bool pointer_in = inside(area, ui->mx, ui->my);
    if (ui->wheel && pointer_in) {
        z = layout_zoom_about(pa, full, z, pow(ZOOM_STEP, ui->wheel), ui->mx + 0.5, ui->my + 0.5);
        ui->wheel = 0; /* the wheel over a chart zooms it and scrolls nothing else */
        zoomed = true;
    }
    double kx = pointer_in ? ui->mx + 0.5 : area.x + area.w / 2.0;
    double ky = pointer_in ? ui->my + 0.5 : area.y + area.h / 2.0;
    static const SDL_Keycode in_keys[] = {SDLK_PLUS, SDLK_EQUALS, SDLK_KP_PLUS};
    static const SDL_Keycode out_keys[] = {SDLK_MINUS, SDLK_KP_MINUS};
    for (int k = 0; k < 3; k++)
        while (ui_key(ui, in_keys[k])) {
            z = layout_zoom_about(pa, full, z, ZOOM_STEP, kx, ky);
            zoomed = true;
        }
    for (int k = 0; k < 2; k++)
        while (ui_key(ui, out_keys[k])) {
            z = layout_zoom_about(pa, full, z, 1 / ZOOM_STEP, kx, ky);
            zoomed = true;
        }
    if (flags & CHART_VIEW_ARROWS) {
        static const SDL_Keycode arrows[4] = {SDLK_LEFT, SDLK_RIGHT, SDLK_UP, SDLK_DOWN};
        for (int k = 0; k < 4; k++) {
            Uint16 mods;
            while (ui_key_mods(ui, arrows[k], &mods)) {
                double step = ARROW_FRACTION * (k < 2 ? area.w : area.h) * ((mods & KMOD_SHIFT) ? 3 : 1);
                /* The key moves the view that way: the chart the other way. */
                z = layout_zoom_pan(pa, full, z,
                                    k == 0   ? step
                                    : k == 1 ? -step
                                             : 0,
                                    k == 2   ? step
                                    : k == 3 ? -step
                                             : 0);
                moved = true;
            }
        }
    }
    /* A press on the chart (not on its controls) may become a drag. */
    bool left_ok = !(flags & CHART_VIEW_PAINT);
    if (ui->pressed && left_ok && inside(area, ui->press_x, ui->press_y) &&
        !inside(cv->controls, ui->press_x, ui->press_y)) {
        cv->drag = s;
        cv->drag_alt = false;
        cv->drag_moved = false;
        cv->drag_x = ui->press_x;
        cv->drag_y = ui->press_y;
        cv->drag_from = z;
    } else if (ui->alt_pressed && inside(area, ui->alt_press_x, ui->alt_press_y)) {
        cv->drag = s;
        cv->drag_alt = true;
        cv->drag_moved = false;
        cv->drag_x = ui->alt_press_x;
        cv->drag_y = ui->alt_press_y;
        cv->drag_from = z;
    }
    if (cv->drag == s && !ui->down && !ui->released && !ui->alt_down && !ui->alt_released)
        cv->drag = NULL; /* its release went unseen (the chart was not on screen) */
    if (cv->drag == s) {
        bool released = cv->drag_alt ? ui->alt_released : ui->released;
        bool down = cv->drag_alt ? ui->alt_down : ui->down;
        int x = !cv->drag_alt && released ? ui->release_x : ui->mx;
        int y = !cv->drag_alt && released ? ui->release_y : ui->my;
        float dx = (float)(x - cv->drag_x), dy = (float)(y - cv->drag_y);
        float limit = DRAG_POINTS * ui->scale;
        if (dx * dx + dy * dy > limit * limit)
            cv->drag_moved = true;
        if (cv->drag_moved) {
            z = layout_zoom_pan(pa, full, cv->drag_from, dx, dy);
            moved = true;
        }
        if (released || !down) {
            /* The release of a drag is no click on whatever lies under it. */
            if (cv->drag_moved && !cv->drag_alt)
                ui->released = false;
            cv->drag = NULL;
        }
    }
    if (ui_key(ui, SDLK_0) || ui_key(ui, SDLK_KP_0)) {
        s->custom = false;
        s->whole = false;
        return true;
    }
    if (zoomed || moved) {
        s->custom = true;
        s->z = layout_zoom_clamp(pa, full, z);
        if (zoomed)
            chart_cache_refine_later(a->charts);
        return true;
    }
    return false;
}

ChartLayout chart_view_layout(App *a, const void *owner, const View *v, SDL_Rect area, const RectD *focus,
                              int flags)
{
    ChartViews *cv = &a->views;
    ChartViewState *s = state_for(cv, owner, v->name);
    place_controls(a, area, focus != NULL && !(flags & CHART_VIEW_NO_TOGGLE));
    RectD full = v->viewbox;
    /* Input is applied before the layout: this frame already shows it. */
    apply_input(a, s, area, full, focus, flags);
    ChartLayout l = chart_layout_zoomed(area, full, current_zoom(s, area, full, focus));
    chrome_note_chart(a, v->name, &l);
    cv->cur = s;
    cv->cur_layout = l;
    cv->cur_has_focus = focus != NULL;
    if (focus)
        cv->cur_focus = *focus;
    cv->cur_flags = flags;
    return l;
}

bool chart_view_on_controls(const App *a, int x, int y)
{
    return a->views.cur && inside(a->views.controls, x, y);
}

void chart_view_reveal(App *a, Vec2 p)
{
    ChartViews *cv = &a->views;
    ChartViewState *s = cv->cur;
    const ChartLayout *l = &cv->cur_layout;
    if (!s)
        return;
    RectD vb = l->viewbox;
    double mx = vb.w * 0.1, my = vb.h * 0.1;
    if (p.x >= vb.x + mx && p.x <= vb.x + vb.w - mx && p.y >= vb.y + my && p.y <= vb.y + vb.h - my)
        return;
    PixelRect pa = pixels(l->area);
    LayoutZoom z = current_zoom(s, l->area, l->full, cv->cur_has_focus ? &cv->cur_focus : NULL);
    double dx = 0, dy = 0;
    if (p.x < vb.x + mx)
        dx = (vb.x + mx - p.x) * l->scale;
    else if (p.x > vb.x + vb.w - mx)
        dx = (vb.x + vb.w - mx - p.x) * l->scale;
    if (p.y < vb.y + my)
        dy = (vb.y + my - p.y) * l->scale;
    else if (p.y > vb.y + vb.h - my)
        dy = (vb.y + vb.h - my - p.y) * l->scale;
    LayoutZoom n = layout_zoom_pan(pa, l->full, z, dx, dy);
    if (n.center.x != z.center.x || n.center.y != z.center.y || !s->custom) {
        s->z = n;
        s->custom = true;
        a->redraw = true;
    }
}

void chart_view_controls(App *a)
{
    ChartViews *cv = &a->views;
    ChartViewState *s = cv->cur;
    if (!s)
        return;
    Ui *ui = &a->ui;
    const ChartLayout *l = &cv->cur_layout;
    double zoom = s->custom ? s->z.zoom : l->scale / chart_layout(l->area, l->full).scale;
    bool at_opening = !s->custom && !s->whole;
    bool can_in = zoom<LAYOUT_ZOOM_MAX - 1e-9, can_out = zoom> LAYOUT_ZOOM_MIN + 1e-9;
    int level = (int)lround(zoom * 100);
    PixelRect pa = pixels(l->area);
    LayoutZoom z = current_zoom(s, l->area, l->full, cv->cur_has_focus ? &cv->cur_focus : NULL);
    double cx = l->area.x + l->area.w / 2.0, cy = l->area.y + l->area.h / 2.0;

    if (ui_button(ui, cv->b_reset, "Reset view", at_opening ? BUTTON_DISABLED : BUTTON_SECONDARY)) {
        s->custom = false;
        s->whole = false;
        a->redraw = true;
    }
    bool out = ui_button(ui, cv->b_out, "\xE2\x88\x92", can_out ? BUTTON_SECONDARY : BUTTON_DISABLED);
    ui_register_target(ui, "Zoom out", cv->b_out);
    char text[16];
    snprintf(text, sizeof text, "%d%%", level);
    ren_fill_round_rect(a->ren, cv->b_level, ui_px(ui, 6), COLA(255, 255, 255, 230));
    int th = ren_text_height(a->ren, FONT_SMALL);
    ren_text(a->ren, FONT_SMALL,
             cv->b_level.x + (cv->b_level.w - ren_text_width(a->ren, FONT_SMALL, text)) / 2,
             cv->b_level.y + (cv->b_level.h - th) / 2, THEME_TEXT, text);
    bool in = ui_button(ui, cv->b_in, "+", can_in ? BUTTON_SECONDARY : BUTTON_DISABLED);
    ui_register_target(ui, "Zoom in", cv->b_in);
    if (in || out) {
        s->z = layout_zoom_about(pa, l->full, z, in ? ZOOM_STEP : 1 / ZOOM_STEP, cx, cy);
        s->custom = true;
        chart_cache_refine_later(a->charts);
        a->redraw = true;
    }
    if (cv->b_toggle.w > 0) {
        /* Zoomed in from the whole chart reads as a close-up already. */
        bool whole_now = s->custom ? zoom <= 1.0 + 1e-9 : s->whole;
        if (ui_button(ui, cv->b_toggle, whole_now ? "Close-up" : "Whole body", BUTTON_SECONDARY)) {
            s->whole = !whole_now;
            s->custom = false;
            a->redraw = true;
        }
    }
    /* How to move it, under the controls, while it can be moved. */
    if (zoom > 1.0 + 1e-9) {
        const char *hint =
            (cv->cur_flags & CHART_VIEW_PAINT)
                ? (cv->cur_flags & CHART_VIEW_ARROWS ? "Right-drag or arrow keys move the chart"
                                                     : "Right-drag moves the chart")
                : (cv->cur_flags & CHART_VIEW_ARROWS ? "Drag or arrow keys move the chart"
                                                     : "Drag to move the chart");
        int w = ren_text_width(a->ren, FONT_SMALL, hint) + ui_px(ui, 12);
        SDL_Rect back = {l->area.x + l->area.w - w, cv->controls.y + cv->controls.h + ui_px(ui, 4), w,
                         th + ui_px(ui, 6)};
        ren_fill_round_rect(a->ren, back, ui_px(ui, 5), COLA(255, 255, 255, 220));
        ren_text(a->ren, FONT_SMALL, back.x + ui_px(ui, 6), back.y + ui_px(ui, 3), THEME_MUTED, hint);
    }
}
