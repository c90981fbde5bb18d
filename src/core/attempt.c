#include "attempt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Everything a session accepts must be recordable. */
_Static_assert(RECORD_MAX_PAINT_CELLS >= SESSION_MAX_PAINT_CELLS, "paintings too large to record");
_Static_assert(RECORD_MAX_MARKS >= SESSION_MAX_CLICKS, "too many marks to record");

static const char *type_name(ItemType t)
{
    switch (t) {
    case ITEM_LOCATE_TP:
        return "locate";
    case ITEM_ZONE_CLICK:
        return "zone";
    case ITEM_CHOICE:
        return "choice";
    case ITEM_MULTI:
        return "multi";
    case ITEM_ZONE_PAINT:
        return "paint";
    case ITEM_LOCATE_ALL:
        return "locate_all";
    case ITEM_REVERSE:
        return "reverse";
    }
    return "?";
}

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

void attempt_free(Record *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->n_answers; i++) {
        RecordAnswer *a = &r->answers[i];
        free(a->key);
        free(a->type);
        free(a->module);
        free(a->view);
        for (int k = 0; k < a->n_chosen; k++)
            free(a->chosen[k]);
        free(a->chosen);
        free(a->runs);
        free(a->marks);
        for (int k = 0; a->mark_tp && k < a->n_marks; k++)
            free(a->mark_tp[k]);
        free(a->mark_tp);
        free(a->matched);
    }
    free(r->answers);
    free(r->course);
    free(r->module);
    free(r->course_fp);
    free(r->void_reason);
    free(r->learner);
    free(r->name);
    free(r);
}

/* "<module id>/<tp id>" of a trigger point, or NULL if out of memory. */
static char *tp_name(const Module *m, int tp)
{
    const char *mid = m->id ? m->id : "", *tid = m->tps[tp].id ? m->tps[tp].id : "";
    size_t n = strlen(mid) + strlen(tid) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", mid, tid);
    return s;
}

/* The raw response of item it's answer an into ra: the view of a chart
 * item; the click of a locate, zone or reverse item (and the point a
 * reverse click was credited to); the painting of a paint item; the marks
 * of a locate-all item with the point each was matched to; the options
 * chosen, by their text. False if memory runs out (ra keeps what it got,
 * for attempt_free). */
static bool raw_response(const Item *it, const Answer *an, RecordAnswer *ra)
{
    if (it->view && !(ra->view = dup(it->view)))
        return false;
    if (!an->answered)
        return true;
    switch (it->type) {
    case ITEM_LOCATE_TP:
    case ITEM_ZONE_CLICK:
        ra->has_click = true;
        ra->click = an->click;
        return true;
    case ITEM_REVERSE:
        ra->has_click = true;
        ra->click = an->click;
        if (an->reverse.module && an->reverse.tp >= 0 && an->reverse.tp < an->reverse.module->n_tps)
            return (ra->matched = tp_name(an->reverse.module, an->reverse.tp)) != NULL;
        return true;
    case ITEM_ZONE_PAINT: {
        if (!an->painted)
            return true;
        int n = record_paint_encode(an->painted, an->grid.cols * an->grid.rows, &ra->runs);
        if (n < 0)
            return false;
        ra->n_runs = n;
        ra->grid = an->grid;
        ra->has_paint = true;
        return true;
    }
    case ITEM_LOCATE_ALL: {
        if (an->n_clicks == 0)
            return true;
        ra->marks = malloc(sizeof *ra->marks * (size_t)an->n_clicks);
        ra->mark_tp = calloc((size_t)an->n_clicks, sizeof *ra->mark_tp);
        if (!ra->marks || !ra->mark_tp)
            return false;
        ra->n_marks = an->n_clicks;
        for (int k = 0; k < an->n_clicks; k++)
            ra->marks[k] = an->clicks[k];
        for (int t = 0; an->match && t < it->n_targets; t++) {
            int k = an->match[t];
            const char *id = it->module->tps[it->targets[t]].id;
            if (k >= 0 && k < an->n_clicks && id && !(ra->mark_tp[k] = dup(id)))
                return false;
        }
        return true;
    }
    case ITEM_CHOICE:
    case ITEM_MULTI:
        ra->chosen = calloc(SESSION_MAX_OPTIONS, sizeof *ra->chosen);
        if (!ra->chosen)
            return false;
        for (int k = 0; k < it->n_options; k++)
            if (an->chosen[k] && !(ra->chosen[ra->n_chosen++] = dup(it->options[k])))
                return false;
        return true;
    }
    return true;
}

Record *attempt_build(const Session *s, AttemptMode mode, const Course *c, const char *module, int64_t started,
                      int64_t finished, int pass_mark, bool auto_submitted)
{
    const char *course = c ? c->id : "";
    Record *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->kind = RECORD_ATTEMPT;
    r->mode = mode;
    r->course = dup(course);
    r->module = dup(module);
    r->course_fp = c && c->fingerprint[0] ? dup(c->fingerprint) : NULL;
    r->started = started;
    r->finished = finished;
    r->seed = session_seed(s);
    r->score = session_score(s);
    r->pass_mark = pass_mark;
    /* The same comparison the screens show: percent against the mark. */
    r->passed = r->score * 100.0 + 1e-9 >= pass_mark;
    r->auto_submitted = auto_submitted;
    int n = session_item_count(s);
    r->answers = calloc((size_t)(n ? n : 1), sizeof *r->answers);
    if (!r->answers || !r->course || (module && !r->module) || (c && c->fingerprint[0] && !r->course_fp)) {
        attempt_free(r);
        return NULL;
    }
    r->n_answers = n;
    for (int i = 0; i < n; i++) {
        const Item *it = session_item(s, i);
        const Answer *an = session_answer(s, i);
        RecordAnswer *ra = &r->answers[i];
        ra->key = dup(it->key);
        ra->type = dup(type_name(it->type));
        ra->module = dup(item_owner(it)->id);
        ra->credit = an->answered ? an->credit : 0;
        ra->time_ms = an->time_ms;
        ra->answered = an->answered;
        ra->flagged = session_flagged(s, i);
        if (!ra->key || !ra->type || !ra->module) {
            attempt_free(r);
            return NULL;
        }
        if (!raw_response(it, an, ra)) {
            attempt_free(r);
            return NULL;
        }
    }
    return r;
}
