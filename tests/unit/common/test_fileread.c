/* test_fileread.c - unit tests of summarize/common/fileread.c: files read relative to a folder
 * into one buffer kept from file to file (grown only when a file needs more), each followed by a
 * NUL; messages name the path given, not the name opened; a folder, a missing file and a file past
 * the limit are refused with the statuses of ars_file_read. */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/common/fileread.h"

static char dir[64];
static int dfd = -1;

static void write_file(const char *name, const char *bytes, size_t len) {
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    test_util_write_file(path, bytes, len);
}

static int setup(void **state) {
    (void)state;
    strcpy(dir, "/tmp/ars-fileread-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    dfd = open(dir, O_RDONLY | O_DIRECTORY);
    return dfd >= 0 ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    const char *names[] = {"big.txt", "small.txt", "empty.txt"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        (void)unlinkat(dfd, names[k], 0);
    (void)unlinkat(dfd, "sub", AT_REMOVEDIR);
    close(dfd);
    return rmdir(dir);
}

static void test_fileread_reuses_one_buffer(void **state) {
    (void)state;
    size_t big_len = 100000;
    char *big = malloc(big_len);
    assert_non_null(big);
    for (size_t i = 0; i < big_len; i++)
        big[i] = (char)('a' + i % 26);
    write_file("big.txt", big, big_len);
    write_file("small.txt", "سطر\n", strlen("سطر\n"));
    write_file("empty.txt", "", 0);
    char *buf = NULL;
    size_t cap = 0, len = 0;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(fileread_at(dfd, "big.txt", "x/big.txt", 0, &buf, &cap, &len, NULL, &err),
                     ARS_OK);
    assert_int_equal(len, big_len);
    assert_memory_equal(buf, big, big_len);
    assert_int_equal(buf[len], '\0');
    assert_true(cap >= big_len + 1);
    char *first = buf;
    size_t first_cap = cap;
    assert_int_equal(fileread_at(dfd, "small.txt", "x/small.txt", 0, &buf, &cap, &len, NULL, &err),
                     ARS_OK);
    assert_int_equal(len, strlen("سطر\n"));
    assert_string_equal(buf, "سطر\n");
    assert_ptr_equal(buf, first); /* the same buffer, not grown */
    assert_int_equal(cap, first_cap);
    assert_int_equal(fileread_at(dfd, "empty.txt", "x/empty.txt", 0, &buf, &cap, &len, NULL, &err),
                     ARS_OK);
    assert_int_equal(len, 0);
    assert_int_equal(buf[0], '\0');
    /* The same file by its path from the working folder. */
    char path[128];
    snprintf(path, sizeof path, "%s/small.txt", dir);
    assert_int_equal(fileread_at(AT_FDCWD, path, path, 0, &buf, &cap, &len, NULL, &err), ARS_OK);
    assert_string_equal(buf, "سطر\n");
    free(buf);
    free(big);
}

static void test_fileread_refusals_name_the_path(void **state) {
    (void)state;
    write_file("small.txt", "abcdef", 6);
    assert_int_equal(mkdirat(dfd, "sub", 0700), 0);
    char *buf = NULL;
    size_t cap = 0, len = 0;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(
        fileread_at(dfd, "missing.txt", "in/missing.txt", 0, &buf, &cap, &len, NULL, &err),
        ARS_EIO);
    assert_string_equal(err.message, "in/missing.txt: No such file or directory");
    assert_int_equal(fileread_at(dfd, "sub", "in/sub", 0, &buf, &cap, &len, NULL, &err), ARS_EIO);
    assert_string_equal(err.message, "in/sub: Is a directory");
    int is_dir = 0;
    assert_int_equal(fileread_at(dfd, "sub", "in/sub", 0, &buf, &cap, &len, &is_dir, &err),
                     ARS_EIO);
    assert_int_equal(is_dir, 1);
    assert_int_equal(
        fileread_at(dfd, "small.txt", "in/small.txt", 0, &buf, &cap, &len, &is_dir, &err), ARS_OK);
    assert_int_equal(is_dir, 0);
    assert_int_equal(fileread_at(dfd, "small.txt", "in/small.txt", 5, &buf, &cap, &len, NULL, &err),
                     ARS_ELIMIT);
    assert_string_equal(err.message, "in/small.txt: larger than 5 bytes");
    assert_int_equal(len, 0);
    assert_int_equal(fileread_at(dfd, "small.txt", "in/small.txt", 6, &buf, &cap, &len, NULL, &err),
                     ARS_OK);
    assert_string_equal(buf, "abcdef");
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fileread_reuses_one_buffer),
        cmocka_unit_test(test_fileread_refusals_name_the_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
