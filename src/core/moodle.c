/* moodle: the question bank as Moodle XML (see moodle.h). */
#include "moodle.h"

#include <math.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void moodle_image_size(const View *v, int *w, int *h, double *scale)
{
    double sw = MOODLE_IMAGE_MAX_W / v->viewbox.w, sh = MOODLE_IMAGE_MAX_H / v->viewbox.h;
    double s = sw < sh ? sw : sh;
    *scale = s;
    *w = (int)lround(v->viewbox.w * s);
    *h = (int)lround(v->viewbox.h * s);
}

/* Text in an XML element or attribute. */
static void xml_text(FILE *o, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '"': fputs("&quot;", o); break;
        default: fputc(*s, o);
        }
    }
}

/* Plain text as an HTML paragraph inside CDATA (Moodle's "html" format):
 * the HTML is escaped, and a "]]>" in it (impossible after escaping '>')
 * cannot end the section early. */
static void html_para(FILE *o, const char *s)
{
    fputs("<text><![CDATA[<p>", o);
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        default: fputc(*s, o);
        }
    }
    fputs("</p>]]></text>", o);
}

static void name(FILE *o, const char *s)
{
    fputs("    <name><text>", o);
    xml_text(o, s);
    fputs("</text></name>\n", o);
}

static void html_field(FILE *o, const char *tag, const char *s)
{
    fprintf(o, "    <%s format=\"html\">", tag);
    html_para(o, s);
    fprintf(o, "</%s>\n", tag);
}

/* Moodle accepts answer fractions from a fixed list (100/n for n = 1..10,
 * and their negatives): these are written as Moodle writes them. */
static void fraction(FILE *o, double f)
{
    double a = fabs(f);
    char buf[32];
    if (fabs(a - round(a)) < 1e-9)
        snprintf(buf, sizeof buf, "%.0f", a);
    else if (fabs(a * 2 - round(a * 2)) < 1e-9)
        snprintf(buf, sizeof buf, "%.1f", a);
    else
        snprintf(buf, sizeof buf, "%.5f", a);
    fprintf(o, "%s%s", f < 0 ? "-" : "", buf);
}

static void category(FILE *o, const Course *c, const Module *m)
{
    fputs("  <question type=\"category\">\n    <category><text>$course$/top/", o);
    xml_text(o, c->title);
    fputc('/', o);
    xml_text(o, m->name);
    fputs("</text></category>\n  </question>\n", o);
}

static void multichoice(FILE *o, const Module *m, const Question *q)
{
    bool single = q->type == QUESTION_CHOICE;
    char title[512];
    snprintf(title, sizeof title, "%s: %s", m->name, q->id);
    fputs("  <question type=\"multichoice\">\n", o);
    name(o, title);
    html_field(o, "questiontext", q->prompt);
    html_field(o, "generalfeedback", q->explain && q->explain[0] ? q->explain : "");
    fputs("    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n", o);
    fprintf(o, "    <single>%s</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n",
            single ? "true" : "false");
    for (int i = 0; i < q->n_correct; i++) {
        fputs("    <answer fraction=\"", o);
        fraction(o, 100.0 / q->n_correct);
        fputs("\" format=\"html\">", o);
        html_para(o, q->correct[i]);
        fputs("<feedback format=\"html\"><text></text></feedback></answer>\n", o);
    }
    for (int i = 0; i < q->n_wrong; i++) {
        fputs("    <answer fraction=\"", o);
        fraction(o, single ? 0 : -100.0 / q->n_wrong);
        fputs("\" format=\"html\">", o);
        html_para(o, q->wrong[i]);
        fputs("<feedback format=\"html\"><text></text></feedback></answer>\n", o);
    }
    fputs("  </question>\n", o);
}

