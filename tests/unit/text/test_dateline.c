/* test_dateline.c - unit tests of summarize/text/dateline.c: date lines under headlines, datelines
 * glued to the first sentence, wire datelines, and the prose they must leave alone. The positive
 * cases are taken from MultiLing 2011, CNN Arabic (ant_background) and the seed articles. */
#include "test_util.h"

#include "summarize/text/chars.h"
#include "summarize/text/dateline.h"
#include "summarize/text/normalize.h"

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
    /* The place left out before an agency and dashes, as CNN Arabic often does. */
    assert_string_equal(after_skip("(CNN)-- تلقت شركة سناب شات ضربة موجعة."),
                        "تلقت شركة سناب شات ضربة موجعة.");
    assert_string_equal(after_skip("(CNN Business) -- أعلنت الشركة."), "أعلنت الشركة.");
    assert_string_equal(after_skip("(رويترز) — قال مسؤول إن الاجتماع انتهى."),
                        "قال مسؤول إن الاجتماع انتهى.");
}

static void test_dateline_skip_leaves_ordinary_openings(void **state) {
    (void)state;
    static const char *const keep[] = {
        "يوم الجمعة قال الرئيس إن المحادثات مستمرة.",             /* a day name, no number */
        "7 يوليو 2005 هو اليوم الذي تغيرت فيه لندن.",             /* no day name */
        "وذكرت وكالة الأنباء الأذربيجانية (APA) أن القوات بدأت.", /* agency mid-sentence */
        "وكانت منال - ذات الأصول السورية - قد وصلت.",             /* a parenthetical dash */
        "الخميس 14 يوليو 2005",                                   /* nothing after the date */
        "(أ) - البند الأول من الاتفاق.",                          /* a list item, not an agency */
        "(1) - البند الأول من الاتفاق.",                          /* the same, numbered */
        "(تحليل): ما الذي تغير في المنطقة؟",                      /* no place: a colon is a label */
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

/* dateline_latest_year as its definition reads: every run of decimal digits (Nd), one code point
 * at a time; a run of exactly four ASCII or Arabic-Indic digits is a year when in range. The
 * oracle of the eight-bytes-at-a-time scan. */
static int reference_latest_year(const char *s, size_t start, size_t end) {
    int latest = 0;
    for (size_t i = start; i < end;) {
        int value = 0, digits = 0;
        while (i < end) {
            int32_t cp;
            size_t n = chars_next(s, i, end, &cp);
            i += n;
            if (!chars_is_digit(cp)) break;
            int d = normalize_codepoint(cp) - '0';
            value = d >= 0 && d <= 9 && value >= 0 ? value * 10 + d : -1;
            if (++digits > 4) value = -1;
        }
        if (digits == 4 && value >= 1900 && value <= 2099 && value > latest) latest = value;
    }
    return latest;
}

/* Pieces of generated text: digits of both kinds and the pieces of years, the two-byte characters
 * next to the Arabic-Indic digits (D9 9F, D9 AA, DB AF, DB BA) and those that share their second
 * bytes under another lead (D9 B0, DB A5, D8 A5), common letters, NKo, Devanagari and fullwidth
 * digits (DF 80, E0 A5 A6, EF BC 90), other three- and four-byte characters, Latin, blanks,
 * malformed bytes (a lone lead D9 or DB, a lone continuation, C0, FF, a cut sequence), and
 * whole years of the three digit kinds, which a digit before or after makes no year. */
static const char *const year_pieces[] = {"19",
                                          "20",
                                          "05",
                                          "2",
                                          "7",
                                          "\xD9\xA2",
                                          "\xD9\xA0",
                                          "\xD9\xA9",
                                          "\xDB\xB0",
                                          "\xDB\xB9",
                                          "\xD9\xA1",
                                          "\xD9\x9F",
                                          "\xD9\xAA",
                                          "\xDB\xAF",
                                          "\xDB\xBA",
                                          "\xD9\xB0",
                                          "\xDB\xA5",
                                          "\xD8\xA5",
                                          "\xD8\xA7",
                                          "\xD9\x84",
                                          "\xD9\x85",
                                          "\xDA\xA9",
                                          "\xDF\x80",
                                          "\xE0\xA5\xA6",
                                          "\xEF\xBC\x90",
                                          "\xE2\x80\x9C",
                                          "\xF0\x9F\x98\x80",
                                          "a",
                                          " ",
                                          ".",
                                          "\n",
                                          "\xD9",
                                          "\xDB",
                                          "\xA5",
                                          "\xB3",
                                          "\xC0",
                                          "\xFF",
                                          "\xE2\x80",
                                          "0",
                                          "9",
                                          "\xDB\xB2",
                                          "2005",
                                          "\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA5",
                                          "\xDB\xB1\xDB\xB9\xDB\xB9\xDB\xB9"};

/* The scan, sixteen bytes at a time (SSE2) and eight (portable), against the oracle over
 * generated texts, whole and from and to any byte, so that every piece falls at every place of a
 * block. */
static void test_dateline_latest_year_matches_its_definition(void **state) {
    (void)state;
    const size_t n_kinds = sizeof year_pieces / sizeof *year_pieces;
    char text[512];
    uint64_t rng = 11;
    size_t with_year = 0;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, n_pieces = 1 + (size_t)(test_util_next(&rng) >> 33) % 60;
        for (size_t k = 0; k < n_pieces; k++) {
            test_util_next(&rng);
            /* Arabic letters and blanks half of the time, as in text. */
            size_t p = (rng >> 63) ? 17 + (size_t)(rng >> 33) % 4 : (size_t)(rng >> 33) % n_kinds;
            if ((rng >> 62 & 1) && (rng >> 63)) p = 28;
            size_t pl = strlen(year_pieces[p]);
            memcpy(text + len, year_pieces[p], pl);
            len += pl;
        }
        int expect = reference_latest_year(text, 0, len);
        with_year += expect != 0;
        char *exact = test_util_exact_copy(text, len);
        assert_int_equal(dateline_latest_year(exact, 0, len), expect);
        assert_int_equal(dateline_latest_year_portable(exact, 0, len), expect);
        free(exact);
        size_t cut = (size_t)(test_util_next(&rng) >> 33) % (len + 1);
        size_t from = (size_t)(test_util_next(&rng) >> 33) % (cut + 1);
        expect = reference_latest_year(text, from, cut);
        exact = test_util_exact_copy(text, cut);
        assert_int_equal(dateline_latest_year(exact, from, cut), expect);
        assert_int_equal(dateline_latest_year_portable(exact, from, cut), expect);
        free(exact);
    }
    assert_true(with_year > 5000); /* the generated texts hold years, not only digits */
}

/* Pieces of generated line openings: day and month names in their spellings, fillers, numbers
 * and years of both digit kinds, place words, agencies, brackets, dashes of every kind, colons,
 * both commas, blanks, harakat, tatweel, other punctuation and quotes, ordinary words, and
 * malformed bytes; then names with harakat among their first letters and words that open as a
 * day name does (ال, ي), for the early decisions on the first letters. */
static const char *const skip_pieces[] = {"الثلاثاء",
                                          "الأربعاء",
                                          "الاربعاء",
                                          "الجمعة",
                                          "الجمعه",
                                          "السبت",
                                          "يوم",
                                          "الموافق",
                                          "جمادى",
                                          "الأولى",
                                          "يناير",
                                          "أبريل",
                                          "إبريل",
                                          "كانون",
                                          "الثاني",
                                          "تموز",
                                          "آذار",
                                          "ذو",
                                          "القعدة",
                                          "20",
                                          "2005",
                                          "\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA5",
                                          "2005م",
                                          "م",
                                          "هـ",
                                          "1426",
                                          "دبي",
                                          "القاهرة",
                                          "لندن",
                                          "الإمارات",
                                          "CNN",
                                          "رويترز",
                                          "(",
                                          ")",
                                          "-",
                                          "--",
                                          "\xE2\x80\x94",
                                          "\xE2\x80\x93",
                                          "\xE2\x88\x92",
                                          ":",
                                          ",",
                                          "\xD8\x8C",
                                          " ",
                                          " ",
                                          " ",
                                          "\t",
                                          "\xC2\xA0",
                                          "\xE2\x80\x8F",
                                          "\xD9\x8E",
                                          "\xD9\x80",
                                          "\xD8\x9B",
                                          "\xD8\x9F",
                                          "\xC2\xAB",
                                          "\xC2\xBB",
                                          "\xE2\x80\x9C",
                                          "\"",
                                          ".",
                                          "/",
                                          "قال",
                                          "الرئيس",
                                          "ة",
                                          "ى",
                                          "\xDA\xA9",
                                          "x7",
                                          "\xD8",
                                          "\xA5",
                                          "\xFF",
                                          "يَوم",
                                          "اَلخميس",
                                          "الجُمعة",
                                          "الْخميس",
                                          "ٱلسبت",
                                          "الأحد",
                                          "الاثنين",
                                          "السلام",
                                          "يوليو"};

/* Appends the string piece at text + *len. */
static void append(char *text, size_t *len, const char *piece) {
    size_t pl = strlen(piece);
    memcpy(text + *len, piece, pl);
    *len += pl;
}

/* Writes 1 to max_pieces pieces of line openings at text, words apart half of the time; returns
 * the length. */
static size_t generate_opening(char *text, uint64_t *rng, size_t max_pieces) {
    size_t len = 0, n_pieces = 1 + (size_t)(test_util_next(rng) >> 33) % max_pieces;
    for (size_t k = 0; k < n_pieces; k++) {
        test_util_next(rng);
        append(text, &len,
               skip_pieces[(size_t)(*rng >> 33) % (sizeof skip_pieces / sizeof *skip_pieces)]);
        if (*rng >> 63) text[len++] = ' ';
    }
    return len;
}

/* dateline_skip with its shortcuts, sixteen bytes at a time (SSE2) and portable, against its
 * plain reading over generated line openings, whole and from and to any byte. */
static void test_dateline_skip_matches_its_plain_reading(void **state) {
    (void)state;
    char text[512];
    uint64_t rng = 5;
    size_t skipped = 0;
    for (int round = 0; round < 40000; round++) {
        size_t len = generate_opening(text, &rng, 16);
        append(text, &len, "نص");
        size_t got = dateline_skip_plain(text, 0, len);
        char *exact = test_util_exact_copy(text, len);
        assert_int_equal(dateline_skip(exact, 0, len), got);
        assert_int_equal(dateline_skip_portable(exact, 0, len), got);
        free(exact);
        skipped += got != 0;
        size_t cut = (size_t)(test_util_next(&rng) >> 33) % (len + 1);
        size_t from = (size_t)(test_util_next(&rng) >> 33) % (cut + 1);
        got = dateline_skip_plain(text, from, cut);
        exact = test_util_exact_copy(text, cut);
        assert_int_equal(dateline_skip(exact, from, cut), got);
        assert_int_equal(dateline_skip_portable(exact, from, cut), got);
        free(exact);
    }
    assert_true(skipped > 100); /* the generated openings hold datelines, not only prose */
}

/* Wire datelines and their near misses: up to nine place words (about the limit of six) between
 * both commas and spaces, then an agency, dashes, a colon or nothing, then text; now and then a
 * piece of a line opening in between. The words are long enough that the place words fill whole
 * blocks of sixteen bytes. */
static const char *const place_pieces[] = {
    "دبي",    "الإمارات", "العربية", "المتحدة", "القاهرة", "لندن",
    "واشنطن", "CNN",      "x7",      "٢٠٠٥",    "مُحمّد",
};
static const char *const place_gaps[] = {" ", "، ", " ، ", ",", " , ", "  "};
static const char *const place_ends[] = {" (رويترز) - ", "(CNN)-- ", " -- ", " — ",
                                         " - ",          ": ",       " "};

static void test_dateline_skip_wire_matches_its_plain_reading(void **state) {
    (void)state;
    char text[1024];
    uint64_t rng = 3;
    size_t skipped = 0;
    for (int round = 0; round < 40000; round++) {
        size_t len = 0, n_words = (size_t)(test_util_next(&rng) >> 33) % 10;
        for (size_t k = 0; k < n_words; k++) {
            test_util_next(&rng);
            const char *piece =
                (rng >> 60) == 0
                    ? skip_pieces[(size_t)(rng >> 33) % (sizeof skip_pieces / sizeof *skip_pieces)]
                    : place_pieces[(size_t)(rng >> 33) %
                                   (sizeof place_pieces / sizeof *place_pieces)];
            const char *gap =
                place_gaps[(size_t)(rng >> 20) % (sizeof place_gaps / sizeof *place_gaps)];
            if (k > 0) append(text, &len, gap);
            append(text, &len, piece);
        }
        test_util_next(&rng);
        const char *tail =
            place_ends[(size_t)(rng >> 33) % (sizeof place_ends / sizeof *place_ends)];
        append(text, &len, tail);
        append(text, &len, "قال الرئيس");
        size_t from =
            (size_t)(test_util_next(&rng) >> 33) % 4 == 0 ? (size_t)(rng >> 40) % (len + 1) : 0;
        size_t got = dateline_skip_plain(text, from, len);
        assert_int_equal(dateline_skip(text, from, len), got);
        assert_int_equal(dateline_skip_portable(text, from, len), got);
        skipped += got != from;
    }
    assert_true(skipped > 5000); /* most lines hold a wire dateline */
}

/* dateline_find with its shortcuts against its plain reading over generated lines (the pieces of
 * line openings, so that dates come after other words), whole and from and to any byte. */
static void test_dateline_find_matches_its_plain_reading(void **state) {
    (void)state;
    char text[1024];
    uint64_t rng = 7;
    size_t found = 0;
    for (int round = 0; round < 40000; round++) {
        size_t len = generate_opening(text, &rng, 32);
        size_t cut = (size_t)(test_util_next(&rng) >> 33) % (len + 1);
        size_t from = (size_t)(test_util_next(&rng) >> 33) % (cut + 1);
        const size_t spans[2][2] = {{0, len}, {from, cut}};
        for (int k = 0; k < 2; k++) {
            size_t a = 0, b = 0, pa = 0, pb = 0;
            int got = dateline_find(text, spans[k][0], spans[k][1], &a, &b);
            assert_int_equal(got, dateline_find_plain(text, spans[k][0], spans[k][1], &pa, &pb));
            if (got) {
                assert_int_equal(a, pa);
                assert_int_equal(b, pb);
            }
            found += (size_t)got;
        }
    }
    assert_true(found > 100); /* the generated lines hold full dates */
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
        cmocka_unit_test(test_dateline_latest_year_matches_its_definition),
        cmocka_unit_test(test_dateline_skip_matches_its_plain_reading),
        cmocka_unit_test(test_dateline_skip_wire_matches_its_plain_reading),
        cmocka_unit_test(test_dateline_find_matches_its_plain_reading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
