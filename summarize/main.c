/* main.c - the `summarize` command: reads Arabic article files, runs libsummarize, prints the
 * summary (plain text or JSON) to standard output or atomically to a file. A thin program on the
 * public API (summarize.h) and the CLI-side helpers (summarize/cli): this file parses options,
 * reports errors and maps them to exit codes; the briefing and batch modes and the reading of
 * inputs are in summarize/cli/briefmain.c. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summarize/cli/briefmain.h"
#include "summarize/cli/exitcode.h"
#include "summarize/cli/outfile.h"
#include "summarize/cli/parse.h"
#include "summarize/common/error.h"
#include "summarize/summarize.h"

static void main_usage(FILE *f) {
    fputs("Usage: summarize [OPTION]... FILE...\n"
          "  or:  summarize --briefing [OPTION]... FILE...\n"
          "  or:  summarize --jsonl [OPTION]... [FILE]...\n"
          "Extractive summary of Arabic news: the best sentences from all FILEs, without\n"
          "repetition, one per line. FILE '-' reads standard input; a folder, its *.txt\n"
          "files. Input is UTF-8 (see --encoding). --briefing groups the articles into\n"
          "stories and summarizes each; --jsonl summarizes one cluster per input line.\n"
          "\n"
          "Length (sentences are never cut; default: --words 120):\n"
          "  -w, --words N        at most N words (see --budget)\n"
          "  -n, --sentences N    at most N sentences (no word budget unless -w is given)\n"
          "  -r, --ratio R        at most R times the input's words, 0 < R <= 1\n"
          "      --budget NAME    at the word budget N: first (default) takes the best\n"
          "                       sentence even when it is longer than N (up to 2N words),\n"
          "                       then only what fits in N; strict never goes past N and\n"
          "                       may print nothing; fill adds sentences until N is reached,\n"
          "                       the last one whole (never past 2N)\n"
          "\n"
          "Ranking and selection:\n"
          "  -m, --method NAME    default   position in the article x TextRank centrality x\n"
          "                                the article's centrality in the cluster; articles\n"
          "                                about an older event are left out\n"
          "                       textrank  weighted PageRank on the cosine graph, best first\n"
          "                       lexrank   PageRank on the cosine graph thresholded at 0.1\n"
          "                       centroid  cosine to the centroid of all sentences\n"
          "                       mmr       centroid relevance with MMR selection\n"
          "                       lead      first sentences, round-robin across files\n"
          "      --lambda X       MMR weight of relevance against redundancy, 0..1 (default 1:\n"
          "                       redundancy is left to --max-sim)\n"
          "      --max-sim X      no two chosen sentences with cosine >= X, 0 < X <= 1\n"
          "                       (default 0.5); applies to every method\n"
          "      --spread NAME    stories (default): a second outlet's account of a story\n"
          "                       waits until every other story has had its turn (articles\n"
          "                       are one story when far more alike than the input's pairs\n"
          "                       typically are); none: by score alone. Not for lead\n"
          "      --position-weight X  default method: exponent of the position prior, 0..1\n"
          "                       (default 1; 0 ignores where a sentence stands)\n"
          "      --document-weight X  default method: weight of the article's centrality,\n"
          "                       0..1 (default 1; 0 ignores it)\n"
          "      --stem NAME      snowball (Snowball Arabic, default) or none\n"
          "\n"
          "Output:\n"
          "      --order NAME     source (input file order, then position; default) or score\n"
          "                       (best first, a sentence that leans on the one before it\n"
          "                       right after it; the default of a briefing's stories)\n"
          "  -f, --format NAME    text (default) or json (file, sentence index, byte offsets,\n"
          "                       score and text of each sentence)\n"
          "  -o, --output FILE    write FILE ('-': standard output) only once the summary is\n"
          "                       complete: a regular file is replaced atomically (its mode,\n"
          "                       owner and group kept where permitted; a new one gets 0666\n"
          "                       less the umask), through symbolic links; a FIFO, a device\n"
          "                       or a file with other hard links is written in place; a\n"
          "                       failed run leaves FILE as it was\n"
          "  -q, --quiet          do not warn about skipped inputs or converted files\n"
          "      --threads N      threads of the front end, JSON Lines parsing included\n"
          "                       (default 0: one per idle processor for inputs over 1 MiB);\n"
          "                       the output is the same for any N\n"
          "      --timings        print the time of each stage to standard error\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n",
          f);
    fputs(briefmain_usage, f);
    fputs("\n"
          "Input: a bad input (unreadable, invalid UTF-8, binary data, empty, over the size\n"
          "limit of 64 MiB per file) is skipped with a warning that names it and says why\n"
          "(\"FILE: byte N: invalid UTF-8, skipped\") and the run goes on with the others;\n"
          "--strict stops at it instead. Web and PDF boilerplate lines are dropped; a file\n"
          "that repeats an earlier one (even with other chrome or line width) counts once.\n"
          "A sentence over 400 words or 8 KiB (text without sentence ends) is never\n"
          "printed; printed sentences are one line each, without control characters.\n"
          "\n"
          "Exit status:\n"
          "  0  success: every input was read\n"
          "  1  usage error (unknown option, bad value, no FILE)\n"
          "  2  bad input: no usable input or sentence, or (--strict) an unreadable file,\n"
          "     invalid UTF-8, binary data, input over the size limit; a model file that\n"
          "     is not one, or was built with another analysis\n"
          "  3  internal error or out of memory\n"
          "  4  the output could not be written (also for --help and --version)\n"
          "  5  partial: the output was written from the good inputs, and some were skipped\n"
          "     (see the warnings)\n",
          f);
}

/* fmt takes one string, arg: an option or its value as given, its control characters shown as
 * '?' (error_printable). */
