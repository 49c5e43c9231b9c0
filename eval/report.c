/* report.c - the outputs of summarize-eval: a Markdown-compatible aligned table, CSV, JSON through
 * jansson, and the SVG bar chart. Numbers are printed with fixed precision so runs diff cleanly.
 * Part of eval/, below main.c. */
#include "eval/report.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "eval/stats.h"
#include "summarize/common/jsonval.h"
#include "summarize/common/utf8.h"

int eval_system_init(eval_system *s, const char *name, size_t n_topics, size_t n_metrics) {
    memset(s, 0, sizeof *s);
    size_t len = strlen(name);
    size_t nm = n_metrics ? n_metrics : 1;
    if (n_topics && n_metrics > SIZE_MAX / sizeof(rouge_prf) / n_topics) return ENOMEM;
    s->name = malloc(len + 1);
    s->topic = calloc(n_topics && n_metrics ? n_topics * n_metrics : 1, sizeof *s->topic);
    s->avg = calloc(nm, sizeof *s->avg);
    s->lo = calloc(nm, sizeof *s->lo);
    s->hi = calloc(nm, sizeof *s->hi);
    if (!s->name || !s->topic || !s->avg || !s->lo || !s->hi) return ENOMEM;
    memcpy(s->name, name, len + 1);
    s->n_topics = n_topics;
    s->n_metrics = n_metrics;
    return 0;
}

int eval_system_summarize(eval_system *s, size_t resamples, double level, unsigned long long seed) {
    double *col = malloc((s->n_topics ? s->n_topics : 1) * sizeof *col);
    if (!col) return ENOMEM;
    for (size_t m = 0; m < s->n_metrics; m++) {
        double mean[3], lo[3], hi[3];
        for (int k = 0; k < 3; k++) {
            for (size_t t = 0; t < s->n_topics; t++) {
                const rouge_prf *v = eval_system_at(s, t, m);
                col[t] = k == 0 ? v->r : k == 1 ? v->p : v->f;
            }
            mean[k] = eval_mean(col, s->n_topics);
            /* One seed for every metric, R, P and F: the intervals of all metrics and systems
             * then use the same resampled topic sets, so they are comparable with each other. */
            if (eval_bootstrap_ci(col, s->n_topics, resamples, level, seed, &lo[k], &hi[k])) {
                free(col);
                return ENOMEM;
            }
        }
        s->avg[m] = (rouge_prf){mean[0], mean[1], mean[2]};
        s->lo[m] = (rouge_prf){lo[0], lo[1], lo[2]};
        s->hi[m] = (rouge_prf){hi[0], hi[1], hi[2]};
    }
    free(col);
    return 0;
}

void eval_system_free(eval_system *s) {
    if (!s) return;
    free(s->name);
    free(s->topic);
    free(s->avg);
    free(s->lo);
    free(s->hi);
    memset(s, 0, sizeof *s);
}

/* ---- aligned table ------------------------------------------------------------------------- */

typedef struct {
    char **cells; /* rows x cols, malloc'd strings */
    size_t rows, cols, cap_rows;
} report_table;

static int table_add_row(report_table *t) {
    if (t->rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 16;
        char **c = realloc(t->cells, cap * t->cols * sizeof *c);
        if (!c) return ENOMEM;
        t->cells = c;
        t->cap_rows = cap;
    }
    for (size_t j = 0; j < t->cols; j++)
        t->cells[t->rows * t->cols + j] = NULL;
    t->rows++;
    return 0;
}

