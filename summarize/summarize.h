/* summarize.h - the public interface of libsummarize, an extractive summarizer for Arabic news.
 * One header, one prefix (ars_). Feed documents to a summarizer, run it, read the chosen sentences.
 * Everything else in the source tree is internal. Link with `pkg-config --libs summarize` (add
 * --static for the static library) or CMake's find_package(summarize) and summarize::summarize.
 *
 * Thread safety. The library has no global state. An ars_summarizer is not thread-safe: use one
 * per thread (or guard it with a lock); distinct summarizers may run at the same time in different
 * threads. The pointers a summarizer hands out (ars_summary_get, ars_summarizer_sentence_get, their
 * strings) are valid as stated below and may be read from any thread while nothing modifies their
 * summarizer. The functions that take no summarizer (names, statuses, versions, ars_file_read,
 * ars_text_check, ars_text_is_blank, ars_free) are safe from any thread. An ars_briefing is like
 * an ars_summarizer (one per thread); an ars_df_model, once built or loaded, is only read and may
 * serve briefings in several threads at once. ars_summarizer_run may
 * run its front end on threads of its own (ars_options.threads), started and joined within the
 * call; the summary is the same bytes for any thread count (end-to-end tests compare them).
 * Similarities are computed from the sparse rows; only the briefing's clustering calls BLAS, and
 * a default build opens the BLAS (dlopen, thread-safe) when a briefing first needs it rather than
 * with the library. OpenBLAS starts a process-wide pool of worker threads when it is loaded,
 * sized by OPENBLAS_NUM_THREADS: a program of its own may stop it with ars_tune_process(); a
 * service that also calls OpenBLAS and runs briefings in parallel threads should set
 * OPENBLAS_NUM_THREADS=1 to keep the pools from competing. */
#ifndef ARS_SUMMARIZE_H
#define ARS_SUMMARIZE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ARS_VERSION_MAJOR, ARS_VERSION_MINOR, ARS_VERSION_PATCH, ARS_VERSION_NUMBER (major * 10000 +
 * minor * 100 + patch) and ARS_VERSION_STRING ("major.minor.patch") of this header, generated from
 * the project's version; ars_version() gives the library's. */
#include "summarize_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ARS_BUILDING_LIBRARY) && defined(__GNUC__)
#define ARS_API __attribute__((visibility("default")))
#else
#define ARS_API
#endif

/* The version of the library at run time, which may be newer than the header a program was built
 * with: ars_version() is its ARS_VERSION_STRING, ars_version_number() its ARS_VERSION_NUMBER. */
ARS_API const char *ars_version(void);
ARS_API unsigned ars_version_number(void);

/* Result codes. Values are stable: they are never renumbered. */
typedef enum {
    ARS_OK = 0,
    ARS_ENOMEM = 1,   /* an allocation failed */
    ARS_EIO = 2,      /* a file could not be opened, read or written */
    ARS_EUTF8 = 3,    /* input is not valid UTF-8 text (invalid sequence, NUL byte) */
    ARS_EMODEL = 4,   /* a linguistic resource is missing or unusable: the installed libstemmer
                         has no Snowball Arabic algorithm (ARS_STEM_NONE works without it) */
    ARS_EARG = 5,     /* a bad argument at the public boundary */
    ARS_EEMPTY = 6,   /* no usable sentence in the input */
    ARS_ELIMIT = 7,   /* a resource limit was exceeded (input size, sentence count) */
    ARS_EINTERNAL = 8 /* a bug or an unexpected library failure */
} ars_status;

/* Short English description of a status; never NULL (unknown values give "unknown status"). */
ARS_API const char *ars_status_str(ars_status status);

/* Optional, caller-owned error detail. Functions that take an `ars_error *` fill it on failure
 * (status and a one-line message naming the file and place, e.g. "a.txt: byte 12: invalid UTF-8",
 * with any control character of a name or quoted input shown as '?') and leave it untouched on
 * success. NULL is accepted everywhere and means "no detail wanted". */
typedef struct {
    ars_status status;
    char message[512];
} ars_error;

