/* test_segment.c - unit tests of pipeline stage 3 (summarize/text/segment.c): sentence ends,
 * numbers, abbreviations, quotes, bullets, paragraph breaks, hard-wrap joining and heading flags,
 * and clean+segment on seed articles against hand-made gold segmentations. */
#include "test_util.h"

#include "summarize/text/clean.h"
#include "summarize/text/segment.h"

/* The sentence as the printer shows it: white-space runs that hold a line break become one
 * space. Returns a malloc'd string. */
static char *fold(const char *text, const segment_sentence *s) {
    char *out = malloc(s->end - s->start + 1);
    assert_non_null(out);
    size_t n = 0;
    for (size_t i = s->start; i < s->end;) {
        size_t j = i;
        int newline = 0;
        while (j < s->end &&
               (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
            newline |= text[j] == '\n';
            j++;
        }
        if (j > i && newline) {
            out[n++] = ' ';
            i = j;
            continue;
        }
        if (j > i) {
            memcpy(out + n, text + i, j - i);
            n += j - i;
            i = j;
            continue;
        }
        out[n++] = text[i++];
    }
    out[n] = '\0';
    return out;
}

/* Lines of a test string measured by the cleaner (trimmed spans, final marks, bullets, page
 * layout), with the decisions under test set by hand: blank lines CLEAN_BLANK, every other line
 * kept. A line starting with "#H " is a heading (the marker is blanked out of the text, keeping
 * offsets), one starting with "#X " a dropped line. */
static clean_line *simple_lines(char *text, size_t *n_out) {
    size_t len = strlen(text);
    char mark[64] = {0};
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof mark; n++) {
        char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end - i >= 3 && text[i] == '#' && text[i + 2] == ' ') {
            mark[n] = text[i + 1];
            memset(text + i, ' ', 3);
        }
        i = end + 1;
    }
    clean_doc doc = {text, len, 0};
    clean_line *lines = NULL;
    assert_int_equal(clean_documents(&doc, 1, &lines, &n, NULL), ARS_OK);
    assert_true(n <= sizeof mark);
    for (size_t k = 0; k < n; k++) {
        clean_line *l = &lines[k];
        if (l->flags & CLEAN_LINE_TITLE) { /* titles are not under test here: plain text */
            l->start = l->title_start;
            l->end = l->title_end;
        }
        l->flags &= ~(uint32_t)(CLEAN_LINE_HEADING | CLEAN_LINE_TITLE);
        l->reason = l->start == l->end ? CLEAN_BLANK : CLEAN_KEEP;
        if (mark[k] == 'H') l->flags |= CLEAN_LINE_HEADING;
        if (mark[k] == 'X') l->reason = CLEAN_FRAGMENT;
    }
    *n_out = n;
    return lines;
}

/* Segments `input` (prepared by simple_lines) and compares with the expected sentences;
 * flags[k] (when flags is not NULL) is the expected flag set of sentence k. */
static void check_segments(const char *input, const char *const *want, size_t n_want,
                           const uint32_t *flags) {
    char *text = strdup(input);
    assert_non_null(text);
    size_t n_lines = 0;
    clean_line *lines = simple_lines(text, &n_lines);
    segment_sentence *s = NULL;
    size_t n = 0;
    assert_int_equal(segment_document(text, strlen(text), lines, n_lines, &s, &n), ARS_OK);
    for (size_t k = 0; k < n || k < n_want; k++) {
        char *got = k < n ? fold(text, &s[k]) : NULL;
        if (k >= n || k >= n_want || strcmp(got, want[k]) != 0 ||
            (flags && flags[k] != s[k].flags)) {
            print_error("sentence %zu: got [%s] flags %u\n          expected [%s] flags %u\n", k,
                        got ? got : "(none)", k < n ? (unsigned)s[k].flags : 0u,
                        k < n_want ? want[k] : "(none)", flags && k < n_want ? flags[k] : 0u);
            free(got);
            fail();
        }
        free(got);
    }
    free(s);
    free(lines);
    free(text);
}

#define CHECK(input, ...)                                                                          \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__};                                          \
        check_segments(input, want_, sizeof want_ / sizeof want_[0], NULL);                        \
    } while (0)

static void test_segment_splits_at_final_marks(void **state) {
    (void)state;
    CHECK("أعلن الكرملين الانسحاب. ونفت باكو ذلك! هل يتغير شيء؟ ربما? لا أحد يعلم… انتهى",
          "أعلن الكرملين الانسحاب.", "ونفت باكو ذلك!", "هل يتغير شيء؟", "ربما?", "لا أحد يعلم…",
          "انتهى");
}

/* A '?' after a figure is a sign an encoding lost (٪ in MultiLing 2011's M004), not a question's
 * end; after a word, or doubled, it still ends one. */
