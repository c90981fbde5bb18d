/* fingerprint: the course content that grading reads, hashed.
 *
 * Every value goes into the hash as a tagged, length-prefixed field, so no
 * two different courses can produce the same byte stream (a module id that
 * ends where a trigger point id begins, say). Numbers are written with %.17g,
 * which round-trips every double: the same parsed file gives the same
 * fingerprint on every machine that parses it the same way. */
#include "fingerprint.h"

#include <math.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The bytes hashed: fields appended to a buffer, hashed once at the end. */
typedef struct {
    const Module *m;
    char *s;
    size_t n;
} ModuleBytes;

struct FingerprintCache {
    ModuleBytes *e;
    int n, cap;
};
typedef FingerprintCache FpCache;

typedef struct {
    TextBuf *b;
    FpCache *cache;
} Fp;

/* The decimal digits of u at the end of buf (which ends at end); returns
 * where they start. */
static char *digits(char *end, unsigned long long u)
{
    char *d = end;
    do {
        *--d = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return d;
}

/* The head "<tag><length>:" then the bytes (what snprintf("%c%zu:") wrote
 * before, without printf: a course load puts tens of thousands). */
static void put_bytes(Fp *h, char tag, const char *s, size_t n)
{
    char head[32], *end = head + sizeof head;
    *--end = ':';
    char *d = digits(end, n);
    *--d = tag;
    text_buf_add(h->b, d, (size_t)(head + sizeof head - d));
    if (n)
        text_buf_add(h->b, s, n);
}

static void put(Fp *h, char tag, const char *s)
{
    put_bytes(h, tag, s, s ? strlen(s) : 0);
}

/* v as "%.17g" writes it. A whole number below 1e15 (counts, kinds, most
 * coordinates) is exactly its digits there, written here without printf;
 * the rest go through snprintf. */
static void put_num(Fp *h, char tag, double v)
{
    char num[40];
    if (v == floor(v) && fabs(v) < 1e15) {
        char *end = num + sizeof num;
        char *d = digits(end, (unsigned long long)fabs(v));
        if (signbit(v))
            *--d = '-'; /* -0 too, as %g writes it */
        put_bytes(h, tag, d, (size_t)(end - d));
        return;
    }
    snprintf(num, sizeof num, "%.17g", v);
    put(h, tag, num);
}

_Static_assert(ZONE_SMOOTH_SAMPLES == 8, "FINGERPRINT_SMOOTH_OUTLINE names the sampling: give it a new name");

static void put_module(Fp *h, const Module *m);

/* A lesson's chart question: what it asks, and the muscle whose points and
 * zones grade it (the whole module: a reverse item credits any of its
 * points with the same pattern), whether or not the course lists it. */
static void put_chart_question(Fp *h, const Question *q)
{
    put(h, 'U', q->muscle_id);
    put(h, 'K', chart_ask_name(q->ask));
    put(h, 'T', q->point_id);
    put(h, 'V', q->view);
    if (q->muscle && q->muscle->kind == MODULE_MUSCLE)
        put_module(h, q->muscle);
    else
        put(h, 'm', "missing");
}

static void write_module(Fp *h, const Module *m)
{
    put_num(h, 't', m->n_tps);
    for (int i = 0; i < m->n_tps; i++) {
        const TriggerPoint *tp = &m->tps[i];
        put(h, 'i', tp->id);
        put(h, 'v', tp->view);
        put_num(h, 'x', tp->at.x);
        put_num(h, 'y', tp->at.y);
        put_num(h, 'r', tp->radius);
        put_num(h, 'p', tp->primary);
    }
    put_num(h, 'z', m->n_zones);
    for (int i = 0; i < m->n_zones; i++) {
        const Zone *z = &m->zones[i];
        put(h, 'i', z->id);
        put(h, 'v', z->view);
        put(h, 'o', z->tp_id);
        put_num(h, 'k', z->kind);
        /* A smooth zone: how its points are read, then the authored points
         * (the curve is a function of them and of this name, which names
         * the sampling too: a change to either must make a new name). A
         * polygon zone adds nothing, so courses without smooth zones keep
         * the fingerprints they had. */
        const Polygon *p = &z->poly;
        if (z->outline == ZONE_OUTLINE_SMOOTH) {
            put(h, 'O', FINGERPRINT_SMOOTH_OUTLINE);
            p = &z->authored;
        }
        put_num(h, 'n', p->n);
        for (int k = 0; k < p->n; k++) {
            put_num(h, 'x', p->pts[k].x);
            put_num(h, 'y', p->pts[k].y);
        }
    }
    put_num(h, 'q', m->n_questions);
    for (int i = 0; i < m->n_questions; i++) {
        const Question *q = &m->questions[i];
        put(h, 'i', q->id);
        put_num(h, 'k', q->type);
        put_num(h, 'c', q->n_correct);
        for (int k = 0; k < q->n_correct; k++)
            put(h, 'o', q->correct[k]);
        put_num(h, 'w', q->n_wrong);
        for (int k = 0; k < q->n_wrong; k++)
            put(h, 'o', q->wrong[k]);
        if (q->type == QUESTION_CHART)
            put_chart_question(h, q);
    }
}

/* A module's bytes: written once and kept, for the module goes into every
 * course that lists it and every lesson question that asks about it. */
static void put_module(Fp *h, const Module *m)
{
    for (int i = 0; i < h->cache->n; i++)
        if (h->cache->e[i].m == m) {
            text_buf_add(h->b, h->cache->e[i].s, h->cache->e[i].n);
            return;
        }
    TextBuf own = {0};
    Fp w = {&own, h->cache};
    write_module(&w, m);
    text_buf_add(h->b, own.s ? own.s : "", own.n);
    FpCache *c = h->cache;
    if (own.failed || !own.s) {
        h->b->failed |= own.failed;
        text_buf_free(&own);
        return;
    }
    if (c->n == c->cap) {
        int cap = c->cap ? 2 * c->cap : 64;
        ModuleBytes *e = realloc(c->e, sizeof *e * (size_t)cap);
        if (!e) {
            text_buf_free(&own);
            return; /* not kept: written again next time, the same bytes */
        }
        c->e = e;
        c->cap = cap;
    }
    c->e[c->n++] = (ModuleBytes){m, own.s, own.n};
}

/* Each view once, in first-use order over the course's modules. */
static void put_views(Fp *h, const Library *lib, const Course *c)
{
    const char *seen[256];
    int n_seen = 0;
    for (int i = 0; i < c->n_modules; i++) {
        const Module *m = c->modules[i];
        if (!m)
            continue;
        for (int k = 0; k < m->n_tps + m->n_zones; k++) {
            const char *v = k < m->n_tps ? m->tps[k].view : m->zones[k - m->n_tps].view;
            bool known = false;
            for (int s = 0; s < n_seen && !known; s++)
                known = strcmp(seen[s], v) == 0;
            if (known)
                continue;
            if (n_seen < (int)(sizeof seen / sizeof *seen))
                seen[n_seen++] = v;
            const View *view = library_find_view(lib, v);
            put(h, 'V', v);
            if (view && view->ok) {
                put_num(h, 'x', view->viewbox.x);
                put_num(h, 'y', view->viewbox.y);
                put_num(h, 'w', view->viewbox.w);
                put_num(h, 'h', view->viewbox.h);
            } else {
                put(h, 'm', "missing");
            }
        }
    }
}

/* One course's bytes into b, its modules' through the cache. */
static void write_course(Fp *h, const Library *lib, const Course *c)
{
    put(h, 'F', "tpquiz-course-fingerprint 1");
    put(h, 'C', c->id);
    put_num(h, 'm', c->module_pass_mark);
    put_num(h, 'l', c->exam.time_limit_min);
    put_num(h, 'q', c->exam.questions);
    put_num(h, 'p', c->exam.pass_mark);
    put_num(h, 'a', c->exam.attempts);
    put_num(h, 'w', c->exam.wait_hours);
    if (c->exam.issued_stations) /* only when set: fingerprints of older courses stay as they were */
        put(h, 's', "issued");
    put_num(h, 'n', c->n_modules);
    for (int i = 0; i < c->n_modules; i++) {
        put(h, 'M', c->module_ids[i]);
        if (c->modules[i])
            put_module(h, c->modules[i]);
        else
            put(h, 'm', "missing");
    }
    put_views(h, lib, c);
}

static void fingerprint_with(FpCache *cache, const Library *lib, const Course *c, char out[FINGERPRINT_HEX + 1])
{
    TextBuf b = {0};
    Fp h = {&b, cache};
    write_course(&h, lib, c);
    unsigned char digest[crypto_hash_sha256_BYTES];
    if (b.failed) { /* out of memory: a fingerprint no course has, so nothing is graded against it */
        memset(out, '0', FINGERPRINT_HEX);
        out[FINGERPRINT_HEX] = '\0';
    } else {
        /* libcrypto's SHA-256 uses the CPU's SHA extensions: the stream of
         * a large course is megabytes (the same digest as libsodium's). */
        const unsigned char *bytes = (const unsigned char *)(b.s ? b.s : "");
        unsigned int len = 0;
        if (!(EVP_Digest(bytes, b.n, digest, &len, EVP_sha256(), NULL) == 1 && len == sizeof digest))
            crypto_hash_sha256(digest, bytes, (unsigned long long)b.n); /* libcrypto failed: the same digest */
        sodium_bin2hex(out, FINGERPRINT_HEX + 1, digest, sizeof digest);
    }
    text_buf_free(&b);
}

void fingerprint_cache_free(FingerprintCache *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        free(c->e[i].s);
    free(c->e);
    free(c);
}

void course_fingerprint(const Library *lib, const Course *c, char out[FINGERPRINT_HEX + 1])
{
    FpCache cache = {0};
    fingerprint_with(&cache, lib, c, out);
    for (int i = 0; i < cache.n; i++)
        free(cache.e[i].s);
    free(cache.e);
}

FingerprintCache *fingerprint_cache_create(void)
{
    return calloc(1, sizeof(FingerprintCache));
}

void course_fingerprint_cached(FingerprintCache *cache, const Library *lib, const Course *c,
                               char out[FINGERPRINT_HEX + 1])
{
    if (cache)
        fingerprint_with(cache, lib, c, out);
    else
        course_fingerprint(lib, c, out);
}
