/* disorder: the myofascial pain disorders directory, condition by
 * condition.
 *
 * courses/disorders/<id>.ini, one condition each: what it feels like, the
 * muscles to examine (each with why, resolved to its module), what to rule
 * out before treating it as myofascial, when to refer, and the pain
 * protocols that go with it. The disorders screen lists them. The format is
 * in docs/FORMATS.md. */
#ifndef TPQUIZ_DISORDER_H
#define TPQUIZ_DISORDER_H

#include <stdbool.h>

#include "course.h"
#include "diag.h"
#include "protocol.h"

typedef struct {
    char *module_id;
    const Module *module; /* resolved in the library; NULL if not loaded */
    char *why;
    int line;
} DisorderMuscle;

typedef struct {
    char *protocol_id;
    const Protocol *protocol; /* resolved in the protocols; NULL if not checked */
} DisorderLink;

typedef struct {
    char *id;
    char *path;
    char *title;
    char *summary;
    char *feels_like;
    DisorderMuscle *muscles;
    int n_muscles;
    char **rule_out; /* one item per line */
    int n_rule_out;
    char **refer_when; /* one item per line */
    int n_refer_when;
    DisorderLink *protocols;
    int n_protocols;
} Disorder;

typedef struct DisorderSet DisorderSet;

/* Loads every .ini file in dir (sorted by file name). Module ids resolve in
 * lib and protocol ids in protocols; either NULL: not resolved, not
 * checked. Problems go into d with path:line; a condition with a bad muscle
 * or protocol line keeps its good ones, one missing a required key is left
 * out. A missing dir is no error (no conditions). Never returns NULL. */
DisorderSet *disorders_load(const char *dir, const Library *lib, const ProtocolSet *protocols, Diag *d);
/* Loads one disorder file (for `tpquiz check`); NULL if unreadable. */
DisorderSet *disorders_load_file(const char *path, const Library *lib, const ProtocolSet *protocols, Diag *d);
void disorders_free(DisorderSet *s);
int disorders_count(const DisorderSet *s);
const Disorder *disorders_get(const DisorderSet *s, int i);
/* Whether a word of the condition's title, summary or feels-like text, or
 * of one of its muscles' names or ids, starts with text (ASCII case
 * ignored; text may span words: "low back"); "" matches every condition
 * (the directory's search box). */
bool disorder_matches(const Disorder *c, const char *text);

#endif
