/* rouge.c - ROUGE-N, summary-level ROUGE-L and ROUGE-SU4 as the ROUGE-1.5.5 script computes them:
 * clipped gram counts per reference, -f A sums hits and counts, -f B keeps the reference with the
 * best recall (rounded to 5 decimals for N and SU as the script compares them), and the union-LCS
 * hit count that spends each token's unused count once. Part of eval/, above text.c. */
#include "eval/rouge.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Skip-bigram gap of ROUGE-SU4: at most 4 tokens between the two words. */
#define ROUGE_SKIP 4
/* Key space: a bigram is (a << 32 | b); a SU unigram uses the high half 0xFFFFFFFF, which no token
 * id reaches (the vocabulary stops below UINT32_MAX - 1). */
#define ROUGE_UNIGRAM_TAG ((uint64_t)0xFFFFFFFFu << 32)

static const char *const rouge_names[ROUGE_N_METRICS] = {"rouge-1", "rouge-2", "rouge-l",
                                                         "rouge-su4"};

const char *eval_rouge_metric_name(rouge_metric m) {
    return (unsigned)m < ROUGE_N_METRICS ? rouge_names[m] : "rouge-?";
}

void eval_rouge_options_init(rouge_options *o) {
    o->pool = ROUGE_POOL_AVERAGE;
    o->alpha = 0.5;
    o->jackknife = 0;
}

double eval_rouge_f(double r, double p, double alpha) {
    double den = (1.0 - alpha) * p + alpha * r;
    return den > 0 ? r * p / den : 0.0;
}

/* ---- gram bags: sorted unique keys with counts ------------------------------------------- */

typedef struct {
    uint64_t *key;
    uint32_t *count;
    size_t n;     /* distinct keys */
    size_t total; /* grams counted, ROUGE-1.5.5's _cn_ */
} rouge_bag;

static void rouge_bag_free(rouge_bag *b) {
    free(b->key);
    free(b->count);
    memset(b, 0, sizeof *b);
}

static int rouge_cmp_key(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Number of grams metric m makes from t tokens. */
static size_t rouge_gram_total(rouge_metric m, size_t t) {
    switch (m) {
    case ROUGE_1:
    case ROUGE_L:
        return t;
    case ROUGE_2:
        return t >= 2 ? t - 1 : 0;
    case ROUGE_SU4: {
        /* ROUGE-1.5.5 loops i over all tokens but the last: one unigram plus the skip-bigrams
         * (i, j) with j - i <= ROUGE_SKIP + 1 for each. */
        size_t total = 0;
        for (size_t i = 0; i + 1 < t; i++) {
            size_t last = i + ROUGE_SKIP + 1 < t - 1 ? i + ROUGE_SKIP + 1 : t - 1;
            total += 1 + (last - i);
        }
        return total;
    }
    default:
        return 0;
    }
}

static int rouge_bag_build(rouge_bag *b, const eval_text *t, rouge_metric m) {
    memset(b, 0, sizeof *b);
    size_t total = rouge_gram_total(m, t->n_tokens);
    b->total = total;
    if (total == 0) return 0;
    uint64_t *keys = malloc(total * sizeof *keys);
    if (!keys) return ENOMEM;
    size_t k = 0;
    const uint32_t *tok = t->tok;
    size_t n = t->n_tokens;
    if (m == ROUGE_1 || m == ROUGE_L) {
        for (size_t i = 0; i < n; i++)
            keys[k++] = tok[i];
    } else if (m == ROUGE_2) {
        for (size_t i = 0; i + 1 < n; i++)
            keys[k++] = (uint64_t)tok[i] << 32 | tok[i + 1];
    } else {
        for (size_t i = 0; i + 1 < n; i++) {
            keys[k++] = ROUGE_UNIGRAM_TAG | tok[i];
            for (size_t j = i + 1; j < n && j <= i + ROUGE_SKIP + 1; j++)
                keys[k++] = (uint64_t)tok[i] << 32 | tok[j];
        }
    }
    qsort(keys, k, sizeof *keys, rouge_cmp_key);
    uint32_t *count = malloc(k * sizeof *count);
    if (!count) {
        free(keys);
        return ENOMEM;
    }
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u > 0 && keys[u - 1] == keys[i]) {
            count[u - 1]++;
        } else {
            keys[u] = keys[i];
            count[u] = 1;
            u++;
        }
    }
    b->key = keys;
    b->count = count;
    b->n = u;
    return 0;
}

