/* module_load: a module file read, checked and added to the Library: a
 * muscle (trigger points, zones, questions, the muscle) or a lesson (its
 * head and pages, lesson_load.c, and questions). */
#include "course_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TP_VIEW, TP_AT, TP_RADIUS, TP_PRIMARY, TP_LABEL, TP_LOCATION };
static const KeyRule TP_KEYS[] = {
    {"view", true, VAL_LINE},     {"at", true, VAL_LINE},    {"radius", true, VAL_LINE},
    {"primary", false, VAL_LINE}, {"label", true, VAL_TEXT}, {"location", true, VAL_TEXT},
    {NULL, false, VAL_LINE},
};

enum { ZONE_VIEW, ZONE_TP, ZONE_KIND, ZONE_POLY, ZONE_OUTLINE };
static const KeyRule ZONE_KEYS[] = {
    {"view", true, VAL_LINE}, {"tp", true, VAL_LINE},       {"kind", true, VAL_LINE},
    {"poly", true, VAL_LIST}, {"outline", false, VAL_LINE}, {NULL, false, VAL_LINE},
};

enum { Q_TYPE, Q_PROMPT, Q_CORRECT, Q_WRONG, Q_EXPLAIN };
static const KeyRule QUESTION_KEYS[] = {
    {"type", true, VAL_LINE},  {"prompt", true, VAL_TEXT},  {"correct", true, VAL_LIST},
    {"wrong", true, VAL_LIST}, {"explain", true, VAL_TEXT}, {NULL, false, VAL_LINE},
};

enum {
    M_ID,
    M_NAME,
    M_GROUP,
    M_PAIN_REGIONS,
    M_ATTACHMENTS,
    M_ACTION,
    M_CAUSES,
    M_SYMPTOMS,
    M_DIFFERENTIAL,
    M_TREATMENT,
    M_SELF_CARE,
    M_DEEP_VIEWS,
    M_ZONE_OUTLINE,
};
static const KeyRule MUSCLE_KEYS[] = {
    {"id", true, VAL_LINE},           {"name", true, VAL_TEXT},        {"group", true, VAL_LINE},
    {"pain_regions", true, VAL_LIST}, {"attachments", true, VAL_TEXT}, {"action", true, VAL_TEXT},
    {"causes", true, VAL_TEXT},       {"symptoms", true, VAL_TEXT},    {"differential", true, VAL_TEXT},
    {"treatment", true, VAL_TEXT},    {"self_care", true, VAL_TEXT},   {"deep_views", false, VAL_LIST},
    {"zone_outline", false, VAL_LINE}, {NULL, false, VAL_LINE},
};

#include "module_load_internal.h"