/* gcc 12's -fanalyzer reports s as leaked: it does not follow a store into t->cells at a
 * computed index. A false positive: table_free frees every cell. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
table_set(report_table *t, size_t col, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t len = strlen(buf);
    char *s = malloc(len + 1);
    if (!s) return ENOMEM;
    memcpy(s, buf, len + 1);
    t->cells[(t->rows - 1) * t->cols + col] = s;
    return 0;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

static void table_free(report_table *t) {
    for (size_t i = 0; i < t->rows * t->cols; i++)
        free(t->cells[i]);
    free(t->cells);
}

/* Display width of UTF-8 text: counts code points (system names and topics are short labels). */
static size_t report_width(const char *s) {
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

/* Numbers (and intervals) are right-aligned, names left-aligned. */
static int report_numeric(const char *c) {
    return (*c >= '0' && *c <= '9') || ((*c == '+' || *c == '-') && c[1] >= '0' && c[1] <= '9');
}

/* Prints the table with a Markdown header rule, so it pastes into documentation as is. Numeric
 * columns (all but the first) are right-aligned. */
static void table_print(FILE *out, const report_table *t) {
    size_t *w = calloc(t->cols, sizeof *w);
    if (!w) return;
    for (size_t i = 0; i < t->rows; i++)
        for (size_t j = 0; j < t->cols; j++) {
            const char *c = t->cells[i * t->cols + j];
            size_t cw = c ? report_width(c) : 0;
            if (cw > w[j]) w[j] = cw;
        }
    for (size_t i = 0; i < t->rows; i++) {
        for (size_t j = 0; j < t->cols; j++) {
            const char *c = t->cells[i * t->cols + j];
            if (!c) c = "";
            size_t pad = w[j] - report_width(c);
            fputs("| ", out);
            if (j == 0 || i == 0 || !report_numeric(c)) {
                fputs(c, out);
                for (size_t k = 0; k < pad; k++)
                    fputc(' ', out);
            } else {
                for (size_t k = 0; k < pad; k++)
                    fputc(' ', out);
                fputs(c, out);
            }
            fputc(' ', out);
        }
        fputs("|\n", out);
        if (i == 0) {
            for (size_t j = 0; j < t->cols; j++) {
                fputs("|", out);
                for (size_t k = 0; k < w[j] + 1; k++)
                    fputc('-', out);
                const char *first = t->rows > 1 ? t->cells[t->cols + j] : NULL;
                fputc(j > 0 && first && report_numeric(first) ? ':' : '-', out);
            }
            fputs("|\n", out);
        }
    }
    free(w);
}

/* Column head of metric m: its ROUGE-1.5.5 tag shortened to "R-2", "R-SU4", "R-W-1.2"... */
static const char *report_head(const eval_report *r, size_t m, char *buf, size_t cap) {
    char name[ROUGE_NAME_MAX];
    eval_rouge_metric_name(&r->metrics[m], 1, name, sizeof name);
    snprintf(buf, cap, "R-%s", name + 6);
    return buf;
}

/* Lower-case metric name for CSV, JSON and the chart. */
static const char *report_name(const eval_report *r, size_t m, char *buf, size_t cap) {
    return eval_rouge_metric_name(&r->metrics[m], 0, buf, cap);
}

/* As for table_set: gcc 12's -fanalyzer loses the cells stored into t (table_set is inlined
 * here). A false positive: table_free frees every cell. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
static int report_topic_table(FILE *out, const eval_report *r, const eval_system *s) {
    report_table t = {0};
    char head[ROUGE_NAME_MAX];
    t.cols = 1 + 3 * r->n_metrics;
    int rc = table_add_row(&t);
    if (!rc) rc = table_set(&t, 0, "%s", "topic");
    for (size_t m = 0; m < r->n_metrics && !rc; m++) {
        report_head(r, m, head, sizeof head);
        rc = table_set(&t, 1 + 3 * m, "%s R", head);
        if (!rc) rc = table_set(&t, 2 + 3 * m, "%s P", head);
        if (!rc) rc = table_set(&t, 3 + 3 * m, "%s F", head);
    }
    for (size_t i = 0; i <= s->n_topics && !rc; i++) {
        rc = table_add_row(&t);
        if (!rc) rc = table_set(&t, 0, "%s", i < s->n_topics ? r->topics[i] : "avg");
        for (size_t m = 0; m < r->n_metrics && !rc; m++) {
            const rouge_prf *v = i < s->n_topics ? eval_system_at(s, i, m) : &s->avg[m];
            rc = table_set(&t, 1 + 3 * m, "%.4f", v->r);
            if (!rc) rc = table_set(&t, 2 + 3 * m, "%.4f", v->p);
            if (!rc) rc = table_set(&t, 3 + 3 * m, "%.4f", v->f);
        }
    }
    if (!rc) {
        fprintf(out, "\nsystem %s, per topic:\n\n", s->name);
        table_print(out, &t);
    }
    table_free(&t);
    return rc;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

size_t eval_report_scoring(const eval_report *r, char *buf, size_t cap) {
    char limit[64];
    if (r->limit_words)
        snprintf(limit, sizeof limit, "%zu words", r->limit_words);
    else if (r->limit_bytes)
        snprintf(limit, sizeof limit, "%zu bytes", r->limit_bytes);
    else
        snprintf(limit, sizeof limit, "none");
    int n = snprintf(buf, cap, "limit %s; references pooled -f %c%s; alpha %.2f; tokens %s%s",
                     limit, r->pool, r->jackknife ? " with jackknifing" : "", r->alpha,
                     r->tokenized ? "as given" : (r->normalize ? "normalised" : "not normalised"),
                     r->stem ? ", Snowball-stemmed" : "");
    return n < 0 ? 0 : (size_t)n;
}

static void report_settings(FILE *out, const eval_report *r) {
    char scoring[256];
    eval_report_scoring(r, scoring, sizeof scoring);
    fprintf(out,
            "dataset %s: %zu topics; %s; F interval %.0f%% bootstrap (%zu resamples, seed %llu)\n",
            r->dataset ? r->dataset : "-", r->n_topics, scoring, r->level * 100.0, r->resamples,
            r->seed);
}

int eval_report_text(FILE *out, const eval_report *r) {
    report_settings(out, r);
    int rc = 0;
    if (r->per_topic)
        for (size_t i = 0; i < r->n_systems && !rc; i++)
            rc = report_topic_table(out, r, &r->systems[i]);
    report_table t = {0};
    char head[ROUGE_NAME_MAX];
    t.cols = 1 + 4 * r->n_metrics;
    if (!rc) rc = table_add_row(&t);
    if (!rc) rc = table_set(&t, 0, "%s", "system");
    for (size_t m = 0; m < r->n_metrics && !rc; m++) {
        size_t c = 1 + 4 * m;
        report_head(r, m, head, sizeof head);
        rc = table_set(&t, c, "%s R", head);
        if (!rc) rc = table_set(&t, c + 1, "%s P", head);
        if (!rc) rc = table_set(&t, c + 2, "%s F", head);
        if (!rc) rc = table_set(&t, c + 3, "%s F %.0f%% CI", head, r->level * 100.0);
    }
    for (size_t i = 0; i < r->n_systems && !rc; i++) {
        const eval_system *s = &r->systems[i];
        rc = table_add_row(&t);
        if (!rc) rc = table_set(&t, 0, "%s", s->name);
        for (size_t m = 0; m < r->n_metrics && !rc; m++) {
            size_t c = 1 + 4 * m;
            rc = table_set(&t, c, "%.4f", s->avg[m].r);
            if (!rc) rc = table_set(&t, c + 1, "%.4f", s->avg[m].p);
            if (!rc) rc = table_set(&t, c + 2, "%.4f", s->avg[m].f);
            if (!rc) rc = table_set(&t, c + 3, "%.4f-%.4f", s->lo[m].f, s->hi[m].f);
        }
    }
    if (!rc) {
        fputs("\nmacro averages over topics:\n\n", out);
        table_print(out, &t);
    }
    table_free(&t);
    if (!rc && r->n_tests) {
        report_table u = {0};
        u.cols = 5;
        rc = table_add_row(&u);
        if (!rc) rc = table_set(&u, 0, "metric (F)");
        if (!rc) rc = table_set(&u, 1, "system A");
        if (!rc) rc = table_set(&u, 2, "system B");
        if (!rc) rc = table_set(&u, 3, "A - B");
        if (!rc) rc = table_set(&u, 4, "p (%s)", r->tests[0].method);
        for (size_t i = 0; i < r->n_tests && !rc; i++) {
            const eval_test_result *x = &r->tests[i];
            rc = table_add_row(&u);
            if (!rc) rc = table_set(&u, 0, "%s", report_name(r, x->metric, head, sizeof head));
            if (!rc) rc = table_set(&u, 1, "%s", r->systems[x->a].name);
            if (!rc) rc = table_set(&u, 2, "%s", r->systems[x->b].name);
            if (!rc) rc = table_set(&u, 3, "%+.4f", x->diff);
            if (!rc) rc = table_set(&u, 4, "%.4f", x->p_value);
        }
        if (!rc) {
            fputs("\npaired significance test on per-topic F:\n\n", out);
            table_print(out, &u);
        }
        table_free(&u);
    }
    if (rc) return rc;
    return ferror(out) ? EIO : 0;
}

/* ---- CSV ------------------------------------------------------------------------------------ */

/* Quotes a field when it holds a comma, quote or line break (RFC 4180). */
static void csv_field(FILE *out, const char *s) {
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

int eval_report_csv(FILE *out, const eval_report *r) {
    /* The R and P intervals came after the F one: their columns follow, so older readers that
     * count columns still find theirs. */
    fputs("system,topic,metric,r,p,f,f_lo,f_hi,r_lo,r_hi,p_lo,p_hi\n", out);
    char name[ROUGE_NAME_MAX];
    for (size_t i = 0; i < r->n_systems; i++) {
        const eval_system *s = &r->systems[i];
        for (size_t t = 0; t <= s->n_topics; t++) {
            for (size_t m = 0; m < r->n_metrics; m++) {
                const rouge_prf *v = t < s->n_topics ? eval_system_at(s, t, m) : &s->avg[m];
                csv_field(out, s->name);
                fputc(',', out);
                csv_field(out, t < s->n_topics ? r->topics[t] : "avg");
                fprintf(out, ",%s,%.5f,%.5f,%.5f", report_name(r, m, name, sizeof name), v->r, v->p,
                        v->f);
                if (t < s->n_topics)
                    fputs(",,,,,,\n", out);
                else
                    fprintf(out, ",%.5f,%.5f,%.5f,%.5f,%.5f,%.5f\n", s->lo[m].f, s->hi[m].f,
                            s->lo[m].r, s->hi[m].r, s->lo[m].p, s->hi[m].p);
            }
        }
    }
    return ferror(out) ? EIO : 0;
}

/* ---- ROUGE-1.5.5 layout ------------------------------------------------------------------- */

/* ROUGE-1.5.5's by_evalID order of per-evaluation lines: by the leading number when both IDs
 * start with digits, otherwise by bytes. */
static int report_eval_cmp(const char *a, const char *b) {
    if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
        /* Compare the digit runs as numbers without converting: longer (without leading zeros)
         * is larger, then digit by digit. */
        while (*a == '0' && a[1] >= '0' && a[1] <= '9')
            a++;
        while (*b == '0' && b[1] >= '0' && b[1] <= '9')
            b++;
        size_t la = 0, lb = 0;
        while (a[la] >= '0' && a[la] <= '9')
            la++;
        while (b[lb] >= '0' && b[lb] <= '9')
            lb++;
        if (la != lb) return la < lb ? -1 : 1;
        return memcmp(a, b, la) < 0 ? -1 : memcmp(a, b, la) > 0;
    }
    return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}

int eval_report_rouge155(FILE *out, const eval_report *r) {
    size_t *order = malloc((r->n_topics ? r->n_topics : 1) * sizeof *order);
    if (!order) return ENOMEM;
    /* Insertion sort: stable, and topic lists are short. */
    for (size_t i = 0; i < r->n_topics; i++) {
        size_t j = i;
        while (j > 0 && report_eval_cmp(r->topics[order[j - 1]], r->topics[i]) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    static const char *const kinds[3] = {"R", "P", "F"};
    char tag[ROUGE_NAME_MAX];
    for (size_t i = 0; i < r->n_systems; i++) {
        const eval_system *s = &r->systems[i];
        for (size_t m = 0; m < r->n_metrics; m++) {
            eval_rouge_metric_name(&r->metrics[m], 1, tag, sizeof tag);
            fputs("---------------------------------------------\n", out);
            for (int k = 0; k < 3; k++) {
                double v = k == 0 ? s->avg[m].r : k == 1 ? s->avg[m].p : s->avg[m].f;
                double lo = k == 0 ? s->lo[m].r : k == 1 ? s->lo[m].p : s->lo[m].f;
                double hi = k == 0 ? s->hi[m].r : k == 1 ? s->hi[m].p : s->hi[m].f;
                fprintf(out, "%s %s Average_%s: %7.5f (%g%%-conf.int. %7.5f - %7.5f)\n", s->name,
                        tag, kinds[k], v, r->level * 100.0, lo, hi);
            }
            if (!r->per_topic) continue;
            fputs(".............................................\n", out);
            for (size_t k = 0; k < s->n_topics; k++) {
                const rouge_prf *v = eval_system_at(s, order[k], m);
                fprintf(out, "%s %s Eval %s.%s R:%7.5f P:%7.5f F:%7.5f\n", s->name, tag,
                        r->topics[order[k]], s->name, v->r, v->p, v->f);
            }
        }
    }
    free(order);
    return ferror(out) ? EIO : 0;
}

/* ---- meta-evaluation ------------------------------------------------------------------------ */

static const char *const meta_levels[EVAL_N_LEVELS] = {"system", "summary"};

/* A number of the CSV, empty when undefined. */
static void meta_csv_value(FILE *out, double v) {
    if (!isnan(v)) fprintf(out, "%.5f", v);
}

int eval_report_meta_csv(FILE *out, const eval_meta_report *r) {
    fputs("metric,level,pearson,spearman,kendall,pearson_lo,pearson_hi,spearman_lo,spearman_hi,"
          "kendall_lo,kendall_hi\n",
          out);
    for (size_t i = 0; i < r->n; i++)
        for (int l = 0; l < EVAL_N_LEVELS; l++) {
            const eval_meta_result *x = &r->results[i];
            csv_field(out, r->names[i]);
            fprintf(out, ",%s", meta_levels[l]);
            for (int c = 0; c < EVAL_N_COEFS; c++) {
                fputc(',', out);
                meta_csv_value(out, x->value[l][c]);
            }
            for (int c = 0; c < EVAL_N_COEFS; c++) {
                fputc(',', out);
                meta_csv_value(out, x->lo[l][c]);
                fputc(',', out);
                meta_csv_value(out, x->hi[l][c]);
            }
            fputc('\n', out);
        }
    return ferror(out) ? EIO : 0;
}

int eval_report_meta_text(FILE *out, const eval_meta_report *r) {
    static const char *const what[3] = {"topics and systems", "topics", "systems"};
    fprintf(out,
            "meta-evaluation: %zu systems x %zu topic%s; human grades %s, column %s (mean over "
            "judges)\n",
            r->n_systems, r->n_topics, r->n_topics == 1 ? "" : "s", r->grades, r->column);
    if (r->settings) fprintf(out, "%s\n", r->settings);
    fprintf(out,
            "intervals: %.0f%% percentile bootstrap over %s (%zu resamples, seed %llu); "
            "Kendall is tau-b\n\n",
            r->level * 100.0, what[r->resample >= 0 && r->resample < 3 ? r->resample : 0],
            r->resamples, r->seed);
    static const char *const coefs[EVAL_N_COEFS] = {"pearson", "spearman", "kendall"};
    report_table t = {0};
    t.cols = 2 + 2 * EVAL_N_COEFS;
    int rc = table_add_row(&t);
    if (!rc) rc = table_set(&t, 0, "%s", "metric");
    if (!rc) rc = table_set(&t, 1, "%s", "level");
    for (int c = 0; c < EVAL_N_COEFS && !rc; c++) {
        rc = table_set(&t, 2 + 2 * (size_t)c, "%s", coefs[c]);
        if (!rc) rc = table_set(&t, 3 + 2 * (size_t)c, "%.0f%% CI", r->level * 100.0);
    }
    for (size_t i = 0; i < r->n && !rc; i++)
        for (int l = 0; l < EVAL_N_LEVELS && !rc; l++) {
            const eval_meta_result *x = &r->results[i];
            rc = table_add_row(&t);
            if (!rc) rc = table_set(&t, 0, "%s", r->names[i]);
            if (!rc) rc = table_set(&t, 1, "%s", meta_levels[l]);
            for (int c = 0; c < EVAL_N_COEFS && !rc; c++) {
                size_t col = 2 + 2 * (size_t)c;
                if (isnan(x->value[l][c]))
                    rc = table_set(&t, col, "%s", "n/a");
                else
                    rc = table_set(&t, col, "%+.3f", x->value[l][c]);
                if (rc) break;
                if (isnan(x->lo[l][c]) || isnan(x->hi[l][c]))
                    rc = table_set(&t, col + 1, "%s", "n/a");
                else
                    rc = table_set(&t, col + 1, "[%+.2f, %+.2f]", x->lo[l][c], x->hi[l][c]);
            }
        }
    if (!rc) table_print(out, &t);
    table_free(&t);
    if (rc) return rc;
    return ferror(out) ? EIO : 0;
}

/* ---- JSON ----------------------------------------------------------------------------------- */

/* Writes root and a newline: rendered in memory first, so out of memory (ENOMEM) is told apart
 * from a failed write (EIO). */
static int report_json_write(FILE *out, const json_t *root) {
    char *doc = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(8) | JSON_PRESERVE_ORDER);
    if (!doc) return ENOMEM;
    size_t len = strlen(doc);
    int failed = fwrite(doc, 1, len, out) != len || fputc('\n', out) == EOF;
    free(doc);
    return failed || ferror(out) ? EIO : 0;
}

static json_t *json_row(const char *topic, const char *metric, const rouge_prf *v,
                        const rouge_prf *lo, const rouge_prf *hi) {
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = json_object_set_new(o, "topic", jsonval_string(topic));
    bad |= json_object_set_new(o, "metric", json_string(metric));
    bad |= json_object_set_new(o, "r", jsonval_real(v->r));
    bad |= json_object_set_new(o, "p", jsonval_real(v->p));
    bad |= json_object_set_new(o, "f", jsonval_real(v->f));
    if (lo && hi) {
        bad |= json_object_set_new(o, "f_lo", jsonval_real(lo->f));
        bad |= json_object_set_new(o, "f_hi", jsonval_real(hi->f));
        bad |= json_object_set_new(o, "r_lo", jsonval_real(lo->r));
        bad |= json_object_set_new(o, "r_hi", jsonval_real(hi->r));
        bad |= json_object_set_new(o, "p_lo", jsonval_real(lo->p));
        bad |= json_object_set_new(o, "p_hi", jsonval_real(hi->p));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The settings object of every JSON output; NULL when out of memory. */
static json_t *report_json_settings(const eval_report *r) {
    json_t *settings = json_object();
    json_t *metrics = json_array();
    if (!settings || !metrics) {
        json_decref(settings);
        json_decref(metrics);
        return NULL;
    }
    char name[ROUGE_NAME_MAX];
    int bad =
        json_object_set_new(settings, "limit_words", json_integer((json_int_t)r->limit_words));
    bad |= json_object_set_new(settings, "limit_bytes", json_integer((json_int_t)r->limit_bytes));
    char pool[2] = {r->pool, '\0'};
    bad |= json_object_set_new(settings, "pool", json_string(pool));
    bad |= json_object_set_new(settings, "alpha", jsonval_real(r->alpha));
    bad |= json_object_set_new(settings, "jackknife", json_boolean(r->jackknife));
    bad |= json_object_set_new(settings, "normalize", json_boolean(r->normalize));
    bad |= json_object_set_new(settings, "stem", json_boolean(r->stem));
    bad |= json_object_set_new(settings, "tokenized", json_boolean(r->tokenized));
    bad |= json_object_set_new(settings, "confidence", jsonval_real(r->level));
    bad |= json_object_set_new(settings, "resamples", json_integer((json_int_t)r->resamples));
    bad |= json_object_set_new(settings, "seed", json_integer((json_int_t)r->seed));
    bad |= json_object_set_new(settings, "topics", json_integer((json_int_t)r->n_topics));
    for (size_t m = 0; m < r->n_metrics; m++)
        bad |= json_array_append_new(metrics, json_string(report_name(r, m, name, sizeof name)));
    bad |= json_object_set_new(settings, "metrics", metrics);
    if (bad) {
        json_decref(settings);
        return NULL;
    }
    return settings;
}

static json_t *report_json_build(const eval_report *r) {
    json_t *root = json_object();
    json_t *settings = report_json_settings(r);
    json_t *systems = json_array();
    json_t *tests = json_array();
    char name[ROUGE_NAME_MAX];
    if (!root || !settings || !systems || !tests) goto fail;
    int bad = 0;
    if (r->dataset) bad |= json_object_set_new(root, "dataset", jsonval_string(r->dataset));
    if (r->command) bad |= json_object_set_new(root, "command", jsonval_string(r->command));
    for (size_t i = 0; i < r->n_systems && !bad; i++) {
        const eval_system *s = &r->systems[i];
        json_t *sys = json_object();
        json_t *rows = json_array();
        if (!sys || !rows) {
            json_decref(sys);
            json_decref(rows);
            goto fail;
        }
        for (size_t t = 0; t <= s->n_topics && !bad; t++)
            for (size_t m = 0; m < r->n_metrics && !bad; m++) {
                report_name(r, m, name, sizeof name);
                json_t *row =
                    t < s->n_topics
                        ? json_row(r->topics[t], name, eval_system_at(s, t, m), NULL, NULL)
                        : json_row("avg", name, &s->avg[m], &s->lo[m], &s->hi[m]);
                bad |= !row || json_array_append_new(rows, row);
            }
        bad |= json_object_set_new(sys, "name", jsonval_string(s->name));
        bad |= json_object_set_new(sys, "rows", rows);
        bad |= json_array_append_new(systems, sys);
    }
    for (size_t i = 0; i < r->n_tests && !bad; i++) {
        const eval_test_result *x = &r->tests[i];
        json_t *o = json_object();
        if (!o) goto fail;
        bad |= json_object_set_new(o, "metric",
                                   json_string(report_name(r, x->metric, name, sizeof name)));
        bad |= json_object_set_new(o, "a", jsonval_string(r->systems[x->a].name));
        bad |= json_object_set_new(o, "b", jsonval_string(r->systems[x->b].name));
        bad |= json_object_set_new(o, "f_diff", jsonval_real(x->diff));
        bad |= json_object_set_new(o, "p_value", jsonval_real(x->p_value));
        bad |= json_object_set_new(o, "method", json_string(x->method));
        bad |= json_array_append_new(tests, o);
    }
    bad |= json_object_set_new(root, "settings", settings);
    settings = NULL;
    bad |= json_object_set_new(root, "systems", systems);
    systems = NULL;
    bad |= json_object_set_new(root, "tests", tests);
    tests = NULL;
    if (bad) goto fail;
    return root;
fail:
    json_decref(settings);
    json_decref(systems);
    json_decref(tests);
    json_decref(root);
    return NULL;
}

int eval_report_json(FILE *out, const eval_report *r) {
    json_t *root = report_json_build(r);
    if (!root) return ENOMEM;
    int rc = report_json_write(out, root);
    json_decref(root);
    return rc;
}

/* ---- one candidate (score) ----------------------------------------------------------------- */

int eval_report_pair_text(FILE *out, const eval_report *r, const char *candidate, size_t n_refs) {
    char scoring[256], name[ROUGE_NAME_MAX];
    eval_report_scoring(r, scoring, sizeof scoring);
    fprintf(out, "candidate %s against %zu reference%s; %s\n\n", candidate, n_refs,
            n_refs == 1 ? "" : "s", scoring);
    const eval_system *s = &r->systems[0];
    report_table t = {0};
    t.cols = 4;
    int rc = table_add_row(&t);
    if (!rc) rc = table_set(&t, 0, "metric");
    if (!rc) rc = table_set(&t, 1, "R");
    if (!rc) rc = table_set(&t, 2, "P");
    if (!rc) rc = table_set(&t, 3, "F");
    for (size_t m = 0; m < r->n_metrics && !rc; m++) {
        const rouge_prf *v = eval_system_at(s, 0, m);
        rc = table_add_row(&t);
        if (!rc) rc = table_set(&t, 0, "%s", report_name(r, m, name, sizeof name));
        if (!rc) rc = table_set(&t, 1, "%.4f", v->r);
        if (!rc) rc = table_set(&t, 2, "%.4f", v->p);
        if (!rc) rc = table_set(&t, 3, "%.4f", v->f);
    }
    if (!rc) table_print(out, &t);
    table_free(&t);
    if (rc) return rc;
    return ferror(out) ? EIO : 0;
}

int eval_report_pair_csv(FILE *out, const eval_report *r) {
    char name[ROUGE_NAME_MAX];
    fputs("metric,r,p,f\n", out);
    for (size_t m = 0; m < r->n_metrics; m++) {
        const rouge_prf *v = eval_system_at(&r->systems[0], 0, m);
        fprintf(out, "%s,%.5f,%.5f,%.5f\n", report_name(r, m, name, sizeof name), v->r, v->p, v->f);
    }
    return ferror(out) ? EIO : 0;
}

int eval_report_pair_json(FILE *out, const eval_report *r, const char *candidate, char *const *refs,
                          size_t n_refs) {
    json_t *root = json_object();
    json_t *settings = report_json_settings(r);
    json_t *references = json_array();
    json_t *scores = json_object();
    char name[ROUGE_NAME_MAX];
    int bad = !root || !settings || !references || !scores;
    for (size_t i = 0; i < n_refs && !bad; i++)
        bad |= json_array_append_new(references, jsonval_string(refs[i]));
    for (size_t m = 0; m < r->n_metrics && !bad; m++) {
        const rouge_prf *v = eval_system_at(&r->systems[0], 0, m);
        json_t *o = json_object();
        bad |= !o;
        if (bad) break;
        bad |= json_object_set_new(o, "r", jsonval_real(v->r));
        bad |= json_object_set_new(o, "p", jsonval_real(v->p));
        bad |= json_object_set_new(o, "f", jsonval_real(v->f));
        bad |= json_object_set_new(scores, report_name(r, m, name, sizeof name), o);
    }
    if (root && !bad) {
        bad |= json_object_set_new(root, "candidate", jsonval_string(candidate));
        bad |= json_object_set_new(root, "references", references);
        bad |= json_object_set_new(root, "settings", settings);
        bad |= json_object_set_new(root, "scores", scores);
        references = settings = scores = NULL;
    }
    json_decref(references);
    json_decref(settings);
    json_decref(scores);
    if (bad) {
        json_decref(root);
        return ENOMEM;
    }
    int rc = report_json_write(out, root);
    json_decref(root);
    return rc;
}

/* ---- SVG ------------------------------------------------------------------------------------ */

static void svg_escape(FILE *f, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            if ((unsigned char)*s < 0x20) break; /* XML 1.0 has no C0 controls */
            if ((unsigned char)*s >= 0x80) {
                size_t n = utf8_sequence((const unsigned char *)s, strlen(s), 0);
                if (n == 0) {
                    fputs("\xEF\xBF\xBD", f); /* not UTF-8: U+FFFD, as in JSON */
                } else {
                    fwrite(s, 1, n, f);
                    s += n - 1;
                }
                break;
            }
            fputc(*s, f);
        }
    }
}

/* Colour-blind-safe palette (Okabe-Ito), repeated when there are more systems. */
static const char *const svg_colours[] = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#999999", "#882255", "#44AA99", "#117733", "#332288", "#DDCC77", "#AA4499", "#88CCEE"};

int eval_report_svg(FILE *f, const eval_report *r) {
    size_t ns = r->n_systems ? r->n_systems : 1;
    const double bar = 14.0, group_gap = 30.0, left = 60.0, top = 40.0, plot_h = 300.0;
    double group_w = (double)ns * bar;
    double nm = (double)r->n_metrics;
    double plot_w = nm * group_w + (nm + 1) * group_gap;
    char name[ROUGE_NAME_MAX];
    double legend_h = 18.0 * (double)ns + 10.0;
    double width = left + plot_w + 20.0, height = top + plot_h + 50.0 + legend_h;
    double ymax = 0.1;
    for (size_t i = 0; i < r->n_systems; i++)
        for (size_t m = 0; m < r->n_metrics; m++) {
            if (r->systems[i].hi[m].f > ymax) ymax = r->systems[i].hi[m].f;
            if (r->systems[i].avg[m].f > ymax) ymax = r->systems[i].avg[m].f;
        }
    ymax = ceil(ymax * 10.0 - 1e-9) / 10.0;
    if (ymax > 1.0) ymax = 1.0;
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n",
            width, height, width, height);
    fprintf(f,
            "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n<text x=\"%.1f\" "
            "y=\"20\" font-size=\"14\">ROUGE F (macro average, %.0f%% bootstrap interval)",
            left, r->level * 100.0);
    if (r->dataset) {
        fputs(" on ", f);
        svg_escape(f, r->dataset);
    }
    fputs("</text>\n", f);
    /* Round tick steps: 0.05 up to an axis of 0.5, 0.1 above. */
    int ticks = ymax <= 0.5 + 1e-9 ? (int)lround(ymax / 0.05) : (int)lround(ymax / 0.1);
    if (ticks < 1) ticks = 1;
    for (int k = 0; k <= ticks; k++) {
        double v = ymax * k / ticks;
        double y = top + plot_h - plot_h * k / ticks;
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                left, y, left + plot_w, y);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>\n", left - 6, y + 4,
                v);
    }
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", left,
            top + plot_h, left + plot_w, top + plot_h);
    for (size_t m = 0; m < r->n_metrics; m++) {
        double gx = left + group_gap + (double)m * (group_w + group_gap);
        report_name(r, m, name, sizeof name);
        for (size_t i = 0; i < r->n_systems; i++) {
            const eval_system *s = &r->systems[i];
            double x = gx + (double)i * bar;
            double h = plot_h * s->avg[m].f / ymax;
            const char *c = svg_colours[i % (sizeof svg_colours / sizeof *svg_colours)];
            fprintf(f,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                    "<title>",
                    x + 1, top + plot_h - h, bar - 2, h, c);
            svg_escape(f, s->name);
            fprintf(f, " %s F %.4f [%.4f, %.4f]</title></rect>\n", name, s->avg[m].f, s->lo[m].f,
                    s->hi[m].f);
            double cx = x + bar / 2;
            double ylo = top + plot_h - plot_h * s->lo[m].f / ymax;
            double yhi = top + plot_h - plot_h * s->hi[m].f / ymax;
            fprintf(f,
                    "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" "
                    "stroke=\"black\" fill=\"none\"/>\n",
                    cx, ylo, yhi, cx - 3, ylo, cx + 3, cx - 3, yhi, cx + 3);
        }
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                gx + group_w / 2, top + plot_h + 18, name);
    }
    for (size_t i = 0; i < r->n_systems; i++) {
        double y = top + plot_h + 40 + 18.0 * (double)i;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", left,
                y, svg_colours[i % (sizeof svg_colours / sizeof *svg_colours)]);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">", left + 18, y + 10);
        svg_escape(f, r->systems[i].name);
        fputs("</text>\n", f);
    }
    fputs("</svg>\n", f);
    return ferror(f) ? EIO : 0;
}
