/* clean.h - pipeline stage 2: deciding which lines of each document are article prose.
 * Drops web and PDF boilerplate (site chrome, share/subscribe prompts, licence notices, datelines,
 * captions repeated within or across documents, Latin-only lines) using general signals; a short
 * documented list of common web phrases is one signal among them. Works on all documents at once
 * because repetition across documents is a signal. Never changes bytes: it only marks lines. */
#ifndef ARS_TEXT_CLEAN_H
#define ARS_TEXT_CLEAN_H

#include <stddef.h>
#include <stdint.h>
#include "summarize/summarize.h"

/* Why a line was dropped (0 = kept). */
typedef enum {
    CLEAN_KEEP = 0,
    CLEAN_BLANK,      /* empty or whitespace only */
    CLEAN_NOT_ARABIC, /* too small a share of Arabic letters (Latin-only chrome, licence notices) */
    CLEAN_REPEATED,   /* the same line occurs twice in a document or in several documents */
    CLEAN_BOILERPLATE, /* a common web phrase (share, subscribe, read more, comments ...) */
    CLEAN_FRAGMENT     /* short and unpunctuated: a dateline, section label, menu item, byline */
} clean_reason;

/* One line of a document: bytes [start, end) of the document's buffer, without the line end
 * ("\n" or "\r\n"). */
typedef struct {
    size_t start, end;
    clean_reason reason;
    uint32_t flags; /* CLEAN_LINE_* below */
} clean_line;

/* The line has no sentence-final punctuation and is short: a headline or sub-heading. Kept (so
 * segmenting sees a break there) but the segmenter marks what comes from it as a heading. */
#define CLEAN_LINE_HEADING 1u

/* A full-width line of a hard-wrapped document (PDF layout: most lines cut at the page width,
 * mid-sentence). Such a line may continue on the next kept line, even across blank lines; the
 * segmenter joins on this flag, so the layout is measured in one place (clean.c). */
#define CLEAN_LINE_WRAPPED 2u

/* A document as the cleaner sees it. text[body_start..len) is the body (after any BOM). */
typedef struct {
    const char *text;
    size_t len;
    size_t body_start;
} clean_doc;

/* Splits every document into lines and classifies them. On success lines[d] is a malloc'd array of
 * n_lines[d] entries for document d (the caller frees each; lines and n_lines are caller arrays of
 * n_docs entries). Deterministic: the result depends only on the documents and their order.
 * Returns ARS_OK or ARS_ENOMEM (nothing allocated then). */
ars_status clean_documents(const clean_doc *docs, size_t n_docs, clean_line **lines,
                           size_t *n_lines);

/* Short name of a reason ("keep", "blank", "not-arabic", ...), for diagnostics. */
const char *clean_reason_name(clean_reason r);

#endif
