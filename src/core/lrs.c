/* lrs: pushing statements to a Learning Record Store (see lrs.h). */
#include "lrs.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "datafile.h"

#define STATE_HEADER "tpquiz-xapi-sent 1"

/* Acknowledged statement ids, as 36-character strings, sorted. */
typedef struct {
    char (*ids)[37];
    size_t n, cap;
} IdSet;

static int cmp_id(const void *a, const void *b)
{
    return memcmp(a, b, 36);
}

static bool idset_has(const IdSet *s, const char *id)
{
    return s->n && bsearch(id, s->ids, s->n, sizeof *s->ids, cmp_id) != NULL;
}

static int idset_add(IdSet *s, const char *id)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        char(*v)[37] = realloc(s->ids, cap * sizeof *v);
        if (!v)
            return -1;
        s->ids = v;
        s->cap = cap;
    }
    memcpy(s->ids[s->n], id, 36);
    s->ids[s->n][36] = 0;
    s->n++;
    return 0;
}

static bool is_uuid(const char *s, size_t n)
{
    if (n != 36)
        return false;
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        char c = s[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

/* Reads the state file (a missing one is empty). A line that is not an id
 * (a line cut short by a crash) is passed over: its batch is sent again,
 * which the ids make harmless. */
static int state_load(const char *path, IdSet *s, Diag *d)
{
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_XAPI_STATE | DATAFILE_MISSING_OK, &len, d);
    if (!buf)
        return errno == ENOENT ? 0 : -1;
    char *line = buf, *end = buf + len;
    bool first = true;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        if (first) {
            if (n != strlen(STATE_HEADER) || memcmp(line, STATE_HEADER, n)) {
                diag_error(d, path, 1, "not an xAPI push state file (it should start with '%s')", STATE_HEADER);
                free(buf);
                return -1;
            }
            first = false;
        } else if (nl && is_uuid(line, n) && idset_add(s, line) != 0) {
            free(buf);
            diag_error(d, path, 0, "out of memory");
            return -1;
        }
        line += n + 1;
    }
    free(buf);
    if (s->n > 1)
        qsort(s->ids, s->n, sizeof *s->ids, cmp_id);
    return 0;
}

/* Appends ids to the state file and flushes it to disk before returning:
 * what it says is sent has been acknowledged. */
static int state_append(const char *path, const char *const *ids, int n, Diag *d)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_error(d, path, 0, "cannot write the push state: %s", fd < 0 ? strerror(errno) : "not a regular file");
        if (fd >= 0)
            close(fd);
        return -1;
    }
    size_t size = (size_t)n * 37 + sizeof STATE_HEADER + 1;
    char *buf = malloc(size);
    if (!buf) {
        close(fd);
        diag_error(d, path, 0, "out of memory");
        return -1;
    }
    size_t k = 0;
    if (st.st_size == 0)
        k += (size_t)snprintf(buf, size, "%s\n", STATE_HEADER);
    for (int i = 0; i < n; i++) {
        memcpy(buf + k, ids[i], 36);
        buf[k + 36] = '\n';
        k += 37;
    }
    int err = datafile_append(fd, buf, k, NULL) != 0 ? errno : 0;
    free(buf);
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && st.st_size == 0 && datafile_sync_folder(path) != 0)
        err = errno; /* a new state file's name must survive a power loss too */
    if (err) {
        diag_error(d, path, 0, "cannot write the push state: %s", strerror(err));
        return -1;
    }
    return 0;
}

char *lrs_state_path(const char *dir, const char *endpoint)
{
    unsigned char h[32];
    crypto_hash_sha256(h, (const unsigned char *)endpoint, strlen(endpoint));
    size_t size = strlen(dir) + 64;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%s/.xapi-sent-%02x%02x%02x%02x%02x%02x%02x%02x", dir, h[0], h[1], h[2], h[3], h[4], h[5],
                 h[6], h[7]);
    return p;
}

char *lrs_read_password(const char *path, Diag *d)
{
    struct stat st;
    int fd = datafile_open_regular(path, DATAFILE_CONFIG, &st, d);
    if (fd < 0)
        return NULL;
    close(fd);
    if (st.st_mode & 077) {
        diag_error(d, path, 0, "others may read this password file (mode %03o): chmod 600 it",
                   (unsigned)(st.st_mode & 0777));
        return NULL;
    }
    size_t len;
    char *buf = datafile_read_capped(path, DATAFILE_CONFIG, &len, d);
    if (!buf)
        return NULL;
    buf[strcspn(buf, "\r\n")] = 0;
    if (!buf[0]) {
        diag_error(d, path, 1, "the password file is empty");
        free(buf);
        return NULL;
    }
    return buf;
}

