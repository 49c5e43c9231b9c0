/* test_normalize.c - unit tests of summarize/text/normalize.c: each analysis rule on its own, the
 * Arabic presentation forms through NFKC, white space, invalid input and the ة fold. */
#include "test_util.h"

#include <utf8proc.h>

#include "models/stopwords.h"
#include "summarize/text/normalize.h"

/* Normalises a NUL-terminated literal and compares with the expected bytes. */
static void check(const char *in, const char *expected) {
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(normalize_text(in, strlen(in), &out, &out_len), ARS_OK);
    assert_non_null(out);
    if (strcmp(out, expected) != 0)
        print_error("input [%s]: got [%s], want [%s]\n", in, out, expected);
    assert_string_equal(out, expected);
    assert_int_equal(out_len, strlen(expected));
    free(out);
}

static void test_normalize_strips_each_haraka(void **state) {
    (void)state;
    /* fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun on كتب */
    check("كًتٌبٍ", "كتب");
    check("كَتَبَ", "كتب");
    check("كُتِبّْ", "كتب");
    /* the end of the range: U+065F wavy hamza below, and U+0670 superscript alef (هٰذا) */
    check("ب\xd9\x9f", "ب");
    check("هٰذا", "هذا");
    /* U+0660 just past the range is a digit, not dropped */
    check("\xd9\xa0", "0");
}

static void test_normalize_strips_tatweel(void **state) {
    (void)state;
    check("مـــحـمـد", "محمد");
    check("ـ", "");
}

static void test_normalize_folds_alef_variants(void **state) {
    (void)state;
    check("أحمد", "احمد");
    check("إسلام", "اسلام");
    check("آمن", "امن");
    check("ٱلله", "الله");
    /* a decomposed alef + hamza above composes under NFKC first, then folds */
    check("\xd8\xa7\xd9\x94\xd8\xad\xd9\x85\xd8\xaf", "احمد");
    /* hamza on waw and yeh, and the lone hamza, are kept */
    check("مؤتمر", "مؤتمر");
    check("رئيس", "رئيس");
    check("سماء", "سماء");
}

static void test_normalize_folds_alef_maqsura(void **state) {
    (void)state;
    check("على", "علي");
    check("مستشفى", "مستشفي");
}

static void test_normalize_keeps_ta_marbuta(void **state) {
    (void)state;
    /* folded after stemming, not here: see normalize.h */
    check("مدينة", "مدينة");
    assert_int_equal(normalize_codepoint(0x0629), 0x0629);
}

static void test_normalize_fold_ta_marbuta_in_place(void **state) {
    (void)state;
    char word[] = "الجولة ة مدينةX";
    normalize_fold_ta_marbuta(word, strlen(word));
    assert_string_equal(word, "الجوله ه مدينهX");
    /* a half code point at the end is left alone */
    char cut[] = "\xd8\xa9\xd8";
    normalize_fold_ta_marbuta(cut, 3);
    assert_memory_equal(cut, "\xd9\x87\xd8", 3);
    normalize_fold_ta_marbuta(NULL, 0);
}

static void test_normalize_folds_arabic_indic_digits(void **state) {
    (void)state;
    check("٠١٢٣٤٥٦٧٨٩", "0123456789");
    check("۰۱۲۳۴۵۶۷۸۹", "0123456789");
    check("عام ٢٠١٨", "عام 2018");
    /* the Arabic decimal and thousands separators stay (the tokenizer splits on them) */
    check("٦٬٥٠٠", "6\xd9\xac"
                   "500");
}

static void test_normalize_folds_case(void **state) {
    (void)state;
    check("The BBC", "the bbc");
    check("ÀÉÎ", "àéî");
    /* lower-casing can lengthen an encoding: U+023A (2 bytes) -> U+2C65 (3 bytes) */
    check("\xc8\xba\xc8\xba", "\xe2\xb1\xa5\xe2\xb1\xa5");
}

