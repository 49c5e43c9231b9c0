/* output.c - writing the summary: plain text (one sentence per line) or JSON through jansson, and
 * the temporary-file-then-rename writer behind `summarize -o FILE`. */
#include "summarize/output/output.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "summarize/common/error.h"

static ars_status output_json(FILE *f, const char *what, const ars_summarizer *s,
                              const char *method, ars_error *err) {
    json_t *root = json_object(), *sents = json_array();
    int bad = !root || !sents;
    size_t n = ars_summary_count(s);
    for (size_t i = 0; i < n && !bad; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        json_t *o = json_object();
        bad |= !o;
        if (bad) break;
        bad |= json_object_set_new(o, "file", json_string(x->doc_name));
        bad |= json_object_set_new(o, "doc", json_integer((json_int_t)x->doc));
        bad |= json_object_set_new(o, "index", json_integer((json_int_t)x->index));
        bad |= json_object_set_new(o, "start", json_integer((json_int_t)x->start));
        bad |= json_object_set_new(o, "end", json_integer((json_int_t)x->end));
        bad |= json_object_set_new(o, "score", json_real(x->score));
        bad |= json_object_set_new(o, "text", json_stringn(x->text, x->text_len));
        bad |= json_array_append_new(sents, o);
    }
    if (!bad) {
        bad |= json_object_set_new(root, "method", json_string(method));
        bad |= json_object_set_new(root, "sentences", sents);
        sents = NULL;
    }
    json_decref(sents);
    if (bad) {
        json_decref(root);
        return error_set(err, ARS_ENOMEM, "out of memory");
    }
    int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    json_decref(root);
    if (rc != 0 || fputc('\n', f) == EOF)
        return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno));
    return ARS_OK;
}

ars_status output_write(FILE *f, const char *what, const ars_summarizer *s, output_format fmt,
                        const char *method, ars_error *err) {
    if (fmt == OUTPUT_JSON) return output_json(f, what, s, method, err);
    size_t n = ars_summary_count(s);
    for (size_t i = 0; i < n; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        if (fwrite(x->text, 1, x->text_len, f) != x->text_len || fputc('\n', f) == EOF)
            return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno));
    }
    return ARS_OK;
}

ars_status output_open(output_file *o, const char *path, ars_error *err) {
    memset(o, 0, sizeof *o);
    size_t n = strlen(path);
    o->final_path = malloc(n + 1);
    o->tmp_path = malloc(n + 16);
    if (!o->final_path || !o->tmp_path) {
        output_abort(o);
        return error_set(err, ARS_ENOMEM, "out of memory");
    }
    memcpy(o->final_path, path, n + 1);
    snprintf(o->tmp_path, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp_path);
    if (fd < 0) {
        int e = errno;
        free(o->tmp_path);
        o->tmp_path = NULL;
        output_abort(o);
        return error_set(err, ARS_EIO, "%s: cannot create output: %s", path, strerror(e));
    }
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        int e = errno;
        close(fd);
        output_abort(o);
        return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));
    }
    return ARS_OK;
}

ars_status output_commit(output_file *o, ars_error *err) {
    int failed = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
    int e = errno;
    failed |= fclose(o->f) != 0;
    o->f = NULL;
    if (!failed && rename(o->tmp_path, o->final_path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        error_set(err, ARS_EIO, "%s: cannot write output: %s", o->final_path, strerror(e));
        output_abort(o);
        return ARS_EIO;
    }
    free(o->tmp_path);
    free(o->final_path);
    o->tmp_path = o->final_path = NULL;
    return ARS_OK;
}

void output_abort(output_file *o) {
    if (o->f) fclose(o->f);
    if (o->tmp_path) unlink(o->tmp_path);
    free(o->tmp_path);
    free(o->final_path);
    memset(o, 0, sizeof *o);
}
