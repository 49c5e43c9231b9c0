#!/usr/bin/env python3
"""make_inputs.py - builds the benchmark inputs from the ANT background corpus (one JSONL file):
folders of .txt articles (title line, blank line, body) holding 10, 100, 1000, 5000 and all
articles. Articles are taken in SHA-1 order of their id, so every size mixes the five outlets and
each input is a prefix of the next. Usage: make_inputs.py CORPUS.jsonl OUTDIR [SIZE...]"""
import hashlib
import json
import os
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, outdir = sys.argv[1], sys.argv[2]
    with open(corpus, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    docs.sort(key=lambda d: hashlib.sha1(d["id"].encode("utf-8")).hexdigest())
    sizes = [int(s) for s in sys.argv[3:]] or [10, 100, 1000, 5000, len(docs)]
    for n in sizes:
        n = min(n, len(docs))
        folder = os.path.join(outdir, "n%05d" % n)
        if os.path.isdir(folder) and len(os.listdir(folder)) == n:
            continue
        os.makedirs(folder, exist_ok=True)
        for i, d in enumerate(docs[:n]):
            path = os.path.join(folder, "a%05d.txt" % i)
            with open(path, "w", encoding="utf-8") as out:
                out.write(d["title"].strip() + "\n\n" + d["text"].strip() + "\n")
        print(folder, n)


if __name__ == "__main__":
    main()
