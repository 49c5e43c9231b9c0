/* test_chars.c - unit tests of summarize/text/chars.c and chars.h: the generated code-point table
 * against utf8proc for every entry, and the inline UTF-8 decoder against utf8proc_iterate on
 * every one- and two-byte sequence, valid or not, and the byte-level Arabic letter test. */
#include "test_util.h"

#include <utf8proc.h>

#include "summarize/text/chars.h"

static void test_chars_table_categories_are_utf8procs(void **state) {
    (void)state;
    for (int32_t cp = 0; cp < CHARS_TABLE_SIZE; cp++) {
        if (chars_category(cp) != (int)utf8proc_category(cp))
            print_error("U+%04X: table %d, utf8proc %d\n", (unsigned)cp, chars_category(cp),
                        (int)utf8proc_category(cp));
        assert_int_equal(chars_category(cp), (int)utf8proc_category(cp));
        assert_int_equal(!!(chars_table[cp] & CHARS_CCC),
                         utf8proc_get_property(cp)->combining_class != 0);
    }
    /* Beyond the table the slow path answers, and out-of-range values are unassigned. */
    assert_int_equal(chars_category(0x2026), UTF8PROC_CATEGORY_PO);
    assert_int_equal(chars_category(-1), UTF8PROC_CATEGORY_CN);
    assert_int_equal(chars_category(0x110000), UTF8PROC_CATEGORY_CN);
    /* dateline_latest_year steps over U+0080-U+06FF without decoding but for the Arabic-Indic
     * digits: no other digit there. */
    for (int32_t cp = 0x80; cp < 0x700; cp++)
        assert_int_equal(chars_is_digit(cp),
                         (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9));
}

/* The facts the normaliser's fast path rests on, for the code points Arabic news is made of. */
static void test_chars_table_marks_arabic_normalisation_facts(void **state) {
    (void)state;
    assert_true(chars_table[0x0627] & CHARS_INERT);     /* ا */
    assert_true(chars_table[0x0623] & CHARS_INERT);     /* أ: NFC composes it back */
    assert_false(chars_table[0x0675] & CHARS_INERT);    /* ٵ: compatibility decomposition */
    assert_false(chars_table[0x061C] & CHARS_INERT);    /* ARABIC LETTER MARK: ignorable */
    assert_true(chars_table[0x0654] & CHARS_COMPOSES);  /* و + hamza above -> ؤ */
    assert_false(chars_table[0x064E] & CHARS_COMPOSES); /* fatha composes with nothing */
    assert_true(chars_table[0x064E] & CHARS_CCC);
    assert_false(chars_table[0] & CHARS_INERT);
}

static void check_decode(const unsigned char *b, size_t n) {
    int32_t want = -1;
    utf8proc_ssize_t got = utf8proc_iterate(b, (utf8proc_ssize_t)n, &want);
    size_t want_len = got > 0 ? (size_t)got : 1;
    if (got <= 0) want = 0xFFFD;
    int32_t cp = -2;
    size_t len = chars_next((const char *)b, 0, n, &cp);
    assert_int_equal(len, want_len);
    assert_int_equal(cp, want);
}

static void test_chars_next_matches_utf8proc_iterate(void **state) {
    (void)state;
    unsigned char b[2];
    for (unsigned x = 0; x < 256; x++) {
        b[0] = (unsigned char)x;
        check_decode(b, 1);
        for (unsigned y = 0; y < 256; y++) {
            b[1] = (unsigned char)y;
            check_decode(b, 2);
        }
    }
    const unsigned char three[] = {0xE2, 0x80, 0xA6}, four[] = {0xF0, 0x9F, 0x98, 0x80};
    check_decode(three, 3);
    check_decode(three, 2); /* cut short */
    check_decode(four, 4);
}

/* chars_classes answers what the single predicates answer, for every code point. */
static void test_chars_classes_agree_with_the_predicates(void **state) {
    (void)state;
    for (int32_t cp = -1; cp <= 0x110000; cp++) {
        unsigned c = chars_classes(cp);
        assert_int_equal(!!(c & CHARS_SPACE), chars_is_space(cp));
        assert_int_equal(!!(c & CHARS_BLANK), chars_is_blank(cp));
        assert_int_equal(!!(c & CHARS_LETTER), chars_is_letter(cp));
        assert_int_equal(!!(c & CHARS_DIGIT), chars_is_digit(cp));
        assert_int_equal(!!(c & CHARS_MARK), chars_is_mark(cp));
    }
}

/* The byte-level letter test the scanners take first: true exactly for the two-byte sequences of
 * U+0620-U+063F and U+0641-U+064A, each a letter of the Arabic block (and no space, digit or
 * mark, which would change what the scanners count). */
static void test_chars_arabic_letter2_is_its_ranges_and_letters(void **state) {
    (void)state;
    for (unsigned b = 0; b < 256; b++)
        for (unsigned b2 = 0; b2 < 256; b2++) {
            char s[2] = {(char)b, (char)b2};
            int32_t cp;
            size_t n = chars_next(s, 0, 2, &cp);
            int want = n == 2 && ((cp >= 0x0620 && cp <= 0x063F) || (cp >= 0x0641 && cp <= 0x064A));
            assert_int_equal(chars_is_arabic_letter2((unsigned char)b, (unsigned char)b2), want);
            if (want) {
                assert_int_equal(chars_classes(cp), CHARS_LETTER);
                assert_true(chars_is_arabic_block(cp));
            }
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chars_table_categories_are_utf8procs),
        cmocka_unit_test(test_chars_table_marks_arabic_normalisation_facts),
        cmocka_unit_test(test_chars_next_matches_utf8proc_iterate),
        cmocka_unit_test(test_chars_classes_agree_with_the_predicates),
        cmocka_unit_test(test_chars_arabic_letter2_is_its_ranges_and_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
