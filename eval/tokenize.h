/* tokenize.h - the evaluation harness's own, fixed tokenizer: ROUGE's yardstick must not move when
 * the summarizer's normaliser changes, so eval/ never calls summarize/text. Part of eval/, used by
 * text.c (ROUGE input) and main.c (word budgets of the baselines). */
#ifndef ARS_EVAL_TOKENIZE_H
#define ARS_EVAL_TOKENIZE_H

#include <stddef.h>

typedef struct {
    int normalize;    /* 1 (default): NFKC, harakat/tatweel removed, alef/yeh/teh marbuta folded,
                         Arabic-Indic digits to ASCII, lower-case. 0: tokens as written. */
    int stem;         /* 1: Snowball Arabic stemmer (libstemmer) on each token after normalising */
    int pretokenized; /* 1: tokens are the space-separated fields as given (no normalising) */
} eval_tokenize_options;

/* Fills *o with the defaults: normalize 1, stem 0, pretokenized 0. */
void eval_tokenize_options_init(eval_tokenize_options *o);

typedef struct eval_tokenizer eval_tokenizer;

/* Creates a tokenizer with a copy of *o. Returns 0, ENOMEM, or ENOENT when stemming is asked for
 * and libstemmer has no Arabic stemmer. *out is freed with eval_tokenizer_free (NULL-safe). */
int eval_tokenizer_new(const eval_tokenize_options *o, eval_tokenizer **out);
void eval_tokenizer_free(eval_tokenizer *t);

/* Called once per token with its bytes (borrowed: valid only during the call, not
 * NUL-terminated). A nonzero return stops the walk and is returned by eval_tokenizer_each. */
typedef int (*eval_token_fn)(void *user, const char *tok, size_t len);

/* Tokenizes the UTF-8 text [s, s+len): a token is a maximal run of code points of Unicode category
 * L*, M* or Nd (after normalising); everything else separates. Code points removed by the
 * normaliser (harakat, tatweel) do not split a token. Returns 0, EILSEQ when the text is not valid
 * UTF-8 (pretokenized mode does not check), ENOMEM, or the callback's nonzero value. */
int eval_tokenizer_each(eval_tokenizer *t, const char *s, size_t len, eval_token_fn fn, void *user);

/* Number of tokens in [s, s+len), or (size_t)-1 on error (invalid UTF-8, no memory). */
size_t eval_tokenizer_count(eval_tokenizer *t, const char *s, size_t len);

/* The normalising fold of one code point after NFKC: the replacement, or -1 when it is removed.
 * Exposed for tests. */
int eval_tokenize_fold(int cp);

#endif
