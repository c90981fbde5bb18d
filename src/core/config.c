/* config: station settings. Keys and their checks are in one table so that
 * the set of known keys, their defaults and their error messages cannot
 * drift apart. */
#include "config.h"

#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inifile.h"

typedef enum { KEY_PATH, KEY_PATH_OR_EMPTY, KEY_INT, KEY_BOOL, KEY_STRING } KeyType;

typedef struct {
    const char *section;
    const char *key;
    KeyType type;
    int min, max;  /* KEY_INT */
    size_t offset; /* of the field in Config */
} KeySpec;

#define FIELD(f) offsetof(Config, f)

static const KeySpec KEYS[] = {
    {"paths", "courses", KEY_PATH, 0, 0, FIELD(courses_dir)},
    {"paths", "assets", KEY_PATH, 0, 0, FIELD(assets_dir)},
    {"paths", "data", KEY_PATH_OR_EMPTY, 0, 0, FIELD(data_dir)},
    {"window", "width", KEY_INT, 960, 16384, FIELD(window_width)},
    {"window", "height", KEY_INT, 640, 16384, FIELD(window_height)},
    {"window", "fullscreen_exams", KEY_BOOL, 0, 0, FIELD(fullscreen_exams)},
    {"font", "file", KEY_PATH, 0, 0, FIELD(font_file)},
    {"font", "size", KEY_INT, 8, 48, FIELD(font_size)},
    {"instructor", "passphrase_hash", KEY_STRING, 0, 0, FIELD(instructor_hash)},
    {"instructor", "issued_keys", KEY_PATH_OR_EMPTY, 0, 0, FIELD(issued_keys_dir)},
};
#define N_KEYS ((int)(sizeof KEYS / sizeof KEYS[0]))

static const char *const SECTIONS[] = {"paths", "window", "font", "instructor", NULL};

/* A path from the config, relative to dir: leading "./" parts of name are
 * dropped, and "." (or "") is dir itself; otherwise as text_path_join. */
static char *config_path(const char *dir, const char *name)
{
    while (name[0] == '.' && name[1] == '/') {
        name += 2;
        while (*name == '/')
            name++;
    }
    if (!strcmp(name, ".") || !name[0])
        return strdup(dir[0] ? dir : ".");
    return text_path_join(dir, name);
}

/* The folder part of path ("" if it has none, "/" for the root). */
static char *path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup("");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    return strndup(path, n);
}

void config_free(Config *c)
{
    if (!c)
        return;
    free(c->path);
    free(c->courses_dir);
    free(c->assets_dir);
    free(c->data_dir);
    free(c->font_file);
    free(c->instructor_hash);
    free(c->issued_keys_dir);
    free(c);
}

Config *config_defaults(const char *root)
{
    Config *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    bool has_root = root && root[0];
    c->path = strdup("");
    c->courses_dir = has_root ? config_path(root, "courses") : strdup("courses");
    c->assets_dir = has_root ? config_path(root, "assets") : strdup("assets");
    c->data_dir = strdup("");
    c->font_file = strdup(CONFIG_DEFAULT_FONT);
    c->instructor_hash = strdup("");
    c->issued_keys_dir = strdup("");
    c->window_width = 1280;
    c->window_height = 800;
    c->fullscreen_exams = false;
    c->font_size = 16;
    if (!c->path || !c->courses_dir || !c->assets_dir || !c->data_dir || !c->font_file ||
        !c->instructor_hash || !c->issued_keys_dir) {
        config_free(c);
        return NULL;
    }
    return c;
}

typedef struct {
    Config *c;
    char *dir;            /* folder of the config file, "" if it has none */
    int set_line[N_KEYS]; /* where each key was last set, 0 = not set */
    int section_known;    /* 1 known, 0 unknown (already warned), -1 none yet */
    char section[INIFILE_MAX_LINE + 1];
    int section_line[sizeof SECTIONS / sizeof *SECTIONS]; /* where each known section began, 0 = not yet */
} Loader;

static void on_section(void *user, const char *section, int line, Diag *d)
{
    Loader *l = user;
    snprintf(l->section, sizeof l->section, "%s", section);
    l->section_known = 0;
    for (int i = 0; SECTIONS[i]; i++) {
        if (strcmp(SECTIONS[i], section))
            continue;
        l->section_known = 1;
        /* A second [paths] would quietly override what the first set. */
        if (l->section_line[i])
            diag_error(d, l->c->path, line, "[%s] appears twice (first on line %d); write each section once",
                       section, l->section_line[i]);
        else
            l->section_line[i] = line;
    }
    if (!l->section_known) {
        const char *near = inifile_nearest(section, SECTIONS, 2);
        if (near)
            diag_warning(d, l->c->path, line, "unknown section [%s] is ignored (did you mean [%s]?)", section,
                         near);
        else
            diag_warning(d, l->c->path, line, "unknown section [%s] is ignored", section);
    }
}