static void test_segment_question_mark_after_figure_is_a_lost_sign(void **state) {
    (void)state;
    CHECK("ترغب الدول في خفض 25-40 ? من انبعاثات الغازات. ورفضت واشنطن.",
          "ترغب الدول في خفض 25-40 ? من انبعاثات الغازات.", "ورفضت واشنطن.");
    CHECK("في مايو 2017? لرفض الحوثيين. ثم انسحب.", "في مايو 2017? لرفض الحوثيين.", "ثم انسحب.");
    CHECK("بلغ عددهم ٤٠ ? وفق التقرير.", "بلغ عددهم ٤٠ ? وفق التقرير.");
    CHECK("هل تجاوز العدد 40?! لا أحد يعلم.", "هل تجاوز العدد 40?!", "لا أحد يعلم.");
    CHECK("هل سيصل العدد الى 100 ?? لا أحد يعلم.", "هل سيصل العدد الى 100 ??", "لا أحد يعلم.");
    CHECK("كم عددهم ? لا أحد يعلم.", "كم عددهم ?", "لا أحد يعلم.");
}

/* Acronyms, initials and web addresses spelled in Arabic letter groups joined by periods stay
 * inside their sentence; a period glued to a longer word still ends one. */
static void test_segment_keeps_arabic_acronyms_whole(void **state) {
    (void)state;
    CHECK("وقال لمحطة (زد.دي.إف) إن الوزير أخطأ. ونفت الوزارة.",
          "وقال لمحطة (زد.دي.إف) إن الوزير أخطأ.", "ونفت الوزارة.");
    CHECK("ذكرت بي.بي.سي أن الاجتماع انتهى. وغادر الوفد.", "ذكرت بي.بي.سي أن الاجتماع انتهى.",
          "وغادر الوفد.");
    CHECK("نقلت وكالة (د.ب.أ) الخبر. وأكدته سي.آي.إيه لاحقا.", "نقلت وكالة (د.ب.أ) الخبر.",
          "وأكدته سي.آي.إيه لاحقا.");
    CHECK("وصلنا في الساعة التاسعة.فجاءت الشرطة بعد قليل.", "وصلنا في الساعة التاسعة.",
          "فجاءت الشرطة بعد قليل.");
    CHECK("وسجل ليلارد 23 نقطة وأضاف سي.جيه مكولوم 21 نقطة. وفاز الفريق.",
          "وسجل ليلارد 23 نقطة وأضاف سي.جيه مكولوم 21 نقطة.", "وفاز الفريق.");
    CHECK("أعلن موقع بيت.كوم عن وظائف جديدة. وتقدم الآلاف.", "أعلن موقع بيت.كوم عن وظائف جديدة.",
          "وتقدم الآلاف.");
    CHECK("وصلت الرسالة اليوم.فقرأها الجميع.", "وصلت الرسالة اليوم.", "فقرأها الجميع.");
    /* Two short words that are not both letter names: a missing space (EASC). */
    CHECK("تتكون من عدة جزر.في الشمال جبال.", "تتكون من عدة جزر.", "في الشمال جبال.");
    CHECK("وقد قدم له.على مدى سنوات.", "وقد قدم له.", "على مدى سنوات.");
}

/* A letter name with a period between a given name and a surname is a middle initial, and letter
 * names with periods and spaces between them are one acronym; at a sentence's end a letter name
 * that is also a word, one after another letter name, or one before و still closes it. */
static void test_segment_keeps_initials_whole(void **state) {
    (void)state;
    CHECK("ووقعه الرئيس جورج دبليو. بوش. وأصبح قانونا.", "ووقعه الرئيس جورج دبليو. بوش.",
          "وأصبح قانونا.");
    CHECK("قال بيتر إل. سيلا، الرئيس التنفيذي، إن الشركة ربحت. ثم غادر.",
          "قال بيتر إل. سيلا، الرئيس التنفيذي، إن الشركة ربحت.", "ثم غادر.");
    CHECK("نقلت شبكة \"سي. إن. إن\" الخبر. وأكدته \"بي. بي. سي\" لاحقا.",
          "نقلت شبكة \"سي. إن. إن\" الخبر.", "وأكدته \"بي. بي. سي\" لاحقا.");
    CHECK("وقال مستشار الأمن القومي الأمريكي إتش. أر. ماكماستر إن الهجوم فشل. وانتهى الاجتماع.",
          "وقال مستشار الأمن القومي الأمريكي إتش. أر. ماكماستر إن الهجوم فشل.", "وانتهى الاجتماع.");
    CHECK("هذا هو الخاص بي. لا أدري ما حدث.", "هذا هو الخاص بي.", "لا أدري ما حدث.");
    CHECK("أكدت ذلك بي بي سي. إنها عائلتي.", "أكدت ذلك بي بي سي.", "إنها عائلتي.");
    CHECK("اعتقلت الشرطة أحمد إتش. ويبلغ من العمر 30 عاما.", "اعتقلت الشرطة أحمد إتش.",
          "ويبلغ من العمر 30 عاما.");
}

