/* test_briefing.c - unit tests of the briefing through its public API (summarize/briefing/
 * briefing.c, story.c): same-event articles from several outlets form one story and an
 * unrelated article stays alone; stories rank by outlets; headlines; no sentence twice in a
 * brief; max_stories, story_words and the time window; the seeds' older article alone;
 * progress; errors. */
#include "test_util.h"

#include <stdint.h>

#include "summarize/summarize.h"

/* Three outlets on one event, two on another, one unrelated article. */
static const struct {
    const char *name, *title, *source, *text;
    int64_t time;
} ARTICLES[] = {
    {"a1", "البشير يفرج عن المعتقلين السياسيين", "Alarabia",
     "أصدر الرئيس السوداني عمر البشير قرارا بالإفراج عن جميع المعتقلين السياسيين في البلاد.\n"
     "وقال التلفزيون الرسمي إن القرار يشمل المعتقلين في الاحتجاجات الأخيرة على الغلاء.\n",
     1523350000},
    {"e1", "زلزال قوي يضرب وسط تشيلي", "SkyNews",
     "ضرب زلزال بقوة 6.2 درجة وسط تشيلي صباح الثلاثاء دون أنباء عن ضحايا.\n"
     "وقال المعهد الجيولوجي إن مركز الزلزال كان على عمق عشرة كيلومترات قرب الساحل.\n",
     1523340000},
    {"a2", "السودان: إطلاق سراح السجناء السياسيين", "BBC",
     "أمر الرئيس السوداني عمر البشير بإطلاق سراح جميع السجناء السياسيين المعتقلين.\n"
     "وكانت السلطات قد اعتقلت عشرات المعارضين خلال الاحتجاجات على ارتفاع الأسعار.\n",
     1523352000},
    {"f1", "ريال مدريد يفوز على يوفنتوس", "CNN",
     "فاز فريق ريال مدريد على يوفنتوس بثلاثة أهداف نظيفة في دوري أبطال أوروبا.\n"
     "وسجل كريستيانو رونالدو هدفين في المباراة التي أقيمت في مدينة تورينو الإيطالية.\n",
     1523345000},
    {"a3", "البشير يصدر عفوا عن المعتقلين", "France24",
     "أصدر الرئيس عمر البشير عفوا عن المعتقلين السياسيين في السودان بعد أسابيع من الاحتجاجات.\n"
     "ورحبت المعارضة السودانية بقرار الإفراج عن المعتقلين وطالبت بإصلاحات.\n",
     1523351000},
    {"e2", "هزة أرضية في تشيلي", "France24",
     "هز زلزال بقوة 6.2 درجة مناطق وسط تشيلي وشعر به سكان العاصمة سانتياغو.\n"
     "ولم تصدر السلطات تحذيرا من موجات تسونامي بعد الزلزال.\n",
     1523341000},
};
#define N_ARTICLES (sizeof ARTICLES / sizeof *ARTICLES)

static ars_briefing *brief_of(const ars_briefing_options *bo, int with_titles, int64_t shift_e2) {
    ars_briefing *b = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_briefing_new(NULL, bo, &b, &err), ARS_OK);
    for (size_t i = 0; i < N_ARTICLES; i++) {
        ars_article_info info = {NULL, with_titles ? ARTICLES[i].title : NULL, ARTICLES[i].source,
                                 ARTICLES[i].time + (i == 5 ? shift_e2 : 0)};
        assert_int_equal(ars_briefing_add_article(b, ARTICLES[i].name, ARTICLES[i].text,
                                                  strlen(ARTICLES[i].text), &info, &err),
                         ARS_OK);
    }
    if (ars_briefing_run(b, &err) != ARS_OK) {
        print_error("run: %s\n", err.message);
        fail();
    }
    return b;
}

static const char *name_of(const ars_briefing *b, size_t article) {
    return ars_briefing_article_get(b, article)->name;
}

