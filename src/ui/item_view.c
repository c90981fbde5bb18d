/* item_view: see item_view.h. */
#include "item_view.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "diagnose.h"
#include "theme.h"

/* The keyboard way to answer a chart item: the arrow keys move a crosshair
 * (1% of the view's width a press, 5% with Shift), Enter places the answer
 * there. Returns true with *click when placed. */
static bool keyboard_crosshair(App *a, const Item *it, const ChartLayout *l, Vec2 *click)
{
    Ui *ui = &a->ui;
    if (a->cross.session != a->run.session || a->cross.item != it || !a->cross.on) {
        /* A new item: the crosshair starts hidden, at the chart's centre. */
        if (a->cross.session != a->run.session || a->cross.item != it) {
            a->cross.on = false;
            a->cross.session = a->run.session;
            a->cross.item = it;
        }
        a->cross.at = (Vec2){l->viewbox.x + l->viewbox.w / 2, l->viewbox.y + l->viewbox.h / 2};
    }
    bool moved = false;
    static const SDL_Keycode keys[4] = {SDLK_LEFT, SDLK_RIGHT, SDLK_UP, SDLK_DOWN};
    for (int k = 0; k < 4; k++) {
        Uint16 mods;
        while (ui_key_mods(ui, keys[k], &mods)) {
            double step = l->viewbox.w * ((mods & KMOD_SHIFT) ? 0.05 : 0.01);
            if (a->cross.on) {
                a->cross.at.x += k == 0 ? -step : k == 1 ? step : 0;
                a->cross.at.y += k == 2 ? -step : k == 3 ? step : 0;
            }
            a->cross.on = true;
            a->redraw = true;
            moved = true;
        }
    }
    /* Anywhere on the view: a zoomed chart follows the crosshair. */
    RectD vb = l->full;
    a->cross.at.x = a->cross.at.x < vb.x ? vb.x : a->cross.at.x > vb.x + vb.w ? vb.x + vb.w : a->cross.at.x;
    a->cross.at.y = a->cross.at.y < vb.y ? vb.y : a->cross.at.y > vb.y + vb.h ? vb.y + vb.h : a->cross.at.y;
    if (!a->cross.on)
        return false;
    if (moved)
        chart_view_reveal(a, a->cross.at);
    SDL_FPoint p = chart_to_screen(l, a->cross.at);
    float s = ui->scale, arm = 16 * s;
    SDL_Color c = THEME_FOCUS;
    ren_line(a->ren, p.x - arm, p.y, p.x - 4 * s, p.y, 2 * s, c);
    ren_line(a->ren, p.x + 4 * s, p.y, p.x + arm, p.y, 2 * s, c);
    ren_line(a->ren, p.x, p.y - arm, p.x, p.y - 4 * s, 2 * s, c);
    ren_line(a->ren, p.x, p.y + 4 * s, p.x, p.y + arm, 2 * s, c);
    ren_circle(a->ren, p.x, p.y, 10 * s, 1.5f * s, c);
    const char *hint = "Arrow keys move the crosshair (Shift: faster), Enter answers";
    SDL_Rect back = {l->area.x + ui_px(ui, 6), l->area.y + l->area.h - ui_px(ui, 34) - ren_text_height(a->ren, FONT_SMALL),
                     ren_text_width(a->ren, FONT_SMALL, hint) + ui_px(ui, 16), ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 8)};
    ren_fill_round_rect(a->ren, back, ui_px(ui, 6), COLA(255, 255, 255, 235));
    ren_text(a->ren, FONT_SMALL, back.x + ui_px(ui, 8), back.y + ui_px(ui, 4), THEME_TEXT, hint);
    if (ui_key(ui, SDLK_RETURN) || ui_key(ui, SDLK_KP_ENTER)) {
        *click = a->cross.at;
        a->cross.on = false;
        return true;
    }
    return false;
}

/* The charts' legend along the bottom of area; returns the rest, for the chart. */
static SDL_Rect legend_below(App *a, SDL_Rect area)
{
    int h = chart_legend_height(a->ren), gap = ui_px(&a->ui, 8);
    if (area.h < 4 * h)
        return area; /* no room: the chart comes first */
    chart_draw_legend(a->ren, (SDL_Rect){area.x + ui_px(&a->ui, 4), area.y + area.h - h, area.w - ui_px(&a->ui, 8), h});
    area.h -= h + gap;
    return area;
}

