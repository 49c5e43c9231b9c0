/* summarizer.c - the public API and the pipeline that wires the stages together:
 * read (text/read.c) -> clean (text/clean.c) -> split (text/segment.c) -> analyse (analyze.c) ->
 * vectorise (vectors/tfidf.c) -> similarity (vectors/similarity.c) -> rank (rank/rank.c) ->
 * select and order (rank/select.c). Output formatting lives in output/. */
#include "summarize/summarize.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/analyze.h"
#include "summarize/common/error.h"
#include "summarize/rank/rank.h"
#include "summarize/rank/select.h"
#include "summarize/summarizer_internal.h"
#include "summarize/text/clean.h"
#include "summarize/text/segment.h"
#include "vectors/similarity.h"
#include "vectors/tfidf.h"
#include "vectors/vocab.h"

/* Sentences up to this count get the dense similarity matrix (n*n floats: 64 MiB at 4096), which
 * LexRank needs and which makes MMR look-ups cheap; beyond it everything runs matrix-free. */
#define SUMMARIZER_DENSE_LIMIT 4096

/* A sentence needs this many words to be summary material: shorter ones are labels and debris. */
#define SUMMARIZER_MIN_WORDS 4

/* Cosine threshold of the LexRank graph (Erkan and Radev's usual 0.1). */
#define SUMMARIZER_LEXRANK_THRESHOLD 0.1

typedef struct {
    char *name;
    char *bytes; /* owned copy, NUL-terminated */
    size_t len;
    size_t body_start; /* after a BOM */
} summarizer_doc;

/* Per-candidate analysis of the last run. */
typedef struct {
    size_t n_words;
    size_t n_broken;
    size_t n_latin;
    size_t n_terms;
    int eligible;
} summarizer_info;

struct ars_summarizer {
    ars_options opt;
    analyzer *an;
    summarizer_doc *docs;
    size_t n_docs, cap_docs;
    /* results of the last run */
    ars_sentence *sents; /* all candidates, source order */
    size_t n_sents;
    char *display; /* the printed text of every candidate, NUL-separated */
    ars_sentence *summary;
    size_t n_summary;
};

static void summarizer_defaults(ars_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
    opts->method = ARS_METHOD_DEFAULT;
    opts->stem = ARS_STEM_SNOWBALL;
    opts->order = ARS_ORDER_SOURCE;
    opts->lambda = 0.7;
    opts->max_sim = 0.5;
    opts->max_words = 120;
    opts->max_sentences = 0;
    opts->ratio = 0.0;
    opts->damping = 0.85;
    opts->tolerance = 1e-6;
    opts->max_iter = 200;
    opts->max_input_bytes = (size_t)64 << 20;
    opts->position_weight = 0.7;
}

/* The size of the first published ars_options: struct_size below it was not set by
 * ars_options_init. Later fields are only ever appended. */
#define SUMMARIZER_OPTIONS_SIZE_V1 (offsetof(ars_options, position_weight) + sizeof(double))

ARS_API void ars_options_init_size(ars_options *opts, size_t struct_size) {
    ars_options d;
    summarizer_defaults(&d);
    /* A program built against an older header owns only struct_size bytes; a newer one owns more,
     * which ars_summarizer_new will refuse (its fields are unknown here), so they are zeroed. */
    if (struct_size > sizeof d) memset((char *)opts + sizeof d, 0, struct_size - sizeof d);
    memcpy(opts, &d, struct_size < sizeof d ? struct_size : sizeof d);
    if (struct_size >= sizeof opts->struct_size) opts->struct_size = struct_size;
}

/* The caller's options over the defaults, the fields it knows and no more. */
static ars_status summarizer_take_options(const ars_options *opts, ars_options *out,
                                          ars_error *err) {
    summarizer_defaults(out);
    if (!opts) return ARS_OK;
    if (opts->struct_size < SUMMARIZER_OPTIONS_SIZE_V1)
        return error_set(err, ARS_EARG, "options not filled by ars_options_init()");
    if (opts->struct_size > sizeof *out)
        return error_set(err, ARS_EARG,
                         "options from a newer libsummarize header (%zu bytes; this library %s "
                         "knows %zu)",
                         opts->struct_size, ARS_VERSION_STRING, sizeof *out);
    memcpy(out, opts, opts->struct_size);
    out->struct_size = sizeof *out;
    return ARS_OK;
}

