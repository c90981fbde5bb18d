/* svgview: a small scanner over SVG text, not an XML parser.
 *
 * It skips the prolog (XML declaration, comments, DOCTYPE), reads the
 * attributes of the first element, which must be <svg>, and then walks the
 * remaining markup only far enough to find element names, and the id and d
 * of <path> elements (for the body outline, <path id="tpquiz-body">). Every read is
 * bounded by the buffer length (the buffer need not be NUL-terminated), so
 * any byte sequence is safe to feed it. */
#include "svgview.h"

#include "datafile.h"
#include "xmlcheck.h"

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

/* The value ranges of the id and d attributes of a start tag whose name
 * ends at pos. Stops quietly at anything malformed (the renderer would not
 * draw such an element either). */
static void read_id_and_d(const Scan *sc, size_t pos, const char **id, size_t *id_len, const char **dv,
                          size_t *d_len)
{
    *id = *dv = NULL;
    *id_len = *d_len = 0;
    for (;;) {
        while (pos < sc->len && is_ws(sc->s[pos]))
            pos++;
        if (pos >= sc->len || sc->s[pos] == '>' || sc->s[pos] == '/')
            return;
        size_t a0 = pos, a1 = name_end(sc, pos);
        if (a1 == a0)
            return;
        pos = a1;
        while (pos < sc->len && is_ws(sc->s[pos]))
            pos++;
        if (pos >= sc->len || sc->s[pos] != '=')
            return;
        pos++;
        while (pos < sc->len && is_ws(sc->s[pos]))
            pos++;
        if (pos >= sc->len || (sc->s[pos] != '"' && sc->s[pos] != '\''))
            return;
        char quote = sc->s[pos++];
        size_t v0 = pos;
        while (pos < sc->len && sc->s[pos] != quote)
            pos++;
        if (pos >= sc->len)
            return;
        if (a1 - a0 == 2 && memcmp(sc->s + a0, "id", 2) == 0) {
            *id = sc->s + v0;
            *id_len = pos - v0;
        } else if (a1 - a0 == 1 && sc->s[a0] == 'd') {
            *dv = sc->s + v0;
            *d_len = pos - v0;
        }
        pos++;
    }
}

/* A number at s[*i] in path data: [+-]digits[.digits] or [+-].digits, an
 * optional exponent; finite. Advances *i past it. */
static bool scan_number(const char *s, size_t n, size_t *i, double *out)
{
    size_t j = *i;
    if (j < n && (s[j] == '+' || s[j] == '-'))
        j++;
    int digits = 0;
    while (j < n && s[j] >= '0' && s[j] <= '9')
        j++, digits++;
    if (j < n && s[j] == '.') {
        j++;
        while (j < n && s[j] >= '0' && s[j] <= '9')
            j++, digits++;
    }
    if (!digits)
        return false;
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        if (k < n && (s[k] == '+' || s[k] == '-'))
            k++;
        if (k < n && s[k] >= '0' && s[k] <= '9') {
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            j = k;
        }
    }
    char tok[64];
    if (j - *i >= sizeof tok)
        return false;
    memcpy(tok, s + *i, j - *i);
    tok[j - *i] = '\0';
    char *end;
    double v = strtod(tok, &end);
    if (*end || !(v > -1e9 && v < 1e9))
        return false;
    *out = v;
    *i = j;
    return true;
}

static void free_polygons(Polygon *polys, int n)
{
    for (int i = 0; polys && i < n; i++)
        free(polys[i].pts);
    free(polys);
}

/* Ends the subpath being built: it becomes a polygon (a copy of pts). */
static bool end_subpath(Polygon **polys, int *n, int *cap, const Vec2 *pts, int n_pts, char *err, size_t size)
{
    if (n_pts < 3) {
        snprintf(err, size, "subpath %d has %d point%s; a closed outline needs at least 3", *n + 1, n_pts,
                 n_pts == 1 ? "" : "s");
        return false;
    }
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 4;
        Polygon *np = realloc(*polys, (size_t)nc * sizeof *np);
        if (!np) {
            snprintf(err, size, "out of memory");
            return false;
        }
        *polys = np;
        *cap = nc;
    }
    Vec2 *copy = malloc((size_t)n_pts * sizeof *copy);
    if (!copy) {
        snprintf(err, size, "out of memory");
        return false;
    }
    memcpy(copy, pts, (size_t)n_pts * sizeof *copy);
    (*polys)[(*n)++] = (Polygon){copy, n_pts};
    return true;
}

