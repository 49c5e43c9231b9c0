/* main.c - the `summarize-eval` program: `rouge` scores summary folders against a dataset's
 * references, `run` runs libsummarize and the baselines (lead, random, extractive oracle) over
 * every topic in-process, writes the summaries and scores them next to other systems' folders.
 * Thin: the scoring is in eval/rouge.c, the statistics in eval/stats.c, the outputs in
 * eval/report.c. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval/dataset.h"
#include "eval/grades.h"
#include "eval/meta.h"
#include "eval/report.h"
#include "eval/rouge.h"
#include "eval/stats.h"
#include "eval/text.h"
#include "eval/tokenize.h"
#include "summarize/cli/outfile.h"
#include "summarize/cli/parse.h"
#include "summarize/common/error.h"
#include "summarize/summarize.h"

enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_INPUT = 2, EXIT_INTERNAL = 3 };

/* Methods of `run`: the library's, then the baselines that exist only here. */
typedef enum {
    M_DEFAULT,
    M_LEAD,
    M_CENTROID,
    M_TEXTRANK,
    M_LEXRANK,
    M_MMR,
    M_RANDOM,
    M_ORACLE,
    M_COUNT
} main_method;

static const ars_method main_lib_method[M_RANDOM] = {ARS_METHOD_DEFAULT,  ARS_METHOD_LEAD,
                                                     ARS_METHOD_CENTROID, ARS_METHOD_TEXTRANK,
                                                     ARS_METHOD_LEXRANK,  ARS_METHOD_MMR};

/* A method's name: the library's own for its methods, then the baselines'. */
static const char *main_method_name(int method) {
    if (method == M_RANDOM) return "random";
    if (method == M_ORACLE) return "oracle";
    return ars_method_name(main_lib_method[method]);
}

/* The subcommands. */
typedef enum { CMD_ROUGE, CMD_RUN, CMD_SCORE, CMD_META } main_cmd;

/* Output formats. */
enum { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_ROUGE155 };

/* ROUGE-1.5.5's metric selection flags as given; main_metrics turns them into the metric list. */
typedef struct {
    size_t max_n;   /* -n N: ROUGE-1 .. ROUGE-N (0: not given) */
    int gap_set;    /* -2 GAP given */
    int gap;        /* largest skip-bigram gap, ROUGE_GAP_ANY when negative */
    int unigrams;   /* -u: ROUGE-SU instead of ROUGE-S */
    int both;       /* -U: ROUGE-S and ROUGE-SU */
    int weight_set; /* -w W given */
    double weight;
    int no_lcs; /* -x */
} main_flags;

typedef struct {
    main_cmd cmd;
    const char *data;
    const char *out_dir;
    const char *grades;       /* meta --grades FILE */
    const char *grade_column; /* meta: the column of the grades file to correlate with */
    eval_names systems;       /* summary folders to score (rouge --system, --compare), as given */
    eval_names operands;      /* score: CANDIDATE REFERENCE... */
    int methods[M_COUNT + 1];
    size_t n_methods;
    size_t words, bytes;
    rouge_options ro;
    eval_tokenize_options to;
    main_flags flags;
    rouge_metric *metrics; /* owned, n_metrics, from the flags */
    size_t n_metrics;
    int format;
    size_t resamples;
    double level;
    unsigned long long seed;
    int per_topic;
    const char *plot;
    int test;                /* 0 none, 1 randomization, 2 bootstrap */
    const char *test_metric; /* as given, or NULL */
    size_t test_index;       /* its place in metrics */
    int resample;            /* meta: EVAL_RESAMPLE_* */
    int quiet;
    /* summarizer options (run) */
    ars_stem stem;
    ars_budget budget;
    double lambda, max_sim, position_weight, document_weight;
    int lambda_set, max_sim_set, position_weight_set, document_weight_set;
    char *command;
} main_args;

static void main_usage(FILE *f) {
    fputs("Usage: summarize-eval rouge --data DATASET --system [NAME=]DIR... [OPTION]...\n"
          "       summarize-eval run --data DATASET --out DIR --words N [OPTION]...\n"
          "       summarize-eval score [OPTION]... CANDIDATE REFERENCE...\n"
          "       summarize-eval meta --grades FILE --data DATASET --system [NAME=]DIR...\n"
          "                           [OPTION]...\n"
          "ROUGE for Arabic with ROUGE-1.5.5's arithmetic and a Unicode tokenizer, a harness\n"
          "that runs summarizers over a dataset and compares them with confidence intervals,\n"
          "and a check of how well each ROUGE variant agrees with human grades.\n"
          "\n"
          "A DATASET holds one folder per topic: TOPIC/docs/*.txt (input articles) and\n"
          "TOPIC/refs/*.txt (reference summaries); folders starting with '_' are not topics.\n"
          "A system's summaries are DIR/TOPIC.txt, one sentence per line. A system is named\n"
          "after its folder, or NAME with NAME=DIR (write ./A=B for a folder called A=B); two\n"
          "folders with the same name are shown by their paths.\n"
          "\n"
          "rouge: scores each --system DIR... (and --compare DIR...) against the references.\n"
          "run:   summarizes every topic in-process with each --method, writes\n"
          "       OUT/METHOD/TOPIC.txt, and scores them together with the --compare folders.\n"
          "score: scores one CANDIDATE summary file against its REFERENCE files.\n"
          "meta:  correlates every metric (R, P and F) with the human grades of the systems'\n"
          "       summaries at system and summary level (Pearson, Spearman, Kendall tau-b),\n"
          "       with bootstrap intervals.\n"
          "\n",
          f);
    fputs("Metrics, with ROUGE-1.5.5's flags and meanings. Without -n, -2, -w or -x: ROUGE-1,\n"
          "ROUGE-2, ROUGE-L and ROUGE-SU4 (meta: ROUGE-1 to 4, L, W-1.2, S4 and SU4).\n"
          "  -n N                 ROUGE-1 to ROUGE-N\n"
          "  -2 GAP               skip-bigrams with at most GAP words between (negative: any)\n"
          "  -u                   with -2: ROUGE-SU (skip-bigrams and unigrams), not ROUGE-S\n"
          "  -U                   with -2: both ROUGE-S and ROUGE-SU\n"
          "  -w W                 ROUGE-W, weighted LCS: k consecutive matches weigh k^W (1.2)\n"
          "  -x                   no ROUGE-L (computed otherwise)\n"
          "\n"
          "Scoring:\n"
          "  -l, --words N        use the first N words of every summary, system and reference,\n"
          "                       as ROUGE-1.5.5 -l does; for run also the summary budget\n"
          "  -b, --bytes N        use the first N bytes instead (ROUGE-1.5.5 -b; not for run)\n"
          "  -f, --pool A|B       A: pool hits and counts over the references (default);\n"
          "                       B: score against the best single reference\n"
          "  -p, --alpha X        F = 1/(X/P + (1-X)/R), 0..1 (default 0.5)\n"
          "      --jackknife      mean over the leave-one-out reference subsets (M > 1 refs)\n"
          "      --no-normalize   tokens as written: no NFKC, no Arabic letter or digit folding,\n"
          "                       no lower-casing\n"
          "  -m, --stem           Snowball Arabic stemming of ROUGE tokens (also --rouge-stem)\n"
          "      --tokenized      files are pre-tokenized: space-separated tokens, one sentence\n"
          "                       per line, scored as they are\n"
          "  -a, -e DIR, -t 0     accepted from ROUGE-1.5.5 command lines, without effect: all\n"
          "                       systems given are scored, no data folder is needed, and\n"
          "                       sentence-level averaging is the only mode\n"
          "\n",
          f);
    fputs("Comparison and statistics:\n"
          "      --compare DIR... more summary folders to score in the same table\n"
          "  -r, --resamples N    bootstrap resamples for intervals and tests (default 1000)\n"
          "  -c, --confidence P   interval level in percent (default 95)\n"
          "      --seed N         seed of the bootstrap, the tests and the random baseline\n"
          "                       (default 1)\n"
          "      --test NAME      paired test of the first system against each other one:\n"
          "                       ar (approximate randomisation, two-sided; the default with two\n"
          "                       or more systems), bootstrap (paired bootstrap), none\n"
          "      --test-metric M  metric whose per-topic F is tested (default rouge-2)\n"
          "\n"
          "Meta-evaluation (meta):\n"
          "      --grades FILE    human grades, tab-separated with a header naming the columns\n"
          "                       Topic, Peer and the grade column (quotes allowed), as\n"
          "                       MultiLing 2011's grades.tsv; Peer is matched with system\n"
          "                       names; the rows of one summary (judges) are averaged\n"
          "      --grade-column C grade column (default Grade; e.g. LengthAwareGrade)\n"
          "      --resample WHAT  what the interval bootstrap resamples: both (topics and\n"
          "                       systems; default), topics or systems\n"
          "\n",
          f);
    fputs("Summarizer (run):\n"
          "      --method LIST    comma-separated, in table order (default: default):\n"
          "                       default, lead, centroid, textrank, lexrank, mmr (libsummarize);\n"
          "                       random (seeded random sentences within the budget) and oracle\n"
          "                       (greedy ROUGE-2 recall against the references: the ceiling for\n"
          "                       extractive methods). There is no short form: -m is ROUGE's\n"
          "                       stemming, as in ROUGE-1.5.5\n"
          "      --summarizer-stem NAME  summarizer stemming: snowball (default) or none\n"
          "                       (--stem is ROUGE's stemming, as in rouge)\n"
          "      --lambda X       MMR trade-off, 0..1\n"
          "      --position-weight X  default method: exponent of the position prior, 0..1\n"
          "      --document-weight X  default method: weight of the article's centrality, 0..1\n"
          "      --max-sim X      redundancy cap, 0 < X <= 1\n"
          "      --budget NAME    what happens at the budget, for every method and baseline\n"
          "                       alike: first (default: the first sentence may run past N,\n"
          "                       up to 2N), strict (never past N), fill (until N is reached);\n"
          "                       summaries are then cut at N words when scored\n"
          "      --out DIR        where summaries are written (created if missing)\n"
          "\n",
          f);
    fputs("Output:\n"
          "      --format NAME    text (aligned, Markdown-compatible table; default), csv, json,\n"
          "                       or rouge155: ROUGE-1.5.5's own layout, e.g. \"ID ROUGE-2\n"
          "                       Average_R: 0.12345 (95%-conf.int. 0.10000 - 0.20000)\"\n"
          "                       (meta: text or csv)\n"
          "  -d, --per-topic      also per-topic rows (text; rouge: the default), or ROUGE-1.5.5\n"
          "                       -d's per-evaluation lines (rouge155)\n"
          "      --plot FILE.svg  bar chart of F with confidence whiskers\n"
          "  -q, --quiet          no progress on standard error\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n"
          "Metric names: rouge-1, rouge-2, ..., rouge-l, rouge-w-1.2, rouge-s4, rouge-su4,\n"
          "rouge-s* and rouge-su* (any gap). CSV columns: rouge and run: system, topic (or avg),\n"
          "metric, r, p, f, f_lo, f_hi, r_lo, r_hi, p_lo, p_hi (the intervals on avg rows);\n"
          "score: metric, r, p, f; meta: metric (e.g. rouge-2-f), level (system or summary),\n"
          "pearson, spearman, kendall, then each one's interval bounds.\n"
          "\n"
          "Exit status:\n"
          "  0  success\n"
          "  1  usage error (unknown option, bad value, missing --data/--system/--out/--words,\n"
          "     two systems with one name)\n"
          "  2  bad input: missing or unreadable dataset, reference, summary or grades file,\n"
          "     invalid UTF-8, a summary or reference over 1 MiB, a topic whose references\n"
          "     are all empty, a grade missing for a summary, a topic the summarizer cannot\n"
          "     summarize, unwritable output (also for --help and --version)\n"
          "  3  internal error or out of memory\n",
          f);
}

