/* test_tokenize.c - unit tests of summarize/text/tokenize.c: token boundaries by Unicode category,
 * Arabic and Latin punctuation as separators, script/digit flags, and growth of the token array. */
#include "test_util.h"

#include <utf8proc.h>

#include "summarize/text/normalize.h"
#include "summarize/text/tokenize.h"

typedef struct {
    token_span *toks;
    size_t n, cap;
} token_list;

static void run(token_list *tl, const char *s) {
    assert_int_equal(tokenize(s, strlen(s), &tl->toks, &tl->n, &tl->cap), ARS_OK);
}

/* Checks that s tokenises to exactly the space-separated words of expected ("" = no token). */
static void check_tokens(const char *s, const char *expected) {
    token_list tl = {0};
    run(&tl, s);
    size_t i = 0;
    const char *e = expected;
    while (*e) {
        const char *sp = strchr(e, ' ');
        size_t wlen = sp ? (size_t)(sp - e) : strlen(e);
        if (i >= tl.n)
            print_error("[%s]: only %zu tokens, missing [%.*s]\n", s, tl.n, (int)wlen, e);
        assert_true(i < tl.n);
        if (tl.toks[i].len != wlen || memcmp(s + tl.toks[i].start, e, wlen) != 0)
            print_error("[%s]: token %zu is [%.*s], want [%.*s]\n", s, i, (int)tl.toks[i].len,
                        s + tl.toks[i].start, (int)wlen, e);
        assert_int_equal(tl.toks[i].len, wlen);
        assert_memory_equal(s + tl.toks[i].start, e, wlen);
        i++;
        e += wlen;
        if (*e == ' ') e++;
    }
    if (tl.n != i) print_error("[%s]: %zu tokens, want %zu\n", s, tl.n, i);
    assert_int_equal(tl.n, i);
    free(tl.toks);
}

static void test_tokenize_arabic_words(void **state) {
    (void)state;
    check_tokens("قال الرئيس اليوم", "قال الرئيس اليوم");
    check_tokens("  وقال\n\tالوزير  ", "وقال الوزير");
    /* marks stay inside the word (the tokenizer also works on text that kept its harakat) */
    check_tokens("كَتَبَ الدَّرْسَ", "كَتَبَ الدَّرْسَ");
}

static void test_tokenize_arabic_punctuation_separates(void **state) {
    (void)state;
    check_tokens("نعم، لا؛ لماذا؟ «هنا» \"هناك\"", "نعم لا لماذا هنا هناك");
    check_tokens("الأولى،الثانية؛الثالثة؟الرابعة", "الأولى الثانية الثالثة الرابعة");
    check_tokens("(القاهرة) - [رويترز]: ...", "القاهرة رويترز");
    check_tokens("﴾الله﴿", "الله");
    /* tatweel (U+0640) is a letter modifier (Lm), so it does not split an unnormalised word */
    check_tokens("مـحمد", "مـحمد");
}

static void test_tokenize_mixed_latin_and_digits(void **state) {
    (void)state;
    check_tokens("شاشة MBC مصر عام 2018", "شاشة MBC مصر عام 2018");
    check_tokens("iPhone X10 و5G", "iPhone X10 و5G");
    check_tokens("https://www.bbc.com/arabic", "https www bbc com arabic");
    check_tokens("café naïve", "café naïve");
}

static void test_tokenize_numbers_split_at_separators(void **state) {
    (void)state;
    /* documented choice: punctuation splits numbers; each piece is a digit token */
    check_tokens("6,500 2.5 10.11.2020 50%", "6 500 2 5 10 11 2020 50");
    check_tokens("٦٬٥٠٠ ٢٫٥", "٦ ٥٠٠ ٢ ٥");
}

