/* segment.h - pipeline stage 3: Arabic sentence segmentation over the kept lines of a document.
 * Sentences end at . ! ? ؟ … and at paragraph breaks; hard-wrapped lines are joined; no split
 * inside numbers (2.5, 10.11.2020, 6,500), common abbreviations (د. م. ص. ...) or quotes («...»,
 * "..."); a leading "- " bullet starts a sentence; ، and ؛ never end one. */
#ifndef ARS_TEXT_SEGMENT_H
#define ARS_TEXT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>
#include "summarize/summarize.h"
#include "summarize/text/clean.h"

/* A sentence: bytes [start, end) of the document (trimmed of surrounding white space and of a
 * leading bullet "- "). It may span several lines when lines were joined (the bytes between then
 * contain '\n', possibly '\r' and blank lines); the printer folds those to single spaces. */
typedef struct {
    size_t start, end;
    uint32_t flags; /* SEGMENT_* below */
} segment_sentence;

#define SEGMENT_HEADING    1u /* from a heading line: no final punctuation (not summary material) */
#define SEGMENT_TITLE      2u /* the document's title (CLEAN_LINE_TITLE): a signal, not a candidate */
#define SEGMENT_QUOTE_TAIL 4u /* starts inside a quotation opened in an earlier paragraph */
#define SEGMENT_LEADIN     8u /* ends with a colon at a paragraph end: introduces what follows */
#define SEGMENT_TEASER     16u /* a short one-clause question closing its paragraph: states nothing */

/* Segments one document. Only lines with reason CLEAN_KEEP contribute; a dropped line or a blank
 * line is a paragraph break, except that in a hard-wrapped document (most lines of similar length,
 * many ending mid-sentence, as PDF extractions are) a line that ends mid-sentence continues into
 * the next kept line even across a blank line. On success *out is a malloc'd array of *n_out
 * sentences in document order (caller frees; may be NULL with *n_out = 0).
 * Returns ARS_OK or ARS_ENOMEM. */
ars_status segment_document(const char *text, size_t len, const clean_line *lines, size_t n_lines,
                            segment_sentence **out, size_t *n_out);

/* segment_document with every scan stepping one byte at a time instead of skipping blocks of
 * bytes that hold no final mark or quote: the definition the skips are held to, for the tests. */
ars_status segment_document_stepwise(const char *text, size_t len, const clean_line *lines,
                                     size_t n_lines, segment_sentence **out, size_t *n_out);

#endif
