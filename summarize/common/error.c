/* error.c - the helpers that write an ars_error where a failure's detail is known (error_set) or
 * where a stage boundary names the place (error_at). Linked into the library, and into the
 * programs' CLI-side unit, which reports through ars_error too (the shared library does not export
 * these helpers). */
#include "summarize/common/error.h"

#include <stdarg.h>
#include <stdio.h>

ars_status error_set(ars_error *err, ars_status status, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->status = status;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        error_printable(err->message);
    }
    return status;
}

void error_printable(char *s) {
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F) {
            *p = '?';
        } else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            p[0] = p[1] = '?';
            p++;
        }
    }
}

ars_status error_at(ars_error *err, ars_status status, const char *place_fmt, ...) {
    if (err) {
        char place[sizeof err->message];
        va_list ap;
        va_start(ap, place_fmt);
        vsnprintf(place, sizeof place, place_fmt, ap);
        va_end(ap);
        error_set(err, status, "%s: %s", place, ars_status_str(status));
    }
    return status;
}