static void test_segment_keeps_runs_of_marks_together(void **state) {
    (void)state;
    CHECK("هل انسحبت القوات؟! لا... ليس بعد. قره باغ.. وباكو تنفي", "هل انسحبت القوات؟!", "لا...",
          "ليس بعد.", "قره باغ..", "وباكو تنفي");
}

static void test_segment_keeps_decimal_number_whole(void **state) {
    (void)state;
    CHECK("ارتفع المؤشر 2.5 في المئة. وانخفض الدولار.", "ارتفع المؤشر 2.5 في المئة.",
          "وانخفض الدولار.");
}

static void test_segment_keeps_dotted_date_whole(void **state) {
    (void)state;
    CHECK("وقع الاتفاق في 10.11.2020 في موسكو. ثم بدأ الانسحاب.",
          "وقع الاتفاق في 10.11.2020 في موسكو.", "ثم بدأ الانسحاب.");
}

static void test_segment_keeps_thousands_separator_whole(void **state) {
    (void)state;
    CHECK("قتل 6,500 شخص و1.960 جندي. وانتهت الحرب.", "قتل 6,500 شخص و1.960 جندي.",
          "وانتهت الحرب.");
}

static void test_segment_ends_sentence_after_number(void **state) {
    (void)state;
    CHECK("اندلعت الحرب في 2020. وانتهت بعد ستة أسابيع.", "اندلعت الحرب في 2020.",
          "وانتهت بعد ستة أسابيع.");
}

static void test_segment_keeps_arabic_abbreviation_whole(void **state) {
    (void)state;
    CHECK("قال د. أحمد إن م. سعيد وصل. وأكد ذلك.", "قال د. أحمد إن م. سعيد وصل.", "وأكد ذلك.");
    /* A shadda on the last letter does not make a long word look like one letter. */
    CHECK("اتهم بالتجسّس. وأكدت السلطات ذلك.", "اتهم بالتجسّس.", "وأكدت السلطات ذلك.");
    /* م after a year is the era mark and closes the sentence. */
    CHECK("ولد عام 1770 م. وتوفي عام 1827م. في فيينا", "ولد عام 1770 م.", "وتوفي عام 1827م.",
          "في فيينا");
    /* So does any other letter after a figure, a unit (6ث: six seconds), but ق.م (before
     * Christ). */
    CHECK("أنهى المرحلة في 1س 12د 6ث. وحافظ راسموسن على الصدارة.", "أنهى المرحلة في 1س 12د 6ث.",
          "وحافظ راسموسن على الصدارة.");
    CHECK("بنيت عام 2550 ق. م، وهي أقدم الأهرامات.", "بنيت عام 2550 ق. م، وهي أقدم الأهرامات.");
    CHECK("أغلقت المراكز عند الساعة 18,00 (15,00 ت.غ) كما هو متوقع. ثم بدأ الفرز.",
          "أغلقت المراكز عند الساعة 18,00 (15,00 ت.غ) كما هو متوقع.", "ثم بدأ الفرز.");
}

static void test_segment_keeps_latin_abbreviation_whole(void **state) {
    (void)state;
    CHECK("التقى Mr. Smith مسؤولين من U.S. والأمم المتحدة. ثم غادر.",
          "التقى Mr. Smith مسؤولين من U.S. والأمم المتحدة.", "ثم غادر.");
    CHECK("زر الموقع example.com للمزيد. شكرا.", "زر الموقع example.com للمزيد.", "شكرا.");
    /* The longest words of the list, and a longer Latin word that is not on it. */
    CHECK("التقى Capt. Lee والسيد Prof. Jones في Sept. الماضي مع Smith. ثم غادر.",
          "التقى Capt. Lee والسيد Prof. Jones في Sept. الماضي مع Smith.", "ثم غادر.");
}

static void test_segment_ends_at_period_glued_to_arabic_word(void **state) {
    (void)state;
    CHECK("يرجعه البعض إلى نوح.و تعني الكلمة الخشب .فالعود آلة قديمة.", "يرجعه البعض إلى نوح.",
          "و تعني الكلمة الخشب .", "فالعود آلة قديمة.");
}

static void test_segment_keeps_period_inside_guillemets(void **state) {
    (void)state;
    CHECK("قال الوزير: «انتهى الأمر. لن نتراجع»، مضيفاً أن القرار نهائي. وغادر.",
          "قال الوزير: «انتهى الأمر. لن نتراجع»، مضيفاً أن القرار نهائي.", "وغادر.");
    CHECK("وقالت: “هذا هو الحال. بالفعل” ثم صمتت. وانتهى اللقاء.",
          "وقالت: “هذا هو الحال. بالفعل” ثم صمتت.", "وانتهى اللقاء.");
}

static void test_segment_ends_after_closing_quote(void **state) {
    (void)state;
    CHECK("قال: \"نعم.\" وأضاف أن الانسحاب بدأ.", "قال: \"نعم.\"", "وأضاف أن الانسحاب بدأ.");
    CHECK("رفضها «القاطع» لهذا الاتهام. وبعد ذلك «حملة افتراءات». انتهى.",
          "رفضها «القاطع» لهذا الاتهام.", "وبعد ذلك «حملة افتراءات».", "انتهى.");
    CHECK("وقال (في بيان.) إنه سيرد. ثم غادر.", "وقال (في بيان.)", "إنه سيرد.", "ثم غادر.");
}

