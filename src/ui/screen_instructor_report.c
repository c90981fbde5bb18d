/* Instructor review, the report page: the folder read through the report,
 * the sortable learner and question tables. */
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

/* Stable insertion sort of order[] by cmp (with the state): the file order
 * (or the report's key order) breaks ties. */
void instr_sort_order(State *st, int *order, int n, int (*cmp)(const State *, int, int))
{
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = 1; i < n; i++) {
        int v = order[i], j = i;
        while (j > 0 && cmp(st, order[j - 1], v) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
}

int instr_cmp_num(double x, double y) { return x < y ? -1 : x > y; }

/* Certification sorts: no attempts, then by how far along, certified last. */
static double cert_rank(const CertCell *c)
{
    if (!c->any)
        return -1;
    if (c->certified)
        return 10;
    return (c->modules_total ? (double)c->modules_passed / c->modules_total : 0) + (c->exam_passed ? 1 : 0);
}

static int cmp_learners(const State *st, int x, int y)
{
    const LearnerRow *p = &st->rows[x], *q = &st->rows[y];
    int k = 0;
    switch (st->sort) {
    case L_NAME:
        k = strcasecmp(p->name, q->name);
        break;
    case L_ID:
        k = strcmp(p->learner, q->learner);
        break;
    case L_ATTEMPTS:
        k = p->attempts - q->attempts;
        break;
    case L_INTEGRITY:
        /* Problems first when ascending: the files to look at. */
        k = instr_cmp_num(p->records ? (double)p->good / p->records : 0, q->records ? (double)q->good / q->records : 0);
        break;
    default:
        k = instr_cmp_num(cert_rank(&p->cert[st->sort - L_COURSE0]), cert_rank(&q->cert[st->sort - L_COURSE0]));
        break;
    }
    if (k == 0 && st->sort != L_NAME)
        k = strcasecmp(p->name, q->name) * st->sort_dir; /* ties stay A to Z either way */
    return k * st->sort_dir;
}

/* ---- reading the folder --------------------------------------------------------- */

void instr_free_rows(State *st)
{
    for (int i = 0; i < st->n_rows; i++) {
        LearnerRow *r = &st->rows[i];
        free(r->path);
        free(r->learner);
        free(r->name);
        free(r->integrity);
        for (int k = 0; k < r->n_problems; k++)
            free(r->problems[k]);
        free(r->problems);
        free(r->cert);
    }
    free(st->rows);
    free(st->order);
    free(st->qrows);
    free(st->qorder);
    free(st->qheight);
    st->qheight = NULL;
    st->n_qshown = 0;
    st->rows = NULL;
    st->order = st->qorder = NULL;
    st->qrows = NULL;
    st->n_rows = st->cap_rows = st->n_qrows = 0;
    report_free(st->report);
    st->report = NULL;
}

typedef struct {
    App *a;
    State *st;
    size_t folder_len;
    bool failed; /* out of memory */
} Reading;

static bool copy_row(Reading *rd, LearnerRow *r, const ReportFile *f)
{
    const Library *lib = rd->a->lib;
    r->path = instr_dup_str(f->path);
    r->learner = instr_dup_str(f->learner);
    r->name = instr_dup_str(f->name ? f->name : f->learner);
    r->integrity = instr_dup_str(f->integrity);
    int nc = library_course_count(lib);
    r->cert = calloc((size_t)(nc > 0 ? nc : 1), sizeof *r->cert);
    r->n_problems = diag_count(f->problems);
    r->problems = calloc((size_t)(r->n_problems > 0 ? r->n_problems : 1), sizeof *r->problems);
    if (!r->path || !r->learner || !r->name || !r->integrity || !r->cert || !r->problems)
        return false;
    const char *rel = r->path;
    if (!strncmp(rel, rd->st->opened, rd->folder_len))
        rel += rd->folder_len;
    while (*rel == '/')
        rel++;
    r->rel = rel;
    r->records = f->records;
    r->good = f->count[RECORD_GOOD];
    r->attempts = f->attempts;
    r->quizzes = f->quiz_attempts;
    r->exams = f->exam_attempts;
    r->intact = f->intact;
    r->wrong_key = f->wrong_key;
    for (int i = 0; i < r->n_problems; i++) {
        const DiagItem *d = diag_item(f->problems, i);
        char line[1200];
        if (d->line > 0)
            snprintf(line, sizeof line, "line %d: %s", d->line, d->message);
        else
            snprintf(line, sizeof line, "%s", d->message);
        if (!(r->problems[i] = instr_dup_str(line)))
            return false;
    }
    for (int k = 0; k < f->n_courses; k++) {
        const ReportCourse *rc = &f->courses[k];
        for (int c = 0; c < nc; c++) {
            if (library_course(lib, c) != rc->course)
                continue;
            CertCell *cell = &r->cert[c];
            cell->any = true;
            cell->certified = rc->cert.certified;
            cell->modules_passed = rc->cert.modules_passed;
            cell->modules_total = rc->cert.modules_total;
            cell->exam_passed = rc->cert.exam_passed;
            cell->exam_attempts = rc->exam_attempts;
            cell->attempts_left = rc->cert.exam_attempts_left;
            cell->best_exam = rc->cert.best_exam ? rc->cert.best_exam->score : -1;
        }
    }
    return true;
}

static int on_file(void *user, const ReportFile *f)
{
    Reading *rd = user;
    State *st = rd->st;
    if (f->skipped)
        return 0; /* listed from report_skipped afterwards */
    if (st->n_rows == st->cap_rows) {
        int cap = st->cap_rows ? 2 * st->cap_rows : 32;
        LearnerRow *rows = realloc(st->rows, sizeof *rows * (size_t)cap);
        if (!rows) {
            rd->failed = true;
            return 1;
        }
        st->rows = rows;
        st->cap_rows = cap;
    }
    LearnerRow *r = &st->rows[st->n_rows++];
    memset(r, 0, sizeof *r);
    if (!copy_row(rd, r, f)) {
        rd->failed = true;
        return 1;
    }
    return 0;
}

/* "~/x" is the home folder's x; a trailing slash is dropped. */
static void folder_path(const char *typed, char *out, size_t size)
{
    const char *home = getenv("HOME");
    if (typed[0] == '~' && (typed[1] == '/' || !typed[1]) && home)
        snprintf(out, size, "%s%s", home, typed + 1);
    else
        snprintf(out, size, "%s", typed);
    size_t n = strlen(out);
    while (n > 1 && out[n - 1] == '/')
        out[--n] = 0;
}

static void open_folder(App *a, State *st)
{
    instr_free_rows(st);
    st->message[0] = 0;
    st->list_scroll = st->q_scroll = 0;
    st->questions_tab = false;
    folder_path(st->folder, st->opened, sizeof st->opened);
    a->redraw = true;
    if (!st->opened[0]) {
        snprintf(st->message, sizeof st->message, "Type the folder that holds the learners' score files.");
        return;
    }
    if (!a->have_key) {
        snprintf(st->message, sizeof st->message,
                 "This station has no usable station key (see the message at the top), so no score file "
                 "can be checked.");
        return;
    }
    Diag *d = diag_create();
    char **paths = NULL;
    int n = report_list_dir(st->opened, &paths, d);
    if (n < 0) {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(st->message, sizeof st->message, "Cannot open %s: %s.", st->opened,
                 it ? it->message : "it cannot be read");
        diag_free(d);
        return;
    }
    diag_free(d);
    int threads = SDL_GetCPUCount();
    ReportOptions opt = {.course = NULL, .keep_clicks = true, .threads = threads > 4 ? 4 : threads};
    /* The institute's issued station keys ([instructor] issued_keys): files
     * they sealed verify, and courses with stations = issued count only
     * their exams. */
    unsigned char(*issued)[STATION_KEY_BYTES] = NULL;
    if (a->cfg->issued_keys_dir[0]) {
        Diag *kd = diag_create();
        opt.n_issued = report_read_keys(a->cfg->issued_keys_dir, &issued, kd);
        if (opt.n_issued < 0) {
            const DiagItem *it = diag_count(kd) ? diag_item(kd, 0) : NULL;
            snprintf(st->message, sizeof st->message, "The issued station keys cannot be read: %s.",
                     it ? it->message : "unknown error");
            diag_free(kd);
            report_paths_free(paths, n);
            return;
        }
        diag_free(kd);
        opt.issued_keys = (const unsigned char(*)[STATION_KEY_BYTES])issued;
    }
    st->report = report_create(a->lib, a->key, &opt);
    if (issued)
        sodium_memzero(issued, sizeof *issued * (size_t)opt.n_issued);
    free(issued);
    Reading rd = {a, st, strlen(st->opened), false};
    if (!st->report || report_add_files(st->report, (const char *const *)paths, n, on_file, &rd) < 0 ||
        rd.failed) {
        report_paths_free(paths, n);
        instr_free_rows(st);
        snprintf(st->message, sizeof st->message, "Out of memory while reading %s.", st->opened);
        return;
    }
    report_paths_free(paths, n);
    report_finish(st->report);
    st->order = calloc((size_t)(st->n_rows > 0 ? st->n_rows : 1), sizeof *st->order);
    if (!st->order || !instr_build_question_rows(a, st)) {
        instr_free_rows(st);
        snprintf(st->message, sizeof st->message, "Out of memory while reading %s.", st->opened);
        return;
    }
    instr_sort_order(st, st->order, st->n_rows, cmp_learners);
    const ReportSummary *s = report_summary(st->report);
    if (n == 0)
        snprintf(st->message, sizeof st->message,
                 "%s is empty. Collect the learners' .scores files from each station (their "
                 "data folder's learners folder) into it, then open it again.",
                 st->opened);
    else if (s->read == 0)
        snprintf(st->message, sizeof st->message,
                 "No score files in %s: none of its %d file%s is a learner's score file (the reasons are "
                 "listed below).",
                 st->opened, n, n == 1 ? "" : "s");
    printf("instructor: opened %s: files=%d read=%d intact=%d skipped=%d questions=%d\n", st->opened, s->files,
           s->read, s->intact, s->skipped, report_item_count(st->report));
    fflush(stdout);
}

/* ---- the report page --------------------------------------------------------------- */

static void cert_cell_text(const CertCell *c, char *main_text, size_t ms, char *sub, size_t ss)
{
    if (!c->any) {
        snprintf(main_text, ms, "\xE2\x80\x94");
        snprintf(sub, ss, "no attempts");
        return;
    }
    snprintf(main_text, ms, c->certified ? "\xE2\x9C\x93 Certified" : "Not certified");
    char exam[80];
    if (c->exam_passed)
        snprintf(exam, sizeof exam, "exam passed %.0f%%", c->best_exam * 100);
    else if (c->exam_attempts == 0)
        snprintf(exam, sizeof exam, "no exam yet");
    else if (c->attempts_left >= 0)
        snprintf(exam, sizeof exam, "exam not passed, %d left", c->attempts_left);
    else
        snprintf(exam, sizeof exam, "exam not passed");
    snprintf(sub, ss, "modules %d/%d \xC2\xB7 %s", c->modules_passed, c->modules_total, exam);
}


static void learner_table(App *a, State *st, SDL_Rect box)
{
    Ui *ui = &a->ui;
    int nc = library_course_count(a->lib);
    TableColumn cols[L_COURSE0 + 16];
    int n_cols = L_COURSE0 + (nc < 16 ? nc : 16);
    cols[L_NAME] = (TableColumn){"Name", 170, 1.3f, false};
    cols[L_ID] = (TableColumn){"Id", 130, 0.8f, false};
    cols[L_ATTEMPTS] = (TableColumn){"Attempts", 120, 0, true}; /* "4 quizzes, 2 exams" takes two lines */
    cols[L_INTEGRITY] = (TableColumn){"Integrity", 240, 1.4f, false};
    for (int c = L_COURSE0; c < n_cols; c++) {
        const Course *co = library_course(a->lib, c - L_COURSE0);
        cols[c] = (TableColumn){co->title && *co->title ? co->title : co->id, 190, 1.0f, false};
    }
    /* Columns in reading order: name, id, attempts, courses, integrity. */
    int xs[L_COURSE0 + 16], ws[L_COURSE0 + 16];
    TableColumn shown[L_COURSE0 + 16];
    int map[L_COURSE0 + 16], k = 0;
    for (int c = 0; c < n_cols; c++)
        if (c != L_INTEGRITY) {
            map[k] = c;
            shown[k++] = cols[c];
        }
    map[k] = L_INTEGRITY;
    shown[k++] = cols[L_INTEGRITY];
    int sx = box.x, sw = box.w - ui_px(ui, 12); /* room for the scrollbar */
    table_layout_columns(a->ren, &a->ui, shown, k, sx, sw, xs, ws);
    int hh = ui_px(ui, 38);
    int vis_sort = 0;
    for (int i = 0; i < k; i++)
        if (map[i] == st->sort)
            vis_sort = i;
    int before = vis_sort;
    bool resorted = table_header(a->ren, &a->ui, (SDL_Rect){box.x, box.y, box.w, hh}, shown, k, xs, ws, &vis_sort,
                                 &st->sort_dir, "learners");
    if (resorted)
        a->redraw = true;
    if (resorted || vis_sort != before) {
        st->sort = map[vis_sort];
        instr_sort_order(st, st->order, st->n_rows, cmp_learners);
    }
    SDL_Rect list = {box.x, box.y + hh, box.w, box.h - hh};
    int rh = ui_px(ui, 56), sh = ui_px(ui, 46);
    int n_skip = report_skipped_count(st->report);
    int content = st->n_rows * rh + (n_skip ? ui_px(ui, 56) + n_skip * sh : 0);
    if (st->n_rows == 0)
        content += rh;
    instr_scroll_keys(a, &st->list_scroll, list.h);
    ui_scroll(ui, list, &st->list_scroll, content);
    ren_clip(a->ren, list);
    int y = list.y - st->list_scroll;
    if (st->n_rows == 0) {
        ren_text(a->ren, FONT_BODY, box.x + ui_px(ui, 10), y + (rh - instr_text_h(a, FONT_BODY)) / 2, THEME_MUTED,
                 "No learner files were read.");
        y += rh;
    }
    for (int i = 0; i < st->n_rows; i++, y += rh) {
        if (y + rh < list.y || y > list.y + list.h)
            continue;
        const LearnerRow *r = &st->rows[st->order[i]];
        SDL_Rect row = {box.x, y, sw, rh};
        if (ui_hover(ui, instr_clip_to(row, list)))
            ren_fill_rect(a->ren, row, THEME_ACCENT_LIGHT);
        else if (i % 2)
            ren_fill_rect(a->ren, row, THEME_PANEL_ALT);
        for (int c = 0; c < k; c++) {
            SDL_Rect cell = {xs[c], y, ws[c], rh};
            char m[200], s[300];
            switch (map[c]) {
            case L_NAME:
                table_cell_text(a->ren, &a->ui, cell, false, FONT_BOLD, THEME_TEXT, r->name, THEME_MUTED, r->rel);
                break;
            case L_ID:
                table_cell_text(a->ren, &a->ui, cell, false, FONT_BODY, THEME_TEXT, r->learner, THEME_MUTED, NULL);
                break;
            case L_ATTEMPTS:
                snprintf(m, sizeof m, "%d", r->attempts);
                snprintf(s, sizeof s, "%d quiz%s, %d exam%s", r->quizzes, r->quizzes == 1 ? "" : "zes", r->exams,
                         r->exams == 1 ? "" : "s");
                table_cell_text(a->ren, &a->ui, cell, true, FONT_BODY, THEME_TEXT, m, THEME_MUTED, s);
                break;
            case L_INTEGRITY:
                if (r->intact)
                    snprintf(m, sizeof m, "\xE2\x9C\x93 All %d records good", r->records);
                else
                    snprintf(m, sizeof m, "\xE2\x9C\x97 %s", r->wrong_key ? "Signed on another station?" : "Problems");
                /* Narrow: the short question (the line under it explains). */
                if (r->wrong_key && ren_text_width(a->ren, FONT_BOLD, m) > cell.w - ui_px(ui, 20))
                    snprintf(m, sizeof m, "\xE2\x9C\x97 Signed elsewhere?");
                if (r->wrong_key)
                    snprintf(s, sizeof s, "no record matches this station's key");
                else
                    snprintf(s, sizeof s, "%s", r->intact ? "every record verified" : r->integrity);
                table_cell_text(a->ren, &a->ui, cell, false, FONT_BOLD, r->intact ? THEME_GOOD : THEME_BAD, m,
                          r->intact ? THEME_MUTED : THEME_BAD, s);
                break;
            default: {
                const CertCell *cc = &r->cert[map[c] - L_COURSE0];
                cert_cell_text(cc, m, sizeof m, s, sizeof s);
                table_cell_text(a->ren, &a->ui, cell, false, cc->certified ? FONT_BOLD : FONT_BODY,
                          cc->certified ? THEME_GOOD : cc->any ? THEME_TEXT : THEME_MUTED, m, THEME_MUTED, s);
                break;
            }
            }
        }
        char label[300];
        snprintf(label, sizeof label, "Open learner %s", r->learner);
        if (ui_clickable(ui, instr_clip_to(row, list), label)) {
            ren_unclip(a->ren);
            instr_open_learner(a, st, st->order[i]);
            return;
        }
    }
    if (n_skip) {
        y += ui_px(ui, 20);
        char head[80];
        snprintf(head, sizeof head, "Skipped files (%d): not read, nothing from them is counted", n_skip);
        ren_text(a->ren, FONT_BOLD, box.x + ui_px(ui, 10), y, THEME_BAD, head);
        y += ui_px(ui, 36);
        for (int i = 0; i < n_skip; i++, y += sh) {
            if (y + sh < list.y || y > list.y + list.h)
                continue;
            const char *path, *reason;
            report_skipped(st->report, i, &path, &reason);
            const char *rel = path;
            size_t fl = strlen(st->opened);
            if (!strncmp(rel, st->opened, fl))
                rel += fl;
            while (*rel == '/')
                rel++;
            SDL_Rect row = {box.x, y, sw, sh - ui_px(ui, 6)};
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_BAD_LIGHT);
            int ty = row.y + (row.h - instr_text_h(a, FONT_BODY)) / 2;
            int px = row.x + ui_px(ui, 12);
            px += ren_text(a->ren, FONT_BOLD, px, ty, THEME_BAD, "\xE2\x9C\x97 ");
            int nw = ren_text_fit(a->ren, FONT_BOLD, px, ty, row.w / 3, THEME_TEXT, rel);
            px += nw + ui_px(ui, 16);
            ren_text_fit(a->ren, FONT_BODY, px, ty, row.x + row.w - px - ui_px(ui, 12), THEME_TEXT, reason);
        }
    }
    ren_unclip(a->ren);
}

