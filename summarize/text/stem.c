/* stem.c - stemming of normalised tokens through libstemmer's Snowball Arabic, or none, and the
 * index term (stem with ة folded to ه). Runs after tokenize and stopword removal, before the terms
 * are interned by the vectoriser. */
#include "summarize/text/stem.h"

#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/error.h"
#include "summarize/text/normalize.h"

/* Why ة -> ه comes after stemming (normalize.h states the rule; these are the figures).
 * bench/ta_marbuta.c over ../shared/data/ant_background (14,692 articles; 3,914,119 Arabic-letter
 * tokens, 155,923 types after normalize_text + tokenize), comparing
 *   (a) normalise with ة -> ه, then stem, and (b) normalise keeping ة, stem, then ة -> ه.
 * (a) and (b) disagree on 8,113 types (5.2%), 8.3% of tokens. Share of attested pairs of types
 * that get one stem, (a) / (b):
 *   - X and الX, X ending in ة (3,669 pairs):             2.3% / 91.3%
 *   - X and بالX, X ending in ة (772 pairs):              3.4% / 89.5%
 *   - الX and الXة, masculine and feminine (2,872 pairs):  0.0% / 97.2%
 *   - X and Xة, no article (5,423 pairs):                90.9% / 91.1%
 *   - Xة and Xات, singular and plural (3,062 pairs):      0.0% / 38.7%
 *   - الXة and الXه, ة misspelt as ه (70 pairs):         100.0% / 1.4%
 *   - Xة and Xه, ta marbuta and pronoun (960 pairs):    100.0% / 91.2%
 * Snowball strips a final ة (الحكومة -> حكوم) but keeps ه after the article (الحكومه -> حكومه), so
 * (a) splits a word from its definite form.
 * (b) keeps a word with its definite, feminine and plural forms; what it loses, misspellings of ة
 * as ه after the article, is rare, and it merges the pronoun ه with ة no more than (a) (Snowball
 * strips both suffixes itself). So (b): normalize_text keeps ة, stemmer_term() folds it. */

struct stemmer {
    ars_stem kind;
    struct sb_stemmer *sb; /* NULL for ARS_STEM_NONE */
    char *term;            /* stemmer_term()'s result buffer */
    size_t term_cap;
};

/* sb_stemmer_new() returns NULL both when the algorithm is missing and when memory runs out; the
 * list of compiled-in algorithms tells the two apart. */
static int stemmer_libstemmer_has_arabic(void) {
    const char **names = sb_stemmer_list();
    for (size_t i = 0; names && names[i]; i++)
        if (strcmp(names[i], "arabic") == 0) return 1;
    return 0;
}

ars_status stemmer_new(ars_stem kind, stemmer **out, ars_error *err) {
    assert(kind == ARS_STEM_SNOWBALL || kind == ARS_STEM_NONE); /* options are checked before */
    *out = NULL;
    if (kind == ARS_STEM_SNOWBALL && !stemmer_libstemmer_has_arabic())
        return error_set(err, ARS_EMODEL,
                         "stemmer: the installed libstemmer has no Snowball Arabic algorithm");
    stemmer *st = calloc(1, sizeof *st);
    if (!st) return error_set(err, ARS_ENOMEM, "stemmer: out of memory");
    st->kind = kind;
    if (kind == ARS_STEM_SNOWBALL) {
        st->sb = sb_stemmer_new("arabic", "UTF_8");
        if (!st->sb) {
            free(st);
            return error_set(err, ARS_ENOMEM, "stemmer: out of memory");
        }
    }
    *out = st;
    return ARS_OK;
}

void stemmer_free(stemmer *st) {
    if (!st) return;
    sb_stemmer_delete(st->sb);
    free(st->term);
    free(st);
}

ars_status stemmer_stem(stemmer *st, const char *s, size_t len, const char **out, size_t *out_len) {
    if (!st->sb || len > INT_MAX) {
        *out = s;
        *out_len = len;
        return ARS_OK;
    }
    const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)s, (int)len);
    if (!r) return ARS_ENOMEM;
    *out = (const char *)r;
    *out_len = (size_t)sb_stemmer_length(st->sb);
    return ARS_OK;
}

/* Snowball Arabic removes the article with ب/ك/ل before it (بال، كال، لل) but never with the
 * conjunctions و/ف (وال، فال): والحكومة stays والحكوم while الحكومة gives حكوم, so one word
 * would split into two terms by its conjunction alone. Dropping that leading و/ف when "ال" and at
 * least three more letters follow (5 code points; UTF-8 Arabic letters are 2 bytes) closes the
 * gap without touching short words that merely start with وال such as والي. */
static size_t stemmer_conjunction_article(const char *s, size_t len) {
    static const char wa_al[] = "\xD9\x88\xD8\xA7\xD9\x84"; /* وال */
    static const char fa_al[] = "\xD9\x81\xD8\xA7\xD9\x84"; /* فال */
    if (len < 12) return 0;
    if (memcmp(s, wa_al, 6) == 0 || memcmp(s, fa_al, 6) == 0) return 2;
    return 0;
}

ars_status stemmer_term(stemmer *st, const char *s, size_t len, const char **out, size_t *out_len) {
    size_t n;
    if (st->sb) {
        size_t skip = stemmer_conjunction_article(s, len);
        s += skip;
        len -= skip;
    }
    const char *stem;
    ars_status status = stemmer_stem(st, s, len, &stem, &n);
    if (status != ARS_OK) return status;
    /* Copied at once: libstemmer's buffer is borrowed, and with ARS_STEM_NONE the stem is the
     * caller's own text, which the fold must not rewrite. */
    if (n + 1 > st->term_cap) {
        if (n == SIZE_MAX) return ARS_ENOMEM;
        size_t cap = st->term_cap ? st->term_cap : 64;
        while (cap < n + 1)
            cap = cap > SIZE_MAX / 2 ? n + 1 : cap * 2;
        char *grown = realloc(st->term, cap);
        if (!grown) return ARS_ENOMEM;
        st->term = grown;
        st->term_cap = cap;
    }
    if (n) memcpy(st->term, stem, n);
    st->term[n] = '\0';
    normalize_fold_ta_marbuta(st->term, n);
    *out = st->term;
    *out_len = n;
    return ARS_OK;
}
