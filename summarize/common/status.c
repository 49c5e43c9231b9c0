/* status.c - ars_status_str(): the words for each status, public. Part of summarize/common (the
 * CLI-side unit links the library's copy, unlike error.c which it compiles in). */
#include "summarize/summarize.h"

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
