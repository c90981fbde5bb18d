/* Fuzz target: the practice history file (progress_load). */
#include "fuzz_common.h"
#include "progress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("fuzz.progress", data, size);
    Diag *d = diag_create();
    Progress *p = progress_load(path, d);
    for (int i = 0; i < progress_count(p); i++) {
        const ProgressEntry *e = progress_entry(p, i);
        if (!e->module_id || progress_find(p, e->module_id) == NULL)
            abort();
    }
    progress_free(p);
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
