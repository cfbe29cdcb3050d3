/* reader.h -- turn files, directories and stdin into articles.
 *
 * A dl_reader walks a list of paths.  Directories are walked recursively in
 * name order (so output order is stable).  The format of each file is chosen
 * by its name (after stripping .gz): .jsonl/.ndjson/.json -> JSON lines,
 * .html/.htm -> HTML page, .warc/.arc -> WARC archive, anything else -> one
 * plain-text article.  "-" is stdin, sniffed: '{' first -> JSON lines,
 * "WARC/" -> WARC, '<' -> HTML, else plain text.  gzip is detected by magic
 * bytes, not by name, and zlib reads concatenated members.
 *
 *   dl_reader *r = dl_reader_new(paths, npaths, &opts);
 *   dl_article art = {0};
 *   while ((rc = dl_reader_next(r, &art)) != DL_READ_EOF) {
 *       if (rc == DL_READ_ERROR) -> art.error holds "FILE:LINE: message";
 *       ... use art ...;
 *       dl_article_clear(&art);
 *   }
 *   dl_reader_stats_get(r) -> counts for the summary line
 *
 * An error in one record (bad JSON line, truncated gzip, unreadable file)
 * is returned as one DL_READ_ERROR article and reading goes on with the
 * next record or file: nothing is dropped without being counted.
 */
#ifndef DL_READER_H
#define DL_READER_H
#include "article.h"

enum { DL_READ_EOF = 0, DL_READ_OK = 1, DL_READ_ERROR = 2 };

typedef struct dl_reader_opts {
    size_t max_bytes;    /* a record larger than this is an error; 0 = 64 MiB */
    const char *format;  /* force "text", "jsonl", "html" or "warc"; NULL = auto */
} dl_reader_opts;

typedef struct dl_reader_stats {
    long files;          /* files opened */
    long records;        /* articles returned OK */
    long errors;         /* records or files that failed */
    long no_body;        /* web pages read but holding no article body: returned
                            as DL_READ_ERROR with that message, counted here and
                            not in errors */
    long skipped;        /* records read but not articles (WARC request records, ...) */
    long long bytes;     /* bytes of input read (decompressed) */
} dl_reader_stats;

typedef struct dl_reader dl_reader;

dl_reader *dl_reader_new(const char *const *paths, int npaths, const dl_reader_opts *opts);
int dl_reader_next(dl_reader *r, dl_article *out);
const dl_reader_stats *dl_reader_stats_get(const dl_reader *r);

/* With on, HTML pages (files and WARC records) come back unextracted, with
 * html_pending set; dl_article_extract_html must then be called on each
 * article (by any thread) before its text is used.  An extraction failure
 * is then an error of that article, not of the reader (stats.records
 * counts it as read). */
void dl_reader_defer_html(dl_reader *r, int on);

/* Extract a pending page in place: 0; 1 when the page holds no article
 * body, or -1 when it cannot be read, both with a->error set ("FILE:
 * offset N: message in URL").  Does nothing (0) if nothing is pending. */
int dl_article_extract_html(dl_article *a);
void dl_reader_free(dl_reader *r);

#endif