static void load_tp(ModuleLoad *ml, const Part *part)
{
    const RawEntry *f[MAX_RULES];
    bool ok = raw_check_keys(ml->path, part->sec, TP_KEYS, f, ml->d);
    TriggerPoint tp = {.line = part->sec->line};

    bool primary = false;
    if (f[TP_PRIMARY] && !inifile_parse_bool(raw_line_value(f[TP_PRIMARY]), &primary)) {
        diag_error(ml->d, ml->path, f[TP_PRIMARY]->line, "primary must be yes or no, not '%s'",
                   raw_line_value(f[TP_PRIMARY]));
        ml->any_primary = true; /* no second error for the same mistake */
        ok = false;
    }
    if (primary)
        ml->any_primary = true;
    tp.primary = primary;

    const View *view = f[TP_VIEW] ? module_check_view(ml, f[TP_VIEW]) : NULL;
    if (!view)
        ok = false;
    if (f[TP_AT]) {
        const char *end = raw_parse_point(raw_line_value(f[TP_AT]), &tp.at);
        if (!end || end[strspn(end, " \t")]) {
            diag_error(ml->d, ml->path, f[TP_AT]->line, "at must be x, y (two numbers), not '%s'",
                       raw_line_value(f[TP_AT]));
            ok = false;
        } else if (view && !rect_contains(tp.at, view->viewbox)) {
            module_report_outside(ml, f[TP_AT]->line, "at", tp.at, view);
            ok = false;
        } else if (view && !module_check_on_body(ml, f[TP_AT]->line, "at", tp.at, view)) {
            ok = false;
        }
    }
    /* At most a quarter of the chart's smaller side: a larger "point"
     * covers the body and grades every click as right. */
    double max_radius = 10000;
    if (view && view->viewbox.w > 0 && view->viewbox.h > 0)
        max_radius = (view->viewbox.w < view->viewbox.h ? view->viewbox.w : view->viewbox.h) / 4;
    if (f[TP_RADIUS] && (!inifile_parse_double(raw_line_value(f[TP_RADIUS]), &tp.radius) ||
                         !(tp.radius >= COURSE_MIN_RADIUS && tp.radius <= max_radius))) {
        diag_error(ml->d, ml->path, f[TP_RADIUS]->line,
                   "radius must be a number from %g to %g (a quarter of the chart's smaller side), not '%s'",
                   COURSE_MIN_RADIUS, max_radius, raw_line_value(f[TP_RADIUS]));
        ok = false;
    }
    if (!ok)
        return;

    Module *m = ml->m;
    bool grown = true;
    int cap = m->n_tps; /* the array grows one at a time: sizes are small */
    TriggerPoint *tps = realloc(m->tps, (size_t)(cap + 1) * sizeof *tps);
    if (!tps)
        grown = false;
    else
        m->tps = tps;
    tp.id = strdup(part->id);
    tp.view = strdup(raw_line_value(f[TP_VIEW]));
    tp.label = raw_join_text(f[TP_LABEL]);
    tp.location = raw_join_text(f[TP_LOCATION]);
    if (!grown || !tp.id || !tp.view || !tp.label || !tp.location) {
        free(tp.id);
        free(tp.view);
        free(tp.label);
        free(tp.location);
        ml->oom = true;
        return;
    }
    m->tps[m->n_tps++] = tp;
}

/* Names the trigger points of the module for a hint. */
static const char *nearest_tp(const ModuleLoad *ml, const char *id)
{
    const char *names[65];
    int n = 0;
    for (int i = 0; i < ml->n_tps && n < 64; i++)
        names[n++] = ml->tps[i].id;
    names[n] = NULL;
    return inifile_nearest(id, names, 3);
}

/* An outline value (a zone's outline or [muscle] zone_outline) into *out;
 * false (reported) if it is neither smooth nor polygon. */
static bool parse_outline(ModuleLoad *ml, const RawEntry *e, ZoneOutline *out)
{
    const char *v = raw_line_value(e);
    if (!strcmp(v, "smooth"))
        *out = ZONE_OUTLINE_SMOOTH;
    else if (!strcmp(v, "polygon"))
        *out = ZONE_OUTLINE_POLYGON;
    else {
        diag_error(ml->d, ml->path, e->line, "%s must be smooth or polygon, not '%s'", e->key, v);
        return false;
    }
    return true;
}

/* A smooth zone's curve through its n authored points (each from lines[i]),
 * sampled into *out; checked like the points: it must not cross itself and
 * must stay on the body. False (reported) if it fails, or out of memory. */
