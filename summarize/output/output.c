/* output.c - pipeline stage "write" (public: ars_summary_write): the summary as plain text (one
 * sentence per line) or as JSON through jansson. Where the bytes go (a file written atomically,
 * standard output) is the program's business: see summarize/cli/outfile.c. */
#include "summarize/summarize.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/error.h"
#include "summarize/common/jsonval.h"
#include "summarize/summarizer_internal.h"

static ars_status output_json(FILE *f, const char *what, const ars_summarizer *s, ars_error *err) {
    json_t *root = json_object(), *sents = json_array();
    int bad = !root || !sents;
    size_t n = ars_summary_count(s);
    for (size_t i = 0; i < n && !bad; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        json_t *o = json_object();
        bad |= !o;
        if (bad) break;
        bad |= json_object_set_new(o, "file", jsonval_string(x->doc_name));
        bad |= json_object_set_new(o, "doc", json_integer((json_int_t)x->doc));
        bad |= json_object_set_new(o, "index", json_integer((json_int_t)x->index));
        bad |= json_object_set_new(o, "start", json_integer((json_int_t)x->start));
        bad |= json_object_set_new(o, "end", json_integer((json_int_t)x->end));
        bad |= json_object_set_new(o, "score", jsonval_real(x->score));
        /* The text is valid UTF-8: the input was checked and display.c drops whole characters. */
        bad |= json_object_set_new(o, "text", json_stringn(x->text, x->text_len));
        bad |= json_array_append_new(sents, o);
    }
    if (!bad) {
        bad |=
            json_object_set_new(root, "method", json_string(ars_method_name(summarizer_method(s))));
        bad |= json_object_set_new(root, "sentences", sents);
        sents = NULL;
    }
    json_decref(sents);
    /* Rendered in memory first, so that out of memory (NULL: every string is valid) is told apart
     * from a failed write. */
    char *doc = bad ? NULL : json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    json_decref(root);
    if (!doc) return error_at(err, ARS_ENOMEM, "%s: JSON", what);
    size_t len = strlen(doc);
    int failed = fwrite(doc, 1, len, f) != len || fputc('\n', f) == EOF;
    int e = errno;
    free(doc);
    if (failed) return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(e));
    return ARS_OK;
}

ARS_API ars_status ars_summary_write(const ars_summarizer *s, FILE *f, ars_format format,
                                     const char *what, ars_error *err) {
    if (!s || !f || !what) return error_set(err, ARS_EARG, "ars_summary_write: NULL argument");
    if (format == ARS_FORMAT_JSON) return output_json(f, what, s, err);
    if (format != ARS_FORMAT_TEXT)
        return error_set(err, ARS_EARG, "ars_summary_write: unknown format %d", (int)format);
    size_t n = ars_summary_count(s);
    for (size_t i = 0; i < n; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        if (fwrite(x->text, 1, x->text_len, f) != x->text_len || fputc('\n', f) == EOF)
            return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno));
    }
    return ARS_OK;
}
