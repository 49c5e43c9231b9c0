/* test_docterms.c - unit tests of an article's vector terms (summarize/briefing/docterms.c): the
 * title counts twice, boilerplate lines count nothing, the text's own title line is found (its
 * " | SITE" tail dropped) unless the caller gives one, and the date is read. */
#include "test_util.h"

#include "summarize/briefing/docterms.h"

static size_t count_of(const uint32_t *terms, size_t n, uint32_t id) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += terms[i] == id;
    return c;
}

static void test_title_counts_twice_and_found_title_loses_site(void **state) {
    (void)state;
    analyzer *an = NULL;
    vocab *voc = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(analyzer_new(ARS_STEM_NONE, &an, &err), ARS_OK);
    assert_int_equal(vocab_new(&voc), ARS_OK);
    const char *text = "زلزال يضرب تشيلي | أخبار العالم\n\n"
                       "الثلاثاء 10 أبريل 2018\n\n"
                       "ضرب زلزال قوي وسط تشيلي صباح اليوم دون أنباء عن ضحايا.\n"
                       "شارك على فيسبوك\n";
    uint32_t *terms = NULL;
    size_t n = 0, cap = 0;
    docterms_info info;
    assert_int_equal(docterms_article(an, voc, text, strlen(text), NULL, &terms, &n, &cap, &info),
                     ARS_OK);
    assert_non_null(info.found_title);
    assert_string_equal(info.found_title, "زلزال يضرب تشيلي");
    assert_int_equal(info.year, 2018);
    uint32_t quake, chile, share;
    assert_true(vocab_find(voc, "زلزال", strlen("زلزال"), &quake));
    assert_true(vocab_find(voc, "تشيلي", strlen("تشيلي"), &chile));
    assert_int_equal(count_of(terms, n, quake), 1 + DOCTERMS_TITLE_WEIGHT);
    assert_false(vocab_find(voc, "فيسبوك", strlen("فيسبوك"), &share)); /* chrome: dropped */
    free(info.found_title);
    /* a title given by the caller replaces the one in the text */
    n = 0;
    assert_int_equal(docterms_article(an, voc, text, strlen(text), "بركان في إندونيسيا", &terms, &n,
                                      &cap, &info),
                     ARS_OK);
    assert_null(info.found_title);
    uint32_t volcano;
    assert_true(vocab_find(voc, "بركان", strlen("بركان"), &volcano));
    assert_int_equal(count_of(terms, n, volcano), DOCTERMS_TITLE_WEIGHT);
    assert_int_equal(count_of(terms, n, quake), 1);
    free(terms);
    vocab_free(voc);
    analyzer_free(an);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_counts_twice_and_found_title_loses_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
