/* course_internal: what the files that load courses share (rawini.c,
 * library.c, module_load.c, course_load.c); not for other code, which uses
 * course.h.
 *
 * A file is read in two steps. First inifile turns it into a plain list of
 * sections, each with its keys and every value line with its line number
 * (RawIni, rawini.c). Then the sections are interpreted (module_load.c,
 * course_load.c): every section kind has a table of keys (KeyRule) that
 * drives the generic checks (unknown, twice, missing, empty, continued when
 * it must fit on one line), and a function that checks the values and
 * builds the item. Items that fail a check are left out of the Module or
 * Course, so code using a loaded library can trust every item in it; the
 * reasons are in the Diag. Trigger points that fail are still known by id,
 * so a zone naming one does not add a second, misleading error. */
#ifndef TPQUIZ_COURSE_INTERNAL_H
#define TPQUIZ_COURSE_INTERNAL_H

#include "course.h"
#include "inifile.h"
#include "svgview.h"

#include <stdbool.h>
#include <stdlib.h>

/* Makes room for one more element in a growable array; on failure sets ok
 * to false and leaves the array as it was. */
#define RESERVE(arr, n, cap, ok)                                                                             \
    do {                                                                                                     \
        if ((n) >= (cap)) {                                                                                  \
            int nc_ = (cap) ? (cap)*2 : 8;                                                                   \
            void *p_ = realloc((arr), (size_t)nc_ * sizeof *(arr));                                          \
            if (p_) {                                                                                        \
                (arr) = p_;                                                                                  \
                (cap) = nc_;                                                                                 \
            } else {                                                                                         \
                (ok) = false;                                                                                \
            }                                                                                                \
        }                                                                                                    \
    } while (0)

/* ---- small helpers (rawini.c) ---------------------------------------------- */

/* True if path is a regular file (following links). */
bool path_is_file(const char *path);
/* What is wrong with a file that path_is_file refused, for a message. */
const char *path_problem(const char *path);
/* A view name is used in a file name: [a-z0-9_-]+ keeps it in the folder. */
bool course_valid_view_name(const char *s);
/* The last path component without a ".ini" ending (malloc'ed). */
char *path_stem(const char *path);
/* The name of the folder holding path, "" if path has no folder part (malloc'ed). */
char *path_parent_name(const char *path);
/* Frees v[0, n) and v. */
void strings_free(char **v, int n);
/* The ids of table into out[0, max), NULL-terminated. */
void named_id_list(const NamedId *table, const char **out, int max);

/* ---- step one: the file as sections, keys and value lines ------------------ */

typedef struct {
    char *text; /* trimmed by inih */
    int line;
} RawLine;

typedef struct {
    char *key;
    int line;
    RawLine *lines; /* [0] is the key's own line */
    int n_lines, cap_lines;
} RawEntry;

typedef struct {
    char *name; /* NULL for keys before the first section */
    int line;
    RawEntry *entries;
    int n, cap;
    /* A line in this section was malformed or too long (and reported): a
     * key missing here may just have been on it, so that is not reported
     * again. */
    bool broken;
} RawSection;

typedef struct {
    RawSection *secs;
    int n, cap;
    bool ok; /* false after running out of memory */
} RawIni;

void raw_free(RawIni *ini);
/* Reads path into ini. false if the file cannot be read (reported). */
bool raw_read(const char *path, RawIni *ini, Diag *d);

/* ---- step two helpers: key tables and value readers ------------------------ */

typedef enum { VAL_LINE, VAL_TEXT, VAL_LIST } ValueShape;

typedef struct {
    const char *key;
    bool required;
    ValueShape shape; /* VAL_LINE must fit on its key's line */
} KeyRule;

#define MAX_RULES 16

/* Runs the generic checks of section s against rules and fills found[i]
 * with the entry for rules[i] (NULL if absent or empty). Returns true if
 * every required key is present and not empty. */