bool item_view_chart(App *a, const Item *it, const Answer *an, SDL_Rect area, bool reveal, bool accept,
                     Vec2 *click)
{
    const View *v = library_find_view(a->lib, it->view);
    if (!v || !v->ok) {
        ren_text(a->ren, FONT_BODY, area.x, area.y, THEME_BAD, "This chart could not be loaded.");
        return false;
    }
    area = legend_below(a, area);
    /* Before the answer the arrow keys move the crosshair. */
    ChartLayout l = chrome_chart_layout(a, it->module, v, area, accept ? 0 : CHART_VIEW_ARROWS);
    ren_clip(a->ren, area);
    chart_draw_svg(a->charts, v->path, &l);
    const char *overlay = module_overlay(it->module, it->view);
    if (overlay)
        chart_draw_overlay(a->charts, overlay, &l, module_view_is_deep(it->module, it->view), a->ui.scale);
    float s = a->ui.scale;
    const Module *m = it->module;
    if (it->type == ITEM_REVERSE) {
        /* The question is the pattern: always on show. */
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < m->n_zones; i++) {
                const Zone *z = &m->zones[i];
                if (z->tp == it->tp && !strcmp(z->view, it->view) && (pass == 0) == (z->kind == ZONE_SPILLOVER))
                    chart_draw_zone(a->ren, &l, z, a->ui.scale);
            }
    }
    if (an->answered && !reveal) {
        chart_draw_click(a->ren, &l, an->click, THEME_MARKER, s);
    } else if (an->answered) {
        if (it->type == ITEM_ZONE_CLICK) {
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < m->n_zones; i++) {
                    const Zone *z = &m->zones[i];
                    if (z->tp != it->tp || strcmp(z->view, it->view) ||
                        (pass == 0) != (z->kind == ZONE_SPILLOVER))
                        continue;
                    chart_draw_zone(a->ren, &l, z, s);
                }
            if (!strcmp(m->tps[it->tp].view, it->view))
                chart_draw_tp(a->ren, &l, &m->tps[it->tp], COL(0x11, 0x11, 0x11), false, s);
        } else {
            const TriggerPoint *tp = &m->tps[it->tp];
            Vec2 others[2] = {an->click, an->click};
            if (it->type == ITEM_REVERSE && an->reverse.module &&
                (an->reverse.module != m || an->reverse.tp != it->tp)) {
                /* Another point with the same pattern earned the credit. */
                const TriggerPoint *other = &an->reverse.module->tps[an->reverse.tp];
                chart_draw_tp(a->ren, &l, other, THEME_PARTIAL, true, s);
                others[1] = other->at;
            }
            chart_draw_tp(a->ren, &l, tp, THEME_GOOD, true, s);
            /* The label keeps clear of the learner's click and the buttons. */
            SDL_Rect avoid[3];
            int n_avoid = chart_sides_rects(a->ren, &l, it->view, avoid);
            if (a->views.cur && a->views.controls.w > 0)
                avoid[n_avoid++] = a->views.controls;
            const char *text = tp->label;
            ChartMarks around = {others, 2, avoid, n_avoid, NULL, 0};
            chart_draw_labels(a->ren, &l, &tp->at, &text, 1, &around, s);
        }
        chart_draw_click(a->ren, &l, an->click, THEME_MARKER, s);
    }
    ren_unclip(a->ren);
    chart_draw_sides(a->ren, &l, it->view);
    bool on_toggle = a->ui.released && chart_view_on_controls(a, a->ui.release_x, a->ui.release_y);
    chrome_zoom_button(a);
    int x, y;
    if (accept && !on_toggle && ui_click_in(&a->ui, l.image, &x, &y)) {
        a->cross.on = false;
        *click = chart_to_image(&l, x, y);
        return true;
    }
    if (accept)
        return keyboard_crosshair(a, it, &l, click);
    return false;
}

/* Options as full-width cards with wrapped text. Before the answer they
 * toggle; after it, the right ones are marked ✓ in green and wrong picks ✗
 * in red (shape as well as colour). */
