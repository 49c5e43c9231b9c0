/* dataset.h - the evaluation data layout: DATASET/<topic>/docs/NAME.txt (inputs), refs/NAME.txt
 * (reference summaries), folders starting with "_" or "." are not topics; a system's summaries are
 * DIR/<topic>.txt, named after the folder or NAME=DIR. Listings are sorted by byte order so every
 * run sees the same order. Part of eval/, used by main.c and the tests. */
#ifndef ARS_EVAL_DATASET_H
#define ARS_EVAL_DATASET_H

#include <stddef.h>

typedef struct {
    char **items; /* malloc'd NUL-terminated strings */
    size_t n, cap;
} eval_names;

void eval_names_free(eval_names *l);

/* Appends a copy of s. Returns 0 or ENOMEM. */
int eval_names_push(eval_names *l, const char *s);

/* Lists dir: regular files whose name ends with suffix (want_dirs 0), or subdirectories whose name
 * does not start with '_' or '.' (want_dirs 1). Names only, sorted. *out must be empty. Returns 0
 * or an errno value (ENOENT, ENOTDIR, EACCES, ENOMEM...). */
int eval_list_dir(const char *dir, int want_dirs, const char *suffix, eval_names *out);

/* Joins a and b with '/' into a new malloc'd string; NULL when out of memory. */
char *eval_path_join(const char *a, const char *b);

/* A system folder as given on the command line and the name it is shown and matched under. */
typedef struct {
    char *name; /* owned */
    char *dir;  /* owned */
} eval_label;

/* Names the folders args[0..n): "NAME=DIR" (NAME not empty and without '/') is named NAME;
 * otherwise a folder is named after its last path component, and folders whose last components
 * collide with each other or with a taken name (taken[0..n_taken), e.g. the methods of run) are
 * named by their paths as given, trailing '/' removed. out[0..n) receives the labels. Returns 0;
 * ENOMEM; or EEXIST when a name is still given twice, with *dup the index in args of its second
 * use (out is then freed). Free with eval_labels_free. */
int eval_labels_make(char *const *args, size_t n, const char *const *taken, size_t n_taken,
                     eval_label *out, size_t *dup);
void eval_labels_free(eval_label *l, size_t n);

#endif
