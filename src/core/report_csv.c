/* report_csv: the report as CSV (report.h, report_csv_*): one UTF-8
 * file, each table a title row, a header row and its rows. The per-file
 * tables stream to temporary files while the files are read, so memory
 * stays flat; report_csv_write joins them and adds the question table. */
#include "report.h"
#include "report_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

enum { T_FILES, T_CERT, T_MODULES, T_EXAMS, T_PROBLEMS, T_STREAMED };

struct ReportCsv {
    FILE *t[T_STREAMED];
    bool failed;
};

static const char *const CSV_HEAD[T_STREAMED] = {
    "file,status,reason,learner,name,records,good,edited,missing,reordered,truncated,outside,integrity",
    "file,learner,course,certified,modules_passed,modules_total,quiz_attempts,exam_attempts,"
    "exam_attempts_left,exam_passed,best_exam_percent",
    "file,learner,course,module,quiz_attempts,best_percent,passed",
    "file,learner,course,attempt,record,line,finished_utc,percent,pass_mark,passed,auto_submitted,"
    "integrity,certifies",
    "file,line,message",
};
static const char *const CSV_TITLE[T_STREAMED] = {"Files", "Certification", "Module quizzes", "Exam attempts",
                                                  "Problems"};
#define CSV_ITEMS_TITLE "Questions"
#define CSV_ITEMS_HEAD                                                                                       \
    "question,type,module,population,answers,answered,facility_percent,discrimination,clicks,"               \
    "mean_distance,median_distance,median_estimated,mean_distance_cm,median_distance_cm,sided_clicks,"       \
    "wrong_side_clicks,wrong_side_percent,note"

