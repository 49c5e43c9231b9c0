/* parse.h - strict parsing of numeric command-line values, shared by the summarize and
 * summarize-eval programs (no atoi/atof: the whole string must be a number in range). */
#ifndef ARS_COMMON_PARSE_H
#define ARS_COMMON_PARSE_H

#include <stddef.h>

/* A decimal whole number with no sign, space or trailing text, that fits a size_t.
 * Returns 0 and sets *out, or -1 (s may be NULL). */
int parse_size(const char *s, size_t *out);

/* A floating-point number with no trailing text, finite and within [lo, hi].
 * Returns 0 and sets *out, or -1 (s may be NULL). */
int parse_double(const char *s, double lo, double hi, double *out);

#endif
