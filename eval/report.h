/* report.h - scored systems and how they are shown: an aligned table for people, CSV and JSON
 * (jansson) for machines, and an SVG bar chart with confidence whiskers. Part of eval/, between
 * the scorer (rouge.c, stats.c) and main.c. */
#ifndef ARS_EVAL_REPORT_H
#define ARS_EVAL_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "eval/rouge.h"

/* One system's scores on the topics of a dataset. */
typedef struct {
    char *name;                                          /* owned */
    size_t n_topics;                                     /* same order as eval_report.topics */
    rouge_prf (*topic)[ROUGE_N_METRICS];                 /* owned, n_topics rows */
    rouge_prf avg[ROUGE_N_METRICS];                      /* macro averages over topics */
    double f_lo[ROUGE_N_METRICS], f_hi[ROUGE_N_METRICS]; /* bootstrap interval of avg F */
} eval_system;

/* One paired significance test between systems a and b on one metric's F. */
typedef struct {
    size_t a, b;
    rouge_metric metric;
    double diff; /* mean F of a minus mean F of b */
    double p_value;
    const char *method; /* "randomization" or "bootstrap" (static string) */
} eval_test_result;

typedef struct {
    const char *dataset; /* path as given */
    char **topics;       /* borrowed names, n_topics */
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
    int per_topic;       /* also print per-topic rows in the text table */
    const char *command; /* the command line, for the JSON record; may be NULL */
} eval_report;

/* Fills avg, f_lo and f_hi of s from its topic rows. Returns 0 or ENOMEM. */
int eval_system_summarize(eval_system *s, size_t resamples, double level, unsigned long long seed);
void eval_system_free(eval_system *s);

/* Writers. Each returns 0, or EIO when the stream reports an error (ENOMEM for JSON). */
int eval_report_text(FILE *out, const eval_report *r);
int eval_report_csv(FILE *out, const eval_report *r);
int eval_report_json(FILE *out, const eval_report *r);

/* Writes a self-contained SVG grouped bar chart (one group per metric, one bar per system, F with
 * its interval as a whisker) to path. Returns 0 or an errno value. */
int eval_report_svg(const char *path, const eval_report *r);

#endif
