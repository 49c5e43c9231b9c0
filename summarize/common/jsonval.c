/* jsonval.c - jansson values from bytes that may not be UTF-8 and numbers that may not be finite
 * (see jsonval.h). */
#include "summarize/common/jsonval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/utf8.h"

json_t *jsonval_string(const char *s) {
    size_t len = strlen(s);
    if (utf8_valid(s, len)) return json_stringn(s, len);
    char *copy = utf8_lossy_copy(s, len, &len);
    json_t *j = copy ? json_stringn(copy, len) : NULL;
    free(copy);
    return j;
}

json_t *jsonval_real(double v) {
    return isfinite(v) ? json_real(v) : json_null();
}
