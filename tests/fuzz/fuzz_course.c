/* Fuzz target: a course file (library_load_course_file). Its modules come
 * from the e2e fixture's small courses folder, so listed modules that exist
 * load fast and the rest are reported missing. The file is named after its
 * id so the id check passes. */
#include "course.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char id[64], name[80];
    fuzz_ini_id(data, size, "fuzz_course", id, sizeof id);
    snprintf(name, sizeof name, "%s.ini", id);
    const char *path = fuzz_write(name, data, size);
    Library *lib = library_create(FUZZ_SOURCE_ROOT "/tests/e2e/fixture/courses", FUZZ_SOURCE_ROOT "/assets");
    Diag *d = diag_create();
    const Course *c = library_load_course_file(lib, path, d);
    if (c) {
        size_t sum = strlen(c->id) + strlen(c->title) + strlen(c->description);
        for (int i = 0; i < c->n_modules; i++) {
            sum += strlen(c->module_ids[i]);
            if (c->modules[i])
                sum += strlen(c->modules[i]->id);
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
