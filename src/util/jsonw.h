/* jsonw.h -- serialise a jansson value to compact JSON, fast.
 *
 * dl_json_write() produces exactly what json_dumps(v, JSON_COMPACT |
 * JSON_REAL_PRECISION(10)) does (objects in insertion order, "%.10g" reals
 * with ".0" added when needed,
 * UTF-8 kept as is, the same escapes) at a fraction of the cost: jansson
 * escapes strings one code point at a time through a callback, and output
 * is most of what `dateline code` spends.  tests/unit/jsonw_test.c checks
 * byte-for-byte equality with json_dumps on constructed values and on the
 * real output of the pipeline.
 */
#ifndef DL_JSONW_H
#define DL_JSONW_H
#include <jansson.h>
#include "buf.h"

void dl_json_write(dl_buf *out, const json_t *v);

#endif