/* A message on standard error, after "summarize-eval: " (printf-style, without the line end):
 * control characters in it, from a path or a quoted name, are shown as '?' (error_printable). */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
main_say(const char *fmt, ...) {
    char message[8192]; /* room for a path of PATH_MAX and more */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    error_printable(message);
    fprintf(stderr, "summarize-eval: %s\n", message);
}

/* --help and --version: exit 0 only when standard output took the text. */
static int main_info_done(void) {
    ars_error err = {ARS_OK, ""};
    if (outfile_flush_stdout(&err) == ARS_OK) return EXIT_OK;
    main_say("%s", err.message);
    return EXIT_INPUT; /* unwritable output, as the exit status list says */
}

static int main_usage_error(const char *what, const char *arg) {
    main_say("%s%s%s", what, arg ? ": " : "", arg ? arg : "");
    fputs("Try 'summarize-eval --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

static int main_find_method(const char *s, size_t len) {
    for (int i = 0; i < M_COUNT; i++)
        if (strlen(main_method_name(i)) == len && memcmp(main_method_name(i), s, len) == 0)
            return i;
    return -1;
}

static int main_parse_methods(const char *list, main_args *a) {
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        int found = main_find_method(p, len);
        if (found < 0 || a->n_methods >= M_COUNT) return -1;
        for (size_t k = 0; k < a->n_methods; k++)
            if (a->methods[k] == found) return -1;
        a->methods[a->n_methods++] = found;
        p += len;
        if (*p == ',') p++;
    }
    return a->n_methods ? 0 : -1;
}

/* ROUGE-1.5.5's -2 value: a whole number, any negative one meaning no gap limit. */
static int main_parse_gap(const char *s, int *gap) {
    size_t v;
    if (s[0] == '-' && s[1] >= '0' && s[1] <= '9' && parse_size(s + 1, &v) == 0) {
        *gap = ROUGE_GAP_ANY;
        return 0;
    }
    if (parse_size(s, &v) || v > 10000) return -1;
    *gap = (int)v;
    return 0;
}

/* The metric list of the flags, in ROUGE-1.5.5's order: ROUGE-1..N, L, W, S, SU. Returns 0,
 * ENOMEM, or EINVAL (with a message) when -u/-U come without -2. */
static int main_metrics(main_args *a) {
    const main_flags *fl = &a->flags;
    if ((fl->unigrams || fl->both) && !fl->gap_set) {
        main_usage_error("-u and -U count unigrams with skip-bigrams: they need -2 GAP", NULL);
        return EINVAL;
    }
    int chosen = fl->max_n || fl->gap_set || fl->weight_set || fl->no_lcs;
    size_t cap = fl->max_n + 8;
    a->metrics = calloc(cap, sizeof *a->metrics);
    if (!a->metrics) return ENOMEM;
    size_t n = 0;
    if (!chosen && a->cmd != CMD_META) {
        a->n_metrics = eval_rouge_default_metrics(a->metrics);
        return 0;
    }
    if (!chosen) {
        /* meta compares variants: the usual ones all at once. */
        for (int k = 1; k <= 4; k++)
            a->metrics[n++] = eval_rouge_n(k);
        a->metrics[n++] = eval_rouge_l();
        a->metrics[n++] = eval_rouge_w(1.2);
        a->metrics[n++] = eval_rouge_s(4, 0);
        a->metrics[n++] = eval_rouge_s(4, 1);
        a->n_metrics = n;
        return 0;
    }
    for (size_t k = 1; k <= fl->max_n; k++)
        a->metrics[n++] = eval_rouge_n((int)k);
    if (!fl->no_lcs) a->metrics[n++] = eval_rouge_l();
    if (fl->weight_set) a->metrics[n++] = eval_rouge_w(fl->weight);
    if (fl->gap_set) {
        if (!fl->unigrams) a->metrics[n++] = eval_rouge_s(fl->gap, 0);
        if (fl->unigrams || fl->both) a->metrics[n++] = eval_rouge_s(fl->gap, 1);
    }
    a->n_metrics = n;
    if (n == 0) {
        main_usage_error("-x without -n, -2 or -w leaves no metric to compute", NULL);
        return EINVAL;
    }
    return 0;
}

/* The command line as one string, for the JSON record and progress messages. */
static char *main_join_args(int argc, char **argv) {
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *s = malloc(len);
    if (!s) return NULL;
    size_t k = 0;
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (i) s[k++] = ' ';
        memcpy(s + k, argv[i], n);
        k += n;
    }
    s[k] = '\0';
    return s;
}

