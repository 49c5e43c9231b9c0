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

#include "summarize/cli/briefmain.h"
#include "summarize/cli/outfile.h"
#include "summarize/cli/parse.h"
#include "summarize/summarize.h"

enum {
    EXIT_OK = 0,
    EXIT_USAGE = 1,
    EXIT_INPUT = 2,
    EXIT_INTERNAL = 3,
    EXIT_OUTPUT = 4,
    EXIT_PARTIAL = 5
};

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
          "      --position-weight X  default method: exponent of the position prior, 0..1\n"
          "                       (default 1; 0 ignores where a sentence stands)\n"
          "      --document-weight X  default method: weight of the article's centrality,\n"
          "                       0..1 (default 1; 0 ignores it)\n"
          "      --stem NAME      snowball (Snowball Arabic, default) or none\n"
          "\n"
          "Output:\n"
          "      --order NAME     source (input file order, then position; default) or score\n"
          "                       (best first; the default of a briefing's stories)\n"
          "  -f, --format NAME    text (default) or json (file, sentence index, byte offsets,\n"
          "                       score and text of each sentence)\n"
          "  -o, --output FILE    write FILE atomically: a temporary file renamed into place\n"
          "                       only on success, so a failed run never truncates FILE\n"
          "  -q, --quiet          do not warn about skipped inputs or converted files\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n",
          f);
    fputs(briefmain_usage, f);
    fputs("\n"
          "Input: a bad input (unreadable, invalid UTF-8, binary data, empty, over the size\n"
          "limit of 64 MiB per file) is skipped with a warning that names it and says why\n"
          "(\"FILE: byte N: invalid UTF-8, skipped\") and the run goes on with the others;\n"
          "--strict stops at it instead. Web and PDF boilerplate lines are dropped.\n"
          "\n"
          "Exit status:\n"
          "  0  success: every input was read\n"
          "  1  usage error (unknown option, bad value, no FILE)\n"
          "  2  bad input: no usable input or sentence, or (--strict) an unreadable file,\n"
          "     invalid UTF-8, binary data, input over the size limit; a model file that\n"
          "     is not one, or was built with another analysis\n"
          "  3  internal error or out of memory\n"
          "  4  the output could not be written\n"
          "  5  partial: the output was written from the good inputs, and some were skipped\n"
          "     (see the warnings)\n",
          f);
}

static int main_usage_error(const char *fmt, const char *arg) {
    fputs("summarize: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'summarize --help' for more information.\n", stderr);
    return EXIT_USAGE;
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
    ars_options opt;
    ars_options_init(&opt);
    const char *out_path = NULL;
    ars_format fmt = ARS_FORMAT_TEXT;
    int words_given = 0, other_budget = 0, order_given = 0;
    enum {
        OPT_LAMBDA = 256,
        OPT_MAXSIM,
        OPT_STEM,
        OPT_ORDER,
        OPT_POSITION,
        OPT_DOCUMENT,
        OPT_BUDGET
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
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        BRIEFMAIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0}};
    briefmain_config bc;
    briefmain_init(&bc);
    const char *fmt_name = NULL;
    char msg[256];
    int c;
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
        case 'f':
            fmt_name = optarg; /* checked with the mode: briefmain_check */
            break;
        case 'o':
            out_path = optarg;
            break;
        case 'q':
            bc.in.quiet = 1;
            break;
        case 'h':
            main_usage(stdout);
            return fflush(stdout) == 0 ? EXIT_OK : EXIT_OUTPUT;
        case 'V':
            printf("summarize %s\n", ars_version());
            return EXIT_OK;
        case ':':
            return main_usage_error("option '%s' needs a value", argv[optind - 1]);
        default: {
            int taken = briefmain_option(&bc, c, optarg, msg, sizeof msg);
            if (taken < 0) return main_usage_error("%s", msg);
            if (taken == 0) return main_usage_error("unknown option '%s'", argv[optind - 1]);
        }
        }
    }
    if (!briefmain_check(&bc, words_given, fmt_name, argc - optind, msg, sizeof msg))
        return main_usage_error("%s", msg);
    if (fmt_name && !bc.briefing) ars_format_from_name(fmt_name, &fmt);
    if (other_budget && !words_given) opt.max_words = 0;

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
    size_t skipped = 0;
    st = briefmain_read(&bc, sum, argv + optind, (size_t)(argc - optind), &skipped, &err);
    if (st == ARS_OK && ars_summarizer_document_count(sum) == 0) {
        fputs("summarize: no input: every file was empty or skipped\n", stderr);
        ars_summarizer_free(sum);
        return EXIT_INPUT;
    }
    if (st == ARS_OK) st = ars_summarizer_run(sum, &err);
    if (st != ARS_OK) {
        int code = main_fail(st, &err);
        ars_summarizer_free(sum);
        return code;
    }
    int code = EXIT_OK;
    if (out_path) {
        outfile of;
        st = outfile_open(&of, out_path, &err);
        if (st == ARS_OK) {
            st = main_write(sum, of.f, fmt, bc.cite, out_path, &err);
            if (st == ARS_OK)
                st = outfile_commit(&of, &err);
            else
                outfile_abort(&of);
        }
    } else {
        st = main_write(sum, stdout, fmt, bc.cite, "standard output", &err);
        if (st == ARS_OK && fflush(stdout) != 0) {
            err.status = st = ARS_EIO;
            snprintf(err.message, sizeof err.message, "standard output: write failed: %s",
                     strerror(errno));
        }
    }
    if (st != ARS_OK) {
        main_fail(st, &err);
        code = st == ARS_ENOMEM ? EXIT_INTERNAL : EXIT_OUTPUT;
    }
    ars_summarizer_free(sum);
    return code == EXIT_OK ? main_partial(skipped, "input", bc.in.quiet) : code;
}