static void test_segment_keeps_period_inside_ascii_quotes(void **state) {
    (void)state;
    CHECK("وقالت الوزارة \"من الواضح. أن فرنسا تسلح أرمينيا\" دون تفاصيل. وانتهى.",
          "وقالت الوزارة \"من الواضح. أن فرنسا تسلح أرمينيا\" دون تفاصيل.", "وانتهى.");
    /* A quote mark glued to a prefix (بـ"ضغوط") opens; a stray one after a word is ignored. */
    CHECK("نددت بـ\"ضغوط. كبيرة\" وتهديدات\" فرنسية. ثم صمتت.",
          "نددت بـ\"ضغوط. كبيرة\" وتهديدات\" فرنسية.", "ثم صمتت.");
}

static void test_segment_unclosed_quote_does_not_swallow_paragraph(void **state) {
    (void)state;
    CHECK("قال «إن الجيش سيبقى. وأكد أن الانسحاب لن يتم. ثم غادر.\nفقرة جديدة «مقتبسة.",
          "قال «إن الجيش سيبقى.", "وأكد أن الانسحاب لن يتم.", "ثم غادر.", "فقرة جديدة «مقتبسة.");
}

static void test_segment_comma_and_semicolon_do_not_split(void **state) {
    (void)state;
    CHECK("أعلن الكرملين، أمس؛ أن الجنود بدؤوا الانسحاب، بعد سبعة شهور.",
          "أعلن الكرملين، أمس؛ أن الجنود بدؤوا الانسحاب، بعد سبعة شهور.");
}

static void test_segment_trims_bullet(void **state) {
    (void)state;
    static const char *const want[] = {"خلال فترتها، تعرضت القوات لخسائر.", "وتوالت الأحداث.",
                                       "تدهورت العلاقات.", "-5 درجات تحت الصفر.", "نقطة أخرى"};
    static const uint32_t flags[] = {0, 0, 0, 0, 0};
    check_segments("- خلال فترتها، تعرضت القوات لخسائر. وتوالت الأحداث.\n"
                   "  - تدهورت العلاقات.\n-5 درجات تحت الصفر.\n• نقطة أخرى",
                   want, 5, flags);
}

static void test_segment_breaks_at_paragraphs(void **state) {
    (void)state;
    static const char *const want[] = {"فقرة أولى بلا نقطة", "فقرة ثانية.", "بعد سطر محذوف",
                                       "فقرة أخيرة."};
    static const uint32_t flags[] = {0, 0, 0, 0};
    check_segments("فقرة أولى بلا نقطة\n\nفقرة ثانية.\nبعد سطر محذوف\n#X محذوف\nفقرة أخيرة.", want,
                   4, flags);
}

static void test_segment_flags_heading_lines(void **state) {
    (void)state;
    static const char *const want[] = {"موسكو تعلن الانسحاب..", "وباكو تنفي",
                                       "نفت أذربيجان سحب قواتها."};
    static const uint32_t flags[] = {SEGMENT_HEADING, SEGMENT_HEADING, 0};
    /* The heading line stands alone even though the next line follows without a blank. */
    check_segments("#H موسكو تعلن الانسحاب.. وباكو تنفي\nنفت أذربيجان سحب قواتها.", want, 3, flags);
}

static void test_segment_skips_spans_without_text(void **state) {
    (void)state;
    CHECK("انتهى الاجتماع. ... !\n\n* * *\n\nثم بدأ آخر.", "انتهى الاجتماع.", "ثم بدأ آخر.");
}

/* A hard-wrapped document: lines cut at a fixed width, most ending mid-sentence. */
#define WRAP1 "أعلن الكرملين، أمس الأربعاء، أن الجنود الروس المنتشرين في مرتفعات ناغورنو كارباخ منذ"
#define WRAP2 "خريف العام 2020، بدؤوا انسحابهم، بعد سبعة شهور من استعادة أذربيجان هذا الجيب. فيما"
#define WRAP3 "نددت أذربيجان، أمس، بضغوط وتهديدات تمارسها فرنسا، حسب قولها، بعد يوم من استدعاء"
#define WRAP4 "باريس سفيرتها لدى باكو للتشاور في ظل تدهور العلاقات الثنائية بين البلدين منذ أشهر."
#define WRAP5 "وقال المتحدث باسم الرئاسة الروسية للصحفيين إن هذا هو الحال بالفعل، مؤكداً تقارير"
#define WRAP6 "بثتها وسائل إعلام أذربيجانية تحدثت عن الانسحاب من المنطقة خلال الأيام الماضية."

