/* Module list of a course: each muscle with its group, the pain it refers,
 * the learner's practice progress, and Study / Practise buttons. */
#include <stdio.h>
#include <string.h>

#include "screens.h"
#include "theme.h"

static void pain_line(const Module *m, char *buf, size_t size)
{
    buf[0] = 0;
    size_t used = 0;
    for (int i = 0; i < m->n_pain_regions; i++) {
        const char *name = named_id_name(PAIN_REGIONS, m->pain_regions[i]);
        int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", name ? name : m->pain_regions[i]);
        if (k < 0 || (size_t)k >= size - used)
            break;
        used += (size_t)k;
    }
}

void screen_modules(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Course *c = a->course;
    SDL_Rect area;
    char crumb[256];
    snprintf(crumb, sizeof crumb, "%d muscle modules \xC2\xB7 module pass mark %d%%", c->n_modules,
             c->module_pass_mark);
    if (app_top_bar(a, c->title, crumb, true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    int m = ui_px(ui, 32);
    SDL_Rect list = {m, area.y + ui_px(ui, 16), all.w - 2 * m, area.h - ui_px(ui, 32)};
    int row_h = ui_px(ui, 76), gap = ui_px(ui, 10);
    int content_h = c->n_modules * (row_h + gap);
    ui_scroll(ui, list, &a->list_scroll, content_h);
    SDL_RenderSetClipRect(ren_sdl(a->ren), &list);
    int sb = content_h > list.h ? ui_px(ui, 14) : 0;
    for (int i = 0; i < c->n_modules; i++) {
        SDL_Rect row = {list.x, list.y + i * (row_h + gap) - a->list_scroll, list.w - sb, row_h};
        if (row.y + row.h < list.y || row.y > list.y + list.h)
            continue;
        ren_fill_round_rect(a->ren, row, ui_px(ui, 8), THEME_BORDER);
        SDL_Rect inner = {row.x + 1, row.y + 1, row.w - 2, row.h - 2};
        ren_fill_round_rect(a->ren, inner, ui_px(ui, 8), THEME_PANEL);
        int pad = ui_px(ui, 18);
        const Module *mod = c->modules[i];
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        int nh = ren_text_height(a->ren, FONT_HEADING);
        ren_text(a->ren, FONT_HEADING, row.x + pad, row.y + (row.h - nh) / 2, THEME_MUTED, num);
        int x = row.x + pad + ui_px(ui, 40);
        int ty = row.y + ui_px(ui, 12);
        int btn_w = ui_px(ui, 110), btn_h = ui_px(ui, 38);
        int right = row.x + row.w - pad - 2 * btn_w - ui_px(ui, 10);
        if (!mod) {
            char line[256];
            snprintf(line, sizeof line, "%s (could not be loaded)", c->module_ids[i]);
            ren_text(a->ren, FONT_BOLD, x, ty, THEME_BAD, line);
            ren_text(a->ren, FONT_SMALL, x, ty + ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 4),
                     THEME_MUTED, "Run `tpquiz check` to see what is wrong with its file.");
            continue;
        }
        ren_text_fit(a->ren, FONT_BOLD, x, ty, right - x - ui_px(ui, 220), THEME_TEXT, mod->name);
        char pain[512], line[700];
        pain_line(mod, pain, sizeof pain);
        const char *group = named_id_name(MUSCLE_GROUPS, mod->group);
        snprintf(line, sizeof line, "%s \xC2\xB7 refers to %s", group ? group : mod->group, pain);
        ren_text_fit(a->ren, FONT_SMALL, x, ty + ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 6),
                     right - x - ui_px(ui, 220), THEME_MUTED, line);

        const ProgressEntry *pe = a->progress ? progress_find(a->progress, mod->id) : NULL;
        int px = right - ui_px(ui, 200);
        if (pe && pe->sessions > 0) {
            snprintf(line, sizeof line, "Best %d%%", (int)(pe->best * 100 + 0.5));
            ren_text(a->ren, FONT_BOLD, px, ty, pe->best >= c->module_pass_mark / 100.0 ? THEME_GOOD : THEME_TEXT,
                     line);
            snprintf(line, sizeof line, "%d practice session%s", pe->sessions, pe->sessions == 1 ? "" : "s");
            ren_text(a->ren, FONT_SMALL, px, ty + ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 6),
                     THEME_MUTED, line);
        } else {
            ren_text(a->ren, FONT_SMALL, px, row.y + (row.h - ren_text_height(a->ren, FONT_SMALL)) / 2,
                     THEME_MUTED, "Not practised yet");
        }
        SDL_Rect study = {right, row.y + (row.h - btn_h) / 2, btn_w, btn_h};
        SDL_Rect prac = {right + btn_w + ui_px(ui, 10), study.y, btn_w, btn_h};
        char label[300];
        snprintf(label, sizeof label, "Study %s", mod->name);
        if (ui_button(ui, study, "Study", BUTTON_SECONDARY)) {
            a->module = mod;
            app_go(a, SCREEN_STUDY);
        }
        ui_register_target(ui, label, study);
        snprintf(label, sizeof label, "Practise %s", mod->name);
        if (ui_button(ui, prac, "Practise", BUTTON_PRIMARY))
            app_start_practice(a, mod);
        ui_register_target(ui, label, prac);
    }
    SDL_RenderSetClipRect(ren_sdl(a->ren), NULL);
}
