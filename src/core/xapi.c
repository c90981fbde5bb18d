/* xapi: records as xAPI statements (see xapi.h). JSON is built with
 * jansson, which does all the escaping; SHA-1 for version 5 UUIDs comes
 * from OpenSSL's libcrypto. */
#include "xapi.h"

#include "certify.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VERB_BASE "http://adlnet.gov/expapi/verbs/"
#define TYPE_BASE "http://adlnet.gov/expapi/activities/"

/* tpquiz's namespace for name-based UUIDs (a fixed random UUID). */
static const unsigned char NAMESPACE[16] = {0x1e, 0x79, 0x87, 0xc3, 0x99, 0x17, 0x4b, 0x58,
                                            0xa3, 0x07, 0x8a, 0xe6, 0xfa, 0x42, 0x6f, 0x0a};

void xapi_uuid5(const char *name, char out[37])
{
    xapi_uuid5_in(NAMESPACE, name, out);
}

void xapi_uuid5_in(const unsigned char ns[16], const char *name, char out[37])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) == 1 &&
              EVP_DigestUpdate(ctx, ns, 16) == 1 &&
              EVP_DigestUpdate(ctx, name, strlen(name)) == 1 && EVP_DigestFinal_ex(ctx, md, &len) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok || len < 16)
        abort(); /* SHA-1 is always there; nothing sensible could follow */
    md[6] = (unsigned char)((md[6] & 0x0f) | 0x50); /* version 5 */
    md[8] = (unsigned char)((md[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[md[i] >> 4];
        out[o++] = hex[md[i] & 15];
    }
    out[o] = 0;
}

void xapi_duration(long long ms, char *out, size_t size)
{
    if (ms < 0)
        ms = 0;
    if (ms % 1000)
        snprintf(out, size, "PT%lld.%03lldS", ms / 1000, ms % 1000);
    else
        snprintf(out, size, "PT%lldS", ms / 1000);
}

bool xapi_iri_ok(const char *s)
{
    if (!s)
        return false;
    const char *rest = !strncmp(s, "https://", 8) ? s + 8 : !strncmp(s, "http://", 7) ? s + 7 : NULL;
    if (!rest || !*rest || *rest == '/')
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return false;
    return true;
}

/* A time (unix seconds plus ms) as the ISO 8601 timestamp xAPI wants. */
static void timestamp(int64_t s, int ms, char *out, size_t size)
{
    time_t t = (time_t)s;
    struct tm tm;
    if (s < 0 || !gmtime_r(&t, &tm))
        memset(&tm, 0, sizeof tm);
    snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

/* base + "/" + the parts, each percent-encoded but for unreserved
 * characters and '/'. NULL-terminated list of parts. */
static json_t *iri(const char *base, const char *a, const char *b, const char *c)
{
    const char *parts[] = {a, b, c};
    char buf[2048];
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s", base);
    for (int i = 0; i < 3 && parts[i]; i++) {
        if (n + 1 < sizeof buf)
            buf[n++] = '/';
        for (const unsigned char *p = (const unsigned char *)parts[i]; *p && n + 4 < sizeof buf; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                strchr("-._~/", *p))
                buf[n++] = (char)*p;
            else
                n += (size_t)snprintf(buf + n, sizeof buf - n, "%%%02X", *p);
        }
    }
    buf[n < sizeof buf ? n : sizeof buf - 1] = 0;
    return json_string(buf);
}

static json_t *lang(const char *text)
{
    return json_pack("{s:s}", "en-US", text ? text : "");
}

static json_t *verb(const char *name)
{
    char id[128];
    snprintf(id, sizeof id, VERB_BASE "%s", name);
    return json_pack("{s:s,s:o}", "id", id, "display", lang(name));
}

static json_t *activity(json_t *id, const char *type, const char *name)
{
    char t[128];
    snprintf(t, sizeof t, TYPE_BASE "%s", type);
    json_t *def = json_pack("{s:s,s:o}", "type", t, "name", lang(name));
    if (def && !strcmp(type, "cmi.interaction"))
        json_object_set_new(def, "interactionType", json_string("other"));
    return json_pack("{s:s,s:o,s:o}", "objectType", "Activity", "id", id, "definition", def);
}

static json_t *actor(const XapiIds *ids, const Record *profile, const char *learner)
{
    json_t *a = json_pack("{s:s,s:{s:s,s:s}}", "objectType", "Agent", "account", "homePage", ids->homepage,
                          "name", learner);
    if (a && profile && profile->name && profile->name[0])
        json_object_set_new(a, "name", json_string(profile->name));
    return a;
}

static json_t *ext_key(const XapiIds *ids, const char *what)
{
    return iri(ids->activity_base, "xapi", what, NULL);
}

/* Sets extension key base/xapi/<what> of obj to v (taken). */
static void set_ext(json_t *obj, const XapiIds *ids, const char *what, json_t *v)
{
    json_t *k = ext_key(ids, what);
    if (k && v)
        json_object_set_new(obj, json_string_value(k), v);
    else
        json_decref(v);
    json_decref(k);
}

static void mac_hex(const ScoreFile *f, int i, char out[65])
{
    unsigned char mac[32];
    out[0] = 0;
    if (!scorefile_record_mac(f, i, mac))
        return;
    for (int k = 0; k < 32; k++)
        snprintf(out + 2 * k, 3, "%02x", mac[k]);
}

/* The statement skeleton: id, actor, verb, object, timestamp (taken). */
static json_t *statement(const char *id_name, json_t *who, const char *verb_name, json_t *object, int64_t s, int ms)
{
    char id[37], ts[96];
    xapi_uuid5(id_name, id);
    timestamp(s, ms, ts, sizeof ts);
    return json_pack("{s:s,s:O,s:o,s:o,s:s}", "id", id, "actor", who, "verb", verb(verb_name), "object", object,
                     "timestamp", ts);
}

static int append(json_t *out, json_t *st, XapiCounts *counts)
{
    if (!st || json_array_append_new(out, st) != 0)
        return -1;
    if (counts)
        counts->statements++;
    return 0;
}

/* The name of an item, from the module: "Iliopsoas: Lower iliacus
 * (locate)", the question's prompt, or the key itself. */
static void item_name(const Module *m, const char *key, char *buf, size_t size)
{
    snprintf(buf, size, "%s", key);
    if (!m)
        return;
    const char *rest = strchr(key, '/');
    if (!rest)
        return;
    rest++;
    if (!strncmp(rest, "tp.", 3)) {
        const char *slash = strchr(rest, '/');
        size_t n = slash ? (size_t)(slash - rest - 3) : strlen(rest + 3);
        for (int i = 0; i < m->n_tps; i++)
            if (strlen(m->tps[i].id) == n && !strncmp(m->tps[i].id, rest + 3, n))
                snprintf(buf, size, "%s: %s (%s)", m->name, m->tps[i].label, slash ? slash + 1 : "item");
    } else if (!strncmp(rest, "question.", 9)) {
        for (int i = 0; i < m->n_questions; i++)
            if (!strcmp(m->questions[i].id, rest + 9)) {
                const Question *q = &m->questions[i];
                if (q->type == QUESTION_CHART && !q->prompt[0] && q->muscle && q->ask == CHART_MARKS)
                    snprintf(buf, size, "%s: every trigger point on the %s view", q->muscle->name, q->view);
                else if (q->type == QUESTION_CHART && !q->prompt[0] && q->muscle && q->tp >= 0)
                    snprintf(buf, size, "%s: %s (%s)", q->muscle->name, q->muscle->tps[q->tp].label,
                             chart_ask_name(q->ask));
                else
                    snprintf(buf, size, "%s", q->prompt);
            }
    } else if (!strncmp(rest, "view.", 5)) {
        snprintf(buf, size, "%s: every trigger point on the %.*s view", m->name,
                 (int)strcspn(rest + 5, "/"), rest + 5);
    }
}

/* The raw response: a short text for result.response and the details as
 * an extension object. */
static json_t *response(const RecordAnswer *a, char *text, size_t size)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    size_t n = 0;
    text[0] = 0;
    if (a->view)
        json_object_set_new(o, "view", json_string(a->view));
    if (a->has_click) {
        json_object_set_new(o, "click", json_pack("[f,f]", a->click.x, a->click.y));
        n += (size_t)snprintf(text + n, size - n, "click %.1f,%.1f on %s", a->click.x, a->click.y,
                              a->view ? a->view : "the chart");
    }
    if (a->n_marks > 0) {
        json_t *marks = json_array();
        for (int i = 0; marks && i < a->n_marks; i++)
            json_array_append_new(marks, json_pack("{s:[f,f],s:s?}", "at", a->marks[i].x, a->marks[i].y, "tp",
                                                   a->mark_tp ? a->mark_tp[i] : NULL));
        json_object_set_new(o, "marks", marks);
        if (n < size)
            n += (size_t)snprintf(text + n, size - n, "%d mark%s on %s", a->n_marks, a->n_marks == 1 ? "" : "s",
                                  a->view ? a->view : "the chart");
    }
    if (a->has_paint) {
        int cells = 0;
        for (int i = 1; i < a->n_runs; i += 2)
            cells += a->runs[i];
        json_object_set_new(o, "painted_cells", json_integer(cells));
        json_object_set_new(o, "grid", json_pack("{s:f,s:f,s:f,s:i,s:i}", "x", a->grid.origin.x, "y",
                                                 a->grid.origin.y, "cell", a->grid.cell, "cols", a->grid.cols,
                                                 "rows", a->grid.rows));
        if (n < size)
            n += (size_t)snprintf(text + n, size - n, "painted %d cell%s on %s", cells, cells == 1 ? "" : "s",
                                  a->view ? a->view : "the chart");
    }
    if (a->n_chosen > 0) {
        json_t *chosen = json_array();
        for (int i = 0; chosen && i < a->n_chosen; i++) {
            json_array_append_new(chosen, json_string(a->chosen[i]));
            if (n < size)
                n += (size_t)snprintf(text + n, size - n, "%s%s", i ? "[,]" : "", a->chosen[i]);
        }
        json_object_set_new(o, "chosen", chosen);
    }
    if (a->matched)
        json_object_set_new(o, "matched", json_string(a->matched));
    return o;
}

