#!/bin/sh
# ant_day.sh - one day of ANT's background corpus (all outlets, the 107 articles dated
# "Tue, 10 Apr 2018" by their feeds) briefed from JSON Lines: same-event articles from different
# outlets must be grouped. Measured against tests/data/briefing/ant-2018-04-10.events.tsv, the
# day's articles labelled by event by hand (ids only: the texts stay in ../shared): purity and
# inverse purity >= 0.9. Skipped (77) without ../shared/data.
# Usage: ant_day.sh SUMMARIZE_BINARY SOURCE_DIR
set -eu
BIN=$1
SRC=$2
DATA=$SRC/../shared/data/ant_background/ant_background.jsonl
[ -f "$DATA" ] || { echo "skip: no $DATA"; exit 77; }
grep '"time": "Tue, 10 Apr 2018' "$DATA" | "$BIN" --briefing --input-format jsonl -f jsonl - |
    awk -f "$(dirname "$0")/purity.awk" -v min=0.9 -v gold="$SRC/tests/data/briefing/ant-2018-04-10.events.tsv"
