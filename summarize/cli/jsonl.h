/* jsonl.h - the JSON Lines inputs of `summarize`: articles (`--input-format jsonl`: one article
 * per line, "text" required; "id", "title", "source", "time" optional, as in ANT's
 * ant_background.jsonl) and clusters (`--jsonl` batch mode: {"id": ..., "docs": [...]} per
 * line). Parsed with jansson, which checks the JSON and its UTF-8. Part of the CLI-side unit
 * summarize/cli. */
#ifndef ARS_CLI_JSONL_H
#define ARS_CLI_JSONL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "summarize/summarize.h"

/* Of a file's bad lines, this many are named each on standard error, and the rest counted in one
 * line at the file's end (articles and clusters alike), so that a binary or foreign file given as
 * JSON Lines does not print a warning for every line it has. */
#define JSONL_WARNINGS_PER_FILE 10

/* One article line. Strings are borrowed from root (free with jsonl_article_free). */
typedef struct {
    json_t *root;
    const char *text;
    size_t text_len;
    const char *id; /* a string id, or a number id written in id_buf; NULL when absent */
    char id_buf[32];
    const char *title, *source; /* NULL when absent */
    int64_t time;               /* ARS_TIME_UNKNOWN when absent or unreadable */
    int time_unreadable;        /* "time" was there but is no date timeparse reads */
} jsonl_article;

/* Parses line[0..len) (without its line end) as an article. where names it in messages
 * ("FILE:LINE"). Returns ARS_OK; ARS_EUTF8 "WHERE: <what is wrong>" for a line that is not a
 * JSON object, has no "text" string, or has a field of the wrong type; ARS_ENOMEM. On failure
 * nothing needs freeing. */
ars_status jsonl_article_parse(const char *where, const char *line, size_t len, jsonl_article *a,
                               ars_error *err);
void jsonl_article_free(jsonl_article *a);

/* One cluster line of the batch mode: {"id": ANY, "docs": [TEXT or {"text": TEXT, "id": ID,
 * "title": TITLE}, ...]}. */
typedef struct {
    json_t *root;
    json_t *id; /* borrowed; NULL when absent (echoed back as it was given) */
    json_t *docs;
    size_t n_docs;
} jsonl_cluster;

/* Parses a cluster line; errors as jsonl_article_parse ("WHERE: \"docs\" must be an array", ...).
 * A cluster with an "id" keeps it even when the rest is refused: *c is filled as far as it got
 * and must be freed with jsonl_cluster_free either way. */
ars_status jsonl_cluster_parse(const char *where, const char *line, size_t len, jsonl_cluster *c,
                               ars_error *err);

/* Document k of a parsed cluster: its text, and the name to give it (its "id", or "doc K"). */
void jsonl_cluster_doc(const jsonl_cluster *c, size_t k, const char **text, size_t *len,
                       const char **id, char id_buf[32]);
void jsonl_cluster_free(jsonl_cluster *c);

#endif
