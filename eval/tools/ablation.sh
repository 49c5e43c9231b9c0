#!/bin/sh
# ablation.sh - which part of the default ranking does what: runs the default method with each
# part switched off, lead (position only) and TextRank (sentence graph only) over one dataset,
# then scores them in one table with intervals and a paired test of the full default against
# each. Usage: eval/tools/ablation.sh BUILD_DIR DATASET WORDS OUT_DIR [summarize-eval options]
set -eu
bin=$1/summarize-eval
data=$2
words=$3
out=$4
shift 4
run() { # run NAME METHOD [options]: summaries in $out/NAME
    name=$1
    method=$2
    shift 2
    "$bin" run -q --data "$data" --out "$out/.run-$name" -l "$words" --method "$method" \
        --test none "$@" >/dev/null
    rm -rf "${out:?}/$name"
    mv "$out/.run-$name/$method" "$out/$name"
    rm -rf "${out:?}/.run-$name"
}
mkdir -p "$out"
run default default "$@"
run position+sentence default --document-weight 0 "$@"
run sentence+document default --position-weight 0 "$@"
run position lead "$@"
run sentence textrank "$@"
"$bin" rouge -q --data "$data" -l "$words" --format text \
    --system "$out/default" "$out/position+sentence" "$out/sentence+document" \
    "$out/position" "$out/sentence" | sed -n "/^macro averages/,\$p"
