/* duplicate.h - part of pipeline stage 2 (clean): documents that repeat earlier documents of the
 * run, found by their word sequences rather than their lines, so that the same article scraped
 * twice with different site chrome or wrapped at a different width counts once instead of having
 * every line dropped as "repeated" in both copies. Called by clean.c. */
#ifndef ARS_TEXT_DUPLICATE_H
#define ARS_TEXT_DUPLICATE_H

#include <stddef.h>
#include <stdint.h>

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
 * clean.c collects them while it measures the lines (duplicate_word_hash_byte over each word's
 * bytes, from DUPLICATE_WORD_HASH_START). */
ars_status duplicate_mark_words(const uint64_t *const *words, const size_t *n_words, size_t n_docs,
                                unsigned char *dup);

/* The word hashes of one document's body as duplicate_mark reads them, into *words (grown as
 * needed; *cap is its room, 0 with *words NULL at first). Returns ARS_OK or ARS_ENOMEM. */
ars_status duplicate_text_words(const clean_doc *doc, uint64_t **words, size_t *n_words,
                                size_t *cap);

/* Winnowing: the smallest of every DUPLICATE_WINDOW consecutive shingle hashes of sh (n_sh of
 * them; one window of all when fewer), the rightmost of equal minima, each position taken once,
 * written in order to fp (room for n_sh; may be sh itself). Returns how many. */
size_t duplicate_winnow(const uint64_t *sh, size_t n_sh, uint64_t *fp);

/* A word's hash: FNV-1a over its bytes. */
#define DUPLICATE_WORD_HASH_START ((uint64_t)1469598103934665603u)
static inline uint64_t duplicate_word_hash_byte(uint64_t h, unsigned char b) {
    return (h ^ b) * (uint64_t)1099511628211u;
}

#endif
