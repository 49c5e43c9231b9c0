/* test_vocab.c - unit tests of vectors/vocab.c: dense stable ids, byte-exact identity (embedded
 * NULs, empty strings), pointers that survive growth, lookup without insertion. */
#include "test_util.h"

#include "vectors/vocab.h"

/* Writes the decimal digits of x into buf (no NUL); returns the length. */
static size_t decimal(char *buf, size_t x) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + x % 10);
        x /= 10;
    } while (x);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

static uint32_t intern_ok(vocab *v, const char *s, size_t len) {
    uint32_t id = UINT32_MAX;
    assert_int_equal(vocab_intern(v, s, len, &id), ARS_OK);
    return id;
}

static void test_vocab_new_is_empty(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    assert_int_equal(vocab_size(v), 0);
    uint32_t id = 7;
    assert_int_equal(vocab_find(v, "x", 1, &id), 0);
    assert_int_equal(id, 7);
    vocab_free(v);
}

static void test_vocab_assigns_dense_ids_in_order_of_first_appearance(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    assert_int_equal(intern_ok(v, "kitab", 5), 0);
    assert_int_equal(intern_ok(v, "qalam", 5), 1);
    assert_int_equal(intern_ok(v, "kitab", 5), 0);
    assert_int_equal(intern_ok(v, "bayt", 4), 2);
    assert_int_equal(vocab_size(v), 3);
    size_t len = 0;
    assert_string_equal(vocab_term(v, 0, &len), "kitab");
    assert_int_equal(len, 5);
    assert_string_equal(vocab_term(v, 1, NULL), "qalam");
    assert_string_equal(vocab_term(v, 2, &len), "bayt");
    assert_int_equal(len, 4);
    vocab_free(v);
}

static void test_vocab_returns_same_id_for_same_bytes(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    /* Same bytes at different addresses, one of them not NUL-terminated after the term. */
    char a[] = "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8"; /* UTF-8 bytes of an Arabic word */
    char b[] = "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8XYZ";
    uint32_t ida = intern_ok(v, a, 8);
    uint32_t idb = intern_ok(v, b, 8);
    assert_int_equal(ida, idb);
    assert_int_equal(vocab_size(v), 1);
    /* A prefix and an extension are different terms. */
    assert_int_not_equal(intern_ok(v, b, 7), ida);
    assert_int_not_equal(intern_ok(v, b, 9), ida);
    assert_int_equal(vocab_size(v), 3);
    vocab_free(v);
}

static void test_vocab_copies_bytes_so_caller_buffer_may_change(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    char buf[] = "word";
    uint32_t id = intern_ok(v, buf, 4);
    buf[0] = 'c';
    assert_string_equal(vocab_term(v, id, NULL), "word");
    assert_int_equal(vocab_find(v, "word", 4, &id), 1);
    assert_int_equal(vocab_find(v, buf, 4, &id), 0);
    vocab_free(v);
}