static void test_segment_joins_hard_wrapped_lines_across_blank_lines(void **state) {
    (void)state;
    CHECK("#H عنوان قصير للخبر\n\n" WRAP1 "\n" WRAP2 "\n\n" WRAP3 "\n\n\n" WRAP4 "\n" WRAP5
          "\n\n" WRAP6 "\n",
          "عنوان قصير للخبر",
          WRAP1 " "
                "خريف العام 2020، بدؤوا انسحابهم، بعد سبعة شهور من استعادة أذربيجان هذا الجيب.",
          "فيما " WRAP3 " " WRAP4, WRAP5 " " WRAP6);
}

static void test_segment_short_line_in_wrapped_document_stands_alone(void **state) {
    (void)state;
    /* "ملاحظة المحرر" is far shorter than the wrap width: it does not run into the next line. */
    CHECK(WRAP1 "\n" WRAP2 "\n\n" WRAP3 "\n\nملاحظة المحرر\n\n" WRAP5 "\n" WRAP6,
          WRAP1 " خريف العام 2020، بدؤوا انسحابهم، بعد سبعة شهور من استعادة أذربيجان هذا الجيب.",
          "فيما " WRAP3 " ملاحظة المحرر", WRAP5 " " WRAP6);
}

static void test_segment_does_not_join_across_blank_line_in_web_text(void **state) {
    (void)state;
    /* Paragraph-per-line text: a paragraph without its period does not run into the next. */
    CHECK("فقرة أولى طويلة نسبياً عن الانسحاب وتفاصيله.\n\nفقرة ثانية بلا نقطة في آخرها\n\n"
          "فقرة ثالثة عن موقف باكو.\n\nفقرة رابعة عن موقف موسكو.\n",
          "فقرة أولى طويلة نسبياً عن الانسحاب وتفاصيله.", "فقرة ثانية بلا نقطة في آخرها",
          "فقرة ثالثة عن موقف باكو.", "فقرة رابعة عن موقف موسكو.");
}

static void test_segment_spans_are_trimmed_and_inside_text(void **state) {
    (void)state;
    char text[] = "  \t أولى.   ثانية؟  \r\n\r\n  ثالثة  \r\n";
    size_t n_lines = 0;
    clean_line *lines = simple_lines(text, &n_lines);
    segment_sentence *s = NULL;
    size_t n = 0;
    assert_int_equal(segment_document(text, strlen(text), lines, n_lines, &s, &n), ARS_OK);
    assert_int_equal(n, 3);
    for (size_t k = 0; k < n; k++) {
        assert_true(s[k].start < s[k].end && s[k].end <= strlen(text));
        assert_true(text[s[k].start] != ' ' && text[s[k].end - 1] != ' ' &&
                    text[s[k].end - 1] != '\r');
    }
    assert_int_equal(s[2].flags, 0);
    free(s);
    free(lines);
}

static void test_segment_empty_document_gives_no_sentences(void **state) {
    (void)state;
    segment_sentence *s = (segment_sentence *)state;
    size_t n = 7;
    assert_int_equal(segment_document("", 0, NULL, 0, &s, &n), ARS_OK);
    assert_null(s);
    assert_int_equal(n, 0);
    clean_line blank = {0, 3, 0, 0, CLEAN_BLANK, 0};
    assert_int_equal(segment_document("   ", 3, &blank, 1, &s, &n), ARS_OK);
    assert_int_equal(n, 0);
    free(s);
}

/* Segments a document through the real cleaner (titles, date lines and datelines are the
 * cleaner's findings) and returns the sentences; *n gets their count. */
static segment_sentence *clean_and_segment(const char *text, size_t *n) {
    clean_doc doc = {text, strlen(text), 0};
    clean_line *lines = NULL;
    size_t n_lines = 0;
    assert_int_equal(clean_documents(&doc, 1, &lines, &n_lines, NULL), ARS_OK);
    segment_sentence *s = NULL;
    assert_int_equal(segment_document(text, strlen(text), lines, n_lines, &s, n), ARS_OK);
    free(lines);
    return s;
}

/* MultiLing's layout: headline (ending with a period), date line, text. The headline is the
 * title, the date line is gone, the text is the first sentence. */
static void test_segment_title_above_date_line(void **state) {
    (void)state;
    const char *text = "شرطة العاصمة تنشر صور لاحد منفذي تفجيرات لندن.\n"
                       "الخميس 14 يوليو 2005.\n"
                       "نشرت شرطة العاصمة صورتين اليوم في إطار التحقيق في التفجيرات.\n";
    size_t n = 0;
    segment_sentence *s = clean_and_segment(text, &n);
    assert_int_equal(n, 2);
    assert_true(s[0].flags & SEGMENT_TITLE);
    char *t = fold(text, &s[1]);
    assert_string_equal(t, "نشرت شرطة العاصمة صورتين اليوم في إطار التحقيق في التفجيرات.");
    assert_false(s[1].flags & SEGMENT_TITLE);
    free(t);
    free(s);
}

/* A date glued to the front of a paragraph is not part of its first sentence; a headline glued
 * before a full date in the first line is the title. */
