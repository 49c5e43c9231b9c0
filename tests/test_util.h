/* test_util.h - small helpers shared by the cmocka unit tests: double comparison with a tolerance
 * (cmocka 1.1.5's float assert casts to float), reading fixture files, locating test data, and
 * exact-size copies of generated text. */
#ifndef ARS_TEST_UTIL_H
#define ARS_TEST_UTIL_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Fails the test when |a-b| > tol, printing both values. */
#define assert_double_near(a, b, tol)                                                              \
    test_util_double_near((double)(a), (double)(b), (double)(tol), #a, __FILE__, __LINE__)

static inline void test_util_double_near(double a, double b, double tol, const char *expr,
                                         const char *file, int line) {
    if (!(fabs(a - b) <= tol)) {
        print_error("%s = %.9g, expected %.9g (tolerance %g)\n", expr, a, b, tol);
        _fail(file, line);
    }
}

/* The next value of a 64-bit linear congruential generator (Knuth's MMIX constants): the generated
 * texts of the differential tests are the same on every run. Use the high bits. */
static inline uint64_t test_util_next(uint64_t *state) {
    *state = *state * 6364136223846793005u + 1442695040888963407u;
    return *state;
}

/* The first len bytes of text in a malloc'd block of exactly that size (one byte when len is 0;
 * caller frees), for the differential tests of the scans that read blocks of bytes: a read past
 * the end they are given is then an error under the sanitizers. */
static inline char *test_util_exact_copy(const char *text, size_t len) {
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    if (len) memcpy(p, text, len);
    return p;
}

/* Path of a file under the source tree (ARS_SOURCE_DIR) or under ../shared beside it.
 * Returns a static buffer: copy it before the next call. */
static inline const char *test_util_source_path(const char *rel) {
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", ARS_SOURCE_DIR, rel);
    return buf;
}
static inline const char *test_util_shared_path(const char *rel) {
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/../shared/%s", ARS_SOURCE_DIR, rel);
    return buf;
}

/* Writes len bytes to the file path (created or emptied), failing the test when it cannot. */
static inline void test_util_write_file(const char *path, const void *bytes, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Reads a whole file into a NUL-terminated malloc'd buffer (caller frees); NULL on failure. */
static inline char *test_util_read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    for (;;) {
        if (len + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (got == 0) break;
    }
    fclose(f);
    buf[len] = '\0';
    if (len_out) *len_out = len;
    return buf;
}

#endif
