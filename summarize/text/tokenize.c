/* tokenize.c - splits the normalised analysis copy into word tokens by Unicode general category
 * (utf8proc), with script flags. Runs after normalize, before stopword removal and stemming.
 * Numbers follow the same rule as words: "6,500" and "2.5" give two digit tokens each, because
 * ',' and '.' are punctuation; the segmenter, not the tokenizer, keeps such numbers whole. */
#include "summarize/text/tokenize.h"

#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "summarize/text/chars.h"

enum { TOKENIZE_SEPARATOR, TOKENIZE_BASE, TOKENIZE_MARK };

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

static ars_status tokenize_push(token_span **toks, size_t *n, size_t *cap, size_t start, size_t len,
                                uint32_t flags) {
    if (*n == *cap) {
        size_t new_cap = *cap ? *cap * 2 : 64;
        if (new_cap < *cap || new_cap > SIZE_MAX / sizeof **toks) return ARS_ENOMEM;
        token_span *grown = realloc(*toks, new_cap * sizeof **toks);
        if (!grown) return ARS_ENOMEM;
        *toks = grown;
        *cap = new_cap;
    }
    (*toks)[*n] = (token_span){.start = start, .len = len, .flags = flags};
    (*n)++;
    return ARS_OK;
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
        int cls;
        uint32_t cp_flags;
        /* The letters of the Arabic block (U+0620-U+064A but tatweel: all Lo) and ASCII first. */
        if (cp >= 0x0620 && cp <= 0x064A && cp != 0x0640) {
            cls = TOKENIZE_BASE;
            cp_flags = TOKEN_ARABIC;
        } else if (cp < 0x80) {
            int lower = cp | 0x20;
            cls = (lower >= 'a' && lower <= 'z') || (cp >= '0' && cp <= '9') ? TOKENIZE_BASE
                                                                             : TOKENIZE_SEPARATOR;
            cp_flags = cp >= '0' && cp <= '9' ? TOKEN_DIGIT : TOKEN_LATIN;
        } else {
            cls = tokenize_class(cp);
            cp_flags = cls == TOKENIZE_BASE ? tokenize_flags(cp) : 0;
        }
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
