/* Certificate: shown to a certified learner and saved as a PNG in the data
 * folder (<data>/certificates/<learner>-<course>.png). It carries the name,
 * the course, the date and score of the passing exam, and a verification
 * code that `tpquiz verify --code` checks against the learner's score file. */
#include <SDL_image.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app_state.h"
#include "chrome.h"
#include "verify.h"
#include "theme.h"

typedef struct {
    char name[LEARNER_NAME_MAX + 1];
    char course[200];
    char date[64];
    char score[32];
    char code[15]; /* ABCD-EFGH-JKLM */
} CertText;

static bool cert_text(App *a, const Course *c, CertText *t)
{
    CertStatus cs = app_cert_status(a, c);
    const Record *r = cs.best_exam;
    bool ok = cs.certified && r;
    if (ok) {
        snprintf(t->name, sizeof t->name, "%s", a->learner_name);
        snprintf(t->course, sizeof t->course, "%s", c->title);
        time_t when = (time_t)r->finished;
        struct tm tm;
        gmtime_r(&when, &tm);
        strftime(t->date, sizeof t->date, "%d %B %Y", &tm);
        snprintf(t->score, sizeof t->score, "%d%%", (int)(r->score * 100 + 0.5));
        char raw[13];
        record_certificate_code(r, a->key, raw);
        verify_code_format(raw, t->code);
    }
    certify_status_free(&cs);
    return ok;
}

/* Draws the certificate filling r (any size; everything scales with it). */
static void draw_cert(Ren *ren, SDL_Rect r, const CertText *t)
{
    float k = (float)r.w / 1000.0f; /* design width 1000 */
    ren_fill_rect(ren, r, COL(0xFD, 0xFB, 0xF6));
    int b = (int)(14 * k);
    SDL_Rect frame = {r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b};
    ren_rect(ren, frame, (int)(4 * k) + 1, THEME_ACCENT_DARK);
    SDL_Rect inner = {frame.x + (int)(10 * k), frame.y + (int)(10 * k), frame.w - (int)(20 * k), frame.h - (int)(20 * k)};
    ren_rect(ren, inner, 1, THEME_ACCENT);
    int cx = r.x + r.w / 2;
    int y = r.y + (int)(70 * k);
    const char *lines[] = {"CERTIFICATE", "tpquiz \xC2\xB7 myofascial trigger point therapy"};
    int w = ren_text_width(ren, FONT_TITLE, lines[0]);
    ren_text(ren, FONT_TITLE, cx - w / 2, y, THEME_ACCENT_DARK, lines[0]);
    y += ren_text_height(ren, FONT_TITLE) + (int)(4 * k);
    w = ren_text_width(ren, FONT_BODY, lines[1]);
    ren_text(ren, FONT_BODY, cx - w / 2, y, THEME_MUTED, lines[1]);
    y += ren_text_height(ren, FONT_BODY) + (int)(50 * k);
    const char *certifies = "This certifies that";
    w = ren_text_width(ren, FONT_BODY, certifies);
    ren_text(ren, FONT_BODY, cx - w / 2, y, THEME_TEXT, certifies);
    y += ren_text_height(ren, FONT_BODY) + (int)(16 * k);
    w = ren_text_width(ren, FONT_TITLE, t->name);
    ren_text(ren, FONT_TITLE, cx - w / 2, y, THEME_TEXT, t->name);
    y += ren_text_height(ren, FONT_TITLE) + (int)(6 * k);
    ren_line(ren, (float)(cx - (int)(260 * k)), (float)y, (float)(cx + (int)(260 * k)), (float)y, 1.5f, THEME_BORDER);
    y += (int)(24 * k);
    char line[400];
    snprintf(line, sizeof line, "has passed every module quiz and the certification exam of the course");
    w = ren_text_width(ren, FONT_BODY, line);
    ren_text(ren, FONT_BODY, cx - w / 2, y, THEME_TEXT, line);
    y += ren_text_height(ren, FONT_BODY) + (int)(14 * k);
    w = ren_text_width(ren, FONT_HEADING, t->course);
    ren_text(ren, FONT_HEADING, cx - w / 2, y, THEME_ACCENT_DARK, t->course);
    y += ren_text_height(ren, FONT_HEADING) + (int)(14 * k);
    snprintf(line, sizeof line, "Exam score %s \xC2\xB7 %s", t->score, t->date);
    w = ren_text_width(ren, FONT_BODY, line);
    ren_text(ren, FONT_BODY, cx - w / 2, y, THEME_TEXT, line);
    /* A seal between the statement and the code. */
    float sx = (float)cx, sy = (float)(y + (r.y + r.h - (int)(110 * k) - y) / 2 + (int)(20 * k));
    float rad = 62.0f * k;
    ren_fill_circle(ren, sx, sy, rad, THEME_ACCENT_LIGHT);
    ren_circle(ren, sx, sy, rad, 3.0f * k, THEME_ACCENT_DARK);
    ren_circle(ren, sx, sy, rad - 9.0f * k, 1.2f * k, THEME_ACCENT);
    ren_line(ren, sx - 26 * k, sy + 2 * k, sx - 7 * k, sy + 20 * k, 7 * k, THEME_ACCENT_DARK);
    ren_line(ren, sx - 7 * k, sy + 20 * k, sx + 28 * k, sy - 22 * k, 7 * k, THEME_ACCENT_DARK);
    snprintf(line, sizeof line, "Verification code %s", t->code);
    w = ren_text_width(ren, FONT_BOLD, line);
    int by = r.y + r.h - (int)(70 * k) - ren_text_height(ren, FONT_BOLD);
    ren_text(ren, FONT_BOLD, cx - w / 2, by, THEME_TEXT, line);
    const char *how = "Check it with: tpquiz verify --code CODE <score file>";
    w = ren_text_width(ren, FONT_SMALL, how);
    ren_text(ren, FONT_SMALL, cx - w / 2, by + ren_text_height(ren, FONT_BOLD) + (int)(4 * k), THEME_MUTED, how);
}

