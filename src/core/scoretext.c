/* scoretext: the text of score files below the level of records: hex
 * digits, escaped values (backslash, newline, tab, carriage return), the
 * "name value" field lines the writer emits, and the checks of plain
 * tokens and yes/no values the reader applies. Numbers go through text.h
 * (locale-proof). */
#include "record.h"
#include "scorefile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

static const char HEX[] = "0123456789abcdef";

void scoretext_hex_encode(const unsigned char *in, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = HEX[in[i] >> 4];
        out[2 * i + 1] = HEX[in[i] & 15];
    }
    out[2 * n] = '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Exactly 2*n lower-case hex digits (the only form the program writes). */
bool scoretext_hex_decode(const char *s, size_t len, unsigned char *out, size_t n)
{
    if (len != 2 * n)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)(hex_value(s[2 * i]) << 4 | hex_value(s[2 * i + 1]));
    return true;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
size_t scoretext_utf8_len(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return text_utf8_decode(s, n, &cp);
}

/* Writes value escaped: backslash, newline, tab and carriage return as \\ \n
 * \t \r; other control bytes and bytes that are not valid UTF-8 as \xHH. The
 * result is one line of valid UTF-8 whatever the input. */
static void add_escaped(TextBuf *b, const char *value)
{
    const unsigned char *s = (const unsigned char *)value;
    size_t n = strlen(value);
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        char esc[5] = {'\\', 0, 0, 0, 0};
        if (c == '\\')
            esc[1] = '\\';
        else if (c == '\n')
            esc[1] = 'n';
        else if (c == '\t')
            esc[1] = 't';
        else if (c == '\r')
            esc[1] = 'r';
        if (esc[1]) {
            text_buf_add(b, esc, 2);
            i++;
            continue;
        }
        size_t len = c < 0x20 || c == 0x7F ? 0 : scoretext_utf8_len(s + i, n - i);
        if (len == 0) {
            esc[1] = 'x';
            esc[2] = HEX[c >> 4];
            esc[3] = HEX[c & 15];
            text_buf_add(b, esc, 4);
            i++;
        } else {
            text_buf_add(b, (const char *)s + i, len);
            i += len;
        }
    }
}

/* Undoes add_escaped into *buf (grown as needed; *cap its size, the
 * caller frees it). Returns *buf, or NULL (with *why) on a bad escape or
 * an escaped NUL. */
char *scoretext_unescape(const char *s, size_t n, char **buf, size_t *cap, const char **why)
{
    if (*cap < n + 1) {
        char *grown = realloc(*buf, n + 1 > 2 * *cap ? n + 1 : 2 * *cap);
        if (!grown) {
            *why = "out of memory";
            return NULL;
        }
        *cap = n + 1 > 2 * *cap ? n + 1 : 2 * *cap;
        *buf = grown;
    }
    char *out = *buf;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            /* The plain stretch up to the next escape, in one copy. */
            const char *bs = memchr(s + i, '\\', n - i);
            size_t k = bs ? (size_t)(bs - (s + i)) : n - i;
            memcpy(out + o, s + i, k);
            o += k;
            i += k - 1;
            continue;
        }
        char e = i + 1 < n ? s[i + 1] : '\0';
        i++;
        if (e == '\\')
            out[o++] = '\\';
        else if (e == 'n')
            out[o++] = '\n';
        else if (e == 't')
            out[o++] = '\t';
        else if (e == 'r')
            out[o++] = '\r';
        else if (e == 'x' && i + 2 < n && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            int v = hex_value(s[i + 1]) << 4 | hex_value(s[i + 2]);
            i += 2;
            if (v == 0) {
                *why = "an escaped NUL byte";
                return NULL;
            }
            out[o++] = (char)v;
        } else {
            *why = "a bad escape (only \\\\ \\n \\t \\r \\xHH)";
            return NULL;
        }
    }
    out[o] = '\0';
    return out;
}

void scoretext_add_field(TextBuf *b, const char *name, const char *value)
{
    text_buf_str(b, name);
    text_buf_add(b, " ", 1);
    add_escaped(b, value);
    text_buf_add(b, "\n", 1);
}

void scoretext_add_int(TextBuf *b, const char *name, int64_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, v);
    scoretext_add_field(b, name, num);
}

void scoretext_add_bool(TextBuf *b, const char *name, bool v)
{
    scoretext_add_field(b, name, v ? "yes" : "no");
}

void scoretext_add_fixed(TextBuf *b, const char *name, double v, int decimals)
{
    char num[48];
    text_format_fixed(num, sizeof num, v, decimals);
    scoretext_add_field(b, name, num);
}

/* Exactly n lower-case hex digits. */
bool scoretext_hex_string(const char *s, size_t n)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return i == n;
}

bool scoretext_parse_bool(const char *s, bool *out)
{
    if (strcmp(s, "yes") == 0)
        *out = true;
    else if (strcmp(s, "no") == 0)
        *out = false;
    else
        return false;
    return true;
}

/* A name-like value: [a-z0-9._/-]+ (ids, item keys, types, views). */
bool scoretext_plain_token(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' || *s == '-' ||
              *s == '/'))
            return false;
    return true;
}
