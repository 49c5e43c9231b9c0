/* vocab.c - token interning for the evaluation harness: an open-addressing hash table (FNV-1a,
 * linear probing) over strings copied into large blocks. Part of eval/, below text.c. */
#include "eval/vocab.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define VOCAB_BLOCK_BYTES 65536

struct eval_vocab {
    uint32_t *slots; /* id + 1, 0 = empty */
    size_t n_slots;  /* power of two */
    char **strings;  /* by id, pointing into blocks */
    uint32_t *lens;
    uint64_t *hashes;
    size_t count, cap;
    char **blocks; /* string storage; strings never move once interned */
    size_t n_blocks, blocks_cap, block_used, block_size;
};

static uint64_t vocab_hash(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

eval_vocab *eval_vocab_new(void) {
    eval_vocab *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->n_slots = 1024;
    v->slots = calloc(v->n_slots, sizeof *v->slots);
    if (!v->slots) {
        free(v);
        return NULL;
    }
    return v;
}

void eval_vocab_free(eval_vocab *v) {
    if (!v) return;
    for (size_t i = 0; i < v->n_blocks; i++)
        free(v->blocks[i]);
    free(v->blocks);
    free(v->slots);
    free(v->strings);
    free(v->lens);
    free(v->hashes);
    free(v);
}

static int vocab_grow_slots(eval_vocab *v) {
    size_t n = v->n_slots * 2;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots) return ENOMEM;
    for (size_t id = 0; id < v->count; id++) {
        size_t i = (size_t)v->hashes[id] & (n - 1);
        while (slots[i])
            i = (i + 1) & (n - 1);
        slots[i] = (uint32_t)id + 1;
    }
    free(v->slots);
    v->slots = slots;
    v->n_slots = n;
    return 0;
}

/* Copies the string into block storage; long strings get a block of their own. */
static char *vocab_store(eval_vocab *v, const char *s, size_t len) {
    if (v->n_blocks == 0 || v->block_used + len + 1 > v->block_size) {
        if (v->n_blocks == v->blocks_cap) {
            size_t cap = v->blocks_cap ? v->blocks_cap * 2 : 16;
            char **b = realloc(v->blocks, cap * sizeof *b);
            if (!b) return NULL;
            v->blocks = b;
            v->blocks_cap = cap;
        }
        size_t size = len + 1 > VOCAB_BLOCK_BYTES ? len + 1 : VOCAB_BLOCK_BYTES;
        char *block = malloc(size);
        if (!block) return NULL;
        v->blocks[v->n_blocks++] = block;
        v->block_used = 0;
        v->block_size = size;
    }
    char *dst = v->blocks[v->n_blocks - 1] + v->block_used;
    memcpy(dst, s, len);
    dst[len] = '\0';
    v->block_used += len + 1;
    return dst;
}

int eval_vocab_intern(eval_vocab *v, const char *s, size_t len, uint32_t *id) {
    uint64_t h = vocab_hash(s, len);
    size_t mask = v->n_slots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t slot = v->slots[i];
        if (!slot) break;
        uint32_t cand = slot - 1;
        if (v->hashes[cand] == h && v->lens[cand] == len && memcmp(v->strings[cand], s, len) == 0) {
            *id = cand;
            return 0;
        }
    }
    if (v->count >= UINT32_MAX - 1 || len > UINT32_MAX) return EOVERFLOW;
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 256;
        char **strings = realloc(v->strings, cap * sizeof *strings);
        if (!strings) return ENOMEM;
        v->strings = strings;
        uint32_t *lens = realloc(v->lens, cap * sizeof *lens);
        if (!lens) return ENOMEM;
        v->lens = lens;
        uint64_t *hashes = realloc(v->hashes, cap * sizeof *hashes);
        if (!hashes) return ENOMEM;
        v->hashes = hashes;
        v->cap = cap;
    }
    /* Keep the load factor under one half so probes stay short. */
    if ((v->count + 1) * 2 > v->n_slots && vocab_grow_slots(v) != 0) return ENOMEM;
    char *copy = vocab_store(v, s, len);
    if (!copy) return ENOMEM;
    size_t new_id = v->count++;
    v->strings[new_id] = copy;
    v->lens[new_id] = (uint32_t)len;
    v->hashes[new_id] = h;
    mask = v->n_slots - 1;
    size_t i = (size_t)h & mask;
    while (v->slots[i])
        i = (i + 1) & mask;
    v->slots[i] = (uint32_t)new_id + 1;
    *id = (uint32_t)new_id;
    return 0;
}

size_t eval_vocab_size(const eval_vocab *v) {
    return v->count;
}

const char *eval_vocab_string(const eval_vocab *v, uint32_t id) {
    return id < v->count ? v->strings[id] : NULL;
}
