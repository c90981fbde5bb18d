/* Module list of a course: each muscle with its group, the pain it refers,
 * the learner's practice progress, and Study / Practise / Quiz buttons.
 *
 * The modules are grouped under body-region headings (module_sections.h),
 * Foundations lessons first. A heading folds its section away with a click,
 * Enter or Space; the folded sections are remembered per course while the
 * program runs, and a folded heading still says how many modules it holds
 * and how far the learner is with them. A search shows every match, folded
 * or not. When the window is narrow a row stacks its name, description and
 * progress on three lines instead of three columns, so nothing is cut. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "module_sections.h"
#include "theme.h"
#include "text.h"

/* The folded sections of the courses opened so far (one bit a section). */
#define FOLD_COURSES 16
static struct {
    const Course *course;
    unsigned folded;
} folds[FOLD_COURSES];

static unsigned *fold_bits(const Course *c)
{
    for (int i = 0; i < FOLD_COURSES; i++)
        if (folds[i].course == c || !folds[i].course) {
            folds[i].course = c;
            return &folds[i].folded;
        }
    static unsigned spare; /* more courses than slots: they share one */
    return &spare;
}

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


/* One line of the list: a section heading or a module row. */
typedef struct {
    int section;
    int module; /* index into the course's modules; -1 for a heading */
    int y, h;   /* in list content pixels */
} Line;

/* What a heading says about its section. */
typedef struct {
    int modules, passed, practised;
    int matches; /* of the search */
} SectionCount;

/* The row's column geometry: wide puts name, progress and buttons side by
 * side; narrow stacks name, description and progress. */
typedef struct {
    bool narrow;
    int row_h, head_h;
} RowShape;

static RowShape row_shape(App *a, int list_w)
{
    Ui *ui = &a->ui;
    RowShape s;
    int pad = ui_px(ui, 18), btns = 3 * ui_px(ui, 100) + 2 * ui_px(ui, 10);
    int text_w = list_w - ui_px(ui, 14) - 2 * pad - ui_px(ui, 40) - btns;
    s.narrow = text_w < ui_px(ui, 640);
    int bold = ren_text_height(a->ren, FONT_BOLD), small = ren_text_height(a->ren, FONT_SMALL);
    int lines = bold + ui_px(ui, 6) + small + (s.narrow ? ui_px(ui, 4) + small : 0);
    s.row_h = lines + 2 * ui_px(ui, 12);
    if (s.row_h < ui_px(ui, 76))
        s.row_h = ui_px(ui, 76);
    s.head_h = ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 22);
    return s;
}

