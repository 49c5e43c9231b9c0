/* tokenize.c - splits the normalised analysis copy into word tokens by Unicode general category
 * (utf8proc), with script flags. Runs after normalize, before stopword removal and stemming.
 * Numbers follow the same rule as words: "6,500" and "2.5" give two digit tokens each, because
 * ',' and '.' are punctuation; the segmenter, not the tokenizer, keeps such numbers whole. */
#include "summarize/text/tokenize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "summarize/common/swar.h"
#include "summarize/text/chars.h"
#include "summarize/text/normalize.h"

/* Classes of a code point; the last two are only a table's (tokenize_normalized). */
enum { TOKENIZE_SEPARATOR, TOKENIZE_BASE, TOKENIZE_MARK, TOKENIZE_DROP, TOKENIZE_SLOW };

static int tokenize_class(utf8proc_int32_t cp) {
    switch (chars_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
        return TOKENIZE_BASE;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return TOKENIZE_MARK;
    default:
        return TOKENIZE_SEPARATOR;
    }
}

/* Script by block, for letters only (the caller checks the category): the Arabic blocks including
 * the supplement, extended-A/B and presentation forms; the Latin blocks up to Latin Extended-E and
 * the full-width forms. */

static int tokenize_is_latin_block(utf8proc_int32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0x00C0 && cp <= 0x024F) ||
           (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
           (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F) ||
           (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

static uint32_t tokenize_flags(utf8proc_int32_t cp) {
    int cat = chars_category(cp);
    if (cat == UTF8PROC_CATEGORY_ND) return TOKEN_DIGIT;
    if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO) return 0;
    if (cp == 0x0640)
        return 0; /* tatweel is Lm in the Arabic block, but Script=Common: no letter */
    if (chars_is_arabic_block(cp)) return TOKEN_ARABIC;
    if (tokenize_is_latin_block(cp)) return TOKEN_LATIN;
    return 0;
}

/* The two bytes at p as a big-endian number: one load and a rotation where gcc or clang knows the
 * byte order. */
static inline unsigned tokenize_be16(const char *p) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint16_t u;
    memcpy(&u, p, 2);
    return __builtin_bswap16(u);
#else
    return (unsigned)(unsigned char)p[0] << 8 | (unsigned char)p[1];
#endif
}

/* Doubles the token array. */
static ars_status tokenize_grow(token_span **toks, size_t *cap) {
    size_t new_cap = *cap ? *cap * 2 : 64;
    if (new_cap < *cap || new_cap > SIZE_MAX / sizeof **toks) return ARS_ENOMEM;
    token_span *grown = realloc(*toks, new_cap * sizeof **toks);
    if (!grown) return ARS_ENOMEM;
    *toks = grown;
    *cap = new_cap;
    return ARS_OK;
}

static inline ars_status tokenize_push(token_span **toks, size_t *n, size_t *cap, size_t start,
                                       size_t len, uint32_t flags) {
    if (*n == *cap && tokenize_grow(toks, cap) != ARS_OK) return ARS_ENOMEM;
    (*toks)[*n] = (token_span){.start = start, .len = len, .flags = flags};
    (*n)++;
    return ARS_OK;
}

/* The class of code point cp (TOKENIZE_*) and, for a base, its flags in *cp_flags. */
static inline int tokenize_classify(int32_t cp, uint32_t *cp_flags) {
    /* The letters of the Arabic block (U+0620-U+064A but tatweel: all Lo) and ASCII first. */
    if (cp >= 0x0620 && cp <= 0x064A && cp != 0x0640) {
        *cp_flags = TOKEN_ARABIC;
        return TOKENIZE_BASE;
    }
    if (cp < 0x80) {
        int lower = cp | 0x20;
        *cp_flags = cp >= '0' && cp <= '9' ? TOKEN_DIGIT : TOKEN_LATIN;
        return (lower >= 'a' && lower <= 'z') || (cp >= '0' && cp <= '9') ? TOKENIZE_BASE
                                                                          : TOKENIZE_SEPARATOR;
    }
    int cls = tokenize_class(cp);
    *cp_flags = cls == TOKENIZE_BASE ? tokenize_flags(cp) : 0;
    return cls;
}