enum {
    OPT_JACKKNIFE = 256,
    OPT_NO_NORMALIZE,
    OPT_TOKENIZED,
    OPT_COMPARE,
    OPT_SEED,
    OPT_TEST,
    OPT_TEST_METRIC,
    OPT_SUMMARIZER_STEM,
    OPT_METHOD,
    OPT_LAMBDA,
    OPT_MAX_SIM,
    OPT_POSITION_WEIGHT,
    OPT_DOCUMENT_WEIGHT,
    OPT_BUDGET,
    OPT_OUT,
    OPT_FORMAT,
    OPT_PLOT,
    OPT_DATA,
    OPT_SYSTEM,
    OPT_GRADES,
    OPT_GRADE_COLUMN,
    OPT_RESAMPLE
};

/* Parses argv after the subcommand. Returns -1 to go on, or an exit code. */
static int main_parse(int argc, char **argv, main_args *a) {
    static const struct option longs[] = {
        {"data", required_argument, NULL, OPT_DATA},
        {"system", required_argument, NULL, OPT_SYSTEM},
        {"words", required_argument, NULL, 'l'},
        {"bytes", required_argument, NULL, 'b'},
        {"pool", required_argument, NULL, 'f'},
        {"alpha", required_argument, NULL, 'p'},
        {"jackknife", no_argument, NULL, OPT_JACKKNIFE},
        {"no-normalize", no_argument, NULL, OPT_NO_NORMALIZE},
        {"rouge-stem", no_argument, NULL, 'm'},
        {"stem", optional_argument, NULL, 'm'},
        {"tokenized", no_argument, NULL, OPT_TOKENIZED},
        {"compare", required_argument, NULL, OPT_COMPARE},
        {"resamples", required_argument, NULL, 'r'},
        {"confidence", required_argument, NULL, 'c'},
        {"seed", required_argument, NULL, OPT_SEED},
        {"test", required_argument, NULL, OPT_TEST},
        {"test-metric", required_argument, NULL, OPT_TEST_METRIC},
        {"grades", required_argument, NULL, OPT_GRADES},
        {"grade-column", required_argument, NULL, OPT_GRADE_COLUMN},
        {"resample", required_argument, NULL, OPT_RESAMPLE},
        {"method", required_argument, NULL, OPT_METHOD},
        {"summarizer-stem", required_argument, NULL, OPT_SUMMARIZER_STEM},
        {"lambda", required_argument, NULL, OPT_LAMBDA},
        {"max-sim", required_argument, NULL, OPT_MAX_SIM},
        {"position-weight", required_argument, NULL, OPT_POSITION_WEIGHT},
        {"document-weight", required_argument, NULL, OPT_DOCUMENT_WEIGHT},
        {"budget", required_argument, NULL, OPT_BUDGET},
        {"out", required_argument, NULL, OPT_OUT},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"per-topic", no_argument, NULL, 'd'},
        {"plot", required_argument, NULL, OPT_PLOT},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    int compare_seen = 0, test_set = 0, per_topic_set = 0, resample_set = 0;
    char optbuf[8];
    int is_run = a->cmd == CMD_RUN;
    opterr = 0;
    optind = 1;
    for (;;) {
        int idx = -1;
        int c = getopt_long(argc, argv, ":l:b:f:p:mn:2:uUw:xc:r:ae:t:sdqhV", longs, &idx);
        if (c == -1) break;
        const char *arg = optarg;
        switch (c) {
        case OPT_DATA:
            a->data = arg;
            break;
        case OPT_SYSTEM:
            if (is_run) return main_usage_error("--system is for rouge; run uses --compare", NULL);
            compare_seen = 1;
            if (eval_names_push(&a->systems, arg)) return EXIT_INTERNAL;
            break;
        case 'l':
            if (parse_size(arg, &a->words) || a->words == 0)
                return main_usage_error("--words needs a positive whole number", arg);
            break;
        case 'b':
            if (parse_size(arg, &a->bytes) || a->bytes == 0)
                return main_usage_error("--bytes needs a positive whole number", arg);
            break;
        case 'f':
            if (strcmp(arg, "A") == 0)
                a->ro.pool = ROUGE_POOL_AVERAGE;
            else if (strcmp(arg, "B") == 0)
                a->ro.pool = ROUGE_POOL_BEST;
            else
                return main_usage_error("--pool is A or B", arg);
            break;
        case 'p':
            if (parse_double(arg, 0, 1, &a->ro.alpha))
                return main_usage_error("--alpha needs a number in [0,1]", arg);
            break;
        case OPT_JACKKNIFE:
            a->ro.jackknife = 1;
            break;
        case OPT_NO_NORMALIZE:
            a->to.normalize = 0;
            break;
        case 'm':
            /* -m and --stem are ROUGE's stemming everywhere, as in ROUGE-1.5.5; the summarizer's
             * own stemming in run is --summarizer-stem. */
            if (idx >= 0 && longs[idx].has_arg == optional_argument && arg)
                return main_usage_error(
                    "--stem takes no value: it is ROUGE's stemming (ROUGE-1.5.5 -m); the "
                    "summarizer's is --summarizer-stem NAME",
                    arg);
            a->to.stem = 1;
            break;
        case 'n':
            if (parse_size(arg, &a->flags.max_n) || a->flags.max_n == 0 || a->flags.max_n > 64)
                return main_usage_error("-n needs a whole number from 1 to 64", arg);
            break;
        case '2':
            if (main_parse_gap(arg, &a->flags.gap))
                return main_usage_error("-2 needs a whole number (negative: no gap limit)", arg);
            a->flags.gap_set = 1;
            break;
        case 'u':
            a->flags.unigrams = 1;
            break;
        case 'U':
            a->flags.both = 1;
            break;
        case 'w':
            if (parse_double(arg, 0, 100, &a->flags.weight) || a->flags.weight == 0)
                return main_usage_error("-w needs a weight in (0,100], e.g. 1.2", arg);
            a->flags.weight_set = 1;
            break;
        case 'x':
            a->flags.no_lcs = 1;
            break;
        case 'a':
        case 'e':
            break;
        case 's':
            return main_usage_error("-s is not supported: ROUGE-1.5.5 removes the English SMART "
                                    "stopwords, which mean nothing for Arabic",
                                    NULL);
        case 't':
            if (strcmp(arg, "0") != 0)
                return main_usage_error("only -t 0 (average over topics) is supported", arg);
            break;
        case OPT_TOKENIZED:
            a->to.pretokenized = 1;
            break;
        case OPT_COMPARE:
            compare_seen = 1;
            if (eval_names_push(&a->systems, arg)) return EXIT_INTERNAL;
            break;
        case 'r':
            if (parse_size(arg, &a->resamples) || a->resamples > 1000000)
                return main_usage_error("--resamples needs a whole number up to 1000000", arg);
            break;
        case 'c': {
            double pc;
            if (parse_double(arg, 1, 99.9, &pc))
                return main_usage_error("--confidence needs a percentage in [1,99.9]", arg);
            a->level = pc / 100.0;
            break;
        }
        case OPT_SEED: {
            size_t s;
            if (parse_size(arg, &s)) return main_usage_error("--seed needs a whole number", arg);
            a->seed = (unsigned long long)s;
            break;
        }
        case OPT_TEST:
            test_set = 1;
            if (strcmp(arg, "ar") == 0)
                a->test = 1;
            else if (strcmp(arg, "bootstrap") == 0)
                a->test = 2;
            else if (strcmp(arg, "none") == 0)
                a->test = 0;
            else
                return main_usage_error("--test is ar, bootstrap or none", arg);
            break;
        case OPT_TEST_METRIC:
            a->test_metric = arg;
            break;
        case OPT_GRADES:
            a->grades = arg;
            break;
        case OPT_GRADE_COLUMN:
            a->grade_column = arg;
            break;
        case OPT_RESAMPLE:
            resample_set = 1;
            if (strcmp(arg, "both") == 0)
                a->resample = EVAL_RESAMPLE_BOTH;
            else if (strcmp(arg, "topics") == 0)
                a->resample = EVAL_RESAMPLE_TOPICS;
            else if (strcmp(arg, "systems") == 0)
                a->resample = EVAL_RESAMPLE_SYSTEMS;
            else
                return main_usage_error("--resample is both, topics or systems", arg);
            break;
        case OPT_METHOD:
            if (!is_run) return main_usage_error("--method is for run", NULL);
            if (main_parse_methods(arg, a))
                return main_usage_error("--method: unknown or repeated method in", arg);
            break;
        case OPT_SUMMARIZER_STEM:
            if (!is_run) return main_usage_error("--summarizer-stem is for run", NULL);
            if (ars_stem_from_name(arg, &a->stem) != ARS_OK)
                return main_usage_error("--summarizer-stem is snowball or none", arg);
            break;
        case OPT_LAMBDA:
            if (parse_double(arg, 0, 1, &a->lambda))
                return main_usage_error("--lambda needs a number in [0,1]", arg);
            a->lambda_set = 1;
            break;
        case OPT_POSITION_WEIGHT:
            if (parse_double(arg, 0, 1, &a->position_weight))
                return main_usage_error("--position-weight needs a number in [0,1]", arg);
            a->position_weight_set = 1;
            break;
        case OPT_DOCUMENT_WEIGHT:
            if (parse_double(arg, 0, 1, &a->document_weight))
                return main_usage_error("--document-weight needs a number in [0,1]", arg);
            a->document_weight_set = 1;
            break;
        case OPT_BUDGET:
            if (strcmp(arg, "first") == 0)
                a->budget = ARS_BUDGET_FIRST;
            else if (strcmp(arg, "strict") == 0)
                a->budget = ARS_BUDGET_STRICT;
            else if (strcmp(arg, "fill") == 0)
                a->budget = ARS_BUDGET_FILL;
            else
                return main_usage_error("--budget is first, strict or fill", arg);
            break;
        case OPT_MAX_SIM:
            if (parse_double(arg, 0, 1, &a->max_sim) || a->max_sim == 0)
                return main_usage_error("--max-sim needs a number in (0,1]", arg);
            a->max_sim_set = 1;
            break;
        case OPT_OUT:
            a->out_dir = arg;
            break;
        case OPT_FORMAT:
            if (strcmp(arg, "text") == 0)
                a->format = FMT_TEXT;
            else if (strcmp(arg, "csv") == 0)
                a->format = FMT_CSV;
            else if (strcmp(arg, "json") == 0)
                a->format = FMT_JSON;
            else if (strcmp(arg, "rouge155") == 0)
                a->format = FMT_ROUGE155;
            else
                return main_usage_error("--format is text, csv, json or rouge155", arg);
            break;
        case 'd':
            a->per_topic = 1;
            per_topic_set = 1;
            break;
        case OPT_PLOT:
            a->plot = arg;
            break;
        case 'q':
            a->quiet = 1;
            break;
        case 'h':
            main_usage(stdout);
            return main_info_done();
        case 'V':
            printf("summarize-eval %s\n", ars_version());
            return main_info_done();
        case ':':
            return main_usage_error("option needs a value",
                                    parse_bad_option(argv, 1, optbuf, sizeof optbuf));
        default:
            return main_usage_error("unknown option",
                                    parse_bad_option(argv, 0, optbuf, sizeof optbuf));
        }
    }
    /* `--compare A B C` (or --system): the folders after the first arrive as operands; score
     * takes its files as operands. */
    for (int i = optind; i < argc; i++) {
        if (a->cmd == CMD_SCORE) {
            if (eval_names_push(&a->operands, argv[i])) return EXIT_INTERNAL;
            continue;
        }
        if (!compare_seen) {
            if (is_run && main_find_method(argv[i], strlen(argv[i])) >= 0)
                return main_usage_error(
                    "unexpected argument (methods are given with --method LIST; -m is ROUGE's "
                    "stemming, as in ROUGE-1.5.5)",
                    argv[i]);
            return main_usage_error("unexpected argument", argv[i]);
        }
        if (eval_names_push(&a->systems, argv[i])) return EXIT_INTERNAL;
    }
    if (a->words && a->bytes) return main_usage_error("give --words or --bytes, not both", NULL);
    if (a->cmd == CMD_SCORE) {
        if (a->operands.n < 2) return main_usage_error("score needs CANDIDATE REFERENCE...", NULL);
        if (a->data || a->systems.n)
            return main_usage_error("score takes files, not --data or --system", NULL);
    } else if (!a->data) {
        return main_usage_error("--data DATASET is required", NULL);
    }
    if (is_run) {
        if (!a->out_dir) return main_usage_error("run needs --out DIR", NULL);
        if (!a->words) return main_usage_error("run needs --words N (the summary budget)", NULL);
        if (a->bytes) return main_usage_error("run counts its budget in words: no --bytes", NULL);
        if (a->n_methods == 0) a->methods[a->n_methods++] = M_DEFAULT;
    } else if (a->cmd != CMD_SCORE && a->systems.n == 0) {
        return main_usage_error(
            a->cmd == CMD_META ? "meta needs --system DIR..." : "rouge needs --system DIR", NULL);
    }
    if (a->cmd == CMD_META) {
        if (!a->grades) return main_usage_error("meta needs --grades FILE", NULL);
        if (a->systems.n < 3)
            return main_usage_error("meta needs at least three --system folders to correlate",
                                    NULL);
        if (a->format == FMT_JSON || a->format == FMT_ROUGE155)
            return main_usage_error("meta writes --format text or csv", NULL);
        if (a->plot) return main_usage_error("--plot is for rouge and run", NULL);
    } else if (a->grades || a->grade_column || resample_set) {
        return main_usage_error("--grades, --grade-column and --resample are for meta", NULL);
    }
    if (a->cmd == CMD_SCORE && a->plot)
        return main_usage_error("--plot is for rouge and run", NULL);
    if (a->to.pretokenized && is_run)
        return main_usage_error("--tokenized is for rouge (run writes raw sentences)", NULL);
    /* rouge155 prints ROUGE-1.5.5's per-evaluation lines only when asked, as the script does. */
    if (a->format == FMT_ROUGE155 && !per_topic_set) a->per_topic = 0;
    int e = main_metrics(a);
    if (e) return e == ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
    /* The tested metric must be one of those computed; by default ROUGE-2, else the first. */
    rouge_metric tm;
    if (a->test_metric && eval_rouge_metric_parse(a->test_metric, &tm))
        return main_usage_error("--test-metric: unknown metric", a->test_metric);
    if (!a->test_metric) tm = eval_rouge_n(2);
    a->test_index = 0;
    int found = 0;
    for (size_t k = 0; k < a->n_metrics && !found; k++)
        if (eval_rouge_metric_equal(&a->metrics[k], &tm)) {
            a->test_index = k;
            found = 1;
        }
    if (!found && a->test_metric)
        return main_usage_error("--test-metric names a metric that is not computed",
                                a->test_metric);
    size_t n_sys = a->systems.n + (is_run ? a->n_methods : 0);
    if (!test_set) a->test = n_sys >= 2 && a->cmd != CMD_META ? 1 : 0;
    return -1;
}

