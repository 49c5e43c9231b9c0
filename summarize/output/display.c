/* display.c - the printed form of a sentence: one line, no control characters (see display.h). */
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

size_t display_fold(const char *src, size_t len, char *dst) {
    const unsigned char *s = (const unsigned char *)src;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        /* Nearly every byte is neither white space nor a control character nor the lead byte of
         * one (C2: NEL and C1; E2: U+2028/9): copied as it is, without asking. Eight at a time
         * when none of the eight is one of those but plain spaces, and the last is not a space
         * (a run of white space that goes on past them may have to fold). */
        while (len - i >= 8 && s[i + 7] != ' ') {
            uint64_t w = swar_load(s + i);
            if (swar_any_below(w, 0x20) || swar_any_equal(w, 0x7F) || swar_any_equal(w, 0xC2) ||
                swar_any_equal(w, 0xE2))
                break;
            memcpy(dst + o, s + i, 8);
            o += 8;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = s[i];
        if (c > 0x20 && c != 0x7F && c != 0xC2 && c != 0xE2) {
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
    dst[o] = '\0';
    return o;
}
