/* Genuine attempts for unit tests: records made the way the program makes
 * them (a real session from the course, right answers or none, the exam's
 * signed start record), so that re-grading (judge.h) accepts them. For the
 * cmocka tests: include after <cmocka.h>. */
#ifndef TPQUIZ_TEST_REAL_ATTEMPTS_H
#define TPQUIZ_TEST_REAL_ATTEMPTS_H

#include <stdlib.h>
#include <string.h>

#include "attempt.h"
#include "exam.h"
#include "grading.h"

/* The first essential zone of item it's trigger point on the item's view. */
static const Zone *essential_zone(const Item *it)
{
    for (int z = 0; z < it->module->n_zones; z++) {
        const Zone *zn = &it->module->zones[z];
        if (zn->tp == it->tp && zn->kind == ZONE_ESSENTIAL && strcmp(zn->view, it->view) == 0)
            return zn;
    }
    return NULL;
}

/* Gives item i of s its right answer (perfect) or leaves it unanswered. */
static void answer_item(const Library *lib, Session *s, int i, bool exam)
{
    const Item *it = session_item(s, i);
    if (it->type == ITEM_CHOICE || it->type == ITEM_MULTI) {
        bool chosen[SESSION_MAX_OPTIONS];
        memcpy(chosen, it->option_correct, sizeof chosen);
        exam ? session_set_options(s, i, chosen, 0) : session_answer_options(s, chosen, 0);
    } else if (it->type == ITEM_LOCATE_ALL) {
        Vec2 marks[SESSION_MAX_CLICKS];
        for (int k = 0; k < it->n_targets; k++)
            marks[k] = it->module->tps[it->targets[k]].at;
        exam ? session_set_clicks(s, i, marks, it->n_targets, 0)
             : session_answer_clicks(s, marks, it->n_targets, 0);
    } else if (it->type == ITEM_ZONE_PAINT) {
        const Zone *z = essential_zone(it);
        Grid g = grade_paint_grid(library_find_view(lib, it->view)->viewbox, 0);
        unsigned char *cells = calloc((size_t)g.cols * (size_t)g.rows, 1);
        assert_non_null(cells);
        geom_rasterise_polygon(&g, z->poly.pts, z->poly.n, cells);
        exam ? session_set_paint(s, i, cells, &g, 0) : session_answer_paint(s, cells, &g, 0);
        free(cells);
    } else {
        const Zone *z = it->type == ITEM_ZONE_CLICK ? essential_zone(it) : NULL;
        Vec2 c = z ? geom_polygon_centroid(z->poly.pts, z->poly.n) : it->module->tps[it->tp].at;
        exam ? session_set_click(s, i, c, 0) : session_answer_click(s, c, 0);
    }
}

/* Appends to the score file at path a genuine record of the course, as
 * the program writes it: a quiz of module (or, for NULL, an exam with its
 * start record) whose every answer is right (pass) or missing, started
 * ten minutes before t and finished at t, seed 1. */
static void real_attempt(const Library *lib, const char *course, const char *path, const unsigned char *key,
                         const char *module, bool pass, int64_t t)
{
    const Course *c = library_find_course(lib, course);
    assert_non_null(c);
    bool exam = module == NULL;
    Diag *d = diag_create();
    Record start = exam_start_record(c, 1, t - 600);
    if (exam)
        assert_int_equal(scorefile_append_seq(path, &start, key, &start.seq, d), 0);
    Session *s = exam ? exam_rebuild(c, &start) : session_create_quiz(library_find_module(lib, module), 1);
    assert_non_null(s);
    for (int i = 0; i < session_item_count(s); i++) {
        if (pass)
            answer_item(lib, s, i, exam);
        if (!exam)
            session_next(s);
    }
    Record *r = attempt_build(s, exam ? ATTEMPT_EXAM : ATTEMPT_QUIZ, c, module, t - 600, t,
                              exam ? c->exam.pass_mark : c->module_pass_mark, false);
    assert_non_null(r);
    r->start_seq = exam ? start.seq : 0;
    assert_true(r->passed == pass);
    assert_int_equal(scorefile_append(path, r, key, d), 0);
    attempt_free(r);
    session_free(s);
    diag_free(d);
}


#endif
