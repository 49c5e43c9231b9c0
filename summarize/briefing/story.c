/* story.c - from clusters to the stories of a briefing (see story.h): centrality of each article
 * in its cluster, story scores and order, one summary per story through the public summarizer,
 * headlines, and the check that no sentence repeats one of a higher-ranked story. */
#include "summarize/briefing/story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/briefing/repeats.h"
#include "summarize/common/error.h"
#include "summarize/rank/rank.h"
#include "summarize/text/discourse.h"

struct story_owned {
    size_t *articles;
    ars_sentence *sents;
    size_t n_sents;
    char *headline; /* owned when the headline is a sentence */
};

/* One cluster while ranking. */
typedef struct {
    size_t first, count; /* its members: members[first .. first + count) */
    size_t n_sources;
    int64_t time;
    double score;
} story_cluster;

static void *story_alloc(size_t n, size_t size) {
    if (n != 0 && n > SIZE_MAX / size) return NULL;
    return malloc(n ? n * size : 1);
}

void story_result_free(story_result *r) {
    if (!r) return;
    if (r->owned)
        for (size_t s = 0; s < r->n_stories; s++) {
            story_owned *o = &r->owned[s];
            free(o->articles);
            for (size_t k = 0; k < o->n_sents; k++)
                free((char *)o->sents[k].text);
            free(o->sents);
            free(o->headline);
        }
    if (r->titles)
        for (size_t i = 0; i < r->n_articles; i++)
            free(r->titles[i]);
    free(r->owned);
    free(r->stories);
    free(r->story_of);
    free(r->titles);
    memset(r, 0, sizeof *r);
}

/* ---- content-word sets of the sentences already in the brief, for the repeat check ---- */

typedef struct {
    analyzer *an;
    vocab *voc;
    uint32_t *cur; /* the sentence being checked: its distinct terms, sorted */
    size_t n_cur, cap_cur;
    repeats_set set; /* the sets of the sentences in the brief so far */
} story_seen;

static int story_cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Analyses text into s->cur (distinct content terms, sorted). */
static ars_status story_seen_terms(story_seen *s, const char *text, size_t len) {
    analyze_stats stats;
    s->n_cur = 0;
    ars_status st =
        analyzer_sentence(s->an, s->voc, text, len, &s->cur, &s->n_cur, &s->cap_cur, &stats);
    if (st != ARS_OK) return st;
    qsort(s->cur, s->n_cur, sizeof *s->cur, story_cmp_u32);
    size_t k = 0;
    for (size_t i = 0; i < s->n_cur; i++)
        if (k == 0 || s->cur[k - 1] != s->cur[i]) s->cur[k++] = s->cur[i];
    s->n_cur = k;
    return ARS_OK;
}

/* ---- ranking ---- */

/* Centrality of each member in its cluster: cosine of its vector with the sum of the cluster's
 * vectors (1 for a story of one article). centrality has n entries, one per article. */
static ars_status story_centrality(const tfidf_matrix *x, const size_t *members,
                                   const story_cluster *cl, size_t n_clusters, double *centrality) {
    size_t nc = x->n_cols ? x->n_cols : 1;
    double *acc = calloc(nc, sizeof *acc);
    uint32_t *touched = story_alloc(nc, sizeof *touched);
    if (!acc || !touched) {
        free(acc);
        free(touched);
        return ARS_ENOMEM;
    }
    for (size_t c = 0; c < n_clusters; c++) {
        const size_t *m = members + cl[c].first;
        size_t n_touched = 0;
        for (size_t k = 0; k < cl[c].count; k++)
            for (size_t e = x->row_ptr[m[k]]; e < x->row_ptr[m[k] + 1]; e++) {
                if (acc[x->col[e]] == 0.0) touched[n_touched++] = x->col[e];
                acc[x->col[e]] += x->val[e]; /* weights are positive: 0 means untouched */
            }
        double norm = 0.0;
        for (size_t t = 0; t < n_touched; t++)
            norm += acc[touched[t]] * acc[touched[t]];
        norm = sqrt(norm);
        for (size_t k = 0; k < cl[c].count; k++) {
            double dot = 0.0;
            for (size_t e = x->row_ptr[m[k]]; e < x->row_ptr[m[k] + 1]; e++)
                dot += (double)x->val[e] * acc[x->col[e]];
            centrality[m[k]] = norm > 0.0 ? dot / norm : 0.0;
        }
        for (size_t t = 0; t < n_touched; t++)
            acc[touched[t]] = 0.0;
    }
    free(acc);
    free(touched);
    return ARS_OK;
}

