/* briefing.c - the public briefing API (ars_briefing_*) and its driver: articles -> document
 * terms (docterms.c: the summarizer's own clean and analyse stages, one article at a time) ->
 * TF-IDF vectors with background document frequencies (background.c) -> stories (cluster.c) ->
 * ranking, one summary per story through an ars_summarizer over the story's articles, headlines
 * and cross-story deduplication (story.c) -> borrowed result views. */
#include "summarize/summarize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summarize/analyze.h"
#include "summarize/briefing/background.h"
#include "summarize/briefing/cluster.h"
#include "summarize/briefing/docterms.h"
#include "summarize/briefing/story.h"
#include "summarize/common/error.h"
#include "summarize/common/optsize.h"
#include "vectors/similarity.h"
#include "vectors/tfidf.h"
#include "vectors/vocab.h"

/* Defaults, measured in docs/BRIEFING.md ("Choosing the threshold"). */
#define BRIEFING_THRESHOLD   0.2
#define BRIEFING_STORY_WORDS 60
#define BRIEFING_MAX_DAYS    3

/* Articles are linked (may end up in one story) when their cosine reaches this share of the
 * threshold: docs/BRIEFING.md. */
#define BRIEFING_LINK_RATIO 0.5

typedef struct {
    char *name, *id, *title, *source; /* owned; id, title, source may be NULL */
    char *bytes;                      /* owned, NUL-terminated */
    size_t len;
    int64_t time;
    int year; /* of the last run: time's year, or the text's (0 = unknown) */
    ars_article view;
} briefing_article;

struct ars_briefing {
    ars_options opt; /* of each story's summary */
    ars_briefing_options bopt;
    const ars_df_model *df;   /* NULL: document frequencies from the input */
    ars_df_model *df_builtin; /* owned when df is the built-in model */
    analyzer *an;
    ars_summarizer *story_sum;
    briefing_article *arts;
    size_t n_arts, cap_arts;
    story_result res; /* the last run's stories */
};

static void briefing_defaults(ars_briefing_options *o) {
    memset(o, 0, sizeof *o);
    o->struct_size = sizeof *o;
    o->threshold = BRIEFING_THRESHOLD;
    o->story_words = BRIEFING_STORY_WORDS;
    o->max_stories = 0;
    o->max_days = BRIEFING_MAX_DAYS;
}

/* The first published ars_briefing_options ends with df_input_only. */
#define BRIEFING_OPTIONS_SIZE_V1 (offsetof(ars_briefing_options, df_input_only) + sizeof(int))

ARS_API void ars_briefing_options_init_size(ars_briefing_options *opts, size_t struct_size) {
    ars_briefing_options d;
    briefing_defaults(&d);
    optsize_init(opts, &d, sizeof d, struct_size);
}

static ars_status briefing_take_options(const ars_briefing_options *in, ars_briefing_options *out,
                                        ars_error *err) {
    briefing_defaults(out);
    ars_status st = optsize_take(out, sizeof *out, in, BRIEFING_OPTIONS_SIZE_V1, "briefing options",
                                 "ars_briefing_options_init", err);
    if (st != ARS_OK) return st;
    if (!(out->threshold > 0.0 && out->threshold <= 1.0))
        return error_set(err, ARS_EARG, "story threshold must be in (0, 1]");
    return ARS_OK;
}

