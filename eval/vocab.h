/* vocab.h - interning of evaluation tokens: each distinct token string gets a dense uint32 id, so
 * the ROUGE scorer compares integers. Part of eval/, used by text.c; knows nothing of Arabic. */
#ifndef ARS_EVAL_VOCAB_H
#define ARS_EVAL_VOCAB_H

#include <stddef.h>
#include <stdint.h>

typedef struct eval_vocab eval_vocab;

/* Creates an empty vocabulary; NULL when out of memory. Free with eval_vocab_free (NULL-safe). */
eval_vocab *eval_vocab_new(void);
void eval_vocab_free(eval_vocab *v);

/* Interns the bytes [s, s+len) (copied) and stores its id in *id: the same bytes always give the
 * same id, ids are given in order of first appearance from 0. Returns 0 or ENOMEM (or EOVERFLOW
 * past UINT32_MAX-1 distinct tokens). */
int eval_vocab_intern(eval_vocab *v, const char *s, size_t len, uint32_t *id);

/* Number of distinct tokens; the string of an id (borrowed, NUL-terminated, valid until freed). */
size_t eval_vocab_size(const eval_vocab *v);
const char *eval_vocab_string(const eval_vocab *v, uint32_t id);

#endif
