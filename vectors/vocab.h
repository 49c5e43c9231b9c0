/* vocab.h - term interning: each distinct byte string gets a dense integer id, once.
 * First unit of vectors/ (knows nothing of Arabic or files). Ids are assigned 0,1,2,... in order
 * of first appearance, so the vocabulary is deterministic for a given input order. */
#ifndef ARS_VECTORS_VOCAB_H
#define ARS_VECTORS_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/summarize.h" /* ars_status: the one status type of every unit */

typedef struct vocab vocab;

/* New empty vocabulary in *out (NULL on failure). Returns ARS_OK or ARS_ENOMEM. Free with
 * vocab_free (NULL-safe). */
ars_status vocab_new(vocab **out);
void vocab_free(vocab *v);

/* Interns bytes [s, s+len) (need not be NUL-terminated; len may be 0). Stores the id in *id.
 * Returns ARS_OK, ARS_ENOMEM (the vocabulary is unchanged), or ARS_ELIMIT past UINT32_MAX-1
 * terms or for a term longer than UINT32_MAX bytes. The bytes are copied. */
ars_status vocab_intern(vocab *v, const char *s, size_t len, uint32_t *id);

/* The same as vocab_intern, for a caller that has the hash of the bytes already
 * (vocab_hash_bytes): a batch of look-ups can hash and vocab_prefetch every term first, so that
 * the table's cache misses overlap instead of following one another. */
uint64_t vocab_hash_bytes(const char *s, size_t len);
void vocab_prefetch(const vocab *v, uint64_t hash);
ars_status vocab_intern_hashed(vocab *v, const char *s, size_t len, uint64_t hash, uint32_t *id);

/* Looks bytes up without adding; returns 1 and sets *id when present, else 0. */
int vocab_find(const vocab *v, const char *s, size_t len, uint32_t *id);

/* Number of terms. */
size_t vocab_size(const vocab *v);

/* The bytes of term id (NUL-terminated, borrowed: valid until vocab_free; interning more terms
 * does not move them). *len gets its length if len is not NULL. id must be < vocab_size. */
const char *vocab_term(const vocab *v, uint32_t id, size_t *len);

#endif
