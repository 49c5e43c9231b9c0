/* test_discourse.c - unit tests of summarize/text/discourse.c: which sentence openings lean on the
 * sentence before them, with spelling variants, and the openings that look alike and do not. */
#include "test_util.h"

#include <string.h>

#include "summarize/text/discourse.h"

static int leans(const char *s) {
    return discourse_leans_back(s, strlen(s));
}

static void test_discourse_connectives_lean_back(void **state) {
    (void)state;
    assert_true(leans("لكن تعليقاته أثارت رد فعل عنيف."));
    assert_true(leans("ولكنها اكتشفت مع أول رشفة أن السائل لم يكن قهوة."));
    assert_true(leans("إلا أن أذربيجان أجرت عملية عسكرية في كاراباخ."));
    assert_true(leans("كما حذرت المنظمة الدولية من أن المخاطر شهدت زيادة."));
    assert_true(leans("ومع ذلك يعتبر غاز الأوزون ساما على ارتفاعات منخفضة."));
    assert_true(leans("وفي هذه الأثناء، وصل الوفد إلى المطار."));
    assert_true(leans("من جهة أخرى، نددت أذربيجان الأربعاء بضغوط فرنسية."));
    assert_true(leans("وبالإضافة إلى ذلك، أعلنت الحكومة خطة جديدة."));
    assert_true(leans("وهو ما أكده الوزير في مؤتمر صحفي."));
    assert_true(leans("وهذا يعني أن الأسعار سترتفع."));
    assert_true(leans("ذلك أن الحكومة لم تعلن موقفها بعد."));
    /* Diacritics, tatweel and the alef forms do not matter. */
    assert_true(leans("إلّا أنّ الوزارة نفت ذلك."));
    assert_true(leans("لـكن الحكومة رفضت."));
    assert_true(leans("الا ان الوزارة نفت ذلك."));
    assert_true(leans("وأيضاً أعلنت الشركة أرباحها."));
}

static void test_discourse_subjectless_saying_leans_back(void **state) {
    (void)state;
    assert_true(leans("وأضاف أن عمليات الاختراق تمت بناء على طلب الحكومة."));
    assert_true(leans("وقالت :\"يجب أن نأخذ بعين الاعتبار ما تريده يوليا\"."));
    assert_true(leans("وتابع: \"كان يعمل بكل جهده\"."));
    assert_true(leans("وأكد أنه تمت الاستفادة من هذا المشروع."));
    assert_true(leans("وأوضح في بيان أن الدراسة لم تكتمل."));
    assert_true(leans("وأعرب عن أمله في التوصل إلى اتفاق."));
    assert_true(leans("وقالوا إن الهجوم وقع فجرا."));
    assert_true(leans("وأضافت، \"لن نتراجع\"."));
    assert_true(leans("ونفت أن تكون قواتها قد عبرت الحدود."));
    assert_true(leans("ورأى أن القرار جاء متأخرا."));
    assert_true(leans("فقال إن الأمر انتهى."));
    assert_true(leans("وأضاف الاثنين أن المحادثات ستستأنف."));
}

static void test_discourse_what_does_not_lean_back(void **state) {
    (void)state;
    /* A verb of saying with its subject names who says it. */
    assert_false(leans("وأضاف الوزير أن الحكومة ستخفض الضرائب."));
    assert_false(leans("قال وزير الخارجية الروسي إن بلاده لن ترد."));
    assert_false(leans("وقال لافروف إن موسكو سترد."));
    assert_false(leans("أعلنت الهيئة الوطنية للانتخابات فوز السيسي."));
    assert_false(leans("وأكد السكرتير الصحفي للكرملين الانسحاب يوم الأربعاء."));
    /* "For his part" is followed by the party it means. */
    assert_false(leans("ومن جهته أعلن عضو الجمعية الوطنية راسم العوادي تأييده للإجراءات."));
    assert_false(leans("وبدوره، قال المتحدث باسم الوزارة إن التحقيق مستمر."));
    /* A demonstrative of time is this year, not the thing said before. */
    assert_false(leans("هذا العام شهد ارتفاعا في الأسعار."));
    assert_false(leans("وهذا الأسبوع أعلنت الشركة أرباحها."));
    /* Words that begin like a listed one are other words. */
    assert_false(leans("كمال الشاذلي نائب في البرلمان."));
    assert_false(leans("هوية المهاجم لم تعرف بعد."));
    assert_false(leans("قالب الحلوى بيع بمليون دولار."));
    assert_false(leans("وصفت الصحيفة القرار بأنه تاريخي.")); /* وصف with its subject */
    assert_false(leans("ثمانية أشخاص قتلوا في الهجوم."));
    /* Not a letter first: a quotation or a number opens the sentence. */
    assert_false(leans("\"لكن هذا لن يحدث\"، قال الوزير."));
    assert_false(leans("«كما قلت سابقا» عبارة يكررها الرئيس."));
    assert_false(leans("2018 كان عاما صعبا."));
    assert_false(leans(""));
    assert_false(leans("ـــ"));
}

/* The opening is read in place: a word longer than any listed one, bytes that are not UTF-8, or
 * a sentence cut anywhere never read past its end (ASan checks the cuts). */
static void test_discourse_reads_only_the_sentence(void **state) {
    (void)state;
    char longword[200];
    memset(longword, 0, sizeof longword);
    for (size_t i = 0; i + 2 < sizeof longword - 1; i += 2)
        memcpy(longword + i, "ك", 2);
    assert_false(leans(longword));
    char verb_long[260];
    snprintf(verb_long, sizeof verb_long, "وأضاف %s", longword);
    assert_false(leans(verb_long)); /* the word after the verb is no "that" */
    assert_false(leans("\xD9\x88\xFF\xFE أن"));
    const char *s = "ومع ذلك أعلن الوزير";
    size_t n = strlen(s);
    for (size_t cut = 0; cut <= n; cut++) {
        char *copy = malloc(cut ? cut : 1);
        assert_non_null(copy);
        memcpy(copy, s, cut);
        int r = discourse_leans_back(copy, cut);
        assert_true(r == 0 || r == 1);
        free(copy);
    }
    assert_true(discourse_leans_back(s, strlen("ومع ذلك")));
    assert_false(discourse_leans_back(s, strlen("ومع ذل")));
}

/* An article's first sentence has nothing before it there: it never needs one. */
static void test_discourse_first_sentence_needs_nothing(void **state) {
    (void)state;
    const char *s = "لكن الحكومة رفضت الخطة.";
    assert_false(discourse_needs_previous(s, strlen(s), 0));
    assert_true(discourse_needs_previous(s, strlen(s), 1));
    const char *t = "رفضت الحكومة الخطة.";
    assert_false(discourse_needs_previous(t, strlen(t), 3));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_discourse_connectives_lean_back),
        cmocka_unit_test(test_discourse_subjectless_saying_leans_back),
        cmocka_unit_test(test_discourse_what_does_not_lean_back),
        cmocka_unit_test(test_discourse_reads_only_the_sentence),
        cmocka_unit_test(test_discourse_first_sentence_needs_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
