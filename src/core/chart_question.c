/* chart_question: a lesson's [question.<id>] with type = chart, a question
 * asked on a muscle module's chart (docs/FORMATS.md, lessons). The muscle
 * is loaded into the library with the lesson (once: a muscle the courses
 * list too is the same Module), and the question keeps which of the
 * muscle's own items it asks: the item is built from the muscle exactly as
 * the muscle's practice builds it (items.c), keyed under the lesson. */
#include "module_load_internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_TYPE, C_MUSCLE, C_ITEM, C_POINT, C_VIEW, C_PROMPT, C_EXPLAIN };
static const KeyRule CHART_KEYS[] = {
    {"type", true, VAL_LINE},   {"muscle", true, VAL_LINE}, {"item", true, VAL_LINE},
    {"point", false, VAL_LINE}, {"view", false, VAL_LINE},  {"prompt", false, VAL_TEXT},
    {"explain", true, VAL_TEXT}, {NULL, false, VAL_LINE},
};

static const char *const ASK_NAMES[] = {"locate", "zone", "paint", "reverse", "marks", NULL};

bool chart_question_is(const RawSection *sec)
{
    for (int i = 0; sec && i < sec->n; i++)
        if (!strcmp(sec->entries[i].key, "type"))
            return !strcmp(raw_line_value(&sec->entries[i]), "chart");
    return false;
}

/* The first view (in zone order) holding an essential zone of tp; with
 * want, true only if want is one of them. */
static const char *essential_view(const Module *m, int tp, const char *want)
{
    for (int i = 0; i < m->n_zones; i++) {
        const Zone *z = &m->zones[i];
        if (z->tp != tp || z->kind != ZONE_ESSENTIAL || !z->view)
            continue;
        if (!want || !strcmp(want, z->view))
            return z->view;
    }
    return NULL;
}

/* "a, b, c" of the muscle's point ids, into buf. */
static const char *point_list(const Module *m, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < m->n_tps && used + 1 < size; i++) {
        int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", m->tps[i].id);
        if (k < 0)
            break;
        used += (size_t)k;
    }
    return buf;
}

/* The muscle module the question names, loaded into the library; NULL
 * (reported against e's line) if there is none or it did not load. */
static const Module *load_muscle(ModuleLoad *ml, const RawEntry *e)
{
    const char *id = raw_line_value(e);
    if (!course_valid_id(id)) {
        diag_error(ml->d, ml->path, e->line, "bad muscle id '%s': use lowercase letters, digits and '_'", id);
        return NULL;
    }
    char name[INIFILE_MAX_LINE + 8];
    snprintf(name, sizeof name, "%s.ini", id);
    char *mpath = ml->lib->muscles_dir ? text_path_join(ml->lib->muscles_dir, name) : NULL;
    if (!mpath) {
        ml->oom = true;
        return NULL;
    }
    const Module *m = NULL;
    if (!strcmp(id, ml->m->id)) {
        diag_error(ml->d, ml->path, e->line, "a chart question names a muscle module, not its own lesson '%s'", id);
    } else if (!path_is_file(mpath)) {
        diag_error(ml->d, ml->path, e->line, "unknown muscle '%s': %s %s", id, mpath, path_problem(mpath));
    } else {
        m = library_load_module_file(ml->lib, mpath, ml->d);
        if (!m || m->kind != MODULE_MUSCLE || m->n_tps == 0) {
            diag_error(ml->d, ml->path, e->line, "muscle '%s' could not be loaded (see the messages about %s)", id,
                       mpath);
            m = NULL;
        }
    }
    free(mpath);
    return m;
}

