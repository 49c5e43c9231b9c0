/* analyze.c - turns sentences (one, or a document's at a time) into content-term ids and
 * well-formedness counts.
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
    token_span *toks;      /* the tokens of a batch of sentences, reused */
    size_t toks_cap;
    vocab_key *keys; /* the token cache's key of each token, scratch like toks */
    size_t keys_cap;
    char *norm; /* the analysis copy of one sentence, reused */
    size_t norm_cap;
    char *text; /* the analysis copies of a batch of sentences one after another, reused */
    size_t text_cap;
    size_t *first_tok; /* sentence k of a batch: its tokens first_tok[k] .. first_tok[k+1] */
    size_t first_tok_cap;
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
    free(a->text);
    free(a->first_tok);
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

/* p (room for *cap elements of `size` bytes) with room for n (at least one), grown by doubling:
 * p itself, or the grown block (*cap updated); NULL when out of memory, p then unchanged. */
static void *analyze_room(void *p, size_t *cap, size_t n, size_t size) {
    if (n <= *cap && p) return p;
    size_t nc = *cap ? *cap : 64;
    while (nc < n) {
        if (nc > SIZE_MAX / 2 / size) return NULL;
        nc *= 2;
    }
    void *g = realloc(p, nc * size);
    if (g) *cap = nc;
    return g;
}

/* Tokens whose cache slots are asked for ahead of the one being looked up (a multiple of the
 * eight asked for at a time): enough misses in flight to cover a look-up's wait for memory, few
 * enough that none is evicted before use. */
#define ANALYZE_PREFETCH 32

/* Tokenises the batch: sentence k's analysis copy goes into a->text after sentence k-1's (its
 * tokens' starts then point into a->text), its tokens into a->toks from a->first_tok[k]. Returns
 * ARS_OK, or the failure of sentence *done (the sentences before it are tokenised). */
static ars_status analyze_tokenize_batch(analyzer *a, const char *s, const analyze_span *spans,
                                         size_t n, size_t *done) {
    size_t n_toks = 0, at = 0;
    size_t *first = analyze_room(a->first_tok, &a->first_tok_cap, n + 1, sizeof *first);
    if (!first) {
        *done = 0;
        return ARS_ENOMEM;
    }
    a->first_tok = first;
    ars_status st = ARS_OK;
    for (size_t k = 0; k < n; k++) {
        a->first_tok[k] = n_toks;
        size_t norm_len = 0;
        st =
            tokenize_normalized(a->table, s + spans[k].start, spans[k].end - spans[k].start,
                                &a->norm, &a->norm_cap, &norm_len, &a->toks, &n_toks, &a->toks_cap);
        /* The copy is followed by zeros for vocab_key_of_padded (a token near a copy's end reads
         * on into the next copy, whose bytes it masks off). */
        char *text = NULL;
        if (st == ARS_OK && norm_len <= SIZE_MAX / 2 - VOCAB_KEY_HEAD - at)
            text = analyze_room(a->text, &a->text_cap, at + norm_len + VOCAB_KEY_HEAD, 1);
        if (st == ARS_OK && !text) st = ARS_ENOMEM;
        if (st != ARS_OK) {
            *done = k;
            return st;
        }
        a->text = text;
        memcpy(a->text + at, a->norm, norm_len);
        for (size_t j = a->first_tok[k]; j < n_toks; j++)
            a->toks[j].start += at;
        at += norm_len;
    }
    if (!a->text) { /* no sentence: still a zeroed copy for the keys to read */
        char *text = analyze_room(NULL, &a->text_cap, VOCAB_KEY_HEAD, 1);
        if (!text) {
            *done = 0;
            return ARS_ENOMEM;
        }
        a->text = text;
    }
    memset(a->text + at, 0, VOCAB_KEY_HEAD);
    a->first_tok[n] = n_toks;
    *done = n;
    return ARS_OK;
}

