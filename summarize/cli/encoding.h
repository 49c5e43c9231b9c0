/* encoding.h - legacy encodings of input files: telling Windows-1256 (and ISO-8859-6, UTF-16)
 * Arabic from damaged UTF-8, and converting to UTF-8 through iconv(3). Legacy Arabic archives are
 * often Windows-1256; `summarize --encoding` and the hint of an invalid-UTF-8 warning use this.
 * Part of the CLI-side unit summarize/cli: the library itself reads UTF-8 only. */
#ifndef ARS_CLI_ENCODING_H
#define ARS_CLI_ENCODING_H

#include <stddef.h>

#include "summarize/summarize.h" /* ars_status, ars_error */

/* The legacy encoding bytes[0..len) most likely is, as an iconv name: "UTF-16LE" or "UTF-16BE"
 * (a byte-order mark), "CP1256" or "ISO-8859-6" (Arabic letters in the high half, told apart by
 * how each writes the article "ال"), or NULL when the bytes do not look like Arabic text in any
 * of them. Meant for bytes that are not valid UTF-8. */
const char *encoding_guess(const char *bytes, size_t len);

/* A readable name of an iconv encoding name for messages ("Windows-1256" for CP1256). */
const char *encoding_label(const char *iconv_name);

/* Converts bytes[0..len) from `from` (an iconv name) to UTF-8: *out (malloc'd, NUL-terminated,
 * *out_len bytes without the NUL). Returns ARS_OK; ARS_EARG "unknown encoding NAME" when iconv
 * does not know it; ARS_EUTF8 "NAME: byte N: not valid FROM" when a byte sequence has no meaning
 * in it; ARS_ENOMEM. name names the input in messages. */
ars_status encoding_to_utf8(const char *name, const char *from, const char *bytes, size_t len,
                            char **out, size_t *out_len, ars_error *err);

#endif
