/* layout_selftest: the layout check (src/ui/layout_check.c) fed by the real
 * renderer (src/ui/render.c) on an off-screen surface: a layout that is
 * right passes, and each kind of bad layout fails with its message.
 *
 *   layout_selftest FONT */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_check.h"
#include "render.h"

#define W 640
#define H 480

static int failures;
static const SDL_Color INK = {0, 0, 0, 255};

/* Runs the check on what was drawn since ren_begin: want problems, whose
 * report must contain needle (if not NULL). */
static void expect(Ren *ren, const char *what, int want, const char *needle)
{
    char report[8192] = "";
    FILE *f = fmemopen(report, sizeof report - 1, "w");
    int n = layout_check(ren_text_log(ren), W, H, f, "  ", 20);
    if (f)
        fclose(f);
    bool ok = n == want && (!needle || strstr(report, needle));
    printf("%s: %s (%d problem%s)\n", ok ? "ok" : "FAIL", what, n, n == 1 ? "" : "s");
    if (!ok) {
        printf("  wanted %d%s%s, the report:\n%s", want, needle ? " mentioning " : "", needle ? needle : "", report);
        failures++;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: layout_selftest FONT\n");
        return 2;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!r || TTF_Init() != 0) {
        fprintf(stderr, "layout_selftest: no renderer: %s\n", SDL_GetError());
        return 2;
    }
    Ren *ren = ren_create(r, argv[1], 16, 1.0f);
    if (!ren) {
        fprintf(stderr, "layout_selftest: cannot open the font %s\n", argv[1]);
        return 2;
    }
    const SDL_Color bg = {255, 255, 255, 255};
    const char *longer = "A sentence much longer than the narrow space it is given here";
    int lh = ren_text_height(ren, FONT_BODY);

    ren_begin(ren, bg);
    ren_text(ren, FONT_BODY, 10, 10, INK, "Two words");
    ren_text(ren, FONT_BODY, 10, 10 + lh, INK, "on lines of their own");
    ren_text_fit(ren, FONT_BODY, 10, 100, 400, INK, "fits in its space");
    ren_text_wrapped(ren, FONT_BODY, 10, 150, 200, INK, longer, true, 0, H);
    expect(ren, "a layout that fits", 0, NULL);

    ren_begin(ren, bg);
    ren_text(ren, FONT_BODY, 10, 10, INK, "First label");
    ren_text(ren, FONT_BODY, 40, 14, INK, "Second label");
    expect(ren, "two labels drawn over each other", 1, "'First label' (at 10,10");

    ren_begin(ren, bg);
    ren_text_fit(ren, FONT_BODY, 10, 10, 120, INK, longer);
    expect(ren, "text shortened where it must fit", 1, "shortened with '...' where it must fit");

    ren_begin(ren, bg);
    ren_text_may_ellipsise(ren, FONT_BODY, 10, 10, 120, INK, longer);
    expect(ren, "text shortened where that is by design", 0, NULL);

    ren_begin(ren, bg);
    ren_text(ren, FONT_BODY, W - 30, 10, INK, "Off the edge");
    ren_text(ren, FONT_BODY, 10, H - lh / 2, INK, "Below the bottom");
    expect(ren, "text past the window's edges", 2, "runs past the edge of the window (the window is 640x480)");

    ren_begin(ren, bg);
    ren_clip(ren, (SDL_Rect){10, 10, 80, 200});
    ren_text(ren, FONT_BODY, 12, 12, INK, longer);
    ren_unclip(ren);
    expect(ren, "text cut off by its panel", 1, "is cut off by the edge of its panel");

    /* A scrolled list cuts rows at its top and bottom by design, and rows
     * scrolled out of it are not on screen; its sides still cut. */
    ren_begin(ren, bg);
    SDL_Rect list = {10, 100, 300, 100};
    ren_note_scroll(ren, list);
    ren_clip(ren, list);
    ren_text(ren, FONT_BODY, 12, 100 - lh / 2, INK, "half scrolled out at the top");
    ren_text(ren, FONT_BODY, 12, 200 - lh / 2, INK, "half scrolled in at the bottom");
    ren_text(ren, FONT_BODY, 12, 400, INK, "far below the list");
    ren_unclip(ren);
    expect(ren, "a scrolled list's rows cut at its top and bottom", 0, NULL);
    ren_clip(ren, list);
    ren_text(ren, FONT_BODY, 12, 140, INK, longer);
    ren_unclip(ren);
    expect(ren, "a scrolled list's row too wide for it", 1, "cut off by the edge of its panel");

    ren_begin(ren, bg);
    ren_text_wrapped(ren, FONT_BODY, 10, 10, 60, INK, "Sternocleidomastoid hurts", true, 0, H);
    expect(ren, "a word longer than its column", 1, "'Sternocleidomastoid' (at 10,10");

    /* A dialog over the dimmed screen is a layer of its own. */
    ren_begin(ren, bg);
    ren_text(ren, FONT_BODY, 10, 10, INK, "Under the dialog");
    ren_layer_next(ren);
    ren_text(ren, FONT_BODY, 20, 12, INK, "The dialog's question");
    expect(ren, "a dialog over the screen", 0, NULL);
    ren_text(ren, FONT_BODY, 30, 14, INK, "The dialog's button");
    expect(ren, "two texts of the dialog overlapping", 1, "overlaps 'The dialog's button'");

    ren_free(ren);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    TTF_Quit();
    printf("%d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures ? 1 : 0;
}
