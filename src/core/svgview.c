/* svgview: a small scanner over SVG text, not an XML parser.
 *
 * It skips the prolog (XML declaration, comments, DOCTYPE), reads the
 * attributes of the first element, which must be <svg>, and then walks the
 * remaining markup only far enough to find element names. Every read is
 * bounded by the buffer length (the buffer need not be NUL-terminated), so
 * any byte sequence is safe to feed it. */
#include "svgview.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inifile.h"

typedef struct {
    const char *s;
    size_t len, pos;
    size_t line_pos; /* lines have been counted up to here */
    int line;        /* line at line_pos */
} Scan;

static int line_at(Scan *sc, size_t pos)
{
    if (pos < sc->line_pos) { /* never needed in practice: recount */
        sc->line_pos = 0;
        sc->line = 1;
    }
    for (; sc->line_pos < pos && sc->line_pos < sc->len; sc->line_pos++)
        if (sc->s[sc->line_pos] == '\n')
            sc->line++;
    return sc->line;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_name_char(char c)
{
    unsigned char u = (unsigned char)c;
    return !(is_ws(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'' || u == 0);
}

static bool starts_with(const Scan *sc, size_t pos, const char *lit)
{
    size_t n = strlen(lit);
    return pos <= sc->len && sc->len - pos >= n && memcmp(sc->s + pos, lit, n) == 0;
}

/* Position just after the first occurrence of lit at or after pos; len if
 * none. */
static size_t skip_past(const Scan *sc, size_t pos, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = pos; i + n <= sc->len; i++)
        if (memcmp(sc->s + i, lit, n) == 0)
            return i + n;
    return sc->len;
}

/* Skips a <!DOCTYPE ...> or other <!...> declaration, including an internal
 * subset in [...] and quoted strings. pos is at the '<'. */
static size_t skip_declaration(const Scan *sc, size_t pos)
{
    int depth = 0;
    char quote = 0;
    for (size_t i = pos + 2; i < sc->len; i++) {
        char c = sc->s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            depth++;
        } else if (c == ']') {
            depth--;
        } else if (c == '>' && depth <= 0) {
            return i + 1;
        }
    }
    return sc->len;
}

/* Skips comments, processing instructions, CDATA and declarations at pos
 * (which is at a '<'). Returns the new position, or pos if there is an
 * element or end tag there. */
static size_t skip_markup(const Scan *sc, size_t pos)
{
    if (starts_with(sc, pos, "<!--"))
        return skip_past(sc, pos + 4, "-->");
    if (starts_with(sc, pos, "<![CDATA["))
        return skip_past(sc, pos + 9, "]]>");
    if (starts_with(sc, pos, "<?"))
        return skip_past(sc, pos + 2, "?>");
    if (starts_with(sc, pos, "<!"))
        return skip_declaration(sc, pos);
    return pos;
}

/* The end of the name that starts at pos (an element name just after '<',
 * or an attribute name). */
static size_t name_end(const Scan *sc, size_t pos)
{
    while (pos < sc->len && is_name_char(sc->s[pos]))
        pos++;
    return pos;
}

/* The name s[from, to), without any namespace prefix ("svg:"), is want. */
static bool local_name_is(const Scan *sc, size_t from, size_t to, const char *want)
{
    for (size_t i = to; i > from; i--)
        if (sc->s[i - 1] == ':') {
            from = i;
            break;
        }
    size_t n = strlen(want);
    return to - from == n && memcmp(sc->s + from, want, n) == 0;
}

/* Skips the rest of a start or end tag (attributes, quoted values); returns
 * the position after its '>'. */
