/* test_eval_tokenize.c - the evaluation tokenizer: Arabic normalisation (harakat, tatweel, alef
 * forms, alef maqsura, teh marbuta, digits, NFKC presentation forms), token boundaries by Unicode
 * category, --no-normalize, pre-tokenized input, stemming, invalid UTF-8. */
#include "test_util.h"

#include <errno.h>

#include "eval/tokenize.h"

typedef struct {
    char buf[1024];
    size_t len;
    size_t n;
} tok_sink;

/* Collects tokens as "a|b|c". */
static int tok_collect(void *user, const char *tok, size_t len) {
    tok_sink *k = user;
    if (k->n && k->len + 1 < sizeof k->buf) k->buf[k->len++] = '|';
    if (k->len + len < sizeof k->buf) {
        memcpy(k->buf + k->len, tok, len);
        k->len += len;
    }
    k->buf[k->len] = '\0';
    k->n++;
    return 0;
}

static void tok_expect(const eval_tokenize_options *o, const char *in, const char *want) {
    eval_tokenizer *t;
    assert_int_equal(eval_tokenizer_new(o, &t), 0);
    tok_sink k = {{0}, 0, 0};
    assert_int_equal(eval_tokenizer_each(t, in, strlen(in), tok_collect, &k), 0);
    assert_string_equal(k.buf, want);
    eval_tokenizer_free(t);
}

static void test_tokenize_strips_harakat_and_tatweel_without_splitting(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    /* كَتَبَ with fatha marks, and كتـــاب with tatweel */
    tok_expect(&o,
               "\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e\xd8\xa8\xd9\x8e "
               "\xd9\x83\xd8\xaa\xd9\x80\xd9\x80\xd8\xa7\xd8\xa8",
               "\xd9\x83\xd8\xaa\xd8\xa8|\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8");
}

static void test_tokenize_folds_alef_yeh_teh_marbuta(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    /* أحمد إلى آخر مدرسة ٱلله -> احمد الي اخر مدرسه الله */
    tok_expect(&o,
               "\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf \xd8\xa5\xd9\x84\xd9\x89 \xd8\xa2\xd8\xae\xd8\xb1 "
               "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9 \xd9\xb1\xd9\x84\xd9\x84\xd9\x87",
               "\xd8\xa7\xd8\xad\xd9\x85\xd8\xaf|\xd8\xa7\xd9\x84\xd9\x8a|\xd8\xa7\xd8\xae\xd8\xb1|"
               "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd9\x87|\xd8\xa7\xd9\x84\xd9\x84\xd9\x87");
}

static void test_tokenize_folds_digits_and_case_and_splits_punctuation(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    /* ٢٠٢٣ and ۴ (Eastern Arabic-Indic), Latin upper case, Arabic comma and full stop */
    tok_expect(&o, "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3\xd8\x8c \xdb\xb4 BBC-News. 2.5",
               "2023|4|bbc|news|2|5");
}

static void test_tokenize_nfkc_folds_presentation_forms(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    /* U+FEFB (lam-alef ligature) -> لا ; U+FE8D (isolated alef) -> ا */
    tok_expect(&o, "\xef\xbb\xbb \xef\xba\x8d", "\xd9\x84\xd8\xa7|\xd8\xa7");
}

static void test_tokenize_no_normalize_keeps_surface_forms(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    o.normalize = 0;
    tok_expect(&o, "\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf BBC \xd9\xa2",
               "\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf|BBC|\xd9\xa2");
}

static void test_tokenize_pretokenized_splits_on_spaces_only(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    o.pretokenized = 1;
    tok_expect(&o, "  a-b  C.d\te ", "a-b|C.d|e");
}

static void test_tokenize_stemming_maps_inflections_together(void **state) {
    (void)state;
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    o.stem = 1;
    eval_tokenizer *t;
    assert_int_equal(eval_tokenizer_new(&o, &t), 0);
    /* الكتاب and كتاب share a Snowball stem */
    const char *a = "\xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8";
    const char *b = "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8";
    tok_sink ka = {{0}, 0, 0}, kb = {{0}, 0, 0};
    assert_int_equal(eval_tokenizer_each(t, a, strlen(a), tok_collect, &ka), 0);
    assert_int_equal(eval_tokenizer_each(t, b, strlen(b), tok_collect, &kb), 0);
    assert_string_equal(ka.buf, kb.buf);
    eval_tokenizer_free(t);
}

static void test_tokenize_rejects_invalid_utf8(void **state) {
    (void)state;
    eval_tokenizer *t;
    assert_int_equal(eval_tokenizer_new(NULL, &t), 0);
    tok_sink k = {{0}, 0, 0};
    assert_int_equal(eval_tokenizer_each(t, "ab\xff", 3, tok_collect, &k), EILSEQ);
    assert_int_equal(eval_tokenizer_count(t, "ab\xc3", 3), (size_t)-1);
    assert_int_equal(eval_tokenizer_count(t, "one, two; three", 15), 3);
    eval_tokenizer_free(t);
}

static void test_tokenize_fold_table(void **state) {
    (void)state;
    assert_int_equal(eval_tokenize_fold(0x064E), -1);
    assert_int_equal(eval_tokenize_fold(0x0670), -1);
    assert_int_equal(eval_tokenize_fold(0x0640), -1);
    assert_int_equal(eval_tokenize_fold(0x065F), -1);
    assert_int_equal(eval_tokenize_fold(0x0660), '0');
    assert_int_equal(eval_tokenize_fold(0x06F9), '9');
    assert_int_equal(eval_tokenize_fold(0x0671), 0x0627);
    assert_int_equal(eval_tokenize_fold('A'), 'a');
    assert_int_equal(eval_tokenize_fold(0x0628), 0x0628);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenize_strips_harakat_and_tatweel_without_splitting),
        cmocka_unit_test(test_tokenize_folds_alef_yeh_teh_marbuta),
        cmocka_unit_test(test_tokenize_folds_digits_and_case_and_splits_punctuation),
        cmocka_unit_test(test_tokenize_nfkc_folds_presentation_forms),
        cmocka_unit_test(test_tokenize_no_normalize_keeps_surface_forms),
        cmocka_unit_test(test_tokenize_pretokenized_splits_on_spaces_only),
        cmocka_unit_test(test_tokenize_stemming_maps_inflections_together),
        cmocka_unit_test(test_tokenize_rejects_invalid_utf8),
        cmocka_unit_test(test_tokenize_fold_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