ARS_API ars_status ars_briefing_new(const ars_options *opts, const ars_briefing_options *bopts,
                                    ars_briefing **out, ars_error *err) {
    if (!out) return error_set(err, ARS_EARG, "ars_briefing_new: out is NULL");
    *out = NULL;
    ars_briefing *b = calloc(1, sizeof *b);
    if (!b) return error_at(err, ARS_ENOMEM, "briefing");
    ars_status st = briefing_take_options(bopts, &b->bopt, err);
    if (st == ARS_OK) {
        if (opts) {
            /* Validated (and completed to this library's size) by ars_summarizer_new below. */
            ars_options_init(&b->opt);
            size_t n = opts->struct_size < sizeof b->opt ? opts->struct_size : sizeof b->opt;
            memcpy(&b->opt, opts, n);
        } else {
            ars_options_init(&b->opt);
        }
        b->opt.max_words = b->bopt.story_words;
        /* A story's articles are one story: spread over them, each would count as its own
         * (none stands out from the others) and every outlet's lead would come first. */
        b->opt.spread = ARS_SPREAD_NONE;
        st = ars_summarizer_new(&b->opt, &b->story_sum, err);
        if (st == ARS_OK) b->opt.struct_size = sizeof b->opt;
    }
    if (st == ARS_OK) st = analyzer_new(b->opt.stem, &b->an, err);
    if (st == ARS_OK && !b->bopt.df_input_only) {
        if (b->bopt.df_model) {
            b->df = b->bopt.df_model;
            if (background_stem(b->df) != b->opt.stem)
                st = error_set(err, ARS_EMODEL,
                               "document-frequency model: built with %s stemming, the briefing "
                               "stems with %s",
                               ars_stem_name(background_stem(b->df)), ars_stem_name(b->opt.stem));
        } else if (b->opt.stem == ARS_STEM_SNOWBALL) {
            st = background_builtin(&b->df_builtin, err);
            b->df = b->df_builtin;
        }
    }
    if (st != ARS_OK) {
        ars_briefing_free(b);
        return st;
    }
    *out = b;
    return ARS_OK;
}

ARS_API void ars_briefing_reset(ars_briefing *b) {
    if (!b) return;
    for (size_t i = 0; i < b->n_arts; i++) {
        briefing_article *a = &b->arts[i];
        free(a->name);
        free(a->id);
        free(a->title);
        free(a->source);
        free(a->bytes);
    }
    b->n_arts = 0;
    story_result_free(&b->res);
}

ARS_API void ars_briefing_free(ars_briefing *b) {
    if (!b) return;
    ars_briefing_reset(b);
    free(b->arts);
    analyzer_free(b->an);
    ars_df_model_free(b->df_builtin);
    ars_summarizer_free(b->story_sum);
    free(b);
}

static char *briefing_strdup(const char *s, int *failed) {
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    else
        *failed = 1;
    return d;
}

ARS_API ars_status ars_briefing_add_article(ars_briefing *b, const char *name, const char *bytes,
                                            size_t len, const ars_article_info *info,
                                            ars_error *err) {
    if (!b || !name || (!bytes && len))
        return error_set(err, ARS_EARG, "ars_briefing_add_article: NULL argument");
    if (b->opt.max_input_bytes && len > b->opt.max_input_bytes)
        return error_set(err, ARS_ELIMIT, "%s: larger than %zu bytes", name,
                         b->opt.max_input_bytes);
    ars_status st = ars_text_check(name, bytes ? bytes : "", len, NULL, err);
    if (st != ARS_OK) return st;
    if (b->n_arts == b->cap_arts) {
        size_t nc = b->cap_arts ? b->cap_arts * 2 : 64;
        briefing_article *na = realloc(b->arts, nc * sizeof *na);
        if (!na) return error_at(err, ARS_ENOMEM, "%s", name);
        b->arts = na;
        b->cap_arts = nc;
    }
    int failed = 0;
    briefing_article a;
    memset(&a, 0, sizeof a);
    a.name = briefing_strdup(name, &failed);
    a.time = ARS_TIME_UNKNOWN;
    if (info) {
        a.id = briefing_strdup(info->id, &failed);
        a.title = briefing_strdup(info->title, &failed);
        a.source = briefing_strdup(info->source, &failed);
        a.time = info->time;
    }
    a.bytes = malloc(len + 1);
    if (failed || !a.bytes) {
        free(a.name);
        free(a.id);
        free(a.title);
        free(a.source);
        free(a.bytes);
        return error_at(err, ARS_ENOMEM, "%s", name);
    }
    if (len) memcpy(a.bytes, bytes, len);
    a.bytes[len] = '\0';
    a.len = len;
    b->arts[b->n_arts++] = a;
    return ARS_OK;
}

ARS_API size_t ars_briefing_article_count(const ars_briefing *b) {
    return b ? b->n_arts : 0;
}

/* Progress reports, at most about 256 per stage. */
static void briefing_progress(const ars_briefing *b, const char *stage, size_t done, size_t total) {
    if (!b->bopt.progress) return;
    if (done != 0 && done != total && (done * 256 / total) == ((done - 1) * 256 / total)) return;
    b->bopt.progress(b->bopt.progress_ctx, stage, done, total);
}

