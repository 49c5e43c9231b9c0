/* chars.h - code-point helpers shared by the text stages (clean, dateline, segment, tokenize):
 * stepping through UTF-8 and the character classes they test, defined once so that the stages
 * agree on what a letter, a blank, an Arabic letter or a sentence end is. Classes come from
 * utf8proc's Unicode categories, never from ctype.h. */
#ifndef ARS_TEXT_CHARS_H
#define ARS_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

#include "summarize/common/swar.h"

/* The code-point table: for every code point below CHARS_TABLE_SIZE, its utf8proc category
 * (CHARS_CATEGORY bits, a utf8proc_category_t) and the normalisation facts below, generated at
 * build time from the utf8proc the library links (cmake/chars_table.c), so the fast paths of the
 * text stages agree with utf8proc by construction; tests/unit/text/test_chars.c checks it. */
#define CHARS_TABLE_SIZE 0x800
#define CHARS_CATEGORY   0x1F
#define CHARS_CCC        0x20 /* canonical combining class != 0 */
#define CHARS_INERT      0x40 /* NFKC, default ignorables removed, gives it back unchanged */
#define CHARS_COMPOSES   0x80 /* a mark that some starter of the range composes with (U+0654) */
extern const uint8_t chars_table[CHARS_TABLE_SIZE];

/* utf8proc_category of any code point (the table's entry below CHARS_TABLE_SIZE); -1 and values
 * past U+10FFFF are Cn. */
int chars_category_slow(int32_t cp);
static inline int chars_category(int32_t cp) {
    if (cp >= 0 && cp < CHARS_TABLE_SIZE) return chars_table[cp] & CHARS_CATEGORY;
    return chars_category_slow(cp);
}

/* chars_next for the sequences the fast path does not decode (3 and 4 bytes, malformed). */
size_t chars_next_slow(const char *s, size_t i, size_t end, int32_t *cp);

/* Decodes the code point at s[i] (i < end) into *cp and returns its length in bytes. A malformed
 * sequence is read as U+FFFD of length 1, so a scan never stalls or overruns on bad bytes (input is
 * validated by read.c; this keeps the stages safe when called directly). ASCII and two-byte
 * sequences (Arabic) are decoded inline; the rest through utf8proc_iterate. */
static inline size_t chars_next(const char *s, size_t i, size_t end, int32_t *cp) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b < 0xE0 && i + 1 < end && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
        *cp = (int32_t)(((b & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu));
        return 2;
    }
    return chars_next_slow(s, i, end, cp);
}

