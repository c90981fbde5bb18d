/* scorefile_internal: what the files of the score-file module share
 * (record.c, scoretext.c, paint_runs.c, scorefile_read.c,
 * scorefile_integrity.c, scorefile_write.c, station_key.c, certcode.c).
 * Not for other modules: they use record.h. */
#ifndef TPQUIZ_SCOREFILE_INTERNAL_H
#define TPQUIZ_SCOREFILE_INTERNAL_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "mac.h"
#include "record.h"
#include "text.h"

#define HEADER "tpquiz-scores 2"
#define HEADER_V1 "tpquiz-scores 1"
#define HEADER_PREFIX "tpquiz-scores "
#define KEY_FILE "station.key"
#define MAC_HEX 64
#define MAX_FILE_BYTES (64u << 20) /* far beyond any learner's history */
#define MAX_ANSWERS 100000
#define SCORE_DECIMALS 4
#define CLICK_DECIMALS 3

/* The prev of a file's first record. */
static const unsigned char ZERO_MAC[MAC_BYTES];

/* What the parser knows about a record besides its Record. */
typedef struct {
    bool complete;  /* has its mac line and that line's newline */
    bool malformed; /* a line did not parse (reported) */
    bool has_mac, has_prev;
    bool mac_ok;    /* its MAC matches its text (checked as its mac line is read) */
    bool authentic; /* complete, well-formed and its MAC matches */
    bool kept;      /* in the longest run of increasing seq (see classify) */
    unsigned char mac[MAC_BYTES];
    unsigned char prev[MAC_BYTES];
    size_t text_start, text_end; /* the MAC'ed bytes */
    int n_answers_declared;
    const char *problem;    /* first reason it is malformed */
    char problem_field[32]; /* the field with a bad value, "" if that is not the reason */
    int problem_line;
} Meta;

struct ScoreFile {
    Record *rec;
    Meta *meta;
    RecordStatus *status;
    int n, cap;
    int problems; /* text outside the records, no records at all */
    int profile;  /* index of the profile record, -1 if none */
    int version;  /* of the header: 1 or 2 */
    bool misnamed; /* its name is <id>.scores for another learner id */
    bool distrusted; /* scorefile_distrust: found wanting by another check */
    char *text;   /* the file as read */
    size_t len;
    Arena mem;    /* the records' strings, answers, marks and paintings */
};

/* ---- scoretext.c: the text below the level of records ---------------- */

/* n bytes as 2n lower-case hex digits and a NUL. */
void scoretext_hex_encode(const unsigned char *in, size_t n, char *out);
/* Exactly 2*n lower-case hex digits (the only form the program writes). */
bool scoretext_hex_decode(const char *s, size_t len, unsigned char *out, size_t n);
/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
size_t scoretext_utf8_len(const unsigned char *s, size_t n);
/* The value s[0, n) unescaped into *buf (grown as needed, *cap bytes; the
 * caller frees it): the result, or NULL with *why set. */
char *scoretext_unescape(const char *s, size_t n, char **buf, size_t *cap, const char **why);
/* A "name value\n" line, the value escaped. */
void scoretext_add_field(TextBuf *b, const char *name, const char *value);
void scoretext_add_int(TextBuf *b, const char *name, int64_t v);
void scoretext_add_bool(TextBuf *b, const char *name, bool v);
void scoretext_add_fixed(TextBuf *b, const char *name, double v, int decimals);
/* Exactly n lower-case hex digits. */
bool scoretext_hex_string(const char *s, size_t n);
/* "yes" or "no". */
bool scoretext_parse_bool(const char *s, bool *out);
/* A name-like value: [a-z0-9._/-]+ (ids, item keys, types, views). */
bool scoretext_plain_token(const char *s);

/* ---- record.c ------------------------------------------------------------ */

/* An id read from a file, for a message: as it is if it is a plain token,
 * else "?". */
const char *record_shown_id(const char *s);

/* ---- paint_runs.c ---------------------------------------------------------- */

/* record_runs_problem (why runs cannot be a painting) is in record.h. */
/* True if g is a grid a painting can be recorded on. */
bool record_paint_grid_ok(const Grid *g);

/* ---- scorefile_integrity.c ------------------------------------------------- */

/* Judges every parsed record (statuses, reported in d). */
void scorefile_classify(ScoreFile *f, const char *path, const unsigned char *key, Diag *d);
/* Flags a file named <id>.scores that holds another learner's records. */
void scorefile_check_owner(ScoreFile *f, const char *path, Diag *d);

/* ---- scorefile_write.c ------------------------------------------------------ */

int scorefile_publish(const char *path, const char *text, size_t n, bool exclusive, Diag *d);

#endif
