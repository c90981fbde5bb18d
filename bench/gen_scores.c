/* gen_scores: writes learner score files the way stations do, for the
 * report's test fixture and its benchmark.
 *
 * Every attempt is a real session (session_create_quiz / _exam) over a real
 * course, answered by a simulated learner, turned into a record by
 * attempt_build and appended with scorefile_append, so the files are
 * exactly what the program writes (MACs, chain, escaping). Nothing here
 * reads a clock or a global RNG: the same arguments give byte-identical
 * files.
 *
 * The simulated learner has a skill s in 0..1 (drawn per learner, or fixed
 * with --skill). A choice item is right with probability s (else a random
 * wrong option); each option of a multi item is chosen right with
 * probability s. A click lands around the target (the trigger point, or a
 * point of the essential zone) with a Gaussian spread that shrinks with s;
 * with probability (1 - s) / 6 it lands mirrored on the other side of the
 * body, and with probability (1 - s) / 10 anywhere on the chart. A
 * painting is the referral zone shifted by a spread that grows as s
 * shrinks (mirrored now and then like a click); a locate-all answer is one
 * such click per point, each point missed with probability (1 - s) / 4,
 * and one extra mark with the same probability; a reverse answer is a
 * click around the trigger point. 2% of items are left unanswered. Attempts follow the course: a quiz on each
 * module in course order, then an exam, over and over, one day apart.
 *
 * Layout written (a station's data folder):
 *   DATA/station.key            created (mode 0600) if missing, else used
 *   DATA/learners/<id>.scores   one per learner (an existing file is an error)
 *
 * A station also keeps a ledger (DATA/ledger, a line per record written
 * into a folder named learners), which every append reads back whole: for
 * thousands of learners that is quadratic. --folder NAME writes into
 * DATA/NAME instead, which has no ledger; rename it to learners afterwards
 * (bench/report.sh does). The score files are the same bytes either way.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attempt.h"
#include "course.h"
#include "diag.h"
#include "exam.h"
#include "grading.h"
#include "record.h"
#include "rng.h"
#include "session.h"

static const char USAGE[] = "Usage: gen_scores --data DIR --courses DIR --assets DIR --course ID [options]\n"
                            "\n"
                            "Writes learner score files into DIR/learners, signed with DIR/station.key\n"
                            "(created if missing).\n"
                            "\n"
                            "  --learners N     how many learners (default 1)\n"
                            "  --first K        number of the first learner (default 1): ids learnerK...\n"
                            "  --id ID          one learner with this id (with --name)\n"
                            "  --name NAME      its display name\n"
                            "  --attempts M     attempts per learner (default 20)\n"
                            "  --skill S        fixed skill 0..1 (default: drawn per learner, 0.3..0.95)\n"
                            "  --seed N         seed of everything random (default 1)\n"
                            "  --start T        unix seconds of the first attempt (default 1772438400)\n"
                            "  --folder NAME    write into DIR/NAME (default learners; another name: no ledger)\n";

typedef struct {
    const char *data, *courses, *assets, *course_id, *id, *name;
    const char *folder;
    int learners, first, attempts;
    double skill; /* < 0: drawn */
    uint64_t seed;
    int64_t start;
} Options;