static bool smooth_zone(ModuleLoad *ml, const Vec2 *pts, const int *lines, int n, const View *view,
                        Polygon *out)
{
    int ns = 0, *seg = NULL;
    Vec2 *c = geom_smooth_closed(pts, n, ZONE_SMOOTH_SAMPLES, &ns, &seg);
    if (!c) {
        ml->oom = true;
        return false;
    }
    /* A zone drawn to the chart's edge goes on past it: the curve is cut
     * there, as the chart is, instead of bulging out of the view. */
    for (int i = 0; view && i < ns; i++) {
        RectD b = view->viewbox;
        c[i].x = c[i].x < b.x ? b.x : c[i].x > b.x + b.w ? b.x + b.w : c[i].x;
        c[i].y = c[i].y < b.y ? b.y : c[i].y > b.y + b.h ? b.y + b.h : c[i].y;
    }
    bool ok = true;
    int ea, eb;
    if (ns < 3) {
        diag_error(ml->d, ml->path, lines[0], "poly has fewer than 3 distinct points; a smooth zone needs 3");
        ok = false;
    } else if (geom_polygon_self_intersects(c, ns, &ea, &eb)) {
        int a = seg[ea], b = seg[eb];
        diag_error(ml->d, ml->path, lines[b],
                   "the smooth outline crosses itself: the curve after point %d meets the curve after "
                   "point %d (move the points apart, or use outline = polygon)",
                   b + 1, a + 1);
        ok = false;
    }
    /* The curve bulges a little past its points: every sample must be on the
     * body too. One message per zone is enough. */
    for (int i = 0; ok && view && i < ns; i++) {
        if (i % ZONE_SMOOTH_SAMPLES == 0 && c[i].x == pts[seg[i]].x && c[i].y == pts[seg[i]].y)
            continue; /* an authored point, checked already */
        if (!module_on_body(ml, c[i], view)) { /* the message only when there is one to give */
            char what[64];
            snprintf(what, sizeof what, "the smooth outline after poly point %d, at", seg[i] + 1);
            module_report_off_body(ml, lines[seg[i]], what, c[i], view);
            ok = false;
        }
    }
    free(seg);
    if (!ok) {
        free(c);
        return false;
    }
    *out = (Polygon){c, ns};
    return true;
}

