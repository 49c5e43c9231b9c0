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
    uint32_t *ids;   /* its id in the token cache, scratch with the capacity of keys */
    size_t keys_cap;
    char *norm; /* the analysis copy of the sentence, reused */
    size_t norm_cap;
    /* Token cache: every distinct token seen since the vocabulary `bound` was first used, with
     * what it became (outcome[token id]), so each is looked up, stemmed and interned once. News
     * repeats its words: over the ANT corpus a token is new about once in sixteen. */
    const vocab *bound;
    vocab *tokens;
    uint32_t *outcome;
    size_t n_outcome, cap_outcome;
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
    free(a->ids);
    free(a->norm);
    vocab_free(a->tokens);
    free(a->outcome);
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

/* The outcome of token id `id` of the token cache when it has none yet: its first appearance,
 * since ids are given in order of first appearance and looked at in that order. Stems are
 * interned in voc in the order their first token appears, as without the cache, so term ids do
 * not change. Kept out of line: nearly every token has its outcome already. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static ars_status
analyze_first(analyzer *a, vocab *voc, const char *t, size_t tl, uint32_t fl, uint32_t *out) {
    ars_status st = ARS_OK;
    if (a->n_outcome == a->cap_outcome) {
        size_t nc = a->cap_outcome ? 2 * a->cap_outcome : 1024;
        uint32_t *grown = realloc(a->outcome, nc * sizeof *grown);
        if (!grown) st = ARS_ENOMEM;
        if (grown) {
            a->outcome = grown;
            a->cap_outcome = nc;
        }
    }
    if (st == ARS_OK) st = analyze_token(a, voc, t, tl, fl, out);
    if (st != ARS_OK) {
        analyzer_forget(a); /* tokens are interned without an outcome */
        return st;
    }
    a->outcome[a->n_outcome++] = *out;
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
        uint32_t *ids = realloc(a->ids, a->toks_cap * sizeof *ids);
        if (!ids) return ARS_ENOMEM;
        a->ids = ids;
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
    /* Every token is looked up in the cache before any outcome is read: the look-ups and then
     * the reads of outcome[] (a few hundred kilobytes on a large input, in random order) are
     * independent of one another, so their cache misses overlap instead of alternating. A token
     * new to the cache gets the next id; its outcome is made when the second loop reaches it,
     * in the order of first appearance. */
    size_t n_found = 0;
    for (; n_found < n_toks; n_found++) {
        st = vocab_intern_key(a->tokens, norm + a->toks[n_found].start, a->toks[n_found].len,
                              &a->keys[n_found], &a->ids[n_found]);
        if (st != ARS_OK) break; /* the tokens before this one are still analysed */
#if defined(__GNUC__)
        if (a->ids[n_found] < a->n_outcome) __builtin_prefetch(&a->outcome[a->ids[n_found]]);
#endif
    }
    ars_status st_found = st;
    uint32_t *out = *terms;
    size_t n = *n_terms, n_arabic = 0, n_latin = 0, n_broken = 0, k = 0;
    st = ARS_OK;
    for (; k < n_found; k++) {
        uint32_t fl = a->toks[k].flags, id = a->ids[k];
        n_arabic += (fl & TOKEN_ARABIC) != 0;
        n_latin += (fl & TOKEN_LATIN) != 0;
        if (id < a->n_outcome) {
            id = a->outcome[id];
        } else {
            st = analyze_first(a, voc, norm + a->toks[k].start, a->toks[k].len, fl, &id);
            if (st != ARS_OK) break;
        }
        n_broken += id == ANALYZE_BROKEN;
        out[n] = id;
        n += id != ANALYZE_BROKEN && id != ANALYZE_SKIP;
    }
    if (st == ARS_OK && st_found != ARS_OK) {
        analyzer_forget(a); /* tokens are interned without an outcome */
        st = st_found;
    }
    stats->n_words = k;
    stats->n_terms = n - *n_terms;
    stats->n_broken = n_broken;
    stats->n_arabic = n_arabic;
    stats->n_latin = n_latin;
    *n_terms = n;
    return st;
}
