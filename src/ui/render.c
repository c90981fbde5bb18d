/* render: SDL drawing primitives and cached text.
 *
 * Text textures are cached by (font, colour, string) in a small open-address
 * table; entries unused for a while are dropped at the start of a frame, so
 * an unchanged screen re-renders no glyphs. Shapes are drawn with
 * SDL_RenderGeometry (thick lines, circles) or as horizontal spans
 * (polygons), which the software renderer handles well. */
#include "render.h"

#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "layout_check.h"

#define CACHE_SLOTS 1024
#define WIDTH_SLOTS 4096
#define SEEN_MAX 65536

typedef struct {
    char *text;
    uint32_t hash;
    int font;
    SDL_Color color;
    SDL_Texture *tex;
    int w, h;
    unsigned last_used;
} TextEntry;

/* A string's measured width: wrapped text measures every word every frame,
 * and shaping it again (TTF_SizeUTF8) was a large part of a redraw. */
typedef struct {
    char *text;
    uint32_t hash;
    int font, w;
} WidthEntry;

struct Ren {
    SDL_Renderer *sdl;
    char *font_path;
    /* The font files' bytes, read through the datafile helper (a FIFO or
     * a huge file cannot stall the program); SDL_ttf reads glyphs from
     * them as long as a font is open. bold is NULL without a bold face. */
    char *regular, *bold;
    size_t regular_len, bold_len;
    int font_pt;
    float scale;
    TTF_Font *fonts[FONT_COUNT];
    TextEntry cache[CACHE_SLOTS];
    int cache_count;
    WidthEntry widths[WIDTH_SLOTS];
    int width_count;
    unsigned frame;
    char *seen; /* strings drawn this frame, '\n'-separated */
    size_t seen_len;
    TextLog *log; /* where each string was drawn this frame (layout_check.h) */
};

static const float FONT_FACTOR[FONT_COUNT] = {1.0f, 0.85f, 1.0f, 1.25f, 1.7f};

static char *bold_path(const char *path)
{
    /* DejaVuSans.ttf -> DejaVuSans-Bold.ttf, next to it. */
    size_t n = strlen(path);
    char *p = malloc(n + 8);
    if (!p)
        return NULL;
    if (n > 4 && !strcmp(path + n - 4, ".ttf")) {
        memcpy(p, path, n - 4);
        strcpy(p + n - 4, "-Bold.ttf");
    } else {
        strcpy(p, path);
    }
    return p;
}

static void close_fonts(Ren *ren)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (ren->fonts[i])
            TTF_CloseFont(ren->fonts[i]);
        ren->fonts[i] = NULL;
    }
}

static void clear_widths(Ren *ren)
{
    for (int i = 0; i < WIDTH_SLOTS; i++)
        free(ren->widths[i].text);
    memset(ren->widths, 0, sizeof ren->widths);
    ren->width_count = 0;
}

static void clear_cache(Ren *ren)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        TextEntry *e = &ren->cache[i];
        if (e->text) {
            free(e->text);
            SDL_DestroyTexture(e->tex);
        }
        memset(e, 0, sizeof *e);
    }
    ren->cache_count = 0;
    clear_widths(ren); /* they belong to the fonts, which a new scale replaces */
}

static TTF_Font *open_font_memory(const char *bytes, size_t len, int px)
{
    if (!bytes || len == 0 || len > INT32_MAX)
        return NULL;
    SDL_RWops *rw = SDL_RWFromConstMem(bytes, (int)len);
    return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
}

static bool open_fonts(Ren *ren)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        int px = (int)lroundf((float)ren->font_pt * FONT_FACTOR[i] * ren->scale);
        bool want_bold = i == FONT_BOLD || i == FONT_HEADING || i == FONT_TITLE;
        TTF_Font *f = NULL;
        if (want_bold && ren->bold)
            f = open_font_memory(ren->bold, ren->bold_len, px);
        if (!f) {
            f = open_font_memory(ren->regular, ren->regular_len, px);
            if (f && want_bold)
                TTF_SetFontStyle(f, TTF_STYLE_BOLD);
        }
        if (!f) {
            close_fonts(ren);
            return false;
        }
        TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
        ren->fonts[i] = f;
    }
    return true;
}