static size_t skip_tag(const Scan *sc, size_t pos)
{
    char quote = 0;
    for (size_t i = pos; i < sc->len; i++) {
        char c = sc->s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return sc->len;
}

/* Parses "a b c d" (white space and/or one comma between numbers) into v.
 * Returns how many numbers were read (up to 5, so that too many is seen),
 * or -1 on anything that is not a number. */
static int parse_numbers(const char *s, size_t n, double v[5])
{
    char tok[64];
    int count = 0;
    size_t i = 0;
    bool need_sep = false;
    for (;;) {
        bool comma = false;
        while (i < n && (is_ws(s[i]) || (s[i] == ',' && !comma))) {
            if (s[i] == ',') {
                if (!need_sep)
                    return -1; /* leading or doubled comma */
                comma = true;
            }
            i++;
        }
        if (i >= n)
            return comma ? -1 : count;
        size_t start = i;
        while (i < n && !is_ws(s[i]) && s[i] != ',')
            i++;
        if (i - start >= sizeof tok || count == 5)
            return -1;
        memcpy(tok, s + start, i - start);
        tok[i - start] = '\0';
        if (!inifile_parse_double(tok, &v[count]))
            return -1;
        count++;
        need_sep = true;
    }
}

/* Copies s[0, n) into out for a message: control bytes become spaces, and
 * text that does not fit ends in "...". size must be at least 4. */
static void quote_for_message(const char *s, size_t n, char *out, size_t size)
{
    size_t room = size - 4, k = 0;
    for (; k < n && k < room; k++)
        out[k] = (unsigned char)s[k] < 0x20 ? ' ' : s[k];
    if (k < n) {
        memcpy(out + k, "...", 3);
        k += 3;
    }
    out[k] = '\0';
}

static void report_ignored_elements(Scan *sc, const char *path, size_t pos, SvgInfo *out, Diag *d)
{
    while (pos < sc->len) {
        const char *lt = memchr(sc->s + pos, '<', sc->len - pos);
        if (!lt)
            return;
        pos = (size_t)(lt - sc->s);
        size_t next = skip_markup(sc, pos);
        if (next != pos) {
            pos = next;
            continue;
        }
        size_t from = pos + 1, to = name_end(sc, from);
        if (local_name_is(sc, from, to, "text")) {
            int line = line_at(sc, pos);
            if (!out->text_line)
                out->text_line = line;
            diag_error(d, path, line,
                       "<text> is not drawn by the chart renderer (nanosvg): leave labels to "
                       "the program");
        } else if (local_name_is(sc, from, to, "use")) {
            int line = line_at(sc, pos);
            if (!out->use_line)
                out->use_line = line;
            diag_error(d, path, line,
                       "<use> is not drawn by the chart renderer (nanosvg): copy the shape in "
                       "instead");
        }
        pos = to > from ? skip_tag(sc, to) : pos + 1;
    }
}

int svgview_inspect_buffer(const char *path, const char *buf, size_t len, SvgInfo *out, Diag *d)
{
    SvgInfo info = {{0, 0, 0, 0}, 0, 0, 0};
    if (out)
        *out = info;
    if (!path)
        path = "";
    Scan sc = {.s = buf ? buf : "", .len = buf ? len : 0, .line = 1};
    size_t pos = 0;
    if (starts_with(&sc, 0, "\xEF\xBB\xBF"))
        pos = 3;

    /* The prolog, up to the root element. */
    for (;;) {
        while (pos < sc.len && sc.s[pos] != '<')
            pos++;
        if (pos >= sc.len) {
            diag_error(d, path, 0, "not an SVG file: no <svg> element");
            return -1;
        }
        size_t next = skip_markup(&sc, pos);
        if (next == pos)
            break;
        pos = next;
    }
    size_t root = pos, from = pos + 1, to = name_end(&sc, from);
    int root_line = line_at(&sc, root);
    if (!local_name_is(&sc, from, to, "svg")) {
        char name[40];
        quote_for_message(sc.s + from, to - from, name, sizeof name);
        diag_error(d, path, root_line, "not an SVG file: the first element is <%s>, not <svg>", name);
        return -1;
    }

    /* The root's attributes. */
    const char *vb = NULL;
    size_t vb_len = 0;
    int vb_line = 0;
    pos = to;
    for (;;) {
        while (pos < sc.len && is_ws(sc.s[pos]))
            pos++;
        if (pos >= sc.len) {
            diag_error(d, path, root_line, "the <svg> start tag is not closed");
            return -1;
        }
        if (sc.s[pos] == '>' || starts_with(&sc, pos, "/>"))
            break;
        size_t a0 = pos, a1 = name_end(&sc, pos);
        pos = a1;
        while (pos < sc.len && is_ws(sc.s[pos]))
            pos++;
        if (a1 == a0 || pos >= sc.len || sc.s[pos] != '=') {
            diag_error(d, path, line_at(&sc, a0), "malformed attribute in the <svg> start tag");
            return -1;
        }
        pos++;
        while (pos < sc.len && is_ws(sc.s[pos]))
            pos++;
        if (pos >= sc.len || (sc.s[pos] != '"' && sc.s[pos] != '\'')) {
            diag_error(d, path, line_at(&sc, a0),
                       "malformed attribute in the <svg> start tag: value not quoted");
            return -1;
        }
        char quote = sc.s[pos++];
        size_t v0 = pos;
        while (pos < sc.len && sc.s[pos] != quote)
            pos++;
        if (pos >= sc.len) {
            diag_error(d, path, line_at(&sc, a0), "the <svg> start tag is not closed");
            return -1;
        }
        if (a1 - a0 == 7 && memcmp(sc.s + a0, "viewBox", 7) == 0) {
            vb = sc.s + v0;
            vb_len = pos - v0;
            vb_line = line_at(&sc, a0);
        } else if (a1 - a0 == 16 && memcmp(sc.s + a0, "data-cm-per-unit", 16) == 0) {
            double scale[5];
            if (parse_numbers(sc.s + v0, pos - v0, scale) != 1 || !(scale[0] > 0) || scale[0] > 1000) {
                char shown[80];
                quote_for_message(sc.s + v0, pos - v0, shown, sizeof shown);
                diag_error(d, path, line_at(&sc, a0),
                           "bad data-cm-per-unit \"%s\": expected one number above 0 (centimetres per unit)",
                           shown);
            } else {
                info.cm_per_unit = scale[0];
            }
        }
        pos++;
    }

    if (!vb) {
        diag_error(d, path, root_line, "the <svg> element has no viewBox");
        return -1;
    }
    double v[5];
    int n = parse_numbers(vb, vb_len, v);
    if (n != 4) {
        char shown[80];
        quote_for_message(vb, vb_len, shown, sizeof shown);
        diag_error(d, path, vb_line, "bad viewBox \"%s\": expected 4 numbers (min-x min-y width height)",
                   shown);
        return -1;
    }
    if (!(v[2] > 0) || !(v[3] > 0)) {
        diag_error(d, path, vb_line, "viewBox width and height must be above 0, not %g and %g", v[2], v[3]);
        return -1;
    }
    info.viewbox = (RectD){v[0], v[1], v[2], v[3]};

    report_ignored_elements(&sc, path, pos, &info, d);
    if (out)
        *out = info;
    return 0;
}

int svgview_inspect(const char *path, SvgInfo *out, Diag *d)
{
    if (out)
        *out = (SvgInfo){{0, 0, 0, 0}, 0, 0, 0};
    size_t len;
    char *buf = inifile_read_all(path, &len);
    if (!buf) {
        diag_error(d, path ? path : "", 0, "cannot read: %s", strerror(errno));
        return -1;
    }
    int rc = svgview_inspect_buffer(path, buf, len, out, d);
    free(buf);
    return rc;
}
