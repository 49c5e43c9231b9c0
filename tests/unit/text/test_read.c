/* test_read.c - unit tests of pipeline stage 1 (summarize/text/read.c): UTF-8 validation with exact
 * byte offsets, BOM and CRLF handling, NUL rejection, and whole-file reading with its errors. */
#include "test_util.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/summarize.h"

/* Validates `len` bytes and expects failure with exactly `expected` as the message. */
static void expect_invalid(const char *bytes, size_t len, const char *expected) {
    ars_error err = {0};
    size_t body = 99;
    ars_status st = ars_text_check("doc.txt", bytes, len, &body, &err);
    assert_int_equal(st, ARS_EUTF8);
    assert_int_equal(err.status, ARS_EUTF8);
    assert_string_equal(err.message, expected);
    assert_int_equal(body, 99); /* untouched on failure */
}

static void test_read_accepts_arabic_text(void **state) {
    (void)state;
    const char *s = "أعلن الكرملين، أمس الأربعاء، انسحاب القوات. 2020 €𝄞\n";
    size_t body = 99;
    ars_error err = {0};
    assert_int_equal(ars_text_check("a", s, strlen(s), &body, &err), ARS_OK);
    assert_int_equal(body, 0);
    assert_int_equal(err.status, ARS_OK); /* untouched on success */
}

static void test_read_skips_bom(void **state) {
    (void)state;
    const char *s = "\xEF\xBB\xBFنص";
    size_t body = 99;
    assert_int_equal(ars_text_check("a", s, strlen(s), &body, NULL), ARS_OK);
    assert_int_equal(body, 3);
    /* A BOM alone is an empty body, not an error. */
    assert_int_equal(ars_text_check("a", "\xEF\xBB\xBF", 3, &body, NULL), ARS_OK);
    assert_int_equal(body, 3);
    /* A BOM that is cut short is not a BOM: EF BB is a truncated sequence at byte 0. */
    expect_invalid("\xEF\xBB", 2, "doc.txt: byte 0: invalid UTF-8");
}

static void test_read_accepts_crlf_lines(void **state) {
    (void)state;
    const char *s = "سطر أول.\r\nسطر ثان.\r\n";
    size_t body = 99;
    assert_int_equal(ars_text_check("a", s, strlen(s), &body, NULL), ARS_OK);
    assert_int_equal(body, 0);
}

static void test_read_accepts_empty_input(void **state) {
    (void)state;
    size_t body = 99;
    assert_int_equal(ars_text_check("a", "", 0, &body, NULL), ARS_OK);
    assert_int_equal(body, 0);
}

static void test_read_accepts_boundary_code_points(void **state) {
    (void)state;
    /* U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF: the edges of each range.
     */
    const char s[] = "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
                     "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
    assert_int_equal(ars_text_check("a", s, sizeof s - 1, NULL, NULL), ARS_OK);
}

static void test_read_reports_stray_continuation_byte(void **state) {
    (void)state;
    expect_invalid("ab\x80z", 4, "doc.txt: byte 2: invalid UTF-8");
    /* Arabic letters are two bytes each: the offset counts bytes, not characters. */
    expect_invalid("نص\xBF", 5, "doc.txt: byte 4: invalid UTF-8");
}

static void test_read_reports_overlong_forms(void **state) {
    (void)state;
    expect_invalid("x\xC0\xAF", 3, "doc.txt: byte 1: invalid UTF-8");      /* '/' in 2 bytes */
    expect_invalid("xy\xC1\xBF", 4, "doc.txt: byte 2: invalid UTF-8");     /* U+7F in 2 bytes */
    expect_invalid("\xE0\x80\xAF", 3, "doc.txt: byte 0: invalid UTF-8");   /* 3-byte overlong */
    expect_invalid("ab\xE0\x9F\xBF", 5, "doc.txt: byte 2: invalid UTF-8"); /* U+7FF in 3 */
    expect_invalid("abc\xF0\x8F\xBF\xBF", 7, "doc.txt: byte 3: invalid UTF-8"); /* U+FFFF in 4 */
}

static void test_read_reports_surrogates(void **state) {
    (void)state;
    expect_invalid("a\xED\xA0\x80", 4, "doc.txt: byte 1: invalid UTF-8"); /* U+D800 */
    expect_invalid("\xED\xBF\xBF", 3, "doc.txt: byte 0: invalid UTF-8");  /* U+DFFF */
}

static void test_read_reports_code_points_past_10ffff(void **state) {
    (void)state;
    expect_invalid("a\xF4\x90\x80\x80", 5, "doc.txt: byte 1: invalid UTF-8"); /* U+110000 */
    expect_invalid("\xF5\x80\x80\x80", 4, "doc.txt: byte 0: invalid UTF-8");
    expect_invalid("ab\xFF", 3, "doc.txt: byte 2: invalid UTF-8");
    expect_invalid("ab\xFE", 3, "doc.txt: byte 2: invalid UTF-8");
}

