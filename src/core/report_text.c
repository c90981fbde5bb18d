/* report_text: the report as text (report.h, report_text_*): a block per
 * learner file, then the question table, the skipped files, learners with
 * more than one file, and the totals. */
#include "report.h"
#include "report_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *pct(char *buf, size_t size, double fraction)
{
    char num[32];
    snprintf(buf, size, "%s%%", report_fixed(num, sizeof num, fraction * 100, 1));
    return buf;
}

/* For sorting the files read by learner id, then by their place. qsort
 * takes no context: the report being written is set here first (the text
 * report is written by one thread). */
static const Report *sort_seen;

/* A learner with several files: the place of its first file, and where
 * its run starts in the sorted order. */
typedef struct {
    int place, at;
} SeenGroup;

static int cmp_group(const void *pa, const void *pb)
{
    const SeenGroup *a = pa, *b = pb;
    return (a->place > b->place) - (a->place < b->place);
}

static int cmp_seen(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    int c = strcmp(sort_seen->seen_id[a], sort_seen->seen_id[b]);
    return c ? c : (a > b) - (a < b);
}

void report_text_begin(FILE *out, const char *dir, const ReportOptions *opt, int n_files)
{
    fprintf(out, "tpquiz report: %d file%s in %s", n_files, n_files == 1 ? "" : "s", dir);
    if (opt && opt->course)
        fprintf(out, ", course %s", opt->course);
    fputs("\n\n", out);
}

/* The exam records of course c in file order, as the learner block lists
 * them: attempt number, date, score, verdict, integrity. */
static void text_exams(FILE *out, const ReportFile *f, const ReportCourse *rc)
{
    const Course *c = rc->course;
    int k = 0;
    for (int i = 0; i < f->records; i++) {
        const Record *rec = scorefile_record(f->scores, i);
        if (rec->kind != RECORD_ATTEMPT || rec->mode != ATTEMPT_EXAM || !report_same(rec->course, c->id))
            continue;
        k++;
        RecordStatus s = scorefile_status(f->scores, i);
        char date[32], sc[40], label[32];
        report_date_utc(rec->finished, date, sizeof date, false);
        snprintf(label, sizeof label, "exam %d", k);
        fprintf(out, "    %-22s %s  %7s  %s", label, date, pct(sc, sizeof sc, rec->score),
                rec->passed ? "passed" : "failed");
        if (rec->auto_submitted)
            fputs(", submitted at the deadline", out);
        const JudgeResult *j = &rc->judged[i];
        if (s != RECORD_GOOD)
            fprintf(out, "  [record %s: does not count]", record_status_name(s));
        else if (!j->counts)
            fprintf(out, "  [%s%s: does not count]", j->code == JUDGE_VOID ? "" : "re-graded: ", j->why);
        else if (rec->passed && c->exam.attempts > 0 && k > c->exam.attempts)
            fputs("  [beyond the attempt limit: does not count]", out);
        fputc('\n', out);
    }
}

void report_text_file(FILE *out, const ReportFile *f)
{
    if (f->skipped) {
        fprintf(out, "skipped: %s: %s\n\n", f->path, f->reason);
        return;
    }
    fprintf(out, "%s  %s  (%s)\n", f->learner, f->name ? f->name : "?", f->path);
    fprintf(out, "  %-24s %s\n", f->intact ? "file" : "file: PROBLEMS", f->integrity);
    for (int i = 0; i < diag_count(f->problems); i++) {
        const DiagItem *it = diag_item(f->problems, i);
        if (it->line > 0)
            fprintf(out, "  %-24s line %d: %s\n", "", it->line, it->message);
        else
            fprintf(out, "  %-24s %s\n", "", it->message);
    }
    if (f->n_courses == 0)
        fprintf(out, "  %-24s no attempts%s\n", "attempts", f->attempts ? " in the courses here" : " yet");
    for (int k = 0; k < f->n_courses; k++) {
        const ReportCourse *rc = &f->courses[k];
        const CertStatus *cs = &rc->cert;
        char best[64] = "", sc[40];
        if (cs->best_exam)
            snprintf(best, sizeof best, ", best %s", pct(sc, sizeof sc, cs->best_exam->score));
        fprintf(out, "  %-24s %s: modules %d of %d passed, exam %s (%d attempt%s%s", rc->course->id,
                cs->certified ? "CERTIFIED" : "not certified", cs->modules_passed, cs->modules_total,
                cs->exam_passed ? "passed" : "not passed", rc->exam_attempts,
                rc->exam_attempts == 1 ? "" : "s", best);
        if (cs->exam_attempts_left >= 0 && !cs->exam_passed)
            fprintf(out, ", %d left", cs->exam_attempts_left);
        fputs(")\n", out);
        const Course *c = rc->course;
        for (int m = 0; m < c->n_modules; m++) {
            if (rc->module_quizzes[m] == 0) {
                fprintf(out, "    %-22s no quiz\n", c->module_ids[m]);
                continue;
            }
            fprintf(out, "    %-22s best %7s  %s (%d quiz%s)\n", c->module_ids[m],
                    cs->module_best[m] >= 0 ? pct(sc, sizeof sc, cs->module_best[m]) : "-",
                    cs->module_passed[m] ? "passed" : "not passed", rc->module_quizzes[m],
                    rc->module_quizzes[m] == 1 ? "" : "zes");
        }
        text_exams(out, f, rc);
    }
    fputc('\n', out);
}

