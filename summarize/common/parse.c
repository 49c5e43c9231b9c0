/* parse.c - strict numeric option parsing for the command-line programs (see parse.h). */
#include "summarize/common/parse.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

int parse_size(const char *s, size_t *out) {
    if (!s || *s < '0' || *s > '9') return -1; /* strtoull would accept "-1" and " 1" */
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end != '\0' || v > SIZE_MAX) return -1;
    *out = (size_t)v;
    return 0;
}

int parse_double(const char *s, double lo, double hi, double *out) {
    if (!s || !*s) return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end != '\0' || !(v >= lo && v <= hi)) return -1; /* also rejects NaN */
    *out = v;
    return 0;
}
