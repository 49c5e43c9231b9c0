/* inputs.h - what `summarize` reads: files, folders (recursively), a list of names (--files-from,
 * one per line or NUL-separated), standard input, as plain text or JSON Lines articles; legacy
 * encodings converted (encoding.h). A bad input (unreadable, not UTF-8, binary, empty, a JSONL
 * line that is not an article) is skipped with a warning that names it and says why, unless the
 * run is strict. Each good article goes to a sink (the summarizer or the briefing). Part of the
 * CLI-side unit summarize/cli. */
#ifndef ARS_CLI_INPUTS_H
#define ARS_CLI_INPUTS_H

#include <stddef.h>

#include "summarize/cli/progress.h"
#include "summarize/summarize.h"

typedef enum { INPUTS_TEXT = 0, INPUTS_JSONL = 1 } inputs_format;

typedef struct {
    inputs_format format;
    const char *files_from; /* NULL, a path, or "-" (standard input) */
    int nul;                /* names in files_from end with NUL instead of a line end */
    const char *encoding;   /* NULL: UTF-8 only; "auto": guess legacy encodings; else an iconv
                               name that files which are not UTF-8 are converted from */
    int strict;             /* the first bad input stops the run */
    int quiet;              /* no warning for skipped inputs or converted files */
    size_t max_bytes;       /* per text file and per JSONL line; 0 = no limit */
    progress *prog;         /* may be NULL */
    size_t threads;         /* threads that parse JSON Lines: 0 one per idle processor for a
                               batch of lines over 1 MiB (as ars_options.threads), 1 this one */
} inputs_config;

/* One article for the sink: borrowed for the call. */
typedef struct {
    const char *name; /* path, "-", the JSONL "id", or "PATH:LINE" */
    const char *bytes;
    size_t len;
    ars_article_info info;
} inputs_article;

/* Takes one article. ARS_EUTF8 and ARS_ELIMIT make it a bad input (skipped unless strict);
 * any other failure stops the run. The sink is where a text file is checked (as
 * ars_text_check does, with its message for ARS_EUTF8): only bytes it refuses as not UTF-8 are
 * converted from a legacy encoding (inputs_config.encoding) and offered again. */
typedef ars_status (*inputs_sink)(void *ctx, const inputs_article *a, ars_error *err);

typedef struct {
    size_t n_articles; /* handed to the sink and taken */
    size_t n_skipped;  /* bad inputs skipped: files, or JSONL lines */
    size_t n_bytes;    /* bytes of the articles taken (their text, after any conversion) */
} inputs_report;

/* Reads paths[0..n) in order, then the names of cfg->files_from, and hands every article to
 * sink. A folder contributes its *.txt files (*.jsonl with --input-format jsonl), recursively,
 * in byte order of their names, leaving out names that start with "." and symbolic links to
 * folders. Standard input ("-") is read once. Returns ARS_OK when every input was read or
 * skipped (rep says how many of each); the status of the first bad input when cfg->strict (its
 * message in err); ARS_EIO when the name list cannot be read; or what the sink failed with. */
ars_status inputs_read(const inputs_config *cfg, char *const *paths, size_t n_paths,
                       inputs_sink sink, void *ctx, inputs_report *rep, ars_error *err);

#endif
