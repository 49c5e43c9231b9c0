/* utf8.c - UTF-8 decoding for the library's input check and lossy copies for JSON (see utf8.h). */
#include "summarize/common/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/swar.h"

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

/* The fast paths pass a block of n bytes (16 or 32) at a time while the text holds only ASCII and
 * two-byte sequences (C2..DF then a continuation byte), which is nearly all of Arabic or Latin
 * text. A block function tells how many bytes of the block at p are certainly whole, good
 * sequences from p[0], which must start one: n; n - 1 when the last byte is a lead (its sequence
 * starts the next block); else the offset of the first byte that breaks the rule, less one when a
 * lead stands just before it (its continuation is what is missing). Below n - 1 the scan takes
 * one sequence there through utf8_sequence, so what is reported is exactly what utf8_sequence
 * finds; a fault at n - 1 is found by the next block, at its start. */
typedef size_t (*utf8_block_fn)(const unsigned char *p, int stop_at_nul);

/* Portable: SWAR on two 64-bit words (n = 16), bit 7 of each byte of a mask standing for that
 * byte. About 4.8 instructions a byte on Arabic text (x86-64, gcc -O2). */
/* Bytes of w shaped as leads (11xxxxxx). */
static uint64_t utf8_leads(uint64_t w) {
    return w & (w << 1) & SWAR_HIGHS;
}

/* Bytes of w that break the rule: a continuation byte (10xxxxxx) where none is due or none where
 * one is (due: the bytes after leads), a lead other than C2..DF (E0..FF have bit 5 set, C0/C1
 * bits 4..1 clear), and NUL bytes when nul is SWAR_HIGHS (0: none). Only the lowest flag is sure
 * to be exact, which is all that is read. */
static uint64_t utf8_faults(uint64_t w, uint64_t leads, uint64_t due, uint64_t nul) {
    uint64_t low_bits = (w & (uint64_t)0x1E1E1E1E1E1E1E1Eu) + (uint64_t)0x7F7F7F7F7F7F7F7Fu;
    return ((w & SWAR_HIGHS) ^ leads ^ due) | (leads & ((w << 2) | ~low_bits)) |
           ((w - SWAR_ONES) & ~w & nul);
}

/* The number of bytes below the lowest flagged one of a nonzero mask. */
static size_t utf8_first(uint64_t mask) {
    uint64_t below = (mask - 1) & ~mask & SWAR_HIGHS; /* a flag for each byte below it */
    return (size_t)(((below >> 7) * SWAR_ONES) >> 56);
}

static inline size_t utf8_block_swar(const unsigned char *p, int stop_at_nul) {
    const uint64_t nul = stop_at_nul ? SWAR_HIGHS : 0;
    uint64_t w0 = swar_load(p), w1 = swar_load(p + 8);
    uint64_t l0 = utf8_leads(w0), l1 = utf8_leads(w1);
    uint64_t f0 = utf8_faults(w0, l0, l0 << 8, nul);
    uint64_t f1 = utf8_faults(w1, l1, (l1 << 8) | (l0 >> 56), nul);
    if (!(f0 | f1)) return 16 - (size_t)(l1 >> 63);
    size_t k = f0 ? utf8_first(f0) : 8 + utf8_first(f1);
    /* bit 63: the lead flag of byte k - 1 */
    uint64_t lead_before = k == 0 ? 0 : k <= 8 ? l0 << (64 - 8 * k) : l1 << (128 - 8 * k);
    return k - (size_t)(lead_before >> 63);
}

#if defined(__SSE2__)
/* SSE2 (every x86-64 has it): the same rule on two 16-byte vectors (n = 32), bit k of a mask
 * standing for byte k; about 1.8 instructions a byte on Arabic text. Compared as signed bytes:
 * ASCII is 0..127, continuations 80..BF are -128..-65 and leads C2..DF are -62..-33. */
#include <emmintrin.h>

/* The good bytes of v, given its leads and the bytes where a continuation is due: a continuation
 * where one is due; elsewhere ASCII above min_ascii (0 refuses NUL, -1 takes it) or a lead. */
static inline __m128i utf8_good_sse2(__m128i v, __m128i min_ascii, __m128i lead, __m128i due) {
    __m128i cont = _mm_cmpgt_epi8(_mm_set1_epi8(-64), v);
    __m128i single = _mm_or_si128(_mm_cmpgt_epi8(v, min_ascii), lead);
    return _mm_and_si128(_mm_cmpeq_epi8(cont, due), _mm_or_si128(single, cont));
}

static inline __m128i utf8_leads_sse2(__m128i v) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
                         _mm_cmpgt_epi8(_mm_set1_epi8(-32), v));
}

static inline size_t utf8_block_sse2(const unsigned char *p, int stop_at_nul) {
    const __m128i min_ascii = _mm_set1_epi8(stop_at_nul ? 0 : -1);
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
    __m128i l0 = utf8_leads_sse2(v0), l1 = utf8_leads_sse2(v1);
    __m128i g0 = utf8_good_sse2(v0, min_ascii, l0, _mm_slli_si128(l0, 1));
    __m128i g1 = utf8_good_sse2(v1, min_ascii, l1,
                                _mm_or_si128(_mm_slli_si128(l1, 1), _mm_srli_si128(l0, 15)));
    uint32_t good = (uint32_t)_mm_movemask_epi8(g0) | (uint32_t)_mm_movemask_epi8(g1) << 16;
    uint32_t leads = (uint32_t)_mm_movemask_epi8(l0) | (uint32_t)_mm_movemask_epi8(l1) << 16;
    if (good == 0xFFFFFFFFu) return 32 - (leads >> 31);
    size_t k = 0;
    while (good >> k & 1u)
        k++;
    return k - (k ? leads >> (k - 1) & 1u : 0);
}
#define UTF8_BLOCK       utf8_block_sse2
#define UTF8_BLOCK_BYTES 32
#else
#define UTF8_BLOCK       utf8_block_swar
#define UTF8_BLOCK_BYTES 16
#endif

/* Inlined with a constant block function, so each caller gets its own loop. */
static inline size_t utf8_scan_with(const unsigned char *buf, size_t len, int stop_at_nul,
                                    utf8_block_fn block, size_t block_bytes) {
    size_t i = 0, blocks_end = len >= block_bytes ? len - block_bytes + 1 : 0;
    while (i < len) {
        while (i < blocks_end) { /* a whole block from i */
            size_t ok = block(buf + i, stop_at_nul);
            i += ok;
            if (ok < block_bytes - 1) break;
        }
        if (i >= len) break;
        if (buf[i] == 0 && stop_at_nul) return i;
        size_t n = utf8_sequence(buf, len, i);
        if (n == 0) return i;
        i += n;
    }
    return len;
}

size_t utf8_scan(const unsigned char *buf, size_t len, int stop_at_nul) {
    return utf8_scan_with(buf, len, stop_at_nul, UTF8_BLOCK, UTF8_BLOCK_BYTES);
}

size_t utf8_scan_portable(const unsigned char *buf, size_t len, int stop_at_nul) {
    return utf8_scan_with(buf, len, stop_at_nul, utf8_block_swar, 16);
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
