/* error.h - internal helpers to fill the caller's ars_error where an error starts, so callers only
 * forward the status. Part of summarize/common, linked by every stage and by summarize/cli. */
#ifndef ARS_COMMON_ERROR_H
#define ARS_COMMON_ERROR_H

#include "summarize/summarize.h"

/* Sets err->status and a printf-style message (truncated to fit; control characters replaced, see
 * error_printable) when err is not NULL; returns status so callers can write
 * `return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));`. */
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

/* Replaces the control characters of the NUL-terminated s in place: every C0 control, DEL, and
 * the C1 controls (U+0080-U+009F, two bytes in UTF-8: both) by '?'. A message names files and
 * quotes input, and a terminal must not take any of it for a command (an escape sequence in a
 * file name or a JSON line would otherwise reach it). */
void error_printable(char *s);

#endif