/* Ranking methods. ARS_METHOD_DEFAULT weighs where a sentence stands in its article, how central
 * it is in the sentence graph (TextRank) and how central its article is in the cluster; articles
 * about an older event than the rest contribute nothing (docs/ARCHITECTURE.md, "Ranking"). Every
 * method but lead keeps a sentence that leans on the one before it ("لكن ...", "وأضاف أن ...": a
 * connective, a pointing pronoun or a verb of saying with no subject) out of a summary unless that
 * sentence is in it too, and prints it right after it in either order; an article's first sentence
 * has nothing before it and stands. */
typedef enum {
    ARS_METHOD_DEFAULT = 0,
    ARS_METHOD_LEAD = 1,     /* first sentences, round-robin across documents */
    ARS_METHOD_CENTROID = 2, /* cosine to the centroid of all sentences */
    ARS_METHOD_TEXTRANK = 3, /* weighted PageRank on the cosine graph, greedy selection */
    ARS_METHOD_LEXRANK = 4,  /* PageRank on the thresholded (0.1) cosine graph */
    ARS_METHOD_MMR = 5       /* MMR with centroid relevance */
} ars_method;

typedef enum { ARS_STEM_SNOWBALL = 0, ARS_STEM_NONE = 1 } ars_stem;
/* Output order: documents in the order they were added, then position; or by score, best first,
 * except that a sentence that leans on the one before it follows that one (see ars_method). */
typedef enum { ARS_ORDER_SOURCE = 0, ARS_ORDER_SCORE = 1 } ars_order;

/* What happens at the word budget N. Sentences are never cut, and no policy lets a summary grow
 * past 2N words. */
typedef enum {
    ARS_BUDGET_STRICT = 0, /* at most N words: a sentence that does not fit is skipped */
    ARS_BUDGET_FIRST = 1,  /* as strict, but the first sentence chosen may run past N (up to 2N),
                              so that the best sentence is not lost to a tight budget */
    ARS_BUDGET_FILL = 2    /* sentences are added until N is reached; the last one may run past N */
} ars_budget;

/* What comes first in a summary of several articles. ARS_SPREAD_STORIES (the default): a
 * sentence of an article whose story another article in the summary already tells waits until
 * every other story has had its turn, so that a short brief of a morning of many stories does not
 * print one event two or three times in two outlets' words. Articles are one story when their
 * cosine is at least 0.2 and five times the median of the input's pairs of articles: two outlets on
 * one event in a morning of many stories; in a cluster on one topic no pair stands out so, and
 * the summary is as by score alone (docs/EVALUATION.md, "One story at a time").
 * ARS_SPREAD_NONE: by score alone. The lead method is never spread, and a briefing's story
 * summaries are not (the briefing groups the stories itself). */
typedef enum { ARS_SPREAD_STORIES = 0, ARS_SPREAD_NONE = 1 } ars_spread;

/* Length caps of a sentence: one longer than ARS_SENTENCE_MAX_WORDS words or
 * ARS_SENTENCE_MAX_BYTES bytes (a run of text without sentence ends, a table flattened by an
 * extractor) is never a candidate, so no budget or policy can print it. News sentences stay far
 * below both (the longest in the development data: 330 words, 3,720 bytes). */
#define ARS_SENTENCE_MAX_WORDS 400
#define ARS_SENTENCE_MAX_BYTES 8192

/* Whether a sentence of `len` words may join a summary that has `words` words in `n_chosen`
 * sentences under `policy` and a budget of `max_words` (0 = no budget): the rule the summarizer's
 * own selection follows, for tools that choose sentences themselves (summarize-eval's random and
 * oracle baselines), so that every method is held to the same budget. */
ARS_API int ars_budget_allows(ars_budget policy, size_t max_words, size_t words, size_t n_chosen,
                              size_t len);

/* Output formats of ars_summary_write(). */
typedef enum {
    ARS_FORMAT_TEXT = 0, /* one sentence per line */
    ARS_FORMAT_JSON = 1 /* one JSON document: the method and, per sentence, file, doc, index, start,
                           end, score and text */
} ars_format;

/* Names of the values above, as command lines and configuration files spell them:
 * methods "default" "lead" "centroid" "textrank" "lexrank" "mmr"; stemming "snowball" "none";
 * orders "source" "score"; spreads "stories" "none"; formats "text" "json". *_name() returns a
 * static string, or NULL for a value outside the enum. *_from_name() sets *out and returns ARS_OK,
 * or returns ARS_EARG for an unknown name or a NULL argument (*out untouched). Names are compared
 * exactly (case matters). */