/* Groups the articles by cluster (cluster_of[i] < n_clusters): members[] holds each cluster's
 * articles in article order, cl[c].first and .count where (a counting sort). */
static void story_group(const size_t *cluster_of, size_t n, size_t n_clusters, story_cluster *cl,
                        size_t *members) {
    for (size_t c = 0; c < n_clusters; c++)
        cl[c] = (story_cluster){0, 0, 0, ARS_TIME_UNKNOWN, 0.0};
    for (size_t i = 0; i < n; i++)
        cl[cluster_of[i]].count++;
    for (size_t c = 0, off = 0; c < n_clusters; c++) {
        cl[c].first = off;
        off += cl[c].count;
        cl[c].count = 0;
    }
    for (size_t i = 0; i < n; i++) {
        story_cluster *c = &cl[cluster_of[i]];
        members[c->first + c->count++] = i;
    }
}

/* An article about an older event than the rest of its cluster (as the summarizer's default
 * method decides: rank_older_documents) would add nothing to the story's summary, which leaves
 * it out: it becomes a cluster of its own instead, numbered from n_clusters on; *n_out gets the
 * new count. */
static ars_status story_split_older(const story_article *arts, const size_t *members,
                                    const story_cluster *cl, size_t n_clusters,
                                    const double *centrality, size_t *cluster_of, size_t *n_out) {
    size_t next = n_clusters, biggest = 0;
    for (size_t c = 0; c < n_clusters; c++)
        if (cl[c].count > biggest) biggest = cl[c].count;
    *n_out = n_clusters;
    if (biggest < RANK_OLDER_MIN_DOCS) return ARS_OK;
    int *year = story_alloc(biggest, sizeof *year);
    double *cent = story_alloc(biggest, sizeof *cent);
    unsigned char *older = story_alloc(biggest, 1);
    ars_status st = year && cent && older ? ARS_OK : ARS_ENOMEM;
    for (size_t c = 0; st == ARS_OK && c < n_clusters; c++) {
        const size_t *m = members + cl[c].first;
        if (cl[c].count < RANK_OLDER_MIN_DOCS) continue;
        for (size_t k = 0; k < cl[c].count; k++) {
            year[k] = arts[m[k]].year;
            cent[k] = centrality[m[k]];
        }
        st = rank_older_documents(year, cent, cl[c].count, older);
        for (size_t k = 0; st == ARS_OK && k < cl[c].count; k++)
            if (older[k]) cluster_of[m[k]] = next++;
    }
    free(year);
    free(cent);
    free(older);
    *n_out = next;
    return st;
}

static int story_same_source(const char *a, const char *b) {
    return a && b && strcmp(a, b) == 0; /* an unknown outlet is one of its own */
}

static void story_score(const story_article *arts, const size_t *members, story_cluster *c,
                        int64_t newest) {
    const size_t *m = members + c->first;
    c->n_sources = 0;
    c->time = ARS_TIME_UNKNOWN;
    for (size_t k = 0; k < c->count; k++) {
        int seen = 0;
        for (size_t j = 0; j < k && !seen; j++)
            seen = story_same_source(arts[m[j]].source, arts[m[k]].source);
        if (!seen) c->n_sources++;
        if (arts[m[k]].time != ARS_TIME_UNKNOWN && arts[m[k]].time > c->time)
            c->time = arts[m[k]].time;
    }
    double recency = 1.0;
    if (c->time != ARS_TIME_UNKNOWN && newest != ARS_TIME_UNKNOWN) {
        double age_h = ((double)newest - (double)c->time) / 3600.0;
        recency = 0.5 + 0.5 * pow(2.0, -age_h / STORY_HALF_LIFE_HOURS);
    }
    c->score =
        ((double)c->n_sources + STORY_EXTRA_ARTICLE_WEIGHT * (double)(c->count - c->n_sources)) *
        recency;
}

