/* paint_runs: a recorded painting as runs of cells (record.h,
 * record_paint_encode), and the checks that runs and their grid can be a
 * painting at all, shared by the reader and the writer. */
#include "record.h"
#include "scorefile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int record_paint_encode(const unsigned char *cells, int n_cells, int **runs)
{
    *runs = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < n_cells;) {
        int start = i;
        while (i < n_cells && !cells[i])
            i++;
        if (i == n_cells)
            break; /* the unpainted rest is left out */
        int gap = i - start;
        start = i;
        while (i < n_cells && cells[i])
            i++;
        if (n + 2 > cap) {
            cap = cap ? 2 * cap : 16;
            int *r = realloc(*runs, sizeof *r * (size_t)cap);
            if (!r) {
                free(*runs);
                *runs = NULL;
                return -1;
            }
            *runs = r;
        }
        (*runs)[n++] = gap;
        (*runs)[n++] = i - start;
    }
    return n;
}

/* Why runs cannot be a painting on a grid of n_cells cells, or NULL. */
const char *record_runs_problem(const int *runs, int n_runs, int64_t n_cells)
{
    if (n_runs < 0 || n_runs % 2 != 0 || (n_runs > 0 && !runs))
        return "the runs of a painting are not in pairs";
    int64_t sum = 0;
    for (int i = 0; i < n_runs; i++) {
        if (runs[i] < (i == 0 ? 0 : 1))
            return "a run of a painting is empty";
        sum += runs[i];
        if (sum > n_cells)
            return "a painting runs past the end of its grid";
    }
    return NULL;
}

/* True if g is a grid a painting can be recorded on. */
bool record_paint_grid_ok(const Grid *g)
{
    /* A cell under 0.001 would be written (three decimals) as 0. */
    return g->cols > 0 && g->rows > 0 && (int64_t)g->cols * g->rows <= RECORD_MAX_PAINT_CELLS &&
           g->cell >= 0.001 && g->cell < 1e12 && fabs(g->origin.x) < 1e12 && fabs(g->origin.y) < 1e12;
}

bool record_paint_ok(const RecordAnswer *a)
{
    return a && a->has_paint && record_paint_grid_ok(&a->grid) &&
           !record_runs_problem(a->runs, a->n_runs, (int64_t)a->grid.cols * a->grid.rows);
}

bool record_paint_decode(const RecordAnswer *a, unsigned char *cells)
{
    if (!cells || !record_paint_ok(a))
        return false;
    int64_t n = (int64_t)a->grid.cols * a->grid.rows;
    memset(cells, 0, (size_t)n);
    int64_t at = 0;
    for (int i = 0; i < a->n_runs; i++) {
        if (i % 2 == 1)
            memset(cells + at, 1, (size_t)a->runs[i]);
        at += a->runs[i];
    }
    return true;
}