ars_status tokenize(const char *s, size_t len, token_span **toks, size_t *n, size_t *cap) {
    size_t i = 0, start = 0;
    int in_token = 0;
    uint32_t flags = 0;
    while (i < len) {
        /* A run of Arabic letters (U+0620-U+063F: D8 A0-BF; U+0641-U+064A: D9 81-8A; all Lo)
         * inside a token is taken straight from the bytes: most of the text. */
        if (in_token) {
            while (i + 1 < len) {
                unsigned char b = (unsigned char)s[i], c = (unsigned char)s[i + 1];
                if (!((b == 0xD8 && c >= 0xA0 && c <= 0xBF) ||
                      (b == 0xD9 && c >= 0x81 && c <= 0x8A)))
                    break;
                flags |= TOKEN_ARABIC;
                i += 2;
            }
            if (i >= len) break;
        }
        int32_t cp;
        /* An invalid byte reads as U+FFFD (a symbol): it separates, and is skipped alone. */
        size_t step = chars_next(s, i, len, &cp);
        uint32_t cp_flags;
        int cls = tokenize_classify(cp, &cp_flags);
        /* A combining mark belongs to the character before it: it extends a token but never
         * starts one, so a stray mark after a space does not become a token of its own. */
        if (cls == TOKENIZE_BASE || (cls == TOKENIZE_MARK && in_token)) {
            if (!in_token) {
                in_token = 1;
                start = i;
                flags = 0;
            }
            if (cls == TOKENIZE_BASE) flags |= cp_flags;
        } else if (in_token) {
            ars_status st = tokenize_push(toks, n, cap, start, i - start, flags);
            if (st != ARS_OK) return st;
            in_token = 0;
        }
        i += step;
    }
    return in_token ? tokenize_push(toks, n, cap, start, len - start, flags) : ARS_OK;
}

/* A table entry: its UTF-8 bytes (len of them; the rest zero) and the class of what
 * normalize_direct makes of the code point, with its flags as a base; or kind TOKENIZE_DROP, or
 * TOKENIZE_SLOW when it needs its neighbours or would lengthen the text. Eight bytes, the bytes
 * first: the pass stores all four at once. */
typedef struct {
    char bytes[4];
    uint8_t kind, flags, len, unused;
} tokenize_entry;

struct tokenize_table {
    tokenize_entry e[CHARS_TABLE_SIZE];
    /* The entries of U+0600-U+067F by the two bytes of their UTF-8 read big-endian, less D800
     * (lead D8, D9), so that a run of Arabic letters is read without decoding; a second byte
     * that is no continuation byte has kind TOKENIZE_SLOW. */
    tokenize_entry arabic[512];
};

ars_status tokenize_table_new(tokenize_table **out) {
    tokenize_table *t = calloc(1, sizeof *t);
    *out = t;
    if (!t) return ARS_ENOMEM;
    for (int32_t cp = 0; cp < CHARS_TABLE_SIZE; cp++) {
        tokenize_entry *e = &t->e[cp];
        int m = normalize_direct(cp);
        if (m == NORMALIZE_IN_CONTEXT) {
            e->kind = TOKENIZE_SLOW;
            continue;
        }
        if (m < 0) {
            e->kind = TOKENIZE_DROP;
            continue;
        }
        /* normalize_text_into never lengthens such text; lower case may (U+023A -> U+2C65),
         * and the buffer is sized on that. */
        int len = chars_encode(m, e->bytes);
        if (len > (cp < 0x80 ? 1 : 2)) {
            memset(e, 0, sizeof *e);
            e->kind = TOKENIZE_SLOW;
            continue;
        }
        uint32_t flags;
        e->kind = (uint8_t)tokenize_classify(m, &flags);
        e->flags = e->kind == TOKENIZE_BASE ? (uint8_t)flags : 0;
        e->len = (uint8_t)len;
    }
    /* NBSP (U+00A0, common in text from the web) is no boundary of normalize_text_into, as NFKC
     * changes it, yet what it becomes does not depend on its neighbours: its compatibility
     * decomposition is a space, which composes with nothing before or after it. Taken here as
     * that space (one byte for two), it keeps such sentences off the slow way. */
    t->e[0xA0] = (tokenize_entry){.bytes = " ", .kind = TOKENIZE_SEPARATOR, .len = 1};
    for (unsigned lead = 0; lead < 2; lead++)
        for (unsigned b = 0; b < 256; b++)
            if (b >= 0x80 && b < 0xC0)
                t->arabic[lead << 8 | b] = t->e[0x600 + (lead << 6) + (b & 0x3F)];
            else
                t->arabic[lead << 8 | b].kind = TOKENIZE_SLOW;
    return ARS_OK;
}