static int story_cmp_rank(const void *pa, const void *pb) {
    const story_cluster *a = pa, *b = pb;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first); /* members are grouped in order */
}

/* ---- one story ---- */

typedef struct {
    const story_article *arts;
    const size_t *m; /* the cluster's members, in article order */
    size_t count;
} story_input;

/* Runs the summarizer over the story's articles and copies its summary into o->sents (doc =
 * article index). *usable is 0 when the articles yield no sentence. gcc 12's -fanalyzer reports
 * each copied text t as leaked: it loses track of it once the sentence struct is copied into the
 * heap array o->sents. A false positive: story_owned's free releases them, and the end-to-end
 * briefing cases run under valgrind. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
static ars_status story_summarize(const story_input *in, ars_summarizer *sum, story_owned *o,
                                  int *usable, ars_error *err) {
    ars_summarizer_reset(sum);
    *usable = 0;
    for (size_t k = 0; k < in->count; k++) {
        const story_article *a = &in->arts[in->m[k]];
        ars_status st = ars_summarizer_add_document(sum, a->name, a->bytes, a->len, err);
        if (st != ARS_OK) return st;
    }
    ars_error local;
    ars_status st = ars_summarizer_run(sum, &local);
    if (st == ARS_EEMPTY || st == ARS_ELIMIT) return ARS_OK;
    if (st != ARS_OK) {
        if (err) *err = local;
        return st;
    }
    size_t ns = ars_summary_count(sum);
    o->sents = story_alloc(ns, sizeof *o->sents);
    if (!o->sents) return error_at(err, ARS_ENOMEM, "summarize");
    for (size_t k = 0; k < ns; k++) {
        ars_sentence s = *ars_summary_get(sum, k);
        char *t = malloc(s.text_len + 1);
        if (!t) return error_at(err, ARS_ENOMEM, "summarize");
        memcpy(t, s.text, s.text_len + 1);
        s.doc = in->m[s.doc];
        s.doc_name = in->arts[s.doc].name;
        s.text = t;
        o->sents[o->n_sents++] = s;
    }
    *usable = ns > 0;
    return ARS_OK;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

/* Drops the sentences of o that repeat one already in the brief, then indexes the rest. */
static ars_status story_drop_repeats(story_seen *seen, story_owned *o, int index_them) {
    size_t kept = 0;
    for (size_t k = 0; k < o->n_sents; k++) {
        ars_sentence *s = &o->sents[k];
        ars_status st = story_seen_terms(seen, s->text, s->text_len);
        int repeats = 0;
        if (st == ARS_OK && !index_them)
            st = repeats_check(&seen->set, seen->cur, seen->n_cur, &repeats);
        if (st != ARS_OK) return st;
        if (repeats) {
            free((char *)s->text);
            continue;
        }
        if (index_them && (st = repeats_add(&seen->set, seen->cur, seen->n_cur)) != ARS_OK)
            return st;
        o->sents[kept++] = *s;
    }
    o->n_sents = kept;
    return ARS_OK;
}

/* The headline: the title of the most central article that has one (members are sorted by
 * centrality); else the best sentence of the summary that does not lean on the one before it (which
 * would then follow it below: discourse.h), taken out of it. */
