/* test_display.c - unit tests of the printed form of a sentence (summarize/output/display.c):
 * one line whatever the line ends, no control character that could drive a terminal, and hashtags
 * of Arabic words printed as their words. */
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

/* The rule, restated on code points as the reference for generated text: controls (C0 but white
 * space, DEL, C1 but NEL) are dropped; a run of white space (space, \t..\r, NEL, U+2028/9) stays
 * as it is when it is plain spaces only, else becomes one space; spaces at both ends go. */
static int is_white(uint32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static size_t reference_fold(const unsigned char *s, size_t len, char *out) {
    uint32_t cps[256], kept[256];
    size_t lens[256], starts[256], n = 0, m = 0;
    for (size_t i = 0; i < len;) {
        size_t l = s[i] < 0x80 ? 1 : s[i] < 0xE0 ? 2 : s[i] < 0xF0 ? 3 : 4;
        uint32_t cp = l == 1   ? s[i]
                      : l == 2 ? (uint32_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F)
                      : l == 3 ? (uint32_t)(s[i] & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
                                     (s[i + 2] & 0x3F)
                               : (uint32_t)(s[i] & 0x07) << 18 | (uint32_t)(s[i + 1] & 0x3F) << 12 |
                                     (uint32_t)(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
        cps[n] = cp;
        starts[n] = i;
        lens[n++] = l;
        i += l;
    }
    size_t idx[256];
    for (size_t k = 0; k < n; k++) {
        uint32_t cp = cps[k];
        int control =
            (cp < 0x20 && !is_white(cp)) || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85);
        if (!control) {
            kept[m] = cp;
            idx[m++] = k;
        }
    }
    size_t o = 0;
    for (size_t k = 0; k < m;) {
        if (!is_white(kept[k])) {
            memcpy(out + o, s + starts[idx[k]], lens[idx[k]]);
            o += lens[idx[k]];
            k++;
            continue;
        }
        size_t e = k;
        int plain = 1;
        while (e < m && is_white(kept[e]))
            plain &= kept[e++] == ' ';
        for (size_t q = 0; q < (plain ? e - k : 1); q++)
            out[o++] = ' ';
        k = e;
    }
    size_t a = 0;
    while (a < o && out[a] == ' ')
        a++;
    while (o > a && out[o - 1] == ' ')
        o--;
    memmove(out, out + a, o - a);
    out[o - a] = '\0';
    return o - a;
}

static void test_display_agrees_with_the_rule_on_generated_text(void **state) {
    (void)state;
    static const char *const pieces[] = {"\xD8\xB9",
                                         "\xD9\x84",
                                         "a",
                                         " ",
                                         " ",
                                         "\t",
                                         "\n",
                                         "\r",
                                         "\v",
                                         "\f",
                                         "\x01",
                                         "\x1b",
                                         "\x7f",
                                         "\xC2\x85",
                                         "\xC2\x80",
                                         "\xC2\x9b",
                                         "\xC2\xA0",
                                         "\xE2\x80\xA8",
                                         "\xE2\x80\xA9",
                                         "\xE2\x80\x9C",
                                         "\xE2\x82\xAC",
                                         "\xF0\x9F\x98\x80"};
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    char in[200], got[200], want[400];
    uint64_t rng = 7;
    for (int round = 0; round < 50000; round++) {
        size_t len = 0, target = (size_t)(rng >> 40) % 60;
        while (len < target) {
            test_util_next(&rng);
            const char *p = pieces[(size_t)(rng >> 33) % n_pieces];
            memcpy(in + len, p, strlen(p));
            len += strlen(p);
        }
        test_util_next(&rng);
        size_t n = display_fold(in, len, got);
        size_t w = reference_fold((const unsigned char *)in, len, want);
        assert_int_equal(n, w);
        assert_memory_equal(got, want, n + 1);
    }
}

static void test_display_prints_arabic_hashtags_as_their_words(void **state) {
    (void)state;
    check_fold("اتهم #البيت_الأبيض يوم الاثنين #الصين بتشويه #الأسواق_العالمية.",
               "اتهم البيت الأبيض يوم الاثنين الصين بتشويه الأسواق العالمية.");
    check_fold("#الصين تفرض رسوما", "الصين تفرض رسوما"); /* at the start */
    check_fold("العقيد #عبدالله_صالح_معرجي، السبت", "العقيد عبدالله صالح معرجي، السبت");
    check_fold("أمريكا و#السعودية", "أمريكا والسعودية"); /* the conjunction */
    check_fold("(#احذفوا_فيسبوك)", "(احذفوا فيسبوك)");   /* brackets and quotes */
    check_fold("\"#مصر\" و«#العراق» و“#لبنان”", "\"مصر\" و«العراق» و“لبنان”");
    check_fold("لـ\xC2\xA0#منظمة_التجارة", "لـ\xC2\xA0منظمة التجارة"); /* no-break space */
    check_fold("#كأس__العالم_ 2018", "كأس العالم 2018");               /* underscore runs */
    check_fold("#كأس_العالم_2018؟", "كأس العالم 2018؟");               /* Arabic punctuation ends */
    check_fold("#أ_ب #ج", "أ ب ج");                                    /* one after another */
    check_fold("#أ\n#ب", "أ ب"); /* after a folded line break */
}

static void test_display_keeps_other_uses_of_the_hash_sign(void **state) {
    (void)state;
    check_fold("حملة #MeToo أو \"أنا أيضا\"", "حملة #MeToo أو \"أنا أيضا\""); /* Latin */
    check_fold("رقم #1 عالميا", "رقم #1 عالميا");
    check_fold("هاشتاغ #كم_فقدت_من_وزنك", "هاشتاغ #كم_فقدت_من_وزنك"); /* the subject */
    check_fold("أطلقوا وسم \"#ارحل_يا_سيسي\"", "أطلقوا وسم \"#ارحل_يا_سيسي\"");
    check_fold("بهاشتاغ #ادعم", "بهاشتاغ #ادعم");
    check_fold("في#صنعاء", "في#صنعاء"); /* glued to a word */
    check_fold("C# و # و#", "C# و # و#");
    check_fold("كلمة_أخرى", "كلمة_أخرى"); /* an underscore outside a hashtag */
}

/* Generated text: the printed form is never longer than the input, printing it again changes
 * nothing, and without the conjunction و (which a dropped sign joins to its word) its words are
 * the input's words: hashtags change only marks. */
static size_t words_of(const char *s, size_t len, char *out) {
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    int in_word = 0;
    for (size_t i = 0; i < len; i++) {
        /* a word byte: an ASCII letter or digit, or part of a character above ASCII but the
         * no-break space (C2 A0) and the Arabic question mark (D8 9F) */
        int other = (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0) ||
                    (u[i] == 0xA0 && i > 0 && u[i - 1] == 0xC2) ||
                    (u[i] == 0xD8 && i + 1 < len && u[i + 1] == 0x9F) ||
                    (u[i] == 0x9F && i > 0 && u[i - 1] == 0xD8);
        int word =
            u[i] >= 0x80 ? !other : (u[i] >= '0' && u[i] <= '9') || (u[i] >= 'a' && u[i] <= 'z');
        if (word && !in_word && o > 0) out[o++] = '|'; /* between two words */
        if (word) out[o++] = (char)u[i];
        in_word = word;
    }
    return o;
}

static void test_display_hashtags_on_generated_text(void **state) {
    (void)state;
    static const char *const pieces[] = {"#", "#", "_", " ", " ", "\xD8\xB9", "\xD9\x84", "a", "1",
                                         "(", "\"", "\xC2\xA0", "\xD8\x9F", "\n",
                                         "\xD9\x88" /* و, last: left out below */};
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    char in[200], once[200], twice[200], w_in[400], w_out[400];
    uint64_t rng = 11;
    for (int round = 0; round < 50000; round++) {
        int with_waw = round % 2;
        size_t len = 0, target = (size_t)(rng >> 40) % 60;
        while (len < target) {
            test_util_next(&rng);
            const char *p = pieces[(size_t)(rng >> 33) % (n_pieces - !with_waw)];
            memcpy(in + len, p, strlen(p));
            len += strlen(p);
        }
        test_util_next(&rng);
        size_t n1 = display_fold(in, len, once);
        assert_true(n1 <= len);
        size_t n2 = display_fold(once, n1, twice);
        assert_int_equal(n2, n1);
        assert_memory_equal(once, twice, n1 + 1);
        if (!with_waw) {
            size_t a = words_of(in, len, w_in), b = words_of(once, n1, w_out);
            /* '#' and '_' separate words in the input, a space in the output: the same words */
            assert_int_equal(a, b);
            assert_memory_equal(w_in, w_out, a);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_display_folds_every_line_break_to_one_space),
        cmocka_unit_test(test_display_keeps_plain_spaces_and_other_bytes),
        cmocka_unit_test(test_display_drops_control_characters),
        cmocka_unit_test(test_display_agrees_with_the_rule_on_generated_text),
        cmocka_unit_test(test_display_prints_arabic_hashtags_as_their_words),
        cmocka_unit_test(test_display_keeps_other_uses_of_the_hash_sign),
        cmocka_unit_test(test_display_hashtags_on_generated_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
