/* background.c - document-frequency models (public: ars_df_model_*): building one from a corpus
 * with the briefing's own document terms (docterms.c), writing and reading the file format of
 * models/dfmodel.c, and the stamp that ties a model to the analysis it was built with: the
 * stemming's name and a fingerprint of what the analysis makes of a probe text. A model whose
 * stamp differs from this library's analysis is refused (ARS_EMODEL), since its terms would not
 * match the terms the briefing looks up. */
#include "summarize/briefing/background.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "models/dfmodel.h"
#include "summarize/briefing/docterms.h"
#include "summarize/common/error.h"

/* The probe text of the fingerprint: every normalisation rule (harakat, tatweel, the alef and yeh
 * forms, ta marbuta, Arabic-Indic digits, presentation forms that NFKC folds), stopwords, the
 * prefixes and suffixes the stemmer strips, and Latin letters. A change of normalisation,
 * stopwords or stemming that touches any of them changes the fingerprint. */
static const char background_probe[] =
    "الْعَرَبِيَّةُ الكتـــاب أحمد إبراهيم آمال ٱلقرآن مستشفى على إلى في من هذا الذي "
    "ﻻ ﺍﻟﺴﻼﻡ ١٢٣٤ ٥٦ ۷۸ مدرسة المدرسه والمكتبات بالجامعات سيكتبونها يستخدمون الكاتبات "
    "المعلمين للطلاب فاستقبلوه وقالت الرئيس الحكومة وزارة الاقتصادية Reuters 2018 COVID";

struct ars_df_model {
    ars_stem stem;
    char analysis[17];
    analyzer *an; /* building only */
    vocab *voc;   /* the model's terms */
    size_t *df;   /* per term id */
    size_t cap_df;
    size_t documents;
    uint32_t *terms; /* building: scratch for one document's terms */
    size_t n_terms, cap_terms;
    size_t *last_doc; /* building: the last document that counted each term (1-based) */
};

ars_status background_fingerprint(ars_stem stem, char out[17], ars_error *err) {
    analyzer *an = NULL;
    vocab *voc = NULL;
    uint32_t *terms = NULL;
    size_t n = 0, cap = 0;
    ars_status st = analyzer_new(stem, &an, err);
    if (st == ARS_OK && (st = vocab_new(&voc)) != ARS_OK) error_at(err, st, "fingerprint");
    if (st == ARS_OK) {
        analyze_stats stats;
        st = analyzer_sentence(an, voc, background_probe, sizeof background_probe - 1, &terms, &n,
                               &cap, &stats);
        if (st != ARS_OK) error_at(err, st, "fingerprint");
    }
    if (st == ARS_OK) {
        uint64_t h = 1469598103934665603ull; /* FNV-1a, 64 bits */
        for (size_t k = 0; k < n; k++) {
            size_t len = 0;
            const unsigned char *t = (const unsigned char *)vocab_term(voc, terms[k], &len);
            for (size_t i = 0; i <= len; i++) { /* the NUL separates terms */
                h ^= i < len ? t[i] : 0u;
                h *= 1099511628211ull;
            }
        }
        static const char hex[] = "0123456789abcdef";
        for (int i = 0; i < 16; i++)
            out[i] = hex[(h >> (60 - 4 * i)) & 15u];
        out[16] = '\0';
    }
    free(terms);
    vocab_free(voc);
    analyzer_free(an);
    return st;
}

static ars_status background_alloc(ars_stem stem, ars_df_model **out, ars_error *err) {
    *out = NULL;
    ars_df_model *m = calloc(1, sizeof *m);
    if (!m) {
        error_at(err, ARS_ENOMEM, "document-frequency model");
        return ARS_ENOMEM; /* said outright: the analyzer cannot see error_at's result */
    }
    m->stem = stem;
    ars_status st = background_fingerprint(stem, m->analysis, err);
    if (st == ARS_OK && (st = vocab_new(&m->voc)) != ARS_OK)
        error_at(err, st, "document-frequency model");
    if (st != ARS_OK) {
        ars_df_model_free(m);
        return st;
    }
    *out = m;
    return ARS_OK;
}

