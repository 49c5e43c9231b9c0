#!/bin/sh
# ab_front.sh - compares the front end of several builds of summarize on one core: the builds run
# in turn, round after round (so a slow spell of a shared machine falls on all of them alike), each
# `summarize --threads 1 --timings` over the same input, and the median of every stage is printed
# per build, with the front end (read + clean + analyse) in ms and MB/s.
#
#   sh bench/ab_front.sh [-n ROUNDS] [-i INPUT] BUILD_DIR...
#
# BUILD_DIR is a CMake build folder (its `summarize` and, beside it, libsummarize). INPUT defaults to
# /tmp/ars-bench-inputs/n14692, the 14,692 articles bench/make_inputs.py writes; ROUNDS to 7.
set -eu
rounds=7
input=/tmp/ars-bench-inputs/n14692
while getopts n:i: opt; do
    case $opt in
    n) rounds=$OPTARG ;;
    i) input=$OPTARG ;;
    *) echo "usage: ab_front.sh [-n ROUNDS] [-i INPUT] BUILD_DIR..." >&2; exit 1 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: ab_front.sh [-n ROUNDS] [-i INPUT] BUILD_DIR..." >&2; exit 1; }
[ -e "$input" ] || { echo "ab_front.sh: $input: no such input (bench/make_inputs.py makes it)" >&2; exit 1; }
for b in "$@"; do
    [ -x "$b/summarize" ] || { echo "ab_front.sh: $b/summarize: not built" >&2; exit 1; }
done
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
bytes=$(find "$input" -type f -name '*.txt' -exec cat {} + | wc -c)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
while [ $i -lt "$rounds" ]; do
    k=0
    for b in "$@"; do
        LD_LIBRARY_PATH=$b $pin "$b/summarize" --threads 1 --timings "$input" 2>&1 >/dev/null |
            awk '$1 == "read" {r = $2} $1 == "clean" {c = $2} $1 == "analyse" {a = $2}
                 END {print r, c, a, r + c + a}' >>"$work/$k"
        k=$((k + 1))
    done
    i=$((i + 1))
done
echo "medians of $rounds rounds, ms (wall), one core, $input ($bytes bytes):"
echo "build read clean analyse front MB/s"
k=0
for b in "$@"; do
    line=$b
    for col in 1 2 3 4; do
        line="$line $(sort -n -k$col "$work/$k" | awk -v c=$col '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}')"
    done
    echo "$line" | awk -v bytes="$bytes" '{printf "%s %s %s %s %s %.1f\n", $1, $2, $3, $4, $5, bytes / 1e6 / ($5 / 1000)}'
    k=$((k + 1))
done
