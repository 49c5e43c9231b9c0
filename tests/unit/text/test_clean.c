/* test_clean.c - unit tests of pipeline stage 2 (summarize/text/clean.c): every non-blank line of
 * the five seed articles gets the expected decision (boilerplate dropped with its reason, prose
 * and headings kept), plus repetition across documents, phrase folding and determinism. */
#include "test_util.h"

#include "summarize/text/chars.h"
#include "summarize/text/clean.h"
#include "summarize/text/duplicate.h"

#define N_SEEDS 5
static const char *const seed_names[N_SEEDS] = {
    "000_37eaa8ce959699e6.txt", "001_1bb4ffb61d3243be.txt", "002_981c23ef73e03746.txt",
    "003_be449fbf7e01b1a1.txt", "004_c519fb17f7c0a84d.txt",
};

typedef struct {
    char *text[N_SEEDS];
    clean_doc docs[N_SEEDS];
    clean_line *lines[N_SEEDS];
    size_t n_lines[N_SEEDS];
} seeds;

/* Loads the five seeds and cleans them together, as one cluster. */
static int seeds_setup(void **state) {
    seeds *s = calloc(1, sizeof *s);
    assert_non_null(s);
    for (int d = 0; d < N_SEEDS; d++) {
        char rel[256];
        snprintf(rel, sizeof rel, "tests/data/seeds/%s", seed_names[d]);
        size_t len = 0;
        s->text[d] = test_util_read_file(test_util_source_path(rel), &len);
        assert_non_null(s->text[d]);
        s->docs[d] = (clean_doc){s->text[d], len, 0};
    }
    assert_int_equal(clean_documents(s->docs, N_SEEDS, s->lines, s->n_lines, NULL), ARS_OK);
    *state = s;
    return 0;
}

static int seeds_teardown(void **state) {
    seeds *s = *state;
    for (int d = 0; d < N_SEEDS; d++) {
        free(s->lines[d]);
        free(s->text[d]);
    }
    free(s);
    return 0;
}

/* Expected decision for a 1-based line number; 'T' = the document's title, 'H' = kept as
 * heading, 'K' = kept prose. */
typedef struct {
    size_t line;
    char what; /* K, H, or the first letter of a reason: B(lank) N(ot arabic) R(epeated)
                  P(hrase: boilerplate) F(ragment) */
} expect;

static void check_line(const seeds *s, int d, const expect *e) {
    assert_true(e->line >= 1 && e->line <= s->n_lines[d]);
    const clean_line *l = &s->lines[d][e->line - 1];
    clean_reason want = CLEAN_KEEP;
    uint32_t want_flags = 0;
    switch (e->what) {
    case 'K':
        break;
    case 'H':
        want_flags = CLEAN_LINE_HEADING;
        break;
    case 'T':
        want_flags = CLEAN_LINE_TITLE;
        break;
    case 'B':
        want = CLEAN_BLANK;
        break;
    case 'N':
        want = CLEAN_NOT_ARABIC;
        break;
    case 'R':
        want = CLEAN_REPEATED;
        break;
    case 'P':
        want = CLEAN_BOILERPLATE;
        break;
    case 'F':
        want = CLEAN_FRAGMENT;
        break;
    default:
        fail();
    }
    /* Only the heading and title marks are listed per line; the layout mark has its own test. */
    if (l->reason != want || (l->flags & (CLEAN_LINE_HEADING | CLEAN_LINE_TITLE)) != want_flags) {
        print_error("%s line %zu: got %s flags %u, expected %s flags %u: %.*s\n", seed_names[d],
                    e->line, clean_reason_name(l->reason), (unsigned)l->flags,
                    clean_reason_name(want), (unsigned)want_flags, (int)(l->end - l->start),
                    s->text[d] + l->start);
        fail();
    }
}

/* Checks the listed lines, and that every line not listed is blank (so the lists are complete:
 * every non-blank line of each seed has a stated decision). */
static void check_seed(const seeds *s, int d, const expect *e, size_t n) {
    for (size_t k = 0; k < n; k++)
        check_line(s, d, &e[k]);
    for (size_t j = 1; j <= s->n_lines[d]; j++) {
        int listed = 0;
        for (size_t k = 0; k < n; k++)
            listed |= e[k].line == j;
        if (!listed) check_line(s, d, &(expect){j, 'B'});
    }
}

/* Seed 000, a PDF extraction: every hard-wrapped line is prose, even those that end mid-sentence
 * and have only 16-20 words; the first line is the title. */
static void test_clean_keeps_every_wrapped_line_of_pdf_seed(void **state) {
    static const expect e[] = {
        {1, 'T'},  {3, 'K'},  {4, 'K'},  {6, 'K'},  {7, 'K'},  {9, 'K'},  {10, 'K'}, {11, 'K'},
        {13, 'K'}, {14, 'K'}, {16, 'K'}, {17, 'K'}, {21, 'K'}, {22, 'K'}, {24, 'K'}, {25, 'K'},
        {27, 'K'}, {28, 'K'}, {30, 'K'}, {31, 'K'}, {33, 'K'}, {34, 'K'}, {36, 'K'}, {37, 'K'},
        {39, 'K'}, {40, 'K'}, {41, 'K'}, {43, 'K'}, {44, 'K'}, {46, 'K'}, {47, 'K'},
    };
    check_seed(*state, 0, e, sizeof e / sizeof e[0]);
}

