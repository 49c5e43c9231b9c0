/* summarizer.c - the public API and the pipeline that wires the stages together:
 * read (text/read.c) -> clean (text/clean.c) -> split (text/segment.c) -> analyse (analyze.c) ->
 * vectorise (vectors/tfidf.c) -> similarity (vectors/similarity.c) -> rank (rank/rank.c) ->
 * select and order (rank/select.c). Output formatting lives in output/. The run keeps one
 * candidate table (summarizer_candidate) that every stage after analysis reads and extends. */
#include "summarize/summarize.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "summarize/analyze.h"
#include "summarize/common/error.h"
#include "summarize/common/optsize.h"
#include "summarize/common/parallel.h"
#include "summarize/output/display.h"
#include "summarize/rank/rank.h"
#include "summarize/rank/select.h"
#include "summarize/summarizer_internal.h"
#include "summarize/text/clean.h"
#include "summarize/text/discourse.h"
#include "summarize/text/segment.h"
#include "vectors/similarity.h"
#include "vectors/textstore.h"
#include "vectors/hugemem.h"
#include "vectors/tfidf.h"
#include "vectors/vocab.h"

/* LexRank compares every pair of sentences (quadratic time): it is refused beyond this many. */
#define SUMMARIZER_LEXRANK_LIMIT 4096

/* A sentence needs this many words to be summary material: shorter ones are labels and debris. */
#define SUMMARIZER_MIN_WORDS 4

/* A document shows glyph loss when at least this many of its tokens are truncated function words
 * (analyze.c): the PDF seed has 25, clean news 0 to 2 (a typo, the "ف" of "ا ف ب"). */
#define SUMMARIZER_DAMAGE_MIN_TOKENS 3

/* Default method: rank_lead_graph's centrality_floor. At 1 the most central sentence of a run
 * weighs twice the least central one at the same position: centrality orders sentences within a
 * position and lets a central second sentence tie a peripheral first one, never pass it. Measured
 * on the development sets from 0.3, 1, 3 (docs/EVALUATION.md): 0.3 helped EASC a little and cost
 * MultiLing more, as it reordered first sentences. */
#define SUMMARIZER_CENTRALITY_FLOOR 1.0

/* The front end runs on several threads when there is enough text to pay for them: below this
 * many bytes in all, one thread (each worker stems and caches its own tokens, and the merge is
 * sequential: at 100 articles, 0.28 MB, two threads were slower; docs/BENCHMARKS.md). An explicit
 * ars_options.threads is obeyed at any size. */
#define SUMMARIZER_PARALLEL_MIN_BYTES ((size_t)1024 * 1024)

/* At most this many threads when the count is automatic, and at most SUMMARIZER_THREADS_LIMIT
 * when it is given. */
#define SUMMARIZER_MAX_THREADS   8
#define SUMMARIZER_THREADS_LIMIT 256

/* Cosine threshold of the LexRank graph (Erkan and Radev's usual 0.1). */
#define SUMMARIZER_LEXRANK_THRESHOLD 0.1

/* The stages ars_summarizer_run times, in pipeline order (ars_summarizer_timing_get). */
enum {
    SUMMARIZER_STAGE_CLEAN,
    SUMMARIZER_STAGE_ANALYSE,
    SUMMARIZER_STAGE_VECTORISE,
    SUMMARIZER_STAGE_SIMILARITY,
    SUMMARIZER_STAGE_RANK,
    SUMMARIZER_STAGE_SELECT,
    SUMMARIZER_STAGE_RESULTS,
    SUMMARIZER_N_STAGES
};
static const char *const summarizer_stage_names[SUMMARIZER_N_STAGES] = {
    "clean", "analyse", "vectorise", "similarity", "rank", "select", "results"};

typedef struct {
    char *name;
    char *bytes; /* the summarizer's copy (in its textstore), NUL-terminated */
    size_t len;
    size_t body_start; /* after a BOM */
} summarizer_doc;

struct ars_summarizer {
    ars_options opt;
    analyzer *an;
    analyzer **extra; /* the analyzers of the front end's other workers (parallel runs) */
    size_t n_extra;
    summarizer_doc *docs;
    size_t n_docs, cap_docs;
    textstore store; /* the documents' names and bytes */
    /* results of the last run */
    ars_sentence *sents; /* all candidates, source order */
    size_t n_sents;
    char *display;        /* the printed text of every candidate, NUL-separated */
    size_t display_bytes; /* its size, for hugemem_free */
    ars_sentence *summary;
    size_t n_summary;
    /* stage times of the last run, in seconds; n_stages is 0 until a run succeeds */
    double stage_wall[SUMMARIZER_N_STAGES], stage_cpu[SUMMARIZER_N_STAGES];
    size_t n_stages;
};

static void summarizer_defaults(ars_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
    opts->method = ARS_METHOD_DEFAULT;
    opts->stem = ARS_STEM_SNOWBALL;
    opts->order = ARS_ORDER_SOURCE;
    opts->lambda = 1.0;
    opts->max_sim = 0.5;
    opts->max_words = 120;
    opts->max_sentences = 0;
    opts->ratio = 0.0;
    opts->damping = 0.85;
    opts->tolerance = 1e-6;
    opts->max_iter = 200;
    opts->max_input_bytes = (size_t)64 << 20;
    opts->position_weight = 1.0;
    opts->document_weight = 1.0;
    opts->budget = ARS_BUDGET_FIRST;
    opts->spread = ARS_SPREAD_STORIES;
}

_Static_assert((int)SELECT_BUDGET_STRICT == (int)ARS_BUDGET_STRICT &&
                   (int)SELECT_BUDGET_FIRST == (int)ARS_BUDGET_FIRST &&
                   (int)SELECT_BUDGET_FILL == (int)ARS_BUDGET_FILL,
               "select_budget mirrors ars_budget");