void tokenize_table_free(tokenize_table *t) {
    free(t);
}

/* --- runs of common Arabic letters and spaces ------------------------------------------------- */

/* Most of the analysis copy is Arabic letters between single ASCII spaces: U+0620-U+063F (D8
 * A0-BF) and U+0641-U+064A (D9 81-8A), all Lo in the Arabic block, that normalise to themselves
 * but for the alefs with hamza or madda (D8 A2, A3, A5), which become alef (D8 A7), and alef
 * maqsura (D9 89), which becomes yeh (D9 8A), in as many bytes. Such text is taken sixteen bytes
 * at a time: a scan function writes the block normalised to out (those second bytes changed
 * wherever they stand: outside such letters the pass does not keep them) and gives two masks of
 * it, bit k of the low half when such a letter starts at byte k (0 to 14: the last byte's letter
 * would need the next block's first byte), bit k of the high half when byte k is a space; the
 * pass then only finds the token ends. test_tokenize.c holds the scan to the table: every lead
 * byte with every second byte at every place of a block, both ways (SSE2 and SWAR). */
typedef uint32_t (*tokenize_scan_fn)(const unsigned char *p, char *out);

/* Portable: SWAR on 64-bit words (the letters by chars_arabic_letter_lanes). The bytes of x
 * normalised as second bytes: A2, A3, A5 -> A7 and 89 -> 8A, in every lane. */
static inline uint64_t tokenize_fold_swar(uint64_t x) {
    uint64_t alef = swar_lanes_below((x & (0xFEu * SWAR_ONES)) ^ (0xA2u * SWAR_ONES), 1) |
                    swar_lanes_below(x ^ (0xA5u * SWAR_ONES), 1);
    uint64_t maqsura = swar_lanes_below(x ^ (0x89u * SWAR_ONES), 1);
    uint64_t alef_lanes = (alef >> 7) * 0xFFu;
    return ((x & ~alef_lanes) | (alef_lanes & (0xA7u * SWAR_ONES))) + (maqsura >> 7);
}

/* The high bits of the eight lanes of m as bits 0-7: each lands alone on bit 56 + k of the
 * product (the shifted copies never meet, so nothing carries). */
static inline uint32_t tokenize_lane_bits(uint64_t m) {
    return (uint32_t)(((m >> 7) * (uint64_t)0x0102040810204080u) >> 56);
}

/* The eight bytes of x (byte k in lane k) to p. */
static inline void tokenize_store_swar(char *p, uint64_t x) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    memcpy(p, &x, 8);
}

static inline uint32_t tokenize_scan_swar(const unsigned char *p, char *out) {
    uint64_t w0 = swar_load(p), w1 = swar_load(p + 8);
    uint64_t y0 = (w0 >> 8) | (w1 << 56), y1 = w1 >> 8; /* lane 7 of y1: 0, no letter */
    uint32_t letters = tokenize_lane_bits(chars_arabic_letter_lanes(w0, y0)) |
                       tokenize_lane_bits(chars_arabic_letter_lanes(w1, y1)) << 8;
    uint32_t spaces = tokenize_lane_bits(swar_lanes_below(w0 ^ (0x20u * SWAR_ONES), 1)) |
                      tokenize_lane_bits(swar_lanes_below(w1 ^ (0x20u * SWAR_ONES), 1)) << 8;
    tokenize_store_swar(out, tokenize_fold_swar(w0));
    tokenize_store_swar(out + 8, tokenize_fold_swar(w1));
    return letters | spaces << 16;
}

