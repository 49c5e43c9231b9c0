/* stem.h - stemming of normalised tokens: Snowball Arabic through libstemmer, or none.
 * libstemmer returns a buffer it owns until the next call; this wrapper keeps that rule. */
#ifndef ARS_TEXT_STEM_H
#define ARS_TEXT_STEM_H

#include <stddef.h>
#include "summarize/summarize.h"

typedef struct stemmer stemmer;

/* New stemmer of the given kind; NULL when out of memory, when libstemmer lacks Arabic, or for a
 * kind that is not an ars_stem value. */
stemmer *stemmer_new(ars_stem kind);
void stemmer_free(stemmer *st); /* NULL-safe */

/* Stems [s, s+len) (normalised UTF-8). Returns the stem and its length in *out_len; the result is
 * borrowed and valid only until the next call on st (copy or intern it at once). With ARS_STEM_NONE
 * it returns s itself. A token longer than INT_MAX bytes (libstemmer's limit) is returned as is.
 * ة is not folded here: use stemmer_term() for index terms. NULL when out of memory. Not
 * thread-safe: one stemmer per thread. */
const char *stemmer_stem(stemmer *st, const char *s, size_t len, size_t *out_len);

/* The index term of a normalised token: stemmed as stemmer_stem() does (or left as is with
 * ARS_STEM_NONE), then ة -> ه folded (normalize_fold_ta_marbuta(); see summarize/text/normalize.h
 * for why the fold comes after stemming). This is the call the pipeline and the model builder make.
 * Returns a buffer owned by st, borrowed until the next stemmer_stem()/stemmer_term() call on st or
 * stemmer_free() (copy or intern it at once), NUL-terminated, length in *out_len. NULL when out of
 * memory. Not thread-safe: one stemmer per thread. */
const char *stemmer_term(stemmer *st, const char *s, size_t len, size_t *out_len);

/* Name of the stemming in effect ("snowball-arabic" or "none"), stamped into models. */
const char *stemmer_name(const stemmer *st);

#endif
