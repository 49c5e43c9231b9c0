#!/bin/sh
# check_examples.sh - documentation is tested like code: every fenced block in a Markdown file that
# follows a line "<!-- example: summarize ARGS -->" must be exactly what `summarize ARGS` prints now,
# run from the source tree; after "<!-- example-sh: COMMAND -->" it is what the shell command
# prints (a pipeline, say), with the built programs first on PATH.
# Usage: check_examples.sh SUMMARIZE_BINARY SOURCE_DIR FILE.md...
# With ARS_REGENERATE=1 the blocks are rewritten from the actual output instead of compared. With
# ARS_EXAMPLES_NEED=PATH the check is skipped (exit 77) when PATH does not exist (data the
# examples read, such as ../shared/data).
set -u
BIN=$1
SRC=$2
shift 2
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
if [ -n "${ARS_EXAMPLES_NEED:-}" ] && [ ! -e "$ARS_EXAMPLES_NEED" ]; then
    echo "skip: no $ARS_EXAMPLES_NEED"
    exit 77
fi
BINDIR=$(dirname "$BIN")
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for md in "$@"; do
    n=0
    # Each example: the marker line number, its arguments, and the block's first and last lines.
    awk '
        /^<!-- example: summarize .* -->$/ { args = $0; sub(/^<!-- example: summarize /, "", args);
                                             sub(/ -->$/, "", args); want = NR; kind = "args"; next }
        /^<!-- example-sh: .* -->$/ { args = $0; sub(/^<!-- example-sh: /, "", args);
                                      sub(/ -->$/, "", args); want = NR; kind = "sh"; next }
        want && /^```/ && !open { open = NR + 1; next }
        want && /^```/ && open  { print want "\t" open "\t" NR - 1 "\t" kind "\t" args; want = 0; open = 0 }
    ' "$md" | sort -t "$(printf '\t')" -k1,1nr > "$tmp/examples" # last first: regenerating
                                                                 # keeps earlier line numbers
    while IFS="$(printf '\t')" read -r marker first last kind args; do
        n=$((n + 1))
        sed -n "${first},${last}p" "$md" > "$tmp/want"
        if [ "$kind" = sh ]; then
            (cd "$SRC" && PATH="$BINDIR:$PATH" sh -c "$args") > "$tmp/got" 2> "$tmp/err"
        else
            (cd "$SRC" && eval "set -- $args" && "$BIN" "$@") > "$tmp/got" 2> "$tmp/err"
        fi
        if [ "${ARS_REGENERATE:-0}" = 1 ]; then
            { head -n $((first - 1)) "$md"; cat "$tmp/got"; tail -n +$((last + 1)) "$md"; } \
                > "$tmp/new" && cat "$tmp/new" > "$md"
            echo "regenerated $md example at line $marker"
        elif ! cmp -s "$tmp/want" "$tmp/got"; then
            echo "FAIL $md:$marker: '$args' prints something else now:"
            diff "$tmp/want" "$tmp/got" | head -10
            status=1
        fi
    done < "$tmp/examples"
    [ "$n" -gt 0 ] || { echo "FAIL $md: no example markers found"; status=1; }
    echo "checked $n example(s) in $md"
done
exit $status
