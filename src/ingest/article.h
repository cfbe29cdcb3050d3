/* article.h -- one input article as the readers deliver it.
 *
 * All strings are owned by the article (malloc'd) and freed by
 * dl_article_clear().  `text` is the raw body as read (not yet cleaned);
 * `origin` and `line` say where it came from, for error messages
 * ("FILE:LINE: message") and for the output.
 */
#ifndef DL_ARTICLE_H
#define DL_ARTICLE_H
#include <stddef.h>
#include <jansson.h>

typedef struct dl_article {
    char *origin;      /* file name, "-" for stdin, or "FILE:member" */
    long line;         /* line (JSONL) or record number, 0 when not meaningful */
    long offset;       /* byte offset of the record in its (decompressed) file, -1 if unknown */
    char *id;          /* from the input, else NULL (the pipeline hashes the text) */
    char *url;
    char *title;
    char *published;   /* publication date as given */
    char *source;      /* outlet or wire */
    char *language;
    char *author;
    char *site;
    char *text;        /* raw body bytes (may contain invalid UTF-8) */
    size_t text_len;
    json_t *meta;      /* unknown input fields, kept verbatim; NULL if none */
    char *error;       /* set when the record could not be parsed: then no text */
    char *kind;        /* "text", "jsonl", "html", "warc" -- what the reader was */
    /* A page read but not yet extracted (dl_reader_defer_html): `text`
     * holds the raw HTML until dl_article_extract_html, which the threaded
     * driver runs on a worker, so that HTML extraction scales with -j. */
    int html_pending;
    char *html_charset;        /* charset from the HTTP header, or NULL */
    char *published_fallback;  /* WARC-Date: used when the page gives no date */
    char *where;               /* "FILE" or "FILE: offset N", for an extraction error */
    char *where_note;          /* " (gzip member at byte M)", or NULL */
} dl_article;

void dl_article_clear(dl_article *a);

/* An article whose body is `len` bytes at `text`, borrowed, with every
 * other field empty and the offset unknown: what the case files, tests,
 * benchmarks and fuzz harnesses hand to dl_doc_analyse.  The caller keeps
 * `text` alive and must not dl_article_clear() such an article. */
void dl_article_of_text(dl_article *a, const char *text, size_t len);

#endif