/* Seed 001: bullets and every paragraph kept; the sub-heading "أذربيجان تندد ..." is a heading. */
static void test_clean_keeps_bullets_and_subheading_of_seed_001(void **state) {
    static const expect e[] = {
        {1, 'K'},  {2, 'K'},  {3, 'K'},  {4, 'K'},  {5, 'K'},  {6, 'K'},  {7, 'K'},
        {8, 'K'},  {9, 'K'},  {10, 'H'}, {11, 'K'}, {12, 'K'}, {13, 'K'}, {14, 'K'},
        {15, 'K'}, {16, 'K'}, {17, 'K'}, {18, 'K'}, {19, 'K'},
    };
    check_seed(*state, 1, e, sizeof e / sizeof e[0]);
}

/* Seed 002: site label "رئيسيشؤون دولية" is a fragment; related articles and back-to-top are
 * phrases; the headline is the title and all paragraphs are kept. */
static void test_clean_drops_site_chrome_of_seed_002(void **state) {
    static const expect e[] = {
        {1, 'F'},  {3, 'T'},  {5, 'K'},  {7, 'K'},  {9, 'K'},  {11, 'K'}, {13, 'K'}, {15, 'K'},
        {17, 'K'}, {19, 'K'}, {21, 'K'}, {23, 'K'}, {25, 'K'}, {27, 'K'}, {29, 'P'}, {31, 'P'},
    };
    check_seed(*state, 2, e, sizeof e / sizeof e[0]);
}

/* Seed 003: the Jannah licence notice is Latin; "اخبار" a fragment; "اكتشاف المزيد من موقع علم"
 * is printed twice; subscribe prompts, leave-a-comment, the comment-form notice, back-to-top and
 * "Continue reading" are phrases. The quoted paragraph (line 25) is prose. */
static void test_clean_drops_site_chrome_of_seed_003(void **state) {
    static const expect e[] = {
        {1, 'N'},  {2, 'F'},  {4, 'T'},  {7, 'K'},  {9, 'K'},  {11, 'K'}, {13, 'K'},
        {15, 'K'}, {17, 'K'}, {19, 'K'}, {21, 'K'}, {23, 'K'}, {25, 'K'}, {27, 'K'},
        {29, 'K'}, {31, 'K'}, {33, 'K'}, {36, 'R'}, {38, 'P'}, {40, 'P'}, {42, 'P'},
        {44, 'P'}, {46, 'R'}, {48, 'P'}, {50, 'P'},
    };
    check_seed(*state, 3, e, sizeof e / sizeof e[0]);
}

/* Seed 004: the photo caption printed twice goes in both copies; the dateline is a fragment; the
 * sub-heading "انتهاك وقف إطلاق النار" is a heading; read-also and categories are phrases. */
static void test_clean_drops_caption_dateline_and_chrome_of_seed_004(void **state) {
    static const expect e[] = {
        {1, 'T'},  {3, 'R'},  {4, 'R'},  {5, 'F'},  {7, 'K'},  {9, 'K'},
        {11, 'K'}, {13, 'K'}, {15, 'H'}, {17, 'K'}, {19, 'K'}, {21, 'K'},
        {23, 'K'}, {25, 'K'}, {27, 'K'}, {29, 'K'}, {31, 'P'}, {33, 'P'},
    };
    check_seed(*state, 4, e, sizeof e / sizeof e[0]);
}

/* Line `j` (1-based) of doc d spans exactly `text`. */
static void assert_line_text(const seeds *s, int d, size_t j, const char *text) {
    const clean_line *l = &s->lines[d][j - 1];
    assert_int_equal(l->end - l->start, strlen(text));
    assert_memory_equal(s->text[d] + l->start, text, strlen(text));
}

static void test_clean_line_spans_exclude_line_end(void **state) {
    const seeds *s = *state;
    assert_int_equal(s->n_lines[4], 33); /* no final newline: the last line still counts */
    assert_line_text(s, 4, 33, "تصنيفات");
    assert_line_text(s, 4, 5, "موسكو/دبي-وكالات");
    assert_line_text(s, 2, 2, "");
}

/* --- small documents ------------------------------------------------------------------------ */

#define MAX_DOCS 6
typedef struct {
    clean_line *lines[MAX_DOCS];
    size_t n[MAX_DOCS];
} result;

static result clean_strings(const char *const *texts, size_t n_docs) {
    result r;
    memset(&r, 0, sizeof r);
    clean_doc docs[MAX_DOCS];
    assert_true(n_docs <= MAX_DOCS);
    for (size_t d = 0; d < n_docs; d++)
        docs[d] = (clean_doc){texts[d], strlen(texts[d]), 0};
    assert_int_equal(clean_documents(docs, n_docs, r.lines, r.n, NULL), ARS_OK);
    return r;
}

static void result_free(result *r) {
    for (int d = 0; d < MAX_DOCS; d++)
        free(r->lines[d]);
}

#define PROSE1 "وقالت الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n"
#define PROSE2 "وأضافت أن الوفدين اتفقا على جدول أعمال يشمل الحدود والأسرى.\n"

