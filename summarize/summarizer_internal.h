/* summarizer_internal.h - what other stages of the library read from an ars_summarizer beyond the
 * public API (the writer names the method), and diagnostics of the last run for tests. */
#ifndef ARS_SUMMARIZER_INTERNAL_H
#define ARS_SUMMARIZER_INTERNAL_H

#include "summarize/summarize.h"

/* The highest cosine between two sentences of the last summary (0 with fewer than two). */
double summarizer_max_pair_similarity(const ars_summarizer *s);

/* The ranking method the summarizer was created with. */
ars_method summarizer_method(const ars_summarizer *s);

#endif
