#!/bin/sh
# run_case.sh - runs one end-to-end CLI case and compares it with its expectations.
# Usage: run_case.sh SUMMARIZE_BINARY SOURCE_DIR CASE_DIR [SUMMARIZE_EVAL_BINARY
#                    [SUMMARIZE_MODEL_BINARY]]
# A case directory holds:
#   args     the command line after the program name (shell words; globs expand). It runs in the
#            source tree, so paths are relative to it and goldens hold no machine-specific path;
#            "@SRC@/" is dropped (kept for readability) and @TMP@ is a fresh temporary directory
#   exit     expected exit status (default 0)
#   stdout   expected standard output, byte for byte (optional)
#   stderr   an extended regular expression standard error must match (optional; without it
#            standard error must be empty)
#   stdin    a file fed to standard input (optional; default /dev/null)
#   env      KEY=VALUE lines exported for the run (optional)
#   program  "summarize-eval" or "summarize-model" to run that program instead of summarize
#            (optional)
#   needs    paths (relative to the source tree, one per line) the case reads outside it, such
#            as ../shared/data; when one is missing the case is skipped (exit 77) (optional)
#   setup    shell script run before (optional; sees $TMP and $SRC)
#   check    shell script run after (optional; sees $TMP, $SRC, $OUT and $ERR: the output files,
#            and $BIN: the program, to run it again on variants of the input; $REAL_BIN is the
#            program itself even under ARS_VALGRIND, for runs valgrind cannot host;
#            $SUMMARIZE: the summarize program, for a second run to compare with)
# With ARS_REGENERATE=1 the stdout golden is rewritten from the actual output instead of compared.
# With ARS_VALGRIND=1 every run of the program, the checks' runs included, goes through valgrind's
# memcheck (tests/valgrind.supp): an error or a definite leak makes it exit 99, failing the case.
set -u
BIN=$1
SRC=$2
CASE=$3
SUMMARIZE=$BIN
case "$SUMMARIZE" in /*) ;; *) SUMMARIZE=$(pwd)/$SUMMARIZE ;; esac
export SUMMARIZE
if [ -f "$CASE/program" ] && [ "$(cat "$CASE/program")" = summarize-eval ]; then BIN=${4:?}; fi
if [ -f "$CASE/program" ] && [ "$(cat "$CASE/program")" = summarize-model ]; then BIN=${5:?}; fi
if [ -f "$CASE/needs" ]; then
    while IFS= read -r need; do
        [ -z "$need" ] || [ -e "$SRC/$need" ] || { echo "skip $(basename "$CASE"): no $need"; exit 77; }
    done < "$CASE/needs"
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/.stdout
ERR=$TMP/.stderr
export TMP SRC OUT ERR
name=$(basename "$CASE")
fail() { echo "FAIL $name: $*"; echo "--- stderr:"; cat "$ERR" 2>/dev/null; exit 1; }

[ -f "$CASE/setup" ] && { sh "$CASE/setup" || fail "setup failed"; }
args=$(sed -e "s|@SRC@/||g" -e "s|@TMP@|$TMP|g" "$CASE/args")
stdin=/dev/null
[ -f "$CASE/stdin" ] && stdin=$(sed -e "s|@SRC@|$SRC|g" "$CASE/stdin")
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
REAL_BIN=$BIN
export REAL_BIN
if [ "${ARS_VALGRIND:-0}" = 1 ]; then
    # A wrapper with the program's name, so that checks running "$BIN" again are checked too;
    # outside $TMP, which checks count files in.
    VGDIR=$(mktemp -d)
    trap 'rm -rf "$TMP" "$VGDIR"' EXIT
    wrapper=$VGDIR/$(basename "$BIN")
    {
        echo '#!/bin/sh'
        echo "exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\"
        echo "    --suppressions='$SRC/tests/valgrind.supp' '$BIN' \"\$@\""
    } > "$wrapper"
    chmod +x "$wrapper"
    BIN=$wrapper
fi
export BIN
(
    if [ -f "$CASE/env" ]; then
        while IFS= read -r kv; do [ -n "$kv" ] && export "$kv"; done < "$CASE/env"
    fi
    cd "$SRC" || exit 99
    eval "set -- $args"
    exec "$BIN" "$@" < "$stdin" > "$OUT" 2> "$ERR"
)
status=$?
expect=0
[ -f "$CASE/exit" ] && expect=$(cat "$CASE/exit")
[ "$status" = "$expect" ] || fail "exit status $status, expected $expect"
if [ -f "$CASE/stderr" ]; then
    grep -Eq "$(cat "$CASE/stderr")" "$ERR" || fail "stderr does not match /$(cat "$CASE/stderr")/"
elif [ -s "$ERR" ]; then
    fail "unexpected output on stderr"
fi
if [ -f "$CASE/stdout" ]; then
    if [ "${ARS_REGENERATE:-0}" = 1 ]; then
        cp "$OUT" "$CASE/stdout"
        echo "regenerated $CASE/stdout"
    elif ! cmp -s "$OUT" "$CASE/stdout"; then
        diff "$CASE/stdout" "$OUT" | head -20
        fail "stdout differs from the golden file (ARS_REGENERATE=1 rewrites it)"
    fi
fi
if [ -f "$CASE/check" ]; then
    sh "$CASE/check" || fail "check script failed"
fi
echo "ok $name"
