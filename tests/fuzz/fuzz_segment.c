/* fuzz_segment.c - libFuzzer target: the cleaner and the segmenter (text/clean.c, text/segment.c),
 * and the test of each sentence's opening (text/discourse.c, on a copy of exactly its bytes), on
 * arbitrary bytes, valid UTF-8 or not (the stages must be safe when called directly). The input
 * is split into documents at "\xff\xfe", since the cleaner looks across documents. Checks: lines
 * cover each document in order and their text spans lie inside them; sentences are non-empty,
 * in order, do not overlap and lie inside the document's kept lines; a second pass gives the same
 * result. Replayed over its corpus as a ctest in every build. */
#include <string.h>

#include "summarize/common/parallel.h"
#include "summarize/text/clean.h"
#include "summarize/text/discourse.h"
#include "summarize/text/segment.h"
#include "tests/fuzz/fuzz.h"

#define FUZZ_SEGMENT_MAX_DOCS 4

static void fuzz_segment_check(const clean_doc *d, const clean_line *lines, size_t n_lines) {
    size_t prev_end = d->body_start;
    for (size_t j = 0; j < n_lines; j++) {
        const clean_line *l = &lines[j];
        FUZZ_CHECK(l->start <= l->end && l->end <= d->len && l->start >= prev_end);
        if (l->flags & CLEAN_LINE_TITLE)
            FUZZ_CHECK(l->title_start <= l->title_end && l->title_end <= d->len);
        prev_end = l->end;
    }
    segment_sentence *ss = NULL, *again = NULL;
    size_t ns = 0, ns2 = 0;
    FUZZ_CHECK(segment_document(d->text, d->len, lines, n_lines, &ss, &ns) == ARS_OK);
    size_t after = 0;
    for (size_t k = 0; k < ns; k++) {
        FUZZ_CHECK(ss[k].start < ss[k].end && ss[k].end <= d->len && ss[k].start >= after);
        after = ss[k].end;
        /* A sentence starts and ends inside kept lines (or the title part of one). */
        int starts = 0, ends = 0;
        for (size_t j = 0; j < n_lines; j++) {
            const clean_line *l = &lines[j];
            if (l->reason != CLEAN_KEEP) continue;
            starts |= ss[k].start >= l->start && ss[k].start < l->end;
            ends |= ss[k].end > l->start && ss[k].end <= l->end;
            if (l->flags & CLEAN_LINE_TITLE) {
                starts |= ss[k].start >= l->title_start && ss[k].start < l->title_end;
                ends |= ss[k].end > l->title_start && ss[k].end <= l->title_end;
            }
        }
        if (!(starts && ends)) {
            fprintf(stderr, "sentence %zu [%zu,%zu) flags %u; kept lines:\n", k, ss[k].start,
                    ss[k].end, (unsigned)ss[k].flags);
            for (size_t j = 0; j < n_lines; j++)
                fprintf(stderr, "  line %zu [%zu,%zu) reason %d flags %u title [%zu,%zu)\n", j,
                        lines[j].start, lines[j].end, (int)lines[j].reason,
                        (unsigned)lines[j].flags, lines[j].title_start, lines[j].title_end);
        }
        FUZZ_CHECK(starts && ends);
        /* Whether it leans back is read from its own bytes alone: a copy of just them (so a read
         * past its end is caught) gives a yes or a no, the same as in place. */
        size_t sl = ss[k].end - ss[k].start;
        char *copy = malloc(sl);
        FUZZ_CHECK(copy != NULL);
        memcpy(copy, d->text + ss[k].start, sl);
        int leans = discourse_leans_back(copy, sl);
        FUZZ_CHECK(leans == 0 || leans == 1);
        FUZZ_CHECK(leans == discourse_leans_back(d->text + ss[k].start, sl));
        free(copy);
    }
    FUZZ_CHECK(segment_document(d->text, d->len, lines, n_lines, &again, &ns2) == ARS_OK);
    FUZZ_CHECK(ns == ns2);
    for (size_t k = 0; k < ns; k++)
        FUZZ_CHECK(ss[k].start == again[k].start && ss[k].end == again[k].end &&
                   ss[k].flags == again[k].flags);
    free(ss);
    free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    clean_doc docs[FUZZ_SEGMENT_MAX_DOCS];
    size_t n = 0, start = 0;
    for (size_t i = 0; i + 1 < size && n + 1 < FUZZ_SEGMENT_MAX_DOCS; i++)
        if (data[i] == 0xff && data[i + 1] == 0xfe) {
            docs[n++] = (clean_doc){(const char *)data + start, i - start, 0};
            start = i + 2;
            i++;
        }
    docs[n++] = (clean_doc){(const char *)data + start, size - start, 0};
    for (size_t d = 0; d < n; d++)
        if (docs[d].len >= 3 && memcmp(docs[d].text, "\xef\xbb\xbf", 3) == 0)
            docs[d].body_start = 3;

    clean_line *lines[FUZZ_SEGMENT_MAX_DOCS];
    size_t n_lines[FUZZ_SEGMENT_MAX_DOCS];
    FUZZ_CHECK(clean_documents(docs, n, lines, n_lines, NULL) == ARS_OK);
    /* Cleaning on three threads gives the same lines as on one. */
    clean_line *par[FUZZ_SEGMENT_MAX_DOCS];
    size_t n_par[FUZZ_SEGMENT_MAX_DOCS];
    const parallel_plan plan = {3};
    FUZZ_CHECK(clean_documents(docs, n, par, n_par, &plan) == ARS_OK);
    for (size_t d = 0; d < n; d++) {
        FUZZ_CHECK(n_par[d] == n_lines[d]);
        for (size_t j = 0; j < n_lines[d]; j++) {
            const clean_line *a = &lines[d][j], *b = &par[d][j];
            FUZZ_CHECK(a->start == b->start && a->end == b->end && a->reason == b->reason &&
                       a->flags == b->flags && a->title_start == b->title_start &&
                       a->title_end == b->title_end);
        }
        free(par[d]);
    }
    for (size_t d = 0; d < n; d++) {
        fuzz_segment_check(&docs[d], lines[d], n_lines[d]);
        (void)clean_document_year(&docs[d], lines[d], n_lines[d]);
        free(lines[d]);
    }
    return 0;
}