bool ren_font_probe(const char *path, Diag *d)
{
    size_t len = 0;
    char *bytes = datafile_read_capped(path, DATAFILE_FONT, &len, d);
    if (!bytes)
        return false;
    TTF_Font *f = open_font_memory(bytes, len, 16);
    if (!f)
        diag_error(d, path, 0, "not a font SDL_ttf can open: %s", len ? TTF_GetError() : "the file is empty");
    else
        TTF_CloseFont(f);
    free(bytes);
    return f != NULL;
}

Ren *ren_create(SDL_Renderer *r, const char *font_path, int font_pt, float scale)
{
    Ren *ren = calloc(1, sizeof *ren);
    if (!ren)
        return NULL;
    ren->sdl = r;
    ren->font_path = strdup(font_path);
    ren->font_pt = font_pt;
    ren->scale = scale;
    ren->seen = malloc(SEEN_MAX);
    ren->log = calloc(1, sizeof *ren->log);
    ren->regular = datafile_read_capped(font_path, DATAFILE_FONT, &ren->regular_len, NULL);
    char *bold = bold_path(font_path);
    ren->bold = bold ? datafile_read_capped(bold, DATAFILE_FONT | DATAFILE_MISSING_OK, &ren->bold_len, NULL)
                     : NULL;
    free(bold);
    if (!ren->font_path || !ren->seen || !ren->log || !ren->regular || !open_fonts(ren)) {
        free(ren->font_path);
        free(ren->seen);
        free(ren->log);
        free(ren->regular);
        free(ren->bold);
        free(ren);
        return NULL;
    }
    ren->seen[0] = 0;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return ren;
}

void ren_free(Ren *ren)
{
    if (!ren)
        return;
    clear_cache(ren);
    close_fonts(ren);
    free(ren->font_path);
    free(ren->regular);
    free(ren->bold);
    free(ren->seen);
    free(ren->log);
    free(ren);
}

bool ren_set_scale(Ren *ren, float scale)
{
    if (fabsf(scale - ren->scale) < 0.01f)
        return true;
    float old = ren->scale;
    clear_cache(ren);
    close_fonts(ren);
    ren->scale = scale;
    if (open_fonts(ren))
        return true;
    ren->scale = old;
    return open_fonts(ren);
}

float ren_scale(const Ren *ren) { return ren->scale; }
SDL_Renderer *ren_sdl(Ren *ren) { return ren->sdl; }

