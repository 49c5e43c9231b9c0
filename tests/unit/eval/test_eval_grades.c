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

/* Grades files come from outside: thousands of seeded mutations of a valid file (bytes changed,
 * cut, repeated) must each parse or fail with EINVAL and a message, never crash or leak (the
 * sanitizer build runs this too). */
static void test_grades_survive_mutated_files(void **state) {
    (void)state;
    const char *good =
        "\"Topic\"\t\"Peer\"\t\"Grade\"\n\"M000\"\t\"ID1\"\t5\n\"M000\"\t\"ID1\"\t2\n"
        "\"M001\"\t\"ID2\"\t3.5\n";
    static const char alphabet[] = "\t\n\r\"\0 5.eE-+xTopicPeerGrade";
    size_t n = strlen(good);
    char buf[256];
    uint64_t x = 88172645463325252ull; /* xorshift: the same mutations on every run */
    size_t parsed = 0, refused = 0;
    for (int round = 0; round < 5000; round++) {
        memcpy(buf, good, n);
        size_t len = n;
        int edits = 1 + round % 4;
        for (int e = 0; e < edits; e++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            size_t at = (size_t)(x % len);
            switch ((x >> 32) % 3) {
            case 0: /* change a byte */
                buf[at] = alphabet[(x >> 40) % (sizeof alphabet - 1)];
                break;
            case 1: /* cut the rest */
                len = at + 1;
                break;
            default: /* repeat a stretch */
                if (len + 16 < sizeof buf) {
                    memmove(buf + at + 16, buf + at, len - at);
                    len += 16;
                }
            }
        }
        eval_grades g;
        memset(&g, 0, sizeof g);
        char err[256] = "";
        int rc = eval_grades_parse(buf, len, "m.tsv", "Grade", &g, err, sizeof err);
        if (rc == 0) {
            parsed++;
            for (size_t i = 0; i < g.n; i++)
                assert_true(isfinite(g.grade[i]) && g.judges[i] >= 1);
        } else {
            assert_int_equal(rc, EINVAL);
            assert_true(strncmp(err, "m.tsv: ", 7) == 0);
            refused++;
        }
        eval_grades_free(&g);
    }
    assert_true(parsed > 100 && refused > 100);
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

/* 400,000 distinct pairs: looking each row up by a scan took 8e10 comparisons (minutes); the
 * hash index reads the file in linear time. The ctest TIMEOUT (tests/CMakeLists.txt) is the
 * limit. */
static void test_grades_many_pairs_read_in_linear_time(void **state) {
    (void)state;
    enum { N = 400000 };
    size_t cap = (size_t)N * 32 + 64, len = 0;
    char *tsv = malloc(cap);
    assert_non_null(tsv);
    len += (size_t)snprintf(tsv, cap, "Topic\tPeer\tGrade\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(tsv + len, cap - len, "T%d\tP%d\t%d\n", i / 7, i, i % 5 + 1);
    len += (size_t)snprintf(tsv + len, cap - len, "T0\tP0\t4\n"); /* a second judge */
    eval_grades g;
    memset(&g, 0, sizeof g);
    char err[256];
    assert_int_equal(eval_grades_parse(tsv, len, "big.tsv", "Grade", &g, err, sizeof err), 0);
    assert_int_equal(g.n, N);
    size_t k = eval_grades_find(&g, "T0", "P0");
    assert_int_equal(k, 0);
    assert_int_equal(g.judges[k], 2);
    assert_double_near(g.grade[k], 2.5, 1e-12);
    assert_int_equal(eval_grades_find(&g, "T57142", "P399999"), N - 1);
    assert_true(eval_grades_find(&g, "T1", "P0") == (size_t)-1);
    eval_grades_free(&g);
    free(tsv);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grades_many_pairs_read_in_linear_time),
        cmocka_unit_test(test_grades_quoted_tsv_and_mean_over_judges),
        cmocka_unit_test(test_grades_bad_input_names_file_and_line),
        cmocka_unit_test(test_grades_survive_mutated_files),
        cmocka_unit_test(test_grades_load_reports_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