static double uniform(Rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static double gaussian(Rng *r)
{
    double u = uniform(r), v = uniform(r);
    if (u < 1e-300)
        u = 1e-300;
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

static bool bernoulli(Rng *r, double p)
{
    return uniform(r) < p;
}

/* Where the learner aims for a click item, and the spread of a good click. */
static Vec2 aim(const Item *it, double *spread)
{
    const Module *m = it->module;
    const TriggerPoint *tp = &m->tps[it->tp];
    if (it->type == ITEM_LOCATE_TP || it->type == ITEM_REVERSE) {
        *spread = tp->radius;
        return tp->at;
    }
    for (int z = 0; z < m->n_zones; z++) {
        const Zone *zn = &m->zones[z];
        if (zn->tp == it->tp && zn->kind == ZONE_ESSENTIAL && !strcmp(zn->view, it->view)) {
            RectD b = geom_polygon_bounds(zn->poly.pts, zn->poly.n);
            *spread = 0.35 * (b.w < b.h ? b.w : b.h);
            return geom_polygon_centroid(zn->poly.pts, zn->poly.n);
        }
    }
    *spread = tp->radius;
    return tp->at;
}

static RectD view_box(const Library *lib, const Item *it)
{
    const View *v = library_find_view(lib, it->view);
    return v ? v->viewbox : (RectD){0, 0, 600, 1400};
}

/* A click aimed at p with a good click's spread. */
static Vec2 click_near(Rng *r, RectD vb, Vec2 p, double spread, double skill)
{
    if (bernoulli(r, (1 - skill) / 10))
        return (Vec2){vb.x + uniform(r) * vb.w, vb.y + uniform(r) * vb.h};
    double sigma = spread * (0.25 + 2.2 * (1 - skill));
    p.x += gaussian(r) * sigma;
    p.y += gaussian(r) * sigma;
    if (bernoulli(r, (1 - skill) / 6))
        p.x = 2 * (vb.x + vb.w / 2) - p.x;
    return p;
}

static Vec2 simulate_click(Rng *r, const Library *lib, const Item *it, double skill)
{
    double spread;
    Vec2 p = aim(it, &spread);
    return click_near(r, view_box(lib, it), p, spread, skill);
}

/* Locate-all: marks into out (room for SESSION_MAX_CLICKS); returns how many. */
static int simulate_marks(Rng *r, const Library *lib, const Item *it, double skill, Vec2 *out)
{
    RectD vb = view_box(lib, it);
    int n = 0;
    for (int t = 0; t < it->n_targets && n < SESSION_MAX_CLICKS - 1; t++) {
        const TriggerPoint *tp = &it->module->tps[it->targets[t]];
        if (!bernoulli(r, (1 - skill) / 4))
            out[n++] = click_near(r, vb, tp->at, tp->radius, skill);
    }
    if (bernoulli(r, (1 - skill) / 4) || n == 0)
        out[n++] = (Vec2){vb.x + vb.w * (0.3 + 0.4 * uniform(r)), vb.y + vb.h * (0.2 + 0.5 * uniform(r))};
    return n;
}

/* Zone-paint: the trigger point's zones on the item's chart, shifted, on
 * grid g; cells gets g->cols * g->rows bytes. */
static void simulate_paint(Rng *r, const Library *lib, const Item *it, double skill, const Grid *g,
                           unsigned char *cells)
{
    RectD vb = view_box(lib, it);
    double spread = 0;
    aim(it, &spread);
    double sigma = spread * (0.1 + 1.2 * (1 - skill));
    double dx = gaussian(r) * sigma, dy = gaussian(r) * sigma;
    bool mirror = bernoulli(r, (1 - skill) / 6);
    memset(cells, 0, (size_t)g->cols * (size_t)g->rows);
    const Module *m = it->module;
    for (int z = 0; z < m->n_zones; z++) {
        const Zone *zn = &m->zones[z];
        if (zn->tp != it->tp || strcmp(zn->view, it->view) != 0 || zn->poly.n > 512)
            continue;
        if (zn->kind == ZONE_SPILLOVER && !bernoulli(r, skill))
            continue;
        Vec2 pts[512];
        for (int k = 0; k < zn->poly.n; k++) {
            pts[k] = (Vec2){zn->poly.pts[k].x + dx, zn->poly.pts[k].y + dy};
            if (mirror)
                pts[k].x = 2 * (vb.x + vb.w / 2) - pts[k].x;
        }
        geom_rasterise_polygon(g, pts, zn->poly.n, cells);
    }
}

/* chosen[] for an options item (n_options entries). */
static void simulate_options(Rng *r, const Item *it, double skill, bool *chosen)
{
    memset(chosen, 0, sizeof(bool) * SESSION_MAX_OPTIONS);
    if (it->type == ITEM_CHOICE) {
        int correct = -1, n_wrong = 0, wrong[SESSION_MAX_OPTIONS];
        for (int k = 0; k < it->n_options; k++) {
            if (it->option_correct[k])
                correct = k;
            else
                wrong[n_wrong++] = k;
        }
        if ((bernoulli(r, skill) || n_wrong == 0) && correct >= 0)
            chosen[correct] = true;
        else if (n_wrong > 0)
            chosen[wrong[rng_below(r, (uint32_t)n_wrong)]] = true;
        return;
    }
    for (int k = 0; k < it->n_options; k++)
        chosen[k] = it->option_correct[k] ? bernoulli(r, skill) : bernoulli(r, (1 - skill) * 0.6);
}

/* Answers item i of s (the current one for quizzes) at now_ms. */
static void answer(Session *s, int i, Rng *r, const Library *lib, double skill, int64_t now_ms, bool exam)
{
    const Item *it = session_item(s, i);
    if (bernoulli(r, 0.02))
        return; /* left unanswered */
    if (it->type == ITEM_LOCATE_ALL) {
        Vec2 marks[SESSION_MAX_CLICKS];
        int n = simulate_marks(r, lib, it, skill, marks);
        if (exam)
            session_set_clicks(s, i, marks, n, now_ms);
        else
            session_answer_clicks(s, marks, n, now_ms);
    } else if (it->type == ITEM_ZONE_PAINT) {
        Grid g = grade_paint_grid(view_box(lib, it), 0);
        unsigned char *cells = malloc((size_t)g.cols * (size_t)g.rows);
        if (!cells)
            return;
        simulate_paint(r, lib, it, skill, &g, cells);
        if (exam)
            session_set_paint(s, i, cells, &g, now_ms);
        else
            session_answer_paint(s, cells, &g, now_ms);
        free(cells);
    } else if (it->type == ITEM_LOCATE_TP || it->type == ITEM_ZONE_CLICK || it->type == ITEM_REVERSE) {
        Vec2 c = simulate_click(r, lib, it, skill);
        if (exam)
            session_set_click(s, i, c, now_ms);
        else
            session_answer_click(s, c, now_ms);
    } else {
        bool chosen[SESSION_MAX_OPTIONS];
        simulate_options(r, it, skill, chosen);
        if (exam)
            session_set_options(s, i, chosen, now_ms);
        else
            session_answer_options(s, chosen, now_ms);
    }
}

/* One finished attempt as a record (attempt_free it), or NULL. */
static Record *run_attempt(const Library *lib, const Course *c, int index, Rng *r, double skill, int64_t t0)
{
    int nm = 0;
    const Module *mods[256];
    for (int k = 0; k < c->n_modules && nm < 256; k++)
        if (c->modules[k])
            mods[nm++] = c->modules[k];
    if (nm == 0)
        return NULL;
    bool exam = index % (nm + 1) == nm;
    const Module *m = exam ? NULL : mods[index % (nm + 1)];
    uint64_t seed = rng_next(r);
    Session *s = exam ? session_create_exam(c, seed, c->exam.questions) : session_create_quiz(m, seed);
    if (!s)
        return NULL;
    int64_t ms = t0 * 1000;
    int n = session_item_count(s);
    for (int i = 0; i < n; i++) {
        int64_t think = 2000 + (int64_t)rng_below(r, 18000);
        ms += think + 1000;
        if (exam) {
            session_goto(s, i, ms - think);
            if (bernoulli(r, 0.05))
                session_set_flag(s, i, true);
        } else {
            session_show(s, ms - think);
        }
        answer(s, i, r, lib, skill, ms, exam);
        if (!exam)
            session_next(s);
    }
    session_submit(s, ms);
    Record *rec = attempt_build(s, exam ? ATTEMPT_EXAM : ATTEMPT_QUIZ, c, exam ? NULL : m->id, t0,
                                ms / 1000, exam ? c->exam.pass_mark : c->module_pass_mark, false);
    session_free(s);
    return rec;
}

static const char *const FIRST[] = {"Anna", "Ben",   "Chloé", "Dmitri", "Eva",  "Farid", "Greta", "Hiro",
                                    "Ines", "Jonas", "Kaja",  "Luis",   "Mona", "Nils",  "Olga",  "Pavel"};
static const char *const LAST[] = {"Berg",     "Novak",  "Okafor", "Lindqvist", "Moreau", "Tanaka",  "Silva",
                                   "Kowalski", "Haddad", "Jensen", "Rossi",     "Weber",  "Ivanova", "Park"};

static int write_learner(const Options *o, const Library *lib, const Course *c, const char *id,
                         const char *name, uint64_t seed, const unsigned char *key)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/%s.scores", o->data, o->folder, id);
    Rng r;
    rng_seed(&r, seed);
    double skill = o->skill >= 0 ? o->skill : 0.3 + 0.65 * uniform(&r);
    Diag *d = diag_create();
    int rc = scorefile_create(path, id, name, o->start - 86400, key, d);
    for (int a = 0; rc == 0 && a < o->attempts; a++) {
        Record *rec = run_attempt(lib, c, a, &r, skill, o->start + (int64_t)a * 86400 + 3600);
        if (rec && rec->mode == ATTEMPT_EXAM) {
            /* An exam is opened by its signed start record, as the program does. */
            Record start = exam_start_record(c, rec->seed, rec->started);
            rc = scorefile_append_seq(path, &start, key, &rec->start_seq, d);
        }
        rc = rc == 0 && rec ? scorefile_append(path, rec, key, d) : -1;
        attempt_free(rec);
    }
    diag_print(d, stderr);
    diag_free(d);
    if (rc != 0)
        fprintf(stderr, "gen_scores: %s: failed\n", path);
    return rc;
}

static bool parse_args(int argc, char **argv, Options *o)
{
    *o = (Options){.folder = "learners", .learners = 1, .first = 1, .attempts = 20, .skill = -1, .seed = 1,
                   .start = 1772438400};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE, stdout);
            exit(0);
        }
        if (!v) {
            fprintf(stderr, "gen_scores: '%s' needs a value\n", a);
            return false;
        }
        i++;
        if (!strcmp(a, "--data"))
            o->data = v;
        else if (!strcmp(a, "--courses"))
            o->courses = v;
        else if (!strcmp(a, "--assets"))
            o->assets = v;
        else if (!strcmp(a, "--course"))
            o->course_id = v;
        else if (!strcmp(a, "--id"))
            o->id = v;
        else if (!strcmp(a, "--name"))
            o->name = v;
        else if (!strcmp(a, "--learners"))
            o->learners = atoi(v);
        else if (!strcmp(a, "--first"))
            o->first = atoi(v);
        else if (!strcmp(a, "--attempts"))
            o->attempts = atoi(v);
        else if (!strcmp(a, "--skill"))
            o->skill = atof(v);
        else if (!strcmp(a, "--seed"))
            o->seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--start"))
            o->start = strtoll(v, NULL, 10);
        else if (!strcmp(a, "--folder"))
            o->folder = v;
        else {
            fprintf(stderr, "gen_scores: unknown option '%s'\n", a);
            return false;
        }
    }
    if (!o->data || !o->courses || !o->assets || !o->course_id || o->learners < 1 || o->attempts < 0 ||
        (o->id && !o->name)) {
        fputs(USAGE, stderr);
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    Options o;
    if (!parse_args(argc, argv, &o))
        return 2;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", o.data, o.folder);
    if ((mkdir(o.data, 0700) != 0 && errno != EEXIST) || (mkdir(dir, 0700) != 0 && errno != EEXIST)) {
        fprintf(stderr, "gen_scores: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    Diag *d = diag_create();
    unsigned char key[STATION_KEY_BYTES];
    Library *lib = library_load(o.courses, o.assets, d);
    const Course *c = library_find_course(lib, o.course_id);
    int rc = station_key_load(o.data, key, d);
    if (diag_error_count(d) > 0 || !c) {
        diag_print(d, stderr);
        if (!c)
            fprintf(stderr, "gen_scores: no course '%s' in %s\n", o.course_id, o.courses);
        rc = -1;
    }
    diag_free(d);
    int failed = rc != 0;
    if (!failed && o.id) {
        failed = write_learner(&o, lib, c, o.id, o.name, o.seed, key) != 0;
    } else if (!failed) {
        for (int k = o.first; k < o.first + o.learners && !failed; k++) {
            char id[32], name[80];
            snprintf(id, sizeof id, "learner%05d", k);
            Rng nr;
            rng_seed(&nr, o.seed * 1000003u + (uint64_t)k);
            snprintf(name, sizeof name, "%s %s", FIRST[rng_below(&nr, 16)], LAST[rng_below(&nr, 14)]);
            failed = write_learner(&o, lib, c, id, name, o.seed * 1000003u + (uint64_t)k, key) != 0;
        }
    }
    library_free(lib);
    return failed ? 1 : 0;
}