void report_csv_field(FILE *out, const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    bool quote = strpbrk(s, ",\"\r\n") != NULL || (n > 0 && (s[0] == ' ' || s[0] == '\t')) ||
                 (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'));
    if (!quote) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* A text field a person typed or a file named (names, paths, messages): a
 * leading = + - @ would make a spreadsheet run it as a formula, so such a
 * field gets a leading apostrophe (the usual defence; the apostrophe is not
 * shown by spreadsheets). Numbers go through report_csv_field. */
static void csv_text(FILE *out, const char *s)
{
    if (s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) {
        size_t n = strlen(s);
        char *g = malloc(n + 2);
        if (g) {
            g[0] = '\'';
            memcpy(g + 1, s, n + 1);
            report_csv_field(out, g);
            free(g);
            return;
        }
    }
    report_csv_field(out, s);
}

static void csv_sep(FILE *out)
{
    fputc(',', out);
}

static void csv_end(FILE *out)
{
    fputs("\r\n", out);
}

static void csv_int(FILE *out, long long v)
{
    fprintf(out, "%lld", v);
}

static void csv_num(FILE *out, double v, int decimals)
{
    char b[48];
    fputs(report_fixed(b, sizeof b, v, decimals), out);
}

ReportCsv *report_csv_create(void)
{
    ReportCsv *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    for (int i = 0; i < T_STREAMED; i++) {
        c->t[i] = tmpfile();
        if (!c->t[i]) {
            report_csv_free(c);
            return NULL;
        }
    }
    return c;
}

void report_csv_free(ReportCsv *c)
{
    if (!c)
        return;
    for (int i = 0; i < T_STREAMED; i++)
        if (c->t[i])
            fclose(c->t[i]);
    free(c);
}

static void csv_lead(FILE *o, const ReportFile *f)
{
    csv_text(o, f->path);
    csv_sep(o);
    csv_text(o, f->learner);
    csv_sep(o);
}

int report_csv_file(ReportCsv *c, const ReportFile *f)
{
    FILE *o = c->t[T_FILES];
    csv_text(o, f->path);
    csv_sep(o);
    fputs(f->skipped ? "skipped" : f->intact ? "intact" : "problems", o);
    csv_sep(o);
    csv_text(o, f->skipped ? f->reason : "");
    csv_sep(o);
    if (f->skipped) {
        fputs(",,,,,,,,,", o);
    } else {
        csv_text(o, f->learner);
        csv_sep(o);
        csv_text(o, f->name);
        csv_sep(o);
        csv_int(o, f->records);
        for (int s = RECORD_GOOD; s <= RECORD_TRUNCATED; s++) {
            csv_sep(o);
            csv_int(o, f->count[s]);
        }
        csv_sep(o);
        csv_int(o, f->outside);
        csv_sep(o);
        csv_text(o, f->integrity);
    }
    csv_end(o);

    o = c->t[T_PROBLEMS];
    if (f->skipped) {
        csv_text(o, f->path);
        fputs(",,", o);
        csv_text(o, f->reason);
        csv_end(o);
    } else {
        for (int i = 0; i < diag_count(f->problems); i++) {
            const DiagItem *it = diag_item(f->problems, i);
            csv_text(o, f->path);
            csv_sep(o);
            if (it->line > 0)
                csv_int(o, it->line);
            csv_sep(o);
            csv_text(o, it->message);
            csv_end(o);
        }
    }

    for (int k = 0; k < f->n_courses && !f->skipped; k++) {
        const ReportCourse *rc = &f->courses[k];
        const CertStatus *cs = &rc->cert;
        const Course *co = rc->course;
        o = c->t[T_CERT];
        csv_lead(o, f);
        csv_text(o, co->id);
        fprintf(o, ",%s,%d,%d,%d,%d,", cs->certified ? "yes" : "no", cs->modules_passed, cs->modules_total,
                rc->quiz_attempts, rc->exam_attempts);
        if (cs->exam_attempts_left >= 0)
            csv_int(o, cs->exam_attempts_left);
        fprintf(o, ",%s,", cs->exam_passed ? "yes" : "no");
        if (cs->best_exam)
            csv_num(o, cs->best_exam->score * 100, 2);
        csv_end(o);

        o = c->t[T_MODULES];
        for (int m = 0; m < co->n_modules; m++) {
            csv_lead(o, f);
            csv_text(o, co->id);
            csv_sep(o);
            csv_text(o, co->module_ids[m]);
            fprintf(o, ",%d,", rc->module_quizzes[m]);
            if (cs->module_best[m] >= 0)
                csv_num(o, cs->module_best[m] * 100, 2);
            fprintf(o, ",%s", cs->module_passed[m] ? "yes" : "no");
            csv_end(o);
        }

        o = c->t[T_EXAMS];
        int attempt = 0;
        for (int i = 0; i < f->records; i++) {
            const Record *rec = scorefile_record(f->scores, i);
            if (rec->kind != RECORD_ATTEMPT || rec->mode != ATTEMPT_EXAM || !report_same(rec->course, co->id))
                continue;
            attempt++;
            RecordStatus s = scorefile_status(f->scores, i);
            bool within = co->exam.attempts <= 0 || attempt <= co->exam.attempts;
            bool counts = s == RECORD_GOOD && rc->judged[i].counts;
            char date[40];
            report_date_utc(rec->finished, date, sizeof date, true);
            csv_lead(o, f);
            csv_text(o, co->id);
            fprintf(o, ",%d,", attempt);
            if (rec->seq > 0)
                csv_int(o, rec->seq);
            fprintf(o, ",%d,%s,", rec->line, date);
            csv_num(o, rec->score * 100, 2);
            fprintf(o, ",%d,%s,%s,%s,%s", rec->pass_mark, rec->passed ? "yes" : "no",
                    rec->auto_submitted ? "yes" : "no", record_status_name(s),
                    counts && rec->passed && within ? "yes" : "no");
            csv_end(o);
        }
    }
    for (int i = 0; i < T_STREAMED; i++)
        c->failed |= ferror(c->t[i]) != 0;
    return c->failed ? -1 : 0;
}

static int copy_table(FILE *from, FILE *out)
{
    char buf[65536];
    size_t got;
    if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
        return -1;
    while ((got = fread(buf, 1, sizeof buf, from)) > 0)
        if (fwrite(buf, 1, got, out) != got)
            return -1;
    return ferror(from) ? -1 : 0;
}

static void csv_items(FILE *o, const Report *r)
{
    int n = report_item_count(r);
    for (int i = 0; i < n; i++) {
        const ReportItem *it = report_item(r, i);
        for (int k = 0; k < REPORT_POPULATIONS; k++) {
            const ReportItemStats *s = &it->stats[k];
            if (s->answers == 0)
                continue;
            csv_text(o, it->key);
            csv_sep(o);
            csv_text(o, it->type);
            csv_sep(o);
            csv_text(o, it->module_id);
            fprintf(o, ",%s,%d,%d,", report_population_name((ReportPopulation)k), s->answers, s->answered);
            csv_num(o, s->facility, 2);
            csv_sep(o);
            if (s->has_discrimination)
                csv_num(o, s->discrimination, 2);
            fprintf(o, ",%d,", s->clicks);
            double cm = it->view ? it->view->cm_per_unit : 0;
            if (s->clicks > 0) {
                csv_num(o, s->mean_distance, 2);
                csv_sep(o);
                csv_num(o, s->median_distance, 2);
                fprintf(o, ",%s,", s->median_estimated ? "yes" : "no");
                if (cm > 0) {
                    csv_num(o, s->mean_distance * cm, 2);
                    csv_sep(o);
                    csv_num(o, s->median_distance * cm, 2);
                } else {
                    csv_sep(o);
                }
            } else {
                fputs(",,,,", o);
            }
            csv_sep(o);
            if (s->sided > 0) {
                fprintf(o, "%d,%d,", s->sided, s->wrong_side);
                csv_num(o, 100.0 * s->wrong_side / s->sided, 2);
            } else {
                fputs(",,", o);
            }
            char note[96];
            report_item_note(s, note, sizeof note);
            if (!it->module)
                snprintf(note + strlen(note), sizeof note - strlen(note), "%snot in these courses",
                         note[0] ? "; " : "");
            csv_sep(o);
            csv_text(o, note);
            csv_end(o);
        }
    }
}

int report_csv_write(ReportCsv *c, const Report *r, FILE *out)
{
    static const int ORDER[] = {T_FILES, T_CERT, T_MODULES, T_EXAMS, -1, T_PROBLEMS};
    int rc = c->failed ? -1 : 0;
    for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER && rc == 0; i++) {
        if (i > 0)
            csv_end(out);
        int t = ORDER[i];
        csv_text(out, t < 0 ? CSV_ITEMS_TITLE : CSV_TITLE[t]);
        csv_end(out);
        fputs(t < 0 ? CSV_ITEMS_HEAD : CSV_HEAD[t], out);
        csv_end(out);
        if (t < 0)
            csv_items(out, r);
        else
            rc = copy_table(c->t[t], out);
    }
    if (ferror(out))
        rc = -1;
    return rc;
}