ARS_API int ars_budget_allows(ars_budget policy, size_t max_words, size_t words, size_t n_chosen,
                              size_t len) {
    return select_fits((select_budget)policy, max_words, words, n_chosen, len);
}

/* The size of the first published ars_options: struct_size below it was not set by
 * ars_options_init. Later fields are only ever appended. */
#define SUMMARIZER_OPTIONS_SIZE_V1 (offsetof(ars_options, position_weight) + sizeof(double))

ARS_API void ars_options_init_size(ars_options *opts, size_t struct_size) {
    ars_options d;
    summarizer_defaults(&d);
    /* A program built against an older header owns only struct_size bytes; a newer one owns more,
     * which ars_summarizer_new will refuse (its fields are unknown here), so they are zeroed. */
    optsize_init(opts, &d, sizeof d, struct_size);
}

/* The caller's options over the defaults, the fields it knows and no more. */
static ars_status summarizer_take_options(const ars_options *opts, ars_options *out,
                                          ars_error *err) {
    summarizer_defaults(out);
    return optsize_take(out, sizeof *out, opts, SUMMARIZER_OPTIONS_SIZE_V1, "options",
                        "ars_options_init", err);
}

ARS_API void ars_tune_process(void) {
    similarity_blas_park();
#if defined(__GLIBC__)
    /* Blocks up to 256 MiB from the heap, freed memory kept up to 512 MiB, the heap grown 64 MiB
     * at a time (address space: pages cost only when touched). */
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
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
static const char *const summarizer_spread_names[] = {"stories", "none"};
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
SUMMARIZER_NAMES(ars_spread, spread, summarizer_spread_names)
SUMMARIZER_NAMES(ars_format, format, summarizer_format_names)

static ars_status summarizer_check_options(const ars_options *o, ars_error *err) {
    /* A value is known exactly when it has a name: adding one to the tables above is enough. */
    if (!ars_method_name(o->method))
        return error_set(err, ARS_EARG, "unknown method %d", (int)o->method);
    if (!ars_stem_name(o->stem))
        return error_set(err, ARS_EARG, "unknown stemming %d", (int)o->stem);
    if (!ars_order_name(o->order))
        return error_set(err, ARS_EARG, "unknown order %d", (int)o->order);
    if (!ars_spread_name(o->spread))
        return error_set(err, ARS_EARG, "unknown spread %d", (int)o->spread);
    if (!(o->lambda >= 0.0 && o->lambda <= 1.0))
        return error_set(err, ARS_EARG, "lambda must be in [0, 1]");
    if (!(o->max_sim > 0.0 && o->max_sim <= 1.0))
        return error_set(err, ARS_EARG, "max-sim must be in (0, 1]");
    if ((unsigned)o->budget > ARS_BUDGET_FILL)
        return error_set(err, ARS_EARG, "unknown budget policy %d", (int)o->budget);
    if (!(o->position_weight >= 0.0 && o->position_weight <= 1.0))
        return error_set(err, ARS_EARG, "position weight must be in [0, 1]");
    if (!(o->document_weight >= 0.0 && o->document_weight <= 1.0))
        return error_set(err, ARS_EARG, "document weight must be in [0, 1]");
    if (!(o->ratio >= 0.0 && o->ratio <= 1.0))
        return error_set(err, ARS_EARG, "ratio must be in (0, 1]");
    if (!(o->damping > 0.0 && o->damping < 1.0))
        return error_set(err, ARS_EARG, "damping must be in (0, 1)");
    if (!(o->tolerance > 0.0) || o->max_iter < 1)
        return error_set(err, ARS_EARG, "tolerance must be > 0 and max_iter >= 1");
    if (o->threads > SUMMARIZER_THREADS_LIMIT)
        return error_set(err, ARS_EARG, "threads must be at most %d", SUMMARIZER_THREADS_LIMIT);
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
    s->n_stages = 0;
    free(s->sents);
    hugemem_free(s->display, s->display_bytes);
    free(s->summary);
    s->sents = NULL;
    s->display = NULL;
    s->summary = NULL;
    s->n_sents = s->n_summary = 0;
}

ARS_API void ars_summarizer_reset(ars_summarizer *s) {
    if (!s) return;
    textstore_free(&s->store);
    s->n_docs = 0;
    summarizer_clear_results(s);
}

ARS_API void ars_summarizer_free(ars_summarizer *s) {
    if (!s) return;
    ars_summarizer_reset(s);
    free(s->docs);
    analyzer_free(s->an);
    for (size_t k = 0; k < s->n_extra; k++)
        analyzer_free(s->extra[k]);
    free(s->extra);
    free(s);
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
    /* Out of memory part way, a copy already made stays in the store until the reset. */
    summarizer_doc d = {textstore_copy(&s->store, name, strlen(name)), NULL, len, body};
    if (d.name) d.bytes = textstore_copy(&s->store, bytes ? bytes : "", len);
    if (!d.bytes) return error_at(err, ARS_ENOMEM, "%s", name);
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

ARS_API size_t ars_summarizer_timing_count(const ars_summarizer *s) {
    return s ? s->n_stages : 0;
}

ARS_API const char *ars_summarizer_timing_get(const ars_summarizer *s, size_t i,
                                              double *wall_seconds, double *cpu_seconds) {
    if (!s || i >= s->n_stages) return NULL;
    if (wall_seconds) *wall_seconds = s->stage_wall[i];
    if (cpu_seconds) *cpu_seconds = s->stage_cpu[i];
    return summarizer_stage_names[i];
}

/* A point in time on both clocks the timings report: wall (monotonic) and the CPU time of the
 * whole process, every thread included, so parallel stages show CPU above wall. */
typedef struct {
    struct timespec wall, cpu;
} summarizer_clock;

static void summarizer_clock_now(summarizer_clock *c) {
    clock_gettime(CLOCK_MONOTONIC, &c->wall);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c->cpu);
}

static double summarizer_seconds(const struct timespec *from, const struct timespec *to) {
    return (double)(to->tv_sec - from->tv_sec) + 1e-9 * (double)(to->tv_nsec - from->tv_nsec);
}

/* Charges the time since *since to a stage and restarts *since. */
static void summarizer_lap(ars_summarizer *s, int stage, summarizer_clock *since) {
    summarizer_clock now;
    summarizer_clock_now(&now);
    s->stage_wall[stage] += summarizer_seconds(&since->wall, &now.wall);
    s->stage_cpu[stage] += summarizer_seconds(&since->cpu, &now.cpu);
    *since = now;
}

/* One candidate sentence of a run: what every stage after analysis reads. Candidates are in
 * source order (document, then position); their terms are terms[offsets[c] .. offsets[c+1]). */
typedef struct {
    size_t doc;
    size_t position; /* index among its document's candidates */
    size_t seq;      /* index among its document's sentences */
    size_t start, end;
    uint32_t flags; /* SEGMENT_* */
    size_t n_words, n_broken, n_latin;
    double relevance; /* the ranker's score times the well-formedness weight */
} summarizer_candidate;

/* What summarizer_lean reads, and its answers so far (memo[i]: 0 not asked, else 1 + the answer),
 * so the order stage does not read a sentence's opening again. */
typedef struct {
    const ars_summarizer *s;
    const summarizer_candidate *cand;
    unsigned char *memo;
} summarizer_lean_ctx;

/* What the run learns about each document. */
typedef struct {
    size_t n_broken;     /* truncated function words in all its sentences */
    int year;            /* clean_document_year: 0 when unknown */
    unsigned char older; /* about an older event than the cluster (rank_older_documents) */
} summarizer_docinfo;

/* Everything a run allocates, freed in one place. */
typedef struct {
    clean_line **lines;
    size_t *n_lines;
    summarizer_docinfo *docs;
    summarizer_candidate *cand;
    size_t n_cand;
    uint32_t *terms;
    size_t n_terms;
    size_t *offsets; /* n_cand + 1 entries */
    vocab *voc;
    tfidf_matrix x;
    /* per candidate, for the rankers and the selector */
    size_t *position, *doc_of;
    double *rel;
    select_item *items;
    size_t *chosen;
    size_t n_too_long; /* sentences over the length caps (ARS_SENTENCE_MAX_*) */
} summarizer_run_state;

static void summarizer_run_free(summarizer_run_state *r, size_t n_docs) {
    if (r->lines)
        for (size_t d = 0; d < n_docs; d++)
            free(r->lines[d]);
    free(r->lines);
    free(r->n_lines);
    free(r->docs);
    free(r->cand);
    free(r->terms);
    free(r->offsets);
    vocab_free(r->voc);
    tfidf_free(&r->x);
    free(r->position);
    free(r->doc_of);
    free(r->rel);
    free(r->items);
    free(r->chosen);
}

/* The threads of this run's front end (see ars_options.threads). */
static size_t summarizer_thread_count(const ars_summarizer *s) {
    size_t bytes = 0;
    for (size_t d = 0; d < s->n_docs; d++)
        bytes += s->docs[d].len;
    size_t t = s->opt.threads;
    if (t == 0) {
        t = bytes < SUMMARIZER_PARALLEL_MIN_BYTES ? 1 : parallel_idle_cpu_count();
        if (t > SUMMARIZER_MAX_THREADS) t = SUMMARIZER_MAX_THREADS;
    }
    if (t > s->n_docs) t = s->n_docs;
    return t ? t : 1;
}

/* Stage "clean": every document's lines classified together (repetition across documents is a
 * signal); the per-document phases on the run's threads. */
static ars_status summarizer_clean(ars_summarizer *s, summarizer_run_state *r,
                                   const parallel_plan *plan, ars_error *err) {
    size_t nd = s->n_docs;
    clean_doc *cd = malloc((nd ? nd : 1) * sizeof *cd);
    r->lines = calloc(nd ? nd : 1, sizeof *r->lines);
    r->n_lines = calloc(nd ? nd : 1, sizeof *r->n_lines);
    r->docs = calloc(nd ? nd : 1, sizeof *r->docs);
    if (!cd || !r->lines || !r->n_lines || !r->docs) {
        free(cd);
        return error_at(err, ARS_ENOMEM, "clean");
    }
    for (size_t d = 0; d < nd; d++)
        cd[d] = (clean_doc){s->docs[d].bytes, s->docs[d].len, s->docs[d].body_start};
    ars_status st = clean_documents(cd, nd, r->lines, r->n_lines, plan);
    free(cd);
    return st == ARS_OK ? ARS_OK : error_at(err, st, "clean");
}

/* One sentence as a worker of the analysis records it. */
typedef struct {
    size_t t0, t1; /* its terms: the worker's terms[t0 .. t1), in the worker's term ids */
    size_t seq;    /* index among its document's sentences */
    size_t start, end;
    uint32_t flags; /* SEGMENT_* */
    size_t n_words, n_broken, n_latin;
    int material; /* a candidate (summarizer_analyse_body) */
} summarizer_sent;

/* A worker of the analysis: its analyzer (each has its own stemmer and token cache), its own
 * vocabulary of stems, and every sentence of the documents it analysed. With one worker the
 * vocabulary is the run's own and term ids need no mapping. */
/* Cache lines are at most this long on the processors we run on. */
#define SUMMARIZER_LINE 64

typedef struct {
    /* Aligned to a cache line (so the struct's size is a whole number of lines): the counters a
     * worker bumps for every term would otherwise share a line with the next worker's and
     * bounce between the processors (measured: twice the CPU time of one thread). */
    _Alignas(SUMMARIZER_LINE) analyzer *an; /* borrowed from the summarizer */
    vocab *voc;                             /* owned unless it is the run's vocabulary */
    uint32_t *terms;
    size_t n_terms, cap_terms;
    summarizer_sent *sents;
    size_t n_sents, cap_sents;
    /* Scratch of a document: the sentences handed to the analyzer, their index among the
     * document's sentences, and what analysis found in each. */
    analyze_span *spans;
    size_t *which;
    analyze_stats *stats;
    size_t cap_spans;
} summarizer_worker;

/* Where a document's sentences are, and why its analysis failed, if it did. */
typedef struct {
    size_t worker, first, count;
    int fail; /* SUMMARIZER_FAIL_* */
    size_t fail_sentence;
    size_t n_too_long; /* sentences over the length caps (ARS_SENTENCE_MAX_*) */
} summarizer_docsents;

enum {
    SUMMARIZER_FAIL_NONE,
    SUMMARIZER_FAIL_SEGMENT,
    SUMMARIZER_FAIL_ANALYSE, /* the analysis of the document as a whole */
    SUMMARIZER_FAIL_SENTENCE
};

typedef struct {
    ars_summarizer *s;
    summarizer_run_state *r;
    summarizer_worker *w;
    summarizer_docsents *ds;
} summarizer_analyse_job;

/* Stages "split" and "analyse" for documents [begin, end) on one worker: the document's year, its
 * kept lines into sentences, each sentence into terms. Sentences that are summary material become
 * candidates (the rest only count towards their document's damage): not titles, headings, list
 * lead-ins or quotation tails, and at least SUMMARIZER_MIN_WORDS words with a content term. */
/* Room in a worker's document scratch for n sentences. */
static ars_status summarizer_worker_room(summarizer_worker *w, size_t n) {
    size_t nc = w->cap_spans ? w->cap_spans : 64;
    while (nc < n) {
        if (nc > SIZE_MAX / 2 / sizeof *w->stats) return ARS_ENOMEM;
        nc *= 2;
    }
    analyze_span *spans = realloc(w->spans, nc * sizeof *spans);
    if (spans) w->spans = spans;
    size_t *which = realloc(w->which, nc * sizeof *which);
    if (which) w->which = which;
    analyze_stats *stats = realloc(w->stats, nc * sizeof *stats);
    if (stats) w->stats = stats;
    if (!spans || !which || !stats) return ARS_ENOMEM;
    w->cap_spans = nc;
    return ARS_OK;
}

/* Room for n more records of sentences in a worker. */
static ars_status summarizer_sents_room(summarizer_worker *w, size_t n) {
    size_t nc = w->cap_sents ? w->cap_sents : 256;
    while (nc - w->n_sents < n) {
        if (nc > SIZE_MAX / 2 / sizeof *w->sents) return ARS_ENOMEM;
        nc *= 2;
    }
    summarizer_sent *grown = realloc(w->sents, nc * sizeof *grown);
    if (!grown) return ARS_ENOMEM;
    w->sents = grown;
    w->cap_sents = nc;
    return ARS_OK;
}

static ars_status summarizer_analyse_body(void *ctx, size_t worker, size_t begin, size_t end) {
    summarizer_analyse_job *job = ctx;
    summarizer_run_state *r = job->r;
    summarizer_worker *w = &job->w[worker];
    const uint32_t not_material =
        SEGMENT_HEADING | SEGMENT_TITLE | SEGMENT_LEADIN | SEGMENT_QUOTE_TAIL | SEGMENT_TEASER;
    for (size_t d = begin; d < end; d++) {
        const summarizer_doc *doc = &job->s->docs[d];
        summarizer_docsents *ds = &job->ds[d];
        clean_doc cd = {doc->bytes, doc->len, doc->body_start};
        r->docs[d].year = clean_document_year(&cd, r->lines[d], r->n_lines[d]);
        segment_sentence *ss = NULL;
        size_t ns = 0;
        ars_status st =
            segment_document(doc->bytes, doc->len, r->lines[d], r->n_lines[d], &ss, &ns);
        if (st != ARS_OK) {
            ds->fail = SUMMARIZER_FAIL_SEGMENT;
            return st;
        }
        *ds = (summarizer_docsents){worker, w->n_sents, 0, SUMMARIZER_FAIL_NONE, 0, 0};
        /* Every sentence of the document in one call (its look-ups overlap), but those too long
         * to be a candidate, which are not worth analysing; and room for a record of each. */
        if (st == ARS_OK && ns > w->cap_spans) st = summarizer_worker_room(w, ns);
        if (st == ARS_OK && w->cap_sents - w->n_sents < ns) st = summarizer_sents_room(w, ns);
        if (st != ARS_OK) {
            free(ss);
            ds->fail = SUMMARIZER_FAIL_ANALYSE;
            return st;
        }
        size_t m = 0, done = 0, t0 = w->n_terms;
        for (size_t k = 0; k < ns; k++) {
            if (ss[k].end - ss[k].start > ARS_SENTENCE_MAX_BYTES) {
                ds->n_too_long++; /* never a candidate: not worth analysing */
                continue;
            }
            w->spans[m] = (analyze_span){ss[k].start, ss[k].end};
            w->which[m++] = k;
        }
        st = analyzer_sentences(w->an, w->voc, doc->bytes, w->spans, m, &w->terms, &w->n_terms,
                                &w->cap_terms, w->stats, &done);
        for (size_t j = 0; j < done; j++) {
            const segment_sentence *sp = &ss[w->which[j]];
            const analyze_stats *a = &w->stats[j];
            r->docs[d].n_broken += a->n_broken;
            if (a->n_words > ARS_SENTENCE_MAX_WORDS) ds->n_too_long++;
            int material = !(sp->flags & not_material) && a->n_words >= SUMMARIZER_MIN_WORDS &&
                           a->n_terms > 0 && a->n_words <= ARS_SENTENCE_MAX_WORDS;
            w->sents[w->n_sents++] =
                (summarizer_sent){t0,        t0 + a->n_terms, w->which[j], sp->start,  sp->end,
                                  sp->flags, a->n_words,      a->n_broken, a->n_latin, material};
            t0 += a->n_terms;
            ds->count++;
        }
        if (st != ARS_OK && done < m) {
            ds->fail = SUMMARIZER_FAIL_SENTENCE;
            ds->fail_sentence = w->which[done] + 1;
        } else if (st != ARS_OK) {
            ds->fail = SUMMARIZER_FAIL_ANALYSE;
        }
        free(ss);
        if (st != ARS_OK) return st;
    }
    return ARS_OK;
}

/* Builds the run's candidates, their terms and the vocabulary from the workers' records, in
 * document order. Stems are interned in the order they first appear in that order, every sentence
 * included (candidates or not), exactly as a single thread interns them: ids, columns and every
 * float after them are the same for any number of workers. */
static ars_status summarizer_merge(summarizer_run_state *r, summarizer_worker *w, size_t n_workers,
                                   const summarizer_docsents *ds, size_t n_docs) {
    size_t n_cand = 0, n_terms = 0;
    for (size_t d = 0; d < n_docs; d++)
        for (size_t k = 0; k < ds[d].count; k++) {
            const summarizer_sent *x = &w[ds[d].worker].sents[ds[d].first + k];
            if (!x->material) continue;
            n_cand++;
            n_terms += x->t1 - x->t0;
        }
    r->cand = malloc((n_cand ? n_cand : 1) * sizeof *r->cand);
    r->offsets = malloc((n_cand + 1) * sizeof *r->offsets);
    r->terms = malloc((n_terms ? n_terms : 1) * sizeof *r->terms);
    uint32_t **map = calloc(n_workers, sizeof *map);
    ars_status st = r->cand && r->offsets && r->terms && map ? ARS_OK : ARS_ENOMEM;
    for (size_t k = 0; st == ARS_OK && n_workers > 1 && k < n_workers; k++) {
        size_t n = vocab_size(w[k].voc);
        map[k] = malloc((n ? n : 1) * sizeof *map[k]);
        if (!map[k]) st = ARS_ENOMEM;
        for (size_t i = 0; map[k] && i < n; i++)
            map[k][i] = UINT32_MAX;
    }
    if (st == ARS_OK) r->offsets[0] = 0;
    for (size_t d = 0; st == ARS_OK && d < n_docs; d++) {
        size_t position = 0;
        const summarizer_worker *wk = &w[ds[d].worker];
        uint32_t *m = map[ds[d].worker];
        for (size_t k = 0; st == ARS_OK && k < ds[d].count; k++) {
            const summarizer_sent *x = &wk->sents[ds[d].first + k];
            for (size_t t = x->t0; st == ARS_OK && t < x->t1; t++) {
                uint32_t id = wk->terms[t];
                if (m) {
                    if (m[id] == UINT32_MAX) {
                        size_t len = 0;
                        const char *stem = vocab_term(wk->voc, id, &len);
                        st = vocab_intern(r->voc, stem, len, &m[id]);
                        if (st != ARS_OK) break;
                    }
                    id = m[id];
                }
                if (x->material) r->terms[r->n_terms++] = id;
            }
            if (st != ARS_OK || !x->material) continue;
            r->cand[r->n_cand++] =
                (summarizer_candidate){d,        position++, x->seq,      x->start,   x->end,
                                       x->flags, x->n_words, x->n_broken, x->n_latin, 0.0};
            r->offsets[r->n_cand] = r->n_terms;
        }
    }
    for (size_t k = 0; map && k < n_workers; k++)
        free(map[k]);
    free(map);
    return st;
}

/* Stages "split" and "analyse" for every document, on the run's threads, then the merge. */
static ars_status summarizer_candidates(ars_summarizer *s, summarizer_run_state *r,
                                        const parallel_plan *plan, ars_error *err) {
    size_t n_workers = plan->n_threads, nd = s->n_docs;
    ars_status st = vocab_new(&r->voc);
    if (st != ARS_OK) return error_at(err, st, "analyse");
    /* One analyzer per worker, kept by the summarizer for its next runs. */
    for (size_t k = s->n_extra + 1; k < n_workers; k++) {
        analyzer **grown = realloc(s->extra, k * sizeof *grown);
        if (!grown) return error_at(err, ARS_ENOMEM, "analyse");
        s->extra = grown;
        st = analyzer_new(s->opt.stem, &s->extra[k - 1], err);
        if (st != ARS_OK) return st;
        s->n_extra = k;
    }
    /* Each worker on cache lines of its own (see summarizer_worker). */
    summarizer_worker *w = aligned_alloc(SUMMARIZER_LINE, n_workers * sizeof *w);
    if (w) memset(w, 0, n_workers * sizeof *w);
    summarizer_docsents *ds = calloc(nd ? nd : 1, sizeof *ds);
    if (!w || !ds) st = ARS_ENOMEM;
    for (size_t k = 0; st == ARS_OK && k < n_workers; k++) {
        w[k].an = k == 0 ? s->an : s->extra[k - 1];
        analyzer_forget(w[k].an); /* token caches belong to earlier vocabularies */
        if (n_workers == 1)
            w[k].voc = r->voc;
        else
            st = vocab_new(&w[k].voc);
    }
    if (st != ARS_OK) {
        error_at(err, st, "analyse");
    } else {
        summarizer_analyse_job job = {s, r, w, ds};
        st = parallel_for(plan, nd, 0, summarizer_analyse_body, &job);
        /* The first document that failed, in document order, names the failure. */
        for (size_t d = 0; st != ARS_OK && d < nd; d++) {
            if (ds[d].fail == SUMMARIZER_FAIL_SEGMENT || ds[d].fail == SUMMARIZER_FAIL_ANALYSE) {
                error_at(err, st, "%s: %s", s->docs[d].name,
                         ds[d].fail == SUMMARIZER_FAIL_SEGMENT ? "segment" : "analyse");
                break;
            }
            if (ds[d].fail == SUMMARIZER_FAIL_SENTENCE) {
                error_at(err, st, "%s: analyse: sentence %zu", s->docs[d].name,
                         ds[d].fail_sentence);
                break;
            }
        }
        if (st == ARS_OK) {
            st = summarizer_merge(r, w, n_workers, ds, nd);
            if (st != ARS_OK) error_at(err, st, "analyse");
        }
        for (size_t d = 0; st == ARS_OK && d < nd; d++)
            r->n_too_long += ds[d].n_too_long;
    }
    for (size_t k = 0; w && k < n_workers; k++) {
        if (w[k].voc != r->voc) vocab_free(w[k].voc);
        free(w[k].terms);
        free(w[k].sents);
        free(w[k].spans);
        free(w[k].which);
        free(w[k].stats);
        if (w[k].an) analyzer_forget(w[k].an); /* its cache points into a vocabulary now gone */
    }
    free(w);
    free(ds);
    return st;
}

/* Well-formedness weight: each damaged token halves it, in a document that shows glyph loss at
 * all (SUMMARIZER_DAMAGE_MIN_TOKENS); a sentence that is mostly Latin script (menus, credits,
 * code) is discounted; between near duplicates the cleaner copy wins. */
static double summarizer_quality(const summarizer_candidate *c, const summarizer_docinfo *doc) {
    double q = doc->n_broken >= SUMMARIZER_DAMAGE_MIN_TOKENS ? pow(0.5, (double)c->n_broken) : 1.0;
    if (c->n_words && c->n_latin * 2 > c->n_words) q *= 0.25;
    return q;
}

/* The default method: position, sentence centrality and document centrality (rank_lead_graph),
 * with the articles about an older event left out. */
static ars_status summarizer_rank_default(ars_summarizer *s, summarizer_run_state *r,
                                          const rank_graph *g, const rank_pagerank_params *pp) {
    size_t n = r->n_cand, nd = s->n_docs;
    int iters = 0;
    ars_status rc = rank_textrank(g, pp, r->rel, &iters);
    double *central = malloc((nd ? nd : 1) * sizeof *central);
    double *doc_weight = malloc((n ? n : 1) * sizeof *doc_weight);
    int *years = malloc((nd ? nd : 1) * sizeof *years);
    unsigned char *older = malloc(nd ? nd : 1);
    if (!central || !doc_weight || !years || !older) rc = ARS_ENOMEM;
    if (rc == ARS_OK) rc = rank_document_centrality(&r->x, r->doc_of, nd, central);
    for (size_t d = 0; rc == ARS_OK && d < nd; d++)
        years[d] = r->docs[d].year;
    if (rc == ARS_OK) rc = rank_older_documents(years, central, nd, older);
    if (rc == ARS_OK) {
        double top = 0.0;
        for (size_t d = 0; d < nd; d++) {
            r->docs[d].older = older[d];
            if (central[d] > top) top = central[d];
        }
        for (size_t i = 0; i < n; i++)
            doc_weight[i] = top > 0.0 ? central[r->doc_of[i]] / top : 0.0;
        rank_lead_graph_params lp = {s->opt.position_weight, SUMMARIZER_CENTRALITY_FLOOR,
                                     s->opt.document_weight};
        rank_lead_graph(r->rel, r->position, doc_weight, &lp, n, r->rel);
        for (size_t i = 0; i < n; i++)
            if (older[r->doc_of[i]]) r->rel[i] = 0.0;
    }
    free(central);
    free(doc_weight);
    free(years);
    free(older);
    return rc;
}

static ars_status summarizer_rank(ars_summarizer *s, summarizer_run_state *r, const rank_graph *g,
                                  ars_error *err) {
    const ars_options *o = &s->opt;
    rank_pagerank_params pp = {o->damping, o->tolerance, o->max_iter};
    int iters = 0;
    ars_status rc = ARS_OK;
    switch (o->method) {
    case ARS_METHOD_LEAD:
        rank_lead(r->position, r->n_cand, r->rel);
        break;
    case ARS_METHOD_CENTROID:
    case ARS_METHOD_MMR:
        rc = rank_centroid(&r->x, r->rel);
        break;
    case ARS_METHOD_LEXRANK:
        rc = rank_lexrank(g, SUMMARIZER_LEXRANK_THRESHOLD, &pp, r->rel, &iters);
        break;
    case ARS_METHOD_TEXTRANK:
        rc = rank_textrank(g, &pp, r->rel, &iters);
        break;
    case ARS_METHOD_DEFAULT:
        rc = summarizer_rank_default(s, r, g, &pp);
        break;
    }
    return rc == ARS_OK ? ARS_OK : error_at(err, rc, "rank");
}

/* Builds the borrowed views of the last run: all candidates and the summary. */
static ars_status summarizer_publish(ars_summarizer *s, summarizer_run_state *r, size_t n_chosen,
                                     ars_error *err) {
    size_t n = r->n_cand, total = 0;
    for (size_t i = 0; i < n; i++)
        total += r->cand[i].end - r->cand[i].start + 1;
    s->sents = calloc(n ? n : 1, sizeof *s->sents);
    /* Tens of megabytes on a large run: hugemem maps them in a few huge pages rather than ten
     * thousand small ones, each a page fault. */
    s->display_bytes = total ? total : 1;
    s->display = hugemem_zalloc(s->display_bytes);
    s->summary = calloc(n_chosen ? n_chosen : 1, sizeof *s->summary);
    if (!s->sents || !s->display || !s->summary) return error_at(err, ARS_ENOMEM, "results");
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        const summarizer_candidate *c = &r->cand[i];
        const summarizer_doc *d = &s->docs[c->doc];
        char *txt = s->display + off;
        size_t tl = display_fold(d->bytes + c->start, c->end - c->start, txt);
        off += tl + 1;
        s->sents[i] =
            (ars_sentence){c->doc, d->name, c->position, c->start, c->end, txt, tl, c->relevance};
    }
    for (size_t k = 0; k < n_chosen; k++)
        s->summary[k] = s->sents[r->chosen[k]];
    s->n_sents = n;
    s->n_summary = n_chosen;
    return ARS_OK;
}

