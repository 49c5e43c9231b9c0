/* fuzz_api.c - libFuzzer target: the public API (summarize.h) on arbitrary bytes, checking the
 * invariants a user relies on. The first FUZZ_API_HEADER bytes choose the options (method, budget
 * policy and size, sentence budget, ratio, order, stemming, spread, lambda, max-sim); the rest is
 * split into documents at FUZZ_API_SEPARATOR (bytes that valid UTF-8 never holds). After a
 * successful run: spans inside their document, finite scores, no sentence twice, the budget held
 * (words counted by the library's own analyser), the length caps, a sentence that leans on the one
 * before it (text/discourse.h) only right after it in score order and never without it (but for
 * lead, and for an article's first candidate), score order otherwise by the printed score, no
 * control character in the printed text, text and JSON output that read back, and the same result
 * after a reset and a second run. Built with libFuzzer in a clang -DARS_FUZZ=ON build, and replayed
 * over its corpus as a ctest in every build (tests/fuzz/replay.c). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "summarize/analyze.h"
#include "summarize/summarize.h"
#include "summarize/text/discourse.h"
#include "tests/fuzz/fuzz.h"
#include "vectors/vocab.h"

#define FUZZ_API_HEADER    8
#define FUZZ_API_SEPARATOR "\xff\xfe"
#define FUZZ_API_MAX_DOCS  8

typedef struct {
    const char *bytes;
    size_t len;
} fuzz_doc;

static void fuzz_api_options(const uint8_t *h, ars_options *o) {
    ars_options_init(o);
    o->method = (ars_method)(h[0] % 6);
    o->budget = (ars_budget)(h[1] % 3);
    o->order = (h[1] >> 2) & 1 ? ARS_ORDER_SCORE : ARS_ORDER_SOURCE;
    o->stem = (h[1] >> 3) & 1 ? ARS_STEM_NONE : ARS_STEM_SNOWBALL;
    o->spread = (h[1] >> 4) & 1 ? ARS_SPREAD_NONE : ARS_SPREAD_STORIES;
    o->max_words = h[2];                                /* 0: no word budget */
    o->max_sentences = h[3] % 8;                        /* 0: no sentence budget */
    o->ratio = h[4] < 128 ? 0.0 : (h[4] - 127) / 128.0; /* (0, 1] or none */
    o->max_sim = (h[5] + 1) / 256.0;                    /* (0, 1] */
    o->lambda = h[6] / 255.0;                           /* [0, 1] */
    o->position_weight = (h[7] & 15) / 15.0;
    o->document_weight = (h[7] >> 4) / 15.0;
}

/* Splits data at the separator into at most FUZZ_API_MAX_DOCS documents (the last takes the
 * rest). Returns the count. */
static size_t fuzz_api_split(const uint8_t *data, size_t size, fuzz_doc *docs) {
    size_t n = 0, start = 0;
    for (size_t i = 0; i + 1 < size && n + 1 < FUZZ_API_MAX_DOCS; i++)
        if (memcmp(data + i, FUZZ_API_SEPARATOR, 2) == 0) {
            docs[n++] = (fuzz_doc){(const char *)data + start, i - start};
            start = i + 2;
            i++;
        }
    docs[n++] = (fuzz_doc){(const char *)data + start, size - start};
    return n;
}

/* Words of the bytes as the library counts them for its budget (analyzer_sentence's n_words). */
static size_t fuzz_api_words(analyzer *an, vocab *voc, const char *s, size_t len) {
    uint32_t *terms = NULL;
    size_t n_terms = 0, cap = 0;
    analyze_stats st;
    FUZZ_CHECK(analyzer_sentence(an, voc, s, len, &terms, &n_terms, &cap, &st) == ARS_OK);
    free(terms);
    return st.n_words;
}

static int fuzz_api_is_control(const unsigned char *t, size_t len, size_t i) {
    if (t[i] < 0x20 || t[i] == 0x7f) return 1;
    return t[i] == 0xc2 && i + 1 < len && t[i + 1] >= 0x80 && t[i + 1] <= 0x9f; /* C1 */
}

