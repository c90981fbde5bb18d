/* The Moodle XML export of the good test course: the whole file against a
 * golden copy (tests/unit/golden/moodle_basics.xml; the picture is a fixed
 * stand-in here, the real renderer is the program's: tests/interop), then
 * read back with a real XML parser (expat): well-formed, and every drop
 * zone, taken back from the PNG's pixels to the chart's image units,
 * grades as the course grades the same spot. Set TPQUIZ_UPDATE_GOLDEN=1 to
 * rewrite the golden file after a deliberate change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course.h"
#include "geometry.h"
#include "grading.h"
#include "moodle.h"
#include "support.h"

#define GOOD TEST_DATA_DIR "/good"
#define GOLDEN SOURCE_ROOT "/tests/unit/golden/moodle_basics.xml"

static const unsigned char STAND_IN[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 't', 'p', 'q'};

static int stand_in(void *ctx, const char *chart, const char *overlay, int w, int h, unsigned char **png, size_t *len,
                    Diag *d)
{
    (void)chart, (void)overlay, (void)d;
    int *calls = ctx;
    (*calls)++;
    assert_true(w > 0 && w <= MOODLE_IMAGE_MAX_W && h > 0 && h <= MOODLE_IMAGE_MAX_H);
    *png = malloc(sizeof STAND_IN);
    memcpy(*png, STAND_IN, sizeof STAND_IN);
    *len = sizeof STAND_IN;
    return 0;
}

static int fail_render(void *ctx, const char *chart, const char *overlay, int w, int h, unsigned char **png,
                       size_t *len, Diag *d)
{
    (void)ctx, (void)overlay, (void)w, (void)h, (void)png, (void)len;
    diag_error(d, chart, 0, "cannot draw the chart: test");
    return -1;
}

/* What the parser collects: per ddmarker question its name, drags and drops. */
typedef struct {
    char name[256];
    char drag_text[16][128];
    int n_drags;
    int drop_choice[64];
    char drop_shape[64][16];
    char drop_coords[64][4096];
    int n_drops;
} Dd;

typedef struct {
    int depth, questions, ddmarker, multichoice, categories;
    char type[32];
    char path[8][32]; /* element names down to here */
    char text[8192];
    size_t text_len;
    Dd dd[32];
    int n_dd;
} Parse;

static void XMLCALL on_start(void *user, const XML_Char *el, const XML_Char **attr)
{
    Parse *p = user;
    if (p->depth < 8)
        snprintf(p->path[p->depth], sizeof p->path[0], "%s", el);
    p->depth++;
    p->text_len = 0;
    p->text[0] = 0;
    if (!strcmp(el, "question")) {
        for (int i = 0; attr[i]; i += 2)
            if (!strcmp(attr[i], "type"))
                snprintf(p->type, sizeof p->type, "%s", attr[i + 1]);
        p->questions++;
        if (!strcmp(p->type, "ddmarker")) {
            p->ddmarker++;
            memset(&p->dd[p->n_dd], 0, sizeof p->dd[0]);
        }
        p->categories += !strcmp(p->type, "category");
        p->multichoice += !strcmp(p->type, "multichoice");
    }
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len)
{
    Parse *p = user;
    if (p->text_len + (size_t)len < sizeof p->text) {
        memcpy(p->text + p->text_len, s, (size_t)len);
        p->text_len += (size_t)len;
        p->text[p->text_len] = 0;
    }
}

