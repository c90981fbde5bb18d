/* contact_sheet: renders every chart, every muscle overlay on its chart, and
 * every module's trigger points and referral zones on each chart it uses, to
 * PNG files for review (docs/CHARTS.md).
 *
 *   contact_sheet OUTDIR [--courses DIR] [--assets DIR] [--size PIXELS] [--outline]
 *                        [--before OLD_ASSETS]
 *
 * OUTDIR gets:
 *   view.<view>.png              the chart alone
 *   overlay.<muscle>.<view>.png  the muscle overlay on its chart
 *   module.<id>.<view>.png       chart, overlay (in the program's muscle tone,
 *                                hatched where deep), zones (essential solid
 *                                red, spillover red dots, each with its
 *                                edge), trigger points (an X, a
 *                                circle of the full-credit radius, a dotted
 *                                circle at twice it), the primary one bolder
 *   sheet.png                    every chart side by side, small
 *   index.html                   all of them on one page
 * --size is the larger side of each picture in pixels (default 1000);
 * --outline also draws each chart's body outline (id="tpquiz-body") in blue,
 * the shape tpquiz check tests points against.
 * --before OLD_ASSETS (an assets folder of another version, e.g. from
 * `git archive REF assets | tar -x -C DIR`) also writes, for every chart and
 * every overlay of ASSETS, before.<view>.png and before.<muscle>.<view>.png:
 * the old picture on the left, the new one on the right, each at --size (a
 * grey panel where the old version had no such file).
 *
 * Charts are rasterised by SDL2_image (nanosvg), as in the program; marks are
 * drawn into the SDL_Surface pixel by pixel, so no window or renderer is
 * needed. Exit status 1 if anything could not be read or written. */
#include <SDL.h>
#include <SDL_image.h>

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "course.h"
#include "diag.h"
#include "overlay_style.h"
#include "svgview.h"

#define PI 3.14159265358979323846

typedef struct {
    const char *out, *courses, *assets, *before;
    int size;
    bool outline;
    int failures;
    FILE *index;
} Sheet;

typedef struct {
    SDL_Surface *s; /* RGBA32, opaque */
    RectD vb;       /* the chart's viewBox */
    double scale;   /* pixels per chart unit */
} Canvas;

/* snprintf into a path buffer; a path too long for it is cut (and the file
 * then not found, which is reported where it is used). */