/* Parses outline path data (absolute M, L, Z; x,y pairs; an M's further
 * pairs are line-tos; a subpath is closed by Z or by its end). On failure
 * returns false with a reason in err. */
static bool parse_outline(const char *s, size_t n, Polygon **out, int *n_out, char *err, size_t size)
{
    Polygon *polys = NULL;
    int n_polys = 0, cap_polys = 0;
    Vec2 *pts = NULL;
    int n_pts = 0, cap_pts = 0, total = 0;
    char cmd = 0;      /* the command the next pair belongs to: 'M', 'L' or 0 (none) */
    bool need = false; /* a pair must come before the next command */
    bool ok = true;
    size_t i = 0;
    for (;;) {
        while (i < n && (is_ws(s[i]) || s[i] == ','))
            i++;
        if (i >= n)
            break;
        char c = s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            if (need) {
                snprintf(err, size, "%c needs an x,y pair", cmd);
                ok = false;
                break;
            }
            if (c == 'M') {
                if (n_pts > 0 && !(ok = end_subpath(&polys, &n_polys, &cap_polys, pts, n_pts, err, size)))
                    break;
                n_pts = 0;
                cmd = 'M';
                need = true;
            } else if (c == 'L') {
                if (n_pts == 0) {
                    snprintf(err, size, "L before the first M of a subpath");
                    ok = false;
                    break;
                }
                cmd = 'L';
                need = true;
            } else if (c == 'Z') {
                if (n_pts == 0) {
                    snprintf(err, size, "Z without a subpath to close");
                    ok = false;
                    break;
                }
                if (!(ok = end_subpath(&polys, &n_polys, &cap_polys, pts, n_pts, err, size)))
                    break;
                n_pts = 0;
                cmd = 0;
            } else {
                snprintf(err, size, "command '%c' is not allowed: use absolute M, L and Z with x,y pairs", c);
                ok = false;
                break;
            }
            i++;
            continue;
        }
        if (!cmd) {
            snprintf(err, size, "coordinates %s: start every subpath with M",
                     n_polys ? "after Z" : "before the first M");
            ok = false;
            break;
        }
        Vec2 p;
        size_t at = i;
        bool got = scan_number(s, n, &i, &p.x);
        if (got) {
            while (i < n && (is_ws(s[i]) || s[i] == ','))
                i++;
            got = scan_number(s, n, &i, &p.y);
        }
        if (!got) {
            size_t len = n - at < 16 ? n - at : 16; /* the pair and a little after it */
            char shown[32];
            quote_for_message(s + at, len, shown, sizeof shown);
            snprintf(err, size, "expected an x,y pair of numbers, found '%s'", shown);
            ok = false;
            break;
        }
        if (total >= SVGVIEW_OUTLINE_MAX_POINTS) {
            snprintf(err, size, "more than %d points", SVGVIEW_OUTLINE_MAX_POINTS);
            ok = false;
            break;
        }
        if (n_pts == cap_pts) {
            int nc = cap_pts ? cap_pts * 2 : 64;
            Vec2 *np = realloc(pts, (size_t)nc * sizeof *np);
            if (!np) {
                snprintf(err, size, "out of memory");
                ok = false;
                break;
            }
            pts = np;
            cap_pts = nc;
        }
        pts[n_pts++] = p;
        total++;
        need = false;
        if (cmd == 'M')
            cmd = 'L';
    }
    if (ok && need) {
        snprintf(err, size, "%c needs an x,y pair", cmd);
        ok = false;
    }
    if (ok && n_pts > 0)
        ok = end_subpath(&polys, &n_polys, &cap_polys, pts, n_pts, err, size);
    if (ok && n_polys == 0) {
        snprintf(err, size, "no subpaths");
        ok = false;
    }
    free(pts);
    if (!ok) {
        free_polygons(polys, n_polys);
        return false;
    }
    *out = polys;
    *n_out = n_polys;
    return true;
}