ARS_API const char *ars_version(void) {
    return ARS_VERSION_STRING;
}

ARS_API unsigned ars_version_number(void) {
    return ARS_VERSION_NUMBER;
}

/* Names of the public enums, indexed by value (values are dense from 0 and never renumbered). */
static const char *const summarizer_method_names[] = {"default",  "lead",    "centroid",
                                                      "textrank", "lexrank", "mmr"};
static const char *const summarizer_stem_names[] = {"snowball", "none"};
static const char *const summarizer_order_names[] = {"source", "score"};
static const char *const summarizer_format_names[] = {"text", "json"};
#define SUMMARIZER_COUNT(a) (sizeof(a) / sizeof *(a))

static const char *summarizer_name(const char *const *names, size_t n, int value) {
    return value >= 0 && (size_t)value < n ? names[value] : NULL;
}

static ars_status summarizer_lookup(const char *const *names, size_t n, const char *name,
                                    int *value) {
    if (!name) return ARS_EARG;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0) {
            *value = (int)i;
            return ARS_OK;
        }
    return ARS_EARG;
}

/* One name/from_name pair per public enum. */
#define SUMMARIZER_NAMES(type, noun, table)                                                        \
    ARS_API const char *ars_##noun##_name(type value) {                                            \
        return summarizer_name(table, SUMMARIZER_COUNT(table), (int)value);                        \
    }                                                                                              \
    ARS_API ars_status ars_##noun##_from_name(const char *name, type *out) {                       \
        int v = 0;                                                                                 \
        if (!out || summarizer_lookup(table, SUMMARIZER_COUNT(table), name, &v) != ARS_OK)         \
            return ARS_EARG;                                                                       \
        *out = (type)v;                                                                            \
        return ARS_OK;                                                                             \
    }
SUMMARIZER_NAMES(ars_method, method, summarizer_method_names)
SUMMARIZER_NAMES(ars_stem, stem, summarizer_stem_names)
SUMMARIZER_NAMES(ars_order, order, summarizer_order_names)
SUMMARIZER_NAMES(ars_format, format, summarizer_format_names)

static ars_status summarizer_check_options(const ars_options *o, ars_error *err) {
    /* A value is known exactly when it has a name: adding one to the tables above is enough. */
    if (!ars_method_name(o->method))
        return error_set(err, ARS_EARG, "unknown method %d", (int)o->method);
    if (!ars_stem_name(o->stem))
        return error_set(err, ARS_EARG, "unknown stemming %d", (int)o->stem);
    if (!ars_order_name(o->order))
        return error_set(err, ARS_EARG, "unknown order %d", (int)o->order);
    if (!(o->lambda >= 0.0 && o->lambda <= 1.0))
        return error_set(err, ARS_EARG, "lambda must be in [0, 1]");
    if (!(o->max_sim > 0.0 && o->max_sim <= 1.0))
        return error_set(err, ARS_EARG, "max-sim must be in (0, 1]");
    if (!(o->position_weight >= 0.0 && o->position_weight <= 1.0))
        return error_set(err, ARS_EARG, "position weight must be in [0, 1]");
    if (!(o->ratio >= 0.0 && o->ratio <= 1.0))
        return error_set(err, ARS_EARG, "ratio must be in (0, 1]");
    if (!(o->damping > 0.0 && o->damping < 1.0))
        return error_set(err, ARS_EARG, "damping must be in (0, 1)");
    if (!(o->tolerance > 0.0) || o->max_iter < 1)
        return error_set(err, ARS_EARG, "tolerance must be > 0 and max_iter >= 1");
    return ARS_OK;
}

ARS_API ars_status ars_summarizer_new(const ars_options *opts, ars_summarizer **out,
                                      ars_error *err) {
    if (!out) return error_set(err, ARS_EARG, "ars_summarizer_new: out is NULL");
    *out = NULL;
    ars_summarizer *s = calloc(1, sizeof *s);
    if (!s) return error_at(err, ARS_ENOMEM, "summarizer");
    ars_status st = summarizer_take_options(opts, &s->opt, err);
    if (st == ARS_OK) st = summarizer_check_options(&s->opt, err);
    if (st != ARS_OK) {
        free(s);
        return st;
    }
    st = analyzer_new(s->opt.stem, &s->an, err);
    if (st != ARS_OK) {
        free(s);
        return st;
    }
    *out = s;
    return ARS_OK;
}

