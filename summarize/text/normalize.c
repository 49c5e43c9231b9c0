/* normalize.c - the analysis copy of a text: NFKC through utf8proc, then the Arabic per-code-point
 * rules (harakat, tatweel, alef and yeh variants, digits) and lower case. Runs after clean and
 * before tokenize; the printed summary never sees this copy. */
#include "summarize/text/normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "summarize/text/chars.h"

/* NFKC (COMPOSE|COMPAT) because PDF extraction leaves presentation forms (ﻻ, ﺍﻟﻌﺮﺑﻴﺔ, ﷲ) that
 * only the compatibility decompositions fold back to ordinary letters. IGNORE removes soft
 * hyphens, ZWNJ/ZWJ and bidi marks, which web text leaves inside words and which would otherwise
 * split a word into two tokens. STABLE keeps the result the same across Unicode versions for
 * assigned code points. */
#define NORMALIZE_UTF8PROC_OPTIONS                                                                 \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE)

/* Runs before NFKC. The isolated forms of the harakat (U+FE70, FE72, FE74, ... FE7E) and the
 * shadda ligatures U+FC5E-FC63 decompose to a SPACE plus the marks, so NFKC alone would cut a word
 * in two where a PDF put one of them. They are mapped to tatweel, which NFKC leaves alone and the
 * per-code-point pass drops, like every other haraka. */
static utf8proc_int32_t normalize_before_nfkc(utf8proc_int32_t cp, void *data) {
    (void)data;
    if ((cp >= 0xFE70 && cp <= 0xFE7F && cp != 0xFE73) || (cp >= 0xFC5E && cp <= 0xFC63))
        return 0x0640;
    return cp;
}

/* normalize_codepoint, inlined into the passes below. */
static inline int normalize_codepoint_inline(int cp) {
    /* ASCII and the Arabic block first: they are most of the text, and utf8proc_tolower leaves
     * the Arabic block alone (no case). */
    /* Control characters other than white space (ESC, BEL, DEL, C1) are not text: the printed
     * form drops them (output/display.c), so the analysis does too, or two sentences printed
     * alike would count as different (found by fuzz_api). */
    if (cp < 0x80) {
        if ((cp < 0x20 && !(cp >= '\t' && cp <= '\r')) || cp == 0x7F) return -1;
        return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    if (cp <= 0x9F && cp != 0x85) return -1;
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) return -1;
    switch (cp) {
    case 0x0622: /* آ */
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0671: /* ٱ */
        return 0x0627;
    case 0x0649: /* ى */
        return 0x064A;
    default:
        break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    if (cp >= 0x0600 && cp <= 0x06FF) return cp;
    return utf8proc_tolower(cp);
}

int normalize_codepoint(int cp) {
    return normalize_codepoint_inline(cp);
}

void normalize_fold_ta_marbuta(char *s, size_t len) {
    /* ة is D8 A9 and ه is D9 87. D8 is a lead byte, never a continuation byte, so a match is
     * always a whole code point. */
    for (size_t i = 0; i + 1 < len; i++) {
        if ((unsigned char)s[i] == 0xD8 && (unsigned char)s[i + 1] == 0xA9) {
            s[i] = (char)0xD9;
            s[i + 1] = (char)0x87;
            i++;
        }
    }
}

/* Bytes of the per-code-point pass over valid UTF-8 [s, s+len), writing to out when not NULL.
 * The size is computed first rather than mapped in place because lower-casing can lengthen a code
 * point's encoding (U+023A, 2 bytes -> U+2C65, 3 bytes). */
static size_t normalize_map_pass(const utf8proc_uint8_t *s, size_t len, utf8proc_uint8_t *out) {
    size_t i = 0, n = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        /* utf8proc_map_custom's output is valid UTF-8; step > 0 holds. */
        i += (size_t)step;
        int mapped = normalize_codepoint(cp);
        if (mapped < 0) continue;
        if (out)
            n += (size_t)utf8proc_encode_char(mapped, out + n);
        else
            n += mapped < 0x80 ? 1 : mapped < 0x800 ? 2 : mapped < 0x10000 ? 3 : 4;
    }
    return n;
}

/* normalize_codepoint on the Arabic block U+0600-U+06FF, by offset in the block: 0 leaves the
 * code point as it is, -1 drops it, anything else replaces it (test_normalize.c holds the fast
 * path to utf8proc and normalize_codepoint on every code point of the block). */
