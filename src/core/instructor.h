/* instructor: the passphrase that guards the instructor's screen.
 *
 * The config keeps only an Argon2id hash of it (libsodium crypto_pwhash_str
 * with the interactive limits: 64 MiB, 2 passes), as
 * `[instructor] passphrase_hash` in config.ini, written by `tpquiz passwd`.
 * The hash string carries its own salt and parameters (about 100
 * characters, one line). */
#ifndef TPQUIZ_INSTRUCTOR_H
#define TPQUIZ_INSTRUCTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Room for a hash string with its NUL (crypto_pwhash_STRBYTES). */
#define INSTRUCTOR_HASH_MAX 128
/* Shortest passphrase `tpquiz passwd` accepts, in bytes. */
#define INSTRUCTOR_PASSPHRASE_MIN 8

/* Hashes pass into out. Returns 0, or -1 if libsodium cannot be set up or
 * the memory for the hash cannot be had. Slow on purpose (~0.1 s). */
int instructor_hash_passphrase(const char *pass, char out[INSTRUCTOR_HASH_MAX]);

/* True if pass matches hash (crypto_pwhash_str_verify). False for a NULL
 * or empty hash (no passphrase set: nobody gets in) and for a hash that is
 * not one (a config edited by hand). Slow on purpose. */
bool instructor_check_passphrase(const char *hash, const char *pass);

/* True if hash is an Argon2id hash string libsodium can verify against (a
 * damaged one would make every passphrase "wrong"). */
bool instructor_hash_valid(const char *hash);

/* The config text with `passphrase_hash = <hash>` set in [instructor]:
 * every passphrase_hash line of an [instructor] section is replaced
 * (with any indented continuation lines after it), or, if there is none,
 * the key goes right after the first [instructor] header, or, if there is
 * no such section, a new section is added at the end. Every other line,
 * comment and line ending is kept byte for byte. Returns a new
 * NUL-terminated string (*out_len gets its length), NULL if out of memory. */
char *instructor_config_set_hash(const char *text, size_t len, const char *hash, size_t *out_len);

/* Sets the hash in the config file at path (created if missing) with
 * instructor_config_set_hash, atomically: a temporary file in the same
 * folder with the old file's mode, fsynced and renamed over it. Returns 0,
 * or -1 with the reason in d (the old file is untouched then). */
int instructor_save_hash(const char *path, const char *hash, Diag *d);

#endif