/* ---- topics and scoring -------------------------------------------------------------------- */

typedef struct {
    eval_names topics;
    eval_text **refs; /* per topic, n_refs[t] texts, tokenized with the run's vocabulary */
    size_t *n_refs;
    vocab **vocab; /* one vocabulary per topic keeps ids small and topics independent */
} main_data;

static void main_data_free(main_data *d) {
    for (size_t t = 0; t < d->topics.n; t++) {
        if (d->refs && d->refs[t]) {
            for (size_t r = 0; r < d->n_refs[t]; r++)
                eval_text_free(&d->refs[t][r]);
            free(d->refs[t]);
        }
        if (d->vocab) vocab_free(d->vocab[t]);
    }
    free(d->refs);
    free(d->n_refs);
    free(d->vocab);
    eval_names_free(&d->topics);
}

/* Reports a failure to read or tokenize PATH and returns the exit code for it. */
static int main_file_error(const char *path, int rc) {
    if (rc == ENOMEM) {
        main_say("%s: out of memory", path);
        return EXIT_INTERNAL;
    }
    if (rc == EILSEQ)
        main_say("%s: invalid UTF-8", path);
    else
        main_say("%s: %s", path, strerror(rc));
    return EXIT_INPUT;
}

/* A summary or a reference is a few KiB; past this a file is not one (/dev/zero, a FIFO that
 * never ends, a corpus given by mistake), and ROUGE's LCS would cost its size squared. */
#define MAIN_MAX_SUMMARY_BYTES ((size_t)1 << 20)

/* After a report on standard output: the writer's ENOMEM, or a write error named with its errno
 * ("No space left on device", not a generic I/O error). */
