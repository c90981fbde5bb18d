/* section_file: reading a course data file that holds one named section
 * (a pain protocol's [protocol], a disorder's [disorder]): the rules they
 * share, in one place. The file is read as course files are (links that
 * leave the courses folder refused, datafile caps and regular-file rule),
 * parsed by inifile, and:
 *  - a second section of that name is an error, and its keys are ignored;
 *  - any other section is an error ("unknown section [x] (<what> has only
 *    [name])"), and its keys are ignored;
 *  - a key before any section is an error ("'k' is outside any section (the
 *    file starts with [name])");
 *  - a file without the section is an error ("no [name] section").
 * Only the keys of the first section of that name reach the caller. */
#ifndef TPQUIZ_SECTION_FILE_H
#define TPQUIZ_SECTION_FILE_H

#include <stddef.h>

#include "course.h"
#include "diag.h"
#include "inifile.h"

typedef struct {
    const char *name; /* "protocol" */
    const char *what; /* "a protocol": the subject of "... has only [protocol]" */
    IniHandler on_entry; /* each key of the section, as inifile gives it */
    void *user;
} SectionFile;

/* Reads path as above. Returns the line of its section (> 0); 0 if it has
 * none (the error given); -1 if it could not be read at all (the error
 * given; nothing was passed to on_entry). */
int section_file_read(const Library *lib, const char *path, const SectionFile *sf, Diag *d);

/* The id a file's name gives (its base name without ".ini"), cut to fit
 * out (size > 0). */
void section_file_id(const char *path, char *out, size_t size);

#endif
