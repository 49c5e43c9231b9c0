/* briefmain.c - the briefing, batch and input options of `summarize` and the runs behind them
 * (see briefmain.h). */
#include "summarize/cli/briefmain.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "summarize/cli/batch.h"
#include "summarize/cli/outfile.h"
#include "summarize/cli/parse.h"
#include "summarize/common/error.h"

const char briefmain_usage[] =
    "Briefing (a morning's articles grouped into stories, each with a headline and\n"
    "a short summary; docs/BRIEFING.md):\n"
    "      --briefing       cluster the articles into stories (centroid linkage of their\n"
    "                       TF-IDF vectors), rank the stories by outlets, articles and\n"
    "                       recency, and summarize each; an unrelated article is a story\n"
    "                       of its own. Output: --format markdown (default), text, json,\n"
    "                       jsonl (one story per line) or html (a standalone page)\n"
    "      --story-words N  word budget of each story's summary (default 60)\n"
    "      --max-stories N  the N best stories only (default: all)\n"
    "      --story-threshold X  cosine of story centroids needed to merge, 0 < X <= 1\n"
    "                       (default 0.2; lower merges more)\n"
    "      --story-days N   articles whose times are more than N days apart are not one\n"
    "                       story (default 3; 0 ignores times)\n"
    "      --df-model FILE  document frequencies for the article vectors, as built by\n"
    "                       summarize-model; 'none' takes them from the input\n"
    "                       (default: the built-in model of 2018 Arabic news, used\n"
    "                       with snowball stemming)\n"
    "\n"
    "Inputs (FILE may be a folder: its *.txt files, recursively, in name order):\n"
    "      --files-from F   also read the names listed in F, one per line ('-':\n"
    "                       standard input): the way in for 70,000 files\n"
    "  -0, --null           names in --files-from end with a NUL byte (find -print0)\n"
    "      --input-format jsonl  each FILE holds one JSON article per line: \"text\"\n"
    "                       required, \"id\", \"title\", \"source\", \"time\" optional; folders\n"
    "                       give their *.jsonl files\n"
    "      --encoding NAME  read files that are not UTF-8 as NAME (an iconv(3) encoding,\n"
    "                       e.g. cp1256 for Windows-1256 Arabic); 'auto' recognises\n"
    "                       Windows-1256, ISO-8859-6 and UTF-16 with a byte-order mark\n"
    "      --strict         stop at the first bad input instead of skipping it\n"
    "      --cite           text and Markdown: each sentence followed by [its file or\n"
    "                       id]\n"
    "\n"
    "Batch (for Hadoop Streaming, Spark's pipe(), xargs -P):\n"
    "      --jsonl          read one cluster per line, {\"id\": ID, \"docs\": [TEXT, ...]}\n"
    "                       (a doc may also be {\"text\": ..., \"id\": ...}), from the FILEs\n"
    "                       or standard input, and write one line per cluster: {\"id\": ID,\n"
    "                       \"summary\": [SENTENCE, ...], \"docs\": [DOC INDEX, ...]}, or\n"
    "                       {\"id\": ID, \"error\": MESSAGE}\n";

void briefmain_init(briefmain_config *c) {
    memset(c, 0, sizeof *c);
    ars_briefing_options_init(&c->bopt);
    c->in.format = INPUTS_TEXT;
    c->in.max_bytes = (size_t)64 << 20;
    c->in.prog = &c->prog;
    progress_init(&c->prog, stderr, 1);
}

static int briefmain_bad(char *msg, size_t size, const char *fmt, const char *arg) {
    snprintf(msg, size, fmt, arg);
    return -1;
}