/* The common head of a ddmarker question, with its image. */
static int ddmarker_head(FILE *o, const char *title, const char *text, const char *feedback, const unsigned char *png,
                         size_t len, const char *file)
{
    fputs("  <question type=\"ddmarker\">\n", o);
    name(o, title);
    html_field(o, "questiontext", text);
    html_field(o, "generalfeedback", feedback);
    fputs("    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n"
          "    <showmisplaced/>\n",
          o);
    html_field(o, "correctfeedback", "Your answer is correct.");
    html_field(o, "partiallycorrectfeedback", "Your answer is partially correct.");
    html_field(o, "incorrectfeedback", "Your answer is incorrect.");
    fputs("    <shownumcorrect/>\n    <file name=\"", o);
    xml_text(o, file);
    fputs("\" encoding=\"base64\">", o);
    size_t b64_len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = malloc(b64_len);
    if (!b64)
        return -1;
    sodium_bin2base64(b64, b64_len, png, len, sodium_base64_VARIANT_ORIGINAL);
    fputs(b64, o);
    free(b64);
    fputs("</file>\n", o);
    return 0;
}

static void drag(FILE *o, int no, const char *text, int count)
{
    fprintf(o, "    <drag><no>%d</no><text>", no);
    xml_text(o, text);
    fprintf(o, "</text><noofdrags>%d</noofdrags></drag>\n", count);
}

static long px(double v)
{
    return lround(v);
}

typedef struct {
    FILE *o;
    const Library *lib;
    const Course *c;
    const Module *m;
    MoodleRender render;
    void *ctx;
    MoodleCounts *counts;
    Diag *d;
} Out;

/* The chart of view v for the module, rendered (*scale: image units to
 * its pixels); NULL (reason in d) if it cannot be. */
static unsigned char *image(const Out *x, const View *v, size_t *len, double *scale)
{
    int w, h;
    double s;
    moodle_image_size(v, &w, &h, &s);
    *scale = s;
    unsigned char *png = NULL;
    if (x->render(x->ctx, v->path, module_overlay(x->m, v->name), w, h, &png, len, x->d) != 0)
        return NULL;
    if (x->counts)
        x->counts->images++;
    return png;
}

/* The start of a drag-markers question on view v: its chart rendered
 * (*scale: image units to its pixels) and embedded, with the title, text
 * and general feedback given; *rc gets ddmarker_head's status. False, with
 * nothing written, if the chart cannot be rendered (reason in x->d). */
static bool question_head(const Out *x, const View *v, const char *title, const char *text, const char *feedback,
                          double *scale, int *rc)
{
    size_t len;
    unsigned char *png = image(x, v, &len, scale);
    if (!png)
        return false;
    char file[256];
    snprintf(file, sizeof file, "%s-%s.png", x->m->id, v->name);
    *rc = ddmarker_head(x->o, title, text, feedback, png, len, file);
    free(png);
    return true;
}

static int tp_question(const Out *x, const View *v)
{
    int n = 0;
    for (int i = 0; i < x->m->n_tps; i++)
        n += !strcmp(x->m->tps[i].view, v->name);
    if (n == 0)
        return 0;
    char title[512], text[1024], feedback[4096];
    snprintf(title, sizeof title, "%s: trigger points (%s view)", x->m->name, v->name);
    snprintf(text, sizeof text, "Drag each marker onto its trigger point of %s.", x->m->name);
    size_t k = 0;
    feedback[0] = 0;
    for (int i = 0; i < x->m->n_tps && k < sizeof feedback; i++)
        if (!strcmp(x->m->tps[i].view, v->name))
            k += (size_t)snprintf(feedback + k, sizeof feedback - k, "%s%s: %s.", k ? " " : "", x->m->tps[i].label,
                                  x->m->tps[i].location);
    double s;
    int rc;
    if (!question_head(x, v, title, text, feedback, &s, &rc))
        return -1;
    int no = 0;
    for (int i = 0; i < x->m->n_tps; i++)
        if (!strcmp(x->m->tps[i].view, v->name))
            drag(x->o, ++no, x->m->tps[i].label, 1);
    no = 0;
    for (int i = 0; i < x->m->n_tps; i++) {
        const TriggerPoint *t = &x->m->tps[i];
        if (strcmp(t->view, v->name))
            continue;
        no++;
        long r = px(t->radius * s);
        fprintf(x->o, "    <drop><no>%d</no><shape>circle</shape><coords>%ld,%ld;%ld</coords><choice>%d</choice></drop>\n",
                no, px((t->at.x - v->viewbox.x) * s), px((t->at.y - v->viewbox.y) * s), r < 1 ? 1 : r, no);
    }
    fputs("  </question>\n", x->o);
    if (x->counts)
        x->counts->ddmarker++;
    return rc;
}

