/* rawini: a course or module file as sections, keys and value lines with
 * their line numbers (RawIni), the generic key checks (KeyRule) and the
 * readers of values (text, lists, points); and the small path and id
 * helpers the loaders share. The two reading steps are described in
 * course_internal.h. */
#include "course_internal.h"

#include "datafile.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool path_is_file(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* What is wrong with a file that path_is_file refused, for a message. */
const char *path_problem(const char *path)
{
    const char *why = datafile_problem(path);
    return why ? why : "cannot be read";
}

/* An id: [a-z0-9_]+ */
bool course_valid_id(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* A view name is used in a file name: [a-z0-9_-]+ keeps it in the folder. */
bool course_valid_view_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return false;
    return true;
}

/* The last path component without a ".ini" ending. */
char *path_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".ini"))
        n -= 4;
    return strndup(base, n);
}

/* The name of the folder holding path, "" if path has no folder part. */
char *path_parent_name(const char *path)
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

void strings_free(char **v, int n)
{
    if (!v)
        return;
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void named_id_list(const NamedId *table, const char **out, int max)
{
    int n = 0;
    for (; table[n].id && n < max - 1; n++)
        out[n] = table[n].id;
    out[n] = NULL;
}

void raw_free(RawIni *ini)
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
bool raw_read(const char *path, RawIni *ini, Diag *d)
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

/* Runs the generic checks of section s against rules and fills found[i]
 * with the entry for rules[i] (NULL if absent or empty). Returns true if
 * every required key is present and not empty. A missing key is not
 * reported when the reason is already on record: an unknown key that looks
 * like it (a typo), or a rejected line in the section. */
bool raw_check_keys(const char *path, const RawSection *s, const KeyRule *rules, const RawEntry **found,
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

const char *raw_line_value(const RawEntry *e)
{
    return e ? e->lines[0].text : "";
}

/* Text rule of docs/FORMATS.md: lines join with a space; a continuation
 * line starting with "- " starts a new line. NULL if out of memory. */
char *raw_join_text(const RawEntry *e)
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

void item_list_free(ItemList *l)
{
    strings_free(l->items, l->n);
    free(l->lines);
    *l = (ItemList){.ok = true};
}

void item_list_push(ItemList *l, const char *s, size_t len, int line)
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
ItemList raw_list_items(const RawEntry *e, bool commas)
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
                item_list_push(&l, a, (size_t)(b - a), e->lines[k].line);
            t = *end ? end + 1 : end;
        }
    }
    return l;
}

/* Parses "x,y" (white space allowed around the comma) at the start of s;
 * returns the position after it, or NULL if there is no point there. */
const char *raw_parse_point(const char *s, Vec2 *out)
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

bool rect_contains(Vec2 p, RectD r)
{
    return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}
