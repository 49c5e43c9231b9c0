#!/bin/sh
# check_examples.sh - documentation is tested like code: every fenced block in a Markdown file that
# follows a line "<!-- example: summarize ARGS -->" must be exactly what `summarize ARGS` prints now,
# run from the source tree. Usage: check_examples.sh SUMMARIZE_BINARY SOURCE_DIR FILE.md...
# With ARS_REGENERATE=1 the blocks are rewritten from the actual output instead of compared.
set -u
BIN=$1
SRC=$2
shift 2
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for md in "$@"; do
    n=0
    # Each example: the marker line number, its arguments, and the block's first and last lines.
    awk '
        /^<!-- example: summarize .* -->$/ { args = $0; sub(/^<!-- example: summarize /, "", args);
                                             sub(/ -->$/, "", args); want = NR; next }
        want && /^```/ && !open { open = NR + 1; next }
        want && /^```/ && open  { print want "\t" open "\t" NR - 1 "\t" args; want = 0; open = 0 }
    ' "$md" | sort -t "$(printf '\t')" -k1,1nr > "$tmp/examples" # last first: regenerating
                                                                 # keeps earlier line numbers
    while IFS="$(printf '\t')" read -r marker first last args; do
        n=$((n + 1))
        sed -n "${first},${last}p" "$md" > "$tmp/want"
        (cd "$SRC" && eval "set -- $args" && "$BIN" "$@") > "$tmp/got" 2> "$tmp/err"
        if [ "${ARS_REGENERATE:-0}" = 1 ]; then
            { head -n $((first - 1)) "$md"; cat "$tmp/got"; tail -n +$((last + 1)) "$md"; } \
                > "$tmp/new" && cat "$tmp/new" > "$md"
            echo "regenerated $md example at line $marker"
        elif ! cmp -s "$tmp/want" "$tmp/got"; then
            echo "FAIL $md:$marker: 'summarize $args' prints something else now:"
            diff "$tmp/want" "$tmp/got" | head -10
            status=1
        fi
    done < "$tmp/examples"
    [ "$n" -gt 0 ] || { echo "FAIL $md: no example markers found"; status=1; }
    echo "checked $n example(s) in $md"
done
exit $status
