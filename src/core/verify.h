/* verify: what `tpquiz verify` checks in a score file, as text for the
 * caller to print. Nothing here prints. */
#ifndef TPQUIZ_VERIFY_H
#define TPQUIZ_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "record.h"

typedef struct {
    bool readable;                   /* false: not read at all (the reason is in d) */
    int records;                     /* records in the file */
    int count[RECORD_TRUNCATED + 1]; /* records per RecordStatus */
    int other;                       /* problems outside the records (scorefile_problems) */
    bool wrong_key;                  /* every record is well-formed and none matches the key */
    bool regraded;                   /* attempts were re-graded against a course folder */
    int not_counting;                /* good attempts that do not count when re-graded */
    /* With a certificate code: */
    int code_record;          /* index of the exam record it was issued for, -1 if none */
    RecordStatus code_status; /* that record's status */
    char code_what[256];      /* "record 5 (exam, essentials, 2026-03-02): passed, 82.5%" */
} VerifyResult;

/* Checks the score file at path with the station key: every record that is
 * not good, and any text outside the records, goes into d as an error
 * ("path:line: error: record 3 (exam, essentials, 2026-03-02): edited: its
 * text does not match its MAC"). code (NULL for none) is a certificate code
 * as verify_code_normalize accepts it; the exam record it was issued for is
 * looked up (res->code_record). Returns 0 if the file is intact (every
 * record good, nothing else in it), 1 otherwise, whatever the code. */
int verify_file(const char *path, const unsigned char key[STATION_KEY_BYTES], const char *code,
                VerifyResult *res, Diag *d);
/* The same, and with lib (not NULL) every good attempt is re-graded
 * against the course it names (judge.h): one that does not count goes into
 * d as an error ("record 5 (exam, demo, 2026-03-02): does not count:
 * re-graded: its pass mark is 1%, the course's is 75%") and the file is
 * not intact (1). */
struct Library;
int verify_file_courses(const char *path, const unsigned char key[STATION_KEY_BYTES], const struct Library *lib,
                        const char *code, VerifyResult *res, Diag *d);

/* The file's summary line into buf: "path: 5 records, all good",
 * "path: 5 records: 3 good, 1 edited, 1 missing", "path: not checked"
 * (unreadable); with a hint when the key seems wrong. */
void verify_summary(const char *path, const VerifyResult *res, char *buf, size_t size);

/* A certificate code as typed ("abcd-efgh jklm") to its 12 characters
 * ("ABCDEFGHJKLM"): case, spaces and dashes are ignored. False if what is
 * left is not 12 characters of [A-Z2-9]. */
bool verify_code_normalize(const char *in, char out[13]);

/* A code as printed on a certificate: "ABCD-EFGH-JKLM". */
void verify_code_format(const char code[13], char out[15]);

#endif
