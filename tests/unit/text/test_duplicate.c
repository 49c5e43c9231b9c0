/* test_duplicate.c - unit tests of repeated documents by word sequences (summarize/text/
 * duplicate.c): the same article with other chrome or another wrapping is a repeat, articles on
 * the same story are not, the first copy is the one kept. */
#include "test_util.h"

#include "summarize/text/clean.h"
#include "summarize/text/duplicate.h"

static char *seed(const char *name, size_t *len) {
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/seeds/%s", name);
    char *t = test_util_read_file(test_util_source_path(rel), len);
    assert_non_null(t);
    return t;
}

/* The text with every line break replaced by a space and a new one put after every `width`
 * bytes' worth of words: the same words, other lines. */
static char *rewrap(const char *t, size_t len, size_t width, size_t *out_len) {
    char *o = malloc(len + 1);
    assert_non_null(o);
    size_t col = 0;
    for (size_t i = 0; i < len; i++) {
        char c = t[i] == '\n' ? ' ' : t[i];
        if (c == ' ' && col >= width) {
            c = '\n';
            col = 0;
        }
        o[i] = c;
        col++;
    }
    o[len] = '\0';
    *out_len = len;
    return o;
}

static void test_duplicate_finds_rewrapped_and_rechromed_copies(void **state) {
    (void)state;
    size_t la = 0, lb = 0, lw = 0;
    char *a = seed("000_37eaa8ce959699e6.txt", &la);
    char *b = seed("001_1bb4ffb61d3243be.txt", &lb);
    char *wrapped = rewrap(a, la, 70, &lw);
    const char *chrome_head = "الرئيسية | أخبار | رياضة\n\n";
    const char *chrome_tail = "\nاترك تعليقاً لن يتم نشر عنوان بريدك الإلكتروني\n";
    size_t lc = strlen(chrome_head) + la + strlen(chrome_tail);
    char *chromed = malloc(lc + 1);
    assert_non_null(chromed);
    snprintf(chromed, lc + 1, "%s%s%s", chrome_head, a, chrome_tail);

    clean_doc docs[4] = {{a, la, 0}, {b, lb, 0}, {wrapped, lw, 0}, {chromed, lc, 0}};
    unsigned char dup[4] = {0, 0, 0, 0};
    assert_int_equal(duplicate_mark(docs, 4, dup), ARS_OK);
    assert_int_equal(dup[0], 0); /* the first copy stays */
    assert_int_equal(dup[1], 0); /* another article on the same story */
    assert_int_equal(dup[2], 1);
    assert_int_equal(dup[3], 1);

    /* The other order: the copy that comes first is the one kept. */
    clean_doc rev[2] = {{chromed, lc, 0}, {a, la, 0}};
    unsigned char d2[2] = {0, 0};
    assert_int_equal(duplicate_mark(rev, 2, d2), ARS_OK);
    assert_int_equal(d2[0], 0);
    assert_int_equal(d2[1], 1);
    free(a);
    free(b);
    free(wrapped);
    free(chromed);
}

/* The five seed articles on one story share quotes and phrases but none repeats another. */
static void test_duplicate_keeps_articles_on_the_same_story(void **state) {
    (void)state;
    const char *names[] = {"000_37eaa8ce959699e6.txt", "001_1bb4ffb61d3243be.txt",
                           "002_981c23ef73e03746.txt", "003_be449fbf7e01b1a1.txt",
                           "004_c519fb17f7c0a84d.txt"};
    char *t[5];
    clean_doc docs[5];
    for (int d = 0; d < 5; d++) {
        size_t len = 0;
        t[d] = seed(names[d], &len);
        docs[d] = (clean_doc){t[d], len, 0};
    }
    unsigned char dup[5] = {0};
    assert_int_equal(duplicate_mark(docs, 5, dup), ARS_OK);
    for (int d = 0; d < 5; d++) {
        assert_int_equal(dup[d], 0);
        free(t[d]);
    }
}

/* Known repeats are left marked and not indexed; short documents never repeat; a repeat of a
 * repeat is found through the first copy. */