static void test_same_event_grouped_unrelated_alone_ranked_by_outlets(void **state) {
    (void)state;
    ars_briefing *b = brief_of(NULL, 1, 0);
    assert_int_equal(ars_briefing_story_count(b), 3);
    const ars_story *s0 = ars_briefing_story_get(b, 0), *s1 = ars_briefing_story_get(b, 1),
                    *s2 = ars_briefing_story_get(b, 2);
    assert_int_equal(s0->n_articles, 3);
    assert_int_equal(s0->n_sources, 3);
    for (size_t k = 0; k < 3; k++)
        assert_int_equal(name_of(b, s0->articles[k])[0], 'a');
    assert_int_equal(s1->n_articles, 2);
    assert_int_equal(name_of(b, s1->articles[0])[0], 'e');
    assert_int_equal(s2->n_articles, 1);
    assert_string_equal(name_of(b, s2->articles[0]), "f1");
    assert_true(s0->score > s1->score && s1->score > s2->score);
    /* headline: the title of the story's most central article, which comes first */
    assert_true(s0->headline_is_title);
    assert_int_equal(s0->headline_article, s0->articles[0]);
    assert_string_equal(s0->headline, ars_briefing_article_get(b, s0->articles[0])->title);
    assert_int_equal(s0->time, 1523352000);
    /* every sentence comes from the story's own articles */
    for (size_t s = 0; s < 3; s++) {
        const ars_story *st = ars_briefing_story_get(b, s);
        assert_true(st->n_sentences >= 1);
        for (size_t k = 0; k < st->n_sentences; k++) {
            int mine = 0;
            for (size_t a = 0; a < st->n_articles; a++)
                mine |= st->articles[a] == st->sentences[k].doc;
            assert_true(mine);
            assert_string_equal(st->sentences[k].doc_name, name_of(b, st->sentences[k].doc));
        }
        for (size_t a = 0; a < st->n_articles; a++)
            assert_int_equal(ars_briefing_article_get(b, st->articles[a])->story, s);
    }
    ars_briefing_free(b);
}

static void test_sentence_headline_when_no_title(void **state) {
    (void)state;
    ars_briefing *b = brief_of(NULL, 0, 0);
    for (size_t s = 0; s < ars_briefing_story_count(b); s++) {
        const ars_story *st = ars_briefing_story_get(b, s);
        assert_false(st->headline_is_title);
        for (size_t k = 0; k < st->n_sentences; k++)
            assert_string_not_equal(st->sentences[k].text, st->headline);
    }
    ars_briefing_free(b);
}

static void test_no_sentence_twice_in_a_brief(void **state) {
    (void)state;
    /* Two unrelated articles carrying the same agency sentence: it is printed once. */
    const char *shared = "وقالت وكالة الأنباء الرسمية إن التحقيقات ما زالت جارية في الحادث.";
    char t1[1024], t2[1024];
    snprintf(t1, sizeof t1,
             "%s\nارتفعت أسعار النفط في الأسواق العالمية إلى أعلى مستوى منذ ثلاث سنوات.\n", shared);
    snprintf(t2, sizeof t2,
             "%s\nافتتح المعرض الدولي للكتاب أبوابه في القاهرة بمشاركة مئات الناشرين.\n", shared);
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.story_words = 200;
    ars_briefing *b = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_briefing_new(NULL, &bo, &b, &err), ARS_OK);
    assert_int_equal(ars_briefing_add_article(b, "oil", t1, strlen(t1), NULL, &err), ARS_OK);
    assert_int_equal(ars_briefing_add_article(b, "books", t2, strlen(t2), NULL, &err), ARS_OK);
    assert_int_equal(ars_briefing_run(b, &err), ARS_OK);
    size_t seen = 0;
    for (size_t s = 0; s < ars_briefing_story_count(b); s++) {
        const ars_story *st = ars_briefing_story_get(b, s);
        seen += strstr(st->headline, "وكالة الأنباء الرسمية") != NULL;
        for (size_t k = 0; k < st->n_sentences; k++)
            seen += strstr(st->sentences[k].text, "وكالة الأنباء الرسمية") != NULL;
    }
    assert_int_equal(seen, 1);
    ars_briefing_free(b);
}

static void test_max_stories_and_story_words(void **state) {
    (void)state;
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.max_stories = 1;
    bo.story_words = 12;
    ars_briefing *b = brief_of(&bo, 1, 0);
    assert_int_equal(ars_briefing_story_count(b), 1);
    assert_int_equal(ars_briefing_story_total(b), 3);
    assert_null(ars_briefing_story_get(b, 1));
    const ars_story *st = ars_briefing_story_get(b, 0);
    assert_int_equal(st->n_sentences, 1); /* the first sentence may pass 12 words: no second */
    for (size_t i = 0; i < N_ARTICLES; i++) {
        const ars_article *a = ars_briefing_article_get(b, i);
        assert_true(a->story == (a->name[0] == 'a' ? 0 : SIZE_MAX));
    }
    ars_briefing_free(b);
}

static void test_articles_days_apart_are_not_one_story(void **state) {
    (void)state;
    ars_briefing *b = brief_of(NULL, 1, 10 * 86400); /* e2 ten days later */
    assert_int_equal(ars_briefing_story_count(b), 4);
    ars_briefing_free(b);
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.max_days = 0; /* times ignored */
    b = brief_of(&bo, 1, 10 * 86400);
    assert_int_equal(ars_briefing_story_count(b), 3);
    ars_briefing_free(b);
}