/* Makes room for df (and the builder's last_doc) up to the vocabulary's size. */
static ars_status background_grow(ars_df_model *m, int building) {
    size_t need = vocab_size(m->voc);
    if (need <= m->cap_df) return ARS_OK;
    size_t nc = need * 2 + 256;
    size_t *df = realloc(m->df, nc * sizeof *df);
    if (!df) return ARS_ENOMEM;
    m->df = df;
    if (building) {
        size_t *ld = realloc(m->last_doc, nc * sizeof *ld);
        if (!ld) return ARS_ENOMEM;
        m->last_doc = ld;
        for (size_t t = m->cap_df; t < nc; t++)
            ld[t] = 0;
    }
    for (size_t t = m->cap_df; t < nc; t++)
        df[t] = 0;
    m->cap_df = nc;
    return ARS_OK;
}

ARS_API ars_status ars_df_model_new(ars_stem stem, ars_df_model **out, ars_error *err) {
    if (!out) return error_set(err, ARS_EARG, "ars_df_model_new: out is NULL");
    if (!ars_stem_name(stem)) return error_set(err, ARS_EARG, "unknown stemming %d", (int)stem);
    ars_status st = background_alloc(stem, out, err);
    if (st == ARS_OK && (st = analyzer_new(stem, &(*out)->an, err)) != ARS_OK) {
        ars_df_model_free(*out);
        *out = NULL;
    }
    return st;
}

ARS_API void ars_df_model_free(ars_df_model *m) {
    if (!m) return;
    analyzer_free(m->an);
    vocab_free(m->voc);
    free(m->df);
    free(m->terms);
    free(m->last_doc);
    free(m);
}

ARS_API ars_status ars_df_model_add_document(ars_df_model *m, const char *name, const char *bytes,
                                             size_t len, const char *title, ars_error *err) {
    if (!m || !name || (!bytes && len))
        return error_set(err, ARS_EARG, "ars_df_model_add_document: NULL argument");
    if (!m->an) return error_set(err, ARS_EARG, "%s: a loaded model cannot take documents", name);
    ars_status st = ars_text_check(name, bytes ? bytes : "", len, NULL, err);
    if (st != ARS_OK) return st;
    if (title && (st = ars_text_check(name, title, strlen(title), NULL, err)) != ARS_OK) return st;
    docterms_info info;
    m->n_terms = 0;
    st = docterms_article(m->an, m->voc, bytes ? bytes : "", len, title, &m->terms, &m->n_terms,
                          &m->cap_terms, &info);
    free(info.found_title);
    if (st == ARS_OK) st = background_grow(m, 1);
    if (st != ARS_OK) return error_at(err, st, "%s", name);
    m->documents++;
    for (size_t k = 0; k < m->n_terms; k++) {
        uint32_t t = m->terms[k];
        if (m->last_doc[t] != m->documents) {
            m->last_doc[t] = m->documents;
            m->df[t]++;
        }
    }
    return ARS_OK;
}

/* Terms in byte order, for the file (qsort has no context: the vocabulary travels with the id). */
typedef struct {
    const char *term;
    size_t len;
    size_t df;
} background_entry;

static int background_cmp(const void *pa, const void *pb) {
    const background_entry *a = pa, *b = pb;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->term, b->term, m);
    if (c) return c;
    return (a->len > b->len) - (a->len < b->len);
}