static void distance_text(char *buf, size_t size, double d, const View *v)
{
    char a[32], b[32];
    if (v && v->cm_per_unit > 0)
        snprintf(buf, size, "%s (%s cm)", report_fixed(a, sizeof a, d, 1),
                 report_fixed(b, sizeof b, d * v->cm_per_unit, 1));
    else
        snprintf(buf, size, "%s", report_fixed(a, sizeof a, d, 1));
}

void report_text_end(FILE *out, const Report *r)
{
    const ReportSummary *s = &r->sum;
    int n = report_item_count(r);
    int keyw = 24;
    for (int i = 0; i < n; i++) {
        int len = (int)strlen(report_item(r, i)->key);
        if (len > keyw)
            keyw = len > 60 ? 60 : len;
    }
    fprintf(out,
            "Questions: %d (good attempts only; discrimination index as in Moodle's statistics report;\n"
            "distances in chart units, centimetres in brackets; wrong side: see docs/REPORT.md)\n",
            n);
    fprintf(out, "%-*s %-4s %7s %8s %8s %6s %15s %15s %11s  %s\n", keyw, "question", "pop", "answers",
            "facility", "discrim", "clicks", "mean distance", "median dist.", "wrong side", "note");
    for (int i = 0; i < n; i++) {
        const ReportItem *it = report_item(r, i);
        for (int k = 0; k < REPORT_POPULATIONS; k++) {
            const ReportItemStats *st = &it->stats[k];
            if (st->answers == 0)
                continue;
            char fac[40], dis[40] = "-", mean[80] = "-", med[80] = "-", side[40] = "-", note[96], num[32];
            snprintf(fac, sizeof fac, "%s%%", report_fixed(num, sizeof num, st->facility, 1));
            if (st->has_discrimination)
                snprintf(dis, sizeof dis, "%s%s", st->discrimination >= 0 ? "+" : "",
                         report_fixed(num, sizeof num, st->discrimination, 1));
            if (st->clicks > 0) {
                distance_text(mean, sizeof mean, st->mean_distance, it->view);
                distance_text(med, sizeof med, st->median_distance, it->view);
                if (st->median_estimated)
                    strncat(med, "~", sizeof med - strlen(med) - 1);
            }
            if (st->sided > 0)
                snprintf(side, sizeof side, "%s%%",
                         report_fixed(num, sizeof num, 100.0 * st->wrong_side / st->sided, 1));
            report_item_note(st, note, sizeof note);
            if (!it->module)
                snprintf(note + strlen(note), sizeof note - strlen(note), "%snot in these courses",
                         note[0] ? "; " : "");
            fprintf(out, "%-*s %-4s %7d %8s %8s %6d %15s %15s %11s  %s\n", keyw, it->key,
                    report_population_name((ReportPopulation)k), st->answers, fac, dis, st->clicks, mean, med,
                    side, note);
        }
    }
    if (n == 0)
        fputs("  (no good attempts)\n", out);
    fputc('\n', out);
    if (r->n_skipped > 0) {
        fprintf(out, "Skipped files: %d\n", r->n_skipped);
        for (int i = 0; i < r->n_skipped; i++)
            fprintf(out, "  %s: %s\n", r->skip_path[i], r->skip_reason[i]);
        fputc('\n', out);
    }
    /* One learner in several files: two stations, or a copy. Each file is
     * judged on its own (and against its own station's ledger); the
     * instructor should know they are one person. Files sorted by learner
     * (then by their place) find the groups in n log n: a folder of 100,000
     * learners is no slower here than one of 1,000 per file. */
    int dups = 0;
    int *order = r->n_seen > 1 ? malloc(sizeof *order * (size_t)r->n_seen) : NULL;
    SeenGroup *groups = order ? malloc(sizeof *groups * (size_t)r->n_seen) : NULL;
    int n_groups = 0;
    if (order && groups) {
        for (int i = 0; i < r->n_seen; i++)
            order[i] = i;
        sort_seen = r;
        qsort(order, (size_t)r->n_seen, sizeof *order, cmp_seen);
        for (int a = 0; a < r->n_seen;) {
            int b = a + 1;
            while (b < r->n_seen && !strcmp(r->seen_id[order[b]], r->seen_id[order[a]]))
                b++;
            if (b - a > 1) /* its first file is order[a], the lowest place */
                groups[n_groups++] = (SeenGroup){order[a], a};
            a = b;
        }
        /* Groups in the order their first files were read. */
        qsort(groups, (size_t)n_groups, sizeof *groups, cmp_group);
    }
    for (int k = 0; k < n_groups; k++) {
        int a = groups[k].at;
        const char *id = r->seen_id[order[a]];
        if (!dups++)
            fputs("Learners with more than one score file (each file counts on its own):\n", out);
        fprintf(out, "  %s:", id);
        for (int b = a; b < r->n_seen && !strcmp(r->seen_id[order[b]], id); b++)
            fprintf(out, " %s", r->seen_path[order[b]]);
        fputc('\n', out);
    }
    free(order);
    free(groups);
    if (dups)
        fputc('\n', out);
    fprintf(out,
            "Files: %d read (%d intact, %d with problems), %d skipped. Attempts: %d (%d good, used for the "
            "questions).\n",
            s->read, s->intact, s->read - s->intact, s->skipped, s->attempts, s->counted);
    for (int k = 0; k < s->n_courses; k++)
        fprintf(out, "Certified in %s: %d of %d learner%s.\n", s->courses[k]->id, s->certified[k], s->read,
                s->read == 1 ? "" : "s");
}