static void section_heading(App *a, SDL_Rect r, int section, bool folded, bool searching, SectionCount n)
{
    Ui *ui = &a->ui;
    const char *name = module_section_name(section);
    bool hover = ui_hover(ui, r);
    ren_fill_round_rect(a->ren, r, ui_px(ui, 8), hover ? THEME_ACCENT_LIGHT : THEME_PANEL_ALT);
    int pad = ui_px(ui, 14), bh = ren_text_height(a->ren, FONT_BOLD);
    int ty = r.y + (r.h - bh) / 2;
    /* U+25B8 / U+25BE: a small triangle pointing right (folded) or down. */
    int x = r.x + pad;
    if (!searching)
        x += ren_text(a->ren, FONT_BOLD, x, ty, THEME_ACCENT_DARK, folded ? "\xE2\x96\xB8" : "\xE2\x96\xBE") +
             ui_px(ui, 8);
    char count[200];
    if (searching)
        snprintf(count, sizeof count, "%d of %d module%s match%s", n.matches, n.modules, n.modules == 1 ? "" : "s",
                 n.matches == 1 ? "es" : "");
    else
        snprintf(count, sizeof count, "%d module%s \xC2\xB7 %d quiz%s passed \xC2\xB7 %d practised", n.modules,
                 n.modules == 1 ? "" : "s", n.passed, n.passed == 1 ? "" : "zes", n.practised);
    int sh = ren_text_height(a->ren, FONT_SMALL);
    /* A bar of the quizzes passed, then the counts, at the right. */
    int bar_w = ui_px(ui, 90), bar_h = ui_px(ui, 8);
    SDL_Rect bar = {r.x + r.w - pad - bar_w, r.y + (r.h - bar_h) / 2, bar_w, bar_h};
    if (!searching) /* while searching the counts are of the matches: no bar */
        ren_fill_round_rect(a->ren, bar, bar_h / 2, THEME_BORDER);
    if (!searching && n.modules > 0 && n.passed > 0) {
        SDL_Rect done = bar;
        done.w = bar_w * n.passed / n.modules;
        if (done.w < bar_h)
            done.w = bar_h;
        ren_fill_round_rect(a->ren, done, bar_h / 2, THEME_GOOD);
    }
    int name_w = ren_text_width(a->ren, FONT_BOLD, name);
    int count_right = searching ? r.x + r.w - pad : bar.x - ui_px(ui, 12);
    int count_w = ren_text_width(a->ren, FONT_SMALL, count);
    if (count_right - count_w < x + name_w + ui_px(ui, 16)) {
        /* No room for the whole line: the numbers alone. */
        snprintf(count, sizeof count, "%d \xC2\xB7 %d passed", n.modules, n.passed);
        count_w = ren_text_width(a->ren, FONT_SMALL, count);
    }
    ren_text(a->ren, FONT_SMALL, count_right - count_w, r.y + (r.h - sh) / 2, THEME_MUTED, count);
    ren_text_fit(a->ren, FONT_BOLD, x, ty, count_right - count_w - ui_px(ui, 16) - x, THEME_ACCENT_DARK, name);
}

