/* swar.h - eight bytes at a time in a 64-bit word (SWAR), for the byte scanners of the library
 * (the UTF-8 check, clean.c, dateline.c, segment.c, display.c): a block of eight bytes loaded with
 * byte k in lane k whatever the machine's byte order, per-lane comparisons, whether any lane
 * matches, and the first lane a mask marks. */
#ifndef ARS_COMMON_SWAR_H
#define ARS_COMMON_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SWAR_ONES  ((uint64_t)0x0101010101010101u)
#define SWAR_HIGHS ((uint64_t)0x8080808080808080u)
#define SWAR_LOWS  ((uint64_t)0x7F7F7F7F7F7F7F7Fu)

/* The eight bytes at p, byte k in lane k (bits 8k to 8k+7). */
static inline uint64_t swar_load(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* The high bit of every lane of v below n (1 <= n <= 0x80); exact in every lane, as no lane
 * carries into the next. */
static inline uint64_t swar_lanes_below(uint64_t v, unsigned n) {
    return ~(((v & SWAR_LOWS) + (0x80u - n) * SWAR_ONES) | v) & SWAR_HIGHS;
}

/* Whether any lane of v is below n (1 <= n <= 0x80): the borrows of the subtraction reach a
 * lane's high bit only through such a lane, so the answer is exact (which lanes, not always). */
static inline int swar_any_below(uint64_t v, unsigned n) {
    return ((v - n * SWAR_ONES) & ~v & SWAR_HIGHS) != 0;
}

/* Whether any lane of v equals b. */
static inline int swar_any_equal(uint64_t v, unsigned char b) {
    return swar_any_below(v ^ (b * SWAR_ONES), 1);
}

/* The index of the lowest set bit of f (not 0): bit 8k + 7 is lane k's high bit. */
static inline size_t swar_lowest_bit(uint64_t f) {
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(f);
#else
    size_t k = 0;
    while (!(f & 1u)) {
        f >>= 1;
        k++;
    }
    return k;
#endif
}

#endif
