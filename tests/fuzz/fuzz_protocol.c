/* Fuzz target: a pain protocol file (protocols_load_file). Inputs of odd
 * length have their module ids resolved against the shipped library (loaded
 * once), even ones are read without a library, so both paths are fuzzed.
 * The file is named after its id so the id check passes. */
#include "fuzz_common.h"
#include "protocol.h"

static Library *shipped;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!shipped) {
        Diag *d = diag_create();
        shipped = library_load(FUZZ_SOURCE_ROOT "/courses", FUZZ_SOURCE_ROOT "/assets", d);
        diag_free(d);
    }
    char id[64], name[80];
    fuzz_ini_id(data, size, "fuzz_protocol", id, sizeof id);
    snprintf(name, sizeof name, "%s.ini", id);
    const char *path = fuzz_write(name, data, size);
    Diag *d = diag_create();
    ProtocolSet *set = protocols_load_file(path, size % 2 ? shipped : NULL, d);
    if (set) {
        for (int i = 0; i < protocols_count(set); i++) {
            const Protocol *p = protocols_get(set, i);
            size_t sum = strlen(p->id) + strlen(p->title) + (p->summary ? strlen(p->summary) : 0);
            for (int k = 0; k < p->n_regions; k++)
                sum += strlen(p->regions[k]);
            for (int k = 0; k < p->n_steps; k++)
                sum += strlen(p->steps[k].module_id) + (p->steps[k].reason ? strlen(p->steps[k].reason) : 0) +
                       (p->steps[k].module ? strlen(p->steps[k].module->id) : 0);
            if (sum == (size_t)-1)
                abort();
        }
    }
    protocols_free(set);
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
