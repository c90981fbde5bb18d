/* fuzz_common: what the fuzz targets share.
 *
 * Each tests/fuzz/fuzz_<parser>.c defines LLVMFuzzerTestOneInput for one
 * parser. Built with -DTPQUIZ_FUZZ=ON (clang) it is a libFuzzer program;
 * in every build it is also linked with replay_main.c into
 * fuzz_replay_<parser>, which ctest runs over the seed corpus and the kept
 * regression inputs (tests/data/fuzz/<parser>/).
 *
 * Most loaders take a path, so the input is written to a file in a private
 * temporary folder first (created once per process, removed at exit).
 * Diagnostics are formatted but never printed: a fuzz run must stay quiet
 * and fast. */
#ifndef TPQUIZ_FUZZ_COMMON_H
#define TPQUIZ_FUZZ_COMMON_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[4096];

static inline void fuzz_remove_dir(void)
{
    DIR *dh = opendir(fuzz_dir);
    if (dh) {
        struct dirent *de;
        while ((de = readdir(dh))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
                continue;
            char p[4400];
            snprintf(p, sizeof p, "%s/%s", fuzz_dir, de->d_name);
            unlink(p);
        }
        closedir(dh);
    }
    rmdir(fuzz_dir);
}

/* The path of NAME in the private temporary folder (a static buffer). */
static inline const char *fuzz_path(const char *name)
{
    static char path[4400];
    if (!fuzz_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s/tpquiz-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(fuzz_dir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_remove_dir);
    }
    snprintf(path, sizeof path, "%s/%s", fuzz_dir, name);
    return path;
}

/* Writes the input to NAME in the temporary folder; returns its path. */
static inline const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    const char *path = fuzz_path(name);
    FILE *fp = fopen(path, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0) {
        perror("fuzz: writing the input");
        abort();
    }
    return path;
}

/* The value of the first "id = <value>" line of an INI input, if it is an id
 * of [a-z0-9_] (1..48 characters), else fallback; written into buf. Loaders
 * want the file named after the id, so seeds pass that check and the fuzzer
 * gets past it. */
static inline const char *fuzz_ini_id(const uint8_t *data, size_t size, const char *fallback, char *buf,
                                      size_t bufsize)
{
    snprintf(buf, bufsize, "%s", fallback);
    for (size_t i = 0; i < size;) {
        size_t end = i;
        while (end < size && data[end] != '\n')
            end++;
        size_t k = i;
        while (k < end && (data[k] == ' ' || data[k] == '\t'))
            k++;
        if (end - k > 2 && data[k] == 'i' && data[k + 1] == 'd' && (data[k + 2] == ' ' || data[k + 2] == '=')) {
            k += 2;
            while (k < end && data[k] == ' ')
                k++;
            if (k < end && data[k] == '=') {
                k++;
                while (k < end && data[k] == ' ')
                    k++;
                size_t n = 0;
                while (k + n < end && n < 48 &&
                       ((data[k + n] >= 'a' && data[k + n] <= 'z') || (data[k + n] >= '0' && data[k + n] <= '9') ||
                        data[k + n] == '_'))
                    n++;
                if (n > 0 && n < bufsize)
                    snprintf(buf, bufsize, "%.*s", (int)n, (const char *)data + k);
                return buf;
            }
        }
        i = end + 1;
    }
    return buf;
}

/* Aborts if text holds a control byte: whatever a file holds, what the
 * program prints about it must not carry terminal escape sequences. */
static inline void fuzz_check_printable(const char *text)
{
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        if (*c < 0x20 || *c == 0x7F) {
            fprintf(stderr, "fuzz: control byte 0x%02x in output: %s\n", *c, text);
            abort();
        }
}

/* Sorts and formats every diagnostic, as the program does before printing;
 * the messages must be printable (the path is the harness's own). */
static inline void fuzz_consume_diag(Diag *d)
{
    char line[2048];
    diag_sort(d);
    for (int i = 0; i < diag_count(d); i++) {
        diag_format(diag_item(d, i), line, sizeof line);
        fuzz_check_printable(diag_item(d, i)->message);
    }
    (void)diag_error_count(d);
}

#endif