static void load_zone(ModuleLoad *ml, const Part *part)
{
    const RawEntry *f[MAX_RULES];
    bool ok = raw_check_keys(ml->path, part->sec, ZONE_KEYS, f, ml->d);
    Zone z = {.line = part->sec->line, .tp = -1, .outline = ml->zone_outline};

    if (f[ZONE_OUTLINE] && !parse_outline(ml, f[ZONE_OUTLINE], &z.outline))
        ok = false;

    const View *view = f[ZONE_VIEW] ? module_check_view(ml, f[ZONE_VIEW]) : NULL;
    if (!view)
        ok = false;

    if (f[ZONE_TP]) {
        const char *tp_id = raw_line_value(f[ZONE_TP]);
        bool declared = false;
        for (int i = 0; i < ml->n_tps; i++)
            if (!strcmp(ml->tps[i].id, tp_id))
                declared = true;
        if (!declared) {
            const char *near = nearest_tp(ml, tp_id);
            if (near)
                diag_error(ml->d, ml->path, f[ZONE_TP]->line,
                           "unknown trigger point '%s' (did you mean '%s'?)", tp_id, near);
            else
                diag_error(ml->d, ml->path, f[ZONE_TP]->line,
                           "unknown trigger point '%s': this module has no [tp.%s]", tp_id, tp_id);
            ok = false;
        } else {
            z.tp = module_find_tp(ml->m, tp_id);
            if (z.tp < 0)
                ok = false; /* declared, but it had errors of its own */
        }
    }

    if (f[ZONE_KIND]) {
        const char *kind = raw_line_value(f[ZONE_KIND]);
        if (!strcmp(kind, "essential"))
            z.kind = ZONE_ESSENTIAL;
        else if (!strcmp(kind, "spillover"))
            z.kind = ZONE_SPILLOVER;
        else {
            diag_error(ml->d, ml->path, f[ZONE_KIND]->line, "kind must be essential or spillover, not '%s'",
                       kind);
            ok = false;
        }
    }

    Vec2 *pts = NULL;
    int *lines = NULL, n = 0, cap = 0;
    const RawEntry *pe = f[ZONE_POLY];
    bool too_many = false;
    for (int k = 0; pe && k < pe->n_lines && !too_many; k++) {
        const char *s = pe->lines[k].text;
        for (;;) {
            s += strspn(s, " \t");
            if (!*s)
                break;
            if (n == COURSE_MAX_POLY_POINTS) {
                diag_error(ml->d, ml->path, pe->lines[k].line,
                           "poly has more than %d points, the most a zone may have (the self-crossing and "
                           "on-body tests of every start grow with it)",
                           COURSE_MAX_POLY_POINTS);
                ok = false;
                too_many = true;
                break;
            }
            Vec2 p;
            const char *end = raw_parse_point(s, &p);
            if (!end || (*end && *end != ' ' && *end != '\t')) {
                size_t len = strcspn(s, " \t");
                if (end && end > s + len)
                    len = (size_t)(end - s);
                diag_error(ml->d, ml->path, pe->lines[k].line,
                           "bad point '%.*s' in poly: points are x,y pairs of numbers", (int)len, s);
                ok = false;
                s += len;
                continue;
            }
            if (n >= cap) {
                int nc = cap ? cap * 2 : 16;
                Vec2 *np = realloc(pts, (size_t)nc * sizeof *np);
                if (np)
                    pts = np;
                int *nl = realloc(lines, (size_t)nc * sizeof *nl);
                if (nl)
                    lines = nl;
                if (!np || !nl) {
                    ml->oom = true;
                    free(pts);
                    free(lines);
                    return;
                }
                cap = nc;
            }
            pts[n] = p;
            lines[n] = pe->lines[k].line;
            n++;
            s = end;
        }
    }
    if (pe && ok) {
        if (n < 3) {
            diag_error(ml->d, ml->path, pe->line, "poly has %d point%s; a zone needs at least 3", n,
                       n == 1 ? "" : "s");
            ok = false;
        } else {
            int ea, eb;
            if (geom_polygon_self_intersects(pts, n, &ea, &eb)) {
                diag_error(ml->d, ml->path, lines[eb],
                           "poly crosses itself: the edge from point %d to point %d meets the "
                           "edge from point %d to point %d",
                           eb + 1, eb + 2 > n ? 1 : eb + 2, ea + 1, ea + 2 > n ? 1 : ea + 2);
                ok = false;
            }
            for (int i = 0; view && i < n; i++) {
                bool inside = rect_contains(pts[i], view->viewbox);
                if (inside && module_on_body(ml, pts[i], view))
                    continue;
                char what[32]; /* named only for a message */
                snprintf(what, sizeof what, "poly point %d", i + 1);
                if (!inside)
                    module_report_outside(ml, lines[i], what, pts[i], view);
                else
                    module_report_off_body(ml, lines[i], what, pts[i], view);
                ok = false;
            }
        }
    }
    Polygon poly = {pts, n};
    if (ok && z.outline == ZONE_OUTLINE_SMOOTH && !smooth_zone(ml, pts, lines, n, view, &poly))
        ok = false;
    free(lines);
    if (!ok) {
        free(pts);
        return;
    }

    Module *m = ml->m;
    Zone *zones = realloc(m->zones, (size_t)(m->n_zones + 1) * sizeof *zones);
    if (zones)
        m->zones = zones;
    z.id = strdup(part->id);
    z.view = strdup(raw_line_value(f[ZONE_VIEW]));
    z.tp_id = strdup(raw_line_value(f[ZONE_TP]));
    z.poly = poly;
    z.bounds = geom_polygon_bounds(poly.pts, poly.n);
    z.authored = (Polygon){pts, n};
    if (!zones || !z.id || !z.view || !z.tp_id) {
        free(z.id);
        free(z.view);
        free(z.tp_id);
        if (poly.pts != pts)
            free(poly.pts);
        free(pts);
        ml->oom = true;
        return;
    }
    m->zones[m->n_zones++] = z;
}

