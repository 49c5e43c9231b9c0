/* postings.h - an inverted index of sparse rows: for each column, the rows that hold it and their
 * values. What the selector (summarize/rank/select.c) and the stories of a selection
 * (summarize/rank/stories.c) walk to find the rows that share a term with one row, so that a
 * choice costs the postings it touches and never a pass over all rows. Rows can leave the index
 * for good as they are met. Knows nothing of what the rows are. */
#ifndef ARS_VECTORS_POSTINGS_H
#define ARS_VECTORS_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/summarize.h" /* ars_status */

/* Column t's entries are [ptr[t], ptr[t] + len[t]) of rows/vals, rows ascending; len shrinks as
 * rows leave. */
typedef struct {
    size_t *ptr, *len, *rows;
    float *vals;
} postings;

/* The index of the n_rows rows of a CSR matrix (row r's entries [row_ptr[r], row_ptr[r + 1]) of
 * col/val, columns < n_cols). Returns ARS_OK or ARS_ENOMEM (*p then holds nothing to free but
 * what postings_free frees). */
ars_status postings_build(postings *p, size_t n_rows, size_t n_cols, const size_t *row_ptr,
                          const uint32_t *col, const float *val);

/* Frees the arrays of p; NULL members are fine. */
void postings_free(postings *p);

/* The dot product of the sparse vector (cols[k], vals[k]), k < n, with every row that shares a
 * column with it: dot[row] gets it, summed in the vector's column order in double; each such row is
 * listed once in touched and marked (marked[row] = 1, which the caller clears as it reads touched:
 * all zero on entry). A row whose flags[row] & gone is not 0 is skipped and leaves the index for
 * good. Returns how many rows were listed. */
size_t postings_dot(postings *p, const uint32_t *cols, const float *vals, size_t n,
                    const unsigned char *flags, unsigned char gone, double *dot,
                    unsigned char *marked, size_t *touched);

#endif
