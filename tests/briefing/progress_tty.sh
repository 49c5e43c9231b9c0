#!/bin/sh
# progress_tty.sh - a progress line on standard error when it is a terminal and the input is
# large (1,200 files, past PROGRESS_MIN_FILES), nothing when it is not a terminal. The terminal
# comes from script(1) (util-linux); skipped (77) without it.
# Usage: progress_tty.sh SUMMARIZE_BINARY
set -eu
BIN=$1
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
command -v script > /dev/null || { echo "skip: no script(1)"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
sh "$(dirname "$0")/gen_articles.sh" "$TMP/news" 1200
cd "$TMP"
"$BIN" --briefing -o quiet.md news 2> quiet.err
[ ! -s quiet.err ] || { echo "FAIL: progress without a terminal:"; cat quiet.err; exit 1; }
script -qec "\"$BIN\" --briefing -o tty.md news" /dev/null > tty.log
grep -q 'summarize: reading inputs: [0-9]' tty.log || { echo "FAIL: no progress on a terminal"; exit 1; }
grep -q 'summarizing stories: [0-9]*/120 ' tty.log || { echo "FAIL: no story progress"; exit 1; }
cmp quiet.md tty.md || { echo "FAIL: progress changed the output"; exit 1; }
echo "ok: progress on a terminal only"
