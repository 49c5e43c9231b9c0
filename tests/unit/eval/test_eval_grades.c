/* test_eval_grades.c - the human grades reader: MultiLing's quoted TSV, averaging the judges of a
 * summary, another grade column, and clear errors naming the file and line for bad input. */
#include "test_util.h"

#include <errno.h>

#include "eval/grades.h"

static int parse(const char *text, const char *column, eval_grades *g, char *err, size_t cap) {
    memset(g, 0, sizeof *g);
    return eval_grades_parse(text, strlen(text), "g.tsv", column, g, err, cap);
}

static void test_grades_quoted_tsv_and_mean_over_judges(void **state) {
    (void)state;
    const char *tsv = "\"Topic\"\t\"Peer\"\t\"Evaluator\"\t\"Grade\"\t\"LengthAwareGrade\"\r\n"
                      "\"M000\"\t\"ID1\"\t\"X\"\t5\t5.00\r\n"
                      "\"M000\"\t\"ID1\"\t\"Y\"\t2\t2.00\r\n"
                      "\n"
                      "\"M000\"\t\"ID3\"\t\"X\"\t3\t2.70\r\n"
                      "\"M001\"\t\"ID1\"\t\"Z\"\t4\t3.5\r\n"
                      "\"M000\"\t\"ID1\"\t\"Z\"\t4\t4.00";
    eval_grades g;
    char err[256];
    assert_int_equal(parse(tsv, "Grade", &g, err, sizeof err), 0);
    assert_int_equal(g.n, 3);
    size_t k = eval_grades_find(&g, "M000", "ID1");
    assert_true(k != (size_t)-1);
    assert_int_equal(g.judges[k], 3);
    assert_double_near(g.grade[k], 11.0 / 3.0, 1e-12);
    assert_double_near(g.grade[eval_grades_find(&g, "M001", "ID1")], 4, 0);
    assert_true(eval_grades_find(&g, "M001", "ID3") == (size_t)-1);
    eval_grades_free(&g);
    assert_int_equal(parse(tsv, "LengthAwareGrade", &g, err, sizeof err), 0);
    assert_double_near(g.grade[eval_grades_find(&g, "M000", "ID3")], 2.7, 1e-12);
    eval_grades_free(&g);
    /* unquoted fields and a doubled quote inside quotes */
    assert_int_equal(parse("Topic\tPeer\tGrade\nT\t\"a\"\"b\"\t1\n", "Grade", &g, err, sizeof err),
                     0);
    assert_true(eval_grades_find(&g, "T", "a\"b") != (size_t)-1);
    eval_grades_free(&g);
}

static void expect_error(const char *tsv, const char *want) {
    eval_grades g;
    char err[256] = "";
    assert_int_equal(parse(tsv, "Grade", &g, err, sizeof err), EINVAL);
    if (!strstr(err, want)) fail_msg("error \"%s\" does not contain \"%s\"", err, want);
    eval_grades_free(&g);
}

static void test_grades_bad_input_names_file_and_line(void **state) {
    (void)state;
    expect_error("", "g.tsv: no header line");
    expect_error("Topic\tPeer\tScore\n", "g.tsv: line 1: the header must name the columns Topic, "
                                         "Peer and Grade");
    expect_error("Topic\tPeer\tGrade\n", "g.tsv: no grades after the header");
    expect_error("Topic\tPeer\tGrade\nT\tP\t4\nT\tP\n",
                 "g.tsv: line 3: 2 fields, the header has 3");
    expect_error("Topic\tPeer\tGrade\nT\tP\tfour\n", "g.tsv: line 2: Grade is not a number");
    expect_error("Topic\tPeer\tGrade\nT\tP\tnan\n", "line 2: Grade is not a number");
    expect_error("Topic\tPeer\tGrade\nT\tP\t4x\n", "line 2: Grade is not a number");
    expect_error("Topic\tPeer\tGrade\n\"T\tP\t4\n", "g.tsv: line 2: unterminated quote");
    expect_error("Topic\tPeer\tGrade\n\t\"\"\t4\n", "line 2: empty Topic or Peer");
    /* a trailing tab is one more (empty) field */
    expect_error("Topic\tPeer\tGrade\nT\tP\t4\t\n", "line 2: 4 fields, the header has 3");
    const char nul[] = "Topic\tPeer\tGrade\nT\0\tP\t4\n";
    eval_grades g;
    memset(&g, 0, sizeof g);
    char err[256] = "";
    assert_int_equal(eval_grades_parse(nul, sizeof nul - 1, "g.tsv", "Grade", &g, err, sizeof err),
                     EINVAL);
    assert_non_null(strstr(err, "line 2: NUL byte"));
    eval_grades_free(&g);
}

static void test_grades_load_reports_missing_file(void **state) {
    (void)state;
    eval_grades g;
    memset(&g, 0, sizeof g);
    char err[256] = "";
    assert_int_equal(eval_grades_load("/no/such/grades.tsv", "Grade", &g, err, sizeof err), ENOENT);
    assert_non_null(strstr(err, "/no/such/grades.tsv: "));
    eval_grades_free(&g);
    /* a directory is not a grades file */
    memset(&g, 0, sizeof g);
    assert_int_not_equal(eval_grades_load("/", "Grade", &g, err, sizeof err), 0);
    eval_grades_free(&g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grades_quoted_tsv_and_mean_over_judges),
        cmocka_unit_test(test_grades_bad_input_names_file_and_line),
        cmocka_unit_test(test_grades_load_reports_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
