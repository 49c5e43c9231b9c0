/* normalize.h - the analysis copy of the text (the printed text keeps the original bytes).
 * NFKC through utf8proc (folds the Arabic presentation forms PDF extraction leaves), harakat
 * U+064B-U+065F, U+0670 and tatweel U+0640 removed, أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Arabic-Indic
 * (U+0660-0669) and Eastern Arabic-Indic (U+06F0-06F9) digits -> ASCII, case folded. */
#ifndef ARS_TEXT_NORMALIZE_H
#define ARS_TEXT_NORMALIZE_H

#include <stddef.h>
#include "summarize/summarize.h"

/* Normalises the UTF-8 bytes [s, s+len) (must be valid UTF-8) into a new malloc'd NUL-terminated
 * string (*out, *out_len bytes). Line breaks and other white space are kept as white space.
 * Returns ARS_OK, ARS_ENOMEM, or ARS_EUTF8 if the input is not valid UTF-8. */
ars_status normalize_text(const char *s, size_t len, char **out, size_t *out_len);

/* Normalises one code point after NFKC (no decomposition): returns the replacement code point,
 * or -1 when the code point is dropped (harakat, tatweel). Exposed for the tokenizer and tests. */
int normalize_codepoint(int cp);

#endif
