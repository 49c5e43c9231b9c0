/* summarizer_internal.h - what other stages of the library read from an ars_summarizer beyond the
 * public API (the writer names the method). Not part of the public API. */
#ifndef ARS_SUMMARIZER_INTERNAL_H
#define ARS_SUMMARIZER_INTERNAL_H

#include "summarize/summarize.h"

#include "vectors/tfidf.h"

/* Runs the front end (clean, split, analyse) and the vectorise stage over s's documents and hands
 * the TF-IDF matrix of the candidates over to *x (free with tfidf_free): what
 * bench/similarity_paths.c measures the similarity paths on. Returns as ars_summarizer_run. */
ars_status summarizer_matrix(ars_summarizer *s, tfidf_matrix *x, ars_error *err);

/* The ranking method the summarizer was created with. */
ars_method summarizer_method(const ars_summarizer *s);

#endif