typedef struct {
    const XapiIds *ids;
    const Course *course;
    json_t *who;
    json_t *out;
    XapiCounts *counts;
} Ctx;

static json_t *course_activity(const Ctx *c)
{
    return activity(iri(c->ids->activity_base, "courses", c->course->id, NULL), "course", c->course->title);
}

static json_t *exam_activity(const Ctx *c)
{
    char name[512];
    snprintf(name, sizeof name, "%s: certification exam", c->course->title);
    return activity(iri(c->ids->activity_base, "courses", c->course->id, "exam"), "assessment", name);
}

static json_t *module_activity(const Ctx *c, const Module *m, const char *module_id)
{
    json_t *id = iri(c->ids->activity_base, "courses", c->course->id, NULL);
    char rel[512];
    snprintf(rel, sizeof rel, "%s/modules/%s", json_string_value(id), module_id);
    json_decref(id);
    return activity(json_string(rel), "module", m ? m->name : module_id);
}

static json_t *quiz_activity(const Ctx *c, const Module *m, const char *module_id)
{
    json_t *id = iri(c->ids->activity_base, "courses", c->course->id, NULL);
    char rel[512], name[512];
    snprintf(rel, sizeof rel, "%s/modules/%s/quiz", json_string_value(id), module_id);
    snprintf(name, sizeof name, "%s: module quiz", m ? m->name : module_id);
    json_decref(id);
    return activity(json_string(rel), "assessment", name);
}

