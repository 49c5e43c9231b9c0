/* summarize_model.c - the `summarize-model` program: builds a document-frequency model (the
 * background statistics of `summarize --briefing`) from a corpus, with the library's own analysis,
 * and writes it atomically. The built-in model, models/ant_background_df.tsv, is its output on
 * ANT's ant_background.jsonl (docs/BRIEFING.md gives the command). A thin program on the public
 * API and the CLI-side helpers: inputs (files, folders, lists, JSON Lines) are read as summarize
 * reads them. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/cli/briefmain.h"
#include "summarize/cli/exitcode.h"
#include "summarize/cli/outfile.h"
#include "summarize/cli/parse.h"
#include "summarize/common/error.h"
#include "summarize/summarize.h"

static void model_usage(FILE *f) {
    fputs("Usage: summarize-model [OPTION]... -o MODEL INPUT...\n"
          "Counts in how many documents of a corpus each analysed term occurs, and writes the\n"
          "counts as a document-frequency model for `summarize --briefing --df-model MODEL`.\n"
          "Terms are analysed as the briefing analyses articles (title and kept text,\n"
          "normalised, stopwords removed, stemmed); the model is stamped with the stemming\n"
          "and a fingerprint of the analysis, and summarize refuses a model whose stamp\n"
          "differs from its own. INPUT is a file, a folder (its *.txt files, or *.jsonl with\n"
          "--input-format jsonl, recursively) or '-' for standard input.\n"
          "\n"
          "  -o, --output MODEL   the model file (written atomically; required)\n"
          "      --input-format jsonl  one JSON document per line: \"text\" required, \"title\"\n"
          "                       optional (as ANT's ant_background.jsonl)\n"
          "      --files-from F   also read the names listed in F ('-': standard input)\n"
          "  -0, --null           names in --files-from end with a NUL byte\n"
          "      --encoding NAME  read files that are not UTF-8 as NAME, or 'auto'\n"
          "      --strict         stop at the first bad input instead of skipping it\n"
          "      --stem NAME      snowball (default) or none: as the briefing will stem\n"
          "      --min-df N       keep the terms found in at least N documents (default 2)\n"
          "  -q, --quiet          do not warn about skipped inputs\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n"
          "Exit status: 0 success; 1 usage error; 2 bad input (no usable document, or with\n"
          "--strict a bad one); 3 internal error or out of memory; 4 the model could not be\n"
          "written; 5 written, but some inputs were skipped (see the warnings).\n",
          f);
}

/* --help and --version: exit 0 only when standard output took the text. */
static int model_info_done(void) {
    ars_error err = {ARS_OK, ""};
    ars_status st = outfile_flush_stdout(&err);
    if (st != ARS_OK) fprintf(stderr, "summarize-model: %s\n", err.message);
    return st == ARS_OK ? EXIT_OK : EXIT_OUTPUT;
}

/* fmt takes one string, arg: an option or its value as given, its control characters shown as
 * '?' (error_printable). */
static int model_usage_error(const char *fmt, const char *arg) {
    char message[8192]; /* room for a path of PATH_MAX and more */
    snprintf(message, sizeof message, fmt, arg);
    error_printable(message);
    fprintf(stderr, "summarize-model: %s\nTry 'summarize-model --help' for more information.\n",
            message);
    return EXIT_USAGE;
}

static int model_fail(ars_status st, const ars_error *err, int output) {
    fprintf(stderr, "summarize-model: %s\n",
            err->status == st && err->message[0] ? err->message : ars_status_str(st));
    if (st == ARS_ENOMEM || st == ARS_EINTERNAL) return EXIT_INTERNAL;
    if (output) return EXIT_OUTPUT;
    return st == ARS_EARG ? EXIT_USAGE : EXIT_INPUT;
}

typedef struct {
    const ars_df_model *m;
    size_t min_df;
} model_out;

