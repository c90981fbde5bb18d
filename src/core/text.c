#include "text.h"

size_t text_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
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

bool text_utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) { /* the common case, without a call */
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = text_utf8_decode(u + i, n - i, &cp);
        if (len == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += len;
    }
    return true;
}

bool text_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

bool text_is_invisible(uint32_t cp)
{
    return cp == 0x00AD                         /* soft hyphen */
           || cp == 0x034F                      /* combining grapheme joiner */
           || cp == 0x061C                      /* Arabic letter mark */
           || cp == 0x115F || cp == 0x1160      /* Hangul fillers */
           || cp == 0x17B4 || cp == 0x17B5      /* Khmer inherent vowels */
           || cp == 0x180E                      /* Mongolian vowel separator */
           || (cp >= 0x200B && cp <= 0x200F)    /* zero-width space, joiners, LRM, RLM */
           || (cp >= 0x202A && cp <= 0x202E)    /* embeddings, overrides, PDF */
           || (cp >= 0x2060 && cp <= 0x206F)    /* word joiner, invisible operators, isolates */
           || cp == 0x3164 || cp == 0xFFA0      /* Hangul fillers */
           || cp == 0xFEFF                      /* byte order mark, zero-width no-break space */
           || (cp >= 0xFFF9 && cp <= 0xFFFB)    /* interlinear annotation */
           || (cp >= 0x1D173 && cp <= 0x1D17A)  /* musical formatting */
           || (cp >= 0xE0000 && cp <= 0xE007F); /* tags */
}
