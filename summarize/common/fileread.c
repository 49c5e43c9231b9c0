/* fileread.c - a whole file into a reusable buffer (see fileread.h). */
#include "summarize/common/fileread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/common/error.h"

/* Makes room for need bytes in *buf (what it holds is kept). */
static ars_status fileread_room(char **buf, size_t *cap, size_t need, const char *path,
                                ars_error *err) {
    if (need <= *cap) return ARS_OK;
    char *nb = realloc(*buf, need);
    if (!nb) return error_set(err, ARS_ENOMEM, "%s: out of memory", path);
    *buf = nb;
    *cap = need;
    return ARS_OK;
}

/* Reads fd to its end into *buf. `hint` (the file size when known) sizes the buffer so a regular
 * file is read without growing it: its bytes, one more for the read that finds the end, and the
 * terminator. */
static ars_status fileread_fd(int fd, const char *path, size_t max_bytes, size_t hint, char **buf,
                              size_t *cap, size_t *out_len, ars_error *err) {
    size_t want = hint ? hint + 2 : 4096;
    if (max_bytes && max_bytes < SIZE_MAX - 2 && want > max_bytes + 2) want = max_bytes + 2;
    ars_status st = fileread_room(buf, cap, want, path, err);
    if (st != ARS_OK) return st;
    size_t len = 0;
    for (;;) {
        if (len + 1 >= *cap) {
            /* Keep one byte free for the terminator; growth doubles so reading is linear. */
            if (*cap > SIZE_MAX / 2) return error_set(err, ARS_ELIMIT, "%s: file too large", path);
            st = fileread_room(buf, cap, *cap * 2, path, err);
            if (st != ARS_OK) return st;
        }
        ssize_t got = read(fd, *buf + len, *cap - len - 1);
        if (got < 0) {
            if (errno == EINTR) continue;
            return error_set(err, ARS_EIO, "%s: %s", path, strerror(errno));
        }
        if (got == 0) break;
        len += (size_t)got;
        /* A regular file has given the size fstat saw, and the read that got there asked for a
         * byte more: a file's read comes up short only at its end, so the read() that would
         * return 0 is spared (a system call per file). A file that grew is read on. */
        if (hint && len == hint) break;
        /* Checked while reading, so an endless stdin stops at the limit instead of eating memory.
         */
        if (max_bytes && len > max_bytes)
            return error_set(err, ARS_ELIMIT, "%s: larger than %zu bytes", path, max_bytes);
    }
    (*buf)[len] = '\0';
    *out_len = len;
    return ARS_OK;
}

ars_status fileread_at(int dirfd, const char *name, const char *path, size_t max_bytes, char **buf,
                       size_t *cap, size_t *len, int *is_dir, ars_error *err) {
    *len = 0;
    if (is_dir) *is_dir = 0;
    if (strcmp(name, "-") == 0)
        return fileread_fd(STDIN_FILENO, path, max_bytes, 0, buf, cap, len, err);
    int fd = openat(dirfd, name, O_RDONLY);
    if (fd < 0) return error_set(err, ARS_EIO, "%s: %s", path, strerror(errno));
    struct stat sb;
    ars_status st = ARS_OK;
    size_t hint = 0;
    if (fstat(fd, &sb) != 0) {
        st = error_set(err, ARS_EIO, "%s: %s", path, strerror(errno));
    } else if (S_ISDIR(sb.st_mode)) {
        /* open() succeeds on a folder and read() then fails with EISDIR; said up front. */
        if (is_dir) *is_dir = 1;
        st = error_set(err, ARS_EIO, "%s: %s", path, strerror(EISDIR));
    } else if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
        if (max_bytes && (uintmax_t)sb.st_size > (uintmax_t)max_bytes)
            st = error_set(err, ARS_ELIMIT, "%s: larger than %zu bytes", path, max_bytes);
        else if ((uintmax_t)sb.st_size < (uintmax_t)SIZE_MAX / 2)
            hint = (size_t)sb.st_size;
    }
    if (st == ARS_OK) st = fileread_fd(fd, path, max_bytes, hint, buf, cap, len, err);
    close(fd);
    return st;
}
