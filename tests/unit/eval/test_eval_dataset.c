/* test_eval_dataset.c - names of system folders: NAME=DIR, the folder's own name, paths for
 * folders that share a name (with each other or with run's methods), and names given twice. */
#include "test_util.h"

#include <errno.h>

#include "eval/dataset.h"

static void test_labels_name_dir_and_folder_names(void **state) {
    (void)state;
    char *args[] = {"peers/ID1/", "best=runs/x", "./a=b", "=c", "/"};
    eval_label l[5];
    size_t dup = 99;
    assert_int_equal(eval_labels_make(args, 5, NULL, 0, l, &dup), 0);
    assert_string_equal(l[0].name, "ID1");
    assert_string_equal(l[0].dir, "peers/ID1/");
    assert_string_equal(l[1].name, "best");
    assert_string_equal(l[1].dir, "runs/x");
    assert_string_equal(l[2].name, "a=b"); /* a '/' before '=': a path, not a label */
    assert_string_equal(l[2].dir, "./a=b");
    assert_string_equal(l[3].name, "=c"); /* no name before '=' */
    assert_string_equal(l[4].name, "/");
    eval_labels_free(l, 5);
}

static void test_labels_shared_folder_names_become_paths(void **state) {
    (void)state;
    char *args[] = {"x/ID1", "y/ID1//", "z/ID2", "w/lead"};
    const char *taken[] = {"lead", "default"};
    eval_label l[4];
    size_t dup = 99;
    assert_int_equal(eval_labels_make(args, 4, taken, 2, l, &dup), 0);
    assert_string_equal(l[0].name, "x/ID1");
    assert_string_equal(l[1].name, "y/ID1");
    assert_string_equal(l[2].name, "ID2");
    assert_string_equal(l[3].name, "w/lead"); /* "lead" is a method of the same run */
    eval_labels_free(l, 4);
}

static void test_labels_refuse_a_name_given_twice(void **state) {
    (void)state;
    eval_label l[3];
    size_t dup = 99;
    char *twice[] = {"A=x", "B=y", "A=z"};
    assert_int_equal(eval_labels_make(twice, 3, NULL, 0, l, &dup), EEXIST);
    assert_int_equal(dup, 2);
    char *same[] = {"p/ID1", "p/ID1"}; /* the same folder twice: even the paths collide */
    assert_int_equal(eval_labels_make(same, 2, NULL, 0, l, &dup), EEXIST);
    assert_int_equal(dup, 1);
    const char *taken[] = {"oracle"};
    char *clash[] = {"oracle=q"};
    assert_int_equal(eval_labels_make(clash, 1, taken, 1, l, &dup), EEXIST);
    assert_int_equal(dup, 0);
    char *label_vs_folder[] = {"ID1=a", "b/ID1"}; /* the folder gives way to the label */
    assert_int_equal(eval_labels_make(label_vs_folder, 2, NULL, 0, l, &dup), 0);
    assert_string_equal(l[0].name, "ID1");
    assert_string_equal(l[1].name, "b/ID1");
    eval_labels_free(l, 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_name_dir_and_folder_names),
        cmocka_unit_test(test_labels_shared_folder_names_become_paths),
        cmocka_unit_test(test_labels_refuse_a_name_given_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
