#!/bin/sh
# test.sh - installs dependencies, builds with warnings as errors, and runs every test; then builds,
# installs and links against the installed package as users do (shared and static, pkg-config and
# find_package, nm of the installed libraries: tests/install/run.sh); then the same tests again
# under AddressSanitizer + UndefinedBehaviorSanitizer, built by gcc and by clang; the end-to-end
# tests under valgrind's memcheck; gcc's static analyzer over the library and the programs; and
# every libFuzzer target built and run briefly. This is what CI runs. Each stage prints its time.
# ARS_SKIP_SANITIZE=1, ARS_SKIP_VALGRIND=1, ARS_SKIP_ANALYZER=1, ARS_SKIP_FUZZ=1 leave a stage out.
# ARS_WITH_CHROMIUM=0 skips installing Chromium (the briefing's HTML check is then skipped).
set -eu
cd "$(dirname "$0")/.."
ARS_WITH_CHROMIUM=${ARS_WITH_CHROMIUM:-1} sh scripts/install-deps.sh # Chromium: the HTML check
JOBS=${JOBS:-2}
export OPENBLAS_NUM_THREADS=1
stage() { echo "== $1 ($(date +%H:%M:%S))"; }

stage "gcc build, warnings as errors, all tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARS_WERROR=ON >/dev/null
cmake --build build -j"$JOBS"
(cd build && ctest --output-on-failure -j"$JOBS")

stage "install checks"
JOBS=$JOBS sh tests/install/run.sh build-install

if [ "${ARS_SKIP_SANITIZE:-0}" != 1 ]; then
    # gcc and clang sanitizers differ (clang's UBSan flags an offset applied to NULL, gcc's not).
    for cc in gcc clang; do
        stage "$cc ASan + UBSan, all tests"
        dir=build-asan-$cc
        [ $cc = gcc ] && dir=build-asan
        CC=$cc cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DARS_WERROR=ON -DARS_SANITIZE=ON \
            >/dev/null
        cmake --build "$dir" -j"$JOBS"
        (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j"$JOBS")
    done
fi

if [ "${ARS_SKIP_VALGRIND:-0}" != 1 ]; then
    # Every run of both programs in the end-to-end cases, under memcheck: an error or a definite
    # leak fails the case (tests/e2e/run_case.sh, tests/valgrind.supp).
    stage "valgrind: end-to-end tests under memcheck"
    (cd build && ARS_VALGRIND=1 ctest --output-on-failure -j"$JOBS" -L e2e)
fi

if [ "${ARS_SKIP_ANALYZER:-0}" != 1 ]; then
    # The library and the programs (tests are left out: cmocka's asserts do not tell the
    # analyzer that they stop the test). Findings are errors; the false positives of gcc 12
    # are suppressed where they occur, each with its reason.
    stage "gcc -fanalyzer"
    cmake -S . -B build-analyzer -DCMAKE_BUILD_TYPE=Debug -DARS_ANALYZER=ON -DARS_WERROR=ON \
        -DBUILD_TESTING=OFF >/dev/null
    cmake --build build-analyzer -j"$JOBS"
fi

if [ "${ARS_SKIP_FUZZ:-0}" != 1 ]; then
    # The corpora are replayed by every build above; here the libFuzzer targets are built and
    # run for a fixed number of inputs (deterministic: -seed), which catches a target that no
    # longer builds or an invariant broken near the corpus. Long runs: scripts/fuzz.sh.
    stage "libFuzzer targets (clang), a short run each"
    CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARS_FUZZ=ON >/dev/null
    cmake --build build-fuzz -j"$JOBS" --target fuzz_api fuzz_segment fuzz_eval_text \
        fuzz_eval_grades fuzz_cli_parse fuzz_jsonl fuzz_df_model
    for t in api segment eval_text eval_grades cli_parse jsonl df_model; do
        mkdir -p "build-fuzz/smoke/$t"
        build-fuzz/tests/fuzz/fuzz_$t "build-fuzz/smoke/$t" "tests/fuzz/corpus/$t" -seed=1 \
            -runs=3000 -max_len=16384 -timeout=30 -artifact_prefix="build-fuzz/smoke/" \
            > "build-fuzz/smoke/$t.log" 2>&1 || { tail -n 30 "build-fuzz/smoke/$t.log"; exit 1; }
        echo "fuzz_$t: 3000 inputs, no finding"
    done
fi
stage "done"
