/* course: modules (muscles and lessons), courses and the library that
 * holds them.
 *
 * A Library is everything under a courses folder: every course
 * (<dir>/<id>/course.ini), every module the courses list (a muscle,
 * <dir>/muscles/<id>.ini, or a lesson, <dir>/lessons/<id>.ini) and the
 * chart views the modules use (<assets>/anatomy/<view>.svg). Loading reports every problem into a Diag
 * with path:line and keeps whatever is valid, so one bad module does not hide
 * the rest. All strings are owned by the Library and live until
 * library_free(). The formats are described in docs/FORMATS.md. */
#ifndef TPQUIZ_COURSE_H
#define TPQUIZ_COURSE_H

#include <stdbool.h>

#include "diag.h"
#include "geometry.h"

typedef enum { ZONE_ESSENTIAL, ZONE_SPILLOVER } ZoneKind;

/* How a zone's authored points are read: the polygon through them, or a
 * smooth closed curve (centripetal Catmull-Rom) through them. */
typedef enum { ZONE_OUTLINE_POLYGON, ZONE_OUTLINE_SMOOTH } ZoneOutline;

typedef struct {
    char *id;       /* the part after "tp." */
    char *view;     /* view name, e.g. "front" */
    Vec2 at;        /* image units of the view */
    double radius;  /* full-credit radius, image units */
    bool primary;
    char *label;    /* short name, e.g. "Lower iliacus" */
    char *location; /* one line in words */
    int line;
} TriggerPoint;

typedef struct {
    char *id;   /* the part after "zone." */
    char *view;
    char *tp_id;
    int tp;     /* index into Module.tps, -1 if unresolved */
    ZoneKind kind;
    ZoneOutline outline;
    /* The outline everything uses (grading, drawing, reports): the authored
     * points for a polygon, the curve sampled once at load
     * (ZONE_SMOOTH_SAMPLES per authored segment) for a smooth zone. */
    Polygon poly;
    /* poly's bounding box, set at load so grading and the report can pass
     * over a zone the click is far from; all zero when not known (a Zone
     * built by hand), which only means every zone is measured in full. */
    RectD bounds;
    Polygon authored; /* the points as written in the file (for the fingerprint) */
    int line;
} Zone;

typedef enum { QUESTION_CHOICE, QUESTION_MULTI, QUESTION_CHART } QuestionType;

/* What a chart question asks on its muscle's chart: the muscle module's own
 * item of that kind for the point (locate, zone click, zone paint, reverse),
 * or for a view (marks: every trigger point of the muscle on it). */
typedef enum { CHART_LOCATE, CHART_ZONE, CHART_PAINT, CHART_REVERSE, CHART_MARKS } ChartAsk;

struct Module;

typedef struct {
    char *id; /* the part after "question." */
    QuestionType type;
    char *prompt;   /* a chart question: "" asks with the muscle item's own prompt */
    char **correct; /* choice and multi only */
    int n_correct;
    char **wrong;
    int n_wrong;
    char *explain;
    /* A chart question (a lesson's): the muscle module it is asked on
     * (loaded with the lesson, owned by the library), the point's index in
     * it (-1 for marks) and the view it is answered on (the muscle item's
     * view unless the file names another one the point is on). NULL, -1,
     * NULL otherwise. */
    char *muscle_id;
    const struct Module *muscle;
    ChartAsk ask;
    char *point_id;
    int tp;
    char *view;
    int line;
} Question;

/* A module is a muscle (courses/muscles/<id>.ini: a chart, trigger points,
 * zones and questions) or a lesson (courses/lessons/<id>.ini: pages of text
 * with figures, then questions). Both share one id space and are listed by
 * courses alike; a lesson has no trigger points or zones. */
typedef enum { MODULE_MUSCLE, MODULE_LESSON } ModuleKind;

/* A labelled point on a lesson figure: the program draws the label with a
 * leader line to it (the SVG renderer draws no text). */
typedef struct {
    Vec2 at; /* figure units (its viewBox) */
    char *text;
} FigureLabel;

