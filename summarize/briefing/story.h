/* story.h - briefing stages "rank stories", "summarize" and "headline": turns the clusters of
 * cluster.c into ranked stories, each summarized by an ars_summarizer over its own articles, with
 * a headline, and with no sentence repeating one of a higher-ranked story. Called by briefing.c;
 * owns the result views the public API hands out. */
#ifndef ARS_BRIEFING_STORY_H
#define ARS_BRIEFING_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/analyze.h"
#include "summarize/summarize.h"
#include "vectors/tfidf.h"
#include "vectors/vocab.h"

/* A story's score is (outlets + STORY_EXTRA_ARTICLE_WEIGHT * further articles from the same
 * outlets) * recency, recency = 1/2 + 1/2 * 2^(-age / STORY_HALF_LIFE_HOURS), where age is how
 * much older the story's latest article is than the newest article of the input (1 when times
 * are unknown). A story carried by more outlets leads; among equals the fresher one. */
#define STORY_EXTRA_ARTICLE_WEIGHT 0.5
#define STORY_HALF_LIFE_HOURS      24.0

/* One article as the story stage needs it; strings are borrowed for the call. */
typedef struct {
    const char *name;
    const char *bytes;
    size_t len;
    const char *title;  /* NULL when none */
    const char *source; /* NULL when unknown */
    int64_t time;       /* ARS_TIME_UNKNOWN when unknown */
    int year;           /* the year of time, or the one its text dates it to; 0 = unknown */
    size_t cluster;     /* from cluster_centroid_link */
} story_article;

typedef struct {
    size_t max_stories; /* 0 = all */
    double max_sim;     /* a sentence this close (cosine of content-word sets) to one already in
                           the brief is dropped */
    void (*progress)(void *ctx, const char *stage, size_t done, size_t total);
    void *progress_ctx;
} story_params;

/* What story_build publishes: the public views and the memory behind them. */
typedef struct story_owned story_owned;
typedef struct {
    ars_story *stories;
    size_t n_stories; /* published */
    size_t n_total;   /* stories found (clusters with usable text, before max_stories) */
    size_t *story_of; /* per article: its story, or SIZE_MAX */
    char **titles;    /* per article: its title (owned copy) or NULL */
    story_owned *owned;
    size_t n_articles;
} story_result;

/* Takes the n_clusters clusters of arts[0..n) (x: their document vectors, row i = article i),
 * makes each article about an older event than the rest of its cluster (rank_older_documents,
 * the summarizer's own test, on the articles' years and their centrality in the cluster) a
 * cluster of its own, ranks the clusters, then, best first, summarizes each with sum (reset and
 * reused; its options are the story summaries'), chooses its headline and drops sentences that
 * repeat earlier stories (analysed with an into voc), until max_stories stories have a summary. A
 * cluster whose articles yield no sentence (ARS_EEMPTY, or none fits the budget) is not a story.
 * Fills *out (free with story_result_free). Returns ARS_OK, ARS_ENOMEM, ARS_EEMPTY (no story at
 * all: "no usable sentence in N articles"), or what the summarizer failed with. */
ars_status story_build(const story_article *arts, size_t n, size_t n_clusters,
                       const tfidf_matrix *x, ars_summarizer *sum, analyzer *an, vocab *voc,
                       const story_params *p, story_result *out, ars_error *err);

/* Frees what story_build published and zeroes *r. Safe on a zeroed or freed result. */
void story_result_free(story_result *r);

#endif
