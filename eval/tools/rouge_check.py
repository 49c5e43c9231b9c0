#!/usr/bin/env python3
"""rouge_check.py - an independent ROUGE (Python standard library only) to cross-check summarize-eval.

Written separately from eval/rouge.c, from the ROUGE-1.5.5 description: the same tokenization
(NFKC; harakat U+064B-U+065F, U+0670 and tatweel removed; alef forms -> bare alef, alef maqsura ->
yeh, teh marbuta -> heh; Arabic-Indic digits -> ASCII; lower-case; tokens are maximal runs of
Unicode letters, marks and digits), -l word truncation of system and reference summaries, -f A
pooling, ROUGE-1/2, summary-level union LCS, ROUGE-SU4. Prints CSV rows like
`summarize-eval --format csv` (without intervals) and, with --against CSV, the largest difference.

usage: rouge_check.py --data DATASET -l WORDS DIR... [--against summarize-eval.csv]
"""
import argparse
import csv
import os
import sys
import unicodedata
from collections import Counter

FOLD = {0x0623: 0x0627, 0x0625: 0x0627, 0x0622: 0x0627, 0x0671: 0x0627, 0x0649: 0x064A, 0x0629: 0x0647}


def fold(ch):
    cp = ord(ch)
    if 0x064B <= cp <= 0x065F or cp == 0x0670 or cp == 0x0640:
        return ""
    if cp in FOLD:
        return chr(FOLD[cp])
    if 0x0660 <= cp <= 0x0669:
        return chr(ord("0") + cp - 0x0660)
    if 0x06F0 <= cp <= 0x06F9:
        return chr(ord("0") + cp - 0x06F0)
    return ch.lower() if len(ch.lower()) == 1 else ch


def tokens(line):
    out, cur = [], []
    for ch in unicodedata.normalize("NFKC", line):
        cat = unicodedata.category(ch)
        if cat[0] in "LM" or cat == "Nd":
            cur.append(fold(ch))
        else:
            if cur and "".join(cur):
                out.append("".join(cur))
            cur = []
    if cur and "".join(cur):
        out.append("".join(cur))
    return out


def read_summary(path, limit):
    """Sentences (non-empty lines) of tokens, cut after `limit` tokens in all (0 = no limit)."""
    with open(path, encoding="utf-8-sig") as f:
        lines = [l.rstrip("\r") for l in f.read().split("\n")]
    sents, used = [], 0
    for line in lines:
        if not line:
            continue
        toks = tokens(line)
        if limit and used + len(toks) >= limit:
            sents.append(toks[: limit - used])
            return sents
        sents.append(toks)
        used += len(toks)
    return sents


def grams(toks, kind):
    if kind == "rouge-1":
        return Counter(toks)
    if kind == "rouge-2":
        return Counter(zip(toks, toks[1:]))
    c = Counter()  # rouge-su4: unigrams of all but the last token, skip-bigrams with gap <= 4
    for i in range(len(toks) - 1):
        c[("u", toks[i])] += 1
        for j in range(i + 1, min(len(toks), i + 6)):
            c[(toks[i], toks[j])] += 1
    return c


def lcs_positions(x, y):
    """Positions in x of the LCS ROUGE-1.5.5 backtracks (diagonal on a match, else up if not smaller)."""
    m, n = len(x), len(y)
    c = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if x[i - 1] == y[j - 1]:
                c[i][j] = c[i - 1][j - 1] + 1
            else:
                c[i][j] = max(c[i - 1][j], c[i][j - 1])
    pos, i, j = set(), m, n
    while i and j:
        if x[i - 1] == y[j - 1]:
            i, j = i - 1, j - 1
            pos.add(i)
        elif c[i - 1][j] >= c[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pos


def score(peer, refs):
    flat = [t for s in peer for t in s]
    res = {}
    for kind in ("rouge-1", "rouge-2", "rouge-su4"):
        pg = grams(flat, kind)
        hit = model = peer_n = 0
        for ref in refs:
            rg = grams([t for s in ref for t in s], kind)
            hit += sum(min(v, pg[k]) for k, v in rg.items())
            model += sum(rg.values())
            peer_n += sum(pg.values())
        res[kind] = (hit, model, peer_n)
    hit = model = peer_n = 0
    for ref in refs:
        mcount = Counter(t for s in ref for t in s)
        pcount = Counter(flat)
        for sent in ref:
            model += len(sent)
            marked = set()
            for psent in peer:
                if sent and psent:
                    marked |= lcs_positions(sent, psent)
            for k in sorted(marked):
                tok = sent[k]
                if mcount[tok] > 0 and pcount[tok] > 0:
                    hit += 1
                    mcount[tok] -= 1
                    pcount[tok] -= 1
        peer_n += len(flat)
    res["rouge-l"] = (hit, model, peer_n)
    out = {}
    for kind, (h, mo, pe) in res.items():
        r = h / mo if mo else 0.0
        p = h / pe if pe else 0.0
        out[kind] = (r, p, 2 * r * p / (r + p) if r + p > 0 else 0.0)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("-l", "--words", type=int, default=0)
    ap.add_argument("--against")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    topics = sorted(t for t in os.listdir(a.data)
                    if not t.startswith(("_", ".")) and os.path.isdir(os.path.join(a.data, t)))
    refs = {}
    for t in topics:
        rd = os.path.join(a.data, t, "refs")
        refs[t] = [read_summary(os.path.join(rd, f), a.words) for f in sorted(os.listdir(rd)) if f.endswith(".txt")]
    rows = {}
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["system", "topic", "metric", "r", "p", "f"])
    for d in a.dirs:
        name = os.path.basename(os.path.normpath(d))
        sums = {m: [0.0, 0.0, 0.0] for m in ("rouge-1", "rouge-2", "rouge-l", "rouge-su4")}
        for t in topics:
            s = score(read_summary(os.path.join(d, t + ".txt"), a.words), refs[t])
            for m, v in s.items():
                rows[(name, t, m)] = v
                for k in range(3):
                    sums[m][k] += v[k] / len(topics)
        for m, v in sums.items():
            rows[(name, "avg", m)] = tuple(v)
    for (name, t, m), v in sorted(rows.items()):
        w.writerow([name, t, m] + ["%.6f" % x for x in v])
    if a.against:
        worst, n = 0.0, 0
        with open(a.against) as f:
            for row in csv.DictReader(f):
                key = (row["system"], row["topic"], row["metric"])
                if key not in rows:
                    continue
                n += 1
                for k, col in enumerate("rpf"):
                    worst = max(worst, abs(rows[key][k] - float(row[col])))
        print("compared %d rows with %s: largest difference %.3g" % (n, a.against, worst), file=sys.stderr)
        if n == 0 or worst > 1e-3:
            sys.exit(1)


if __name__ == "__main__":
    main()
