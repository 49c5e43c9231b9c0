#!/bin/sh
# test_check_data.sh - eval/tools/check_data.sh against the data beside the checkout
# (../shared/data): it must pass there, and it must fail, naming what differs, on a copy of
# multiling2011_ar with one file changed, one file added and one topic removed.
# Usage: sh tests/tools/test_check_data.sh SOURCE_DIR; exit 77 (skip) without ../shared/data.
set -u
SRC=$1
DATA=$SRC/../shared/data
CHECK="$SRC/eval/tools/check_data.sh"
[ -d "$DATA" ] || { echo "skip: no $DATA"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

sh "$CHECK" "$DATA" || fail "the shared data does not match the manifests"

TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP"; rm -rf "$TMP"' EXIT
cp -R "$DATA/multiling2011_ar" "$TMP/"
chmod -R u+w "$TMP"
sh "$CHECK" "$TMP" multiling2011_ar > /dev/null 2>&1 || fail "an exact copy does not pass"
printf ' \n' >> "$TMP/multiling2011_ar/M001/refs/B.txt"
printf 'x\n' > "$TMP/multiling2011_ar/M002/refs/D.txt"
rm -r "$TMP/multiling2011_ar/M004"
sh "$CHECK" "$TMP" multiling2011_ar > "$TMP/out" 2> "$TMP/err"
[ $? = 1 ] || fail "a changed copy passes"
for want in "multiling2011_ar/M001/refs/B.txt: FAILED" \
    "not in the manifest: multiling2011_ar/M002/refs/D.txt" \
    "topic missing: M004" "multiling2011_ar: DIFFERS"; do
    grep -qF "$want" "$TMP/err" || { cat "$TMP/err"; fail "no \"$want\" in the report"; }
done
echo "ok check_data.sh"
