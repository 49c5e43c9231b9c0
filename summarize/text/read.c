/* read.c - pipeline stage 1: reading document bytes (file or stdin) and checking they are UTF-8
 * text before anything else looks at them (public: ars_file_read, ars_text_check,
 * ars_text_is_blank; the summarizer calls the same functions). The validator (common/utf8.c) is
 * hand-written so the message can name the exact byte offset; the bytes are never rewritten, so
 * later byte offsets point into the original file. */
#include "summarize/summarize.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/common/error.h"
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

/* Reads fd to its end into a growing buffer. `hint` (the file size when known) sizes the first
 * allocation so a regular file is read without reallocating: its bytes, one more for the read
 * that finds the end, and the terminator. */
static ars_status read_fd(int fd, const char *path, size_t max_bytes, size_t hint, char **out,
                          size_t *out_len, ars_error *err) {
    size_t cap = hint ? hint + 2 : 4096;
    if (max_bytes && max_bytes < SIZE_MAX - 2 && cap > max_bytes + 2) cap = max_bytes + 2;
    size_t len = 0;
    char *buf = malloc(cap);
    if (!buf) return error_set(err, ARS_ENOMEM, "%s: out of memory", path);
    for (;;) {
        if (len + 1 >= cap) {
            /* Keep one byte free for the terminator; growth doubles so reading is linear. */
            if (cap > SIZE_MAX / 2) {
                free(buf);
                return error_set(err, ARS_ELIMIT, "%s: file too large", path);
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return error_set(err, ARS_ENOMEM, "%s: out of memory", path);
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + len, cap - len - 1);
        if (got < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            free(buf);
            return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));
        }
        if (got == 0) break;
        len += (size_t)got;
        /* A regular file has given the size fstat saw, and the read that got there asked for a
         * byte more: a file's read comes up short only at its end, so the read() that would
         * return 0 is spared (a system call per file). A file that grew is read on. */
        if (hint && len == hint) break;
        /* Checked while reading, so an endless stdin stops at the limit instead of eating memory.
         */
        if (max_bytes && len > max_bytes) {
            free(buf);
            return error_set(err, ARS_ELIMIT, "%s: larger than %zu bytes", path, max_bytes);
        }
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return ARS_OK;
}

ARS_API ars_status ars_file_read(const char *path, size_t max_bytes, char **out, size_t *out_len,
                                 ars_error *err) {
    if (!path || !out || !out_len) return error_set(err, ARS_EARG, "ars_file_read: NULL argument");
    *out = NULL;
    *out_len = 0;
    if (strcmp(path, "-") == 0) return read_fd(STDIN_FILENO, path, max_bytes, 0, out, out_len, err);

    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        int e = errno;
        return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));
    }
    /* open() succeeds on a directory and read() then fails with EISDIR; say so up front. */
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return error_set(err, ARS_EIO, "%s: %s", path, strerror(EISDIR));
    }
    size_t hint = 0;
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        if (max_bytes && (uintmax_t)st.st_size > (uintmax_t)max_bytes) {
            close(fd);
            return error_set(err, ARS_ELIMIT, "%s: larger than %zu bytes", path, max_bytes);
        }
        if ((uintmax_t)st.st_size < (uintmax_t)SIZE_MAX / 2) hint = (size_t)st.st_size;
    }
    ars_status st_read = read_fd(fd, path, max_bytes, hint, out, out_len, err);
    close(fd);
    return st_read;
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
