/* test_rouge_conformance.c - the ROUGE scorer against 36 cases scored by the original ROUGE-1.5.5
 * script (tests/data/rouge-conformance, a copy of ../shared/rouge-conformance): every R/P/F of
 * ROUGE-1/2/L/SU4 under -f A and -f B within 1e-4, read pre-tokenized and through the tokenizer;
 * and the ROUGE-1.5.5 text layout (--format rouge155) of every case, line by line. */
#include "test_util.h"

#include <errno.h>
#include <sys/stat.h>

#include "eval/dataset.h"
#include "eval/report.h"
#include "eval/rouge.h"
#include "eval/text.h"
#include "eval/tokenize.h"

static char conf_dir[4096];
static size_t conf_w_equal; /* ROUGE-L rows where ROUGE-W with weight 1 gives the same recall */

/* Prefers the repository's copy; falls back to ../shared; skips when neither exists. */
static int conf_setup(void **state) {
    (void)state;
    struct stat st;
    const char *p = test_util_source_path("tests/data/rouge-conformance/expected.tsv");
    if (stat(p, &st) == 0) {
        snprintf(conf_dir, sizeof conf_dir, "%s",
                 test_util_source_path("tests/data/rouge-conformance"));
        return 0;
    }
    p = test_util_shared_path("rouge-conformance/expected.tsv");
    if (stat(p, &st) == 0) {
        snprintf(conf_dir, sizeof conf_dir, "%s", test_util_shared_path("rouge-conformance"));
        return 0;
    }
    conf_dir[0] = '\0';
    return 0;
}

typedef struct {
    eval_text cand;
    eval_text refs[16];
    size_t n_refs;
} conf_case;

static void conf_case_free(conf_case *c) {
    eval_text_free(&c->cand);
    for (size_t i = 0; i < c->n_refs; i++)
        eval_text_free(&c->refs[i]);
}

static void conf_load_text(const char *path, eval_tokenizer *t, vocab *v, eval_text *out) {
    size_t len = 0;
    char *bytes = test_util_read_file(path, &len);
    assert_non_null(bytes);
    eval_text_init(out);
    assert_int_equal(eval_text_from_bytes(out, t, v, bytes, len, NULL), 0);
    free(bytes);
}

static void conf_load(const char *name, eval_tokenizer *t, vocab *v, conf_case *c) {
    char path[8192];
    snprintf(path, sizeof path, "%s/cases/%s/cand.txt", conf_dir, name);
    conf_load_text(path, t, v, &c->cand);
    snprintf(path, sizeof path, "%s/cases/%s/refs", conf_dir, name);
    eval_names refs = {0};
    assert_int_equal(eval_list_dir(path, 0, ".txt", &refs), 0);
    assert_true(refs.n >= 1 && refs.n <= 16);
    c->n_refs = refs.n;
    for (size_t i = 0; i < refs.n; i++) {
        char rp[16384];
        snprintf(rp, sizeof rp, "%s/%s", path, refs.items[i]);
        conf_load_text(rp, t, v, &c->refs[i]);
    }
    eval_names_free(&refs);
}

/* The metric of an expected.tsv row: ROUGE-1.5.5's own tag, which our parser reads. */
static rouge_metric conf_metric(const char *s) {
    rouge_metric m;
    if (eval_rouge_metric_parse(s, &m) != 0) fail_msg("unknown metric %s", s);
    return m;
}

static double conf_number(const char *s) {
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    assert_true(errno == 0 && end != s && (*end == '\0' || *end == '\n'));
    return x;
}

/* Scores every row of expected.tsv; returns the number of rows checked. */
static size_t conf_run(const eval_tokenize_options *to) {
    char path[8192];
    snprintf(path, sizeof path, "%s/expected.tsv", conf_dir);
    char *tsv = test_util_read_file(path, NULL);
    assert_non_null(tsv);
    eval_tokenizer *tok;
    assert_int_equal(eval_tokenizer_new(to, &tok), 0);
    size_t rows = 0, worst_row = 0;
    double worst = 0;
    int header = 1;
    /* Splits the TSV in place: lines on '\n', fields on '\t'. */
    for (char *line = tsv; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        char *next = nl ? nl + 1 : NULL;
        if (header) {
            header = 0;
            line = next;
            continue;
        }
        char *f[6];
        int k = 0;
        for (char *fld = line; fld && k < 6;) {
            f[k++] = fld;
            char *tab = strchr(fld, '\t');
            if (tab) *tab = '\0';
            fld = tab ? tab + 1 : NULL;
        }
        assert_int_equal(k, 6);
        vocab *v = NULL;
        assert_int_equal(vocab_new(&v), ARS_OK);
        assert_non_null(v);
        conf_case c = {0};
        conf_load(f[0], tok, v, &c);
        rouge_options o;
        eval_rouge_options_init(&o);
        o.pool = f[1][0] == 'B' ? ROUGE_POOL_BEST : ROUGE_POOL_AVERAGE;
        rouge_prf got;
        rouge_metric m = conf_metric(f[2]);
        assert_int_equal(eval_rouge_metric(&c.cand, c.refs, c.n_refs, &m, &o, &got, NULL), 0);
        if (m.kind == ROUGE_KIND_L) {
            /* ROUGE-W with weight 1 marks the same tokens as ROUGE-L; it counts no more, and
             * less only where ROUGE-1.5.5 drops a run that ends on clipped tokens. */
            rouge_metric w1 = eval_rouge_w(1.0);
            rouge_prf w;
            assert_int_equal(eval_rouge_metric(&c.cand, c.refs, c.n_refs, &w1, &o, &w, NULL), 0);
            assert_true(w.r <= got.r + 1e-12 && w.p <= got.p + 1e-12);
            if (fabs(w.r - got.r) < 1e-12) conf_w_equal++;
        }
        double want[3] = {conf_number(f[3]), conf_number(f[4]), conf_number(f[5])};
        double have[3] = {got.r, got.p, got.f};
        for (int i = 0; i < 3; i++) {
            double d = fabs(want[i] - have[i]);
            if (d > worst) {
                worst = d;
                worst_row = rows;
            }
            if (d > 1e-4)
                fail_msg("%s %s %s: %c = %.6f, ROUGE-1.5.5 gives %.5f", f[0], f[1], f[2], "RPF"[i],
                         have[i], want[i]);
        }
        conf_case_free(&c);
        vocab_free(v);
        rows++;
        line = next;
    }
    print_message(
        "%zu rows, largest difference %.2g (row %zu); ROUGE-W(1) = ROUGE-L in %zu of %zu\n", rows,
        worst, worst_row, conf_w_equal, rows / 4);
    conf_w_equal = 0;
    eval_tokenizer_free(tok);
    free(tsv);
    return rows;
}

static void test_rouge_conformance_pretokenized_matches_rouge155(void **state) {
    (void)state;
    if (!conf_dir[0]) skip();
    eval_tokenize_options to;
    eval_tokenize_options_init(&to);
    to.pretokenized = 1;
    assert_int_equal(conf_run(&to), 36 * 2 * 4);
}

/* The fixtures are already normalised, so the tokenizer must find the very same tokens in them. */
static void test_rouge_conformance_tokenizer_is_idempotent_on_fixtures(void **state) {
    (void)state;
    if (!conf_dir[0]) skip();
    eval_tokenize_options to;
    eval_tokenize_options_init(&to);
    assert_int_equal(conf_run(&to), 36 * 2 * 4);
}

/* The next line of the text at *p (its newline replaced by NUL), or NULL at the end. */
static char *conf_line(char **p) {
    char *line = *p;
    if (!line || !*line) return NULL;
    char *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    *p = nl ? nl + 1 : NULL;
    return line;
}

/* One line of ROUGE-1.5.5's output, checked against its exact layout: the numbers are read back
 * and the line rebuilt from them must be the same bytes. */
static void conf_check_average(const char *line, const char *sys, const char *tag, char kind,
                               double want) {
    char s[64], t[64], k;
    double v, lo, hi;
    assert_int_equal(sscanf(line, "%63s %63s Average_%c: %lf (95%%-conf.int. %lf - %lf)", s, t, &k,
                            &v, &lo, &hi),
                     6);
    char again[256];
    snprintf(again, sizeof again, "%s %s Average_%c: %7.5f (95%%-conf.int. %7.5f - %7.5f)", s, t, k,
             v, lo, hi);
    assert_string_equal(line, again);
    assert_string_equal(s, sys);
    assert_string_equal(t, tag);
    assert_int_equal(k, kind);
    /* printed to 5 decimals on both sides: within one unit of the last place */
    assert_double_near(v, want, 1.1e-5);
    /* one topic: every resample is that topic, so the interval is the value */
    assert_double_near(lo, v, 0);
    assert_double_near(hi, v, 0);
}

static void conf_check_eval(const char *line, const char *sys, const char *tag, const char *topic,
                            const double want[3]) {
    char s[64], t[64], id[128];
    double r, p, f;
    assert_int_equal(sscanf(line, "%63s %63s Eval %127s R:%lf P:%lf F:%lf", s, t, id, &r, &p, &f),
                     6);
    char again[512];
    snprintf(again, sizeof again, "%s %s Eval %s R:%7.5f P:%7.5f F:%7.5f", s, t, id, r, p, f);
    assert_string_equal(line, again);
    assert_string_equal(t, tag);
    char expect_id[256];
    snprintf(expect_id, sizeof expect_id, "%s.%s", topic, sys);
    assert_string_equal(id, expect_id);
    assert_double_near(r, want[0], 1.1e-5);
    assert_double_near(p, want[1], 1.1e-5);
    assert_double_near(f, want[2], 1.1e-5);
}