ARS_API const char *ars_method_name(ars_method method);
ARS_API ars_status ars_method_from_name(const char *name, ars_method *out);
ARS_API const char *ars_stem_name(ars_stem stem);
ARS_API ars_status ars_stem_from_name(const char *name, ars_stem *out);
ARS_API const char *ars_order_name(ars_order order);
ARS_API ars_status ars_order_from_name(const char *name, ars_order *out);
ARS_API const char *ars_spread_name(ars_spread spread);
ARS_API ars_status ars_spread_from_name(const char *name, ars_spread *out);
ARS_API const char *ars_format_name(ars_format format);
ARS_API ars_status ars_format_from_name(const char *name, ars_format *out);

/* Run options. Fill with ars_options_init(), then edit fields.
 * The struct can grow without breaking programs built against an older header: fields are only
 * ever added at the end, and struct_size (set by ars_options_init to the size the program was
 * compiled with) tells the library which fields the program knows; the others keep their
 * defaults. ars_summarizer_new refuses (ARS_EARG) options whose struct_size was not set by
 * ars_options_init, or that come from a header newer than the library. */
typedef struct {
    size_t struct_size; /* set by ars_options_init(); do not change */
    ars_method method;
    ars_stem stem;
    ars_order order;
    double lambda;    /* MMR trade-off in [0,1]: 1 = relevance only, redundancy left to max_sim.
                         Default 1 (measured: docs/EVALUATION.md) */
    double max_sim;   /* hard cap: no two chosen sentences with cosine >= max_sim. Default 0.5 */
    size_t max_words; /* word budget; 0 = no word budget (see budget below). Default 120 */
    size_t max_sentences;   /* sentence budget; 0 = none. Default 0 */
    double ratio;           /* budget as a share of the input's words, (0,1]; 0 = none. Default 0 */
    double damping;         /* PageRank damping. Default 0.85 */
    double tolerance;       /* PageRank convergence (L1 change). Default 1e-6 */
    int max_iter;           /* PageRank iteration cap. Default 200 */
    size_t max_input_bytes; /* per-document size limit. Default 64 MiB */
    double position_weight; /* default method: exponent of the lead prior 1 / (1 + position of the
                               sentence in its article); 0 ignores position. Default 1 */
    /* Added in 0.2 (appended: see struct_size). */
    double document_weight; /* default method: weight of the article's centrality in the cluster;
                               0 ignores it. Default 1 */
    ars_budget budget;      /* policy at the word budget max_words. Default ARS_BUDGET_FIRST */
    /* Added after 0.2.0 (appended: see struct_size). */
    size_t threads;    /* threads of the front end (clean, split, analyse: per document). 0 (the
                          default) uses, for inputs over 1 MiB, one per processor it may run on
                          that other programs are not keeping busy at the start of the run, up to
                          8, and one below (docs/BENCHMARKS.md); n uses n (at most one per
                          document). The summary is the same bytes for any value */
    ars_spread spread; /* other outlets' accounts of a story told wait, or by score alone
                          (ars_spread). Default ARS_SPREAD_STORIES */
} ars_options;

/* Fills the struct_size bytes at opts with the defaults above and sets opts->struct_size. opts must
 * not be NULL. Call it through ars_options_init(), which passes the size the caller was compiled
 * with (a binding from another language passes the size of the struct it declares). */
ARS_API void ars_options_init_size(ars_options *opts, size_t struct_size);

/* Fills *opts with the defaults above. */
static inline void ars_options_init(ars_options *opts) {
    ars_options_init_size(opts, sizeof *opts);
}

/* One sentence of a run. Borrowed view: valid until the summarizer is reset, run again or freed. */
typedef struct {
    size_t doc;           /* index of the document, in the order documents were added */
    const char *doc_name; /* the name given when the document was added */
    size_t index;         /* position among its document's candidates, from 0 */
    size_t start, end; /* byte range [start,end) of the sentence in the document's original bytes */
    const char *text;  /* the sentence as printed, on one line: its original bytes, each run of
                          white space holding a line break (of any kind) or a tab folded to one
                          space, control characters (ESC, BEL, C1) dropped, and a hashtag of
                          Arabic words printed as the words ("#البيت_الأبيض": "البيت الأبيض") */
    size_t text_len;   /* bytes in text (text is also NUL-terminated) */
    double score;      /* the ranker's relevance score */
} ars_sentence;

