/* screens: the program state the screens share, and one function per
 * screen. A screen reads this state, lays out and draws its widgets, and
 * turns clicks into actions (changing screen, answering an item); it does
 * not parse files, grade answers or write records: core does that. */
#ifndef TPQUIZ_SCREENS_H
#define TPQUIZ_SCREENS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "chart.h"
#include "chart_view.h"
#include "certify.h"
#include "config.h"
#include "course.h"
#include "disorder.h"
#include "exam.h"
#include "learner.h"
#include "locator.h"
#include "record.h"
#include "review.h"
#include "progress.h"
#include "protocol.h"
#include "render.h"
#include "session.h"
#include "settings.h"
#include "station.h"
#include "paint.h"
#include "ui.h"

typedef enum {
    SCREEN_SIGNIN,
    SCREEN_HOME,
    SCREEN_MODULES,
    SCREEN_STUDY,
    SCREEN_PRACTICE, /* practice and module quizzes */
    SCREEN_EXAM_INTRO,
    SCREEN_EXAM,
    SCREEN_EXAM_RESULT,
    SCREEN_CERTIFICATE,
    SCREEN_PROTOCOLS,
    SCREEN_LOCATOR,
    SCREEN_DIRECTORY,
    SCREEN_INSTRUCTOR,
    SCREEN_DISORDERS,
    SCREEN_ANSWER_REVIEW, /* a session's or a record's answers, item by item */
    SCREEN_HISTORY,       /* the learner's past quizzes and exams */
    SCREEN_STATS,
    SCREEN_SETTINGS,
    SCREEN_COUNT
} ScreenId;

struct App;

/* A screen: enter runs when app_go switches to it (after the switch; it
 * may switch again), leave when app_go switches away from it (before),
 * draw every frame it is current (lays out, draws, acts on the frame's
 * input). enter and leave may be NULL. */
typedef struct {
    void (*enter)(struct App *a);
    void (*leave)(struct App *a);
    void (*draw)(struct App *a, SDL_Rect area);
    const char *name; /* for messages ("home", "practice"); may be NULL */
} ScreenEntry;

/* Every screen, indexed by ScreenId (frame.c). */
extern const ScreenEntry SCREENS[SCREEN_COUNT];

#define APP_MAX_CHARTS 4

