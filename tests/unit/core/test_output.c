/* test_output.c - ars_summary_write (summarize/output/output.c): the text and JSON formats of a
 * known summary, bad arguments, and a write failure named after the destination. */
#include "test_util.h"

#include "summarize/summarize.h"

static const char DOC[] = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\n";

/* A summarizer over DOC with the given method, run. */
static ars_summarizer *run_one(ars_method method) {
    ars_options o;
    ars_options_init(&o);
    o.method = method;
    ars_summarizer *s = NULL;
    assert_int_equal(ars_summarizer_new(&o, &s, NULL), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "doc.txt", DOC, sizeof DOC - 1, NULL), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, NULL), ARS_OK);
    assert_int_equal(ars_summary_count(s), 1);
    return s;
}

/* What ars_summary_write puts in a file, as a malloc'd string. */
static char *written(const ars_summarizer *s, ars_format format) {
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(ars_summary_write(s, f, format, "tmp", NULL), ARS_OK);
    long n = ftell(f);
    assert_true(n >= 0);
    char *buf = calloc((size_t)n + 1, 1);
    assert_non_null(buf);
    rewind(f);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return buf;
}

static void test_write_text_is_one_sentence_per_line(void **state) {
    (void)state;
    ars_summarizer *s = run_one(ARS_METHOD_DEFAULT);
    char *got = written(s, ARS_FORMAT_TEXT);
    assert_string_equal(got, DOC); /* the sentence, its line end folded, then a newline */
    free(got);
    ars_summarizer_free(s);
}

static void test_write_json_names_method_and_sentence_fields(void **state) {
    (void)state;
    ars_summarizer *s = run_one(ARS_METHOD_LEAD);
    char *got = written(s, ARS_FORMAT_JSON);
    const ars_sentence *x = ars_summary_get(s, 0);
    char expect[1024];
    snprintf(expect, sizeof expect,
             "{\n  \"method\": \"lead\",\n  \"sentences\": [\n    {\n      \"file\": \"doc.txt\",\n"
             "      \"doc\": 0,\n      \"index\": 0,\n      \"start\": 0,\n      \"end\": %zu,\n"
             "      \"score\": 1.0,\n      \"text\": \"%.*s\"\n    }\n  ]\n}\n",
             x->end, (int)x->text_len, x->text);
    assert_string_equal(got, expect);
    free(got);
    ars_summarizer_free(s);
}

/* A document name that is not UTF-8 is written with U+FFFD for each bad byte (jansson refuses
 * such strings, which was reported as out of memory). */
static void test_write_json_file_name_not_utf8(void **state) {
    (void)state;
    ars_summarizer *s = NULL;
    assert_int_equal(ars_summarizer_new(NULL, &s, NULL), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "caf\xe9.txt", DOC, sizeof DOC - 1, NULL),
                     ARS_OK);
    assert_int_equal(ars_summarizer_run(s, NULL), ARS_OK);
    char *got = written(s, ARS_FORMAT_JSON);
    assert_non_null(strstr(got, "\"file\": \"caf\xEF\xBF\xBD.txt\""));
    free(got);
    ars_summarizer_free(s);
}

static void test_write_refuses_bad_arguments(void **state) {
    (void)state;
    ars_summarizer *s = run_one(ARS_METHOD_DEFAULT);
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summary_write(NULL, stdout, ARS_FORMAT_TEXT, "x", &err), ARS_EARG);
    assert_int_equal(ars_summary_write(s, NULL, ARS_FORMAT_TEXT, "x", &err), ARS_EARG);
    assert_int_equal(ars_summary_write(s, stdout, (ars_format)7, "x", &err), ARS_EARG);
    assert_non_null(strstr(err.message, "unknown format"));
    ars_summarizer_free(s);
}

static void test_write_failure_names_the_destination(void **state) {
    (void)state;
    ars_summarizer *s = run_one(ARS_METHOD_DEFAULT);
    FILE *full = fopen("/dev/full", "w");
    if (!full) skip();
    setvbuf(full, NULL, _IONBF, 0); /* unbuffered: the write itself fails, with ENOSPC */
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summary_write(s, full, ARS_FORMAT_TEXT, "brief.txt", &err), ARS_EIO);
    assert_int_equal(err.status, ARS_EIO);
    assert_non_null(strstr(err.message, "brief.txt: write failed: "));
    fclose(full);
    ars_summarizer_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_text_is_one_sentence_per_line),
        cmocka_unit_test(test_write_json_names_method_and_sentence_fields),
        cmocka_unit_test(test_write_json_file_name_not_utf8),
        cmocka_unit_test(test_write_refuses_bad_arguments),
        cmocka_unit_test(test_write_failure_names_the_destination),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
