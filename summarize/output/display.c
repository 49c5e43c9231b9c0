/* display.c - the printed form of a sentence: one line, no control characters, hashtags of Arabic
 * words as the words (see display.h). */
#include "summarize/output/display.h"

#include <stdint.h>
#include <string.h>

#include "summarize/common/swar.h"

/* Length of the white space at s[i] (0 if none); *plain is 1 for a plain space. */
static size_t display_space(const unsigned char *s, size_t i, size_t len, int *plain) {
    unsigned char c = s[i];
    *plain = c == ' ';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0x85) return 2; /* NEL */
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
        return 3; /* LINE SEPARATOR, PARAGRAPH SEPARATOR */
    return 0;
}

/* Length of the control character at s[i] that is not white space (0 if none). */
static size_t display_control(const unsigned char *s, size_t i, size_t len) {
    unsigned char c = s[i];
    int plain;
    if ((c < 0x20 || c == 0x7F) && !display_space(s, i, len, &plain)) return 1;
    if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F && s[i + 1] != 0x85)
        return 2; /* C1 */
    return 0;
}

/* The code point of the two-byte sequence at s[i] in the Arabic block (lead byte D8..DB), or 0. */
static uint32_t display_arabic_cp(const unsigned char *s, size_t i, size_t len) {
    if (i + 1 >= len || s[i] < 0xD8 || s[i] > 0xDB || (s[i + 1] & 0xC0) != 0x80) return 0;
    return (uint32_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
}

/* An Arabic letter: what a hashtag of Arabic words starts with. */
static int display_arabic_letter(uint32_t cp) {
    return (cp >= 0x0620 && cp <= 0x063F) || (cp >= 0x0641 && cp <= 0x064A) ||
           (cp >= 0x066E && cp <= 0x066F) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 ||
           (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF;
}

/* The length of the hashtag character at s[i] (0 when the hashtag ends there): an ASCII letter,
 * digit or underscore, or an Arabic letter, mark, digit or tatweel. Arabic punctuation (the comma,
 * semicolon, question mark, percent sign, full stop) ends it, as does anything else. */
static size_t display_tag_char(const unsigned char *s, size_t i, size_t len) {
    unsigned char c = s[i];
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_';
    uint32_t cp = display_arabic_cp(s, i, len);
    return (display_arabic_letter(cp) || (cp >= 0x0640 && cp <= 0x0669) || cp == 0x0670 ||
            (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x06F0 && cp <= 0x06F9))
               ? 2
               : 0;
}

/* The words after which a hashtag is the thing talked about ("أطلقوا هاشتاغ #...", "وسم
 * #..."), and keeps its sign. */
static const char *const DISPLAY_TAG_NAMES[] = {
    "هاشتاغ",   "هاشتاج", "هاشتاق", "هشتاغ", "هاشتاغا", "بهاشتاغ",
    "الهاشتاغ", "وسم",    "وسما",   "الوسم", "بوسم",
};

/* Whether a '#' opens a hashtag of Arabic words that stands for the words themselves, with the
 * text s[0..j) before it and after[0..n_after) after it: at the start or after a space (plain or
 * no-break), an opening bracket or quote (( [ " « “) or the conjunction و; an Arabic letter next;
 * and not after a word that names hashtags. */
static int display_opens_tag(const unsigned char *s, size_t j, const unsigned char *after,
                             size_t n_after) {
    if (!display_arabic_letter(display_arabic_cp(after, 0, n_after))) return 0;
    /* the text before it, without the brackets, quotes and conjunction that open the word */
    int waw = 0;
    for (;;) {
        if (j >= 1 && (s[j - 1] == '(' || s[j - 1] == '[' || s[j - 1] == '"'))
            j--;
        else if (j >= 2 && s[j - 2] == 0xC2 && s[j - 1] == 0xAB) /* « */
            j -= 2;
        else if (j >= 3 && s[j - 3] == 0xE2 && s[j - 2] == 0x80 && s[j - 1] == 0x9C) /* “ */
            j -= 3;
        else if (!waw && j >= 2 && s[j - 2] == 0xD9 && s[j - 1] == 0x88) /* و */
            j -= 2, waw = 1;
        else
            break;
    }
    if (j == 0) return 1;
    size_t end; /* the end of the word before */
    if (s[j - 1] == ' ')
        end = j - 1;
    else if (j >= 2 && s[j - 2] == 0xC2 && s[j - 1] == 0xA0) /* no-break space */
        end = j - 2;
    else
        return 0;
    size_t w = end;
    while (w > 0 && s[w - 1] != ' ' && !(s[w - 1] == 0xA0 && w >= 2 && s[w - 2] == 0xC2))
        w--;
    for (size_t k = 0; k < sizeof DISPLAY_TAG_NAMES / sizeof *DISPLAY_TAG_NAMES; k++) {
        size_t n = strlen(DISPLAY_TAG_NAMES[k]);
        if (n == end - w && memcmp(s + w, DISPLAY_TAG_NAMES[k], n) == 0) return 0;
    }
    return 1;
}

/* Rewrites s[0..len) in place, hashtags of Arabic words as their words: "#البيت_الأبيض" becomes
 * "البيت الأبيض" (the sign dropped, a run of underscores between two words one space, one at
 * the end dropped). Returns the new length, never more than len. Other uses of '#' ("#MeToo",
 * "رقم #1", a hashtag named after "هاشتاغ") are left as they are. */
static size_t display_hashtags(char *text, size_t len) {
    unsigned char *s = (unsigned char *)text;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] != '#' || !display_opens_tag(s, o, s + i + 1, len - i - 1)) {
            s[o++] = s[i++];
            continue;
        }
        i++; /* the sign */
        size_t n;
        while (i < len && (n = display_tag_char(s, i, len)) != 0) {
            if (s[i] != '_') {
                memmove(s + o, s + i, n);
                o += n;
                i += n;
                continue;
            }
            while (i < len && s[i] == '_')
                i++;
            if (i < len && display_tag_char(s, i, len)) s[o++] = ' ';
        }
    }
    return o;
}

