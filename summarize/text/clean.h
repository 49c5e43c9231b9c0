/* clean.h - pipeline stage 2: deciding which lines of each document are article prose, and
 * measuring each line once for the segmenter. Drops web and PDF boilerplate (site chrome,
 * share/subscribe prompts, licence notices, date lines, captions repeated within or across
 * documents, Latin-only lines, duplicate documents) using general signals; a short documented list
 * of common web phrases is one signal among them. Recognises the article's frame: its title (kept
 * apart as a signal, never a candidate), sub-headings, and datelines before the first sentence
 * (dateline.h). Works on all documents at once because repetition across documents is a signal.
 * Never changes bytes: it only marks lines and narrows their spans. */
#ifndef ARS_TEXT_CLEAN_H
#define ARS_TEXT_CLEAN_H

#include <stddef.h>
#include <stdint.h>
#include "summarize/common/parallel.h"
#include "summarize/summarize.h"

/* Why a line was dropped (0 = kept). */
typedef enum {
    CLEAN_KEEP = 0,
    CLEAN_BLANK,      /* empty or whitespace only */
    CLEAN_NOT_ARABIC, /* too small a share of Arabic letters (Latin-only chrome, licence notices) */
    CLEAN_REPEATED,   /* the same line occurs twice in a document or in several documents */
    CLEAN_BOILERPLATE, /* a common web phrase (share, subscribe, read more, comments ...) */
    CLEAN_FRAGMENT,    /* short and unpunctuated: a dateline, section label, menu item, byline */
    CLEAN_DATE,        /* a date and nothing else: the date line under a headline */
    CLEAN_DUPLICATE    /* the document repeats an earlier document of the run */
} clean_reason;

/* One line of a document. [start, end) is its text for the segmenter: trimmed of blanks and
 * invisible format characters, after a leading dateline ("الثلاثاء 20 سبتمبر 2005") when the
 * line opens a paragraph, and empty (start == end) when the whole line is the title. The line end
 * ("\n", "\r\n", a lone "\r", U+2028, U+2029 or NEL) is never inside it. When flags has
 * CLEAN_LINE_TITLE, [title_start, title_end) is the document's title on this line. */
typedef struct {
    size_t start, end;
    size_t title_start, title_end;
    clean_reason reason;
    uint32_t flags; /* CLEAN_LINE_* below */
} clean_line;

/* The line has no sentence-final punctuation and is short: a sub-heading. Kept (so segmenting
 * sees a break there) but the segmenter marks what comes from it as a heading. */
#define CLEAN_LINE_HEADING 1u

/* A full-width line of a hard-wrapped document (PDF layout: most lines cut at the page width,
 * mid-sentence). Such a line may continue on the next kept line, even across blank lines; the
 * segmenter joins on this flag, so the layout is measured in one place (clean.c). */
#define CLEAN_LINE_WRAPPED 2u

/* The line holds the document's title: the first line of the article when it is a short
 * unpunctuated line followed by prose, or a short line followed by a date line, or the text
 * before a full date glued into the first line ("عنوان الخبر الثلاثاء 1 مايو 2007 نص الخبر"). */
#define CLEAN_LINE_TITLE 4u

/* The line's text ends with a sentence-final mark (closing quotes and brackets looked through). */
#define CLEAN_LINE_TERMINAL 8u

/* The line starts with a bullet mark ("- ", "• ", "– ", "* "). */
#define CLEAN_LINE_BULLET 16u

/* The line's text ends with a colon: it introduces what follows (a list, a quotation). */
#define CLEAN_LINE_COLON 32u

/* The line holds a decimal digit (a year can only be on such a line). */
#define CLEAN_LINE_DIGIT 64u

/* A document as the cleaner sees it. text[body_start..len) is the body (after any BOM). */
typedef struct {
    const char *text;
    size_t len;
    size_t body_start;
} clean_doc;

/* Splits every document into lines and classifies them. On success lines[d] is a malloc'd array of
 * n_lines[d] entries for document d (the caller frees each; lines and n_lines are caller arrays of
 * n_docs entries). The per-document phases run on plan's threads (NULL: the calling thread);
 * the cross-document ones (duplicate documents, repeated lines) on the calling thread.
 * Deterministic: the result depends only on the documents and their order, not on the threads.
 * Returns ARS_OK or ARS_ENOMEM (nothing allocated then). */
ars_status clean_documents(const clean_doc *docs, size_t n_docs, clean_line **lines,
                           size_t *n_lines, const parallel_plan *plan);

/* The hashes of a document's words (runs of letters, marks and digits) as clean_documents hands
 * them to duplicate_fingerprints, in *words (malloc'd, *n_words of them; NULL when there are none).
 * They are the ones duplicate_text_words reads from the text in one pass of its own; tests hold
 * the two to each other. Returns ARS_OK or ARS_ENOMEM. */
ars_status clean_document_words(const clean_doc *doc, uint64_t **words, size_t *n_words);

/* What clean_documents measures of one line s[start..end) (a line without its end), as its
 * decisions read it: the span trimmed of blanks, its code points, words (runs of non-space
 * characters holding a letter), letters and Arabic-block letters, whether it holds a decimal
 * digit, how it ends and starts (CLEAN_LINE_TERMINAL, _COLON, _BULLET above; comma: a comma or
 * semicolon), and the hash that groups repeated lines: equal for lines that are the same but for
 * the length and kind of their blank runs. Exposed so that tests can hold the one-pass scan to
 * the definitions. */
typedef struct {
    size_t start, end;
    size_t n_cp, n_words, n_letters, n_arabic;
    int digit, terminal, colon, comma, bullet;
    uint64_t hash;
} clean_measures;
void clean_line_measures(const char *s, size_t start, size_t end, clean_measures *m);

/* Where the first line end at or after i in s[0..len) starts ("\n", "\r", U+2028, U+2029 or
 * NEL, as clean_documents splits lines), or len when there is none. Thirty-two bytes a step with
 * SSE2; clean_line_break_portable is its portable scan (eight bytes at a time), which
 * clean_line_break uses where SSE2 is not available: for tests. */
size_t clean_line_break(const char *s, size_t i, size_t len);
size_t clean_line_break_portable(const char *s, size_t i, size_t len);

/* When the document was written, as far as its text tells: the year of its date line, or else
 * the latest year its kept lines mention (dateline_latest_year); 0 when it names no year. */
int clean_document_year(const clean_doc *doc, const clean_line *lines, size_t n_lines);

/* Short name of a reason ("keep", "blank", "not-arabic", ...), for diagnostics. */
const char *clean_reason_name(clean_reason r);

#endif
