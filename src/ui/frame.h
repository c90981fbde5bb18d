/* frame: drawing frames and feeding them SDL's events, for the event loop
 * (app.c) and the script runner (script_run.c). */
#ifndef TPQUIZ_FRAME_H
#define TPQUIZ_FRAME_H

#include <SDL.h>

#include "screens.h"

/* Draws one frame of the current screen; if shot is non-NULL the frame is
 * also saved there as a PNG. */
void frame_draw(App *a, const char *shot);
/* Frames until the state settles (a click that changes screen needs one
 * frame to act and one to show the result). */
void frame_settle(App *a);
/* One event: a quit request, or input for the next frame. */
void frame_handle_event(App *a, const SDL_Event *e);
/* Every event waiting in SDL's queue. */
void frame_pump(App *a);

#endif
