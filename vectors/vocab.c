/* vocab.c - term interning for vectors/: an open-addressing hash table (linear probing)
 * from byte strings to dense ids. The bytes live once in append-only chunks that never move, so
 * vocab_term pointers stay valid while the vocabulary grows; the rest of the pipeline compares
 * terms by id only. */
#include "vectors/vocab.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "vectors/hugemem.h"

/* Strings are packed into chunks of this many bytes; a longer term gets a chunk of its own. */
#define VOCAB_CHUNK_BYTES ((size_t)64 * 1024)
#define VOCAB_MIN_SLOTS   ((size_t)64)
/* A slot keeps id + 1 (0: empty) in the low VOCAB_ID_BITS bits of a word and the term's length in
 * the bits above (VOCAB_LONG for every term longer than VOCAB_KEY_HEAD bytes), so that the 32
 * bytes of a slot have room for the caller's value (vocab_intern_value). Largest number of terms:
 * ids 0 .. 2^27 - 2, over a hundred million terms, far beyond what the pipeline's memory allows. */
#define VOCAB_ID_BITS   27
#define VOCAB_ID_MASK   (((uint32_t)1 << VOCAB_ID_BITS) - 1)
#define VOCAB_LONG      ((uint32_t)VOCAB_KEY_HEAD + 1)
#define VOCAB_MAX_TERMS ((size_t)VOCAB_ID_MASK)
_Static_assert(VOCAB_LONG < ((uint32_t)1 << (32 - VOCAB_ID_BITS)), "the length code fits");

#if defined(__GNUC__)
#define VOCAB_NOINLINE __attribute__((noinline))
#else
#define VOCAB_NOINLINE
#endif

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

/* A slot of the table: a term's first VOCAB_KEY_HEAD bytes (zero-padded words, as in its key),
 * its length code and id + 1 in one word (0: empty), and the caller's value for the term, 32
 * bytes, two to a cache line. A look-up of a term of up to
 * VOCAB_KEY_HEAD bytes (all but a few Arabic words in a thousand) reads one slot and nothing else:
 * on a vocabulary of a few hundred thousand terms every other memory access would be a cache
 * miss. The hash is not kept: for such a term equal words and length are equality, and growth
 * rehashes from the term list. The value is there for the same reason: the token cache
 * (summarize/analyze.c) keeps what each token became in it, which a hit then reads from the line
 * it has already instead of from a second array at random. */
typedef struct {
    uint64_t head[VOCAB_KEY_WORDS];
    uint32_t len_id1; /* length code << VOCAB_ID_BITS | (id + 1); 0: empty */
    uint32_t value;
} vocab_slot;

static inline uint32_t vocab_len_code(size_t len) {
    return len > VOCAB_KEY_HEAD ? VOCAB_LONG : (uint32_t)len;
}
static inline uint32_t vocab_slot_id1(const vocab_slot *slot) {
    return slot->len_id1 & VOCAB_ID_MASK;
}

struct vocab {
    vocab_slot *slots; /* the count is a power of two */
    size_t n_slots;
    vocab_entry *terms;
    size_t n_terms;
    size_t terms_cap;
    vocab_chunk *chunks; /* newest first: only the head has room to append */
};

/* MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
static uint64_t vocab_mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 33);
}

uint64_t vocab_hash_rest(uint64_t h, const char *s, size_t len) {
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        h = vocab_mix(h ^ vocab_word(s + i, 8));
    return vocab_mix(h ^ vocab_word(s + i, len - i) ^ ((uint64_t)(len - i) << 56));
}

ars_status vocab_new(vocab **out) {
    *out = NULL;
    vocab *v = calloc(1, sizeof *v);
    if (!v) return ARS_ENOMEM;
    v->slots = hugemem_zalloc(VOCAB_MIN_SLOTS * sizeof *v->slots);
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
    hugemem_free(v->slots, v->n_slots * sizeof *v->slots);
    free(v);
}

/* A term's first slot: the first of the cache line its hash falls in (tables are aligned on
 * lines). Probing goes on linearly from there, so a look-up that needs a second probe finds it in
 * the line it has (and vocab_prefetch asked for); started anywhere in a line, a second probe
 * crossed into the next line half the time, and a third of the misses of the token cache's
 * look-ups were there. Asking for the next line as well did not measurably pay. */