/* Adds the documents; returns the status of the first failure. */
static ars_status fuzz_api_add(ars_summarizer *s, const fuzz_doc *docs, size_t n) {
    for (size_t d = 0; d < n; d++) {
        char name[32];
        snprintf(name, sizeof name, "doc%zu", d);
        ars_error err = {ARS_OK, ""};
        ars_status st = ars_summarizer_add_document(s, name, docs[d].bytes, docs[d].len, &err);
        if (st != ARS_OK) {
            FUZZ_CHECK(st == ARS_EUTF8 && err.status == st && err.message[0]);
            return st;
        }
    }
    return ARS_OK;
}

/* The output of ars_summary_write in a format, in a malloc'd buffer. */
static char *fuzz_api_write(const ars_summarizer *s, ars_format fmt, size_t *len) {
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(ars_summary_write(s, f, fmt, "memory", NULL) == ARS_OK);
    FUZZ_CHECK(fclose(f) == 0);
    return buf;
}

static void fuzz_api_check_output(const ars_summarizer *s) {
    size_t n = ars_summary_count(s), len = 0;
    char *text = fuzz_api_write(s, ARS_FORMAT_TEXT, &len);
    size_t lines = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            lines++;
            continue;
        }
        FUZZ_CHECK(!fuzz_api_is_control((const unsigned char *)text, len, i));
    }
    FUZZ_CHECK(lines == n);
    FUZZ_CHECK(ars_text_check("text output", text, len, NULL, NULL) == ARS_OK);
    free(text);

    char *js = fuzz_api_write(s, ARS_FORMAT_JSON, &len);
    json_error_t jerr;
    json_t *root = json_loadb(js, len, 0, &jerr);
    FUZZ_CHECK(root != NULL);
    json_t *sents = json_object_get(root, "sentences");
    FUZZ_CHECK(json_is_array(sents) && json_array_size(sents) == n);
    for (size_t i = 0; i < n; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        json_t *o = json_array_get(sents, i);
        FUZZ_CHECK((size_t)json_integer_value(json_object_get(o, "start")) == x->start);
        FUZZ_CHECK(json_string_length(json_object_get(o, "text")) == x->text_len);
    }
    json_decref(root);
    free(js);
}

static void fuzz_api_check_run(const ars_summarizer *s, const ars_options *o, const fuzz_doc *docs,
                               size_t n_docs, analyzer *an, vocab *voc) {
    size_t n_cand = ars_summarizer_sentence_count(s), n = ars_summary_count(s);
    FUZZ_CHECK(n >= 1 && n <= n_cand);
    if (o->max_sentences) FUZZ_CHECK(n <= o->max_sentences);
    size_t total_words = 0;
    for (size_t i = 0; i < n_cand; i++) {
        const ars_sentence *x = ars_summarizer_sentence_get(s, i);
        FUZZ_CHECK(x->doc < n_docs && x->start < x->end && x->end <= docs[x->doc].len);
        FUZZ_CHECK(isfinite(x->score) && x->score >= 0.0);
        FUZZ_CHECK(x->text[x->text_len] == '\0' && x->text_len <= x->end - x->start);
        FUZZ_CHECK(x->end - x->start <= ARS_SENTENCE_MAX_BYTES);
        size_t w = fuzz_api_words(an, voc, docs[x->doc].bytes + x->start, x->end - x->start);
        FUZZ_CHECK(w <= ARS_SENTENCE_MAX_WORDS);
        total_words += w;
        if (i) {
            const ars_sentence *p = ars_summarizer_sentence_get(s, i - 1);
            FUZZ_CHECK(p->doc < x->doc || (p->doc == x->doc && p->end <= x->start));
        }
    }
    size_t budget = o->max_words;
    if (o->ratio > 0.0) {
        size_t by_ratio = (size_t)ceil(o->ratio * (double)total_words);
        if (!budget || by_ratio < budget) budget = by_ratio;
    }
    size_t words = 0;
    double key = 0.0; /* what score order sorts the last sentence by */
    for (size_t i = 0; i < n; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        /* Every summary sentence is one of the candidates, and none comes twice. */
        int found = 0;
        for (size_t k = 0; k < n_cand && !found; k++) {
            const ars_sentence *c = ars_summarizer_sentence_get(s, k);
            found = c->doc == x->doc && c->start == x->start && c->end == x->end &&
                    c->text == x->text && c->score == x->score;
        }
        FUZZ_CHECK(found);
        for (size_t j = 0; j < i; j++) {
            const ars_sentence *y = ars_summary_get(s, j);
            FUZZ_CHECK(y->doc != x->doc || y->start != x->start);
            /* Identical texts have cosine 1, at or over any cap below 1 (rounding aside). */
            if (o->max_sim < 0.99)
                FUZZ_CHECK(y->text_len != x->text_len || memcmp(y->text, x->text, x->text_len));
        }
        /* A sentence that leans on the one before it comes with it: that one is in the summary
         * too and, in score order, printed just before it, the pair sorted by its score. */
        int leans =
            o->method != ARS_METHOD_LEAD &&
            discourse_needs_previous(docs[x->doc].bytes + x->start, x->end - x->start, x->index);
        if (leans) {
            int with = 0;
            for (size_t j = 0; j < n && !with; j++) {
                const ars_sentence *y = ars_summary_get(s, j);
                with = y->doc == x->doc && y->index + 1 == x->index;
            }
            FUZZ_CHECK(with);
        }
        if (i && o->order == ARS_ORDER_SCORE) {
            const ars_sentence *p = ars_summary_get(s, i - 1);
            if (leans)
                FUZZ_CHECK(p->doc == x->doc && p->index + 1 == x->index);
            else
                FUZZ_CHECK(key >= x->score);
        }
        if (!leans) key = x->score;
        if (i && o->order == ARS_ORDER_SOURCE) {
            const ars_sentence *p = ars_summary_get(s, i - 1);
            FUZZ_CHECK(p->doc < x->doc || (p->doc == x->doc && p->start < x->start));
        }
        words += fuzz_api_words(an, voc, docs[x->doc].bytes + x->start, x->end - x->start);
    }
    if (budget) {
        size_t limit = o->budget == ARS_BUDGET_STRICT ? budget : 2 * budget;
        FUZZ_CHECK(words <= limit);
    }
}

