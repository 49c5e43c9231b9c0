/* dateline.h - recognising the dates and agency datelines that frame a news article: the date line
 * under a headline ("السبت 15 يناير 2005", "الثلاثاء 10 يوليو/تموز 2007"), a date glued to the
 * first sentence ("الثلاثاء 20 سبتمبر 2005  اكتشفت الشرطة ...") and a wire dateline ("دبي، الإمارات
 * العربية المتحدة (CNN)-- "). Used by clean.c, which measures each line once; works on byte spans
 * of the original text and never changes bytes.
 *
 * Words are compared folded (chars_fold_next), so spelling variants match: الأربعاء/الاربعاء,
 * أبريل/ابريل/إبريل, الجمعة/الجمعه. A date is a run of date words holding a number and a
 * weekday or month name: Gregorian month names as written in the Arab East and West, Syriac
 * (Levantine) names (كانون الثاني, آذار, تموز ...), Hijri names, day names, the fillers يوم and
 * الموافق and the era marks م and هـ. A four-digit year closes a date. */
#ifndef ARS_TEXT_DATELINE_H
#define ARS_TEXT_DATELINE_H

#include <stddef.h>

/* 1 when s[start..end) is a date and nothing else (separators and a final period allowed): a day
 * or month name with a number, or a numeric date such as 14/07/2005. */
int dateline_is_date_only(const char *s, size_t start, size_t end);

/* Where the text of a line starts once a leading dateline is skipped: a date that begins with a
 * day name ("الثلاثاء 20 سبتمبر 2005"), then optionally a wire dateline (at most six words of
 * place, a parenthesised agency of at most three words, then a dash or colon), or the wire
 * dateline alone. Returns start when there is none, or when nothing with a letter follows. */
size_t dateline_skip(const char *s, size_t start, size_t end);

/* dateline_skip without its shortcuts (the early decisions that most lines cannot start with a
 * date or a wire dateline, and words folded straight from their bytes): the plain reading of the
 * rules, for tests to hold dateline_skip to. */
size_t dateline_skip_plain(const char *s, size_t start, size_t end);

/* dateline_skip with its portable shortcuts only, which dateline_skip itself uses where SSE2 is
 * not available (the search for a wire dateline then reads one character at a time): for tests. */
size_t dateline_skip_portable(const char *s, size_t start, size_t end);

/* Finds the first full date inside s[start..end): a day name, a month name and a number ("يوم
 * الجمعة 7 يوليو 2006"), the form of a dateline rather than of a date in a sentence ("في 7 يوليو
 * 2005"). Sets [*date_start, *date_end) and returns 1, or returns 0. */
int dateline_find(const char *s, size_t start, size_t end, size_t *date_start, size_t *date_end);

/* dateline_find without its shortcuts (the early decision at each word that no date opening with
 * a day name starts there, and words folded straight from their bytes), for tests. */
int dateline_find_plain(const char *s, size_t start, size_t end, size_t *date_start,
                        size_t *date_end);

/* The latest year written in s[start..end) as four digits (ASCII or Arabic-Indic) between 1900
 * and 2099, or 0 when there is none: a lower bound on when a text was written. */
int dateline_latest_year(const char *s, size_t start, size_t end);

/* dateline_latest_year with its portable scan (eight bytes at a time), which dateline_latest_year
 * itself uses where SSE2 is not available: for tests to hold both to the definition. */
int dateline_latest_year_portable(const char *s, size_t start, size_t end);

#endif