static void test_vocab_treats_embedded_nul_as_ordinary_byte(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    uint32_t a = intern_ok(v, "a\0b", 3);
    uint32_t b = intern_ok(v, "a\0c", 3);
    uint32_t c = intern_ok(v, "a", 1);
    uint32_t d = intern_ok(v, "a\0", 2);
    assert_int_equal(vocab_size(v), 4);
    assert_int_not_equal(a, b);
    assert_int_not_equal(a, c);
    assert_int_not_equal(c, d);
    assert_int_equal(intern_ok(v, "a\0b", 3), a);
    size_t len = 0;
    const char *t = vocab_term(v, a, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(t, "a\0b", 4); /* includes the terminating NUL */
    t = vocab_term(v, d, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(t, "a\0", 3);
    vocab_free(v);
}

static void test_vocab_interns_zero_length_string_once(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    uint32_t x = intern_ok(v, "abc", 0);
    uint32_t y = intern_ok(v, NULL, 0);
    uint32_t z = intern_ok(v, "", 0);
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
    assert_int_equal(z, 0);
    assert_int_equal(vocab_size(v), 1);
    size_t len = 99;
    const char *t = vocab_term(v, 0, &len);
    assert_non_null(t);
    assert_int_equal(len, 0);
    assert_int_equal(t[0], '\0');
    uint32_t id = 42;
    assert_int_equal(vocab_find(v, NULL, 0, &id), 1);
    assert_int_equal(id, 0);
    vocab_free(v);
}

static void test_vocab_find_does_not_add(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    intern_ok(v, "one", 3);
    intern_ok(v, "two", 3);
    uint32_t id = 99;
    assert_int_equal(vocab_find(v, "two", 3, &id), 1);
    assert_int_equal(id, 1);
    assert_int_equal(vocab_find(v, "three", 5, &id), 0);
    assert_int_equal(vocab_find(v, "tw", 2, &id), 0);
    assert_int_equal(vocab_size(v), 2);
    assert_int_equal(intern_ok(v, "three", 5), 2);
    assert_int_equal(vocab_find(v, "three", 5, &id), 1);
    assert_int_equal(id, 2);
    vocab_free(v);
}

enum { MANY = 100000 };

static void test_vocab_term_pointers_stay_valid_after_growth(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    const char **ptrs = malloc(MANY * sizeof *ptrs);
    assert_non_null(ptrs);
    char buf[32] = "t";
    for (size_t i = 0; i < MANY; i++) {
        size_t len = 1 + decimal(buf + 1, i);
        assert_int_equal(intern_ok(v, buf, len), i);
        ptrs[i] = vocab_term(v, (uint32_t)i, NULL);
    }
    assert_int_equal(vocab_size(v), MANY);
    for (size_t i = 0; i < MANY; i++) {
        size_t len = 1 + decimal(buf + 1, i);
        buf[len] = '\0';
        size_t got_len = 0;
        const char *t = vocab_term(v, (uint32_t)i, &got_len);
        assert_ptr_equal(t, ptrs[i]);
        assert_int_equal(got_len, len);
        assert_string_equal(t, buf);
        uint32_t id = UINT32_MAX;
        assert_int_equal(vocab_find(v, buf, len, &id), 1);
        assert_int_equal(id, i);
        /* Re-interning an old term neither adds it nor changes its id. */
        if (i % 997 == 0) assert_int_equal(intern_ok(v, buf, len), i);
    }
    assert_int_equal(vocab_size(v), MANY);
    free(ptrs);
    vocab_free(v);
}

static void test_vocab_keeps_terms_longer_than_a_pool_chunk(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_non_null(v);
    size_t big_len = 300 * 1024;
    char *big = malloc(big_len);
    assert_non_null(big);
    for (size_t i = 0; i < big_len; i++)
        big[i] = (char)('a' + i % 26);
    uint32_t s0 = intern_ok(v, "before", 6);
    const char *p0 = vocab_term(v, s0, NULL);
    uint32_t b = intern_ok(v, big, big_len);
    uint32_t s1 = intern_ok(v, "after", 5);
    big[0] = 'Z'; /* a different long term of the same length */
    uint32_t b2 = intern_ok(v, big, big_len);
    assert_int_not_equal(b, b2);
    big[0] = 'a';
    assert_int_equal(intern_ok(v, big, big_len), b);
    size_t len = 0;
    const char *t = vocab_term(v, b, &len);
    assert_int_equal(len, big_len);
    assert_memory_equal(t, big, big_len);
    assert_int_equal(t[big_len], '\0');
    assert_ptr_equal(vocab_term(v, s0, NULL), p0);
    assert_string_equal(vocab_term(v, s0, NULL), "before");
    assert_string_equal(vocab_term(v, s1, NULL), "after");
    assert_int_equal(vocab_size(v), 4);
    free(big);
    vocab_free(v);
}

static void test_vocab_free_accepts_null(void **state) {
    (void)state;
    vocab_free(NULL);
}

/* A slot keeps a term's first 24 bytes: terms that share them and differ after, or differ only
 * in length around 24 bytes, or hold NUL bytes, are all told apart, through table growth too. */
static void test_vocab_tells_apart_terms_sharing_their_first_bytes(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    char buf[64];
    uint32_t ids[40 * 3];
    size_t k = 0;
    for (size_t len = 14; len < 54; len++)
        for (char last = 'a'; last <= 'c'; last++) {
            memset(buf, 'x', sizeof buf);
            buf[5] = '\0';
            buf[len - 1] = last;
            assert_int_equal(vocab_intern(v, buf, len, &ids[k]), ARS_OK);
            assert_int_equal(ids[k], k);
            k++;
        }
    k = 0;
    for (size_t len = 14; len < 54; len++)
        for (char last = 'a'; last <= 'c'; last++) {
            memset(buf, 'x', sizeof buf);
            buf[5] = '\0';
            buf[len - 1] = last;
            uint32_t id;
            assert_true(vocab_find(v, buf, len, &id));
            assert_int_equal(id, ids[k++]);
        }
    assert_int_equal(vocab_size(v), 120);
    vocab_free(v);
}

/* Terms are read in words of up to eight bytes with overlapping loads: a term of any length up to
 * 40 bytes that differs from another in one byte only, wherever, gets an id of its own. */
static void test_vocab_tells_apart_terms_differing_in_any_one_byte(void **state) {
    (void)state;
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    char buf[40];
    uint32_t id, next = 0;
    for (int pass = 0; pass < 2; pass++) {
        next = 0;
        for (size_t len = 0; len <= sizeof buf; len++)
            for (size_t p = 0; p <= len; p++) { /* p == len: no byte changed */
                memset(buf, 'x', sizeof buf);
                if (p < len) buf[p] = 'y';
                if (pass == 0) {
                    assert_int_equal(vocab_intern(v, buf, len, &id), ARS_OK);
                } else {
                    assert_true(vocab_find(v, buf, len, &id));
                }
                assert_int_equal(id, next);
                next++;
            }
    }
    assert_int_equal(vocab_size(v), next);
    vocab_free(v);
}

/* vocab_key_of_padded loads whole words and masks what is past the term: it gives the key
 * vocab_key_of builds byte by byte, for every length to past three words and any bytes (the
 * padding after the term is garbage, not zeros); look-ups by key, hits and misses, give the ids
 * vocab_intern gives. */
static void test_vocab_padded_key_is_the_key(void **state) {
    (void)state;
    vocab *v = NULL, *w = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_int_equal(vocab_new(&w), ARS_OK);
    uint64_t rng = 7;
    char buf[48 + VOCAB_KEY_HEAD];
    for (int round = 0; round < 200; round++)
        for (size_t len = 0; len <= 48; len++) {
            for (size_t i = 0; i < sizeof buf; i++)
                buf[i] = (char)(test_util_next(&rng) >> 56);
            if (round % 2) /* Arabic-like bytes: D8/D9 leads, a few letters */
                for (size_t i = 0; i < len; i++)
                    buf[i] = (char)(i % 2 ? 0xA7 + (test_util_next(&rng) >> 61) : 0xD8);
            vocab_key a = vocab_key_of(buf, len), b = vocab_key_of_padded(buf, len);
            assert_true(a.hash == b.hash);
            for (size_t j = 0; j < VOCAB_KEY_WORDS; j++)
                assert_true(a.head[j] == b.head[j]);
            uint32_t want = intern_ok(v, buf, len), got = UINT32_MAX, again = UINT32_MAX;
            assert_int_equal(vocab_intern_key(w, buf, len, &b, &got), ARS_OK);
            assert_int_equal(got, want);
            assert_int_equal(vocab_intern_key(v, buf, len, &b, &again), ARS_OK);
            assert_int_equal(again, want);
        }
    assert_int_equal(vocab_size(v), vocab_size(w));
    vocab_key e = vocab_key_of(NULL, 0);
    assert_true(e.head[0] == 0 && e.head[1] == 0 && e.head[2] == 0);
    vocab_free(v);
    vocab_free(w);
}

/* Terms whose hashes all pick the last cache line of the first table (64 slots, vocab.c) pile up
 * from there and wrap around to slot 0, among terms that start elsewhere: each keeps its id, is
 * found again, and the table grows past them. The terms are chosen by their key's hash, which is
 * what the table probes from. */
static void test_vocab_keeps_terms_whose_probes_wrap_around(void **state) {
    (void)state;
    enum { N_SAME = 40, N_ALL = 60 };
    char terms[N_ALL][16];
    size_t lens[N_ALL], n_same = 0, n_other = 0;
    for (size_t x = 0; n_same + n_other < N_ALL; x++) {
        char buf[32] = "w"; /* longer than the head, as gcc checks vocab_key_of for long terms */
        size_t len = 1 + decimal(buf + 1, x);
        int last_line = (vocab_key_of(buf, len).hash & 62) == 62;
        if (last_line ? n_same == N_SAME : n_other == N_ALL - N_SAME) continue;
        size_t k = n_same + n_other; /* the two kinds interleaved in order of x */
        memcpy(terms[k], buf, len);
        lens[k] = len;
        n_same += last_line;
        n_other += !last_line;
    }
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    for (size_t k = 0; k < N_ALL; k++) {
        assert_int_equal(intern_ok(v, terms[k], lens[k]), k);
        for (size_t j = 0; j <= k; j++) { /* all earlier ones, at every size of the pile */
            uint32_t id = UINT32_MAX;
            assert_int_equal(vocab_find(v, terms[j], lens[j], &id), 1);
            assert_int_equal(id, j);
        }
        assert_int_equal(vocab_find(v, "w-", 2, NULL), 0);
    }
    assert_int_equal(vocab_size(v), N_ALL);
    vocab_free(v);
}

/* From 2 MiB on, the slot table is mapped on its own and asks for huge pages (vocab.c,
 * vocab_slots_alloc): terms short and longer than a slot's head, interned through several such
 * tables, keep their ids and are found again; two vocabularies grown side by side do not share
 * their tables, and freeing one leaves the other whole. */
static void test_vocab_keeps_terms_through_mapped_tables(void **state) {
    (void)state;
    enum { N = 150000 }; /* slot tables of 2, 4 and 8 MiB */
    vocab *v = NULL, *w = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    assert_int_equal(vocab_new(&w), ARS_OK);
    char buf[64];
    for (size_t i = 0; i < N; i++) {
        size_t len = 1 + decimal(buf + 1, i);
        buf[0] = 'a';
        if (i % 3 == 0) { /* longer than VOCAB_KEY_HEAD, the digits last */
            memset(buf, 'x', 30);
            len = 30 + decimal(buf + 30, i);
        }
        assert_int_equal(intern_ok(v, buf, len), i);
        buf[0] ^= 1;
        assert_int_equal(intern_ok(w, buf, len), i);
    }
    for (size_t i = N; i-- > 0;) {
        size_t len = 1 + decimal(buf + 1, i);
        buf[0] = 'a';
        if (i % 3 == 0) {
            memset(buf, 'x', 30);
            len = 30 + decimal(buf + 30, i);
        }
        uint32_t id = UINT32_MAX;
        assert_int_equal(vocab_find(v, buf, len, &id), 1);
        assert_int_equal(id, i);
        size_t got = 0;
        assert_memory_equal(vocab_term(v, (uint32_t)i, &got), buf, len);
        assert_int_equal(got, len);
        assert_int_equal(vocab_find(w, buf, len, NULL), 0);
        buf[0] ^= 1;
        assert_int_equal(vocab_find(w, buf, len, &id), 1);
        assert_int_equal(id, i);
    }
    vocab_free(v);
    buf[0] = 'a' ^ 1; /* as in w */
    size_t len = 1 + decimal(buf + 1, N - 1);
    assert_int_equal(intern_ok(w, buf, len), N - 1);
    assert_int_equal(intern_ok(w, "new", 3), N);
    assert_int_equal(vocab_size(w), N + 1);
    vocab_free(w);
}

/* The value a term keeps (vocab_intern_value) against a plain list: terms of every length from 0
 * to past the slot's head, some differing only in their length (runs of NULs or of one byte,
 * which share a slot's head words), each given a value through the pointer when first interned;
 * every earlier term's id and value are checked after each new one, through the growths of the
 * table that move the slots. A new term reads 0. */
static void test_vocab_keeps_each_terms_value_through_growth(void **state) {
    (void)state;
    enum { N = 400, MAXLEN = 40 };
    static char terms[N][MAXLEN + VOCAB_KEY_HEAD]; /* zero-padded for vocab_key_of_padded */
    size_t lens[N];
    uint32_t values[N];
    for (size_t k = 0; k < N; k++) {
        size_t len = k % (MAXLEN + 1);
        memset(terms[k], k % 3 == 0 ? '\0' : 'x', len);
        if (k % 3 == 2 && len > 0) terms[k][len - 1] = (char)('a' + (k / (MAXLEN + 1)) % 26);
        if (k % 3 == 1 && len > 0) terms[k][0] = (char)('A' + (k / (MAXLEN + 1)) % 26);
        lens[k] = len;
    }
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    size_t n_distinct = 0;
    for (size_t k = 0; k < N; k++) {
        size_t first = k; /* the first term equal to term k */
        for (size_t j = 0; j < k && first == k; j++)
            if (lens[j] == lens[k] && memcmp(terms[j], terms[k], lens[k]) == 0) first = j;
        vocab_key key = vocab_key_of_padded(terms[k], lens[k]);
        uint32_t id = UINT32_MAX, *value = NULL;
        assert_int_equal(vocab_intern_value(v, terms[k], lens[k], &key, &id, &value), ARS_OK);
        assert_non_null(value);
        if (first == k) {
            assert_int_equal(id, n_distinct);
            assert_int_equal(*value, 0);
            values[k] = 0xFFFFFFFFu - (uint32_t)(7 * k); /* all 32 bits are the caller's */
            *value = values[k];
            n_distinct++;
        } else {
            values[k] = values[first];
            assert_int_equal(*value, values[k]);
        }
        for (size_t j = 0; j <= k; j++) {
            vocab_key kj = vocab_key_of_padded(terms[j], lens[j]);
            uint32_t idj = UINT32_MAX, *vj = NULL;
            assert_int_equal(vocab_intern_value(v, terms[j], lens[j], &kj, &idj, &vj), ARS_OK);
            assert_int_equal(*vj, values[j]);
            uint32_t found = UINT32_MAX;
            assert_int_equal(vocab_find(v, terms[j], lens[j], &found), 1);
            assert_int_equal(found, idj);
            size_t got = 0;
            assert_memory_equal(vocab_term(v, idj, &got), terms[j], lens[j]);
            assert_int_equal(got, lens[j]);
        }
        assert_int_equal(vocab_size(v), n_distinct);
    }
    vocab_free(v);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocab_tells_apart_terms_sharing_their_first_bytes),
        cmocka_unit_test(test_vocab_new_is_empty),
        cmocka_unit_test(test_vocab_assigns_dense_ids_in_order_of_first_appearance),
        cmocka_unit_test(test_vocab_returns_same_id_for_same_bytes),
        cmocka_unit_test(test_vocab_copies_bytes_so_caller_buffer_may_change),
        cmocka_unit_test(test_vocab_treats_embedded_nul_as_ordinary_byte),
        cmocka_unit_test(test_vocab_interns_zero_length_string_once),
        cmocka_unit_test(test_vocab_find_does_not_add),
        cmocka_unit_test(test_vocab_term_pointers_stay_valid_after_growth),
        cmocka_unit_test(test_vocab_keeps_terms_longer_than_a_pool_chunk),
        cmocka_unit_test(test_vocab_free_accepts_null),
        cmocka_unit_test(test_vocab_tells_apart_terms_differing_in_any_one_byte),
        cmocka_unit_test(test_vocab_padded_key_is_the_key),
        cmocka_unit_test(test_vocab_keeps_terms_whose_probes_wrap_around),
        cmocka_unit_test(test_vocab_keeps_terms_through_mapped_tables),
        cmocka_unit_test(test_vocab_keeps_each_terms_value_through_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
