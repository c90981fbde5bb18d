#include "protocol.h"

#include "datafile.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "inifile.h"
#include "section_file.h"

struct ProtocolSet {
    Protocol *items;
    int n, cap;
};

typedef struct {
    Protocol p;
    const Library *lib;
    const char *path;
    const char *file_id;
    int cap_steps;
    int cap_regions;
    int summary_line, steps_line;
    bool have_title, have_summary, have_regions, have_steps;
    bool failed;
} Parse;

static char *dup(const char *s)
{
    return strdup(s ? s : "");
}

static void free_protocol(Protocol *p)
{
    free(p->id);
    free(p->path);
    free(p->title);
    free(p->summary);
    for (int i = 0; i < p->n_regions; i++)
        free(p->regions[i]);
    free(p->regions);
    for (int i = 0; i < p->n_steps; i++) {
        free(p->steps[i].module_id);
        free(p->steps[i].reason);
    }
    free(p->steps);
}

static void append_text(char **dst, const char *text)
{
    if (!*dst) {
        *dst = dup(text);
        return;
    }
    size_t a = strlen(*dst), b = strlen(text);
    char *s = realloc(*dst, a + b + 2);
    if (!s)
        return;
    s[a] = ' ';
    memcpy(s + a + 1, text, b + 1);
    *dst = s;
}

static void add_region(Parse *ps, const IniEntry *e, char *word, Diag *d)
{
    word = text_trim(word);
    if (!*word)
        return;
    if (!named_id_name(PAIN_REGIONS, word)) {
        diag_error(d, ps->path, e->line, "unknown pain region '%s' (the ids are listed in docs/FORMATS.md)", word);
        return;
    }
    for (int i = 0; i < ps->p.n_regions; i++)
        if (!strcmp(ps->p.regions[i], word)) {
            diag_error(d, ps->path, e->line, "pain region '%s' is listed twice", word);
            return;
        }
    if (ps->p.n_regions == ps->cap_regions) {
        int cap = ps->cap_regions ? ps->cap_regions * 2 : 8;
        char **r = realloc(ps->p.regions, sizeof *r * (size_t)cap);
        if (!r)
            return;
        ps->p.regions = r;
        ps->cap_regions = cap;
    }
    ps->p.regions[ps->p.n_regions++] = dup(word);
}

/* One "module_id: reason" line of the muscles list. */
static void add_step(Parse *ps, const IniEntry *e, Diag *d)
{
    char *line = dup(e->value);
    char *colon = strchr(line, ':');
    if (!colon) {
        diag_error(d, ps->path, e->line, "expected 'module_id: one line of reasoning', not '%s'", e->value);
        free(line);
        return;
    }
    *colon = 0;
    char *id = text_trim(line), *reason = text_trim(colon + 1);
    if (!course_valid_id(id)) {
        diag_error(d, ps->path, e->line, "bad module id '%s': use lowercase letters, digits and '_'", id);
    } else if (!*reason) {
        diag_error(d, ps->path, e->line, "the step for '%s' gives no reason", id);
    } else {
        const Module *m = NULL;
        bool dup_step = false;
        for (int i = 0; i < ps->p.n_steps; i++)
            dup_step = dup_step || !strcmp(ps->p.steps[i].module_id, id);
        if (dup_step) {
            diag_error(d, ps->path, e->line, "module '%s' is listed twice", id);
        } else if (ps->lib && !(m = library_find_module(ps->lib, id))) {
            diag_error(d, ps->path, e->line, "module '%s' not found in the courses", id);
        } else {
            if (ps->p.n_steps == ps->cap_steps) {
                int cap = ps->cap_steps ? ps->cap_steps * 2 : 8;
                ProtocolStep *s = realloc(ps->p.steps, sizeof *s * (size_t)cap);
                if (!s) {
                    free(line);
                    return;
                }
                ps->p.steps = s;
                ps->cap_steps = cap;
            }
            ps->p.steps[ps->p.n_steps++] = (ProtocolStep){dup(id), m, dup(reason), e->line};
        }
    }
    free(line);
}

