/* test_display.c - unit tests of the printed form of a sentence (summarize/output/display.c):
 * one line whatever the line ends, and no control character that could drive a terminal. */
#include "test_util.h"

#include "summarize/output/display.h"

static void check_fold(const char *in, const char *want) {
    size_t len = strlen(in);
    char *out = malloc(len + 1);
    assert_non_null(out);
    size_t n = display_fold(in, len, out);
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
    free(out);
}

static void test_display_folds_every_line_break_to_one_space(void **state) {
    (void)state;
    check_fold("قال\nالوزير", "قال الوزير");
    check_fold("قال \r\n\r\n  الوزير", "قال الوزير");
    check_fold("قال\rالوزير", "قال الوزير");             /* lone CR */
    check_fold("قال\xC2\x85الوزير", "قال الوزير");       /* NEL */
    check_fold("قال\xE2\x80\xA8الوزير", "قال الوزير");   /* U+2028 */
    check_fold("قال \xE2\x80\xA9 الوزير", "قال الوزير"); /* U+2029 */
    check_fold("قال\v\fالوزير", "قال الوزير");
    check_fold("قال\tالوزير", "قال الوزير");
}

static void test_display_keeps_plain_spaces_and_other_bytes(void **state) {
    (void)state;
    check_fold("قال  الوزير", "قال  الوزير");
    check_fold("\xC2\xA0\xD8\xB9", "\xC2\xA0\xD8\xB9"); /* NBSP and text are not controls */
    check_fold("", "");
}

static void test_display_drops_control_characters(void **state) {
    (void)state;
    check_fold("قال\x1b[31mالوزير\x1b[0m.", "قال[31mالوزير[0m.");
    check_fold("\x07قال\x7f الوزير\x00", "قال الوزير");
    check_fold("قال \xC2\x9b"
               "2J الوزير",
               "قال 2J الوزير"); /* C1 CSI */
    check_fold("\x1b \x1b", "");
    check_fold("أ \x1b\n ب", "أ ب"); /* a control inside a run of white space */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_display_folds_every_line_break_to_one_space),
        cmocka_unit_test(test_display_keeps_plain_spaces_and_other_bytes),
        cmocka_unit_test(test_display_drops_control_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