static void test_normalize_presentation_forms(void **state) {
    (void)state;
    /* isolated/final/medial/initial letter forms, as PDF extraction leaves them */
    check("ﺍﻟﻌﺮﺑﻴﺔ", "العربية");
    /* lam-alef ligatures, with and without hamza/madda */
    check("ﻻ", "لا");
    check("ﻷ", "لا");
    check("ﻹ", "لا");
    check("ﻵ", "لا");
    check("ﻼ", "لا");
    /* word ligatures: Allah, Akbar, and the multi-word honorifics */
    check("ﷲ", "الله");
    check("ﷳ", "اكبر");
    check("ﷺ", "صلي الله عليه وسلم");
    check("ﷻ", "جل جلاله");
    /* letter forms with hamza */
    check("ﺃﺇﺁ", "ااا");
    check("ﺅﺉ", "ؤئ");
    /* isolated haraka forms vanish instead of becoming a space that would split the word */
    check("ب\xef\xb9\xb0ب", "بب");
    check("ب\xef\xb9\xbcب", "بب");
    check("ب\xef\xb1\x9eب", "بب");
    /* tatweel + haraka medial form */
    check("ب\xef\xb9\xb1ب", "بب");
    /* symbols without a decomposition are left for the tokenizer to treat as separators */
    check("﴾ﷲ﴿", "﴾الله﴿");
    /* full-width Latin and digits */
    check("ＡＢ１２", "ab12");
}

static void test_normalize_keeps_white_space(void **state) {
    (void)state;
    check("قال\nالرئيس\tاليوم  ", "قال\nالرئيس\tاليوم  ");
    check("\n\n", "\n\n");
    /* compatibility spaces become plain spaces, still white space */
    check("a\xc2\xa0"
          "b\xe2\x80\x83"
          "c",
          "a b c");
}

static void test_normalize_removes_default_ignorables(void **state) {
    (void)state;
    /* soft hyphen, ZWNJ, ZWJ, RLM and the Arabic letter mark would otherwise split a word */
    check("كت\xc2\xad"
          "اب",
          "كتاب");
    check("كت\xe2\x80\x8c"
          "اب",
          "كتاب");
    check("كت\xe2\x80\x8d"
          "اب",
          "كتاب");
    check("\xe2\x80\x8f"
          "كتاب\xe2\x80\x8f",
          "كتاب");
    check("كت\xd8\x9c"
          "اب",
          "كتاب");
}

static void test_normalize_empty_input(void **state) {
    (void)state;
    char *out = NULL;
    size_t out_len = 99;
    assert_int_equal(normalize_text("", 0, &out, &out_len), ARS_OK);
    assert_non_null(out);
    assert_int_equal(out_len, 0);
    assert_int_equal(out[0], '\0');
    free(out);
    out = NULL;
    assert_int_equal(normalize_text(NULL, 0, &out, &out_len), ARS_OK);
    assert_int_equal(out_len, 0);
    free(out);
    /* input that normalises to nothing */
    check("ـَ", "");
}

static void test_normalize_rejects_invalid_utf8(void **state) {
    (void)state;
    static const char *bad[] = {
        "\xff",             /* never valid */
        "ab\x80",           /* lone continuation */
        "\xd8",             /* truncated two-byte sequence */
        "\xe2\x82",         /* truncated three-byte sequence */
        "\xc0\xaf",         /* overlong '/' */
        "\xed\xa0\x80",     /* surrogate U+D800 */
        "\xf4\x90\x80\x80", /* past U+10FFFF */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *out = (char *)"untouched";
        size_t out_len = 7;
        assert_int_equal(normalize_text(bad[i], strlen(bad[i]), &out, &out_len), ARS_EUTF8);
        assert_string_equal(out, "untouched");
        assert_int_equal(out_len, 7);
    }
    /* an embedded NUL would cut the NUL-terminated result short */
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(normalize_text("a\0b", 3, &out, &out_len), ARS_EUTF8);
    assert_null(out);
}

static void test_normalize_reads_only_len_bytes(void **state) {
    (void)state;
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(normalize_text("أحمدXYZ", 8, &out, &out_len), ARS_OK);
    assert_string_equal(out, "احمد");
    free(out);
}