static int zone_question(const Out *x, const View *v, int tp)
{
    const TriggerPoint *t = &x->m->tps[tp];
    int n = 0;
    for (int i = 0; i < x->m->n_zones; i++)
        n += x->m->zones[i].tp == tp && x->m->zones[i].kind == ZONE_ESSENTIAL && !strcmp(x->m->zones[i].view, v->name);
    if (n == 0)
        return 0;
    char title[512], text[1024], feedback[1024];
    snprintf(title, sizeof title, "%s: referral of %s (%s view)", x->m->name, t->label, v->name);
    if (n == 1)
        snprintf(text, sizeof text, "Where does the %s trigger point of %s (%s) send its pain? Drop the marker in its "
                 "essential referral zone.", t->label, x->m->name, t->location);
    else
        snprintf(text, sizeof text, "Where does the %s trigger point of %s (%s) send its pain? Its essential referral "
                 "zone has %d parts on this chart: drop a marker in each.", t->label, x->m->name, t->location, n);
    snprintf(feedback, sizeof feedback, "The essential zone is where nearly every patient with this point feels the "
             "pain; spillover zones are felt by some.");
    double s;
    int rc;
    if (!question_head(x, v, title, text, feedback, &s, &rc))
        return -1;
    drag(x->o, 1, "Pain", n);
    int no = 0;
    for (int i = 0; i < x->m->n_zones; i++) {
        const Zone *z = &x->m->zones[i];
        if (z->tp != tp || z->kind != ZONE_ESSENTIAL || strcmp(z->view, v->name))
            continue;
        fprintf(x->o, "    <drop><no>%d</no><shape>polygon</shape><coords>", ++no);
        for (int p = 0; p < z->poly.n; p++)
            fprintf(x->o, "%s%ld,%ld", p ? ";" : "", px((z->poly.pts[p].x - v->viewbox.x) * s),
                    px((z->poly.pts[p].y - v->viewbox.y) * s));
        fputs("</coords><choice>1</choice></drop>\n", x->o);
    }
    fputs("  </question>\n", x->o);
    if (x->counts)
        x->counts->ddmarker++;
    return rc;
}

/* The views a module uses, in order of first use (trigger points, then zones). */
static int module_views(const Module *m, const char **names, int cap)
{
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        int count = pass ? m->n_zones : m->n_tps;
        for (int i = 0; i < count; i++) {
            const char *v = pass ? m->zones[i].view : m->tps[i].view;
            bool seen = false;
            for (int k = 0; k < n && !seen; k++)
                seen = !strcmp(names[k], v);
            if (!seen && n < cap)
                names[n++] = v;
        }
    }
    return n;
}

int moodle_write(FILE *out, const Library *lib, const Course *c, const char *module_id, MoodleRender render,
                 void *ctx, MoodleCounts *counts, Diag *d)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n", out);
    int rc = 0;
    for (int k = 0; rc == 0 && k < c->n_modules; k++) {
        const Module *m = c->modules[k];
        if (!m || (module_id && strcmp(m->id, module_id)))
            continue;
        category(out, c, m);
        if (counts)
            counts->categories++;
        Out x = {out, lib, c, m, render, ctx, counts, d};
        const char *views[64];
        int nv = module_views(m, views, 64);
        for (int i = 0; rc == 0 && i < nv; i++) {
            const View *v = library_find_view(lib, views[i]);
            if (!v || !v->ok)
                continue;
            rc = tp_question(&x, v);
            for (int t = 0; rc == 0 && t < m->n_tps; t++)
                rc = zone_question(&x, v, t);
        }
        for (int q = 0; rc == 0 && q < m->n_questions; q++) {
            if (m->questions[q].type == QUESTION_CHART)
                continue; /* a lesson's chart question: its muscle's chart items are exported with the muscle */
            multichoice(out, m, &m->questions[q]);
            if (counts)
                counts->multichoice++;
        }
    }
    fputs("</quiz>\n", out);
    if (rc == 0 && (fflush(out) != 0 || ferror(out))) {
        diag_error(d, "", 0, "cannot write the Moodle XML");
        rc = -1;
    }
    return rc;
}