static void load_question(ModuleLoad *ml, const Part *part)
{
    if (chart_question_is(part->sec)) {
        chart_question_load(ml, part);
        return;
    }
    const RawEntry *f[MAX_RULES];
    bool ok = raw_check_keys(ml->path, part->sec, QUESTION_KEYS, f, ml->d);
    Question q = {.line = part->sec->line, .tp = -1};

    bool type_known = false;
    if (f[Q_TYPE]) {
        const char *type = raw_line_value(f[Q_TYPE]);
        if (!strcmp(type, "choice")) {
            q.type = QUESTION_CHOICE;
            type_known = true;
        } else if (!strcmp(type, "multi")) {
            q.type = QUESTION_MULTI;
            type_known = true;
        } else {
            diag_error(ml->d, ml->path, f[Q_TYPE]->line, "type must be choice, multi or chart, not '%s'", type);
            ok = false;
        }
    }
    ItemList correct = raw_list_items(f[Q_CORRECT], false);
    ItemList wrong = raw_list_items(f[Q_WRONG], false);
    if (!correct.ok || !wrong.ok)
        ml->oom = true;
    if (f[Q_CORRECT] && type_known && q.type == QUESTION_CHOICE && correct.n != 1) {
        diag_error(ml->d, ml->path, f[Q_CORRECT]->line,
                   "a choice question has exactly one correct option, this one has %d (use "
                   "type = multi for more)",
                   correct.n);
        ok = false;
    }
    if (f[Q_WRONG] && wrong.n < 2) {
        diag_error(ml->d, ml->path, f[Q_WRONG]->line,
                   "a question needs at least 2 wrong options, this one has %d", wrong.n);
        ok = false;
    }
    if (correct.n + wrong.n > COURSE_MAX_OPTIONS) {
        diag_error(ml->d, ml->path, part->sec->line,
                   "a question may have at most %d options (keys 1 to %d pick them), this one has %d",
                   COURSE_MAX_OPTIONS, COURSE_MAX_OPTIONS, correct.n + wrong.n);
        ok = false;
    }
    for (int i = 0; i < wrong.n; i++)
        for (int j = 0; j < correct.n; j++)
            if (!strcmp(wrong.items[i], correct.items[j])) {
                diag_error(ml->d, ml->path, wrong.lines[i], "'%s' is both a correct and a wrong option",
                           wrong.items[i]);
                ok = false;
            }
    if (!ok || ml->oom) {
        item_list_free(&correct);
        item_list_free(&wrong);
        return;
    }
    Module *m = ml->m;
    Question *qs = realloc(m->questions, (size_t)(m->n_questions + 1) * sizeof *qs);
    if (qs)
        m->questions = qs;
    q.id = strdup(part->id);
    q.prompt = raw_join_text(f[Q_PROMPT]);
    q.explain = raw_join_text(f[Q_EXPLAIN]);
    q.correct = correct.items;
    q.n_correct = correct.n;
    q.wrong = wrong.items;
    q.n_wrong = wrong.n;
    free(correct.lines);
    free(wrong.lines);
    if (!qs || !q.id || !q.prompt || !q.explain) {
        free(q.id);
        free(q.prompt);
        free(q.explain);
        strings_free(q.correct, q.n_correct);
        strings_free(q.wrong, q.n_wrong);
        ml->oom = true;
        return;
    }
    m->questions[m->n_questions++] = q;
}

