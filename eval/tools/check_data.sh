#!/bin/sh
# check_data.sh - checks a local copy of the evaluation data against the manifests shipped in
# eval/manifests/: every file's SHA-256 (sha256sum -c), no file missing or added, and the topic
# folders of each dataset exactly those of its split. The tables of docs/EVALUATION.md were made
# from data that passes this check.
#
# Usage: sh eval/tools/check_data.sh DATA [DATASET]...
#        sh eval/tools/check_data.sh --write DATA DATASET...   (maintainers: rewrite manifests)
# DATA is the folder holding the datasets (multiling2011_ar, easc, ant_bbc_sds, ant_background);
# without DATASET every dataset with a manifest is checked.
# Exit status: 0 all match, 1 a difference (listed on standard error), 2 usage or a missing tool,
# 77 DATA does not exist (the tests skip then).
set -u
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")/../manifests" && pwd) || exit 2

usage() {
    echo "usage: sh eval/tools/check_data.sh [--write] DATA [DATASET]..." >&2
    exit 2
}

write=0
if [ "${1:-}" = --write ]; then
    write=1
    shift
fi
[ $# -ge 1 ] || usage
data=$1
shift
command -v sha256sum >/dev/null 2>&1 || { echo "check_data.sh: sha256sum (coreutils) not found" >&2; exit 2; }
if [ ! -d "$data" ]; then
    echo "check_data.sh: $data: no such folder" >&2
    exit 77
fi

# The dataset's files, relative to DATA, sorted by bytes.
files() {
    (cd "$data" && find "$1" -type f | sort)
}

# The dataset's topics: folders directly inside it whose names do not start with '_' or '.'.
topics() {
    (cd "$data/$1" && find . -mindepth 1 -maxdepth 1 -type d ! -name '_*' ! -name '.*' |
        sed 's|^\./||' | sort)
}

if [ $write = 1 ]; then
    [ $# -ge 1 ] || usage
    for ds in "$@"; do
        [ -d "$data/$ds" ] || { echo "check_data.sh: $data/$ds: no such folder" >&2; exit 1; }
        (cd "$data" && find "$ds" -type f | sort | while IFS= read -r f; do sha256sum "$f"; done) \
            > "$here/$ds.sha256" || exit 1
        {
            echo "# $ds: the topic folders of its development split, one per line (the held-out"
            echo "# split is not distributed). Checked by eval/tools/check_data.sh."
            topics "$ds"
        } > "$here/$ds.topics"
        echo "wrote $here/$ds.sha256 ($(wc -l < "$here/$ds.sha256") files) and $ds.topics"
    done
    exit 0
fi

if [ $# -eq 0 ]; then
    for m in "$here"/*.sha256; do
        set -- "$@" "$(basename "$m" .sha256)"
    done
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
status=0
for ds in "$@"; do
    manifest=$here/$ds.sha256
    if [ ! -f "$manifest" ]; then
        echo "check_data.sh: no manifest for $ds in $here" >&2
        status=1
        continue
    fi
    if [ ! -d "$data/$ds" ]; then
        echo "$ds: missing ($data/$ds)" >&2
        status=1
        continue
    fi
    bad=0
    # Contents: sha256sum names each file that differs or is missing.
    if ! (cd "$data" && sha256sum --check --quiet --strict "$manifest") >"$tmp/sum" 2>&1; then
        sed "s|^|$ds: |" "$tmp/sum" >&2
        bad=1
    fi
    # Files that the manifest does not know would change the tables too.
    sed 's/^[0-9a-f]*  //' "$manifest" | sort > "$tmp/want"
    files "$ds" > "$tmp/have"
    comm -13 "$tmp/want" "$tmp/have" | sed "s|^|$ds: not in the manifest: |" >&2
    [ -z "$(comm -13 "$tmp/want" "$tmp/have")" ] || bad=1
    # Topics: exactly the split's.
    grep -v '^#' "$here/$ds.topics" 2>/dev/null | sort > "$tmp/tw"
    topics "$ds" > "$tmp/th"
    if ! cmp -s "$tmp/tw" "$tmp/th"; then
        comm -23 "$tmp/tw" "$tmp/th" | sed "s|^|$ds: topic missing: |" >&2
        comm -13 "$tmp/tw" "$tmp/th" | sed "s|^|$ds: topic not in the split: |" >&2
        bad=1
    fi
    if [ $bad = 0 ]; then
        echo "$ds: OK ($(wc -l < "$tmp/want") files, $(wc -l < "$tmp/tw") topics)"
    else
        echo "$ds: DIFFERS from $manifest" >&2
        status=1
    fi
done
exit $status
