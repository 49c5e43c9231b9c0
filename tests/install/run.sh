#!/bin/sh
# run.sh - what a user of the installed library does, for a shared and a static libsummarize:
# builds and installs each into its own prefix, checks with nm that the installed library exports
# only ars_* symbols (tests/check_exports.sh), then builds examples/api_example.c against the
# installed package twice, with pkg-config and with CMake's find_package (examples/cmake-consumer),
# each time beside tests/install/clash.c (user functions named like library internals), and runs
# every build on the seed articles. CI runs it from scripts/test.sh.
# Usage: sh tests/install/run.sh [WORK_DIR]   (default: build-install; it is emptied first)
set -eu
cd "$(dirname "$0")/../.."
SRC=$(pwd)
WORK=${1:-$SRC/build-install}
JOBS=${JOBS:-2}
CC=${CC:-cc}
rm -rf "$WORK"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd) # absolute: it is handed to other builds (CMAKE_PREFIX_PATH)
export OPENBLAS_NUM_THREADS=1

fail() {
    echo "FAIL $*"
    exit 1
}

# run_example NAME BINARY: the example must print its two summaries.
run_example() {
    "$2" "$SRC"/tests/data/seeds/*.txt >"$WORK/$1.out" 2>"$WORK/$1.err" ||
        fail "$1: exit status $? ($(cat "$WORK/$1.err"))"
    n=$(grep -Ec '^# [1-9][0-9]* of [1-9][0-9]* sentences$' "$WORK/$1.out" || true)
    [ "$n" = 2 ] || fail "$1: expected two summaries, got: $(head -3 "$WORK/$1.out")"
    echo "ok $1: $(grep -c '^tests\|/seeds/' "$WORK/$1.out") summary lines"
}

for kind in shared static; do
    if [ "$kind" = shared ]; then shared=ON; else shared=OFF; fi
    build=$WORK/build-$kind
    prefix=$WORK/prefix-$kind
    cmake -S "$SRC" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARS_WERROR=ON \
        -DBUILD_SHARED_LIBS=$shared -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$build" -j"$JOBS" >/dev/null
    cmake --install "$build" --prefix "$prefix" >/dev/null
    pc=$(find "$prefix" -name summarize.pc)
    [ -n "$pc" ] || fail "$kind: no summarize.pc installed"
    pcdir=$(dirname "$pc")
    libdir=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=libdir summarize)
    [ -f "$prefix/include/summarize/summarize.h" ] || fail "$kind: summarize.h not installed"
    [ -f "$prefix/include/summarize/summarize_version.h" ] || fail "$kind: version header missing"

    # The installed programs run, on the installed library, and print what the build tree prints.
    (cd "$SRC" && "$prefix/bin/summarize" tests/data/seeds/*.txt) >"$WORK/cli-$kind.out" ||
        fail "$kind: installed summarize failed"
    cmp -s "$WORK/cli-$kind.out" "$SRC/tests/e2e/cases/seeds_default/stdout" ||
        fail "$kind: installed summarize differs from tests/e2e/cases/seeds_default/stdout"
    "$prefix/bin/summarize-eval" --version >/dev/null || fail "$kind: installed summarize-eval"
    # The briefing, with the document-frequency model compiled into the installed library.
    (cd "$SRC" && "$prefix/bin/summarize" --briefing tests/data/seeds/*.txt) >"$WORK/brief-$kind.out" ||
        fail "$kind: installed summarize --briefing failed"
    cmp -s "$WORK/brief-$kind.out" "$SRC/tests/e2e/cases/briefing_seeds/stdout" ||
        fail "$kind: installed summarize --briefing differs from tests/e2e/cases/briefing_seeds/stdout"
    "$prefix/bin/summarize-model" --version >/dev/null || fail "$kind: installed summarize-model"
    [ -f "$prefix/share/man/man1/summarize-model.1" ] || fail "$kind: summarize-model.1 not installed"
    echo "ok installed-programs-$kind"

    # The installed library exports only ars_*.
    if [ "$kind" = shared ]; then
        [ ! -e "$libdir/libsummarize.a" ] || fail "shared: a static library was installed too"
        sh "$SRC/tests/check_exports.sh" "$libdir"/libsummarize.so.*.*.*
    else
        [ ! -e "$libdir/libsummarize.so" ] || fail "static: a shared library was installed too"
        sh "$SRC/tests/check_exports.sh" "$libdir/libsummarize.a"
    fi

    # pkg-config, as a Makefile would use it (--static adds the private dependencies).
    static_flag=
    rpath=
    if [ "$kind" = static ]; then static_flag=--static; else rpath="-Wl,-rpath,$libdir"; fi
    cflags=$(PKG_CONFIG_PATH=$pcdir pkg-config --cflags summarize)
    libs=$(PKG_CONFIG_PATH=$pcdir pkg-config $static_flag --libs summarize)
    # shellcheck disable=SC2086 # word splitting of the flags is intended
    $CC -std=c11 -Wall -Wextra -Werror $cflags -o "$WORK/pkgconfig-$kind" \
        "$SRC/examples/api_example.c" "$SRC/tests/install/clash.c" $libs $rpath ||
        fail "$kind: build with pkg-config ($cflags $libs)"
    run_example "pkgconfig-$kind" "$WORK/pkgconfig-$kind"

    # CMake's find_package and the imported target summarize::summarize.
    cmake -S "$SRC/examples/cmake-consumer" -B "$WORK/consumer-$kind" \
        -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" >/dev/null ||
        fail "$kind: find_package(summarize)"
    cmake --build "$WORK/consumer-$kind" >/dev/null || fail "$kind: build with find_package"
    run_example "find_package-$kind" "$WORK/consumer-$kind/api_example"

    # A static program carries the library; a shared one loads the installed one.
    for bin in "$WORK/pkgconfig-$kind" "$WORK/consumer-$kind/api_example"; do
        if ldd "$bin" | grep -q libsummarize; then linked=shared; else linked=static; fi
        [ "$linked" = "$kind" ] || fail "$bin: libsummarize linked $linked, expected $kind"
    done
done
echo "ok installed package: shared and static, pkg-config and find_package"