static void load_muscle(ModuleLoad *ml, const RawSection *sec)
{
    const RawEntry *f[MAX_RULES];
    raw_check_keys(ml->path, sec, MUSCLE_KEYS, f, ml->d);
    Module *m = ml->m;
    ml->deep_views = f[M_DEEP_VIEWS];
    if (f[M_ZONE_OUTLINE])
        parse_outline(ml, f[M_ZONE_OUTLINE], &ml->zone_outline);

    if (f[M_ID] && strcmp(raw_line_value(f[M_ID]), m->id))
        diag_error(ml->d, ml->path, f[M_ID]->line, "module id '%s' does not match the file name '%s.ini'",
                   raw_line_value(f[M_ID]), m->id);

    if (f[M_GROUP]) {
        const char *group = raw_line_value(f[M_GROUP]);
        if (named_id_name(MUSCLE_GROUPS, group)) {
            m->group = strdup(group);
            if (!m->group)
                ml->oom = true;
        } else {
            const char *names[32];
            named_id_list(MUSCLE_GROUPS, names, 32);
            const char *near = inifile_nearest(group, names, 2);
            if (near)
                diag_error(ml->d, ml->path, f[M_GROUP]->line,
                           "unknown muscle group '%s' (did you mean '%s'?)", group, near);
            else
                diag_error(ml->d, ml->path, f[M_GROUP]->line,
                           "unknown muscle group '%s' (the groups are listed in "
                           "docs/FORMATS.md)",
                           group);
        }
    }

    if (f[M_PAIN_REGIONS]) {
        ItemList regions = raw_list_items(f[M_PAIN_REGIONS], true);
        const char *names[64];
        named_id_list(PAIN_REGIONS, names, 64);
        ItemList keep = {.ok = true};
        for (int i = 0; i < regions.n; i++) {
            const char *r = regions.items[i];
            int first = -1;
            for (int j = 0; j < i && first < 0; j++)
                if (!strcmp(regions.items[j], r))
                    first = j;
            if (first >= 0) {
                diag_error(ml->d, ml->path, regions.lines[i],
                           "pain region '%s' is listed twice (first on line %d)", r, regions.lines[first]);
            } else if (!named_id_name(PAIN_REGIONS, r)) {
                const char *near = inifile_nearest(r, names, 2);
                if (near)
                    diag_error(ml->d, ml->path, regions.lines[i],
                               "unknown pain region '%s' (did you mean '%s'?)", r, near);
                else
                    diag_error(ml->d, ml->path, regions.lines[i],
                               "unknown pain region '%s' (the regions are listed in "
                               "docs/FORMATS.md)",
                               r);
            } else {
                item_list_push(&keep, r, strlen(r), regions.lines[i]);
            }
        }
        if (!regions.ok || !keep.ok)
            ml->oom = true;
        m->pain_regions = keep.items;
        m->n_pain_regions = keep.n;
        free(keep.lines);
        item_list_free(&regions);
    }

    char **text[] = {&m->name,     &m->attachments,  &m->action,    &m->causes,
                     &m->symptoms, &m->differential, &m->treatment, &m->self_care};
    const int keys[] = {M_NAME,     M_ATTACHMENTS,  M_ACTION,    M_CAUSES,
                        M_SYMPTOMS, M_DIFFERENTIAL, M_TREATMENT, M_SELF_CARE};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        free(*text[i]);
        *text[i] = raw_join_text(f[keys[i]]);
        if (!*text[i])
            ml->oom = true;
    }
}

/* Fills the parts of a module file: checks section names and ids, and
 * reports duplicates. Returns the [muscle] (or [lesson]) section or NULL. */
