/* error.c - status strings and the error-detail helper shared by all stages. */
#include "summarize/common/error.h"

#include <stdarg.h>
#include <stdio.h>

ARS_API const char *ars_status_str(ars_status status) {
    switch (status) {
    case ARS_OK:
        return "success";
    case ARS_ENOMEM:
        return "out of memory";
    case ARS_EIO:
        return "input/output error";
    case ARS_EUTF8:
        return "invalid UTF-8 text";
    case ARS_EMODEL:
        return "linguistic resource missing or unusable";
    case ARS_EARG:
        return "bad argument";
    case ARS_EEMPTY:
        return "no usable sentence in the input";
    case ARS_ELIMIT:
        return "resource limit exceeded";
    case ARS_EINTERNAL:
        return "internal error";
    }
    return "unknown status";
}

ars_status error_set(ars_error *err, ars_status status, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->status = status;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
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
