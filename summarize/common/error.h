/* error.h - internal helpers to fill the caller's ars_error where an error starts, so callers only
 * forward the status. Part of summarize/common, linked by every stage and by summarize/cli. */
#ifndef ARS_COMMON_ERROR_H
#define ARS_COMMON_ERROR_H

#include "summarize/summarize.h"

/* Sets err->status and a printf-style message (truncated to fit) when err is not NULL; returns
 * status so callers can write `return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));`. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
ars_status
error_set(ars_error *err, ars_status status, const char *fmt, ...);

/* The message of a failure whose unit returned a bare status, written at the stage boundary that
 * knows the place: "PLACE: <ars_status_str(status)>" with PLACE printf-formatted. Same NULL rule
 * and return as error_set. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
ars_status
error_at(ars_error *err, ars_status status, const char *place_fmt, ...);

#endif