static int main_stdout_done(int e) {
    if (e == ENOMEM) return main_file_error("standard output", e);
    ars_error err = {ARS_OK, ""};
    if (outfile_flush_stdout(&err) != ARS_OK) {
        main_say("%s", err.message);
        return EXIT_INPUT;
    }
    return e ? main_file_error("standard output", e) : EXIT_OK;
}

/* Reports a failure of summarize/cli/outfile.c (its message names the file) as an exit code. */
static int main_outfile_error(ars_status st, const ars_error *err) {
    main_say("%s", err->message);
    return st == ARS_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
}

/* --plot FILE: the SVG chart, written as summarize -o writes (atomically, mode kept...). */
static int main_write_plot(const char *path, const eval_report *r) {
    outfile of;
    ars_error err = {ARS_OK, ""};
    ars_status st = outfile_open(&of, path, &err);
    if (st != ARS_OK) return main_outfile_error(st, &err);
    if (eval_report_svg(of.f, r) != 0) {
        int e = errno ? errno : EIO;
        outfile_abort(&of);
        main_say("%s: cannot write output: %s", path, strerror(e));
        return EXIT_INPUT;
    }
    st = outfile_commit(&of, &err);
    return st == ARS_OK ? EXIT_OK : main_outfile_error(st, &err);
}

/* References that are all empty (no token, after the length limit) would score every summary 0,
 * silently: refused, naming where they are. */
static int main_check_refs(const eval_text *refs, size_t n, const char *where) {
    for (size_t i = 0; i < n; i++)
        if (refs[i].n_tokens) return EXIT_OK;
    main_say("%s: every reference summary is empty: ROUGE would be 0 for any summary", where);
    return EXIT_INPUT;
}

/* Reads and tokenizes one summary file with the limits; *out must be empty. */
static int main_load_text(const char *path, eval_tokenizer *tok, vocab *v, const main_args *a,
                          eval_text *out) {
    char *bytes = NULL;
    size_t len = 0, body = 0;
    ars_error err;
    /* The library's reader: directories refused, invalid UTF-8 reported with its byte offset, a
     * BOM skipped (body), exactly as for the summarizer's own input; reading stops at the cap. */
    ars_status st = ars_file_read(path, MAIN_MAX_SUMMARY_BYTES, &bytes, &len, &err);
    if (st == ARS_OK) st = ars_text_check(path, bytes, len, &body, &err);
    if (st != ARS_OK) {
        ars_free(bytes);
        main_say("%s", err.message);
        return st == ARS_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
    }
    eval_text_limits lim = {a->words, a->bytes};
    int rc = eval_text_from_bytes(out, tok, v, bytes + body, len - body, &lim);
    ars_free(bytes);
    if (rc) return main_file_error(path, rc);
    return EXIT_OK;
}

/* 1 when dir/sub is a directory. */
static int main_is_dir(const char *dir, const char *sub) {
    char *p = eval_path_join(dir, sub);
    struct stat st;
    int yes = p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
    free(p);
    return yes;
}

static int main_load_data(const main_args *a, eval_tokenizer *tok, main_data *d) {
    memset(d, 0, sizeof *d);
    /* A topic folder given for the dataset would list docs/ and refs/ as its "topics". */
    if (main_is_dir(a->data, "refs") || main_is_dir(a->data, "docs")) {
        main_say("%s: this is one topic (it holds docs/ or refs/), not a dataset: --data takes the "
                 "folder that holds the topic folders",
                 a->data);
        return EXIT_INPUT;
    }
    int rc = eval_list_dir(a->data, 1, NULL, &d->topics);
    if (rc) return main_file_error(a->data, rc);
    if (d->topics.n == 0) {
        main_say("%s: no topic folders", a->data);
        return EXIT_INPUT;
    }
    size_t n = d->topics.n;
    d->refs = calloc(n, sizeof *d->refs);
    d->n_refs = calloc(n, sizeof *d->n_refs);
    d->vocab = calloc(n, sizeof *d->vocab);
    if (!d->refs || !d->n_refs || !d->vocab) return EXIT_INTERNAL;
    for (size_t t = 0; t < n; t++) {
        char *topic_dir = eval_path_join(a->data, d->topics.items[t]);
        char *ref_dir = topic_dir ? eval_path_join(topic_dir, "refs") : NULL;
        free(topic_dir);
        if (!ref_dir || vocab_new(&d->vocab[t]) != ARS_OK) {
            free(ref_dir);
            return EXIT_INTERNAL;
        }
        eval_names refs = {0};
        rc = eval_list_dir(ref_dir, 0, ".txt", &refs);
        if (rc) {
            int code = main_file_error(ref_dir, rc);
            free(ref_dir);
            return code;
        }
        if (refs.n == 0) {
            main_say("%s: no reference summaries (*.txt)", ref_dir);
            free(ref_dir);
            return EXIT_INPUT;
        }
        d->refs[t] = calloc(refs.n, sizeof **d->refs);
        if (!d->refs[t]) {
            free(ref_dir);
            eval_names_free(&refs);
            return EXIT_INTERNAL;
        }
        d->n_refs[t] = refs.n;
        int code = EXIT_OK;
        for (size_t r = 0; r < refs.n && code == EXIT_OK; r++) {
            char *path = eval_path_join(ref_dir, refs.items[r]);
            if (!path) {
                code = EXIT_INTERNAL;
                break;
            }
            code = main_load_text(path, tok, d->vocab[t], a, &d->refs[t][r]);
            free(path);
        }
        if (code == EXIT_OK) code = main_check_refs(d->refs[t], refs.n, ref_dir);
        free(ref_dir);
        eval_names_free(&refs);
        if (code != EXIT_OK) return code;
    }
    return EXIT_OK;
}

/* Scores DIR/<topic>.txt for every topic into *s. */
static int main_score_folder(const main_args *a, main_data *d, eval_tokenizer *tok, const char *dir,
                             const char *name, eval_system *s) {
    if (eval_system_init(s, name, d->topics.n, a->n_metrics)) return EXIT_INTERNAL;
    for (size_t t = 0; t < d->topics.n; t++) {
        size_t len = strlen(d->topics.items[t]);
        char *file = malloc(len + 5);
        if (!file) return EXIT_INTERNAL;
        memcpy(file, d->topics.items[t], len);
        memcpy(file + len, ".txt", 5);
        char *path = eval_path_join(dir, file);
        free(file);
        if (!path) return EXIT_INTERNAL;
        eval_text peer;
        eval_text_init(&peer);
        int code = main_load_text(path, tok, d->vocab[t], a, &peer);
        free(path);
        if (code == EXIT_OK && eval_rouge_score(&peer, d->refs[t], d->n_refs[t], &a->ro, a->metrics,
                                                a->n_metrics, eval_system_at(s, t, 0)) != 0)
            code = EXIT_INTERNAL;
        eval_text_free(&peer);
        if (code != EXIT_OK) return code;
    }
    return EXIT_OK;
}

/* ---- run: summarizing in-process ---------------------------------------------------------- */

/* mkdir -p: creates the missing parents too. */
static int main_mkdir(const char *path) {
    size_t len = strlen(path);
    char *p = malloc(len + 1);
    if (!p) return ENOMEM;
    memcpy(p, path, len + 1);
    for (size_t i = 1; i < len; i++) {
        if (p[i] != '/') continue;
        p[i] = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            return e;
        }
        p[i] = '/';
    }
    free(p);
    if (mkdir(path, 0777) == 0 || errno == EEXIST) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
        return ENOTDIR;
    }
    return errno;
}

/* A candidate sentence of a topic, as the baselines see it. */
typedef struct {
    const char *text; /* borrowed from the summarizer */
    size_t text_len;
    size_t words; /* eval tokenizer's count */
    eval_text toks;
} main_cand;

/* Builds the text of the chosen candidates in source order (how they will be written), cut
 * after `limit` tokens as scoring will cut it (0 = no cut). */
