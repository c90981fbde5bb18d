/* chrome: the parts every screen shares: the top bar, a module's chart
 * laid out with its zoom and pan, and its controls. */
#ifndef TPQUIZ_CHROME_H
#define TPQUIZ_CHROME_H

#include "screens.h"

/* The bar across the top: title, breadcrumb, a Back button (true when it
 * or Escape was used). *content gets the area below the bar. */
bool chrome_top_bar(App *a, const char *title, const char *crumb, bool back, SDL_Rect *content);

/* Lays out a module's chart of a view in area, zoomed and panned as the
 * learner left it for this module (chart_view.h; flags CHART_VIEW_*). It
 * opens on the close-up of the module's region on a whole-body chart, with
 * a Whole body / Close-up toggle, and on the whole chart on a regional one. */
ChartLayout chrome_chart_layout(App *a, const Module *m, const View *v, SDL_Rect area, int flags);
/* Draws the chart's controls in the area's top-right corner (call after
 * drawing the chart). */
void chrome_zoom_button(App *a);

/* The distinct views a module uses, trigger point views first. Returns the
 * count (at most max). */
int module_views(const Module *m, const char **out, int max);

/* Notes a chart drawn in this frame (for the script's `click-image`). */
void chrome_note_chart(App *a, const char *view, const ChartLayout *l);

#endif