static void pathf(char *out, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void pathf(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out, size, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ */
/* pixels */

static void blend(Canvas *c, int x, int y, SDL_Color col)
{
    if (x < 0 || y < 0 || x >= c->s->w || y >= c->s->h)
        return;
    Uint8 *p = (Uint8 *)c->s->pixels + y * c->s->pitch + x * 4;
    int a = col.a;
    p[0] = (Uint8)((p[0] * (255 - a) + col.r * a) / 255);
    p[1] = (Uint8)((p[1] * (255 - a) + col.g * a) / 255);
    p[2] = (Uint8)((p[2] * (255 - a) + col.b * a) / 255);
    p[3] = 255;
}

static double px(const Canvas *c, double x)
{
    return (x - c->vb.x) * c->scale;
}

static double py(const Canvas *c, double y)
{
    return (y - c->vb.y) * c->scale;
}

/* A line of the given width (pixels), as a run of filled discs. */
static void thick_line(Canvas *c, double x0, double y0, double x1, double y1, double width, SDL_Color col,
                       int dash)
{
    double len = hypot(x1 - x0, y1 - y0);
    double r = width / 2;
    /* mark each pixel once per line so overlapping discs do not darken it */
    int minx = (int)floor(fmin(x0, x1) - r - 1), maxx = (int)ceil(fmax(x0, x1) + r + 1);
    int miny = (int)floor(fmin(y0, y1) - r - 1), maxy = (int)ceil(fmax(y0, y1) + r + 1);
    for (int y = miny; y <= maxy; y++) {
        for (int x = minx; x <= maxx; x++) {
            double dx = x1 - x0, dy = y1 - y0;
            double t = len > 0 ? ((x - x0) * dx + (y - y0) * dy) / (len * len) : 0;
            if (t < 0)
                t = 0;
            if (t > 1)
                t = 1;
            if (dash > 0 && ((int)(t * len) / dash) % 2 == 1)
                continue;
            double ex = x0 + t * dx - x, ey = y0 + t * dy - y;
            if (ex * ex + ey * ey <= r * r)
                blend(c, x, y, col);
        }
    }
}

static void circle_outline(Canvas *c, double cx, double cy, double radius, double width, SDL_Color col,
                           bool dotted)
{
    int n = (int)fmax(24, radius * 2);
    for (int i = 0; i < n; i++) {
        if (dotted && i % 2)
            continue;
        double a0 = 2 * PI * i / n, a1 = 2 * PI * (i + 1) / n;
        thick_line(c, cx + radius * cos(a0), cy + radius * sin(a0), cx + radius * cos(a1), cy + radius * sin(a1),
                   width, col, 0);
    }
}

/* Even-odd scanline fill of a polygon in chart units; pattern 0 = solid,
 * otherwise only every pattern-th pixel on every pattern-th row (dots). */
static void fill_polygon(Canvas *c, const Vec2 *pts, int n, SDL_Color col, int pattern)
{
    if (n < 3)
        return;
    double *xs = malloc(sizeof *xs * (size_t)n);
    if (!xs)
        return;
    for (int y = 0; y < c->s->h; y++) {
        double sy = y + 0.5;
        int k = 0;
        for (int i = 0; i < n; i++) {
            double ax = px(c, pts[i].x), ay = py(c, pts[i].y);
            double bx = px(c, pts[(i + 1) % n].x), by = py(c, pts[(i + 1) % n].y);
            if ((ay > sy) != (by > sy))
                xs[k++] = ax + (sy - ay) * (bx - ax) / (by - ay);
        }
        for (int i = 1; i < k; i++) /* insertion sort: k is small */
            for (int j = i; j > 0 && xs[j - 1] > xs[j]; j--) {
                double t = xs[j];
                xs[j] = xs[j - 1];
                xs[j - 1] = t;
            }
        for (int i = 0; i + 1 < k; i += 2) {
            int x0 = (int)ceil(xs[i] - 0.5), x1 = (int)floor(xs[i + 1] - 0.5);
            for (int x = x0; x <= x1; x++)
                if (!pattern || (x % pattern == 0 && y % pattern == 0))
                    blend(c, x, y, col);
        }
    }
    free(xs);
}

static void polygon_outline(Canvas *c, const Vec2 *pts, int n, double width, SDL_Color col, int dash)
{
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], b = pts[(i + 1) % n];
        thick_line(c, px(c, a.x), py(c, a.y), px(c, b.x), py(c, b.y), width, col, dash);
    }
}

/* ------------------------------------------------------------------ */
/* charts */

static SDL_Surface *rasterise(const char *path, int w, int h)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw)
        return NULL;
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
    SDL_RWclose(rw);
    if (!s)
        return NULL;
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(s);
    return c;
}