size_t display_fold(const char *src, size_t len, char *dst) {
    const unsigned char *s = (const unsigned char *)src;
    size_t o = 0;
    int hash = 0; /* a '#' was copied: the hashtag pass has work */
    for (size_t i = 0; i < len;) {
        /* Nearly every byte is neither white space nor a control character nor the lead byte of
         * one (C2: NEL and C1; E2: U+2028/9) nor '#': copied as it is, without asking. Eight at a
         * time when none of the eight is one of those but plain spaces, and the last is not a
         * space (a run of white space that goes on past them may have to fold). */
        while (len - i >= 8 && s[i + 7] != ' ') {
            uint64_t w = swar_load(s + i);
            if (swar_any_below(w, 0x20) || swar_any_equal(w, 0x7F) || swar_any_equal(w, 0xC2) ||
                swar_any_equal(w, 0xE2) || swar_any_equal(w, '#'))
                break;
            memcpy(dst + o, s + i, 8);
            o += 8;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = s[i];
        if (c > 0x20 && c != 0x7F && c != 0xC2 && c != 0xE2) {
            hash |= c == '#';
            dst[o++] = (char)c;
            i++;
            continue;
        }
        int plain;
        size_t n = display_control(s, i, len);
        if (n) {
            i += n;
            continue;
        }
        if (!display_space(s, i, len, &plain)) {
            dst[o++] = src[i++];
            continue;
        }
        /* A run of white space; controls inside it are dropped and do not end it. */
        size_t run = o;
        int folded = 0;
        while (i < len) {
            if ((n = display_control(s, i, len)) != 0) {
                i += n;
                continue;
            }
            if ((n = display_space(s, i, len, &plain)) == 0) break;
            if (plain)
                dst[o++] = ' ';
            else
                folded = 1;
            i += n;
        }
        if (folded) {
            o = run;
            dst[o++] = ' ';
        }
    }
    size_t start = 0;
    while (start < o && dst[start] == ' ')
        start++;
    while (o > start && dst[o - 1] == ' ')
        o--;
    if (start) memmove(dst, dst + start, o - start); /* nearly always 0: sentences are trimmed */
    o -= start;
    if (hash) o = display_hashtags(dst, o);
    dst[o] = '\0';
    return o;
}
