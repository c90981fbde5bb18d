/* Helpers shared by the unit tests (tests/unit/support.c, linked into every
 * test program).
 *
 * A temporary folder: tmp_create() makes one under /tmp, tmp_path() names a
 * file in it, put() writes one (making its folders) and tmp_remove() removes
 * it with everything in it. There is one such folder at a time; make it in a
 * group or test setup and remove it in the matching teardown (tmp_teardown),
 * or use tmp_state_setup()/tmp_state_teardown() for a fresh one in every
 * test with its path in the test's state.
 *
 * Include it after <cmocka.h> (and the headers cmocka needs before it). */
#ifndef TPQUIZ_TEST_SUPPORT_H
#define TPQUIZ_TEST_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "course.h"
#include "diag.h"

/* The number of elements of an array (not of a pointer). */
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Fails the test unless |a - b| <= eps, naming expression a, both values and
 * the caller's file and line. cmocka 1.1.5's assert_float_equal compares
 * floats; the program computes with doubles. A NaN never passes. */
#define assert_near(a, b, eps) support_near((a), (b), (eps), #a, __FILE__, __LINE__)
void support_near(double a, double b, double eps, const char *expr, const char *file, int line);

/* ---- the temporary folder ---------------------------------------------- */

/* Makes a new folder /tmp/<name>-XXXXXX (mkdtemp) and makes it the
 * temporary folder; returns its path, or NULL if it could not be made. */
const char *tmp_create(const char *name);

/* Removes the temporary folder and everything in it (links are removed, not
 * followed; read-only folders are made writable first). Returns 0, or -1 if
 * something could not be removed. Nothing to do without a folder. */
int tmp_remove(void);

/* The temporary folder's path ("" before tmp_create). */
const char *tmp_dir(void);

/* "<tmp>/<rel>", in one of four rotating buffers, so that a call may take
 * up to four of them. tmp_path("") is the folder with a '/' at the end. */
const char *tmp_path(const char *rel);

/* Writes text to "<tmp>/<rel>", making the folders on its way; returns the
 * path (a tmp_path buffer). Fails the test if the file cannot be written. */
const char *put(const char *rel, const char *text);

/* The per-test form, for cmocka_unit_test_setup_teardown: *state becomes a
 * Tmp with a fresh folder /tmp/<name>-XXXXXX and the path of a file `file`
 * in it (not made). The test's setup calls tmp_state_setup with its names;
 * tmp_state_teardown frees the state and removes the folder. */
typedef struct {
    char dir[64];
    char file[128];
} Tmp;
int tmp_state_setup(void **state, const char *name, const char *file);
int tmp_state_teardown(void **state);

/* A cmocka teardown (of a group or a test) that does tmp_remove. */
int tmp_teardown(void **state);

/* Asserts that diagnostic i of d reads exactly "<path>:<line>: error: <msg>". */
void assert_diag_error(const Diag *d, int i, const char *path, int line, const char *msg);

/* ---- files -------------------------------------------------------------- */

/* Writes n bytes to path (made or emptied), failing the test on any error. */
void write_bytes(const char *path, const void *data, size_t n);

/* write_bytes of a whole string. */
void write_text(const char *path, const char *text);

/* Adds text at the end of the file at path (made if missing), failing the
 * test on any error. */
void append_text(const char *path, const char *text);

/* The whole file at path, NUL-terminated, in a static buffer of 64 KiB that
 * the next call overwrites; *n (unless NULL) gets its length. Fails the test
 * if the file cannot be read or does not fit. */
char *read_file(const char *path, size_t *n);

/* The number of entries in folder dir other than "." and "..". */
int dir_entries(const char *dir);

/* One random change to the *n bytes at buf (*n > 0), for the tests that
 * damage files at random: steps *x (an xorshift64 state) and by it picks a
 * byte, then sets it to a random value or to a character of `typical`, or
 * cuts the text after it, or deletes it (unless it is the only byte left
 * and keep_one is set). */
void damage(char *buf, size_t *n, uint64_t *x, const char *typical, bool keep_one);

/* ---- fixtures ------------------------------------------------------------ */

/* The report fixture's courses (tests/data/report/courses) over the shipped
 * assets, as the exam, judge and report tests use them; *errors (unless
 * NULL) gets the number of errors the loading reported. */
Library *report_fixture_library(int *errors);

/* ---- diagnostics --------------------------------------------------------- */

/* How diag_text writes the diagnostics. */
enum {
    DIAG_TEXT_SORTED = 1,   /* diag_sort first */
    DIAG_TEXT_RELATIVE = 2, /* "<tmp>/" dropped (paths relative to the folder), not "T" */
    DIAG_TEXT_DATA = 4,     /* TEST_DATA_DIR written as "D" */
};

/* Every diagnostic in d formatted (diag_format), one a line, each ending in
 * '\n', with the temporary folder written as "T" wherever it stands (see the
 * flags for the other forms), for golden text that does not depend on where
 * the folder is. In a static buffer that the next call overwrites. */
const char *diag_text(Diag *d, int flags);

#endif
