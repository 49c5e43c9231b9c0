/* dfmodel.h - the document-frequency model file: how many documents of a background corpus hold
 * each analysed term, with the header that says how the terms were analysed. Reading (a strict
 * parser that names the file and line of any fault) and writing; what a term is and how the
 * stamp is computed belong to the caller (summarize/briefing/background.c), since models/ knows
 * nothing of the analysis. The built-in model (models/ant_background_df.tsv) is compiled in.
 *
 * Format, UTF-8 text, LF line ends:
 *   ars-df-model 1                       magic and format version
 *   stem NAME                            the stemming the terms went through (snowball, none)
 *   analysis HEX                         16 hex digits: the fingerprint of the analysis
 *   documents N                          corpus size, N >= 1
 *   terms K                              number of term lines that follow
 *   # ...                                comment lines, anywhere before the terms
 *   TERM<TAB>DF                          K lines, terms in strictly increasing byte order,
 *                                        1 <= DF <= N, TERM without tab, CR or LF
 * and nothing after the K-th term line. */
#ifndef ARS_MODELS_DFMODEL_H
#define ARS_MODELS_DFMODEL_H

#include <stddef.h>
#include <stdio.h>

#include "summarize/summarize.h" /* ars_status, ars_error */

#define DFMODEL_VERSION 1

typedef struct {
    char stem[32];
    char analysis[17]; /* 16 hex digits and a NUL */
    size_t documents;
    size_t terms;
} dfmodel_header;

/* Receives each term line: the term [term, term+len) (not NUL-terminated) and its df. A status
 * other than ARS_OK stops the parse and is returned (with the place named). */
typedef ars_status (*dfmodel_term_fn)(void *ctx, const char *term, size_t len, size_t df);

/* Parses a model held in bytes[0..len), named `name` in messages. Fills *h, then calls fn for each
 * term in file order. Returns ARS_OK; ARS_EMODEL with "NAME: line N: <what is wrong>" for any
 * departure from the format (wrong magic or version, missing or misordered header line, bad
 * number, a term out of order, a count that does not match, text after the terms); ARS_ENOMEM;
 * or what fn returned. The bytes' UTF-8 is not checked here: the caller checks the whole file
 * first (background_parse does), so a term's bytes are taken as they are. */
ars_status dfmodel_parse(const char *name, const char *bytes, size_t len, dfmodel_header *h,
                         dfmodel_term_fn fn, void *ctx, ars_error *err);

/* Writes the header lines (and a comment line when comment is not NULL). Returns 0, or -1 on a
 * write error (errno set). */
int dfmodel_write_header(FILE *f, const dfmodel_header *h, const char *comment);

/* Writes one term line. Returns 0 or -1 as above. */
int dfmodel_write_term(FILE *f, const char *term, size_t len, size_t df);

/* The built-in model's bytes (models/ant_background_df.tsv, compiled in). */
void dfmodel_builtin(const char **bytes, size_t *len);

#endif
