#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* ---- numbers ------------------------------------------------------------- */

static const int64_t POW10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

bool text_parse_int64(const char *s, size_t max_digits, int64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > max_digits || n > 18 || strspn(s, "0123456789") != n)
        return false;
    int64_t v = 0;
    for (; *s; s++)
        v = v * 10 + (*s - '0');
    *out = v;
    return true;
}

bool text_parse_uint64(const char *s, uint64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 20 || strspn(s, "0123456789") != n)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

bool text_parse_decimal(const char *s, size_t max_int, size_t max_frac, double *out)
{
    bool neg = *s == '-';
    if (neg)
        s++;
    size_t ni = strspn(s, "0123456789");
    if (ni == 0 || ni > max_int)
        return false;
    const char *frac = s + ni;
    size_t nf = 0;
    if (*frac == '.') {
        frac++;
        nf = strspn(frac, "0123456789");
        if (nf == 0 || nf > max_frac || nf > 6 || ni + nf > 18 || frac[nf] != '\0')
            return false;
    } else if (*frac != '\0') {
        return false;
    }
    int64_t m = 0;
    for (size_t i = 0; i < ni; i++)
        m = m * 10 + (s[i] - '0');
    for (size_t i = 0; i < nf; i++)
        m = m * 10 + (frac[i] - '0');
    double v = (double)m / (double)POW10[nf];
    *out = neg ? -v : v;
    return true;
}

void text_format_fixed(char *out, size_t size, double v, int decimals)
{
    double lim = 1e12;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (!(v == v))
        v = 0;
    v = v > lim ? lim : v < -lim ? -lim : v;
    long long scaled = llround(v * (double)POW10[decimals]);
    bool neg = scaled < 0;
    unsigned long long a = (unsigned long long)(neg ? -scaled : scaled);
    unsigned long long p = (unsigned long long)POW10[decimals];
    if (decimals == 0)
        snprintf(out, size, "%s%llu", neg ? "-" : "", a);
    else
        snprintf(out, size, "%s%llu.%0*llu", neg ? "-" : "", a / p, decimals, a % p);
}

/* ---- formatted strings ---------------------------------------------------- */

char *text_vformat(const char *fmt, va_list ap)
{
    /* One pass into a stack buffer for the usual short text; a second
     * only for a longer one. */
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int len = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (!s)
        return NULL;
    if ((size_t)len < sizeof small)
        memcpy(s, small, (size_t)len + 1);
    else
        vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

char *text_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = text_vformat(fmt, ap);
    va_end(ap);
    return s;
}

char *text_concat(const char *const *parts, int n)
{
    size_t len[8], total = 0;
    if (n < 0 || n > 8)
        return NULL;
    for (int i = 0; i < n; i++) {
        len[i] = parts[i] ? strlen(parts[i]) : 0;
        total += len[i];
    }
    char *s = malloc(total + 1), *at = s;
    if (!s)
        return NULL;
    for (int i = 0; i < n; i++) {
        memcpy(at, parts[i] ? parts[i] : "", len[i]);
        at += len[i];
    }
    *at = '\0';
    return s;
}

/* ---- paths ----------------------------------------------------------------- */

char *text_path_join(const char *dir, const char *name)
{
    size_t nd = strlen(dir);
    while (nd > 1 && dir[nd - 1] == '/')
        nd--;
    if (nd == 0)
        return strdup(name);
    size_t size = nd + 1 + strlen(name) + 1;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%.*s%s%s", (int)nd, dir, dir[nd - 1] == '/' ? "" : "/", name);
    return p;
}

char *text_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = 0;
    return s;
}

/* ---- the growing buffer ---------------------------------------------------- */

void text_buf_add(TextBuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void text_buf_str(TextBuf *b, const char *s)
{
    text_buf_add(b, s, strlen(s));
}

void text_buf_free(TextBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
    b->failed = false;
}

/* ---- versioned tab-separated files ----------------------------------------- */

#define TSV_MAX_FIELDS 32

void text_tsv_parse(char *buf, size_t len, const char *header, const char *what, int n_fields,
                    TextTsvRow row, void *user, const char *path, Diag *d)
{
    const char *space = strrchr(header, ' ');
    size_t prefix_len = space ? (size_t)(space - header) + 1 : strlen(header);
    const char *version = header + prefix_len;
    if (n_fields > TSV_MAX_FIELDS)
        n_fields = TSV_MAX_FIELDS;
    int line = 0;
    for (char *s = buf, *end = buf + len; s < end;) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        char *eol = nl ? nl : end;
        char *next = nl ? nl + 1 : end;
        line++;
        if (memchr(s, '\0', (size_t)(eol - s))) {
            diag_error(d, path, line, "line contains a NUL byte");
            s = next;
            continue;
        }
        if (eol > s && eol[-1] == '\r')
            eol--;
        *eol = '\0';
        if (line == 1) {
            if (strcmp(s, header) == 0) {
                s = next;
                continue;
            }
            if (strncmp(s, header, prefix_len) == 0) {
                diag_error(d, path, line, "unsupported %s version '%.20s' (this program reads %s)", what,
                           s + prefix_len, version);
                break;
            }
            diag_error(d, path, line, "missing header '%s'", header);
            s = next;
            continue;
        }
        if (strspn(s, " \t") == strlen(s)) {
            s = next;
            continue;
        }
        char *f[TSV_MAX_FIELDS];
        int nf = 0;
        for (char *c = s;; nf++) {
            char *tab = strchr(c, '\t');
            if (nf < n_fields)
                f[nf] = c;
            if (!tab) {
                nf++;
                break;
            }
            *tab = '\0';
            c = tab + 1;
        }
        if (nf != n_fields)
            diag_error(d, path, line, "expected %d tab-separated fields, found %d", n_fields, nf);
        else
            row(user, f, path, line, d);
        s = next;
    }
}

bool text_contains_ci(const char *hay, const char *needle)
{
    if (!hay)
        return false;
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return true;
    return n == 0;
}
