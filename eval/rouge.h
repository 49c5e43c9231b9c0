/* rouge.h - the ROUGE family with the arithmetic of the ROUGE-1.5.5 script: ROUGE-N for any N,
 * summary-level ROUGE-L (union LCS), ROUGE-W (union weighted LCS) and ROUGE-S/SU (skip-bigrams,
 * with or without unigrams, any gap), clipped counts, -f A pooling or -f B best reference,
 * alpha-weighted F, on texts of interned token ids. Part of eval/, above text.c; no I/O. */
#ifndef ARS_EVAL_ROUGE_H
#define ARS_EVAL_ROUGE_H

#include <stddef.h>

#include "eval/text.h"

typedef enum {
    ROUGE_KIND_N = 0, /* n-gram co-occurrence (ROUGE-1.5.5 -n) */
    ROUGE_KIND_L = 1, /* summary-level union LCS (on unless -x) */
    ROUGE_KIND_W = 2, /* summary-level union weighted LCS (-w WEIGHT) */
    ROUGE_KIND_S = 3  /* skip-bigrams (-2 GAP), with unigrams for ROUGE-SU (-u, -U) */
} rouge_kind;

/* A skip-bigram gap without limit (ROUGE-1.5.5 -2 with a negative value: ROUGE-S*). */
#define ROUGE_GAP_ANY (-1)

/* Longest metric name written by eval_rouge_metric_name, with its NUL. */
#define ROUGE_NAME_MAX 40

/* One metric. Build it with the constructors below rather than field by field. */
typedef struct {
    rouge_kind kind;
    int n;        /* N: gram length >= 1. S: most words skipped between the two, or ROUGE_GAP_ANY */
    int unigrams; /* S: also count unigrams (ROUGE-SU) */
    double weight; /* W: a run of k consecutive matches weighs k^weight (> 0; 1.2 usual) */
} rouge_metric;

rouge_metric eval_rouge_n(int n);
rouge_metric eval_rouge_l(void);
rouge_metric eval_rouge_w(double weight);
rouge_metric eval_rouge_s(int gap, int unigrams);

/* The set scored when no metric is asked for: ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-SU4, in that
 * order, written to out[0..4). Returns 4. */
#define ROUGE_DEFAULT_METRICS 4
size_t eval_rouge_default_metrics(rouge_metric out[ROUGE_DEFAULT_METRICS]);

/* Writes the metric's name to buf (cap bytes, at least ROUGE_NAME_MAX) and returns buf.
 * Lower case (upper == 0) as in every output of the harness: "rouge-2", "rouge-l",
 * "rouge-w-1.2", "rouge-s4", "rouge-su4", "rouge-s*", "rouge-su*"; upper case (upper == 1) as
 * ROUGE-1.5.5 tags its output lines: "ROUGE-2", "ROUGE-W-1.2", "ROUGE-SU*". */
const char *eval_rouge_metric_name(const rouge_metric *m, int upper, char *buf, size_t cap);

/* Parses a lower- or upper-case name as written above. Returns 0, or -1 when s names no metric. */
int eval_rouge_metric_parse(const char *s, rouge_metric *m);

/* 1 when a and b are the same metric. */
int eval_rouge_metric_equal(const rouge_metric *a, const rouge_metric *b);

typedef enum {
    ROUGE_POOL_AVERAGE = 0, /* ROUGE-1.5.5 -f A: hits and counts summed over the references */
    ROUGE_POOL_BEST = 1     /* ROUGE-1.5.5 -f B: the reference with the best recall */
} rouge_pool;

typedef struct {
    rouge_pool pool;
    double alpha;  /* F = 1 / (alpha/P + (1-alpha)/R); 0.5 = harmonic mean (ROUGE-1.5.5 -p) */
    int jackknife; /* with M > 1 references: mean of the M scores over leave-one-out subsets */
} rouge_options;

/* Fills *o with: pool A, alpha 0.5, no jackknifing. */
void eval_rouge_options_init(rouge_options *o);

typedef struct {
    double r, p, f;
} rouge_prf;

/* Raw counts of one peer/reference-set comparison (after pooling): recall = hit / model,
 * precision = hit / peer (for ROUGE-W, the weighted hit and lengths, before the inverse
 * weighting). */
typedef struct {
    double hit, model, peer;
} rouge_counts;

/* Scores one system summary against n_refs references (n_refs >= 1; an empty text is allowed) on
 * each of metrics[0..n_metrics) and writes out[0..n_metrics). Token ids only need to be
 * comparable across the given texts. Returns 0 or ENOMEM. */
int eval_rouge_score(const eval_text *peer, const eval_text *refs, size_t n_refs,
                     const rouge_options *o, const rouge_metric *metrics, size_t n_metrics,
                     rouge_prf *out);

/* One metric without jackknifing, with the pooled counts (for the oracle's greedy search, which
 * wants ROUGE-2 recall many times). counts may be NULL. Returns 0 or ENOMEM. */
int eval_rouge_metric(const eval_text *peer, const eval_text *refs, size_t n_refs,
                      const rouge_metric *m, const rouge_options *o, rouge_prf *out,
                      rouge_counts *counts);

/* F from recall and precision as ROUGE-1.5.5 computes it (0 when the denominator is 0). */
double eval_rouge_f(double r, double p, double alpha);

#endif
