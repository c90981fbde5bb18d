/* Fuzz target: config.ini (config_load over inifile). */
#include "config.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("config.ini", data, size);
    Diag *d = diag_create();
    Config *c = config_load(path, "/nonexistent-root", d);
    if (c) {
        /* What the program reads from it. */
        size_t sum = strlen(c->path) + strlen(c->courses_dir) + strlen(c->assets_dir) + strlen(c->data_dir) +
                     strlen(c->font_file) + strlen(c->instructor_hash);
        if (sum == (size_t)-1 || c->font_size < 1 || c->window_width < 1 || c->window_height < 1)
            abort(); /* a bad value must leave the default in place */
    }
    config_free(c);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
