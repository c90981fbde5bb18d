/* seal: chained HMACs over the lines of an append-only file.
 *
 * The exam journal and the station ledger end every line with " <seal>":
 * 64 hex digits of HMAC-SHA256(station key, seal of the line before (32
 * zero bytes for the first line) || the line's text before that space).
 * A line edited, deleted, repeated, moved or taken from another file breaks
 * the chain at the first line after the change. */
#ifndef TPQUIZ_SEAL_H
#define TPQUIZ_SEAL_H

#include <stdbool.h>
#include <stddef.h>

#define SEAL_BYTES 32
#define SEAL_HEX (2 * SEAL_BYTES)
#define SEAL_KEY_BYTES 32

/* out = HMAC-SHA256(key, prev || text[0..n)). */
void seal_compute(const unsigned char key[SEAL_KEY_BYTES], const unsigned char prev[SEAL_BYTES], const char *text,
                  size_t n, unsigned char out[SEAL_BYTES]);

/* Cuts the seal off a line (NUL-terminated, no newline): the line then
 * ends before its last space. *got receives the seal as written. False
 * (line untouched) if it does not end with a space and 64 hex digits. */
bool seal_cut(char *line, unsigned char got[SEAL_BYTES]);

/* Checks a cut line against the chain: with a key, true if got is the
 * line's seal after prev; without (NULL), true. prev moves on to got
 * either way, so one broken line does not break every later one twice. */
bool seal_check(const unsigned char *key, unsigned char prev[SEAL_BYTES], const char *text, size_t n,
                const unsigned char got[SEAL_BYTES]);

/* Appends " <seal>\n" to the text in buf (n bytes used, cap at least
 * n + SEAL_HEX + 2) sealed after prev, and moves prev on. Returns the new
 * length. */
size_t seal_append(const unsigned char key[SEAL_KEY_BYTES], unsigned char prev[SEAL_BYTES], char *buf, size_t n);

#endif
