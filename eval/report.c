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

int eval_system_summarize(eval_system *s, size_t resamples, double level, unsigned long long seed) {
    double *col = malloc((s->n_topics ? s->n_topics : 1) * sizeof *col);
    if (!col) return ENOMEM;
    for (int m = 0; m < ROUGE_N_METRICS; m++) {
        for (int k = 0; k < 3; k++) {
            for (size_t t = 0; t < s->n_topics; t++) {
                const rouge_prf *v = &s->topic[t][m];
                col[t] = k == 0 ? v->r : k == 1 ? v->p : v->f;
            }
            double mean = eval_mean(col, s->n_topics);
            if (k == 0) s->avg[m].r = mean;
            if (k == 1) s->avg[m].p = mean;
            if (k == 2) s->avg[m].f = mean;
        }
        /* Each metric gets the same seed: the intervals of all metrics and systems then use the
         * same resampled topic sets, so they are comparable with each other. */
        if (eval_bootstrap_ci(col, s->n_topics, resamples, level, seed, &s->f_lo[m], &s->f_hi[m])) {
            free(col);
            return ENOMEM;
        }
    }
    free(col);
    return 0;
}

void eval_system_free(eval_system *s) {
    if (!s) return;
    free(s->name);
    free(s->topic);
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

static const char *const report_heads[ROUGE_N_METRICS] = {"R-1", "R-2", "R-L", "R-SU4"};

static int report_topic_table(FILE *out, const eval_report *r, const eval_system *s) {
    report_table t = {0};
    t.cols = 1 + 3 * ROUGE_N_METRICS;
    int rc = table_add_row(&t);
    if (!rc) rc = table_set(&t, 0, "%s", "topic");
    for (int m = 0; m < ROUGE_N_METRICS && !rc; m++) {
        rc = table_set(&t, 1 + 3 * (size_t)m, "%s R", report_heads[m]);
        if (!rc) rc = table_set(&t, 2 + 3 * (size_t)m, "%s P", report_heads[m]);
        if (!rc) rc = table_set(&t, 3 + 3 * (size_t)m, "%s F", report_heads[m]);
    }
    for (size_t i = 0; i <= s->n_topics && !rc; i++) {
        const rouge_prf *row = i < s->n_topics ? s->topic[i] : s->avg;
        rc = table_add_row(&t);
        if (!rc) rc = table_set(&t, 0, "%s", i < s->n_topics ? r->topics[i] : "avg");
        for (int m = 0; m < ROUGE_N_METRICS && !rc; m++) {
            rc = table_set(&t, 1 + 3 * (size_t)m, "%.4f", row[m].r);
            if (!rc) rc = table_set(&t, 2 + 3 * (size_t)m, "%.4f", row[m].p);
            if (!rc) rc = table_set(&t, 3 + 3 * (size_t)m, "%.4f", row[m].f);
        }
    }
    if (!rc) {
        fprintf(out, "\nsystem %s, per topic:\n\n", s->name);
        table_print(out, &t);
    }
    table_free(&t);
    return rc;
}

static void report_settings(FILE *out, const eval_report *r) {
    fprintf(out, "dataset %s: %zu topics; limit ", r->dataset ? r->dataset : "-", r->n_topics);
    if (r->limit_words)
        fprintf(out, "%zu words", r->limit_words);
    else if (r->limit_bytes)
        fprintf(out, "%zu bytes", r->limit_bytes);
    else
        fputs("none", out);
    fprintf(out,
            "; references pooled -f %c%s; alpha %.2f; tokens %s%s; F interval %.0f%% "
            "bootstrap (%zu resamples, seed %llu)\n",
            r->pool, r->jackknife ? " with jackknifing" : "", r->alpha,
            r->tokenized ? "as given" : (r->normalize ? "normalised" : "not normalised"),
            r->stem ? ", Snowball-stemmed" : "", r->level * 100.0, r->resamples, r->seed);
}

int eval_report_text(FILE *out, const eval_report *r) {
    report_settings(out, r);
    int rc = 0;
    if (r->per_topic)
        for (size_t i = 0; i < r->n_systems && !rc; i++)
            rc = report_topic_table(out, r, &r->systems[i]);
    report_table t = {0};
    t.cols = 1 + 4 * ROUGE_N_METRICS;
    if (!rc) rc = table_add_row(&t);
    if (!rc) rc = table_set(&t, 0, "%s", "system");
    for (int m = 0; m < ROUGE_N_METRICS && !rc; m++) {
        size_t c = 1 + 4 * (size_t)m;
        rc = table_set(&t, c, "%s R", report_heads[m]);
        if (!rc) rc = table_set(&t, c + 1, "%s P", report_heads[m]);
        if (!rc) rc = table_set(&t, c + 2, "%s F", report_heads[m]);
        if (!rc) rc = table_set(&t, c + 3, "%s F %.0f%% CI", report_heads[m], r->level * 100.0);
    }
    for (size_t i = 0; i < r->n_systems && !rc; i++) {
        const eval_system *s = &r->systems[i];
        rc = table_add_row(&t);
        if (!rc) rc = table_set(&t, 0, "%s", s->name);
        for (int m = 0; m < ROUGE_N_METRICS && !rc; m++) {
            size_t c = 1 + 4 * (size_t)m;
            rc = table_set(&t, c, "%.4f", s->avg[m].r);
            if (!rc) rc = table_set(&t, c + 1, "%.4f", s->avg[m].p);
            if (!rc) rc = table_set(&t, c + 2, "%.4f", s->avg[m].f);
            if (!rc) rc = table_set(&t, c + 3, "%.4f-%.4f", s->f_lo[m], s->f_hi[m]);
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
            if (!rc) rc = table_set(&u, 0, "%s", eval_rouge_metric_name(x->metric));
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
    fputs("system,topic,metric,r,p,f,f_lo,f_hi\n", out);
    for (size_t i = 0; i < r->n_systems; i++) {
        const eval_system *s = &r->systems[i];
        for (size_t t = 0; t <= s->n_topics; t++) {
            for (int m = 0; m < ROUGE_N_METRICS; m++) {
                const rouge_prf *v = t < s->n_topics ? &s->topic[t][m] : &s->avg[m];
                csv_field(out, s->name);
                fputc(',', out);
                csv_field(out, t < s->n_topics ? r->topics[t] : "avg");
                fprintf(out, ",%s,%.5f,%.5f,%.5f", eval_rouge_metric_name((rouge_metric)m), v->r,
                        v->p, v->f);
                if (t < s->n_topics)
                    fputs(",,\n", out);
                else
                    fprintf(out, ",%.5f,%.5f\n", s->f_lo[m], s->f_hi[m]);
            }
        }
    }
    return ferror(out) ? EIO : 0;
}

/* ---- JSON ----------------------------------------------------------------------------------- */

static json_t *json_row(const char *topic, rouge_metric m, const rouge_prf *v, const double *lo,
                        const double *hi) {
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = json_object_set_new(o, "topic", json_string(topic));
    bad |= json_object_set_new(o, "metric", json_string(eval_rouge_metric_name(m)));
    bad |= json_object_set_new(o, "r", json_real(v->r));
    bad |= json_object_set_new(o, "p", json_real(v->p));
    bad |= json_object_set_new(o, "f", json_real(v->f));
    if (lo) bad |= json_object_set_new(o, "f_lo", json_real(*lo));
    if (hi) bad |= json_object_set_new(o, "f_hi", json_real(*hi));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *report_json_build(const eval_report *r) {
    json_t *root = json_object();
    json_t *settings = json_object();
    json_t *systems = json_array();
    json_t *tests = json_array();
    if (!root || !settings || !systems || !tests) goto fail;
    int bad = 0;
    if (r->dataset) bad |= json_object_set_new(root, "dataset", json_string(r->dataset));
    if (r->command) bad |= json_object_set_new(root, "command", json_string(r->command));
    bad |= json_object_set_new(settings, "limit_words", json_integer((json_int_t)r->limit_words));
    bad |= json_object_set_new(settings, "limit_bytes", json_integer((json_int_t)r->limit_bytes));
    char pool[2] = {r->pool, '\0'};
    bad |= json_object_set_new(settings, "pool", json_string(pool));
    bad |= json_object_set_new(settings, "alpha", json_real(r->alpha));
    bad |= json_object_set_new(settings, "jackknife", json_boolean(r->jackknife));
    bad |= json_object_set_new(settings, "normalize", json_boolean(r->normalize));
    bad |= json_object_set_new(settings, "stem", json_boolean(r->stem));
    bad |= json_object_set_new(settings, "tokenized", json_boolean(r->tokenized));
    bad |= json_object_set_new(settings, "confidence", json_real(r->level));
    bad |= json_object_set_new(settings, "resamples", json_integer((json_int_t)r->resamples));
    bad |= json_object_set_new(settings, "seed", json_integer((json_int_t)r->seed));
    bad |= json_object_set_new(settings, "topics", json_integer((json_int_t)r->n_topics));
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
            for (int m = 0; m < ROUGE_N_METRICS && !bad; m++) {
                json_t *row =
                    t < s->n_topics
                        ? json_row(r->topics[t], (rouge_metric)m, &s->topic[t][m], NULL, NULL)
                        : json_row("avg", (rouge_metric)m, &s->avg[m], &s->f_lo[m], &s->f_hi[m]);
                bad |= !row || json_array_append_new(rows, row);
            }
        bad |= json_object_set_new(sys, "name", json_string(s->name));
        bad |= json_object_set_new(sys, "rows", rows);
        bad |= json_array_append_new(systems, sys);
    }
    for (size_t i = 0; i < r->n_tests && !bad; i++) {
        const eval_test_result *x = &r->tests[i];
        json_t *o = json_object();
        if (!o) goto fail;
        bad |= json_object_set_new(o, "metric", json_string(eval_rouge_metric_name(x->metric)));
        bad |= json_object_set_new(o, "a", json_string(r->systems[x->a].name));
        bad |= json_object_set_new(o, "b", json_string(r->systems[x->b].name));
        bad |= json_object_set_new(o, "f_diff", json_real(x->diff));
        bad |= json_object_set_new(o, "p_value", json_real(x->p_value));
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
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(8) | JSON_PRESERVE_ORDER);
    json_decref(root);
    fputc('\n', out);
    if (rc != 0) return EIO;
    return ferror(out) ? EIO : 0;
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
            fputc(*s, f);
        }
    }
}

/* Colour-blind-safe palette (Okabe-Ito), repeated when there are more systems. */
static const char *const svg_colours[] = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#999999", "#882255", "#44AA99", "#117733", "#332288", "#DDCC77", "#AA4499", "#88CCEE"};

int eval_report_svg(const char *path, const eval_report *r) {
    FILE *f = fopen(path, "w");
    if (!f) return errno ? errno : EIO;
    size_t ns = r->n_systems ? r->n_systems : 1;
    const double bar = 14.0, group_gap = 30.0, left = 60.0, top = 40.0, plot_h = 300.0;
    double group_w = (double)ns * bar;
    double plot_w = ROUGE_N_METRICS * group_w + (ROUGE_N_METRICS + 1) * group_gap;
    double legend_h = 18.0 * (double)ns + 10.0;
    double width = left + plot_w + 20.0, height = top + plot_h + 50.0 + legend_h;
    double ymax = 0.1;
    for (size_t i = 0; i < r->n_systems; i++)
        for (int m = 0; m < ROUGE_N_METRICS; m++) {
            if (r->systems[i].f_hi[m] > ymax) ymax = r->systems[i].f_hi[m];
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
    for (int m = 0; m < ROUGE_N_METRICS; m++) {
        double gx = left + group_gap + m * (group_w + group_gap);
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
            fprintf(f, " %s F %.4f [%.4f, %.4f]</title></rect>\n",
                    eval_rouge_metric_name((rouge_metric)m), s->avg[m].f, s->f_lo[m], s->f_hi[m]);
            double cx = x + bar / 2;
            double ylo = top + plot_h - plot_h * s->f_lo[m] / ymax;
            double yhi = top + plot_h - plot_h * s->f_hi[m] / ymax;
            fprintf(f,
                    "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" "
                    "stroke=\"black\" fill=\"none\"/>\n",
                    cx, ylo, yhi, cx - 3, ylo, cx + 3, cx - 3, yhi, cx + 3);
        }
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                gx + group_w / 2, top + plot_h + 18, eval_rouge_metric_name((rouge_metric)m));
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
    int err = ferror(f) ? EIO : 0;
    if (fclose(f) != 0 && !err) err = EIO;
    return err;
}
