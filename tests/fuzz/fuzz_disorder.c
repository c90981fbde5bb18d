/* Fuzz target: a pain disorder file (disorders_load_file). Inputs of odd
 * length have their module and protocol ids resolved against the shipped
 * library and protocols (loaded once), even ones are read without them, so
 * both paths are fuzzed. The file is named after its id so the id check
 * passes. */
#include "disorder.h"
#include "fuzz_common.h"

static Library *shipped;
static ProtocolSet *shipped_protocols;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!shipped) {
        Diag *d = diag_create();
        shipped = library_load(FUZZ_SOURCE_ROOT "/courses", FUZZ_SOURCE_ROOT "/assets", d);
        shipped_protocols = protocols_load(FUZZ_SOURCE_ROOT "/courses/protocols", shipped, d);
        diag_free(d);
    }
    char id[64], name[80];
    fuzz_ini_id(data, size, "fuzz_disorder", id, sizeof id);
    snprintf(name, sizeof name, "%s.ini", id);
    const char *path = fuzz_write(name, data, size);
    Diag *d = diag_create();
    bool resolve = size % 2;
    DisorderSet *set =
        disorders_load_file(path, resolve ? shipped : NULL, resolve ? shipped_protocols : NULL, d);
    if (set) {
        for (int i = 0; i < disorders_count(set); i++) {
            const Disorder *c = disorders_get(set, i);
            size_t sum = strlen(c->id) + strlen(c->title) + strlen(c->summary) + strlen(c->feels_like);
            for (int k = 0; k < c->n_muscles; k++)
                sum += strlen(c->muscles[k].module_id) + strlen(c->muscles[k].why) +
                       (c->muscles[k].module ? strlen(c->muscles[k].module->id) : 0);
            for (int k = 0; k < c->n_rule_out; k++)
                sum += strlen(c->rule_out[k]);
            for (int k = 0; k < c->n_refer_when; k++)
                sum += strlen(c->refer_when[k]);
            for (int k = 0; k < c->n_protocols; k++)
                sum += strlen(c->protocols[k].protocol_id) +
                       (c->protocols[k].protocol ? strlen(c->protocols[k].protocol->id) : 0);
            sum += disorder_matches(c, "a");
            if (sum == (size_t)-1)
                abort();
        }
    }
    disorders_free(set);
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
