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
    rouge_metric metrics[ROUGE_DEFAULT_METRICS];
    eval_report r;
} fx;

enum { ROUGE_1, ROUGE_2, ROUGE_L, ROUGE_SU4 };

static int fx_setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    if (!f) return -1;
    static const char *names[2] = {"ours", "ID<1>&\"x\",y"};
    for (int s = 0; s < 2; s++) {
        eval_system *y = &f->sys[s];
        if (eval_system_init(y, names[s], 3, ROUGE_DEFAULT_METRICS)) return -1;
        for (size_t t = 0; t < 3; t++)
            for (size_t m = 0; m < ROUGE_DEFAULT_METRICS; m++) {
                double v = 0.1 * (double)(m + 1) + 0.05 * (double)t + 0.02 * s;
                *eval_system_at(y, t, m) = (rouge_prf){v, v + 0.01, v + 0.005};
            }
        if (eval_system_summarize(y, 200, 0.95, 1)) return -1;
    }
    f->topics[0] = "T1";
    f->topics[1] = "T2";
    f->topics[2] = "T3";
    eval_report *r = &f->r;
    eval_rouge_default_metrics(f->metrics);
    r->metrics = f->metrics;
    r->n_metrics = ROUGE_DEFAULT_METRICS;
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
    assert_true(s->lo[ROUGE_1].f <= s->avg[ROUGE_1].f && s->avg[ROUGE_1].f <= s->hi[ROUGE_1].f);
    assert_true(s->lo[ROUGE_1].f >= 0.105 && s->hi[ROUGE_1].f <= 0.205);
    /* R, P and F are resampled on the same topic sets: P is R + 0.01 on every topic, so its
     * bounds are R's shifted by 0.01. */
    assert_double_near(s->lo[ROUGE_2].p, s->lo[ROUGE_2].r + 0.01, 1e-12);
    assert_double_near(s->hi[ROUGE_2].p, s->hi[ROUGE_2].r + 0.01, 1e-12);
    assert_true(s->lo[ROUGE_2].r < s->hi[ROUGE_2].r);
}

static void test_report_csv_rows_and_quoting(void **state) {
    fx *f = *state;
    char *csv = capture(eval_report_csv, &f->r);
    const char *head = "system,topic,metric,r,p,f,f_lo,f_hi,r_lo,r_hi,p_lo,p_hi\n";
    assert_true(strncmp(csv, head, strlen(head)) == 0);
    assert_int_equal(count(csv, "\n"), 1 + 2 * 4 * 4);
    assert_non_null(strstr(csv, "ours,T1,rouge-1,0.10000,0.11000,0.10500,,,,,,\n"));
    /* avg rows: F interval first (as before), then R and P */
    const eval_system *s = &f->sys[0];
    char row[256];
    snprintf(row, sizeof row, "ours,avg,rouge-2,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f\n",
             s->avg[1].r, s->avg[1].p, s->avg[1].f, s->lo[1].f, s->hi[1].f, s->lo[1].r, s->hi[1].r,
             s->lo[1].p, s->hi[1].p);
    assert_non_null(strstr(csv, row));
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
    assert_non_null(json_object_get(last, "r_hi"));
    assert_non_null(json_object_get(last, "p_lo"));
    json_t *metrics = json_object_get(json_object_get(root, "settings"), "metrics");
    assert_int_equal(json_array_size(metrics), 4);
    assert_string_equal(json_string_value(json_array_get(metrics, 3)), "rouge-su4");
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

/* ROUGE-1.5.5's layout, line by line, for a system with a plain name. */
static void test_report_rouge155_layout(void **state) {
    fx *f = *state;
    f->r.n_systems = 1;
    char *txt = capture(eval_report_rouge155, &f->r);
    f->r.per_topic = 1;
    char *per = capture(eval_report_rouge155, &f->r);
    f->r.per_topic = 0;
    f->r.n_systems = 2;
    const eval_system *s = &f->sys[0];
    char want[4096];
    int k = 0;
    static const char *const tags[4] = {"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"};
    for (int m = 0; m < 4; m++) {
        k += snprintf(want + k, sizeof want - (size_t)k,
                      "---------------------------------------------\n"
                      "ours %s Average_R: %7.5f (95%%-conf.int. %7.5f - %7.5f)\n"
                      "ours %s Average_P: %7.5f (95%%-conf.int. %7.5f - %7.5f)\n"
                      "ours %s Average_F: %7.5f (95%%-conf.int. %7.5f - %7.5f)\n",
                      tags[m], s->avg[m].r, s->lo[m].r, s->hi[m].r, tags[m], s->avg[m].p,
                      s->lo[m].p, s->hi[m].p, tags[m], s->avg[m].f, s->lo[m].f, s->hi[m].f);
    }
    assert_string_equal(txt, want);
    /* -d: a dotted rule and one line per topic after each metric's averages */
    assert_int_equal(count(per, "\n.............................................\n"), 4);
    assert_non_null(strstr(per, "ours ROUGE-2 Eval T3.ours R:0.30000 P:0.31000 F:0.30500\n"));
    assert_int_equal(count(per, " Eval "), 4 * 3);
    free(txt);
    free(per);
}

static void test_report_svg_has_bars_whiskers_and_escapes(void **state) {
    fx *f = *state;
    char path[] = "/tmp/test_eval_report_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *out = fdopen(fd, "w");
    assert_non_null(out);
    assert_int_equal(eval_report_svg(out, &f->r), 0);
    assert_int_equal(fclose(out), 0);
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
        cmocka_unit_test(test_report_rouge155_layout),
        cmocka_unit_test(test_report_svg_has_bars_whiskers_and_escapes),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