static void test_duplicate_respects_known_repeats_and_short_documents(void **state) {
    (void)state;
    const char *text = "أعلن الكرملين أمس أن الجنود الروس بدؤوا انسحابهم من الإقليم بعد سبعة أشهر";
    const char *two = "شارك المقال";
    clean_doc docs[5] = {{text, strlen(text), 0},
                         {text, strlen(text), 0},
                         {two, strlen(two), 0},
                         {two, strlen(two), 0},
                         {text, strlen(text), 0}};
    unsigned char dup[5] = {0, 1, 0, 0, 0};
    assert_int_equal(duplicate_mark(docs, 5, dup), ARS_OK);
    assert_int_equal(dup[0], 0);
    assert_int_equal(dup[1], 1);
    assert_int_equal(dup[2], 0);
    assert_int_equal(dup[3], 0); /* two words: too short to tell */
    assert_int_equal(dup[4], 1);
    memset(dup, 0, sizeof dup);
    assert_int_equal(duplicate_mark(docs, 0, dup), ARS_OK);
}

/* clean_documents hands duplicate.c the word hashes its line measures collect
 * (clean_document_words); they must be exactly the ones duplicate.c reads from the text itself
 * (duplicate_text_words), whatever the characters: texts built from Arabic letters of both lead
 * bytes, harakat, tatweel, digits of both kinds, Latin, punctuation, spaces of every kind, line
 * breaks (LF, CR, CRLF, U+2028, NEL), format characters, symbols, CJK and a byte-order mark. */
static void test_duplicate_words_of_the_line_measures_are_the_text_words(void **state) {
    (void)state;
    static const char *const pieces[] = {"\xD8\xB9",
                                         "\xD9\x84",
                                         "\xD9\x8A",
                                         "\xD8\xA7",
                                         "\xD9\x8E" /* fatha */,
                                         "\xD9\x80" /* tatweel */,
                                         "\xD9\xA3" /* ٣ */,
                                         "7",
                                         "a",
                                         "Z",
                                         " ",
                                         " ",
                                         " ",
                                         "\t",
                                         "\n",
                                         "\r\n",
                                         "\r",
                                         "\xE2\x80\xA8",
                                         "\xC2\x85",
                                         "\xC2\xA0",
                                         "\xE2\x80\x8C" /* ZWNJ */,
                                         ".",
                                         "\xD8\x8C" /* comma */,
                                         "\xC2\xAB",
                                         "-",
                                         "\xF0\x9F\x98\x80",
                                         "\xE4\xB8\xAD",
                                         "\xDB\xB5" /* ۵ */,
                                         "\xDA\xA9" /* ک */,
                                         "\xEF\xBB\xBF"};
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    char text[512];
    uint64_t rng = 42;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        while (len < 400) {
            test_util_next(&rng);
            /* Letters most of the time, so that words are long enough to matter. */
            size_t k = (rng >> 60) < 8 ? (size_t)(rng >> 33) % 4 : (size_t)(rng >> 33) % n_pieces;
            size_t pl = strlen(pieces[k]);
            memcpy(text + len, pieces[k], pl);
            len += pl;
        }
        clean_doc doc = {text, len, 0};
        uint64_t *a = NULL, *b = NULL;
        size_t na = 0, nb = 0, cap = 0;
        assert_int_equal(clean_document_words(&doc, &a, &na), ARS_OK);
        assert_int_equal(duplicate_text_words(&doc, &b, &nb, &cap), ARS_OK);
        assert_int_equal(na, nb);
        for (size_t i = 0; i < na; i++)
            assert_true(a[i] == b[i]);
        free(a);
        free(b);
    }
}

/* The word hash by its definition, a byte at a time: blocks of eight bytes from the word's
 * start, the last one short, each read with byte k in bits 8k to 8k+7. */
static uint64_t reference_word_hash(const unsigned char *w, size_t len) {
    const uint64_t m = 0x9e3779b97f4a7c15u;
    uint64_t h = (uint64_t)len * m;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t v = 0;
        for (size_t k = 0; k < 8 && i + k < len; k++)
            v |= (uint64_t)w[i + k] << (8 * k);
        h = (h ^ v) * m;
        h ^= h >> 32;
    }
    return duplicate_hash_mix(h);
}

/* duplicate_word_hash reads the word's last block as the eight bytes that end it and masks off
 * what comes before: the hash must be the definition's whatever surrounds the word and wherever it
 * starts (at the very start of the text too), for every length around the block size; and words
 * one byte or one length apart must differ. */