/* Stage "vectorise": the TF-IDF rows of the candidates. */
static ars_status summarizer_vectorise(summarizer_run_state *r, ars_error *err) {
    ars_status st = tfidf_build(r->terms, r->offsets, r->n_cand, vocab_size(r->voc), &r->x);
    return st == ARS_OK ? ARS_OK : error_at(err, st, "vectorise");
}

/* Stage "similarity": what the ranker and the selector look similarities up in. No method needs
 * the n*n matrix: TextRank multiplies by X(X^T v), LexRank builds its thresholded graph row by
 * row, and the selector's cap updates only the candidates that share a term with each choice
 * (select.c; docs/BENCHMARKS.md has the measurements). */
static ars_status summarizer_similarity(ars_summarizer *s, summarizer_run_state *r, rank_graph *g,
                                        ars_error *err) {
    size_t n = r->n_cand;
    *g = (rank_graph){&r->x};
    if (s->opt.method == ARS_METHOD_LEXRANK && n > SUMMARIZER_LEXRANK_LIMIT)
        return error_set(err, ARS_ELIMIT,
                         "lexrank compares every pair of sentences: %zu sentences exceed the "
                         "limit of %d; use textrank or mmr",
                         n, SUMMARIZER_LEXRANK_LIMIT);
    return ARS_OK;
}