void ren_begin(Ren *ren, SDL_Color bg)
{
    ren->frame++;
    ren->seen_len = 0;
    ren->seen[0] = 0;
    textlog_clear(ren->log);
    /* Drop text not drawn for a while once the cache fills up. */
    if (ren->cache_count > CACHE_SLOTS / 2) {
        for (int i = 0; i < CACHE_SLOTS; i++) {
            TextEntry *e = &ren->cache[i];
            if (e->text && ren->frame - e->last_used > 2) {
                free(e->text);
                SDL_DestroyTexture(e->tex);
                memset(e, 0, sizeof *e);
                ren->cache_count--;
            }
        }
        /* Rebuild probing chains: reinsert the survivors. */
        TextEntry keep[CACHE_SLOTS];
        int n = 0;
        for (int i = 0; i < CACHE_SLOTS; i++)
            if (ren->cache[i].text)
                keep[n++] = ren->cache[i];
        memset(ren->cache, 0, sizeof ren->cache);
        for (int i = 0; i < n; i++) {
            unsigned slot = keep[i].hash % CACHE_SLOTS;
            while (ren->cache[slot].text)
                slot = (slot + 1) % CACHE_SLOTS;
            ren->cache[slot] = keep[i];
        }
    }
    SDL_SetRenderDrawColor(ren->sdl, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(ren->sdl);
}

void ren_end(Ren *ren) { SDL_RenderPresent(ren->sdl); }

static uint32_t hash_text(const char *s, int font, SDL_Color c)
{
    uint32_t h = 2166136261u ^ (uint32_t)font;
    h = (h ^ c.r) * 16777619u;
    h = (h ^ c.g) * 16777619u;
    h = (h ^ c.b) * 16777619u;
    h = (h ^ c.a) * 16777619u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static TextEntry *text_entry(Ren *ren, FontId f, SDL_Color c, const char *s)
{
    uint32_t h = hash_text(s, (int)f, c);
    unsigned slot = h % CACHE_SLOTS;
    for (int probe = 0; probe < CACHE_SLOTS; probe++) {
        TextEntry *e = &ren->cache[slot];
        if (!e->text)
            break;
        if (e->hash == h && e->font == (int)f && !memcmp(&e->color, &c, sizeof c) &&
            !strcmp(e->text, s)) {
            e->last_used = ren->frame;
            return e;
        }
        slot = (slot + 1) % CACHE_SLOTS;
    }
    if (ren->cache_count >= CACHE_SLOTS - 1)
        return NULL; /* full this frame: the caller draws uncached */
    SDL_Surface *surf = TTF_RenderUTF8_Blended(ren->fonts[f], s, c);
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ren->sdl, surf);
    int w = surf->w, hgt = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    TextEntry *e = &ren->cache[slot];
    e->text = strdup(s);
    if (!e->text) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    e->hash = h;
    e->font = (int)f;
    e->color = c;
    e->tex = tex;
    e->w = w;
    e->h = hgt;
    e->last_used = ren->frame;
    ren->cache_count++;
    return e;
}

static void remember(Ren *ren, const char *s)
{
    size_t n = strlen(s);
    if (ren->seen_len + n + 2 > SEEN_MAX)
        return;
    memcpy(ren->seen + ren->seen_len, s, n);
    ren->seen_len += n;
    ren->seen[ren->seen_len++] = '\n';
    ren->seen[ren->seen_len] = 0;
}

void ren_remember(Ren *ren, const char *s) { remember(ren, s); }

int ren_text_width(Ren *ren, FontId f, const char *s)
{
    if (!*s)
        return 0;
    uint32_t hash = hash_text(s, (int)f, (SDL_Color){0, 0, 0, 0});
    unsigned slot = hash % WIDTH_SLOTS;
    while (ren->widths[slot].text) {
        WidthEntry *e = &ren->widths[slot];
        if (e->hash == hash && e->font == (int)f && !strcmp(e->text, s))
            return e->w;
        slot = (slot + 1) % WIDTH_SLOTS;
    }
    int w = 0, h = 0;
    if (TTF_SizeUTF8(ren->fonts[f], s, &w, &h) != 0)
        return 0;
    if (ren->width_count >= WIDTH_SLOTS * 3 / 4) {
        clear_widths(ren); /* full: start again with what is on screen now */
        slot = hash % WIDTH_SLOTS;
    }
    WidthEntry *e = &ren->widths[slot];
    e->text = strdup(s);
    if (e->text) {
        e->hash = hash;
        e->font = (int)f;
        e->w = w;
        ren->width_count++;
    }
    return w;
}

int ren_text_height(Ren *ren, FontId f) { return TTF_FontLineSkip(ren->fonts[f]); }

static int draw_text(Ren *ren, FontId f, int x, int y, SDL_Color c, const char *s);

/* Notes where text (asked for as asked) went, for the layout check. */
static void note_box(Ren *ren, FontId f, int x, int y, int w, const char *asked, unsigned flags, int wrap_w)
{
    SDL_Rect box = {x, y, w, TTF_FontHeight(ren->fonts[f])};
    textlog_add(ren->log, box, asked, flags, wrap_w);
}

int ren_text(Ren *ren, FontId f, int x, int y, SDL_Color c, const char *s)
{
    if (!s || !*s)
        return 0;
    remember(ren, s);
    int w = draw_text(ren, f, x, y, c, s);
    note_box(ren, f, x, y, w, s, 0, 0);
    return w;
}

static int draw_text(Ren *ren, FontId f, int x, int y, SDL_Color c, const char *s)
{
    TextEntry *e = text_entry(ren, f, c, s);
    if (e) {
        SDL_Rect dst = {x, y, e->w, e->h};
        SDL_RenderCopy(ren->sdl, e->tex, NULL, &dst);
        return e->w;
    }
    SDL_Surface *surf = TTF_RenderUTF8_Blended(ren->fonts[f], s, c);
    if (!surf)
        return 0;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ren->sdl, surf);
    SDL_Rect dst = {x, y, surf->w, surf->h};
    if (tex) {
        SDL_RenderCopy(ren->sdl, tex, NULL, &dst);
        SDL_DestroyTexture(tex);
    }
    SDL_FreeSurface(surf);
    return dst.w;
}

