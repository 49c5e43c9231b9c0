/* batch.h - `summarize --jsonl`: one cluster per input line ({"id": ..., "docs": [...]}), one
 * summary object per output line, streamed in input order with constant memory, so the program
 * runs as a Hadoop Streaming mapper or under Spark's pipe() (docs/BRIEFING.md). Each line is
 * summarized alone (a summarizer reset between lines), so any split of the input across
 * processes gives the same lines. Part of the CLI-side unit summarize/cli. */
#ifndef ARS_CLI_BATCH_H
#define ARS_CLI_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "summarize/summarize.h"

typedef struct {
    size_t n_lines; /* clusters read (blank lines aside) */
    size_t n_bad;   /* lines answered with an "error" object */
} batch_report;

/* Reads the clusters of paths[0..n) ("-" or none: standard input) and writes to out, for each,
 * {"id": ID, "summary": [SENTENCE, ...], "docs": [DOC, ...]} (docs: the index, from 0, of the
 * document each sentence comes from; an empty summary when no sentence is usable), or
 * {"id": ID, "error": MESSAGE} for a line that is not a cluster or whose document is refused
 * (reported with its file and line on standard error unless quiet; the MESSAGE itself leaves
 * the place out, so that any split of the input gives the same output lines). what names out in
 * messages; lines longer than max_line bytes are refused. *write_failed is set when writing out
 * failed. Returns ARS_OK; the status of the first bad line when strict; ARS_EIO for a file that
 * cannot be read or an output that cannot be written; ARS_ENOMEM. */
ars_status batch_run(const ars_options *opt, char *const *paths, size_t n_paths, FILE *out,
                     const char *what, int strict, int quiet, size_t max_line, batch_report *rep,
                     int *write_failed, ars_error *err);

#endif
