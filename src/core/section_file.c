/* section_file: one-section course data files (section_file.h). */
#include "section_file.h"

#include "datafile.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const SectionFile *sf;
    const char *path;
    bool in_section, seen_section;
    int section_line;
} Reading;

static void on_section(void *user, const char *section, int line, Diag *d)
{
    Reading *rd = user;
    if (!strcmp(section, rd->sf->name)) {
        if (rd->seen_section)
            diag_error(d, rd->path, line, "a second [%s] section", rd->sf->name);
        rd->in_section = !rd->seen_section;
        rd->seen_section = true;
        rd->section_line = line;
    } else {
        diag_error(d, rd->path, line, "unknown section [%s] (%s has only [%s])", section, rd->sf->what,
                   rd->sf->name);
        rd->in_section = false;
    }
}

static int on_entry(void *user, const IniEntry *e, Diag *d)
{
    Reading *rd = user;
    if (!rd->in_section) {
        if (!e->section[0])
            diag_error(d, rd->path, e->line, "'%s' is outside any section (the file starts with [%s])", e->key,
                       rd->sf->name);
        return 0;
    }
    return rd->sf->on_entry(rd->sf->user, e, d);
}

int section_file_read(const Library *lib, const char *path, const SectionFile *sf, Diag *d)
{
    if (library_link_leaves(lib, path, d))
        return -1;
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_COURSE, &len, d);
    if (!buf)
        return -1;
    Reading rd = {sf, path, false, false, 0};
    IniCallbacks cb = {on_entry, on_section, &rd};
    inifile_parse_buffer(path, buf, len, &cb, d);
    free(buf);
    if (!rd.seen_section) {
        diag_error(d, path, 0, "no [%s] section", sf->name);
        return 0;
    }
    return rd.section_line;
}

void section_file_id(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".ini"))
        n -= 4;
    if (n >= size)
        n = size - 1;
    memcpy(out, base, n);
    out[n] = 0;
}