static const RawSection *sort_sections(ModuleLoad *ml, const RawIni *ini)
{
    static const char *const KINDS[] = {"muscle", "lesson", "tp", "zone", "question", "page", "selfcare", NULL};
    const char *head_name = ml->lesson ? "lesson" : "muscle";
    const RawSection *muscle = NULL;
    for (int i = 0; i < ini->n; i++) {
        const RawSection *s = &ini->secs[i];
        if (!s->name) {
            for (int j = 0; j < s->n; j++)
                diag_error(ml->d, ml->path, s->entries[j].line, "'%s' is outside any section (the file starts with [%s])",
                           s->entries[j].key, head_name);
            continue;
        }
        if (!strcmp(s->name, "muscle") || !strcmp(s->name, "lesson")) {
            if (strcmp(s->name, head_name))
                diag_error(ml->d, ml->path, s->line,
                           "[%s] in a %s file: a module is a muscle or a lesson, not both; this one is ignored",
                           s->name, head_name);
            else if (muscle)
                diag_error(ml->d, ml->path, s->line, "[%s] appears twice (first on line %d); this one is ignored",
                           head_name, muscle->line);
            else
                muscle = s;
            continue;
        }
        if (!strcmp(s->name, "selfcare")) {
            if (ml->lesson)
                diag_error(ml->d, ml->path, s->line,
                           "[selfcare] in a lesson: self-care belongs to a muscle module; this one is ignored");
            else if (ml->selfcare)
                diag_error(ml->d, ml->path, s->line, "[selfcare] appears twice (first on line %d); this one is ignored",
                           ml->selfcare->line);
            else
                ml->selfcare = s;
            continue;
        }
        const char *dot = strchr(s->name, '.');
        size_t prefix = dot ? (size_t)(dot - s->name) : strlen(s->name);
        Part **parts = NULL;
        int *count = NULL;
        const char *what = NULL;
        if (dot && prefix == 2 && !strncmp(s->name, "tp", 2)) {
            parts = &ml->tps;
            count = &ml->n_tps;
            what = "trigger point";
        } else if (dot && prefix == 4 && !strncmp(s->name, "zone", 4)) {
            parts = &ml->zones;
            count = &ml->n_zones;
            what = "zone";
        } else if (dot && prefix == 8 && !strncmp(s->name, "question", 8)) {
            parts = &ml->questions;
            count = &ml->n_questions;
            what = "question";
        } else if (dot && prefix == 4 && !strncmp(s->name, "page", 4)) {
            parts = &ml->pages;
            count = &ml->n_pages;
            what = "page";
        }
        if (parts && (parts == &ml->pages) != ml->lesson && parts != &ml->questions) {
            diag_error(ml->d, ml->path, s->line,
                       ml->lesson ? "[%s] in a lesson: a lesson has pages and questions, no trigger points or zones"
                                  : "[%s] in a muscle module: pages belong to lessons (courses/lessons/)",
                       s->name);
            continue;
        }
        if (!parts) {
            char head[INIFILE_MAX_LINE + 1];
            snprintf(head, sizeof head, "%.*s", (int)prefix, s->name);
            const char *near = inifile_nearest(head, KINDS, 2);
            if (near && (!strcmp(near, "muscle") || !strcmp(near, "selfcare")))
                diag_error(ml->d, ml->path, s->line, "unknown section [%s] (did you mean [%s]?)", s->name,
                           near);
            else if (near)
                diag_error(ml->d, ml->path, s->line, "unknown section [%s] (did you mean [%s%s]?)", s->name,
                           near, dot ? dot : ".<id>");
            else if (ml->lesson)
                diag_error(ml->d, ml->path, s->line,
                           "unknown section [%s] (a lesson has [lesson], [page.<id>] and [question.<id>])", s->name);
            else
                diag_error(ml->d, ml->path, s->line,
                           "unknown section [%s] (a module has [muscle], [tp.<id>], "
                           "[zone.<id>], [question.<id>] and [selfcare])",
                           s->name);
            continue;
        }
        const char *id = dot + 1;
        if (!course_valid_id(id)) {
            diag_error(ml->d, ml->path, s->line, "bad %s id '%s': use lowercase letters, digits and '_'",
                       what, id);
            continue;
        }
        int first = -1;
        for (int j = 0; j < *count; j++)
            if (!strcmp((*parts)[j].id, id))
                first = (*parts)[j].sec->line;
        if (first >= 0) {
            diag_error(ml->d, ml->path, s->line, "duplicate %s [%s] (first on line %d)", what, s->name,
                       first);
            continue;
        }
        int most = parts == &ml->tps     ? COURSE_MAX_TPS
                   : parts == &ml->zones ? COURSE_MAX_ZONES
                   : parts == &ml->pages ? COURSE_MAX_PAGES
                                         : COURSE_MAX_QUESTIONS;
        if (*count == most) {
            diag_error(ml->d, ml->path, s->line,
                       "more than %d %ss in one %s; [%s] and those after it are left out", most, what,
                       ml->lesson ? "lesson" : "module",
                       s->name);
            continue;
        }
        Part *grown = realloc(*parts, (size_t)(*count + 1) * sizeof *grown);
        if (!grown) {
            ml->oom = true;
            continue;
        }
        *parts = grown;
        (*parts)[(*count)++] = (Part){s, id};
    }
    return muscle;
}

