/* briefmain.h - the parts of the `summarize` program beyond one summary: the options of the
 * briefing, batch and input modes, the briefing run (inputs -> ars_briefing -> a format, to
 * standard output or atomically to a file), and reading inputs into a summarizer for the ordinary
 * mode. main.c parses the options (briefmain_option) and dispatches; it keeps the exit codes. Part
 * of the CLI-side unit summarize/cli. */
#ifndef ARS_CLI_BRIEFMAIN_H
#define ARS_CLI_BRIEFMAIN_H

#include <getopt.h>
#include <stddef.h>

#include "summarize/cli/briefout.h"
#include "summarize/cli/inputs.h"
#include "summarize/cli/progress.h"
#include "summarize/summarize.h"

/* getopt_long values of the options below (main.c's own values stay under 256). */
enum {
    BRIEFMAIN_OPT_BRIEFING = 512,
    BRIEFMAIN_OPT_STORY_WORDS,
    BRIEFMAIN_OPT_MAX_STORIES,
    BRIEFMAIN_OPT_STORY_THRESHOLD,
    BRIEFMAIN_OPT_STORY_DAYS,
    BRIEFMAIN_OPT_DF_MODEL,
    BRIEFMAIN_OPT_FILES_FROM,
    BRIEFMAIN_OPT_NUL,
    BRIEFMAIN_OPT_INPUT_FORMAT,
    BRIEFMAIN_OPT_STRICT,
    BRIEFMAIN_OPT_ENCODING,
    BRIEFMAIN_OPT_CITE,
    BRIEFMAIN_OPT_JSONL
};

/* The long options, to append to the program's table (short option: -0 for --null). */
#define BRIEFMAIN_LONG_OPTIONS                                                                     \
    {"briefing", no_argument, NULL, BRIEFMAIN_OPT_BRIEFING},                                       \
        {"story-words", required_argument, NULL, BRIEFMAIN_OPT_STORY_WORDS},                       \
        {"max-stories", required_argument, NULL, BRIEFMAIN_OPT_MAX_STORIES},                       \
        {"story-threshold", required_argument, NULL, BRIEFMAIN_OPT_STORY_THRESHOLD},               \
        {"story-days", required_argument, NULL, BRIEFMAIN_OPT_STORY_DAYS},                         \
        {"df-model", required_argument, NULL, BRIEFMAIN_OPT_DF_MODEL},                             \
        {"files-from", required_argument, NULL, BRIEFMAIN_OPT_FILES_FROM},                         \
        {"null", no_argument, NULL, BRIEFMAIN_OPT_NUL},                                            \
        {"input-format", required_argument, NULL, BRIEFMAIN_OPT_INPUT_FORMAT},                     \
        {"strict", no_argument, NULL, BRIEFMAIN_OPT_STRICT},                                       \
        {"encoding", required_argument, NULL, BRIEFMAIN_OPT_ENCODING},                             \
        {"cite", no_argument, NULL, BRIEFMAIN_OPT_CITE}, {                                         \
        "jsonl", no_argument, NULL, BRIEFMAIN_OPT_JSONL                                            \
    }

/* The help text of these options, for main.c's usage. */
extern const char briefmain_usage[];

typedef struct {
    int briefing, batch, cite;
    ars_briefing_options bopt;
    const char *df_model; /* NULL: built-in; "none": from the input; else a path */
    inputs_config in;
    progress prog;
} briefmain_config;

void briefmain_init(briefmain_config *c);

/* Handles option c (its value in arg) when it is one of the above (c == '0' for -0). Returns 1
 * when taken, 0 when the option is not one of these, -1 for a bad value (a usage message is
 * written to *msg, of msg_size bytes). */
int briefmain_option(briefmain_config *c, int opt, const char *arg, char *msg, size_t msg_size);

/* Checks the combination of options once parsing is done (words_given: -w was used; format: the
 * -f value or NULL). Returns 1, or 0 with a usage message in msg. */
int briefmain_check(const briefmain_config *c, int words_given, const char *format, int n_paths,
                    char *msg, size_t msg_size);

/* The briefing mode: reads the inputs, runs the briefing with opt for the story summaries, and
 * writes it in `format` (NULL: Markdown) to out_path (atomically) or standard output. *skipped
 * gets the number of bad inputs skipped; *output_failed is set when the failure is the output's.
 * Returns ARS_OK or the failure (message in err). */
ars_status briefmain_briefing(briefmain_config *c, const ars_options *opt, char *const *paths,
                              size_t n_paths, const char *format, const char *out_path,
                              size_t *skipped, int *output_failed, ars_error *err);

/* The batch mode (batch.h) to out_path (atomically) or standard output; as above, *skipped
 * counts the lines answered with an error. */
ars_status briefmain_batch(briefmain_config *c, const ars_options *opt, char *const *paths,
                           size_t n_paths, const char *out_path, size_t *skipped,
                           int *output_failed, ars_error *err);

/* Writes through write(ctx, f, what, err) to out_path atomically (outfile.h), or to standard
 * output (flushed and checked) when out_path is NULL. Sets *output_failed when the failure is the
 * output's rather than write's own status from the input. Returns ARS_OK or the failure. */
typedef ars_status (*briefmain_writer)(void *ctx, FILE *f, const char *what, ars_error *err);
ars_status briefmain_output(const char *out_path, briefmain_writer write, void *ctx,
                            int *output_failed, ars_error *err);

/* The ordinary mode's reading: every input into the summarizer (inputs.h); *skipped as above,
 * *bytes the bytes of the articles taken. Returns ARS_OK or the failure. */
ars_status briefmain_read(briefmain_config *c, ars_summarizer *sum, char *const *paths,
                          size_t n_paths, size_t *skipped, size_t *bytes, ars_error *err);

#endif