static size_t rouge_bag_hits(const rouge_bag *model, const rouge_bag *peer) {
    size_t i = 0, j = 0, hits = 0;
    while (i < model->n && j < peer->n) {
        if (model->key[i] < peer->key[j]) {
            i++;
        } else if (model->key[i] > peer->key[j]) {
            j++;
        } else {
            hits += model->count[i] < peer->count[j] ? model->count[i] : peer->count[j];
            i++;
            j++;
        }
    }
    return hits;
}

static size_t rouge_bag_find(const rouge_bag *b, uint64_t key) {
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->key[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->n && b->key[lo] == key ? lo : (size_t)-1;
}

/* ---- summary-level union LCS ---------------------------------------------------------------- */

typedef struct {
    uint32_t *c;   /* LCS lengths, (m+1) x (n+1) */
    uint8_t *dir;  /* back pointers */
    size_t cap;    /* cells allocated */
    uint8_t *mask; /* model positions on some LCS */
    size_t mask_cap;
} rouge_scratch;

enum { DIR_DIAG = 1, DIR_UP = 2, DIR_LEFT = 3 };

static int rouge_scratch_reserve(rouge_scratch *s, size_t cells, size_t m) {
    if (cells > s->cap) {
        uint32_t *c = realloc(s->c, cells * sizeof *c);
        if (!c) return ENOMEM;
        s->c = c;
        uint8_t *d = realloc(s->dir, cells);
        if (!d) return ENOMEM;
        s->dir = d;
        s->cap = cells;
    }
    if (m > s->mask_cap) {
        uint8_t *k = realloc(s->mask, m);
        if (!k) return ENOMEM;
        s->mask = k;
        s->mask_cap = m;
    }
    return 0;
}

/* Marks in mask the model positions of one LCS of model[0..m) and peer[0..n). The DP's tie-breaks
 * (a match goes diagonal; otherwise up when the upper cell is not smaller) and the walk back from
 * the corner follow ROUGE-1.5.5, so the same positions are marked when several LCSs exist. */
static void rouge_lcs_mark(rouge_scratch *s, const uint32_t *model, size_t m, const uint32_t *peer,
                           size_t n) {
    size_t w = n + 1;
    uint32_t *c = s->c;
    uint8_t *dir = s->dir;
    for (size_t j = 0; j <= n; j++)
        c[j] = 0;
    for (size_t i = 1; i <= m; i++) {
        c[i * w] = 0;
        for (size_t j = 1; j <= n; j++) {
            size_t at = i * w + j;
            if (model[i - 1] == peer[j - 1]) {
                c[at] = c[at - w - 1] + 1;
                dir[at] = DIR_DIAG;
            } else if (c[at - w] >= c[at - 1]) {
                c[at] = c[at - w];
                dir[at] = DIR_UP;
            } else {
                c[at] = c[at - 1];
                dir[at] = DIR_LEFT;
            }
        }
    }
    size_t i = m, j = n;
    while (i != 0 && j != 0) {
        uint8_t d = dir[i * w + j];
        if (d == DIR_DIAG) {
            i--;
            j--;
            s->mask[i] = 1;
        } else if (d == DIR_UP) {
            i--;
        } else {
            j--;
        }
    }
}

/* Union-LCS hits of one reference: for each reference sentence, the union of its LCS positions
 * with every candidate sentence; a marked token is a hit only while it has unused count in both
 * the reference and the candidate (ROUGE-1.5.5 1.4.1's clip against over-counting). */
static int rouge_lcs_counts(const eval_text *model, const eval_text *peer, rouge_scratch *s,
                            rouge_counts *out) {
    rouge_bag mb, pb;
    int rc = rouge_bag_build(&mb, model, ROUGE_1);
    if (rc) return rc;
    rc = rouge_bag_build(&pb, peer, ROUGE_1);
    if (rc) {
        rouge_bag_free(&mb);
        return rc;
    }
    size_t hit = 0, base = 0;
    for (size_t si = 0; si < model->n_sents && rc == 0; si++) {
        size_t ms = si ? model->sent_end[si - 1] : 0;
        size_t m = model->sent_end[si] - ms;
        base += m;
        if (m == 0) continue;
        const uint32_t *mt = model->tok + ms;
        if ((rc = rouge_scratch_reserve(s, 0, m)) != 0) break;
        memset(s->mask, 0, m);
        for (size_t pj = 0; pj < peer->n_sents; pj++) {
            size_t ps = pj ? peer->sent_end[pj - 1] : 0;
            size_t n = peer->sent_end[pj] - ps;
            if (n == 0) continue;
            if (m + 1 > SIZE_MAX / (n + 1) / sizeof(uint32_t)) {
                rc = ENOMEM;
                break;
            }
            if ((rc = rouge_scratch_reserve(s, (m + 1) * (n + 1), m)) != 0) break;
            rouge_lcs_mark(s, mt, m, peer->tok + ps, n);
        }
        if (rc) break;
        for (size_t k = 0; k < m; k++) {
            if (!s->mask[k]) continue;
            size_t a = rouge_bag_find(&mb, mt[k]);
            size_t b = rouge_bag_find(&pb, mt[k]);
            if (a == (size_t)-1 || b == (size_t)-1) continue;
            if (mb.count[a] > 0 && pb.count[b] > 0) {
                hit++;
                mb.count[a]--;
                pb.count[b]--;
            }
        }
    }
    out->hit = (double)hit;
    out->model = (double)base;
    out->peer = (double)peer->n_tokens;
    rouge_bag_free(&mb);
    rouge_bag_free(&pb);
    return rc;
}

/* Recall rounded to 5 decimals the way the script's sprintf("%7.5f") does it, for -f B. */
static double rouge_round5(double x) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.5f", x);
    return strtod(buf, NULL);
}

