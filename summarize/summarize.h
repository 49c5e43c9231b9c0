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
 * ars_text_check, ars_text_is_blank, ars_free) are safe from any thread. ars_summarizer_run may
 * run its front end on threads of its own (ars_options.threads), started and joined within the
 * call; the summary is the same bytes for any thread count (end-to-end tests compare them).
 * Similarities are computed from the sparse rows and no stage calls BLAS (docs/BENCHMARKS.md
 * measures the dense CBLAS path), but OpenBLAS, the BLAS linked by default, starts a process-wide
 * pool of worker threads when it is loaded, sized by OPENBLAS_NUM_THREADS: a program of its own
 * may stop it with ars_tune_process(); a service that also calls OpenBLAS and runs summarizers in
 * parallel threads should set OPENBLAS_NUM_THREADS=1 to keep the pools from competing. */
#ifndef ARS_SUMMARIZE_H
#define ARS_SUMMARIZE_H

#include <stddef.h>
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
 * (status and a one-line message naming the file and place, e.g. "a.txt: byte 12: invalid UTF-8")
 * and leave it untouched on success. NULL is accepted everywhere and means "no detail wanted". */
typedef struct {
    ars_status status;
    char message[512];
} ars_error;

/* Ranking methods. ARS_METHOD_DEFAULT weighs where a sentence stands in its article, how central
 * it is in the sentence graph (TextRank) and how central its article is in the cluster; articles
 * about an older event than the rest contribute nothing (docs/ARCHITECTURE.md, "Ranking"). */
typedef enum {
    ARS_METHOD_DEFAULT = 0,
    ARS_METHOD_LEAD = 1,     /* first sentences, round-robin across documents */
    ARS_METHOD_CENTROID = 2, /* cosine to the centroid of all sentences */
    ARS_METHOD_TEXTRANK = 3, /* weighted PageRank on the cosine graph, greedy selection */
    ARS_METHOD_LEXRANK = 4,  /* PageRank on the thresholded (0.1) cosine graph */
    ARS_METHOD_MMR = 5       /* MMR with centroid relevance */
} ars_method;

typedef enum { ARS_STEM_SNOWBALL = 0, ARS_STEM_NONE = 1 } ars_stem;
typedef enum { ARS_ORDER_SOURCE = 0, ARS_ORDER_SCORE = 1 } ars_order;

/* What happens at the word budget N. Sentences are never cut, and no policy lets a summary grow
 * past 2N words. */
typedef enum {
    ARS_BUDGET_STRICT = 0, /* at most N words: a sentence that does not fit is skipped */
    ARS_BUDGET_FIRST = 1,  /* as strict, but the first sentence chosen may run past N (up to 2N),
                              so that the best sentence is not lost to a tight budget */
    ARS_BUDGET_FILL = 2    /* sentences are added until N is reached; the last one may run past N */
} ars_budget;

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
 * orders "source" "score"; formats "text" "json". *_name() returns a static string, or NULL for a
 * value outside the enum. *_from_name() sets *out and returns ARS_OK, or returns ARS_EARG for an
 * unknown name or a NULL argument (*out untouched). Names are compared exactly (case matters). */
ARS_API const char *ars_method_name(ars_method method);
ARS_API ars_status ars_method_from_name(const char *name, ars_method *out);
ARS_API const char *ars_stem_name(ars_stem stem);
ARS_API ars_status ars_stem_from_name(const char *name, ars_stem *out);
ARS_API const char *ars_order_name(ars_order order);
ARS_API ars_status ars_order_from_name(const char *name, ars_order *out);
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
    size_t threads; /* threads of the front end (clean, split, analyse: per document). 0 (the
                       default) uses, for inputs over 1 MiB, one per processor it may run on
                       that other programs are not keeping busy at the start of the run, up to
                       8, and one below (docs/BENCHMARKS.md); n uses n (at most one per
                       document). The summary is the same bytes for any value */
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
                          space, control characters (ESC, BEL, C1) dropped */
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
 *   nothing with another BLAS);
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

#ifdef __cplusplus
}
#endif
#endif
