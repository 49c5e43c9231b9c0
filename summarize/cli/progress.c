/* progress.c - the progress line (see progress.h). */
#include "summarize/cli/progress.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

/* Redraw at most this often, in seconds. */
#define PROGRESS_INTERVAL 0.2

static double progress_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_init(progress *p, FILE *f, int enabled) {
    p->f = enabled && f && isatty(fileno(f)) ? f : NULL;
    p->shown = p->large = 0;
    p->last = 0.0;
    p->files = p->bytes = 0;
}

/* Draws the line when the input is large and the last drawing is old enough (or force). */
static void progress_draw(progress *p, const char *what, size_t done, size_t total, int force) {
    if (!p->f || !p->large) return;
    double now = progress_now();
    if (!force && now - p->last < PROGRESS_INTERVAL) return;
    p->last = now;
    if (total)
        fprintf(p->f, "\rsummarize: %s %zu/%zu (%zu%%)\033[K", what, done, total,
                done * 100 / total);
    else
        fprintf(p->f, "\rsummarize: %s %zu\033[K", what, done);
    fflush(p->f);
    p->shown = 1;
}

void progress_input(progress *p, size_t bytes) {
    if (!p->f) return;
    p->files++;
    p->bytes += bytes;
    if (p->files >= PROGRESS_MIN_FILES || p->bytes >= PROGRESS_MIN_BYTES) p->large = 1;
    progress_draw(p, "reading inputs:", p->files, 0, 0);
}

void progress_stage(progress *p, const char *stage, size_t done, size_t total) {
    if (!p->f) return;
    const char *what = strcmp(stage, "analyse") == 0     ? "analysing articles:"
                       : strcmp(stage, "cluster") == 0   ? "grouping articles into stories:"
                       : strcmp(stage, "summarize") == 0 ? "summarizing stories:"
                                                         : stage;
    progress_draw(p, what, done, total, done == 0);
}

void progress_clear(progress *p) {
    if (!p->f || !p->shown) return;
    fputs("\r\033[K", p->f);
    fflush(p->f);
    p->shown = 0;
}

void progress_briefing(void *ctx, const char *stage, size_t done, size_t total) {
    progress_stage(ctx, stage, done, total);
}
