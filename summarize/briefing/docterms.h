/* docterms.h - briefing stage "document terms": an article's analysed terms for its document
 * vector, the same way for the articles of a briefing and for the documents of a background
 * model (background.c), so that their frequencies compare like with like. Uses the summarizer's
 * own stages: clean.c (kept lines, title line, date) and analyze.c (terms). */
#ifndef ARS_BRIEFING_DOCTERMS_H
#define ARS_BRIEFING_DOCTERMS_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/analyze.h"
#include "vectors/vocab.h"

/* A title's terms count this many times in its article's vector: the headline says what the
 * story is in a few words, the body in many. */
#define DOCTERMS_TITLE_WEIGHT 2

typedef struct {
    char *found_title; /* the title line found in the text (malloc'd; a trailing " | SITE"
                          removed), NULL when none or when the caller gave a title */
    int year;          /* when the text dates itself (clean_document_year), 0 when unknown */
} docterms_info;

/* Appends to *terms (realloc-grown, *n_terms of capacity *cap; may move) the terms of every line
 * the cleaner keeps in text[0..len) (cleaned on its own: two outlets carrying the same wire copy
 * keep it) and DOCTERMS_TITLE_WEIGHT times those of its title: `title` when not NULL, else the
 * text's own title line. bytes must have passed ars_text_check. Fills *info (free
 * info->found_title). Returns ARS_OK, ARS_ENOMEM or ARS_EUTF8. */
ars_status docterms_article(analyzer *an, vocab *voc, const char *bytes, size_t len,
                            const char *title, uint32_t **terms, size_t *n_terms, size_t *cap,
                            docterms_info *info);

#endif
