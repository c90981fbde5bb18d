/* course: loading and validating courses, muscle modules and chart views.
 *
 * A file is read in two steps. First inifile turns it into a plain list of
 * sections, each with its keys and every value line with its line number
 * (RawIni). Then the sections are interpreted: every section kind has a
 * table of keys (KeyRule) that drives the generic checks (unknown, twice,
 * missing, empty, continued when it must fit on one line), and a function
 * that checks the values and builds the item. Items that fail a check are
 * left out of the Module or Course, so code using a loaded library can trust
 * every item in it; the reasons are in the Diag. Trigger points that fail are
 * still known by id, so a zone naming one does not add a second, misleading
 * error. */
#include "course.h"
#include "fingerprint.h"

#include "datafile.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inifile.h"
#include "svgview.h"
#include "walk.h"

const NamedId PAIN_REGIONS[] = {
    {"head", "Head"},
    {"forehead", "Forehead"},
    {"temple", "Temple"},
    {"eye", "Eye"},
    {"face", "Face"},
    {"jaw", "Jaw"},
    {"teeth", "Teeth"},
    {"ear", "Ear"},
    {"neck", "Neck"},
    {"throat", "Throat"},
    {"upper_back", "Upper back"},
    {"mid_back", "Mid back"},
    {"low_back", "Low back"},
    {"sacrum", "Sacrum"},
    {"buttock", "Buttock"},
    {"hip", "Hip"},
    {"groin", "Groin"},
    {"abdomen", "Abdomen"},
    {"chest", "Chest"},
    {"shoulder", "Shoulder"},
    {"upper_arm", "Upper arm"},
    {"elbow", "Elbow"},
    {"forearm", "Forearm"},
    {"wrist", "Wrist"},
    {"hand", "Hand"},
    {"fingers", "Fingers"},
    {"thigh_front", "Front of the thigh"},
    {"thigh_back", "Back of the thigh"},
    {"thigh_side", "Side of the thigh"},
    {"thigh_inner", "Inner thigh"},
    {"knee", "Knee"},
    {"calf", "Calf"},
    {"shin", "Shin"},
    {"ankle", "Ankle"},
    {"heel", "Heel"},
    {"foot", "Foot"},
    {"toes", "Toes"},
    {NULL, NULL},
};

const NamedId MUSCLE_GROUPS[] = {
    {"head", "Head"},
    {"jaw", "Jaw"},
    {"neck", "Neck"},
    {"shoulder", "Shoulder"},
    {"upper_back", "Upper back"},
    {"chest", "Chest"},
    {"arm", "Arm"},
    {"forearm", "Forearm and hand"},
    {"abdomen", "Abdomen"},
    {"low_back", "Low back"},
    {"hip", "Hip and pelvis"},
    {"thigh", "Thigh"},
    {"leg", "Lower leg"},
    {"foot", "Foot"},
    {NULL, NULL},
};

const char *named_id_name(const NamedId *table, const char *id)
{
    if (!table || !id)
        return NULL;
    for (int i = 0; table[i].id; i++)
        if (!strcmp(table[i].id, id))
            return table[i].name;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Small helpers */

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

static bool is_file(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* What is wrong with a file that is_file refused, for a message. */
static const char *problem(const char *path)
{
    const char *why = datafile_problem(path);
    return why ? why : "cannot be read";
}

/* An id: [a-z0-9_]+ */
static bool valid_id(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* A view name is used in a file name: [a-z0-9_-]+ keeps it in the folder. */
static bool valid_view_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return false;
    return true;
}

/* The last path component without a ".ini" ending. */
static char *file_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".ini"))
        n -= 4;
    return strndup(base, n);
}

/* The name of the folder holding path, "" if path has no folder part. */
static char *parent_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup("");
    const char *end = slash;
    while (end > path && end[-1] == '/')
        end--;
    const char *start = end;
    while (start > path && start[-1] != '/')
        start--;
    return strndup(start, (size_t)(end - start));
}

