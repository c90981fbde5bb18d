/* ui: immediate-mode widgets over render.
 *
 * A screen lays out its rectangles and calls the widgets once per frame;
 * the same rectangle is used for drawing and for hit testing, so what is
 * seen and what is clicked cannot drift apart. Input is collected from SDL
 * events between frames (ui_event) and read by the widgets (clicks count on
 * release inside the rectangle the press started in). Every clickable
 * widget registers its label and rectangle, so the test harness can click
 * by label (`click-text`). Keyboard: Tab / Shift+Tab move the focus over
 * the clickable widgets, Enter or Space activates the focused one. */
#ifndef TPQUIZ_UI_H
#define TPQUIZ_UI_H

#include <SDL.h>
#include <stdbool.h>

#include "render.h"

#define UI_MAX_KEYS 16
#define UI_MAX_TARGETS 256

typedef struct {
    char label[160];
    SDL_Rect rect;
} UiTarget;

typedef struct {
    Ren *ren;
    float scale; /* output pixels per point of the layout (HiDPI and the text size setting) */
    float pointer_scale; /* output pixels per window point (what mouse events carry) */
    int width, height; /* output pixels */

    /* Input gathered since the last frame. */
    int mx, my;
    bool down;               /* button held now */
    bool pressed, released;  /* this frame */
    int press_x, press_y;    /* where the current/last press started */
    int release_x, release_y;
    /* The right or middle button (charts pan with it where the left one
     * paints): held now, pressed / released this frame, where it was pressed. */
    bool alt_down, alt_pressed, alt_released;
    int alt_press_x, alt_press_y;
    int wheel;
    SDL_Keycode keys[UI_MAX_KEYS];
    Uint16 key_mods[UI_MAX_KEYS];
    int n_keys;
    char text[256];  /* text typed this frame (UTF-8) */
    bool any_input; /* something happened: the screen must be redrawn */

    /* Focus over clickable widgets, in the order they are drawn. */
    int focus;       /* -1: none */
    int widget_index;
    int widget_count_last;
    bool activate_focus;
    SDL_Keycode activate_key; /* the key that did it */
    bool focus_field_pending; /* give focus to the next text field drawn */

    UiTarget targets[UI_MAX_TARGETS];
    int n_targets;
} Ui;

void ui_init(Ui *ui, Ren *ren);
/* Folds one SDL event into the frame's input (coordinates scaled to pixels). */
void ui_event(Ui *ui, const SDL_Event *e);
/* Starts a frame of the given output size; ends the previous frame's input. */
void ui_begin(Ui *ui, int width, int height);
/* Clears the frame's input. */
void ui_end(Ui *ui);

/* Points to pixels. */
int ui_px(const Ui *ui, float points);

typedef enum { BUTTON_PRIMARY, BUTTON_SECONDARY, BUTTON_QUIET, BUTTON_SELECTED, BUTTON_DISABLED } ButtonStyle;

/* A button; true when clicked (or activated from the keyboard). */
bool ui_button(Ui *ui, SDL_Rect r, const char *label, ButtonStyle style);
/* A rectangle that is clickable as a whole (a list row, a card); registers
 * label for scripts; draws nothing but the focus ring. */
bool ui_clickable(Ui *ui, SDL_Rect r, const char *label);
/* A click (press and release) inside r this frame, at *x,*y. */
bool ui_click_in(Ui *ui, SDL_Rect r, int *x, int *y);
bool ui_hover(const Ui *ui, SDL_Rect r);
/* True if key was pressed this frame (with any modifiers); consumes it. */
bool ui_key(Ui *ui, SDL_Keycode key);
/* ui_key that also gives the modifiers held with the press (*mods). Call
 * again for the next press of the same key in the frame. */
bool ui_key_mods(Ui *ui, SDL_Keycode key, Uint16 *mods);

/* Input held back from what lies under a modal dialog: it still draws but
 * takes no click or key. ui_modal_begin holds this frame's click and keys
 * back; ui_modal_end gives them back (for the dialog, drawn after). */
typedef struct {
    bool released, activate_focus;
    int n_keys;
} UiHeld;
UiHeld ui_modal_begin(Ui *ui);
void ui_modal_end(Ui *ui, UiHeld held);
/* Mouse wheel over r: adjusts *scroll (pixels), clamped to [0, content_h - r.h];
 * draws a scrollbar when the content is taller than r. */
void ui_scroll(Ui *ui, SDL_Rect r, int *scroll, int content_h);

/* A one-line text field editing buf (UTF-8, at most size-1 bytes). It takes
 * the keyboard when clicked or reached with Tab; typing appends, Backspace
 * deletes a character, Ctrl+V pastes. label (drawn above the field) also names it for scripts. */
enum { UI_FIELD_CHANGED = 1, UI_FIELD_ENTER = 2 };
/* Returns UI_FIELD_CHANGED and/or UI_FIELD_ENTER (Enter pressed in it). */
int ui_text_field(Ui *ui, SDL_Rect r, const char *label, char *buf, size_t size, const char *placeholder);
/* The same for a secret (a passphrase): drawn as one bullet a character,
 * and Ctrl+V does not paste into it. The caller wipes buf after use. */
int ui_secret_field(Ui *ui, SDL_Rect r, const char *label, char *buf, size_t size, const char *placeholder);
/* Gives the keyboard to the next text field drawn (e.g. on a new screen). */
void ui_focus_next_field(Ui *ui);

/* The clickable widget with exactly this label (else the first whose label
 * contains it) drawn in the last frame. */
bool ui_find_target(const Ui *ui, const char *label, SDL_Rect *out);
void ui_register_target(Ui *ui, const char *label, SDL_Rect r);

#endif
