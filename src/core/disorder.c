/* The disorders directory: courses/disorders/<id>.ini read the way pain
 * protocols are (datafile caps and regular-file rule, inifile line numbers,
 * links that leave the courses folder refused), every problem reported with
 * its path and line. */
#include "disorder.h"

#include "datafile.h"
#include "inifile.h"
#include "section_file.h"
#include "text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct DisorderSet {
    Disorder *items;
    int n, cap;
};

/* One file being read. Prose keys (title, summary, feels_like) join their
 * continuation lines into one text; list keys (muscles, rule_out,
 * refer_when) take one item per line. */
typedef struct {
    Disorder c;
    const Library *lib;
    const ProtocolSet *protocols;
    const char *path;
    const char *file_id;
    bool have_title, have_summary, have_feels, have_muscles, have_rule_out, have_refer;
} Parse;

static const char *const KEYS[] = {"id",       "title",     "summary",    "feels_like", "muscles",
                                   "rule_out", "refer_when", "related_protocols", NULL};

static char *dup(const char *s)
{
    return strdup(s ? s : "");
}

static void free_disorder(Disorder *c)
{
    free(c->id);
    free(c->path);
    free(c->title);
    free(c->summary);
    free(c->feels_like);
    for (int i = 0; i < c->n_muscles; i++) {
        free(c->muscles[i].module_id);
        free(c->muscles[i].why);
    }
    free(c->muscles);
    for (int i = 0; i < c->n_rule_out; i++)
        free(c->rule_out[i]);
    free(c->rule_out);
    for (int i = 0; i < c->n_refer_when; i++)
        free(c->refer_when[i]);
    free(c->refer_when);
    for (int i = 0; i < c->n_protocols; i++)
        free(c->protocols[i].protocol_id);
    free(c->protocols);
}

/* Makes room for item n of *items (elements of size elem): the capacity is
 * 4, then doubles whenever n reaches a power of two. False if memory ran
 * out (*items unchanged). */
static bool grow(void *items, int n, size_t elem)
{
    if (n != 0 && (n < 4 || (n & (n - 1))))
        return true;
    void **p = items;
    size_t cap = n ? (size_t)n * 2 : 4;
    void *q = realloc(*p, elem * cap);
    if (!q)
        return false;
    *p = q;
    return true;
}

static void set_text(char **dst, const IniEntry *e)
{
    if (!e->continuation || !*dst) {
        free(*dst);
        *dst = dup(e->value);
        return;
    }
    size_t a = strlen(*dst), b = strlen(e->value);
    char *s = realloc(*dst, a + b + 2);
    if (!s)
        return;
    s[a] = ' ';
    memcpy(s + a + 1, e->value, b + 1);
    *dst = s;
}

static void add_item(char ***items, int *n, const char *value)
{
    if (!*value || !grow(items, *n, sizeof **items))
        return;
    (*items)[(*n)++] = dup(value);
}

/* One "module_id: why" line of the muscles list. */
static void add_muscle(Parse *ps, const IniEntry *e, Diag *d)
{
    char *line = dup(e->value);
    char *colon = strchr(line, ':');
    if (!colon) {
        diag_error(d, ps->path, e->line, "expected 'module_id: why to examine it', not '%s'", e->value);
        free(line);
        return;
    }
    *colon = 0;
    char *id = text_trim(line), *why = text_trim(colon + 1);
    const Module *m = NULL;
    bool twice = false;
    for (int i = 0; i < ps->c.n_muscles; i++)
        twice = twice || !strcmp(ps->c.muscles[i].module_id, id);
    if (!course_valid_id(id))
        diag_error(d, ps->path, e->line, "bad module id '%s': use lowercase letters, digits and '_'", id);
    else if (!*why)
        diag_error(d, ps->path, e->line, "the muscle '%s' gives no reason to examine it", id);
    else if (twice)
        diag_error(d, ps->path, e->line, "module '%s' is listed twice", id);
    else if (ps->lib && !(m = library_find_module(ps->lib, id)))
        diag_error(d, ps->path, e->line, "module '%s' not found in the courses", id);
    else if (grow(&ps->c.muscles, ps->c.n_muscles, sizeof *ps->c.muscles))
        ps->c.muscles[ps->c.n_muscles++] = (DisorderMuscle){dup(id), m, dup(why), e->line};
    free(line);
}

