/* stories.h - part of pipeline stage "select": which articles tell a story that another article
 * in the summary already tells. Over a morning of many stories, two outlets' accounts of one
 * event are worded differently enough that their sentences pass the selector's cosine cap
 * (select.h), and a short brief printed the same news two or three times. The selector
 * therefore takes another outlet's account of a story only once every other story has had its
 * turn (select_params.stories), and this unit says which articles are one story.
 *
 * Two articles are one story when the cosine of their vectors (the sums of their candidates'
 * TF-IDF rows, unit length) is at least STORIES_MIN_COSINE and at least STORIES_OVER_MEDIAN
 * times the median cosine of the pairs of the input's articles. Both parts matter. In a cluster
 * on one topic (a MultiLing cluster, the seeds) every pair is alike and none stands far above the
 * median (at most 3.7 times it in the development clusters): no two articles are linked, and the
 * selection is what it is without stories. In a morning of many stories most pairs share
 * nothing, and two outlets' accounts of one event stand 10 to 30 times above the median
 * (docs/EVALUATION.md, "One story at a time"). The median, not the mean: in a small morning
 * (eight articles, four stories) the pairs of one story weigh on the mean enough to hide some of
 * them. An input of two articles never links them: their one pair is the median. */
#ifndef ARS_RANK_STORIES_H
#define ARS_RANK_STORIES_H

#include <stddef.h>

#include "summarize/summarize.h"
#include "vectors/tfidf.h"

/* The cosine two articles need to be one story, whatever the input: the briefing's own story
 * threshold (ars_briefing_options.threshold's default). */
#define STORIES_MIN_COSINE 0.2
/* ... and how far above the median cosine of the input's pairs of articles. */
#define STORIES_OVER_MEDIAN 5.0
/* The median is of every pair up to this many pairs (91 articles), else of this many pairs drawn
 * by a fixed generator: a few milliseconds at any size, the same pairs on every run. */
#define STORIES_MEDIAN_PAIRS 4096

typedef struct stories stories;

/* The stories of the n_docs articles whose candidates are the rows of x: row r belongs to article
 * doc_of[r] (< n_docs; an article's rows are contiguous, as the summarizer lays them out). An
 * article without rows is no story's. Costs O(nnz(x) + n_cols) time and memory, and at most
 * STORIES_MEDIAN_PAIRS cosines. Returns ARS_OK
 * with *out (free with stories_free), or ARS_ENOMEM. */
ars_status stories_new(const tfidf_matrix *x, const size_t *doc_of, size_t n_docs, stories **out);

/* Frees s; NULL-safe. */
void stories_free(stories *s);

/* The cosine two articles need to be one story in this input (see above). */
double stories_link(const stories *s);

/* Whether article d's story is already told by another article: its cosine to an added article
 * other than d is at least stories_link(s). An article's own sentences never tell its story
 * for it: its second sentence is no other outlet's account. */
int stories_told(const stories *s, size_t d);

/* Article d has a sentence in the summary now: every other article of its story is told. Visits
 * only the articles that share a term with d, and each told article leaves the index once, so a
 * run costs at most O(nnz) per added article and usually far less. */
void stories_add(stories *s, size_t d);

#endif