/* An element whose name ends at name_to: if it is the body outline, reads
 * it into out. */
static void read_outline(Scan *sc, const char *path, size_t elem, size_t name_to, SvgInfo *out, Diag *d)
{
    const char *id, *dv;
    size_t id_len, d_len;
    read_id_and_d(sc, name_to, &id, &id_len, &dv, &d_len);
    size_t want = strlen(SVGVIEW_OUTLINE_ID);
    if (!id || id_len != want || memcmp(id, SVGVIEW_OUTLINE_ID, want) != 0)
        return;
    int line = line_at(sc, elem);
    if (out->outline_line) {
        diag_warning(d, path, line,
                     "a second body outline (id=\"" SVGVIEW_OUTLINE_ID "\"): only the one on line %d is used",
                     out->outline_line);
        return;
    }
    out->outline_line = line;
    if (!dv) {
        diag_error(d, path, line, "the body outline (id=\"" SVGVIEW_OUTLINE_ID "\") has no d attribute");
        return;
    }
    char err[160];
    if (!parse_outline(dv, d_len, &out->outline, &out->n_outline, err, sizeof err)) {
        out->outline = NULL;
        out->n_outline = 0;
        diag_error(d, path, line, "bad body outline (id=\"" SVGVIEW_OUTLINE_ID "\"): %s", err);
        return;
    }
    /* Bands for the on-body check; without them (out of memory) it tests
     * every edge. */
    out->outline_bands = calloc((size_t)out->n_outline, sizeof *out->outline_bands);
    for (int i = 0; out->outline_bands && i < out->n_outline; i++)
        if (!geom_bands_build(&out->outline_bands[i], out->outline[i].pts, out->outline[i].n)) {
            for (int k = 0; k < i; k++)
                geom_bands_free(&out->outline_bands[k]);
            free(out->outline_bands);
            out->outline_bands = NULL;
        }
}

static void scan_elements(Scan *sc, const char *path, size_t pos, SvgInfo *out, Diag *d)
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
        } else if (local_name_is(sc, from, to, "path")) {
            read_outline(sc, path, pos, to, out, d);
        }
        pos = to > from ? skip_tag(sc, to) : pos + 1;
    }
}

int svgview_inspect_buffer(const char *path, const char *buf, size_t len, SvgInfo *out, Diag *d)
{
    SvgInfo info = {{0, 0, 0, 0}, 0, 0, 0, NULL, 0, NULL, 0};
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

    scan_elements(&sc, path, pos, &info, d);
    if (out)
        *out = info;
    else
        svgview_info_free(&info);
    return 0;
}

int svgview_inspect(const char *path, SvgInfo *out, Diag *d)
{
    if (out)
        *out = (SvgInfo){{0, 0, 0, 0}, 0, 0, 0, NULL, 0, NULL, 0};
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_CHART, &len, d);
    if (!buf)
        return -1;
    /* Well-formed XML first (expat): the scanner and nanosvg would take
     * whatever tags they find in a broken file. */
    if (!xmlcheck_chart(path, buf, len, d)) {
        free(buf);
        return -1;
    }
    int rc = svgview_inspect_buffer(path, buf, len, out, d);
    free(buf);
    return rc;
}

void svgview_info_free(SvgInfo *info)
{
    if (!info)
        return;
    for (int i = 0; info->outline_bands && i < info->n_outline; i++)
        geom_bands_free(&info->outline_bands[i]);
    free(info->outline_bands);
    info->outline_bands = NULL;
    free_polygons(info->outline, info->n_outline);
    info->outline = NULL;
    info->n_outline = 0;
}

bool svgview_on_outline(const SvgInfo *info, Vec2 p, double tolerance)
{
    for (int i = 0; info && info->outline && i < info->n_outline; i++) {
        const Polygon *o = &info->outline[i];
        if (o->n < 3)
            continue;
        if (info->outline_bands ? geom_point_near_bands(p, &info->outline_bands[i], tolerance)
                                : geom_point_near_polygon(p, o->pts, o->n, tolerance))
            return true;
    }
    return false;
}
