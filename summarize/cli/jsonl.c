/* jsonl.c - JSON Lines articles and clusters (see jsonl.h). */
#include "summarize/cli/jsonl.h"

#include <stdio.h>
#include <string.h>

#include "summarize/cli/timeparse.h"
#include "summarize/common/error.h"

/* Loads one line as a JSON object. Duplicate keys and NUL characters are refused: either would
 * make what an article says ambiguous. */
static ars_status jsonl_load(const char *where, const char *line, size_t len, json_t **root,
                             ars_error *err) {
    /* A raw NUL byte is no JSON anywhere; jansson stops reading at one and says "near end of
     * file", which points nowhere. Its column, in characters from 1 as jansson counts them. */
    const char *nul = memchr(line, '\0', len);
    if (nul) {
        *root = NULL;
        size_t column = 1;
        for (const char *p = line; p < nul; p++)
            column += ((unsigned char)*p & 0xC0) != 0x80;
        return error_set(err, ARS_EUTF8, "%s: not JSON: NUL byte (column %zu; binary data?)", where,
                         column);
    }
    json_error_t je;
    *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!*root) {
        if (strstr(je.text, "out of memory")) return error_at(err, ARS_ENOMEM, "%s", where);
        return error_set(err, ARS_EUTF8, "%s: not JSON: %s (column %d)", where, je.text, je.column);
    }
    if (!json_is_object(*root)) {
        json_decref(*root);
        *root = NULL;
        return error_set(err, ARS_EUTF8, "%s: not a JSON object", where);
    }
    return ARS_OK;
}

/* An optional string field; 0 when present with another type. */
static int jsonl_string(json_t *o, const char *key, const char **out) {
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v)) return 1;
    if (!json_is_string(v)) return 0;
    *out = json_string_value(v);
    return 1;
}

/* An id: a string, or a whole number written into buf. 0 for any other type. */
static int jsonl_id(json_t *v, const char **out, char buf[32]) {
    *out = NULL;
    if (!v || json_is_null(v)) return 1;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return 1;
    }
    if (json_is_integer(v)) {
        snprintf(buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = buf;
        return 1;
    }
    return 0;
}

ars_status jsonl_article_parse(const char *where, const char *line, size_t len, jsonl_article *a,
                               ars_error *err) {
    memset(a, 0, sizeof *a);
    a->time = ARS_TIME_UNKNOWN;
    ars_status st = jsonl_load(where, line, len, &a->root, err);
    if (st != ARS_OK) return st;
    json_t *text = json_object_get(a->root, "text"), *time = json_object_get(a->root, "time");
    const char *bad = NULL;
    if (!json_is_string(text))
        bad = "no \"text\" string";
    else if (!jsonl_id(json_object_get(a->root, "id"), &a->id, a->id_buf))
        bad = "\"id\" must be a string or a whole number";
    else if (!jsonl_string(a->root, "title", &a->title))
        bad = "\"title\" must be a string";
    else if (!jsonl_string(a->root, "source", &a->source))
        bad = "\"source\" must be a string";
    if (bad) {
        jsonl_article_free(a);
        return error_set(err, ARS_EUTF8, "%s: %s", where, bad);
    }
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    if (json_is_string(time)) {
        if (!timeparse(json_string_value(time), &a->time)) a->time_unreadable = 1;
    } else if (json_is_integer(time)) {
        a->time = (int64_t)json_integer_value(time);
    } else if (time && !json_is_null(time)) {
        a->time_unreadable = 1;
    }
    return ARS_OK;
}

void jsonl_article_free(jsonl_article *a) {
    json_decref(a->root);
    a->root = NULL;
}

ars_status jsonl_cluster_parse(const char *where, const char *line, size_t len, jsonl_cluster *c,
                               ars_error *err) {
    memset(c, 0, sizeof *c);
    ars_status st = jsonl_load(where, line, len, &c->root, err);
    if (st != ARS_OK) return st;
    c->id = json_object_get(c->root, "id");
    c->docs = json_object_get(c->root, "docs");
    if (!json_is_array(c->docs))
        return error_set(err, ARS_EUTF8, "%s: \"docs\" must be an array", where);
    c->n_docs = json_array_size(c->docs);
    for (size_t k = 0; k < c->n_docs; k++) {
        json_t *d = json_array_get(c->docs, k);
        const char *id;
        char buf[32];
        if (json_is_string(d)) continue;
        if (!json_is_object(d) || !json_is_string(json_object_get(d, "text")))
            return error_set(err, ARS_EUTF8,
                             "%s: document %zu: must be a string or an object with a \"text\" "
                             "string",
                             where, k + 1);
        if (!jsonl_id(json_object_get(d, "id"), &id, buf))
            return error_set(err, ARS_EUTF8,
                             "%s: document %zu: \"id\" must be a string or a whole number", where,
                             k + 1);
    }
    return ARS_OK;
}

void jsonl_cluster_doc(const jsonl_cluster *c, size_t k, const char **text, size_t *len,
                       const char **id, char id_buf[32]) {
    json_t *d = json_array_get(c->docs, k);
    json_t *t = json_is_string(d) ? d : json_object_get(d, "text");
    *text = json_string_value(t);
    *len = json_string_length(t);
    *id = NULL;
    if (json_is_object(d)) jsonl_id(json_object_get(d, "id"), id, id_buf);
    if (!*id) {
        snprintf(id_buf, 32, "doc %zu", k + 1);
        *id = id_buf;
    }
}

void jsonl_cluster_free(jsonl_cluster *c) {
    json_decref(c->root);
    memset(c, 0, sizeof *c);
}