/* context: registration and the activities a statement belongs to. */
static json_t *context(const char *registration, json_t *parent, json_t *grouping)
{
    json_t *ca = json_object();
    if (parent)
        json_object_set_new(ca, "parent", json_pack("[o]", parent));
    if (grouping)
        json_object_set_new(ca, "grouping", grouping);
    return json_pack("{s:s,s:s,s:o}", "registration", registration, "platform", "tpquiz", "contextActivities", ca);
}

/* The registration of an attempt: from its start record for an exam that
 * has one, else from the attempt itself. */
static void registration_of(const ScoreFile *f, int i, char out[37])
{
    const Record *r = scorefile_record(f, i);
    int at = i;
    if (r->mode == ATTEMPT_EXAM && r->start_seq > 0)
        for (int k = 0; k < scorefile_count(f); k++) {
            const Record *s = scorefile_record(f, k);
            if (s->kind == RECORD_START && s->seq == r->start_seq)
                at = k;
        }
    char mac[65], name[100];
    mac_hex(f, at, mac);
    snprintf(name, sizeof name, "registration/%s", mac);
    xapi_uuid5(name, out);
}

static int start_statement(const Ctx *c, const ScoreFile *f, int i)
{
    const Record *r = scorefile_record(f, i);
    char reg[37], mac[65], name[100];
    registration_of(f, i, reg);
    mac_hex(f, i, mac);
    snprintf(name, sizeof name, "%s/attempted", mac);
    json_t *st = statement(name, c->who, "attempted", exam_activity(c), r->started, 0);
    if (!st)
        return -1;
    json_t *ctx = context(reg, course_activity(c), NULL);
    if (ctx) {
        json_t *ext = json_object();
        set_ext(ext, c->ids, "deadline", json_integer((json_int_t)r->deadline));
        if (r->key_id)
            set_ext(ext, c->ids, "station", json_string(r->key_id));
        json_object_set_new(ctx, "extensions", ext);
    }
    json_object_set_new(st, "context", ctx);
    return append(c->out, st, c->counts);
}