typedef struct App {
    const Config *cfg;
    Library *lib;
    ProtocolSet *protocols;
    DisorderSet *disorders; /* the myofascial pain disorders directory */
    unsigned char key[STATION_KEY_BYTES];
    bool have_key;
    int lib_errors; /* course files with errors: shown as a banner */
    Progress *progress;
    char *data_dir;
    char *progress_path;

    SDL_Window *win;
    SDL_Renderer *sdl;
    Ren *ren;
    Ui ui;
    ChartCache *charts;

    const ScreenEntry *screens; /* SCREENS (app_go calls through it) */
    ScreenId screen;
    bool redraw;  /* state changed during the frame: draw another */
    bool quit;
    struct XapiThread *xapi; /* sends records to the LRS ([xapi] endpoint); NULL if none */
    bool xapi_tried;         /* started once (it may have failed) */
    Uint64 loading_drawn_ms; /* when the loading frame was last drawn */
    /* The courses loading on their own thread (course_loader.h) until
     * app_wait_courses takes them; lib, protocols and disorders are NULL
     * until then. loaded_event wakes the loop when they are ready. */
    struct CourseLoader *loader;
    Uint32 loaded_event;
    char course_problems[512]; /* for the banner once sign-in is left ("" if none) */
    bool scripted;             /* run by --script: nothing drawn but the script's frames */
    char banner[512]; /* an error the learner must see, "" if none */
    /* The display settings (core settings.h) and their file; NULL without
     * a data folder (they apply, but are not kept). */
    Settings settings;
    char *settings_path;

    const Course *course;
    const Module *module;

    /* The learner signed in ("" before sign-in) and their score file. */
    char learner[LEARNER_ID_MAX + 1];
    int learner_lock; /* fd holding learners/<id>.lock while signed in, -1 if none */
    char learner_name[LEARNER_NAME_MAX + 1];
    ScoreFile *scores;
    /* certify's verdict on each record of scores, judged once per course
     * (app_cert_status: judging re-grades every attempt, too slow for every
     * frame with a long history); forgotten whenever scores changes. */
    struct {
        const Course *course;
        RecordStatus *st;
    } cert_cache[8];
    int n_cert_cache;
    ReviewDeck *review; /* spaced review of every auto-graded item met */
    /* Sign-in: this station's learners (rescanned at sign-out) and why the
     * last sign-in failed ("" if it did not). */
    struct {
        KnownLearner *known;
        int n_known;
        char error[300];
    } signin;

    /* Zoom and pan of the charts, per module and view (chart_view.c). */
    ChartViews views;

    /* The module list of a course (home resets it when a course opens). */
    struct {
        int scroll;
        char filter[64];
    } modules;
    /* The screens' own state is static in their files (screen_*.c); only
     * what more than one screen reads or sets is here. */
    ScreenId study_return; /* where Back leads from the study screen */
    const Module *study_back_module; /* study_return SCREEN_PRACTICE: the practice's module, restored on Back */
    int practice_length; /* items a module's practice serves at most (0: all); the learner's last choice */
    /* The practice, quiz or review being taken (screen_practice.c) and,
     * for the exam (screen_exam.c), its session and record; item_view.c
     * and app_state.c read and start it. */
    struct {
        Session *session;
        const Protocol *protocol; /* the protocol whose muscles a practice is over, or NULL */
        bool misses; /* a practice of missed items (app_start_misses): no module's progress */
        bool option_chosen[SESSION_MAX_OPTIONS];
        int summary_scroll;
        bool practice_recorded;
        int64_t started_ms;
        bool record_saved;      /* the quiz/exam record is in the score file */
        char record_error[300]; /* why it is not (yet): shown, and retried */
    } run;

    /* The answer area of an item (item_view.c). Work in progress on a
     * paint or locate-all item (before it is answered, or while an exam
     * answer is being changed). */
    struct {
        const Session *session;
        const Item *item;
        PaintCanvas canvas;
        bool canvas_ok;
        Vec2 marks[64];
        int n_marks;
    } work;
    /* The keyboard crosshair on a chart item (item_view.c). */
    struct {
        bool on;
        Vec2 at;
        const Session *session;
        const Item *item;
    } cross;

    /* Exam */
    const Course *exam_course;
    struct ExamRun *exam;      /* the exam in progress (core exam.c), NULL if none */

    /* Time: real, or virtual (advanced only by the script). */
    bool virtual_clock;
    int64_t virtual_ms;
    uint64_t seed_override; /* 0: seed from the clock */

    /* Charts drawn in the current frame, for `click-image`. */
    struct {
        char view[64];
        ChartLayout layout;
    } drawn[APP_MAX_CHARTS];
    int n_drawn;

    /* Instructor screen (screen_instructor.c): its state while it is open
     * (unlocked or not), NULL otherwise. */
    struct InstructorState *instructor;
} App;

void screen_signin(App *a, SDL_Rect area);
void screen_home(App *a, SDL_Rect area);
void screen_exam_intro(App *a, SDL_Rect area);
void screen_exam(App *a, SDL_Rect area);
void screen_exam_result(App *a, SDL_Rect area);
void screen_certificate(App *a, SDL_Rect area);
void screen_protocols(App *a, SDL_Rect area);
void screen_locator(App *a, SDL_Rect area);
/* Frees the locator's canvases (at exit). */
void screen_locator_free(void);
void screen_directory(App *a, SDL_Rect area);
void screen_disorders(App *a, SDL_Rect area);
/* The learner's statistics: computed on enter, freed on leave. */
void screen_stats(App *a, SDL_Rect area);
void screen_stats_enter(App *a);
void screen_stats_leave(App *a);
/* Shows protocol p on the pain protocols screen (the next time it is
 * drawn), from a link elsewhere. */
void screen_protocols_show(const App *a, const Protocol *p);
void screen_modules(App *a, SDL_Rect area);
void screen_modules_enter(App *a);
void screen_study(App *a, SDL_Rect area);
void screen_study_enter(App *a);
/* The study screen of a lesson (screen_study hands a lesson to it): its
 * pages one at a time, then its quiz. */
void screen_lesson(App *a, SDL_Rect area);
void screen_lesson_enter(App *a);
void screen_practice(App *a, SDL_Rect area);
/* The feedback on an answered item, as practice gives it: the credit line
 * (head) and what it means (body). */
void practice_feedback(const App *a, const Item *it, const Answer *an, char *head, size_t hs, char *body,
                       size_t bs);
/* Settings: text size, full screen, reduce motion. screen_settings_open
 * shows it, Back returning to the current screen; screen_settings_apply
 * puts a->settings into effect (the window; frame.c scales the text). */
void screen_settings(App *a, SDL_Rect area);
void screen_settings_open(App *a);
void screen_settings_apply(App *a);

/* Instructor screen: entered locked (from sign-in); leaving it forgets
 * the passphrase, the unlocked state and the report. */
void screen_instructor(App *a, SDL_Rect area);
void instructor_screen_enter(App *a);
void instructor_screen_leave(App *a);

#endif
