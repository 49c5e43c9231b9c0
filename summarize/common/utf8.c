/* utf8.c - UTF-8 decoding for the library's input check and lossy copies for JSON (see utf8.h). */
#include "summarize/common/utf8.h"

#include <stdlib.h>
#include <string.h>

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

int utf8_valid(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence(p, len, i);
        if (!n) return 0;
        i += n;
    }
    return 1;
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