ars_status analyzer_sentences(analyzer *a, vocab *voc, const char *s, const analyze_span *spans,
                              size_t n, uint32_t **terms, size_t *n_terms, size_t *cap,
                              analyze_stats *stats, size_t *done) {
    *done = 0;
    /* On a failure, the sentences before the one that failed are analysed, then it is said. */
    size_t n_tokenized = 0;
    ars_status st_tok = analyze_tokenize_batch(a, s, spans, n, &n_tokenized);
    if (st_tok != ARS_OK && n_tokenized == 0) return st_tok;
    n = n_tokenized;
    size_t n_toks = a->first_tok[n];
    ars_status st = ARS_OK;
    if (a->bound != voc || !a->tokens) {
        analyzer_forget(a);
        st = vocab_new(&a->tokens);
        if (st != ARS_OK) return st;
        a->bound = voc;
    }
    /* Every token's key is made first; then each look-up asks for the slot of the token
     * ANALYZE_PREFETCH places on, so that the token cache's misses (it is megabytes on a large
     * input) overlap from one sentence to the next instead of following one another. */
    vocab_key *keys = analyze_room(a->keys, &a->keys_cap, n_toks, sizeof *keys);
    if (!keys) return ARS_ENOMEM;
    a->keys = keys;
    for (size_t k = 0; k < n_toks; k++)
        a->keys[k] = vocab_key_of_padded(a->text + a->toks[k].start, a->toks[k].len);
    vocab_prefetch(a->tokens, a->keys, n_toks < ANALYZE_PREFETCH ? n_toks : ANALYZE_PREFETCH);
    /* Room for a term per token up front: the loop below then stores every outcome and moves
     * on past the terms only, with no capacity check and no branch per token. */
    if (*n_terms > SIZE_MAX / 2 - n_toks) return ARS_ENOMEM;
    uint32_t *grown = analyze_room(*terms, cap, *n_terms + n_toks, sizeof *grown);
    if (!grown) return ARS_ENOMEM;
    *terms = grown;
    /* A hit reads its outcome from the slot its look-up found; a token new to the cache (its id
     * the next one) gets its outcome made and stored there at once, so the tokens go by in one
     * pass, in order: stems are interned in the order their first tokens come. */
    uint32_t *out = *terms;
    size_t nt = *n_terms, j = 0;
    for (size_t k = 0; k < n; k++) {
        size_t n_arabic = 0, n_latin = 0, n_broken = 0, t0 = nt, end = a->first_tok[k + 1];
        for (; j < end; j++) {
            /* Eight at a time: one call for the next eight slots. */
            if (j % 8 == 0 && j + ANALYZE_PREFETCH < n_toks) {
                size_t more = n_toks - j - ANALYZE_PREFETCH;
                vocab_prefetch(a->tokens, &a->keys[j + ANALYZE_PREFETCH], more < 8 ? more : 8);
            }
            const char *t = a->text + a->toks[j].start;
            uint32_t fl = a->toks[j].flags, id, *value;
            st = vocab_intern_value(a->tokens, t, a->toks[j].len, &a->keys[j], &id, &value);
            if (st != ARS_OK) break;
            n_arabic += (fl & TOKEN_ARABIC) != 0;
            n_latin += (fl & TOKEN_LATIN) != 0;
            if (id < a->n_outcome) {
                id = *value;
            } else {
                st = analyze_first(a, voc, t, a->toks[j].len, fl, value, &id);
                if (st != ARS_OK) break;
            }
            n_broken += id == ANALYZE_BROKEN;
            out[nt] = id;
            nt += id != ANALYZE_BROKEN && id != ANALYZE_SKIP;
        }
        if (st != ARS_OK) {
            /* The terms of the sentence that failed are not kept. */
            *n_terms = t0;
            return st;
        }
        stats[k] = (analyze_stats){end - a->first_tok[k], nt - t0, n_broken, n_arabic, n_latin};
        *n_terms = nt;
        *done = k + 1;
    }
    return st_tok;
}

ars_status analyzer_sentence(analyzer *a, vocab *voc, const char *s, size_t len, uint32_t **terms,
                             size_t *n_terms, size_t *cap, analyze_stats *stats) {
    analyze_span span = {0, len};
    size_t done = 0;
    memset(stats, 0, sizeof *stats);
    return analyzer_sentences(a, voc, s, &span, 1, terms, n_terms, cap, stats, &done);
}
