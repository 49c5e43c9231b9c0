/* fuzz_df_model.c - libFuzzer target: the document-frequency model reader on arbitrary bytes, a
 * file as `summarize --df-model FILE` reads it: the format's parser (models/dfmodel.c) and the
 * model it makes (summarize/briefing/background.c: ars_df_model_load and background_parse, the
 * same reader on bytes). Checks: the parser hands over terms in strictly increasing byte order,
 * without tab, CR or LF, each df from 1 to the header's document count, as many as the header
 * says, or fails with ARS_EMODEL "FILE: line N: ..."; a model is refused (ARS_EMODEL, message
 * starting "FILE: ") exactly when the file is not UTF-8, the parser refuses it, its stemming is
 * unknown or its fingerprint is not this library's; a model read answers its document count, term
 * count and the df of each of its terms as the file says, and 0 for a term it lacks; the file read
 * from disk and the bytes read from memory give the same model; a model written back (whole, and
 * with a minimum df) reads back with the same answers and writes the same bytes again. Replayed
 * over its corpus as a ctest in every build. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "models/dfmodel.h"
#include "summarize/briefing/background.h"
#include "tests/fuzz/fuzz.h"

typedef struct {
    const char *term; /* into the fuzzer's input */
    size_t len, df;
} fuzz_term;

typedef struct {
    const dfmodel_header *h;
    fuzz_term *t;
    size_t n, cap;
} fuzz_terms;

static ars_status fuzz_take(void *ctx, const char *term, size_t len, size_t df) {
    fuzz_terms *ts = ctx;
    FUZZ_CHECK(len > 0 && !memchr(term, '\t', len) && !memchr(term, '\n', len) &&
               !memchr(term, '\r', len));
    FUZZ_CHECK(df >= 1 && df <= ts->h->documents);
    if (ts->n) {
        const fuzz_term *p = &ts->t[ts->n - 1];
        int c = memcmp(p->term, term, p->len < len ? p->len : len);
        FUZZ_CHECK(c < 0 || (c == 0 && p->len < len));
    }
    if (ts->n == ts->cap) {
        size_t nc = ts->cap ? 2 * ts->cap : 64;
        fuzz_term *nt = realloc(ts->t, nc * sizeof *nt);
        if (!nt) return ARS_ENOMEM;
        ts->t = nt;
        ts->cap = nc;
    }
    ts->t[ts->n++] = (fuzz_term){term, len, df};
    return ARS_OK;
}

/* The message of a refused file: "NAME: <detail>". */
static void fuzz_check_message(const ars_error *err, ars_status st, const char *name) {
    size_t n = strlen(name);
    FUZZ_CHECK(err->status == st);
    FUZZ_CHECK(strncmp(err->message, name, n) == 0 && err->message[n] == ':' &&
               err->message[n + 1] == ' ' && err->message[n + 2] != '\0');
}

/* m answers as the file said, keeping the terms with df >= min_df. */
static void fuzz_check_answers(const ars_df_model *m, const dfmodel_header *h, const fuzz_terms *ts,
                               size_t min_df) {
    size_t kept = 0;
    FUZZ_CHECK(ars_df_model_documents(m) == h->documents);
    FUZZ_CHECK(strcmp(ars_stem_name(background_stem(m)), h->stem) == 0);
    for (size_t k = 0; k < ts->n; k++) {
        size_t want = ts->t[k].df >= min_df ? ts->t[k].df : 0;
        FUZZ_CHECK(background_df(m, ts->t[k].term, ts->t[k].len) == want);
        kept += want > 0;
    }
    FUZZ_CHECK(ars_df_model_terms(m) == kept);
    FUZZ_CHECK(background_df(m, "", 0) == 0); /* no term is empty */
}

/* Writes m (terms with df >= min_df) into a malloc'd buffer. */
static char *fuzz_write(const ars_df_model *m, size_t min_df, size_t *len) {
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL);
    ars_error err = {ARS_OK, ""};
    FUZZ_CHECK(ars_df_model_write(m, f, min_df, "written", &err) == ARS_OK);
    FUZZ_CHECK(fclose(f) == 0);
    return buf;
}