static void test_normalize_codepoint_rules(void **state) {
    (void)state;
    assert_int_equal(normalize_codepoint(0x064B), -1);
    assert_int_equal(normalize_codepoint(0x065F), -1);
    assert_int_equal(normalize_codepoint(0x0670), -1);
    assert_int_equal(normalize_codepoint(0x0640), -1);
    assert_int_equal(normalize_codepoint(0x064A), 0x064A); /* ي itself, just below the range */
    assert_int_equal(normalize_codepoint(0x0622), 0x0627);
    assert_int_equal(normalize_codepoint(0x0623), 0x0627);
    assert_int_equal(normalize_codepoint(0x0625), 0x0627);
    assert_int_equal(normalize_codepoint(0x0671), 0x0627);
    assert_int_equal(normalize_codepoint(0x0624), 0x0624);
    assert_int_equal(normalize_codepoint(0x0649), 0x064A);
    assert_int_equal(normalize_codepoint(0x0660), '0');
    assert_int_equal(normalize_codepoint(0x0669), '9');
    assert_int_equal(normalize_codepoint(0x06F0), '0');
    assert_int_equal(normalize_codepoint(0x06F9), '9');
    assert_int_equal(normalize_codepoint('Q'), 'q');
    assert_int_equal(normalize_codepoint(' '), ' ');
}

static void test_normalize_is_idempotent(void **state) {
    (void)state;
    const char *in = "ﺍﻟﻌﺮﺑﻴﺔ إلى مُسْتَشْفَى ٢٠١٨ The ﷲ";
    char *once = NULL, *twice = NULL;
    size_t once_len = 0, twice_len = 0;
    assert_int_equal(normalize_text(in, strlen(in), &once, &once_len), ARS_OK);
    assert_int_equal(normalize_text(once, once_len, &twice, &twice_len), ARS_OK);
    assert_string_equal(once, twice);
    free(once);
    free(twice);
}

static ars_status normalize_for_stopwords(void *ctx, const char *s, size_t len, char **out,
                                          size_t *out_len) {
    (void)ctx;
    return normalize_text(s, len, out, out_len);
}

static void test_normalize_builtin_stopwords_through_normaliser(void **state) {
    (void)state;
    /* what the pipeline does: the list passes through normalize_text, tokens are looked up as
     * normalize_text leaves them */
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load_builtin(normalize_for_stopwords, NULL, &sw), ARS_OK);
    assert_non_null(sw);
    assert_true(stopwords_count(sw) >= 150);
    static const char *words[] = {"على", "إلى", "أن", "إن", "التى", "هذه", "وأضاف", "ٱلذي"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char *norm = NULL;
        size_t norm_len = 0;
        assert_int_equal(normalize_text(words[i], strlen(words[i]), &norm, &norm_len), ARS_OK);
        if (!stopwords_contains(sw, norm, norm_len))
            print_error("[%s] -> [%s] not a stopword\n", words[i], norm);
        assert_true(stopwords_contains(sw, norm, norm_len));
        free(norm);
    }
    assert_false(stopwords_contains(sw, "الحكومة", strlen("الحكومة")));
    stopwords_free(sw);
}

/* Control characters that are not white space are dropped from the analysis copy, as from the
 * printed text, so "ab" and "a<ESC>b" are one word either way. */
static void test_normalize_drops_control_characters(void **state) {
    (void)state;
    assert_int_equal(normalize_codepoint(0x1B), -1);
    assert_int_equal(normalize_codepoint(0x07), -1);
    assert_int_equal(normalize_codepoint(0x7F), -1);
    assert_int_equal(normalize_codepoint(0x9B), -1);
    assert_int_equal(normalize_codepoint('\t'), '\t');
    assert_int_equal(normalize_codepoint('\n'), '\n');
    assert_int_equal(normalize_codepoint(0x85), 0x85);
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    assert_int_equal(normalize_text("\xD9\x82\x1b\xD8\xA7\xD9\x84", 7, &a, &la), ARS_OK);
    assert_int_equal(normalize_text("\xD9\x82\xD8\xA7\xD9\x84", 6, &b, &lb), ARS_OK);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    free(a);
    free(b);
}

/* The rules of normalize.h written plainly: the fast branches of normalize_codepoint (ASCII, the
 * Arabic block) must give what this gives for every code point. */
static int oracle_codepoint(int cp) {
    if ((cp < 0x20 && !(cp >= '\t' && cp <= '\r')) || (cp >= 0x7F && cp <= 0x9F && cp != 0x85))
        return -1;
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) return -1;
    if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 || cp == 0x0671) return 0x0627;
    if (cp == 0x0649) return 0x064A;
    if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    return utf8proc_tolower(cp);
}

static void test_normalize_codepoint_matches_the_rules_everywhere(void **state) {
    (void)state;
    for (int cp = 0; cp <= 0x10FFFF; cp++)
        if (normalize_codepoint(cp) != oracle_codepoint(cp)) {
            print_error("U+%04X: %d, want %d\n", (unsigned)cp, normalize_codepoint(cp),
                        oracle_codepoint(cp));
            fail();
        }
}

/* normalize_text_into (fast path for inert text) against normalize_text (always utf8proc). */
static void check_paths_agree(const char *in, size_t len, char **buf, size_t *cap) {
    char *want = NULL;
    size_t want_len = 0, got_len = 0;
    ars_status a = normalize_text(in, len, &want, &want_len);
    ars_status b = normalize_text_into(in, len, buf, cap, &got_len);
    assert_int_equal(a, b);
    if (a != ARS_OK) return;
    if (got_len != want_len || memcmp(*buf, want, want_len) != 0) {
        print_error("[%.*s]: fast [%.*s], utf8proc [%s]\n", (int)len, in, (int)got_len, *buf, want);
        fail();
    }
    assert_int_equal((*buf)[got_len], '\0');
    free(want);
}

static size_t encode(int32_t cp, char *out) {
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

static void test_normalize_fast_path_matches_utf8proc(void **state) {
    (void)state;
    char *buf = NULL, in[32];
    size_t cap = 0;
    /* Every code point of the table alone, then every pair of ASCII and Arabic-block code points:
     * compositions (و + U+0654 -> ؤ), reordered marks, ignorables and compatibility forms. */
    for (int32_t cp = 1; cp < 0x800; cp++)
        check_paths_agree(in, encode(cp, in), &buf, &cap);
    int32_t set[512];
    size_t n = 0;
    set[n++] = '\t';
    set[n++] = '\n';
    for (int32_t cp = 0x20; cp < 0x7F; cp++)
        set[n++] = cp;
    for (int32_t cp = 0x0600; cp <= 0x06FF; cp++)
        set[n++] = cp;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            size_t len = encode(set[i], in);
            len += encode(set[j], in + len);
            check_paths_agree(in, len, &buf, &cap);
        }
    /* A letter with two marks in either order, one of them composing or not. */
    static const int32_t bases[] = {0x0627, 0x0648, 0x064A, 0x06C1, 'a'};
    for (size_t b = 0; b < sizeof bases / sizeof *bases; b++)
        for (int32_t m1 = 0x064B; m1 <= 0x0670; m1++)
            for (int32_t m2 = 0x064B; m2 <= 0x0670; m2++) {
                if (m1 > 0x065F && m1 != 0x0670) continue;
                if (m2 > 0x065F && m2 != 0x0670) continue;
                size_t len = encode(bases[b], in);
                len += encode(m1, in + len);
                len += encode(m2, in + len);
                check_paths_agree(in, len, &buf, &cap);
            }
    free(buf);
}

/* Random mixtures of what the fast path takes and what it hands to utf8proc in pieces: letters,
 * marks that compose (U+0654) or not, no-break and ignorable spaces, curly quotes, the ellipsis,
 * presentation forms and ligatures, Latin with combining accents, Hangul jamo. */
static void test_normalize_pieces_match_utf8proc_on_random_mixtures(void **state) {
    (void)state;
    static const int32_t set[] = {
        'a',    'B',    ' ',    '.',    '\n',   0x0627, 0x0648, 0x064A, 0x0629, 0x0644, 0x0623,
        0x0640, 0x064E, 0x0651, 0x0652, 0x0653, 0x0654, 0x0655, 0x0670, 0x0660, 0x00A0, 0x00E9,
        0x0301, 0x0300, 0x200C, 0x200F, 0x201C, 0x201D, 0x2026, 0x2013, 0xFE8D, 0xFEFB, 0xFDFA,
        0xFE70, 0xFC5E, 0x1100, 0x1161, 0x11A8, 0xFF9E, 0x06D6, 0x001B, 0x007F, 0x0085, 0x009B};
    const size_t n_set = sizeof set / sizeof *set;
    uint64_t x = 0x9E3779B97F4A7C15u;
    char *buf = NULL, in[64];
    size_t cap = 0;
    for (int round = 0; round < 40000; round++) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        uint64_t r = x * 2685821657736338717u;
        size_t len = 0, k = 1 + (size_t)(r % 8);
        for (size_t j = 0; j < k; j++) {
            r = r * 6364136223846793005u + 1442695040888963407u;
            len += encode(set[(r >> 33) % n_set], in + len);
        }
        check_paths_agree(in, len, &buf, &cap);
    }
    free(buf);
}

/* Lower case lengthens U+023A and U+023E (2 bytes) to U+2C65 and U+2C66 (3 bytes): a text of
 * them normalises to half as many bytes again, in a buffer that grows to hold it (it once wrote
 * past the end of one sized on the input). Every length, from a fresh buffer each time. */
static void test_normalize_into_makes_room_for_lengthening_case(void **state) {
    (void)state;
    char in[1200];
    for (size_t len = 1; len < sizeof in; len++) {
        size_t i = 0;
        if (len % 2) in[i++] = 'a';
        for (; i < len; i += 2)
            encode(i % 4 ? 0x023A : 0x023E, in + i);
        char *buf = NULL;
        size_t cap = 0, got_len = 0;
        assert_int_equal(normalize_text_into(in, len, &buf, &cap, &got_len), ARS_OK);
        assert_true(got_len < cap);
        assert_int_equal(got_len, len + len / 4 * 2 + (len / 2 % 2));
        check_paths_agree(in, len, &buf, &cap);
        free(buf);
    }
}

/* Real news: the first articles of the ANT corpus beside the checkout, when it is there. */
static void test_normalize_fast_path_matches_utf8proc_on_news(void **state) {
    (void)state;
    size_t len = 0;
    char *corpus = test_util_read_file(
        test_util_shared_path("data/ant_background/ant_background.jsonl"), &len);
    if (!corpus) skip();
    char *buf = NULL;
    size_t cap = 0, lines = 0;
    for (char *p = corpus; *p && lines < 400; lines++) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        check_paths_agree(p, n, &buf, &cap);
        p += n + (nl != NULL);
    }
    free(buf);
    free(corpus);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize_drops_control_characters),
        cmocka_unit_test(test_normalize_strips_each_haraka),
        cmocka_unit_test(test_normalize_strips_tatweel),
        cmocka_unit_test(test_normalize_folds_alef_variants),
        cmocka_unit_test(test_normalize_folds_alef_maqsura),
        cmocka_unit_test(test_normalize_keeps_ta_marbuta),
        cmocka_unit_test(test_normalize_fold_ta_marbuta_in_place),
        cmocka_unit_test(test_normalize_folds_arabic_indic_digits),
        cmocka_unit_test(test_normalize_folds_case),
        cmocka_unit_test(test_normalize_presentation_forms),
        cmocka_unit_test(test_normalize_keeps_white_space),
        cmocka_unit_test(test_normalize_removes_default_ignorables),
        cmocka_unit_test(test_normalize_empty_input),
        cmocka_unit_test(test_normalize_rejects_invalid_utf8),
        cmocka_unit_test(test_normalize_reads_only_len_bytes),
        cmocka_unit_test(test_normalize_codepoint_rules),
        cmocka_unit_test(test_normalize_is_idempotent),
        cmocka_unit_test(test_normalize_builtin_stopwords_through_normaliser),
        cmocka_unit_test(test_normalize_codepoint_matches_the_rules_everywhere),
        cmocka_unit_test(test_normalize_fast_path_matches_utf8proc),
        cmocka_unit_test(test_normalize_pieces_match_utf8proc_on_random_mixtures),
        cmocka_unit_test(test_normalize_fast_path_matches_utf8proc_on_news),
        cmocka_unit_test(test_normalize_into_makes_room_for_lengthening_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
