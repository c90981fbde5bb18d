#include "muscle_thumb.h"

#include <string.h>

#include "theme.h"

/* The pictures kept. Their textures belong to the renderer: destroyed here
 * when dropped, and by SDL_DestroyRenderer with it at exit. */
static struct {
    SDL_Renderer *sdl;
    struct {
        const Module *m;
        int w, h;
        SDL_Texture *tex; /* NULL: the module has no picture */
        unsigned long used;
    } e[MUSCLE_THUMB_KEEP];
    int n;
    unsigned long clock;
} kept;

/* A view is a close-up already when it spans well under a body's height. */
static bool regional_view(const View *v)
{
    return v->cm_per_unit > 0 && v->viewbox.h * v->cm_per_unit < 120;
}

static const char *overlay_of(const Module *m, const char *view)
{
    for (int i = 0; i < m->n_overlays; i++)
        if (!strcmp(m->overlay_views[i], view))
            return m->overlay_paths[i];
    return NULL;
}

/* Draws the picture over area (in the current render target). */
static void draw_picture(Ren *ren, ChartCache *charts, const View *v, const Module *m, SDL_Rect area,
                         float ui_scale)
{
    /* Framed on the muscle's points and zones: at least 60% of a regional
     * view (a close-up already), 30% of a whole body. */
    RectD focus = chart_module_region(m, v->name, v->viewbox, regional_view(v) ? 0.6 : 0.3);
    ChartLayout l = chart_layout_focus(area, v->viewbox, focus);
    ren_fill_rect(ren, area, THEME_PANEL);
    chart_draw_svg(charts, v->path, &l);
    for (int z = 0; z < m->n_zones; z++)
        if (!strcmp(m->zones[z].view, v->name))
            chart_draw_zone(ren, &l, &m->zones[z], ui_scale);
    const char *ov = overlay_of(m, v->name);
    if (ov)
        chart_draw_overlay(charts, ov, &l, module_view_is_deep(m, v->name), ui_scale);
    for (int t = 0; t < m->n_tps; t++)
        if (!strcmp(m->tps[t].view, v->name))
            chart_draw_tp(ren, &l, &m->tps[t], THEME_TEXT, false, ui_scale * 0.55f);
}

/* A new texture with m's picture, w x h pixels; NULL if it has none. */
static SDL_Texture *make(Ren *ren, ChartCache *charts, const Library *lib, const Module *m, int w, int h,
                         float ui_scale)
{
    const View *v = m->n_tps > 0 ? library_find_view(lib, m->tps[0].view) : NULL;
    if (!v || !v->ok)
        return NULL;
    SDL_Renderer *sdl = ren_sdl(ren);
    SDL_Texture *tex = SDL_CreateTexture(sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!tex)
        return NULL;
    SDL_Texture *old = SDL_GetRenderTarget(sdl);
    SDL_Rect clip;
    bool clipped = SDL_RenderIsClipEnabled(sdl);
    SDL_RenderGetClipRect(sdl, &clip);
    if (SDL_SetRenderTarget(sdl, tex) != 0) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    SDL_RenderSetClipRect(sdl, NULL);
    draw_picture(ren, charts, v, m, (SDL_Rect){0, 0, w, h}, ui_scale);
    SDL_SetRenderTarget(sdl, old);
    SDL_RenderSetClipRect(sdl, clipped ? &clip : NULL);
    return tex;
}

bool muscle_thumb_draw(Ren *ren, ChartCache *charts, const Library *lib, const Module *m, SDL_Rect r,
                       float ui_scale, int *budget)
{
    SDL_Renderer *sdl = ren_sdl(ren);
    if (kept.sdl != sdl) { /* another renderer: its textures are not ours */
        memset(&kept, 0, sizeof kept);
        kept.sdl = sdl;
    }
    kept.clock++;
    int k = 0;
    while (k < kept.n && !(kept.e[k].m == m && kept.e[k].w == r.w && kept.e[k].h == r.h))
        k++;
    if (k == kept.n) {
        ren_fill_rect(ren, r, THEME_PANEL_ALT);
        if (*budget <= 0)
            return false; /* owed */
        (*budget)--;
        if (kept.n < MUSCLE_THUMB_KEEP) {
            k = kept.n++;
        } else { /* drop the least recently shown */
            k = 0;
            for (int i = 1; i < kept.n; i++)
                if (kept.e[i].used < kept.e[k].used)
                    k = i;
            if (kept.e[k].tex)
                SDL_DestroyTexture(kept.e[k].tex);
        }
        kept.e[k].m = m;
        kept.e[k].w = r.w;
        kept.e[k].h = r.h;
        kept.e[k].tex = make(ren, charts, lib, m, r.w, r.h, ui_scale);
    }
    kept.e[k].used = kept.clock;
    if (kept.e[k].tex)
        SDL_RenderCopy(sdl, kept.e[k].tex, NULL, &r);
    else
        ren_fill_rect(ren, r, THEME_PANEL_ALT); /* nothing to show */
    ren_rect(ren, r, 1, THEME_BORDER);
    return true;
}
