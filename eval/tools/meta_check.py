#!/usr/bin/env python3
"""meta_check.py - an independent check of `summarize-eval meta`: recomputes the system- and
summary-level Pearson, Spearman and Kendall tau-b of every metric in a `summarize-eval rouge
--format csv` file against a grades file, in exact arithmetic where it can (fractions), and compares
them with a `meta --format csv` file. Python standard library only; shares no code with the C.

Usage: python3 eval/tools/meta_check.py --grades GRADES.tsv --rouge ROUGE.csv --against META.csv
       [--column Grade]
Prints the largest difference; exits 1 when one exceeds 1e-4 or a row is missing. (The ROUGE CSV
rounds scores to 5 decimals, which moves a correlation by a few 1e-5.)
"""
import argparse
import csv
import itertools
import math
import sys
from fractions import Fraction


def pearson(x, y):
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return float(sxy) / math.sqrt(float(sxx) * float(syy))


def ranks(x):
    order = sorted(range(len(x)), key=lambda i: x[i])
    r = [0] * len(x)
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and x[order[j + 1]] == x[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = Fraction(i + j, 2) + 1
        i = j + 1
    return r


def kendall_b(x, y):
    n = len(x)
    conc = disc = tx = ty = 0
    for i, j in itertools.combinations(range(n), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        tx += dx == 0
        ty += dy == 0
        if dx == 0 or dy == 0:
            continue
        if (dx > 0) == (dy > 0):
            conc += 1
        else:
            disc += 1
    n0 = n * (n - 1) // 2
    den = (n0 - tx) * (n0 - ty)
    return None if den == 0 else (conc - disc) / math.sqrt(den)


COEFS = {"pearson": pearson, "spearman": lambda x, y: pearson(ranks(x), ranks(y)),
         "kendall": kendall_b}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--grades", required=True)
    ap.add_argument("--rouge", required=True)
    ap.add_argument("--against", required=True)
    ap.add_argument("--column", default="Grade")
    a = ap.parse_args()
    # Grades as exact fractions: tied means stay tied.
    sums = {}
    with open(a.grades, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            key = (row["Topic"], row["Peer"])
            s, n = sums.get(key, (Fraction(0), 0))
            sums[key] = (s + Fraction(row[a.column]), n + 1)
    human = {k: s / n for k, (s, n) in sums.items()}
    scores = {}
    with open(a.rouge, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["topic"] == "avg":
                continue
            for k in "rpf":
                name = "%s-%s" % (row["metric"], k)
                scores.setdefault(name, {})[(row["topic"], row["system"])] = Fraction(row[k])
    worst, compared = 0.0, 0
    with open(a.against, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            m = scores.get(row["metric"])
            if m is None:
                sys.exit("meta_check.py: %s is not in %s" % (row["metric"], a.rouge))
            topics = sorted({t for t, _ in m})
            systems = sorted({s for _, s in m})
            for name, fn in COEFS.items():
                if row["level"] == "system":
                    x = [sum(m[(t, s)] for t in topics) / len(topics) for s in systems]
                    y = [sum(human[(t, s)] for t in topics) / len(topics) for s in systems]
                    want = fn(x, y)
                else:
                    vals = [fn([m[(t, s)] for s in systems], [human[(t, s)] for s in systems])
                            for t in topics]
                    vals = [v for v in vals if v is not None]
                    want = sum(vals) / len(vals) if vals else None
                have = row[name]
                if want is None or have == "":
                    if (want is None) != (have == ""):
                        sys.exit("meta_check.py: %s %s %s: defined on one side only"
                                 % (row["metric"], row["level"], name))
                    continue
                worst = max(worst, abs(float(have) - want))
                compared += 1
    print("compared %d values with %s: largest difference %.3g" % (compared, a.against, worst))
    return 0 if worst <= 1e-4 and compared else 1


if __name__ == "__main__":
    sys.exit(main())