static void warn_unknown_key(Loader *l, const IniEntry *e, Diag *d)
{
    const char *names[N_KEYS + 1];
    int n = 0;
    for (int i = 0; i < N_KEYS; i++)
        if (!strcmp(KEYS[i].section, l->section))
            names[n++] = KEYS[i].key;
    names[n] = NULL;
    const char *near = inifile_nearest(e->key, names, 2);
    if (near)
        diag_warning(d, e->path, e->line, "unknown key '%s' in [%s] is ignored (did you mean '%s'?)", e->key,
                     l->section, near);
    else
        diag_warning(d, e->path, e->line, "unknown key '%s' in [%s] is ignored", e->key, l->section);
}

static int on_entry(void *user, const IniEntry *e, Diag *d)
{
    Loader *l = user;
    if (e->continuation) {
        diag_error(d, e->path, e->line,
                   "this indented line would continue '%s', but a setting fits on one line", e->key);
        return 0;
    }
    if (l->section_known < 0) {
        diag_warning(d, e->path, e->line, "key '%s' is outside any section and is ignored", e->key);
        return 0;
    }
    if (l->section_known == 0)
        return 0;
    int k = -1;
    for (int i = 0; i < N_KEYS; i++)
        if (!strcmp(KEYS[i].section, l->section) && !strcmp(KEYS[i].key, e->key))
            k = i;
    if (k < 0) {
        warn_unknown_key(l, e, d);
        return 0;
    }
    const KeySpec *ks = &KEYS[k];
    if (l->set_line[k])
        diag_warning(d, e->path, e->line, "'%s' is set twice (first on line %d); the last one counts", e->key,
                     l->set_line[k]);
    l->set_line[k] = e->line;
    char *field = (char *)l->c + ks->offset;
    switch (ks->type) {
    case KEY_INT: {
        long v;
        if (!inifile_parse_long(e->value, &v) || v < ks->min || v > ks->max) {
            diag_error(d, e->path, e->line, "%s must be a whole number from %d to %d, not '%s'", e->key,
                       ks->min, ks->max, e->value);
            return 0;
        }
        *(int *)(void *)field = (int)v;
        break;
    }
    case KEY_BOOL: {
        bool v;
        if (!inifile_parse_bool(e->value, &v)) {
            diag_error(d, e->path, e->line, "%s must be yes or no, not '%s'", e->key, e->value);
            return 0;
        }
        *(bool *)(void *)field = v;
        break;
    }
    case KEY_PATH:
    case KEY_PATH_OR_EMPTY:
    case KEY_STRING: {
        if (ks->type == KEY_PATH && !e->value[0]) {
            diag_error(d, e->path, e->line, "'%s' is empty: name a %s", e->key,
                       !strcmp(e->key, "file") ? "file" : "folder");
            return 0;
        }
        char *v;
        if (ks->type == KEY_STRING || !e->value[0] || e->value[0] == '/')
            v = strdup(e->value);
        else
            v = config_path(l->dir, e->value);
        if (!v) {
            diag_error(d, e->path, e->line, "out of memory");
            return 1;
        }
        char **slot = (char **)(void *)field;
        free(*slot);
        *slot = v;
        break;
    }
    }
    return 0;
}

Config *config_load(const char *path, const char *root, Diag *d)
{
    if (!path) {
        diag_error(d, "", 0, "no config file named");
        return NULL;
    }
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_CONFIG, &len, d);
    if (!buf)
        return NULL;
    Config *c = config_defaults(root);
    Loader l = {.c = c, .section_known = -1};
    if (c) {
        free(c->path);
        c->path = strdup(path);
        l.dir = path_dirname(path);
    }
    if (!c || !c->path || !l.dir) {
        diag_error(d, path, 0, "cannot read: out of memory");
        free(buf);
        free(l.dir);
        config_free(c);
        return NULL;
    }
    IniCallbacks cb = {.on_entry = on_entry, .on_section = on_section, .user = &l};
    inifile_parse_buffer(path, buf, len, &cb, d);
    free(buf);
    free(l.dir);
    return c;
}
