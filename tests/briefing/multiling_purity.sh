#!/bin/sh
# multiling_purity.sh - all 50 articles of the five MultiLing 2011 development clusters mixed
# and briefed: the stories must recover the clusters with purity and inverse purity >= 0.9.
# Purity: each story counts its largest cluster; inverse purity: each cluster counts its largest
# story; both over all articles. Skipped (77) without ../shared/data.
# Usage: multiling_purity.sh SUMMARIZE_BINARY SOURCE_DIR
set -eu
BIN=$1
DATA=$2/../shared/data/multiling2011_ar
[ -d "$DATA/M000/docs" ] || { echo "skip: no $DATA"; exit 77; }
"$BIN" --briefing -f jsonl "$DATA"/M00*/docs/*.txt | awk -f "$(dirname "$0")/purity.awk" -v min=0.9
