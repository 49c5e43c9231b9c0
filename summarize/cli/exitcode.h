/* exitcode.h - the exit statuses of `summarize` and `summarize-model`, documented in their --help
 * and man pages. Part of the CLI-side unit summarize/cli. */
#ifndef ARS_CLI_EXITCODE_H
#define ARS_CLI_EXITCODE_H

enum {
    EXIT_OK = 0,       /* success: every input was read */
    EXIT_USAGE = 1,    /* unknown option, bad value, missing operand */
    EXIT_INPUT = 2,    /* bad input: nothing usable, or (--strict) one bad input */
    EXIT_INTERNAL = 3, /* internal error or out of memory */
    EXIT_OUTPUT = 4,   /* the output could not be written */
    EXIT_PARTIAL = 5   /* written from the good inputs; some were skipped */
};

#endif
