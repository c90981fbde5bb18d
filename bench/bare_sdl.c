/* bare_sdl: the least an SDL program must do to show a chart, the baseline
 * of the start-up benchmark (bench/gui.sh, docs/PERFORMANCE.md).
 *
 * It starts SDL and SDL_ttf, opens a window and a renderer the way tpquiz
 * does (same flags), opens the font, rasterises one chart SVG with
 * SDL_image at the window's height, draws it and one line of text, presents
 * once, cleans up and exits. With --wait it then sleeps in SDL_WaitEvent
 * until it is asked to quit (SIGTERM, SIGINT), as an idle GUI does: the
 * baseline of the idle benchmark.
 *
 *   bare_sdl [--wait] FONT SIZE SVG [WIDTH HEIGHT]     (default 1280 x 800)
 */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    bool wait = argc > 1 && !strcmp(argv[1], "--wait");
    if (wait) {
        argc--;
        argv++;
    }
    if (argc != 4 && argc != 6) {
        fprintf(stderr, "usage: bare_sdl [--wait] FONT SIZE SVG [WIDTH HEIGHT]\n");
        return 2;
    }
    int size = atoi(argv[2]);
    int w = argc == 6 ? atoi(argv[4]) : 1280, h = argc == 6 ? atoi(argv[5]) : 800;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "bare_sdl: %s\n", SDL_GetError());
        return 1;
    }
    int status = 1;
    SDL_Window *win = SDL_CreateWindow("bare_sdl", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (win && !r)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    TTF_Font *font = r ? TTF_OpenFont(argv[1], size) : NULL;
    /* The chart at the window's height, its width from its own aspect. */
    SDL_RWops *rw = font ? SDL_RWFromFile(argv[3], "rb") : NULL;
    SDL_Surface *chart = rw ? IMG_LoadSizedSVG_RW(rw, 0, h) : NULL;
    if (rw)
        SDL_RWclose(rw);
    SDL_Texture *tex = chart ? SDL_CreateTextureFromSurface(r, chart) : NULL;
    SDL_Color ink = {0x21, 0x21, 0x21, 255};
    SDL_Surface *line = tex ? TTF_RenderUTF8_Blended(font, "Who is studying?", ink) : NULL;
    SDL_Texture *text = line ? SDL_CreateTextureFromSurface(r, line) : NULL;
    if (text) {
        SDL_SetRenderDrawColor(r, 0xF5, 0xF5, 0xF2, 255);
        SDL_RenderClear(r);
        SDL_Rect dst = {(w - chart->w) / 2, 0, chart->w, chart->h};
        SDL_RenderCopy(r, tex, NULL, &dst);
        SDL_Rect at = {20, 20, line->w, line->h};
        SDL_RenderCopy(r, text, NULL, &at);
        SDL_RenderPresent(r);
        status = 0;
        SDL_Event e;
        while (wait && SDL_WaitEvent(&e) && e.type != SDL_QUIT) {
        }
    } else {
        fprintf(stderr, "bare_sdl: %s\n", SDL_GetError());
    }
    if (text)
        SDL_DestroyTexture(text);
    SDL_FreeSurface(line);
    if (tex)
        SDL_DestroyTexture(tex);
    SDL_FreeSurface(chart);
    if (font)
        TTF_CloseFont(font);
    if (r)
        SDL_DestroyRenderer(r);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return status;
}
