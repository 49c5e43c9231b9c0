/* stopwords.h - the Arabic stopword list (models/stopwords_ar.txt, compiled into the library) and
 * its lookup set. Words pass through the caller's normaliser when loaded, so lookups of normalised
 * tokens match whatever the analysis normalisation is. */
#ifndef ARS_MODELS_STOPWORDS_H
#define ARS_MODELS_STOPWORDS_H

#include <stddef.h>

#include "summarize/summarize.h" /* ars_status */

typedef struct stopwords stopwords;

/* Normaliser callback: maps [s, s+len) to a malloc'd NUL-terminated string (*out, length *out_len).
 * Returns ARS_OK or the status of its failure (forwarded by the loaders). */
typedef ars_status (*stopwords_normalizer)(void *ctx, const char *s, size_t len, char **out,
                                           size_t *out_len);

/* Builds a set from a list in the stopwords_ar.txt format: UTF-8, one word per line, '#' starts a
 * comment line, blank lines ignored, surrounding spaces trimmed. Each word is normalised through
 * norm (NULL = taken as is). On success *out owns the set (free with stopwords_free); on failure
 * *out is NULL. Returns ARS_OK, ARS_ENOMEM, or the status norm failed with. */
ars_status stopwords_load(const char *buf, size_t len, stopwords_normalizer norm, void *ctx,
                          stopwords **out);

/* The built-in list (the embedded copy of models/stopwords_ar.txt), normalised through norm, as
 * stopwords_load. */
ars_status stopwords_load_builtin(stopwords_normalizer norm, void *ctx, stopwords **out);

void stopwords_free(stopwords *sw); /* NULL-safe */

/* 1 when [s, s+len) is in the set, else 0. */
int stopwords_contains(const stopwords *sw, const char *s, size_t len);

/* Number of distinct entries. */
size_t stopwords_count(const stopwords *sw);

#endif