static void test_segment_trims_glued_dates(void **state) {
    (void)state;
    const char *text = "تدرب منفذو التفجيرات للهجوم قبل تسعة أيام الثلاثاء 20 سبتمبر 2005  "
                       "اكتشفت الشرطة أن المفجرين تدربوا على خطتهم.\n"
                       "الأربعاء 21 سبتمبر 2005 وقالت الشرطة إنها جمعت إفادات كثيرة من الشهود.\n";
    size_t n = 0;
    segment_sentence *s = clean_and_segment(text, &n);
    assert_int_equal(n, 3);
    char *a = fold(text, &s[0]), *b = fold(text, &s[1]), *c = fold(text, &s[2]);
    assert_string_equal(a, "تدرب منفذو التفجيرات للهجوم قبل تسعة أيام");
    assert_true(s[0].flags & SEGMENT_TITLE);
    assert_string_equal(b, "اكتشفت الشرطة أن المفجرين تدربوا على خطتهم.");
    assert_string_equal(c, "وقالت الشرطة إنها جمعت إفادات كثيرة من الشهود.");
    free(a);
    free(b);
    free(c);
    free(s);
}

/* A quotation over two paragraphs: the second paragraph's sentences lean on a speaker named in
 * the first; a list lead-in ends with a colon. A stray closing quote in the middle of a sentence
 * (a typo) marks nothing. */
/* A short one-clause question that closes its paragraph is a teaser; one inside a paragraph, one
 * after a clause that states something, and a long one are not. */
static void test_segment_flags_teasers(void **state) {
    (void)state;
    const char *want[] = {
        "تخوض القائمة الانتخابات بزعامة نوري المالكي.",
        "فمن هو نوري المالكي؟",
        "للمزيد: من هو نيكولاس كروز؟",
        "هل يحسم الاقتراع الخلاف؟",
        "تقول الاستطلاعات إنه لن يحسمه.",
        "لكن لم يحصل أي طرف على الغالبية، فهل تتجه إيطاليا نحو انسداد سياسي؟",
        /* one element of two literals, parenthesised for clang's -Wstring-concatenation */
        ("هل ستؤثر الأزمة الدبلوماسية بين البلدين على الحجاج الذين ينوون السفر إلى مكة هذا العام "
         "بعد كل ما جرى؟"),
    };
    const uint32_t flags[] = {0, SEGMENT_TEASER, SEGMENT_TEASER, 0, 0, 0, 0};
    check_segments("تخوض القائمة الانتخابات بزعامة نوري المالكي. فمن هو نوري المالكي؟\n\n"
                   "للمزيد: من هو نيكولاس كروز؟\n\n"
                   "هل يحسم الاقتراع الخلاف؟ تقول الاستطلاعات إنه لن يحسمه.\n\n"
                   "لكن لم يحصل أي طرف على الغالبية، فهل تتجه إيطاليا نحو انسداد سياسي؟\n\n"
                   "هل ستؤثر الأزمة الدبلوماسية بين البلدين على الحجاج الذين ينوون السفر إلى "
                   "مكة هذا العام بعد كل ما جرى؟\n",
                   want, 7, flags);
}

static void test_segment_flags_quote_tails_and_lead_ins(void **state) {
    (void)state;
    char text[] = "وقال الممثل في تغريدة: \"كانت أسطورة حية على الشاشة.\n"
                  "وكانت دائما من الرواد ومصادر الإلهام.\"\n"
                  "وهذه هي أجندة القمة:\n"
                  "نددت أذربيجان بضغوط وتهديدات\" تمارسها فرنسا على حد قولها.\n";
    size_t n_lines = 0;
    clean_line *lines = simple_lines(text, &n_lines);
    segment_sentence *s = NULL;
    size_t n = 0;
    assert_int_equal(segment_document(text, strlen(text), lines, n_lines, &s, &n), ARS_OK);
    assert_int_equal(n, 4);
    assert_false(s[0].flags & SEGMENT_QUOTE_TAIL);
    assert_true(s[1].flags & SEGMENT_QUOTE_TAIL);
    assert_true(s[2].flags & SEGMENT_LEADIN);
    assert_false(s[3].flags & (SEGMENT_QUOTE_TAIL | SEGMENT_LEADIN));
    free(s);
    free(lines);
}

/* --- gold segmentations of seed articles ---------------------------------------------------- */

