/* learner: learner ids and display names.
 *
 * An id becomes a file name (<data>/learners/<id>.scores), so it is held to
 * a small alphabet that cannot name another folder or a hidden file. A
 * display name is shown and stored, never used as a path; it only has to be
 * text a screen can draw as it is: valid UTF-8 without control characters,
 * and without invisible or reordering characters, which could make one
 * learner's name look like another's. */
#include "learner.h"

#include <stdint.h>
#include <string.h>

#include "text.h"

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

static bool name_valid(const char *name, bool strict, const char **why)
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
        size_t len = text_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return set_why(why, "The name is not valid UTF-8 text.");
        if (text_is_control(cp))
            return set_why(why, "A name cannot contain tabs, line breaks or other control characters.");
        if (strict && text_is_invisible(cp))
            return set_why(why, "A name cannot contain invisible characters (zero-width spaces or joiners, "
                                "text direction marks or overrides).");
        if (cp != ' ' && cp != 0xA0 && !text_is_invisible(cp))
            visible = true;
        i += len;
    }
    if (!visible)
        return set_why(why, "Enter your name.");
    return true;
}

bool learner_name_valid(const char *name, const char **why)
{
    return name_valid(name, true, why);
}

bool learner_name_readable(const char *name)
{
    return name_valid(name, false, NULL);
}

void learner_name_shown(const char *name, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    size_t n = 0, len = name ? strlen(name) : 0;
    const unsigned char *s = (const unsigned char *)name;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t l = text_utf8_decode(s + i, len - i, &cp);
        bool keep = l > 0 && !text_is_control(cp) && !text_is_invisible(cp);
        size_t step = l ? l : 1, out = keep ? step : 1;
        if (n + out >= size)
            break;
        if (keep)
            memcpy(buf + n, s + i, step);
        else
            buf[n] = '?';
        n += out;
        i += step;
    }
    buf[n] = '\0';
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
            size_t l = text_utf8_decode(s + i, len - i, &cp);
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
