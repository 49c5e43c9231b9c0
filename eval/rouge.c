/* rouge.c - ROUGE-N, summary-level ROUGE-L and ROUGE-W, and ROUGE-S/SU as the ROUGE-1.5.5 script
 * computes them: clipped gram counts per reference, -f A sums hits and counts, -f B keeps the
 * reference with the best recall (rounded to 5 decimals for N and S as the script compares them),
 * and the union-(W)LCS hit count that spends each token's unused count once. Part of eval/,
 * above text.c. */
#include "eval/rouge.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Key space: a bigram is (a << 32 | b); a SU unigram uses the high half 0xFFFFFFFF, which no token
 * id reaches (the vocabulary stops below UINT32_MAX - 1). An n-gram with n >= 3 is (p << 32 | b)
 * with p the id of its first n - 1 tokens in a gram vocabulary shared by the texts compared. */
#define ROUGE_UNIGRAM_TAG ((uint64_t)0xFFFFFFFFu << 32)

rouge_metric eval_rouge_n(int n) {
    rouge_metric m = {ROUGE_KIND_N, n, 0, 0.0};
    return m;
}

rouge_metric eval_rouge_l(void) {
    rouge_metric m = {ROUGE_KIND_L, 0, 0, 0.0};
    return m;
}

rouge_metric eval_rouge_w(double weight) {
    /* A metric is known by its tag, which prints the weight as Perl does (%.15g, see
     * eval_rouge_metric_name): the weight is kept as its tag reads, so that a name always parses
     * back to the same metric (fuzz_cli_parse found 1.11844674471846474, which the tag rounds). */
    char tag[40];
    snprintf(tag, sizeof tag, "%.15g", weight);
    rouge_metric m = {ROUGE_KIND_W, 0, 0, strtod(tag, NULL)};
    return m;
}

rouge_metric eval_rouge_s(int gap, int unigrams) {
    rouge_metric m = {ROUGE_KIND_S, gap < 0 ? ROUGE_GAP_ANY : gap, unigrams != 0, 0.0};
    return m;
}

size_t eval_rouge_default_metrics(rouge_metric out[ROUGE_DEFAULT_METRICS]) {
    out[0] = eval_rouge_n(1);
    out[1] = eval_rouge_n(2);
    out[2] = eval_rouge_l();
    out[3] = eval_rouge_s(4, 1);
    return ROUGE_DEFAULT_METRICS;
}

int eval_rouge_metric_equal(const rouge_metric *a, const rouge_metric *b) {
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case ROUGE_KIND_N:
        return a->n == b->n;
    case ROUGE_KIND_W:
        return a->weight == b->weight;
    case ROUGE_KIND_S:
        return a->n == b->n && a->unigrams == b->unigrams;
    default:
        return 1;
    }
}

const char *eval_rouge_metric_name(const rouge_metric *m, int upper, char *buf, size_t cap) {
    const char *pre = upper ? "ROUGE-" : "rouge-";
    switch (m->kind) {
    case ROUGE_KIND_N:
        snprintf(buf, cap, "%s%d", pre, m->n);
        break;
    case ROUGE_KIND_L:
        snprintf(buf, cap, "%s%s", pre, upper ? "L" : "l");
        break;
    case ROUGE_KIND_W:
        /* %.15g is how Perl prints a number, so "1.2" reads as in ROUGE-1.5.5's tag. */
        snprintf(buf, cap, "%s%s-%.15g", pre, upper ? "W" : "w", m->weight);
        break;
    case ROUGE_KIND_S: {
        const char *s = m->unigrams ? (upper ? "SU" : "su") : (upper ? "S" : "s");
        if (m->n < 0)
            snprintf(buf, cap, "%s%s*", pre, s);
        else
            snprintf(buf, cap, "%s%s%d", pre, s, m->n);
        break;
    }
    default:
        snprintf(buf, cap, "%s?", pre);
    }
    return buf;
}

