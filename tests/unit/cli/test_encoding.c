/* test_encoding.c - unit tests of legacy encodings (summarize/cli/encoding.c): Windows-1256 and
 * ISO-8859-6 Arabic told apart, UTF-16 by its byte-order mark, Latin-1 or binary not taken for
 * Arabic; conversion through iconv and its errors. */
#include "test_util.h"

#include "summarize/cli/encoding.h"

/* "قال الرئيس إن الحكومة الجديدة" in Windows-1256 and in ISO-8859-6. */
static const char CP1256[] = "\xde\xc7\xe1 \xc7\xe1\xd1\xc6\xed\xd3 \xc5\xe4 \xc7\xe1\xcd\xdf"
                             "\xe6\xe3\xc9 \xc7\xe1\xcc\xcf\xed\xcf\xc9";
static const char ISO88596[] = "\xe2\xc7\xe4 \xc7\xe4\xd1\xc6\xea\xd3 \xc5\xe6 \xc7\xe4\xcd\xe3"
                               "\xe8\xe5\xc9 \xc7\xe4\xcc\xcf\xea\xcf\xc9";
static const char UTF8[] = "قال الرئيس إن الحكومة الجديدة";

static void test_encoding_tells_arabic_code_pages_apart(void **state) {
    (void)state;
    assert_string_equal(encoding_guess(CP1256, sizeof CP1256 - 1), "CP1256");
    assert_string_equal(encoding_guess(ISO88596, sizeof ISO88596 - 1), "ISO-8859-6");
    assert_string_equal(encoding_guess("\xff\xfe"
                                       "a\0",
                                       4),
                        "UTF-16LE");
    assert_string_equal(encoding_guess("\xfe\xff\0a", 4), "UTF-16BE");
    const char latin1[] = "Caf\xe9 cr\xe8me br\xfbl\xe9"
                          "e \xe0 la fran\xe7"
                          "aise, d\xe9j\xe0 vu";
    assert_null(encoding_guess(latin1, sizeof latin1 - 1));
    const char binary[] = "\x7f"
                          "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03";
    assert_null(encoding_guess(binary, sizeof binary - 1));
    assert_string_equal(encoding_label("CP1256"), "Windows-1256");
    assert_string_equal(encoding_label("ISO-8859-6"), "ISO-8859-6");
}

static void test_encoding_converts_to_utf8(void **state) {
    (void)state;
    char *out = NULL;
    size_t len = 0;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(
        encoding_to_utf8("a.txt", "CP1256", CP1256, sizeof CP1256 - 1, &out, &len, &err), ARS_OK);
    assert_int_equal(len, sizeof UTF8 - 1);
    assert_string_equal(out, UTF8);
    free(out);
    assert_int_equal(
        encoding_to_utf8("b.txt", "ISO-8859-6", ISO88596, sizeof ISO88596 - 1, &out, &len, &err),
        ARS_OK);
    assert_string_equal(out, UTF8);
    free(out);
    assert_int_equal(encoding_to_utf8("e.txt", "CP1256", "", 0, &out, &len, &err), ARS_OK);
    assert_int_equal(len, 0);
    free(out);
}

static void test_encoding_errors_name_file_and_byte(void **state) {
    (void)state;
    char *out = NULL;
    size_t len = 0;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(encoding_to_utf8("x", "NO-SUCH-ENCODING", "a", 1, &out, &len, &err), ARS_EARG);
    assert_non_null(strstr(err.message, "unknown encoding 'NO-SUCH-ENCODING'"));
    /* 0xA1 has no character in ISO-8859-6 */
    assert_int_equal(encoding_to_utf8("c.txt", "ISO-8859-6", "ab\xa1", 3, &out, &len, &err),
                     ARS_EUTF8);
    assert_null(out);
    assert_string_equal(err.message, "c.txt: byte 2: not valid ISO-8859-6");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encoding_tells_arabic_code_pages_apart),
        cmocka_unit_test(test_encoding_converts_to_utf8),
        cmocka_unit_test(test_encoding_errors_name_file_and_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
