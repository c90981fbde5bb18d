/* review: spaced review of every auto-graded item a learner has met.
 *
 * Each item (by Item.key) is a card scheduled by SM-2 from the credit its
 * answers earned; the rules, the credit-to-quality mapping and why SM-2 are
 * in docs/GRADING.md ("Spaced review"), the file in docs/FORMATS.md. Time is
 * always passed in (seconds since the epoch); nothing here reads a clock.
 * Saving is atomic (temporary file, fsync, rename, fsync of the folder). */
#ifndef TPQUIZ_REVIEW_H
#define TPQUIZ_REVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

#define REVIEW_SECONDS_PER_DAY 86400
/* SM-2's E-Factor, in hundredths: new cards start at 2.5, never below 1.3. */
#define REVIEW_EASE_START 250
#define REVIEW_EASE_MIN 130
/* No interval grows beyond this (about 100 years): keeps due times finite. */
#define REVIEW_MAX_INTERVAL_DAYS 36500
/* Longest key stored (Item keys are "<module>/tp.<id>/locate" and the like). */
#define REVIEW_MAX_KEY 200

typedef struct {
    char *key;         /* the Item.key; printable ASCII, no spaces */
    int reps;          /* successful reviews in a row (SM-2's n) */
    int ease;          /* SM-2 E-Factor x 100, >= REVIEW_EASE_MIN */
    int interval_days; /* the interval that set due_s */
    int64_t due_s;     /* due from this time on (seconds since the epoch) */
    int64_t last_s;    /* time of the latest answer */
    int reviews;       /* answers recorded */
    int lapses;        /* failures of a card that was being recalled (reps > 0) */
    double last_credit; /* 0..1 */
} ReviewCard;

typedef struct ReviewDeck ReviewDeck;

/* An empty deck. NULL only if memory runs out. */
ReviewDeck *review_create(void);
/* Reads path; a missing file is an empty deck. Bad lines are reported
 * (path:line) and skipped; a key given twice keeps its first line. NULL
 * only if memory runs out. */
ReviewDeck *review_load(const char *path, Diag *d);
void review_free(ReviewDeck *deck);

/* Writes atomically. Returns 0, or -1 with the reason in d. */
int review_save(const ReviewDeck *deck, const char *path, Diag *d);

/* SM-2 quality 0..5 of a credit 0..1: round(5 * credit), halves up
 * (1 -> 5, 0.9 -> 5, 0.8 -> 4, 0.5 -> 3, 0.4 -> 2, 0 -> 0). 3 or more is a
 * success. NaN or below 0 counts 0, above 1 counts 1. */
int review_quality(double credit);

/* Records one graded answer to the item key at now_s and reschedules it
 * (a new key becomes a card). SM-2: a success (quality >= 3) on a due card
 * or a new one sets the interval to 1 day, then 6, then the previous
 * interval x E-Factor (rounded), and adjusts the E-Factor by quality; a
 * failure starts the card again (reps 0, 1 day; the E-Factor is kept). A
 * success before the card is due only notes the answer (reviews, last_s,
 * last_credit): the schedule stays, since recalling an item again the same
 * day proves nothing about the long interval. Returns the card, or NULL if
 * key is not storable (empty, longer than REVIEW_MAX_KEY, a space or control
 * character) or memory runs out. A credit outside 0..1 is clamped, a
 * negative time taken as 0. The pointer is valid until the next
 * review_record or review_free. */
const ReviewCard *review_record(ReviewDeck *deck, const char *key, double credit, int64_t now_s);

int review_count(const ReviewDeck *deck);
const ReviewCard *review_card(const ReviewDeck *deck, int i); /* NULL out of range */
const ReviewCard *review_find(const ReviewDeck *deck, const char *key);

/* Puts the cards of keys[0..n) first in the review: each becomes due
 * before every other card due at now_s, in the order given (the first key
 * first), so review_due_keys serves them ahead of the rest. The rest of a
 * card (its interval, ease, counts) stays: only when it comes back
 * changes. A key without a card is skipped (record the answer first with
 * review_record), as is a key given again. Due times never go below 0 (a
 * deck already due at 0 or 1 may tie with them, broken by key). Returns
 * how many cards were made due. */
int review_mark_due(ReviewDeck *deck, const char *const *keys, int n, int64_t now_s);

/* Cards with due_s <= now_s. */
int review_due_count(const ReviewDeck *deck, int64_t now_s);

/* The keys of the due cards, most overdue (earliest due_s) first, equal
 * due times by key; up to max into out (pointers owned by the deck, valid
 * until it changes). Returns how many were written. */
int review_due_keys(const ReviewDeck *deck, int64_t now_s, const char **out, int max);

#endif