/* What candidate i needs before it is chosen (select_lean): a sentence that leans on the one
 * before it (discourse.h) needs that one, which must then be a candidate too; the first candidate
 * of an article needs nothing. */
static select_lean summarizer_lean(const void *ctx, size_t i) {
    const summarizer_lean_ctx *l = ctx;
    if (l->memo[i]) return (select_lean)(l->memo[i] - 1);
    const summarizer_candidate *c = &l->cand[i];
    select_lean answer = SELECT_LEAN_NONE;
    /* position > 0: candidate i - 1 is of the same article. */
    if (discourse_needs_previous(l->s->docs[c->doc].bytes + c->start, c->end - c->start,
                                 c->position))
        answer = l->cand[i - 1].seq + 1 == c->seq ? SELECT_LEAN_PREVIOUS : SELECT_LEAN_NEVER;
    l->memo[i] = (unsigned char)(1 + answer);
    return answer;
}

/* Stages "select" and "order": weighted relevance, the budget, then output order. */
static ars_status summarizer_select(ars_summarizer *s, summarizer_run_state *r, const rank_graph *g,
                                    size_t *n_chosen, ars_error *err) {
    const ars_options *o = &s->opt;
    size_t n = r->n_cand, total_words = 0;
    summarizer_lean_ctx lean = {s, r->cand, calloc(n ? n : 1, 1)};
    if (!lean.memo) return error_at(err, ARS_ENOMEM, "select");
    for (size_t i = 0; i < n; i++) {
        summarizer_candidate *c = &r->cand[i];
        double q = o->method == ARS_METHOD_LEAD ? 1.0 : summarizer_quality(c, &r->docs[c->doc]);
        c->relevance = r->rel[i] * q; /* the published score is what the selector used */
        r->rel[i] = c->relevance;     /* and what score order sorts by */
        r->items[i] = (select_item){c->relevance, c->n_words};
        total_words += c->n_words;
    }
    select_params sp = {o->method == ARS_METHOD_DEFAULT || o->method == ARS_METHOD_MMR, o->lambda,
                        o->max_sim, o->max_words, o->max_sentences, (select_budget)o->budget,
                        /* the lead baseline stays the plain first sentences */
                        o->method == ARS_METHOD_LEAD ? NULL : summarizer_lean, &lean, NULL, NULL};
    if (o->ratio > 0.0) {
        size_t by_ratio = (size_t)ceil(o->ratio * (double)total_words);
        if (!sp.max_words || by_ratio < sp.max_words) sp.max_words = by_ratio;
    }
    /* Another outlet's account of a story told waits (stories.h); the lead baseline stays the
     * plain first sentences. */
    ars_status st = ARS_OK;
    if (o->spread == ARS_SPREAD_STORIES && o->method != ARS_METHOD_LEAD && s->n_docs > 1) {
        st = stories_new(&r->x, r->doc_of, s->n_docs, &sp.stories);
        sp.doc_of = r->doc_of;
    }
    if (st == ARS_OK) st = select_sentences(g, r->items, n, &sp, r->chosen, n_chosen);
    stories_free(sp.stories);
    if (st != ARS_OK) {
        free(lean.memo);
        return error_at(err, st, "select");
    }
    if (o->order == ARS_ORDER_SCORE && sp.lean) {
        /* A chosen sentence that leans on the one before it is printed right after it: it takes
         * that sentence's key, and the index, which breaks the tie, puts it next (no index lies
         * between i - 1 and i). In source order first, so a chain of them takes its head's key.
         * The published score stays each sentence's own (c->relevance). */
        select_order(r->chosen, *n_chosen, NULL);
        for (size_t k = 0; k < *n_chosen; k++) {
            size_t i = r->chosen[k];
            if (summarizer_lean(&lean, i) == SELECT_LEAN_PREVIOUS) r->rel[i] = r->rel[i - 1];
        }
    }
    free(lean.memo);
    select_order(r->chosen, *n_chosen, o->order == ARS_ORDER_SCORE ? r->rel : NULL);
    return ARS_OK;
}