static int main_cands_text(const main_cand *c, size_t n, const unsigned char *chosen, size_t limit,
                           eval_text *out) {
    out->n_tokens = 0;
    out->n_sents = 0;
    for (size_t i = 0; i < n; i++) {
        if (!chosen[i]) continue;
        const eval_text *t = &c[i].toks;
        if (out->n_tokens + t->n_tokens > out->cap_tokens) {
            size_t cap = (out->n_tokens + t->n_tokens) * 2 + 16;
            uint32_t *p = realloc(out->tok, cap * sizeof *p);
            if (!p) return ENOMEM;
            out->tok = p;
            out->cap_tokens = cap;
        }
        if (out->n_sents + 1 > out->cap_sents) {
            size_t cap = out->n_sents * 2 + 16;
            size_t *p = realloc(out->sent_end, cap * sizeof *p);
            if (!p) return ENOMEM;
            out->sent_end = p;
            out->cap_sents = cap;
        }
        size_t take = t->n_tokens;
        if (limit && out->n_tokens + take > limit) take = limit - out->n_tokens;
        if (take) memcpy(out->tok + out->n_tokens, t->tok, take * sizeof *t->tok);
        out->n_tokens += take;
        out->sent_end[out->n_sents++] = out->n_tokens;
        if (limit && out->n_tokens == limit) break;
    }
    return 0;
}

/* Greedy extractive oracle: repeatedly add the candidate that raises ROUGE-2 recall (pooled over
 * the references, of the summary cut at the budget as scoring cuts it) the most while the budget
 * policy allows it; stop when nothing raises it. Ties go to the earlier sentence. */
static int main_oracle(const main_cand *c, size_t n, const eval_text *refs, size_t n_refs,
                       ars_budget policy, size_t budget, unsigned char *chosen) {
    rouge_options o;
    eval_rouge_options_init(&o);
    rouge_metric r2 = eval_rouge_n(2);
    eval_text trial;
    eval_text_init(&trial);
    double current = 0;
    size_t used = 0, n_chosen = 0;
    int rc = 0;
    for (;;) {
        size_t best = (size_t)-1;
        double best_r = current;
        for (size_t i = 0; i < n && rc == 0; i++) {
            if (chosen[i] || c[i].words == 0 ||
                !ars_budget_allows(policy, budget, used, n_chosen, c[i].words))
                continue;
            chosen[i] = 1;
            rouge_prf prf;
            rc = main_cands_text(c, n, chosen, budget, &trial);
            if (!rc) rc = eval_rouge_metric(&trial, refs, n_refs, &r2, &o, &prf, NULL);
            chosen[i] = 0;
            if (!rc && prf.r > best_r + 1e-12) {
                best_r = prf.r;
                best = i;
            }
        }
        if (rc || best == (size_t)-1) break;
        chosen[best] = 1;
        used += c[best].words;
        n_chosen++;
        current = best_r;
    }
    eval_text_free(&trial);
    return rc;
}

/* Random baseline: candidates in a seeded random order, each taken when the budget policy allows
 * it. */
static void main_random(const main_cand *c, size_t n, ars_budget policy, size_t budget,
                        uint64_t seed, unsigned char *chosen, size_t *order) {
    eval_rng rng;
    eval_rng_seed(&rng, seed);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = eval_rng_below(&rng, i);
        size_t tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
    }
    size_t used = 0, n_chosen = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        if (c[i].words == 0 || !ars_budget_allows(policy, budget, used, n_chosen, c[i].words))
            continue;
        chosen[i] = 1;
        used += c[i].words;
        n_chosen++;
    }
}

/* Writes one sentence per line: the library's printed text (ars_sentence.text) holds no line
 * break of any kind and no control character, so ROUGE sees one sentence per line. */
static void main_write_sentence(FILE *f, const char *s, size_t len) {
    fwrite(s, 1, len, f);
    fputc('\n', f);
}

/* A per-topic seed for the random baseline that does not depend on other topics. */
static uint64_t main_topic_seed(unsigned long long seed, const char *topic) {
    uint64_t h = 1469598103934665603ull ^ (uint64_t)seed;
    for (const char *p = topic; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ull;
    }
    return h;
}

/* The library's message names its place already ("DIR/a.txt: byte 12: invalid UTF-8"): `what`
 * goes in front only when the message does not start with it, so a path is not said twice. */
static int main_lib_error(const char *what, ars_status st, const ars_error *err) {
    const char *msg = err && err->status == st && err->message[0] ? err->message : NULL;
    if (msg && strncmp(msg, what, strlen(what)) == 0)
        main_say("%s", msg);
    else
        main_say("%s: %s", what, msg ? msg : ars_status_str(st));
    return st == ARS_ENOMEM || st == ARS_EINTERNAL ? EXIT_INTERNAL : EXIT_INPUT;
}

/* Summarizes one topic with one method and writes OUT/<method>/<topic>.txt. */
static int main_run_topic(const main_args *a, main_data *d, size_t t, int method, ars_summarizer *s,
                          eval_tokenizer *tok, const char *path) {
    char *topic_dir = eval_path_join(a->data, d->topics.items[t]);
    char *doc_dir = topic_dir ? eval_path_join(topic_dir, "docs") : NULL;
    free(topic_dir);
    if (!doc_dir) return EXIT_INTERNAL;
    eval_names docs = {0};
    int rc = eval_list_dir(doc_dir, 0, ".txt", &docs);
    if (rc) {
        int code = main_file_error(doc_dir, rc);
        free(doc_dir);
        return code;
    }
    int code = EXIT_OK;
    ars_error err = {0};
    ars_summarizer_reset(s);
    for (size_t i = 0; i < docs.n && code == EXIT_OK; i++) {
        char *p = eval_path_join(doc_dir, docs.items[i]);
        if (!p) {
            code = EXIT_INTERNAL;
            break;
        }
        ars_status st = ars_summarizer_add_file(s, p, &err);
        if (st != ARS_OK) code = main_lib_error(p, st, &err);
        free(p);
    }
    size_t n_docs = docs.n;
    eval_names_free(&docs);
    if (code == EXIT_OK && n_docs == 0) {
        main_say("%s: no documents (*.txt)", doc_dir);
        code = EXIT_INPUT;
    }
    if (code == EXIT_OK) {
        ars_status st = ars_summarizer_run(s, &err);
        if (st != ARS_OK) code = main_lib_error(doc_dir, st, &err);
    }
    free(doc_dir);
    if (code != EXIT_OK) return code;

    outfile of;
    ars_status st = outfile_open(&of, path, &err);
    if (st != ARS_OK) return main_outfile_error(st, &err);
    FILE *f = of.f;
    if (method < M_RANDOM) {
        for (size_t i = 0; i < ars_summary_count(s); i++) {
            const ars_sentence *x = ars_summary_get(s, i);
            main_write_sentence(f, x->text, x->text_len);
        }
    } else {
        size_t n = ars_summarizer_sentence_count(s);
        main_cand *c = calloc(n ? n : 1, sizeof *c);
        unsigned char *chosen = calloc(n ? n : 1, 1);
        size_t *order = calloc(n ? n : 1, sizeof *order);
        if (!c || !chosen || !order) code = EXIT_INTERNAL;
        for (size_t i = 0; i < n && code == EXIT_OK; i++) {
            const ars_sentence *x = ars_summarizer_sentence_get(s, i);
            c[i].text = x->text;
            c[i].text_len = x->text_len;
            eval_text_init(&c[i].toks);
            int e = eval_text_add_sentence(&c[i].toks, tok, d->vocab[t], x->text, x->text_len);
            if (e) code = e == ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
            c[i].words = c[i].toks.n_tokens;
        }
        if (code == EXIT_OK) {
            if (method == M_RANDOM)
                main_random(c, n, a->budget, a->words, main_topic_seed(a->seed, d->topics.items[t]),
                            chosen, order);
            else if (main_oracle(c, n, d->refs[t], d->n_refs[t], a->budget, a->words, chosen))
                code = EXIT_INTERNAL;
        }
        for (size_t i = 0; i < n && code == EXIT_OK; i++)
            if (chosen[i]) main_write_sentence(f, c[i].text, c[i].text_len);
        for (size_t i = 0; c && i < n; i++)
            eval_text_free(&c[i].toks);
        free(c);
        free(chosen);
        free(order);
    }
    if (code != EXIT_OK) {
        outfile_abort(&of); /* no half-written summary: the old file, if any, stays */
        return code;
    }
    st = outfile_commit(&of, &err);
    return st == ARS_OK ? EXIT_OK : main_outfile_error(st, &err);
}

static void main_progress(const main_args *a, const char *what, size_t i, size_t n) {
    if (a->quiet) return;
    if (isatty(STDERR_FILENO)) {
        fprintf(stderr, "\rsummarize-eval: %s %zu/%zu", what, i, n);
        if (i == n) fputc('\n', stderr);
    } else if (i == n || (n >= 10 && i % (n / 10) == 0)) {
        main_say("%s %zu/%zu", what, i, n);
    }
}

