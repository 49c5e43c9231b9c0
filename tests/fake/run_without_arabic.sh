#!/bin/sh
# run_without_arabic.sh - `summarize` on a libstemmer without Arabic (the preloaded stand-in
# tests/fake/stemmer_without_arabic.c): exit status 2, nothing on standard output, and one line on
# standard error naming the stemmer (it used to say "out of memory"); `--stem none` still works.
# Usage: run_without_arabic.sh SUMMARIZE FAKE_LIBSTEMMER SOURCE_DIR
set -u
BIN=$1
FAKE=$2
SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# A preloaded library comes before the sanitizer runtime; tell ASan that this is intended.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
seed="$SRC/tests/data/seeds/001_1bb4ffb61d3243be.txt"

LD_PRELOAD=$FAKE "$BIN" "$seed" >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" = 2 ] || { echo "FAIL: exit status $status, expected 2"; cat "$TMP/err"; exit 1; }
[ ! -s "$TMP/out" ] || { echo "FAIL: output on stdout"; exit 1; }
expected="summarize: stemmer: the installed libstemmer has no Snowball Arabic algorithm"
[ "$(cat "$TMP/err")" = "$expected" ] || {
    echo "FAIL: stderr is not the one expected line:"
    cat "$TMP/err"
    exit 1
}
LD_PRELOAD=$FAKE "$BIN" --stem none "$seed" >"$TMP/out" 2>"$TMP/err" || {
    echo "FAIL: --stem none failed without an Arabic stemmer"
    cat "$TMP/err"
    exit 1
}
[ -s "$TMP/out" ] || { echo "FAIL: --stem none printed no summary"; exit 1; }
echo "ok: $expected"