/* Writes cp (a valid scalar value) as UTF-8 at out (room for 4 bytes); returns the bytes. */
static inline int chars_encode(int32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Start of the code point before byte i (start < i): steps back over continuation bytes. */
size_t chars_prev(const char *s, size_t start, size_t i);

/* The code point at s[i], or -1 when i >= end. */
static inline int32_t chars_at(const char *s, size_t i, size_t end) {
    int32_t cp = -1;
    if (i < end) chars_next(s, i, end, &cp);
    return cp;
}

/* The code point ending at byte i, or -1 when i <= start. */
static inline int32_t chars_before(const char *s, size_t start, size_t i) {
    int32_t cp = -1;
    if (i > start) chars_next(s, chars_prev(s, start, i), i, &cp);
    return cp;
}

/* White space: ASCII spaces and controls \t \n \v \f \r, and the Unicode separators Zs, Zl, Zp
 * (NBSP, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR). -1 is not a space. */
static inline int chars_is_space(int32_t cp) {
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return 1;
    int c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* White space or an invisible format character (Cf: RLM, ZWNJ, BOM), which trimming removes. */
static inline int chars_is_blank(int32_t cp) {
    return chars_is_space(cp) || chars_category(cp) == UTF8PROC_CATEGORY_CF;
}

/* A letter (Lu Ll Lt Lm Lo). */
static inline int chars_is_letter(int32_t cp) {
    int c = chars_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* A combining mark (Mn Mc Me): harakat, shadda. */
static inline int chars_is_mark(int32_t cp) {
    int c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* A decimal digit (Nd), ASCII or Arabic-Indic. */
static inline int chars_is_digit(int32_t cp) {
    return chars_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* In an Arabic-script block: Arabic, Arabic Supplement, Arabic Extended-B and -A, and the
 * presentation forms A and B that PDF extraction leaves. */
static inline int chars_is_arabic_block(int32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x0870 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

/* Whether the two bytes b, b2 are one of the commonest Arabic letters, U+0620-U+063F (D8 A0-BF)
 * or U+0641-U+064A (D9 81-8A): all Lo, in the Arabic block, and most of the bytes of Arabic
 * text, so scanners take them straight from the bytes before decoding anything else. */
static inline int chars_is_arabic_letter2(unsigned char b, unsigned char b2) {
    return b == 0xD8 ? (unsigned)(b2 - 0xA0) < 0x20u : b == 0xD9 && (unsigned)(b2 - 0x81) < 10u;
}

/* The same test on eight bytes at once (SWAR): the lanes k of x (byte k in lane k) where byte k
 * and the byte in lane k of y (the byte after it) are such a letter, as the high bit of each
 * lane. */
static inline uint64_t chars_arabic_letter_lanes(uint64_t x, uint64_t y) {
    uint64_t d8 = swar_lanes_below(x ^ (0xD8u * SWAR_ONES), 1);
    uint64_t d9 = swar_lanes_below(x ^ (0xD9u * SWAR_ONES), 1);
    uint64_t a0_bf = swar_lanes_below((y & (0xE0u * SWAR_ONES)) ^ (0xA0u * SWAR_ONES), 1);
    uint64_t z = y ^ (0x80u * SWAR_ONES); /* 81-8A: 01-0A */
    uint64_t x81_8a = swar_lanes_below(z, 11) & ~swar_lanes_below(z, 1);
    return (d8 & a0_bf) | (d9 & x81_8a);
}

/* Several classes of a code point at once, for scanners that test more than one per character:
 * CHARS_SPACE (chars_is_space), CHARS_BLANK (chars_is_blank), CHARS_LETTER, CHARS_DIGIT, CHARS_MARK
 * (chars_is_letter, _digit, _mark). */
#define CHARS_SPACE  1u
#define CHARS_BLANK  2u
#define CHARS_LETTER 4u
#define CHARS_DIGIT  8u
#define CHARS_MARK   16u
static inline unsigned chars_classes(int32_t cp) {
    /* By category, in utf8proc_category_t order: Cn, Lu Ll Lt Lm Lo, Mn Mc Me, Nd, Nl No,
     * Pc Pd Ps Pe Pi Pf Po, Sm Sc Sk So, Zs Zl Zp, Cc Cf Cs Co. */
    static const unsigned char by_category[32] = {0,
                                                  CHARS_LETTER,
                                                  CHARS_LETTER,
                                                  CHARS_LETTER,
                                                  CHARS_LETTER,
                                                  CHARS_LETTER,
                                                  CHARS_MARK,
                                                  CHARS_MARK,
                                                  CHARS_MARK,
                                                  CHARS_DIGIT,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  0,
                                                  CHARS_SPACE | CHARS_BLANK,
                                                  CHARS_SPACE | CHARS_BLANK,
                                                  CHARS_SPACE | CHARS_BLANK,
                                                  0,
                                                  CHARS_BLANK,
                                                  0,
                                                  0};
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return CHARS_SPACE | CHARS_BLANK;
    return by_category[chars_category(cp) & 31];
}

/* A Latin letter (Basic Latin to Latin Extended-B, as in names and acronyms). */
static inline int chars_is_latin_letter(int32_t cp) {
    return cp < 0x0250 && chars_is_letter(cp);
}

/* Punctuation (P*) or a symbol (S*). */
static inline int chars_is_punct(int32_t cp) {
    int c = chars_category(cp);
    return (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
           (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO);
}

/* A mark that ends a sentence: . ! ? ؟ … and the Arabic full stop U+06D4. */
static inline int chars_is_final(int32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F /* ؟ */ || cp == 0x2026 /* … */ ||
           cp == 0x06D4 /* Arabic full stop */;
}

/* A closing quote or bracket that may follow a final mark: " ' and the categories Pe, Pf. */
static inline int chars_is_closer(int32_t cp) {
    int c = chars_category(cp);
    return cp == '"' || cp == '\'' || c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF;
}

/* A comma or semicolon, Arabic or Latin: a line ending with one goes on. */
static inline int chars_is_comma(int32_t cp) {
    return cp == ',' || cp == ';' || cp == 0x060C /* ، */ || cp == 0x061B /* ؛ */;
}

/* A dash used as a separator: - – — (and the Arabic tatweel is not one). */
static inline int chars_is_dash(int32_t cp) {
    return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;
}

/* Iterates a span as folded code points for spelling-blind comparison of phrases and names:
 * normalize_codepoint()'s rules (harakat and tatweel dropped, alef and yeh forms unified, digits
 * to ASCII, lower case) plus ta marbuta to ha, and every run of blanks read as one ' '. Start with
 * {s, start, end} (trimmed text); chars_fold_next returns -1 at the end. */
typedef struct {
    const char *s;
    size_t i, end;
} chars_fold;

int32_t chars_fold_next(chars_fold *f);

#endif
