/* read.c - pipeline stage 1: reading document bytes (file or stdin) and checking they are UTF-8
 * text before anything else looks at them (public: ars_file_read, ars_text_check,
 * ars_text_is_blank; the summarizer calls the same functions). The validator (common/utf8.c) is
 * hand-written so the message can name the exact byte offset; the bytes are never rewritten, so
 * later byte offsets point into the original file. */
#include "summarize/summarize.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/error.h"
#include "summarize/common/fileread.h"
#include "summarize/common/utf8.h"

ARS_API ars_status ars_text_check(const char *name, const char *buf, size_t len, size_t *body_start,
                                  ars_error *err) {
    if (!name || (!buf && len)) return error_set(err, ARS_EARG, "ars_text_check: NULL argument");
    const unsigned char *p = (const unsigned char *)buf;
    size_t start = 0;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) start = 3;
    /* buf may be NULL when len is 0, and NULL + 0 is undefined in C. */
    size_t bad = len > start ? start + utf8_scan(p + start, len - start, 1) : len;
    if (bad < len) {
        if (p[bad] == 0)
            return error_set(err, ARS_EUTF8, "%s: byte %zu: NUL byte (binary file?)", name, bad);
        /* The reported offset is the first byte of the sequence that cannot be decoded: that byte
         * cannot begin a character, so it is the first bad one (as Python's decoder reports). */
        return error_set(err, ARS_EUTF8, "%s: byte %zu: invalid UTF-8", name, bad);
    }
    if (body_start) *body_start = start;
    return ARS_OK;
}

ARS_API ars_status ars_file_read(const char *path, size_t max_bytes, char **out, size_t *out_len,
                                 ars_error *err) {
    if (!path || !out || !out_len) return error_set(err, ARS_EARG, "ars_file_read: NULL argument");
    *out = NULL;
    *out_len = 0;
    char *buf = NULL;
    size_t cap = 0;
    ars_status st = fileread_at(AT_FDCWD, path, path, max_bytes, &buf, &cap, out_len, NULL, err);
    if (st != ARS_OK) {
        free(buf);
        *out_len = 0;
        return st;
    }
    *out = buf;
    return ARS_OK;
}

ARS_API int ars_text_is_blank(const char *bytes, size_t len) {
    size_t i = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (; i < len; i++) {
        char c = bytes[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return 0;
    }
    return 1;
}

ARS_API void ars_free(void *p) {
    free(p);
}
