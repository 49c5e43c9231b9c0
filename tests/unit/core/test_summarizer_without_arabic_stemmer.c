/* test_summarizer_without_arabic_stemmer.c - the public constructor on a libstemmer built without
 * Arabic: ars_summarizer_new must report ARS_EMODEL with a message naming the stemmer (it once said
 * "out of memory"), and a summarizer without stemming must still work. The stand-in
 * tests/fake/stemmer_without_arabic.c, linked into this executable, defines sb_stemmer_list and
 * sb_stemmer_new, which take the place of libstemmer's own. */
#include "test_util.h"

#include "summarize/summarize.h"

static void test_new_without_arabic_stemmer_is_model_error_naming_the_stemmer(void **state) {
    (void)state;
    int not_null;
    ars_summarizer *s = (ars_summarizer *)&not_null;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(NULL, &s, &err), ARS_EMODEL);
    assert_null(s);
    assert_int_equal(err.status, ARS_EMODEL);
    assert_string_equal(err.message,
                        "stemmer: the installed libstemmer has no Snowball Arabic algorithm");
    assert_int_equal(ars_summarizer_new(NULL, &s, NULL), ARS_EMODEL);
}

static void test_new_without_stemming_works_without_arabic_stemmer(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    o.stem = ARS_STEM_NONE;
    ars_summarizer *s = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
    const char doc[] = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\n"
                       "وقال الوزير إن الخطة تشمل قروضا ميسرة للمزارعين الصغار هذا العام.\n";
    assert_int_equal(ars_summarizer_add_document(s, "doc.txt", doc, sizeof doc - 1, &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_true(ars_summary_count(s) >= 1);
    ars_summarizer_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_without_arabic_stemmer_is_model_error_naming_the_stemmer),
        cmocka_unit_test(test_new_without_stemming_works_without_arabic_stemmer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
