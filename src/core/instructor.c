/* instructor: passphrase hashing and the config rewrite for `tpquiz passwd`.
 *
 * The rewrite works on lines, not through the INI parser, so comments,
 * blank lines, unknown keys and line endings survive exactly; it follows
 * the same rules inih does for what is a section, a key and a
 * continuation line (docs/FORMATS.md). */
#include "instructor.h"

#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECTION "instructor"
#define KEY "passphrase_hash"

int instructor_hash_passphrase(const char *pass, char out[INSTRUCTOR_HASH_MAX])
{
    if (sodium_init() < 0 || !pass)
        return -1;
    return crypto_pwhash_str(out, pass, strlen(pass), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0
               ? 0
               : -1;
}

bool instructor_check_passphrase(const char *hash, const char *pass)
{
    if (!hash || !*hash || !pass || sodium_init() < 0)
        return false;
    if (strlen(hash) >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(hash, pass, strlen(pass)) == 0;
}

bool instructor_hash_valid(const char *hash)
{
    if (!hash || sodium_init() < 0 || strlen(hash) >= crypto_pwhash_STRBYTES)
        return false;
    /* -1: not a hash string libsodium can parse (0 or 1 say whether its
     * parameters are today's). */
    return crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) >= 0;
}

/* ---- the rewrite ----------------------------------------------------------- */

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

typedef enum { L_BLANK, L_COMMENT, L_SECTION, L_KEY, L_INDENTED } LineKind;

/* Classifies line [s, s+n) (no newline) as inih does; for a section,
 * name and name_n get its name; for a key, its name. */
static LineKind classify(const char *s, size_t n, const char **name, size_t *name_n)
{
    size_t b = 0, e = n;
    while (b < e && space(s[b]))
        b++;
    while (e > b && space(s[e - 1]))
        e--;
    if (b == e)
        return L_BLANK;
    if (s[b] == ';' || s[b] == '#')
        return L_COMMENT;
    if (b > 0)
        return L_INDENTED;
    if (s[b] == '[') {
        /* inih keeps spaces inside the brackets: "[ x ]" is not "[x]". */
        const char *close = memchr(s + b, ']', e - b);
        size_t nb = b + 1, ne = close ? (size_t)(close - s) : e;
        *name = s + nb;
        *name_n = ne - nb;
        return L_SECTION;
    }
    size_t k = b;
    while (k < e && s[k] != '=' && s[k] != ':')
        k++;
    while (k > b && space(s[k - 1]))
        k--;
    *name = s + b;
    *name_n = k - b;
    return L_KEY;
}

static bool is(const char *s, size_t n, const char *word)
{
    return n == strlen(word) && memcmp(s, word, n) == 0;
}

char *instructor_config_set_hash(const char *text, size_t len, const char *hash, size_t *out_len)
{
    TextBuf o = {0};
    bool in_section = false, replaced = false, skipping = false;
    size_t header_end = 0; /* where the first [instructor] header line ends */
    const char *header_eol = "\n";
    bool has_section = false;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len, next = nl ? end + 1 : len;
        size_t n = end - pos;
        bool crlf = n > 0 && text[end - 1] == '\r';
        const char *name = NULL;
        size_t name_n = 0;
        LineKind k = classify(text + pos, n, &name, &name_n);
        if (skipping && k == L_INDENTED) {
            pos = next; /* a continuation of the old value */
            continue;
        }
        skipping = false;
        if (k == L_SECTION) {
            in_section = is(name, name_n, SECTION);
            if (in_section && !has_section) {
                has_section = true;
                text_buf_add(&o, text + pos, next - pos);
                header_end = o.n;
                header_eol = crlf ? "\r\n" : "\n";
                if (!nl) {
                    text_buf_str(&o, "\n");
                    header_end = o.n;
                }
                pos = next;
                continue;
            }
        } else if (k == L_KEY && in_section && is(name, name_n, KEY)) {
            text_buf_str(&o, KEY " = ");
            text_buf_str(&o, hash);
            text_buf_str(&o, crlf ? "\r\n" : "\n");
            replaced = skipping = true;
            pos = next;
            continue;
        }
        text_buf_add(&o, text + pos, next - pos);
        pos = next;
    }
    if (!replaced && has_section) {
        /* Insert after the header. */
        TextBuf w = {0};
        text_buf_add(&w, o.s ? o.s : "", header_end);
        text_buf_str(&w, KEY " = ");
        text_buf_str(&w, hash);
        text_buf_str(&w, header_eol);
        text_buf_add(&w, o.s ? o.s + header_end : "", o.n - header_end);
        free(o.s);
        o = w;
    } else if (!replaced) {
        if (o.n > 0 && o.s[o.n - 1] != '\n')
            text_buf_str(&o, "\n");
        if (o.n > 0)
            text_buf_str(&o, "\n");
        text_buf_str(&o, "[" SECTION "]\n" KEY " = ");
        text_buf_str(&o, hash);
        text_buf_str(&o, "\n");
    }
    if (o.failed || !o.s) {
        free(o.s);
        return NULL;
    }
    if (out_len)
        *out_len = o.n;
    return o.s;
}

/* ---- the file --------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len, bool *missing, Diag *d)
{
    char *text = datafile_read_capped(path, DATAFILE_CONFIG | DATAFILE_MISSING_OK, len, d);
    *missing = !text && errno == ENOENT;
    return text;
}

int instructor_save_hash(const char *path, const char *hash, Diag *d)
{
    size_t len = 0;
    bool missing;
    char *text = read_file(path, &len, &missing, d);
    if (!text && !missing)
        return -1;
    mode_t mode = 0644;
    struct stat st;
    if (!missing && stat(path, &st) == 0)
        mode = st.st_mode & 07777;
    size_t out_len = 0;
    char *out = instructor_config_set_hash(text ? text : "", len, hash, &out_len);
    free(text);
    if (!out) {
        diag_error(d, path, 0, "cannot write: out of memory");
        return -1;
    }
    /* A folder that cannot be synced is no reason to fail: the new file is
     * in place, if not yet certain to survive a power loss. */
    DatafileStep step;
    int rc = datafile_replace(path, out, out_len, mode, 0, &step);
    if (rc != 0 && step == DATAFILE_STEP_FOLDER)
        rc = 0;
    else if (rc != 0 && step == DATAFILE_STEP_CREATE)
        diag_error(d, path, 0, "cannot write a temporary file next to it: %s", strerror(errno));
    else if (rc != 0)
        diag_error(d, path, 0, "cannot write: %s", strerror(errno));
    sodium_memzero(out, out_len);
    free(out);
    return rc;
}
