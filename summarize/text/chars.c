/* chars.c - the code-point helpers of chars.h, shared by every text stage: UTF-8 stepping through
 * utf8proc and the character classes by Unicode category. */
#include "summarize/text/chars.h"

#include <utf8proc.h>

#include "summarize/text/normalize.h"

size_t chars_next_slow(const char *s, size_t i, size_t end, int32_t *cp) {
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

int chars_category_slow(int32_t cp) {
    return cp < 0 || cp > 0x10FFFF ? UTF8PROC_CATEGORY_CN : (int)utf8proc_category(cp);
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