/* 1 when iconv converts from the encoding called name to UTF-8. gcc 12's -fanalyzer reports the
 * descriptor as leaked on the branch where iconv_open failed and there is nothing to close: a
 * false positive, silenced for this function alone. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
static int briefmain_encoding_known(const char *name) {
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) return 0;
    iconv_close(cd);
    return 1;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

int briefmain_option(briefmain_config *c, int opt, const char *arg, char *msg, size_t msg_size) {
    size_t n = 0;
    double x = 0.0;
    switch (opt) {
    case BRIEFMAIN_OPT_BRIEFING:
        c->briefing = 1;
        return 1;
    case BRIEFMAIN_OPT_STORY_WORDS:
        if (parse_size(arg, &n) != ARS_OK || n == 0)
            return briefmain_bad(msg, msg_size,
                                 "--story-words needs a positive whole number, not '%s'", arg);
        c->bopt.story_words = n;
        return 1;
    case BRIEFMAIN_OPT_MAX_STORIES:
        if (parse_size(arg, &n) != ARS_OK || n == 0)
            return briefmain_bad(msg, msg_size,
                                 "--max-stories needs a positive whole number, not '%s'", arg);
        c->bopt.max_stories = n;
        return 1;
    case BRIEFMAIN_OPT_STORY_THRESHOLD:
        if (parse_double(arg, 0.0, 1.0, &x) != ARS_OK || x == 0.0)
            return briefmain_bad(msg, msg_size,
                                 "--story-threshold needs a number in (0, 1], not '%s'", arg);
        c->bopt.threshold = x;
        return 1;
    case BRIEFMAIN_OPT_STORY_DAYS:
        if (parse_size(arg, &n) != ARS_OK || n > 36500)
            return briefmain_bad(msg, msg_size,
                                 "--story-days needs a whole number of days, not '%s'", arg);
        c->bopt.max_days = (unsigned)n;
        return 1;
    case BRIEFMAIN_OPT_DF_MODEL:
        c->df_model = arg;
        return 1;
    case BRIEFMAIN_OPT_FILES_FROM:
        c->in.files_from = arg;
        return 1;
    case BRIEFMAIN_OPT_NUL:
    case '0':
        c->in.nul = 1;
        return 1;
    case BRIEFMAIN_OPT_INPUT_FORMAT:
        if (strcmp(arg, "text") == 0)
            c->in.format = INPUTS_TEXT;
        else if (strcmp(arg, "jsonl") == 0)
            c->in.format = INPUTS_JSONL;
        else
            return briefmain_bad(msg, msg_size, "unknown input format '%s' (text or jsonl)", arg);
        return 1;
    case BRIEFMAIN_OPT_STRICT:
        c->in.strict = 1;
        return 1;
    case BRIEFMAIN_OPT_ENCODING:
        if (strcasecmp(arg, "utf-8") == 0 || strcasecmp(arg, "utf8") == 0) {
            c->in.encoding = NULL;
        } else if (strcmp(arg, "auto") == 0) {
            c->in.encoding = "auto";
        } else {
            if (!briefmain_encoding_known(arg))
                return briefmain_bad(msg, msg_size,
                                     "unknown encoding '%s' (see iconv --list; or auto)", arg);
            c->in.encoding = arg;
        }
        return 1;
    case BRIEFMAIN_OPT_CITE:
        c->cite = 1;
        return 1;
    case BRIEFMAIN_OPT_JSONL:
        c->batch = 1;
        return 1;
    default:
        return 0;
    }
}

int briefmain_check(const briefmain_config *c, int words_given, const char *format, int n_paths,
                    char *msg, size_t msg_size) {
    const ars_briefing_options *d = &c->bopt;
    ars_briefing_options def;
    ars_briefing_options_init(&def);
    const char *why = NULL;
    briefout_format bf;
    if (c->batch && c->briefing)
        why = "--jsonl and --briefing cannot be combined";
    else if (c->batch && (c->in.files_from || c->in.format == INPUTS_JSONL || c->in.encoding))
        why = "--jsonl reads its own format: no --files-from, --input-format or --encoding";
    else if (c->batch && (format || c->cite))
        why = "--jsonl writes JSON lines: no --format or --cite";
    else if (!c->briefing &&
             (d->story_words != def.story_words || d->max_stories != def.max_stories ||
              d->threshold != def.threshold || d->max_days != def.max_days || c->df_model))
        why = "--story-words, --max-stories, --story-threshold, --story-days and --df-model "
              "need --briefing";
    else if (c->briefing && words_given)
        why = "a briefing's budget is per story: use --story-words instead of --words";
    else if (c->in.nul && !c->in.files_from)
        why = "-0 needs --files-from";
    else if (c->briefing && format && briefout_format_from_name(format, &bf) != ARS_OK)
        snprintf(msg, msg_size,
                 "unknown briefing format '%s' (markdown, text, json, jsonl or html)", format);
    else if (!c->briefing && !c->batch && format && strcmp(format, "text") != 0 &&
             strcmp(format, "json") != 0)
        snprintf(msg, msg_size,
                 "unknown format '%s' (text or json; markdown, jsonl and html "
                 "with --briefing)",
                 format);
    else if (c->cite && format &&
             (c->briefing ? strcmp(format, "text") != 0 && strcmp(format, "markdown") != 0
                          : strcmp(format, "text") != 0))
        why = "--cite applies to text and Markdown output (JSON always names the sources)";
    else if (n_paths == 0 && !c->in.files_from && !c->batch)
        why = "no input FILE (use '-' for standard input)";
    else
        return 1;
    if (why) snprintf(msg, msg_size, "%s", why);
    return 0;
}

static ars_status briefmain_to_briefing(void *ctx, const inputs_article *a, ars_error *err) {
    return ars_briefing_add_article(ctx, a->name, a->bytes, a->len, &a->info, err);
}

static ars_status briefmain_to_summarizer(void *ctx, const inputs_article *a, ars_error *err) {
    return ars_summarizer_add_document(ctx, a->name, a->bytes, a->len, err);
}

ars_status briefmain_output(const char *out_path, briefmain_writer write, void *ctx,
                            int *output_failed, ars_error *err) {
    outfile of;
    ars_status st = outfile_open(&of, out_path ? out_path : "-", err);
    if (st == ARS_OK) {
        st = write(ctx, of.f, of.path, err);
        if (st == ARS_OK)
            st = outfile_commit(&of, err);
        else
            outfile_abort(&of);
    }
    if (st != ARS_OK) *output_failed = 1;
    return st;
}

typedef struct {
    const ars_briefing *b;
    briefout_format format;
    int cite;
} briefmain_brief_out;

static ars_status briefmain_write_brief(void *ctx, FILE *f, const char *what, ars_error *err) {
    const briefmain_brief_out *o = ctx;
    return briefout_write(o->b, f, o->format, o->cite, what, err);
}

ars_status briefmain_briefing(briefmain_config *c, const ars_options *opt, char *const *paths,
                              size_t n_paths, const char *format, const char *out_path,
                              size_t *skipped, int *output_failed, ars_error *err) {
    *skipped = 0;
    *output_failed = 0;
    briefout_format bf = BRIEFOUT_MARKDOWN;
    if (format && briefout_format_from_name(format, &bf) != ARS_OK)
        return error_set(err, ARS_EARG, "unknown briefing format '%s'", format);
    ars_df_model *model = NULL;
    ars_status st = ARS_OK;
    if (c->df_model && strcmp(c->df_model, "none") == 0)
        c->bopt.df_input_only = 1;
    else if (c->df_model && (st = ars_df_model_load(c->df_model, &model, err)) == ARS_OK)
        c->bopt.df_model = model;
    c->bopt.progress = progress_briefing;
    c->bopt.progress_ctx = &c->prog;
    ars_briefing *b = NULL;
    if (st == ARS_OK) st = ars_briefing_new(opt, &c->bopt, &b, err);
    inputs_report rep = {0, 0, 0};
    if (st == ARS_OK) st = inputs_read(&c->in, paths, n_paths, briefmain_to_briefing, b, &rep, err);
    *skipped = rep.n_skipped;
    if (st == ARS_OK && ars_briefing_article_count(b) == 0)
        st = error_set(err, ARS_EEMPTY, "no input: every file was empty or skipped");
    if (st == ARS_OK) st = ars_briefing_run(b, err);
    progress_clear(&c->prog);
    if (st == ARS_OK) {
        briefmain_brief_out o = {b, bf, c->cite};
        st = briefmain_output(out_path, briefmain_write_brief, &o, output_failed, err);
    }
    ars_briefing_free(b);
    ars_df_model_free(model);
    return st;
}

typedef struct {
    briefmain_config *c;
    const ars_options *opt;
    char *const *paths;
    size_t n_paths;
    batch_report rep;
    int read_failed;
} briefmain_batch_out;

static ars_status briefmain_write_batch(void *ctx, FILE *f, const char *what, ars_error *err) {
    briefmain_batch_out *o = ctx;
    int write_failed = 0;
    ars_status st = batch_run(o->opt, o->paths, o->n_paths, f, what, o->c->in.strict,
                              o->c->in.quiet, o->c->in.max_bytes, &o->rep, &write_failed, err);
    o->read_failed = st != ARS_OK && !write_failed; /* the input's failure, not the output's */
    return st;
}

ars_status briefmain_batch(briefmain_config *c, const ars_options *opt, char *const *paths,
                           size_t n_paths, const char *out_path, size_t *skipped,
                           int *output_failed, ars_error *err) {
    briefmain_batch_out o = {c, opt, paths, n_paths, {0, 0}, 0};
    *output_failed = 0;
    ars_status st = briefmain_output(out_path, briefmain_write_batch, &o, output_failed, err);
    if (o.read_failed) *output_failed = 0;
    *skipped = o.rep.n_bad;
    return st;
}

ars_status briefmain_read(briefmain_config *c, ars_summarizer *sum, char *const *paths,
                          size_t n_paths, size_t *skipped, size_t *bytes, ars_error *err) {
    inputs_report rep = {0, 0, 0};
    ars_status st = inputs_read(&c->in, paths, n_paths, briefmain_to_summarizer, sum, &rep, err);
    progress_clear(&c->prog);
    *skipped = rep.n_skipped;
    *bytes = rep.n_bytes;
    return st;
}
