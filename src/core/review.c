/* review: SM-2 scheduling of graded items and the learner's .review file.
 *
 *   tpquiz-review 1
 *   <key>\t<reps>\t<ease>\t<interval days>\t<due s>\t<last s>\t<reviews>\t<lapses>\t<last credit %>
 *
 * The E-Factor is kept in hundredths so SM-2's steps (+0.10, 0, -0.14) stay
 * exact and the file round-trips; numbers are read and written by hand, not
 * with strtod or printf("%f"), so a locale with a decimal comma (the UI may
 * call setlocale) cannot change the file. The format is in docs/FORMATS.md,
 * the rules in docs/GRADING.md. */
#include "review.h"

#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER "tpquiz-review 1"
#define N_FIELDS 9
/* The E-Factor's ceiling: SM-2 has none, but it is reached only after some
 * 75 perfect reviews in a row, long after intervals hit their cap; it keeps
 * every number in the file bounded. */
#define EASE_MAX 1000
#define COUNT_MAX 1000000000

struct ReviewDeck {
    ReviewCard *c;
    int n, cap;
};

ReviewDeck *review_create(void)
{
    return calloc(1, sizeof(ReviewDeck));
}

void review_free(ReviewDeck *deck)
{
    if (!deck)
        return;
    for (int i = 0; i < deck->n; i++)
        free(deck->c[i].key);
    free(deck->c);
    free(deck);
}

int review_count(const ReviewDeck *deck)
{
    return deck ? deck->n : 0;
}

const ReviewCard *review_card(const ReviewDeck *deck, int i)
{
    return deck && i >= 0 && i < deck->n ? &deck->c[i] : NULL;
}

const ReviewCard *review_find(const ReviewDeck *deck, const char *key)
{
    if (!deck || !key)
        return NULL;
    for (int i = 0; i < deck->n; i++)
        if (strcmp(deck->c[i].key, key) == 0)
            return &deck->c[i];
    return NULL;
}

/* 1..REVIEW_MAX_KEY printable ASCII characters other than space: a key is
 * one tab-separated field on one line. */
static bool valid_key(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] <= ' ' || s[n] > '~' || n >= REVIEW_MAX_KEY)
            return false;
    return n > 0;
}

static ReviewCard *add_card(ReviewDeck *deck, const char *key)
{
    if (deck->n == deck->cap) {
        int cap = deck->cap ? 2 * deck->cap : 16;
        ReviewCard *c = realloc(deck->c, sizeof *c * (size_t)cap);
        if (!c)
            return NULL;
        deck->c = c;
        deck->cap = cap;
    }
    size_t len = strlen(key);
    char *k = malloc(len + 1);
    if (!k)
        return NULL;
    memcpy(k, key, len + 1);
    ReviewCard *c = &deck->c[deck->n++];
    memset(c, 0, sizeof *c);
    c->key = k;
    c->ease = REVIEW_EASE_START;
    return c;
}

int review_quality(double credit)
{
    if (!(credit >= 0))
        return 0; /* also NaN */
    if (credit > 1)
        credit = 1;
    /* The epsilon makes decimal halves round up as documented: 0.7 * 5 is
     * 3.4999999999999996 in binary. */
    return (int)floor(5 * credit + 0.5 + 1e-9);
}

/* now + days, saturating instead of overflowing. */
static int64_t add_days(int64_t now_s, int days)
{
    int64_t add = (int64_t)days * REVIEW_SECONDS_PER_DAY;
    return now_s > INT64_MAX - add ? INT64_MAX : now_s + add;
}