/* Everything a run allocates for the vectors, freed in one place. */
typedef struct {
    vocab *voc;
    uint32_t *terms;
    size_t n_terms, cap_terms;
    size_t *offsets;    /* n_arts + 1 */
    char **found_title; /* the title line found in each text (owned), when info gave none */
    tfidf_matrix x;
} briefing_vectors;

static void briefing_vectors_free(briefing_vectors *v, size_t n_arts) {
    vocab_free(v->voc);
    free(v->terms);
    free(v->offsets);
    if (v->found_title)
        for (size_t i = 0; i < n_arts; i++)
            free(v->found_title[i]);
    free(v->found_title);
    tfidf_free(&v->x);
}

/* The year of a time in seconds since the epoch (UTC), 0 when unknown or out of range. */
static int briefing_year(int64_t t) {
    if (t == ARS_TIME_UNKNOWN) return 0;
    time_t tt = (time_t)t;
    struct tm tm;
    if ((int64_t)tt != t || !gmtime_r(&tt, &tm)) return 0;
    return tm.tm_year + 1900;
}

/* Replaces the input's inverse document frequencies with the background model's: idf(t) =
 * ln((1 + N) / (1 + df(t))) + 1 over the model's N documents (the smoothing tfidf.c uses), then
 * scales rows back to unit length. */
static ars_status briefing_background_idf(const ars_df_model *df, const vocab *voc,
                                          tfidf_matrix *x) {
    size_t nc = x->n_cols;
    float *idf = malloc((nc ? nc : 1) * sizeof *idf);
    if (!idf) return ARS_ENOMEM;
    double n_docs = (double)ars_df_model_documents(df);
    for (size_t c = 0; c < nc; c++) {
        size_t len = 0;
        const char *term = vocab_term(voc, (uint32_t)c, &len);
        double d = (double)background_df(df, term, len);
        idf[c] = (float)(log((1.0 + n_docs) / (1.0 + d)) + 1.0);
    }
    for (size_t r = 0; r < x->n_rows; r++) {
        double sq = 0.0;
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++) {
            double w = (double)x->val[e] / (double)x->idf[x->col[e]] * (double)idf[x->col[e]];
            x->val[e] = (float)w;
            sq += w * w;
        }
        double inv = sq > 0.0 ? 1.0 / sqrt(sq) : 0.0;
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++)
            x->val[e] = (float)((double)x->val[e] * inv);
    }
    memcpy(x->idf, idf, nc * sizeof *idf);
    free(idf);
    return ARS_OK;
}

static ars_status briefing_build_vectors(ars_briefing *b, briefing_vectors *v, ars_error *err) {
    size_t n = b->n_arts;
    v->offsets = malloc((n + 1) * sizeof *v->offsets);
    v->found_title = calloc(n ? n : 1, sizeof *v->found_title);
    if (!v->offsets || !v->found_title) return error_at(err, ARS_ENOMEM, "analyse");
    ars_status st = vocab_new(&v->voc);
    if (st != ARS_OK) return error_at(err, st, "analyse");
    /* The token cache refers to the vocabulary of an earlier run, which may have been freed and
     * this one allocated at its address (analyze.h). */
    analyzer_forget(b->an);
    v->offsets[0] = 0;
    for (size_t i = 0; i < n; i++) {
        briefing_progress(b, "analyse", i, n);
        briefing_article *a = &b->arts[i];
        docterms_info info;
        st = docterms_article(b->an, v->voc, a->bytes, a->len, a->title, &v->terms, &v->n_terms,
                              &v->cap_terms, &info);
        if (st != ARS_OK) return error_at(err, st, "%s: analyse", a->name);
        v->found_title[i] = info.found_title;
        a->year = a->time != ARS_TIME_UNKNOWN ? briefing_year(a->time) : info.year;
        v->offsets[i + 1] = v->n_terms;
    }
    briefing_progress(b, "analyse", n, n);
    st = tfidf_build(v->terms, v->offsets, n, vocab_size(v->voc), &v->x);
    if (st == ARS_OK && b->df) st = briefing_background_idf(b->df, v->voc, &v->x);
    return st == ARS_OK ? ARS_OK : error_at(err, st, "vectorise");
}