bool raw_check_keys(const char *path, const RawSection *s, const KeyRule *rules, const RawEntry **found, Diag *d);
/* The value of a one-line key. */
const char *raw_line_value(const RawEntry *e);
/* Text rule of docs/FORMATS.md: lines join with a space (malloc'ed). */
char *raw_join_text(const RawEntry *e);

typedef struct {
    char **items;
    int *lines;
    int n, cap;
    bool ok;
} ItemList;

void item_list_free(ItemList *l);
void item_list_push(ItemList *l, const char *s, size_t len, int line);
/* List rule: every line is an item; with commas, items on a line may also
 * be separated by commas. */
ItemList raw_list_items(const RawEntry *e, bool commas);
/* Parses "x,y" at the start of s; returns the rest, NULL if not a point. */
const char *raw_parse_point(const char *s, Vec2 *out);
bool rect_contains(Vec2 p, RectD r);

/* ---- the library (library.c) ----------------------------------------------- */

typedef struct {
    View v;
    bool exists;
    SvgInfo svg; /* owns the chart's body outline, if it has one */
} ViewEntry;

/* How far outside the body outline a point may lie and still count as on
 * the body (chart units): points placed on the edge of the body. */
#define ON_BODY_TOLERANCE 3.0

struct Library {
    char *courses_dir, *assets_dir, *muscles_dir, *anatomy_dir, *lessons_dir, *figures_dir;
    /* Their real paths (NULL if they do not resolve): nothing is read
     * through a symbolic link that leads out of them. */
    char *courses_real, *assets_real;
    bool (*go_on)(void *ctx);
    void *go_on_ctx;
    bool stopped;
    Course **courses;
    int n_courses, cap_courses;
    Module **modules;
    int n_modules, cap_modules;
    ViewEntry **views;
    int n_views, cap_views;
    /* While library_load_all runs (NULL otherwise): each module's
     * fingerprint bytes, for the next course that lists it (fingerprint.h). */
    struct FingerprintCache *fingerprints;
};

/* Returned by library_create only if even its small allocation fails. */
extern Library library_fallback;

/* False once the progress callback asked to stop. */
bool library_keep_going(Library *lib);
void library_module_free(Module *m);
void library_course_free(Course *c);
ViewEntry *library_view_entry(const Library *lib, const char *name);
/* The view by name, loading (and checking) its chart on first use. NULL
 * only if out of memory. */
ViewEntry *library_use_view(Library *lib, const char *name, Diag *d);

/* ---- lessons (lesson_load.c) -------------------------------------------------- */

/* The [lesson] section of a lesson file into m (id, title, summary). Sets
 * *oom when out of memory. */
void lesson_load_head(const char *path, const RawSection *sec, Module *m, bool *oom, Diag *d);
/* One [page.<id>] into m->pages (left out if it has an error). Its figure
 * must be <assets>/figures/<name>.svg, a regular file inside the assets
 * folder that passes the chart checks. */
void lesson_load_page(Library *lib, const char *path, const RawSection *sec, const char *id, Module *m,
                      bool *oom, Diag *d);
void lesson_pages_free(LessonPage *pages, int n);
/* Checks the figure named by e (a lesson page's or a self-care figure):
 * a name of [a-z0-9_-] whose <assets>/figures/<name>.svg passes the chart
 * checks. Returns the file's path (malloc'ed) with its viewBox in *box, or
 * NULL (reported against path:line). */
char *library_check_figure(Library *lib, const char *path, const RawEntry *e, RectD *box, bool *oom, Diag *d);

/* ---- self-care (selfcare_load.c) ----------------------------------------------- */

/* A muscle's [selfcare] section into m->selfcare (left out, reported, if
 * it has an error). */
void selfcare_load(Library *lib, const char *path, const RawSection *sec, Module *m, bool *oom, Diag *d);
void selfcare_free(SelfCare *sc);

#endif