static int on_entry(void *user, const IniEntry *e, Diag *d)
{
    Parse *ps = user;
    const char *k = e->key;
    if (!strcmp(k, "id")) {
        if (e->continuation) {
            diag_error(d, ps->path, e->line, "'id' takes a single value on its own line");
        } else if (strcmp(e->value, ps->file_id)) {
            diag_error(d, ps->path, e->line, "protocol id '%s' does not match the file name '%s.ini'", e->value,
                       ps->file_id);
        } else {
            free(ps->p.id);
            ps->p.id = dup(e->value);
        }
    } else if (!strcmp(k, "title")) {
        if (e->continuation)
            append_text(&ps->p.title, e->value);
        else {
            free(ps->p.title);
            ps->p.title = dup(e->value);
        }
        ps->have_title = ps->have_title || *e->value;
    } else if (!strcmp(k, "summary")) {
        if (e->continuation)
            append_text(&ps->p.summary, e->value);
        else {
            free(ps->p.summary);
            ps->p.summary = dup(e->value);
        }
        ps->have_summary = ps->have_summary || *e->value;
    } else if (!strcmp(k, "regions")) {
        char *v = dup(e->value), *save = NULL;
        for (char *w = strtok_r(v, ",", &save); w; w = strtok_r(NULL, ",", &save))
            add_region(ps, e, w, d);
        free(v);
        ps->have_regions = true;
    } else if (!strcmp(k, "muscles")) {
        if (*e->value)
            add_step(ps, e, d);
        ps->have_steps = true;
    } else {
        static const char *const keys[] = {"id", "title", "summary", "regions", "muscles", NULL};
        const char *near = inifile_nearest(k, keys, 2);
        if (near)
            diag_error(d, ps->path, e->line, "unknown key '%s' in [protocol] (did you mean '%s'?)", k, near);
        else
            diag_error(d, ps->path, e->line, "unknown key '%s' in [protocol]", k);
    }
    return 0;
}

static void add(ProtocolSet *set, Protocol p)
{
    if (set->n == set->cap) {
        int cap = set->cap ? set->cap * 2 : 16;
        Protocol *it = realloc(set->items, sizeof *it * (size_t)cap);
        if (!it) {
            free_protocol(&p);
            return;
        }
        set->items = it;
        set->cap = cap;
    }
    set->items[set->n++] = p;
}

static bool load_one(ProtocolSet *set, const char *path, const Library *lib, Diag *d)
{
    char file_id[256];
    section_file_id(path, file_id, sizeof file_id);
    Parse ps;
    memset(&ps, 0, sizeof ps);
    ps.lib = lib;
    ps.path = path;
    ps.file_id = file_id;
    SectionFile sf = {"protocol", "a protocol", on_entry, &ps};
    int at = section_file_read(lib, path, &sf, d);
    if (at <= 0) {
        free_protocol(&ps.p);
        return at == 0;
    }
    if (!ps.p.id)
        diag_error(d, path, at, "missing key 'id' in [protocol]");
    if (!ps.have_title)
        diag_error(d, path, at, "missing key 'title' in [protocol]");
    if (!ps.have_summary)
        diag_error(d, path, at, "missing key 'summary' in [protocol]");
    if (!ps.have_regions)
        diag_error(d, path, at, "missing key 'regions' in [protocol]");
    if (!ps.have_steps)
        diag_error(d, path, at, "missing key 'muscles' in [protocol]");
    else if (ps.p.n_steps == 0)
        diag_error(d, path, at, "no usable muscles: list them as 'module_id: reason', one per line");
    if (!ps.p.id || !ps.have_title || ps.p.n_steps == 0) {
        free_protocol(&ps.p);
        return true;
    }
    ps.p.path = dup(path);
    add(set, ps.p);
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

ProtocolSet *protocols_load(const char *dir, const Library *lib, Diag *d)
{
    ProtocolSet *set = calloc(1, sizeof *set);
    if (!set)
        abort(); /* the contract says never NULL; nothing sensible can follow */
    DIR *dh = opendir(dir);
    if (!dh) {
        /* No protocols folder is fine; one that is no folder is not. */
        datafile_folder_error(d, dir, "protocols", errno);
        return set;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".ini") || de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, sizeof *nn * (size_t)cap);
            if (!nn)
                break;
            names = nn;
        }
        names[n++] = dup(de->d_name);
    }
    closedir(dh);
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int i = 0; i < n; i++) {
        if (library_stopped(lib)) { /* the program is closing */
            free(names[i]);
            continue;
        }
        char *path = text_path_join(dir, names[i]);
        if (path) {
            load_one(set, path, lib, d);
            free(path);
        }
        free(names[i]);
    }
    free(names);
    return set;
}

ProtocolSet *protocols_load_file(const char *path, const Library *lib, Diag *d)
{
    ProtocolSet *set = calloc(1, sizeof *set);
    if (!set)
        return NULL;
    if (!load_one(set, path, lib, d)) {
        protocols_free(set);
        return NULL;
    }
    return set;
}

void protocols_free(ProtocolSet *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++)
        free_protocol(&p->items[i]);
    free(p->items);
    free(p);
}

int protocols_count(const ProtocolSet *p) { return p->n; }
const Protocol *protocols_get(const ProtocolSet *p, int i) { return &p->items[i]; }