typedef struct ars_summarizer ars_summarizer;

/* Creates a summarizer with a copy of *opts (NULL = defaults). Loads the built-in stopword list and
 * the stemmer. On success *out owns a new summarizer; free it with ars_summarizer_free(). */
ARS_API ars_status ars_summarizer_new(const ars_options *opts, ars_summarizer **out,
                                      ars_error *err);

/* Frees everything the summarizer owns. NULL is accepted. */
ARS_API void ars_summarizer_free(ars_summarizer *s);

/* Adds one document. The bytes are copied. The name is used in messages and output (copied).
 * Returns ARS_EUTF8 (message "NAME: byte N: invalid UTF-8") for invalid UTF-8 or a NUL byte,
 * ARS_ELIMIT when len exceeds opts.max_input_bytes. An empty or whitespace-only document is
 * accepted and contributes nothing. A leading BOM is skipped; CRLF line ends are accepted. */
ARS_API ars_status ars_summarizer_add_document(ars_summarizer *s, const char *name,
                                               const char *bytes, size_t len, ars_error *err);

/* Reads a whole file (path "-" reads standard input) and adds it as above, named by its path.
 * ARS_EIO with "PATH: <strerror>" when it cannot be read. */
ARS_API ars_status ars_summarizer_add_file(ars_summarizer *s, const char *path, ars_error *err);

/* Reading and checking input without a summarizer (what ars_summarizer_add_file does in steps, for
 * a program that wants to look at a file before adding it, or to read other text the same way). */

/* Reads a whole file, or standard input when path is "-", into a new buffer: *out (len bytes in
 * *out_len, followed by a NUL that is not counted), to free with ars_free(). The bytes are not
 * checked (see ars_text_check). Returns ARS_OK; ARS_EIO "PATH: <strerror>" when the file cannot be
 * opened or read (a directory is refused); ARS_ELIMIT "PATH: larger than N bytes" past max_bytes
 * (0 = no limit; checked while reading, so an endless stdin stops there); ARS_ENOMEM. On failure
 * *out is NULL. */
ARS_API ars_status ars_file_read(const char *path, size_t max_bytes, char **out, size_t *out_len,
                                 ars_error *err);

/* Checks bytes[0..len) as ars_summarizer_add_document does: UTF-8 text without NUL bytes, CR
 * accepted. A leading UTF-8 BOM is allowed: *body_start (may be NULL) gets where the text after it
 * starts (3, or 0 without a BOM). Returns ARS_OK, or ARS_EUTF8 with "NAME: byte N: invalid UTF-8"
 * or "NAME: byte N: NUL byte (binary file?)" (N = offset of the first bad byte, from 0). */
ARS_API ars_status ars_text_check(const char *name, const char *bytes, size_t len,
                                  size_t *body_start, ars_error *err);

/* 1 when bytes[0..len) holds nothing but ASCII white space (space, tab, CR, LF, FF, VT) after an
 * optional BOM: a document that would contribute nothing. 0 otherwise. bytes may be NULL when len
 * is 0. Needs no check first: any other byte makes the text non-blank. */
ARS_API int ars_text_is_blank(const char *bytes, size_t len);

/* Frees memory the library handed to the caller (the buffer of ars_file_read). NULL is accepted. */
ARS_API void ars_free(void *p);

/* Number of documents added so far. */
ARS_API size_t ars_summarizer_document_count(const ars_summarizer *s);

/* Runs the pipeline over all added documents and selects the summary. ARS_EEMPTY when no
 * document holds a usable sentence. May be called again after more documents are added. */
ARS_API ars_status ars_summarizer_run(ars_summarizer *s, ars_error *err);

/* The summary of the last successful run, in output order. */
ARS_API size_t ars_summary_count(const ars_summarizer *s);
ARS_API const ars_sentence *ars_summary_get(const ars_summarizer *s, size_t i);

