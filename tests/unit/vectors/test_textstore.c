/* test_textstore.c - unit tests of vectors/textstore.c: copies keep their bytes and a NUL after
 * them while many more are made (across block ends, in blocks of their own, in huge-page blocks);
 * blocks grow from the first size to the largest; impossible sizes give NULL; freeing empties the
 * store for reuse. ASan and valgrind runs see every block given back. */
#include "test_util.h"

#include <stdint.h>
#include <string.h>

#include "vectors/textstore.h"

/* Text k of a run: its length from the generator, its bytes from k. */
static size_t text_len(uint64_t *rng) {
    uint64_t r = test_util_next(rng);
    /* Mostly article-sized, now and then one larger than a quarter of a block. */
    return r % 64 == 0 ? (size_t)(r >> 8) % (3 * TEXTSTORE_FIRST_BLOCK) : (size_t)(r >> 8) % 9000;
}

static void fill(char *p, size_t len, size_t k) {
    for (size_t i = 0; i < len; i++)
        p[i] = (char)('a' + (i + k) % 26);
}

static void test_textstore_copies_keep_their_bytes(void **state) {
    (void)state;
    enum { N = 4000 }; /* about 18 MB: past the largest block size */
    static char *copies[N];
    static size_t lens[N];
    textstore ts = {0};
    uint64_t rng = 12345;
    char *src = malloc(3 * TEXTSTORE_FIRST_BLOCK);
    assert_non_null(src);
    for (int round = 0; round < 2; round++) { /* the second after a free */
        for (size_t k = 0; k < N; k++) {
            lens[k] = text_len(&rng);
            fill(src, lens[k], k);
            copies[k] = textstore_copy(&ts, src, lens[k]);
            assert_non_null(copies[k]);
        }
        for (size_t k = 0; k < N; k++) {
            fill(src, lens[k], k);
            if (lens[k]) assert_memory_equal(copies[k], src, lens[k]);
            assert_int_equal(copies[k][lens[k]], '\0');
        }
        assert_int_equal(ts.next, TEXTSTORE_MAX_BLOCK);
        textstore_free(&ts);
        assert_null(ts.blocks);
        assert_int_equal(ts.left, 0);
    }
    free(src);
}

static void test_textstore_allocations_do_not_overlap(void **state) {
    (void)state;
    textstore ts = {0};
    /* Ends that fall on a block's last byte, a request the block cannot take, and one of its own
     * between two that fill the same block. */
    const size_t sizes[] = {1,
                            TEXTSTORE_FIRST_BLOCK / 4,
                            TEXTSTORE_FIRST_BLOCK / 4 + 1,
                            7,
                            TEXTSTORE_FIRST_BLOCK,
                            3,
                            TEXTSTORE_FIRST_BLOCK / 2,
                            100000,
                            5};
    enum { K = sizeof sizes / sizeof sizes[0] };
    char *p[K];
    for (size_t k = 0; k < K; k++) {
        p[k] = textstore_alloc(&ts, sizes[k]);
        assert_non_null(p[k]);
        memset(p[k], (int)k + 1, sizes[k]);
    }
    for (size_t k = 0; k < K; k++)
        for (size_t i = 0; i < sizes[k]; i++)
            assert_int_equal(p[k][i], (char)(k + 1));
    textstore_free(&ts);
}

static void test_textstore_refuses_what_cannot_be_had(void **state) {
    (void)state;
    textstore ts = {0};
    assert_null(textstore_alloc(&ts, 0));
    assert_null(textstore_alloc(&ts, SIZE_MAX));
    assert_null(textstore_alloc(&ts, SIZE_MAX / 2));
    assert_null(textstore_copy(&ts, "x", SIZE_MAX));
    char *e = textstore_copy(&ts, "", 0);
    assert_non_null(e);
    assert_int_equal(e[0], '\0');
    textstore_free(&ts);
    textstore_free(&ts); /* an empty store frees too */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textstore_copies_keep_their_bytes),
        cmocka_unit_test(test_textstore_allocations_do_not_overlap),
        cmocka_unit_test(test_textstore_refuses_what_cannot_be_had),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