static void test_input_document_frequencies_and_rerun(void **state) {
    (void)state;
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.df_input_only = 1;
    ars_briefing *b = brief_of(&bo, 1, 0);
    size_t n = ars_briefing_story_count(b);
    assert_true(n >= 3);
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_briefing_run(b, &err), ARS_OK); /* again: the same */
    assert_int_equal(ars_briefing_story_count(b), n);
    ars_briefing_reset(b);
    assert_int_equal(ars_briefing_article_count(b), 0);
    assert_int_equal(ars_briefing_story_count(b), 0);
    assert_int_equal(ars_briefing_run(b, &err), ARS_EEMPTY);
    ars_briefing_free(b);
}

static void test_seeds_older_article_is_a_story_of_its_own(void **state) {
    (void)state;
    static const char *const seeds[] = {"000_37eaa8ce959699e6", "001_1bb4ffb61d3243be",
                                        "002_981c23ef73e03746", "003_be449fbf7e01b1a1",
                                        "004_c519fb17f7c0a84d"};
    ars_briefing *b = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_briefing_new(NULL, NULL, &b, &err), ARS_OK);
    for (size_t i = 0; i < 5; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "tests/data/seeds/%s.txt", seeds[i]);
        size_t len = 0;
        char *text = test_util_read_file(test_util_source_path(rel), &len);
        assert_non_null(text);
        assert_int_equal(ars_briefing_add_article(b, seeds[i], text, len, NULL, &err), ARS_OK);
        free(text);
    }
    assert_int_equal(ars_briefing_run(b, &err), ARS_OK);
    assert_int_equal(ars_briefing_story_count(b), 2);
    assert_int_equal(ars_briefing_story_get(b, 0)->n_articles, 4);
    const ars_story *old = ars_briefing_story_get(b, 1);
    assert_int_equal(old->n_articles, 1);
    assert_string_equal(name_of(b, old->articles[0]), "004_c519fb17f7c0a84d");
    ars_briefing_free(b);
}

typedef struct {
    int analyse, cluster, summarize;
} progress_seen;

static void on_progress(void *ctx, const char *stage, size_t done, size_t total) {
    progress_seen *p = ctx;
    assert_true(done <= total);
    if (strcmp(stage, "analyse") == 0) p->analyse++;
    if (strcmp(stage, "cluster") == 0) p->cluster++;
    if (strcmp(stage, "summarize") == 0) p->summarize++;
}

static void test_progress_reports_each_stage(void **state) {
    (void)state;
    progress_seen seen = {0, 0, 0};
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.progress = on_progress;
    bo.progress_ctx = &seen;
    ars_briefing *b = brief_of(&bo, 1, 0);
    assert_true(seen.analyse >= 2 && seen.cluster == 2 && seen.summarize >= 2);
    ars_briefing_free(b);
}

static void test_errors(void **state) {
    (void)state;
    ars_briefing *b = NULL;
    ars_error err = {ARS_OK, ""};
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.threshold = 1.5;
    assert_int_equal(ars_briefing_new(NULL, &bo, &b, &err), ARS_EARG);
    assert_null(b);
    assert_int_equal(ars_briefing_new(NULL, NULL, NULL, &err), ARS_EARG);
    bo.struct_size = 3;
    assert_int_equal(ars_briefing_new(NULL, &bo, &b, &err), ARS_EARG);
    assert_string_equal(err.message, "briefing options not filled by ars_briefing_options_init()");
    bo.struct_size = sizeof bo + 8; /* from a newer header */
    assert_int_equal(ars_briefing_new(NULL, &bo, &b, &err), ARS_EARG);
    assert_non_null(strstr(err.message, "briefing options from a newer libsummarize header"));
    assert_int_equal(ars_briefing_new(NULL, NULL, &b, &err), ARS_OK);
    assert_int_equal(ars_briefing_add_article(b, "bad", "\xff", 1, NULL, &err), ARS_EUTF8);
    assert_non_null(strstr(err.message, "bad: byte 0"));
    assert_int_equal(ars_briefing_add_article(b, "blank", "  \n", 3, NULL, &err), ARS_OK);
    assert_int_equal(ars_briefing_run(b, &err), ARS_EEMPTY);
    assert_non_null(strstr(err.message, "no usable sentence in 1 article"));
    assert_null(ars_briefing_story_get(b, 0));
    ars_briefing_free(b);
    ars_briefing_free(NULL);
    assert_int_equal(ars_briefing_run(NULL, &err), ARS_EARG);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_event_grouped_unrelated_alone_ranked_by_outlets),
        cmocka_unit_test(test_sentence_headline_when_no_title),
        cmocka_unit_test(test_no_sentence_twice_in_a_brief),
        cmocka_unit_test(test_max_stories_and_story_words),
        cmocka_unit_test(test_articles_days_apart_are_not_one_story),
        cmocka_unit_test(test_input_document_frequencies_and_rerun),
        cmocka_unit_test(test_seeds_older_article_is_a_story_of_its_own),
        cmocka_unit_test(test_progress_reports_each_stage),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
