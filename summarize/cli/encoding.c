/* encoding.c - legacy Arabic encodings (see encoding.h). The guess is a byte statistic: Arabic
 * text in a single-byte Arabic code page has most of its high bytes on letters and writes the
 * article "ال" (alef, lam) everywhere; the two code pages put lam on different bytes. */
#include "summarize/cli/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "summarize/common/error.h"

/* At least this many high bytes, and this share of them on letters, to call text Arabic. */
#define ENCODING_MIN_HIGH     8
#define ENCODING_LETTER_SHARE 0.75

const char *encoding_guess(const char *bytes, size_t len) {
    const unsigned char *p = (const unsigned char *)bytes;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) return "UTF-16LE";
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) return "UTF-16BE";
    size_t high = 0, letters = 0, al_1256 = 0, al_8859 = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x80) continue;
        high++;
        /* Arabic letters: C1..D6, D8..DF, E1, E3..E6, EC, ED in Windows-1256; C1..DA, E0..EA in
         * ISO-8859-6. Counting C1..FE covers both. */
        if (p[i] >= 0xC1 && p[i] <= 0xFE) letters++;
        if (p[i] == 0xC7 && i + 1 < len) {
            if (p[i + 1] == 0xE1) al_1256++; /* lam in Windows-1256 */
            if (p[i + 1] == 0xE4) al_8859++; /* lam in ISO-8859-6 */
        }
    }
    if (high < ENCODING_MIN_HIGH || (double)letters < ENCODING_LETTER_SHARE * (double)high)
        return NULL;
    if (al_1256 == 0 && al_8859 == 0) return NULL;
    return al_1256 >= al_8859 ? "CP1256" : "ISO-8859-6";
}

const char *encoding_label(const char *name) {
    if (strcasecmp(name, "CP1256") == 0 || strcasecmp(name, "WINDOWS-1256") == 0)
        return "Windows-1256";
    return name;
}

/* gcc 12's -fanalyzer reports cd as leaked on the branch where iconv_open failed and there is
 * nothing to close: a false positive, silenced for this function alone. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
ars_status encoding_to_utf8(const char *name, const char *from, const char *bytes, size_t len,
                            char **out, size_t *out_len, ars_error *err) {
    *out = NULL;
    *out_len = 0;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return error_set(err, ARS_EARG, "unknown encoding '%s'", from);
    /* Arabic letters take two bytes in UTF-8, other characters of these code pages at most
     * three; UTF-16 at most 3/2 as many. Grow if a guess is ever short. */
    size_t cap = len * 2 + 16, used = 0;
    char *buf = malloc(cap + 1);
    char *in = (char *)bytes;
    size_t in_left = len;
    ars_status st = buf ? ARS_OK : ARS_ENOMEM;
    int flushing = 0; /* all input taken: one last call writes any pending shift state */
    while (st == ARS_OK) {
        char *o = buf + used;
        size_t o_left = cap - used;
        size_t r =
            flushing ? iconv(cd, NULL, NULL, &o, &o_left) : iconv(cd, &in, &in_left, &o, &o_left);
        used = (size_t)(o - buf);
        if (r != (size_t)-1) {
            if (flushing) break;
            flushing = 1;
        } else if (errno == E2BIG) {
            size_t nc = cap * 2;
            char *nb = realloc(buf, nc + 1);
            if (!nb) {
                st = ARS_ENOMEM;
                break;
            }
            buf = nb;
            cap = nc;
        } else { /* EILSEQ: no such sequence; EINVAL: cut off at the end */
            st = error_set(err, ARS_EUTF8, "%s: byte %zu: not valid %s", name, (size_t)(in - bytes),
                           encoding_label(from));
        }
    }
    iconv_close(cd);
    if (st == ARS_ENOMEM) error_at(err, st, "%s: converting from %s", name, encoding_label(from));
    if (st != ARS_OK) {
        free(buf);
        return st;
    }
    buf[used] = '\0';
    *out = buf;
    *out_len = used;
    return ARS_OK;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif
