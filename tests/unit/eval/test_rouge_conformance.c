/* test_rouge_conformance.c - the ROUGE scorer against 36 cases scored by the original ROUGE-1.5.5
 * script (tests/data/rouge-conformance, a copy of ../shared/rouge-conformance): every R/P/F of
 * ROUGE-1/2/L/SU4 under -f A and -f B within 1e-4, read pre-tokenized and through the tokenizer. */
#include "test_util.h"

#include <errno.h>
#include <sys/stat.h>

#include "eval/dataset.h"
#include "eval/rouge.h"
#include "eval/text.h"
#include "eval/tokenize.h"

static char conf_dir[4096];

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

static rouge_metric conf_metric(const char *s) {
    if (strcmp(s, "ROUGE-1") == 0) return ROUGE_1;
    if (strcmp(s, "ROUGE-2") == 0) return ROUGE_2;
    if (strcmp(s, "ROUGE-L") == 0) return ROUGE_L;
    if (strcmp(s, "ROUGE-SU4") == 0) return ROUGE_SU4;
    fail_msg("unknown metric %s", s);
    return ROUGE_1;
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
        assert_int_equal(
            eval_rouge_metric(&c.cand, c.refs, c.n_refs, conf_metric(f[2]), &o, &got, NULL), 0);
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
    print_message("%zu rows, largest difference %.2g (row %zu)\n", rows, worst, worst_row);
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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rouge_conformance_pretokenized_matches_rouge155),
        cmocka_unit_test(test_rouge_conformance_tokenizer_is_idempotent_on_fixtures),
    };
    return cmocka_run_group_tests(tests, conf_setup, NULL);
}