static const int16_t normalize_arabic[256] = {
    [0x22] = 0x0627, [0x23] = 0x0627, [0x25] = 0x0627, [0x71] = 0x0627, [0x49] = 0x064A,
    [0x40] = -1,     [0x4B] = -1,     [0x4C] = -1,     [0x4D] = -1,     [0x4E] = -1,
    [0x4F] = -1,     [0x50] = -1,     [0x51] = -1,     [0x52] = -1,     [0x53] = -1,
    [0x54] = -1,     [0x55] = -1,     [0x56] = -1,     [0x57] = -1,     [0x58] = -1,
    [0x59] = -1,     [0x5A] = -1,     [0x5B] = -1,     [0x5C] = -1,     [0x5D] = -1,
    [0x5E] = -1,     [0x5F] = -1,     [0x70] = -1,     [0x60] = '0',    [0x61] = '1',
    [0x62] = '2',    [0x63] = '3',    [0x64] = '4',    [0x65] = '5',    [0x66] = '6',
    [0x67] = '7',    [0x68] = '8',    [0x69] = '9',    [0xF0] = '0',    [0xF1] = '1',
    [0xF2] = '2',    [0xF3] = '3',    [0xF4] = '4',    [0xF5] = '5',    [0xF6] = '6',
    [0xF7] = '7',    [0xF8] = '8',    [0xF9] = '9'};

ars_status normalize_reserve(char **buf, size_t *cap, size_t need) {
    if (need <= *cap) return ARS_OK;
    size_t nc = *cap ? *cap : 256;
    while (nc < need)
        nc *= 2;
    char *grown = realloc(*buf, nc);
    if (!grown) return ARS_ENOMEM;
    *buf = grown;
    *cap = nc;
    return ARS_OK;
}

/* Code points of the table that NFKC provably leaves alone in any context (chars.h's bits):
 * - a boundary: a starter that NFKC gives back unchanged and that is no composition second. NFKC
 *   may cut text before it into pieces normalised independently (nothing after it composes with
 *   or reorders across what comes before it);
 * - a droppable mark: a mark that NFKC gives back unchanged, that composes with nothing and that
 *   the per-code-point pass drops. NFKC only reorders it among other marks, which is invisible
 *   once it is dropped, and it blocks no composition that matters: a mark between a starter and
 *   a composing mark is kept inside the same piece (see normalize_text_into).
 * Everything else (NBSP, ZWNJ, presentation forms, hamza above, text past U+07FF) goes through
 * utf8proc, from the boundary before it to the boundary after it. */
static inline int normalize_is_boundary(unsigned t) {
    return (t & (CHARS_INERT | CHARS_CCC | CHARS_COMPOSES)) == CHARS_INERT;
}
static inline int normalize_is_droppable_mark(unsigned t, int mapped) {
    return (t & (CHARS_INERT | CHARS_CCC | CHARS_COMPOSES)) == (CHARS_INERT | CHARS_CCC) &&
           mapped < 0;
}

/* 1 when s[i] starts a boundary code point (see above); *step gets its length. */
static int normalize_boundary_at(const char *s, size_t i, size_t len, size_t *step) {
    int32_t cp;
    *step = chars_next(s, i, len, &cp);
    return cp > 0 && cp < CHARS_TABLE_SIZE && normalize_is_boundary(chars_table[cp]);
}

int normalize_direct(int cp) {
    if (cp <= 0 || cp >= CHARS_TABLE_SIZE) return NORMALIZE_IN_CONTEXT;
    unsigned t = chars_table[cp];
    int mapped = normalize_codepoint_inline(cp);
    if (normalize_is_boundary(t)) return mapped;
    if (normalize_is_droppable_mark(t, mapped)) return -1;
    return NORMALIZE_IN_CONTEXT;
}

