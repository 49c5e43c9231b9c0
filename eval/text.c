/* text.c - reading summaries for ROUGE: lines to sentences, tokens to interned ids, and the
 * ROUGE-1.5.5 word/byte length limits applied at read time to system and reference summaries.
 * Part of eval/, between tokenize.c and rouge.c. */
#include "eval/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void eval_text_init(eval_text *out) {
    memset(out, 0, sizeof *out);
}

void eval_text_free(eval_text *t) {
    if (!t) return;
    free(t->tok);
    free(t->sent_end);
    eval_text_init(t);
}

typedef struct {
    eval_text *text;
    vocab *vocab;
    size_t max_tokens; /* stop after this many tokens in this sentence; 0 = all */
    size_t taken;
} text_sink;

enum { TEXT_STOP = -1 }; /* not an errno value: ends the token walk early */

static int text_take_token(void *user, const char *tok, size_t len) {
    text_sink *k = user;
    eval_text *t = k->text;
    if (k->max_tokens && k->taken == k->max_tokens) return TEXT_STOP;
    if (t->n_tokens == t->cap_tokens) {
        size_t cap = t->cap_tokens ? t->cap_tokens * 2 : 256;
        uint32_t *n = realloc(t->tok, cap * sizeof *n);
        if (!n) return ENOMEM;
        t->tok = n;
        t->cap_tokens = cap;
    }
    uint32_t id;
    ars_status st = vocab_intern(k->vocab, tok, len, &id);
    if (st != ARS_OK) return st == ARS_ENOMEM ? ENOMEM : EOVERFLOW; /* eval's errno codes */
    t->tok[t->n_tokens++] = id;
    k->taken++;
    return 0;
}

static int text_sentence(eval_text *out, eval_tokenizer *t, vocab *v, const char *s, size_t len,
                         size_t max_tokens) {
    if (out->n_sents == out->cap_sents) {
        size_t cap = out->cap_sents ? out->cap_sents * 2 : 32;
        size_t *n = realloc(out->sent_end, cap * sizeof *n);
        if (!n) return ENOMEM;
        out->sent_end = n;
        out->cap_sents = cap;
    }
    text_sink k = {out, v, max_tokens, 0};
    size_t before = out->n_tokens;
    int rc = eval_tokenizer_each(t, s, len, text_take_token, &k);
    if (rc == TEXT_STOP) rc = 0;
    if (rc) {
        out->n_tokens = before;
        return rc;
    }
    out->sent_end[out->n_sents++] = out->n_tokens;
    return 0;
}

int eval_text_add_sentence(eval_text *out, eval_tokenizer *t, vocab *v, const char *s, size_t len) {
    return text_sentence(out, t, v, s, len, 0);
}

int eval_text_from_bytes(eval_text *out, eval_tokenizer *t, vocab *v, const char *bytes, size_t len,
                         const eval_text_limits *lim) {
    size_t limit_words = lim ? lim->limit_words : 0;
    size_t limit_bytes = lim ? lim->limit_bytes : 0;
    size_t used = 0; /* words or bytes taken so far */
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(bytes + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - bytes) : len;
        const char *line = bytes + pos;
        size_t line_len = end - pos;
        pos = nl ? end + 1 : len;
        if (line_len > 0 && line[line_len - 1] == '\r') line_len--;
        if (line_len == 0) continue; /* ROUGE-1.5.5 skips empty lines */
        if (limit_bytes) {
            if (used + line_len < limit_bytes) {
                used += line_len;
            } else {
                size_t keep = limit_bytes - used;
                /* Never cut inside a UTF-8 sequence: back up to a lead byte. */
                while (keep > 0 && keep < line_len && ((unsigned char)line[keep] & 0xC0) == 0x80)
                    keep--;
                int rc = text_sentence(out, t, v, line, keep, 0);
                return rc;
            }
            int rc = text_sentence(out, t, v, line, line_len, 0);
            if (rc) return rc;
        } else if (limit_words) {
            size_t left = limit_words - used;
            size_t before = out->n_tokens;
            int rc = text_sentence(out, t, v, line, line_len, left);
            if (rc) return rc;
            used += out->n_tokens - before;
            if (used >= limit_words) return 0;
        } else {
            int rc = text_sentence(out, t, v, line, line_len, 0);
            if (rc) return rc;
        }
    }
    return 0;
}
