/* Fuzz target: the headless harness's script language (script_parse). */
#include "fuzz_common.h"
#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diag *d = diag_create();
    Script *s = script_parse("fuzz.script", (const char *)data, size, d);
    if (s) {
        for (int i = 0; i < s->n; i++) {
            const ScriptCmd *c = &s->cmds[i];
            if (c->line < 1 || (c->text && strlen(c->text) > size))
                abort();
        }
    }
    script_free(s);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
