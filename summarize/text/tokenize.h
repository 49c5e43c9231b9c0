/* tokenize.h - tokens of normalised text by Unicode category (utf8proc), never by ctype.h.
 * A token is a maximal run of letters (L*), marks (M*) and digits (Nd); everything else separates.
 * A mark extends a token but does not start one (a stray mark after a separator is skipped).
 * Punctuation inside numbers separates too: "6,500" -> "6" "500", "2.5" -> "2" "5", "10.11.2020"
 * -> three tokens; each piece has TOKEN_DIGIT. Sentence splitting keeps such numbers whole. */
#ifndef ARS_TEXT_TOKENIZE_H
#define ARS_TEXT_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/summarize.h" /* ars_status */

typedef struct {
    size_t start, len; /* bytes within the tokenised string */
    uint32_t flags;    /* TOKEN_* below */
} token_span;

#define TOKEN_ARABIC 1u /* contains at least one Arabic-script letter */
#define TOKEN_LATIN  2u /* contains at least one Latin-script letter */
#define TOKEN_DIGIT  4u /* contains at least one decimal digit */

/* Appends the tokens of UTF-8 [s, s+len) to *toks (a malloc'd array of *n / capacity *cap that this
 * function grows with realloc; start with NULL/0/0). Invalid UTF-8 bytes act as separators.
 * Returns ARS_OK or ARS_ENOMEM (the array keeps what it had). */
ars_status tokenize(const char *s, size_t len, token_span **toks, size_t *n, size_t *cap);

/* A table of what normalisation and tokenisation do with each code point that is read on its own
 * (see normalize_direct), for tokenize_normalized. Built once per user (about 20 KB), read-only
 * after: it may be shared between threads. tokenize_table_free is NULL-safe. Returns ARS_OK or
 * ARS_ENOMEM (*out NULL). */
typedef struct tokenize_table tokenize_table;
ars_status tokenize_table_new(tokenize_table **out);
void tokenize_table_free(tokenize_table *t);

/* normalize_text_into(s, len, buf, buf_cap, out_len) followed by tokenize(*buf, *out_len, toks, n,
 * cap), with the same results and the same failures, in one pass over s when s is made of code
 * points that normalise on their own (normalize_direct: ASCII and almost all of the text below
 * U+0800); other text takes the two calls. The token spans index *buf. tests/unit/text/
 * test_tokenize.c holds the two ways together. */
ars_status tokenize_normalized(const tokenize_table *t, const char *s, size_t len, char **buf,
                               size_t *buf_cap, size_t *out_len, token_span **toks, size_t *n,
                               size_t *cap);

/* tokenize_normalized with its portable fast path (SWAR), which tokenize_normalized itself uses
 * where SSE2 is not there; for the tests, which hold both to the definition. */
ars_status tokenize_normalized_portable(const tokenize_table *t, const char *s, size_t len,
                                        char **buf, size_t *buf_cap, size_t *out_len,
                                        token_span **toks, size_t *n, size_t *cap);

#endif
