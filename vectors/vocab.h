/* vocab.h - term interning: each distinct byte string gets a dense integer id, once.
 * First unit of vectors/ (knows nothing of Arabic or files). Ids are assigned 0,1,2,... in order
 * of first appearance, so the vocabulary is deterministic for a given input order. */
#ifndef ARS_VECTORS_VOCAB_H
#define ARS_VECTORS_VOCAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "summarize/summarize.h" /* ars_status: the one status type of every unit */

typedef struct vocab vocab;

/* New empty vocabulary in *out (NULL on failure). Returns ARS_OK or ARS_ENOMEM. Free with
 * vocab_free (NULL-safe). */
ars_status vocab_new(vocab **out);
void vocab_free(vocab *v);

/* Interns bytes [s, s+len) (need not be NUL-terminated; len may be 0). Stores the id in *id.
 * Returns ARS_OK, ARS_ENOMEM (the vocabulary is unchanged), or ARS_ELIMIT past 2^27 - 1 terms
 * (a slot of the table packs the id with the length); *id means nothing after a failure. The
 * bytes are copied. */
ars_status vocab_intern(vocab *v, const char *s, size_t len, uint32_t *id);

/* A term's look-up key: its hash and its first VOCAB_KEY_HEAD bytes as zero-padded words, which
 * is what a slot of the table keeps and compares. vocab_key_of is inline because the token cache
 * (summarize/analyze.c) makes one for every token of the text, and a batch of look-ups makes
 * every key and prefetches every slot (vocab_prefetch) before the first look-up, so that the
 * table's cache misses overlap instead of following one another. */
#define VOCAB_KEY_WORDS 3
#define VOCAB_KEY_HEAD  (8 * VOCAB_KEY_WORDS)
typedef struct {
    uint64_t hash;
    uint64_t head[VOCAB_KEY_WORDS];
} vocab_key;

/* The n <= 8 bytes at s as one word, zero-padded: what memcpy into a zeroed uint64_t gives on a
 * little-endian machine, read with fixed-size loads (two overlapping ones from four bytes on)
 * rather than a memcpy of variable length, which costs a library call. Elsewhere only the same
 * bytes need to give the same word and different bytes of one length different words. */
static inline uint64_t vocab_word(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 4) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return lo | (uint64_t)hi << (8 * (n - 4)); /* the overlap ORs equal bytes */
#else
        uint64_t w = 0;
        for (size_t k = 0; k < n; k++)
            w |= (uint64_t)u[k] << (8 * k);
        return w;
#endif
    }
    if (n == 0) return 0;
    return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) | (uint64_t)u[n - 1] << (8 * (n - 1));
}

/* The hash of a term longer than VOCAB_KEY_HEAD bytes goes on over its other bytes here. */
uint64_t vocab_hash_rest(uint64_t h, const char *s, size_t len);

/* The hash of a key's words (the head the caller filled in) and of len bytes at s. */
static inline uint64_t vocab_key_hash(const vocab_key *k, const char *s, size_t len) {
    /* Each word times its own odd constant, then a xor-shift-multiply finaliser (as in
     * splitmix64), so that the low bits that pick the slot depend on every byte. Ids never
     * depend on the hash. */
    uint64_t h = (k->head[0] * 0x9E3779B97F4A7C15u) ^ (k->head[1] * 0xC2B2AE3D27D4EB4Fu) ^
                 (k->head[2] * 0x165667B19E3779F9u) ^ ((uint64_t)len * 0x27D4EB2F165667C5u);
    if (len > VOCAB_KEY_HEAD) h = vocab_hash_rest(h, s + VOCAB_KEY_HEAD, len - VOCAB_KEY_HEAD);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9u;
    return h ^ (h >> 29);
}

/* The key of bytes [s, s+len) (s may be NULL when len is 0). */
static inline vocab_key vocab_key_of(const char *s, size_t len) {
    vocab_key k;
    for (size_t w = 0; w < VOCAB_KEY_WORDS; w++) {
        size_t at = 8 * w;
        k.head[w] = len <= at ? 0 : vocab_word(s + at, len - at < 8 ? len - at : 8);
    }
    k.hash = vocab_key_hash(&k, s, len);
    return k;
}

/* The same key, for bytes followed by at least VOCAB_KEY_HEAD readable bytes (a caller that pads
 * its buffer): whole words are loaded and the bytes past len masked off, with no branch on the
 * length, which costs vocab_key_of most of its time. */
static inline vocab_key vocab_key_of_padded(const char *s, size_t len) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* VOCAB_KEY_HEAD bytes 0xFF then as many zeros: read from VOCAB_KEY_HEAD - len on, they are
     * the mask of the term's bytes in its head. */
    _Static_assert(VOCAB_KEY_HEAD == 24, "one 0xFF below per byte of a head");
    static const unsigned char ones[2 * VOCAB_KEY_HEAD] = {
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    const unsigned char *m = ones + VOCAB_KEY_HEAD - (len < VOCAB_KEY_HEAD ? len : VOCAB_KEY_HEAD);
    vocab_key k;
    for (size_t w = 0; w < VOCAB_KEY_WORDS; w++) {
        uint64_t x, mask;
        memcpy(&x, s + 8 * w, 8);
        memcpy(&mask, m + 8 * w, 8);
        k.head[w] = x & mask;
    }
    k.hash = vocab_key_hash(&k, s, len);
    return k;
#else
    return vocab_key_of(s, len);
#endif
}

/* Asks for the slots of keys[0..n) to be brought into the cache (a hint: no effect on results). */
void vocab_prefetch(const vocab *v, const vocab_key *keys, size_t n);

/* The same as vocab_intern, for a caller that has the key of the bytes already (vocab_key_of). */
ars_status vocab_intern_key(vocab *v, const char *s, size_t len, const vocab_key *key,
                            uint32_t *id);

/* The same as vocab_intern_key, and *value gets where the term keeps a value for the caller (0
 * when this call added the term), to read or write: beside the term's key in the table, so a
 * look-up that hits has it at no extra cache miss (the token cache of summarize/analyze.c keeps
 * each distinct token's outcome there). The pointer is borrowed: valid until the next call that
 * adds a term to v (the table may move then), or vocab_free. */
ars_status vocab_intern_value(vocab *v, const char *s, size_t len, const vocab_key *key,
                              uint32_t *id, uint32_t **value);

/* Looks bytes up without adding; returns 1 and sets *id when present, else 0. */
int vocab_find(const vocab *v, const char *s, size_t len, uint32_t *id);

/* Number of terms. */
size_t vocab_size(const vocab *v);

/* The bytes of term id (NUL-terminated, borrowed: valid until vocab_free; interning more terms
 * does not move them). *len gets its length if len is not NULL. id must be < vocab_size. */
const char *vocab_term(const vocab *v, uint32_t id, size_t *len);

#endif
