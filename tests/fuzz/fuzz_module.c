/* Fuzz target: a module file (library_load_module_file), checked
 * against the shipped charts: trigger points, zones, questions, views,
 * overlays; or a lesson: pages, figures, labels. The file is named after its id so the id check passes. */
#include "course.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char id[64], name[80];
    fuzz_ini_id(data, size, "fuzz_module", id, sizeof id);
    snprintf(name, sizeof name, "%s.ini", id);
    const char *path = fuzz_write(name, data, size);
    Library *lib = library_create(FUZZ_SOURCE_ROOT "/courses", FUZZ_SOURCE_ROOT "/assets");
    Diag *d = diag_create();
    const Module *m = library_load_module_file(lib, path, d);
    if (m) {
        /* Every field the screens read must be there. */
        size_t sum = strlen(m->name) + strlen(m->group) + strlen(m->attachments) + strlen(m->treatment);
        for (int i = 0; i < m->n_tps; i++)
            sum += strlen(m->tps[i].id) + strlen(m->tps[i].view);
        for (int i = 0; i < m->n_zones; i++) {
            const Zone *z = &m->zones[i];
            if (z->tp >= m->n_tps || z->poly.n < 0)
                abort();
            if (z->tp >= 0)
                sum += strlen(m->tps[z->tp].id);
        }
        for (int i = 0; i < m->n_questions; i++)
            sum += strlen(m->questions[i].prompt) + (size_t)m->questions[i].n_correct;
        sum += strlen(m->summary);
        for (int i = 0; i < m->n_pages; i++) {
            const LessonPage *p = &m->pages[i];
            sum += strlen(p->title) + strlen(p->text) + strlen(p->caption) + (p->figure ? strlen(p->figure) : 0);
            if (p->n_labels > COURSE_MAX_LABELS || (p->n_labels > 0 && !p->figure))
                abort();
            for (int k = 0; k < p->n_labels; k++)
                sum += strlen(p->labels[k].text);
        }
        if (sum == (size_t)-1)
            abort();
    }
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    library_free(lib);
    return 0;
}