const ReviewCard *review_record(ReviewDeck *deck, const char *key, double credit, int64_t now_s)
{
    if (!deck || !key || !valid_key(key))
        return NULL;
    if (now_s < 0)
        now_s = 0;
    if (!(credit >= 0))
        credit = 0;
    if (credit > 1)
        credit = 1;
    ReviewCard *c = (ReviewCard *)review_find(deck, key);
    bool is_new = !c;
    if (is_new && !(c = add_card(deck, key)))
        return NULL;
    int q = review_quality(credit);
    if (c->reviews < COUNT_MAX)
        c->reviews++;
    c->last_s = now_s;
    c->last_credit = credit;
    if (q < 3) {
        /* SM-2: start again from the first interval, E-Factor unchanged. */
        if (c->reps > 0 && c->lapses < COUNT_MAX)
            c->lapses++;
        c->reps = 0;
        c->interval_days = 1;
        c->due_s = add_days(now_s, 1);
        return c;
    }
    if (!is_new && now_s < c->due_s)
        return c; /* early success: noted, schedule kept */
    if (c->reps == 0)
        c->interval_days = 1;
    else if (c->reps == 1)
        c->interval_days = 6;
    else {
        int64_t next = ((int64_t)c->interval_days * c->ease + 50) / 100; /* the E-Factor before this answer */
        c->interval_days = next > REVIEW_MAX_INTERVAL_DAYS ? REVIEW_MAX_INTERVAL_DAYS : (int)next;
    }
    if (c->reps < COUNT_MAX)
        c->reps++;
    int miss = 5 - q;
    c->ease += 10 - miss * (8 + 2 * miss);
    if (c->ease < REVIEW_EASE_MIN)
        c->ease = REVIEW_EASE_MIN;
    if (c->ease > EASE_MAX)
        c->ease = EASE_MAX;
    c->due_s = add_days(now_s, c->interval_days);
    return c;
}

/* Whether key is among keys[0..n). */
static bool key_among(const char *key, const char *const *keys, int n)
{
    for (int i = 0; i < n; i++)
        if (keys[i] && strcmp(keys[i], key) == 0)
            return true;
    return false;
}

int review_mark_due(ReviewDeck *deck, const char *const *keys, int n, int64_t now_s)
{
    if (!deck || !keys || n <= 0)
        return 0;
    if (now_s < 0)
        now_s = 0;
    /* Before the earliest due time of every other card due now. */
    int64_t first = now_s;
    for (int i = 0; i < deck->n; i++)
        if (deck->c[i].due_s < first && !key_among(deck->c[i].key, keys, n))
            first = deck->c[i].due_s;
    int64_t at = first > (int64_t)n ? first - n : 0;
    int marked = 0;
    for (int k = 0; k < n; k++) {
        const char *key = keys[k];
        if (!key || !valid_key(key) || key_among(key, keys, k))
            continue;
        ReviewCard *c = (ReviewCard *)review_find(deck, key);
        if (!c)
            continue;
        c->due_s = at < first ? at++ : first;
        marked++;
    }
    return marked;
}

int review_due_count(const ReviewDeck *deck, int64_t now_s)
{
    int n = 0;
    for (int i = 0; deck && i < deck->n; i++)
        n += deck->c[i].due_s <= now_s;
    return n;
}

static int due_cmp(const void *pa, const void *pb)
{
    const ReviewCard *a = *(const ReviewCard *const *)pa, *b = *(const ReviewCard *const *)pb;
    if (a->due_s != b->due_s)
        return a->due_s < b->due_s ? -1 : 1;
    return strcmp(a->key, b->key);
}

int review_due_keys(const ReviewDeck *deck, int64_t now_s, const char **out, int max)
{
    int n = review_due_count(deck, now_s);
    if (n == 0 || max <= 0 || !out)
        return 0;
    const ReviewCard **due = malloc((size_t)n * sizeof *due);
    if (!due)
        return 0;
    int k = 0;
    for (int i = 0; i < deck->n; i++)
        if (deck->c[i].due_s <= now_s)
            due[k++] = &deck->c[i];
    qsort(due, (size_t)n, sizeof *due, due_cmp);
    int written = n < max ? n : max;
    for (int i = 0; i < written; i++)
        out[i] = due[i]->key;
    free(due);
    return written;
}

/* --- the file ------------------------------------------------------------ */