static void test_duplicate_word_hash_depends_only_on_the_word(void **state) {
    (void)state;
    unsigned char buf[96], word[40];
    uint64_t rng = 5;
    for (int round = 0; round < 20000; round++) {
        size_t len = 1 + (size_t)(test_util_next(&rng) >> 33) % sizeof word;
        size_t at = (size_t)(test_util_next(&rng) >> 33) % (sizeof buf - sizeof word);
        for (size_t k = 0; k < sizeof buf; k++)
            buf[k] = (unsigned char)(test_util_next(&rng) >> 56);
        for (size_t k = 0; k < len; k++)
            word[k] = (unsigned char)(1 + (test_util_next(&rng) >> 33) % 255);
        memcpy(buf + at, word, len);
        uint64_t h = duplicate_word_hash(buf, at, at + len);
        assert_true(h == reference_word_hash(word, len));
        if (len > 1) assert_true(h != duplicate_word_hash(buf, at, at + len - 1));
        size_t k = (size_t)(test_util_next(&rng) >> 33) % len;
        buf[at + k] ^= 1;
        assert_true(h != duplicate_word_hash(buf, at, at + len));
    }
}

/* Winnowing against its definition, window by window, over shingle hashes drawn from a few
 * values (so that equal minima are common) and of every length up to a few windows; in place
 * as duplicate.c calls it, and into another array. */
static void test_duplicate_winnow_takes_the_rightmost_minimum_of_every_window(void **state) {
    (void)state;
    uint64_t sh[64], fp[64], in_place[64], want[64];
    uint64_t rng = 11;
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)(test_util_next(&rng) >> 33) % 40;
        uint64_t values = 1 + (test_util_next(&rng) >> 33) % 6;
        for (size_t i = 0; i < n; i++)
            sh[i] = in_place[i] = (test_util_next(&rng) >> 33) % values;
        size_t n_want = 0, last = SIZE_MAX;
        for (size_t start = 0; start + DUPLICATE_WINDOW <= n || (start == 0 && n); start++) {
            size_t end = start + DUPLICATE_WINDOW < n ? start + DUPLICATE_WINDOW : n;
            size_t min = start;
            for (size_t i = start + 1; i < end; i++)
                if (sh[i] <= sh[min]) min = i;
            if (min != last) want[n_want++] = sh[min];
            last = min;
        }
        assert_int_equal(duplicate_winnow(sh, n, fp), n_want);
        assert_int_equal(duplicate_winnow(in_place, n, in_place), n_want);
        for (size_t i = 0; i < n_want; i++) {
            assert_true(fp[i] == want[i]);
            assert_true(in_place[i] == want[i]);
        }
    }
}

/* A document's fingerprints, computed and winnowed in one pass, against the definition: every
 * 5-word shingle hashed on its own (FNV-1a over the word hashes, mixed), then winnowed apart.
 * Word hashes are drawn from a few values so that equal shingles and equal minima are common. */
static void test_duplicate_fingerprints_are_the_winnowed_shingles(void **state) {
    (void)state;
    uint64_t words[64], sh[64], want[64], got[64];
    const uint64_t p = 1099511628211u;
    uint64_t rng = 23;
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)(test_util_next(&rng) >> 33) % 48;
        uint64_t values = 1 + (test_util_next(&rng) >> 33) % 4;
        for (size_t i = 0; i < n; i++)
            words[i] = (test_util_next(&rng) >> 33) % values;
        size_t n_want = 0;
        if (n >= DUPLICATE_WORDS) {
            size_t n_sh = n - DUPLICATE_WORDS + 1;
            for (size_t i = 0; i < n_sh; i++) {
                uint64_t h = 0;
                for (size_t k = 0; k < DUPLICATE_WORDS; k++)
                    h = (k ? h * p ^ words[i + k] : words[i]);
                sh[i] = duplicate_hash_mix(h * p);
            }
            n_want = duplicate_winnow(sh, n_sh, want);
        }
        assert_int_equal(duplicate_fingerprints(words, n, got), n_want);
        for (size_t i = 0; i < n_want; i++)
            assert_true(got[i] == want[i]);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_duplicate_finds_rewrapped_and_rechromed_copies),
        cmocka_unit_test(test_duplicate_keeps_articles_on_the_same_story),
        cmocka_unit_test(test_duplicate_respects_known_repeats_and_short_documents),
        cmocka_unit_test(test_duplicate_words_of_the_line_measures_are_the_text_words),
        cmocka_unit_test(test_duplicate_word_hash_depends_only_on_the_word),
        cmocka_unit_test(test_duplicate_fingerprints_are_the_winnowed_shingles),
        cmocka_unit_test(test_duplicate_winnow_takes_the_rightmost_minimum_of_every_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