/* Runs every method over every topic; fills systems[0..n_methods) with their scores. */
static int main_run_methods(const main_args *a, main_data *d, eval_tokenizer *tok,
                            eval_system *systems) {
    int rc = main_mkdir(a->out_dir);
    if (rc) return main_file_error(a->out_dir, rc);
    for (size_t k = 0; k < a->n_methods; k++) {
        int method = a->methods[k];
        const char *mname = main_method_name(method);
        char *dir = eval_path_join(a->out_dir, mname);
        if (!dir) return EXIT_INTERNAL;
        if ((rc = main_mkdir(dir)) != 0) {
            int code = main_file_error(dir, rc);
            free(dir);
            return code;
        }
        ars_options opts;
        ars_options_init(&opts);
        /* The baselines only need the candidate sentences; lead is the cheapest way there. */
        opts.method = method < M_RANDOM ? main_lib_method[method] : ARS_METHOD_LEAD;
        opts.stem = a->stem;
        opts.max_words = a->words;
        opts.budget = a->budget;
        if (a->lambda_set) opts.lambda = a->lambda;
        if (a->max_sim_set) opts.max_sim = a->max_sim;
        if (a->position_weight_set) opts.position_weight = a->position_weight;
        if (a->document_weight_set) opts.document_weight = a->document_weight;
        ars_summarizer *s = NULL;
        ars_error err = {0};
        ars_status st = ars_summarizer_new(&opts, &s, &err);
        if (st != ARS_OK) {
            free(dir);
            return main_lib_error("summarizer", st, &err);
        }
        int code = EXIT_OK;
        for (size_t t = 0; t < d->topics.n && code == EXIT_OK; t++) {
            size_t len = strlen(d->topics.items[t]);
            char *file = malloc(len + 5);
            if (!file) {
                code = EXIT_INTERNAL;
                break;
            }
            memcpy(file, d->topics.items[t], len);
            memcpy(file + len, ".txt", 5);
            char *path = eval_path_join(dir, file);
            free(file);
            if (!path) {
                code = EXIT_INTERNAL;
                break;
            }
            code = main_run_topic(a, d, t, method, s, tok, path);
            free(path);
            main_progress(a, mname, t + 1, d->topics.n);
        }
        ars_summarizer_free(s);
        if (code == EXIT_OK) code = main_score_folder(a, d, tok, dir, mname, &systems[k]);
        free(dir);
        if (code != EXIT_OK) return code;
    }
    return EXIT_OK;
}

/* ---- main ----------------------------------------------------------------------------------- */

static int main_tests(const main_args *a, eval_system *sys, size_t n_sys, eval_test_result **out,
                      size_t *n_out) {
    *out = NULL;
    *n_out = 0;
    if (!a->test || n_sys < 2) return EXIT_OK;
    size_t n_topics = sys[0].n_topics;
    eval_test_result *tests = calloc(n_sys - 1, sizeof *tests);
    double *x = malloc((n_topics ? n_topics : 1) * sizeof *x);
    double *y = malloc((n_topics ? n_topics : 1) * sizeof *y);
    if (!tests || !x || !y) {
        free(tests);
        free(x);
        free(y);
        return EXIT_INTERNAL;
    }
    for (size_t b = 1; b < n_sys; b++) {
        eval_test_result *r = &tests[b - 1];
        r->a = 0;
        r->b = b;
        r->metric = a->test_index;
        for (size_t t = 0; t < n_topics; t++) {
            x[t] = eval_system_at(&sys[0], t, a->test_index)->f;
            y[t] = eval_system_at(&sys[b], t, a->test_index)->f;
        }
        r->diff = eval_mean(x, n_topics) - eval_mean(y, n_topics);
        size_t trials = a->resamples ? a->resamples * 10 : 10000;
        if (a->test == 1) {
            r->method = "randomization";
            eval_paired_randomization(x, y, n_topics, trials, a->seed, &r->p_value);
        } else {
            r->method = "bootstrap";
            eval_paired_bootstrap(x, y, n_topics, trials, a->seed, &r->p_value);
        }
    }
    free(x);
    free(y);
    *out = tests;
    *n_out = n_sys - 1;
    return EXIT_OK;
}

/* Fills the report fields that echo the settings. */
static void main_report_settings(const main_args *a, eval_report *r) {
    r->dataset = a->data;
    r->metrics = a->metrics;
    r->n_metrics = a->n_metrics;
    r->limit_words = a->words;
    r->limit_bytes = a->bytes;
    r->pool = a->ro.pool == ROUGE_POOL_BEST ? 'B' : 'A';
    r->alpha = a->ro.alpha;
    r->level = a->level;
    r->jackknife = a->ro.jackknife;
    r->stem = a->to.stem;
    r->normalize = a->to.normalize;
    r->tokenized = a->to.pretokenized;
    r->resamples = a->resamples;
    r->seed = a->seed;
    r->per_topic = a->per_topic;
    r->command = a->command;
}

/* score: one candidate file against its reference files, in one vocabulary. */
static int main_score_pair(main_args *a, eval_tokenizer *tok) {
    const char *cand = a->operands.items[0];
    char *const *refs = a->operands.items + 1;
    size_t n_refs = a->operands.n - 1;
    vocab *v = NULL;
    ars_status vst = vocab_new(&v);
    eval_text peer;
    eval_text_init(&peer);
    eval_text *texts = calloc(n_refs, sizeof *texts);
    eval_system sys;
    int code = vst == ARS_OK && texts ? EXIT_OK : EXIT_INTERNAL;
    /* The candidate's file name names the system, topic "1", as ROUGE-1.5.5 -z numbers them. */
    const char *slash = strrchr(cand, '/');
    if (eval_system_init(&sys, slash && slash[1] ? slash + 1 : cand, 1, a->n_metrics))
        code = EXIT_INTERNAL;
    if (code == EXIT_OK) code = main_load_text(cand, tok, v, a, &peer);
    for (size_t i = 0; i < n_refs && code == EXIT_OK; i++) {
        eval_text_init(&texts[i]);
        code = main_load_text(refs[i], tok, v, a, &texts[i]);
    }
    if (code == EXIT_OK) code = main_check_refs(texts, n_refs, n_refs == 1 ? refs[0] : "score");
    if (code == EXIT_OK &&
        eval_rouge_score(&peer, texts, n_refs, &a->ro, a->metrics, a->n_metrics, sys.topic))
        code = EXIT_INTERNAL;
    if (code == EXIT_OK && eval_system_summarize(&sys, a->resamples, a->level, a->seed))
        code = EXIT_INTERNAL;
    if (code == EXIT_OK) {
        char *topic = "1";
        eval_report r = {0};
        main_report_settings(a, &r);
        r.dataset = NULL;
        r.topics = &topic;
        r.n_topics = 1;
        r.systems = &sys;
        r.n_systems = 1;
        int e = a->format == FMT_CSV        ? eval_report_pair_csv(stdout, &r)
                : a->format == FMT_JSON     ? eval_report_pair_json(stdout, &r, cand, refs, n_refs)
                : a->format == FMT_ROUGE155 ? eval_report_rouge155(stdout, &r)
                                            : eval_report_pair_text(stdout, &r, cand, n_refs);
        code = main_stdout_done(e);
    }
    for (size_t i = 0; texts && i < n_refs; i++)
        eval_text_free(&texts[i]);
    free(texts);
    eval_text_free(&peer);
    eval_system_free(&sys);
    vocab_free(v);
    return code;
}