static void test_tokenize_flags(void **state) {
    (void)state;
    token_list tl = {0};
    run(&tl, "الرئيس Trump 2018 و5G ٢٠١٨ ΑΒΓ ـ");
    assert_int_equal(tl.n, 7);
    assert_int_equal(tl.toks[0].flags, TOKEN_ARABIC);
    assert_int_equal(tl.toks[1].flags, TOKEN_LATIN);
    assert_int_equal(tl.toks[2].flags, TOKEN_DIGIT);
    assert_int_equal(tl.toks[3].flags, TOKEN_ARABIC | TOKEN_LATIN | TOKEN_DIGIT);
    assert_int_equal(tl.toks[4].flags,
                     TOKEN_DIGIT);         /* Arabic-Indic digits are digits, not letters */
    assert_int_equal(tl.toks[5].flags, 0); /* Greek: a token, but neither flag */
    assert_int_equal(tl.toks[6].flags, 0); /* a lone tatweel is a modifier, not a letter */
    free(tl.toks);
}

static void test_tokenize_marks_do_not_start_tokens(void **state) {
    (void)state;
    /* a combining mark after a separator is not a token of its own */
    check_tokens("a \xcc\x81 b", "a b");
    check_tokens("\xd9\x8e", "");
    check_tokens("e\xcc\x81t\xc3\xa9", "e\xcc\x81t\xc3\xa9");
}

static void test_tokenize_invalid_bytes_separate(void **state) {
    (void)state;
    check_tokens("ab\xff"
                 "cd\xd8",
                 "ab cd");
    check_tokens("\x80\x80", "");
}

static void test_tokenize_empty_and_separators_only(void **state) {
    (void)state;
    check_tokens("", "");
    check_tokens(" ،؛؟.!\n", "");
}

static void test_tokenize_spans_point_into_input(void **state) {
    (void)state;
    token_list tl = {0};
    const char *s = "في «القدس»";
    run(&tl, s);
    assert_int_equal(tl.n, 2);
    assert_int_equal(tl.toks[0].start, 0);
    assert_int_equal(tl.toks[0].len, 4);
    assert_int_equal(tl.toks[1].start, 4 + 1 + 2);
    assert_int_equal(tl.toks[1].len, 10);
    free(tl.toks);
}

static void test_tokenize_appends_and_grows_array(void **state) {
    (void)state;
    /* 1000 words: the array must grow several times and keep every earlier token */
    size_t words = 1000;
    char *s = malloc(words * 9 + 1);
    assert_non_null(s);
    size_t len = 0;
    for (size_t i = 0; i < words; i++) {
        memcpy(s + len, i % 2 ? "كتاب " : "abcdef ", i % 2 ? 9 : 7);
        len += i % 2 ? 9 : 7;
    }
    token_list tl = {0};
    assert_int_equal(tokenize(s, len, &tl.toks, &tl.n, &tl.cap), ARS_OK);
    assert_int_equal(tl.n, words);
    assert_true(tl.cap >= words);
    size_t pos = 0;
    for (size_t i = 0; i < words; i++) {
        assert_int_equal(tl.toks[i].start, pos);
        assert_int_equal(tl.toks[i].len, i % 2 ? 8 : 6);
        assert_int_equal(tl.toks[i].flags, i % 2 ? TOKEN_ARABIC : TOKEN_LATIN);
        pos += i % 2 ? 9 : 7;
    }
    /* a second call appends after what is there */
    assert_int_equal(tokenize("x y", 3, &tl.toks, &tl.n, &tl.cap), ARS_OK);
    assert_int_equal(tl.n, words + 2);
    assert_int_equal(tl.toks[words].start, 0);
    assert_int_equal(tl.toks[words + 1].start, 2);
    assert_int_equal(tl.toks[0].len, 6);
    free(tl.toks);
    free(s);
}

/* Every code point of the Basic Multilingual Plane after a letter: it extends the token exactly
 * when utf8proc calls it a letter, digit or mark, and adds the flag of its category and block. */
static void test_tokenize_classes_match_utf8proc_categories(void **state) {
    (void)state;
    token_span *toks = NULL;
    size_t cap = 0;
    for (utf8proc_int32_t cp = 1; cp < 0x10000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char buf[8] = "x";
        size_t len = 1 + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + 1);
        size_t n = 0;
        assert_int_equal(tokenize(buf, len, &toks, &n, &cap), ARS_OK);
        utf8proc_category_t c = utf8proc_category(cp);
        int base =
            (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_ND;
        int mark =
            c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
        uint32_t want = TOKEN_LATIN;
        if (c == UTF8PROC_CATEGORY_ND)
            want |= TOKEN_DIGIT;
        else if (base && cp != 0x0640 && cp >= 0x0600 && cp <= 0x06FF)
            want |= TOKEN_ARABIC;
        else if (base && cp != 0x0640 &&
                 ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
                  (cp >= 0xC0 && cp <= 0x24F)))
            want |= TOKEN_LATIN;
        if (base || mark) {
            assert_int_equal(n, 1);
            assert_int_equal(toks[0].len, len);
            if (cp < 0x700 || cp > 0xFF00) assert_int_equal(toks[0].flags, want);
        } else {
            assert_int_equal(n, 1);
            assert_int_equal(toks[0].len, 1);
        }
    }
    free(toks);
}

/* tokenize_normalized against its definition, normalize_text_into then tokenize: the same
 * analysis copy and the same tokens, appended after those already in the array. */
typedef ars_status (*normalized_fn)(const tokenize_table *t, const char *s, size_t len, char **buf,
                                    size_t *buf_cap, size_t *out_len, token_span **toks, size_t *n,
                                    size_t *cap);

static void check_normalized_with(normalized_fn fn, const tokenize_table *t, const char *text,
                                  size_t len) {
    /* Read from a copy of its exact size, so that a block read past the text's end is an error
     * under the sanitizers. */
    char *s = test_util_exact_copy(text, len);
    char *want_buf = NULL, *got_buf = NULL;
    size_t want_cap = 0, got_cap = 0, want_len = 0, got_len = 0;
    token_list want = {0}, got = {0};
    run(&want, "x y");
    run(&got, "x y");
    ars_status want_st = normalize_text_into(s, len, &want_buf, &want_cap, &want_len);
    if (want_st == ARS_OK) want_st = tokenize(want_buf, want_len, &want.toks, &want.n, &want.cap);
    ars_status got_st = fn(t, s, len, &got_buf, &got_cap, &got_len, &got.toks, &got.n, &got.cap);
    if (got_st != want_st || (want_st == ARS_OK && (got_len != want_len || got.n != want.n)))
        print_error("[%.*s]: status %d, %zu bytes, %zu tokens; want %d, %zu, %zu\n", (int)len, s,
                    got_st, got_len, got.n, want_st, want_len, want.n);
    assert_int_equal(got_st, want_st);
    if (want_st == ARS_OK) {
        assert_int_equal(got_len, want_len);
        assert_true(got_len < got_cap);
        assert_memory_equal(got_buf, want_buf, want_len + 1);
        assert_int_equal(got.n, want.n);
        for (size_t k = 0; k < want.n; k++) {
            assert_int_equal(got.toks[k].start, want.toks[k].start);
            assert_int_equal(got.toks[k].len, want.toks[k].len);
            assert_int_equal(got.toks[k].flags, want.toks[k].flags);
        }
    }
    free(want_buf);
    free(got_buf);
    free(want.toks);
    free(got.toks);
    free(s);
}

/* Both ways of the one pass: the one the build uses (SSE2 on x86-64) and the portable one. */
static void check_normalized_is_normalize_then_tokenize(const tokenize_table *t, const char *s,
                                                        size_t len) {
    check_normalized_with(tokenize_normalized, t, s, len);
    check_normalized_with(tokenize_normalized_portable, t, s, len);
}

/* Every code point below U+0800 alone, after a letter and before one, then generated texts:
 * Arabic letters of both lead bytes with their alef and yeh variants, harakat, tatweel, digits of
 * both kinds, Latin of both cases, punctuation, symbols, spaces of every kind, line breaks (LF,
 * CR, CRLF, U+2028, NEL), format and control characters, CJK, and what normalises only with its
 * neighbours (NBSP, the composing hamza above, presentation forms, combining accents, U+023A that
 * lower case lengthens, malformed bytes, NUL). Half the texts keep to code points that normalise
 * on their own, so that the one-pass way is taken through whole texts. */
static void test_tokenize_normalized_is_normalize_then_tokenize(void **state) {
    (void)state;
    tokenize_table *t = NULL;
    assert_int_equal(tokenize_table_new(&t), ARS_OK);
    char in[512];
    for (utf8proc_int32_t cp = 0; cp < 0x800; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        size_t len = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)in);
        check_normalized_is_normalize_then_tokenize(t, in, len);
        in[0] = 'b';
        len = 1 + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)in + 1);
        in[len++] = 'x';
        check_normalized_is_normalize_then_tokenize(t, in, len);
    }
    static const char *const own[] = {"\xD8\xB9",
                                      "\xD9\x84",
                                      "\xD9\x8A",
                                      "\xD8\xA7",
                                      "\xD8\xA9" /* ة */,
                                      "\xD8\xA3",
                                      "\xD8\xA5",
                                      "\xD8\xA2",
                                      "\xD9\x89" /* ى */,
                                      "\xD9\x8E" /* fatha */,
                                      "\xD9\x91" /* shadda */,
                                      "\xD9\xB0" /* alef above */,
                                      "\xD9\x80" /* tatweel */,
                                      "\xD9\xA3" /* ٣ */,
                                      "\xDB\xB5" /* ۵ */,
                                      "\xDA\xA9" /* ک */,
                                      "7",
                                      "a",
                                      "Z",
                                      "Q",
                                      " ",
                                      " ",
                                      "\t",
                                      "\n",
                                      "\r\n",
                                      "\r",
                                      "\xC2\x85" /* NEL */,
                                      "\x1B",
                                      "\x7F",
                                      ".",
                                      ",",
                                      "-",
                                      "\xD8\x8C" /* ، */,
                                      "\xD8\x9F" /* ؟ */,
                                      "\xC2\xAB",
                                      "\xC2\xBB",
                                      "$",
                                      "\xC3\xA9" /* é */,
                                      "\xC3\x89",
                                      "\xD7\x90" /* א */,
                                      "\xD0\x96" /* Ж */,
                                      "\xD2\x88" /* enclosing mark */};
    static const char *const other[] = {"\xC2\xA0" /* NBSP */,
                                        "\xD9\x94" /* hamza above */,
                                        "\xCC\x81" /* combining acute */,
                                        "\xC8\xBA" /* U+023A */,
                                        "\xE2\x80\xA8" /* U+2028 */,
                                        "\xE2\x80\x8C" /* ZWNJ */,
                                        "\xE2\x80\x8F" /* RLM */,
                                        "\xE2\x80\xA6" /* … */,
                                        "\xE2\x80\x9C",
                                        "\xEF\xBB\xBF" /* BOM */,
                                        "\xEF\xBA\x8D" /* presentation form */,
                                        "\xEF\xBB\xBB" /* ﻻ */,
                                        "\xEF\xB9\xB0" /* isolated haraka */,
                                        "\xE4\xB8\xAD" /* CJK */,
                                        "\xF0\x9F\x98\x80" /* emoji */,
                                        "\xD9",
                                        "\x80",
                                        "\xE2\x80"};
    const size_t n_own = sizeof own / sizeof *own, n_other = sizeof other / sizeof *other;
    uint64_t rng = 7;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        size_t words = 5 + (size_t)(test_util_next(&rng) >> 59);
        while (len < 400 && words > 0) {
            test_util_next(&rng);
            /* Mostly the first letters, so that words form; now and then the rest. */
            size_t r = (size_t)(rng >> 33);
            const char *piece = (rng >> 60) < 9                ? own[r % 4]
                                : round % 2 || (rng >> 61) < 7 ? own[r % n_own]
                                                               : other[r % n_other];
            if ((rng >> 60) == 15 && round % 5 == 0) piece = "\0";
            size_t pl = piece[0] ? strlen(piece) : 1;
            memcpy(in + len, piece, pl);
            len += pl;
            if (piece[0] == ' ') words--;
        }
        check_normalized_is_normalize_then_tokenize(t, in, len);
    }
    check_normalized_is_normalize_then_tokenize(t, "", 0);
    /* Lower case lengthens U+023A to U+2C65: whole texts of it, at every length. */
    for (size_t len = 1; len < sizeof in; len++) {
        size_t i = 0;
        if (len % 2) in[i++] = ' ';
        for (; i < len; i += 2)
            utf8proc_encode_char(0x023A, (utf8proc_uint8_t *)in + i);
        check_normalized_is_normalize_then_tokenize(t, in, len);
    }
    tokenize_table_free(t);
    tokenize_table_free(NULL);
}

/* The runs of letters taken sixteen bytes at a time (eight in the portable way): every lead byte
 * with every continuation byte and a few others, at every offset of a long run of letters that
 * normalise to themselves (so across the 8- and 16-byte blocks), then followed by more letters, a
 * space or the end of the text; and runs of every length ending at the end of the text, of
 * letters of both lead bytes, with a letter that normalises to another one at each place. */
static void test_tokenize_normalized_letter_runs(void **state) {
    (void)state;
    tokenize_table *t = NULL;
    assert_int_equal(tokenize_table_new(&t), ARS_OK);
    /* ع ل ي ا ن ة ف ك, of both lead bytes */
    static const char run[] = "\xD8\xB9\xD9\x84\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA9\xD9\x81\xD9\x83";
    const size_t run_len = sizeof run - 1;
    char in[96];
    static const unsigned char seconds_other[] = {' ', 'a', '0', 0xC2, 0xD8, 0xD9, 0xDB, 0xE2, 0};
    for (unsigned lead = 0; lead < 256; lead++) {
        for (unsigned k = 0; k < 64 + sizeof seconds_other; k++) {
            unsigned second = k < 64 ? 0x80 + k : seconds_other[k - 64];
            for (size_t at = 0; at <= 18; at += 2) {
                size_t len = 0;
                while (len < at) {
                    memcpy(in + len, run + len % run_len, 2);
                    len += 2;
                }
                in[len++] = (char)lead;
                in[len++] = (char)second;
                size_t body = len;
                for (int tail = 0; tail < 3; tail++) {
                    len = body;
                    if (tail == 1) {
                        memcpy(in + len, run, run_len);
                        len += run_len;
                    } else if (tail == 2) {
                        memcpy(in + len, " \xD9\x84\xD8\xB9", 5);
                        len += 5;
                    }
                    check_normalized_is_normalize_then_tokenize(t, in, len);
                }
            }
        }
    }
    /* Runs of every length up to 40 letters, the last at the very end of the text, with أ, إ,
     * آ, ى, ة, tatweel, a haraka or a digit at each place in turn. */
    static const char *const odd[] = {"\xD8\xA3", "\xD8\xA5", "\xD8\xA2", "\xD9\x89", "\xD8\xA9",
                                      "\xD9\x80", "\xD9\x8E", "\xD9\xA3", "\xD9\x94", "x"};
    for (size_t n_letters = 1; n_letters <= 40; n_letters++) {
        for (size_t o = 0; o <= sizeof odd / sizeof *odd; o++) {
            for (size_t place = 0; place < n_letters; place++) {
                size_t len = 0;
                in[len++] = ' ';
                for (size_t j = 0; j < n_letters; j++) {
                    const char *l =
                        o < sizeof odd / sizeof *odd && j == place ? odd[o] : run + 2 * (j % 8);
                    size_t ll = o < sizeof odd / sizeof *odd && j == place ? strlen(l) : 2;
                    memcpy(in + len, l, ll);
                    len += ll;
                }
                check_normalized_is_normalize_then_tokenize(t, in, len);
                check_normalized_is_normalize_then_tokenize(t, in + 1, len - 1);
                if (o == sizeof odd / sizeof *odd) break; /* the plain run: once */
            }
        }
    }
    tokenize_table_free(t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenize_arabic_words),
        cmocka_unit_test(test_tokenize_arabic_punctuation_separates),
        cmocka_unit_test(test_tokenize_mixed_latin_and_digits),
        cmocka_unit_test(test_tokenize_numbers_split_at_separators),
        cmocka_unit_test(test_tokenize_flags),
        cmocka_unit_test(test_tokenize_marks_do_not_start_tokens),
        cmocka_unit_test(test_tokenize_invalid_bytes_separate),
        cmocka_unit_test(test_tokenize_empty_and_separators_only),
        cmocka_unit_test(test_tokenize_spans_point_into_input),
        cmocka_unit_test(test_tokenize_appends_and_grows_array),
        cmocka_unit_test(test_tokenize_classes_match_utf8proc_categories),
        cmocka_unit_test(test_tokenize_normalized_is_normalize_then_tokenize),
        cmocka_unit_test(test_tokenize_normalized_letter_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