static void test_clean_drops_caption_repeated_across_documents(void **state) {
    (void)state;
    /* The same caption in two documents, once with other spacing: all copies go. */
    const char *texts[] = {
        PROSE1 "صورة من الأرشيف لجنود روس في المنطقة المتنازع عليها - رويترز\n" PROSE2,
        PROSE2 "صورة  من الأرشيف لجنود روس في\tالمنطقة المتنازع عليها - رويترز  \n" PROSE1,
    };
    result r = clean_strings(texts, 2);
    assert_int_equal(r.lines[0][1].reason, CLEAN_REPEATED);
    assert_int_equal(r.lines[1][1].reason, CLEAN_REPEATED);
    /* The prose lines also occur in both documents; they read as sentences, so the first copy of
     * each is kept and only the later one goes. */
    assert_int_equal(r.lines[0][0].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[1][2].reason, CLEAN_REPEATED);
    assert_int_equal(r.lines[1][0].reason, CLEAN_REPEATED);
    assert_int_equal(r.lines[0][2].reason, CLEAN_KEEP);
    result_free(&r);
}

static void test_clean_keeps_distinct_lines_of_different_documents(void **state) {
    (void)state;
    const char *texts[] = {PROSE1, PROSE2};
    result r = clean_strings(texts, 2);
    assert_int_equal(r.n[0], 1);
    assert_int_equal(r.lines[0][0].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[1][0].reason, CLEAN_KEEP);
    result_free(&r);
}

static void test_clean_phrase_match_folds_spelling_and_stops_at_word_end(void **state) {
    (void)state;
    const char *texts[] = {
        /* 1: hamza/tanween-free spelling; 2: a linked title after the phrase; 3: "شاركت" is not
         * "شارك"; 4: a long paragraph that merely starts with a phrase is prose; 5: Latin phrase in
         * capitals; 6-9 below. */
        PROSE1 "اقرا ايضا\n"
               "إقرأ أيضاً: الكرملين يعلن سحب قواته\n"
               "شاركت وفود من عشرين دولة في المؤتمر الذي عقد أمس.\n"
               "اقرأ أيضا ما كتبه المراقبون عن الجولة السابقة من المفاوضات التي انتهت دون اتفاق "
               "بعد أسبوعين من النقاشات الطويلة بين الوفود في العاصمة.\n"
               "SHARE\n"
               /* 6: a whole-line entry with punctuation after it, even far beyond its length;
                * 7: a whole-line entry followed by a word is not one; 8: a line that is only
                * the start of a phrase is not the phrase. */
               "شارك : - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - !\n"
               "شارك - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - ي\n"
               "التعليقات مغلقة على هذا الخبر منذ أمس\n"
               "اقرأ\n",
    };
    result r = clean_strings(texts, 1);
    assert_int_equal(r.lines[0][1].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[0][2].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[0][3].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[0][4].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[0][5].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[0][6].reason, CLEAN_BOILERPLATE);
    assert_int_not_equal(r.lines[0][7].reason, CLEAN_BOILERPLATE);
    assert_int_not_equal(r.lines[0][8].reason, CLEAN_BOILERPLATE);
    assert_int_not_equal(r.lines[0][9].reason, CLEAN_BOILERPLATE);
    result_free(&r);
}

/* "For more:" and "read:" before a linked title are prompts (France24 and CNN Arabic print them
 * under articles); "للمزيد" opening a sentence without the mark is prose. */
static void test_clean_drops_for_more_prompts_but_keeps_sentences(void **state) {
    (void)state;
    const char *texts[] = {
        PROSE1 "للمزيد: أسباب الأزمة بين السودان ومصر؟\n"
               "للمزيد - مهرجان كان: فيلم جديد\n"
               "اقرأ: ارتفاع في حالات الاتجار بالبشر في بريطانيا\n"
               "للمزيد سألنا الدكتور مروان قبلان عن أسباب هذا القرار المفاجئ.\n",
    };
    result r = clean_strings(texts, 1);
    assert_int_equal(r.lines[0][1].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[0][2].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[0][3].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[0][4].reason, CLEAN_KEEP);
    result_free(&r);
}

static void test_clean_drops_latin_lines_but_keeps_arabic_with_acronyms(void **state) {
    (void)state;
    const char *texts[] = {
        "Click here to read the full story on our website.\n"
        "وذكرت وكالة الأنباء الأذربيجانية (APA) أن الانسحاب بدأ.\n",
    };
    result r = clean_strings(texts, 1);
    assert_int_equal(r.lines[0][0].reason, CLEAN_NOT_ARABIC);
    assert_int_equal(r.lines[0][1].reason, CLEAN_KEEP);
    result_free(&r);
}

static void test_clean_heading_needs_prose_after_it(void **state) {
    (void)state;
    const char *texts[] = {
        /* headline, then prose: the title; a sub-heading, then prose: heading. A medium line
         * before chrome: fragment. */
        "روسيا تعلن سحب قواتها من الإقليم\n\n" PROSE1 "\n"
        "اكتشف المزيد من الأخبار على موقعنا\n\nزر الذهاب إلى الأعلى\n",
        /* A last unpunctuated sentence after prose, with nothing after it, is kept. */
        PROSE2 "تقوم الشركة بمحاولة دمج التقنيتين معاً في شاشة واحدة\n",
        /* Short line with a final period stays, however short. (Each document has its own prose
         * line: a line repeated across documents would be dropped in the later ones.) */
        "وبدأ الاجتماع صباح أمس بكلمة ترحيب من رئيس الوفد المضيف.\nانتهى.\n",
        /* A sub-heading after the first paragraph is a heading, not the title. */
        "ووصل الوفد إلى العاصمة مساء الأحد في زيارة تستمر ثلاثة أيام.\n"
        "مباحثات حول الحدود والتجارة\n"
        "وتناولت المباحثات ملفات الحدود المشتركة والتبادل التجاري بين البلدين الجارين.\n",
    };
    const uint32_t frame = CLEAN_LINE_HEADING | CLEAN_LINE_TITLE;
    result r = clean_strings(texts, 4);
    assert_int_equal(r.lines[0][0].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[0][0].flags & frame, CLEAN_LINE_TITLE);
    assert_int_equal(r.lines[0][2].flags & frame, 0);
    assert_int_equal(r.lines[0][4].reason, CLEAN_FRAGMENT);
    assert_int_equal(r.lines[0][6].reason, CLEAN_BOILERPLATE);
    assert_int_equal(r.lines[1][1].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[1][1].flags & frame, 0);
    assert_int_equal(r.lines[2][1].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[3][1].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[3][1].flags & frame, CLEAN_LINE_HEADING);
    result_free(&r);
}