static int main_usage_error(const char *fmt, const char *arg) {
    char message[8192]; /* room for a path of PATH_MAX and more */
    snprintf(message, sizeof message, fmt, arg);
    error_printable(message);
    fprintf(stderr, "summarize: %s\nTry 'summarize --help' for more information.\n", message);
    return EXIT_USAGE;
}

/* --timings: a clock reading, wall and CPU (all threads), in seconds. */
typedef struct {
    double wall, cpu;
} main_clock;

static main_clock main_clock_now(void) {
    struct timespec w, c;
    clock_gettime(CLOCK_MONOTONIC, &w);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    return (main_clock){(double)w.tv_sec + 1e-9 * (double)w.tv_nsec,
                        (double)c.tv_sec + 1e-9 * (double)c.tv_nsec};
}

static void main_timing_line(const char *stage, double wall, double cpu) {
    fprintf(stderr, "  %-12s %10.3f %10.3f\n", stage, 1e3 * wall, 1e3 * cpu);
}

/* Prints the stage times of a run to standard error: read (files read, UTF-8 checked, copied),
 * the library's stages, write, the total, and the front end's throughput (read, clean and
 * analyse: split, normalise, tokenise, stem). */
static void main_timings(const ars_summarizer *sum, main_clock start, main_clock read_done,
                         main_clock write_start, size_t bytes) {
    main_clock end = main_clock_now();
    fprintf(stderr, "summarize: timings: %zu documents, %zu bytes, %zu sentences\n",
            ars_summarizer_document_count(sum), bytes, ars_summarizer_sentence_count(sum));
    fprintf(stderr, "  %-12s %10s %10s\n", "stage", "wall ms", "cpu ms");
    double front = read_done.wall - start.wall;
    main_timing_line("read", front, read_done.cpu - start.cpu);
    for (size_t i = 0; i < ars_summarizer_timing_count(sum); i++) {
        double wall = 0.0, cpu = 0.0;
        const char *name = ars_summarizer_timing_get(sum, i, &wall, &cpu);
        main_timing_line(name, wall, cpu);
        if (strcmp(name, "clean") == 0 || strcmp(name, "analyse") == 0) front += wall;
    }
    main_timing_line("write", end.wall - write_start.wall, end.cpu - write_start.cpu);
    main_timing_line("total", end.wall - start.wall, end.cpu - start.cpu);
    if (front > 0.0) fprintf(stderr, "  front end    %10.1f MB/s\n", (double)bytes / 1e6 / front);
}

static int main_exit_code(ars_status st) {
    switch (st) {
    case ARS_OK:
        return EXIT_OK;
    case ARS_EARG:
        return EXIT_USAGE;
    case ARS_EIO:
    case ARS_EUTF8:
    case ARS_EMODEL:
    case ARS_EEMPTY:
    case ARS_ELIMIT:
        return EXIT_INPUT;
    default:
        return EXIT_INTERNAL;
    }
}

static int main_fail(ars_status st, const ars_error *err) {
    fprintf(stderr, "summarize: %s\n",
            err->status == st && err->message[0] ? err->message : ars_status_str(st));
    return main_exit_code(st);
}

/* --help and --version: exit 0 only when standard output took the text. */
static int main_info_done(void) {
    ars_error err = {ARS_OK, ""};
    ars_status st = outfile_flush_stdout(&err);
    if (st != ARS_OK) main_fail(st, &err);
    return st == ARS_OK ? EXIT_OK : EXIT_OUTPUT;
}

/* The exit status of a run that wrote its output: partial when inputs were skipped. */
static int main_partial(size_t skipped, const char *what, int quiet) {
    if (skipped == 0) return EXIT_OK;
    if (!quiet)
        fprintf(stderr, "summarize: %zu %s%s skipped: the output covers the rest\n", skipped, what,
                skipped == 1 ? "" : "s");
    return EXIT_PARTIAL;
}

