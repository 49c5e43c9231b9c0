/* summarizer_internal.h - what other stages of the library read from an ars_summarizer beyond the
 * public API (the writer names the method). Not part of the public API. */
#ifndef ARS_SUMMARIZER_INTERNAL_H
#define ARS_SUMMARIZER_INTERNAL_H

#include "summarize/summarize.h"

/* The ranking method the summarizer was created with. */
ars_method summarizer_method(const ars_summarizer *s);

#endif