/* Renders the certificate off screen at 1600 x 1130 and saves it as a PNG.
 * Returns 0 or -1 (SDL_GetError says why). */
static int save_png(App *a, const CertText *t, const char *path)
{
    SDL_Renderer *r = a->sdl;
    int w = 1600, h = 1130;
    SDL_Texture *target = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!target)
        return -1;
    SDL_Texture *old = SDL_GetRenderTarget(r);
    int rc = -1;
    /* The fonts follow the window's scale; draw at a scale that suits the image. */
    float keep = ren_scale(a->ren);
    if (SDL_SetRenderTarget(r, target) == 0 && ren_set_scale(a->ren, 2.0f)) {
        SDL_Rect all = {0, 0, w, h};
        draw_cert(a->ren, all, t);
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);
        if (s && SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ABGR8888, s->pixels, s->pitch) == 0 &&
            IMG_SavePNG(s, path) == 0)
            rc = 0;
        SDL_FreeSurface(s);
    }
    SDL_SetRenderTarget(r, old);
    ren_set_scale(a->ren, keep);
    SDL_DestroyTexture(target);
    return rc;
}

void screen_certificate(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Course *c = a->course;
    SDL_Rect area;
    if (chrome_top_bar(a, "Certificate", c->title, true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    CertText t;
    if (!cert_text(a, c, &t)) {
        ren_text(a->ren, FONT_BODY, ui_px(ui, 40), area.y + ui_px(ui, 40), THEME_MUTED,
                 "No certificate yet: pass every module quiz and the exam.");
        return;
    }
    static char saved_for[400];
    static char saved_path[4200];
    char key[400];
    snprintf(key, sizeof key, "%s/%s/%s", a->learner, c->id, t.code);
    if (strcmp(saved_for, key)) {
        char dir[4100];
        snprintf(dir, sizeof dir, "%s/certificates", a->data_dir);
        mkdir(dir, 0700);
        snprintf(saved_path, sizeof saved_path, "%s/%s-%s.png", dir, a->learner, c->id);
        if (save_png(a, &t, saved_path) == 0) {
            printf("certificate saved: %s code=%s\n", saved_path, t.code);
            fflush(stdout);
        } else {
            snprintf(a->banner, sizeof a->banner, "The certificate could not be saved: %s", SDL_GetError());
            saved_path[0] = 0;
        }
        snprintf(saved_for, sizeof saved_for, "%s", key);
        a->redraw = true;
    }
    int pad = ui_px(ui, 24);
    int avail_w = all.w - 2 * pad, avail_h = area.h - 2 * pad - ui_px(ui, 40);
    int w = avail_w, h = w * 1130 / 1600;
    if (h > avail_h) {
        h = avail_h;
        w = h * 1600 / 1130;
    }
    SDL_Rect r = {(all.w - w) / 2, area.y + pad, w, h};
    /* On screen the text keeps the reading size; the certificate is laid out
     * in proportion to its width. */
    draw_cert(a->ren, r, &t);
    if (saved_path[0]) {
        char line[4300];
        snprintf(line, sizeof line, "Saved as %s", saved_path);
        ren_text_fit(a->ren, FONT_SMALL, r.x, r.y + r.h + ui_px(ui, 10), r.w, THEME_MUTED, line);
    }
}
