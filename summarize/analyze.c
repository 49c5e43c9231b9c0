/* analyze.c - turns one sentence into content-term ids and well-formedness counts.
 * normalise (normalize.c) -> tokens (tokenize.c) -> stopword filter (models/stopwords.c) ->
 * stem (stem.c) -> intern (vectors/vocab.c). */
#include "summarize/analyze.h"

#include <stdlib.h>
#include <string.h>

#include "models/stopwords.h"
#include "summarize/common/error.h"
#include "summarize/text/normalize.h"
#include "summarize/text/stem.h"
#include "summarize/text/tokenize.h"

struct analyzer {
    stopwords *stop;
    stemmer *stem;
    token_span *toks; /* scratch reused between sentences */
    size_t toks_cap;
};

/* The stopword list is normalised exactly as sentence tokens are, so look-ups compare like with
 * like whatever the normalisation rules become. */
static ars_status analyze_normalizer(void *ctx, const char *s, size_t len, char **out,
                                     size_t *out_len) {
    (void)ctx;
    return normalize_text(s, len, out, out_len);
}

ars_status analyzer_new(ars_stem stem, analyzer **out, ars_error *err) {
    *out = NULL;
    analyzer *a = calloc(1, sizeof *a);
    if (!a) return error_set(err, ARS_ENOMEM, "analyzer: out of memory");
    ars_status st = stopwords_load_builtin(analyze_normalizer, NULL, &a->stop);
    if (st != ARS_OK)
        error_at(err, st, "built-in stopword list");
    else
        st = stemmer_new(stem, &a->stem, err);
    if (st != ARS_OK) {
        analyzer_free(a);
        return st;
    }
    *out = a;
    return ARS_OK;
}

void analyzer_free(analyzer *a) {
    if (!a) return;
    stopwords_free(a->stop);
    stemmer_free(a->stem);
    free(a->toks);
    free(a);
}

/* PDF extraction often loses the glyph of a final ي/ى, and what is left of the function words
 * that end in it is recognisable without a lexicon: في prints as ف, على as عل, التي as الت. This
 * table lists those truncated forms (normalised, as tokens arrive here), with و "and" in front.
 * Other candidates were measured and left out, because ordinary typography makes them: a lone ال
 * or ب or ل is the article or a preposition written with tatweel before a number or a quotation
 * (الـ 15, بـ"ضغوط"); a lone م is the era mark (1770 م); ف also stands in agency codes (ا ف ب),
 * which is why one damaged token is not enough to call a document damaged (see the driver); and
 * والت (for والتي) is left out because it is the name Walt (والت ديزني). */
static const char *const analyze_truncated[] = {"ف",   "وف",   "عل", "وعل", "الت",
                                                "الذ", "والذ", "حت", "لد"};

static int analyze_is_broken(const char *t, size_t len, uint32_t flags) {
    if (!(flags & TOKEN_ARABIC) || (flags & TOKEN_DIGIT)) return 0;
    for (size_t k = 0; k < sizeof analyze_truncated / sizeof analyze_truncated[0]; k++)
        if (strlen(analyze_truncated[k]) == len && memcmp(analyze_truncated[k], t, len) == 0)
            return 1;
    return 0;
}

ars_status analyzer_sentence(analyzer *a, vocab *voc, const char *s, size_t len, uint32_t **terms,
                             size_t *n_terms, size_t *cap, analyze_stats *stats) {
    memset(stats, 0, sizeof *stats);
    char *norm = NULL;
    size_t norm_len = 0;
    ars_status st = normalize_text(s, len, &norm, &norm_len);
    if (st != ARS_OK) return st;
    size_t n_toks = 0;
    st = tokenize(norm, norm_len, &a->toks, &n_toks, &a->toks_cap);
    if (st != ARS_OK) {
        free(norm);
        return st;
    }
    for (size_t k = 0; k < n_toks; k++) {
        const char *t = norm + a->toks[k].start;
        size_t tl = a->toks[k].len;
        uint32_t fl = a->toks[k].flags;
        stats->n_words++;
        if (fl & TOKEN_ARABIC) stats->n_arabic++;
        if (fl & TOKEN_LATIN) stats->n_latin++;
        if (analyze_is_broken(t, tl, fl)) {
            stats->n_broken++;
            continue; /* damage is not content: keep it out of the vectors */
        }
        if (stopwords_contains(a->stop, t, tl)) continue;
        size_t sl = 0;
        const char *stem;
        st = stemmer_term(a->stem, t, tl, &stem, &sl);
        if (st != ARS_OK) {
            free(norm);
            return st;
        }
        if (sl == 0) continue;
        uint32_t id;
        st = vocab_intern(voc, stem, sl, &id); /* copies the borrowed stem at once */
        if (st == ARS_OK && *n_terms == *cap) {
            size_t nc = *cap ? *cap * 2 : 256;
            uint32_t *nt = realloc(*terms, nc * sizeof *nt);
            if (!nt)
                st = ARS_ENOMEM;
            else {
                *terms = nt;
                *cap = nc;
            }
        }
        if (st != ARS_OK) {
            free(norm);
            return st;
        }
        (*terms)[(*n_terms)++] = id;
        stats->n_terms++;
    }
    free(norm);
    return ARS_OK;
}