#define VOCAB_LINE_SLOTS ((size_t)(64 / sizeof(vocab_slot)))
_Static_assert(64 % sizeof(vocab_slot) == 0 && VOCAB_MIN_SLOTS % VOCAB_LINE_SLOTS == 0,
               "whole slots to a line, whole lines to a table");
static inline size_t vocab_home(uint64_t hash, size_t mask) {
    return (size_t)hash & mask & ~(VOCAB_LINE_SLOTS - 1);
}

/* Does slot hold the term [s, s+len) of key k? */
static inline int vocab_slot_holds(const vocab *v, const vocab_slot *slot, const char *s,
                                   size_t len, const vocab_key *k) {
    if (slot->head[0] != k->head[0] || slot->head[1] != k->head[1] || slot->head[2] != k->head[2] ||
        slot->len_id1 >> VOCAB_ID_BITS != vocab_len_code(len))
        return 0;
    if (len <= VOCAB_KEY_HEAD) return 1;
    const vocab_entry *e = &v->terms[vocab_slot_id1(slot) - 1];
    return e->len == len &&
           memcmp(e->s + VOCAB_KEY_HEAD, s + VOCAB_KEY_HEAD, len - VOCAB_KEY_HEAD) == 0;
}

/* Slot index holding s, or of the empty slot where it would go. The table is never full. */
static inline size_t vocab_probe(const vocab *v, const char *s, size_t len, const vocab_key *k) {
    size_t mask = v->n_slots - 1;
    size_t i = vocab_home(k->hash, mask);
    for (;;) {
        const vocab_slot *slot = &v->slots[i];
        if (slot->len_id1 == 0 || vocab_slot_holds(v, slot, s, len, k)) return i;
        i = (i + 1) & mask;
    }
}

