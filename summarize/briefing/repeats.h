/* repeats.h - briefing stage "summarize", its repeat check: the content-word sets of the sentences
 * already in the brief, and whether a new sentence's set is at least a cosine away from all of
 * them. story.c analyses the sentences and asks; this keeps the sets and answers through an
 * inverted index of their prefixes, so that a brief of thousands of stories is not checked
 * sentence against sentence. */
#ifndef ARS_BRIEFING_REPEATS_H
#define ARS_BRIEFING_REPEATS_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/summarize.h"

typedef struct {
    double max_sim;   /* a set at least this close (cosine of two sets) to an indexed one repeats */
    const size_t *df; /* borrowed: per term id below n_df, how common it is (the prefixes' order) */
    size_t n_df;
    uint32_t *pre; /* scratch: the set being checked or added, rarest term first */
    size_t cap_pre;
    size_t *head;          /* per term id: first posting, or SIZE_MAX */
    unsigned char *in_cur; /* per term id: 1 when the set being checked holds it (kept 0) */
    size_t cap_head;
    size_t *post_sent, *post_next; /* postings of the indexed sets' prefixes */
    size_t n_post, cap_post;
    uint32_t *pool; /* every indexed set, one after another */
    size_t n_pool, cap_pool;
    size_t *set_of;              /* per indexed set: where it starts in pool */
    size_t *size_of;             /* per indexed set: its size */
    unsigned char *touched_mark; /* per indexed set: a candidate of the set being checked */
    size_t *touched;
    size_t n_sets, cap_sets;
} repeats_set;

/* An empty set of sets. max_sim in (0, 1]; df (n_df entries, may be NULL with n_df 0) orders the
 * terms, any order giving the same answers: the rarer a prefix's terms, the shorter its posting
 * lists. df must outlive s. */
void repeats_init(repeats_set *s, double max_sim, const size_t *df, size_t n_df);

/* Frees what s holds and zeroes it. NULL-safe, idempotent. */
void repeats_free(repeats_set *s);

/* *found = 1 when terms[0..n) (distinct, ascending) has a cosine of at least max_sim with an
 * indexed set: |A & B| / sqrt(|A| |B|) >= max_sim, as computed in double; else 0. An empty set
 * repeats nothing. Returns ARS_OK or ARS_ENOMEM. */
ars_status repeats_check(repeats_set *s, const uint32_t *terms, size_t n, int *found);

/* Indexes terms[0..n) (distinct, ascending) as one more set. Returns ARS_OK or ARS_ENOMEM (s
 * unchanged then). */
ars_status repeats_add(repeats_set *s, const uint32_t *terms, size_t n);

#endif