/* Copies the collected text into a field, cut to its size. */
static void keep(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static void XMLCALL on_end(void *user, const XML_Char *el)
{
    Parse *p = user;
    p->depth--;
    if (strcmp(p->type, "ddmarker"))
        return;
    Dd *q = &p->dd[p->n_dd];
    const char *parent = p->depth >= 1 ? p->path[p->depth - 1] : "";
    if (!strcmp(el, "text") && !strcmp(parent, "name"))
        keep(q->name, sizeof q->name, p->text);
    else if (!strcmp(el, "text") && !strcmp(parent, "drag"))
        keep(q->drag_text[q->n_drags++], sizeof q->drag_text[0], p->text);
    else if (!strcmp(el, "shape"))
        keep(q->drop_shape[q->n_drops], sizeof q->drop_shape[0], p->text);
    else if (!strcmp(el, "coords"))
        keep(q->drop_coords[q->n_drops], sizeof q->drop_coords[0], p->text);
    else if (!strcmp(el, "choice"))
        q->drop_choice[q->n_drops] = atoi(p->text);
    else if (!strcmp(el, "drop"))
        q->n_drops++;
    else if (!strcmp(el, "question"))
        p->n_dd++;
}

static char *export_basics(Library **lib, int *renders)
{
    Diag *d = diag_create();
    *lib = library_load(GOOD "/courses", GOOD "/assets", d);
    assert_int_equal(diag_error_count(d), 0);
    const Course *c = library_find_course(*lib, "basics");
    assert_non_null(c);
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    MoodleCounts counts = {0};
    assert_int_equal(moodle_write(f, *lib, c, NULL, stand_in, renders, &counts, d), 0);
    fclose(f);
    assert_int_equal(counts.categories, 2);
    assert_int_equal(counts.images, *renders);
    assert_int_equal(counts.ddmarker, counts.images);
    assert_string_equal(diag_text(d, 0), "");
    diag_free(d);
    return buf;
}

static void test_golden(void **state)
{
    (void)state;
    Library *lib;
    int renders = 0;
    char *xml = export_basics(&lib, &renders);
    if (getenv("TPQUIZ_UPDATE_GOLDEN"))
        write_text(GOLDEN, xml);
    size_t n;
    char *want = read_file(GOLDEN, &n);
    assert_string_equal(xml, want);
    free(xml);
    library_free(lib);
}

static void test_parses_and_round_trips(void **state)
{
    (void)state;
    Library *lib;
    int renders = 0;
    char *xml = export_basics(&lib, &renders);
    static Parse p;
    memset(&p, 0, sizeof p);
    XML_Parser x = XML_ParserCreate("UTF-8");
    XML_SetUserData(x, &p);
    XML_SetElementHandler(x, on_start, on_end);
    XML_SetCharacterDataHandler(x, on_text);
    if (XML_Parse(x, xml, (int)strlen(xml), 1) != XML_STATUS_OK)
        fail_msg("not well-formed XML: %s at line %lu", XML_ErrorString(XML_GetErrorCode(x)),
                 (unsigned long)XML_GetCurrentLineNumber(x));
    XML_ParserFree(x);
    assert_int_equal(p.categories, 2);
    assert_int_equal(p.ddmarker, renders);
    assert_true(p.multichoice >= 2);

    const Module *m = library_find_module(lib, "neck_one");
    int circles = 0, polygons = 0;
    for (int qi = 0; qi < p.n_dd; qi++) {
        const Dd *q = &p.dd[qi];
        const Module *qm = strstr(q->name, "Neck One") ? m : library_find_module(lib, "hip_two");
        for (int k = 0; k < q->n_drops; k++) {
            /* The view is named in the question's name: "(back view)". */
            const char *open = strrchr(q->name, '(');
            char view_name[32];
            assert_non_null(open);
            assert_int_equal(sscanf(open, "(%31[a-z_] view)", view_name), 1);
            const View *v = library_find_view(lib, view_name);
            int w, h;
            double s;
            moodle_image_size(v, &w, &h, &s);
            if (!strcmp(q->drop_shape[k], "circle")) {
                long cx, cy, r;
                assert_int_equal(sscanf(q->drop_coords[k], "%ld,%ld;%ld", &cx, &cy, &r), 3);
                const char *label = q->drag_text[q->drop_choice[k] - 1];
                int tp = -1;
                for (int t = 0; t < qm->n_tps; t++)
                    if (!strcmp(qm->tps[t].label, label))
                        tp = t;
                assert_true(tp >= 0);
                const TriggerPoint *t = &qm->tps[tp];
                /* The drop's centre, back in image units, is full credit;
                 * so is the point itself; the circle's edge stays within
                 * the full-credit radius (rounding: half a pixel). */
                Vec2 back = {v->viewbox.x + (double)cx / s, v->viewbox.y + (double)cy / s};
                assert_true(grade_locate_tp(back, t->at, t->radius, NULL) == 1.0);
                assert_true(grade_locate_tp(t->at, t->at, t->radius, NULL) == 1.0);
                assert_true(fabs((double)r / s - t->radius) <= 0.5 / s + 1e-9);
                circles++;
            } else {
                assert_string_equal(q->drop_shape[k], "polygon");
                /* Each vertex, back in image units, within half a pixel of
                 * the zone's; the polygon's centre in pixels grades as the
                 * zone's centre in image units. */
                Vec2 px[1000];
                int n = 0;
                for (const char *c = q->drop_coords[k]; *c && n < 1000;) {
                    long a, b;
                    int used = 0;
                    assert_int_equal(sscanf(c, "%ld,%ld%n", &a, &b, &used), 2);
                    px[n++] = (Vec2){(double)a, (double)b};
                    c += used;
                    if (*c == ';')
                        c++;
                }
                const Zone *z = NULL;
                for (int i = 0; i < qm->n_zones && !z; i++)
                    if (qm->zones[i].kind == ZONE_ESSENTIAL && !strcmp(qm->zones[i].view, view_name) &&
                        qm->zones[i].poly.n == n)
                        z = &qm->zones[i];
                assert_non_null(z);
                Vec2 centre = {0, 0};
                for (int i = 0; i < n; i++) {
                    Vec2 back = {v->viewbox.x + px[i].x / s, v->viewbox.y + px[i].y / s};
                    assert_true(geom_distance(back, z->poly.pts[i]) <= 0.71 / s + 1e-9);
                    centre.x += z->poly.pts[i].x / n;
                    centre.y += z->poly.pts[i].y / n;
                }
                Vec2 centre_px = {(centre.x - v->viewbox.x) * s, (centre.y - v->viewbox.y) * s};
                ZoneClickResult g = grade_zone_click(centre, qm, z->tp, view_name);
                assert_int_equal(g.credit == 1.0, geom_point_in_polygon(centre_px, px, n));
                polygons++;
            }
        }
    }
    assert_true(circles >= 3);
    assert_true(polygons >= 1);
    free(xml);
    library_free(lib);
}

/* One module of the test course exported with render; the XML in *xml
 * (free it), the result returned. */
static int export_module(const char *module, MoodleRender render, MoodleCounts *counts, char **xml, Diag *d)
{
    Library *lib = library_load(GOOD "/courses", GOOD "/assets", d);
    size_t size = 0;
    FILE *f = open_memstream(xml, &size);
    int renders = 0;
    int rc = moodle_write(f, lib, library_find_course(lib, "basics"), module, render, &renders, counts, d);
    fclose(f);
    library_free(lib);
    return rc;
}

static void test_render_failure(void **state)
{
    (void)state;
    Diag *d = diag_create();
    char *buf = NULL;
    assert_int_equal(export_module("neck_one", fail_render, NULL, &buf, d), -1);
    assert_non_null(strstr(diag_text(d, 0), "cannot draw the chart: test"));
    free(buf);
    diag_free(d);
}

/* Only the module asked for. */
static void test_one_module(void **state)
{
    (void)state;
    Diag *d = diag_create();
    char *buf = NULL;
    MoodleCounts counts = {0};
    assert_int_equal(export_module("hip_two", stand_in, &counts, &buf, d), 0);
    assert_int_equal(counts.categories, 1);
    assert_null(strstr(buf, "Neck One"));
    assert_non_null(strstr(buf, "Hip Two"));
    free(buf);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_parses_and_round_trips),
        cmocka_unit_test(test_render_failure),
        cmocka_unit_test(test_one_module),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
