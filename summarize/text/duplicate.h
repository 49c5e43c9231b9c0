/* duplicate.h - part of pipeline stage 2 (clean): documents that repeat earlier documents of the
 * run, found by their word sequences rather than their lines, so that the same article scraped
 * twice with different site chrome or wrapped at a different width counts once instead of having
 * every line dropped as "repeated" in both copies. Called by clean.c. */
#ifndef ARS_TEXT_DUPLICATE_H
#define ARS_TEXT_DUPLICATE_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/common/swar.h"
#include "summarize/summarize.h"
#include "summarize/text/clean.h"

/* Share of a document's word 5-grams (sampled by winnowing) that must occur in earlier documents
 * for it to be a repeat. Distinct articles on one story share far less (measured on the MultiLing
 * clusters: docs/ARCHITECTURE.md). */
#define DUPLICATE_SHARE 0.8

/* Words per shingle and shingles per winnowing window: a run of DUPLICATE_WORDS +
 * DUPLICATE_WINDOW - 1 = 8 words shared by two documents always shares a fingerprint. */
#define DUPLICATE_WORDS  5
#define DUPLICATE_WINDOW 4

/* Goes through the documents in order and sets dup[d] to 1 when at least DUPLICATE_SHARE of
 * document d's fingerprints occur in earlier documents that are not repeats themselves. Words are
 * runs of letters, marks and digits of the body (docs[d].text[body_start..len)), so line breaks,
 * spacing and punctuation do not matter. dup (n_docs entries) may hold 1 already for documents
 * known to be repeats: they are left as they are and not indexed. A document with fewer than
 * DUPLICATE_WORDS words is never a repeat here. Returns ARS_OK, ARS_ENOMEM or ARS_ELIMIT
 * (UINT32_MAX documents or more); dup is unchanged unless ARS_OK. */
ars_status duplicate_mark(const clean_doc *docs, size_t n_docs, unsigned char *dup);

/* The same decision from the documents' word hashes (words[d]: n_words[d] of them, in order), as
 * clean.c collects them while it measures the lines (duplicate_word_hash over each word). */
ars_status duplicate_mark_words(const uint64_t *const *words, const size_t *n_words, size_t n_docs,
                                unsigned char *dup);

/* The same decision from the documents' fingerprints (duplicate_fingerprints of their word
 * hashes: fp[d], n_fp[d] of them; fp[d] may be NULL when n_fp[d] is 0), as clean.c makes them
 * document by document; those of documents with dup[d] set already are not read. */
ars_status duplicate_mark_fingerprints(const uint64_t *const *fp, const size_t *n_fp, size_t n_docs,
                                       unsigned char *dup);

/* The word hashes of one document's body as duplicate_mark reads them, into *words (grown as
 * needed; *cap is its room, 0 with *words NULL at first). Returns ARS_OK or ARS_ENOMEM. */
ars_status duplicate_text_words(const clean_doc *doc, uint64_t **words, size_t *n_words,
                                size_t *cap);

/* The fingerprints of a document from its word hashes (n_words of them) into fp (room for
 * n_words), returned in number (0 with fewer than DUPLICATE_WORDS words): the hash of every run of
 * DUPLICATE_WORDS words (FNV-1a over the word hashes, then duplicate_hash_mix), winnowed
 * (duplicate_winnow), computed and winnowed in one pass. */
size_t duplicate_fingerprints(const uint64_t *words, size_t n_words, uint64_t *fp);

/* Winnowing: the smallest of every DUPLICATE_WINDOW consecutive shingle hashes of sh (n_sh of
 * them; one window of all when fewer), the rightmost of equal minima, each position taken once,
 * written in order to fp (room for n_sh; may be sh itself). Returns how many. */
size_t duplicate_winnow(const uint64_t *sh, size_t n_sh, uint64_t *fp);

/* A word's hash: its bytes t[start..end) (start < end) eight at a time, the last block masked
 * to the word's bytes and its length mixed in, then a finaliser that spreads every input bit over
 * the result (duplicate_hash_mix). A word is hashed once, at its end, as one piece: clean.c and
 * duplicate.c both call this, so they agree by construction on the hash and only need to agree on
 * where words start and end. Reads only t[0..end): the last block is loaded as the eight bytes
 * that end the word (t[end-8..end)) when they lie in the text, so t must be the start of the
 * buffer (or at least eight bytes before start must be readable, which is the same when
 * start >= 8). */
static inline uint64_t duplicate_hash_mix(uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebu;
    return h ^ (h >> 31);
}

static inline uint64_t duplicate_word_hash(const unsigned char *t, size_t start, size_t end) {
    const uint64_t m = 0x9e3779b97f4a7c15u; /* odd: the multiply is a bijection */
    size_t len = end - start;
    uint64_t h = (uint64_t)len * m;
    size_t i = start;
    for (; i + 8 <= end; i += 8) {
        h = (h ^ swar_load(t + i)) * m;
        h ^= h >> 32;
    }
    if (i < end) {
        size_t rest = end - i; /* 1..7 */
        uint64_t v;
        if (end >= 8) {
            v = swar_load(t + end - 8) >> (8 * (8 - rest));
        } else {
            v = 0; /* a short word at the very start of the text */
            for (size_t k = 0; k < rest; k++)
                v |= (uint64_t)t[i + k] << (8 * k);
        }
        h = (h ^ v) * m;
        h ^= h >> 32;
    }
    return duplicate_hash_mix(h);
}

#endif