ars_status normalize_text_into(const char *s, size_t len, char **buf, size_t *cap,
                               size_t *out_len) {
    if (len > (size_t)PTRDIFF_MAX / 2) return ARS_ENOMEM;
    /* Invariant at the top of the loop: room for n + (len - i) + 1 bytes. The direct pass
     * rarely lengthens (ASCII stays ASCII, the Arabic block maps to itself or ASCII digits); where
     * it does (lower case: U+023A, 2 bytes -> U+2C65, 3 bytes) it makes room first. */
    if (normalize_reserve(buf, cap, len + 1) != ARS_OK) return ARS_ENOMEM;
    size_t n = 0, cut = 0, cut_out = 0; /* the last boundary, in the input and the output */
    /* Written through a local pointer: stores through *buf (char) could alias buf itself. */
    char *out = *buf;
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80 && b != 0) { /* every ASCII code point but NUL is a boundary */
            cut = i;
            cut_out = n;
            if ((b >= 0x20 && b != 0x7F) || (b >= '\t' && b <= '\r')) /* controls dropped */
                out[n++] = (char)(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            i++;
            continue;
        }
        /* The Arabic block (lead bytes D8-DB): decoded here, mapped by table. */
        if (b >= 0xD8 && b <= 0xDB && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            unsigned low = ((b & 3u) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
            unsigned t = chars_table[0x600 + low];
            int m = normalize_arabic[low];
            if (normalize_is_boundary(t)) {
                cut = i;
                cut_out = n;
                i += 2;
                if (m == 0) {
                    out[n++] = (char)b;
                    out[n++] = s[i - 1];
                } else if (m > 0) {
                    n += (size_t)chars_encode(m, out + n);
                }
                continue;
            }
            if (m < 0 && normalize_is_droppable_mark(t, m)) {
                i += 2;
                continue;
            }
        }
        int32_t cp;
        size_t step = chars_next(s, i, len, &cp);
        if (cp > 0 && cp < CHARS_TABLE_SIZE) {
            unsigned t = chars_table[cp];
            int mapped = normalize_codepoint_inline(cp);
            if (normalize_is_boundary(t)) {
                cut = i;
                cut_out = n;
                i += step;
                if (mapped >= 0) {
                    char enc[4];
                    size_t k = (size_t)chars_encode(mapped, enc);
                    if (k > step && normalize_reserve(buf, cap, n + k + (len - i) + 1) != ARS_OK)
                        return ARS_ENOMEM;
                    out = *buf;
                    memcpy(out + n, enc, k);
                    n += k;
                }
                continue;
            }
            if (normalize_is_droppable_mark(t, mapped)) {
                i += step;
                continue;
            }
        }
        /* A piece for utf8proc: from the last boundary to the next one. */
        size_t q = i + step, qstep;
        while (q < len && !normalize_boundary_at(s, q, len, &qstep))
            q += qstep;
        char *piece = NULL;
        size_t piece_len = 0;
        ars_status st = normalize_text(s + cut, q - cut, &piece, &piece_len);
        if (st != ARS_OK) return st;
        n = cut_out;
        st = normalize_reserve(buf, cap, n + piece_len + (len - q) + 1);
        out = *buf;
        if (st == ARS_OK) memcpy(out + n, piece, piece_len);
        free(piece);
        if (st != ARS_OK) return st;
        n += piece_len;
        i = q;
    }
    (*buf)[n] = '\0';
    *out_len = n;
    return ARS_OK;
}

ars_status normalize_text(const char *s, size_t len, char **out, size_t *out_len) {
    if (len > (size_t)PTRDIFF_MAX / 2) return ARS_ENOMEM;
    /* utf8proc_map_custom accepts U+0000 and treats a length of 0 as "nothing"; check both here so
     * the NUL-terminated result can never be cut short by an embedded NUL. */
    if (len > 0 && memchr(s, '\0', len) != NULL) return ARS_EUTF8;

    utf8proc_uint8_t *nfkc = NULL;
    utf8proc_ssize_t nfkc_len = 0;
    if (len > 0) {
        nfkc_len = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfkc,
                                       (utf8proc_option_t)NORMALIZE_UTF8PROC_OPTIONS,
                                       normalize_before_nfkc, NULL);
        if (nfkc_len < 0) {
            switch (nfkc_len) {
            case UTF8PROC_ERROR_INVALIDUTF8:
                return ARS_EUTF8;
            case UTF8PROC_ERROR_NOMEM:
            case UTF8PROC_ERROR_OVERFLOW:
                return ARS_ENOMEM;
            default:
                return ARS_EINTERNAL; /* the options are constant and valid */
            }
        }
    }

    size_t n = nfkc ? normalize_map_pass(nfkc, (size_t)nfkc_len, NULL) : 0;
    utf8proc_uint8_t *res = malloc(n + 1);
    if (!res) {
        free(nfkc);
        return ARS_ENOMEM;
    }
    if (nfkc) normalize_map_pass(nfkc, (size_t)nfkc_len, res);
    res[n] = '\0';
    free(nfkc); /* utf8proc_map_custom allocates with malloc */
    *out = (char *)res;
    *out_len = n;
    return ARS_OK;
}
