/* discourse.h - part of pipeline stage "select": sentences that lean on the sentence before them.
 * An Arabic news sentence that opens with a contrastive or additive connective ("لكن", "إلا أن",
 * "كما", "ومن جهته"), a pronoun or demonstrative that points back ("وهو", "وهذا"), or a verb of
 * saying with no subject of its own ("وأضاف أن", "وتابع:", "وقالت إن") says little to a reader who
 * has not read the sentence before it: "he added that ..." names nobody. The selector lets such a
 * sentence into a summary only right after that sentence (select.h). */
#ifndef ARS_TEXT_DISCOURSE_H
#define ARS_TEXT_DISCOURSE_H

#include <stddef.h>

/* Does the sentence s[0..len) (UTF-8, trimmed) open with one of the forms above? Diacritics and
 * tatweel are ignored and the alef forms أ إ آ ٱ read as ا, ى as ي, so spelling variants match.
 * A sentence that opens with anything but a letter (a quote, a digit) does not lean back here. */
int discourse_leans_back(const char *s, size_t len);

/* Does the sentence s[0..len), candidate number `position` of its article (from 0), need the one
 * before it to be printed? When it leans back and is not its article's first: the first has nothing
 * there to follow (the article opens so) and stands. */
int discourse_needs_previous(const char *s, size_t len, size_t position);

#endif
