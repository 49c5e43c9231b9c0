/* fuzz_eval_text.c - libFuzzer target: summarize-eval's reading of summaries and references, its
 * own tokenizer (eval/tokenize.c, eval/text.c) and ROUGE on what was read (eval/rouge.c), on
 * arbitrary bytes. The first byte chooses the tokenizer (normalise, stem, pretokenized) and the
 * length limit; the rest is a peer summary and up to three references separated by "\xff\xfe".
 * Checks: token counts agree between the walk and the text, length limits hold, every score is
 * finite and in [0, 1], and scoring twice gives the same numbers. Replayed as a ctest. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "eval/rouge.h"
#include "eval/text.h"
#include "eval/tokenize.h"
#include "tests/fuzz/fuzz.h"

#define FUZZ_EVAL_MAX_TEXTS 4

static eval_tokenizer *fuzz_eval_tokenizers[8];

static int fuzz_eval_count(void *user, const char *tok, size_t len) {
    FUZZ_CHECK(len > 0 && tok != NULL);
    (*(size_t *)user)++;
    return 0;
}

static void fuzz_eval_check_prf(const rouge_prf *v) {
    FUZZ_CHECK(isfinite(v->r) && isfinite(v->p) && isfinite(v->f));
    FUZZ_CHECK(v->r >= 0 && v->r <= 1 + 1e-9 && v->p >= 0 && v->p <= 1 + 1e-9);
    FUZZ_CHECK(v->f >= 0 && v->f <= 1 + 1e-9);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    unsigned mode = data[0] & 7;
    eval_tokenizer **tp = &fuzz_eval_tokenizers[mode];
    if (!*tp) {
        eval_tokenize_options o;
        eval_tokenize_options_init(&o);
        o.normalize = !(mode & 1);
        o.stem = (mode >> 1) & 1;
        o.pretokenized = (mode >> 2) & 1;
        FUZZ_CHECK(eval_tokenizer_new(&o, tp) == 0);
    }
    eval_text_limits lim = {0, 0};
    if (data[0] & 0x08)
        lim.limit_words = (data[0] >> 4) + 1;
    else if (data[0] & 0x80)
        lim.limit_bytes = ((data[0] >> 4) & 7) * 8 + 1;

    const char *texts[FUZZ_EVAL_MAX_TEXTS];
    size_t lens[FUZZ_EVAL_MAX_TEXTS], n = 0, start = 1;
    for (size_t i = 1; i + 1 < size && n + 1 < FUZZ_EVAL_MAX_TEXTS; i++)
        if (data[i] == 0xff && data[i + 1] == 0xfe) {
            texts[n] = (const char *)data + start;
            lens[n++] = i - start;
            start = i + 2;
            i++;
        }
    texts[n] = (const char *)data + start;
    lens[n++] = size - start;

    vocab *v = NULL;
    FUZZ_CHECK(vocab_new(&v) == ARS_OK);
    eval_text t[FUZZ_EVAL_MAX_TEXTS];
    int ok = 1;
    for (size_t k = 0; k < n; k++) {
        eval_text_init(&t[k]);
        size_t walked = 0;
        int rc_walk = eval_tokenizer_each(*tp, texts[k], lens[k], fuzz_eval_count, &walked);
        size_t counted = eval_tokenizer_count(*tp, texts[k], lens[k]);
        FUZZ_CHECK(rc_walk == 0 || rc_walk == EILSEQ);
        FUZZ_CHECK(rc_walk ? counted == (size_t)-1 : counted == walked);
        int rc = eval_text_from_bytes(&t[k], *tp, v, texts[k], lens[k], &lim);
        FUZZ_CHECK(rc == 0 || rc == EILSEQ);
        if (rc) {
            ok = 0;
            continue;
        }
        if (lim.limit_words) FUZZ_CHECK(t[k].n_tokens <= lim.limit_words);
        if (!lim.limit_words && !lim.limit_bytes) FUZZ_CHECK(t[k].n_tokens <= walked);
        for (size_t s = 0; s < t[k].n_sents; s++)
            FUZZ_CHECK(t[k].sent_end[s] <= t[k].n_tokens &&
                       (s == 0 || t[k].sent_end[s - 1] <= t[k].sent_end[s]));
    }
    if (ok && n >= 2) {
        rouge_metric m[ROUGE_DEFAULT_METRICS + 4];
        size_t nm = eval_rouge_default_metrics(m);
        m[nm++] = eval_rouge_n(3);
        m[nm++] = eval_rouge_w(1.2);
        m[nm++] = eval_rouge_s(ROUGE_GAP_ANY, 0);
        m[nm++] = eval_rouge_s(0, 1);
        rouge_options o;
        eval_rouge_options_init(&o);
        o.pool = data[0] & 0x10 ? ROUGE_POOL_BEST : ROUGE_POOL_AVERAGE;
        o.jackknife = (data[0] & 0x20) != 0;
        rouge_prf a[ROUGE_DEFAULT_METRICS + 4], b[ROUGE_DEFAULT_METRICS + 4];
        FUZZ_CHECK(eval_rouge_score(&t[0], &t[1], n - 1, &o, m, nm, a) == 0);
        FUZZ_CHECK(eval_rouge_score(&t[0], &t[1], n - 1, &o, m, nm, b) == 0);
        for (size_t k = 0; k < nm; k++) {
            fuzz_eval_check_prf(&a[k]);
            FUZZ_CHECK(memcmp(&a[k], &b[k], sizeof a[k]) == 0);
        }
        /* A text against itself alone has recall 1 when it has a token. */
        rouge_prf self;
        FUZZ_CHECK(eval_rouge_metric(&t[0], &t[0], 1, &m[0], &o, &self, NULL) == 0);
        if (t[0].n_tokens) FUZZ_CHECK(fabs(self.r - 1.0) < 1e-9);
    }
    for (size_t k = 0; k < n; k++)
        eval_text_free(&t[k]);
    vocab_free(v);
    return 0;
}
