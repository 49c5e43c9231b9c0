/* test_dateline.c - unit tests of summarize/text/dateline.c: date lines under headlines, datelines
 * glued to the first sentence, wire datelines, and the prose they must leave alone. The positive
 * cases are taken from MultiLing 2011, CNN Arabic (ant_background) and the seed articles. */
#include "test_util.h"

#include "summarize/text/dateline.h"

static int date_only(const char *s) {
    return dateline_is_date_only(s, 0, strlen(s));
}

/* The text left after dateline_skip. */
static const char *after_skip(const char *s) {
    return s + dateline_skip(s, 0, strlen(s));
}

static void test_dateline_recognises_date_lines(void **state) {
    (void)state;
    static const char *const dates[] = {
        "السبت 15 يناير 2005",
        "الخميس 14 يوليو 2005.",
        "الثلاثاء , 12 يوليو 2005",
        "الاحد ,18 ديسمبر , 2005",
        "الثلاثاء 10 يوليو/تموز 2007 ",
        "السبت 1 كانون الثاني 2005",
        "الجمعة ، 6 يوليو 2007",
        "الأربعاء 4 أبريل 2007",
        "14/07/2005",
        "الخميس 5 رمضان 1426 هـ الموافق 6 أكتوبر 2005 م",
        "8 نوفمبر 2021",
        "يوم الخميس 14 يوليو 2005م",
    };
    for (size_t k = 0; k < sizeof dates / sizeof dates[0]; k++) {
        if (!date_only(dates[k])) {
            print_error("not recognised as a date line: %s\n", dates[k]);
            fail();
        }
    }
}

static void test_dateline_leaves_prose_and_labels_alone(void **state) {
    (void)state;
    static const char *const not_dates[] = {
        "",
        "اخبار",
        "الخميس",                              /* a day name without a number */
        "2005",                                /* a number alone */
        "15 مليون دولار",                      /* a number with other words */
        "تفجيرات لندن 7 يوليو 2005",           /* a headline that mentions a date */
        "في 7 يوليو 2005 فجر أربعة انتحاريين", /* prose */
        "الخميس 14 يوليو 2005 قال الوزير",     /* a date followed by text */
        "رمضان كريم",                          /* a month name as a word */
        "قتل 52 شخصا",
    };
    for (size_t k = 0; k < sizeof not_dates / sizeof not_dates[0]; k++) {
        if (date_only(not_dates[k])) {
            print_error("taken for a date line: %s\n", not_dates[k]);
            fail();
        }
    }
}

static void test_dateline_skips_date_glued_to_first_sentence(void **state) {
    (void)state;
    assert_string_equal(after_skip("الثلاثاء 20 سبتمبر 2005  اكتشفت الشرطة أن المفجرين تدربوا."),
                        "اكتشفت الشرطة أن المفجرين تدربوا.");
    assert_string_equal(after_skip("الخميس، 14 يوليو 2005 - قالت الشرطة إنها تبحث."),
                        "قالت الشرطة إنها تبحث.");
}

static void test_dateline_skips_wire_datelines(void **state) {
    (void)state;
    assert_string_equal(after_skip("دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الشركة اليوم."),
                        "أعلنت الشركة اليوم.");
    assert_string_equal(after_skip("بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى."),
                        "قال مسؤول إن الاجتماع انتهى.");
    assert_string_equal(after_skip("القدس (CNN)--أعلن الجيش."), "أعلن الجيش.");
    assert_string_equal(after_skip("لندن ، انكلترا -- للمرة الثانية خرجت الحشود."),
                        "للمرة الثانية خرجت الحشود.");
    assert_string_equal(after_skip("ميدو ليك، ساسكاتشوان — قال المجلس البلدي إنه تبرع."),
                        "قال المجلس البلدي إنه تبرع.");
}

static void test_dateline_skip_leaves_ordinary_openings(void **state) {
    (void)state;
    static const char *const keep[] = {
        "يوم الجمعة قال الرئيس إن المحادثات مستمرة.",             /* a day name, no number */
        "7 يوليو 2005 هو اليوم الذي تغيرت فيه لندن.",             /* no day name */
        "وذكرت وكالة الأنباء الأذربيجانية (APA) أن القوات بدأت.", /* agency mid-sentence */
        "وكانت منال - ذات الأصول السورية - قد وصلت.",             /* a parenthetical dash */
        "الخميس 14 يوليو 2005",                                   /* nothing after the date */
    };
    for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++) {
        if (dateline_skip(keep[k], 0, strlen(keep[k])) != 0) {
            print_error("a dateline was skipped in: %s\n", keep[k]);
            fail();
        }
    }
}

static void test_dateline_finds_full_date_inside_line(void **state) {
    (void)state;
    const char *s = "قبل سنة واحدة في لندن يتذكر ضحايا يوم الجمعة 7 يوليو  2006 بالنسبة لسكان لندن";
    size_t a = 0, b = 0;
    assert_true(dateline_find(s, 0, strlen(s), &a, &b));
    assert_int_equal(memcmp(s + a, "يوم الجمعة", strlen("يوم الجمعة")), 0);
    assert_int_equal(memcmp(s + b - 4, "2006", 4), 0);
    /* A year closes the date: "يوم الاثنين" after it is text. */
    s = "تم العثور على مذنبين الثلاثاء 1 مايو 2007 يوم الاثنين تم العثور على خمسة رجال";
    assert_true(dateline_find(s, 0, strlen(s), &a, &b));
    assert_int_equal(memcmp(s + b - 4, "2007", 4), 0);
    /* A month and a year without a day name is not a full date. */
    s = "قتل 52 شخصا في 7 يوليو 2005 في لندن";
    assert_false(dateline_find(s, 0, strlen(s), &a, &b));
    s = "لا تاريخ هنا";
    assert_false(dateline_find(s, 0, strlen(s), &a, &b));
}

static void test_dateline_latest_year(void **state) {
    (void)state;
    const char *s = "وقعت الحرب عام 2020 وانتهت في 2021، وكان عدد القتلى 6500 شخص.";
    assert_int_equal(dateline_latest_year(s, 0, strlen(s)), 2021);
    s = "لا سنة هنا سوى 300 جندي و 12345 دولار";
    assert_int_equal(dateline_latest_year(s, 0, strlen(s)), 0);
    s = "في عام ٢٠٠٥ م"; /* Arabic-Indic digits */
    assert_int_equal(dateline_latest_year(s, 0, strlen(s)), 2005);
}

/* A run of digits longer than an int holds (found by fuzz_api): no overflow, and no year. */
static void test_dateline_latest_year_of_a_long_number(void **state) {
    (void)state;
    const char *s = "رقم 22222222222222222222 في عام 2020 و٢٢٢٢٢٢٢٢٢٢٢٢٢";
    assert_int_equal(dateline_latest_year(s, 0, strlen(s)), 2020);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dateline_recognises_date_lines),
        cmocka_unit_test(test_dateline_leaves_prose_and_labels_alone),
        cmocka_unit_test(test_dateline_skips_date_glued_to_first_sentence),
        cmocka_unit_test(test_dateline_skips_wire_datelines),
        cmocka_unit_test(test_dateline_skip_leaves_ordinary_openings),
        cmocka_unit_test(test_dateline_finds_full_date_inside_line),
        cmocka_unit_test(test_dateline_latest_year),
        cmocka_unit_test(test_dateline_latest_year_of_a_long_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