static int attempt_statements(const Ctx *c, const ScoreFile *f, int i, const JudgeResult *j)
{
    const Record *r = scorefile_record(f, i);
    const Module *quiz_module = NULL;
    for (int k = 0; r->module && k < c->course->n_modules; k++)
        if (c->course->modules[k] && !strcmp(c->course->module_ids[k], r->module))
            quiz_module = c->course->modules[k];
    char reg[37], mac[65], name[160];
    registration_of(f, i, reg);
    mac_hex(f, i, mac);
    bool exam = r->mode == ATTEMPT_EXAM;

    /* One statement per answered item, timed through the attempt. */
    long long elapsed_ms = 0;
    for (int a = 0; a < r->n_answers; a++) {
        const RecordAnswer *an = &r->answers[a];
        elapsed_ms += an->time_ms > 0 ? an->time_ms : 0;
        if (!an->answered)
            continue;
        const Module *m = NULL;
        for (int k = 0; an->module && k < c->course->n_modules; k++)
            if (c->course->modules[k] && !strcmp(c->course->module_ids[k], an->module))
                m = c->course->modules[k];
        char label[512], text[1024], dur[40];
        item_name(m, an->key, label, sizeof label);
        json_t *object = activity(iri(c->ids->activity_base, "items", an->key, NULL), "cmi.interaction", label);
        int64_t at_s = r->started + elapsed_ms / 1000;
        int at_ms = (int)(elapsed_ms % 1000);
        if (r->finished > 0 && at_s >= r->finished) {
            at_s = r->finished;
            at_ms = 0;
        }
        snprintf(name, sizeof name, "%s/answered/%d", mac, a + 1);
        json_t *st = statement(name, c->who, "answered", object, at_s, at_ms);
        if (!st)
            return -1;
        json_t *detail = response(an, text, sizeof text);
        xapi_duration(an->time_ms, dur, sizeof dur);
        json_t *result = json_pack("{s:{s:f},s:b,s:b,s:s,s:s}", "score", "scaled", an->credit, "success",
                                   an->credit >= 0.999, "completion", 1, "response", text, "duration", dur);
        if (result) {
            json_t *ext = json_object();
            set_ext(ext, c->ids, "response", detail);
            detail = NULL;
            json_object_set_new(result, "extensions", ext);
        }
        json_decref(detail);
        json_object_set_new(st, "result", result);
        json_t *parent = exam ? exam_activity(c) : quiz_activity(c, quiz_module, r->module);
        json_t *grouping = json_pack("[o]", course_activity(c));
        if (m && grouping)
            json_array_append_new(grouping, module_activity(c, m, an->module));
        json_object_set_new(st, "context", context(reg, parent, grouping));
        if (append(c->out, st, c->counts) != 0)
            return -1;
    }

    /* The verdict: passed or failed, with the score re-graded (equal to the
     * record's, or it would not count). */
    char dur[40];
    xapi_duration((long long)(r->finished - r->started) * 1000, dur, sizeof dur);
    json_t *object = exam ? exam_activity(c) : quiz_activity(c, quiz_module, r->module);
    snprintf(name, sizeof name, "%s/result", mac);
    json_t *st = statement(name, c->who, j->passed ? "passed" : "failed", object, r->finished, 0);
    if (!st)
        return -1;
    double raw = j->score * 100.0;
    json_t *result = json_pack("{s:{s:f,s:f,s:i,s:i},s:b,s:b,s:s}", "score", "scaled", j->score, "raw", raw, "min",
                               0, "max", 100, "success", j->passed, "completion", 1, "duration", dur);
    if (result) {
        json_t *ext = json_object();
        set_ext(ext, c->ids, "pass-mark", json_integer(r->pass_mark));
        if (exam)
            set_ext(ext, c->ids, "auto-submitted", json_boolean(r->auto_submitted));
        json_object_set_new(result, "extensions", ext);
    }
    json_object_set_new(st, "result", result);
    json_t *ctx = exam ? context(reg, course_activity(c), NULL)
                       : context(reg, module_activity(c, quiz_module, r->module), json_pack("[o]", course_activity(c)));
    if (ctx) {
        json_t *ext = json_object();
        if (r->key_id)
            set_ext(ext, c->ids, "station", json_string(r->key_id));
        if (r->course_fp)
            set_ext(ext, c->ids, "course-version", json_string(r->course_fp));
        json_object_set_new(ctx, "extensions", ext);
    }
    json_object_set_new(st, "context", ctx);
    return append(c->out, st, c->counts);
}

