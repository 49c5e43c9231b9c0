/* outfile.h - the output file of `summarize -o FILE`, written atomically: a temporary file in the
 * target's folder, renamed over the target only when everything was written and synced, so a
 * failed run never truncates an existing brief. Part of the CLI-side unit summarize/cli (linked
 * into the programs, not into the library): where the summary goes is the program's business. */
#ifndef ARS_CLI_OUTFILE_H
#define ARS_CLI_OUTFILE_H

#include <stdio.h>

#include "summarize/summarize.h" /* ars_status, ars_error */

/* An output file being written. */
typedef struct {
    FILE *f; /* write here between outfile_open and outfile_commit */
    char *final_path;
    char *tmp_path;
} outfile;

/* Opens a temporary file beside path ("PATH.tmp.XXXXXX"). Returns ARS_OK, ARS_ENOMEM, or ARS_EIO
 * "PATH: cannot create output: <strerror>". On failure *o holds nothing to release. */
ars_status outfile_open(outfile *o, const char *path, ars_error *err);

/* Flushes, syncs and closes the temporary file and renames it over the target. Returns ARS_OK, or
 * ARS_EIO "PATH: cannot write output: <strerror>" after removing the temporary file (the target
 * is untouched then). Either way *o holds nothing to release afterwards. */
ars_status outfile_commit(outfile *o, ars_error *err);

/* Closes and removes the temporary file; the target is untouched. Safe on a zeroed *o and after a
 * failed open or commit. */
void outfile_abort(outfile *o);

#endif