bool item_view_options(App *a, const Item *it, const Answer *an, bool *sel, SDL_Rect area, bool reveal,
                       bool accept)
{
    bool changed = false;
    Ui *ui = &a->ui;
    int y = area.y;
    int gap = ui_px(ui, 10), pad = ui_px(ui, 14), badge = ui_px(ui, 30);
    int text_x = area.x + pad + badge + ui_px(ui, 14);
    int tag_w = an->answered && reveal ? ren_text_width(a->ren, FONT_SMALL, "Your answer") + ui_px(ui, 16) : 0;
    int text_w = area.x + area.w - pad - text_x - tag_w;
    int lh = ren_text_height(a->ren, FONT_BODY);
    for (int i = 0; i < it->n_options; i++) {
        int th = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, text_w, THEME_TEXT, it->options[i], false, 0, 0);
        int h = th + 2 * pad;
        if (h < badge + 2 * pad)
            h = badge + 2 * pad;
        SDL_Rect r = {area.x, y, area.w, h};
        /* Numbered as the keys that choose them (1 to SESSION_MAX_OPTIONS). */
        char number[12];
        snprintf(number, sizeof number, "%d", i + 1);
        bool chosen = accept || !an->answered ? sel[i] : an->chosen[i];
        bool right = it->option_correct[i];
        SDL_Color border = THEME_BORDER, bg = THEME_PANEL, fg = THEME_TEXT, badge_bg = THEME_PANEL_ALT,
                  badge_fg = THEME_ACCENT_DARK;
        const char *mark = number;
        if (accept) {
            char label[600];
            snprintf(label, sizeof label, "%s. %s", number, it->options[i]);
            if (ui_clickable(ui, r, label) || ui_key(ui, (SDL_Keycode)('1' + i)) ||
                ui_key(ui, (SDL_Keycode)(SDLK_KP_1 + i))) {
                if (it->type == ITEM_CHOICE)
                    memset(sel, 0, sizeof *sel * SESSION_MAX_OPTIONS);
                sel[i] = it->type == ITEM_CHOICE ? true : !chosen;
                changed = true;
            }
            if (chosen) {
                border = THEME_ACCENT;
                bg = THEME_ACCENT_LIGHT;
                badge_bg = THEME_ACCENT;
                badge_fg = THEME_ON_ACCENT;
            } else if (ui_hover(ui, r)) {
                border = THEME_ACCENT;
            }
        } else if (!reveal) {
            if (chosen) {
                border = THEME_ACCENT;
                bg = THEME_ACCENT_LIGHT;
                badge_bg = THEME_ACCENT;
                badge_fg = THEME_ON_ACCENT;
            } else {
                fg = THEME_MUTED;
            }
        } else if (right && chosen) {
            border = THEME_GOOD;
            bg = THEME_GOOD_LIGHT;
            badge_bg = THEME_GOOD;
            badge_fg = THEME_ON_ACCENT;
            mark = "\xE2\x9C\x93";
        } else if (right) {
            /* A right option the learner did not pick: outlined, not filled. */
            border = THEME_GOOD;
            badge_bg = THEME_GOOD_LIGHT;
            badge_fg = THEME_GOOD;
            mark = "\xE2\x9C\x93";
        } else if (chosen) {
            border = THEME_BAD;
            bg = THEME_BAD_LIGHT;
            badge_bg = THEME_BAD;
            badge_fg = THEME_ON_ACCENT;
            mark = "\xE2\x9C\x97";
        } else {
            fg = THEME_MUTED;
        }
        int bw = chosen || (an->answered && reveal && right) ? ui_px(ui, 2) : ui_px(ui, 1);
        ren_fill_round_rect(a->ren, r, ui_px(ui, 8), border);
        SDL_Rect in = {r.x + bw, r.y + bw, r.w - 2 * bw, r.h - 2 * bw};
        ren_fill_round_rect(a->ren, in, ui_px(ui, 8), bg);
        SDL_Rect b = {r.x + pad, r.y + (r.h - badge) / 2, badge, badge};
        ren_fill_round_rect(a->ren, b, badge / 2, badge_bg);
        int mw = ren_text_width(a->ren, FONT_BOLD, mark);
        ren_text(a->ren, FONT_BOLD, b.x + (badge - mw) / 2, b.y + (badge - lh) / 2, badge_fg, mark);
        ren_text_wrapped(a->ren, FONT_BODY, text_x, r.y + (r.h - th) / 2, text_w, fg, it->options[i], true, 0,
                         ui->height);
        if (an->answered && reveal && (chosen || right)) {
            const char *tag = chosen ? "Your answer" : "Missed";
            int tw = ren_text_width(a->ren, FONT_SMALL, tag);
            int sh = ren_text_height(a->ren, FONT_SMALL);
            ren_text(a->ren, FONT_SMALL, r.x + r.w - pad - tw, r.y + (r.h - sh) / 2,
                     right ? THEME_GOOD : THEME_BAD, tag);
        }
        y += h + gap;
    }
    return changed;
}