/* A certified course: completed, at the moment the last requirement was
 * met (the earliest passing quiz of each module and the earliest passing
 * exam, whichever came last), which stays the same whatever the learner
 * does later, so the statement never changes. */
static int completed_statement(const Ctx *c, const ScoreFile *f, const bool *counts_i, const JudgeResult *res,
                               const char *learner)
{
    const Course *co = c->course;
    CertStatus cs = certify_status_at(co, f, 0, c->ids->stations);
    bool certified = cs.certified;
    certify_status_free(&cs);
    if (!certified)
        return 0;
    int64_t done = 0, exam_at = 0;
    for (int k = 0; k < co->n_modules; k++) {
        int64_t first = 0;
        for (int i = 0; i < scorefile_count(f); i++) {
            const Record *r = scorefile_record(f, i);
            if (counts_i[i] && res[i].passed && r->mode == ATTEMPT_QUIZ && r->module && !strcmp(r->course, co->id) &&
                !strcmp(r->module, co->module_ids[k]) && (!first || r->finished < first))
                first = r->finished;
        }
        if (!first)
            return 0;
        if (first > done)
            done = first;
    }
    for (int i = 0; i < scorefile_count(f); i++) {
        const Record *r = scorefile_record(f, i);
        if (counts_i[i] && res[i].passed && r->mode == ATTEMPT_EXAM && !strcmp(r->course, co->id) &&
            (!exam_at || r->finished < exam_at))
            exam_at = r->finished;
    }
    if (!exam_at)
        return 0;
    if (exam_at > done)
        done = exam_at;
    char name[300];
    snprintf(name, sizeof name, "completed/%s/%s/%s", learner, co->id, co->fingerprint);
    json_t *st = statement(name, c->who, "completed", course_activity(c), done, 0);
    if (!st)
        return -1;
    json_object_set_new(st, "result", json_pack("{s:b,s:b}", "success", 1, "completion", 1));
    if (c->counts)
        c->counts->completed++;
    return append(c->out, st, c->counts);
}

