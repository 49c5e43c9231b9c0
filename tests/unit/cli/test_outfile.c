/* test_outfile.c - unit tests of the atomic output file (summarize/cli/outfile.c): the target
 * appears only on commit, an abort or a failed open leaves it as it was, and failures name the
 * path. */
#include "test_util.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "summarize/cli/outfile.h"

/* A fresh directory for one test; removed (with what the test left) by cleanup_dir. */
static void make_dir(char *dir, size_t size) {
    snprintf(dir, size, "%s/ars-outfile-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
}

/* A fresh directory and the path of the output file "brief.txt" in it (not created). */
static void make_target(char *dir, size_t dir_size, char *path, size_t path_size) {
    make_dir(dir, dir_size);
    snprintf(path, path_size, "%s/brief.txt", dir);
}

/* The file at path holds exactly text. */
static void assert_file_holds(const char *path, const char *text) {
    char *got = test_util_read_file(path, NULL);
    assert_non_null(got);
    assert_string_equal(got, text);
    free(got);
}

static size_t count_entries(const char *dir) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    unsigned long n = 0;
    assert_int_equal(fscanf(p, "%lu", &n), 1);
    pclose(p);
    return (size_t)n;
}

static void cleanup_dir(const char *dir) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_outfile_target_appears_only_on_commit(void **state) {
    (void)state;
    char dir[256], path[512];
    make_target(dir, sizeof dir, path, sizeof path);
    outfile o;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(outfile_open(&o, path, &err), ARS_OK);
    fputs("سطر واحد\n", o.f);
    assert_int_equal(access(path, F_OK), -1); /* only the temporary file exists so far */
    assert_int_equal(count_entries(dir), 1);
    assert_int_equal(outfile_commit(&o, &err), ARS_OK);
    size_t len = 0;
    char *got = test_util_read_file(path, &len);
    assert_non_null(got);
    assert_string_equal(got, "سطر واحد\n");
    free(got);
    assert_int_equal(count_entries(dir), 1); /* no temporary file left behind */
    cleanup_dir(dir);
}

static void test_outfile_abort_keeps_the_old_target(void **state) {
    (void)state;
    char dir[256], path[512];
    make_target(dir, sizeof dir, path, sizeof path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    outfile o;
    assert_int_equal(outfile_open(&o, path, NULL), ARS_OK);
    fputs("new\n", o.f);
    outfile_abort(&o);
    assert_file_holds(path, "old\n");
    assert_int_equal(count_entries(dir), 1);
    outfile_abort(&o); /* a second abort on the zeroed struct is harmless */
    cleanup_dir(dir);
}

static void test_outfile_open_in_missing_folder_names_the_path(void **state) {
    (void)state;
    outfile o;
    ars_error err = {ARS_OK, ""};
    const char *path = "/nonexistent-ars-dir/brief.txt";
    assert_int_equal(outfile_open(&o, path, &err), ARS_EIO);
    assert_int_equal(err.status, ARS_EIO);
    assert_non_null(strstr(err.message, "/nonexistent-ars-dir/brief.txt: cannot create output: "));
    assert_null(o.f);
    outfile_abort(&o);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* In a child: opens path, writes, then does what `then` says; returns the child's wait status. */
enum { THEN_RAISE, THEN_COMMIT };
static int child_writes(const char *path, int then, int sig, int ignore_first) {
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (ignore_first) signal(sig, SIG_IGN); /* as under nohup */
        outfile o;
        if (outfile_open(&o, path, NULL) != ARS_OK) _exit(10);
        for (int i = 0; i < 200; i++)
            fputs("سطر من الموجز يتكرر ليتجاوز حد حجم الملف\n", o.f);
        if (then == THEN_RAISE) raise(sig);
        _exit(outfile_commit(&o, NULL) == ARS_OK ? 0 : 11);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

/* SIGTERM, SIGINT or SIGHUP while the temporary file exists: it is removed, the old target
 * kept, and the program dies of the signal as it would have. */
static void test_outfile_signal_removes_the_temporary_file(void **state) {
    (void)state;
    const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t k = 0; k < 3; k++) {
        char dir[256], path[512];
        make_target(dir, sizeof dir, path, sizeof path);
        write_file(path, "old\n");
        int status = child_writes(path, THEN_RAISE, sigs[k], 0);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), sigs[k]);
        assert_int_equal(count_entries(dir), 1);
        assert_file_holds(path, "old\n");
        cleanup_dir(dir);
    }
}

/* Under nohup (SIGHUP ignored), a hangup changes nothing: the output is committed. */
static void test_outfile_ignored_hangup_stays_ignored(void **state) {
    (void)state;
    char dir[256], path[512];
    make_target(dir, sizeof dir, path, sizeof path);
    int status = child_writes(path, THEN_RAISE, SIGHUP, 1);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(count_entries(dir), 1);
    cleanup_dir(dir);
}

