/* learner: who is studying. Ids name files, so they are restricted; display
 * names are free UTF-8 and escaped wherever they are stored. */
#ifndef TPQUIZ_LEARNER_H
#define TPQUIZ_LEARNER_H

#include <stdbool.h>
#include <stddef.h>

#define LEARNER_ID_MAX 32
#define LEARNER_NAME_MAX 80 /* bytes */

/* 1..LEARNER_ID_MAX characters of [a-z0-9._-], not starting with '.' or
 * '-', no "..". On false, *why (if non-NULL) gets a sentence for the learner. */
bool learner_id_valid(const char *id, const char **why);

/* Valid UTF-8, 1..LEARNER_NAME_MAX bytes, no control characters, no
 * zero-width or bidirectional control characters (text_is_invisible), not
 * only spaces. On false, *why gets a sentence for the learner. */
bool learner_name_valid(const char *name, const char **why);

/* The rule for names read from score files written before invisible
 * characters were refused: learner_name_valid without that rule, so an old
 * file still verifies. Show such a name with learner_name_shown. */
bool learner_name_readable(const char *name);

/* name as it may be shown: every control or invisible character (and any
 * byte that is not UTF-8) becomes '?'. Always NUL-terminated in buf. */
void learner_name_shown(const char *name, char *buf, size_t size);

/* A suggested id from a display name ("Anna Berg" -> "anna.berg"), written
 * into buf (always NUL-terminated); "" if nothing usable is left. */
void learner_suggest_id(const char *name, char *buf, size_t size);

#endif