static void test_read_reports_missing_continuation_byte(void **state) {
    (void)state;
    /* D8 needs one continuation; 'x' is not one, so the sequence at D8 is bad. */
    expect_invalid("a\xD8xyz", 5, "doc.txt: byte 1: invalid UTF-8");
    /* The third byte of a 3-byte sequence is checked too. */
    expect_invalid("ab\xE2\x82z", 5, "doc.txt: byte 2: invalid UTF-8");
    /* And the fourth of a 4-byte one. */
    expect_invalid("\xF0\x9D\x84 ", 4, "doc.txt: byte 0: invalid UTF-8");
}

static void test_read_reports_truncated_tail(void **state) {
    (void)state;
    const char s[] = "نص \xD9";
    expect_invalid(s, sizeof s - 1, "doc.txt: byte 5: invalid UTF-8");
    const char t[] = "نص\xF0\x9D\x84";
    expect_invalid(t, sizeof t - 1, "doc.txt: byte 4: invalid UTF-8");
    /* The length bounds the check: a valid sequence cut by len is truncated. */
    expect_invalid("\xD9\x86", 1, "doc.txt: byte 0: invalid UTF-8");
}

static void test_read_rejects_nul_byte(void **state) {
    (void)state;
    const char s[] = "نص\0مخفي";
    expect_invalid(s, sizeof s - 1, "doc.txt: byte 4: NUL byte (binary file?)");
    /* After a BOM the offset still counts from the start of the buffer. */
    const char t[] = "\xEF\xBB\xBF"
                     "a\0";
    expect_invalid(t, sizeof t - 1, "doc.txt: byte 4: NUL byte (binary file?)");
}

static void test_read_reports_first_of_several_errors(void **state) {
    (void)state;
    expect_invalid("ok\xC0\x80\x80\xFF", 6, "doc.txt: byte 2: invalid UTF-8");
}

static void test_read_accepts_null_error_struct(void **state) {
    (void)state;
    assert_int_equal(ars_text_check("a", "\x80", 1, NULL, NULL), ARS_EUTF8);
}

static void test_read_check_refuses_null_arguments(void **state) {
    (void)state;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_text_check(NULL, "a", 1, NULL, &err), ARS_EARG);
    assert_int_equal(err.status, ARS_EARG);
    assert_int_equal(ars_text_check("a", NULL, 1, NULL, NULL), ARS_EARG);
    assert_int_equal(ars_text_check("a", NULL, 0, NULL, NULL), ARS_OK);
}

static void test_read_blank_is_white_space_only_after_a_bom(void **state) {
    (void)state;
    assert_true(ars_text_is_blank(NULL, 0));
    assert_true(ars_text_is_blank(" \t\r\n\f\v", 6));
    assert_true(ars_text_is_blank("\xEF\xBB\xBF", 3));
    assert_true(ars_text_is_blank("\xEF\xBB\xBF \r\n", 6));
    assert_false(ars_text_is_blank("\xEF\xBB\xBF\xEF\xBB\xBF", 6)); /* a second BOM is text */
    assert_false(ars_text_is_blank("  .", 3));
    assert_false(ars_text_is_blank("\xC2\xA0", 2)); /* no-break space: not ASCII white space */
    assert_false(ars_text_is_blank("\n\x80", 2));   /* any other byte, checked or not */
}

/* --- ars_file_read -------------------------------------------------------------------------- */

/* Writes bytes to a fresh temporary file; returns its path in buf. */
static void write_temp(char *buf, size_t cap, const char *bytes, size_t len) {
    snprintf(buf, cap, "/tmp/ars_test_read_XXXXXX");
    int fd = mkstemp(buf);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, len), (ssize_t)len);
    close(fd);
}

static void test_read_file_reads_whole_seed(void **state) {
    (void)state;
    const char *path = test_util_source_path("tests/data/seeds/000_37eaa8ce959699e6.txt");
    char pathcopy[4096];
    snprintf(pathcopy, sizeof pathcopy, "%s", path);
    size_t expect_len = 0;
    char *expect = test_util_read_file(pathcopy, &expect_len);
    assert_non_null(expect);
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(ars_file_read(pathcopy, 0, &buf, &len, NULL), ARS_OK);
    assert_int_equal(len, expect_len);
    assert_memory_equal(buf, expect, len);
    assert_int_equal(buf[len], '\0');
    size_t body = 99;
    assert_int_equal(ars_text_check(pathcopy, buf, len, &body, NULL), ARS_OK);
    assert_int_equal(body, 0);
    free(buf);
    free(expect);
}

static void test_read_file_reads_empty_file(void **state) {
    (void)state;
    char path[64];
    write_temp(path, sizeof path, "", 0);
    char *buf = NULL;
    size_t len = 99;
    assert_int_equal(ars_file_read(path, 10, &buf, &len, NULL), ARS_OK);
    assert_non_null(buf);
    assert_int_equal(len, 0);
    assert_int_equal(buf[0], '\0');
    free(buf);
    unlink(path);
}

static void test_read_file_reports_missing_file(void **state) {
    (void)state;
    ars_error err = {0};
    char *buf = (char *)&err; /* must be reset to NULL on failure */
    size_t len = 7;
    assert_int_equal(ars_file_read("/nonexistent/ars/doc.txt", 0, &buf, &len, &err), ARS_EIO);
    assert_null(buf);
    assert_int_equal(len, 0);
    char expected[600];
    snprintf(expected, sizeof expected, "/nonexistent/ars/doc.txt: %s", strerror(ENOENT));
    assert_string_equal(err.message, expected);
}