/* A white canvas the size of the chart at --size with the chart on it. */
static bool open_canvas(Sheet *sh, const char *chart, const SvgInfo *info, Canvas *c)
{
    double w = info->viewbox.w, h = info->viewbox.h;
    double scale = sh->size / fmax(w, h);
    int pw = (int)lround(w * scale), ph = (int)lround(h * scale);
    c->vb = info->viewbox;
    c->scale = scale;
    c->s = SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Surface *img = c->s ? rasterise(chart, pw, ph) : NULL;
    if (!img) {
        fprintf(stderr, "%s: cannot rasterise: %s\n", chart, SDL_GetError());
        if (c->s)
            SDL_FreeSurface(c->s);
        c->s = NULL;
        sh->failures++;
        return false;
    }
    SDL_FillRect(c->s, NULL, SDL_MapRGBA(c->s->format, 255, 255, 255, 255));
    SDL_SetSurfaceBlendMode(img, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(img, NULL, c->s, NULL);
    SDL_FreeSurface(img);
    return true;
}

/* A muscle overlay on the canvas, recoloured as the program shows it (core
 * overlay_style): the muscle tone, hatched where deep. */
static void add_overlay(Sheet *sh, Canvas *c, const char *svg, bool deep)
{
    SDL_Surface *img = rasterise(svg, c->s->w, c->s->h);
    if (!img) {
        fprintf(stderr, "%s: cannot rasterise: %s\n", svg, SDL_GetError());
        sh->failures++;
        return;
    }
    if (SDL_LockSurface(img) == 0) {
        overlay_restyle_rgba(img->pixels, img->w, img->h, img->pitch, deep, 7);
        SDL_UnlockSurface(img);
    }
    SDL_SetSurfaceBlendMode(img, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(img, NULL, c->s, NULL);
    SDL_FreeSurface(img);
}

static void draw_body_outline(Canvas *c, const SvgInfo *info)
{
    for (int i = 0; i < info->n_outline; i++)
        polygon_outline(c, info->outline[i].pts, info->outline[i].n, 1.5, (SDL_Color){30, 90, 220, 200}, 0);
}

static void save(Sheet *sh, Canvas *c, const char *name, const char *caption)
{
    char path[4096];
    pathf(path, sizeof path, "%s/%s", sh->out, name);
    if (IMG_SavePNG(c->s, path) != 0) {
        fprintf(stderr, "%s: cannot write: %s\n", path, SDL_GetError());
        sh->failures++;
    } else {
        printf("wrote %s\n", path);
        if (sh->index)
            fprintf(sh->index,
                    "<figure><a href=\"%s\"><img src=\"%s\" height=\"400\"></a><figcaption>%s</figcaption>"
                    "</figure>\n",
                    name, name, caption);
    }
    SDL_FreeSurface(c->s);
    c->s = NULL;
}

/* ------------------------------------------------------------------ */
/* files */

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && !strcmp(s + n - m, end);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the files in dir ending in suffix; NULL-terminated. */
static char **list_files(const char *dir, const char *suffix, int *n)
{
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    char **names = NULL;
    int cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
            continue;
        if (*n + 1 >= cap) {
            cap = cap ? cap * 2 : 32;
            char **grown = realloc(names, sizeof *names * (size_t)cap);
            if (!grown)
                break;
            names = grown;
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(dp);
    if (names) {
        qsort(names, (size_t)*n, sizeof *names, compare_names);
        names[*n] = NULL;
    }
    return names;
}

static void free_names(char **names, int n)
{
    for (int i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

static bool read_chart(const char *path, SvgInfo *info)
{
    Diag *d = diag_create();
    int rc = svgview_inspect(path, info, d);
    diag_print(d, stderr);
    diag_free(d);
    return rc == 0;
}

/* ------------------------------------------------------------------ */
/* the sheets */

static void views_and_overlays(Sheet *sh)
{
    char anatomy[4096], muscles[4096];
    pathf(anatomy, sizeof anatomy, "%s/anatomy", sh->assets);
    pathf(muscles, sizeof muscles, "%s/anatomy/muscles", sh->assets);
    int n = 0;
    char **views = list_files(anatomy, ".svg", &n);
    if (!views) {
        fprintf(stderr, "%s: no charts here\n", anatomy);
        sh->failures++;
        return;
    }
    /* sheet.png: every chart 400 pixels tall, side by side */
    int thumb_h = 400, sheet_w = 0;
    SDL_Surface **thumbs = calloc((size_t)n, sizeof *thumbs);
    for (int i = 0; i < n; i++) {
        char path[4096], name[512];
        pathf(path, sizeof path, "%s/%s", anatomy, views[i]);
        SvgInfo info;
        if (!read_chart(path, &info)) {
            sh->failures++;
            svgview_info_free(&info);
            continue;
        }
        Canvas c;
        if (open_canvas(sh, path, &info, &c)) {
            if (sh->outline)
                draw_body_outline(&c, &info);
            pathf(name, sizeof name, "view.%.*s.png", (int)(strlen(views[i]) - 4), views[i]);
            save(sh, &c, name, name);
        }
        if (thumbs) {
            int tw = (int)lround(info.viewbox.w * thumb_h / info.viewbox.h);
            thumbs[i] = rasterise(path, tw, thumb_h);
            if (thumbs[i])
                sheet_w += thumbs[i]->w + 10;
        }
        svgview_info_free(&info);
    }
    if (thumbs && sheet_w > 0) {
        SDL_Surface *sheet = SDL_CreateRGBSurfaceWithFormat(0, sheet_w + 10, thumb_h + 20, 32, SDL_PIXELFORMAT_RGBA32);
        if (sheet) {
            SDL_FillRect(sheet, NULL, SDL_MapRGBA(sheet->format, 255, 255, 255, 255));
            int x = 10;
            for (int i = 0; i < n; i++) {
                if (!thumbs[i])
                    continue;
                SDL_Rect at = {x, 10, thumbs[i]->w, thumbs[i]->h};
                SDL_SetSurfaceBlendMode(thumbs[i], SDL_BLENDMODE_BLEND);
                SDL_BlitSurface(thumbs[i], NULL, sheet, &at);
                x += thumbs[i]->w + 10;
            }
            Canvas c = {sheet, {0, 0, 0, 0}, 1};
            save(sh, &c, "sheet.png", "every chart");
        }
    }
    for (int i = 0; thumbs && i < n; i++)
        if (thumbs[i])
            SDL_FreeSurface(thumbs[i]);
    free(thumbs);

    int m = 0;
    char **overlays = list_files(muscles, ".svg", &m);
    for (int i = 0; i < m; i++) {
        /* <muscle>.<view>.svg: ids and view names hold no dots */
        const char *dot = strchr(overlays[i], '.');
        char view[256], chart[4096], overlay[4096], name[600];
        pathf(view, sizeof view, "%.*s", (int)(strlen(dot + 1) - 4), dot + 1);
        pathf(chart, sizeof chart, "%s/%s.svg", anatomy, view);
        pathf(overlay, sizeof overlay, "%s/%s", muscles, overlays[i]);
        SvgInfo info;
        if (!read_chart(chart, &info)) {
            fprintf(stderr, "%s: its chart %s cannot be read\n", overlay, chart);
            sh->failures++;
            svgview_info_free(&info);
            continue;
        }
        Canvas c;
        if (open_canvas(sh, chart, &info, &c)) {
            add_overlay(sh, &c, overlay, false);
            if (sh->outline)
                draw_body_outline(&c, &info);
            pathf(name, sizeof name, "overlay.%.*s.png", (int)(strlen(overlays[i]) - 4), overlays[i]);
            save(sh, &c, name, name);
        }
        svgview_info_free(&info);
    }
    free_names(overlays, m);
    free_names(views, n);
}

static void module_view(Sheet *sh, const Library *lib, const Module *mod, const char *view)
{
    const View *v = library_find_view(lib, view);
    if (!v || !v->ok)
        return;
    SvgInfo info;
    if (!read_chart(v->path, &info)) {
        sh->failures++;
        svgview_info_free(&info);
        return;
    }
    Canvas c;
    if (!open_canvas(sh, v->path, &info, &c)) {
        svgview_info_free(&info);
        return;
    }
    char overlay[4096];
    library_overlay_path(lib, mod->id, view, overlay, (int)sizeof overlay);
    struct stat st;
    if (stat(overlay, &st) == 0)
        add_overlay(sh, &c, overlay, module_view_is_deep(mod, view));
    if (sh->outline)
        draw_body_outline(&c, &info);
    double lw = fmax(1.5, c.scale * 1.2);
    for (int i = 0; i < mod->n_zones; i++) {
        const Zone *z = &mod->zones[i];
        if (strcmp(z->view, view))
            continue;
        if (z->kind == ZONE_ESSENTIAL) {
            fill_polygon(&c, z->poly.pts, z->poly.n, (SDL_Color){211, 47, 47, 150}, 0);
            polygon_outline(&c, z->poly.pts, z->poly.n, lw, (SDL_Color){160, 20, 20, 230}, 0);
        } else {
            fill_polygon(&c, z->poly.pts, z->poly.n, (SDL_Color){211, 47, 47, 40}, 0);
            fill_polygon(&c, z->poly.pts, z->poly.n, (SDL_Color){200, 30, 30, 230}, 4);
            polygon_outline(&c, z->poly.pts, z->poly.n, lw * 0.8, (SDL_Color){198, 40, 40, 160}, 0);
        }
    }
    for (int i = 0; i < mod->n_tps; i++) {
        const TriggerPoint *tp = &mod->tps[i];
        if (strcmp(tp->view, view))
            continue;
        double x = px(&c, tp->at.x), y = py(&c, tp->at.y), r = tp->radius * c.scale;
        double arm = fmax(5, c.scale * (tp->primary ? 7 : 5)), w = tp->primary ? lw * 2 : lw * 1.5;
        SDL_Color ink = {15, 15, 15, 255};
        circle_outline(&c, x, y, 2 * r, 1, (SDL_Color){15, 15, 15, 160}, true);
        circle_outline(&c, x, y, r, lw, (SDL_Color){15, 15, 15, 200}, false);
        thick_line(&c, x - arm, y - arm, x + arm, y + arm, w, ink, 0);
        thick_line(&c, x - arm, y + arm, x + arm, y - arm, w, ink, 0);
    }
    char name[600];
    pathf(name, sizeof name, "module.%s.%s.png", mod->id, view);
    save(sh, &c, name, name);
    svgview_info_free(&info);
}

static void modules(Sheet *sh)
{
    Diag *d = diag_create();
    Library *lib = library_load(sh->courses, sh->assets, d);
    char dir[4096];
    pathf(dir, sizeof dir, "%s/muscles", sh->courses);
    int n = 0;
    char **names = list_files(dir, ".ini", &n);
    for (int i = 0; i < n; i++) {
        char path[4096];
        pathf(path, sizeof path, "%s/%s", dir, names[i]);
        library_load_module_file(lib, path, d); /* also modules no course lists */
    }
    free_names(names, n);
    diag_sort(d);
    diag_print(d, stderr);
    diag_free(d);
    for (int i = 0; i < library_module_count(lib); i++) {
        const Module *m = library_module(lib, i);
        const char *done[64];
        int n_done = 0;
        for (int k = 0; k < m->n_tps + m->n_zones; k++) {
            const char *view = k < m->n_tps ? m->tps[k].view : m->zones[k - m->n_tps].view;
            bool seen = false;
            for (int j = 0; j < n_done; j++)
                if (!strcmp(done[j], view))
                    seen = true;
            if (seen || n_done == 64)
                continue;
            done[n_done++] = view;
            module_view(sh, lib, m, view);
        }
    }
    library_free(lib);
}

/* before.<name>.png: the chart (with the overlay, if any) of the old assets
 * folder beside that of the current one, each at --size; a light grey panel
 * of the new one's size where the old version had no such chart or overlay. */
static void before_after(Sheet *sh, const char *view, const char *overlay_file, const char *name)
{
    char paths[2][2][4096];
    const char *roots[2] = {sh->before, sh->assets};
    Canvas c[2] = {{0}, {0}};
    for (int k = 0; k < 2; k++) {
        pathf(paths[k][0], sizeof paths[k][0], "%s/anatomy/%s.svg", roots[k], view);
        if (overlay_file)
            pathf(paths[k][1], sizeof paths[k][1], "%s/anatomy/muscles/%s", roots[k], overlay_file);
        struct stat st;
        if (stat(paths[k][0], &st) != 0 || (overlay_file && stat(paths[k][1], &st) != 0))
            continue; /* not in this version */
        SvgInfo info;
        if (read_chart(paths[k][0], &info) && open_canvas(sh, paths[k][0], &info, &c[k]) && overlay_file)
            add_overlay(sh, &c[k], paths[k][1], false);
        svgview_info_free(&info);
    }
    if (!c[1].s) {
        if (c[0].s)
            SDL_FreeSurface(c[0].s);
        return;
    }
    int gap = 24, w0 = c[0].s ? c[0].s->w : c[1].s->w, h0 = c[0].s ? c[0].s->h : c[1].s->h;
    int w = w0 + gap + c[1].s->w, h = h0 > c[1].s->h ? h0 : c[1].s->h;
    Canvas out = {SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32), c[1].vb, c[1].scale};
    if (out.s) {
        SDL_FillRect(out.s, NULL, SDL_MapRGBA(out.s->format, 255, 255, 255, 255));
        SDL_Rect left = {0, 0, w0, h0}, right = {w0 + gap, 0, c[1].s->w, c[1].s->h};
        if (c[0].s)
            SDL_BlitSurface(c[0].s, NULL, out.s, &left);
        else
            SDL_FillRect(out.s, &left, SDL_MapRGBA(out.s->format, 225, 225, 225, 255));
        SDL_BlitSurface(c[1].s, NULL, out.s, &right);
        SDL_Rect bar = {w0 + gap / 2 - 1, 0, 2, h};
        SDL_FillRect(out.s, &bar, SDL_MapRGBA(out.s->format, 120, 120, 120, 255));
        char caption[700];
        pathf(caption, sizeof caption, "%s: before (left), after (right)", name);
        save(sh, &out, name, caption);
    } else {
        sh->failures++;
    }
    for (int k = 0; k < 2; k++)
        if (c[k].s)
            SDL_FreeSurface(c[k].s);
}

/* Every chart and overlay of the current assets beside its old version. */
static void before_and_after(Sheet *sh)
{
    char anatomy[4096], muscles[4096];
    pathf(anatomy, sizeof anatomy, "%s/anatomy", sh->assets);
    pathf(muscles, sizeof muscles, "%s/anatomy/muscles", sh->assets);
    int n = 0, m = 0;
    char **views = list_files(anatomy, ".svg", &n);
    for (int i = 0; views && i < n; i++) {
        char view[512], name[600];
        pathf(view, sizeof view, "%.*s", (int)(strlen(views[i]) - 4), views[i]);
        pathf(name, sizeof name, "before.%s.png", view);
        before_after(sh, view, NULL, name);
    }
    char **overlays = list_files(muscles, ".svg", &m);
    for (int i = 0; overlays && i < m; i++) {
        const char *dot = strchr(overlays[i], '.');
        char view[256], name[600];
        if (!dot)
            continue;
        pathf(view, sizeof view, "%.*s", (int)(strlen(dot + 1) - 4), dot + 1);
        pathf(name, sizeof name, "before.%.*s.png", (int)(strlen(overlays[i]) - 4), overlays[i]);
        before_after(sh, view, overlays[i], name);
    }
    free_names(views, n);
    free_names(overlays, m);
}

static int usage(FILE *out)
{
    fprintf(out, "usage: contact_sheet OUTDIR [--courses DIR] [--assets DIR] [--size PIXELS] [--outline]\n"
                 "                     [--before OLD_ASSETS]\n"
                 "Renders every chart, every overlay on its chart and every module's trigger points and\n"
                 "zones to PNG files in OUTDIR (created if needed), with sheet.png and index.html;\n"
                 "with --before, every chart and overlay beside its version in OLD_ASSETS (before.*.png).\n");
    return out == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
    Sheet sh = {.courses = "courses", .assets = "assets", .size = 1000};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            return usage(stdout);
        if (!strcmp(a, "--outline")) {
            sh.outline = true;
        } else if ((!strcmp(a, "--courses") || !strcmp(a, "--assets") || !strcmp(a, "--size") ||
                    !strcmp(a, "--before")) &&
                   i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(a, "--before"))
                sh.before = v;
            else if (!strcmp(a, "--courses"))
                sh.courses = v;
            else if (!strcmp(a, "--assets"))
                sh.assets = v;
            else if ((sh.size = atoi(v)) < 50 || sh.size > 8000)
                return usage(stderr);
        } else if (a[0] != '-' && !sh.out) {
            sh.out = a;
        } else {
            return usage(stderr);
        }
    }
    if (!sh.out)
        return usage(stderr);
    if (mkdir(sh.out, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: %s\n", sh.out, strerror(errno));
        return 1;
    }
    char index[4096];
    pathf(index, sizeof index, "%s/index.html", sh.out);
    sh.index = fopen(index, "w");
    if (sh.index)
        fprintf(sh.index, "<!DOCTYPE html>\n<meta charset=\"utf-8\"><title>tpquiz contact sheet</title>\n"
                          "<style>figure{display:inline-block;margin:6px}img{border:1px solid #ccc}</style>\n");
    if (sh.before) {
        struct stat st;
        char old[4096];
        pathf(old, sizeof old, "%s/anatomy", sh.before);
        if (stat(old, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: no anatomy folder: not an assets folder\n", sh.before);
            if (sh.index)
                fclose(sh.index);
            return 1;
        }
    }
    views_and_overlays(&sh);
    modules(&sh);
    if (sh.before)
        before_and_after(&sh);
    if (sh.index)
        fclose(sh.index);
    IMG_Quit();
    SDL_Quit();
    return sh.failures ? 1 : 0;
}