/* The first line is the headline when prose directly follows it and it is unpunctuated but
 * longer than a heading, or a heading's length ending with ؟ or !; a lead paragraph that ends
 * with a question, a first line longer than a title, or one before no prose, is not. */
static void test_clean_long_and_question_headlines(void **state) {
    (void)state;
    const char *texts[] = {
        "الرئيس الأمريكي دونالد ترامب يوافق على إجراء لقاء تاريخي مع زعيم كوريا الشمالية كيم "
        "جونغ أون\n\n" PROSE1,
        "برهم صالح الرئيس الثامن للعراق.. فمن هو؟\n\n" PROSE2,
        "شاهد.. فيسبوك سيشهد تغييرات جذرية قريباً!\n\n"
        "وكشف موقع التواصل الاجتماعي عن تغييرات في طريقة عرض الأخبار على صفحات المستخدمين.\n",
        "تستعد السعودية لافتتاح أول دار سينما منذ خمسة وثلاثين عاما. وبعدما ظل ارتياد السينما "
        "أمرا محظورا طيلة عقود، لماذا أصبح فجأة مسموحا؟\n"
        "وقرار رفع الحظر على دور السينما يأتي في إطار تغيير أوسع نطاقا في المجتمع.\n",
        "ماذا بعد القمة؟\nملفات الحدود والتجارة على الطاولة\n"
        "وتناولت القمة ملفات الحدود المشتركة والتبادل التجاري بين البلدين الجارين.\n",
        "قال وزير الخارجية في مؤتمر صحفي عقده اليوم في العاصمة بعد لقائه نظيره إن المحادثات "
        "بين البلدين ستستأنف في الأسبوع المقبل وإن الوفدين اتفقا على جدول أعمال يشمل الحدود\n"
        "وأضاف الوزير أن الجانبين سيبحثان أيضا ملف الأسرى والمفقودين في الجولة المقبلة.\n",
    };
    const uint32_t frame = CLEAN_LINE_HEADING | CLEAN_LINE_TITLE;
    result r = clean_strings(texts, 6);
    for (int d = 0; d < 3; d++) {
        assert_int_equal(r.lines[d][0].reason, CLEAN_KEEP);
        assert_int_equal(r.lines[d][0].flags & frame, CLEAN_LINE_TITLE);
        assert_int_equal(r.lines[d][2].flags & frame, 0);
    }
    for (int d = 3; d < 6; d++) {
        assert_int_equal(r.lines[d][0].reason, CLEAN_KEEP);
        assert_int_equal(r.lines[d][0].flags & CLEAN_LINE_TITLE, 0);
    }
    assert_int_equal(r.lines[4][1].flags & frame, CLEAN_LINE_HEADING);
    result_free(&r);
}

/* A short question alone between two paragraphs is a sub-heading; after a line that ends
 * mid-sentence it ends that sentence, and a long one, or one before no prose, stays text. */
static void test_clean_question_subheadings(void **state) {
    (void)state;
    const char *texts[] = {
        PROSE1 "\nكيف وقعت الحادثة؟\n\n"
               "وأوضحت الشرطة أن السائق فقد السيطرة على الحافلة عند منعطف حاد قرب المدينة.\n",
        PROSE2 "وقال المتحدث إن الحكومة ستواصل العمل على تحسين التعليم\nوالتدريب ومكافحة الفقر؟\n"
               "وأضاف أن الميزانية الجديدة تخصص مبالغ إضافية لبرامج التدريب المهني في المحافظات.\n",
        "وبدأ الاجتماع صباح أمس بكلمة ترحيب من رئيس الوفد المضيف في القاعة الكبرى.\n"
        "هل يمكن أن تتوصل الأطراف المجتمعة في العاصمة إلى اتفاق شامل ينهي النزاع المستمر منذ "
        "سنوات طويلة على الحدود؟\n"
        "ويرى مراقبون أن فرص التوصل إلى اتفاق تبقى ضعيفة في ظل الخلافات القائمة بين الطرفين.\n",
        /* one element of two literals, parenthesised so that clang does not take it for a
         * missing comma */
        ("وانتهت الجولة الأولى من المحادثات دون اتفاق على جدول زمني لانسحاب القوات.\n"
         "ما الخطوة التالية؟\n"),
    };
    const uint32_t frame = CLEAN_LINE_HEADING | CLEAN_LINE_TITLE;
    result r = clean_strings(texts, 4);
    assert_int_equal(r.lines[0][2].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[0][2].flags & frame, CLEAN_LINE_HEADING);
    assert_int_equal(r.lines[1][2].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[1][2].flags & frame, 0);
    assert_int_equal(r.lines[2][1].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[2][1].flags & frame, 0);
    assert_int_equal(r.lines[3][1].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[3][1].flags & frame, 0);
    result_free(&r);
}

/* A short unpunctuated last line after prose is a credit or a sign-off; a longer one is the
 * last sentence, which lost its period. */