/* meta: correlates every metric's R, P and F with the human grades of the scored systems. */
static int main_meta(const main_args *a, const main_data *d, const eval_system *sys, size_t n_sys) {
    const char *column = a->grade_column ? a->grade_column : "Grade";
    eval_grades g = {0};
    char err[512];
    int rc = eval_grades_load(a->grades, column, &g, err, sizeof err);
    if (rc) {
        main_say("%s", err);
        eval_grades_free(&g);
        return rc == ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
    }
    size_t n_topics = d->topics.n, cells = n_sys * n_topics;
    size_t n_rows = a->n_metrics * 3;
    double *human = malloc(cells * sizeof *human);
    double *score = malloc(cells * sizeof *score);
    eval_meta_result *res = calloc(n_rows, sizeof *res);
    char **names = calloc(n_rows, sizeof *names);
    int code = human && score && res && names ? EXIT_OK : EXIT_INTERNAL;
    for (size_t s = 0; s < n_sys && code == EXIT_OK; s++)
        for (size_t t = 0; t < n_topics && code == EXIT_OK; t++) {
            size_t k = eval_grades_find(&g, d->topics.items[t], sys[s].name);
            if (k == (size_t)-1) {
                main_say("%s: no %s for system %s on topic %s (Peer and Topic columns; a system's "
                         "name is its folder's, or NAME=DIR)",
                         a->grades, column, sys[s].name, d->topics.items[t]);
                code = EXIT_INPUT;
                break;
            }
            human[s * n_topics + t] = g.grade[k];
        }
    static const char prf[3] = {'r', 'p', 'f'};
    for (size_t m = 0; m < a->n_metrics && code == EXIT_OK; m++)
        for (int k = 0; k < 3 && code == EXIT_OK; k++) {
            size_t row = m * 3 + (size_t)k;
            char name[ROUGE_NAME_MAX + 2];
            eval_rouge_metric_name(&a->metrics[m], 0, name, ROUGE_NAME_MAX);
            size_t len = strlen(name);
            name[len] = '-';
            name[len + 1] = prf[k];
            name[len + 2] = '\0';
            if (!(names[row] = malloc(len + 3))) {
                code = EXIT_INTERNAL;
                break;
            }
            memcpy(names[row], name, len + 3);
            for (size_t s = 0; s < n_sys; s++)
                for (size_t t = 0; t < n_topics; t++) {
                    const rouge_prf *v = eval_system_at(&sys[s], t, m);
                    score[s * n_topics + t] = k == 0 ? v->r : k == 1 ? v->p : v->f;
                }
            if (eval_meta_correlate(score, human, n_sys, n_topics, a->resample, a->resamples,
                                    a->level, a->seed, &res[row]))
                code = EXIT_INTERNAL;
        }
    if (code == EXIT_OK) {
        eval_report r = {0};
        main_report_settings(a, &r);
        char scoring[256];
        char line[320];
        eval_report_scoring(&r, scoring, sizeof scoring);
        snprintf(line, sizeof line, "ROUGE: %s", scoring);
        eval_meta_report m = {0};
        m.names = (const char *const *)names;
        m.results = res;
        m.n = n_rows;
        m.n_systems = n_sys;
        m.n_topics = n_topics;
        m.grades = a->grades;
        m.column = column;
        m.settings = line;
        m.resample = a->resample;
        m.resamples = a->resamples;
        m.level = a->level;
        m.seed = a->seed;
        int e = a->format == FMT_CSV ? eval_report_meta_csv(stdout, &m)
                                     : eval_report_meta_text(stdout, &m);
        code = main_stdout_done(e);
    }
    for (size_t i = 0; names && i < n_rows; i++)
        free(names[i]);
    free(names);
    free(res);
    free(human);
    free(score);
    eval_grades_free(&g);
    return code;
}

/* The systems' names: run's methods, then the folders (NAME=DIR, or the folder's name, or its
 * path when two folders share a name). */
static int main_labels(const main_args *a, eval_label *labels) {
    const char *taken[M_COUNT];
    size_t n_taken = 0;
    if (a->cmd == CMD_RUN)
        for (size_t k = 0; k < a->n_methods; k++)
            taken[n_taken++] = main_method_name(a->methods[k]);
    size_t dup = 0;
    int rc = eval_labels_make(a->systems.items, a->systems.n, taken, n_taken, labels, &dup);
    if (rc == EEXIST)
        return main_usage_error("two systems have the same name; name them with NAME=DIR",
                                a->systems.items[dup]);
    return rc ? EXIT_INTERNAL : EXIT_OK;
}

static int main_command(main_args *a) {
    eval_tokenizer *tok = NULL;
    int rc = eval_tokenizer_new(&a->to, &tok);
    if (rc == ENOENT) {
        fputs("summarize-eval: libstemmer has no Arabic stemmer\n", stderr);
        return EXIT_INTERNAL;
    }
    if (rc) return EXIT_INTERNAL;
    if (a->cmd == CMD_SCORE) {
        int code = main_score_pair(a, tok);
        eval_tokenizer_free(tok);
        return code;
    }
    eval_label *labels = calloc(a->systems.n ? a->systems.n : 1, sizeof *labels);
    int code = labels ? main_labels(a, labels) : EXIT_INTERNAL;
    main_data d;
    memset(&d, 0, sizeof d);
    if (code == EXIT_OK) code = main_load_data(a, tok, &d);
    size_t n_run = a->cmd == CMD_RUN ? a->n_methods : 0;
    size_t n_sys = n_run + a->systems.n;
    eval_system *sys = calloc(n_sys, sizeof *sys);
    eval_test_result *tests = NULL;
    size_t n_tests = 0;
    if (!sys && code == EXIT_OK) code = EXIT_INTERNAL;
    if (code == EXIT_OK && n_run) code = main_run_methods(a, &d, tok, sys);
    for (size_t i = 0; i < a->systems.n && code == EXIT_OK; i++) {
        const char *dir = labels[i].dir;
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            code = main_file_error(dir, stat(dir, &st) != 0 ? errno : ENOTDIR);
            break;
        }
        code = main_score_folder(a, &d, tok, dir, labels[i].name, &sys[n_run + i]);
        main_progress(a, "scored folder", i + 1, a->systems.n);
    }
    for (size_t i = 0; i < n_sys && code == EXIT_OK; i++)
        if (eval_system_summarize(&sys[i], a->resamples, a->level, a->seed)) code = EXIT_INTERNAL;
    if (code == EXIT_OK && a->cmd == CMD_META) {
        code = main_meta(a, &d, sys, n_sys);
    } else if (code == EXIT_OK) {
        code = main_tests(a, sys, n_sys, &tests, &n_tests);
    }
    if (code == EXIT_OK && a->cmd != CMD_META) {
        eval_report r = {0};
        main_report_settings(a, &r);
        r.topics = d.topics.items;
        r.n_topics = d.topics.n;
        r.systems = sys;
        r.n_systems = n_sys;
        r.tests = tests;
        r.n_tests = n_tests;
        int e = a->format == FMT_CSV        ? eval_report_csv(stdout, &r)
                : a->format == FMT_JSON     ? eval_report_json(stdout, &r)
                : a->format == FMT_ROUGE155 ? eval_report_rouge155(stdout, &r)
                                            : eval_report_text(stdout, &r);
        code = main_stdout_done(e);
        if (code == EXIT_OK && a->plot) code = main_write_plot(a->plot, &r);
    }
    for (size_t i = 0; sys && i < n_sys; i++)
        eval_system_free(&sys[i]);
    free(sys);
    free(tests);
    main_data_free(&d);
    if (labels) eval_labels_free(labels, a->systems.n);
    free(labels);
    eval_tokenizer_free(tok);
    return code;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        main_usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        main_usage(stdout);
        return main_info_done();
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("summarize-eval %s\n", ARS_VERSION_STRING);
        return main_info_done();
    }
    main_args a;
    memset(&a, 0, sizeof a);
    if (strcmp(cmd, "rouge") == 0)
        a.cmd = CMD_ROUGE;
    else if (strcmp(cmd, "run") == 0)
        a.cmd = CMD_RUN;
    else if (strcmp(cmd, "score") == 0)
        a.cmd = CMD_SCORE;
    else if (strcmp(cmd, "meta") == 0)
        a.cmd = CMD_META;
    else
        return main_usage_error("unknown command (expected rouge, run, score or meta)", cmd);
    eval_rouge_options_init(&a.ro);
    eval_tokenize_options_init(&a.to);
    a.resamples = 1000;
    a.level = 0.95;
    a.seed = 1;
    a.per_topic = a.cmd == CMD_ROUGE;
    a.resample = EVAL_RESAMPLE_BOTH;
    a.stem = ARS_STEM_SNOWBALL;
    a.budget = ARS_BUDGET_FIRST;
    int code = main_parse(argc - 1, argv + 1, &a);
    if (code == -1) {
        a.command = main_join_args(argc, argv);
        code = main_command(&a);
    }
    free(a.command);
    free(a.metrics);
    eval_names_free(&a.systems);
    eval_names_free(&a.operands);
    return code;
}
