/* parse.h - strict parsing of numeric command-line values, shared by the summarize and
 * summarize-eval programs (no atoi/atof: the whole string must be a number in range), and the
 * name of a bad option for messages. Part of the
 * CLI-side unit summarize/cli: linked into the programs, not into the library. */
#ifndef ARS_CLI_PARSE_H
#define ARS_CLI_PARSE_H

#include <stddef.h>

#include "summarize/summarize.h" /* ars_status */

/* A decimal whole number with no sign, space or trailing text, that fits a size_t.
 * Returns ARS_OK and sets *out, or ARS_EARG (s may be NULL). */
ars_status parse_size(const char *s, size_t *out);

/* A floating-point number with no trailing text, finite and within [lo, hi].
 * Returns ARS_OK and sets *out, or ARS_EARG (s may be NULL). */
ars_status parse_double(const char *s, double lo, double hi, double *out);

/* The option getopt_long stopped at, as the user wrote it, for the message: "-x" for a short
 * option (alone or in a bundle such as -qx, where argv[optind - 1] is not the bundle), the
 * argument itself for a long one. missing_value: getopt_long returned ':' (a value is missing),
 * else '?' (unknown option). buf (size >= 3) may receive the text. */
const char *parse_bad_option(char **argv, int missing_value, char *buf, size_t size);

#endif
