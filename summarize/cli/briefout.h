/* briefout.h - the formats of `summarize --briefing`: Markdown (the default: numbered stories with
 * headline, summary and sources), plain text, one JSON document, JSON Lines (one story per line)
 * and a standalone right-to-left HTML page; and plain text with each sentence's source cited, for
 * the ordinary summary. Written from the library's public result views. Part of the CLI-side unit
 * summarize/cli. */
#ifndef ARS_CLI_BRIEFOUT_H
#define ARS_CLI_BRIEFOUT_H

#include <jansson.h>
#include <stdio.h>

#include "summarize/summarize.h"

typedef enum {
    BRIEFOUT_MARKDOWN = 0,
    BRIEFOUT_TEXT = 1,
    BRIEFOUT_JSON = 2,
    BRIEFOUT_JSONL = 3,
    BRIEFOUT_HTML = 4
} briefout_format;

/* "markdown", "text", "json", "jsonl", "html": ARS_OK and *out, or ARS_EARG. */
ars_status briefout_format_from_name(const char *name, briefout_format *out);

/* Writes the stories of b's last run to f. cite adds each sentence's article name in brackets
 * (text and Markdown; JSON formats always carry the names). what names f in messages. Returns
 * ARS_OK, ARS_ENOMEM or ARS_EIO "WHAT: write failed: <strerror>". */
ars_status briefout_write(const ars_briefing *b, FILE *f, briefout_format format, int cite,
                          const char *what, ars_error *err);

/* Writes a summary as plain text, one sentence per line followed by " [NAME]" (the name of the
 * document it comes from). Returns as briefout_write. */
ars_status briefout_cited_summary(const ars_summarizer *s, FILE *f, const char *what,
                                  ars_error *err);

/* A JSON string of text that may not be UTF-8 (a file name, a message naming one): invalid bytes
 * become U+FFFD. NULL when out of memory. */
json_t *briefout_json_text(const char *s);

#endif