/* A model written back reads back with the same answers, and writes the same bytes again. */
static void fuzz_check_write(const ars_df_model *m, const dfmodel_header *h, const fuzz_terms *ts,
                             size_t min_df) {
    size_t len = 0, len2 = 0;
    char *bytes = fuzz_write(m, min_df, &len);
    ars_df_model *back = NULL;
    ars_error err = {ARS_OK, ""};
    FUZZ_CHECK(background_parse("written", bytes, len, &back, &err) == ARS_OK);
    fuzz_check_answers(back, h, ts, min_df);
    char *again = fuzz_write(back, 0, &len2);
    FUZZ_CHECK(len2 == len && memcmp(again, bytes, len) == 0);
    free(again);
    free(bytes);
    ars_df_model_free(back);
}

/* ars_df_model_load of the bytes written to a file: the status of the bytes read from memory,
 * its message naming the file, the same model. */
static void fuzz_check_load(const uint8_t *data, size_t size, ars_status want,
                            const dfmodel_header *h, const fuzz_terms *ts) {
    char path[] = "/tmp/fuzz_df_model-XXXXXX";
    int fd = mkstemp(path);
    FUZZ_CHECK(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    FUZZ_CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0);
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    ars_status st = ars_df_model_load(path, &m, &err);
    unlink(path);
    FUZZ_CHECK(st == want || st == ARS_ENOMEM);
    if (st != ARS_OK) {
        FUZZ_CHECK(m == NULL);
        fuzz_check_message(&err, st, path);
        return;
    }
    fuzz_check_answers(m, h, ts, 1);
    ars_df_model_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *bytes = (const char *)data;
    const char *name = "m.tsv";
    dfmodel_header h, h2;
    fuzz_terms ts = {&h, NULL, 0, 0};
    ars_error perr = {ARS_OK, ""}, perr2 = {ARS_OK, ""};
    ars_status pst = dfmodel_parse(name, bytes, size, &h, fuzz_take, &ts, &perr);
    /* without a callback, as background_parse first reads the header: the same verdict */
    FUZZ_CHECK(dfmodel_parse(name, bytes, size, &h2, NULL, NULL, &perr2) == pst);
    if (pst != ARS_OK) {
        FUZZ_CHECK(pst == ARS_EMODEL || pst == ARS_ENOMEM);
        fuzz_check_message(&perr, pst, name);
        FUZZ_CHECK(strcmp(perr.message, perr2.message) == 0);
        size_t line = 0;
        if (pst == ARS_EMODEL)
            FUZZ_CHECK(sscanf(perr.message, "m.tsv: line %zu: ", &line) == 1 && line >= 1);
    } else {
        FUZZ_CHECK(memcmp(&h, &h2, sizeof h) == 0);
        FUZZ_CHECK(ts.n == h.terms && h.documents >= 1);
        FUZZ_CHECK(h.stem[0] != '\0' &&
                   strspn(h.stem, "abcdefghijklmnopqrstuvwxyz") == strlen(h.stem));
        FUZZ_CHECK(strlen(h.analysis) == 16 && strspn(h.analysis, "0123456789abcdef") == 16);
    }

    /* the verdict the model reader must reach, in the order it checks */
    ars_status want = ARS_OK;
    ars_stem stem;
    char fingerprint[17];
    if (ars_text_check(name, bytes, size, NULL, NULL) != ARS_OK)
        want = ARS_EMODEL;
    else if (pst != ARS_OK)
        want = pst;
    else if (ars_stem_from_name(h.stem, &stem) != ARS_OK)
        want = ARS_EMODEL;
    else if (background_fingerprint(stem, fingerprint, NULL) != ARS_OK ||
             strcmp(fingerprint, h.analysis) != 0)
        want = ARS_EMODEL;

    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    ars_status st = background_parse(name, bytes, size, &m, &err);
    FUZZ_CHECK(st == want || st == ARS_ENOMEM);
    if (st != ARS_OK) {
        FUZZ_CHECK(m == NULL);
        fuzz_check_message(&err, st, name);
    } else {
        fuzz_check_answers(m, &h, &ts, 1);
        fuzz_check_write(m, &h, &ts, 1);
        /* a smaller model, as summarize-model --min-df writes it */
        size_t min_df = ts.n ? ts.t[ts.n / 2].df : 2;
        fuzz_check_write(m, &h, &ts, min_df);
    }
    fuzz_check_load(data, size, st, &h, &ts);
    ars_df_model_free(m);
    free(ts.t);
    return 0;
}
