#include "xmlcheck.h"

#include <expat.h>
#include <limits.h>
#include <string.h>

typedef struct {
    XML_Parser p;
    int doctype_line; /* > 0: stopped at a DOCTYPE */
    bool root_seen;
    char root[64]; /* the root element's name, if not svg */
    int root_line;
} Check;

static void stop_at_doctype(void *user, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                            int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    Check *c = user;
    c->doctype_line = (int)XML_GetCurrentLineNumber(c->p);
    XML_StopParser(c->p, XML_FALSE);
}

/* Never reached without a DOCTYPE, but expat must expand nothing even so. */
static void stop_at_entity(void *user, const XML_Char *name, int is_parameter, const XML_Char *value,
                           int value_length, const XML_Char *base, const XML_Char *sysid,
                           const XML_Char *pubid, const XML_Char *notation)
{
    (void)name, (void)is_parameter, (void)value, (void)value_length, (void)base, (void)sysid, (void)pubid,
        (void)notation;
    Check *c = user;
    if (!c->doctype_line)
        c->doctype_line = (int)XML_GetCurrentLineNumber(c->p);
    XML_StopParser(c->p, XML_FALSE);
}

static void on_start(void *user, const XML_Char *name, const XML_Char **attrs)
{
    (void)attrs;
    Check *c = user;
    if (c->root_seen)
        return;
    c->root_seen = true;
    /* "svg", or "svg:svg" and the like with a namespace prefix. */
    const char *local = strrchr(name, ':');
    local = local ? local + 1 : name;
    if (strcmp(local, "svg") != 0) {
        size_t n = strlen(name);
        if (n >= sizeof c->root)
            n = sizeof c->root - 1;
        memcpy(c->root, name, n);
        c->root[n] = '\0';
        c->root_line = (int)XML_GetCurrentLineNumber(c->p);
        XML_StopParser(c->p, XML_FALSE);
    }
}

bool xmlcheck_chart(const char *path, const char *buf, size_t len, Diag *d)
{
    if (!path)
        path = "";
    if (len > INT_MAX) {
        diag_error(d, path, 0, "not well-formed XML: too large");
        return false;
    }
    Check c = {0};
    c.p = XML_ParserCreate(NULL);
    if (!c.p) {
        diag_error(d, path, 0, "cannot check the XML: out of memory");
        return false;
    }
    XML_SetUserData(c.p, &c);
    XML_SetStartDoctypeDeclHandler(c.p, stop_at_doctype);
    XML_SetEntityDeclHandler(c.p, stop_at_entity);
    XML_SetStartElementHandler(c.p, on_start);
    enum XML_Status st = XML_Parse(c.p, buf ? buf : "", (int)len, XML_TRUE);
    bool ok = false;
    if (c.doctype_line) {
        diag_error(d, path, c.doctype_line,
                   "the chart has a DOCTYPE: charts need none, and its entities could make it expand without "
                   "end; remove it");
    } else if (c.root[0]) {
        diag_error(d, path, c.root_line, "the root element is <%s>, not <svg>", c.root);
    } else if (st != XML_STATUS_OK) {
        int line = (int)XML_GetCurrentLineNumber(c.p);
        diag_error(d, path, line, "not well-formed XML: %s", XML_ErrorString(XML_GetErrorCode(c.p)));
    } else {
        ok = true;
    }
    XML_ParserFree(c.p);
    return ok;
}
