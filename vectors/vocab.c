/* vocab.c - term interning for vectors/: an open-addressing hash table (linear probing)
 * from byte strings to dense ids. The bytes live once in append-only chunks that never move, so
 * vocab_term pointers stay valid while the vocabulary grows; the rest of the pipeline compares
 * terms by id only. */
#include "vectors/vocab.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Strings are packed into chunks of this many bytes; a longer term gets a chunk of its own. */
#define VOCAB_CHUNK_BYTES ((size_t)64 * 1024)
#define VOCAB_MIN_SLOTS   ((size_t)64)
/* Largest number of terms: ids 0 .. UINT32_MAX-2, so that a slot can hold id+1 with 0 = empty. */
#define VOCAB_MAX_TERMS ((size_t)UINT32_MAX - 1)

typedef struct vocab_chunk {
    struct vocab_chunk *next;
    size_t used;
    size_t cap;
    char data[];
} vocab_chunk;

typedef struct {
    const char *s; /* NUL-terminated copy inside a chunk */
    size_t len;
    uint64_t hash; /* kept so that growth rehashes without touching the bytes */
} vocab_entry;

/* Bytes of a term kept in its slot. */
#define VOCAB_HEAD 16

/* A slot of the table: the term's hash, length, id + 1 (0: empty) and its first VOCAB_HEAD bytes
 * (zero-padded), so that a look-up of a term of up to VOCAB_HEAD bytes (most Arabic words) reads
 * one slot and nothing else: on a vocabulary of a few hundred thousand terms every other memory
 * access would be a cache miss. */
typedef struct {
    uint64_t hash;
    uint32_t id1;
    uint32_t len;
    uint64_t head[VOCAB_HEAD / 8];
} vocab_slot;

/* The n <= 8 bytes at s as one word, zero-padded: what memcpy into a zeroed uint64_t gives on a
 * little-endian machine, read with fixed-size loads (two overlapping ones from four bytes on)
 * rather than a memcpy of variable length, which costs a library call per term. Elsewhere only
 * the same bytes need to give the same word and different bytes of one length different words. */
static inline uint64_t vocab_load(const char *s, size_t n) {
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

/* The first VOCAB_HEAD bytes of s (len bytes), zero-padded, as a slot keeps them. */
static inline void vocab_head(const char *s, size_t len, uint64_t head[VOCAB_HEAD / 8]) {
    head[0] = vocab_load(s, len < 8 ? len : 8);
    head[1] = len <= 8 ? 0 : vocab_load(s + 8, len < VOCAB_HEAD ? len - 8 : 8);
}

struct vocab {
    vocab_slot *slots; /* the count is a power of two */
    size_t n_slots;
    vocab_entry *terms;
    size_t n_terms;
    size_t terms_cap;
    vocab_chunk *chunks; /* newest first: only the head has room to append */
};

/* MurmurHash3's 64-bit finaliser: every input bit reaches every output bit, so the low bits that
 * pick the slot and the high bits of the tag both depend on the whole term. */
static uint64_t vocab_mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 33);
}

static uint64_t vocab_hash(const char *s, size_t len) {
    /* Eight bytes at a time (terms are mostly 4-16 bytes of Arabic). Ids never depend on it. */
    uint64_t h = 0x9E3779B97F4A7C15u * ((uint64_t)len + 1);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = vocab_mix(h ^ w);
    }
    uint64_t w = len > i ? vocab_load(s + i, len - i) : 0; /* s may be NULL when len is 0 */
    return vocab_mix(h ^ w ^ ((uint64_t)(len - i) << 56));
}

ars_status vocab_new(vocab **out) {
    *out = NULL;
    vocab *v = calloc(1, sizeof *v);
    if (!v) return ARS_ENOMEM;
    v->slots = calloc(VOCAB_MIN_SLOTS, sizeof *v->slots);
    if (!v->slots) {
        free(v);
        return ARS_ENOMEM;
    }
    v->n_slots = VOCAB_MIN_SLOTS;
    *out = v;
    return ARS_OK;
}

void vocab_free(vocab *v) {
    if (!v) return;
    vocab_chunk *c = v->chunks;
    while (c) {
        vocab_chunk *next = c->next;
        free(c);
        c = next;
    }
    free(v->terms);
    free(v->slots);
    free(v);
}