/* The summary in the chosen format; --cite changes plain text only. */
static ars_status main_write(const ars_summarizer *sum, FILE *f, ars_format fmt, int cite,
                             const char *what, ars_error *err) {
    if (cite && fmt == ARS_FORMAT_TEXT) return briefout_cited_summary(sum, f, what, err);
    return ars_summary_write(sum, f, fmt, what, err);
}

int main(int argc, char **argv) {
    /* This process is ours: OpenBLAS's idle pool need not spin, malloc may keep memory. */
    ars_tune_process();
    ars_options opt;
    ars_options_init(&opt);
    const char *out_path = NULL;
    ars_format fmt = ARS_FORMAT_TEXT;
    int words_given = 0, other_budget = 0, order_given = 0, timings = 0;
    main_clock start = main_clock_now();
    enum {
        OPT_LAMBDA = 256,
        OPT_MAXSIM,
        OPT_STEM,
        OPT_ORDER,
        OPT_POSITION,
        OPT_DOCUMENT,
        OPT_BUDGET,
        OPT_TIMINGS,
        OPT_THREADS,
        OPT_SPREAD
    };
    static const struct option longopts[] = {
        {"words", required_argument, NULL, 'w'},
        {"sentences", required_argument, NULL, 'n'},
        {"ratio", required_argument, NULL, 'r'},
        {"method", required_argument, NULL, 'm'},
        {"lambda", required_argument, NULL, OPT_LAMBDA},
        {"max-sim", required_argument, NULL, OPT_MAXSIM},
        {"position-weight", required_argument, NULL, OPT_POSITION},
        {"document-weight", required_argument, NULL, OPT_DOCUMENT},
        {"budget", required_argument, NULL, OPT_BUDGET},
        {"stem", required_argument, NULL, OPT_STEM},
        {"order", required_argument, NULL, OPT_ORDER},
        {"spread", required_argument, NULL, OPT_SPREAD},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"timings", no_argument, NULL, OPT_TIMINGS},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        BRIEFMAIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0}};
    briefmain_config bc;
    briefmain_init(&bc);
    const char *fmt_name = NULL;
    char msg[256];
    int c;
    char optbuf[8];
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":w:n:r:m:f:o:qhV0", longopts, NULL)) != -1) {
        switch (c) {
        case 'w':
            if (parse_size(optarg, &opt.max_words) || opt.max_words == 0)
                return main_usage_error("--words needs a positive whole number, not '%s'", optarg);
            words_given = 1;
            break;
        case 'n':
            if (parse_size(optarg, &opt.max_sentences) || opt.max_sentences == 0)
                return main_usage_error("--sentences needs a positive whole number, not '%s'",
                                        optarg);
            other_budget = 1;
            break;
        case 'r':
            if (parse_double(optarg, 0.0, 1.0, &opt.ratio) || opt.ratio == 0.0)
                return main_usage_error("--ratio needs a number in (0, 1], not '%s'", optarg);
            other_budget = 1;
            break;
        case 'm':
            if (ars_method_from_name(optarg, &opt.method) != ARS_OK)
                return main_usage_error("unknown method '%s'", optarg);
            break;
        case OPT_LAMBDA:
            if (parse_double(optarg, 0.0, 1.0, &opt.lambda))
                return main_usage_error("--lambda needs a number in [0, 1], not '%s'", optarg);
            break;
        case OPT_MAXSIM:
            if (parse_double(optarg, 0.0, 1.0, &opt.max_sim) || opt.max_sim == 0.0)
                return main_usage_error("--max-sim needs a number in (0, 1], not '%s'", optarg);
            break;
        case OPT_POSITION:
            if (parse_double(optarg, 0.0, 1.0, &opt.position_weight))
                return main_usage_error("--position-weight needs a number in [0, 1], not '%s'",
                                        optarg);
            break;
        case OPT_DOCUMENT:
            if (parse_double(optarg, 0.0, 1.0, &opt.document_weight))
                return main_usage_error("--document-weight needs a number in [0, 1], not '%s'",
                                        optarg);
            break;
        case OPT_BUDGET:
            if (strcmp(optarg, "first") == 0)
                opt.budget = ARS_BUDGET_FIRST;
            else if (strcmp(optarg, "strict") == 0)
                opt.budget = ARS_BUDGET_STRICT;
            else if (strcmp(optarg, "fill") == 0)
                opt.budget = ARS_BUDGET_FILL;
            else
                return main_usage_error("unknown budget policy '%s' (first, strict or fill)",
                                        optarg);
            break;
        case OPT_STEM:
            if (ars_stem_from_name(optarg, &opt.stem) != ARS_OK)
                return main_usage_error("unknown stemming '%s' (snowball or none)", optarg);
            break;
        case OPT_ORDER:
            if (ars_order_from_name(optarg, &opt.order) != ARS_OK)
                return main_usage_error("unknown order '%s' (source or score)", optarg);
            order_given = 1;
            break;
        case OPT_SPREAD:
            if (ars_spread_from_name(optarg, &opt.spread) != ARS_OK)
                return main_usage_error("unknown spread '%s' (stories or none)", optarg);
            break;
        case 'f':
            fmt_name = optarg; /* checked with the mode: briefmain_check */
            break;
        case 'o':
            if (!*optarg)
                return main_usage_error("%s", "--output needs a file name ('-': standard output)");
            out_path = optarg;
            break;
        case 'q':
            bc.in.quiet = 1;
            break;
        case OPT_TIMINGS:
            timings = 1;
            break;
        case OPT_THREADS:
            if (parse_size(optarg, &opt.threads) || opt.threads > 256)
                return main_usage_error("--threads needs a whole number from 0 to 256, not '%s'",
                                        optarg);
            break;
        case 'h':
            main_usage(stdout);
            return main_info_done();
        case 'V':
            printf("summarize %s\n", ars_version());
            return main_info_done();
        case ':':
            return main_usage_error("option '%s' needs a value",
                                    parse_bad_option(argv, 1, optbuf, sizeof optbuf));
        default: {
            int taken = briefmain_option(&bc, c, optarg, msg, sizeof msg);
            if (taken < 0) return main_usage_error("%s", msg);
            if (taken == 0)
                return main_usage_error("unknown option '%s'",
                                        parse_bad_option(argv, 0, optbuf, sizeof optbuf));
        }
        }
    }
    if (!briefmain_check(&bc, words_given, fmt_name, argc - optind, msg, sizeof msg))
        return main_usage_error("%s", msg);
    if (fmt_name && !bc.briefing) ars_format_from_name(fmt_name, &fmt);
    if (other_budget && !words_given) opt.max_words = 0;
    bc.in.threads = opt.threads; /* --threads: JSON Lines are parsed on the front end's threads */

    if (bc.briefing && !order_given) opt.order = ARS_ORDER_SCORE; /* best first under a headline */
    if (bc.briefing || bc.batch) {
        ars_error berr = {ARS_OK, ""};
        size_t skipped = 0;
        int output_failed = 0;
        char *const *paths = argv + optind;
        size_t n_paths = (size_t)(argc - optind);
        ars_status bst = bc.batch ? briefmain_batch(&bc, &opt, paths, n_paths, out_path, &skipped,
                                                    &output_failed, &berr)
                                  : briefmain_briefing(&bc, &opt, paths, n_paths, fmt_name,
                                                       out_path, &skipped, &output_failed, &berr);
        if (bst != ARS_OK) {
            int code = main_fail(bst, &berr);
            return output_failed ? (bst == ARS_ENOMEM ? EXIT_INTERNAL : EXIT_OUTPUT) : code;
        }
        return main_partial(skipped, bc.batch ? "line" : "input", bc.in.quiet);
    }

    ars_error err = {ARS_OK, ""};
    ars_summarizer *sum = NULL;
    ars_status st = ars_summarizer_new(&opt, &sum, &err);
    if (st != ARS_OK) return main_fail(st, &err);
    size_t skipped = 0, bytes_read = 0;
    st = briefmain_read(&bc, sum, argv + optind, (size_t)(argc - optind), &skipped, &bytes_read,
                        &err);
    if (st == ARS_OK && ars_summarizer_document_count(sum) == 0) {
        fputs("summarize: no input: every file was empty or skipped\n", stderr);
        ars_summarizer_free(sum);
        return EXIT_INPUT;
    }
    main_clock read_done = main_clock_now();
    if (st == ARS_OK) st = ars_summarizer_run(sum, &err);
    if (st != ARS_OK) {
        int code = main_fail(st, &err);
        ars_summarizer_free(sum);
        return code;
    }
    int code = EXIT_OK;
    main_clock write_start = main_clock_now();
    outfile of;
    st = outfile_open(&of, out_path ? out_path : "-", &err);
    if (st == ARS_OK) {
        st = main_write(sum, of.f, fmt, bc.cite, of.path, &err);
        if (st == ARS_OK)
            st = outfile_commit(&of, &err);
        else
            outfile_abort(&of);
    }
    if (st != ARS_OK) {
        main_fail(st, &err);
        code = st == ARS_ENOMEM ? EXIT_INTERNAL : EXIT_OUTPUT;
    }
    if (timings) main_timings(sum, start, read_done, write_start, bytes_read);
    ars_summarizer_free(sum);
    return code == EXIT_OK ? main_partial(skipped, "input", bc.in.quiet) : code;
}
