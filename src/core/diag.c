/* diag: a growable list of diagnostics.
 *
 * Running out of memory while recording a diagnostic must not lose the fact
 * that something went wrong, so an item that cannot be stored in full is
 * kept with a fixed "(out of memory)" text where possible, and the error
 * count is kept separately from the items. */
#include "diag.h"

#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct Diag {
    DiagItem *items;
    int n, cap;
    int lost_errors; /* errors that could not be stored at all */
};

static const char OOM_TEXT[] = "(out of memory while recording a message)";
static const char NO_PATH[] = "";

Diag *diag_create(void)
{
    return calloc(1, sizeof(Diag));
}

static void item_free(DiagItem *it)
{
    if (it->path != NO_PATH)
        free(it->path);
    if (it->message != OOM_TEXT)
        free(it->message);
}

void diag_free(Diag *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->n; i++)
        item_free(&d->items[i]);
    free(d->items);
    free(d);
}

static int reserve(Diag *d, int extra)
{
    if (d->n + extra <= d->cap)
        return 0;
    int cap = d->cap ? d->cap : 16;
    while (cap < d->n + extra)
        cap *= 2;
    DiagItem *items = realloc(d->items, (size_t)cap * sizeof *items);
    if (!items)
        return -1;
    d->items = items;
    d->cap = cap;
    return 0;
}

__attribute__((format(printf, 5, 0))) static void add(Diag *d, DiagLevel level, const char *path, int line,
                                                      const char *fmt, va_list ap)
{
    if (!d)
        return;
    if (reserve(d, 1) != 0) {
        if (level == DIAG_ERROR)
            d->lost_errors++;
        return;
    }
    DiagItem *it = &d->items[d->n];
    it->level = level;
    it->line = line < 0 ? 0 : line;
    it->path = strdup(path ? path : "");
    it->message = text_vformat(fmt, ap);
    if (!it->path)
        it->path = (char *)NO_PATH;
    if (!it->message)
        it->message = (char *)OOM_TEXT;
    else
        for (char *c = it->message; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7F)
                *c = '?'; /* text quoted from a file must not reach a terminal as escape sequences */
    d->n++;
}

void diag_error(Diag *d, const char *path, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, DIAG_ERROR, path, line, fmt, ap);
    va_end(ap);
}

void diag_warning(Diag *d, const char *path, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, DIAG_WARNING, path, line, fmt, ap);
    va_end(ap);
}

int diag_count(const Diag *d)
{
    return d ? d->n : 0;
}

int diag_error_count(const Diag *d)
{
    if (!d)
        return 0;
    int n = d->lost_errors;
    for (int i = 0; i < d->n; i++)
        if (d->items[i].level == DIAG_ERROR)
            n++;
    return n;
}

const DiagItem *diag_item(const Diag *d, int i)
{
    if (!d || i < 0 || i >= d->n)
        return NULL;
    return &d->items[i];
}

void diag_append(Diag *dst, Diag *src)
{
    if (!dst || !src || dst == src)
        return;
    if (reserve(dst, src->n) != 0) {
        /* Keep at least the count of errors; the texts are lost. */
        dst->lost_errors += diag_error_count(src);
        for (int i = 0; i < src->n; i++)
            item_free(&src->items[i]);
    } else {
        if (src->n > 0)
            memcpy(dst->items + dst->n, src->items, (size_t)src->n * sizeof *src->items);
        dst->n += src->n;
        dst->lost_errors += src->lost_errors;
    }
    src->n = 0;
    src->lost_errors = 0;
}

static int item_cmp(const DiagItem *a, const DiagItem *b)
{
    int c = strcmp(a->path, b->path);
    if (c)
        return c;
    return (a->line > b->line) - (a->line < b->line);
}

/* Stable: on equal keys the left run's item goes first. */
static void merge_sort(DiagItem *a, DiagItem *tmp, int n)
{
    if (n < 2)
        return;
    int mid = n / 2;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    int i = 0, j = mid, k = 0;
    while (i < mid && j < n)
        tmp[k++] = item_cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof *a);
}

void diag_sort(Diag *d)
{
    if (!d || d->n < 2)
        return;
    DiagItem *tmp = malloc((size_t)d->n * sizeof *tmp);
    if (tmp) {
        merge_sort(d->items, tmp, d->n);
        free(tmp);
        return;
    }
    /* No memory for the buffer: a stable insertion sort in place. */
    for (int i = 1; i < d->n; i++) {
        DiagItem it = d->items[i];
        int j = i;
        while (j > 0 && item_cmp(&d->items[j - 1], &it) > 0) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = it;
    }
}

static const char *level_name(DiagLevel level)
{
    return level == DIAG_ERROR ? "error" : "warning";
}

char *diag_format(const DiagItem *it, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!it) {
        buf[0] = '\0';
        return buf;
    }
    if (it->path[0] && it->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", it->path, it->line, level_name(it->level), it->message);
    else if (it->path[0])
        snprintf(buf, size, "%s: %s: %s", it->path, level_name(it->level), it->message);
    else
        snprintf(buf, size, "%s: %s", level_name(it->level), it->message);
    return buf;
}

void diag_print(const Diag *d, FILE *out)
{
    if (!d || !out)
        return;
    for (int i = 0; i < d->n; i++) {
        const DiagItem *it = &d->items[i];
        if (it->path[0] && it->line > 0)
            fprintf(out, "%s:%d: %s: %s\n", it->path, it->line, level_name(it->level), it->message);
        else if (it->path[0])
            fprintf(out, "%s: %s: %s\n", it->path, level_name(it->level), it->message);
        else
            fprintf(out, "%s: %s\n", level_name(it->level), it->message);
    }
    if (d->lost_errors)
        fprintf(out, "error: %d more errors could not be recorded (out of memory)\n", d->lost_errors);
}
