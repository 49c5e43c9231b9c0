/* dfmodel.c - reads and writes the document-frequency model format (see dfmodel.h). The parser
 * trusts nothing: every line is checked against the format and a fault is reported with the
 * file's name and the line number, so a damaged or foreign file is refused, never half-read. */
#include "models/dfmodel.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "summarize/common/error.h"

/* The embedded copy of models/ant_background_df.tsv (cmake/embed.cmake). */
extern const unsigned char models_ant_background_df[];
extern const size_t models_ant_background_df_size;

void dfmodel_builtin(const char **bytes, size_t *len) {
    *bytes = (const char *)models_ant_background_df;
    *len = models_ant_background_df_size;
}

/* A decimal number of at most 19 digits, nothing else. */
static int dfmodel_number(const char *s, size_t len, size_t *out) {
    if (len == 0 || len > 19) return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > SIZE_MAX) return 0;
    *out = (size_t)v;
    return 1;
}

/* 1 when line [s, s+len) is "KEY VALUE"; sets the value span. */
static int dfmodel_key(const char *s, size_t len, const char *key, const char **val,
                       size_t *val_len) {
    size_t k = strlen(key);
    if (len <= k + 1 || memcmp(s, key, k) != 0 || s[k] != ' ') return 0;
    *val = s + k + 1;
    *val_len = len - k - 1;
    return 1;
}

static ars_status dfmodel_fault(ars_error *err, const char *name, size_t line, const char *what) {
    return error_set(err, ARS_EMODEL, "%s: line %zu: %s", name, line, what);
}

ars_status dfmodel_parse(const char *name, const char *bytes, size_t len, dfmodel_header *h,
                         dfmodel_term_fn fn, void *ctx, ars_error *err) {
    static const char *const keys[] = {"stem", "analysis", "documents", "terms"};
    memset(h, 0, sizeof *h);
    size_t pos = 0, line = 0, n_keys = 0, n_terms = 0;
    const char *prev = NULL;
    size_t prev_len = 0;
    while (pos < len) {
        const char *s = bytes + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - s) : len - pos;
        pos += l + (nl ? 1 : 0);
        line++;
        if (memchr(s, '\r', l)) return dfmodel_fault(err, name, line, "carriage return (CR)");
        if (line == 1) {
            if (l < 13 || memcmp(s, "ars-df-model ", 13) != 0)
                return dfmodel_fault(err, name, line,
                                     "not a document-frequency model (no \"ars-df-model\" line)");
            size_t version = 0;
            if (!dfmodel_number(s + 13, l - 13, &version) || version != DFMODEL_VERSION)
                return error_set(err, ARS_EMODEL,
                                 "%s: line 1: format version %.*s; this library reads version %d",
                                 name, (int)(l - 13 > 20 ? 20 : l - 13), s + 13, DFMODEL_VERSION);
            continue;
        }
        if (n_keys < 4) {
            if (l > 0 && s[0] == '#') continue;
            const char *v;
            size_t vl;
            if (!dfmodel_key(s, l, keys[n_keys], &v, &vl))
                return error_set(err, ARS_EMODEL, "%s: line %zu: expected \"%s\"", name, line,
                                 keys[n_keys]);
            int ok = 1;
            if (n_keys == 0) {
                ok = vl < sizeof h->stem;
                for (size_t i = 0; ok && i < vl; i++)
                    ok = v[i] >= 'a' && v[i] <= 'z';
                if (ok) {
                    memcpy(h->stem, v, vl);
                    h->stem[vl] = '\0';
                }
            } else if (n_keys == 1) {
                ok = vl == 16;
                for (size_t i = 0; ok && i < vl; i++)
                    ok = (v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'f');
                if (ok) {
                    memcpy(h->analysis, v, 16);
                    h->analysis[16] = '\0';
                }
            } else if (n_keys == 2) {
                ok = dfmodel_number(v, vl, &h->documents) && h->documents > 0;
            } else {
                ok = dfmodel_number(v, vl, &h->terms);
            }
            if (!ok)
                return error_set(err, ARS_EMODEL, "%s: line %zu: bad value for \"%s\"", name, line,
                                 keys[n_keys]);
            n_keys++;
            continue;
        }
        if (n_terms == h->terms) {
            if (l == 0 && pos == len) break; /* the final newline's empty remainder */
            return dfmodel_fault(err, name, line, "text after the last term");
        }
        const char *tab = memchr(s, '\t', l);
        if (!tab || tab == s)
            return dfmodel_fault(err, name, line, "expected TERM<TAB>DOCUMENT-FREQUENCY");
        size_t tl = (size_t)(tab - s), df = 0;
        if (!dfmodel_number(tab + 1, l - tl - 1, &df) || df == 0 || df > h->documents)
            return error_set(err, ARS_EMODEL,
                             "%s: line %zu: document frequency must be a number from 1 to %zu",
                             name, line, h->documents);
        if (prev) {
            size_t m = tl < prev_len ? tl : prev_len;
            int c = memcmp(prev, s, m);
            if (c > 0 || (c == 0 && prev_len >= tl))
                return dfmodel_fault(err, name, line,
                                     "terms out of order (each must sort after the one before)");
        }
        prev = s;
        prev_len = tl;
        n_terms++;
        ars_status st = fn ? fn(ctx, s, tl, df) : ARS_OK;
        if (st != ARS_OK) return error_at(err, st, "%s: line %zu", name, line);
    }
    if (line == 0) return dfmodel_fault(err, name, 1, "empty file");
    if (n_keys < 4)
        return error_set(err, ARS_EMODEL, "%s: line %zu: the header ends before \"%s\"", name, line,
                         keys[n_keys]);
    if (n_terms != h->terms)
        return error_set(err, ARS_EMODEL, "%s: line %zu: %zu terms where the header says %zu", name,
                         line, n_terms, h->terms);
    return ARS_OK;
}

int dfmodel_write_header(FILE *f, const dfmodel_header *h, const char *comment) {
    if (fprintf(f, "ars-df-model %d\n", DFMODEL_VERSION) < 0) return -1;
    if (comment && fprintf(f, "# %s\n", comment) < 0) return -1;
    if (fprintf(f, "stem %s\nanalysis %s\ndocuments %zu\nterms %zu\n", h->stem, h->analysis,
                h->documents, h->terms) < 0)
        return -1;
    return 0;
}

int dfmodel_write_term(FILE *f, const char *term, size_t len, size_t df) {
    if (fwrite(term, 1, len, f) != len) return -1;
    return fprintf(f, "\t%zu\n", df) < 0 ? -1 : 0;
}