typedef struct {
    char *id;      /* the part after "page." */
    char *title;
    char *text;    /* the text rule of module text ("- " starts a new line) */
    char *figure;  /* path of the figure SVG (checked), or NULL */
    RectD figure_box; /* its viewBox */
    char *caption; /* "" if none */
    FigureLabel *labels;
    int n_labels;
    int line;
} LessonPage;

/* A muscle's self-care ([selfcare] of its module): a figure of the
 * self-stretch or self-pressure position and short instructions. Prose for
 * the study page only: it does not enter grading or the fingerprint. */
typedef struct {
    char *figure;     /* path of the figure SVG (checked) */
    RectD figure_box; /* its viewBox */
    char *caption;    /* one or two lines under the figure */
    char *position;   /* how to take the position */
    char *feel;       /* what the learner should feel */
    char *dose;       /* how long and how often */
    char *caution;    /* when not to, or what to avoid */
    int line;
} SelfCare;

typedef struct Module {
    char *id; /* file name without .ini */
    char *path;
    ModuleKind kind;
    char *name; /* a lesson's title */
    char *group;          /* a MUSCLE_GROUPS id */
    char **pain_regions;  /* PAIN_REGIONS ids */
    int n_pain_regions;
    /* Learner-facing text; a continuation line joins with a space, one that
     * starts with "- " begins a new line. */
    char *attachments, *action, *causes, *symptoms, *differential, *treatment, *self_care;
    TriggerPoint *tps;
    int n_tps;
    Zone *zones;
    int n_zones;
    Question *questions;
    int n_questions;
    /* The muscle overlays that passed the load's checks, one per view at
     * most: overlay_views[i] is drawn with overlay_paths[i]. */
    char **overlay_views, **overlay_paths;
    int n_overlays;
    /* [muscle] deep_views: views on which the muscle is seen through the
     * body or lies under other muscles (module_view_is_deep). */
    char **deep_views;
    int n_deep_views;
    /* A lesson's one-line summary and its pages ("" and none for a muscle). */
    char *summary;
    LessonPage *pages;
    int n_pages;
    /* A muscle's [selfcare], or NULL (none, or it had an error). */
    SelfCare *selfcare;
} Module;

typedef struct {
    int time_limit_min;
    int questions;
    int pass_mark;     /* percent */
    int attempts;      /* 0 = unlimited */
    int wait_hours;    /* between attempts */
    bool show_answers; /* correct answers shown on the result screen */
    /* stations = issued: an exam counts only when sealed by a station key
     * the institute issued (the report's --keys); any (default): any key. */
    bool issued_stations;
    int questions_line; /* where `questions` is set, for messages (0: not set) */
} ExamRules;

typedef struct {
    char *id;
    char *path;
    char *title;
    char *description;
    char **module_ids;
    int n_modules;
    const Module **modules; /* resolved; an entry is NULL if the module failed to load */
    int module_pass_mark;   /* percent */
    int order;              /* where it is listed: lower first, then by id (COURSE_ORDER_NONE: last) */
    ExamRules exam;
    /* What grading depends on, hashed (fingerprint.h): 64 hex digits, set
     * once the course and its modules are loaded. Records carry it. */
    char fingerprint[65];
} Course;

#define COURSE_ORDER_NONE 1000

/* Caps on what one file may hold (docs/FORMATS.md): beyond them a file is
 * not course material but an accident or an attack, and loading it would
 * stall every start of the program. */
#define COURSE_MAX_MODULES 200          /* modules per course */
#define COURSE_MAX_TPS 64               /* trigger points per module */
#define COURSE_MAX_ZONES 256            /* zones per module */
#define COURSE_MAX_QUESTIONS 200        /* authored questions per module */
#define COURSE_MAX_OPTIONS 8            /* options per question: keys 1..8 pick them */
#define COURSE_MAX_POLY_POINTS 1000     /* points per zone polygon */
#define ZONE_SMOOTH_SAMPLES 8           /* polygon points per authored segment of a smooth zone */
#define COURSE_MIN_RADIUS 0.5           /* image units */
#define COURSE_MAX_PAGES 40             /* pages per lesson */
#define COURSE_MAX_LABELS 12            /* labels per lesson figure */