/* The candidates of the last successful run: every sentence that could be summary material (kept
 * by cleaning, not a title, heading, list lead-in or the tail of a quotation opened earlier, at
 * least four words), in source order (document order, then position), with their relevance
 * scores: what evaluation baselines (random, oracle) choose from. Borrowed views, valid as for
 * ars_summary_get. */
ARS_API size_t ars_summarizer_sentence_count(const ars_summarizer *s);
ARS_API const ars_sentence *ars_summarizer_sentence_get(const ars_summarizer *s, size_t i);

/* Where the last successful run spent its time, stage by stage in pipeline order ("clean",
 * "analyse" (split, normalise, tokenise, stem, intern), "vectorise", "similarity", "rank",
 * "select", "results"), for profiling (summarize --timings). ars_summarizer_timing_count gives the
 * number of stages: 0 before a successful run. ars_summarizer_timing_get returns the name of stage
 * i (a static string) and sets *wall_seconds to its wall-clock time and *cpu_seconds to the CPU
 * time of the whole process over it, all threads included (either pointer may be NULL); it returns
 * NULL when i is out of range. */
ARS_API size_t ars_summarizer_timing_count(const ars_summarizer *s);
ARS_API const char *ars_summarizer_timing_get(const ars_summarizer *s, size_t i,
                                              double *wall_seconds, double *cpu_seconds);

/* For a program that owns its process, called before anything else (the summarize command does):
 * - stops the worker threads OpenBLAS starts as soon as it is loaded, which otherwise spin for
 *   about 0.1 s on the other processors whether BLAS is called or not, slowing the front end's
 *   threads and every other program (OpenBLAS starts them again when a BLAS call needs them; does
 *   nothing with another BLAS); a BLAS opened on first use is stopped so as soon as it is opened;
 * - with glibc, has malloc keep freed memory and serve large blocks from it rather than from
 *   fresh pages: the first write to a fresh page faults, and with the front end's threads each
 *   fault interrupts the other threads to flush their TLB (docs/BENCHMARKS.md measures both).
 * Process-wide settings: never call it from a library, or while another thread may be in a BLAS
 * call. */
ARS_API void ars_tune_process(void);

/* Forgets the documents and the last summary; keeps options and loaded resources. */
ARS_API void ars_summarizer_reset(ars_summarizer *s);

/* Writes the summary of the last successful run to f in the given format: ARS_FORMAT_TEXT prints
 * each sentence's text on a line; ARS_FORMAT_JSON prints {"method": NAME, "sentences": [{"file",
 * "doc", "index", "start", "end", "score", "text"}...]} (ars_sentence's fields; the score with six
 * significant digits) and a final newline. what names f in messages ("standard output", a path).
 * Returns ARS_OK, ARS_EARG (NULL s, f or what, or an unknown format), ARS_ENOMEM, or ARS_EIO
 * "WHAT: write failed: <strerror>". Neither flushes nor closes f: a program checks fflush/fclose
 * itself before it reports success. */
ARS_API ars_status ars_summary_write(const ars_summarizer *s, FILE *f, ars_format format,
                                     const char *what, ars_error *err);

/* ---- Briefing: a morning's articles grouped into stories, each with a headline and a summary ---
 *
 * Articles are clustered into stories by centroid linkage of their TF-IDF vectors (title and kept
 * text, stemmed as the summarizer stems, inverse document frequencies from a background model) at
 * a cosine threshold; articles published far apart count as unrelated, and an article the
 * summarizer would leave out as being about an older event than the rest of its story (see
 * ars_method) becomes a story of its own. Stories are ranked by how many outlets and articles
 * carry them and by how recent they are; each gets the title of its most central article as
 * headline (or, when no article has one, its best sentence) and a summary made by an
 * ars_summarizer over the story's articles alone with the caller's ars_options and a word budget
 * of story_words. Each article belongs to one story, so no sentence appears in two stories; a
 * sentence that repeats (cosine of content-word sets >= max_sim) one printed for a higher-ranked
 * story is dropped as well. docs/BRIEFING.md describes the method and how its threshold was
 * chosen. */

/* Time of an article unknown (ars_article_info.time). */
#define ARS_TIME_UNKNOWN INT64_MIN

