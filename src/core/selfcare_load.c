/* selfcare_load: a muscle module's [selfcare] section: the figure of the
 * self-stretch or self-pressure position and its instructions, shown on
 * the study page. Nothing here is graded. */
#include "course_internal.h"

#include <stdlib.h>

enum { S_FIGURE, S_CAPTION, S_POSITION, S_FEEL, S_DOSE, S_CAUTION };
static const KeyRule SELFCARE_KEYS[] = {
    {"figure", true, VAL_LINE}, {"caption", true, VAL_TEXT}, {"position", true, VAL_TEXT},
    {"feel", true, VAL_TEXT},   {"dose", true, VAL_TEXT},    {"caution", true, VAL_TEXT},
    {NULL, false, VAL_LINE},
};

void selfcare_free(SelfCare *sc)
{
    if (!sc)
        return;
    free(sc->figure);
    free(sc->caption);
    free(sc->position);
    free(sc->feel);
    free(sc->dose);
    free(sc->caution);
    free(sc);
}

void selfcare_load(Library *lib, const char *path, const RawSection *sec, Module *m, bool *oom, Diag *d)
{
    const RawEntry *f[MAX_RULES];
    bool ok = raw_check_keys(path, sec, SELFCARE_KEYS, f, d);
    SelfCare *sc = calloc(1, sizeof *sc);
    if (!sc) {
        *oom = true;
        return;
    }
    sc->line = sec->line;
    if (f[S_FIGURE] && !(sc->figure = library_check_figure(lib, path, f[S_FIGURE], &sc->figure_box, oom, d)))
        ok = false;
    if (!ok) {
        selfcare_free(sc);
        return;
    }
    char **text[] = {&sc->caption, &sc->position, &sc->feel, &sc->dose, &sc->caution};
    const int keys[] = {S_CAPTION, S_POSITION, S_FEEL, S_DOSE, S_CAUTION};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!(*text[i] = raw_join_text(f[keys[i]])))
            ok = false;
    if (!ok) {
        *oom = true;
        selfcare_free(sc);
        return;
    }
    selfcare_free(m->selfcare);
    m->selfcare = sc;
}