static int text_fit(Ren *ren, FontId f, int x, int y, int max_w, SDL_Color c, const char *s, unsigned may)
{
    if (ren_text_width(ren, f, s) <= max_w)
        return ren_text(ren, f, x, y, c, s);
    size_t n = strlen(s);
    char *buf = malloc(n + 4);
    if (!buf)
        return 0;
    memcpy(buf, s, n + 1);
    while (n > 0) {
        /* Step back over one UTF-8 character. */
        do
            n--;
        while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
        memcpy(buf + n, "\xE2\x80\xA6", 4);
        if (ren_text_width(ren, f, buf) <= max_w)
            break;
    }
    int w = 0;
    if (*buf) {
        remember(ren, buf);
        w = draw_text(ren, f, x, y, c, buf);
        note_box(ren, f, x, y, w, s, TEXTBOX_ELLIPSISED | may, 0);
    }
    free(buf);
    return w;
}

int ren_text_fit(Ren *ren, FontId f, int x, int y, int max_w, SDL_Color c, const char *s)
{
    return text_fit(ren, f, x, y, max_w, c, s, 0);
}

int ren_text_may_ellipsise(Ren *ren, FontId f, int x, int y, int max_w, SDL_Color c, const char *s)
{
    return text_fit(ren, f, x, y, max_w, c, s, TEXTBOX_MAY_ELLIPSISE);
}

int ren_text_wrapped(Ren *ren, FontId f, int x, int y, int width, SDL_Color c, const char *s,
                     bool draw, int clip_top, int clip_bottom)
{
    int lh = ren_text_height(ren, f);
    int space = ren_text_width(ren, f, " ");
    int yy = y;
    size_t len = strlen(s);
    char *line = malloc(len + 1);
    char *word = malloc(len + 1);
    if (!line || !word) {
        free(line);
        free(word);
        return 0;
    }
    const char *p = s;
    /* Remembered whole, so a test can expect a sentence that wraps. */
    if (draw)
        remember(ren, s);
    while (*p) {
        /* One paragraph: up to '\n'. */
        const char *end = strchr(p, '\n');
        if (!end)
            end = p + strlen(p);
        size_t ll = 0;
        int lw = 0;
        const char *q = p;
        bool any = false;
        while (q < end) {
            while (q < end && *q == ' ')
                q++;
            if (q >= end)
                break;
            const char *ws = q;
            while (q < end && *q != ' ')
                q++;
            size_t wl = (size_t)(q - ws);
            memcpy(word, ws, wl);
            word[wl] = 0;
            int ww = ren_text_width(ren, f, word);
            bool full = ll > 0 && lw + space + ww > width;
            if (ll > 0 && !full && lw + space + ww > width - 2 * space - width / 64) {
                /* Near the edge the sum of word widths is not the line's
                 * (kerning, rounding add up along a line): measure it. */
                line[ll] = ' ';
                memcpy(line + ll + 1, word, wl + 1);
                full = ren_text_width(ren, f, line) > width;
            }
            if (full) {
                line[ll] = 0;
                if (draw && yy + lh > clip_top && yy < clip_bottom)
                    note_box(ren, f, x, yy, draw_text(ren, f, x, yy, c, line), line, TEXTBOX_WRAPPED, width);
                yy += lh;
                ll = 0;
                lw = 0;
            }
            if (ll > 0) {
                line[ll++] = ' ';
                lw += space;
            }
            memcpy(line + ll, word, wl);
            ll += wl;
            lw += ww;
            any = true;
        }
        if (ll > 0 || !any) {
            line[ll] = 0;
            if (draw && ll > 0 && yy + lh > clip_top && yy < clip_bottom)
                note_box(ren, f, x, yy, draw_text(ren, f, x, yy, c, line), line, TEXTBOX_WRAPPED, width);
            yy += lh;
        }
        p = *end ? end + 1 : end;
    }
    free(line);
    free(word);
    return yy - y;
}