static ars_status model_write(void *ctx, FILE *f, const char *what, ars_error *err) {
    const model_out *o = ctx;
    return ars_df_model_write(o->m, f, o->min_df, what, err);
}

static ars_status model_sink(void *ctx, const inputs_article *a, ars_error *err) {
    return ars_df_model_add_document(ctx, a->name, a->bytes, a->len, a->info.title, err);
}

int main(int argc, char **argv) {
    enum { OPT_STEM = 256, OPT_MIN_DF };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"input-format", required_argument, NULL, BRIEFMAIN_OPT_INPUT_FORMAT},
        {"files-from", required_argument, NULL, BRIEFMAIN_OPT_FILES_FROM},
        {"null", no_argument, NULL, BRIEFMAIN_OPT_NUL},
        {"encoding", required_argument, NULL, BRIEFMAIN_OPT_ENCODING},
        {"strict", no_argument, NULL, BRIEFMAIN_OPT_STRICT},
        {"stem", required_argument, NULL, OPT_STEM},
        {"min-df", required_argument, NULL, OPT_MIN_DF},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    briefmain_config bc;
    briefmain_init(&bc);
    ars_stem stem = ARS_STEM_SNOWBALL;
    size_t min_df = 2;
    const char *out_path = NULL;
    char msg[256];
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qhV0", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_path = optarg;
            break;
        case OPT_STEM:
            if (ars_stem_from_name(optarg, &stem) != ARS_OK)
                return model_usage_error("unknown stemming '%s' (snowball or none)", optarg);
            break;
        case OPT_MIN_DF:
            if (parse_size(optarg, &min_df) != ARS_OK || min_df == 0)
                return model_usage_error("--min-df needs a positive whole number, not '%s'",
                                         optarg);
            break;
        case 'q':
            bc.in.quiet = 1;
            break;
        case 'h':
            model_usage(stdout);
            return model_info_done();
        case 'V':
            printf("summarize-model %s\n", ars_version());
            return model_info_done();
        case ':':
            return model_usage_error("option '%s' needs a value", argv[optind - 1]);
        case '?':
            return model_usage_error("unknown option '%s'", argv[optind - 1]);
        default: {
            int taken = briefmain_option(&bc, c, optarg, msg, sizeof msg);
            if (taken < 0) return model_usage_error("%s", msg);
            if (taken == 0) return model_usage_error("unknown option '%s'", argv[optind - 1]);
        }
        }
    }
    if (!out_path) return model_usage_error("%s", "no output: -o MODEL is required");
    if (optind >= argc && !bc.in.files_from)
        return model_usage_error("%s", "no INPUT (use '-' for standard input)");
    if (bc.in.nul && !bc.in.files_from) return model_usage_error("%s", "-0 needs --files-from");

    ars_error err = {ARS_OK, ""};
    ars_df_model *m = NULL;
    inputs_report rep = {0, 0, 0};
    ars_status st = ars_df_model_new(stem, &m, &err);
    if (st == ARS_OK)
        st = inputs_read(&bc.in, argv + optind, (size_t)(argc - optind), model_sink, m, &rep, &err);
    progress_clear(&bc.prog);
    if (st == ARS_OK && ars_df_model_documents(m) == 0)
        st = ars_df_model_write(m, stdout, min_df, out_path, &err); /* ARS_EEMPTY, says so */
    if (st != ARS_OK) {
        int code = model_fail(st, &err, 0);
        ars_df_model_free(m);
        return code;
    }
    model_out mo = {m, min_df};
    int output_failed = 0;
    st = briefmain_output(out_path, model_write, &mo, &output_failed, &err);
    ars_df_model_free(m);
    if (st != ARS_OK) return model_fail(st, &err, 1);
    if (rep.n_skipped) {
        fprintf(stderr, "summarize-model: %zu input%s skipped: the model counts the rest\n",
                rep.n_skipped, rep.n_skipped == 1 ? "" : "s");
        return EXIT_PARTIAL;
    }
    return EXIT_OK;
}
