/* utf8.c - UTF-8 decoding for the library's input check and lossy copies for JSON (see utf8.h). */
#include "summarize/common/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A 64-bit word as little-endian byte order would read it: byte k of the block in bits 8k..8k+7. */
static uint64_t utf8_le64(uint64_t w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(w);
#else
    return w;
#endif
}

/* The second byte's allowed range depends on the lead byte; checking it there rejects overlongs,
 * surrogates and out-of-range values without decoding (the table in RFC 3629, section 4). */
size_t utf8_sequence(const unsigned char *buf, size_t len, size_t i) {
    unsigned char b0 = buf[i];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (b0 < 0x80) return 1;
    if (b0 < 0xC2) return 0; /* continuation byte as lead, or overlong C0/C1 */
    if (b0 < 0xE0) {
        need = 1;
    } else if (b0 < 0xF0) {
        need = 2;
        if (b0 == 0xE0) lo = 0xA0; /* below would be an overlong 3-byte form */
        if (b0 == 0xED) hi = 0x9F; /* above would be a UTF-16 surrogate D800..DFFF */
    } else if (b0 < 0xF5) {
        need = 3;
        if (b0 == 0xF0) lo = 0x90; /* overlong 4-byte form */
        if (b0 == 0xF4) hi = 0x8F; /* past U+10FFFF */
    } else {
        return 0;
    }
    if (len - i - 1 < need) return 0; /* truncated at the end of the buffer */
    if (buf[i + 1] < lo || buf[i + 1] > hi) return 0;
    for (size_t k = 2; k <= need; k++) {
        if ((buf[i + k] & 0xC0) != 0x80) return 0;
    }
    return need + 1;
}

/* Eight bytes at a time, SWAR style: a block is passed whole when it holds only ASCII and
 * two-byte sequences (C2..DF then a continuation byte) that end inside it, which is nearly all of
 * Arabic or Latin text. Everything else, and every block with a problem, goes through
 * utf8_sequence one sequence at a time, so what is reported is exactly what it finds. */
#define UTF8_HIGH ((uint64_t)0x8080808080808080u)
#define UTF8_ONES ((uint64_t)0x0101010101010101u)

/* Bytes of the block at p (8 of them) that are certainly fine, from its start: 8, 7 when the last
 * byte opens a two-byte sequence, or 0 when the block needs the slow path. */
static size_t utf8_block(const unsigned char *p, int stop_at_nul) {
    uint64_t w;
    memcpy(&w, p, 8);
    w = utf8_le64(w);
    uint64_t high = w & UTF8_HIGH;
    if (stop_at_nul && ((w - UTF8_ONES) & ~w & UTF8_HIGH)) return 0; /* a NUL byte */
    if (!high) return 8;
    uint64_t bit6 = (w << 1) & UTF8_HIGH, bit5 = (w << 2) & UTF8_HIGH;
    uint64_t lead = high & bit6, cont = high & ~bit6;
    /* Leads E0..FF (bit 5) and C0/C1 (bits 4..1 all zero) take the slow path. */
    uint64_t low_bits = ((w & (uint64_t)0x1E1E1E1E1E1E1E1Eu) + (uint64_t)0x7F7F7F7F7F7F7F7Fu);
    if ((lead & bit5) || (lead & ~low_bits & UTF8_HIGH)) return 0;
    uint64_t last = (uint64_t)0x80u << 56;
    if ((lead << 8) != (cont & ~(uint64_t)0x80u)) return 0; /* a lead without its continuation */
    if (cont & 0x80u) return 0;                             /* the block starts inside a sequence */
    return (lead & last) ? 7 : 8;
}

size_t utf8_scan(const unsigned char *buf, size_t len, int stop_at_nul) {
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            size_t ok = utf8_block(buf + i, stop_at_nul);
            if (ok) {
                i += ok;
                continue;
            }
        }
        if (buf[i] == 0 && stop_at_nul) return i;
        size_t n = utf8_sequence(buf, len, i);
        if (n == 0) return i;
        i += n;
    }
    return len;
}

int utf8_valid(const char *s, size_t len) {
    return utf8_scan((const unsigned char *)s, len, 0) == len;
}

char *utf8_lossy_copy(const char *s, size_t len, size_t *out_len) {
    const unsigned char *p = (const unsigned char *)s;
    /* Each bad byte becomes three: at most 3 * len + 1 bytes. */
    if (len > ((size_t)-1 - 1) / 3) return NULL;
    char *out = malloc(3 * len + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence(p, len, i);
        if (n) {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3); /* U+FFFD, one per byte that starts nothing */
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    if (out_len) *out_len = o;
    return out;
}
