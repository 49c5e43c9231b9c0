/* parse.c - strict numeric option parsing for the command-line programs (see parse.h); part of the
 * CLI-side unit summarize/cli, not of the library. */
#include "summarize/cli/parse.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

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
    if (errno || *end != '\0' || !(v >= lo && v <= hi)) return ARS_EARG; /* also rejects NaN */
    *out = v;
    return ARS_OK;
}