static void test_clean_short_last_line_is_a_credit(void **state) {
    (void)state;
    const char *texts[] = {
        PROSE1 "فرانس24/ أ ف ب\n",
        PROSE2 "كافة حقوق الصور محفوظة لأصحابها\n",
        ("وبدأ الاجتماع صباح أمس بكلمة ترحيب من رئيس الوفد المضيف في القاعة الكبرى.\n"
         "وتقوم الشركة بمحاولة دمج التقنيتين معاً في شاشة واحدة خلال العام المقبل\n"),
    };
    result r = clean_strings(texts, 3);
    assert_int_equal(r.lines[0][1].reason, CLEAN_FRAGMENT);
    assert_int_equal(r.lines[1][1].reason, CLEAN_FRAGMENT);
    assert_int_equal(r.lines[2][1].reason, CLEAN_KEEP);
    result_free(&r);
}

/* In a hard-wrapped document, a date that the wrap put on a line of its own ends the sentence
 * of the line above; below a headline it is a date line. */
static void test_clean_wrapped_date_ends_its_sentence(void **state) {
    (void)state;
    const char *texts[] = {
        "يعلن معهد ثربانتس في عمان عن مسابقة للرسم مفتوحة لطلاب المدارس\n"
        "في جميع أنحاء المملكة، وتشمل المسابقة فئتين عمريتين مختلفتين من\n"
        "الطلاب الذين يرغبون في المشاركة بأعمالهم الفنية هذا العام، وهي\n"
        "مسابقة سنوية تقام بالتعاون مع وزارة التربية والتعليم في الأردن.\n"
        "تُرسل الرسومات او تُسلم بصفة شخصية الى سكرتارية معهد ثربانتس في عمان قبل يوم\n"
        "23 ايار 2005.\n"
        "وستعرض الرسومات في صالة معارض المعهد، والرسومات الفائزة ستنشر على\n"
        "موقع المعهد الالكتروني وفي الصحف المحلية بعد اعلان النتائج رسميا.\n",
        ("تم دفع تعويضات لضحايا تفجيرات لندن\n"
         "الثلاثاء 7 يوليو 2009\n"
         "وقد تم كشف النقاب عن نصب تذكاري دائم لضحايا التفجيرات في هايد بارك في لندن.\n"),
    };
    result r = clean_strings(texts, 2);
    assert_true(r.lines[0][4].flags & CLEAN_LINE_WRAPPED);
    assert_int_equal(r.lines[0][5].reason, CLEAN_KEEP);
    assert_int_equal(r.lines[1][1].reason, CLEAN_DATE);
    result_free(&r);
}

static void test_clean_handles_crlf_bom_and_empty_documents(void **state) {
    (void)state;
    const char text[] = "\xEF\xBB\xBF"
                        "سطر أول من النص.\r\n\r\nسطر ثان من النص.";
    clean_doc docs[3] = {{text, sizeof text - 1, 3}, {"", 0, 0}, {" \n\t\n", 4, 0}};
    clean_line *lines[3];
    size_t n[3];
    assert_int_equal(clean_documents(docs, 3, lines, n, NULL), ARS_OK);
    assert_int_equal(n[0], 3);
    assert_int_equal(lines[0][0].start, 3);
    assert_int_equal(lines[0][0].end, strlen("\xEF\xBB\xBF"
                                             "سطر أول من النص."));
    assert_int_equal(lines[0][0].reason, CLEAN_KEEP);
    assert_int_equal(lines[0][1].reason, CLEAN_BLANK);
    assert_int_equal(lines[0][1].end, lines[0][1].start);
    assert_int_equal(lines[0][2].reason, CLEAN_KEEP);
    assert_int_equal(lines[0][2].end, sizeof text - 1);
    assert_int_equal(n[1], 0);
    assert_null(lines[1]);
    assert_int_equal(n[2], 2);
    assert_int_equal(lines[2][0].reason, CLEAN_BLANK);
    assert_int_equal(lines[2][1].reason, CLEAN_BLANK);
    for (int d = 0; d < 3; d++)
        free(lines[d]);
}

/* Documents with no line at all (and no document): nothing to classify, and no arithmetic on the
 * line tables that do not exist (clang's UBSan flagged NULL + 0 here). */
static void test_clean_of_documents_without_lines(void **state) {
    (void)state;
    clean_doc docs[2] = {{"", 0, 0}, {"\xEF\xBB\xBF", 3, 3}};
    clean_line *lines[2];
    size_t n[2];
    assert_int_equal(clean_documents(docs, 2, lines, n, NULL), ARS_OK);
    assert_int_equal(n[0] + n[1], 0);
    assert_null(lines[0]);
    assert_null(lines[1]);
    assert_int_equal(clean_documents(docs, 0, lines, n, NULL), ARS_OK);
}

static void test_clean_is_deterministic(void **state) {
    const seeds *s = *state;
    clean_line *again[N_SEEDS];
    size_t n[N_SEEDS];
    clean_doc docs[N_SEEDS];
    memcpy(docs, s->docs, sizeof docs);
    /* The same lines whatever the number of threads of the per-document phases. */
    for (size_t threads = 1; threads <= 4; threads++) {
        parallel_plan plan = {threads};
        assert_int_equal(clean_documents(docs, N_SEEDS, again, n, &plan), ARS_OK);
        for (int d = 0; d < N_SEEDS; d++) {
            assert_int_equal(n[d], s->n_lines[d]);
            assert_memory_equal(again[d], s->lines[d], n[d] * sizeof *again[d]);
            free(again[d]);
        }
    }
}

