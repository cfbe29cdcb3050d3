/* jsonl.h -- parse one JSON-lines record into an article.
 *
 * A hand-written parser for the one shape dateline reads: a flat object
 * whose known fields are strings (or numbers, for ids and dates).  It is
 * about ten times cheaper than building a jansson tree for every line,
 * and it is more forgiving in the two ways news feeds need: invalid UTF-8
 * inside strings is passed on (the text layer replaces and counts it) and
 * raw control characters inside strings are accepted.  Values of unknown
 * fields are handed to jansson, one value at a time, and kept in meta.
 */
#ifndef DL_JSONL_H
#define DL_JSONL_H
#include <stddef.h>
#include "article.h"

/* Parse s[0..n) (one line, no newline) into out's fields (id, url, title,
 * text, published from "published" or "date", source, language, author,
 * site, meta).  Returns 0, or -1 with a message naming the byte column in
 * err ("invalid JSON at column 17: expected ':'"). */
int dl_jsonl_parse(const char *s, size_t n, dl_article *out, char *err, size_t errcap);

#endif
