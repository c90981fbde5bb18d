/* learner: learner ids and display names.
 *
 * An id becomes a file name (<data>/learners/<id>.scores), so it is held to
 * a small alphabet that cannot name another folder or a hidden file. A
 * display name is shown and stored, never used as a path; it only has to be
 * text a screen can draw: valid UTF-8 without control characters. */
#include "learner.h"

#include <stdint.h>
#include <string.h>

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static bool set_why(const char **why, const char *text)
{
    if (why)
        *why = text;
    return false;
}

bool learner_id_valid(const char *id, const char **why)
{
    if (!id || !*id)
        return set_why(why, "Enter a learner id.");
    size_t n = strlen(id);
    if (n > LEARNER_ID_MAX)
        return set_why(why, "A learner id can be at most 32 characters long.");
    for (size_t i = 0; i < n; i++)
        if (!id_char(id[i]))
            return set_why(why, "A learner id may only use lower-case letters a-z, digits and . _ -");
    if (id[0] == '.' || id[0] == '-')
        return set_why(why, "A learner id cannot start with '.' or '-'.");
    if (strstr(id, ".."))
        return set_why(why, "A learner id cannot contain '..'.");
    return true;
}

/* Decodes one UTF-8 sequence at s (n bytes left). Returns its length and the
 * code point in *cp, or 0 if the bytes are not valid UTF-8 (overlong forms,
 * surrogates and values above U+10FFFF are invalid). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1Fu, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0Fu, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* C0, DEL, C1 and the Unicode line and paragraph separators: none of them
 * belongs in a one-line name. */
static bool control_char(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

bool learner_name_valid(const char *name, const char **why)
{
    if (!name)
        return set_why(why, "Enter your name.");
    const unsigned char *s = (const unsigned char *)name;
    size_t n = strlen(name);
    if (n > LEARNER_NAME_MAX)
        return set_why(why, "A name can be at most 80 bytes long.");
    bool visible = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return set_why(why, "The name is not valid UTF-8 text.");
        if (control_char(cp))
            return set_why(why, "A name cannot contain tabs, line breaks or other control characters.");
        if (cp != ' ' && cp != 0xA0)
            visible = true;
        i += len;
    }
    if (!visible)
        return set_why(why, "Enter your name.");
    return true;
}

/* ASCII spellings of the Latin-1 letters U+00C0..U+00FF ("" = a separator),
 * so "Åsa Öberg" suggests "asa.oberg". */
static const char *const LATIN1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

void learner_suggest_id(const char *name, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    buf[0] = '\0';
    if (!name)
        return;
    size_t cap = size - 1 < LEARNER_ID_MAX ? size - 1 : LEARNER_ID_MAX;
    size_t n = 0;
    char sep = 0; /* separator due before the next letter: '.', '-', '_' or none */
    const unsigned char *s = (const unsigned char *)name;
    size_t len = strlen(name);
    for (size_t i = 0; i < len;) {
        char one[2] = {0, 0};
        const char *piece = NULL;
        unsigned char c = s[i];
        size_t step = 1;
        if (c >= 'A' && c <= 'Z') {
            one[0] = (char)(c - 'A' + 'a');
            piece = one;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            one[0] = (char)c;
            piece = one;
        } else if (c == '\'' || c == '`') {
            /* "O'Brien" -> "obrien" */
        } else if (c == '-' || c == '_') {
            sep = (char)c; /* "Jean - Luc" -> "jean-luc" */
        } else if (c == 0xC3 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF) {
            step = 2;
            piece = LATIN1[s[i + 1] - 0x80];
            if (!*piece) {
                piece = NULL;
                if (!sep)
                    sep = '.';
            }
        } else {
            uint32_t cp;
            size_t l = utf8_decode(s + i, len - i, &cp);
            step = l ? l : 1;
            if (!sep)
                sep = '.';
        }
        i += step;
        if (!piece)
            continue;
        size_t plen = strlen(piece);
        size_t need = (sep && n > 0 ? 1 : 0) + plen;
        if (n + need > cap)
            break;
        if (sep && n > 0)
            buf[n++] = sep;
        memcpy(buf + n, piece, plen);
        n += plen;
        sep = 0;
    }
    buf[n] = '\0';
}
