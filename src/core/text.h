/* text: UTF-8 decoding and the character rules for text tpquiz shows; the
 * numbers, paths, growing buffers and tab-separated lines of the files it
 * writes.
 *
 * Everything a screen draws comes from files an author or a learner wrote;
 * it must be valid UTF-8 (else it is drawn as mojibake), and a learner's
 * name must not hide characters that change how it looks (zero-width and
 * bidirectional controls could make one learner's name pass for another's). */
#ifndef TPQUIZ_TEXT_H
#define TPQUIZ_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Decodes one UTF-8 sequence at s (n bytes left). Returns its length and the
 * code point in *cp, or 0 if the bytes are not valid UTF-8 (overlong forms,
 * surrogates and values above U+10FFFF are invalid; so is n == 0). */
size_t text_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* True if s[0, n) is valid UTF-8. Otherwise false, and *bad (if non-NULL)
 * gets the offset of the first byte that is not. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);

/* C0, DEL, C1 and the Unicode line and paragraph separators. */
bool text_is_control(uint32_t cp);

/* Characters that draw as nothing or reorder the text around them:
 * zero-width spaces and joiners, bidirectional marks, embeddings, overrides
 * and isolates, the byte order mark, soft hyphens, invisible operators,
 * fillers that draw blank, and tag characters. */
bool text_is_invisible(uint32_t cp);

/* ---- numbers, independent of the locale --------------------------------
 *
 * Files are read and written with these, never with strtod, strtol or
 * printf("%f"): the UI may call setlocale, and a locale with a decimal comma
 * must not change a file. */

/* A decimal integer of 1..max_digits digits and nothing else (no sign, no
 * space); max_digits is at most 18, so it cannot overflow. */
bool text_parse_int64(const char *s, size_t max_digits, int64_t *out);

/* A decimal integer of 1..20 digits and nothing else that fits in 64 bits. */
bool text_parse_uint64(const char *s, uint64_t *out);

/* "-?D+(.D+)?" with 1..max_int integer and 1..max_frac decimal digits (if a
 * point is given); max_int + max_frac is at most 18 and max_frac at most 6.
 * The value is m / 10^k with m exact, so the result is the correctly rounded
 * double. */
bool text_parse_decimal(const char *s, size_t max_int, size_t max_frac, double *out);

/* v with exactly `decimals` (0..6) digits after the point ("0.8250",
 * "-3.500"); NaN is written as 0 and |v| is clamped to 1e12. 32 bytes always
 * suffice. */
void text_format_fixed(char *out, size_t size, double v, int decimals);

/* ---- formatted strings ---------------------------------------------------- */

/* printf into a fresh string (free it); NULL if out of memory. For messages
 * and prompts: numbers in files go through the functions above. */
char *text_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *text_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* The n strings (at most 8) of parts one after another in a fresh string
 * (free it); a NULL part is empty. NULL if out of memory or n is over 8. Without printf: for strings
 * made many times over (a session's item keys, for every attempt a report
 * grades again). */
char *text_concat(const char *const *parts, int n);

/* ---- paths --------------------------------------------------------------- */

/* dir + "/" + name in a fresh string (free it). Trailing slashes of dir are
 * dropped (not a lone "/"); name alone if dir is "". NULL if out of memory. */
char *text_path_join(const char *dir, const char *name);

/* s without its leading and trailing spaces and tabs: cut in place (the
 * end), returned from its first other character. */
char *text_trim(char *s);

/* Whether needle occurs in hay, ASCII letters compared without case (the
 * search boxes); an empty needle is in every text, a NULL hay holds none. */
bool text_contains_ci(const char *hay, const char *needle);

/* ---- a growing text buffer ---------------------------------------------- */

/* Zero-initialise it ({0}); s is NUL-terminated once anything was added.
 * Running out of memory sets failed and ignores later additions, so callers
 * check once at the end. text_buf_free releases s. */
typedef struct {
    char *s;
    size_t n, cap;
    bool failed; /* out of memory: the text is incomplete */
} TextBuf;

void text_buf_add(TextBuf *b, const char *s, size_t n);
void text_buf_str(TextBuf *b, const char *s);
void text_buf_free(TextBuf *b);

/* ---- versioned tab-separated files -------------------------------------- */

/* Called for each data line of a TSV file with its fields (NUL-terminated,
 * in the caller's buffer, valid during the call) and its line number. */
typedef void (*TextTsvRow)(void *user, char **fields, const char *path, int line, Diag *d);

/* Reads buf[0, len) (modified in place) as a file whose first line is header
 * ("tpquiz-progress 1": a name, a space, the version) and whose other lines
 * hold n_fields tab-separated fields (at most 32). A CR before a newline is
 * dropped; blank lines are skipped; a line with a NUL byte or the wrong
 * number of fields is reported at its line and skipped. A first line that is
 * not a header is reported and skipped; a header naming another version is
 * reported as "unsupported <what> version" and ends the reading. */
void text_tsv_parse(char *buf, size_t len, const char *header, const char *what, int n_fields,
                    TextTsvRow row, void *user, const char *path, Diag *d);

#endif