static ars_status story_headline(const story_input *in, story_owned *o, ars_story *v) {
    for (size_t k = 0; k < in->count; k++) {
        const story_article *a = &in->arts[o->articles[k]];
        if (a->title && a->title[0]) {
            v->headline_article = o->articles[k];
            v->headline_is_title = 1;
            return ARS_OK;
        }
    }
    size_t best = o->n_sents;
    for (size_t k = 0; k < o->n_sents; k++)
        if ((best == o->n_sents || o->sents[k].score > o->sents[best].score) &&
            !discourse_needs_previous(o->sents[k].text, o->sents[k].text_len, o->sents[k].index))
            best = k;
    if (best == o->n_sents) best = 0; /* all lean back: only when the rule is off (lead) */
    o->headline = (char *)o->sents[best].text;
    v->headline = o->headline;
    v->headline_article = o->sents[best].doc;
    v->headline_is_title = 0;
    memmove(&o->sents[best], &o->sents[best + 1], (o->n_sents - best - 1) * sizeof *o->sents);
    o->n_sents--;
    return ARS_OK;
}

/* Members most central first, then in article order (insertion sort: stories are small, and
 * qsort has no context argument for the key). */
static void story_sort_members(size_t *a, size_t n, const double *centrality) {
    for (size_t i = 1; i < n; i++) {
        size_t key = a[i], j = i;
        while (j > 0 && (centrality[a[j - 1]] < centrality[key] ||
                         (centrality[a[j - 1]] == centrality[key] && a[j - 1] > key))) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = key;
    }
}

/* Progress of the "summarize" stage, at most about 256 reports. */
static void story_progress(const story_params *p, size_t done, size_t total) {
    if (!p->progress) return;
    if (done != 0 && done != total && done * 256 / total == (done - 1) * 256 / total) return;
    p->progress(p->progress_ctx, "summarize", done, total);
}

