/* xapi: learners' verified records as xAPI 1.0.3 statements.
 *
 * A Learning Record Store (LRS) collects statements "actor verb object"
 * from many systems; an LMS or a dashboard reads them. tpquiz turns each
 * record that counts (intact, trusted, and re-graded against the course:
 * judge.h) into statements with ADL verbs:
 *   attempted  an exam started (its signed start record)
 *   answered   one per answered item, with its credit and raw response
 *   passed / failed   a quiz or an exam, with its score
 *   completed  a course certified (every module passed and an exam passed)
 * Statement ids are UUIDs (version 5) made from the record's MAC and the
 * statement's place in it, so the same record always gives the same
 * statements with the same ids and pushing twice never duplicates. The
 * registration of every statement of one attempt is likewise derived from
 * the attempt (for an exam: from its start record). docs/INTEROP.md shows
 * each shape. */
#ifndef TPQUIZ_XAPI_H
#define TPQUIZ_XAPI_H

#include <jansson.h>
#include <stdbool.h>

#include "course.h"
#include "diag.h"
#include "judge.h"
#include "record.h"

/* Where ids point. homepage: the institute's web address, used as the
 * account home page of every learner (an absolute http(s) IRI).
 * activity_base: the prefix of every activity id (courses, modules,
 * exams, items), without a trailing '/'. */
typedef struct {
    const char *homepage;
    const char *activity_base;
    const JudgeStations *stations; /* issued station keys; NULL: not checked */
    const char *course;            /* only this course's records; NULL: every course */
} XapiIds;

typedef struct {
    int records;    /* attempt and start records seen */
    int sent;       /* of those, the ones that gave statements */
    int skipped;    /* the ones that do not count (each named in the Diag) */
    int statements; /* statements made */
    int completed;  /* courses certified */
} XapiCounts;

/* True if s is an absolute http:// or https:// IRI with no spaces or
 * control characters. */
bool xapi_iri_ok(const char *s);

/* The statements for one learner's score file f (read from path with the
 * station key, so record statuses are known), appended to out (a JSON
 * array). Records that do not count are left out, each with a warning in d
 * ("path:line: warning: record 3 (...): not sent: other version ..."); so
 * is everything of a file that is misnamed or distrusted. counts, if not
 * NULL, is added to. Returns 0, or -1 if memory ran out. */
int xapi_file_statements(const char *path, const ScoreFile *f, const Library *lib, const XapiIds *ids,
                         json_t *out, XapiCounts *counts, Diag *d);

/* A name-based UUID (version 5, RFC 4122) of name in tpquiz's namespace,
 * as 36 lower-case characters; xapi_uuid5_in in another namespace. */
void xapi_uuid5(const char *name, char out[37]);
void xapi_uuid5_in(const unsigned char ns[16], const char *name, char out[37]);

/* ms as an ISO 8601 duration ("PT18.895S"). */
void xapi_duration(long long ms, char *out, size_t size);

#endif
