/* rng: splitmix64 seeding xoshiro256** (Blackman & Vigna, public domain
 * reference algorithms). The output sequence for a seed is part of the
 * record format: a recorded seed must replay the same item order, so do not
 * change these algorithms without versioning the records. */
#include "rng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void rng_seed(Rng *r, uint64_t seed)
{
    /* splitmix64 never yields four zero words in a row, so the state is
     * never the all-zero state xoshiro cannot leave. */
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

uint64_t rng_next(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint32_t rng_below(Rng *r, uint32_t n)
{
    if (n <= 1)
        return 0;
    /* Reject the lowest 2^32 mod n values so every residue is equally
     * likely; the upper 32 bits are xoshiro256**'s best. */
    uint32_t threshold = (uint32_t)(0u - n) % n;
    for (;;) {
        uint32_t x = (uint32_t)(rng_next(r) >> 32);
        if (x >= threshold)
            return x % n;
    }
}

void rng_shuffle_ints(Rng *r, int *v, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint32_t)i + 1);
        int t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
