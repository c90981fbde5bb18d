/* The instructor screen's pages share this state and these helpers
 * (screen_instructor*.c only). */
#ifndef TPQUIZ_SCREEN_INSTRUCTOR_H
#define TPQUIZ_SCREEN_INSTRUCTOR_H

#include "answers.h"
#include "app_state.h"
#include "chrome.h"
#include "report.h"
#include "table.h"

typedef enum { PAGE_LOCKED, PAGE_REPORT, PAGE_LEARNER, PAGE_ATTEMPT, PAGE_QUESTION } Page;

/* One course cell of the learner table. */
typedef struct {
    bool any; /* the learner has attempts in the course */
    bool certified;
    int modules_passed, modules_total;
    bool exam_passed;
    int exam_attempts, attempts_left; /* attempts_left -1: unlimited */
    double best_exam;                 /* -1: no passing exam */
} CertCell;

/* What the learner table keeps of one file the report read. */
typedef struct {
    char *path;
    const char *rel; /* path below the folder (points into path) */
    char *learner, *name, *integrity;
    int records, good, attempts, quizzes, exams;
    bool intact, wrong_key;
    char **problems; /* "line 12: record 4 (...): edited: ..." */
    int n_problems;
    CertCell *cert; /* one per library course */
} LearnerRow;

/* A row of the question table: an item in one population. */
typedef struct {
    const ReportItem *item;
    ReportPopulation pop;
} QuestionRow;


enum { L_NAME, L_ID, L_ATTEMPTS, L_INTEGRITY, L_COURSE0 }; /* learner columns; one per course from L_COURSE0 */
enum { Q_TITLE, Q_ANSWERS, Q_FACILITY, Q_DISCRIM, Q_CLICKS, Q_MEDIAN, Q_SIDE, Q_NOTE, Q_COLUMNS };

struct InstructorState {
    Page page;
    char *hash; /* the config's passphrase hash, "" if none */
    char pass[256];
    char pass_error[200];
    char passwd_cmd[1200]; /* the `tpquiz passwd` line for this station's config */
    bool copied;

    /* The report */
    char folder[1024];
    char opened[1024]; /* the folder the report is of, "" before Open */
    char message[1400]; /* why nothing could be read, "" if fine */
    Report *report;
    LearnerRow *rows;
    int n_rows, cap_rows;
    int *order;
    int sort, sort_dir; /* column, +1 ascending / -1 descending */
    QuestionRow *qrows;
    int n_qrows;
    /* qorder[0..n_qshown): the rows that pass the filters, sorted; the
     * rest of qorder is scratch. qheight[row]: the row's height when the
     * question column is qheight_w wide (0: not measured). */
    int *qorder;
    int n_qshown;
    int *qheight;
    int qheight_w;
    int qsort, qsort_dir;
    int qcourse;       /* library course index the table shows, -1: all */
    char qfilter[64]; /* a module or question name to look for, "" for all */
    bool questions_tab;
    int list_scroll, q_scroll;

    /* Learner page */
    int learner; /* index into rows */
    ScoreFile *scores;
    char load_error[600];
    CertStatus *cert; /* per library course, for courses with attempts */
    bool *cert_set;
    JudgeResult *judged; /* per record of scores: re-graded against this station's courses */
    int standing_scroll, records_scroll, standing_h;

    /* Attempt page */
    int record; /* index into scores */
    RebuiltAttempt shown; /* its answers rebuilt for drawing (core answers.c) */
    int answer;
    int answers_scroll;
    bool answer_visible; /* scroll the list to the selected answer */

    /* Question page */
    int question; /* index into qorder */
    int stats_scroll;
};

typedef struct InstructorState State;


char *instr_dup_str(const char *s);
void instr_go_page(App *a, State *st, Page p);
void instr_leave(App *a);
void instr_utc_time(int64_t t, char *buf, size_t size);
int instr_text_h(App *a, FontId f);
void instr_panel(App *a, SDL_Rect r);
SDL_Rect instr_clip_to(SDL_Rect r, SDL_Rect clip);
void instr_scroll_keys(App *a, int *scroll, int page_h);
void instr_item_title(const Module *m, ReportItemKind kind, int tp, int question, const char *view, const char *key, bool with_muscle, char *buf, size_t size);
ReportItemKind instr_kind_of(const Item *it);
void instr_credit_chip(App *a, SDL_Rect r, double credit);
void instr_score_chip(App *a, SDL_Rect r, double score, bool passed);
void instr_claimed_score_chip(App *a, SDL_Rect r, double score);
void instr_free_rows(State *st);
void instr_open_question(App *a, State *st, int index);
void instr_sort_order(State *st, int *order, int n, int (*cmp)(const State *, int, int));
int instr_cmp_num(double x, double y);
/* The question rows of the report (false if out of memory), sorted and
 * filtered. */
bool instr_build_question_rows(App *a, State *st);
/* Sorts the question rows and keeps those that pass the course and name
 * filters (qorder, n_qshown). */
void instr_filter_questions(App *a, State *st);
void instr_question_table(App *a, State *st, SDL_Rect box);
void instr_page_report(App *a, State *st, SDL_Rect area);
char *instr_current_hash(const App *a);
void instr_passwd_command(const App *a, char *buf, size_t size);
void instr_page_locked(App *a, State *st, SDL_Rect area);
void instr_close_learner(App *a, State *st);
void instr_open_learner(App *a, State *st, int row);
void instr_record_title(const App *a, const ScoreFile *f, int i, char *buf, size_t size);
void instr_page_learner(App *a, State *st, SDL_Rect area);
void instr_close_attempt(App *a, State *st);
void instr_open_attempt(App *a, State *st, int record);
void instr_page_attempt(App *a, State *st, SDL_Rect area);
void instr_page_question(App *a, State *st, SDL_Rect area);

#endif