static void summarizer_clear_results(ars_summarizer *s) {
    free(s->sents);
    free(s->display);
    free(s->summary);
    s->sents = NULL;
    s->display = NULL;
    s->summary = NULL;
    s->n_sents = s->n_summary = 0;
}

ARS_API void ars_summarizer_reset(ars_summarizer *s) {
    if (!s) return;
    for (size_t i = 0; i < s->n_docs; i++) {
        free(s->docs[i].name);
        free(s->docs[i].bytes);
    }
    s->n_docs = 0;
    summarizer_clear_results(s);
}

ARS_API void ars_summarizer_free(ars_summarizer *s) {
    if (!s) return;
    ars_summarizer_reset(s);
    free(s->docs);
    analyzer_free(s->an);
    free(s);
}

static char *summarizer_strdup(const char *str) {
    size_t n = strlen(str) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, str, n);
    return d;
}

ARS_API ars_status ars_summarizer_add_document(ars_summarizer *s, const char *name,
                                               const char *bytes, size_t len, ars_error *err) {
    if (!s || !name || (!bytes && len))
        return error_set(err, ARS_EARG, "ars_summarizer_add_document: NULL argument");
    if (s->opt.max_input_bytes && len > s->opt.max_input_bytes)
        return error_set(err, ARS_ELIMIT, "%s: larger than %zu bytes", name,
                         s->opt.max_input_bytes);
    size_t body = 0;
    ars_status st = ars_text_check(name, bytes ? bytes : "", len, &body, err);
    if (st != ARS_OK) return st;
    if (s->n_docs == s->cap_docs) {
        size_t nc = s->cap_docs ? s->cap_docs * 2 : 16;
        summarizer_doc *nd = realloc(s->docs, nc * sizeof *nd);
        if (!nd) return error_at(err, ARS_ENOMEM, "%s", name);
        s->docs = nd;
        s->cap_docs = nc;
    }
    summarizer_doc d = {summarizer_strdup(name), malloc(len + 1), len, body};
    if (!d.name || !d.bytes) {
        free(d.name);
        free(d.bytes);
        return error_at(err, ARS_ENOMEM, "%s", name);
    }
    if (len) memcpy(d.bytes, bytes, len);
    d.bytes[len] = '\0';
    s->docs[s->n_docs++] = d;
    return ARS_OK;
}

ARS_API ars_status ars_summarizer_add_file(ars_summarizer *s, const char *path, ars_error *err) {
    if (!s || !path) return error_set(err, ARS_EARG, "ars_summarizer_add_file: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    ars_status st = ars_file_read(path, s->opt.max_input_bytes, &buf, &len, err);
    if (st != ARS_OK) return st;
    st = ars_summarizer_add_document(s, path, buf, len, err);
    free(buf);
    return st;
}

ARS_API size_t ars_summarizer_document_count(const ars_summarizer *s) {
    return s ? s->n_docs : 0;
}

ars_method summarizer_method(const ars_summarizer *s) {
    return s->opt.method;
}

ARS_API size_t ars_summary_count(const ars_summarizer *s) {
    return s ? s->n_summary : 0;
}

ARS_API const ars_sentence *ars_summary_get(const ars_summarizer *s, size_t i) {
    return s && i < s->n_summary ? &s->summary[i] : NULL;
}

ARS_API size_t ars_summarizer_sentence_count(const ars_summarizer *s) {
    return s ? s->n_sents : 0;
}

ARS_API const ars_sentence *ars_summarizer_sentence_get(const ars_summarizer *s, size_t i) {
    return s && i < s->n_sents ? &s->sents[i] : NULL;
}

/* The printed form of a sentence: its original bytes, with each run of white space that contains
 * a line break (a joined hard wrap) folded to one space. Returns the bytes written. */
static size_t summarizer_fold(const char *src, size_t len, char *dst) {
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        char c = src[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            size_t j = i;
            int has_break = 0;
            while (j < len &&
                   (src[j] == ' ' || src[j] == '\t' || src[j] == '\r' || src[j] == '\n')) {
                if (src[j] == '\n' || src[j] == '\r') has_break = 1;
                j++;
            }
            if (has_break)
                dst[o++] = ' ';
            else
                for (size_t k = i; k < j; k++)
                    dst[o++] = src[k];
            i = j;
        } else {
            dst[o++] = src[i++];
        }
    }
    dst[o] = '\0';
    return o;
}

