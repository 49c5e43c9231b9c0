/* output.h - pipeline stage "write": the summary as plain text or JSON, and the atomic file writer
 * (temporary file in the target's folder, then rename) so a failed run never truncates an existing
 * brief. Used by the summarize CLI; internal to the project. */
#ifndef ARS_OUTPUT_H
#define ARS_OUTPUT_H

#include <stdio.h>
#include "summarize/summarize.h"

typedef enum { OUTPUT_TEXT = 0, OUTPUT_JSON = 1 } output_format;

/* Writes the last run's summary of s to f: one sentence per line (text), or one JSON document:
 * {"method": m, "sentences":[{"file","doc","index","start","end","score","text"}]}. Returns ARS_OK,
 * ARS_ENOMEM or ARS_EIO (write failure; message names `what`). */
ars_status output_write(FILE *f, const char *what, const ars_summarizer *s, output_format fmt,
                        const char *method, ars_error *err);

/* An output file being written atomically. */
typedef struct {
    FILE *f;
    char *final_path;
    char *tmp_path;
} output_file;

/* Opens a temporary file beside path. ARS_EIO "PATH: <strerror>" on failure. */
ars_status output_open(output_file *o, const char *path, ars_error *err);
/* Flushes, syncs and renames the temporary file over path. ARS_EIO on failure (temp removed). */
ars_status output_commit(output_file *o, ars_error *err);
/* Removes the temporary file; path is untouched. Safe after a failed commit or open. */
void output_abort(output_file *o);

#endif