typedef struct {
    char *data;
    size_t len, cap;
} Body;

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *user)
{
    Body *b = user;
    size_t n = size * nmemb;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        if (cap > (4u << 20))
            return n; /* keep the first few MB of an answer: enough for a message */
        char *v = realloc(b->data, cap);
        if (!v)
            return 0;
        b->data = v;
        b->cap = cap;
    }
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    b->data[b->len] = 0;
    return n;
}

typedef struct {
    long status;      /* HTTP status, 0 if none came */
    CURLcode curl;    /* transport result */
    char error[CURL_ERROR_SIZE];
    Body body;
} Reply;

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    const volatile int *cancel = user;
    return cancel && *cancel ? 1 : 0;
}

static bool cancelled(const LrsPush *p)
{
    return p->cancel && *p->cancel;
}

static void post(CURL *h, const char *url, const LrsPush *p, const char *json, Reply *rep)
{
    memset(rep, 0, sizeof *rep);
    struct curl_slist *hdr = NULL;
    hdr = curl_slist_append(hdr, "Content-Type: application/json");
    hdr = curl_slist_append(hdr, "X-Experience-API-Version: 1.0.3");
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, p->user ? p->user : "");
    curl_easy_setopt(h, CURLOPT_PASSWORD, p->password ? p->password : "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)(p->timeout_s > 0 ? p->timeout_s : 60));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &rep->body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, rep->error);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    if (p->cancel) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)p->cancel);
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }
    rep->curl = curl_easy_perform(h);
    if (rep->curl == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &rep->status);
    curl_slist_free_all(hdr);
}

/* A failure that may pass: the server's own trouble, too many requests, or
 * no answer at all. */
static bool transient(const Reply *rep)
{
    if (rep->curl != CURLE_OK)
        return true;
    return rep->status >= 500 || rep->status == 429 || rep->status == 408;
}

/* The LRS's message from an error body: its "message" (or "warnings"), else
 * the start of the body. */
static void lrs_message(const Reply *rep, char *out, size_t size)
{
    out[0] = 0;
    if (rep->curl != CURLE_OK) {
        snprintf(out, size, "%s", rep->error[0] ? rep->error : curl_easy_strerror(rep->curl));
        return;
    }
    json_t *j = rep->body.data ? json_loads(rep->body.data, 0, NULL) : NULL;
    const char *msg = j ? json_string_value(json_object_get(j, "message")) : NULL;
    if (msg)
        snprintf(out, size, "%s", msg);
    else if (rep->body.data)
        snprintf(out, size, "%.300s", rep->body.data);
    json_t *warnings = j ? json_object_get(j, "warnings") : NULL;
    if (json_is_array(warnings) && json_array_size(warnings) > 0) {
        char *w = json_dumps(warnings, JSON_COMPACT);
        size_t n = strlen(out);
        if (w)
            snprintf(out + n, size - n, "%s%.600s", n ? " " : "", w);
        free(w);
    }
    json_decref(j);
}

/* Sleeps ms, in short steps so that a cancel is seen at once. */
static void pause_ms(const LrsPush *p, long ms)
{
    for (long left = ms; left > 0 && !cancelled(p); left -= 50) {
        long step = left < 50 ? left : 50;
        struct timespec t = {0, step * 1000000L};
        while (nanosleep(&t, &t) != 0 && errno == EINTR) {
        }
    }
}

/* Sends one batch (statements from..from+n of todo); returns 0 when the LRS
 * acknowledged every one (then recorded in the state), -1 when the push
 * must stop. */