void instr_page_report(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int pad = ui_px(ui, 20);
    /* The folder bar. */
    int fy = area.y + pad + instr_text_h(a, FONT_SMALL) + ui_px(ui, 4);
    int bh = ui_px(ui, 42);
    const char *station_label = "This station's learners";
    int lock_w = ren_text_width(a->ren, FONT_BODY, "Lock and leave") + ui_px(ui, 32);
    int station_w = ren_text_width(a->ren, FONT_BODY, station_label) + ui_px(ui, 32);
    int open_w = ui_px(ui, 110), gap = ui_px(ui, 10);
    SDL_Rect lock = {area.w - pad - lock_w, fy, lock_w, bh};
    SDL_Rect open = {lock.x - gap * 2 - open_w, fy, open_w, bh};
    SDL_Rect station = {open.x - gap - station_w, fy, station_w, bh};
    SDL_Rect field = {pad, fy, station.x - gap - pad, bh};
    int r = ui_text_field(ui, field, "Folder of score files (subfolders are read too)", st->folder,
                          sizeof st->folder, "e.g. /media/usb/scores");
    if (ui_button(ui, station, station_label, BUTTON_SECONDARY)) {
        snprintf(st->folder, sizeof st->folder, "%s/learners", a->data_dir ? a->data_dir : ".");
        open_folder(a, st);
    }
    if (ui_button(ui, open, "Open", BUTTON_PRIMARY) || (r & UI_FIELD_ENTER))
        open_folder(a, st);
    if (ui_button(ui, lock, "Lock and leave", BUTTON_SECONDARY)) {
        instr_leave(a);
        return;
    }
    int y = fy + bh + ui_px(ui, 14);
    int w = area.w - 2 * pad;
    if (st->message[0]) {
        int mh = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, w - ui_px(ui, 32), THEME_BAD, st->message, false, 0, 0);
        SDL_Rect box = {pad, y, w, mh + ui_px(ui, 20)};
        ren_fill_round_rect(a->ren, box, ui_px(ui, 8), THEME_BAD_LIGHT);
        ren_text_wrapped(a->ren, FONT_BODY, pad + ui_px(ui, 16), y + ui_px(ui, 10), w - ui_px(ui, 32), THEME_BAD,
                         st->message, true, 0, ui->height);
        y += box.h + ui_px(ui, 12);
    }
    if (!st->report) {
        if (!st->message[0]) {
            SDL_Rect hint = {pad, y, w, area.y + area.h - pad - y};
            instr_panel(a, hint);
            int hx = hint.x + ui_px(ui, 28), hy = hint.y + ui_px(ui, 24), hw = hint.w - ui_px(ui, 56);
            ren_text(a->ren, FONT_HEADING, hx, hy, THEME_ACCENT_DARK, "Open a folder of score files");
            hy += instr_text_h(a, FONT_HEADING) + ui_px(ui, 10);
            ren_text_wrapped(a->ren, FONT_BODY, hx, hy, hw, THEME_TEXT,
                             "Each station keeps one score file per learner in its data folder's learners "
                             "folder (<name>.scores). Copy them from every station into one folder (a USB "
                             "stick or a shared drive; one subfolder per station is fine), type its path above "
                             "and choose Open. The field starts with this station's own learners.\n"
                             "Every record is checked with this station's key: files from a station with "
                             "another key show as signed elsewhere.",
                             true, 0, ui->height);
        }
        return;
    }
    /* Summary and tabs. */
    const ReportSummary *s = report_summary(st->report);
    char line[600];
    int n = snprintf(line, sizeof line,
                     "%d file%s: %d read (%d intact, %d with problems), %d skipped \xC2\xB7 %d attempts, %d verified",
                     s->files, s->files == 1 ? "" : "s", s->read, s->intact, s->read - s->intact, s->skipped,
                     s->attempts, s->counted);
    for (int k = 0; k < s->n_courses && n > 0 && (size_t)n < sizeof line; k++)
        n += snprintf(line + n, sizeof line - (size_t)n, " \xC2\xB7 certified in %s: %d of %d", s->courses[k]->id,
                      s->certified[k], s->read);
    int th = ui_px(ui, 38);
    char t1[64], t2[64];
    snprintf(t1, sizeof t1, "Learners (%d)", st->n_rows);
    snprintf(t2, sizeof t2, "Questions (%d)", report_item_count(st->report));
    int w1 = ren_text_width(a->ren, FONT_BODY, t1) + ui_px(ui, 32), w2 = ren_text_width(a->ren, FONT_BODY, t2) + ui_px(ui, 32);
    SDL_Rect tab1 = {pad, y, w1, th}, tab2 = {pad + w1 + ui_px(ui, 8), y, w2, th};
    if (ui_button(ui, tab1, t1, st->questions_tab ? BUTTON_SECONDARY : BUTTON_SELECTED) && st->questions_tab) {
        st->questions_tab = false;
        a->redraw = true;
    }
    if (ui_button(ui, tab2, t2, st->questions_tab ? BUTTON_SELECTED : BUTTON_SECONDARY) && !st->questions_tab) {
        st->questions_tab = true;
        a->redraw = true;
    }
    int lx = tab2.x + tab2.w + ui_px(ui, 20);
    int lh = ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, area.w - pad - lx, THEME_MUTED, line, false, 0, 0);
    ren_text_wrapped(a->ren, FONT_SMALL, lx, y + (th - lh) / 2, area.w - pad - lx, THEME_MUTED, line, true, 0,
                     ui->height);
    y += th + ui_px(ui, 12);
    SDL_Rect box = {pad, y, w, area.y + area.h - pad - y};
    instr_panel(a, box);
    SDL_Rect inner = {box.x + ui_px(ui, 8), box.y + ui_px(ui, 8), box.w - ui_px(ui, 16), box.h - ui_px(ui, 16)};
    if (st->questions_tab)
        instr_question_table(a, st, inner);
    else
        learner_table(a, st, inner);
}
