/* read.h - pipeline stage 1: getting document bytes in and checking they are text.
 * Validates UTF-8 (reporting the byte offset), skips a BOM, rejects NUL bytes (binary input).
 * The bytes themselves are never rewritten, so later byte offsets point into the original file. */
#ifndef ARS_TEXT_READ_H
#define ARS_TEXT_READ_H

#include <stddef.h>
#include "summarize/summarize.h"

/* Checks that buf[0..len) is UTF-8 text. On success sets *body_start to 3 when it starts with a
 * UTF-8 BOM (EF BB BF), else 0, and returns ARS_OK. Otherwise returns ARS_EUTF8 with the message
 * "NAME: byte N: invalid UTF-8" (N = 0-based offset of the first bad byte; overlong forms,
 * surrogates and code points past U+10FFFF are invalid; a truncated sequence at the end is invalid)
 * or "NAME: byte N: NUL byte (binary file?)". CR bytes are accepted (CRLF text). */
ars_status read_validate(const char *name, const char *buf, size_t len, size_t *body_start,
                         ars_error *err);

/* Reads a whole file, or standard input when path is "-", into a malloc'd buffer (*out, length
 * *out_len, plus a NUL terminator not counted). Fails with ARS_EIO "PATH: <strerror>" (a directory
 * is an error too), or ARS_ELIMIT "PATH: larger than N bytes" past max_bytes (0 = no limit). */
ars_status read_file(const char *path, size_t max_bytes, char **out, size_t *out_len,
                     ars_error *err);

#endif