bool item_is_click(const Item *it)
{
    return it->type == ITEM_LOCATE_TP || it->type == ITEM_ZONE_CLICK || it->type == ITEM_REVERSE;
}

bool item_is_workspace(const Item *it)
{
    return it->type == ITEM_ZONE_PAINT || it->type == ITEM_LOCATE_ALL;
}

bool item_view_work_ready(const App *a)
{
    return a->work.item && (a->work.item->type == ITEM_LOCATE_ALL ? a->work.n_marks > 0
                                                                   : a->work.canvas_ok &&
                                                                         paint_count(&a->work.canvas) > 0);
}

/* Starts the work afresh (or from the answer) when the item changed. */
static void sync_work(App *a, const Item *it, const Answer *an, const View *v)
{
    if (a->work.session == a->run.session && a->work.item == it)
        return;
    a->work.session = a->run.session;
    a->work.item = it;
    a->work.n_marks = 0;
    if (a->work.canvas_ok)
        paint_free(&a->work.canvas);
    a->work.canvas_ok = false;
    if (it->type == ITEM_ZONE_PAINT) {
        a->work.canvas_ok = paint_init(&a->work.canvas, v->viewbox);
        const Grid *g = &a->work.canvas.grid;
        if (a->work.canvas_ok && an->answered && an->painted && an->grid.cols == g->cols && an->grid.rows == g->rows)
            memcpy(a->work.canvas.cells, an->painted, (size_t)g->cols * (size_t)g->rows);
    } else if (an->answered && an->clicks) {
        for (int i = 0; i < an->n_clicks && i < 64; i++)
            a->work.marks[a->work.n_marks++] = an->clicks[i];
    }
}

static void draw_mark(App *a, const ChartLayout *l, Vec2 p, int number, SDL_Color c)
{
    SDL_FPoint s = chart_to_screen(l, p);
    float k = a->ui.scale;
    ren_fill_circle(a->ren, s.x, s.y, 11 * k, c);
    ren_circle(a->ren, s.x, s.y, 11 * k, 2 * k, COL(255, 255, 255));
    char num[12];
    snprintf(num, sizeof num, "%d", number);
    int w = ren_text_width(a->ren, FONT_SMALL, num), h = ren_text_height(a->ren, FONT_SMALL);
    ren_text(a->ren, FONT_SMALL, (int)(s.x - (float)w / 2), (int)(s.y - (float)h / 2), COL(255, 255, 255), num);
}

/* The brush sizes, Erase, Undo and Clear in row; true if the painting
 * changed. */
static bool paint_tools(App *a, PaintCanvas *p, const View *v, SDL_Rect row)
{
    Ui *ui = &a->ui;
    bool changed = false;
    int bx = row.x, by = row.y, bh = row.h;
    static const struct {
        const char *label;
        double frac;
    } sizes[] = {{"Small", 80}, {"Medium", 40}, {"Large", 20}};
    for (int i = 0; i < 3; i++) {
        double brush = v->viewbox.w / sizes[i].frac;
        int w = ren_text_width(a->ren, FONT_BODY, sizes[i].label) + ui_px(ui, 24);
        SDL_Rect b = {bx, by, w, bh};
        bool sel = p->brush > brush * 0.99 && p->brush < brush * 1.01;
        if (ui_button(ui, b, sizes[i].label, sel ? BUTTON_SELECTED : BUTTON_SECONDARY)) {
            p->brush = brush;
            a->redraw = true;
        }
        bx += w + ui_px(ui, 6);
    }
    const char *tools[] = {"Erase", "Undo", "Clear"};
    for (int i = 0; i < 3; i++) {
        int w = ren_text_width(a->ren, FONT_BODY, tools[i]) + ui_px(ui, 24);
        SDL_Rect b = {bx, by, w, bh};
        ButtonStyle st = i == 0 && p->erase ? BUTTON_SELECTED : i == 1 && !p->n_undo ? BUTTON_DISABLED : BUTTON_SECONDARY;
        if (ui_button(ui, b, tools[i], st)) {
            if (i == 0)
                p->erase = !p->erase;
            else if (i == 1)
                changed = paint_undo(p);
            else {
                paint_clear(p);
                changed = true;
            }
            a->redraw = true;
        }
        bx += w + ui_px(ui, 6);
    }
    return changed;
}

