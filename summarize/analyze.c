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

/* What a distinct token becomes, cached per vocabulary: a term id, or one of these. */
#define ANALYZE_SKIP   UINT32_MAX       /* a stopword, or nothing left after stemming */
#define ANALYZE_BROKEN (UINT32_MAX - 1) /* extraction damage (analyze_is_broken) */

struct analyzer {
    stopwords *stop;
    stemmer *stem;
    tokenize_table *table; /* for tokenize_normalized */
    token_span *toks;      /* scratch reused between sentences */
    size_t toks_cap;
    vocab_key *keys; /* the token cache's key of each token, scratch like toks */
    size_t keys_cap;
    char *norm; /* the analysis copy of the sentence, reused */
    size_t norm_cap;
    /* Token cache: every distinct token seen since the vocabulary `bound` was first used, with
     * what it became kept as its value (vocab_intern_value), so each is looked up, stemmed and
     * interned once, and a hit finds its outcome in the cache line the look-up read. News
     * repeats its words: over the ANT corpus a token is new about once in sixteen. Tokens
     * 0 .. n_outcome-1 have their outcome. */
    const vocab *bound;
    vocab *tokens;
    size_t n_outcome;
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
    if (st == ARS_OK && tokenize_table_new(&a->table) != ARS_OK)
        st = error_set(err, ARS_ENOMEM, "analyzer: out of memory");
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
    tokenize_table_free(a->table);
    free(a->toks);
    free(a->keys);
    free(a->norm);
    vocab_free(a->tokens);
    free(a);
}

void analyzer_forget(analyzer *a) {
    vocab_free(a->tokens);
    a->tokens = NULL;
    a->n_outcome = 0;
    a->bound = NULL;
}

/* PDF extraction often loses the glyph of a final ي/ى, and what is left of the function words
 * that end in it is recognisable without a lexicon: في prints as ف, على as عل, التي as الت. This
 * table lists those truncated forms (normalised, as tokens arrive here), with و "and" in front.
 * Other candidates were measured and left out, because ordinary typography makes them: a lone ال
 * or ب or ل is the article or a preposition written with tatweel before a number or a quotation
 * (الـ 15, بـ"ضغوط"); a lone م is the era mark (1770 م); ف also stands in agency codes (ا ف ب),
 * which is why one damaged token is not enough to call a document damaged (see the driver); and
 * والت (for والتي) is left out because it is the name Walt (والت ديزني). */
static const char analyze_truncated[][9] = {"ف",   "وف",   "عل", "وعل", "الت",
                                            "الذ", "والذ", "حت", "لد"};

static int analyze_is_broken(const char *t, size_t len, uint32_t flags) {
    if (!(flags & TOKEN_ARABIC) || (flags & TOKEN_DIGIT)) return 0;
    if (len == 0 || len >= sizeof analyze_truncated[0]) return 0;
    /* The array's type bounds the forms and pads them with NULs: a form is len bytes long when
     * its byte len is a NUL and its byte len - 1 is not (no strlen per form). */
    for (size_t k = 0; k < sizeof analyze_truncated / sizeof analyze_truncated[0]; k++)
        if (analyze_truncated[k][len] == '\0' && analyze_truncated[k][len - 1] != '\0' &&
            memcmp(analyze_truncated[k], t, len) == 0)
            return 1;
    return 0;
}

/* What token t (tl bytes, tokenizer flags fl) becomes: ANALYZE_BROKEN, ANALYZE_SKIP or the id of
 * its stem in voc. */
static ars_status analyze_token(analyzer *a, vocab *voc, const char *t, size_t tl, uint32_t fl,
                                uint32_t *out) {
    if (analyze_is_broken(t, tl, fl)) {
        *out = ANALYZE_BROKEN; /* damage is not content: keep it out of the vectors */
        return ARS_OK;
    }
    *out = ANALYZE_SKIP;
    if (stopwords_contains(a->stop, t, tl)) return ARS_OK;
    size_t sl = 0;
    const char *stem;
    ars_status st = stemmer_term(a->stem, t, tl, &stem, &sl);
    if (st != ARS_OK || sl == 0) return st;
    return vocab_intern(voc, stem, sl, out); /* copies the borrowed stem at once */
}

