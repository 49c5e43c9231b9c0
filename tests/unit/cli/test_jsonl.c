/* test_jsonl.c - unit tests of the JSON Lines inputs (summarize/cli/jsonl.c): articles with their
 * optional fields, the ANT layout, refusals that name the line, and batch clusters. */
#include "test_util.h"

#include "summarize/cli/jsonl.h"

static void test_article_fields(void **state) {
    (void)state;
    const char *line = "{\"id\": \"BB-1\", \"source\": \"BBC\", \"category\": \"sport\", "
                       "\"time\": \"Fri, 23 Mar 2018 13:08:10 GMT\", \"title\": \"عنوان\", "
                       "\"text\": \"نص الخبر.\\nفقرة ثانية.\"}";
    jsonl_article a;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(jsonl_article_parse("f:1", line, strlen(line), &a, &err), ARS_OK);
    assert_string_equal(a.id, "BB-1");
    assert_string_equal(a.source, "BBC");
    assert_string_equal(a.title, "عنوان");
    assert_int_equal(a.text_len, strlen("نص الخبر.\nفقرة ثانية."));
    assert_int_equal(a.time, 1521810490);
    assert_false(a.time_unreadable);
    jsonl_article_free(&a);
    const char *minimal = "{\"text\": \"نص\", \"id\": 42, \"time\": 7}";
    assert_int_equal(jsonl_article_parse("f:2", minimal, strlen(minimal), &a, &err), ARS_OK);
    assert_string_equal(a.id, "42");
    assert_null(a.title);
    assert_null(a.source);
    assert_int_equal(a.time, 7);
    jsonl_article_free(&a);
    const char *odd_time = "{\"text\": \"نص\", \"time\": \"soon\"}";
    assert_int_equal(jsonl_article_parse("f:3", odd_time, strlen(odd_time), &a, &err), ARS_OK);
    assert_true(a.time_unreadable);
    assert_int_equal(a.time, ARS_TIME_UNKNOWN);
    jsonl_article_free(&a);
}

static void expect_refused_n(const char *line, size_t len, const char *want) {
    jsonl_article a;
    ars_error err = {ARS_OK, ""};
    ars_status st = jsonl_article_parse("in.jsonl:9", line, len, &a, &err);
    if (st != ARS_EUTF8 || strncmp(err.message, "in.jsonl:9: ", 12) || !strstr(err.message, want)) {
        print_error("'%s': status %d, '%s'\n", line, (int)st, err.message);
        fail();
    }
}

static void expect_refused(const char *line, const char *want) {
    expect_refused_n(line, strlen(line), want);
}

static void test_article_refusals_name_the_line(void **state) {
    (void)state;
    expect_refused("not json", "not JSON");
    expect_refused("[1, 2]", "not a JSON object");
    expect_refused("{\"id\": 1}", "no \"text\" string");
    expect_refused("{\"text\": 3}", "no \"text\" string");
    expect_refused("{\"text\": \"a\", \"title\": 1}", "\"title\" must be a string");
    expect_refused("{\"text\": \"a\", \"source\": []}", "\"source\" must be a string");
    expect_refused("{\"text\": \"a\", \"id\": 1.5}", "\"id\" must be a string or a whole number");
    expect_refused("{\"text\": \"a\", \"text\": \"b\"}", "duplicate");
    expect_refused("{\"text\": \"a\\u0000b\"}", "not JSON");
    expect_refused("{\"text\": \"\xff\"}", "not JSON");
    /* A raw NUL byte, where jansson would say "near end of file": named, with its column in
     * characters. */
    expect_refused_n("\0{\"text\": \"a\"}", 15, "not JSON: NUL byte (column 1;");
    expect_refused_n("{\"text\": \"نص\0\"}", 17, "not JSON: NUL byte (column 13;");
}

static void test_clusters(void **state) {
    (void)state;
    const char *line = "{\"id\": [1, \"x\"], \"docs\": [\"نص أول\", {\"text\": \"نص ثان\", "
                       "\"id\": \"d2\"}, {\"text\": \"ثالث\"}]}";
    jsonl_cluster c;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(jsonl_cluster_parse("c:1", line, strlen(line), &c, &err), ARS_OK);
    assert_true(json_is_array(c.id));
    assert_int_equal(c.n_docs, 3);
    const char *text, *id;
    size_t len;
    char buf[32];
    jsonl_cluster_doc(&c, 0, &text, &len, &id, buf);
    assert_string_equal(id, "doc 1");
    assert_int_equal(len, strlen("نص أول"));
    jsonl_cluster_doc(&c, 1, &text, &len, &id, buf);
    assert_string_equal(id, "d2");
    jsonl_cluster_doc(&c, 2, &text, &len, &id, buf);
    assert_string_equal(id, "doc 3");
    jsonl_cluster_free(&c);
    const char *bad = "{\"id\": 5, \"docs\": [\"a\", 7]}";
    assert_int_equal(jsonl_cluster_parse("c:2", bad, strlen(bad), &c, &err), ARS_EUTF8);
    assert_non_null(strstr(err.message, "c:2: document 2: must be a string or an object"));
    assert_int_equal(json_integer_value(c.id), 5); /* kept for the error line */
    jsonl_cluster_free(&c);
    const char *nodocs = "{\"id\": 5}";
    assert_int_equal(jsonl_cluster_parse("c:3", nodocs, strlen(nodocs), &c, &err), ARS_EUTF8);
    assert_non_null(strstr(err.message, "\"docs\" must be an array"));
    jsonl_cluster_free(&c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_fields),
        cmocka_unit_test(test_article_refusals_name_the_line),
        cmocka_unit_test(test_clusters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
