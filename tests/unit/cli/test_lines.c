/* test_lines.c - unit tests of bounded record reading (summarize/cli/lines.c): lines with and
 * without a final line end, CRLF, NUL-separated names, records longer than the bound skipped
 * whole, records across the read buffer. */
#include "test_util.h"

#include "summarize/cli/lines.h"

static FILE *stream_of(const char *s, size_t len) {
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, len, f), len);
    rewind(f);
    return f;
}

static void test_lines_and_line_ends(void **state) {
    (void)state;
    const char text[] = "one\r\ntwo\n\nlast";
    FILE *f = stream_of(text, sizeof text - 1);
    lines_reader r;
    lines_open(&r, f, '\n', 0);
    char *rec;
    size_t len;
    const char *want[] = {"one", "two", "", "last"};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(lines_next(&r, &rec, &len), LINES_OK);
        assert_string_equal(rec, want[i]);
        assert_int_equal(r.number, (size_t)i + 1);
    }
    assert_int_equal(lines_next(&r, &rec, &len), LINES_EOF);
    assert_int_equal(lines_next(&r, &rec, &len), LINES_EOF);
    lines_close(&r);
    fclose(f);
}

static void test_nul_separated_names(void **state) {
    (void)state;
    const char names[] = "a b.txt\0dir/c\nd.txt\0";
    FILE *f = stream_of(names, sizeof names - 1);
    lines_reader r;
    lines_open(&r, f, '\0', 0);
    char *rec;
    size_t len;
    assert_int_equal(lines_next(&r, &rec, &len), LINES_OK);
    assert_string_equal(rec, "a b.txt");
    assert_int_equal(lines_next(&r, &rec, &len), LINES_OK);
    assert_string_equal(rec, "dir/c\nd.txt"); /* a line end is part of a name */
    assert_int_equal(lines_next(&r, &rec, &len), LINES_EOF);
    lines_close(&r);
    fclose(f);
}

static void test_long_records_skipped_and_across_blocks(void **state) {
    (void)state;
    size_t big = 200000;
    char *text = malloc(big + 64);
    assert_non_null(text);
    memset(text, 'x', big);
    memcpy(text + big, "\nshort\n", 7);
    FILE *f = stream_of(text, big + 7);
    lines_reader r;
    lines_open(&r, f, '\n', 1000);
    char *rec;
    size_t len;
    assert_int_equal(lines_next(&r, &rec, &len), LINES_TOO_LONG);
    assert_int_equal(r.number, 1);
    assert_int_equal(lines_next(&r, &rec, &len), LINES_OK);
    assert_string_equal(rec, "short");
    assert_int_equal(r.number, 2);
    lines_close(&r);
    rewind(f);
    lines_open(&r, f, '\n', 0); /* no bound: the whole record, across read blocks */
    assert_int_equal(lines_next(&r, &rec, &len), LINES_OK);
    assert_int_equal(len, big);
    lines_close(&r);
    fclose(f);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_and_line_ends),
        cmocka_unit_test(test_nul_separated_names),
        cmocka_unit_test(test_long_records_skipped_and_across_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