/* What a caller knows about an article besides its text. Every field may be NULL / unknown. */
typedef struct {
    const char *id;    /* an identifier to show instead of the name (e.g. a JSONL "id") */
    const char *title; /* headline; NULL: the text's own title line when it has one */
    const char
        *source;  /* outlet ("BBC"); NULL: unknown, the article counts as an outlet of its own */
    int64_t time; /* when it was published, seconds since 1970-01-01 UTC, or
                     ARS_TIME_UNKNOWN: then the year its text dates it to is used */
} ars_article_info;

/* Document-frequency models: how many documents of a background corpus hold each term, for the
 * inverse document frequencies of the briefing's article vectors (a morning's input is too small
 * to say which words are rare). Terms are analysed as the briefing analyses articles; a model is
 * stamped with the stemming and a fingerprint of the analysis it was built with, and a model
 * whose stamp differs from this library's analysis is refused (ARS_EMODEL). The library carries
 * one built in, made from the 14,692 articles of ANT v2.1 (2018 news, five outlets) by
 * summarize-model (docs/BRIEFING.md). A model is read-only once loaded and may be shared by
 * briefings in several threads. */
typedef struct ars_df_model ars_df_model;

/* An empty model to build, for terms analysed with the given stemming. Free with
 * ars_df_model_free() (NULL accepted). Returns ARS_OK, ARS_EARG, ARS_ENOMEM, ARS_EMODEL. */
ARS_API ars_status ars_df_model_new(ars_stem stem, ars_df_model **out, ars_error *err);
ARS_API void ars_df_model_free(ars_df_model *m);

/* Counts one document of the corpus: its text (checked as ars_summarizer_add_document checks) and
 * its title (NULL: the text's own title line). Only models made by ars_df_model_new take
 * documents (ARS_EARG otherwise). */
ARS_API ars_status ars_df_model_add_document(ars_df_model *m, const char *name, const char *bytes,
                                             size_t len, const char *title, ars_error *err);

/* Writes the model in its file format (models/dfmodel.h describes it), keeping the terms found in
 * at least min_df documents (0 counts as 1). Returns ARS_OK, ARS_EEMPTY (no document),
 * ARS_ENOMEM, or ARS_EIO "WHAT: write failed: <strerror>". Neither flushes nor closes f. */
ARS_API ars_status ars_df_model_write(const ars_df_model *m, FILE *f, size_t min_df,
                                      const char *what, ars_error *err);

/* Reads a model file. Returns ARS_OK; ARS_EIO when it cannot be read; ARS_ELIMIT "PATH: larger
 * than N bytes" past ARS_DF_MODEL_MAX_BYTES; ARS_EMODEL "PATH: line N: <fault>" when it is not a
 * well-formed model, or "PATH: built with another analysis ..." when its stamp differs from this
 * library's analysis; ARS_ENOMEM. */
#define ARS_DF_MODEL_MAX_BYTES (256u << 20) /* 256 MiB; the bundled model is 0.4 MB */
ARS_API ars_status ars_df_model_load(const char *path, ars_df_model **out, ars_error *err);

/* The number of documents a model counted, and of terms it holds. */
ARS_API size_t ars_df_model_documents(const ars_df_model *m);
ARS_API size_t ars_df_model_terms(const ars_df_model *m);

/* Briefing options. Fill with ars_briefing_options_init(), then edit fields; the struct grows
 * by appending fields, as ars_options does (struct_size). */
typedef struct {
    size_t struct_size; /* set by ars_briefing_options_init(); do not change */
    double threshold;   /* centroid-linkage threshold in (0, 1]: stories merge while the cosine of
                           their centroids is at least this. Default 0.2 */
    size_t story_words; /* word budget of each story's summary (0 = none). Default 60 */
    size_t max_stories; /* stories summarized and reported, best first (0 = all). Default 0 */
    unsigned max_days;  /* articles with known times more than this many days apart are
                           unrelated (0 = times are ignored). Default 3 */
    /* Called as the run progresses (may be NULL): stage is "analyse" (done of total articles),
     * "cluster" (0 then 1 of 1) or "summarize" (done of total stories). At most a few hundred
     * calls per stage. Must not call back into the briefing. */
    void (*progress)(void *ctx, const char *stage, size_t done, size_t total);
    void *progress_ctx;
    /* Document frequencies of the article vectors: df_model when not NULL (borrowed: it must
     * outlive the briefing, and its stemming must be the briefing's, else ars_briefing_new
     * fails with ARS_EMODEL); else the built-in model when stemming is snowball; else, or when
     * df_input_only is 1, the input articles themselves. Defaults NULL and 0. */
    const ars_df_model *df_model;
    int df_input_only;
} ars_briefing_options;

