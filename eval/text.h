/* text.h - a summary as ROUGE sees it: sentences (one per non-empty line) of interned token ids,
 * after the length limit. Part of eval/, between tokenize.c and rouge.c. */
#ifndef ARS_EVAL_TEXT_H
#define ARS_EVAL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "eval/tokenize.h"
#include "vectors/vocab.h"

typedef struct {
    uint32_t *tok; /* n_tokens ids, all sentences in order (one stream for n-grams) */
    size_t n_tokens;
    size_t *sent_end; /* sentence i is tok[i ? sent_end[i-1] : 0, sent_end[i]) */
    size_t n_sents;
    size_t cap_tokens, cap_sents;
} eval_text;

/* Length limits applied as ROUGE-1.5.5 -l / -b apply them when a summary (system or reference) is
 * read: lines are taken in order; with a word limit, the line that reaches it is cut after the
 * limit's last word (words = tokens of this tokenizer); with a byte limit, line bytes (without the
 * newline) are summed and the line that reaches it is cut at that byte, moved back to a UTF-8
 * character boundary. 0 = no limit. At most one of the two may be nonzero. */
typedef struct {
    size_t limit_words;
    size_t limit_bytes;
} eval_text_limits;

/* Resets *out to empty (no allocation). */
void eval_text_init(eval_text *out);
void eval_text_free(eval_text *t);

/* Appends one sentence of tokens from UTF-8 [s, s+len) to *out (an empty sentence is kept: ROUGE-L
 * needs no special case for it). Returns 0, EILSEQ (invalid UTF-8), ENOMEM, EOVERFLOW. */
int eval_text_add_sentence(eval_text *out, eval_tokenizer *t, vocab *v, const char *s, size_t len);

/* Fills *out (which must be empty) from a whole file's bytes, one sentence per non-empty line,
 * with the limits applied. Returns as above; on failure *out keeps what it had read. */
int eval_text_from_bytes(eval_text *out, eval_tokenizer *t, vocab *v, const char *bytes, size_t len,
                         const eval_text_limits *lim);

#endif
