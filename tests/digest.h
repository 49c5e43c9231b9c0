/* digest.h - an FNV-1a digest of a sequence of byte strings, for tests that compare what two runs
 * gave without keeping it (the articles a sink was handed, in order). A separator follows each
 * string, so ("ab", "c") and ("a", "bc") differ. Header-only: the unit tests and the fuzz targets
 * include it. */
#ifndef ARS_TESTS_DIGEST_H
#define ARS_TESTS_DIGEST_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t hash;
    size_t n; /* the caller's count of items (what it added strings for) */
} test_digest;

#define TEST_DIGEST_INIT                                                                           \
    { 14695981039346656037u, 0 }

static inline void test_digest_add(test_digest *d, const void *p, size_t len) {
    const unsigned char *b = p;
    for (size_t k = 0; k < len; k++)
        d->hash = (d->hash ^ b[k]) * 1099511628211u;
    d->hash = (d->hash ^ 0x100) * 1099511628211u; /* the separator: no byte value */
}

#endif
