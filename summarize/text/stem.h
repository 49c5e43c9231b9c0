/* stem.h - stemming of normalised tokens: Snowball Arabic through libstemmer, or none.
 * libstemmer returns a buffer it owns until the next call; this wrapper keeps that rule. */
#ifndef ARS_TEXT_STEM_H
#define ARS_TEXT_STEM_H

#include <stddef.h>
#include "summarize/summarize.h"

typedef struct stemmer stemmer;

/* New stemmer of kind (ARS_STEM_SNOWBALL or ARS_STEM_NONE) in *out (NULL on failure). Returns
 * ARS_OK, ARS_ENOMEM, or ARS_EMODEL when the installed libstemmer has no Snowball Arabic algorithm
 * (sb_stemmer_list() lacks "arabic"); err (may be NULL) gets "stemmer: ..." on failure. Free with
 * stemmer_free (NULL-safe). */
ars_status stemmer_new(ars_stem kind, stemmer **out, ars_error *err);
void stemmer_free(stemmer *st);

/* Stems [s, s+len) (normalised UTF-8): *out gets the stem and *out_len its length. The result is
 * borrowed and valid only until the next call on st (copy or intern it at once). With ARS_STEM_NONE
 * *out is s itself. A token longer than INT_MAX bytes (libstemmer's limit) is returned as is.
 * ة is not folded here: use stemmer_term() for index terms. Returns ARS_OK or ARS_ENOMEM. Not
 * thread-safe: one stemmer per thread. */
ars_status stemmer_stem(stemmer *st, const char *s, size_t len, const char **out, size_t *out_len);

/* The index term of a normalised token: stemmed as stemmer_stem() does (or left as is with
 * ARS_STEM_NONE), then ة -> ه folded (normalize_fold_ta_marbuta(); see summarize/text/normalize.h
 * for why the fold comes after stemming). This is the call the pipeline makes. *out gets a buffer
 * owned by st, borrowed until the next stemmer_stem()/stemmer_term() call on st or stemmer_free()
 * (copy or intern it at once), NUL-terminated, length in *out_len. Returns ARS_OK or ARS_ENOMEM.
 * Not thread-safe: one stemmer per thread. */
ars_status stemmer_term(stemmer *st, const char *s, size_t len, const char **out, size_t *out_len);

#endif