/* A whole number of at most 6 digits at s; -1 when there is none or more follows. */
static int rouge_parse_count(const char *s) {
    int v = 0, k = 0;
    for (; s[k] >= '0' && s[k] <= '9'; k++) {
        if (k == 6) return -1;
        v = v * 10 + (s[k] - '0');
    }
    return k > 0 && s[k] == '\0' ? v : -1;
}

static char rouge_lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int eval_rouge_metric_parse(const char *s, rouge_metric *m) {
    char low[ROUGE_NAME_MAX];
    size_t len = strlen(s);
    if (len >= sizeof low) return -1;
    for (size_t i = 0; i <= len; i++)
        low[i] = rouge_lower(s[i]);
    if (strncmp(low, "rouge-", 6) != 0) return -1;
    const char *t = low + 6;
    int v;
    if ((v = rouge_parse_count(t)) >= 1) {
        *m = eval_rouge_n(v);
        return 0;
    }
    if (strcmp(t, "l") == 0) {
        *m = eval_rouge_l();
        return 0;
    }
    if (strncmp(t, "w-", 2) == 0 && t[2] >= '0' && t[2] <= '9') {
        char *end;
        double w = strtod(t + 2, &end);
        if (*end != '\0' || !(w > 0) || w > 100) return -1;
        *m = eval_rouge_w(w);
        return 0;
    }
    if (t[0] == 's') {
        int uni = t[1] == 'u';
        const char *g = t + 1 + uni;
        if (strcmp(g, "*") == 0) {
            *m = eval_rouge_s(ROUGE_GAP_ANY, uni);
            return 0;
        }
        if ((v = rouge_parse_count(g)) >= 0) {
            *m = eval_rouge_s(v, uni);
            return 0;
        }
    }
    return -1;
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

/* Number of grams metric m makes from t tokens (a unigram bag for L and W); SIZE_MAX when the
 * count overflows. */
static size_t rouge_gram_total(const rouge_metric *m, size_t t) {
    if (m->kind == ROUGE_KIND_N) return t >= (size_t)m->n ? t - (size_t)m->n + 1 : 0;
    if (m->kind != ROUGE_KIND_S) return t;
    /* ROUGE-1.5.5 loops i over all tokens but the last: a unigram (SU only) plus the skip-bigrams
     * (i, j) with j - i <= gap + 1 for each. */
    size_t total = 0;
    for (size_t i = 0; i + 1 < t; i++) {
        size_t last = t - 1;
        if (m->n >= 0 && i + (size_t)m->n + 1 < last) last = i + (size_t)m->n + 1;
        size_t add = (m->unigrams ? 1 : 0) + (last - i);
        if (total > SIZE_MAX / sizeof(uint64_t) - add) return SIZE_MAX;
        total += add;
    }
    return total;
}

/* Key of the n-gram starting at tok (n >= 3): its first n - 1 tokens interned in gv. */
static int rouge_ngram_key(vocab *gv, const uint32_t *tok, size_t n, uint64_t *key) {
    uint32_t prefix;
    ars_status st = vocab_intern(gv, (const char *)tok, (n - 1) * sizeof *tok, &prefix);
    if (st != ARS_OK) return st == ARS_ENOMEM ? ENOMEM : EOVERFLOW; /* eval's errno codes */
    *key = (uint64_t)prefix << 32 | tok[n - 1];
    return 0;
}

/* Builds the bag of m's grams of t (unigrams for L and W). gv interns n-gram prefixes for
 * n >= 3 and must then be shared by every text compared; it may be NULL otherwise. */
static int rouge_bag_build(rouge_bag *b, const eval_text *t, const rouge_metric *m, vocab *gv) {
    memset(b, 0, sizeof *b);
    size_t total = rouge_gram_total(m, t->n_tokens);
    if (total == SIZE_MAX) return ENOMEM;
    b->total = total;
    if (total == 0) return 0;
    uint64_t *keys = malloc(total * sizeof *keys);
    if (!keys) return ENOMEM;
    size_t k = 0;
    const uint32_t *tok = t->tok;
    size_t n = t->n_tokens;
    if (m->kind != ROUGE_KIND_N && m->kind != ROUGE_KIND_S) {
        for (size_t i = 0; i < n; i++)
            keys[k++] = tok[i];
    } else if (m->kind == ROUGE_KIND_N && m->n == 1) {
        for (size_t i = 0; i < n; i++)
            keys[k++] = tok[i];
    } else if (m->kind == ROUGE_KIND_N && m->n == 2) {
        for (size_t i = 0; i + 1 < n; i++)
            keys[k++] = (uint64_t)tok[i] << 32 | tok[i + 1];
    } else if (m->kind == ROUGE_KIND_N) {
        for (size_t i = 0; i < total; i++) {
            int rc = rouge_ngram_key(gv, tok + i, (size_t)m->n, &keys[k++]);
            if (rc) {
                free(keys);
                return rc;
            }
        }
    } else {
        for (size_t i = 0; i + 1 < n; i++) {
            if (m->unigrams) keys[k++] = ROUGE_UNIGRAM_TAG | tok[i];
            for (size_t j = i + 1; j < n && (m->n < 0 || j <= i + (size_t)m->n + 1); j++)
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

/* ---- summary-level union LCS and weighted LCS ---------------------------------------------- */

typedef struct {
    double *c;     /* (weighted) LCS lengths, (m+1) x (n+1) */
    uint32_t *run; /* length of the run of consecutive matches ending at each cell */
    uint8_t *dir;  /* back pointers */
    size_t cap;    /* cells allocated */
    uint8_t *mask; /* model positions on some LCS */
    size_t mask_cap;
    double *fk; /* fk[k] = k^weight, k = 0..fk_n-1 */
    size_t fk_n;
    double weight;
} rouge_scratch;

enum { DIR_DIAG = 1, DIR_UP = 2, DIR_LEFT = 3 };

static void rouge_scratch_free(rouge_scratch *s) {
    free(s->c);
    free(s->run);
    free(s->dir);
    free(s->mask);
    free(s->fk);
}

/* Room for an (m+1) x (n+1) table, a mask of m and weights of runs up to min(m, n) + 1. */
static int rouge_scratch_reserve(rouge_scratch *s, size_t m, size_t n) {
    if (m + 1 > SIZE_MAX / (n + 1) / sizeof(double)) return ENOMEM;
    size_t cells = (m + 1) * (n + 1);
    if (cells > s->cap) {
        double *c = realloc(s->c, cells * sizeof *c);
        if (!c) return ENOMEM;
        s->c = c;
        uint32_t *r = realloc(s->run, cells * sizeof *r);
        if (!r) return ENOMEM;
        s->run = r;
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
    size_t need = (m < n ? m : n) + 2;
    if (need > s->fk_n) {
        double *f = realloc(s->fk, need * sizeof *f);
        if (!f) return ENOMEM;
        for (size_t k = s->fk_n; k < need; k++)
            f[k] = s->weight == 1.0 ? (double)k : pow((double)k, s->weight);
        s->fk = f;
        s->fk_n = need;
    }
    return 0;
}

/* Marks in mask the model positions of one (weighted) LCS of model[0..m) and peer[0..n). A match
 * extending a run of k consecutive matches adds f(k+1) - f(k) (1 for plain LCS), summed in the
 * script's order so that ties fall the same way. The tie-breaks (a match goes diagonal; otherwise
 * up when the upper cell is not smaller) and the walk back from the corner follow ROUGE-1.5.5, so
 * the same positions are marked when several LCSs exist. */
static void rouge_lcs_mark(rouge_scratch *s, const uint32_t *model, size_t m, const uint32_t *peer,
                           size_t n) {
    size_t w = n + 1;
    double *c = s->c;
    uint32_t *run = s->run;
    uint8_t *dir = s->dir;
    const double *fk = s->fk;
    for (size_t j = 0; j <= n; j++) {
        c[j] = 0;
        run[j] = 0;
    }
    for (size_t i = 1; i <= m; i++) {
        c[i * w] = 0;
        run[i * w] = 0;
        for (size_t j = 1; j <= n; j++) {
            size_t at = i * w + j;
            if (model[i - 1] == peer[j - 1]) {
                uint32_t k = run[at - w - 1];
                c[at] = c[at - w - 1] + fk[k + 1] - fk[k];
                run[at] = k + 1;
                dir[at] = DIR_DIAG;
            } else if (c[at - w] >= c[at - 1]) {
                c[at] = c[at - w];
                run[at] = 0;
                dir[at] = DIR_UP;
            } else {
                c[at] = c[at - 1];
                run[at] = 0;
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

/* Union-LCS (L) or union-WLCS (W) counts against one reference: for each reference sentence, the
 * union of its LCS positions with every candidate sentence; a marked token is a hit only while it
 * has unused count in both the reference and the candidate (ROUGE-1.5.5 1.4.1's clip against
 * over-counting). For W a run of k consecutive hits adds k^weight; as in the script a run is
 * closed at the sentence end or before an unmarked position, and a run still open when a
 * sentence ends on clipped tokens is dropped. *score is this reference's recall for -f B. */
static int rouge_lcs_counts(const eval_text *model, const eval_text *peer, int weighted,
                            rouge_scratch *s, rouge_counts *out, double *score) {
    rouge_metric uni = eval_rouge_n(1);
    rouge_bag mb, pb;
    int rc = rouge_bag_build(&mb, model, &uni, NULL);
    if (rc) return rc;
    rc = rouge_bag_build(&pb, peer, &uni, NULL);
    if (rc) {
        rouge_bag_free(&mb);
        return rc;
    }
    double hit = 0, base = 0;
    for (size_t si = 0; si < model->n_sents && rc == 0; si++) {
        size_t ms = si ? model->sent_end[si - 1] : 0;
        size_t m = model->sent_end[si] - ms;
        base += weighted ? pow((double)m, s->weight) : (double)m;
        if (m == 0) continue;
        const uint32_t *mt = model->tok + ms;
        if ((rc = rouge_scratch_reserve(s, m, 0)) != 0) break;
        memset(s->mask, 0, m);
        for (size_t pj = 0; pj < peer->n_sents; pj++) {
            size_t ps = pj ? peer->sent_end[pj - 1] : 0;
            size_t n = peer->sent_end[pj] - ps;
            if (n == 0) continue;
            if ((rc = rouge_scratch_reserve(s, m, n)) != 0) break;
            rouge_lcs_mark(s, mt, m, peer->tok + ps, n);
        }
        if (rc) break;
        size_t run = 0;
        for (size_t k = 0; k < m; k++) {
            if (!s->mask[k]) continue;
            size_t a = rouge_bag_find(&mb, mt[k]);
            size_t b = rouge_bag_find(&pb, mt[k]);
            if (a == (size_t)-1 || b == (size_t)-1) continue;
            if (mb.count[a] == 0 || pb.count[b] == 0) continue;
            mb.count[a]--;
            pb.count[b]--;
            if (!weighted) {
                hit += 1;
                continue;
            }
            run++;
            if (k + 1 == m || !s->mask[k + 1]) {
                hit += pow((double)run, s->weight);
                run = 0;
            }
        }
    }
    double n_peer = (double)peer->n_tokens;
    out->hit = hit;
    if (weighted) {
        /* ROUGE-1.5.5 weights the reference length twice: the sentences' f(len) are summed, and
         * the sum goes through f again when it is pooled; the candidate's length once. */
        *score = base > 0 ? pow(hit / base, 1.0 / s->weight) : 0.0;
        out->model = pow(base, s->weight);
        out->peer = pow(n_peer, s->weight);
    } else {
        *score = base > 0 ? hit / base : 0.0;
        out->model = base;
        out->peer = n_peer;
    }
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

static void rouge_finish(const rouge_counts *c, const rouge_metric *m, double alpha,
                         rouge_prf *out) {
    out->r = c->model > 0 ? c->hit / c->model : 0.0;
    out->p = c->peer > 0 ? c->hit / c->peer : 0.0;
    if (m->kind == ROUGE_KIND_W) {
        out->r = pow(out->r, 1.0 / m->weight);
        out->p = pow(out->p, 1.0 / m->weight);
    }
    out->f = eval_rouge_f(out->r, out->p, alpha);
}

int eval_rouge_metric(const eval_text *peer, const eval_text *refs, size_t n_refs,
                      const rouge_metric *m, const rouge_options *o, rouge_prf *out,
                      rouge_counts *counts) {
    rouge_counts total = {0, 0, 0};
    double best = -1.0;
    rouge_bag pb = {0};
    rouge_scratch s = {0};
    s.weight = m->kind == ROUGE_KIND_W ? m->weight : 1.0;
    int lcs = m->kind == ROUGE_KIND_L || m->kind == ROUGE_KIND_W;
    vocab *gv = NULL;
    /* vocab/ reports ars_status; eval keeps errno codes (docs/ARCHITECTURE.md). */
    if (m->kind == ROUGE_KIND_N && m->n >= 3 && vocab_new(&gv) != ARS_OK) return ENOMEM;
    int rc = 0;
    if (!lcs) rc = rouge_bag_build(&pb, peer, m, gv);
    for (size_t r = 0; r < n_refs && rc == 0; r++) {
        rouge_counts c;
        double score;
        if (lcs) {
            if ((rc = rouge_lcs_counts(&refs[r], peer, m->kind == ROUGE_KIND_W, &s, &c, &score)))
                break;
        } else {
            rouge_bag mb;
            if ((rc = rouge_bag_build(&mb, &refs[r], m, gv)) != 0) break;
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
    rouge_scratch_free(&s);
    vocab_free(gv);
    if (rc) return rc;
    rouge_finish(&total, m, o->alpha, out);
    if (counts) *counts = total;
    return 0;
}

/* All metrics of one reference set. */
static int rouge_score_all(const eval_text *peer, const eval_text *refs, size_t n_refs,
                           const rouge_options *o, const rouge_metric *metrics, size_t n_metrics,
                           rouge_prf *out) {
    for (size_t k = 0; k < n_metrics; k++) {
        int rc = eval_rouge_metric(peer, refs, n_refs, &metrics[k], o, &out[k], NULL);
        if (rc) return rc;
    }
    return 0;
}

int eval_rouge_score(const eval_text *peer, const eval_text *refs, size_t n_refs,
                     const rouge_options *o, const rouge_metric *metrics, size_t n_metrics,
                     rouge_prf *out) {
    if (!o->jackknife || n_refs < 2)
        return rouge_score_all(peer, refs, n_refs, o, metrics, n_metrics, out);
    /* Jackknifing (Lin 2004; ROUGE before 1.4): the mean of the M scores against each set of M-1
     * references, so that systems are comparable with a human scored against the others. */
    eval_text *subset = malloc((n_refs - 1) * sizeof *subset);
    rouge_prf *one = malloc((n_metrics ? n_metrics : 1) * sizeof *one);
    if (!subset || !one) {
        free(subset);
        free(one);
        return ENOMEM;
    }
    for (size_t k = 0; k < n_metrics; k++)
        out[k] = (rouge_prf){0, 0, 0};
    int rc = 0;
    for (size_t leave = 0; leave < n_refs && rc == 0; leave++) {
        size_t j = 0;
        for (size_t r = 0; r < n_refs; r++)
            if (r != leave) subset[j++] = refs[r];
        rc = rouge_score_all(peer, subset, n_refs - 1, o, metrics, n_metrics, one);
        for (size_t k = 0; k < n_metrics && rc == 0; k++) {
            out[k].r += one[k].r;
            out[k].p += one[k].p;
            out[k].f += one[k].f;
        }
    }
    free(subset);
    free(one);
    if (rc) return rc;
    for (size_t k = 0; k < n_metrics; k++) {
        out[k].r /= (double)n_refs;
        out[k].p /= (double)n_refs;
        out[k].f /= (double)n_refs;
    }
    return 0;
}