/* Well-formedness weight: each damaged token halves it, and a sentence that is mostly Latin script
 * (menus, credits, code) is discounted; between near duplicates the cleaner copy wins. */
static double summarizer_quality(const summarizer_info *in) {
    double q = pow(0.5, (double)in->n_broken);
    if (in->n_words && in->n_latin * 2 > in->n_words) q *= 0.25;
    return q;
}

/* Everything a run allocates, freed in one place. */
typedef struct {
    clean_line **lines;
    size_t *n_lines;
    segment_sentence *spans; /* all candidates */
    size_t n_spans, cap_spans;
    size_t *span_doc, *span_index;
    summarizer_info *info;
    uint32_t *terms;
    size_t n_terms, cap_terms;
    size_t *offsets;  /* term offsets per eligible sentence */
    size_t *elig;     /* eligible candidate indices */
    size_t *position; /* per eligible: index among the eligible of its document */
    vocab *voc;
    tfidf_matrix x;
    float *dense;
    double *rel;
    select_item *items;
    size_t *chosen;
} summarizer_run_state;

static void summarizer_run_free(summarizer_run_state *r, size_t n_docs) {
    if (r->lines)
        for (size_t d = 0; d < n_docs; d++)
            free(r->lines[d]);
    free(r->lines);
    free(r->n_lines);
    free(r->spans);
    free(r->span_doc);
    free(r->span_index);
    free(r->info);
    free(r->terms);
    free(r->offsets);
    free(r->elig);
    free(r->position);
    vocab_free(r->voc);
    tfidf_free(&r->x);
    free(r->dense);
    free(r->rel);
    free(r->items);
    free(r->chosen);
}

/* Clean and segment every document into r->spans (source order). */
static ars_status summarizer_split(ars_summarizer *s, summarizer_run_state *r, ars_error *err) {
    size_t nd = s->n_docs;
    clean_doc *cd = malloc(nd * sizeof *cd);
    r->lines = calloc(nd, sizeof *r->lines);
    r->n_lines = calloc(nd, sizeof *r->n_lines);
    if (!cd || !r->lines || !r->n_lines) {
        free(cd);
        return error_at(err, ARS_ENOMEM, "clean");
    }
    for (size_t d = 0; d < nd; d++)
        cd[d] = (clean_doc){s->docs[d].bytes, s->docs[d].len, s->docs[d].body_start};
    ars_status st = clean_documents(cd, nd, r->lines, r->n_lines);
    free(cd);
    if (st != ARS_OK) return error_at(err, st, "clean");
    for (size_t d = 0; d < nd; d++) {
        segment_sentence *ss = NULL;
        size_t ns = 0;
        st = segment_document(s->docs[d].bytes, s->docs[d].len, r->lines[d], r->n_lines[d], &ss,
                              &ns);
        if (st != ARS_OK) return error_at(err, st, "%s: segment", s->docs[d].name);
        if (r->n_spans + ns > r->cap_spans) {
            size_t nc = (r->n_spans + ns) * 2 + 16;
            segment_sentence *np = realloc(r->spans, nc * sizeof *np);
            if (np) r->spans = np;
            size_t *nd1 = np ? realloc(r->span_doc, nc * sizeof *nd1) : NULL;
            if (nd1) r->span_doc = nd1;
            size_t *nd2 = nd1 ? realloc(r->span_index, nc * sizeof *nd2) : NULL;
            if (nd2) r->span_index = nd2;
            if (!nd2) {
                free(ss);
                return error_at(err, ARS_ENOMEM, "%s: segment", s->docs[d].name);
            }
            r->cap_spans = nc;
        }
        for (size_t k = 0; k < ns; k++) {
            r->spans[r->n_spans] = ss[k];
            r->span_doc[r->n_spans] = d;
            r->span_index[r->n_spans] = k;
            r->n_spans++;
        }
        free(ss);
    }
    return ARS_OK;
}