/* The summary as comparable bytes: every field of every view. */
static char *fuzz_api_snapshot(const ars_summarizer *s, size_t *len) {
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL);
    for (size_t i = 0; i < ars_summary_count(s); i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        fprintf(f, "%zu %zu %zu %zu %a %zu:", x->doc, x->index, x->start, x->end, x->score,
                x->text_len);
        fwrite(x->text, 1, x->text_len, f);
    }
    FUZZ_CHECK(fclose(f) == 0);
    return buf;
}

static analyzer *fuzz_api_analyzers[2];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < FUZZ_API_HEADER) return 0;
    ars_options o;
    fuzz_api_options(data, &o);
    fuzz_doc docs[FUZZ_API_MAX_DOCS];
    size_t n_docs = fuzz_api_split(data + FUZZ_API_HEADER, size - FUZZ_API_HEADER, docs);

    ars_summarizer *s = NULL;
    ars_error err = {ARS_OK, ""};
    FUZZ_CHECK(ars_summarizer_new(&o, &s, &err) == ARS_OK);
    ars_status st = fuzz_api_add(s, docs, n_docs);
    if (st == ARS_OK) {
        st = ars_summarizer_run(s, &err);
        /* A failed run names its cause; the statuses bad input can cause are these. */
        if (st != ARS_OK)
            FUZZ_CHECK((st == ARS_EEMPTY || st == ARS_ELIMIT) && err.status == st &&
                       err.message[0] && ars_summary_count(s) == 0);
    }
    if (st == ARS_OK) {
        analyzer **an = &fuzz_api_analyzers[o.stem == ARS_STEM_NONE];
        if (!*an) FUZZ_CHECK(analyzer_new(o.stem, an, NULL) == ARS_OK);
        vocab *voc = NULL;
        FUZZ_CHECK(vocab_new(&voc) == ARS_OK);
        fuzz_api_check_run(s, &o, docs, n_docs, *an, voc);
        vocab_free(voc);
        fuzz_api_check_output(s);

        size_t len1 = 0, len2 = 0;
        char *first = fuzz_api_snapshot(s, &len1);
        ars_summarizer_reset(s);
        FUZZ_CHECK(ars_summary_count(s) == 0 && ars_summarizer_document_count(s) == 0);
        FUZZ_CHECK(fuzz_api_add(s, docs, n_docs) == ARS_OK);
        FUZZ_CHECK(ars_summarizer_run(s, NULL) == ARS_OK);
        char *second = fuzz_api_snapshot(s, &len2);
        FUZZ_CHECK(len1 == len2 && memcmp(first, second, len1) == 0);
        free(first);
        free(second);
    }
    ars_summarizer_free(s);
    return 0;
}
