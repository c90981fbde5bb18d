/* rng: a small seeded generator (splitmix64 seeding xoshiro256**).
 * Core never uses a global RNG: every random choice takes an Rng made from a
 * recorded seed, so a session can be replayed exactly. */
#ifndef TPQUIZ_RNG_H
#define TPQUIZ_RNG_H

#include <stdint.h>

typedef struct {
    uint64_t s[4];
} Rng;

void rng_seed(Rng *r, uint64_t seed);
uint64_t rng_next(Rng *r);
/* Uniform in [0, n); n > 0. */
uint32_t rng_below(Rng *r, uint32_t n);
/* Fisher-Yates shuffle of n ints. */
void rng_shuffle_ints(Rng *r, int *v, int n);

#endif