static void check_gold(const char *seed, const char *gold) {
    char rel[256], path[4096];
    snprintf(rel, sizeof rel, "tests/data/seeds/%s.txt", seed);
    snprintf(path, sizeof path, "%s", test_util_source_path(rel));
    size_t len = 0;
    char *text = test_util_read_file(path, &len);
    assert_non_null(text);
    snprintf(rel, sizeof rel, "tests/data/gold/%s", gold);
    snprintf(path, sizeof path, "%s", test_util_source_path(rel));
    char *expected = test_util_read_file(path, NULL);
    assert_non_null(expected);

    clean_doc doc = {text, len, 0};
    clean_line *lines = NULL;
    size_t n_lines = 0;
    assert_int_equal(clean_documents(&doc, 1, &lines, &n_lines, NULL), ARS_OK);
    segment_sentence *s = NULL;
    size_t n = 0;
    assert_int_equal(segment_document(text, len, lines, n_lines, &s, &n), ARS_OK);

    size_t k = 0;
    for (char *line = expected; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        if (line[0] != '#' && line[0] != '\0') {
            char *tab = strchr(line, '\t');
            assert_non_null(tab);
            *tab = '\0';
            /* The gold files also mark bullets (B) and unterminated sentences (U): hand
             * annotations of the document's structure that the segmenter does not report. */
            uint32_t want_flags = 0;
            for (char *f = line; *f; f++) {
                if (*f == 'H') want_flags |= SEGMENT_HEADING;
                if (*f == 'T') want_flags |= SEGMENT_TITLE;
                if (*f == 'Q') want_flags |= SEGMENT_QUOTE_TAIL;
                if (*f == 'L') want_flags |= SEGMENT_LEADIN;
            }
            if (k >= n) {
                print_error("%s: sentence %zu missing; expected [%s]\n", seed, k, tab + 1);
                fail();
            }
            char *got = fold(text, &s[k]);
            if (strcmp(got, tab + 1) != 0 || s[k].flags != want_flags) {
                print_error("%s: first mismatch at sentence %zu\n  got      [%s] flags %u\n"
                            "  expected [%s] flags %u\n",
                            seed, k, got, (unsigned)s[k].flags, tab + 1, (unsigned)want_flags);
                free(got);
                fail();
            }
            free(got);
            k++;
        }
        line = nl ? nl + 1 : NULL;
    }
    if (k != n) {
        print_error("%s: %zu sentences, gold has %zu\n", seed, n, k);
        fail();
    }
    free(s);
    free(lines);
    free(expected);
    free(text);
}

static void test_segment_matches_gold_for_hard_wrapped_pdf_seed_000(void **state) {
    (void)state;
    check_gold("000_37eaa8ce959699e6", "000_37eaa8ce959699e6.sentences.txt");
}

static void test_segment_matches_gold_for_seed_001(void **state) {
    (void)state;
    check_gold("001_1bb4ffb61d3243be", "001_1bb4ffb61d3243be.sentences.txt");
}

static void test_segment_matches_gold_for_web_seed_003(void **state) {
    (void)state;
    check_gold("003_be449fbf7e01b1a1", "003_be449fbf7e01b1a1.sentences.txt");
}

/* The scans skip sixteen and eight bytes at a time: every final mark and quote is still found
 * wherever it falls in a window of sixteen or a word of eight bytes (؟ split over two, … at the
 * end of one), after runs of Arabic letters long enough for the skips to run. */
static void test_segment_finds_marks_at_every_alignment(void **state) {
    (void)state;
    for (size_t pad = 0; pad < 40; pad++) {
        char input[1024], first[128], second[128], third[128], fourth[128], fifth[128];
        char p[64];
        memset(p, 'x', pad);
        p[pad] = '\0';
        const char *sp = pad ? " " : "";
        snprintf(first, sizeof first, "%s%sكيف حالك؟", p, sp);
        snprintf(second, sizeof second, "قال «نعم.»");
        snprintf(third, sizeof third, "%s%sانتهى.", p, sp);
        snprintf(fourth, sizeof fourth, "%s%sقالت “كفى” ثم ذهبت?", p, sp);
        snprintf(fifth, sizeof fifth, "%s%sوكتب \"هنا. هناك\" ثم توقف\xDB\x94", p, sp);
        snprintf(input, sizeof input, "%s %s ثم مشى… %s %s %s الأخيرة!", first, second, third,
                 fourth, fifth);
        const char *want[] = {first, second, "ثم مشى…", third, fourth, fifth, "الأخيرة!"};
        check_segments(input, want, 7, NULL);
    }
}

/* segment_document against segment_document_stepwise (every byte stepped): the same sentences
 * and flags for generated paragraphs of Arabic words and spaces, long enough for the block skips,
 * with final marks (. ! ? ؟ ۔ …), quotes of every kind, and bytes that look like their parts
 * (، D8 8C, ڟ DA 9F, ‘ E2 80 98, ¬ C2 AC, digits, Latin) at every place, lines and paragraph ends
 * falling anywhere in the blocks, and a text that ends right after a mark, read from a block of
 * its exact size. */
