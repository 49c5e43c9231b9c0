/* test_hugemem.c - unit tests of vectors/hugemem.c: blocks of every kind of size come back zeroed,
 * aligned and writable to their last byte; large ones start on a huge page where they are mapped;
 * sizes that cannot be had give NULL; NULL frees. */
#include "test_util.h"

#include <stdint.h>

#include "vectors/hugemem.h"

/* Every byte of p[0..n) is zero, then written and read back. */
static void check_block(unsigned char *p, size_t n) {
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 64, 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(p[i], 0);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7 + 1);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(p[i], (unsigned char)(i * 7 + 1));
}

static void test_hugemem_blocks_are_zeroed_aligned_and_whole(void **state) {
    (void)state;
    const size_t sizes[] = {1,
                            63,
                            64,
                            65,
                            4096,
                            HUGEMEM_MIN_BYTES - 1,
                            HUGEMEM_MIN_BYTES,
                            HUGEMEM_MIN_BYTES + 1,
                            3 * HUGEMEM_MIN_BYTES + 12345};
    for (int round = 0; round < 2; round++) /* the second round reuses what the first freed */
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            unsigned char *p = hugemem_zalloc(sizes[k]);
            check_block(p, sizes[k]);
#if defined(__linux__)
            if (sizes[k] >= HUGEMEM_MIN_BYTES)
                assert_int_equal((uintptr_t)p % HUGEMEM_MIN_BYTES, 0);
#endif
            hugemem_free(p, sizes[k]);
        }
}

static void test_hugemem_zero_bytes_is_a_block(void **state) {
    (void)state;
    unsigned char *p = hugemem_zalloc(0);
    assert_non_null(p);
    hugemem_free(p, 0);
}

static void test_hugemem_refuses_what_cannot_be_had(void **state) {
    (void)state;
    assert_null(hugemem_zalloc(SIZE_MAX));
    assert_null(hugemem_zalloc(SIZE_MAX - 63));
    assert_null(hugemem_zalloc(SIZE_MAX / 2));
    hugemem_free(NULL, 0);
    hugemem_free(NULL, HUGEMEM_MIN_BYTES);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hugemem_blocks_are_zeroed_aligned_and_whole),
        cmocka_unit_test(test_hugemem_zero_bytes_is_a_block),
        cmocka_unit_test(test_hugemem_refuses_what_cannot_be_had),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
