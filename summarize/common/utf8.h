/* utf8.h - the one UTF-8 decoder of the library's own text checks (read.c validates input with it)
 * and a lossy copy for strings that must be UTF-8 where they are written (JSON file names). Part of
 * summarize/common, linked by the library and by summarize/cli for both programs. */
#ifndef ARS_COMMON_UTF8_H
#define ARS_COMMON_UTF8_H

#include <stddef.h>

/* Length (1-4) of the well-formed UTF-8 sequence at buf[i] (i < len), or 0 when the sequence that
 * starts there is invalid: a stray continuation byte, C0/C1/F5..FF, a continuation missing or cut
 * off by the end of the buffer, an overlong form, a surrogate, or a code point past U+10FFFF.
 * NUL is a valid one-byte sequence here (read.c rejects it separately). */
size_t utf8_sequence(const unsigned char *buf, size_t len, size_t i);

/* The offset of the first byte of buf[0..len) where no well-formed sequence starts (as
 * utf8_sequence judges), or of the first NUL byte when stop_at_nul; len when there is none. Reads
 * a block of bytes at a time where the text is ASCII and two-byte sequences (32 with SSE2 where
 * the compiler targets it, else 16 with portable SWAR). */
size_t utf8_scan(const unsigned char *buf, size_t len, int stop_at_nul);

/* utf8_scan with its portable fast path (SWAR), which utf8_scan itself uses where SSE2 is not
 * available: for the tests, which hold both to the definition. */
size_t utf8_scan_portable(const unsigned char *buf, size_t len, int stop_at_nul);

/* 1 when s[0..len) is well-formed UTF-8 (NUL bytes allowed), else 0. */
int utf8_valid(const char *s, size_t len);

/* A NUL-terminated malloc'd copy of s[0..len) in which every byte that does not start a valid
 * sequence is replaced by U+FFFD, so the copy is valid UTF-8 (a JSON string needs that; a file
 * name need not be). *out_len (may be NULL) gets its length. Returns NULL when out of memory. */
char *utf8_lossy_copy(const char *s, size_t len, size_t *out_len);

#endif
