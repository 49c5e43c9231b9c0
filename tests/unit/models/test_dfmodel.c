/* test_dfmodel.c - unit tests of the document-frequency model format (models/dfmodel.c): a model
 * written by the writer reads back; every kind of fault is refused with ARS_EMODEL and a message
 * naming the file and line; the built-in model parses. */
#include "test_util.h"

#include "models/dfmodel.h"

typedef struct {
    char terms[8][32];
    size_t df[8], n;
} collected;

static ars_status collect(void *ctx, const char *term, size_t len, size_t df) {
    collected *c = ctx;
    if (c->n == 8 || len >= 32) return ARS_ELIMIT;
    memcpy(c->terms[c->n], term, len);
    c->terms[c->n][len] = '\0';
    c->df[c->n++] = df;
    return ARS_OK;
}

static const char VALID[] = "ars-df-model 1\n"
                            "# a comment\n"
                            "stem snowball\n"
                            "analysis 0123456789abcdef\n"
                            "documents 10\n"
                            "terms 3\n"
                            "ب\t10\n"
                            "بيت\t2\n"
                            "كتاب\t7\n";

static void test_dfmodel_reads_a_valid_model(void **state) {
    (void)state;
    dfmodel_header h;
    collected c = {{{0}}, {0}, 0};
    ars_error err = {ARS_OK, ""};
    assert_int_equal(dfmodel_parse("m.tsv", VALID, strlen(VALID), &h, collect, &c, &err), ARS_OK);
    assert_string_equal(h.stem, "snowball");
    assert_string_equal(h.analysis, "0123456789abcdef");
    assert_int_equal(h.documents, 10);
    assert_int_equal(h.terms, 3);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.terms[1], "بيت");
    assert_int_equal(c.df[2], 7);
    /* without the final newline too */
    assert_int_equal(dfmodel_parse("m.tsv", VALID, strlen(VALID) - 1, &h, NULL, NULL, &err),
                     ARS_OK);
}

static void test_dfmodel_writer_output_reads_back(void **state) {
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    dfmodel_header h = {"none", "fedcba9876543210", 5, 2};
    assert_int_equal(dfmodel_write_header(f, &h, "made by a test"), 0);
    assert_int_equal(dfmodel_write_term(f, "a", 1, 5), 0);
    assert_int_equal(dfmodel_write_term(f, "ab", 2, 1), 0);
    fclose(f);
    dfmodel_header back;
    collected c = {{{0}}, {0}, 0};
    ars_error err = {ARS_OK, ""};
    assert_int_equal(dfmodel_parse("w", buf, len, &back, collect, &c, &err), ARS_OK);
    assert_string_equal(back.stem, "none");
    assert_int_equal(back.documents, 5);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.terms[1], "ab");
    free(buf);
}

/* Replaces the first occurrence of `from` in VALID by `to` and expects a refusal whose message
 * holds `want`. */
static void expect_fault(const char *from, const char *to, const char *want) {
    char text[512];
    const char *at = strstr(VALID, from);
    assert_non_null(at);
    size_t head = (size_t)(at - VALID);
    snprintf(text, sizeof text, "%.*s%s%s", (int)head, VALID, to, at + strlen(from));
    dfmodel_header h;
    ars_error err = {ARS_OK, ""};
    ars_status st = dfmodel_parse("bad.tsv", text, strlen(text), &h, NULL, NULL, &err);
    if (st != ARS_EMODEL || !strstr(err.message, want) ||
        strncmp(err.message, "bad.tsv: line ", 14)) {
        print_error("replacing '%s' by '%s': status %d, message '%s'\n", from, to, (int)st,
                    err.message);
        fail();
    }
}

static void test_dfmodel_refuses_each_fault_naming_file_and_line(void **state) {
    (void)state;
    expect_fault("ars-df-model 1", "something else", "not a document-frequency model");
    expect_fault("ars-df-model 1", "ars-df-model 2", "format version 2");
    expect_fault("stem snowball", "stem Snow", "bad value for \"stem\"");
    expect_fault("stem snowball\n", "", "expected \"stem\"");
    expect_fault("analysis 0123456789abcdef", "analysis 0123", "bad value for \"analysis\"");
    expect_fault("documents 10", "documents 0", "bad value for \"documents\"");
    expect_fault("documents 10", "documents -3", "bad value for \"documents\"");
    expect_fault("terms 3", "terms 99999999999999999999", "bad value for \"terms\"");
    expect_fault("terms 3", "terms 4", "3 terms where the header says 4");
    expect_fault("terms 3", "terms 2", "text after the last term");
    expect_fault("بيت\t2", "بيت 2", "expected TERM<TAB>");
    expect_fault("بيت\t2", "بيت\t11", "from 1 to 10");
    expect_fault("بيت\t2", "بيت\t0", "from 1 to 10");
    expect_fault("بيت\t2", "بيت\t2x", "from 1 to 10");
    expect_fault("بيت\t2", "ب\t2", "out of order");
    expect_fault("كتاب\t7", "بيت\t7", "out of order");
    expect_fault("بيت\t2\n", "بيت\t2\r\n", "carriage return");
}

static void test_dfmodel_refuses_empty_and_truncated_files(void **state) {
    (void)state;
    dfmodel_header h;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(dfmodel_parse("e", "", 0, &h, NULL, NULL, &err), ARS_EMODEL);
    assert_non_null(strstr(err.message, "e: line 1: empty file"));
    const char *cut = "ars-df-model 1\nstem snowball\n";
    assert_int_equal(dfmodel_parse("t", cut, strlen(cut), &h, NULL, NULL, &err), ARS_EMODEL);
    assert_non_null(strstr(err.message, "the header ends before \"analysis\""));
}

static void test_dfmodel_builtin_parses(void **state) {
    (void)state;
    const char *bytes;
    size_t len;
    dfmodel_builtin(&bytes, &len);
    dfmodel_header h;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(dfmodel_parse("builtin", bytes, len, &h, NULL, NULL, &err), ARS_OK);
    assert_string_equal(h.stem, "snowball");
    assert_true(h.documents > 10000);
    assert_true(h.terms > 10000);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dfmodel_reads_a_valid_model),
        cmocka_unit_test(test_dfmodel_writer_output_reads_back),
        cmocka_unit_test(test_dfmodel_refuses_each_fault_naming_file_and_line),
        cmocka_unit_test(test_dfmodel_refuses_empty_and_truncated_files),
        cmocka_unit_test(test_dfmodel_builtin_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