/* Analyse every candidate; eligible ones get their terms appended in eligible order. */
static ars_status summarizer_analyse(ars_summarizer *s, summarizer_run_state *r, size_t *n_elig,
                                     ars_error *err) {
    size_t n = r->n_spans;
    r->info = calloc(n ? n : 1, sizeof *r->info);
    r->offsets = malloc((n + 1) * sizeof *r->offsets);
    r->elig = malloc((n ? n : 1) * sizeof *r->elig);
    r->position = malloc((n ? n : 1) * sizeof *r->position);
    if (!r->info || !r->offsets || !r->elig || !r->position)
        return error_at(err, ARS_ENOMEM, "analyse");
    ars_status st = vocab_new(&r->voc);
    if (st != ARS_OK) return error_at(err, st, "analyse");
    size_t ne = 0, doc_pos = 0, prev_doc = SIZE_MAX;
    r->offsets[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const summarizer_doc *d = &s->docs[r->span_doc[i]];
        const segment_sentence *sp = &r->spans[i];
        size_t before = r->n_terms;
        analyze_stats stats;
        st = analyzer_sentence(s->an, r->voc, d->bytes + sp->start, sp->end - sp->start, &r->terms,
                               &r->n_terms, &r->cap_terms, &stats);
        if (st != ARS_OK)
            return error_at(err, st, "%s: analyse: sentence %zu", d->name, r->span_index[i] + 1);
        summarizer_info *in = &r->info[i];
        in->n_words = stats.n_words;
        in->n_broken = stats.n_broken;
        in->n_latin = stats.n_latin;
        in->n_terms = stats.n_terms;
        in->eligible = !(sp->flags & SEGMENT_HEADING) && stats.n_words >= SUMMARIZER_MIN_WORDS &&
                       stats.n_terms > 0;
        if (!in->eligible) {
            r->n_terms = before; /* only eligible sentences enter the vectors */
            continue;
        }
        if (r->span_doc[i] != prev_doc) {
            prev_doc = r->span_doc[i];
            doc_pos = 0;
        }
        r->position[ne] = doc_pos++;
        r->elig[ne++] = i;
        r->offsets[ne] = r->n_terms;
    }
    *n_elig = ne;
    return ARS_OK;
}

static ars_status summarizer_rank(ars_summarizer *s, summarizer_run_state *r, size_t ne,
                                  const rank_graph *g, ars_error *err) {
    const ars_options *o = &s->opt;
    rank_pagerank_params pp = {o->damping, o->tolerance, o->max_iter};
    int iters = 0;
    ars_status st = ARS_OK;
    switch (o->method) {
    case ARS_METHOD_LEAD:
        rank_lead(r->position, ne, r->rel);
        break;
    case ARS_METHOD_CENTROID:
    case ARS_METHOD_MMR:
        st = rank_centroid(&r->x, r->rel);
        break;
    case ARS_METHOD_LEXRANK:
        st = rank_lexrank(g, SUMMARIZER_LEXRANK_THRESHOLD, &pp, r->rel, &iters);
        break;
    case ARS_METHOD_DEFAULT:
    case ARS_METHOD_TEXTRANK:
        st = rank_textrank(g, &pp, r->rel, &iters);
        break;
    }
    if (st != ARS_OK) return error_at(err, st, "rank");
    if (o->method == ARS_METHOD_DEFAULT && o->position_weight > 0.0) {
        /* News puts the point of a story first: blend graph centrality (scaled to a maximum of 1)
         * with the lead score of the sentence's position in its own document. */
        double top = 0.0;
        for (size_t e = 0; e < ne; e++)
            if (r->rel[e] > top) top = r->rel[e];
        for (size_t e = 0; e < ne; e++) {
            double central = top > 0.0 ? r->rel[e] / top : 0.0;
            double lead = 1.0 / (1.0 + (double)r->position[e]);
            r->rel[e] = (1.0 - o->position_weight) * central + o->position_weight * lead;
        }
    }
    return ARS_OK;
}

/* Builds the borrowed views of the last run: all candidates and the summary. */
static ars_status summarizer_publish(ars_summarizer *s, summarizer_run_state *r, size_t ne,
                                     size_t n_chosen, ars_error *err) {
    size_t n = r->n_spans, total = 0;
    for (size_t i = 0; i < n; i++)
        total += r->spans[i].end - r->spans[i].start + 1;
    s->sents = calloc(n ? n : 1, sizeof *s->sents);
    s->display = malloc(total ? total : 1);
    s->summary = calloc(n_chosen ? n_chosen : 1, sizeof *s->summary);
    double *score = calloc(n ? n : 1, sizeof *score);
    if (!s->sents || !s->display || !s->summary || !score) {
        free(score);
        return error_at(err, ARS_ENOMEM, "results");
    }
    for (size_t e = 0; e < ne; e++)
        score[r->elig[e]] = r->rel[e];
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        const summarizer_doc *d = &s->docs[r->span_doc[i]];
        const segment_sentence *sp = &r->spans[i];
        char *txt = s->display + off;
        size_t tl = summarizer_fold(d->bytes + sp->start, sp->end - sp->start, txt);
        off += tl + 1;
        s->sents[i] = (ars_sentence){
            r->span_doc[i], d->name, r->span_index[i], sp->start, sp->end, txt, tl, score[i]};
    }
    free(score);
    for (size_t k = 0; k < n_chosen; k++)
        s->summary[k] = s->sents[r->elig[r->chosen[k]]];
    s->n_sents = n;
    s->n_summary = n_chosen;
    return ARS_OK;
}