/* After the answer: what the three kinds of feedback shape mean, in the
 * row the tools had. */
static void paint_key(App *a, SDL_Rect row)
{
    static const struct {
        const char *label;
        SDL_Color fill, edge;
    } kinds[] = {
        {"painted, in the pattern", {0x2E, 0x7D, 0x32, 0xC0}, {0x1B, 0x5E, 0x20, 0xE0}},
        {"missed", {0xC6, 0x28, 0x28, 0xD8}, {0xC6, 0x28, 0x28, 0xC0}},
        {"painted outside it", {0x1D, 0x3F, 0xA8, 0x48}, {0x1D, 0x3F, 0xA8, 0xF0}},
    };
    int x = row.x, sw = ui_px(&a->ui, 18), th = ren_text_height(a->ren, FONT_SMALL);
    for (int i = 0; i < 3; i++) {
        int w = sw + ui_px(&a->ui, 6) + ren_text_width(a->ren, FONT_SMALL, kinds[i].label);
        if (x + w > row.x + row.w)
            break;
        SDL_Rect sq = {x, row.y + (row.h - sw) / 2, sw, sw};
        ren_fill_round_rect(a->ren, sq, sw / 3, kinds[i].fill);
        if (i == 1) /* hatched, as on the chart */
            for (int k = 0; k < 3; k++)
                ren_line(a->ren, (float)(sq.x + k * sw / 3), (float)(sq.y + sw), (float)(sq.x + sw), (float)(sq.y + k * sw / 3),
                         1.5f * a->ui.scale, COL(0xFF, 0xFF, 0xFF));
        ren_rect(a->ren, sq, 1, kinds[i].edge);
        ren_text(a->ren, FONT_SMALL, x + sw + ui_px(&a->ui, 6), row.y + (row.h - th) / 2, THEME_TEXT, kinds[i].label);
        x += w + ui_px(&a->ui, 16);
    }
}

