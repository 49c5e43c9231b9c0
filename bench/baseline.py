#!/usr/bin/env python3
"""baseline.py - the few lines of Python a user would write instead of `summarize`, for
bench/bench.py to time side by side with it: sentences split on . ! ? ؟ and line breaks,
scikit-learn TF-IDF over the sentences, their cosine matrix, networkx PageRank on that graph,
greedy MMR (lambda 0.7) up to 250 words. Debian packages python3-sklearn and python3-networkx.
Usage: baseline.py FILE... (prints the summary, one sentence per line)."""
import re
import sys

import networkx as nx
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

WORDS = 250
LAMBDA = 0.7


def sentences(text):
    for part in re.split(r"(?<=[.!?\u061f])\s+|\n+", text):
        part = part.strip()
        if len(part.split()) >= 4:
            yield part


def main():
    sents = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            sents.extend(sentences(f.read()))
    if not sents:
        sys.exit("baseline: no sentence")
    tfidf = TfidfVectorizer(sublinear_tf=True).fit_transform(sents)
    sim = cosine_similarity(tfidf)
    graph = nx.from_numpy_array(sim)
    rank = nx.pagerank(graph, alpha=0.85, tol=1e-6)
    best = max(rank.values())
    chosen, words = [], 0
    candidates = set(range(len(sents)))
    while candidates and words < WORDS:
        def mmr(i):
            redundancy = max((sim[i][j] for j in chosen), default=0.0)
            return LAMBDA * rank[i] / best - (1 - LAMBDA) * redundancy
        pick = max(sorted(candidates), key=mmr)
        candidates.discard(pick)
        n = len(sents[pick].split())
        if words + n > WORDS:
            continue
        chosen.append(pick)
        words += n
    for i in sorted(chosen):
        print(sents[i])


if __name__ == "__main__":
    main()