static const Protocol *find_protocol(const ProtocolSet *set, const char *id)
{
    for (int i = 0; set && i < protocols_count(set); i++) {
        const Protocol *p = protocols_get(set, i);
        if (p->id && !strcmp(p->id, id))
            return p;
    }
    return NULL;
}

static void add_protocol(Parse *ps, const IniEntry *e, char *word, Diag *d)
{
    word = text_trim(word);
    if (!*word)
        return;
    const Protocol *p = NULL;
    bool twice = false;
    for (int i = 0; i < ps->c.n_protocols; i++)
        twice = twice || !strcmp(ps->c.protocols[i].protocol_id, word);
    if (!course_valid_id(word))
        diag_error(d, ps->path, e->line, "bad protocol id '%s': use lowercase letters, digits and '_'", word);
    else if (twice)
        diag_error(d, ps->path, e->line, "protocol '%s' is listed twice", word);
    else if (ps->protocols && !(p = find_protocol(ps->protocols, word)))
        diag_error(d, ps->path, e->line, "protocol '%s' not found in the protocols folder", word);
    else if (grow(&ps->c.protocols, ps->c.n_protocols, sizeof *ps->c.protocols))
        ps->c.protocols[ps->c.n_protocols++] = (DisorderLink){dup(word), p};
}

static int on_entry(void *user, const IniEntry *e, Diag *d)
{
    Parse *ps = user;
    const char *k = e->key;
    if (!strcmp(k, "id")) {
        if (e->continuation)
            diag_error(d, ps->path, e->line, "'id' takes a single value on its own line");
        else if (strcmp(e->value, ps->file_id))
            diag_error(d, ps->path, e->line, "disorder id '%s' does not match the file name '%s.ini'", e->value,
                       ps->file_id);
        else {
            free(ps->c.id);
            ps->c.id = dup(e->value);
        }
    } else if (!strcmp(k, "title")) {
        set_text(&ps->c.title, e);
        ps->have_title = ps->have_title || *e->value;
    } else if (!strcmp(k, "summary")) {
        set_text(&ps->c.summary, e);
        ps->have_summary = ps->have_summary || *e->value;
    } else if (!strcmp(k, "feels_like")) {
        set_text(&ps->c.feels_like, e);
        ps->have_feels = ps->have_feels || *e->value;
    } else if (!strcmp(k, "muscles")) {
        if (*e->value)
            add_muscle(ps, e, d);
        ps->have_muscles = true;
    } else if (!strcmp(k, "rule_out")) {
        add_item(&ps->c.rule_out, &ps->c.n_rule_out, e->value);
        ps->have_rule_out = true;
    } else if (!strcmp(k, "refer_when")) {
        add_item(&ps->c.refer_when, &ps->c.n_refer_when, e->value);
        ps->have_refer = true;
    } else if (!strcmp(k, "related_protocols")) {
        char *v = dup(e->value), *save = NULL;
        for (char *w = strtok_r(v, ",", &save); w; w = strtok_r(NULL, ",", &save))
            add_protocol(ps, e, w, d);
        free(v);
    } else {
        const char *near = inifile_nearest(k, KEYS, 2);
        if (near)
            diag_error(d, ps->path, e->line, "unknown key '%s' in [disorder] (did you mean '%s'?)", k, near);
        else
            diag_error(d, ps->path, e->line, "unknown key '%s' in [disorder]", k);
    }
    return 0;
}

static void add(DisorderSet *set, Disorder c)
{
    if (!grow(&set->items, set->n, sizeof *set->items)) {
        free_disorder(&c);
        return;
    }
    set->items[set->n++] = c;
}