typedef struct {
    char *name; /* "front", "back", ... */
    char *path; /* the SVG file */
    RectD viewbox;
    double cm_per_unit; /* real-body scale from the SVG's data-cm-per-unit, 0 if not given */
    bool ok;    /* false if the file is missing or has no usable viewBox */
} View;

typedef struct Library Library;

/* An empty library that finds views under assets_dir/anatomy, lesson
 * figures under assets_dir/figures, and modules under courses_dir/muscles
 * and courses_dir/lessons. Never returns NULL. */
Library *library_create(const char *courses_dir, const char *assets_dir);
/* Loads every course found under courses_dir (each <id>/course.ini) and the
 * modules they list. */
void library_load_all(Library *lib, Diag *d);
/* Asks go_on(ctx) before each course and each module file is read; once it
 * returns false nothing more is read (what is loaded stays usable, and
 * library_stopped says so). For a program that must stay responsive while
 * it loads: its window can be closed at any moment. */
void library_set_progress(Library *lib, bool (*go_on)(void *ctx), void *ctx);
bool library_stopped(const Library *lib);
/* create + load_all. Never returns NULL. */
Library *library_load(const char *courses_dir, const char *assets_dir, Diag *d);
/* Loads one course file and the modules it lists (from the library's muscles
 * folder). NULL if the file cannot be read or has no usable [course]. */
const Course *library_load_course_file(Library *lib, const char *path, Diag *d);
/* Loads one module file (any path) into the library, checking its views
 * (or, for a lesson, its figures): a file with a [lesson] section is a
 * lesson. NULL only if the file cannot be read. A module already loaded
 * under the same id is returned as it is. */
const Module *library_load_module_file(Library *lib, const char *path, Diag *d);
void library_free(Library *lib);

int library_course_count(const Library *lib);
const Course *library_course(const Library *lib, int i);
const Course *library_find_course(const Library *lib, const char *id);

int library_module_count(const Library *lib);
const Module *library_module(const Library *lib, int i);
const Module *library_find_module(const Library *lib, const char *id);

/* The view by name, loaded on first use by a module; NULL if no module uses it. */
const View *library_find_view(const Library *lib, const char *name);
int library_view_count(const Library *lib);
const View *library_view(const Library *lib, int i);

/* Path of a muscle's overlay for a view: <assets>/anatomy/muscles/<id>.<view>.svg
 * (written into buf; returns buf). Whether it exists is for the caller. */
char *library_overlay_path(const Library *lib, const char *muscle_id, const char *view, char *buf,
                           int size);

/* True (and an error against path) if path, named inside the library's
 * courses or assets folder, leads out of that folder through a symbolic
 * link to a file or folder: the library never reads it (a link to a device
 * or FIFO is left to the reader, which refuses it and says what it is). A
 * path named elsewhere (a file given to `check`) is the caller's choice and not judged. */
bool library_link_leaves(const Library *lib, const char *path, Diag *d);

/* The usable overlay of a module's muscle on a view (checked when the
 * module loaded: a regular file inside the assets folder whose viewBox is
 * the view's), or NULL: then only the chart is drawn. */
const char *module_overlay(const Module *m, const char *view);
/* True if the module lists view in deep_views: its overlay there shows a
 * muscle seen through the body or under other muscles. */
bool module_view_is_deep(const Module *m, const char *view);

/* "locate", "zone", "paint", "reverse" or "marks": the item = value of a chart question. */
const char *chart_ask_name(ChartAsk ask);

/* Index of the trigger point with this id, or -1. */
int module_find_tp(const Module *m, const char *tp_id);

/* Controlled vocabularies, for validation and browsing. Each table ends
 * with a {NULL, NULL} entry. */
typedef struct {
    const char *id;
    const char *name;
} NamedId;
extern const NamedId PAIN_REGIONS[];
extern const NamedId MUSCLE_GROUPS[];
const char *named_id_name(const NamedId *table, const char *id); /* NULL if unknown */

/* An id of a course, module, trigger point, zone or question: one or more of
 * [a-z0-9_] (false for NULL). */
bool course_valid_id(const char *s);

#endif