ARS_API ars_status ars_summarizer_run(ars_summarizer *s, ars_error *out_err) {
    if (!s) return error_set(out_err, ARS_EARG, "ars_summarizer_run: NULL summarizer");
    summarizer_clear_results(s);
    ars_error local = {ARS_OK, ""}, *err = &local; /* out_err is untouched on success */
    summarizer_run_state r;
    memset(&r, 0, sizeof r);
    size_t ne = 0, n_chosen = 0;
    ars_status st = summarizer_split(s, &r, err);
    if (st == ARS_OK) st = summarizer_analyse(s, &r, &ne, err);
    if (st != ARS_OK) goto done;
    if (ne == 0) {
        st = error_set(err, ARS_EEMPTY, "no usable sentence in %zu document%s", s->n_docs,
                       s->n_docs == 1 ? "" : "s");
        goto done;
    }
    st = tfidf_build(r.terms, r.offsets, ne, vocab_size(r.voc), &r.x);
    if (st != ARS_OK) {
        error_at(err, st, "vectorise");
        goto done;
    }
    rank_graph g = {&r.x, NULL};
    if (ne <= SUMMARIZER_DENSE_LIMIT) {
        r.dense = malloc(ne * ne * sizeof *r.dense);
        st = r.dense ? similarity_dense(&r.x, r.dense) : ARS_ENOMEM;
        if (st != ARS_OK) {
            error_at(err, st, "similarity");
            goto done;
        }
        g.dense = r.dense;
    } else if (s->opt.method == ARS_METHOD_LEXRANK) {
        st = error_set(err, ARS_ELIMIT,
                       "lexrank needs the dense similarity matrix: %zu sentences "
                       "exceed the limit of %d; use textrank or mmr",
                       ne, SUMMARIZER_DENSE_LIMIT);
        goto done;
    }
    r.rel = malloc(ne * sizeof *r.rel);
    r.items = malloc(ne * sizeof *r.items);
    r.chosen = malloc(ne * sizeof *r.chosen);
    if (!r.rel || !r.items || !r.chosen) {
        st = error_at(err, ARS_ENOMEM, "rank");
        goto done;
    }
    st = summarizer_rank(s, &r, ne, &g, err);
    if (st != ARS_OK) goto done;
    size_t total_words = 0;
    for (size_t e = 0; e < ne; e++) {
        const summarizer_info *in = &r.info[r.elig[e]];
        double q = s->opt.method == ARS_METHOD_LEAD ? 1.0 : summarizer_quality(in);
        r.rel[e] *= q; /* the published score is the weighted relevance the selector used */
        r.items[e] = (select_item){r.rel[e], in->n_words};
        total_words += in->n_words;
    }
    select_params sp = {s->opt.method == ARS_METHOD_DEFAULT || s->opt.method == ARS_METHOD_MMR,
                        s->opt.lambda, s->opt.max_sim, s->opt.max_words, s->opt.max_sentences};
    if (s->opt.ratio > 0.0) {
        size_t by_ratio = (size_t)ceil(s->opt.ratio * (double)total_words);
        if (!sp.max_words || by_ratio < sp.max_words) sp.max_words = by_ratio;
    }
    st = select_sentences(&g, r.items, ne, &sp, r.chosen, &n_chosen);
    if (st != ARS_OK) {
        error_at(err, st, "select");
        goto done;
    }
    select_order(r.chosen, n_chosen, s->opt.order == ARS_ORDER_SCORE ? r.rel : NULL);
    st = summarizer_publish(s, &r, ne, n_chosen, err);
done:
    if (st != ARS_OK) {
        summarizer_clear_results(s);
        if (local.status != st) error_at(err, st, "run"); /* every stage names itself above */
        if (out_err) *out_err = local;
    }
    summarizer_run_free(&r, s->n_docs);
    return st;
}
