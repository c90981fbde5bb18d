#include "attempt.h"

#include <stdlib.h>
#include <string.h>

static const char *type_name(ItemType t)
{
    switch (t) {
    case ITEM_LOCATE_TP:
        return "locate";
    case ITEM_ZONE_CLICK:
        return "zone";
    case ITEM_CHOICE:
        return "choice";
    default:
        return "multi";
    }
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
    }
    free(r->answers);
    free(r->course);
    free(r->module);
    free(r->learner);
    free(r->name);
    free(r);
}

Record *attempt_build(const Session *s, AttemptMode mode, const char *course, const char *module,
                      int64_t started, int64_t finished, int pass_mark, bool auto_submitted)
{
    Record *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->kind = RECORD_ATTEMPT;
    r->mode = mode;
    r->course = dup(course);
    r->module = dup(module);
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
    if (!r->answers || (course && !r->course) || (module && !r->module)) {
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
        ra->module = dup(it->module->id);
        ra->credit = an->answered ? an->credit : 0;
        ra->time_ms = an->time_ms;
        ra->answered = an->answered;
        ra->flagged = session_flagged(s, i);
        if (!ra->key || !ra->type || !ra->module) {
            attempt_free(r);
            return NULL;
        }
        if (it->type == ITEM_LOCATE_TP || it->type == ITEM_ZONE_CLICK) {
            ra->view = dup(it->view);
            ra->has_click = an->answered;
            ra->click = an->click;
        } else if (an->answered) {
            ra->chosen = calloc(SESSION_MAX_OPTIONS, sizeof *ra->chosen);
            if (!ra->chosen) {
                attempt_free(r);
                return NULL;
            }
            for (int k = 0; k < it->n_options; k++)
                if (an->chosen[k])
                    ra->chosen[ra->n_chosen++] = dup(it->options[k]);
        }
    }
    return r;
}