bool item_view_workspace(App *a, const Item *it, const Answer *an, SDL_Rect area, bool reveal, bool accept)
{
    Ui *ui = &a->ui;
    const View *v = library_find_view(a->lib, it->view);
    if (!v || !v->ok) {
        ren_text(a->ren, FONT_BODY, area.x, area.y, THEME_BAD, "This chart could not be loaded.");
        return false;
    }
    sync_work(a, it, an, v);
    bool changed = false;
    const Module *m = it->module;
    float s = ui->scale;
    /* Tools above the chart for painting. Their row is kept after the
     * answer too (a key to the feedback then), so the chart stays where it
     * was painted on instead of growing when the tools go. */
    if (it->type == ITEM_ZONE_PAINT && a->work.canvas_ok) {
        int bh = ui_px(ui, 30);
        if (accept)
            changed = paint_tools(a, &a->work.canvas, v, (SDL_Rect){area.x, area.y, area.w, bh});
        else if (reveal && an->answered && an->classes)
            paint_key(a, (SDL_Rect){area.x, area.y, area.w, bh});
        area.y += bh + ui_px(ui, 8);
        area.h -= bh + ui_px(ui, 8);
    }
    area = legend_below(a, area);
    /* Painting takes the left button: the chart moves with the right one. */
    ChartLayout l = chrome_chart_layout(a, m, v, area,
                                        CHART_VIEW_ARROWS | (it->type == ITEM_ZONE_PAINT ? CHART_VIEW_PAINT : 0));
    ren_clip(a->ren, area);
    chart_draw_svg(a->charts, v->path, &l);
    const char *overlay = module_overlay(m, it->view);
    if (overlay)
        chart_draw_overlay(a->charts, overlay, &l, module_view_is_deep(it->module, it->view), a->ui.scale);
    if (it->type == ITEM_ZONE_PAINT) {
        if (!strcmp(m->tps[it->tp].view, it->view))
            chart_draw_tp(a->ren, &l, &m->tps[it->tp], COL(0x11, 0x11, 0x11), false, s);
        if (a->work.canvas_ok) {
            if (reveal && an->answered && an->classes)
                paint_draw_classes(&a->work.canvas, ren_sdl(a->ren), &l, an->classes, s);
            else
                paint_draw(&a->work.canvas, ren_sdl(a->ren), &l, COLA(0x1D, 0x3F, 0xA8, 0x90), s);
            if (accept)
                paint_draw_brush(&a->work.canvas, a->ren, &l, ui->mx, ui->my, s);
        }
    } else {
        if (reveal && an->answered) {
            for (int t = 0; t < it->n_targets; t++) {
                const TriggerPoint *tp = &m->tps[it->targets[t]];
                int k = an->match ? an->match[t] : -1;
                chart_draw_tp(a->ren, &l, tp, k >= 0 ? THEME_GOOD : THEME_BAD, true, s);
                if (k >= 0 && k < a->work.n_marks) {
                    SDL_FPoint p1 = chart_to_screen(&l, tp->at), p2 = chart_to_screen(&l, a->work.marks[k]);
                    ren_line(a->ren, p1.x, p1.y, p2.x, p2.y, 2 * s, THEME_GOOD);
                }
            }
        }
        for (int i = 0; i < a->work.n_marks; i++)
            draw_mark(a, &l, a->work.marks[i], i + 1, THEME_MARKER);
    }
    ren_unclip(a->ren);
    chart_draw_sides(a->ren, &l, it->view);
    bool on_toggle = (ui->released && chart_view_on_controls(a, ui->release_x, ui->release_y)) ||
                     (ui->pressed && chart_view_on_controls(a, ui->press_x, ui->press_y));
    chrome_zoom_button(a);
    if (!accept || on_toggle)
        return changed;
    if (it->type == ITEM_ZONE_PAINT && a->work.canvas_ok) {
        if (paint_input(&a->work.canvas, ui, &l))
            changed = true;
        if (a->work.canvas.stroking)
            a->redraw = true;
    } else if (it->type == ITEM_LOCATE_ALL) {
        int x, y;
        if (ui_click_in(ui, l.image, &x, &y)) {
            Vec2 p = chart_to_image(&l, x, y);
            int hit = -1;
            for (int i = 0; i < a->work.n_marks; i++) {
                SDL_FPoint sp = chart_to_screen(&l, a->work.marks[i]);
                if ((sp.x - (float)x) * (sp.x - (float)x) + (sp.y - (float)y) * (sp.y - (float)y) <= 144 * s * s)
                    hit = i;
            }
            if (hit >= 0) {
                memmove(a->work.marks + hit, a->work.marks + hit + 1, sizeof *a->work.marks * (size_t)(a->work.n_marks - hit - 1));
                a->work.n_marks--;
            } else if (a->work.n_marks < 64) {
                a->work.marks[a->work.n_marks++] = p;
            }
            changed = true;
            a->redraw = true;
        }
    }
    return changed;
}

void item_view_miss(const App *a, const Item *it, const Answer *an, char *buf, size_t size,
                    const Module **other)
{
    if (other)
        *other = NULL;
    if (!buf || !size)
        return;
    buf[0] = 0;
    if (!it || !an || !an->answered || !item_is_click(it) || an->credit >= THEME_CREDIT_FULL)
        return;
    MissDiagnosis d = diagnose_click_library(a->lib, it, an->click, an->credit);
    if (!d.n)
        return;
    diagnose_text(&d.f[0], buf, size);
    if (other && d.f[0].module != it->module && d.f[0].module->kind == MODULE_MUSCLE)
        *other = d.f[0].module;
}

const char *item_view_kind_label(const Item *it)
{
    return it->type == ITEM_LOCATE_TP    ? "LOCATE THE TRIGGER POINT"
           : it->type == ITEM_ZONE_CLICK ? "REFERRED PAIN"
           : it->type == ITEM_ZONE_PAINT ? "PAINT THE REFERRAL ZONE"
           : it->type == ITEM_LOCATE_ALL ? "MARK EVERY TRIGGER POINT"
           : it->type == ITEM_REVERSE    ? "FROM PAIN TO TRIGGER POINT"
           : it->type == ITEM_MULTI      ? "CHOOSE ALL THAT APPLY"
                                         : "CHOOSE ONE";
}
