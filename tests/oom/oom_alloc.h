/* oom_alloc.h - a counting allocator interposed in a test program (tests/oom/oom_alloc.c): it
 * replaces malloc, calloc, realloc, free and the aligned allocators for the whole process, so it
 * sees the library's allocations and those of utf8proc, libstemmer, jansson, OpenBLAS and libc
 * (strdup, stdio) alike, without a hook in the library. While armed it counts allocation calls,
 * can make the Nth one fail, tracks how many blocks are live (leaks), and records call sites. It
 * forwards to AddressSanitizer's allocator in sanitizer builds (so ASan and LSan still check every
 * block) and to glibc's otherwise. */
#ifndef ARS_TESTS_OOM_ALLOC_H
#define ARS_TESTS_OOM_ALLOC_H

#include <stddef.h>

/* Starts counting from zero; the fail_at-th allocation call fails (returns NULL with ENOMEM),
 * and with persistent every later one too; fail_at 0: none fails. record: keep call sites. */
void oom_arm(size_t fail_at, int persistent, int record);

/* Stops counting and failing. Returns the number of allocation calls since oom_arm. */
size_t oom_disarm(void);

/* 1 when an allocation was made to fail since oom_arm, and the return address of the first. */
int oom_failed(void);
void *oom_failed_site(void);

/* Blocks allocated and not freed, counted since the program started (allocations made before
 * main by the loader are not seen; compare two readings). */
long oom_live(void);

/* Distinct call sites recorded (return addresses of the allocation calls), and the i-th. */
size_t oom_site_count(void);
void *oom_site(size_t i);

#endif