ARS_API void ars_briefing_options_init_size(ars_briefing_options *opts, size_t struct_size);
static inline void ars_briefing_options_init(ars_briefing_options *opts) {
    ars_briefing_options_init_size(opts, sizeof *opts);
}

typedef struct ars_briefing ars_briefing;

/* Creates a briefing. opts (NULL = defaults) are the options of every story's summary (their
 * max_words is replaced by bopts->story_words); bopts NULL = defaults. Both are copied. Returns
 * ARS_OK, ARS_EARG (bad options, with a message), ARS_ENOMEM, ARS_EMODEL (as
 * ars_summarizer_new). Free with ars_briefing_free() (NULL accepted). */
ARS_API ars_status ars_briefing_new(const ars_options *opts, const ars_briefing_options *bopts,
                                    ars_briefing **out, ars_error *err);
ARS_API void ars_briefing_free(ars_briefing *b);

/* Adds an article: its text (copied; checked as ars_summarizer_add_document checks, with the
 * same errors), a name for messages and output (copied), and what else is known (info may be
 * NULL; its strings are copied). */
ARS_API ars_status ars_briefing_add_article(ars_briefing *b, const char *name, const char *bytes,
                                            size_t len, const ars_article_info *info,
                                            ars_error *err);

/* Number of articles added. */
ARS_API size_t ars_briefing_article_count(const ars_briefing *b);

/* Clusters the articles, ranks the stories and summarizes them. ARS_EEMPTY when no article has
 * usable text. May be called again after more articles are added. */
ARS_API ars_status ars_briefing_run(ars_briefing *b, ars_error *err);

/* One article, as added, and its place in the last successful run (NULL before one, or for i
 * out of range). Borrowed: valid until the briefing is reset, run again or freed. */
typedef struct {
    const char *name;   /* as given to ars_briefing_add_article */
    const char *id;     /* info->id, or NULL */
    const char *title;  /* info->title, or the title line found in the text, or NULL */
    const char *source; /* info->source, or NULL */
    int64_t time;       /* info->time, or ARS_TIME_UNKNOWN */
    size_t story;       /* its story's index in the last run, or SIZE_MAX (no usable text, or
                           a story past max_stories) */
} ars_article;

ARS_API const ars_article *ars_briefing_article_get(const ars_briefing *b, size_t i);

/* One story of the last run. Borrowed views, valid as ars_article's. The sentences are
 * ars_sentence views whose doc is the article's index in the briefing and doc_name its name. */
typedef struct {
    const char *headline;    /* never NULL */
    size_t headline_article; /* the article whose title (or sentence) the headline is */
    int headline_is_title;   /* 1: an article's title; 0: a sentence of the summary's articles */
    const size_t *articles;  /* its articles' indices, the most central first */
    size_t n_articles;
    size_t n_sources; /* distinct outlets (an article without a source counts as one) */
    int64_t time;     /* the latest known time of its articles, or ARS_TIME_UNKNOWN */
    double score;     /* the ranking score (docs/BRIEFING.md) */
    const ars_sentence *sentences; /* the summary, in output order; may be empty */
    size_t n_sentences;
} ars_story;

/* Stories of the last run, best first: ars_briefing_story_count() of them (at most max_stories);
 * ars_briefing_story_total() is how many were found before that cut. */
ARS_API size_t ars_briefing_story_count(const ars_briefing *b);
ARS_API size_t ars_briefing_story_total(const ars_briefing *b);
ARS_API const ars_story *ars_briefing_story_get(const ars_briefing *b, size_t i);

/* Forgets the articles and the last results; keeps options and loaded resources. */
ARS_API void ars_briefing_reset(ars_briefing *b);

#ifdef __cplusplus
}
#endif
#endif
