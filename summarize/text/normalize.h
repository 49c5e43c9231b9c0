/* normalize.h - the analysis copy of the text (the printed text keeps the original bytes).
 * NFKC through utf8proc (folds the Arabic presentation forms PDF extraction leaves), default-
 * ignorable code points (soft hyphen, ZWNJ/ZWJ, bidi marks) removed, harakat U+064B-U+065F, U+0670
 * and tatweel U+0640 removed, أ إ آ ٱ -> ا, ى -> ي, Arabic-Indic (U+0660-0669) and Eastern
 * Arabic-Indic (U+06F0-06F9) digits -> ASCII, case folded; ة -> ه AFTER stemming (see below). */
#ifndef ARS_TEXT_NORMALIZE_H
#define ARS_TEXT_NORMALIZE_H

#include <stddef.h>
#include "summarize/summarize.h"

/* ة (ta marbuta) is folded to ه after stemming, not before: Snowball Arabic strips a final ة
 * (الحكومة -> حكوم) but keeps ه after the article (الحكومه -> حكومه) and strips it as a pronoun
 * without one (حكومه -> حكوم), so folding first splits a word from its definite form. Measured by
 * bench/ta_marbuta.c over the 155,923 word types of the ANT background corpus (all figures in
 * summarize/text/stem.c): X / الX with X ending in ة get one stem in 91.3% of pairs when folding
 * after stemming, 2.3% when folding before; الX / الXة (masculine/feminine) 97.2% against 0%.
 *
 * What the pipeline calls, in order, and nothing else:
 *   1. normalize_text()       the analysis copy of a document or sentence; ة is kept;
 *   2. tokenize()             on that copy;
 *   3. stopwords_contains()   on the token as it stands (the list is loaded through
 *                             normalize_text, so both sides keep ة);
 *   4. stemmer_term()         (summarize/text/stem.h) stems with the chosen stemmer, including
 *                             ARS_STEM_NONE, and folds ة -> ه in its result; intern it at once.
 * Anything else that builds index terms must follow the same four steps. */

/* Normalises the UTF-8 bytes [s, s+len) into a new malloc'd NUL-terminated string (*out, *out_len
 * bytes; the caller frees *out). Line breaks and other white space are kept as white space (NFKC
 * turns no-break and other compatibility spaces into U+0020). ة is kept (see above). s may be NULL
 * when len is 0. Returns ARS_OK, ARS_ENOMEM, or ARS_EUTF8 if the input is not valid UTF-8 or holds
 * a NUL byte; *out is untouched on failure. */
ars_status normalize_text(const char *s, size_t len, char **out, size_t *out_len);

/* normalize_text into a buffer the caller keeps between calls: *buf (*cap bytes, both may start
 * NULL/0) is grown with realloc as needed (so it may move) and holds the NUL-terminated result of
 * *out_len bytes. The caller frees *buf. Text made only of code points that NFKC provably leaves
 * alone (ASCII and most of the Arabic block: chars.h's table) skips utf8proc and is mapped in one
 * pass; the result is the same bytes either way (tests/unit/text/test_normalize.c holds the two
 * paths together). Returns as normalize_text; on failure *buf stays valid. */
ars_status normalize_text_into(const char *s, size_t len, char **buf, size_t *cap, size_t *out_len);

/* Makes room for need bytes in a buffer of normalize_text_into (*buf of *cap bytes, both may
 * start NULL/0), growing it with realloc as normalize_text_into does, for a caller that writes
 * the analysis copy itself (tokenize_normalized). Returns ARS_OK or ARS_ENOMEM (*buf unchanged). */
ars_status normalize_reserve(char **buf, size_t *cap, size_t need);

/* What normalize_text_into() does with code point cp wherever it stands, for a caller that maps
 * text one code point at a time (tokenize_normalized): its replacement (as normalize_codepoint), -1
 * when it is dropped, or NORMALIZE_IN_CONTEXT when its result may depend on its neighbours (NFKC
 * may compose, reorder or fold it with them; NUL and code points from CHARS_TABLE_SIZE on are all
 * counted so). Text made only of code points with another answer normalises to the concatenation
 * of their replacements. */
#define NORMALIZE_IN_CONTEXT (-2)
int normalize_direct(int cp);

/* Normalises one code point after NFKC (no decomposition): returns the replacement code point,
 * or -1 when the code point is dropped (harakat, tatweel, control characters that are not white
 * space). ة (U+0629) is returned unchanged; fold
 * it with normalize_fold_ta_marbuta() after stemming. Exposed for the tokenizer and tests. */
int normalize_codepoint(int cp);

/* Replaces every ة (U+0629) in the UTF-8 bytes [s, s+len) by ه (U+0647), in place: both are two
 * bytes, so the length does not change. Other bytes are left alone. s may be NULL when len is 0. */
void normalize_fold_ta_marbuta(char *s, size_t len);

#endif