/* Slot index holding s, or of the empty slot where it would go. The table is never full. */
static size_t vocab_probe(const vocab *v, const char *s, size_t len, uint64_t hash) {
    size_t mask = v->n_slots - 1;
    size_t i = (size_t)hash & mask;
    uint64_t head[VOCAB_HEAD / 8];
    vocab_head(s, len, head);
    for (;;) {
        const vocab_slot *slot = &v->slots[i];
        if (slot->id1 == 0) return i;
        if (slot->hash == hash && slot->len == len && slot->head[0] == head[0] &&
            slot->head[1] == head[1] &&
            (len <= VOCAB_HEAD ||
             memcmp(v->terms[slot->id1 - 1].s + VOCAB_HEAD, s + VOCAB_HEAD, len - VOCAB_HEAD) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

/* Doubles the slot table. On failure the old table is untouched. */
static ars_status vocab_grow_slots(vocab *v) {
    if (v->n_slots > SIZE_MAX / 2 / sizeof *v->slots) return ARS_ENOMEM;
    size_t n_slots = v->n_slots * 2;
    /* malloc and memset rather than calloc: a large calloc hands out pages of the shared zero page,
     * and the first write to each after a read (every probe reads) replaces it, which flushes the
     * TLB of every processor running the process: with the front end's threads that was a fifth
     * of their time. Writing first maps each page once. */
    vocab_slot *slots = malloc(n_slots * sizeof *slots);
    if (!slots) return ARS_ENOMEM;
    memset(slots, 0, n_slots * sizeof *slots);
    size_t mask = n_slots - 1;
    for (size_t id = 0; id < v->n_terms; id++) {
        size_t i = (size_t)v->terms[id].hash & mask;
        while (slots[i].id1 != 0)
            i = (i + 1) & mask;
        const vocab_entry *e = &v->terms[id];
        slots[i].hash = e->hash;
        slots[i].id1 = (uint32_t)(id + 1);
        slots[i].len = (uint32_t)e->len;
        vocab_head(e->s, e->len, slots[i].head);
    }
    free(v->slots);
    v->slots = slots;
    v->n_slots = n_slots;
    return ARS_OK;
}

static ars_status vocab_grow_terms(vocab *v) {
    size_t cap = v->terms_cap ? v->terms_cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof *v->terms) return ARS_ENOMEM;
    vocab_entry *terms = realloc(v->terms, cap * sizeof *terms);
    if (!terms) return ARS_ENOMEM;
    v->terms = terms;
    v->terms_cap = cap;
    return ARS_OK;
}

/* Room for len + 1 bytes in the head chunk, opening a new chunk if needed. */
static char *vocab_reserve_bytes(vocab *v, size_t len) {
    if (len == SIZE_MAX) return NULL;
    size_t need = len + 1;
    vocab_chunk *c = v->chunks;
    if (!c || c->cap - c->used < need) {
        size_t cap = need > VOCAB_CHUNK_BYTES ? need : VOCAB_CHUNK_BYTES;
        if (cap > SIZE_MAX - sizeof *c) return NULL;
        c = malloc(sizeof *c + cap);
        if (!c) return NULL;
        c->used = 0;
        c->cap = cap;
        /* A chunk opened for an oversized term goes second so that the head keeps its free room
         * for the short terms that make up almost all of a vocabulary. */
        if (v->chunks && cap > VOCAB_CHUNK_BYTES) {
            c->next = v->chunks->next;
            v->chunks->next = c;
        } else {
            c->next = v->chunks;
            v->chunks = c;
        }
    }
    char *p = c->data + c->used;
    c->used += need;
    return p;
}

/* gcc 12's -fanalyzer reports the grown slot table and the term chunk as leaked here: it does not
 * follow blocks linked into v->chunks or stored in v->slots. A false positive: vocab_free frees
 * both, and the out-of-memory test (tests/oom) counts every block. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
ars_status vocab_intern_hashed(vocab *v, const char *s, size_t len, uint64_t hash, uint32_t *id) {
    assert(v && id && (s || len == 0) && hash == vocab_hash(s, len));
    if (len > UINT32_MAX) return ARS_ELIMIT; /* a slot keeps the length in 32 bits */
    size_t i = vocab_probe(v, s, len, hash);
    if (v->slots[i].id1 != 0) {
        *id = v->slots[i].id1 - 1;
        return ARS_OK;
    }
    if (v->n_terms >= VOCAB_MAX_TERMS) return ARS_ELIMIT;

    /* Every allocation happens before the term is recorded, so a failure leaves the set of
     * terms as it was (a grown table or an unused chunk is invisible to the caller). */
    if ((v->n_terms + 1) * 4 > v->n_slots * 3) {
        if (vocab_grow_slots(v) != ARS_OK) return ARS_ENOMEM;
        i = vocab_probe(v, s, len, hash);
    }
    if (v->n_terms == v->terms_cap && vocab_grow_terms(v) != ARS_OK) return ARS_ENOMEM;
    char *copy = vocab_reserve_bytes(v, len);
    if (!copy) return ARS_ENOMEM;
    if (len) memcpy(copy, s, len);
    copy[len] = '\0';

    size_t new_id = v->n_terms++;
    v->terms[new_id] = (vocab_entry){.s = copy, .len = len, .hash = hash};
    v->slots[i].hash = hash;
    v->slots[i].id1 = (uint32_t)(new_id + 1);
    v->slots[i].len = (uint32_t)len;
    vocab_head(s, len, v->slots[i].head);
    *id = (uint32_t)new_id;
    return ARS_OK;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

ars_status vocab_intern(vocab *v, const char *s, size_t len, uint32_t *id) {
    return vocab_intern_hashed(v, s, len, vocab_hash(s, len), id);
}

uint64_t vocab_hash_bytes(const char *s, size_t len) {
    return vocab_hash(s, len);
}

void vocab_prefetch(const vocab *v, uint64_t hash) {
#if defined(__GNUC__)
    __builtin_prefetch(&v->slots[(size_t)hash & (v->n_slots - 1)]);
#else
    (void)v;
    (void)hash;
#endif
}

int vocab_find(const vocab *v, const char *s, size_t len, uint32_t *id) {
    assert(v && (s || len == 0));
    if (len > UINT32_MAX) return 0; /* never interned */
    size_t i = vocab_probe(v, s, len, vocab_hash(s, len));
    if (v->slots[i].id1 == 0) return 0;
    if (id) *id = v->slots[i].id1 - 1;
    return 1;
}

size_t vocab_size(const vocab *v) {
    assert(v);
    return v->n_terms;
}

const char *vocab_term(const vocab *v, uint32_t id, size_t *len) {
    assert(v && id < v->n_terms);
    if (len) *len = v->terms[id].len;
    return v->terms[id].s;
}
