/* theme: the program's one palette. Clinical and calm: warm paper
 * background, white panels, a deep teal accent, chart red for pain. */
#ifndef TPQUIZ_THEME_H
#define TPQUIZ_THEME_H

#include <SDL.h>

#define COL(r, g, b) ((SDL_Color){r, g, b, 255})
#define COLA(r, g, b, a) ((SDL_Color){r, g, b, a})

#define THEME_BG COL(0xF3, 0xF0, 0xEA)
#define THEME_PANEL COL(0xFF, 0xFF, 0xFF)
#define THEME_PANEL_ALT COL(0xF8, 0xF6, 0xF2)
#define THEME_BORDER COL(0xD9, 0xD3, 0xC9)
#define THEME_TEXT COL(0x22, 0x26, 0x2B)
#define THEME_MUTED COL(0x5F, 0x66, 0x6D)
#define THEME_ACCENT COL(0x17, 0x5E, 0x6B)
#define THEME_ACCENT_DARK COL(0x0F, 0x45, 0x4F)
#define THEME_ACCENT_LIGHT COL(0xDC, 0xEC, 0xEE)
#define THEME_ON_ACCENT COL(0xFF, 0xFF, 0xFF)
#define THEME_FOCUS COL(0xE0, 0x8A, 0x00)
#define THEME_PAIN COL(0xC6, 0x28, 0x28)
#define THEME_PAIN_FILL COLA(0xD3, 0x2F, 0x2F, 0xB0)
#define THEME_PAIN_SPILL COLA(0xC6, 0x28, 0x28, 0xE0)
#define THEME_PAIN_EDGE_SPILL COLA(0xC6, 0x28, 0x28, 0xA0)
#define THEME_GOOD COL(0x2E, 0x7D, 0x32)
#define THEME_GOOD_LIGHT COL(0xE3, 0xF1, 0xE4)
#define THEME_PARTIAL COL(0xB2, 0x6A, 0x00)
#define THEME_PARTIAL_LIGHT COL(0xFB, 0xEF, 0xD9)
#define THEME_BAD COL(0xB0, 0x24, 0x24)
#define THEME_BAD_LIGHT COL(0xF8, 0xE1, 0xE1)
#define THEME_MARKER COL(0x1D, 0x3F, 0xA8)

/* The colour of an answer's credit (0..1), the one rule every screen uses:
 * full credit (at least 0.999) good, some credit (more than 0.001, the
 * heatmap's "none" threshold: rounding of a summed credit is not partial)
 * partial, otherwise bad. theme_credit_light is the matching background. */
#define THEME_CREDIT_FULL 0.999
#define THEME_CREDIT_NONE 0.001

static inline SDL_Color theme_credit_colour(double credit)
{
    return credit >= THEME_CREDIT_FULL ? THEME_GOOD : credit > THEME_CREDIT_NONE ? THEME_PARTIAL : THEME_BAD;
}

static inline SDL_Color theme_credit_light(double credit)
{
    return credit >= THEME_CREDIT_FULL ? THEME_GOOD_LIGHT
           : credit > THEME_CREDIT_NONE ? THEME_PARTIAL_LIGHT
                                        : THEME_BAD_LIGHT;
}

#endif
