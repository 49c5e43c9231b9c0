/* test_briefout.c - unit tests of the briefing formats (summarize/cli/briefout.c) on a small
 * briefing: Markdown (numbered stories, escaped markup, sources as code spans), text with and
 * without citations, JSON and JSON Lines that parse back with the fields, HTML that is a
 * right-to-left page with everything escaped; names that are not UTF-8. */
#include "test_util.h"

#include <jansson.h>

#include "summarize/cli/briefout.h"

static const char *const TEXTS[] = {
    "أصدر الرئيس السوداني عمر البشير قرارا بالإفراج عن جميع المعتقلين السياسيين في البلاد.\n"
    "وقال التلفزيون الرسمي إن القرار يشمل المعتقلين في الاحتجاجات <الأخيرة> & الغلاء.\n",
    "أمر الرئيس السوداني عمر البشير بإطلاق سراح جميع السجناء السياسيين المعتقلين.\n"
    "وكانت السلطات قد اعتقلت عشرات المعارضين خلال الاحتجاجات على ارتفاع الأسعار.\n",
    "فاز فريق ريال مدريد على يوفنتوس بثلاثة أهداف نظيفة في دوري أبطال أوروبا.\n"
    "وسجل كريستيانو رونالدو هدفين في المباراة التي أقيمت في مدينة تورينو الإيطالية.\n"};
static const char *const NAMES[] = {"a_1*", "a2", "bad\xff.txt"};
static const char *const TITLES[] = {"البشير يفرج عن #المعتقلين", NULL, NULL};
static const char *const SOURCES[] = {"Alarabia", "BBC", NULL};

static ars_briefing *brief(void) {
    ars_briefing *b = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_briefing_new(NULL, NULL, &b, &err), ARS_OK);
    for (size_t i = 0; i < 3; i++) {
        ars_article_info info = {NULL, TITLES[i], SOURCES[i], 1523350000 + (int64_t)i};
        assert_int_equal(
            ars_briefing_add_article(b, NAMES[i], TEXTS[i], strlen(TEXTS[i]), &info, &err), ARS_OK);
    }
    assert_int_equal(ars_briefing_run(b, &err), ARS_OK);
    assert_int_equal(ars_briefing_story_count(b), 2);
    return b;
}

static char *render(const ars_briefing *b, briefout_format fmt, int cite) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    ars_error err = {ARS_OK, ""};
    assert_int_equal(briefout_write(b, f, fmt, cite, "memory", &err), ARS_OK);
    fclose(f);
    return buf;
}

static void test_format_names(void **state) {
    (void)state;
    briefout_format f;
    assert_int_equal(briefout_format_from_name("html", &f), ARS_OK);
    assert_int_equal(f, BRIEFOUT_HTML);
    assert_int_equal(briefout_format_from_name("jsonl", &f), ARS_OK);
    assert_int_equal(briefout_format_from_name("pdf", &f), ARS_EARG);
    assert_int_equal(briefout_format_from_name(NULL, &f), ARS_EARG);
}

static void test_markdown(void **state) {
    (void)state;
    ars_briefing *b = brief();
    char *md = render(b, BRIEFOUT_MARKDOWN, 0);
    assert_true(strncmp(md, "# موجز الأخبار\n\n## 1. البشير يفرج عن \\#المعتقلين\n\n- ", 60) == 0);
    assert_non_null(strstr(md, "\\<الأخيرة\\>"));
    assert_non_null(strstr(md, "\nالمصادر: "));
    assert_non_null(strstr(md, "Alarabia: `a_1*`"));
    assert_non_null(strstr(md, "BBC: `a2`"));
    assert_non_null(strstr(md, "`، ")); /* an Arabic comma between articles */
    assert_non_null(strstr(md, "\n## 2. "));
    assert_non_null(strstr(md, "`bad\xef\xbf\xbd.txt`")); /* U+FFFD for the bad byte */
    free(md);
    char *cited = render(b, BRIEFOUT_MARKDOWN, 1);
    assert_non_null(strstr(cited, " [a\\_1\\*]\n"));
    free(cited);
    ars_briefing_free(b);
}

static void test_text(void **state) {
    (void)state;
    ars_briefing *b = brief();
    char *txt = render(b, BRIEFOUT_TEXT, 0);
    assert_true(strncmp(txt, "1. البشير يفرج عن #المعتقلين\n", 40) == 0);
    assert_null(strstr(txt, "المصادر"));
    assert_null(strstr(txt, " ["));
    free(txt);
    char *cited = render(b, BRIEFOUT_TEXT, 1);
    assert_non_null(strstr(cited, ". [a_1*]\n"));
    free(cited);
    ars_briefing_free(b);
}

static void test_json_and_jsonl(void **state) {
    (void)state;
    ars_briefing *b = brief();
    char *js = render(b, BRIEFOUT_JSON, 0);
    json_error_t je;
    json_t *root = json_loads(js, 0, &je);
    assert_non_null(root);
    json_t *stories = json_object_get(root, "stories");
    assert_int_equal(json_array_size(stories), 2);
    json_t *s0 = json_array_get(stories, 0);
    assert_string_equal(json_string_value(json_object_get(s0, "headline")),
                        "البشير يفرج عن #المعتقلين");
    assert_true(json_array_size(json_object_get(s0, "summary")) >= 1);
    assert_int_equal(json_array_size(json_object_get(s0, "documents")), 2);
    assert_int_equal(json_array_size(json_object_get(s0, "sources")), 2);
    assert_string_equal(json_string_value(json_object_get(s0, "time")), "2018-04-10T08:46:41Z");
    assert_true(json_is_null(json_object_get(json_array_get(stories, 1), "sources")) == 0);
    assert_int_equal(json_integer_value(json_object_get(root, "articles")), 3);
    json_decref(root);
    free(js);
    char *jl = render(b, BRIEFOUT_JSONL, 0);
    char *nl = strchr(jl, '\n');
    assert_non_null(nl);
    *nl = '\0';
    json_t *line = json_loads(jl, 0, &je);
    assert_non_null(line);
    assert_int_equal(json_integer_value(json_object_get(line, "rank")), 1);
    json_decref(line);
    line = json_loads(nl + 1, 0, &je);
    assert_non_null(line);
    json_t *docs = json_object_get(line, "documents");
    assert_string_equal(json_string_value(json_array_get(docs, 0)), "bad\xef\xbf\xbd.txt");
    json_decref(line);
    free(jl);
    ars_briefing_free(b);
}

static void test_html(void **state) {
    (void)state;
    ars_briefing *b = brief();
    char *html = render(b, BRIEFOUT_HTML, 0);
    assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">", 42) == 0);
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(html, "&lt;الأخيرة&gt; &amp; الغلاء"));
    assert_non_null(strstr(html, "<bdi>Alarabia: a_1*</bdi>"));
    assert_non_null(strstr(html, "<article id=\"story-2\">"));
    assert_non_null(strstr(html, "</main>\n</body>\n</html>\n"));
    assert_null(strstr(html, "<الأخيرة>"));
    free(html);
    ars_briefing_free(b);
}

static void test_cited_summary(void **state) {
    (void)state;
    ars_summarizer *s = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(NULL, &s, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "one.txt", TEXTS[0], strlen(TEXTS[0]), &err),
                     ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(briefout_cited_summary(s, f, "memory", &err), ARS_OK);
    fclose(f);
    assert_non_null(strstr(buf, ". [one.txt]\n"));
    free(buf);
    ars_summarizer_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names), cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_text),         cmocka_unit_test(test_json_and_jsonl),
        cmocka_unit_test(test_html),         cmocka_unit_test(test_cited_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
