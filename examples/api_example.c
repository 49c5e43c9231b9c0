/* api_example.c - how a service embeds libsummarize: one summarizer reused for several requests,
 * errors reported from the caller-owned ars_error. Built with the project and run as a test.
 * Usage: api_example FILE... (prints the summary of all FILEs, then again with 2 sentences). */
#include <stdio.h>

#include "summarize/summarize.h"

int main(int argc, char **argv) {
    ars_options opt;
    ars_options_init(&opt);
    ars_summarizer *s = NULL;
    ars_error err;
    if (ars_summarizer_new(&opt, &s, &err) != ARS_OK) {
        fprintf(stderr, "api_example: %s\n", err.message);
        return 1;
    }
    for (int round = 0; round < 2; round++) {
        for (int i = 1; i < argc; i++) {
            if (ars_summarizer_add_file(s, argv[i], &err) != ARS_OK) {
                fprintf(stderr, "api_example: %s\n", err.message);
                ars_summarizer_free(s);
                return 2;
            }
        }
        if (ars_summarizer_run(s, &err) != ARS_OK) {
            fprintf(stderr, "api_example: %s (%s)\n", err.message, ars_status_str(err.status));
            ars_summarizer_free(s);
            return 2;
        }
        printf("# %zu of %zu sentences\n", ars_summary_count(s), ars_summarizer_sentence_count(s));
        for (size_t k = 0; k < ars_summary_count(s); k++) {
            const ars_sentence *x = ars_summary_get(s, k);
            printf("%s [%zu:%zu-%zu] %s\n", x->doc_name, x->index, x->start, x->end, x->text);
        }
        ars_summarizer_reset(s); /* keeps the loaded stopwords and stemmer for the next request */
    }
    ars_summarizer_free(s);
    return 0;
}