static void test_clean_reason_names_are_distinct(void **state) {
    (void)state;
    assert_string_equal(clean_reason_name(CLEAN_KEEP), "keep");
    assert_string_equal(clean_reason_name(CLEAN_BLANK), "blank");
    assert_string_equal(clean_reason_name(CLEAN_NOT_ARABIC), "not-arabic");
    assert_string_equal(clean_reason_name(CLEAN_REPEATED), "repeated");
    assert_string_equal(clean_reason_name(CLEAN_BOILERPLATE), "boilerplate");
    assert_string_equal(clean_reason_name(CLEAN_FRAGMENT), "fragment");
    assert_string_equal(clean_reason_name((clean_reason)99), "unknown");
}

/* The page layout is measured here once: the wrapped lines of the PDF seed carry
 * CLEAN_LINE_WRAPPED (all but its title and short paragraph ends), the web seeds none. */
static void test_clean_marks_wrapped_lines_of_pdf_seed_only(void **state) {
    const seeds *s = *state;
    size_t wrapped = 0, kept = 0;
    for (size_t j = 0; j < s->n_lines[0]; j++) {
        const clean_line *l = &s->lines[0][j];
        if (l->reason != CLEAN_KEEP) continue;
        kept++;
        wrapped += (l->flags & CLEAN_LINE_WRAPPED) != 0;
        if (l->flags & CLEAN_LINE_HEADING) assert_false(l->flags & CLEAN_LINE_WRAPPED);
    }
    assert_true(wrapped * 4 >= kept * 3); /* at least three quarters of the kept lines */
    assert_false(s->lines[0][0].flags & CLEAN_LINE_WRAPPED); /* the short title */
    for (int d = 1; d < N_SEEDS; d++)
        for (size_t j = 0; j < s->n_lines[d]; j++)
            assert_false(s->lines[d][j].flags & CLEAN_LINE_WRAPPED);
}

/* Every line end splits: \n, \r\n, a lone \r, U+2028, U+2029 and NEL, with other bytes that
 * share their first byte (“ ” … start with E2, « » and NBSP with C2) left inside the lines. */
static void test_clean_splits_at_every_line_end(void **state) {
    (void)state;
    const char *text = "أولا «س» “ص”…\nثانيا\r\nثالثا\rرابعا\xE2\x80\xA8خامسا\xE2\x80\xA9"
                       "سادسا\xC2\x85سابعا\xC2\xA0ثامنا";
    static const char *const want[] = {
        "أولا «س» “ص”…", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا\xC2\xA0ثامنا"};
    clean_doc doc = {text, strlen(text), 0};
    clean_line *lines = NULL;
    size_t n = 0;
    assert_int_equal(clean_documents(&doc, 1, &lines, &n, NULL), ARS_OK);
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t k = 0; k < n; k++) {
        size_t start = lines[k].start, end = lines[k].end;
        if (lines[k].flags & CLEAN_LINE_TITLE) {
            start = lines[k].title_start;
            end = lines[k].title_end;
        }
        assert_int_equal(end - start, strlen(want[k]));
        assert_memory_equal(text + start, want[k], end - start);
    }
    free(lines);
}

/* Where the first line end at or after i starts, by the definition: byte by byte. */
static size_t reference_line_break(const char *s, size_t i, size_t len) {
    const unsigned char *t = (const unsigned char *)s;
    for (; i < len; i++) {
        if (t[i] == '\n' || t[i] == '\r') return i;
        if (i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x80 &&
            (t[i + 2] == 0xA8 || t[i + 2] == 0xA9))
            return i;
        if (i + 1 < len && t[i] == 0xC2 && t[i + 1] == 0x85) return i;
    }
    return len;
}

/* Pieces for the line-end scan: every line end, the bytes that begin one in other characters
 * (quotes, dashes, "…", NBSP, « ») and their near misses (U+2027, U+202A, U+0084, a lead byte
 * alone), Arabic letters, Latin, CJK and an emoji. */
static const char *const break_pieces[] = {"\n",
                                           "\r",
                                           "\r\n",
                                           "\xE2\x80\xA8",
                                           "\xE2\x80\xA9",
                                           "\xC2\x85",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x93",
                                           "\xE2\x80\xA6",
                                           "\xE2\x80\xA7",
                                           "\xE2\x80\xAA",
                                           "\xE2\x80",
                                           "\xE2",
                                           "\xC2\xA0",
                                           "\xC2\xAB",
                                           "\xC2\x84",
                                           "\xC2",
                                           "\xD8\xA7",
                                           "\xD9\x84",
                                           "\xD8\xB9",
                                           "a",
                                           " ",
                                           "\xE4\xB8\xAD",
                                           "\xF0\x9F\x98\x80",
                                           "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8 "};

/* The vector and SWAR line-end scans against the byte-by-byte definition over generated text
 * (line ends rare or dense, so that blocks of thirty-two and eight bytes hold none, one or
 * several), from every start and with the text cut at any byte (a line end's lead byte last). */
