#!/bin/sh
# check_exports.sh - fails when a libsummarize library (shared or static) defines a global symbol
# outside the public prefix ars_: internal names such as tokenize or vocab_new would clash with a
# user's own. Usage: check_exports.sh LIBRARY... (libsummarize.so* or libsummarize.a)
# Prints the count of exported symbols per library, and every offending symbol.
set -eu
status=0
for lib in "$@"; do
    case "$lib" in
    *.a) syms=$(nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }') ;;
    *) syms=$(nm -D --defined-only "$lib" | awk 'NF == 3 { print $3 }') ;;
    esac
    total=$(printf '%s\n' "$syms" | grep -c . || true)
    bad=$(printf '%s\n' "$syms" | grep -v '^ars_' | grep . || true)
    if [ "$total" -eq 0 ]; then
        echo "FAIL $lib: no exported symbol at all"
        status=1
    elif [ -n "$bad" ]; then
        echo "FAIL $lib: global symbols without the ars_ prefix:"
        printf '  %s\n' $bad
        status=1
    else
        echo "ok $lib: $total global symbols, all ars_*"
    fi
done
exit $status
