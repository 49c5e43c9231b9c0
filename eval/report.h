/* report.h - scored systems and how they are shown: an aligned table for people, CSV and JSON
 * (jansson) for machines, ROUGE-1.5.5's text layout for its parsers, and an SVG bar chart with
 * confidence whiskers. Part of eval/, between the scorer (rouge.c, stats.c) and main.c. */
#ifndef ARS_EVAL_REPORT_H
#define ARS_EVAL_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "eval/meta.h"
#include "eval/rouge.h"

/* One system's scores on the topics of a dataset, for each metric of the report. */
typedef struct {
    char *name;                 /* owned */
    size_t n_topics, n_metrics; /* topics in the order of eval_report.topics */
    rouge_prf *topic;           /* owned: topic t, metric m at [t * n_metrics + m] */
    rouge_prf *avg;             /* owned, n_metrics: macro averages over topics */
    rouge_prf *lo, *hi;         /* owned, n_metrics: bootstrap interval of each average R, P, F */
} eval_system;

/* Score of topic t on metric m. */
static inline rouge_prf *eval_system_at(const eval_system *s, size_t t, size_t m) {
    return &s->topic[t * s->n_metrics + m];
}

/* One paired significance test between systems a and b on one metric's F. */
typedef struct {
    size_t a, b;
    size_t metric; /* index into eval_report.metrics */
    double diff;   /* mean F of a minus mean F of b */
    double p_value;
    const char *method; /* "randomization" or "bootstrap" (static string) */
} eval_test_result;

typedef struct {
    const char *dataset;         /* path as given */
    const rouge_metric *metrics; /* borrowed, n_metrics, the columns of every system */
    size_t n_metrics;
    char **topics; /* borrowed names, n_topics */
    size_t n_topics;
    eval_system *systems; /* borrowed */
    size_t n_systems;
    eval_test_result *tests; /* borrowed, may be NULL */
    size_t n_tests;
    /* settings, echoed in the outputs */
    size_t limit_words, limit_bytes;
    char pool; /* 'A' or 'B' */
    double alpha, level;
    int jackknife, stem, normalize, tokenized;
    size_t resamples;
    unsigned long long seed;
    int per_topic;       /* also print per-topic rows (text) or per-evaluation lines (rouge155) */
    const char *command; /* the command line, for the JSON record; may be NULL */
} eval_report;

/* Sets *s up for n_topics x n_metrics zero scores under a copy of name. Returns 0 or ENOMEM (then
 * eval_system_free is still safe). */
int eval_system_init(eval_system *s, const char *name, size_t n_topics, size_t n_metrics);

/* Fills avg, lo and hi of s from its topic rows. R, P and F of every metric are resampled with
 * the same seed, hence the same topic sets, as ROUGE-1.5.5 resamples its (R, P, F) triples.
 * Returns 0 or ENOMEM. */
int eval_system_summarize(eval_system *s, size_t resamples, double level, unsigned long long seed);
void eval_system_free(eval_system *s);

/* The scoring settings of r as one line for people ("limit 250 words; references pooled -f A;
 * alpha 0.50; tokens normalised") into buf (cap bytes). Returns the length it needed. */
size_t eval_report_scoring(const eval_report *r, char *buf, size_t cap);

/* Writers. Each returns 0, or EIO when the stream reports an error (ENOMEM for JSON). */
int eval_report_text(FILE *out, const eval_report *r);
int eval_report_csv(FILE *out, const eval_report *r);
int eval_report_json(FILE *out, const eval_report *r);

/* ROUGE-1.5.5's own text layout, so that its parsers read it: for each system and metric a
 * dashed rule and three lines "NAME ROUGE-2 Average_R: 0.12345 (95%-conf.int. 0.10000 -
 * 0.20000)" (then _P, _F); with per_topic (ROUGE-1.5.5 -d) a dotted rule and one line per topic,
 * "NAME ROUGE-2 Eval TOPIC.NAME R:0.12345 P:0.12345 F:0.12345". Values are printed as the script
 * prints them (%7.5f); the average is the macro average over topics. */
int eval_report_rouge155(FILE *out, const eval_report *r);

/* One candidate against its references (score): r has one system with one topic. Text: a line on
 * the settings and a metric / R / P / F table; CSV: metric,r,p,f; JSON: the candidate, the
 * references, the settings and {"rouge-1": {"r", "p", "f"}, ...}. Return 0, ENOMEM or EIO. */
int eval_report_pair_text(FILE *out, const eval_report *r, const char *candidate, size_t n_refs);
int eval_report_pair_csv(FILE *out, const eval_report *r);
int eval_report_pair_json(FILE *out, const eval_report *r, const char *candidate, char *const *refs,
                          size_t n_refs);

/* Meta-evaluation tables. CSV: metric,level,pearson,spearman,kendall,pearson_lo,pearson_hi,
 * spearman_lo,spearman_hi,kendall_lo,kendall_hi, one row per metric and level (system, then
 * summary), an undefined value an empty field. Text: the same as an aligned Markdown table after a
 * line on the settings. Return 0, ENOMEM or EIO. */
int eval_report_meta_csv(FILE *out, const eval_meta_report *r);
int eval_report_meta_text(FILE *out, const eval_meta_report *r);

/* Writes a self-contained SVG grouped bar chart (one group per metric, one bar per system, F with
 * its interval as a whisker) to f (neither flushed nor closed: main.c writes it through
 * summarize/cli/outfile.c). Returns 0 or EIO. */
int eval_report_svg(FILE *f, const eval_report *r);

#endif
