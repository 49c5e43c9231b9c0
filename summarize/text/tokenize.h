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

#endif