#if defined(__SSE2__)
/* SSE2 (every x86-64 has it): the same from compares on all sixteen lanes. Bytes compare as
 * signed: 81-8A are -127 to -118. */
#include <emmintrin.h>

static inline uint32_t tokenize_scan_sse2(const unsigned char *p, char *out) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i c = _mm_srli_si128(v, 1); /* lane k: byte k + 1; lane 15: 0, no letter */
    __m128i d8 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8));
    __m128i d9 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD9));
    __m128i a0_bf =
        _mm_cmpeq_epi8(_mm_and_si128(c, _mm_set1_epi8((char)0xE0)), _mm_set1_epi8((char)0xA0));
    __m128i x81_8a = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(-128)),
                                   _mm_cmpgt_epi8(_mm_set1_epi8(-117), c));
    __m128i letters = _mm_or_si128(_mm_and_si128(d8, a0_bf), _mm_and_si128(d9, x81_8a));
    __m128i spaces = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    /* A2, A3, A5 -> A7; 89 -> 8A (less the compare's -1) */
    __m128i alef = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xA2)),
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA5)));
    __m128i folded =
        _mm_or_si128(_mm_andnot_si128(alef, v), _mm_and_si128(alef, _mm_set1_epi8((char)0xA7)));
    folded = _mm_sub_epi8(folded, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x89)));
    _mm_storeu_si128((__m128i *)(void *)out, folded);
    return (uint32_t)_mm_movemask_epi8(letters) | (uint32_t)_mm_movemask_epi8(spaces) << 16;
}
#define TOKENIZE_SCAN tokenize_scan_sse2
#else
#define TOKENIZE_SCAN tokenize_scan_swar
#endif

/* The bytes of the letters of a run that starts at bit j of the letter mask g (j 0 to 16): the
 * bits of odd distance from j are set, so the lowest clear bit is the first that starts no
 * letter. */
static inline size_t tokenize_run_bytes(uint32_t g, size_t j) {
    return swar_lowest_bit(~(uint64_t)((g >> j) | 0xAAAAu));
}

/* Inlined with a constant scan function, so each caller gets its own loop (gcc would otherwise
 * keep one copy, large as it is, and call the scan through the pointer). */
