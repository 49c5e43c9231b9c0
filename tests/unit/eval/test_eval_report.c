/* test_eval_report.c - the outputs: CSV rows and quoting, JSON parsed back with jansson, the
 * aligned table, and the SVG chart (well-formed shape, one bar and whisker per system and metric,
 * escaped names, bars scaled to the axis). */
#include "test_util.h"

#include <jansson.h>
#include <unistd.h>

#include "eval/report.h"

typedef struct {
    eval_system sys[2];
    char *topics[3];
    eval_report r;
} fx;

static int fx_setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    if (!f) return -1;
    static const char *names[2] = {"ours", "ID<1>&\"x\",y"};
    for (int s = 0; s < 2; s++) {
        eval_system *y = &f->sys[s];
        y->name = strdup(names[s]);
        y->n_topics = 3;
        y->topic = calloc(3, sizeof *y->topic);
        if (!y->name || !y->topic) return -1;
        for (int t = 0; t < 3; t++)
            for (int m = 0; m < ROUGE_N_METRICS; m++) {
                double v = 0.1 * (m + 1) + 0.05 * t + 0.02 * s;
                y->topic[t][m] = (rouge_prf){v, v + 0.01, v + 0.005};
            }
        if (eval_system_summarize(y, 200, 0.95, 1)) return -1;
    }
    f->topics[0] = "T1";
    f->topics[1] = "T2";
    f->topics[2] = "T3";
    eval_report *r = &f->r;
    r->dataset = "data/set";
    r->topics = f->topics;
    r->n_topics = 3;
    r->systems = f->sys;
    r->n_systems = 2;
    r->limit_words = 250;
    r->pool = 'A';
    r->alpha = 0.5;
    r->level = 0.95;
    r->normalize = 1;
    r->resamples = 200;
    r->seed = 1;
    *state = f;
    return 0;
}

static int fx_teardown(void **state) {
    fx *f = *state;
    eval_system_free(&f->sys[0]);
    eval_system_free(&f->sys[1]);
    free(f);
    return 0;
}

static char *capture(int (*fn)(FILE *, const eval_report *), const eval_report *r) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    assert_int_equal(fn(m, r), 0);
    fclose(m);
    return buf;
}

static size_t count(const char *s, const char *needle) {
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_report_summary_averages_and_interval(void **state) {
    fx *f = *state;
    eval_system *s = &f->sys[0];
    assert_double_near(s->avg[ROUGE_1].r, 0.1 + 0.05, 1e-12);
    assert_double_near(s->avg[ROUGE_2].f, 0.2 + 0.05 + 0.005, 1e-12);
    assert_true(s->f_lo[ROUGE_1] <= s->avg[ROUGE_1].f && s->avg[ROUGE_1].f <= s->f_hi[ROUGE_1]);
    assert_true(s->f_lo[ROUGE_1] >= 0.105 && s->f_hi[ROUGE_1] <= 0.205);
}

static void test_report_csv_rows_and_quoting(void **state) {
    fx *f = *state;
    char *csv = capture(eval_report_csv, &f->r);
    assert_true(strncmp(csv, "system,topic,metric,r,p,f,f_lo,f_hi\n", 36) == 0);
    assert_int_equal(count(csv, "\n"), 1 + 2 * 4 * 4);
    assert_non_null(strstr(csv, "ours,T1,rouge-1,0.10000,0.11000,0.10500,,\n"));
    assert_non_null(strstr(csv, "\"ID<1>&\"\"x\"\",y\",avg,rouge-su4,"));
    free(csv);
}

static void test_report_json_parses_back(void **state) {
    fx *f = *state;
    char *js = capture(eval_report_json, &f->r);
    json_error_t e;
    json_t *root = json_loads(js, 0, &e);
    assert_non_null(root);
    json_t *systems = json_object_get(root, "systems");
    assert_int_equal(json_array_size(systems), 2);
    json_t *rows = json_object_get(json_array_get(systems, 0), "rows");
    assert_int_equal(json_array_size(rows), 4 * 4);
    json_t *last = json_array_get(rows, 15);
    assert_string_equal(json_string_value(json_object_get(last, "topic")), "avg");
    assert_string_equal(json_string_value(json_object_get(last, "metric")), "rouge-su4");
    assert_non_null(json_object_get(last, "f_lo"));
    assert_null(json_object_get(json_array_get(rows, 0), "f_lo"));
    assert_double_near(json_real_value(json_object_get(json_array_get(rows, 0), "r")), 0.1, 1e-9);
    json_decref(root);
    free(js);
}

static void test_report_text_table_is_aligned(void **state) {
    fx *f = *state;
    f->r.per_topic = 1;
    char *txt = capture(eval_report_text, &f->r);
    f->r.per_topic = 0;
    assert_non_null(strstr(txt, "| T2 "));
    assert_non_null(strstr(txt, "| avg "));
    /* every table line of one table has the same length */
    const char *p = strstr(txt, "| system");
    assert_non_null(p);
    size_t first = strcspn(p, "\n");
    for (int i = 0; i < 3; i++) {
        p += strcspn(p, "\n") + 1;
        assert_int_equal(strcspn(p, "\n"), first);
    }
    free(txt);
}

static void test_report_svg_has_bars_whiskers_and_escapes(void **state) {
    fx *f = *state;
    char path[] = "/tmp/test_eval_report_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(eval_report_svg(path, &f->r), 0);
    char *svg = test_util_read_file(path, NULL);
    unlink(path);
    assert_non_null(svg);
    assert_true(strncmp(svg, "<?xml", 5) == 0);
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "</svg>\n"));
    assert_int_equal(count(svg, "<title>"), 2 * 4);
    assert_int_equal(count(svg, "stroke=\"black\" fill=\"none\""), 2 * 4);
    assert_non_null(strstr(svg, "ID&lt;1&gt;&amp;&quot;x&quot;,y"));
    assert_null(strstr(svg, "ID<1>"));
    /* The highest whisker (0.4 + 0.1 + 0.005 + 0.02 = 0.525 at most) sets a 0.6 axis. */
    assert_non_null(strstr(svg, ">0.60</text>"));
    assert_int_equal(count(svg, "<"), count(svg, ">"));
    free(svg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_summary_averages_and_interval),
        cmocka_unit_test(test_report_csv_rows_and_quoting),
        cmocka_unit_test(test_report_json_parses_back),
        cmocka_unit_test(test_report_text_table_is_aligned),
        cmocka_unit_test(test_report_svg_has_bars_whiskers_and_escapes),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
