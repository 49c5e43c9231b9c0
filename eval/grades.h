/* grades.h - human grades of system summaries, read from a tab-separated file with a header row
 * (MultiLing 2011's grades.tsv: "Topic", "Peer", "Evaluator", "Grade", ...; strings may be
 * quoted). The grades of one (topic, peer) pair, one per judge, are averaged. Part of eval/, used
 * by meta (main.c) to correlate metrics with people. */
#ifndef ARS_EVAL_GRADES_H
#define ARS_EVAL_GRADES_H

#include <stddef.h>

typedef struct {
    char **topic, **peer; /* owned, n each */
    double *grade;        /* n: the mean over the rows of (topic[i], peer[i]) */
    size_t *judges;       /* n: how many rows were averaged */
    size_t n, cap;
    size_t *slots;  /* hash index of the pairs: i + 1, or 0 for an empty slot */
    size_t n_slots; /* a power of two, at least twice n (0 before the first pair) */
} eval_grades;

/* Parses the file's bytes [s, s+len): the header must name the columns Topic and Peer and the
 * grade column `column`; every row needs those fields, the grade a finite number. path names the
 * file in messages. Returns 0; ENOMEM; or EINVAL with a message "PATH: line N: what" in
 * err[0..err_cap). *out must be zeroed; free it with eval_grades_free either way. */
int eval_grades_parse(const char *s, size_t len, const char *path, const char *column,
                      eval_grades *out, char *err, size_t err_cap);

/* Reads the file at path and parses it as above. Returns as above, or the errno of the read
 * (with a message). */
int eval_grades_load(const char *path, const char *column, eval_grades *out, char *err,
                     size_t err_cap);

void eval_grades_free(eval_grades *g);

/* Index of the pair (topic, peer), or (size_t)-1. Constant time: a file of a million pairs is
 * read in linear time. */
size_t eval_grades_find(const eval_grades *g, const char *topic, const char *peer);

#endif
