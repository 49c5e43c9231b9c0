#!/bin/sh
# fuzz.sh - fuzzes one libFuzzer target (tests/fuzz/fuzz_NAME.c) for MINUTES minutes, one process,
# niced: builds build-fuzz with clang (-DARS_FUZZ=ON: libFuzzer, ASan, UBSan), grows a working
# corpus in build-fuzz/corpus/NAME from the committed one, and prints the run's figures. With
# --update, the committed corpus (tests/fuzz/corpus/NAME) is replaced by a minimised merge of the
# two afterwards. Crashes are written to build-fuzz/crashes/NAME/ and stop the run.
# Usage: sh scripts/fuzz.sh [--update] NAME MINUTES
#        NAME: api segment eval_text eval_grades cli_parse jsonl df_model (tests/fuzz/README.md)
set -eu
cd "$(dirname "$0")/.."
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
name=${1:?usage: fuzz.sh [--update] NAME MINUTES}
minutes=${2:?usage: fuzz.sh [--update] NAME MINUTES}
[ -f "tests/fuzz/fuzz_$name.c" ] || { echo "fuzz.sh: no target tests/fuzz/fuzz_$name.c" >&2; exit 1; }
B=${ARS_FUZZ_BUILD:-build-fuzz}
CC=${CC:-clang} cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARS_FUZZ=ON >/dev/null
cmake --build "$B" -j"${JOBS:-2}" --target "fuzz_$name" >/dev/null
work=$B/corpus/$name
crashes=$B/crashes/$name
mkdir -p "$work" "$crashes"
case $name in api | segment) max_len=16384 ;; *) max_len=4096 ;; esac
# Inputs stop at max_len; the seeds are cut to 3,000 bytes and a document to 8 of them.
export OPENBLAS_NUM_THREADS=1 ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
log=$B/fuzz-$name.log
start=$(date +%s)
status=0
nice -n 10 "$B/tests/fuzz/fuzz_$name" "$work" "tests/fuzz/corpus/$name" -max_total_time=$((minutes * 60)) \
    -max_len=$max_len -timeout=30 -rss_limit_mb=4096 -artifact_prefix="$crashes/" \
    -print_final_stats=1 > "$log" 2>&1 || status=$?
end=$(date +%s)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo "fuzz_$name: $(((end - start) / 60)) min, ${execs:-?} executions, exit $status," \
     "corpus $(ls "$work" | wc -l) files ($(du -sk "$work" | cut -f1) KiB); log $log"
if [ "$status" != 0 ]; then
    echo "fuzz.sh: fuzz_$name found a problem: see $log and $crashes/" >&2
    exit 1
fi
if [ $update = 1 ]; then
    merged=$B/merged/$name
    rm -rf "$merged"
    mkdir -p "$merged"
    "$B/tests/fuzz/fuzz_$name" -merge=1 -max_len=$max_len "$merged" "tests/fuzz/corpus/$name" "$work" \
        > "$B/merge-$name.log" 2>&1
    rm -rf "tests/fuzz/corpus/$name"
    mkdir -p "tests/fuzz/corpus/$name"
    for f in "$merged"/*; do cp "$f" "tests/fuzz/corpus/$name/"; done
    echo "tests/fuzz/corpus/$name: $(ls "tests/fuzz/corpus/$name" | wc -l) files" \
         "($(du -sk "tests/fuzz/corpus/$name" | cut -f1) KiB) after merging"
fi
