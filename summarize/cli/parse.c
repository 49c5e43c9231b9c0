/* parse.c - strict numeric option parsing for the command-line programs (see parse.h); part of the
 * CLI-side unit summarize/cli, not of the library. */
#include "summarize/cli/parse.h"

#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ars_status parse_size(const char *s, size_t *out) {
    if (!s || *s < '0' || *s > '9') return ARS_EARG; /* strtoull would accept "-1" and " 1" */
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end != '\0' || v > SIZE_MAX) return ARS_EARG;
    *out = (size_t)v;
    return ARS_OK;
}

ars_status parse_double(const char *s, double lo, double hi, double *out) {
    if (!s || !*s) return ARS_EARG;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    /* ERANGE is overflow (HUGE_VAL) or underflow: a subnormal such as 1e-310, or a value that
     * rounds to 0, is still the number written, as close as a double holds it. */
    if (errno == ERANGE && v >= -DBL_MIN && v <= DBL_MIN) errno = 0;
    if (errno || *end != '\0' || !(v >= lo && v <= hi)) return ARS_EARG; /* also rejects NaN */
    *out = v;
    return ARS_OK;
}

/* An unknown long option leaves optopt 0; a long option without its value is the argument just
 * passed and starts with "--" (a short one there is the end of "-w" or "-qw"). */
const char *parse_bad_option(char **argv, int missing_value, char *buf, size_t size) {
    const char *arg = argv[optind - 1];
    if (missing_value ? strncmp(arg, "--", 2) == 0 : optopt == 0) return arg;
    snprintf(buf, size, "-%c", optopt);
    return buf;
}