bool ren_text_seen(const Ren *ren, const char *needle)
{
    return strstr(ren->seen, needle) != NULL;
}

void ren_dump_text(const Ren *ren, FILE *out) { fputs(ren->seen, out); }

/* Rectangle fills in colour c. An opaque one is drawn without blending: the
 * result is the same, but the software renderer fills it as fast as a clear
 * instead of blending pixel by pixel (the study page's two panels took most
 * of its frame time; docs/PERFORMANCE.md, "Redraw"). fill_end restores the
 * blending every other drawing call relies on. */
static void fill_begin(Ren *ren, SDL_Color c)
{
    SDL_SetRenderDrawColor(ren->sdl, c.r, c.g, c.b, c.a);
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(ren->sdl, SDL_BLENDMODE_NONE);
}

static void fill_end(Ren *ren, SDL_Color c)
{
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(ren->sdl, SDL_BLENDMODE_BLEND);
}

void ren_clip(Ren *ren, SDL_Rect r)
{
    SDL_RenderSetClipRect(ren->sdl, &r);
    textlog_set_clip(ren->log, &r);
}

void ren_unclip(Ren *ren)
{
    SDL_RenderSetClipRect(ren->sdl, NULL);
    textlog_set_clip(ren->log, NULL);
}

void ren_note_scroll(Ren *ren, SDL_Rect r) { textlog_note_scroll(ren->log, r); }
void ren_layer_next(Ren *ren) { textlog_next_layer(ren->log); }
const TextLog *ren_text_log(const Ren *ren) { return ren->log; }

void ren_fill_rect(Ren *ren, SDL_Rect r, SDL_Color c)
{
    fill_begin(ren, c);
    SDL_RenderFillRect(ren->sdl, &r);
    fill_end(ren, c);
}

void ren_rect(Ren *ren, SDL_Rect r, int t, SDL_Color c)
{
    fill_begin(ren, c);
    SDL_Rect sides[4] = {{r.x, r.y, r.w, t},
                         {r.x, r.y + r.h - t, r.w, t},
                         {r.x, r.y, t, r.h},
                         {r.x + r.w - t, r.y, t, r.h}};
    SDL_RenderFillRects(ren->sdl, sides, 4);
    fill_end(ren, c);
}

void ren_fill_round_rect(Ren *ren, SDL_Rect r, int radius, SDL_Color c)
{
    if (radius * 2 > r.h)
        radius = r.h / 2;
    if (radius * 2 > r.w)
        radius = r.w / 2;
    fill_begin(ren, c);
    SDL_Rect mid = {r.x, r.y + radius, r.w, r.h - 2 * radius};
    SDL_RenderFillRect(ren->sdl, &mid);
    /* The rounded rows, a batch at a time: one drawing command per batch
     * rather than per row is a good part of a redraw's time saved. */
    SDL_Rect rows[64];
    int n = 0;
    for (int i = 0; i < radius; i++) {
        float dy = (float)radius - (float)i - 0.5f;
        float dx = sqrtf((float)(radius * radius) - dy * dy);
        int inset = (int)lroundf((float)radius - dx);
        rows[n++] = (SDL_Rect){r.x + inset, r.y + i, r.w - 2 * inset, 1};
        rows[n++] = (SDL_Rect){r.x + inset, r.y + r.h - 1 - i, r.w - 2 * inset, 1};
        if (n == 64 || i == radius - 1) {
            SDL_RenderFillRects(ren->sdl, rows, n);
            n = 0;
        }
    }
    fill_end(ren, c);
}