static void test_read_file_rejects_directory(void **state) {
    (void)state;
    ars_error err = {0};
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(ars_file_read("/tmp", 0, &buf, &len, &err), ARS_EIO);
    assert_null(buf);
    char expected[600];
    snprintf(expected, sizeof expected, "/tmp: %s", strerror(EISDIR));
    assert_string_equal(err.message, expected);
}

static void test_read_file_enforces_size_limit(void **state) {
    (void)state;
    char path[64];
    write_temp(path, sizeof path, "0123456789", 10);
    ars_error err = {0};
    char *buf = NULL;
    size_t len = 0;
    /* Exactly at the limit is fine ... */
    assert_int_equal(ars_file_read(path, 10, &buf, &len, &err), ARS_OK);
    assert_int_equal(len, 10);
    assert_memory_equal(buf, "0123456789", 10);
    free(buf);
    buf = NULL;
    /* ... one byte past it is not. */
    assert_int_equal(ars_file_read(path, 9, &buf, &len, &err), ARS_ELIMIT);
    assert_null(buf);
    char expected[600];
    snprintf(expected, sizeof expected, "%s: larger than 9 bytes", path);
    assert_string_equal(err.message, expected);
    unlink(path);
}

static void test_read_file_reads_stdin_dash(void **state) {
    (void)state;
    char path[64];
    write_temp(path, sizeof path, "من المدخل\n", strlen("من المدخل\n"));
    /* Point stdin at the file for the duration of the call, then restore it. */
    int saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    assert_non_null(freopen(path, "rb", stdin));
    char *buf = NULL;
    size_t len = 0;
    ars_status st = ars_file_read("-", 0, &buf, &len, NULL);
    assert_true(dup2(saved, STDIN_FILENO) >= 0);
    close(saved);
    assert_int_equal(st, ARS_OK);
    assert_int_equal(len, strlen("من المدخل\n"));
    assert_memory_equal(buf, "من المدخل\n", len);
    free(buf);

    /* The limit also applies to a stream whose size is not known in advance. */
    saved = dup(STDIN_FILENO);
    assert_non_null(freopen(path, "rb", stdin));
    ars_error err = {0};
    buf = NULL;
    st = ars_file_read("-", 4, &buf, &len, &err);
    assert_true(dup2(saved, STDIN_FILENO) >= 0);
    close(saved);
    assert_int_equal(st, ARS_ELIMIT);
    assert_null(buf);
    assert_string_equal(err.message, "-: larger than 4 bytes");
    unlink(path);
}

static void test_read_file_reads_file_larger_than_first_buffer(void **state) {
    (void)state;
    /* Bigger than the first 4096-byte block, through a pipe-like path (no size hint): use stdin. */
    size_t n = 100000;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    char path[64];
    write_temp(path, sizeof path, big, n);
    int saved = dup(STDIN_FILENO);
    assert_non_null(freopen(path, "rb", stdin));
    char *buf = NULL;
    size_t len = 0;
    ars_status st = ars_file_read("-", 0, &buf, &len, NULL);
    assert_true(dup2(saved, STDIN_FILENO) >= 0);
    close(saved);
    assert_int_equal(st, ARS_OK);
    assert_int_equal(len, n);
    assert_memory_equal(buf, big, n);
    free(buf);
    free(big);
    unlink(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_accepts_arabic_text),
        cmocka_unit_test(test_read_skips_bom),
        cmocka_unit_test(test_read_accepts_crlf_lines),
        cmocka_unit_test(test_read_accepts_empty_input),
        cmocka_unit_test(test_read_accepts_boundary_code_points),
        cmocka_unit_test(test_read_reports_stray_continuation_byte),
        cmocka_unit_test(test_read_reports_overlong_forms),
        cmocka_unit_test(test_read_reports_surrogates),
        cmocka_unit_test(test_read_reports_code_points_past_10ffff),
        cmocka_unit_test(test_read_reports_missing_continuation_byte),
        cmocka_unit_test(test_read_reports_truncated_tail),
        cmocka_unit_test(test_read_rejects_nul_byte),
        cmocka_unit_test(test_read_reports_first_of_several_errors),
        cmocka_unit_test(test_read_accepts_null_error_struct),
        cmocka_unit_test(test_read_check_refuses_null_arguments),
        cmocka_unit_test(test_read_blank_is_white_space_only_after_a_bom),
        cmocka_unit_test(test_read_file_reads_whole_seed),
        cmocka_unit_test(test_read_file_reads_empty_file),
        cmocka_unit_test(test_read_file_reports_missing_file),
        cmocka_unit_test(test_read_file_rejects_directory),
        cmocka_unit_test(test_read_file_enforces_size_limit),
        cmocka_unit_test(test_read_file_reads_stdin_dash),
        cmocka_unit_test(test_read_file_reads_file_larger_than_first_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