int xapi_file_statements(const char *path, const ScoreFile *f, const Library *lib, const XapiIds *ids,
                         json_t *out, XapiCounts *counts, Diag *d)
{
    int n = scorefile_count(f);
    const Record *profile = n > 0 && scorefile_record(f, 0)->kind == RECORD_PROFILE ? scorefile_record(f, 0) : NULL;
    const char *learner = scorefile_learner(f);
    bool trusted = scorefile_trusted(f) && learner;
    bool *counted = calloc((size_t)n + 1, sizeof *counted);
    JudgeResult *res = calloc((size_t)n + 1, sizeof *res);
    json_t *who = learner ? actor(ids, profile, learner) : NULL;
    int rc = counted && res && (who || !learner) ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++) {
        const Record *r = scorefile_record(f, i);
        if (r->kind == RECORD_PROFILE || (ids->course && (!r->course || strcmp(r->course, ids->course))))
            continue;
        if (counts)
            counts->records++;
        char what[160];
        record_describe(r, what, sizeof what);
        const Course *co = r->course ? library_find_course(lib, r->course) : NULL;
        const char *why = NULL;
        char why_buf[300];
        if (!trusted) {
            why = scorefile_misnamed(f) ? "the file holds another learner's records"
                                        : "the file is not trusted (the station's ledger)";
        } else if (scorefile_status(f, i) != RECORD_GOOD) {
            snprintf(why_buf, sizeof why_buf, "it is %s", record_status_name(scorefile_status(f, i)));
            why = why_buf;
        } else if (!co) {
            why = "its course is not among the courses given";
        } else if (r->kind == RECORD_START) {
            if (!r->course_fp || strcmp(r->course_fp, co->fingerprint))
                why = "it was made with another version of the course";
        } else {
            res[i] = judge_record_at(co, f, i, ids->stations);
            if (!res[i].counts) {
                snprintf(why_buf, sizeof why_buf, "%s%s%s", judge_code_name(res[i].code), res[i].why[0] ? ": " : "",
                         res[i].why);
                why = why_buf;
            }
        }
        if (why) {
            diag_warning(d, path, r->line, "%s: not sent: %s", what, why);
            if (counts)
                counts->skipped++;
            continue;
        }
        Ctx c = {ids, co, who, out, counts};
        rc = r->kind == RECORD_START ? start_statement(&c, f, i) : attempt_statements(&c, f, i, &res[i]);
        counted[i] = r->kind == RECORD_ATTEMPT;
        if (counts && rc == 0)
            counts->sent++;
    }
    /* Certificates, per course the learner has counting records in. */
    for (int k = 0; rc == 0 && trusted && k < library_course_count(lib); k++) {
        const Course *co = library_course(lib, k);
        if (ids->course && strcmp(co->id, ids->course))
            continue;
        bool any = false;
        for (int i = 0; i < n && !any; i++)
            any = counted[i] && !strcmp(scorefile_record(f, i)->course, co->id);
        if (!any)
            continue;
        Ctx c = {ids, co, who, out, counts};
        rc = completed_statement(&c, f, counted, res, learner);
    }
    json_decref(who);
    free(counted);
    free(res);
    return rc;
}