/* false if the file could not be read at all. */
static bool load_one(DisorderSet *set, const char *path, const Library *lib, const ProtocolSet *protocols, Diag *d)
{
    char file_id[256];
    section_file_id(path, file_id, sizeof file_id);
    Parse ps;
    memset(&ps, 0, sizeof ps);
    ps.lib = lib;
    ps.protocols = protocols;
    ps.path = path;
    ps.file_id = file_id;
    SectionFile sf = {"disorder", "a disorder file", on_entry, &ps};
    int at = section_file_read(lib, path, &sf, d);
    if (at <= 0) {
        free_disorder(&ps.c);
        return at == 0;
    }
    const struct {
        bool have;
        const char *key;
    } required[] = {
        {ps.c.id != NULL, "id"},      {ps.have_title, "title"},       {ps.have_summary, "summary"},
        {ps.have_feels, "feels_like"}, {ps.have_muscles, "muscles"},   {ps.have_rule_out, "rule_out"},
        {ps.have_refer, "refer_when"},
    };
    bool complete = true;
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!required[i].have) {
            diag_error(d, path, at, "missing key '%s' in [disorder]", required[i].key);
            complete = false;
        }
    if (ps.have_muscles && ps.c.n_muscles == 0) {
        diag_error(d, path, at, "no usable muscles: list them as 'module_id: why', one per line");
        complete = false;
    }
    if (ps.have_rule_out && ps.c.n_rule_out == 0) {
        diag_error(d, path, at, "'rule_out' is empty: say what must be ruled out first");
        complete = false;
    }
    if (ps.have_refer && ps.c.n_refer_when == 0) {
        diag_error(d, path, at, "'refer_when' is empty: say when to refer");
        complete = false;
    }
    if (!complete) {
        free_disorder(&ps.c);
        return true;
    }
    ps.c.path = dup(path);
    add(set, ps.c);
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

DisorderSet *disorders_load(const char *dir, const Library *lib, const ProtocolSet *protocols, Diag *d)
{
    DisorderSet *set = calloc(1, sizeof *set);
    if (!set)
        abort(); /* the contract says never NULL; nothing sensible can follow */
    DIR *dh = opendir(dir);
    if (!dh) {
        /* No disorders folder is fine; one that is no folder is not. */
        datafile_folder_error(d, dir, "disorders", errno);
        return set;
    }
    char **names = NULL;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".ini") || de->d_name[0] == '.')
            continue;
        if (!grow(&names, n, sizeof *names))
            break;
        names[n++] = dup(de->d_name);
    }
    closedir(dh);
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int i = 0; i < n; i++) {
        char *path = library_stopped(lib) ? NULL : text_path_join(dir, names[i]);
        if (path)
            load_one(set, path, lib, protocols, d);
        free(path);
        free(names[i]);
    }
    free(names);
    return set;
}

DisorderSet *disorders_load_file(const char *path, const Library *lib, const ProtocolSet *protocols, Diag *d)
{
    DisorderSet *set = calloc(1, sizeof *set);
    if (!set)
        return NULL;
    if (!load_one(set, path, lib, protocols, d)) {
        disorders_free(set);
        return NULL;
    }
    return set;
}

void disorders_free(DisorderSet *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++)
        free_disorder(&s->items[i]);
    free(s->items);
    free(s);
}

int disorders_count(const DisorderSet *s) { return s ? s->n : 0; }
const Disorder *disorders_get(const DisorderSet *s, int i) { return &s->items[i]; }

/* Whether a word of hay starts with needle (ASCII case ignored): "shin"
 * finds "shin splints" and "Shin", not "washing". A word starts after any
 * character that is not a letter or digit ('_' too, so module ids match
 * by any of their words). */
static bool word_starts_ci(const char *hay, const char *needle)
{
    if (!hay)
        return false;
    size_t n = strlen(needle);
    for (const char *h = hay; *h; h++) {
        if (h > hay && isalnum((unsigned char)h[-1]))
            continue;
        size_t k = 0;
        while (k < n && h[k] && tolower((unsigned char)h[k]) == tolower((unsigned char)needle[k]))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

bool disorder_matches(const Disorder *c, const char *text)
{
    if (!text || !*text)
        return true;
    if (word_starts_ci(c->title, text) || word_starts_ci(c->summary, text) || word_starts_ci(c->feels_like, text))
        return true;
    for (int i = 0; i < c->n_muscles; i++)
        if (word_starts_ci(c->muscles[i].module_id, text) ||
            (c->muscles[i].module && word_starts_ci(c->muscles[i].module->name, text)))
            return true;
    return false;
}