static void quad(Ren *ren, SDL_FPoint a, SDL_FPoint b, SDL_FPoint cc, SDL_FPoint d, SDL_Color c)
{
    SDL_Vertex v[4];
    SDL_FPoint p[4] = {a, b, cc, d};
    for (int i = 0; i < 4; i++) {
        v[i].position = p[i];
        v[i].color = c;
        v[i].tex_coord = (SDL_FPoint){0, 0};
    }
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(ren->sdl, NULL, v, 4, idx, 6);
}

void ren_line(Ren *ren, float x1, float y1, float x2, float y2, float width, SDL_Color c)
{
    float dx = x2 - x1, dy = y2 - y1;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.001f)
        return;
    float nx = -dy / len * width * 0.5f, ny = dx / len * width * 0.5f;
    quad(ren, (SDL_FPoint){x1 + nx, y1 + ny}, (SDL_FPoint){x2 + nx, y2 + ny},
         (SDL_FPoint){x2 - nx, y2 - ny}, (SDL_FPoint){x1 - nx, y1 - ny}, c);
}

static int circle_segments(float radius)
{
    int n = (int)(radius * 1.5f);
    return n < 16 ? 16 : n > 128 ? 128 : n;
}

/* SDL's geometry has no anti-aliasing: a circle's edges are feathered
 * instead, the colour's alpha ramping to nothing over a pixel across each
 * edge (half inside, half outside), so rings and dots read smooth. */
#define FEATHER 0.5f

/* Rings between successive radii r[0] < r[1] < ... (k of them), the
 * colour at radius r[j] with alpha alpha[j] (0..1 of c's), the alphas
 * interpolated between. One geometry call. */
static void rings(Ren *ren, float cx, float cy, const float *r, const float *alpha, int k, SDL_Color c)
{
    enum { MAX_SEG = 128, MAX_R = 4 };
    SDL_Vertex v[(MAX_SEG + 1) * MAX_R];
    int idx[MAX_SEG * (MAX_R - 1) * 6];
    int n = circle_segments(r[k - 1]);
    for (int i = 0; i <= n; i++) {
        float t = (float)i * 6.2831853f / (float)n, co = cosf(t), si = sinf(t);
        for (int j = 0; j < k; j++) {
            SDL_Vertex *x = &v[i * k + j];
            x->position = (SDL_FPoint){cx + co * r[j], cy + si * r[j]};
            x->color = c;
            x->color.a = (Uint8)lroundf((float)c.a * alpha[j]);
            x->tex_coord = (SDL_FPoint){0, 0};
        }
    }
    int m = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j + 1 < k; j++) {
            int a0 = i * k + j, a1 = a0 + 1, b0 = (i + 1) * k + j, b1 = b0 + 1;
            idx[m++] = a0;
            idx[m++] = b0;
            idx[m++] = b1;
            idx[m++] = a0;
            idx[m++] = b1;
            idx[m++] = a1;
        }
    SDL_RenderGeometry(ren->sdl, NULL, v, (n + 1) * k, idx, m);
}

void ren_circle(Ren *ren, float cx, float cy, float radius, float width, SDL_Color c)
{
    float ro = radius + width * 0.5f, ri = radius - width * 0.5f;
    if (ri < 0)
        ri = 0;
    if (ro - ri >= 2 * FEATHER) {
        /* Full colour between the feathered edges. */
        float r[4] = {ri > FEATHER ? ri - FEATHER : 0, ri + FEATHER, ro - FEATHER, ro + FEATHER};
        float al[4] = {ri > FEATHER ? 0.0f : 1.0f, 1, 1, 0};
        rings(ren, cx, cy, r, al, 4, c);
    } else {
        /* Thinner than the feathers: one ramp up and down, as faint as it is thin. */
        float mid = (ri + ro) * 0.5f, peak = (ro - ri) / (2 * FEATHER);
        float r[3] = {mid > FEATHER ? mid - FEATHER : 0, mid, mid + FEATHER};
        float al[3] = {0, peak, 0};
        rings(ren, cx, cy, r, al, 3, c);
    }
}