static bool parse_count(const char *s, int lo, int hi, int *out)
{
    int64_t v;
    if (!text_parse_int64(s, 18, &v) || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

/* "D[.D[D]]" with 1..int_digits integer digits, in hundredths. */
static bool parse_hundredths(const char *s, size_t int_digits, int64_t *out)
{
    const char *dot = strchr(s, '.');
    size_t int_len = dot ? (size_t)(dot - s) : strlen(s);
    size_t frac_len = dot ? strlen(dot + 1) : 0;
    if (int_len == 0 || int_len > int_digits || (dot && (frac_len == 0 || frac_len > 2)))
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < int_len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    for (size_t i = 0; i < 2; i++) {
        char ch = i < frac_len ? dot[1 + i] : '0';
        if (ch < '0' || ch > '9')
            return false;
        v = v * 10 + (ch - '0');
    }
    *out = v;
    return true;
}

static void parse_card(void *user, char **f, const char *path, int line, Diag *d)
{
    ReviewDeck *deck = user;
    int reps, interval, reviews, lapses;
    int64_t ease, due, last, credit;
    if (!valid_key(f[0])) {
        diag_error(d, path, line, "bad item key '%.60s' (expected 1..%d printable characters, no spaces)",
                   f[0], REVIEW_MAX_KEY);
        return;
    }
    if (!parse_count(f[1], 0, COUNT_MAX, &reps)) {
        diag_error(d, path, line, "bad repetition count '%.30s'", f[1]);
        return;
    }
    if (!parse_hundredths(f[2], 2, &ease) || ease < REVIEW_EASE_MIN || ease > EASE_MAX) {
        diag_error(d, path, line, "bad ease '%.30s' (expected a number 1.30..10.00)", f[2]);
        return;
    }
    if (!parse_count(f[3], 1, REVIEW_MAX_INTERVAL_DAYS, &interval)) {
        diag_error(d, path, line, "bad interval '%.30s' (expected days 1..%d)", f[3], REVIEW_MAX_INTERVAL_DAYS);
        return;
    }
    if (!text_parse_int64(f[4], 18, &due)) {
        diag_error(d, path, line, "bad due time '%.30s' (expected unix seconds)", f[4]);
        return;
    }
    if (!text_parse_int64(f[5], 18, &last)) {
        diag_error(d, path, line, "bad last time '%.30s' (expected unix seconds)", f[5]);
        return;
    }
    if (!parse_count(f[6], 1, COUNT_MAX, &reviews)) {
        diag_error(d, path, line, "bad review count '%.30s'", f[6]);
        return;
    }
    if (!parse_count(f[7], 0, COUNT_MAX, &lapses)) {
        diag_error(d, path, line, "bad lapse count '%.30s'", f[7]);
        return;
    }
    if (!parse_hundredths(f[8], 3, &credit) || credit > 10000) {
        diag_error(d, path, line, "bad last credit '%.30s' (expected a percentage 0..100)", f[8]);
        return;
    }
    if (reps > reviews || lapses > reviews) {
        diag_error(d, path, line, "more repetitions or lapses than reviews (%d, %d > %d)", reps, lapses,
                   reviews);
        return;
    }
    if (review_find(deck, f[0])) {
        diag_error(d, path, line, "item '%.60s' appears twice; keeping the first", f[0]);
        return;
    }
    ReviewCard *c = add_card(deck, f[0]);
    if (!c) {
        diag_error(d, path, line, "out of memory");
        return;
    }
    c->reps = reps;
    c->ease = (int)ease;
    c->interval_days = interval;
    c->due_s = due;
    c->last_s = last;
    c->reviews = reviews;
    c->lapses = lapses;
    c->last_credit = (double)credit / 10000;
}

ReviewDeck *review_load(const char *path, Diag *d)
{
    ReviewDeck *deck = review_create();
    if (!deck)
        return NULL;
    size_t len = 0;
    char *buf = datafile_read_capped(path, DATAFILE_REVIEW | DATAFILE_MISSING_OK, &len, d);
    if (!buf) {
        return deck;
    }
    text_tsv_parse(buf, len, HEADER, "review file", N_FIELDS, parse_card, deck, path, d);
    free(buf);
    return deck;
}

static int write_cards(FILE *f, const void *user)
{
    const ReviewDeck *deck = user;
    fputs(HEADER "\n", f);
    for (int i = 0; deck && i < deck->n; i++) {
        const ReviewCard *c = &deck->c[i];
        long long credit = llround(c->last_credit * 10000);
        credit = credit < 0 ? 0 : (credit > 10000 ? 10000 : credit);
        fprintf(f, "%s\t%d\t%d.%02d\t%d\t%" PRId64 "\t%" PRId64 "\t%d\t%d\t%lld.%02lld\n", c->key, c->reps,
                c->ease / 100, c->ease % 100, c->interval_days, c->due_s, c->last_s, c->reviews, c->lapses,
                credit / 100, credit % 100);
    }
    return ferror(f) ? -1 : 0;
}

int review_save(const ReviewDeck *deck, const char *path, Diag *d)
{
    return datafile_write_atomic(path, write_cards, deck, d);
}