/* One module row; false if a button left the screen. */
static bool module_row(App *a, SDL_Rect row, int i, const CertStatus *cs, RowShape shape)
{
    Ui *ui = &a->ui;
    const Course *c = a->course;
    const Module *mod = c->modules[i];
    char line[800];
    ren_fill_round_rect(a->ren, row, ui_px(ui, 8), THEME_BORDER);
    SDL_Rect inner = {row.x + 1, row.y + 1, row.w - 2, row.h - 2};
    ren_fill_round_rect(a->ren, inner, ui_px(ui, 8), THEME_PANEL);
    int pad = ui_px(ui, 18);
    char num[16];
    snprintf(num, sizeof num, "%d", i + 1);
    int nh = ren_text_height(a->ren, FONT_HEADING);
    ren_text(a->ren, FONT_HEADING, row.x + pad, row.y + (row.h - nh) / 2, THEME_MUTED, num);
    int x = row.x + pad + ui_px(ui, 40);
    int ty = row.y + ui_px(ui, 12);
    int btn_w = ui_px(ui, 100), btn_h = ui_px(ui, 38);
    int right = row.x + row.w - pad - 3 * btn_w - 2 * ui_px(ui, 10);
    int bold = ren_text_height(a->ren, FONT_BOLD), small = ren_text_height(a->ren, FONT_SMALL);
    if (!mod) {
        snprintf(line, sizeof line, "%s (could not be loaded)", c->module_ids[i]);
        ren_text_fit(a->ren, FONT_BOLD, x, ty, right - x - pad, THEME_BAD, line);
        ren_text_fit(a->ren, FONT_SMALL, x, ty + bold + ui_px(ui, 4), right - x - pad, THEME_MUTED,
                     "Run `tpquiz check` to see what is wrong with its file.");
        return true;
    }
    /* Wide: text column, then a progress column of 250 points. Narrow:
     * the text column takes the width and progress goes under it. */
    int text_w = shape.narrow ? right - x - pad : right - x - ui_px(ui, 262);
    ren_text_fit(a->ren, FONT_BOLD, x, ty, text_w, THEME_TEXT, mod->name);
    char pain[512];
    pain_line(mod, pain, sizeof pain);
    const char *group = named_id_name(MUSCLE_GROUPS, mod->group);
    if (mod->kind == MODULE_LESSON)
        snprintf(line, sizeof line, "Lesson, %d page%s \xC2\xB7 %s", mod->n_pages, mod->n_pages == 1 ? "" : "s",
                 mod->summary);
    else
        snprintf(line, sizeof line, "%s \xC2\xB7 refers to %s", group ? group : mod->group, pain);
    /* A preview: the study screen shows all of it. */
    ren_text_may_ellipsise(a->ren, FONT_SMALL, x, ty + bold + ui_px(ui, 6), text_w, THEME_MUTED, line);

    const ProgressEntry *pe = a->progress ? progress_find(a->progress, mod->id) : NULL;
    bool passed = cs->module_passed && cs->module_passed[i];
    char quiz[80], practice[120];
    if (passed)
        snprintf(quiz, sizeof quiz, "\xE2\x9C\x93 Quiz passed %d%%", (int)(cs->module_best[i] * 100 + 0.5));
    else if (cs->module_best && cs->module_best[i] >= 0)
        snprintf(quiz, sizeof quiz, "Quiz best %d%%", (int)(cs->module_best[i] * 100 + 0.5));
    else
        snprintf(quiz, sizeof quiz, "Quiz not taken");
    if (pe && pe->sessions > 0)
        snprintf(practice, sizeof practice, "Practice best %d%% (%d session%s)", (int)(pe->best * 100 + 0.5),
                 pe->sessions, pe->sessions == 1 ? "" : "s");
    else
        snprintf(practice, sizeof practice, "Not practised yet");
    if (shape.narrow) {
        int py = ty + bold + ui_px(ui, 6) + small + ui_px(ui, 4);
        int w = ren_text(a->ren, FONT_SMALL, x, py, passed ? THEME_GOOD : THEME_TEXT, quiz);
        int dot = ren_text(a->ren, FONT_SMALL, x + w, py, THEME_MUTED, " \xC2\xB7 ");
        ren_text_fit(a->ren, FONT_SMALL, x + w + dot, py, text_w - w - dot, THEME_MUTED, practice);
    } else {
        int px = right - ui_px(ui, 250);
        ren_text(a->ren, passed ? FONT_BOLD : FONT_SMALL, px, ty, passed ? THEME_GOOD : THEME_TEXT, quiz);
        ren_text_fit(a->ren, FONT_SMALL, px, ty + bold + ui_px(ui, 6), ui_px(ui, 240), THEME_MUTED, practice);
    }
    SDL_Rect study = {right, row.y + (row.h - btn_h) / 2, btn_w, btn_h};
    SDL_Rect prac = {right + btn_w + ui_px(ui, 10), study.y, btn_w, btn_h};
    SDL_Rect quiz_r = {prac.x + btn_w + ui_px(ui, 10), study.y, btn_w, btn_h};
    char label[300];
    bool left = false;
    if (ui_button(ui, study, "Study", BUTTON_SECONDARY)) {
        a->module = mod;
        a->study_return = SCREEN_MODULES;
        app_go(a, SCREEN_STUDY);
        left = true;
    }
    snprintf(label, sizeof label, "Study %s", mod->name);
    ui_register_target(ui, label, study);
    if (ui_button(ui, prac, "Practise", BUTTON_SECONDARY)) {
        app_start_practice(a, mod);
        left = true;
    }
    snprintf(label, sizeof label, "Practise %s", mod->name);
    ui_register_target(ui, label, prac);
    if (ui_button(ui, quiz_r, "Quiz", BUTTON_PRIMARY)) {
        app_start_quiz(a, mod);
        left = true;
    }
    snprintf(label, sizeof label, "Quiz %s", mod->name);
    ui_register_target(ui, label, quiz_r);
    return !left;
}

