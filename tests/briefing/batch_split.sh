#!/bin/sh
# batch_split.sh - the --jsonl batch mode as a cluster engine runs it: a file of clusters (the
# test clusters, eight times over: 80 lines, error lines included) summarized by one process,
# then split in five parts summarized by two processes at a time (xargs -P 2, as Hadoop
# Streaming or Spark's pipe() would run mappers); the parts' outputs, put back in order, must be
# the single run's output byte for byte, and each part's output one line per input line.
# Usage: batch_split.sh SUMMARIZE_BINARY SOURCE_DIR
set -eu
BIN=$1
SRC=$2
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for k in 1 2 3 4 5 6 7 8; do cat "$SRC/tests/data/briefing/clusters.jsonl"; done > "$TMP/clusters.jsonl"
cd "$TMP"
status=0
"$BIN" --jsonl -q < clusters.jsonl > single.jsonl || status=$?
[ "$status" = 5 ] || { echo "FAIL: exit status $status, expected 5 (error lines)"; exit 1; }
[ "$(wc -l < single.jsonl)" = "$(wc -l < clusters.jsonl)" ] || { echo "FAIL: not one line per cluster"; exit 1; }
split -l 16 -d clusters.jsonl part.
ls part.* | xargs -P 2 -I PART sh -c '"$0" --jsonl -q < PART > PART.out; [ $? -le 5 ]' "$BIN"
for p in part.??; do
    [ "$(wc -l < "$p.out")" = "$(wc -l < "$p")" ] || { echo "FAIL: $p: not one line per cluster"; exit 1; }
done
cat part.??.out > union.jsonl
cmp single.jsonl union.jsonl || { echo "FAIL: the parts' union differs from the single run"; exit 1; }
echo "ok: $(wc -l < single.jsonl) clusters, 5 parts on 2 processes, the same lines"