static void test_segment_skips_match_stepwise(void **state) {
    (void)state;
    static const char *const pieces[] = {"\xD9\x82\xD8\xA7\xD9\x84",
                                         "\xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1",
                                         " ",
                                         " ",
                                         "\xD9\x85\xD8\xB5\xD8\xB1",
                                         ".",
                                         "!",
                                         "?",
                                         "\xD8\x9F" /* ؟ */,
                                         "\xDB\x94" /* ۔ */,
                                         "\xE2\x80\xA6" /* … */,
                                         "\xC2\xAB",
                                         "\xC2\xBB",
                                         "\xE2\x80\x9C",
                                         "\xE2\x80\x9D",
                                         "\"",
                                         "\xD8\x8C" /* ، */,
                                         "\xDA\x9F" /* ڟ */,
                                         "\xE2\x80\x98",
                                         "\xC2\xAC",
                                         "2.5",
                                         "U.S.",
                                         "Dr.",
                                         "\xD8\xAF.",
                                         ":",
                                         "\n",
                                         "\n\n",
                                         "(",
                                         ")"};
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    uint64_t rng = 11;
    for (int round = 0; round < 4000; round++) {
        char text[1200];
        size_t len = 0;
        size_t target = 40 + (size_t)(test_util_next(&rng) >> 55);
        while (len < target) {
            test_util_next(&rng);
            /* mostly words and spaces, so that the skips run over long stretches */
            size_t r = (size_t)(rng >> 33);
            const char *piece = (rng >> 60) < 11 ? pieces[r % 5] : pieces[r % n_pieces];
            size_t pl = strlen(piece);
            memcpy(text + len, piece, pl);
            len += pl;
        }
        text[len] = '\0';
        size_t n_lines = 0;
        clean_line *lines = simple_lines(text, &n_lines);
        /* Segmented from a copy of its exact size, so that a scan reading past the text's end
         * (a sixteen-byte block, a byte after one) is an error under the sanitizers. */
        char *exact = test_util_exact_copy(text, len);
        segment_sentence *want = NULL, *got = NULL;
        size_t n_want = 0, n_got = 0;
        assert_int_equal(segment_document_stepwise(exact, len, lines, n_lines, &want, &n_want),
                         ARS_OK);
        assert_int_equal(segment_document(exact, len, lines, n_lines, &got, &n_got), ARS_OK);
        free(exact);
        if (n_got != n_want) print_error("[%s]: %zu sentences, want %zu\n", text, n_got, n_want);
        assert_int_equal(n_got, n_want);
        for (size_t k = 0; k < n_want; k++) {
            assert_int_equal(got[k].start, want[k].start);
            assert_int_equal(got[k].end, want[k].end);
            assert_int_equal(got[k].flags, want[k].flags);
        }
        free(want);
        free(got);
        free(lines);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_segment_finds_marks_at_every_alignment),
        cmocka_unit_test(test_segment_skips_match_stepwise),
        cmocka_unit_test(test_segment_splits_at_final_marks),
        cmocka_unit_test(test_segment_question_mark_after_figure_is_a_lost_sign),
        cmocka_unit_test(test_segment_keeps_arabic_acronyms_whole),
        cmocka_unit_test(test_segment_keeps_initials_whole),
        cmocka_unit_test(test_segment_keeps_runs_of_marks_together),
        cmocka_unit_test(test_segment_keeps_decimal_number_whole),
        cmocka_unit_test(test_segment_keeps_dotted_date_whole),
        cmocka_unit_test(test_segment_keeps_thousands_separator_whole),
        cmocka_unit_test(test_segment_ends_sentence_after_number),
        cmocka_unit_test(test_segment_keeps_arabic_abbreviation_whole),
        cmocka_unit_test(test_segment_keeps_latin_abbreviation_whole),
        cmocka_unit_test(test_segment_ends_at_period_glued_to_arabic_word),
        cmocka_unit_test(test_segment_keeps_period_inside_guillemets),
        cmocka_unit_test(test_segment_ends_after_closing_quote),
        cmocka_unit_test(test_segment_keeps_period_inside_ascii_quotes),
        cmocka_unit_test(test_segment_unclosed_quote_does_not_swallow_paragraph),
        cmocka_unit_test(test_segment_comma_and_semicolon_do_not_split),
        cmocka_unit_test(test_segment_trims_bullet),
        cmocka_unit_test(test_segment_breaks_at_paragraphs),
        cmocka_unit_test(test_segment_flags_heading_lines),
        cmocka_unit_test(test_segment_skips_spans_without_text),
        cmocka_unit_test(test_segment_joins_hard_wrapped_lines_across_blank_lines),
        cmocka_unit_test(test_segment_short_line_in_wrapped_document_stands_alone),
        cmocka_unit_test(test_segment_does_not_join_across_blank_line_in_web_text),
        cmocka_unit_test(test_segment_spans_are_trimmed_and_inside_text),
        cmocka_unit_test(test_segment_empty_document_gives_no_sentences),
        cmocka_unit_test(test_segment_title_above_date_line),
        cmocka_unit_test(test_segment_trims_glued_dates),
        cmocka_unit_test(test_segment_flags_quote_tails_and_lead_ins),
        cmocka_unit_test(test_segment_flags_teasers),
        cmocka_unit_test(test_segment_matches_gold_for_hard_wrapped_pdf_seed_000),
        cmocka_unit_test(test_segment_matches_gold_for_seed_001),
        cmocka_unit_test(test_segment_matches_gold_for_web_seed_003),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
