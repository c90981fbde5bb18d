/* protocol: pain protocols, the clinician's route from a complaint to the
 * muscles to examine.
 *
 * courses/protocols/<id>.ini, one complaint each: a title, a one-line
 * summary of the complaint, the pain regions it covers, and the muscles to
 * examine in clinical order, each with one line of reasoning. The study
 * screens list them (browse by complaint) and they feed questions. The
 * format is in docs/FORMATS.md. */
#ifndef TPQUIZ_PROTOCOL_H
#define TPQUIZ_PROTOCOL_H

#include "course.h"
#include "diag.h"

typedef struct {
    char *module_id;
    const Module *module; /* resolved in the library; NULL if not loaded */
    char *reason;
    int line;
} ProtocolStep;

typedef struct {
    char *id;
    char *path;
    char *title;
    char *summary;
    char **regions; /* PAIN_REGIONS ids */
    int n_regions;
    ProtocolStep *steps;
    int n_steps;
} Protocol;

typedef struct ProtocolSet ProtocolSet;

/* Loads every .ini file in dir (sorted by file name), resolving module ids in
 * lib (NULL: not resolved, not checked). Problems go into d with path:line;
 * a protocol with errors in its steps keeps its good steps. A missing dir
 * is no error (no protocols). Never returns NULL. */
ProtocolSet *protocols_load(const char *dir, const Library *lib, Diag *d);
/* Loads one protocol file (for `tpquiz check`); NULL if unreadable. */
ProtocolSet *protocols_load_file(const char *path, const Library *lib, Diag *d);
void protocols_free(ProtocolSet *p);
int protocols_count(const ProtocolSet *p);
const Protocol *protocols_get(const ProtocolSet *p, int i);

#endif
