/* rouge.h - ROUGE-1, ROUGE-2, ROUGE-L (summary level, union LCS) and ROUGE-SU4 with the arithmetic
 * of the ROUGE-1.5.5 script (clipped counts, -f A pooling or -f B best reference, alpha-weighted
 * F), on texts of interned token ids. Part of eval/, above text.c; no I/O. */
#ifndef ARS_EVAL_ROUGE_H
#define ARS_EVAL_ROUGE_H

#include <stddef.h>

#include "eval/text.h"

typedef enum {
    ROUGE_1 = 0,
    ROUGE_2 = 1,
    ROUGE_L = 2,
    ROUGE_SU4 = 3,
    ROUGE_N_METRICS = 4
} rouge_metric;

/* Lower-case names used in every output: "rouge-1", "rouge-2", "rouge-l", "rouge-su4". */
const char *eval_rouge_metric_name(rouge_metric m);

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
 * precision = hit / peer. */
typedef struct {
    double hit, model, peer;
} rouge_counts;

/* Scores one system summary against n_refs references (n_refs >= 1; an empty text is allowed) and
 * writes the four metrics to out[ROUGE_N_METRICS]. Token ids only need to be comparable across
 * the given texts. Returns 0 or ENOMEM. */
int eval_rouge_score(const eval_text *peer, const eval_text *refs, size_t n_refs,
                     const rouge_options *o, rouge_prf out[ROUGE_N_METRICS]);

/* One metric without jackknifing, with the pooled counts (for the oracle's greedy search, which
 * wants ROUGE-2 recall many times). counts may be NULL. Returns 0 or ENOMEM. */
int eval_rouge_metric(const eval_text *peer, const eval_text *refs, size_t n_refs, rouge_metric m,
                      const rouge_options *o, rouge_prf *out, rouge_counts *counts);

/* F from recall and precision as ROUGE-1.5.5 computes it (0 when the denominator is 0). */
double eval_rouge_f(double r, double p, double alpha);

#endif