static void test_clean_line_break_matches_its_definition(void **state) {
    (void)state;
    const size_t n_pieces = sizeof break_pieces / sizeof *break_pieces;
    const size_t n_breaks = 6; /* the first pieces are line ends */
    char text[512];
    uint64_t rng = 11;
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        size_t rare = 1 + (size_t)(test_util_next(&rng) >> 33) % 40;
        while (len < 400) {
            uint64_t r = test_util_next(&rng);
            size_t p = (size_t)(r >> 33) % rare == 0
                           ? (size_t)(r >> 40) % n_pieces
                           : n_breaks + (size_t)(r >> 40) % (n_pieces - n_breaks);
            size_t n = strlen(break_pieces[p]);
            memcpy(text + len, break_pieces[p], n);
            len += n;
        }
        size_t cut = (size_t)(test_util_next(&rng) >> 33) % (len + 1);
        /* Scanned in a copy of exactly cut bytes: a read past the end is a sanitizer error. */
        char *exact = test_util_exact_copy(text, cut);
        for (size_t i = 0; i <= cut; i++) {
            size_t want = reference_line_break(text, i, cut);
            assert_int_equal(clean_line_break(exact, i, cut), want);
            assert_int_equal(clean_line_break_portable(exact, i, cut), want);
        }
        free(exact);
    }
}

/* The line measures as their definitions read them, one code point at a time through chars.h:
 * the oracle of the one-pass scan in clean.c, its line hash included (which clean.c builds from
 * Arabic letters taken four at a time from the bytes). */
static void reference_measures(const char *s, size_t start, size_t end, clean_measures *m) {
    memset(m, 0, sizeof *m);
    while (start < end) {
        int32_t cp;
        size_t n = chars_next(s, start, end, &cp);
        if (!chars_is_blank(cp)) break;
        start += n;
    }
    while (end > start && chars_is_blank(chars_before(s, start, end)))
        end = chars_prev(s, start, end);
    m->start = start;
    m->end = end;
    int in_word = 0, has_letter = 0;
    /* The line hash by its definition: FNV-1a over 64-bit units, a unit for each word of
     * duplicate.c (letters, marks, digits: duplicate_word_hash of the whole word), each other
     * code point that is not blank, and one space for each run of blanks. */
    const uint64_t prime = 1099511628211u;
    const unsigned char *t = (const unsigned char *)s;
    uint64_t h = 1469598103934665603u;
    size_t word_start = 0;
    int open_word = 0, prev_blank = 0;
    for (size_t i = start; i < end;) {
        int32_t cp;
        size_t cp_start = i;
        i += chars_next(s, i, end, &cp);
        if (chars_is_letter(cp) || chars_is_mark(cp) || chars_is_digit(cp)) {
            if (!open_word) word_start = cp_start;
            open_word = 1;
            prev_blank = 0;
        } else {
            if (open_word) h = (h ^ duplicate_word_hash(t, word_start, cp_start)) * prime;
            open_word = 0;
            if (!chars_is_blank(cp))
                h = (h ^ (uint64_t)(uint32_t)cp) * prime;
            else if (!prev_blank)
                h = (h ^ ' ') * prime;
            prev_blank = chars_is_blank(cp);
        }
        m->n_cp++;
        if (chars_is_space(cp)) {
            m->n_words += in_word && has_letter;
            in_word = has_letter = 0;
            continue;
        }
        in_word = 1;
        if (chars_is_letter(cp)) {
            has_letter = 1;
            m->n_letters++;
            m->n_arabic += chars_is_arabic_block(cp);
        }
        if (chars_is_digit(cp)) m->digit = 1;
    }
    m->n_words += in_word && has_letter;
    if (open_word) h = (h ^ duplicate_word_hash(t, word_start, end)) * prime;
    m->hash = h;
    for (size_t p = end; p > start;) {
        p = chars_prev(s, start, p);
        int32_t cp = chars_at(s, p, end);
        if (chars_is_closer(cp)) continue;
        m->terminal = chars_is_final(cp);
        m->colon = cp == ':';
        m->comma = chars_is_comma(cp);
        break;
    }
    int32_t first = chars_at(s, start, end);
    m->bullet = (first == '-' || first == 0x2022 || first == 0x2013 || first == '*') &&
                chars_is_blank(chars_at(s, start + (first < 0x80 ? 1 : 3), end));
}

/* Pieces of generated lines: Arabic letters at both ends of the ranges the scan takes straight
 * from the bytes (U+0620-063F, U+0641-064A) and just outside them (؟ U+061F, tatweel U+0640,
 * fathatan U+064B), other Arabic letters, harakat, digits of both kinds, Latin, punctuation,
 * closers, bullets, symbols, CJK, an emoji and malformed bytes; then the blanks. */
static const char *const measure_pieces[] = {
    "\xD8\xA0", "\xD8\xBF", "\xD8\xB9", "\xD8\xA7", "\xD9\x81", "\xD9\x8A", "\xD9\x84", "\xD8\x9F",
    "\xD9\x80", "\xD9\x8B", "\xD9\x8E", "\xDA\xA9", "\xDB\x8C", "\xD9\xA3", "\xDB\xB5", "7", "a",
    "Z", ".", ":", "\xD8\x8C", ";", "\"", ")", "\xC2\xBB", "-", "*", "\xE2\x80\xA2", "\xE2\x80\x93",
    "\xE2\x80\xA6", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xD8", "\xFF",
    /* blanks from here on */
    " ", "  ", "\t", "\xC2\xA0", "\xE2\x80\x8C", "\xE2\x80\x8F", "\xEF\xBB\xBF", "\xE2\x80\xA8"};
#define MEASURE_N_PIECES 42
#define MEASURE_N_SOLID  34 /* pieces before the blanks */
#define MEASURE_N_VALID  32 /* solid pieces before the malformed bytes */

