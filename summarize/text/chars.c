/* chars.c - the code-point helpers of chars.h, shared by every text stage: UTF-8 stepping through
 * utf8proc and the character classes by Unicode category. */
#include "summarize/text/chars.h"

#include <utf8proc.h>

#include "summarize/text/normalize.h"

size_t chars_next(const char *s, size_t i, size_t end, int32_t *cp) {
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), cp);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)n;
}

size_t chars_prev(const char *s, size_t start, size_t i) {
    do {
        i--;
    } while (i > start && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

int32_t chars_at(const char *s, size_t i, size_t end) {
    int32_t cp = -1;
    if (i < end) chars_next(s, i, end, &cp);
    return cp;
}

int32_t chars_before(const char *s, size_t start, size_t i) {
    int32_t cp = -1;
    if (i > start) chars_next(s, chars_prev(s, start, i), i, &cp);
    return cp;
}

static utf8proc_category_t chars_category(int32_t cp) {
    return cp < 0 || cp > 0x10FFFF ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

int chars_is_space(int32_t cp) {
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return 1;
    utf8proc_category_t c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int chars_is_blank(int32_t cp) {
    return chars_is_space(cp) || chars_category(cp) == UTF8PROC_CATEGORY_CF;
}

int chars_is_letter(int32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int chars_is_mark(int32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

int chars_is_digit(int32_t cp) {
    return chars_category(cp) == UTF8PROC_CATEGORY_ND;
}

int chars_is_arabic_block(int32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x0870 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

int chars_is_latin_letter(int32_t cp) {
    return cp < 0x0250 && chars_is_letter(cp);
}

int chars_is_punct(int32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
           (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO);
}

int chars_is_final(int32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F /* ؟ */ || cp == 0x2026 /* … */ ||
           cp == 0x06D4 /* Arabic full stop */;
}

int chars_is_closer(int32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return cp == '"' || cp == '\'' || c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF;
}

int chars_is_comma(int32_t cp) {
    return cp == ',' || cp == ';' || cp == 0x060C /* ، */ || cp == 0x061B /* ؛ */;
}

int chars_is_dash(int32_t cp) {
    return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;
}

int32_t chars_fold_next(chars_fold *f) {
    int in_space = 0;
    while (f->i < f->end) {
        int32_t cp;
        size_t n = chars_next(f->s, f->i, f->end, &cp);
        if (chars_is_blank(cp)) {
            in_space = 1;
            f->i += n;
            continue;
        }
        if (in_space) return ' '; /* the next call reads this code point again */
        f->i += n;
        int mapped = normalize_codepoint(cp);
        if (mapped < 0) continue;
        return mapped == 0x0629 ? 0x0647 : mapped;
    }
    return -1;
}