/* For every case and pool, the four metrics of expected.tsv (ROUGE-1.5.5 -n 2 -2 4 -u -d) are
 * scored and written in ROUGE-1.5.5's layout; each block must read as the script prints it:
 * a rule of 45 dashes, Average_R/P/F lines, a rule of 45 dots, the Eval line. */
static void test_rouge_conformance_rouge155_layout(void **state) {
    (void)state;
    if (!conf_dir[0]) skip();
    char path[8192];
    snprintf(path, sizeof path, "%s/expected.tsv", conf_dir);
    char *tsv = test_util_read_file(path, NULL);
    assert_non_null(tsv);
    eval_tokenize_options to;
    eval_tokenize_options_init(&to);
    to.pretokenized = 1;
    eval_tokenizer *tok;
    assert_int_equal(eval_tokenizer_new(&to, &tok), 0);
    char *save = tsv;
    char *line = conf_line(&save); /* header */
    size_t blocks = 0;
    for (line = conf_line(&save); line;) {
        /* four rows of one case and pool: ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-SU4 */
        char name[128], pool[4], tag[4][32];
        double want[4][3];
        for (int m = 0; m < 4; m++) {
            assert_non_null(line);
            char c[128], pl[4];
            assert_int_equal(sscanf(line, "%127s %3s %31s %lf %lf %lf", c, pl, tag[m], &want[m][0],
                                    &want[m][1], &want[m][2]),
                             6);
            if (m == 0) {
                snprintf(name, sizeof name, "%s", c);
                snprintf(pool, sizeof pool, "%s", pl);
            } else {
                assert_string_equal(c, name);
                assert_string_equal(pl, pool);
            }
            line = conf_line(&save);
        }
        rouge_metric metrics[4];
        for (int m = 0; m < 4; m++)
            metrics[m] = conf_metric(tag[m]);
        vocab *v = NULL;
        assert_int_equal(vocab_new(&v), ARS_OK);
        conf_case c = {0};
        conf_load(name, tok, v, &c);
        rouge_options o;
        eval_rouge_options_init(&o);
        o.pool = pool[0] == 'B' ? ROUGE_POOL_BEST : ROUGE_POOL_AVERAGE;
        eval_system sys;
        assert_int_equal(eval_system_init(&sys, "P", 1, 4), 0);
        assert_int_equal(eval_rouge_score(&c.cand, c.refs, c.n_refs, &o, metrics, 4, sys.topic), 0);
        assert_int_equal(eval_system_summarize(&sys, 100, 0.95, 1), 0);
        char *topic = name;
        eval_report r = {0};
        r.metrics = metrics;
        r.n_metrics = 4;
        r.topics = &topic;
        r.n_topics = 1;
        r.systems = &sys;
        r.n_systems = 1;
        r.level = 0.95;
        r.per_topic = 1;
        char *out = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&out, &len);
        assert_non_null(mem);
        assert_int_equal(eval_report_rouge155(mem, &r), 0);
        fclose(mem);
        char *save2 = out;
        char *l = conf_line(&save2);
        for (int m = 0; m < 4; m++) {
            assert_non_null(l);
            assert_string_equal(l, "---------------------------------------------");
            for (int k = 0; k < 3; k++) {
                l = conf_line(&save2);
                assert_non_null(l);
                conf_check_average(l, "P", tag[m], "RPF"[k], want[m][k]);
            }
            l = conf_line(&save2);
            assert_non_null(l);
            assert_string_equal(l, ".............................................");
            l = conf_line(&save2);
            assert_non_null(l);
            conf_check_eval(l, "P", tag[m], name, want[m]);
            l = conf_line(&save2);
        }
        assert_null(l);
        free(out);
        eval_system_free(&sys);
        conf_case_free(&c);
        vocab_free(v);
        blocks++;
    }
    assert_int_equal(blocks, 36 * 2);
    eval_tokenizer_free(tok);
    free(tsv);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rouge_conformance_pretokenized_matches_rouge155),
        cmocka_unit_test(test_rouge_conformance_tokenizer_is_idempotent_on_fixtures),
        cmocka_unit_test(test_rouge_conformance_rouge155_layout),
    };
    return cmocka_run_group_tests(tests, conf_setup, NULL);
}
