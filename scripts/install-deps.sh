#!/bin/sh
# install-deps.sh - installs the build and test dependencies from Debian 12 packages (run as root,
# or with sudo available). Safe to run again. clang and libclang-rt-dev (its sanitizer and libFuzzer
# runtimes, only recommended by clang) for the clang sanitizer build and the fuzz targets; valgrind
# for the memcheck run of the end-to-end tests. With ARS_WITH_CHROMIUM=1 (scripts/test.sh sets
# it, so CI has it) it also installs Chromium and DejaVu fonts (which have Arabic) for one test only,
# the check of the briefing's HTML page in a browser (tests/briefing/html_chromium.sh), which is
# skipped where Chromium is missing.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config \
    libutf8proc-dev libopenblas-dev libstemmer-dev libjansson-dev libcmocka-dev \
    clang libclang-rt-dev valgrind >/dev/null
if [ "${ARS_WITH_CHROMIUM:-0}" = 1 ]; then
    $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