const Module *library_load_module_file(Library *lib, const char *path, Diag *d)
{
    if (!lib || lib == &library_fallback || !path)
        return NULL;
    char *id = path_stem(path);
    if (!id) {
        diag_error(d, path, 0, "out of memory");
        return NULL;
    }
    const Module *known = library_find_module(lib, id);
    if (known) {
        free(id);
        return known;
    }
    RawIni ini;
    if (!library_keep_going(lib) || library_link_leaves(lib, path, d) || !raw_read(path, &ini, d)) {
        free(id);
        return NULL;
    }
    Module *m = calloc(1, sizeof *m);
    ModuleLoad ml = {.lib = lib, .d = d, .path = path, .m = m, .oom = !ini.ok};
    if (m) {
        m->id = id;
        m->path = strdup(path);
    } else {
        free(id);
    }
    if (!m || !m->path) {
        diag_error(d, path, 0, "out of memory");
        library_module_free(m);
        raw_free(&ini);
        return NULL;
    }

    if (!course_valid_id(m->id))
        diag_error(d, path, 0, "the file name is not a module id: use lowercase letters, digits and '_'");
    /* A file with a [lesson] section and no [muscle] one is a lesson. */
    bool has_muscle = false;
    for (int i = 0; i < ini.n; i++) {
        if (ini.secs[i].name && !strcmp(ini.secs[i].name, "muscle"))
            has_muscle = true;
        if (ini.secs[i].name && !strcmp(ini.secs[i].name, "lesson"))
            ml.lesson = true;
    }
    ml.lesson = ml.lesson && !has_muscle;
    m->kind = ml.lesson ? MODULE_LESSON : MODULE_MUSCLE;
    const RawSection *muscle = sort_sections(&ml, &ini);
    if (muscle && ml.lesson)
        lesson_load_head(path, muscle, m, &ml.oom, d);
    else if (muscle)
        load_muscle(&ml, muscle);
    else
        diag_error(d, path, 0, "no [muscle] section");
    for (int i = 0; i < ml.n_tps; i++)
        load_tp(&ml, &ml.tps[i]);
    for (int i = 0; i < ml.n_zones; i++)
        load_zone(&ml, &ml.zones[i]);
    for (int i = 0; i < ml.n_pages; i++)
        lesson_load_page(lib, path, ml.pages[i].sec, ml.pages[i].id, m, &ml.oom, d);
    for (int i = 0; i < ml.n_questions; i++)
        load_question(&ml, &ml.questions[i]);
    if (ml.selfcare)
        selfcare_load(lib, path, ml.selfcare, m, &ml.oom, d);
    if (ml.lesson) {
        if (ml.n_pages == 0)
            diag_error(d, path, 0, "no pages: a lesson needs at least one [page.<id>]");
        if (ml.n_questions == 0)
            diag_error(d, path, 0, "no questions: a lesson's quiz needs at least one [question.<id>]");
    } else if (ml.n_tps == 0) {
        diag_error(d, path, 0, "no trigger points: a module needs at least one [tp.<id>]");
    } else if (!ml.any_primary) {
        diag_error(d, path, 0, "no primary trigger point: mark the main one with primary = yes");
    }
    module_check_deep_views(&ml);
    module_check_overlays(&ml);

    /* Text fields are never NULL for the program. */
    char **text[] = {&m->name,     &m->group,        &m->attachments, &m->action,    &m->causes,
                     &m->symptoms, &m->differential, &m->treatment,   &m->self_care, &m->summary};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (!*text[i] && !(*text[i] = strdup("")))
            ml.oom = true;

    free(ml.tps);
    free(ml.zones);
    free(ml.questions);
    free(ml.pages);
    raw_free(&ini);
    bool ok = !ml.oom;
    RESERVE(lib->modules, lib->n_modules, lib->cap_modules, ok);
    if (!ok) {
        diag_error(d, path, 0, "out of memory");
        library_module_free(m);
        return NULL;
    }
    lib->modules[lib->n_modules++] = m;
    return m;
}
