/* warc.h -- streaming reader for WARC web archives (ISO 28500).
 *
 * Common Crawl's CC-NEWS and every web archive come as WARC files of about
 * 1 GB, usually gzip-compressed one record per gzip member.  dl_warc reads
 * such a file front to back with bounded memory (one record at a time, a
 * record larger than the limit is skipped with an error) and turns each
 * record that holds a page into an article:
 *
 *   response   the HTTP message is parsed (status line, headers, chunked
 *              transfer coding, gzip/deflate content coding); HTML bodies
 *              go through dl_html_extract_cs() with the HTTP charset,
 *              text/plain bodies are the text; other statuses and types
 *              are counted as skipped
 *   resource   the block itself, by its Content-Type (HTML or text)
 *   conversion WET plain text
 *   anything else (warcinfo, request, metadata, revisit, ...) is skipped
 *
 * WARC/1.0, 1.1 and 0.18; LF-only header lines are accepted.  Compression
 * is detected by the gzip magic, and the decompressor simply continues
 * across member boundaries, so per-record members, members that do not
 * line up with records, and a whole-file single member all read the same.
 *
 * Errors never stop the reader: a malformed header, a Content-Length that
 * runs past the end, stray bytes between records, a corrupt gzip member or
 * a page without an article body gives one DL_READ_ERROR article whose
 * `error` is "FILE: offset N: message" (N: the byte offset of the record in
 * the decompressed stream), and reading resumes at the next "WARC/" line
 * (and, for gzip damage, at the next gzip member).
 *
 *   dl_warc *w = dl_warc_open("x.warc.gz", -1, &err);
 *   while ((rc = dl_warc_next(w, &art)) != DL_READ_EOF) { ...; dl_article_clear(&art); }
 *   dl_warc_counts(w, &records, &skipped, &errors);
 *   dl_warc_close(w);
 */
#ifndef DL_WARC_H
#define DL_WARC_H
#include <stddef.h>
#include "article.h"
#include "reader.h"

typedef struct dl_warc dl_warc;

/* Open path (fd == -1) or read from fd (path is then only the name used in
 * messages).  NULL and *err (malloc'd: the reason, without the path) if the
 * file cannot be opened. */
dl_warc *dl_warc_open(const char *path, int fd, char **err);

/* Like dl_warc_open, but the first n bytes of the stream were already read
 * (by a format sniffer) and are given in `prefix`.  fd == -1 and path ==
 * NULL: the prefix is the whole input (used by the fuzzer and tests). */
dl_warc *dl_warc_open_prefix(const char *path, int fd, const void *prefix, size_t n, char **err);

/* Largest record block kept in memory (default 64 MiB); larger records are
 * skipped with an error.  0 keeps the default. */
void dl_warc_set_max(dl_warc *w, size_t max_bytes);
/* Return HTML records unextracted (see dl_reader_defer_html). */
void dl_warc_set_defer_html(dl_warc *w, int on);

/* Next article: DL_READ_OK, DL_READ_ERROR (out->error set, reading may go
 * on) or DL_READ_EOF.  out must be empty (zeroed or cleared). */
int dl_warc_next(dl_warc *w, dl_article *out);

/* records: articles returned OK; skipped: records that are not articles;
 * errors: DL_READ_ERROR results. */
void dl_warc_counts(const dl_warc *w, long *records, long *skipped, long *errors);

/* Of the errors, the HTML pages that hold no article body (the page was
 * read; there is simply no story in it). */
long dl_warc_no_body(const dl_warc *w);

/* Bytes of decompressed input consumed so far. */
long long dl_warc_bytes(const dl_warc *w);

void dl_warc_close(dl_warc *w);

#endif