void ren_fill_circle(Ren *ren, float cx, float cy, float radius, SDL_Color c)
{
    if (radius <= FEATHER) {
        float r[2] = {0, radius + FEATHER};
        float al[2] = {radius / (2 * FEATHER), 0};
        rings(ren, cx, cy, r, al, 2, c);
        return;
    }
    /* The disc to just inside its edge, then the feathered edge: one ring
     * from the centre (its inner radius 0). */
    float r[3] = {0, radius - FEATHER, radius + FEATHER};
    float al[3] = {1, 1, 0};
    rings(ren, cx, cy, r, al, 3, c);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

typedef struct {
    float x;
    int dir;
} Crossing;

static int cmp_crossing(const void *a, const void *b)
{
    return cmp_float(&((const Crossing *)a)->x, &((const Crossing *)b)->x);
}

void ren_fill_polygon(Ren *ren, const SDL_FPoint *pts, int n, FillPattern pat, SDL_Color c,
                      SDL_Rect clip)
{
    if (n < 3)
        return;
    float miny = pts[0].y, maxy = pts[0].y;
    for (int i = 1; i < n; i++) {
        if (pts[i].y < miny)
            miny = pts[i].y;
        if (pts[i].y > maxy)
            maxy = pts[i].y;
    }
    int y0 = (int)floorf(miny), y1 = (int)ceilf(maxy);
    if (y0 < clip.y)
        y0 = clip.y;
    if (y1 > clip.y + clip.h)
        y1 = clip.y + clip.h;
    Crossing *xs = malloc(sizeof *xs * (size_t)n);
    if (!xs)
        return;
    SDL_SetRenderDrawColor(ren->sdl, c.r, c.g, c.b, c.a);
    int step = pat == FILL_STIPPLE ? 5 : 1;
    for (int y = y0; y < y1; y++) {
        if (pat == FILL_STIPPLE && (y % step) != 0)
            continue;
        float sy = (float)y + 0.5f;
        int k = 0;
        for (int i = 0; i < n; i++) {
            SDL_FPoint a = pts[i], b = pts[(i + 1) % n];
            if ((a.y <= sy && b.y > sy) || (b.y <= sy && a.y > sy)) {
                float t = (sy - a.y) / (b.y - a.y);
                xs[k].x = a.x + t * (b.x - a.x);
                xs[k].dir = b.y > a.y ? 1 : -1;
                k++;
            }
        }
        qsort(xs, (size_t)k, sizeof *xs, cmp_crossing);
        int wind = 0;
        for (int i = 0; i + 1 < k; i++) {
            wind += xs[i].dir;
            if (!wind)
                continue;
            int xa = (int)lroundf(xs[i].x), xb = (int)lroundf(xs[i + 1].x);
            if (xa < clip.x)
                xa = clip.x;
            if (xb > clip.x + clip.w)
                xb = clip.x + clip.w;
            if (xb <= xa)
                continue;
            if (pat == FILL_SOLID) {
                SDL_RenderDrawLine(ren->sdl, xa, y, xb - 1, y);
            } else if (pat == FILL_STIPPLE) {
                /* Offset every other dot row for an even stipple. */
                int off = ((y / step) % 2) * (step / 2 + 1);
                for (int x = xa + ((off - xa) % step + step) % step; x < xb; x += step) {
                    SDL_Rect dot = {x, y, 2, 2};
                    SDL_RenderFillRect(ren->sdl, &dot);
                }
            } else {
                for (int x = xa; x < xb; x++)
                    if (((x + y) % 7) == 0)
                        SDL_RenderDrawPoint(ren->sdl, x, y);
            }
        }
    }
    free(xs);
}

void ren_polygon_outline(Ren *ren, const SDL_FPoint *pts, int n, float width, SDL_Color c)
{
    for (int i = 0; i < n; i++) {
        SDL_FPoint a = pts[i], b = pts[(i + 1) % n];
        ren_line(ren, a.x, a.y, b.x, b.y, width, c);
    }
}