static void rouge_finish(const rouge_counts *c, double alpha, rouge_prf *out) {
    out->r = c->model > 0 ? c->hit / c->model : 0.0;
    out->p = c->peer > 0 ? c->hit / c->peer : 0.0;
    out->f = eval_rouge_f(out->r, out->p, alpha);
}

int eval_rouge_metric(const eval_text *peer, const eval_text *refs, size_t n_refs, rouge_metric m,
                      const rouge_options *o, rouge_prf *out, rouge_counts *counts) {
    rouge_counts total = {0, 0, 0};
    double best = -1.0;
    rouge_bag pb = {0};
    rouge_scratch s = {0};
    int rc = 0;
    if (m != ROUGE_L && (rc = rouge_bag_build(&pb, peer, m)) != 0) return rc;
    for (size_t r = 0; r < n_refs; r++) {
        rouge_counts c;
        double score;
        if (m == ROUGE_L) {
            if ((rc = rouge_lcs_counts(&refs[r], peer, &s, &c)) != 0) break;
            score = c.model > 0 ? c.hit / c.model : 0.0;
        } else {
            rouge_bag mb;
            if ((rc = rouge_bag_build(&mb, &refs[r], m)) != 0) break;
            c.hit = (double)rouge_bag_hits(&mb, &pb);
            c.model = (double)mb.total;
            c.peer = (double)pb.total;
            rouge_bag_free(&mb);
            score = c.model > 0 ? rouge_round5(c.hit / c.model) : 0.0;
        }
        if (o->pool == ROUGE_POOL_BEST) {
            /* Strictly better only: on a tie the earlier reference stays, as in the script. */
            if (score > best) {
                best = score;
                total = c;
            }
        } else {
            total.hit += c.hit;
            total.model += c.model;
            total.peer += c.peer;
        }
    }
    rouge_bag_free(&pb);
    free(s.c);
    free(s.dir);
    free(s.mask);
    if (rc) return rc;
    rouge_finish(&total, o->alpha, out);
    if (counts) *counts = total;
    return 0;
}

int eval_rouge_score(const eval_text *peer, const eval_text *refs, size_t n_refs,
                     const rouge_options *o, rouge_prf out[ROUGE_N_METRICS]) {
    if (!o->jackknife || n_refs < 2) {
        for (int m = 0; m < ROUGE_N_METRICS; m++) {
            int rc = eval_rouge_metric(peer, refs, n_refs, (rouge_metric)m, o, &out[m], NULL);
            if (rc) return rc;
        }
        return 0;
    }
    /* Jackknifing (Lin 2004; ROUGE before 1.4): the mean of the M scores against each set of M-1
     * references, so that systems are comparable with a human scored against the others. */
    eval_text *subset = malloc((n_refs - 1) * sizeof *subset);
    if (!subset) return ENOMEM;
    for (int m = 0; m < ROUGE_N_METRICS; m++)
        out[m] = (rouge_prf){0, 0, 0};
    int rc = 0;
    for (size_t leave = 0; leave < n_refs && rc == 0; leave++) {
        size_t k = 0;
        for (size_t r = 0; r < n_refs; r++)
            if (r != leave) subset[k++] = refs[r];
        for (int m = 0; m < ROUGE_N_METRICS && rc == 0; m++) {
            rouge_prf one;
            rc = eval_rouge_metric(peer, subset, n_refs - 1, (rouge_metric)m, o, &one, NULL);
            out[m].r += one.r;
            out[m].p += one.p;
            out[m].f += one.f;
        }
    }
    free(subset);
    if (rc) return rc;
    for (int m = 0; m < ROUGE_N_METRICS; m++) {
        out[m].r /= (double)n_refs;
        out[m].p /= (double)n_refs;
        out[m].f /= (double)n_refs;
    }
    return 0;
}
