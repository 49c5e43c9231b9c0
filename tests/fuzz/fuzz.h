/* fuzz.h - shared by the libFuzzer targets in tests/fuzz: the entry point every target defines and
 * the check that turns a broken invariant into a crash libFuzzer records (and the replay test
 * reports). */
#ifndef ARS_TESTS_FUZZ_H
#define ARS_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with the failed condition and its place: an invariant does not hold. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
