#!/bin/sh
# test.sh - installs dependencies, builds with warnings as errors, and runs every test; then builds,
# installs and links against the installed package as users do (shared and static, pkg-config and
# find_package, nm of the installed libraries: tests/install/run.sh); then the same tests again
# under AddressSanitizer + UndefinedBehaviorSanitizer. This is what CI runs. ARS_WITH_CHROMIUM=0
# skips installing Chromium (the briefing's HTML check is then skipped).
set -eu
cd "$(dirname "$0")/.."
ARS_WITH_CHROMIUM=${ARS_WITH_CHROMIUM:-1} sh scripts/install-deps.sh # Chromium: the HTML check
JOBS=${JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARS_WERROR=ON >/dev/null
cmake --build build -j"$JOBS"
(cd build && ctest --output-on-failure -j"$JOBS")
JOBS=$JOBS sh tests/install/run.sh build-install
if [ "${ARS_SKIP_SANITIZE:-0}" != 1 ]; then
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DARS_WERROR=ON -DARS_SANITIZE=ON >/dev/null
    cmake --build build-asan -j"$JOBS"
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j"$JOBS")
fi