void chart_question_load(ModuleLoad *ml, const Part *part)
{
    const RawEntry *f[MAX_RULES];
    bool ok = raw_check_keys(ml->path, part->sec, CHART_KEYS, f, ml->d);
    if (!ml->lesson) {
        diag_error(ml->d, ml->path, part->sec->line,
                   "type = chart is for lessons: a muscle module's chart items are asked already");
        return;
    }
    int ask = -1;
    if (f[C_ITEM]) {
        const char *name = raw_line_value(f[C_ITEM]);
        for (int i = 0; ASK_NAMES[i] && ask < 0; i++)
            if (!strcmp(name, ASK_NAMES[i]))
                ask = i;
        if (ask < 0) {
            diag_error(ml->d, ml->path, f[C_ITEM]->line,
                       "item must be locate, zone, paint, reverse or marks, not '%s'", name);
            ok = false;
        }
    }
    const Module *mu = f[C_MUSCLE] ? load_muscle(ml, f[C_MUSCLE]) : NULL;
    if (!mu)
        ok = false;
    bool marks = ask == CHART_MARKS;
    if (ask >= 0 && !marks && !f[C_POINT]) {
        diag_error(ml->d, ml->path, part->sec->line, "missing key 'point' in [%s]: item = %s asks about one point",
                   part->sec->name, ASK_NAMES[ask]);
        ok = false;
    } else if (marks && f[C_POINT]) {
        diag_error(ml->d, ml->path, f[C_POINT]->line,
                   "item = marks asks for every trigger point on a view: give view, not point");
        ok = false;
    } else if (marks && !f[C_VIEW]) {
        diag_error(ml->d, ml->path, part->sec->line, "missing key 'view' in [%s]: item = marks needs the view",
                   part->sec->name);
        ok = false;
    }
    const char *view = NULL;
    if (mu && marks && f[C_VIEW]) {
        const char *want = raw_line_value(f[C_VIEW]);
        int on_view = 0;
        for (int i = 0; i < mu->n_tps; i++)
            on_view += mu->tps[i].view && !strcmp(mu->tps[i].view, want);
        if (on_view < 2)
            diag_error(ml->d, ml->path, f[C_VIEW]->line,
                       "item = marks needs at least 2 trigger points of '%s' on view '%s', it has %d", mu->id, want,
                       on_view);
        else
            view = want;
        ok = ok && view;
    }
    int tp = -1;
    if (mu && f[C_POINT] && !marks) {
        const char *pid = raw_line_value(f[C_POINT]);
        tp = module_find_tp(mu, pid);
        char list[512];
        if (tp < 0) {
            diag_error(ml->d, ml->path, f[C_POINT]->line, "unknown trigger point '%s' of muscle '%s' (it has: %s)",
                       pid, mu->id, point_list(mu, list, sizeof list));
            ok = false;
        }
    }
    if (tp >= 0 && ask >= 0) {
        const TriggerPoint *p = &mu->tps[tp];
        const char *want = f[C_VIEW] ? raw_line_value(f[C_VIEW]) : NULL;
        int line = f[C_VIEW] ? f[C_VIEW]->line : f[C_POINT]->line;
        bool zoned = ask == CHART_ZONE || ask == CHART_PAINT;
        if (zoned) {
            view = essential_view(mu, tp, want);
            if (!view && !essential_view(mu, tp, NULL))
                diag_error(ml->d, ml->path, line, "trigger point '%s' of '%s' has no essential zone to ask about",
                           p->id, mu->id);
            else if (!view)
                diag_error(ml->d, ml->path, line,
                           "view '%s': trigger point '%s' of '%s' has no essential zone on it (it has one on '%s')",
                           want, p->id, mu->id, essential_view(mu, tp, NULL));
        } else {
            view = !want || !strcmp(want, p->view) ? p->view : NULL;
            if (!view)
                diag_error(ml->d, ml->path, line, "view '%s': trigger point '%s' of '%s' is on view '%s'", want,
                           p->id, mu->id, p->view);
            else if (ask == CHART_REVERSE && !essential_view(mu, tp, view)) {
                diag_error(ml->d, ml->path, line,
                           "item = reverse needs an essential zone of trigger point '%s' of '%s' on its own view '%s'",
                           p->id, mu->id, view);
                view = NULL;
            }
        }
        if (!view)
            ok = false;
    }
    if (!ok || ml->oom)
        return;
    Module *m = ml->m;
    Question *qs = realloc(m->questions, (size_t)(m->n_questions + 1) * sizeof *qs);
    if (qs)
        m->questions = qs;
    Question q = {.line = part->sec->line, .type = QUESTION_CHART, .muscle = mu, .ask = (ChartAsk)ask, .tp = tp};
    q.id = strdup(part->id);
    q.prompt = f[C_PROMPT] ? raw_join_text(f[C_PROMPT]) : strdup("");
    q.explain = raw_join_text(f[C_EXPLAIN]);
    q.muscle_id = strdup(mu->id);
    q.point_id = tp >= 0 ? strdup(mu->tps[tp].id) : NULL;
    q.view = strdup(view);
    if (!qs || !q.id || !q.prompt || !q.explain || !q.muscle_id || (tp >= 0 && !q.point_id) || !q.view) {
        free(q.id);
        free(q.prompt);
        free(q.explain);
        free(q.muscle_id);
        free(q.point_id);
        free(q.view);
        ml->oom = true;
        return;
    }
    m->questions[m->n_questions++] = q;
}

const char *chart_ask_name(ChartAsk ask)
{
    return ask >= CHART_LOCATE && ask <= CHART_MARKS ? ASK_NAMES[ask] : "?";
}
