#!/bin/sh
# large_folder.sh - a morning of 70,000 small files (generated: gen_articles.sh, 7,000 events of
# ten articles) read as a folder and as a --files-from list with -0, briefed and summarized.
# Checks that both runs work, that the folder and the list give the same brief, and that the
# briefing finds the 7,000 events; prints the times. ARS_LARGE_FILES changes the count.
# Usage: large_folder.sh SUMMARIZE_BINARY
set -eu
BIN=$1
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
N=${ARS_LARGE_FILES:-70000}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
sh "$(dirname "$0")/gen_articles.sh" "$TMP/news" "$N"
cd "$TMP"
now() { date +%s.%N; }
t0=$(now)
"$BIN" --briefing --max-stories 5 -f json news > by_folder.json
t1=$(now)
find news -name '*.txt' -print0 | LC_ALL=C sort -z > list
"$BIN" --briefing --max-stories 5 -f json --files-from list -0 > by_list.json
t2=$(now)
"$BIN" --files-from list -0 > summary.txt
t3=$(now)
cmp by_folder.json by_list.json || { echo "FAIL: the folder and the list give different briefs"; exit 1; }
grep -q "\"articles\": $N," by_folder.json || { echo "FAIL: not every article was read"; exit 1; }
grep -q "\"stories_found\": $((N / 10))" by_folder.json || { echo "FAIL: not $((N / 10)) stories"; exit 1; }
[ "$(grep -c '"rank"' by_folder.json)" = 5 ] || { echo "FAIL: not 5 stories reported"; exit 1; }
[ -s summary.txt ] || { echo "FAIL: empty summary"; exit 1; }
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN { printf "%d files: briefing by folder %.1f s, by --files-from -0 %.1f s; summary by --files-from %.1f s\n", n, b - a, c - b, d - c }'