#if defined(__GNUC__)
#define TOKENIZE_ALWAYS_INLINE __attribute__((always_inline))
#else
#define TOKENIZE_ALWAYS_INLINE
#endif
static inline TOKENIZE_ALWAYS_INLINE ars_status tokenize_normalized_with(
    const tokenize_table *t, const char *s, size_t len, char **buf, size_t *buf_cap,
    size_t *out_len, token_span **toks, size_t *n, size_t *cap, tokenize_scan_fn scan) {
    size_t n0 = *n;
    /* Room for the text, its NUL, and the whole of an entry's bytes written at the end. The
     * output never runs ahead of the input (o <= i), so a block of sixteen bytes written whole
     * from s + i, with i + 16 <= len, fits as well. */
    if (len > (size_t)PTRDIFF_MAX / 2) goto slow;
    if (normalize_reserve(buf, buf_cap, len + sizeof t->e[0].bytes) != ARS_OK) return ARS_ENOMEM;
    char *out = *buf;
    /* The token array in locals (stores into it could alias *n, both being size_t), put back
     * on the way out. */
    token_span *tk = *toks;
    size_t nt = *n, ct = *cap;
    size_t o = 0, start = 0;
    int in_token = 0;
    uint32_t flags = 0;
#define TOKENIZE_PUSH(end)                                                                         \
    do {                                                                                           \
        if (nt == ct) {                                                                            \
            if (tokenize_grow(toks, cap) != ARS_OK) {                                              \
                *n = nt;                                                                           \
                return ARS_ENOMEM;                                                                 \
            }                                                                                      \
            tk = *toks;                                                                            \
            ct = *cap;                                                                             \
        }                                                                                          \
        tk[nt++] = (token_span){.start = start, .len = (end)-start, .flags = flags};               \
        in_token = 0;                                                                              \
    } while (0)
    for (size_t i = 0; i < len;) {
        /* Sixteen bytes at a time while they are such letters and spaces: written whole, and
         * walked from token end to token end by the masks. */
        if (i + 16 <= len) {
            uint32_t m = scan((const unsigned char *)s + i, out + o);
            uint32_t g = m & 0xFFFFu, spaces = m >> 16;
            size_t j = 0;
            for (;;) {
                size_t run = tokenize_run_bytes(g, j);
                if (run) {
                    if (!in_token) {
                        in_token = 1;
                        start = o + j;
                        flags = 0;
                    }
                    flags |= TOKEN_ARABIC;
                    j += run;
                }
                if (!(spaces >> j & 1u)) break; /* j may be 16 here: no bit there */
                if (in_token) TOKENIZE_PUSH(o + j);
                j++;
            }
            i += j;
            o += j;
            /* Stopped in the last byte or two, the block may simply have ended: the next one
             * tells. Before, what stopped it is taken below (i < len still). */
            if (j >= 15) continue;
        }
        unsigned cp = (unsigned char)s[i];
        if (cp < 0x80) {
            i++;
        } else {
            /* Two-byte sequences are decoded here; longer or malformed ones go the slow way. */
            if (i + 1 >= len) goto slow;
            unsigned c = (unsigned char)s[i + 1] ^ 0x80u; /* a continuation byte's six bits */
            if (cp - 0xC2u >= 0xE0u - 0xC2u || c >= 0x40u) goto slow;
            cp = ((cp & 0x1Fu) << 6) | c;
            i += 2;
        }
        const tokenize_entry *e = &t->e[cp];
        if (e->kind == TOKENIZE_BASE) {
            if (!in_token) {
                in_token = 1;
                start = o;
                flags = 0;
            }
            flags |= e->flags;
            memcpy(out + o, e->bytes, sizeof e->bytes);
            o += e->len;
            /* The last sixteen bytes, too few for a block: the rest of a word in the Arabic block
             * (leads D8, D9) in a loop of its own, while each is a base. */
            if (i + 16 > len) {
                while (i + 1 < len) {
                    /* The two bytes read big-endian, less D800: below 0x200 exactly when the
                     * lead is D8 or D9, and then the index into arabic[] (one test for both). */
                    unsigned x = tokenize_be16(s + i) - 0xD800u;
                    if (x >= 0x200u) break;
                    e = &t->arabic[x];
                    if (e->kind != TOKENIZE_BASE) break;
                    flags |= e->flags;
                    memcpy(out + o, e->bytes, sizeof e->bytes);
                    o += e->len;
                    i += 2;
                }
            }
            continue;
        } else if (e->kind == TOKENIZE_SEPARATOR) {
            if (in_token) TOKENIZE_PUSH(o);
        } else if (e->kind == TOKENIZE_DROP) {
            continue;
        } else if (e->kind != TOKENIZE_MARK) {
            goto slow;
        } /* a mark extends a token; outside one, it is skipped as tokenize does */
        memcpy(out + o, e->bytes, sizeof e->bytes);
        o += e->len;
    }
    if (in_token) TOKENIZE_PUSH(o);
#undef TOKENIZE_PUSH
    *n = nt;
    out[o] = '\0';
    *out_len = o;
    return ARS_OK;
slow:
    *n = n0;
    ars_status st = normalize_text_into(s, len, buf, buf_cap, out_len);
    return st != ARS_OK ? st : tokenize(*buf, *out_len, toks, n, cap);
}

ars_status tokenize_normalized(const tokenize_table *t, const char *s, size_t len, char **buf,
                               size_t *buf_cap, size_t *out_len, token_span **toks, size_t *n,
                               size_t *cap) {
    return tokenize_normalized_with(t, s, len, buf, buf_cap, out_len, toks, n, cap, TOKENIZE_SCAN);
}

ars_status tokenize_normalized_portable(const tokenize_table *t, const char *s, size_t len,
                                        char **buf, size_t *buf_cap, size_t *out_len,
                                        token_span **toks, size_t *n, size_t *cap) {
    return tokenize_normalized_with(t, s, len, buf, buf_cap, out_len, toks, n, cap,
                                    tokenize_scan_swar);
}
