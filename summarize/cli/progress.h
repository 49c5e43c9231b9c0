/* progress.h - a progress line on standard error for long runs, shown only when standard error
 * is a terminal and the input is large (so logs, pipes and tests stay quiet), redrawn at most a
 * few times a second and erased when the run ends. Part of the CLI-side unit summarize/cli. */
#ifndef ARS_CLI_PROGRESS_H
#define ARS_CLI_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

/* Inputs below these sizes finish too fast for a progress line to help. */
#define PROGRESS_MIN_FILES 1000
#define PROGRESS_MIN_BYTES ((size_t)16 << 20)

typedef struct {
    FILE *f;     /* standard error, or NULL when progress is off */
    int shown;   /* a line is on screen */
    int large;   /* the input has proved large enough */
    double last; /* when the line was last drawn (monotonic seconds) */
    size_t files, bytes;
} progress;

/* Starts progress reporting to f when f is a terminal (isatty) and enabled is not 0. */
void progress_init(progress *p, FILE *f, int enabled);

/* Counts an input read (for deciding whether the input is large) and reports it. */
void progress_input(progress *p, size_t bytes);

/* Reports `done` of `total` (total 0 = unknown) items of a stage ("analyse", "summarize", ...). */
void progress_stage(progress *p, const char *stage, size_t done, size_t total);

/* Erases the line. Call before printing anything else to f, and at the end. */
void progress_clear(progress *p);

/* An ars_briefing_options.progress callback (ctx is a progress *). */
void progress_briefing(void *ctx, const char *stage, size_t done, size_t total);

#endif