/* Doubles the slot table. On failure the old table is untouched. */
static ars_status vocab_grow_slots(vocab *v) {
    if (v->n_slots > SIZE_MAX / 2 / sizeof *v->slots) return ARS_ENOMEM;
    size_t n_slots = v->n_slots * 2;
    /* Not calloc: hugemem writes every page before a probe reads it, and maps a large table on
     * huge pages (a look-up of a rare token reads one slot at random in megabytes). */
    vocab_slot *slots = hugemem_zalloc(n_slots * sizeof *slots);
    if (!slots) return ARS_ENOMEM;
    size_t mask = n_slots - 1;
    /* Each term moves with its head; only its hash is read from the term list. */
    for (size_t j = 0; j < v->n_slots; j++) {
        const vocab_slot *old = &v->slots[j];
        if (old->len_id1 == 0) continue;
        size_t i = vocab_home(v->terms[vocab_slot_id1(old) - 1].hash, mask);
        while (slots[i].len_id1 != 0)
            i = (i + 1) & mask;
        slots[i] = *old;
    }
    hugemem_free(v->slots, v->n_slots * sizeof *v->slots);
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
/* The miss path of vocab_intern_value: adds the term whose empty slot is i, as id n_terms (the
 * caller has stored that), and points *value at its value. Kept out of line so that the hit
 * path, nearly every look-up of the token cache, stays a few instructions and saves no
 * registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static ars_status
vocab_add(vocab *v, const char *s, size_t len, const vocab_key *k, size_t i, uint32_t **value) {
    if (v->n_terms >= VOCAB_MAX_TERMS) return ARS_ELIMIT;

    /* Every allocation happens before the term is recorded, so a failure leaves the set of
     * terms as it was (a grown table or an unused chunk is invisible to the caller). */
    if ((v->n_terms + 1) * 4 > v->n_slots * 3) {
        if (vocab_grow_slots(v) != ARS_OK) return ARS_ENOMEM;
        i = vocab_probe(v, s, len, k);
    }
    if (v->n_terms == v->terms_cap && vocab_grow_terms(v) != ARS_OK) return ARS_ENOMEM;
    char *copy = vocab_reserve_bytes(v, len);
    if (!copy) return ARS_ENOMEM;
    if (len) memcpy(copy, s, len);
    copy[len] = '\0';

    size_t new_id = v->n_terms++;
    v->terms[new_id] = (vocab_entry){.s = copy, .len = len, .hash = k->hash};
    memcpy(v->slots[i].head, k->head, sizeof k->head);
    v->slots[i].len_id1 = vocab_len_code(len) << VOCAB_ID_BITS | (uint32_t)(new_id + 1);
    v->slots[i].value = 0;
    *value = &v->slots[i].value;
    return ARS_OK;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

/* vocab_intern_value for a term longer than a slot's head, whose equality needs its other
 * bytes. */
VOCAB_NOINLINE static ars_status vocab_intern_long(vocab *v, const char *s, size_t len,
                                                   const vocab_key *key, uint32_t *id,
                                                   uint32_t **value) {
    size_t i = vocab_probe(v, s, len, key);
    if (v->slots[i].len_id1 != 0) {
        *id = vocab_slot_id1(&v->slots[i]) - 1;
        *value = &v->slots[i].value;
        return ARS_OK;
    }
    *id = (uint32_t)v->n_terms; /* the id it gets if it is added */
    return vocab_add(v, s, len, key, i, value);
}

ars_status vocab_intern_value(vocab *v, const char *s, size_t len, const vocab_key *key,
                              uint32_t *id, uint32_t **value) {
    assert(v && key && id && value && (s || len == 0));
    /* The hit path calls nothing (the other two are tail calls), so it saves no registers. */
    if (len > VOCAB_KEY_HEAD) return vocab_intern_long(v, s, len, key, id, value);
    size_t mask = v->n_slots - 1;
    /* The slot's word less the length code is id + 1, below 2^VOCAB_ID_BITS, exactly when the
     * length matches: one subtraction checks the length and gives the id. */
    uint32_t code = (uint32_t)len << VOCAB_ID_BITS;
    for (size_t i = vocab_home(key->hash, mask);; i = (i + 1) & mask) {
        vocab_slot *slot = &v->slots[i];
        if (slot->len_id1 == 0) {
            /* Six arguments, so that the call stays a jump: the id is set here, before the add,
             * and means nothing if it fails. */
            *id = (uint32_t)v->n_terms;
            return vocab_add(v, s, len, key, i, value);
        }
        uint32_t id1 = slot->len_id1 - code;
        if (slot->head[0] == key->head[0] && slot->head[1] == key->head[1] &&
            slot->head[2] == key->head[2] && id1 <= VOCAB_ID_MASK) {
            *id = id1 - 1;
            *value = &slot->value;
            return ARS_OK;
        }
    }
}

ars_status vocab_intern_key(vocab *v, const char *s, size_t len, const vocab_key *key,
                            uint32_t *id) {
    uint32_t *value;
    return vocab_intern_value(v, s, len, key, id, &value);
}

ars_status vocab_intern(vocab *v, const char *s, size_t len, uint32_t *id) {
    vocab_key k = vocab_key_of(s, len);
    return vocab_intern_key(v, s, len, &k, id);
}

void vocab_prefetch(const vocab *v, const vocab_key *keys, size_t n) {
#if defined(__GNUC__)
    size_t mask = v->n_slots - 1;
    for (size_t k = 0; k < n; k++)
        __builtin_prefetch(&v->slots[vocab_home(keys[k].hash, mask)]);
#else
    (void)v;
    (void)keys;
    (void)n;
#endif
}

int vocab_find(const vocab *v, const char *s, size_t len, uint32_t *id) {
    assert(v && (s || len == 0));
    vocab_key k = vocab_key_of(s, len);
    size_t i = vocab_probe(v, s, len, &k);
    if (v->slots[i].len_id1 == 0) return 0;
    if (id) *id = vocab_slot_id1(&v->slots[i]) - 1;
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
