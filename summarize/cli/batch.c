/* batch.c - the JSON Lines batch mode (see batch.h). */
#include "summarize/cli/batch.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "summarize/cli/briefout.h"
#include "summarize/cli/jsonl.h"
#include "summarize/cli/lines.h"
#include "summarize/common/error.h"

/* Writes one output object on its own line and flushes it, so a consumer sees each result as
 * soon as it exists. */
static ars_status batch_emit(json_t *o, FILE *out, const char *what, ars_error *err) {
    if (!o) return error_at(err, ARS_ENOMEM, "%s", what);
    int bad = json_dumpf(o, out, JSON_COMPACT) != 0 || fputc('\n', out) == EOF || fflush(out) != 0;
    json_decref(o);
    return bad ? error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno)) : ARS_OK;
}

static json_t *batch_object(json_t *id) {
    json_t *o = json_object();
    if (o && json_object_set(o, "id", id ? id : json_null()) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Summarizes one parsed cluster into an output object (NULL when out of memory). A document the
 * summarizer refuses makes the line bad: *bad gets the message. */
static json_t *batch_cluster(ars_summarizer *sum, const jsonl_cluster *c, const char *where,
                             ars_status *st, ars_error *bad) {
    ars_summarizer_reset(sum);
    *st = ARS_OK;
    for (size_t k = 0; k < c->n_docs && *st == ARS_OK; k++) {
        const char *text, *id;
        size_t len;
        char id_buf[32], name[600];
        jsonl_cluster_doc(c, k, &text, &len, &id, id_buf);
        snprintf(name, sizeof name, "%s: %s", where, id);
        *st = ars_summarizer_add_document(sum, name, text, len, bad);
    }
    if (*st == ARS_OK) *st = ars_summarizer_run(sum, bad);
    if (*st == ARS_EEMPTY || (*st == ARS_ELIMIT && ars_summarizer_document_count(sum) == c->n_docs))
        *st = ARS_OK; /* no usable sentence, or none fits the budget: an empty summary */
    json_t *o = batch_object(c->id);
    if (!o || *st != ARS_OK) return o;
    json_t *summary = json_array(), *docs = json_array();
    int fail = !summary || !docs;
    for (size_t i = 0; !fail && i < ars_summary_count(sum); i++) {
        const ars_sentence *x = ars_summary_get(sum, i);
        fail |= json_array_append_new(summary, json_stringn(x->text, x->text_len));
        fail |= json_array_append_new(docs, json_integer((json_int_t)x->doc));
    }
    fail |= json_object_set_new(o, "summary", summary);
    fail |= json_object_set_new(o, "docs", docs);
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

ars_status batch_run(const ars_options *opt, char *const *paths, size_t n_paths, FILE *out,
                     const char *what, int strict, int quiet, size_t max_line, batch_report *rep,
                     int *write_failed, ars_error *err) {
    static char *const stdin_only[] = {"-"};
    if (n_paths == 0) {
        paths = stdin_only;
        n_paths = 1;
    }
    rep->n_lines = rep->n_bad = 0;
    *write_failed = 0;
    ars_summarizer *sum = NULL;
    ars_status st = ars_summarizer_new(opt, &sum, err);
    for (size_t p = 0; st == ARS_OK && p < n_paths; p++) {
        const char *path = paths[p];
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!f) {
            st = error_set(err, ARS_EIO, "%s: %s", path, strerror(errno));
            break;
        }
        lines_reader lr;
        lines_open(&lr, f, '\n', max_line);
        char *line;
        size_t len;
        int rc;
        size_t file_bad = 0; /* its bad lines said on standard error, or counted past the first */
        while (st == ARS_OK && (rc = lines_next(&lr, &line, &len)) != LINES_EOF) {
            char where[512];
            snprintf(where, sizeof where, "%s:%zu", path, lr.number);
            if (rc == LINES_NOMEM) {
                st = error_at(err, ARS_ENOMEM, "%s", where);
                break;
            }
            if (rc == LINES_ERROR) {
                st = error_set(err, ARS_EIO, "%s: read failed: %s", where, strerror(errno));
                break;
            }
            if (rc == LINES_OK && ars_text_is_blank(line, len)) continue;
            rep->n_lines++;
            jsonl_cluster c;
            ars_error bad = {ARS_OK, ""};
            ars_status line_st = ARS_OK;
            json_t *o = NULL;
            if (rc == LINES_TOO_LONG) {
                memset(&c, 0, sizeof c);
                line_st =
                    error_set(&bad, ARS_ELIMIT, "%s: line longer than %zu bytes", where, max_line);
            } else {
                line_st = jsonl_cluster_parse(where, line, len, &c, &bad);
            }
            if (line_st == ARS_OK) o = batch_cluster(sum, &c, where, &line_st, &bad);
            if (line_st == ARS_ENOMEM || line_st == ARS_EINTERNAL || line_st == ARS_EMODEL) {
                json_decref(o);
                jsonl_cluster_free(&c);
                if (err) *err = bad;
                st = line_st;
                break;
            }
            if (line_st != ARS_OK) {
                rep->n_bad++;
                if (strict) {
                    jsonl_cluster_free(&c);
                    st = error_set(err, line_st, "%s", bad.message);
                    break;
                }
                if (!quiet && ++file_bad <= JSONL_WARNINGS_PER_FILE)
                    fprintf(stderr, "summarize: %s\n", bad.message);
                json_decref(o);
                o = batch_object(c.id);
                /* The output line says what is wrong, not where: a split of the input
                 * numbers its lines differently, and must give the same output lines. */
                const char *why = bad.message;
                size_t wl = strlen(where);
                if (strncmp(why, where, wl) == 0 && why[wl] == ':' && why[wl + 1] == ' ')
                    why += wl + 2;
                if (o && json_object_set_new(o, "error", briefout_json_text(why)) != 0) {
                    json_decref(o);
                    o = NULL;
                }
            }
            jsonl_cluster_free(&c);
            st = batch_emit(o, out, what, err);
            if (st == ARS_EIO) *write_failed = 1;
        }
        if (file_bad > JSONL_WARNINGS_PER_FILE) {
            char name[512];
            snprintf(name, sizeof name, "%s", path);
            error_printable(name);
            fprintf(stderr,
                    "summarize: %s: %zu more bad lines, not listed (each has its \"error\" in the "
                    "output)\n",
                    name, file_bad - JSONL_WARNINGS_PER_FILE);
        }
        lines_close(&lr);
        if (f != stdin) fclose(f);
    }
    ars_summarizer_free(sum);
    return st;
}
