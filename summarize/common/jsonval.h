/* jsonval.h - the jansson values both programs' JSON writers need beyond jansson itself: a string
 * of bytes that may not be UTF-8 (file and folder names) and a number that may not be finite, each
 * NULL only when out of memory (jansson returns NULL for both refusals too, which would read as
 * out of memory). Part of summarize/common: the library's output.c and eval's report.c use it
 * (eval compiles it in, as it does utf8.c). */
#ifndef ARS_COMMON_JSONVAL_H
#define ARS_COMMON_JSONVAL_H

#include <jansson.h>

/* A JSON string of s (NUL-terminated): as it is when it is UTF-8, else with U+FFFD for each byte
 * that starts no valid sequence. NULL when out of memory. */
json_t *jsonval_string(const char *s);

/* A JSON number, or null when v is NaN or infinite. NULL when out of memory. */
json_t *jsonval_real(double v);

#endif