ARS_API ars_status ars_df_model_write(const ars_df_model *m, FILE *f, size_t min_df,
                                      const char *what, ars_error *err) {
    if (!m || !f || !what) return error_set(err, ARS_EARG, "ars_df_model_write: NULL argument");
    if (m->documents == 0) return error_set(err, ARS_EEMPTY, "%s: the model has no document", what);
    size_t n = vocab_size(m->voc), k = 0;
    background_entry *e = malloc((n ? n : 1) * sizeof *e);
    if (!e) return error_at(err, ARS_ENOMEM, "%s", what);
    for (size_t t = 0; t < n; t++)
        if (m->df[t] >= (min_df ? min_df : 1)) {
            e[k].term = vocab_term(m->voc, (uint32_t)t, &e[k].len);
            e[k].df = m->df[t];
            k++;
        }
    qsort(e, k, sizeof *e, background_cmp);
    dfmodel_header h;
    memset(&h, 0, sizeof h);
    snprintf(h.stem, sizeof h.stem, "%s", ars_stem_name(m->stem));
    memcpy(h.analysis, m->analysis, sizeof h.analysis);
    h.documents = m->documents;
    h.terms = k;
    int bad = dfmodel_write_header(f, &h, NULL);
    for (size_t i = 0; i < k && !bad; i++)
        bad = dfmodel_write_term(f, e[i].term, e[i].len, e[i].df);
    free(e);
    if (bad) return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno));
    return ARS_OK;
}

static ars_status background_take_term(void *ctx, const char *term, size_t len, size_t df) {
    ars_df_model *m = ctx;
    uint32_t id;
    ars_status st = vocab_intern(m->voc, term, len, &id);
    if (st == ARS_OK) st = background_grow(m, 0);
    if (st == ARS_OK) m->df[id] = df;
    return st;
}

ars_status background_parse(const char *name, const char *bytes, size_t len, ars_df_model **out,
                            ars_error *err) {
    *out = NULL;
    ars_error bad = {ARS_OK, ""};
    ars_status st = ars_text_check(name, bytes, len, NULL, &bad);
    if (st == ARS_EUTF8)
        return error_set(err, ARS_EMODEL, "%s (not a document-frequency model)", bad.message);
    if (st != ARS_OK) return error_at(err, st, "%s", name);
    /* Read the header first, to know which analysis to compare with. */
    dfmodel_header h;
    ars_error probe = {ARS_OK, ""};
    st = dfmodel_parse(name, bytes, len, &h, NULL, NULL, &probe);
    if (st != ARS_OK) {
        if (err) *err = probe;
        return st;
    }
    ars_stem stem;
    if (ars_stem_from_name(h.stem, &stem) != ARS_OK)
        return error_set(err, ARS_EMODEL, "%s: stemming \"%s\" is unknown to this library", name,
                         h.stem);
    ars_df_model *m = NULL;
    st = background_alloc(stem, &m, err);
    if (st != ARS_OK) return st;
    if (strcmp(m->analysis, h.analysis) != 0) {
        st = error_set(err, ARS_EMODEL,
                       "%s: built with another analysis (fingerprint %s; this library's %s "
                       "stemming gives %s): rebuild it with summarize-model",
                       name, h.analysis, h.stem, m->analysis);
        ars_df_model_free(m);
        return st;
    }
    st = dfmodel_parse(name, bytes, len, &h, background_take_term, m, err);
    if (st != ARS_OK) {
        ars_df_model_free(m);
        return st;
    }
    m->documents = h.documents;
    *out = m;
    return ARS_OK;
}

ARS_API ars_status ars_df_model_load(const char *path, ars_df_model **out, ars_error *err) {
    if (!path || !out) return error_set(err, ARS_EARG, "ars_df_model_load: NULL argument");
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    ars_status st = ars_file_read(path, ARS_DF_MODEL_MAX_BYTES, &buf, &len, err);
    if (st != ARS_OK) return st;
    st = background_parse(path, buf, len, out, err);
    free(buf);
    return st;
}

ars_status background_builtin(ars_df_model **out, ars_error *err) {
    const char *bytes;
    size_t len;
    dfmodel_builtin(&bytes, &len);
    return background_parse("built-in document-frequency model", bytes, len, out, err);
}

ARS_API size_t ars_df_model_documents(const ars_df_model *m) {
    return m ? m->documents : 0;
}

ARS_API size_t ars_df_model_terms(const ars_df_model *m) {
    return m ? vocab_size(m->voc) : 0;
}

ars_stem background_stem(const ars_df_model *m) {
    return m->stem;
}

size_t background_df(const ars_df_model *m, const char *term, size_t len) {
    uint32_t id;
    return vocab_find(m->voc, term, len, &id) ? m->df[id] : 0;
}
