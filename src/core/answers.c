#include "answers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grading.h"

void answers_rebuild_one(const Library *lib, const Item *it, const RecordAnswer *ra, Answer *an, char *note,
                         size_t note_size)
{
    memset(an, 0, sizeof *an);
    note[0] = 0;
    an->credit = ra->credit;
    an->time_ms = ra->time_ms;
    an->zone = -1;
    an->answered = ra->answered;
    /* Options: the texts chosen, at the places this item shows them. */
    for (int i = 0; ra->answered && i < it->n_options; i++)
        for (int k = 0; k < ra->n_chosen && !an->chosen[i]; k++)
            an->chosen[i] = ra->chosen[k] && it->options[i] && !strcmp(ra->chosen[k], it->options[i]);
    if (!ra->answered || !it->view)
        return;
    if (ra->view && strcmp(ra->view, it->view) != 0) {
        snprintf(note, note_size,
                 "Answered on the %s chart; this station asks it on the %s chart, so it is not drawn.", ra->view,
                 it->view);
        an->answered = false;
        return;
    }
    const Module *m = it->module;
    switch (it->type) {
    case ITEM_LOCATE_TP:
    case ITEM_ZONE_CLICK:
    case ITEM_REVERSE:
        an->answered = ra->has_click;
        an->click = ra->click;
        if (it->type == ITEM_REVERSE && ra->matched) {
            /* "<module id>/<tp id>": the point the click was credited to. */
            const char *slash = strchr(ra->matched, '/');
            char id[128];
            if (slash && (size_t)(slash - ra->matched) < sizeof id) {
                memcpy(id, ra->matched, (size_t)(slash - ra->matched));
                id[slash - ra->matched] = 0;
                const Module *cm = library_find_module(lib, id);
                int tp = cm ? module_find_tp(cm, slash + 1) : -1;
                if (tp >= 0) {
                    an->reverse.module = cm;
                    an->reverse.tp = tp;
                }
            }
        }
        /* What the feedback says besides the credit: how far the click was
         * and which zone it fell in, from the same geometry as grading. */
        if (!an->answered)
            break;
        if (it->type == ITEM_LOCATE_TP) {
            const TriggerPoint *tp = &m->tps[it->tp];
            grade_locate_tp(an->click, tp->at, tp->radius, &an->distance);
        } else if (it->type == ITEM_REVERSE) {
            const TriggerPoint *tp = an->reverse.module ? &an->reverse.module->tps[an->reverse.tp] : &m->tps[it->tp];
            an->distance = geom_distance(an->click, tp->at);
        } else {
            ZoneClickResult zr = grade_zone_click(an->click, m, it->tp, it->view);
            an->distance = zr.distance;
            an->zone = zr.zone;
            an->zone_kind = zr.kind;
        }
        break;
    case ITEM_LOCATE_ALL: {
        int n = ra->n_marks < SESSION_MAX_CLICKS ? ra->n_marks : SESSION_MAX_CLICKS;
        an->clicks = malloc(sizeof *an->clicks * (size_t)(n > 0 ? n : 1));
        an->match = malloc(sizeof *an->match * (size_t)(it->n_targets > 0 ? it->n_targets : 1));
        if (!an->clicks || !an->match) {
            an->answered = false;
            break;
        }
        an->n_clicks = n;
        for (int k = 0; k < n; k++)
            an->clicks[k] = ra->marks[k];
        for (int t = 0; t < it->n_targets; t++) {
            an->match[t] = -1;
            for (int k = 0; k < n && an->match[t] < 0; k++)
                if (ra->mark_tp && ra->mark_tp[k] && !strcmp(ra->mark_tp[k], m->tps[it->targets[t]].id))
                    an->match[t] = k;
        }
        break;
    }
    case ITEM_ZONE_PAINT: {
        const View *v = library_find_view(lib, it->view);
        Grid g = v ? grade_paint_grid(v->viewbox, 0) : (Grid){0};
        if (!ra->has_paint || g.cols != ra->grid.cols || g.rows != ra->grid.rows) {
            if (ra->has_paint)
                snprintf(note, note_size, "Painted on another grid than this station's chart has, so it is not drawn.");
            an->answered = false;
            break;
        }
        size_t cells = (size_t)g.cols * (size_t)g.rows;
        an->grid = ra->grid;
        an->painted = malloc(cells);
        an->classes = malloc(cells);
        if (!an->painted || !an->classes || !record_paint_decode(ra, an->painted)) {
            an->answered = false;
            break;
        }
        an->paint = grade_zone_paint_classify(an->painted, &an->grid, m, it->tp, it->view, an->classes);
        break;
    }
    default:
        break;
    }
}

void answers_free_one(Answer *an)
{
    free(an->painted);
    free(an->classes);
    free(an->clicks);
    free(an->match);
    an->painted = an->classes = NULL;
    an->clicks = NULL;
    an->match = NULL;
}

int answers_rebuild(const Library *lib, const Record *r, RebuiltAttempt *out)
{
    memset(out, 0, sizeof *out);
    size_t n = (size_t)(r->n_answers > 0 ? r->n_answers : 1);
    out->answers = calloc(n, sizeof *out->answers);
    const char **keys = calloc(n, sizeof *keys);
    if (!out->answers || !keys) {
        free(out->answers);
        free(keys);
        out->answers = NULL;
        return -1;
    }
    int n_keys = 0;
    for (int i = 0; i < r->n_answers; i++)
        if (r->answers[i].key)
            keys[n_keys++] = r->answers[i].key;
    out->items = n_keys ? session_create_review(lib, keys, n_keys, r->seed, NULL) : NULL;
    free(keys);
    out->n_answers = r->n_answers;
    for (int i = 0; i < r->n_answers; i++) {
        RebuiltAnswer *ra = &out->answers[i];
        const RecordAnswer *rec = &r->answers[i];
        for (int k = 0; out->items && rec->key && k < session_item_count(out->items) && !ra->item; k++)
            if (!strcmp(session_item(out->items, k)->key, rec->key))
                ra->item = session_item(out->items, k);
        if (ra->item)
            answers_rebuild_one(lib, ra->item, rec, &ra->an, ra->note, sizeof ra->note);
    }
    return 0;
}

void answers_free(RebuiltAttempt *out)
{
    for (int i = 0; out->answers && i < out->n_answers; i++)
        answers_free_one(&out->answers[i].an);
    free(out->answers);
    session_free(out->items);
    memset(out, 0, sizeof *out);
}