ars_status story_build(const story_article *arts, size_t n, size_t n_clusters,
                       const tfidf_matrix *x, ars_summarizer *sum, analyzer *an, vocab *voc,
                       const story_params *p, story_result *out, ars_error *err) {
    memset(out, 0, sizeof *out);
    out->n_articles = n;
    story_cluster *cl = story_alloc(n, sizeof *cl); /* older articles may add clusters */
    size_t *members = story_alloc(n, sizeof *members),
           *cluster_of = story_alloc(n, sizeof *cluster_of);
    double *centrality = story_alloc(n, sizeof *centrality);
    size_t cap = p->max_stories && p->max_stories < n ? p->max_stories : n;
    out->stories = calloc(cap ? cap : 1, sizeof *out->stories);
    out->owned = calloc(cap ? cap : 1, sizeof *out->owned);
    out->story_of = story_alloc(n, sizeof *out->story_of);
    out->titles = calloc(n ? n : 1, sizeof *out->titles);
    story_seen seen;
    memset(&seen, 0, sizeof seen);
    seen.an = an;
    seen.voc = voc;
    size_t *df = calloc(x->n_cols ? x->n_cols : 1, sizeof *df);
    if (df)
        for (size_t k = 0; k < x->row_ptr[x->n_rows]; k++)
            df[x->col[k]]++;
    repeats_init(&seen.set, p->max_sim, df, df ? x->n_cols : 0);
    ars_status st = ARS_OK;
    if (!cl || !members || !cluster_of || !centrality || !out->stories || !out->owned ||
        !out->story_of || !out->titles || !df) {
        st = error_at(err, ARS_ENOMEM, "stories");
        goto done;
    }
    int64_t newest = ARS_TIME_UNKNOWN;
    for (size_t i = 0; i < n; i++) {
        out->story_of[i] = SIZE_MAX;
        if (arts[i].time != ARS_TIME_UNKNOWN && arts[i].time > newest) newest = arts[i].time;
        if (arts[i].title) {
            size_t tl = strlen(arts[i].title) + 1;
            if (!(out->titles[i] = malloc(tl))) {
                st = error_at(err, ARS_ENOMEM, "stories");
                goto done;
            }
            memcpy(out->titles[i], arts[i].title, tl);
        }
    }
    for (size_t i = 0; i < n; i++)
        cluster_of[i] = arts[i].cluster;
    story_group(cluster_of, n, n_clusters, cl, members);
    st = story_centrality(x, members, cl, n_clusters, centrality);
    size_t n_split = n_clusters;
    if (st == ARS_OK)
        st = story_split_older(arts, members, cl, n_clusters, centrality, cluster_of, &n_split);
    if (st == ARS_OK && n_split > n_clusters) {
        n_clusters = n_split;
        story_group(cluster_of, n, n_clusters, cl, members);
        st = story_centrality(x, members, cl, n_clusters, centrality);
    }
    if (st != ARS_OK) {
        error_at(err, st, "stories");
        goto done;
    }
    for (size_t c = 0; c < n_clusters; c++)
        story_score(arts, members, &cl[c], newest);
    qsort(cl, n_clusters, sizeof *cl, story_cmp_rank);

    for (size_t c = 0; c < n_clusters && st == ARS_OK; c++) {
        story_progress(p, c, n_clusters);
        story_input in = {arts, members + cl[c].first, cl[c].count};
        if (out->n_stories == cap) { /* past max_stories: still counted when usable */
            for (size_t k = 0; k < in.count; k++)
                if (x->row_ptr[in.m[k] + 1] > x->row_ptr[in.m[k]]) {
                    out->n_total++;
                    break;
                }
            continue;
        }
        story_owned *o = &out->owned[out->n_stories];
        int usable = 0;
        st = story_summarize(&in, sum, o, &usable, err);
        if (st == ARS_OK && usable) st = story_drop_repeats(&seen, o, 0);
        if (st == ARS_OK && usable) usable = o->n_sents > 0;
        if (st != ARS_OK || !usable) {
            for (size_t k = 0; k < o->n_sents; k++)
                free((char *)o->sents[k].text);
            free(o->sents);
            memset(o, 0, sizeof *o);
            if (st != ARS_OK && err && err->status != st) error_at(err, st, "summarize");
            continue;
        }
        o->articles = story_alloc(in.count, sizeof *o->articles);
        if (!o->articles) {
            st = error_at(err, ARS_ENOMEM, "stories");
            break;
        }
        memcpy(o->articles, in.m, in.count * sizeof *o->articles);
        story_sort_members(o->articles, in.count, centrality);
        ars_story *v = &out->stories[out->n_stories];
        *v = (ars_story){NULL,        0,    0, o->articles, in.count, cl[c].n_sources, cl[c].time,
                         cl[c].score, NULL, 0};
        st = story_headline(&in, o, v);
        if (st == ARS_OK && v->headline_is_title) v->headline = out->titles[v->headline_article];
        /* Index what this story prints, headline sentence included, for the stories below. */
        if (st == ARS_OK && o->headline) {
            st = story_seen_terms(&seen, o->headline, strlen(o->headline));
            if (st == ARS_OK) st = repeats_add(&seen.set, seen.cur, seen.n_cur);
        }
        if (st == ARS_OK) st = story_drop_repeats(&seen, o, 1);
        if (st != ARS_OK) {
            error_at(err, st, "stories");
            break;
        }
        v->sentences = o->sents;
        v->n_sentences = o->n_sents;
        for (size_t k = 0; k < in.count; k++)
            out->story_of[in.m[k]] = out->n_stories;
        out->n_stories++;
        out->n_total++;
    }
    if (st == ARS_OK) story_progress(p, n_clusters, n_clusters);
    if (st == ARS_OK && out->n_stories == 0)
        st =
            error_set(err, ARS_EEMPTY, "no usable sentence in %zu article%s", n, n == 1 ? "" : "s");
done:
    free(cl);
    free(members);
    free(cluster_of);
    free(centrality);
    free(seen.cur);
    repeats_free(&seen.set);
    free(df);
    if (st != ARS_OK) story_result_free(out);
    return st;
}