ars_status summarizer_matrix(ars_summarizer *s, tfidf_matrix *x, ars_error *err) {
    summarizer_run_state r;
    memset(&r, 0, sizeof r);
    memset(x, 0, sizeof *x);
    parallel_plan plan = {summarizer_thread_count(s)};
    ars_status st = summarizer_clean(s, &r, &plan, err);
    if (st == ARS_OK) st = summarizer_candidates(s, &r, &plan, err);
    if (st == ARS_OK) st = summarizer_vectorise(&r, err);
    if (st == ARS_OK) {
        *x = r.x;
        memset(&r.x, 0, sizeof r.x);
    }
    summarizer_run_free(&r, s->n_docs);
    return st;
}

ARS_API ars_status ars_summarizer_run(ars_summarizer *s, ars_error *out_err) {
    if (!s) return error_set(out_err, ARS_EARG, "ars_summarizer_run: NULL summarizer");
    summarizer_clear_results(s);
    memset(s->stage_wall, 0, sizeof s->stage_wall);
    memset(s->stage_cpu, 0, sizeof s->stage_cpu);
    summarizer_clock t;
    summarizer_clock_now(&t);
    ars_error local = {ARS_OK, ""}, *err = &local; /* out_err is untouched on success */
    summarizer_run_state r;
    memset(&r, 0, sizeof r);
    size_t n_chosen = 0;
    rank_graph g = {NULL};
    parallel_plan plan = {summarizer_thread_count(s)};
    ars_status st = summarizer_clean(s, &r, &plan, err);
    summarizer_lap(s, SUMMARIZER_STAGE_CLEAN, &t);
    if (st == ARS_OK) st = summarizer_candidates(s, &r, &plan, err);
    if (st == ARS_OK && r.n_cand == 0 && r.n_too_long)
        st = error_set(err, ARS_EEMPTY,
                       "no usable sentence in %zu document%s: %zu sentence%s longer than %d "
                       "words or %d bytes (no sentence ends?)",
                       s->n_docs, s->n_docs == 1 ? "" : "s", r.n_too_long,
                       r.n_too_long == 1 ? " is" : "s are", ARS_SENTENCE_MAX_WORDS,
                       ARS_SENTENCE_MAX_BYTES);
    else if (st == ARS_OK && r.n_cand == 0)
        st = error_set(err, ARS_EEMPTY, "no usable sentence in %zu document%s", s->n_docs,
                       s->n_docs == 1 ? "" : "s");
    summarizer_lap(s, SUMMARIZER_STAGE_ANALYSE, &t);
    if (st == ARS_OK) st = summarizer_vectorise(&r, err);
    summarizer_lap(s, SUMMARIZER_STAGE_VECTORISE, &t);
    if (st == ARS_OK) st = summarizer_similarity(s, &r, &g, err);
    summarizer_lap(s, SUMMARIZER_STAGE_SIMILARITY, &t);
    if (st == ARS_OK) {
        size_t n = r.n_cand;
        r.position = malloc(n * sizeof *r.position);
        r.doc_of = malloc(n * sizeof *r.doc_of);
        r.rel = malloc(n * sizeof *r.rel);
        r.items = malloc(n * sizeof *r.items);
        r.chosen = malloc(n * sizeof *r.chosen);
        if (!r.position || !r.doc_of || !r.rel || !r.items || !r.chosen)
            st = error_at(err, ARS_ENOMEM, "rank");
        for (size_t i = 0; st == ARS_OK && i < n; i++) {
            r.position[i] = r.cand[i].position;
            r.doc_of[i] = r.cand[i].doc;
        }
    }
    if (st == ARS_OK) st = summarizer_rank(s, &r, &g, err);
    summarizer_lap(s, SUMMARIZER_STAGE_RANK, &t);
    if (st == ARS_OK) st = summarizer_select(s, &r, &g, &n_chosen, err);
    if (st == ARS_OK && n_chosen == 0) {
        size_t shortest = SIZE_MAX;
        for (size_t i = 0; i < r.n_cand; i++)
            if (r.cand[i].relevance > 0.0 && r.cand[i].n_words < shortest)
                shortest = r.cand[i].n_words;
        st = error_set(err, ARS_ELIMIT,
                       "no sentence fits the budget of %zu words (the shortest has %zu); "
                       "raise the budget or use the first or fill policy",
                       s->opt.max_words, shortest);
    }
    summarizer_lap(s, SUMMARIZER_STAGE_SELECT, &t);
    if (st == ARS_OK) st = summarizer_publish(s, &r, n_chosen, err);
    if (st != ARS_OK) {
        summarizer_clear_results(s);
        if (local.status != st) error_at(err, st, "run"); /* every stage names itself above */
        if (out_err) *out_err = local;
    }
    summarizer_run_free(&r, s->n_docs);
    if (st == ARS_OK) {
        summarizer_lap(s, SUMMARIZER_STAGE_RESULTS, &t);
        s->n_stages = SUMMARIZER_N_STAGES;
    }
    return st;
}
