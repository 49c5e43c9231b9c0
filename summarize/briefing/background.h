/* background.h - internals of the document-frequency models (public: ars_df_model_* in
 * summarize.h) that the briefing reads: the built-in model, the analysis fingerprint, and
 * look-ups. A model's terms are analysed as docterms.c analyses an article. */
#ifndef ARS_BRIEFING_BACKGROUND_H
#define ARS_BRIEFING_BACKGROUND_H

#include <stddef.h>

#include "summarize/summarize.h"

/* The fingerprint of the analysis with the given stemming: 16 lowercase hex digits (FNV-1a of the
 * terms the analysis makes of a fixed probe text) and a NUL. Returns ARS_OK, ARS_ENOMEM or what
 * creating the analyzer failed with (ARS_EMODEL: no Snowball Arabic). */
ars_status background_fingerprint(ars_stem stem, char out[17], ars_error *err);

/* Parses a model held in bytes (named `name` in messages) and checks its stamp against this
 * library's analysis. Returns ARS_OK with *out owning the model, or ARS_EMODEL naming the file
 * and line (or the stamp that differs), ARS_ENOMEM. */
ars_status background_parse(const char *name, const char *bytes, size_t len, ars_df_model **out,
                            ars_error *err);

/* The built-in model (models/ant_background_df.tsv, compiled in), parsed and checked. */
ars_status background_builtin(ars_df_model **out, ars_error *err);

/* The stemming a model was built with. */
ars_stem background_stem(const ars_df_model *m);

/* The document frequency of a term ([term, term+len)), 0 when the model does not know it. */
size_t background_df(const ars_df_model *m, const char *term, size_t len);

#endif