/* Past RLIMIT_FSIZE the write fails with EFBIG (SIGXFSZ is ignored): commit reports it, the
 * temporary file is removed and the old target kept. */
static void test_outfile_file_size_limit_is_a_write_error(void **state) {
    (void)state;
    char dir[256], path[512];
    make_target(dir, sizeof dir, path, sizeof path);
    write_file(path, "old\n");
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = 1000;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    int status = child_writes(path, THEN_COMMIT, 0, 0);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 11);
    assert_int_equal(count_entries(dir), 1);
    assert_file_holds(path, "old\n");
    cleanup_dir(dir);
}

/* A writable file in a folder where no file can be created (a temporary file cannot be): written
 * in place, as `>` would. Run as an ordinary user (root is not refused by modes). */
static void test_outfile_writes_in_place_in_a_read_only_folder(void **state) {
    (void)state;
    char dir[256], path[512];
    make_target(dir, sizeof dir, path, sizeof path);
    write_file(path, "old\n");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (getuid() == 0) {
            if (chown(dir, 65534, 65534) != 0 || chown(path, 65534, 65534) != 0) _exit(20);
            if (setgid(65534) != 0 || setuid(65534) != 0) _exit(21);
        }
        if (chmod(dir, 0555) != 0) _exit(22);
        outfile o;
        ars_error err = {ARS_OK, ""};
        if (outfile_open(&o, path, &err) != ARS_OK) _exit(23);
        fputs("new\n", o.f);
        _exit(outfile_commit(&o, &err) == ARS_OK && o.f == NULL ? 0 : 24);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_file_holds(path, "new\n");
    assert_int_equal(chmod(dir, 0755), 0);
    cleanup_dir(dir);
}

/* A file we may not write (0444) is refused, though the folder would allow a rename over it;
 * as an ordinary user (root may write anything). */
static void test_outfile_refuses_a_read_only_file(void **state) {
    (void)state;
    char dir[256], path[512];
    make_target(dir, sizeof dir, path, sizeof path);
    write_file(path, "old\n");
    assert_int_equal(chmod(path, 0444), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (getuid() == 0) {
            if (chown(dir, 65534, 65534) != 0 || chown(path, 65534, 65534) != 0) _exit(20);
            if (setgid(65534) != 0 || setuid(65534) != 0) _exit(21);
        }
        outfile o;
        ars_error err = {ARS_OK, ""};
        if (outfile_open(&o, path, &err) != ARS_EIO) _exit(22);
        _exit(strstr(err.message, "cannot create output: Permission denied") ? 0 : 23);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_file_holds(path, "old\n");
    assert_int_equal(count_entries(dir), 1);
    cleanup_dir(dir);
}

/* A socket is neither replaced nor written: refused, saying what it is not. */
static void test_outfile_refuses_a_socket(void **state) {
    (void)state;
    char dir[256], path[512];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/sock", dir);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    assert_true(strlen(path) < sizeof addr.sun_path);
    memcpy(addr.sun_path, path, strlen(path) + 1);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    outfile o;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(outfile_open(&o, path, &err), ARS_EIO);
    assert_non_null(strstr(err.message, "not a regular file, FIFO or character device"));
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISSOCK(st.st_mode));
    assert_int_equal(count_entries(dir), 1);
    close(fd);
    cleanup_dir(dir);
}

/* "-" is standard output; "" is refused. */
static void test_outfile_dash_and_empty_name(void **state) {
    (void)state;
    outfile o;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(outfile_open(&o, "-", &err), ARS_OK);
    assert_ptr_equal(o.f, stdout);
    assert_string_equal(o.path, "standard output");
    assert_int_equal(outfile_commit(&o, &err), ARS_OK);
    assert_int_equal(outfile_open(&o, "", &err), ARS_EARG);
    assert_string_equal(err.message, "output file name is empty");
    outfile_abort(&o);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outfile_target_appears_only_on_commit),
        cmocka_unit_test(test_outfile_abort_keeps_the_old_target),
        cmocka_unit_test(test_outfile_open_in_missing_folder_names_the_path),
        cmocka_unit_test(test_outfile_signal_removes_the_temporary_file),
        cmocka_unit_test(test_outfile_ignored_hangup_stays_ignored),
        cmocka_unit_test(test_outfile_file_size_limit_is_a_write_error),
        cmocka_unit_test(test_outfile_writes_in_place_in_a_read_only_folder),
        cmocka_unit_test(test_outfile_refuses_a_read_only_file),
        cmocka_unit_test(test_outfile_refuses_a_socket),
        cmocka_unit_test(test_outfile_dash_and_empty_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