static void check_measures(const char *text, size_t start, size_t end) {
    clean_measures got, want;
    clean_line_measures(text, start, end, &got);
    reference_measures(text, start, end, &want);
    assert_int_equal(got.start, want.start);
    assert_int_equal(got.end, want.end);
    assert_int_equal(got.n_cp, want.n_cp);
    assert_int_equal(got.n_words, want.n_words);
    assert_int_equal(got.n_letters, want.n_letters);
    assert_int_equal(got.n_arabic, want.n_arabic);
    assert_int_equal(got.digit, want.digit);
    assert_int_equal(got.terminal, want.terminal);
    assert_int_equal(got.colon, want.colon);
    assert_int_equal(got.comma, want.comma);
    assert_int_equal(got.bullet, want.bullet);
    assert_true(got.hash == want.hash);
}

/* The one-pass line scan against the reference over generated lines, whole and cut at any byte;
 * its hash is the same for a line laid out with other blanks and tells apart a line with one
 * character changed. */
static void test_clean_line_measures_match_their_definitions(void **state) {
    (void)state;
    assert_int_equal(sizeof measure_pieces / sizeof *measure_pieces, MEASURE_N_PIECES);
    char text[1024], respaced[2048], changed[1024];
    uint64_t rng = 7;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, rlen = 0, clen = 0;
        size_t n_pieces = 1 + (size_t)(test_util_next(&rng) >> 33) % 100;
        size_t change = (size_t)(test_util_next(&rng) >> 33) % n_pieces;
        int changed_solid = 0;
        for (size_t k = 0; k < n_pieces; k++) {
            test_util_next(&rng);
            /* Letters three times in four, so that runs of them are long (clean.c takes them
             * eight at a time, in blocks of sixteen bytes, and four at a time near the end). */
            size_t p =
                (rng >> 62) ? (size_t)(rng >> 33) % 7 : (size_t)(rng >> 33) % MEASURE_N_PIECES;
            const char *piece = measure_pieces[p];
            size_t pl = strlen(piece);
            memcpy(text + len, piece, pl);
            len += pl;
            /* The same line with each blank piece replaced by one or two others. */
            const char *r = piece;
            if (p >= MEASURE_N_SOLID) {
                test_util_next(&rng);
                r = measure_pieces[MEASURE_N_SOLID +
                                   (size_t)(rng >> 33) % (MEASURE_N_PIECES - MEASURE_N_SOLID)];
                if (rng >> 63) {
                    memcpy(respaced + rlen, " ", 1);
                    rlen++;
                }
            }
            memcpy(respaced + rlen, r, strlen(r));
            rlen += strlen(r);
            /* The same line with one valid solid piece replaced by another. */
            const char *c = piece;
            if (k == change && p < MEASURE_N_VALID) {
                c = measure_pieces[(p + 1 + (size_t)(rng >> 40) % (MEASURE_N_VALID - 1)) %
                                   MEASURE_N_VALID];
                changed_solid = 1;
            }
            memcpy(changed + clen, c, strlen(c));
            clen += strlen(c);
        }
        check_measures(text, 0, len);
        size_t cut = (size_t)(test_util_next(&rng) >> 33) % (len + 1);
        size_t from = (size_t)(test_util_next(&rng) >> 33) % (cut + 1);
        check_measures(text, from, cut);
        clean_measures a, b;
        clean_line_measures(text, 0, len, &a);
        clean_line_measures(respaced, 0, rlen, &b);
        assert_true(a.hash == b.hash);
        if (changed_solid) {
            clean_line_measures(changed, 0, clen, &b);
            assert_true(a.hash != b.hash);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_clean_keeps_every_wrapped_line_of_pdf_seed,
                                        seeds_setup, seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_keeps_bullets_and_subheading_of_seed_001,
                                        seeds_setup, seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_drops_site_chrome_of_seed_002, seeds_setup,
                                        seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_drops_site_chrome_of_seed_003, seeds_setup,
                                        seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_drops_caption_dateline_and_chrome_of_seed_004,
                                        seeds_setup, seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_line_spans_exclude_line_end, seeds_setup,
                                        seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_is_deterministic, seeds_setup, seeds_teardown),
        cmocka_unit_test_setup_teardown(test_clean_marks_wrapped_lines_of_pdf_seed_only,
                                        seeds_setup, seeds_teardown),
        cmocka_unit_test(test_clean_drops_caption_repeated_across_documents),
        cmocka_unit_test(test_clean_keeps_distinct_lines_of_different_documents),
        cmocka_unit_test(test_clean_phrase_match_folds_spelling_and_stops_at_word_end),
        cmocka_unit_test(test_clean_drops_for_more_prompts_but_keeps_sentences),
        cmocka_unit_test(test_clean_drops_latin_lines_but_keeps_arabic_with_acronyms),
        cmocka_unit_test(test_clean_heading_needs_prose_after_it),
        cmocka_unit_test(test_clean_long_and_question_headlines),
        cmocka_unit_test(test_clean_question_subheadings),
        cmocka_unit_test(test_clean_short_last_line_is_a_credit),
        cmocka_unit_test(test_clean_wrapped_date_ends_its_sentence),
        cmocka_unit_test(test_clean_handles_crlf_bom_and_empty_documents),
        cmocka_unit_test(test_clean_of_documents_without_lines),
        cmocka_unit_test(test_clean_reason_names_are_distinct),
        cmocka_unit_test(test_clean_splits_at_every_line_end),
        cmocka_unit_test(test_clean_line_break_matches_its_definition),
        cmocka_unit_test(test_clean_line_measures_match_their_definitions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