/* How much two articles' similarity counts: 0 when they were published too far apart to be
 * one event (ars_briefing_options.max_days). Years read from the text are too rough for this
 * (an article names the years of its background and its plans); they serve the older-event
 * test of story.c instead. */
static double briefing_weight(void *ctx, size_t i, size_t j) {
    const ars_briefing *b = ctx;
    const briefing_article *x = &b->arts[i], *y = &b->arts[j];
    if (b->bopt.max_days == 0 || x->time == ARS_TIME_UNKNOWN || y->time == ARS_TIME_UNKNOWN)
        return 1.0;
    double apart = fabs((double)x->time - (double)y->time);
    return apart <= (double)b->bopt.max_days * 86400.0 ? 1.0 : 0.0;
}

ARS_API ars_status ars_briefing_run(ars_briefing *b, ars_error *out_err) {
    if (!b) return error_set(out_err, ARS_EARG, "ars_briefing_run: NULL briefing");
    story_result_free(&b->res);
    ars_error local = {ARS_OK, ""}, *err = &local;
    size_t n = b->n_arts;
    briefing_vectors v;
    memset(&v, 0, sizeof v);
    size_t *label = malloc((n ? n : 1) * sizeof *label), n_clusters = 0;
    ars_status st = label ? ARS_OK : error_at(err, ARS_ENOMEM, "cluster");
    if (st == ARS_OK) st = briefing_build_vectors(b, &v, err);
    if (st == ARS_OK) {
        /* Clustering is what needs the BLAS: opened here, where a failure can be told. */
        char why[200];
        st = similarity_blas_load(why, sizeof why);
        if (st != ARS_OK) error_set(err, st, "cannot load the BLAS library: %s", why);
    }
    if (st == ARS_OK) {
        briefing_progress(b, "cluster", 0, 1);
        cluster_params cp = {
            b->bopt.threshold, b->bopt.threshold * BRIEFING_LINK_RATIO, briefing_weight, b, 0, 0};
        st = cluster_centroid_link(&v.x, &cp, label, &n_clusters);
        if (st != ARS_OK) error_at(err, st, "cluster");
        briefing_progress(b, "cluster", 1, 1);
    }
    if (st == ARS_OK) {
        story_article *sa = malloc((n ? n : 1) * sizeof *sa);
        if (!sa) {
            error_at(err, ARS_ENOMEM, "stories");
            st = ARS_ENOMEM; /* said outright: the analyzer cannot see error_at's result */
        }
        for (size_t i = 0; st == ARS_OK && i < n; i++) {
            const briefing_article *a = &b->arts[i];
            sa[i] = (story_article){
                a->name,   a->bytes, a->len,  a->title ? a->title : v.found_title[i],
                a->source, a->time,  a->year, label[i]};
        }
        story_params sp = {b->bopt.max_stories, b->opt.max_sim, b->bopt.progress,
                           b->bopt.progress_ctx};
        if (st == ARS_OK)
            st =
                story_build(sa, n, n_clusters, &v.x, b->story_sum, b->an, v.voc, &sp, &b->res, err);
        free(sa);
    }
    free(label);
    briefing_vectors_free(&v, n);
    for (size_t i = 0; st == ARS_OK && i < n; i++) {
        briefing_article *a = &b->arts[i];
        a->view =
            (ars_article){a->name, a->id, b->res.titles[i], a->source, a->time, b->res.story_of[i]};
    }
    if (st != ARS_OK) {
        story_result_free(&b->res);
        if (local.status != st) error_at(err, st, "briefing");
        if (out_err) *out_err = local;
    }
    return st;
}

ARS_API const ars_article *ars_briefing_article_get(const ars_briefing *b, size_t i) {
    return b && i < b->n_arts && b->res.story_of ? &b->arts[i].view : NULL;
}

ARS_API size_t ars_briefing_story_count(const ars_briefing *b) {
    return b ? b->res.n_stories : 0;
}

ARS_API size_t ars_briefing_story_total(const ars_briefing *b) {
    return b ? b->res.n_total : 0;
}

ARS_API const ars_story *ars_briefing_story_get(const ars_briefing *b, size_t i) {
    return b && i < b->res.n_stories ? &b->res.stories[i] : NULL;
}
