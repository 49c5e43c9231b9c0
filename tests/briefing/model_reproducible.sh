#!/bin/sh
# model_reproducible.sh - the built-in document-frequency model is what summarize-model makes of
# ANT's ant_background.jsonl now: rebuilt byte for byte (so it is stamped with today's
# analysis; a change of normalisation or stemming fails here first, and the command below
# rebuilds it). Skipped (77) without ../shared/data.
# Usage: model_reproducible.sh SUMMARIZE_MODEL_BINARY SOURCE_DIR
set -eu
BIN=$1
SRC=$2
DATA=$SRC/../shared/data/ant_background/ant_background.jsonl
[ -f "$DATA" ] || { echo "skip: no $DATA"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BIN" --input-format jsonl -o "$TMP/model.tsv" "$DATA"
if ! cmp -s "$TMP/model.tsv" "$SRC/models/ant_background_df.tsv"; then
    echo "FAIL: models/ant_background_df.tsv is not what summarize-model makes now; rebuild it:"
    echo "  build/summarize-model --input-format jsonl -o models/ant_background_df.tsv \\"
    echo "      ../shared/data/ant_background/ant_background.jsonl"
    exit 1
fi
echo "ok: models/ant_background_df.tsv rebuilt byte for byte"
