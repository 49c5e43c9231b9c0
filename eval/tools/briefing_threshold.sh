#!/bin/sh
# briefing_threshold.sh - how the briefing's story threshold was chosen (docs/BRIEFING.md):
# purity and inverse purity of the stories at each threshold, with the built-in document
# frequencies and with the input's own, on the two labelled sets: the 50 articles of the five
# MultiLing 2011 development clusters mixed (a story is a cluster: one topic, followed over
# months) and the 107 ANT articles of one day (a story is an event; labels in
# tests/data/briefing/ant-2018-04-10.events.tsv).
# Usage: sh eval/tools/briefing_threshold.sh [SUMMARIZE_BINARY] [DATA_DIR]
set -eu
cd "$(dirname "$0")/../.."
BIN=${1:-build/summarize}
DATA=${2:-../shared/data}
GOLD=tests/data/briefing/ant-2018-04-10.events.tsv
printf 'df       threshold  MultiLing P / IP   ANT day P / IP\n'
for df in built-in none; do
    for t in 0.10 0.15 0.18 0.20 0.22 0.25 0.30; do
        opt="--story-threshold $t"
        [ "$df" = none ] && opt="$opt --df-model none"
        ml=$($BIN --briefing $opt -f jsonl "$DATA"/multiling2011_ar/M00*/docs/*.txt |
            awk -f tests/briefing/purity.awk -v min=0 | sed 's/.*purity \([0-9.]*\), inverse purity \([0-9.]*\)/\1 \/ \2/')
        day=$(grep '"time": "Tue, 10 Apr 2018' "$DATA/ant_background/ant_background.jsonl" |
            $BIN --briefing $opt --input-format jsonl -f jsonl - |
            awk -f tests/briefing/purity.awk -v min=0 -v gold="$GOLD" |
            sed 's/.*purity \([0-9.]*\), inverse purity \([0-9.]*\)/\1 \/ \2/')
        printf '%-8s %-10s %-18s %s\n' "$df" "$t" "$ml" "$day"
    done
done