/* The certification strip's line: on one line if it fits, else wrapped
 * onto two within the strip. */
static void cert_line(App *a, SDL_Rect strip, int text_w, const CertStatus *cs)
{
    Ui *ui = &a->ui;
    const Course *c = a->course;
    char line[800];
    if (cs->certified)
        snprintf(line, sizeof line, "\xE2\x9C\x93 Certified in %s", c->title);
    else
        snprintf(line, sizeof line, "Certification: %d of %d module quizzes passed \xC2\xB7 exam %s",
                 cs->modules_passed, cs->modules_total,
                 cs->exam_passed ? "passed" : cs->exam_attempts ? "not passed yet" : "not taken yet");
    SDL_Color col = cs->certified ? THEME_GOOD : THEME_ACCENT_DARK;
    int x = strip.x + ui_px(ui, 18);
    int th = ren_text_height(a->ren, FONT_BOLD);
    if (ren_text_width(a->ren, FONT_BOLD, line) <= text_w) {
        ren_text(a->ren, FONT_BOLD, x, strip.y + (strip.h - th) / 2, col, line);
        return;
    }
    /* Two lines: the quizzes, then the exam. */
    char *dot = strstr(line, " \xC2\xB7 ");
    if (dot) {
        memmove(dot + 1, dot + 4, strlen(dot + 4) + 1);
        dot[0] = '\n';
        dot[1] = (char)toupper((unsigned char)dot[1]);
    }
    int h = ren_text_wrapped(a->ren, FONT_SMALL, x, 0, text_w, col, line, false, 0, 0);
    if (h <= strip.h - ui_px(ui, 4))
        ren_text_wrapped(a->ren, FONT_SMALL, x, strip.y + (strip.h - h) / 2, text_w, col, line, true, strip.y,
                         strip.y + strip.h);
    else
        ren_text_fit(a->ren, FONT_SMALL, x, strip.y + (strip.h - th) / 2, text_w, col, line);
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
    /* Certification strip: where the learner stands, the search, the exam. */
    int sh = ui_px(ui, 56);
    SDL_Rect strip = {m, area.y + ui_px(ui, 14), all.w - 2 * m, sh};
    ren_fill_round_rect(a->ren, strip, ui_px(ui, 8), cs.certified ? THEME_GOOD_LIGHT : THEME_ACCENT_LIGHT);
    int find_w = strip.w < ui_px(ui, 1000) ? ui_px(ui, 220) : ui_px(ui, 260);
    SDL_Rect exam = {strip.x + strip.w - ui_px(ui, 14) - ui_px(ui, 210), strip.y + (sh - ui_px(ui, 38)) / 2,
                     ui_px(ui, 210), ui_px(ui, 38)};
    SDL_Rect find = {exam.x - ui_px(ui, 12) - find_w, exam.y, find_w, exam.h};
    cert_line(a, strip, find.x - ui_px(ui, 16) - (strip.x + ui_px(ui, 18)), &cs);
    /* Type-ahead search by muscle name. */
    if (ui_text_field(ui, find, "", a->modules.filter, sizeof a->modules.filter,
                      muscles == 0                            ? "Find a lesson\xE2\x80\xA6"
                      : lessons == 0 || find_w < ui_px(ui, 260) ? "Find a muscle\xE2\x80\xA6"
                                                                : "Find a muscle or lesson\xE2\x80\xA6") &
        UI_FIELD_CHANGED) {
        a->modules.scroll = 0;
        a->redraw = true;
    }
    bool left = false;
    if (cs.certified) {
        if (ui_button(ui, exam, "View certificate", BUTTON_PRIMARY)) {
            app_go(a, SCREEN_CERTIFICATE);
            left = true;
        }
    } else if (ui_button(ui, exam, "Certification exam", BUTTON_PRIMARY)) {
        a->exam_course = c;
        app_go(a, SCREEN_EXAM_INTRO);
        left = true;
    }
    if (left) {
        certify_status_free(&cs);
        return;
    }
    SDL_Rect list = {m, strip.y + sh + ui_px(ui, 14), all.w - 2 * m, area.y + area.h - (strip.y + sh + ui_px(ui, 30))};
    RowShape shape = row_shape(a, list.w);
    int gap = ui_px(ui, 10);
    bool searching = a->modules.filter[0] != 0;
    unsigned *folded = fold_bits(c);

    /* The sections in order, each with the modules that match the search
     * (all when it is empty). Headings only when there is more than one. */
    static Line lines[2 * COURSE_MAX_MODULES + SECTION_COUNT];
    SectionCount count[SECTION_COUNT] = {{0}};
    int section_of[COURSE_MAX_MODULES];
    int n_sections = 0, n_match = 0;
    for (int i = 0; i < c->n_modules && i < COURSE_MAX_MODULES; i++) {
        const Module *mod = c->modules[i];
        int s = module_section(mod);
        section_of[i] = s;
        count[s].modules++;
        if (cs.module_passed && cs.module_passed[i])
            count[s].passed++;
        const ProgressEntry *pe = mod && a->progress ? progress_find(a->progress, mod->id) : NULL;
        if (pe && pe->sessions > 0)
            count[s].practised++;
        n_sections += count[s].modules == 1;
    }
    bool headings = n_sections > 1;
    int n_lines = 0, y = 0;
    for (int s = 0; s < SECTION_COUNT; s++) {
        int first = n_lines, first_y = y;
        bool open = searching || !headings || !(*folded & (1u << s));
        if (headings && count[s].modules > 0) {
            lines[n_lines++] = (Line){s, -1, y, shape.head_h};
            y += shape.head_h + gap;
        }
        int rows = 0;
        for (int i = 0; i < c->n_modules && i < COURSE_MAX_MODULES; i++) {
            if (section_of[i] != s)
                continue;
            const Module *mod = c->modules[i];
            const char *name = mod ? mod->name : c->module_ids[i];
            if (searching && !text_contains_ci(name, a->modules.filter) &&
                !text_contains_ci(c->module_ids[i], a->modules.filter))
                continue;
            rows++;
            if (!open)
                continue;
            lines[n_lines++] = (Line){s, i, y, shape.row_h};
            y += shape.row_h + gap;
        }
        n_match += rows;
        count[s].matches = rows;
        if (searching && rows == 0) { /* no match here: no heading either */
            n_lines = first;
            y = first_y;
        }
    }
    int content_h = y > gap ? y - gap : 0;
    if (n_match == 0)
        ren_text(a->ren, FONT_BODY, list.x, list.y, THEME_MUTED, "No module of this course matches the search.");
    ui_scroll(ui, list, &a->modules.scroll, content_h);
    ren_clip(a->ren, list);
    int sb = content_h > list.h ? ui_px(ui, 14) : 0;
    for (int k = 0; k < n_lines && !left; k++) {
        const Line *ln = &lines[k];
        SDL_Rect r = {list.x, list.y + ln->y - a->modules.scroll, list.w - sb, ln->h};
        if (r.y + r.h < list.y || r.y > list.y + list.h)
            continue;
        if (ln->module >= 0) {
            left = !module_row(a, r, ln->module, &cs, shape);
            continue;
        }
        bool is_folded = (*folded & (1u << ln->section)) != 0;
        section_heading(a, r, ln->section, is_folded, searching, count[ln->section]);
        if (!searching && ui_clickable(ui, r, module_section_name(ln->section))) {
            *folded ^= 1u << ln->section;
            a->redraw = true;
        }
    }
    ren_unclip(a->ren);
    certify_status_free(&cs);
}

void screen_modules_enter(App *a)
{
    a->modules.scroll = a->modules.scroll < 0 ? 0 : a->modules.scroll;
}
