/* chars.h - code-point helpers shared by the text stages (clean, dateline, segment, tokenize):
 * stepping through UTF-8 and the character classes they test, defined once so that the stages
 * agree on what a letter, a blank, an Arabic letter or a sentence end is. Classes come from
 * utf8proc's Unicode categories, never from ctype.h. */
#ifndef ARS_TEXT_CHARS_H
#define ARS_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[i] (i < end) into *cp and returns its length in bytes. A malformed
 * sequence is read as U+FFFD of length 1, so a scan never stalls or overruns on bad bytes (input is
 * validated by read.c; this keeps the stages safe when called directly). */
size_t chars_next(const char *s, size_t i, size_t end, int32_t *cp);

/* Start of the code point before byte i (start < i): steps back over continuation bytes. */
size_t chars_prev(const char *s, size_t start, size_t i);

/* The code point at s[i], or -1 when i >= end. */
int32_t chars_at(const char *s, size_t i, size_t end);

/* The code point ending at byte i, or -1 when i <= start. */
int32_t chars_before(const char *s, size_t start, size_t i);

/* White space: ASCII spaces and controls \t \n \v \f \r, and the Unicode separators Zs, Zl, Zp
 * (NBSP, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR). -1 is not a space. */
int chars_is_space(int32_t cp);

/* White space or an invisible format character (Cf: RLM, ZWNJ, BOM), which trimming removes. */
int chars_is_blank(int32_t cp);

/* A letter (Lu Ll Lt Lm Lo). */
int chars_is_letter(int32_t cp);

/* A combining mark (Mn Mc Me): harakat, shadda. */
int chars_is_mark(int32_t cp);

/* A decimal digit (Nd), ASCII or Arabic-Indic. */
int chars_is_digit(int32_t cp);

/* In an Arabic-script block: Arabic, Arabic Supplement, Arabic Extended-B and -A, and the
 * presentation forms A and B that PDF extraction leaves. */
int chars_is_arabic_block(int32_t cp);

/* A Latin letter (Basic Latin to Latin Extended-B, as in names and acronyms). */
int chars_is_latin_letter(int32_t cp);

/* Punctuation (P*) or a symbol (S*). */
int chars_is_punct(int32_t cp);

/* A mark that ends a sentence: . ! ? ؟ … and the Arabic full stop U+06D4. */
int chars_is_final(int32_t cp);

/* A closing quote or bracket that may follow a final mark: " ' and the categories Pe, Pf. */
int chars_is_closer(int32_t cp);

/* A comma or semicolon, Arabic or Latin: a line ending with one goes on. */
int chars_is_comma(int32_t cp);

/* A dash used as a separator: - – — (and the Arabic tatweel is not one). */
int chars_is_dash(int32_t cp);

/* Iterates a span as folded code points for spelling-blind comparison of phrases and names:
 * normalize_codepoint()'s rules (harakat and tatweel dropped, alef and yeh forms unified, digits
 * to ASCII, lower case) plus ta marbuta to ha, and every run of blanks read as one ' '. Start with
 * {s, start, end} (trimmed text); chars_fold_next returns -1 at the end. */
typedef struct {
    const char *s;
    size_t i, end;
} chars_fold;

int32_t chars_fold_next(chars_fold *f);

#endif
