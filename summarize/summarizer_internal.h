/* summarizer_internal.h - diagnostics of the last run that tests and the CLI's verbose mode read;
 * not part of the public API. */
#ifndef ARS_SUMMARIZER_INTERNAL_H
#define ARS_SUMMARIZER_INTERNAL_H

#include "summarize/summarize.h"

/* The highest cosine between two sentences of the last summary (0 with fewer than two). */
double summarizer_max_pair_similarity(const ars_summarizer *s);

#endif
