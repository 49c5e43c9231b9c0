/* analyze.h - pipeline stage "tokenise -> stopwords -> stem -> intern" for a sentence or a
 * document's, plus the well-formedness signals the selector uses (PDF glyph loss leaves tokens such
 * as ف or عل standing alone). Sits between segment.h (sentence spans) and vectors/tfidf.h (term-id
 * bags). */
#ifndef ARS_ANALYZE_H
#define ARS_ANALYZE_H

#include <stddef.h>
#include <stdint.h>
#include "summarize/summarize.h"
#include "vectors/vocab.h"

typedef struct analyzer analyzer;

/* What analysis found in one sentence. */
typedef struct {
    size_t n_words;  /* tokens of the original text (letters/digits runs): the length budget unit */
    size_t n_terms;  /* content terms appended (stopwords removed) */
    size_t n_broken; /* tokens showing extraction damage (see analyze.c) */
    size_t n_arabic; /* tokens with Arabic letters */
    size_t n_latin;  /* tokens with Latin letters */
} analyze_stats;

/* New analyzer with the built-in stopword list and the given stemming, in *out (NULL on failure).
 * Returns ARS_OK, ARS_ENOMEM, or what the stopword list or stemmer_new() failed with (ARS_EMODEL:
 * libstemmer without Arabic); err (may be NULL) gets a message naming the part that failed. Free
 * with analyzer_free (NULL-safe). */
ars_status analyzer_new(ars_stem stem, analyzer **out, ars_error *err);
void analyzer_free(analyzer *a);

/* Empties the token cache (see analyzer_sentence). */
void analyzer_forget(analyzer *a);

/* Analyses UTF-8 text [s, s+len): normalises, tokenises, drops stopwords, stems, interns each
 * content term in voc and appends its id to *terms (a realloc-grown array of *n_terms entries,
 * capacity *cap). Fills *stats. Returns ARS_OK, ARS_ENOMEM, ARS_ELIMIT (voc is full) or ARS_EUTF8.
 * The analyzer remembers what each distinct token became in voc (the token cache), so a call with
 * another vocabulary starts the cache afresh; a vocabulary freed and another allocated at the same
 * address cannot be told apart, so call analyzer_forget between runs. */
ars_status analyzer_sentence(analyzer *a, vocab *voc, const char *s, size_t len, uint32_t **terms,
                             size_t *n_terms, size_t *cap, analyze_stats *stats);

/* A sentence of a text: its bytes [start, end). */
typedef struct {
    size_t start, end;
} analyze_span;

/* Analyses the sentences spans[0..n) of the text s, in order, as n calls of analyzer_sentence
 * would: the same terms appended to *terms (sentence k's after sentence k-1's; stats[k].n_terms
 * of them), the same stats[k], the same vocabulary. Faster on many sentences: every sentence is
 * tokenised first, and the token cache's look-ups then go through all their tokens with the
 * slots of the next ones asked for in advance. *done gets how many sentences were analysed (n on
 * ARS_OK); on a failure sentence *done is the one that failed, and the terms of the sentences
 * before it stand (none of its own). */
ars_status analyzer_sentences(analyzer *a, vocab *voc, const char *s, const analyze_span *spans,
                              size_t n, uint32_t **terms, size_t *n_terms, size_t *cap,
                              analyze_stats *stats, size_t *done);

#endif
