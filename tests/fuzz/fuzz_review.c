/* Fuzz target: the spaced-review file (review_load), then one review
 * recorded on the loaded deck. */
#include "fuzz_common.h"
#include "review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("fuzz.review", data, size);
    Diag *d = diag_create();
    ReviewDeck *deck = review_load(path, d);
    if (deck) {
        const char *keys[8];
        int n = review_count(deck);
        for (int i = 0; i < n; i++) {
            const ReviewCard *c = review_card(deck, i);
            if (!c || review_find(deck, c->key) == NULL || c->ease < REVIEW_EASE_MIN)
                abort();
        }
        (void)review_due_keys(deck, 1772438400, keys, 8);
        if (n > 0)
            (void)review_record(deck, review_card(deck, 0)->key, 0.8, 1772438400);
    }
    review_free(deck);
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