/* The outcome of the token [t, t+tl) (flags fl) the token cache has just added, stored in its
 * value (*value) and *out. Tokens are looked at in order, so stems are interned in voc in the
 * order their first token appears, as without the cache, and term ids do not change. Kept out
 * of line: nearly every token has its outcome already. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static ars_status
analyze_first(analyzer *a, vocab *voc, const char *t, size_t tl, uint32_t fl, uint32_t *value,
              uint32_t *out) {
    ars_status st = analyze_token(a, voc, t, tl, fl, out);
    if (st != ARS_OK) {
        analyzer_forget(a); /* the token is interned without an outcome */
        return st;
    }
    *value = *out;
    a->n_outcome++;
    return ARS_OK;
}

ars_status analyzer_sentence(analyzer *a, vocab *voc, const char *s, size_t len, uint32_t **terms,
                             size_t *n_terms, size_t *cap, analyze_stats *stats) {
    memset(stats, 0, sizeof *stats);
    size_t norm_len = 0;
    size_t n_toks = 0;
    ars_status st = tokenize_normalized(a->table, s, len, &a->norm, &a->norm_cap, &norm_len,
                                        &a->toks, &n_toks, &a->toks_cap);
    if (st != ARS_OK) return st;
    /* The analysis copy is padded with zeros for vocab_key_of_padded. */
    if (normalize_reserve(&a->norm, &a->norm_cap, norm_len + VOCAB_KEY_HEAD) != ARS_OK)
        return ARS_ENOMEM;
    memset(a->norm + norm_len, 0, VOCAB_KEY_HEAD);
    const char *norm = a->norm;
    if (a->bound != voc || !a->tokens) {
        analyzer_forget(a);
        st = vocab_new(&a->tokens);
        if (st != ARS_OK) return st;
        a->bound = voc;
    }
    /* Every token's key is made and its slot of the token cache asked for before any is looked
     * up: the cache is a few megabytes on a large input, and the misses then overlap. */
    if (n_toks > a->keys_cap) {
        vocab_key *k = realloc(a->keys, a->toks_cap * sizeof *k);
        if (!k) return ARS_ENOMEM;
        a->keys = k;
        a->keys_cap = a->toks_cap;
    }
    for (size_t k = 0; k < n_toks; k++)
        a->keys[k] = vocab_key_of_padded(norm + a->toks[k].start, a->toks[k].len);
    vocab_prefetch(a->tokens, a->keys, n_toks);
    /* Room for a term per token up front: the loop below then stores every outcome and moves
     * on past the terms only, with no capacity check and no branch per token. */
    if (*cap - *n_terms < n_toks) {
        size_t nc = *cap ? *cap : 256;
        while (nc - *n_terms < n_toks) {
            if (nc > SIZE_MAX / 2 / sizeof **terms) return ARS_ENOMEM;
            nc *= 2;
        }
        uint32_t *nt = realloc(*terms, nc * sizeof *nt);
        if (!nt) return ARS_ENOMEM;
        *terms = nt;
        *cap = nc;
    }
    /* A hit reads its outcome from the slot its look-up found; a token new to the cache (its
     * id the next one) gets its outcome made and stored there at once, so the tokens go by in
     * one pass. The slots were asked for above, so the look-ups' misses still overlap. */
    uint32_t *out = *terms;
    size_t n = *n_terms, n_arabic = 0, n_latin = 0, n_broken = 0, k = 0;
    for (; k < n_toks; k++) {
        const char *t = norm + a->toks[k].start;
        uint32_t fl = a->toks[k].flags, id, *value;
        /* On failure the cache is unchanged and the tokens before this one are still counted. */
        st = vocab_intern_value(a->tokens, t, a->toks[k].len, &a->keys[k], &id, &value);
        if (st != ARS_OK) break;
        n_arabic += (fl & TOKEN_ARABIC) != 0;
        n_latin += (fl & TOKEN_LATIN) != 0;
        if (id < a->n_outcome) {
            id = *value;
        } else {
            st = analyze_first(a, voc, t, a->toks[k].len, fl, value, &id);
            if (st != ARS_OK) break;
        }
        n_broken += id == ANALYZE_BROKEN;
        out[n] = id;
        n += id != ANALYZE_BROKEN && id != ANALYZE_SKIP;
    }
    stats->n_words = k;
    stats->n_terms = n - *n_terms;
    stats->n_broken = n_broken;
    stats->n_arabic = n_arabic;
    stats->n_latin = n_latin;
    *n_terms = n;
    return st;
}