static int send_batch(CURL *h, const char *url, const LrsPush *p, json_t *const *todo, int n, IdSet *sent,
                      LrsResult *r, Diag *d)
{
    json_t *arr = json_array();
    const char **ids = malloc(sizeof *ids * (size_t)n);
    if (!arr || !ids) {
        json_decref(arr);
        free(ids);
        diag_error(d, p->endpoint, 0, "out of memory");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        json_array_append(arr, todo[i]);
        ids[i] = json_string_value(json_object_get(todo[i], "id"));
    }
    char *json = json_dumps(arr, JSON_COMPACT | JSON_REAL_PRECISION(12));
    json_decref(arr);
    int rc = -1;
    Reply rep;
    int tries = p->retries > 0 ? p->retries : 5;
    long wait = p->backoff_ms > 0 ? p->backoff_ms : 500;
    for (int attempt = 0; json; attempt++) {
        post(h, url, p, json, &rep);
        r->requests++;
        if (attempt > 0)
            r->retried++;
        if (!transient(&rep) || attempt >= tries || cancelled(p))
            break;
        free(rep.body.data);
        pause_ms(p, wait);
        wait *= 2;
    }
    char msg[1024];
    if (!json) {
        diag_error(d, p->endpoint, 0, "out of memory");
    } else if (cancelled(p)) {
        /* Stopped: what the LRS may have stored is sent again next time. */
    } else if (rep.status == 200 || rep.status == 204) {
        /* The LRS answers the ids it stored; they must be ours. */
        json_t *got = rep.status == 200 && rep.body.data ? json_loads(rep.body.data, 0, NULL) : NULL;
        if (rep.status == 200 && (!json_is_array(got) || json_array_size(got) != (size_t)n)) {
            diag_error(d, url, 0, "the LRS answered 200 but not with the %d statement ids sent: %.200s", n,
                       rep.body.data ? rep.body.data : "");
        } else if (state_append(p->state_path, ids, n, d) == 0) {
            for (int i = 0; i < n; i++)
                idset_add(sent, ids[i]);
            r->sent += n;
            rc = 0;
        }
        json_decref(got);
    } else if (rep.status == 409 && n > 1) {
        /* Some statement of the batch is there already: one at a time. */
        rc = 0;
        for (int i = 0; i < n && rc == 0; i++)
            rc = send_batch(h, url, p, todo + i, 1, sent, r, d);
    } else if (rep.status == 409) {
        if (state_append(p->state_path, ids, 1, d) == 0) {
            idset_add(sent, ids[0]);
            r->conflicts++;
            rc = 0;
        }
    } else if (transient(&rep)) {
        lrs_message(&rep, msg, sizeof msg);
        if (rep.curl != CURLE_OK)
            diag_error(d, url, 0, "cannot reach the LRS (tried %d times): %s", tries + 1, msg);
        else
            diag_error(d, url, 0, "the LRS kept failing (HTTP %ld, tried %d times): %s", rep.status, tries + 1, msg);
    } else {
        lrs_message(&rep, msg, sizeof msg);
        diag_error(d, url, 0, "the LRS refused %s (HTTP %ld): %s", n == 1 ? "a statement" : "a batch of statements",
                   rep.status, msg);
    }
    free(rep.body.data);
    free(json);
    free(ids);
    return rc;
}

int lrs_global_init(Diag *d)
{
    static bool ready;
    if (!ready) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
            diag_error(d, "libcurl", 0, "cannot start libcurl");
            return -1;
        }
        ready = true;
    }
    return 0;
}

int lrs_push(const LrsPush *p, json_t *statements, LrsResult *r, Diag *d)
{
    memset(r, 0, sizeof *r);
    if (lrs_global_init(d) != 0)
        return -1;
    r->total = (int)json_array_size(statements);
    IdSet sent = {0};
    if (state_load(p->state_path, &sent, d) != 0)
        return -1;
    size_t n = json_array_size(statements);
    json_t **todo = malloc(sizeof *todo * (n + 1));
    size_t k = 0;
    for (size_t i = 0; todo && i < n; i++) {
        json_t *st = json_array_get(statements, i);
        const char *id = json_string_value(json_object_get(st, "id"));
        if (id && idset_has(&sent, id))
            r->already++;
        else
            todo[k++] = st;
    }
    size_t url_size = strlen(p->endpoint) + 16;
    char *url = malloc(url_size);
    CURL *h = curl_easy_init();
    int rc = todo && url && h ? 0 : -1;
    if (rc != 0) {
        diag_error(d, p->endpoint, 0, "out of memory");
    } else {
        size_t e = strlen(p->endpoint);
        while (e > 0 && p->endpoint[e - 1] == '/')
            e--;
        snprintf(url, url_size, "%.*s/statements", (int)e, p->endpoint);
    }
    int batch = p->batch > 0 ? (p->batch > 500 ? 500 : p->batch) : 100;
    for (size_t i = 0; rc == 0 && i < k && !cancelled(p); i += (size_t)batch) {
        int m = (int)(k - i < (size_t)batch ? k - i : (size_t)batch);
        rc = send_batch(h, url, p, todo + i, m, &sent, r, d);
        if (!p->quiet && isatty(STDERR_FILENO))
            fprintf(stderr, "\rtpquiz xapi: %d of %d statements acknowledged", r->already + r->sent + r->conflicts,
                    r->total);
    }
    if (!p->quiet && k > 0 && isatty(STDERR_FILENO))
        fputc('\n', stderr);
    if (rc == 0 && cancelled(p))
        rc = -1;
    curl_easy_cleanup(h);
    free(url);
    free(todo);
    free(sent.ids);
    return rc;
}
