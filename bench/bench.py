#!/usr/bin/env python3
"""bench.py - times `summarize` against the plain Python baseline (bench/baseline.py) on inputs of
10, 100, 1,000, 5,000 and all 14,692 articles of the ANT background corpus (bench/make_inputs.py),
and reports median wall time, CPU time (user + system, all threads), peak RSS, input MB, sentence
count, the speed ratio and the per-stage times `summarize --timings` prints. A benchmark, not a
test: it never fails on time. Run from the repository root after building build/:

    /usr/bin/python3 bench/bench.py [--runs 7] [--baseline-max 100] [--out bench/results]

It writes OUT/results.csv, OUT/stages.csv and OUT/table.md (the table of docs/BENCHMARKS.md);
bench/plot.gp draws OUT/results.csv. The machine is shared: the 1-minute load average is printed
with every size, and a size measured while another process kept a core busy should be run again."""
import argparse
import csv
import glob
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_inputs  # noqa: E402


def runstat_path(out):
    """bench/runstat.c, compiled once into OUT."""
    exe = os.path.join(out, "runstat")
    src = os.path.join(HERE, "runstat.c")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        subprocess.run(["cc", "-O2", "-o", exe, src], check=True)
    return exe


def run_timed(runstat, cmd):
    """Wall seconds, CPU seconds (user + system, all threads), peak RSS in MB and the standard
    error of one run, measured by bench/runstat.c."""
    p = subprocess.run([runstat] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    wall, cpu, rss, code = err[-1].split()
    if int(code) != 0:
        sys.exit("bench: %s failed (%s): %s" % (cmd[0], code, "\n".join(err[-5:])))
    return {"wall": float(wall), "cpu": float(cpu), "rss": int(rss) / 1024.0,
            "stderr": "\n".join(err[:-1])}


STAGE_RE = re.compile(r"^  (\S+)\s+([0-9.]+)\s+([0-9.]+)$")
FRONT_RE = re.compile(r"front end\s+([0-9.]+) MB/s")
HEAD_RE = re.compile(r"timings: (\d+) documents, (\d+) bytes, (\d+) sentences")


def parse_timings(text):
    stages, head = {}, None
    for line in text.splitlines():
        m = FRONT_RE.search(line)
        if m:
            stages["front_mbps"] = (float(m.group(1)), float(m.group(1)))
        m = HEAD_RE.search(line)
        if m:
            head = tuple(int(x) for x in m.groups())
        m = STAGE_RE.match(line)
        if m:
            stages[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return head, stages


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    root = os.path.dirname(HERE)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summarize", default=os.path.join(root, "build", "summarize"))
    ap.add_argument("--corpus", default=os.path.join(
        root, "..", "shared", "data", "ant_background", "ant_background.jsonl"))
    ap.add_argument("--inputs", default="/tmp/ars-bench-inputs")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--sizes", default="10,100,1000,5000,14692")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--baseline-runs", type=int, default=3)
    ap.add_argument("--baseline-max", type=int, default=100,
                    help="largest input (articles) the baseline is run on")
    ap.add_argument("--words", default="250")
    ap.add_argument("--extra", default="", help="more options for summarize")
    ap.add_argument("--sweep-sizes", default="10,100,300,1000",
                    help="sizes at which --threads 1 and 2 are compared (the switch-over)")
    ap.add_argument("--one-core-runs", type=int, default=5,
                    help="runs with --threads 1 on the largest input, for the front end's MB/s")
    args = ap.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    sys.argv = ["make_inputs.py", args.corpus, args.inputs] + [str(s) for s in sizes]
    make_inputs.main()
    os.makedirs(args.out, exist_ok=True)
    runstat = runstat_path(args.out)
    python = "/usr/bin/python3"
    rows, stage_rows = [], []
    for n in sizes:
        folder = os.path.join(args.inputs, "n%05d" % n)
        files = sorted(glob.glob(os.path.join(folder, "*.txt")))
        load = os.getloadavg()[0]
        cmd = [args.summarize, "--timings", "-w", args.words] + args.extra.split() + files
        runs = [run_timed(runstat, cmd) for _ in range(args.runs)]
        parsed = [parse_timings(r["stderr"]) for r in runs]
        head = parsed[0][0]
        mb = head[1] / 1e6
        row = {"articles": n, "mb": mb, "sentences": head[2],
               "wall": median([r["wall"] for r in runs]),
               "cpu": median([r["cpu"] for r in runs]),
               "rss": median([r["rss"] for r in runs]), "load": load,
               "baseline": float("nan"), "baseline_cpu": float("nan"),
               "baseline_rss": float("nan")}
        for stage in parsed[0][1]:
            stage_rows.append({"articles": n, "stage": stage,
                               "wall_ms": median([p[1][stage][0] for p in parsed]),
                               "cpu_ms": median([p[1][stage][1] for p in parsed])})
        if n <= args.baseline_max:
            bruns = [run_timed(runstat, [python, os.path.join(HERE, "baseline.py")] + files)
                     for _ in range(args.baseline_runs)]
            row["baseline"] = median([r["wall"] for r in bruns])
            row["baseline_cpu"] = median([r["cpu"] for r in bruns])
            row["baseline_rss"] = median([r["rss"] for r in bruns])
        row["ratio"] = row["baseline"] / row["wall"]
        rows.append(row)
        print("%6d articles %7.2f MB %7d sentences: summarize %8.1f ms wall %8.1f ms cpu %7.1f MB"
              "  baseline %8.1f ms  ratio %6.0f  (load %.2f)"
              % (n, mb, row["sentences"], 1e3 * row["wall"], 1e3 * row["cpu"], row["rss"],
                 1e3 * row["baseline"], row["ratio"], load), flush=True)

    # The front end on one core: --threads 1 on the largest input, pinned to one processor.
    one_core = None
    if args.one_core_runs > 0:
        n = sizes[-1]
        files = sorted(glob.glob(os.path.join(args.inputs, "n%05d" % n, "*.txt")))
        cmd = ["taskset", "-c", "0", args.summarize, "--threads", "1", "--timings", "-w",
               args.words] + files
        parsed = [parse_timings(run_timed(runstat, cmd)["stderr"])[1]
                  for _ in range(args.one_core_runs)]
        one_core = {st: median([p[st][0] for p in parsed]) for st in parsed[0]}
        print("front end on one core (%d articles, --threads 1, taskset -c 0): %.1f MB/s; "
              "read %.0f ms, clean %.0f ms, analyse %.0f ms (load %.2f)"
              % (n, one_core["front_mbps"], one_core["read"], one_core["clean"],
                 one_core["analyse"], os.getloadavg()[0]), flush=True)

    # Where a second thread starts to pay: --threads 1 against --threads 2.
    sweep = []
    if args.sweep_sizes:
        sweep_sizes = [int(x) for x in args.sweep_sizes.split(",")]
        sys.argv = ["make_inputs.py", args.corpus, args.inputs] + [str(x) for x in sweep_sizes]
        make_inputs.main()
        for n in sweep_sizes:
            files = sorted(glob.glob(os.path.join(args.inputs, "n%05d" % n, "*.txt")))
            mb = sum(os.path.getsize(f) for f in files) / 1e6
            walls = {}
            for t in ("1", "2"):
                cmd = [args.summarize, "--threads", t, "-w", args.words] + files
                walls[t] = median([run_timed(runstat, cmd)["wall"] for _ in range(args.runs)])
            sweep.append((n, mb, walls["1"], walls["2"]))
            print("threads %5d articles %.2f MB: one %.1f ms, two %.1f ms"
                  % (n, mb, 1e3 * walls["1"], 1e3 * walls["2"]), flush=True)

    fields = ["articles", "mb", "sentences", "wall", "cpu", "rss", "baseline", "baseline_cpu",
              "baseline_rss", "ratio", "load"]
    with open(os.path.join(args.out, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(args.out, "stages.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["articles", "stage", "wall_ms", "cpu_ms"])
        w.writeheader()
        w.writerows(stage_rows)

    def ms(x):
        return "—" if x != x else ("%.1f ms" % (1e3 * x) if x < 1 else "%.2f s" % x)

    lines = ["| articles | input MB | sentences | summarize wall | CPU | peak RSS | µs/sentence "
             "| baseline wall | baseline RSS | ratio |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append("| %d | %.2f | %d | %s | %s | %.0f MB | %.1f | %s | %s | %s |" % (
            r["articles"], r["mb"], r["sentences"], ms(r["wall"]), ms(r["cpu"]), r["rss"],
            1e6 * r["wall"] / r["sentences"], ms(r["baseline"]),
            "—" if r["baseline_rss"] != r["baseline_rss"] else "%.0f MB" % r["baseline_rss"],
            "—" if r["ratio"] != r["ratio"] else "%.0f×" % r["ratio"]))
    stages = []
    for s in stage_rows:
        if s["stage"] not in stages:
            stages.append(s["stage"])
    lines += ["", "| stage (wall ms) | " + " | ".join(str(n) for n in sizes) + " |",
              "|---|" + "---:|" * len(sizes)]
    for st in stages:
        if st == "front_mbps":
            continue
        cells = []
        for n in sizes:
            v = [s for s in stage_rows if s["articles"] == n and s["stage"] == st]
            cells.append("%.2f" % v[0]["wall_ms"] if v else "")
        lines.append("| %s | %s |" % (st, " | ".join(cells)))
    front = [s for s in stage_rows if s["stage"] == "front_mbps"]
    lines.append("| front end (MB/s) | %s |" % " | ".join("%.1f" % s["wall_ms"] for s in front))
    if one_core:
        lines += ["", "Front end on one core (%d articles, `--threads 1`, `taskset -c 0`): "
                  "%.1f MB/s (read %.0f ms, clean %.0f ms, analyse %.0f ms)."
                  % (sizes[-1], one_core["front_mbps"], one_core["read"], one_core["clean"],
                     one_core["analyse"])]
    if sweep:
        lines += ["", "| articles | input MB | `--threads 1` | `--threads 2` |", "|---:|---:|---:|---:|"]
        for n, mb, one, two in sweep:
            lines.append("| %d | %.2f | %s | %s |" % (n, mb, ms(one), ms(two)))
    with open(os.path.join(args.out, "table.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