static void free_strings(char **v, int n)
{
    if (!v)
        return;
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void names_of(const NamedId *table, const char **out, int max)
{
    int n = 0;
    for (; table[n].id && n < max - 1; n++)
        out[n] = table[n].id;
    out[n] = NULL;
}

/* ------------------------------------------------------------------ */
/* Step one: the file as sections, keys and value lines */

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

static void raw_free(RawIni *ini)
{
    for (int i = 0; i < ini->n; i++) {
        RawSection *s = &ini->secs[i];
        for (int j = 0; j < s->n; j++) {
            for (int k = 0; k < s->entries[j].n_lines; k++)
                free(s->entries[j].lines[k].text);
            free(s->entries[j].lines);
            free(s->entries[j].key);
        }
        free(s->entries);
        free(s->name);
    }
    free(ini->secs);
}

static RawSection *raw_add_section(RawIni *ini, const char *name, int line)
{
    RESERVE(ini->secs, ini->n, ini->cap, ini->ok);
    if (!ini->ok)
        return NULL;
    RawSection *s = &ini->secs[ini->n];
    *s = (RawSection){.name = name ? strdup(name) : NULL, .line = line};
    if (name && !s->name) {
        ini->ok = false;
        return NULL;
    }
    ini->n++;
    return s;
}

static void raw_on_section(void *user, const char *section, int line, Diag *d)
{
    (void)d;
    raw_add_section(user, section, line);
}

static int raw_on_entry(void *user, const IniEntry *e, Diag *d)
{
    RawIni *ini = user;
    RawSection *s = ini->n ? &ini->secs[ini->n - 1] : NULL;
    if (!s && !(s = raw_add_section(ini, NULL, 0)))
        goto oom;
    RawEntry *en;
    if (e->continuation && s->n > 0) {
        en = &s->entries[s->n - 1];
    } else {
        RESERVE(s->entries, s->n, s->cap, ini->ok);
        if (!ini->ok)
            goto oom;
        en = &s->entries[s->n];
        *en = (RawEntry){.key = strdup(e->key), .line = e->line};
        if (!en->key)
            goto oom;
        s->n++;
    }
    RESERVE(en->lines, en->n_lines, en->cap_lines, ini->ok);
    if (!ini->ok)
        goto oom;
    en->lines[en->n_lines] = (RawLine){.text = strdup(e->value), .line = e->line};
    if (!en->lines[en->n_lines].text)
        goto oom;
    en->n_lines++;
    return 0;
oom:
    ini->ok = false;
    diag_error(d, e->path, e->line, "out of memory");
    return 1;
}

/* Reads path into ini. false if the file cannot be read (reported). */
static bool raw_read(const char *path, RawIni *ini, Diag *d)
{
    *ini = (RawIni){.ok = true};
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_COURSE, &len, d);
    if (!buf)
        return false;
    int first_new = diag_count(d);
    IniCallbacks cb = {.on_entry = raw_on_entry, .on_section = raw_on_section, .user = ini};
    inifile_parse_buffer(path, buf, len, &cb, d);
    free(buf);
    /* Mark the sections holding lines that inifile rejected. */
    for (int i = first_new; i < diag_count(d); i++) {
        const DiagItem *it = diag_item(d, i);
        if (it->level != DIAG_ERROR || it->line <= 0 || strcmp(it->path, path))
            continue;
        for (int k = ini->n - 1; k >= 0; k--) {
            if (ini->secs[k].line <= it->line) {
                ini->secs[k].broken = true;
                break;
            }
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Step two helpers: key tables and value readers */

typedef enum { VAL_LINE, VAL_TEXT, VAL_LIST } ValueShape;

typedef struct {
    const char *key;
    bool required;
    ValueShape shape; /* VAL_LINE must fit on its key's line */
} KeyRule;

#define MAX_RULES 16

/* Runs the generic checks of section s against rules and fills found[i]
 * with the entry for rules[i] (NULL if absent or empty). Returns true if
 * every required key is present and not empty. A missing key is not
 * reported when the reason is already on record: an unknown key that looks
 * like it (a typo), or a rejected line in the section. */
static bool check_keys(const char *path, const RawSection *s, const KeyRule *rules, const RawEntry **found,
                       Diag *d)
{
    const char *names[MAX_RULES + 1];
    int n_rules = 0;
    for (; rules[n_rules].key; n_rules++) {
        names[n_rules] = rules[n_rules].key;
        found[n_rules] = NULL;
    }
    names[n_rules] = NULL;
    bool empty[MAX_RULES] = {false};
    bool hinted[MAX_RULES] = {false}; /* an unknown key looked like it */

    for (int j = 0; j < s->n; j++) {
        const RawEntry *e = &s->entries[j];
        int r = -1;
        for (int i = 0; i < n_rules; i++)
            if (!strcmp(rules[i].key, e->key))
                r = i;
        if (r < 0) {
            const char *near = inifile_nearest(e->key, names, 2);
            for (int i = 0; near && i < n_rules; i++)
                if (names[i] == near)
                    hinted[i] = true;
            if (near)
                diag_error(d, path, e->line, "unknown key '%s' in [%s] (did you mean '%s'?)", e->key, s->name,
                           near);
            else
                diag_error(d, path, e->line, "unknown key '%s' in [%s]", e->key, s->name);
            continue;
        }
        if (found[r] || empty[r]) {
            const RawEntry *first = found[r];
            int first_line = first ? first->line : 0;
            for (int k = 0; !first && k < j; k++)
                if (!strcmp(s->entries[k].key, e->key))
                    first_line = s->entries[k].line;
            diag_error(d, path, e->line, "'%s' is set twice in [%s] (first on line %d)", e->key, s->name,
                       first_line);
            continue;
        }
        if (rules[r].shape == VAL_LINE)
            for (int k = 1; k < e->n_lines; k++)
                diag_error(d, path, e->lines[k].line,
                           "'%s' takes a single value on its own line; this indented line "
                           "cannot continue it",
                           e->key);
        bool blank = true;
        for (int k = 0; k < e->n_lines; k++)
            if (e->lines[k].text[0])
                blank = false;
        if (blank) {
            diag_error(d, path, e->line, "'%s' is empty", e->key);
            empty[r] = true;
            continue;
        }
        found[r] = e;
    }
    bool ok = true;
    for (int i = 0; i < n_rules; i++) {
        if (!rules[i].required || found[i])
            continue;
        ok = false;
        if (!empty[i] && !hinted[i] && !s->broken)
            diag_error(d, path, s->line, "missing key '%s' in [%s]", rules[i].key, s->name);
    }
    return ok;
}

static const char *line_value(const RawEntry *e)
{
    return e ? e->lines[0].text : "";
}

/* Text rule of docs/FORMATS.md: lines join with a space; a continuation
 * line starting with "- " starts a new line. NULL if out of memory. */
static char *join_text(const RawEntry *e)
{
    if (!e)
        return strdup("");
    size_t total = 1;
    for (int k = 0; k < e->n_lines; k++)
        total += strlen(e->lines[k].text) + 1;
    char *out = malloc(total);
    if (!out)
        return NULL;
    size_t n = 0;
    for (int k = 0; k < e->n_lines; k++) {
        const char *t = e->lines[k].text;
        if (!t[0])
            continue;
        if (n > 0)
            out[n++] = strncmp(t, "- ", 2) == 0 ? '\n' : ' ';
        size_t len = strlen(t);
        memcpy(out + n, t, len);
        n += len;
    }
    out[n] = '\0';
    return out;
}

typedef struct {
    char **items;
    int *lines;
    int n, cap;
    bool ok;
} ItemList;

static void items_free(ItemList *l)
{
    free_strings(l->items, l->n);
    free(l->lines);
    *l = (ItemList){.ok = true};
}

static void items_push(ItemList *l, const char *s, size_t len, int line)
{
    int cap = l->cap;
    RESERVE(l->items, l->n, l->cap, l->ok);
    if (l->ok && cap != l->cap) {
        int *lines = realloc(l->lines, (size_t)l->cap * sizeof *lines);
        if (lines)
            l->lines = lines;
        else
            l->ok = false;
    }
    if (!l->ok)
        return;
    char *copy = strndup(s, len);
    if (!copy) {
        l->ok = false;
        return;
    }
    l->items[l->n] = copy;
    l->lines[l->n] = line;
    l->n++;
}

/* List rule: every line is an item; with commas, items on a line may also
 * be separated by ','. Blank items are left out. */
static ItemList list_items(const RawEntry *e, bool commas)
{
    ItemList l = {.ok = true};
    for (int k = 0; e && k < e->n_lines; k++) {
        const char *t = e->lines[k].text;
        while (*t) {
            const char *end = commas ? strchr(t, ',') : NULL;
            if (!end)
                end = t + strlen(t);
            const char *a = t, *b = end;
            while (a < b && (*a == ' ' || *a == '\t'))
                a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                b--;
            if (b > a)
                items_push(&l, a, (size_t)(b - a), e->lines[k].line);
            t = *end ? end + 1 : end;
        }
    }
    return l;
}

/* Parses "x,y" (white space allowed around the comma) at the start of s;
 * returns the position after it, or NULL if there is no point there. */
static const char *parse_point(const char *s, Vec2 *out)
{
    char tok[64];
    double v[2];
    for (int i = 0; i < 2; i++) {
        while (*s == ' ' || *s == '\t')
            s++;
        size_t n = 0;
        while (s[n] && s[n] != ',' && s[n] != ' ' && s[n] != '\t')
            n++;
        if (n == 0 || n >= sizeof tok)
            return NULL;
        memcpy(tok, s, n);
        tok[n] = '\0';
        if (!inifile_parse_double(tok, &v[i]))
            return NULL;
        s += n;
        if (i == 0) {
            while (*s == ' ' || *s == '\t')
                s++;
            if (*s != ',')
                return NULL;
            s++;
        }
    }
    out->x = v[0];
    out->y = v[1];
    return s;
}

static bool in_rect(Vec2 p, RectD r)
{
    return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

/* ------------------------------------------------------------------ */
/* The library */

typedef struct {
    View v;
    bool exists;
    SvgInfo svg; /* owns the chart's body outline, if it has one */
} ViewEntry;

/* How far outside the body outline a point may lie and still count as on
 * the body (chart units): points placed on the edge of the body. */
#define ON_BODY_TOLERANCE 3.0

struct Library {
    char *courses_dir, *assets_dir, *muscles_dir, *anatomy_dir;
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
};

/* Returned by library_create only if even its small allocation fails, to
 * keep the promise of never returning NULL; it has no folders, so nothing
 * loads into it. */
static Library fallback_library;

Library *library_create(const char *courses_dir, const char *assets_dir)
{
    Library *lib = calloc(1, sizeof *lib);
    if (!lib)
        return &fallback_library;
    lib->courses_dir = strdup(courses_dir ? courses_dir : "courses");
    lib->assets_dir = strdup(assets_dir ? assets_dir : "assets");
    lib->muscles_dir = lib->courses_dir ? text_path_join(lib->courses_dir, "muscles") : NULL;
    lib->anatomy_dir = lib->assets_dir ? text_path_join(lib->assets_dir, "anatomy") : NULL;
    lib->courses_real = lib->courses_dir ? walk_real(lib->courses_dir) : NULL;
    lib->assets_real = lib->assets_dir ? walk_real(lib->assets_dir) : NULL;
    return lib;
}

void library_set_progress(Library *lib, bool (*go_on)(void *ctx), void *ctx)
{
    if (!lib || lib == &fallback_library)
        return;
    lib->go_on = go_on;
    lib->go_on_ctx = ctx;
}

bool library_stopped(const Library *lib)
{
    return lib && lib->stopped;
}

/* False once the progress callback asked to stop. */
static bool keep_going(Library *lib)
{
    if (!lib->stopped && lib->go_on && !lib->go_on(lib->go_on_ctx))
        lib->stopped = true;
    return !lib->stopped;
}

bool library_link_leaves(const Library *lib, const char *path, Diag *d)
{
    if (!lib || !path)
        return false;
    const char *dirs[2] = {lib->courses_dir, lib->assets_dir};
    const char *reals[2] = {lib->courses_real, lib->assets_real};
    const char *words[2] = {"courses", "assets"};
    for (int i = 0; i < 2; i++) {
        size_t n = dirs[i] ? strlen(dirs[i]) : 0;
        if (!n || strncmp(path, dirs[i], n) || (path[n] != '/' && dirs[i][n - 1] != '/'))
            continue;
        char *to = walk_link_out(reals[i], path);
        struct stat st;
        if (to && (stat(to, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))) {
            /* A device or FIFO: the reader refuses it and says what it is. */
            free(to);
            to = NULL;
        }
        if (!to)
            return false;
        diag_error(d, path, 0, "not read: a symbolic link out of the %s folder (to %s)", words[i], to);
        free(to);
        return true;
    }
    return false;
}

static void module_free(Module *m)
{
    if (!m)
        return;
    free(m->id);
    free(m->path);
    free(m->name);
    free(m->group);
    free_strings(m->pain_regions, m->n_pain_regions);
    free(m->attachments);
    free(m->action);
    free(m->causes);
    free(m->symptoms);
    free(m->differential);
    free(m->treatment);
    free(m->self_care);
    for (int i = 0; i < m->n_tps; i++) {
        free(m->tps[i].id);
        free(m->tps[i].view);
        free(m->tps[i].label);
        free(m->tps[i].location);
    }
    free(m->tps);
    for (int i = 0; i < m->n_zones; i++) {
        free(m->zones[i].id);
        free(m->zones[i].view);
        free(m->zones[i].tp_id);
        free(m->zones[i].poly.pts);
    }
    free(m->zones);
    for (int i = 0; i < m->n_questions; i++) {
        Question *q = &m->questions[i];
        free(q->id);
        free(q->prompt);
        free_strings(q->correct, q->n_correct);
        free_strings(q->wrong, q->n_wrong);
        free(q->explain);
    }
    free(m->questions);
    free_strings(m->overlay_views, m->n_overlays);
    free_strings(m->overlay_paths, m->n_overlays);
    free(m);
}

static void course_free(Course *c)
{
    if (!c)
        return;
    free(c->id);
    free(c->path);
    free(c->title);
    free(c->description);
    free_strings(c->module_ids, c->n_modules);
    free(c->modules);
    free(c);
}

void library_free(Library *lib)
{
    if (!lib || lib == &fallback_library)
        return;
    for (int i = 0; i < lib->n_courses; i++)
        course_free(lib->courses[i]);
    free(lib->courses);
    for (int i = 0; i < lib->n_modules; i++)
        module_free(lib->modules[i]);
    free(lib->modules);
    for (int i = 0; i < lib->n_views; i++) {
        svgview_info_free(&lib->views[i]->svg);
        free(lib->views[i]->v.name);
        free(lib->views[i]->v.path);
        free(lib->views[i]);
    }
    free(lib->views);
    free(lib->courses_dir);
    free(lib->assets_dir);
    free(lib->muscles_dir);
    free(lib->anatomy_dir);
    free(lib->courses_real);
    free(lib->assets_real);
    free(lib);
}

int library_course_count(const Library *lib)
{
    return lib ? lib->n_courses : 0;
}

const Course *library_course(const Library *lib, int i)
{
    return lib && i >= 0 && i < lib->n_courses ? lib->courses[i] : NULL;
}

const Course *library_find_course(const Library *lib, const char *id)
{
    for (int i = 0; lib && id && i < lib->n_courses; i++)
        if (!strcmp(lib->courses[i]->id, id))
            return lib->courses[i];
    return NULL;
}

int library_module_count(const Library *lib)
{
    return lib ? lib->n_modules : 0;
}

const Module *library_module(const Library *lib, int i)
{
    return lib && i >= 0 && i < lib->n_modules ? lib->modules[i] : NULL;
}

const Module *library_find_module(const Library *lib, const char *id)
{
    for (int i = 0; lib && id && i < lib->n_modules; i++)
        if (!strcmp(lib->modules[i]->id, id))
            return lib->modules[i];
    return NULL;
}

static ViewEntry *find_view_entry(const Library *lib, const char *name)
{
    for (int i = 0; lib && name && i < lib->n_views; i++)
        if (!strcmp(lib->views[i]->v.name, name))
            return lib->views[i];
    return NULL;
}

const View *library_find_view(const Library *lib, const char *name)
{
    ViewEntry *e = find_view_entry(lib, name);
    return e ? &e->v : NULL;
}

int library_view_count(const Library *lib)
{
    return lib ? lib->n_views : 0;
}

const View *library_view(const Library *lib, int i)
{
    return lib && i >= 0 && i < lib->n_views ? &lib->views[i]->v : NULL;
}

char *library_overlay_path(const Library *lib, const char *muscle_id, const char *view, char *buf, int size)
{
    if (!buf || size <= 0)
        return buf;
    snprintf(buf, (size_t)size, "%s/muscles/%s.%s.svg",
             lib && lib->anatomy_dir ? lib->anatomy_dir : "assets/anatomy", muscle_id ? muscle_id : "",
             view ? view : "");
    return buf;
}

int module_find_tp(const Module *m, const char *tp_id)
{
    for (int i = 0; m && tp_id && i < m->n_tps; i++)
        if (!strcmp(m->tps[i].id, tp_id))
            return i;
    return -1;
}

/* The view by name, loading (and checking) its chart on first use. NULL
 * only if out of memory. Problems of the chart itself are reported against
 * the chart's file; a missing chart is for the caller to report. */
static ViewEntry *use_view(Library *lib, const char *name, Diag *d)
{
    ViewEntry *e = find_view_entry(lib, name);
    if (e)
        return e;
    bool ok = true;
    RESERVE(lib->views, lib->n_views, lib->cap_views, ok);
    if (!ok || !lib->anatomy_dir)
        return NULL;
    e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    size_t size = strlen(lib->anatomy_dir) + strlen(name) + 6;
    e->v.name = strdup(name);
    e->v.path = malloc(size);
    if (!e->v.name || !e->v.path) {
        free(e->v.name);
        free(e->v.path);
        free(e);
        return NULL;
    }
    snprintf(e->v.path, size, "%s/%s.svg", lib->anatomy_dir, name);
    e->exists = is_file(e->v.path);
    if (e->exists && library_link_leaves(lib, e->v.path, d)) {
        e->v.ok = false; /* reported against the chart; its modules name no second reason */
    } else if (e->exists) {
        e->v.ok = svgview_inspect(e->v.path, &e->svg, d) == 0;
        e->v.viewbox = e->svg.viewbox;
        e->v.cm_per_unit = e->svg.cm_per_unit;
        if (e->v.ok && !e->svg.outline_line)
            diag_error(d, e->v.path, 0,
                         "no body outline (<path id=\"" SVGVIEW_OUTLINE_ID "\">): trigger points and zones "
                         "on view '%s' are not checked against the body",
                         name);
    }
    lib->views[lib->n_views++] = e;
    return e;
}

/* ------------------------------------------------------------------ */
/* Modules */

enum { TP_VIEW, TP_AT, TP_RADIUS, TP_PRIMARY, TP_LABEL, TP_LOCATION };
static const KeyRule TP_KEYS[] = {
    {"view", true, VAL_LINE},     {"at", true, VAL_LINE},    {"radius", true, VAL_LINE},
    {"primary", false, VAL_LINE}, {"label", true, VAL_TEXT}, {"location", true, VAL_TEXT},
    {NULL, false, VAL_LINE},
};

enum { ZONE_VIEW, ZONE_TP, ZONE_KIND, ZONE_POLY };
static const KeyRule ZONE_KEYS[] = {
    {"view", true, VAL_LINE}, {"tp", true, VAL_LINE},  {"kind", true, VAL_LINE},
    {"poly", true, VAL_LIST}, {NULL, false, VAL_LINE},
};

enum { Q_TYPE, Q_PROMPT, Q_CORRECT, Q_WRONG, Q_EXPLAIN };
static const KeyRule QUESTION_KEYS[] = {
    {"type", true, VAL_LINE},  {"prompt", true, VAL_TEXT},  {"correct", true, VAL_LIST},
    {"wrong", true, VAL_LIST}, {"explain", true, VAL_TEXT}, {NULL, false, VAL_LINE},
};

enum {
    M_ID,
    M_NAME,
    M_GROUP,
    M_PAIN_REGIONS,
    M_ATTACHMENTS,
    M_ACTION,
    M_CAUSES,
    M_SYMPTOMS,
    M_DIFFERENTIAL,
    M_TREATMENT,
    M_SELF_CARE,
};
static const KeyRule MUSCLE_KEYS[] = {
    {"id", true, VAL_LINE},           {"name", true, VAL_TEXT},        {"group", true, VAL_LINE},
    {"pain_regions", true, VAL_LIST}, {"attachments", true, VAL_TEXT}, {"action", true, VAL_TEXT},
    {"causes", true, VAL_TEXT},       {"symptoms", true, VAL_TEXT},    {"differential", true, VAL_TEXT},
    {"treatment", true, VAL_TEXT},    {"self_care", true, VAL_TEXT},   {NULL, false, VAL_LINE},
};

/* A section of a module file, sorted by kind in the first pass. */
typedef struct {
    const RawSection *sec;
    const char *id; /* part after the '.' */
} Part;

typedef struct {
    Library *lib;
    Diag *d;
    const char *path;
    Module *m;
    bool oom;
    /* Every [tp.*] with a usable id, valid or not, for zone references. */
    Part *tps, *zones, *questions;
    int n_tps, n_zones, n_questions;
    bool any_primary; /* or a primary value that could not be read */
    /* Views in order of first use, with the line of that use. */
    const char *view_names[64];
    int view_lines[64];
    int n_views;
} ModuleLoad;

static void note_view_use(ModuleLoad *ml, const char *name, int line)
{
    for (int i = 0; i < ml->n_views; i++)
        if (!strcmp(ml->view_names[i], name))
            return;
    if (ml->n_views < 64) {
        ml->view_names[ml->n_views] = name;
        ml->view_lines[ml->n_views] = line;
        ml->n_views++;
    }
}

/* Checks a view key; returns the view if it has a usable chart. */
static const View *check_view(ModuleLoad *ml, const RawEntry *e)
{
    const char *name = line_value(e);
    if (!valid_view_name(name)) {
        diag_error(ml->d, ml->path, e->line, "bad view name '%s': use lowercase letters, digits, '_' and '-'",
                   name);
        return NULL;
    }
    ViewEntry *v = use_view(ml->lib, name, ml->d);
    if (!v) {
        ml->oom = true;
        return NULL;
    }
    if (!v->exists) {
        diag_error(ml->d, ml->path, e->line, "view '%s' has no chart: %s %s", name, v->v.path,
                   problem(v->v.path));
        return NULL;
    }
    note_view_use(ml, v->v.name, e->line);
    return v->v.ok ? &v->v : NULL;
}

static void report_outside(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v)
{
    diag_error(ml->d, ml->path, line, "%s %g,%g is outside view '%s' (viewBox %g %g %g %g)", what, p.x, p.y,
               v->name, v->viewbox.x, v->viewbox.y, v->viewbox.w, v->viewbox.h);
}

/* True if p is on the body drawn in the view (or the view has no outline to
 * tell); otherwise reports it. */
static bool check_on_body(ModuleLoad *ml, int line, const char *what, Vec2 p, const View *v)
{
    const ViewEntry *e = find_view_entry(ml->lib, v->name);
    if (!e || e->svg.n_outline == 0 || svgview_on_outline(e->svg.outline, e->svg.n_outline, p, ON_BODY_TOLERANCE))
        return true;
    diag_error(ml->d, ml->path, line, "%s %g,%g is off the body in view '%s'", what, p.x, p.y, v->name);
    return false;
}

static void load_tp(ModuleLoad *ml, const Part *part)
{
    const RawEntry *f[MAX_RULES];
    bool ok = check_keys(ml->path, part->sec, TP_KEYS, f, ml->d);
    TriggerPoint tp = {.line = part->sec->line};

    bool primary = false;
    if (f[TP_PRIMARY] && !inifile_parse_bool(line_value(f[TP_PRIMARY]), &primary)) {
        diag_error(ml->d, ml->path, f[TP_PRIMARY]->line, "primary must be yes or no, not '%s'",
                   line_value(f[TP_PRIMARY]));
        ml->any_primary = true; /* no second error for the same mistake */
        ok = false;
    }
    if (primary)
        ml->any_primary = true;
    tp.primary = primary;

    const View *view = f[TP_VIEW] ? check_view(ml, f[TP_VIEW]) : NULL;
    if (!view)
        ok = false;
    if (f[TP_AT]) {
        const char *end = parse_point(line_value(f[TP_AT]), &tp.at);
        if (!end || end[strspn(end, " \t")]) {
            diag_error(ml->d, ml->path, f[TP_AT]->line, "at must be x, y (two numbers), not '%s'",
                       line_value(f[TP_AT]));
            ok = false;
        } else if (view && !in_rect(tp.at, view->viewbox)) {
            report_outside(ml, f[TP_AT]->line, "at", tp.at, view);
            ok = false;
        } else if (view && !check_on_body(ml, f[TP_AT]->line, "at", tp.at, view)) {
            ok = false;
        }
    }
    /* At most a quarter of the chart's smaller side: a larger "point"
     * covers the body and grades every click as right. */
    double max_radius = 10000;
    if (view && view->viewbox.w > 0 && view->viewbox.h > 0)
        max_radius = (view->viewbox.w < view->viewbox.h ? view->viewbox.w : view->viewbox.h) / 4;
    if (f[TP_RADIUS] && (!inifile_parse_double(line_value(f[TP_RADIUS]), &tp.radius) ||
                         !(tp.radius >= COURSE_MIN_RADIUS && tp.radius <= max_radius))) {
        diag_error(ml->d, ml->path, f[TP_RADIUS]->line,
                   "radius must be a number from %g to %g (a quarter of the chart's smaller side), not '%s'",
                   COURSE_MIN_RADIUS, max_radius, line_value(f[TP_RADIUS]));
        ok = false;
    }
    if (!ok)
        return;

    Module *m = ml->m;
    bool grown = true;
    int cap = m->n_tps; /* the array grows one at a time: sizes are small */
    TriggerPoint *tps = realloc(m->tps, (size_t)(cap + 1) * sizeof *tps);
    if (!tps)
        grown = false;
    else
        m->tps = tps;
    tp.id = strdup(part->id);
    tp.view = strdup(line_value(f[TP_VIEW]));
    tp.label = join_text(f[TP_LABEL]);
    tp.location = join_text(f[TP_LOCATION]);
    if (!grown || !tp.id || !tp.view || !tp.label || !tp.location) {
        free(tp.id);
        free(tp.view);
        free(tp.label);
        free(tp.location);
        ml->oom = true;
        return;
    }
    m->tps[m->n_tps++] = tp;
}

/* Names the trigger points of the module for a hint. */
static const char *nearest_tp(const ModuleLoad *ml, const char *id)
{
    const char *names[65];
    int n = 0;
    for (int i = 0; i < ml->n_tps && n < 64; i++)
        names[n++] = ml->tps[i].id;
    names[n] = NULL;
    return inifile_nearest(id, names, 3);
}

static void load_zone(ModuleLoad *ml, const Part *part)
{
    const RawEntry *f[MAX_RULES];
    bool ok = check_keys(ml->path, part->sec, ZONE_KEYS, f, ml->d);
    Zone z = {.line = part->sec->line, .tp = -1};

    const View *view = f[ZONE_VIEW] ? check_view(ml, f[ZONE_VIEW]) : NULL;
    if (!view)
        ok = false;

    if (f[ZONE_TP]) {
        const char *tp_id = line_value(f[ZONE_TP]);
        bool declared = false;
        for (int i = 0; i < ml->n_tps; i++)
            if (!strcmp(ml->tps[i].id, tp_id))
                declared = true;
        if (!declared) {
            const char *near = nearest_tp(ml, tp_id);
            if (near)
                diag_error(ml->d, ml->path, f[ZONE_TP]->line,
                           "unknown trigger point '%s' (did you mean '%s'?)", tp_id, near);
            else
                diag_error(ml->d, ml->path, f[ZONE_TP]->line,
                           "unknown trigger point '%s': this module has no [tp.%s]", tp_id, tp_id);
            ok = false;
        } else {
            z.tp = module_find_tp(ml->m, tp_id);
            if (z.tp < 0)
                ok = false; /* declared, but it had errors of its own */
        }
    }

    if (f[ZONE_KIND]) {
        const char *kind = line_value(f[ZONE_KIND]);
        if (!strcmp(kind, "essential"))
            z.kind = ZONE_ESSENTIAL;
        else if (!strcmp(kind, "spillover"))
            z.kind = ZONE_SPILLOVER;
        else {
            diag_error(ml->d, ml->path, f[ZONE_KIND]->line, "kind must be essential or spillover, not '%s'",
                       kind);
            ok = false;
        }
    }

    Vec2 *pts = NULL;
    int *lines = NULL, n = 0, cap = 0;
    const RawEntry *pe = f[ZONE_POLY];
    bool too_many = false;
    for (int k = 0; pe && k < pe->n_lines && !too_many; k++) {
        const char *s = pe->lines[k].text;
        for (;;) {
            s += strspn(s, " \t");
            if (!*s)
                break;
            if (n == COURSE_MAX_POLY_POINTS) {
                diag_error(ml->d, ml->path, pe->lines[k].line,
                           "poly has more than %d points, the most a zone may have (the self-crossing and "
                           "on-body tests of every start grow with it)",
                           COURSE_MAX_POLY_POINTS);
                ok = false;
                too_many = true;
                break;
            }
            Vec2 p;
            const char *end = parse_point(s, &p);
            if (!end || (*end && *end != ' ' && *end != '\t')) {
                size_t len = strcspn(s, " \t");
                if (end && end > s + len)
                    len = (size_t)(end - s);
                diag_error(ml->d, ml->path, pe->lines[k].line,
                           "bad point '%.*s' in poly: points are x,y pairs of numbers", (int)len, s);
                ok = false;
                s += len;
                continue;
            }
            if (n >= cap) {
                int nc = cap ? cap * 2 : 16;
                Vec2 *np = realloc(pts, (size_t)nc * sizeof *np);
                if (np)
                    pts = np;
                int *nl = realloc(lines, (size_t)nc * sizeof *nl);
                if (nl)
                    lines = nl;
                if (!np || !nl) {
                    ml->oom = true;
                    free(pts);
                    free(lines);
                    return;
                }
                cap = nc;
            }
            pts[n] = p;
            lines[n] = pe->lines[k].line;
            n++;
            s = end;
        }
    }
    if (pe && ok) {
        if (n < 3) {
            diag_error(ml->d, ml->path, pe->line, "poly has %d point%s; a zone needs at least 3", n,
                       n == 1 ? "" : "s");
            ok = false;
        } else {
            int ea, eb;
            if (geom_polygon_self_intersects(pts, n, &ea, &eb)) {
                diag_error(ml->d, ml->path, lines[eb],
                           "poly crosses itself: the edge from point %d to point %d meets the "
                           "edge from point %d to point %d",
                           eb + 1, eb + 2 > n ? 1 : eb + 2, ea + 1, ea + 2 > n ? 1 : ea + 2);
                ok = false;
            }
            for (int i = 0; view && i < n; i++) {
                char what[32];
                snprintf(what, sizeof what, "poly point %d", i + 1);
                if (!in_rect(pts[i], view->viewbox)) {
                    report_outside(ml, lines[i], what, pts[i], view);
                    ok = false;
                } else if (!check_on_body(ml, lines[i], what, pts[i], view)) {
                    ok = false;
                }
            }
        }
    }
    free(lines);
    if (!ok) {
        free(pts);
        return;
    }

    Module *m = ml->m;
    Zone *zones = realloc(m->zones, (size_t)(m->n_zones + 1) * sizeof *zones);
    if (zones)
        m->zones = zones;
    z.id = strdup(part->id);
    z.view = strdup(line_value(f[ZONE_VIEW]));
    z.tp_id = strdup(line_value(f[ZONE_TP]));
    z.poly = (Polygon){pts, n};
    if (!zones || !z.id || !z.view || !z.tp_id) {
        free(z.id);
        free(z.view);
        free(z.tp_id);
        free(pts);
        ml->oom = true;
        return;
    }
    m->zones[m->n_zones++] = z;
}

static void load_question(ModuleLoad *ml, const Part *part)
{
    const RawEntry *f[MAX_RULES];
    bool ok = check_keys(ml->path, part->sec, QUESTION_KEYS, f, ml->d);
    Question q = {.line = part->sec->line};

    bool type_known = false;
    if (f[Q_TYPE]) {
        const char *type = line_value(f[Q_TYPE]);
        if (!strcmp(type, "choice")) {
            q.type = QUESTION_CHOICE;
            type_known = true;
        } else if (!strcmp(type, "multi")) {
            q.type = QUESTION_MULTI;
            type_known = true;
        } else {
            diag_error(ml->d, ml->path, f[Q_TYPE]->line, "type must be choice or multi, not '%s'", type);
            ok = false;
        }
    }
    ItemList correct = list_items(f[Q_CORRECT], false);
    ItemList wrong = list_items(f[Q_WRONG], false);
    if (!correct.ok || !wrong.ok)
        ml->oom = true;
    if (f[Q_CORRECT] && type_known && q.type == QUESTION_CHOICE && correct.n != 1) {
        diag_error(ml->d, ml->path, f[Q_CORRECT]->line,
                   "a choice question has exactly one correct option, this one has %d (use "
                   "type = multi for more)",
                   correct.n);
        ok = false;
    }
    if (f[Q_WRONG] && wrong.n < 2) {
        diag_error(ml->d, ml->path, f[Q_WRONG]->line,
                   "a question needs at least 2 wrong options, this one has %d", wrong.n);
        ok = false;
    }
    if (correct.n + wrong.n > COURSE_MAX_OPTIONS) {
        diag_error(ml->d, ml->path, part->sec->line,
                   "a question may have at most %d options (keys 1 to %d pick them), this one has %d",
                   COURSE_MAX_OPTIONS, COURSE_MAX_OPTIONS, correct.n + wrong.n);
        ok = false;
    }
    for (int i = 0; i < wrong.n; i++)
        for (int j = 0; j < correct.n; j++)
            if (!strcmp(wrong.items[i], correct.items[j])) {
                diag_error(ml->d, ml->path, wrong.lines[i], "'%s' is both a correct and a wrong option",
                           wrong.items[i]);
                ok = false;
            }
    if (!ok || ml->oom) {
        items_free(&correct);
        items_free(&wrong);
        return;
    }
    Module *m = ml->m;
    Question *qs = realloc(m->questions, (size_t)(m->n_questions + 1) * sizeof *qs);
    if (qs)
        m->questions = qs;
    q.id = strdup(part->id);
    q.prompt = join_text(f[Q_PROMPT]);
    q.explain = join_text(f[Q_EXPLAIN]);
    q.correct = correct.items;
    q.n_correct = correct.n;
    q.wrong = wrong.items;
    q.n_wrong = wrong.n;
    free(correct.lines);
    free(wrong.lines);
    if (!qs || !q.id || !q.prompt || !q.explain) {
        free(q.id);
        free(q.prompt);
        free(q.explain);
        free_strings(q.correct, q.n_correct);
        free_strings(q.wrong, q.n_wrong);
        ml->oom = true;
        return;
    }
    m->questions[m->n_questions++] = q;
}

static void load_muscle(ModuleLoad *ml, const RawSection *sec)
{
    const RawEntry *f[MAX_RULES];
    check_keys(ml->path, sec, MUSCLE_KEYS, f, ml->d);
    Module *m = ml->m;

    if (f[M_ID] && strcmp(line_value(f[M_ID]), m->id))
        diag_error(ml->d, ml->path, f[M_ID]->line, "module id '%s' does not match the file name '%s.ini'",
                   line_value(f[M_ID]), m->id);

    if (f[M_GROUP]) {
        const char *group = line_value(f[M_GROUP]);
        if (named_id_name(MUSCLE_GROUPS, group)) {
            m->group = strdup(group);
            if (!m->group)
                ml->oom = true;
        } else {
            const char *names[32];
            names_of(MUSCLE_GROUPS, names, 32);
            const char *near = inifile_nearest(group, names, 2);
            if (near)
                diag_error(ml->d, ml->path, f[M_GROUP]->line,
                           "unknown muscle group '%s' (did you mean '%s'?)", group, near);
            else
                diag_error(ml->d, ml->path, f[M_GROUP]->line,
                           "unknown muscle group '%s' (the groups are listed in "
                           "docs/FORMATS.md)",
                           group);
        }
    }

    if (f[M_PAIN_REGIONS]) {
        ItemList regions = list_items(f[M_PAIN_REGIONS], true);
        const char *names[64];
        names_of(PAIN_REGIONS, names, 64);
        ItemList keep = {.ok = true};
        for (int i = 0; i < regions.n; i++) {
            const char *r = regions.items[i];
            int first = -1;
            for (int j = 0; j < i && first < 0; j++)
                if (!strcmp(regions.items[j], r))
                    first = j;
            if (first >= 0) {
                diag_error(ml->d, ml->path, regions.lines[i],
                           "pain region '%s' is listed twice (first on line %d)", r, regions.lines[first]);
            } else if (!named_id_name(PAIN_REGIONS, r)) {
                const char *near = inifile_nearest(r, names, 2);
                if (near)
                    diag_error(ml->d, ml->path, regions.lines[i],
                               "unknown pain region '%s' (did you mean '%s'?)", r, near);
                else
                    diag_error(ml->d, ml->path, regions.lines[i],
                               "unknown pain region '%s' (the regions are listed in "
                               "docs/FORMATS.md)",
                               r);
            } else {
                items_push(&keep, r, strlen(r), regions.lines[i]);
            }
        }
        if (!regions.ok || !keep.ok)
            ml->oom = true;
        m->pain_regions = keep.items;
        m->n_pain_regions = keep.n;
        free(keep.lines);
        items_free(&regions);
    }

    char **text[] = {&m->name,     &m->attachments,  &m->action,    &m->causes,
                     &m->symptoms, &m->differential, &m->treatment, &m->self_care};
    const int keys[] = {M_NAME,     M_ATTACHMENTS,  M_ACTION,    M_CAUSES,
                        M_SYMPTOMS, M_DIFFERENTIAL, M_TREATMENT, M_SELF_CARE};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        free(*text[i]);
        *text[i] = join_text(f[keys[i]]);
        if (!*text[i])
            ml->oom = true;
    }
}

/* Fills the parts of a module file: checks section names and ids, and
 * reports duplicates. Returns the [muscle] section or NULL. */
static const RawSection *sort_sections(ModuleLoad *ml, const RawIni *ini)
{
    static const char *const KINDS[] = {"muscle", "tp", "zone", "question", NULL};
    const RawSection *muscle = NULL;
    for (int i = 0; i < ini->n; i++) {
        const RawSection *s = &ini->secs[i];
        if (!s->name) {
            for (int j = 0; j < s->n; j++)
                diag_error(ml->d, ml->path, s->entries[j].line,
                           "'%s' is outside any section (the file starts with [muscle])", s->entries[j].key);
            continue;
        }
        if (!strcmp(s->name, "muscle")) {
            if (muscle)
                diag_error(ml->d, ml->path, s->line,
                           "[muscle] appears twice (first on line %d); this one is ignored", muscle->line);
            else
                muscle = s;
            continue;
        }
        const char *dot = strchr(s->name, '.');
        size_t prefix = dot ? (size_t)(dot - s->name) : strlen(s->name);
        Part **parts = NULL;
        int *count = NULL;
        const char *what = NULL;
        if (dot && prefix == 2 && !strncmp(s->name, "tp", 2)) {
            parts = &ml->tps;
            count = &ml->n_tps;
            what = "trigger point";
        } else if (dot && prefix == 4 && !strncmp(s->name, "zone", 4)) {
            parts = &ml->zones;
            count = &ml->n_zones;
            what = "zone";
        } else if (dot && prefix == 8 && !strncmp(s->name, "question", 8)) {
            parts = &ml->questions;
            count = &ml->n_questions;
            what = "question";
        }
        if (!parts) {
            char head[INIFILE_MAX_LINE + 1];
            snprintf(head, sizeof head, "%.*s", (int)prefix, s->name);
            const char *near = inifile_nearest(head, KINDS, 2);
            if (near && !strcmp(near, "muscle"))
                diag_error(ml->d, ml->path, s->line, "unknown section [%s] (did you mean [muscle]?)",
                           s->name);
            else if (near)
                diag_error(ml->d, ml->path, s->line, "unknown section [%s] (did you mean [%s%s]?)", s->name,
                           near, dot ? dot : ".<id>");
            else
                diag_error(ml->d, ml->path, s->line,
                           "unknown section [%s] (a module has [muscle], [tp.<id>], "
                           "[zone.<id>] and [question.<id>])",
                           s->name);
            continue;
        }
        const char *id = dot + 1;
        if (!valid_id(id)) {
            diag_error(ml->d, ml->path, s->line, "bad %s id '%s': use lowercase letters, digits and '_'",
                       what, id);
            continue;
        }
        int first = -1;
        for (int j = 0; j < *count; j++)
            if (!strcmp((*parts)[j].id, id))
                first = (*parts)[j].sec->line;
        if (first >= 0) {
            diag_error(ml->d, ml->path, s->line, "duplicate %s [%s] (first on line %d)", what, s->name,
                       first);
            continue;
        }
        int most = parts == &ml->tps     ? COURSE_MAX_TPS
                   : parts == &ml->zones ? COURSE_MAX_ZONES
                                         : COURSE_MAX_QUESTIONS;
        if (*count == most) {
            diag_error(ml->d, ml->path, s->line,
                       "more than %d %ss in one module; [%s] and those after it are left out", most, what,
                       s->name);
            continue;
        }
        Part *grown = realloc(*parts, (size_t)(*count + 1) * sizeof *grown);
        if (!grown) {
            ml->oom = true;
            continue;
        }
        *parts = grown;
        (*parts)[(*count)++] = (Part){s, id};
    }
    return muscle;
}

static void check_overlays(ModuleLoad *ml)
{
    for (int i = 0; i < ml->n_views; i++) {
        const ViewEntry *v = find_view_entry(ml->lib, ml->view_names[i]);
        if (!v || !v->v.ok)
            continue;
        char path[4096];
        library_overlay_path(ml->lib, ml->m->id, v->v.name, path, (int)sizeof path);
        if (!is_file(path)) {
            diag_warning(ml->d, ml->path, ml->view_lines[i],
                         "no muscle overlay for view '%s': %s %s", v->v.name, path, problem(path));
            continue;
        }
        if (library_link_leaves(ml->lib, path, ml->d))
            continue;
        SvgInfo info;
        int rc = svgview_inspect(path, &info, ml->d);
        svgview_info_free(&info);
        if (rc != 0)
            continue;
        RectD a = info.viewbox, b = v->v.viewbox;
        if (a.x != b.x || a.y != b.y || a.w != b.w || a.h != b.h) {
            diag_error(ml->d, path, 0, "viewBox %g %g %g %g differs from its view's (%s: %g %g %g %g)", a.x,
                       a.y, a.w, a.h, v->v.path, b.x, b.y, b.w, b.h);
            continue;
        }
        Module *m = ml->m;
        char **views = realloc(m->overlay_views, (size_t)(m->n_overlays + 1) * sizeof *views);
        if (views)
            m->overlay_views = views;
        char **paths = realloc(m->overlay_paths, (size_t)(m->n_overlays + 1) * sizeof *paths);
        if (paths)
            m->overlay_paths = paths;
        char *view = strdup(v->v.name), *file = strdup(path);
        if (!views || !paths || !view || !file) {
            free(view);
            free(file);
            ml->oom = true;
            return;
        }
        m->overlay_views[m->n_overlays] = view;
        m->overlay_paths[m->n_overlays] = file;
        m->n_overlays++;
    }
}

const char *module_overlay(const Module *m, const char *view)
{
    for (int i = 0; m && view && i < m->n_overlays; i++)
        if (!strcmp(m->overlay_views[i], view))
            return m->overlay_paths[i];
    return NULL;
}

const Module *library_load_module_file(Library *lib, const char *path, Diag *d)
{
    if (!lib || lib == &fallback_library || !path)
        return NULL;
    char *id = file_stem(path);
    if (!id) {
        diag_error(d, path, 0, "out of memory");
        return NULL;
    }
    const Module *known = library_find_module(lib, id);
    if (known) {
        free(id);
        return known;
    }
    RawIni ini;
    if (!keep_going(lib) || library_link_leaves(lib, path, d) || !raw_read(path, &ini, d)) {
        free(id);
        return NULL;
    }
    Module *m = calloc(1, sizeof *m);
    ModuleLoad ml = {.lib = lib, .d = d, .path = path, .m = m, .oom = !ini.ok};
    if (m) {
        m->id = id;
        m->path = strdup(path);
    } else {
        free(id);
    }
    if (!m || !m->path) {
        diag_error(d, path, 0, "out of memory");
        module_free(m);
        raw_free(&ini);
        return NULL;
    }

    if (!valid_id(m->id))
        diag_error(d, path, 0, "the file name is not a module id: use lowercase letters, digits and '_'");
    const RawSection *muscle = sort_sections(&ml, &ini);
    if (muscle)
        load_muscle(&ml, muscle);
    else
        diag_error(d, path, 0, "no [muscle] section");
    for (int i = 0; i < ml.n_tps; i++)
        load_tp(&ml, &ml.tps[i]);
    for (int i = 0; i < ml.n_zones; i++)
        load_zone(&ml, &ml.zones[i]);
    for (int i = 0; i < ml.n_questions; i++)
        load_question(&ml, &ml.questions[i]);
    if (ml.n_tps == 0)
        diag_error(d, path, 0, "no trigger points: a module needs at least one [tp.<id>]");
    else if (!ml.any_primary)
        diag_error(d, path, 0, "no primary trigger point: mark the main one with primary = yes");
    check_overlays(&ml);

    /* Text fields are never NULL for the program. */
    char **text[] = {&m->name,     &m->group,        &m->attachments, &m->action,   &m->causes,
                     &m->symptoms, &m->differential, &m->treatment,   &m->self_care};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (!*text[i] && !(*text[i] = strdup("")))
            ml.oom = true;

    free(ml.tps);
    free(ml.zones);
    free(ml.questions);
    raw_free(&ini);
    bool ok = !ml.oom;
    RESERVE(lib->modules, lib->n_modules, lib->cap_modules, ok);
    if (!ok) {
        diag_error(d, path, 0, "out of memory");
        module_free(m);
        return NULL;
    }
    lib->modules[lib->n_modules++] = m;
    return m;
}

/* ------------------------------------------------------------------ */
/* Courses */

enum { C_ID, C_TITLE, C_DESCRIPTION, C_MODULES, C_MODULE_PASS_MARK, C_ORDER };
static const KeyRule COURSE_KEYS[] = {
    {"id", true, VAL_LINE},
    {"title", true, VAL_TEXT},
    {"description", false, VAL_TEXT},
    {"modules", true, VAL_LIST},
    {"module_pass_mark", true, VAL_LINE},
    {"order", false, VAL_LINE},
    {NULL, false, VAL_LINE},
};

enum { E_TIME_LIMIT, E_QUESTIONS, E_PASS_MARK, E_ATTEMPTS, E_WAIT_HOURS, E_SHOW_ANSWERS, E_STATIONS };
static const KeyRule EXAM_KEYS[] = {
    {"time_limit", true, VAL_LINE}, {"questions", true, VAL_LINE},  {"pass_mark", true, VAL_LINE},
    {"attempts", true, VAL_LINE},   {"wait_hours", true, VAL_LINE}, {"show_answers", true, VAL_LINE},
    {"stations", false, VAL_LINE},  {NULL, false, VAL_LINE},
};

static void read_int(const char *path, const RawEntry *e, int min, int max, int *out, Diag *d)
{
    if (!e)
        return;
    long v;
    if (!inifile_parse_long(line_value(e), &v) || v < min || v > max) {
        diag_error(d, path, e->line, "%s must be a whole number from %d to %d, not '%s'", e->key, min, max,
                   line_value(e));
        return;
    }
    *out = (int)v;
}

static void load_exam(const char *path, const RawSection *sec, ExamRules *ex, Diag *d)
{
    const RawEntry *f[MAX_RULES];
    check_keys(path, sec, EXAM_KEYS, f, d);
    read_int(path, f[E_TIME_LIMIT], 1, 24 * 60, &ex->time_limit_min, d);
    read_int(path, f[E_QUESTIONS], 1, 1000, &ex->questions, d);
    ex->questions_line = f[E_QUESTIONS] ? f[E_QUESTIONS]->line : 0;
    read_int(path, f[E_PASS_MARK], 1, 100, &ex->pass_mark, d);
    read_int(path, f[E_ATTEMPTS], 0, 1000, &ex->attempts, d);
    read_int(path, f[E_WAIT_HOURS], 0, 24 * 365, &ex->wait_hours, d);
    if (f[E_SHOW_ANSWERS] && !inifile_parse_bool(line_value(f[E_SHOW_ANSWERS]), &ex->show_answers))
        diag_error(d, path, f[E_SHOW_ANSWERS]->line, "show_answers must be yes or no, not '%s'",
                   line_value(f[E_SHOW_ANSWERS]));
    if (f[E_STATIONS]) {
        const char *v = line_value(f[E_STATIONS]);
        if (!strcmp(v, "issued"))
            ex->issued_stations = true;
        else if (strcmp(v, "any") != 0)
            diag_error(d, path, f[E_STATIONS]->line,
                       "stations must be 'any' or 'issued' (the exam must come from a station key the "
                       "institute issued), not '%s'",
                       v);
    }
}

/* The module list of a course: checks each id, loads each module. */
static bool load_course_modules(Library *lib, Course *c, const RawEntry *e, Diag *d)
{
    ItemList items = list_items(e, true);
    bool ok = items.ok;
    if (ok && items.n > COURSE_MAX_MODULES) {
        diag_error(d, c->path, items.lines[COURSE_MAX_MODULES],
                   "a course may have at most %d modules; '%s' and those after it are left out",
                   COURSE_MAX_MODULES, items.items[COURSE_MAX_MODULES]);
        for (int i = COURSE_MAX_MODULES; i < items.n; i++)
            free(items.items[i]);
        items.n = COURSE_MAX_MODULES;
    }
    c->module_ids = calloc((size_t)items.n + 1, sizeof *c->module_ids);
    c->modules = calloc((size_t)items.n + 1, sizeof *c->modules);
    if (!c->module_ids || !c->modules)
        ok = false;
    for (int i = 0; ok && i < items.n; i++) {
        const char *id = items.items[i];
        int first = -1;
        for (int j = 0; j < i && first < 0; j++)
            if (!strcmp(items.items[j], id))
                first = j;
        if (first >= 0) {
            diag_error(d, c->path, items.lines[i], "module '%s' is listed twice (first on line %d)", id,
                       items.lines[first]);
            continue;
        }
        if (!valid_id(id)) {
            diag_error(d, c->path, items.lines[i],
                       "bad module id '%s': use lowercase letters, digits and '_'", id);
            continue;
        }
        char name[INIFILE_MAX_LINE + 8];
        snprintf(name, sizeof name, "%s.ini", id);
        char *mpath = lib->muscles_dir ? text_path_join(lib->muscles_dir, name) : NULL;
        char *copy = strdup(id);
        if (!mpath || !copy) {
            free(mpath);
            free(copy);
            ok = false;
            break;
        }
        const Module *m = NULL;
        if (!is_file(mpath))
            diag_error(d, c->path, items.lines[i], "module '%s' not found: %s %s", id, mpath, problem(mpath));
        else
            m = library_load_module_file(lib, mpath, d);
        free(mpath);
        c->module_ids[c->n_modules] = copy;
        c->modules[c->n_modules] = m;
        c->n_modules++;
    }
    if (ok && items.n == 0)
        diag_error(d, c->path, e->line, "modules is empty: a course needs at least one module");
    items_free(&items);
    return ok;
}

const Course *library_load_course_file(Library *lib, const char *path, Diag *d)
{
    if (!lib || lib == &fallback_library || !path)
        return NULL;
    /* A course.ini is named by its folder, any other course file by its
     * own name. */
    char *stem = file_stem(path);
    bool in_folder = stem && !strcmp(stem, "course");
    char *expected = in_folder ? parent_name(path) : stem;
    if (in_folder)
        free(stem);
    if (!expected) {
        diag_error(d, path, 0, "out of memory");
        return NULL;
    }
    const Course *known = expected[0] ? library_find_course(lib, expected) : NULL;
    if (known) {
        free(expected);
        return known;
    }
    RawIni ini;
    if (!keep_going(lib) || library_link_leaves(lib, path, d) || !raw_read(path, &ini, d)) {
        free(expected);
        return NULL;
    }

    const RawSection *course = NULL, *exam = NULL;
    for (int i = 0; i < ini.n; i++) {
        const RawSection *s = &ini.secs[i];
        if (!s->name) {
            for (int j = 0; j < s->n; j++)
                diag_error(d, path, s->entries[j].line,
                           "'%s' is outside any section (the file starts with [course])", s->entries[j].key);
            continue;
        }
        const RawSection **slot = !strcmp(s->name, "course") ? &course
                                  : !strcmp(s->name, "exam") ? &exam
                                                             : NULL;
        if (!slot) {
            static const char *const KNOWN[] = {"course", "exam", NULL};
            const char *near = inifile_nearest(s->name, KNOWN, 2);
            if (near)
                diag_error(d, path, s->line, "unknown section [%s] (did you mean [%s]?)", s->name, near);
            else
                diag_error(d, path, s->line, "unknown section [%s] (a course has [course] and [exam])",
                           s->name);
        } else if (*slot) {
            diag_error(d, path, s->line, "[%s] appears twice (first on line %d); this one is ignored",
                       s->name, (*slot)->line);
        } else {
            *slot = s;
        }
    }
    if (!course) {
        diag_error(d, path, 0, "no [course] section");
        raw_free(&ini);
        free(expected);
        return NULL;
    }

    Course *c = calloc(1, sizeof *c);
    bool ok = c && ini.ok;
    if (c) {
        c->path = strdup(path);
        c->id = strdup(expected);
        ok = ok && c->path && c->id;
    }
    const RawEntry *f[MAX_RULES];
    if (ok) {
        check_keys(path, course, COURSE_KEYS, f, d);
        const char *id = line_value(f[C_ID]);
        if (f[C_ID] && expected[0] && strcmp(id, expected))
            diag_error(d, path, f[C_ID]->line,
                       in_folder ? "course id '%s' does not match its folder name '%s'"
                                 : "course id '%s' does not match the file name '%s.ini'",
                       id, expected);
        else if (f[C_ID] && !expected[0]) {
            free(c->id);
            ok = (c->id = strdup(id)) != NULL;
        }
        c->title = join_text(f[C_TITLE]);
        c->description = join_text(f[C_DESCRIPTION]);
        ok = ok && c->title && c->description;
        read_int(path, f[C_MODULE_PASS_MARK], 1, 100, &c->module_pass_mark, d);
        c->order = COURSE_ORDER_NONE;
        read_int(path, f[C_ORDER], 1, COURSE_ORDER_NONE - 1, &c->order, d);
    }
    if (ok && exam)
        load_exam(path, exam, &c->exam, d);
    else if (ok)
        diag_error(d, path, 0, "no [exam] section");
    if (ok && f[C_MODULES])
        ok = load_course_modules(lib, c, f[C_MODULES], d);
    else if (ok && !(c->module_ids = calloc(1, sizeof *c->module_ids)))
        ok = false;
    if (ok && !c->modules && !(c->modules = calloc(1, sizeof *c->modules)))
        ok = false;
    if (ok)
        course_fingerprint(lib, c, c->fingerprint);
    raw_free(&ini);
    free(expected);
    RESERVE(lib->courses, lib->n_courses, lib->cap_courses, ok);
    if (!ok) {
        diag_error(d, path, 0, "out of memory");
        course_free(c);
        return NULL;
    }
    lib->courses[lib->n_courses++] = c;
    return c;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Courses by their order key; those loaded earlier (by folder name) first
 * among equals. A stable insertion sort: a handful of courses. */
static void sort_courses(Library *lib)
{
    for (int i = 1; i < lib->n_courses; i++) {
        Course *c = lib->courses[i];
        int j = i;
        while (j > 0 && lib->courses[j - 1]->order > c->order) {
            lib->courses[j] = lib->courses[j - 1];
            j--;
        }
        lib->courses[j] = c;
    }
}

void library_load_all(Library *lib, Diag *d)
{
    if (!lib || !lib->courses_dir)
        return;
    DIR *dir = opendir(lib->courses_dir);
    if (!dir) {
        diag_error(d, lib->courses_dir, 0, "cannot open the courses folder: %s", strerror(errno));
        return;
    }
    /* Sorted, so that courses load (and errors come) in the same order
     * everywhere. */
    char **names = NULL;
    int n = 0, cap = 0;
    bool ok = true;
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        if (ent->d_name[0] == '.' || !strcmp(ent->d_name, "muscles") || !strcmp(ent->d_name, "protocols"))
            continue;
        RESERVE(names, n, cap, ok);
        if (!ok)
            break;
        if (!(names[n] = strdup(ent->d_name))) {
            ok = false;
            break;
        }
        n++;
    }
    closedir(dir);
    if (!ok)
        diag_error(d, lib->courses_dir, 0, "out of memory");
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, name_cmp);
    for (int i = 0; i < n && !lib->stopped; i++) {
        char *sub = text_path_join(lib->courses_dir, names[i]);
        char *file = sub ? text_path_join(sub, "course.ini") : NULL;
        /* Every folder here is a course: one whose course.ini cannot be
         * read must not vanish silently. Files (a README) are not. */
        struct stat st;
        if (!file) {
            ok = false;
        } else if (library_link_leaves(lib, sub, d)) {
            /* not read */
        } else if (stat(sub, &st) != 0) {
            diag_error(d, sub, 0, "cannot open this course folder: %s",
                       errno == ELOOP ? "a loop of symbolic links" : strerror(errno));
        } else if (!S_ISDIR(st.st_mode)) {
            /* not a course */
        } else if (is_file(file)) {
            library_load_course_file(lib, file, d);
        } else if (lstat(file, &st) != 0 && errno == ENOENT) {
            diag_error(d, sub, 0,
                       "no course.ini in this folder: every folder of the courses folder but muscles "
                       "and protocols is a course");
        } else {
            diag_error(d, file, 0, "cannot read: it %s", problem(file));
        }
        free(file);
        free(sub);
    }
    free_strings(names, n);
    sort_courses(lib);
}

Library *library_load(const char *courses_dir, const char *assets_dir, Diag *d)
{
    Library *lib = library_create(courses_dir, assets_dir);
    library_load_all(lib, d);
    return lib;
}
