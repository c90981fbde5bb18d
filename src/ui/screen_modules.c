/* Module list of a course: each muscle with its group, the pain it refers,
 * the learner's practice progress, and Study / Practise buttons. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app_state.h"
#include "chrome.h"
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

/* Case-insensitive (ASCII) substring test. */
static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return true;
    return n == 0;
}

void screen_modules(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Course *c = a->course;
    SDL_Rect area;
    char crumb[256];
    int lessons = 0;
    for (int i = 0; i < c->n_modules; i++)
        lessons += c->modules[i] && c->modules[i]->kind == MODULE_LESSON;
    int muscles = c->n_modules - lessons;
    if (lessons > 0 && muscles > 0)
        snprintf(crumb, sizeof crumb, "%d lesson%s, %d muscle module%s \xC2\xB7 module pass mark %d%%", lessons,
                 lessons == 1 ? "" : "s", muscles, muscles == 1 ? "" : "s", c->module_pass_mark);
    else
        snprintf(crumb, sizeof crumb, "%d %s%s \xC2\xB7 module pass mark %d%%", c->n_modules,
                 lessons > 0 ? "lesson" : "muscle module", c->n_modules == 1 ? "" : "s", c->module_pass_mark);
    if (chrome_top_bar(a, c->title, crumb, true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    int m = ui_px(ui, 32);
    CertStatus cs = app_cert_status(a, c);
    /* Certification strip: where the learner stands, and the exam. */
    int sh = ui_px(ui, 56);
    SDL_Rect strip = {m, area.y + ui_px(ui, 14), all.w - 2 * m, sh};
    ren_fill_round_rect(a->ren, strip, ui_px(ui, 8), cs.certified ? THEME_GOOD_LIGHT : THEME_ACCENT_LIGHT);
    char line[800];
    if (cs.certified)
        snprintf(line, sizeof line, "\xE2\x9C\x93 Certified in %s", c->title);
    else
        snprintf(line, sizeof line, "Certification: %d of %d module quizzes passed \xC2\xB7 exam %s", cs.modules_passed,
                 cs.modules_total, cs.exam_passed ? "passed" : cs.exam_attempts ? "not passed yet" : "not taken yet");
    int th = ren_text_height(a->ren, FONT_BOLD);
    int room = strip.w - ui_px(ui, 560);
    SDL_Color ink = cs.certified ? THEME_GOOD : THEME_ACCENT_DARK;
    if (ren_text_width(a->ren, FONT_BOLD, line) <= room || cs.certified) {
        ren_text_fit(a->ren, FONT_BOLD, strip.x + ui_px(ui, 18), strip.y + (sh - th) / 2, room, ink, line);
    } else {
        /* Too narrow for one line: the quizzes, and the exam under them. */
        char exam_line[100];
        snprintf(line, sizeof line, "Certification: %d of %d module quizzes", cs.modules_passed, cs.modules_total);
        snprintf(exam_line, sizeof exam_line, "passed \xC2\xB7 exam %s",
                 cs.exam_passed ? "passed" : cs.exam_attempts ? "not passed yet" : "not taken yet");
        int sth = ren_text_height(a->ren, FONT_SMALL), top = strip.y + (sh - th - sth) / 2;
        ren_text_fit(a->ren, FONT_BOLD, strip.x + ui_px(ui, 18), top, room, ink, line);
        ren_text_fit(a->ren, FONT_SMALL, strip.x + ui_px(ui, 18), top + th, room, ink, exam_line);
    }
    /* Type-ahead search by muscle name. */
    SDL_Rect find = {strip.x + strip.w - ui_px(ui, 14) - ui_px(ui, 210) - ui_px(ui, 12) - ui_px(ui, 260),
                     strip.y + (sh - ui_px(ui, 38)) / 2, ui_px(ui, 260), ui_px(ui, 38)};
    if (ui_text_field(ui, find, "", a->modules.filter, sizeof a->modules.filter,
                      lessons == 0  ? "Find a muscle\xE2\x80\xA6"
                      : muscles > 0 ? "Find a muscle or lesson\xE2\x80\xA6"
                                    : "Find a lesson\xE2\x80\xA6") &
        UI_FIELD_CHANGED) {
        a->modules.scroll = 0;
        a->redraw = true;
    }
    SDL_Rect exam = {strip.x + strip.w - ui_px(ui, 14) - ui_px(ui, 210), strip.y + (sh - ui_px(ui, 38)) / 2,
                     ui_px(ui, 210), ui_px(ui, 38)};
    bool cert_shown = false;
    if (cs.certified) {
        if (ui_button(ui, exam, "View certificate", BUTTON_PRIMARY)) {
            app_go(a, SCREEN_CERTIFICATE);
            cert_shown = true;
        }
    } else if (ui_button(ui, exam, "Certification exam", BUTTON_PRIMARY)) {
        a->exam_course = c;
        app_go(a, SCREEN_EXAM_INTRO);
        cert_shown = true;
    }
    if (cert_shown) {
        certify_status_free(&cs);
        return;
    }
    SDL_Rect list = {m, strip.y + sh + ui_px(ui, 14), all.w - 2 * m, area.y + area.h - (strip.y + sh + ui_px(ui, 30))};
    int row_h = ui_px(ui, 76), gap = ui_px(ui, 10);
    /* The rows that match the search field (all when it is empty). */
    int shown[512], n_shown = 0;
    for (int i = 0; i < c->n_modules && n_shown < 512; i++) {
        const Module *mod = c->modules[i];
        const char *name = mod ? mod->name : c->module_ids[i];
        if (!a->modules.filter[0] || contains_ci(name, a->modules.filter) ||
            contains_ci(c->module_ids[i], a->modules.filter))
            shown[n_shown++] = i;
    }
    int content_h = n_shown * (row_h + gap);
    if (n_shown == 0)
        ren_text(a->ren, FONT_BODY, list.x, list.y, THEME_MUTED, "No module of this course matches the search.");
    ui_scroll(ui, list, &a->modules.scroll, content_h);
    ren_clip(a->ren, list);
    int sb = content_h > list.h ? ui_px(ui, 14) : 0;
    for (int k = 0; k < n_shown; k++) {
        int i = shown[k];
        SDL_Rect row = {list.x, list.y + k * (row_h + gap) - a->modules.scroll, list.w - sb, row_h};
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
        int btn_w = ui_px(ui, 100), btn_h = ui_px(ui, 38);
        int right = row.x + row.w - pad - 3 * btn_w - 2 * ui_px(ui, 10);
        /* The status column is as wide as its longer line; the name and
         * its summary get the rest. */
        char quiz_line[100], prac_line[100];
        if (!mod) {
            snprintf(line, sizeof line, "%s (could not be loaded)", c->module_ids[i]);
            ren_text(a->ren, FONT_BOLD, x, ty, THEME_BAD, line);
            ren_text(a->ren, FONT_SMALL, x, ty + ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 4),
                     THEME_MUTED, "Run `tpquiz check` to see what is wrong with its file.");
            continue;
        }
        const ProgressEntry *pe = a->progress ? progress_find(a->progress, mod->id) : NULL;
        bool passed = cs.module_passed && cs.module_passed[i];
        if (passed)
            snprintf(quiz_line, sizeof quiz_line, "\xE2\x9C\x93 Quiz passed %d%%", (int)(cs.module_best[i] * 100 + 0.5));
        else if (cs.module_best && cs.module_best[i] >= 0)
            snprintf(quiz_line, sizeof quiz_line, "Quiz best %d%%", (int)(cs.module_best[i] * 100 + 0.5));
        else
            snprintf(quiz_line, sizeof quiz_line, "Quiz not taken");
        if (pe && pe->sessions > 0)
            snprintf(prac_line, sizeof prac_line, "Practice best %d%% (%d session%s)", (int)(pe->best * 100 + 0.5),
                     pe->sessions, pe->sessions == 1 ? "" : "s");
        else
            snprintf(prac_line, sizeof prac_line, "Not practised yet");
        int qw = ren_text_width(a->ren, passed ? FONT_BOLD : FONT_SMALL, quiz_line),
            pw = ren_text_width(a->ren, FONT_SMALL, prac_line);
        int px = right - (qw > pw ? qw : pw) - ui_px(ui, 16);
        int name_w = px - x - ui_px(ui, 16);
        ren_text_fit(a->ren, FONT_BOLD, x, ty, name_w, THEME_TEXT, mod->name);
        char pain[512];
        pain_line(mod, pain, sizeof pain);
        const char *group = named_id_name(MUSCLE_GROUPS, mod->group);
        if (mod->kind == MODULE_LESSON)
            snprintf(line, sizeof line, "Lesson, %d page%s \xC2\xB7 %s", mod->n_pages, mod->n_pages == 1 ? "" : "s",
                     mod->summary);
        else
            snprintf(line, sizeof line, "%s \xC2\xB7 refers to %s", group ? group : mod->group, pain);
        /* A preview: the study screen shows all of it. */
        ren_text_may_ellipsise(a->ren, FONT_SMALL, x, ty + ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 6), name_w,
                               THEME_MUTED, line);
        ren_text(a->ren, passed ? FONT_BOLD : FONT_SMALL, px, ty, passed ? THEME_GOOD : THEME_TEXT, quiz_line);
        ren_text(a->ren, FONT_SMALL, px, ty + ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 6), THEME_MUTED,
                 prac_line);
        SDL_Rect study = {right, row.y + (row.h - btn_h) / 2, btn_w, btn_h};
        SDL_Rect prac = {right + btn_w + ui_px(ui, 10), study.y, btn_w, btn_h};
        char label[300];
        snprintf(label, sizeof label, "Study %s", mod->name);
        if (ui_button(ui, study, "Study", BUTTON_SECONDARY)) {
            a->module = mod;
            a->study_return = SCREEN_MODULES;
            app_go(a, SCREEN_STUDY);
        }
        ui_register_target(ui, label, study);
        snprintf(label, sizeof label, "Practise %s", mod->name);
        if (ui_button(ui, prac, "Practise", BUTTON_SECONDARY))
            app_start_practice(a, mod);
        ui_register_target(ui, label, prac);
        SDL_Rect quiz = {prac.x + btn_w + ui_px(ui, 10), study.y, btn_w, btn_h};
        snprintf(label, sizeof label, "Quiz %s", mod->name);
        if (ui_button(ui, quiz, "Quiz", BUTTON_PRIMARY))
            app_start_quiz(a, mod);
        ui_register_target(ui, label, quiz);
    }
    ren_unclip(a->ren);
    certify_status_free(&cs);
}

void screen_modules_enter(App *a)
{
    a->modules.scroll = a->modules.scroll < 0 ? 0 : a->modules.scroll;
}
